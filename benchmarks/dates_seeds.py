"""Dates on the seeds and our own test sentences, and event recall on the seeds' timeline.

1. Seeds: every temporal expression of the five articles' bodies annotated by hand in
   tests/keys/seeds_dates.json (captions and event-anchored phrases such as "the last
   days of the war" are listed there but are not TIMEXes of the body, so not counted).
   Each file runs with the key's date: its date line, or for an undated page the date
   the key infers (as `briefmemo dates --published` would).
2. Sentences: tests/fixtures/date_sentences.json, news-style sentences covering the forms
   the issue lists, each with its publication date and gold values.
   An expression counts as right when one of ours overlaps it and its value is equal.
3. Events: tests/keys/seeds_events.json, the dated events of the seeds. The memo is built
   from the seeds as they are (undated pages estimated, not told their date); an event
   is found when a timeline entry has its date and the entry's sentence, or one of its
   other sources' sentences, holds one of the key's excerpts for it.

    .venv/bin/python benchmarks/dates_seeds.py [--errors]
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEYS = ROOT / "tests" / "keys"
FIXTURES = ROOT / "tests" / "fixtures"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_seeds(nlp, show: bool) -> tuple[int, int]:
    from briefmemo.commands.dates import collect_dates

    key = json.loads((KEYS / "seeds_dates.json").read_text(encoding="utf-8"))
    total = right = 0
    for name, entry in key.items():
        path = ROOT / "seeds" / name
        text = path.read_text(encoding="utf-8")
        published = date.fromisoformat(entry["published"] or entry["published_inferred"])
        ours = collect_dates([path], published, nlp)
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for g in entry["expressions"]:
            total += 1
            line_start = line_starts[g["line"] - 1]
            at = text.find(g["text"], line_start)
            gold = (at, at + len(g["text"]))
            hits = [o for o in ours if _overlap((o["start"], o["end"]), gold)]
            value = hits[0]["value"] if hits else "MISSED"
            if value == g["value"]:
                right += 1
            elif show:
                print(f"seeds  {name[:3]} line {g['line']}: {g['text']!r} gold {g['value']} ours {value}")
    return total, right


def score_sentences(nlp, show: bool) -> tuple[int, int]:
    from briefmemo.extract.dates import find_dates, text_context

    items = json.loads((FIXTURES / "date_sentences.json").read_text(encoding="utf-8"))
    total = right = 0
    for item, doc in zip(items, nlp.pipe(x["sentence"] for x in items)):
        mentions = find_dates(text_context(doc, date.fromisoformat(item["published"])))
        for g in item["expressions"]:
            total += 1
            at = item["sentence"].find(g["text"])
            hits = [m for m in mentions if _overlap((m.start, m.end), (at, at + len(g["text"])))]
            value = (hits[0].timeml or hits[0].value) if hits else "MISSED"
            if value == g["value"]:
                right += 1
            elif show:
                print(f"sentence {item['published']}: {g['text']!r} gold {g['value']} ours {value}  "
                      f"| {item['sentence']}")
    return total, right


def score_stories(nlp, show: bool) -> tuple[int, int]:
    """The temporal expressions of tests/fixtures/stories/*/key.json (each located by its
    context), every file run with the publication date its key gives (none if undated)."""
    from briefmemo.commands.dates import collect_dates

    total = right = 0
    for key_path in sorted((FIXTURES / "stories").glob("*/key.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        ours_by_file = {}
        for name, meta in key["articles"].items():
            when = date.fromisoformat(meta["published"]) if meta.get("published") else None
            ours_by_file[name] = collect_dates([key_path.parent / name], when, nlp)
        for g in key["dates"]:
            text = (key_path.parent / g["file"]).read_text(encoding="utf-8")
            at = text.find(g["context"])
            at = text.find(g["text"], at) if at >= 0 else -1
            total += 1
            hits = [o for o in ours_by_file[g["file"]] if at >= 0 and _overlap((o["start"], o["end"]),
                                                                              (at, at + len(g["text"])))]
            value = hits[0]["value"] if hits else "MISSED"
            if value == g["value"]:
                right += 1
            elif show:
                print(f"story  {g['file'][:24]}: {g['text']!r} gold {g['value']} ours {value}  | {g['context']}")
    return total, right


def score_story_events(show: bool) -> tuple[int, int]:
    """Event recall on the fixture stories' keys, each story's memo built from its folder."""
    from briefmemo import build_memo

    total = found = 0
    for key_path in sorted((FIXTURES / "stories").glob("*/key.json")):
        memo = build_memo([key_path.parent])
        files = {s.id: Path(s.file).name for s in memo.sources}
        for event in json.loads(key_path.read_text(encoding="utf-8"))["events"]:
            total += 1
            ok = any(t.date == event["date"] and any(
                files[c.source] in event["files"] and _norm(x) in _norm(text)
                for text, cites in [(t.text, t.citations)] + [(r.text, r.citations) for r in t.reports]
                for c in cites for x in event["excerpts"]) for t in memo.timeline)
            found += ok
            if not ok and show:
                print(f"story event {event['date']} ({event['kind']}): {event['what'][:80]}")
    return total, found


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("“", '"').replace("”", '"').replace("’", "'")).strip().lower()


def score_events(memo, show: bool) -> tuple[int, int, int]:
    """(key events, found, found with the key's kind) in the seeds memo's timeline."""
    files = {s.id: Path(s.file).name for s in memo.sources}
    key = json.loads((KEYS / "seeds_events.json").read_text(encoding="utf-8"))
    found = kinds = 0
    for event in key:
        hit = None
        for t in memo.timeline:
            if t.date != event["date"]:
                continue
            reports = [(t.text, t.citations)] + [(r.text, r.citations) for r in t.reports]
            for text, cites in reports:
                for ev in event["evidence"]:
                    if any(files[c.source] == ev["file"] for c in cites) and _norm(ev["excerpt"]) in _norm(text):
                        hit = t
        if hit is not None:
            found += 1
            kinds += hit.kind == event["kind"]
        elif show:
            print(f"event  {event['date']} ({event['kind']}): {event['what'][:90]}")
    return len(key), found, kinds


def main() -> None:
    from briefmemo.annotate import load_model

    show = "--errors" in sys.argv
    nlp = load_model()
    s_total, s_right = score_seeds(nlp, show)
    f_total, f_right = score_sentences(nlp, show)
    from briefmemo import build_memo

    e_total, e_found, e_kinds = score_events(build_memo([ROOT / "seeds"]), show)
    print(f"{'set':44} {'n':>4} {'value accuracy':>14}")
    print(f"{'seeds (hand-annotated body expressions)':44} {s_total:4d} {s_right / s_total:14.3f}")
    print(f"{'test sentences (tests/fixtures)':44} {f_total:4d} {f_right / f_total:14.3f}")
    both = (s_right + f_right) / (s_total + f_total)
    print(f"{'both':44} {s_total + f_total:4d} {both:14.3f}")
    t_total, t_right = score_stories(nlp, show)
    print(f"{'fixture stories (tests/fixtures/stories)':44} {t_total:4d} {t_right / t_total:14.3f}")
    print(f"event recall on the seeds' timeline: {e_found}/{e_total} = {e_found / e_total:.3f} "
          f"(kind agrees for {e_kinds} of the {e_found} found)")
    st_total, st_found = score_story_events(show)
    print(f"event recall on the fixture stories' timelines: {st_found}/{st_total} = {st_found / st_total:.3f}")


if __name__ == "__main__":
    main()
