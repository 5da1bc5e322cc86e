"""The seeds memo cites article text only: no item comes from a caption, comment or widget line."""

from __future__ import annotations

import json
from pathlib import Path

from briefmemo.ingest.lines import split_lines
from briefmemo.verify import source_texts

KEY = Path(__file__).resolve().parents[1] / "keys" / "seeds_ingest.json"


def _line_numbers(text: str, start: int, end: int) -> set[int]:
    return {ln.number for ln in split_lines(text) if ln.text and ln.start < end and ln.end > start}


def test_every_citation_lies_in_article_lines(seeds_memo):
    key = json.loads(KEY.read_text(encoding="utf-8"))
    texts = source_texts(seeds_memo)
    files = {s.id: Path(s.file).name for s in seeds_memo.sources}
    bad = []
    for section, text, citations in seeds_memo.items():
        for c in citations:
            k = key[files[c.source]]
            allowed = set(k["body_lines"]) | set(k.get("ambiguous_lines", []))
            lines = _line_numbers(texts[c.source], c.start, c.end)
            if not lines <= allowed:
                bad.append((section, files[c.source], sorted(lines - allowed), text[:60]))
    assert bad == []


def test_no_reader_comment_reaches_the_memo(seeds_memo):
    # Hand-picked comment sentences of seeds 000 and 002 (see the key's comment_lines).
    comments = ["They look like two dirty old men", "Japan desperately needs Russian tech",
                "totally unacceptable to most Japanese"]
    shown = " ".join(text for _, text, _ in seeds_memo.items())
    for c in comments:
        assert c not in shown


def test_memo_of_the_test_pages_cites_article_lines_only(nlp, monkeypatch):
    """Our own pages (portal with comments, paywalled newspaper, blog with widgets, ...): the memo
    built from them cites only the lines or paragraphs their keys call article text."""
    import re

    from briefmemo import build_memo

    pages = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    keys = {p.name.removesuffix(".key.json"): json.loads(p.read_text(encoding="utf-8"))
            for p in pages.glob("*.key.json")}
    monkeypatch.setattr("briefmemo.pipeline.load_model", lambda name=None: nlp)
    memo = build_memo([pages])
    texts = source_texts(memo)
    files = {s.id: Path(s.file).name for s in memo.sources}

    def norm(t: str) -> str:
        return re.sub(r"\s+", " ", t).strip()

    checked, bad = 0, []
    for section, text, citations in memo.items():
        for c in citations:
            key = keys[files[c.source]]
            cited = texts[c.source][c.start:c.end]
            if "body_lines" in key:
                lines = _line_numbers(texts[c.source], c.start, c.end)
                ok = lines <= set(key["body_lines"])
            elif "body_paragraphs" in key:
                ok = any(norm(cited) in norm(p) for p in key["body_paragraphs"])
            else:
                continue
            checked += 1
            if not ok:
                bad.append((section, files[c.source], cited[:60]))
    assert checked > 10 and bad == []
