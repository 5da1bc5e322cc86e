"""Quotes on the seeds and on the news-style passages, against hand-written keys.

    .venv/bin/python benchmarks/quotes_seeds.py [--verbose]

- seeds: tests/keys/seeds_quotes.json (every direct quotation of seeds/ and its true
  speaker), extracted by `briefmemo quotes seeds` (in-process, the same collect_quotes).
- stories: tests/fixtures/stories/*/ (articles of our own making) against the "quotes" of
  each key.json.
- passages: tests/fixtures/quote_passages.json, one pattern each. Each passage is written
  to a file and read like any article; a passage too short for ingest's article test
  (under 20 words) is extracted from the lines ingest keeps as body (said so in the output).

A quotation matches its key by file and text (trailing punctuation and surrounding space
aside: the keys keep the trailing comma or period inside the marks). Printed: precision,
recall, speaker accuracy over the matched, and for the seeds also role, reported-by, date
and partial-flag agreement.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SEEDS = ROOT / "seeds"
SEEDS_KEY = ROOT / "tests" / "keys" / "seeds_quotes.json"
PASSAGES = ROOT / "tests" / "fixtures" / "quote_passages.json"
STORIES = ROOT / "tests" / "fixtures" / "stories"
_DETS = ("the ", "a ", "an ")


def clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:").replace("’", "'")


def same_name(a: str | None, b: str | None) -> bool:
    def n(x: str | None) -> str:
        x = (x or "").lower().strip()
        for d in _DETS:
            x = x.removeprefix(d)
        return x
    return n(a) == n(b)


def score(found: list[dict[str, Any]], keys: list[dict[str, Any]], verbose: bool,
          extra: bool = False) -> dict[str, float]:
    """Match found quotes to key entries (same file, same text) and count agreements."""
    unmatched = list(keys)
    pairs = []
    for q in found:
        k = next((k for k in unmatched if k["file"] == q["file"] and clean(k["text"]) == clean(q["text"])), None)
        if k is None:
            if verbose:
                print(f"  FP {q['file']}: {q['text'][:60]!r} [{q['speaker']}]")
            continue
        unmatched.remove(k)
        pairs.append((q, k))
    for k in unmatched if verbose else []:
        print(f"  FN {k['file']}: {k['text'][:60]!r} [{k['speaker']}]")
    out = {"precision": len(pairs) / len(found) if found else 0.0,
           "recall": len(pairs) / len(keys) if keys else 0.0,
           "speaker": _agree(pairs, lambda q, k: same_name(q["speaker"], k["speaker"]), "speaker", verbose)}
    if extra:
        out["reported_by"] = _agree(pairs, lambda q, k: same_name(q["reported_by"], k.get("reported_by")),
                                    "reported_by", verbose)
        out["role"] = _agree(pairs, lambda q, k: _role_ok(q["role"], k.get("role")), "role", verbose)
        out["date"] = _agree(pairs, lambda q, k: q["date"] in [k.get("date")] + k.get("date_alternatives", []),
                             "date", verbose)
        kinds = [(q, k) for q, k in pairs if "kind" in k]  # only keys that say full or partial
        if kinds:
            out["partial"] = _agree(kinds, lambda q, k: q["partial"] == (k["kind"] == "partial"), "partial", verbose)
    out["n_found"], out["n_key"], out["n_matched"] = len(found), len(keys), len(pairs)
    return out


def _role_ok(got: str | None, want: str | None) -> bool:
    """The key's role words all appear in the role given ("Japan's Chief Cabinet Secretary"
    holds "Chief Cabinet Secretary")."""
    if not want:
        return not got
    return bool(got) and all(w in got.lower().split() for w in want.lower().split())


def _agree(pairs: list, ok, what: str, verbose: bool) -> float:  # type: ignore[no-untyped-def]
    good = 0
    for q, k in pairs:
        if ok(q, k):
            good += 1
        elif verbose:
            print(f"  {what.upper()} {k['file']}: {k['text'][:50]!r} got {q.get(what)!r} want {k.get(what)!r}")
    return good / len(pairs) if pairs else 0.0


def _flat(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**q, "file": Path(q["citations"][0]["file"]).name} for q in found]


def seeds(nlp: Any, verbose: bool) -> dict[str, float]:
    from briefmemo.commands.quotes import collect_quotes

    keys = json.loads(SEEDS_KEY.read_text(encoding="utf-8"))
    return score(_flat(collect_quotes([SEEDS], nlp)), keys, verbose, extra=True)


def passages(nlp: Any, verbose: bool) -> tuple[dict[str, float], list[str]]:
    from briefmemo.commands.quotes import collect_quotes, quotes_in_text

    items = json.loads(PASSAGES.read_text(encoding="utf-8"))
    keys = [{**k, "file": f"{p['id']}.txt"} for p in items for k in p["quotes"]]
    found: list[dict[str, Any]] = []
    direct: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for p in items:
            path = Path(tmp) / f"{p['id']}.txt"
            path.write_text(p["text"], encoding="utf-8")
            got = collect_quotes([path], nlp, quiet=True)
            if not got and not _ingestible(path):
                direct.append(p["id"])
                got = quotes_in_text(_body_lines(p["text"]), nlp, date.fromisoformat(p["published"]), str(path))
            found += _flat(got)
    return score(found, keys, verbose), direct


def stories(nlp: Any, verbose: bool) -> dict[str, float]:
    """The fixture stories (news-style articles of our own making, each folder with a
    key.json whose "quotes" list every quotation and its speaker)."""
    from briefmemo.commands.quotes import collect_quotes

    found: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    for key_file in sorted(STORIES.glob("*/key.json")):
        keys += json.loads(key_file.read_text(encoding="utf-8")).get("quotes", [])
        found += _flat(collect_quotes([key_file.parent], nlp, quiet=True))
    return score(found, keys, verbose, extra=True)


def _body_lines(text: str) -> str:
    """The lines ingest would keep as article body, without its 20-word article minimum:
    a short passage still loses its page noise (a reader-comments section, say)."""
    from briefmemo.ingest.lines import classify, split_lines

    lines = split_lines(text)
    classify(lines)
    return "\n\n".join(ln.text for ln in lines if ln.verdict == "body")


def _ingestible(path: Path) -> bool:
    from briefmemo.errors import BadSourceError
    from briefmemo.ingest import load_article

    try:
        load_article(path, "S1")
    except BadSourceError:
        return False
    return True


def _print(name: str, s: dict[str, float]) -> None:
    rest = "  ".join(f"{k} {v:.3f}" for k, v in s.items() if k not in ("precision", "recall", "speaker")
                     and not k.startswith("n_"))
    print(f"{name:<9} P {s['precision']:.3f} ({s['n_matched']}/{s['n_found']})  "
          f"R {s['recall']:.3f} ({s['n_matched']}/{s['n_key']})  speaker {s['speaker']:.3f}  {rest}")


def main(verbose: bool = False) -> dict[str, dict[str, float]]:
    from briefmemo.annotate import load_model

    nlp = load_model()
    s = seeds(nlp, verbose)
    p, direct = passages(nlp, verbose)
    st = stories(nlp, verbose)
    _print("seeds", s)
    _print("passages", p)
    _print("stories", st)
    if direct:
        print(f"  ({len(direct)} passage(s) under ingest's 20-word article minimum, extracted from their body lines: "
              + ", ".join(direct) + ")")
    return {"seeds": s, "passages": p, "stories": st}


if __name__ == "__main__":
    main("--verbose" in sys.argv)
