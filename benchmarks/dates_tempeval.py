"""Date values on real newswire: TempEval-3 dev (25 AQUAINT documents, gold TIMEX3 values).

Each document is written to a temporary file and run through what `briefmemo dates`
runs (commands.dates.collect_dates, one spaCy model for all), with the document's
creation date as --published. Printed, over the gold DATE expressions:

  value accuracy  our expression overlaps the gold span and its value equals the gold value
  span recall     some expression of ours overlaps the gold span
  acc. on found   value accuracy among the gold expressions we found

(values compared exactly, except that ISO week numbers may be zero-padded), a second row,
dateparser alone on the gold spans (the gold span given, its value from
dateparser.DateDataParser with the creation date as base and past preferred), and a third
row, ours again with the notation this corpus is inconsistent about set aside (part of
day suffixes, "-XX" tails): not the headline figure, a gauge of what is left. A last line
sorts the gold values we miss by kind (kind_of_miss).

    .venv/bin/python benchmarks/dates_tempeval.py [--errors]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "tempeval3-dev" / "tempeval3_dev25.json"


def load_docs() -> list[dict]:
    return json.loads(DATA.read_text(encoding="utf-8"))["docs"]


def run_ours(docs: list[dict], nlp) -> dict[str, list[dict]]:
    """Our expressions per document id, offsets into the document text."""
    from briefmemo.commands.dates import collect_dates

    found: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            path = Path(tmp) / f"{doc['id']}.txt"
            path.write_text(doc["text"], encoding="utf-8")
            dct = date.fromisoformat(doc["dct"][:10])
            found[doc["id"]] = collect_dates([path], dct, nlp)
    return found


def same_value(ours: str | None, gold: str) -> bool:
    """Exact value equality, notation aside: this data writes ISO weeks unpadded
    ("2000-W7"), we write them padded ("2000-W07"), as ISO 8601 and the memo schema do."""
    return ours is not None and re.sub(r"-W0(\d)$", r"-W\1", ours) == gold


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def loose(value: str | None) -> str | None:
    """A value with the notation this corpus is inconsistent about taken off: a part of
    day ("2000-01-05TEV", "2000-01-05TNI" and "2000-01-05" all occur for "Wednesday
    night") and an unspecified tail ("1949-XX" for "1949")."""
    if value is None:
        return None
    return re.sub(r"(-XX)+$", "", value.split("T")[0]) if value[:1].isdigit() else value


def score_loose(docs: list[dict], found: dict[str, list[dict]]) -> int:
    """How many gold DATE values we match once the notation differences are set aside."""
    right = 0
    for doc in docs:
        for g in (t for t in doc["timexes"] if t["type"] == "DATE"):
            hits = [p for p in found[doc["id"]] if _overlap(p, g) > 0]
            if hits:
                best = max(hits, key=lambda p: _overlap(p, g))
                right += same_value(loose(best["value"]), loose(g["value"]) or "")
    return right


def score_ours(docs: list[dict], found: dict[str, list[dict]], show_errors: bool) -> tuple[int, int, int]:
    total = spans = right = 0
    for doc in docs:
        for g in (t for t in doc["timexes"] if t["type"] == "DATE"):
            total += 1
            hits = [p for p in found[doc["id"]] if _overlap(p, g) > 0]
            if not hits:
                if show_errors:
                    print(f"MISS  {doc['dct'][:10]}  {g['text']!r} -> {g['value']}")
                continue
            spans += 1
            best = max(hits, key=lambda p: _overlap(p, g))
            if same_value(best["value"], g["value"]):
                right += 1
            elif show_errors:
                print(f"WRONG {doc['dct'][:10]}  {g['text']!r} gold {g['value']}  ours {best['text']!r} "
                      f"{best['value']} ({best['rule']}, {best['tense']})")
    return total, spans, right


def kind_of_miss(gold: dict, best: dict | None) -> str:
    """What kind of disagreement a wrong or missed gold value is, for the breakdown line:
    notation this corpus is inconsistent about, a week read another way, a phrase dated by
    an event ("the weeks before the shooting"), or anything else."""
    ours = best["value"] if best else None
    if ours is not None and same_value(loose(ours), loose(gold["value"]) or ""):
        return "part of day" if "T" in (ours + gold["value"]) else "-XX tail"
    if re.fullmatch(r"(?:the )?(?:days|weeks|months)", gold["text"].lower()):
        return "event-anchored span"
    if "week" in gold["text"].lower():
        return "week read as another unit"
    return "other"


def miss_kinds(docs: list[dict], found: dict[str, list[dict]]) -> Counter:
    kinds: Counter = Counter()
    for doc in docs:
        for g in (t for t in doc["timexes"] if t["type"] == "DATE"):
            hits = [p for p in found[doc["id"]] if _overlap(p, g) > 0]
            best = max(hits, key=lambda p: _overlap(p, g)) if hits else None
            if best is None or not same_value(best["value"], g["value"]):
                kinds[kind_of_miss(g, best)] += 1
    return kinds


def dateparser_value(text: str, dct: date) -> str | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                "RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)}
    data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    return {"year": f"{d.year}", "month": f"{d.year}-{d.month:02d}"}.get(data.period or "", d.isoformat())


def score_dateparser(docs: list[dict]) -> tuple[int, int]:
    total = right = 0
    for doc in docs:
        dct = date.fromisoformat(doc["dct"][:10])
        for g in (t for t in doc["timexes"] if t["type"] == "DATE"):
            total += 1
            right += same_value(dateparser_value(g["text"], dct), g["value"])
    return total, right


def main() -> None:
    show_errors = "--errors" in sys.argv
    docs = load_docs()
    from briefmemo.annotate import load_model

    found = run_ours(docs, load_model())
    total, spans, right = score_ours(docs, found, show_errors)
    rules = Counter(p["rule"] for ps in found.values() for p in ps)
    dp_total, dp_right = score_dateparser(docs)
    print(f"TempEval-3 dev: {len(docs)} documents, {total} gold DATE expressions")
    print(f"{'system':34} {'value acc':>9} {'span recall':>11} {'acc. on found':>13}")
    print(f"{'briefmemo dates (rules+dateparser)':34} {right / total:9.3f} {spans / total:11.3f} "
          f"{right / max(spans, 1):13.3f}")
    print(f"{'dateparser alone, gold spans':34} {dp_right / dp_total:9.3f} {'(given)':>11} "
          f"{dp_right / dp_total:13.3f}")
    lenient = score_loose(docs, found)
    print(f"{'briefmemo, part of day and -XX aside':34} {lenient / total:9.3f} {spans / total:11.3f} "
          f"{lenient / max(spans, 1):13.3f}")
    print("wrong or missed, by kind: " + ", ".join(f"{k} {v}" for k, v in miss_kinds(docs, found).most_common()))
    print("our expressions resolved by: " + ", ".join(f"{k} {v}" for k, v in sorted(rules.items())))


if __name__ == "__main__":
    main()
