"""Check that every item of a memo is found inside the span its citations point at."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .ingest.decode import decode_bytes
from .model import Memo

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def normalise(text: str) -> str:
    """Whitespace folded and curly quotation marks made straight."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


@dataclass
class CitationProblem:
    section: str
    text: str
    source: str
    start: int
    end: int
    cited: str


def source_texts(memo: Memo, out_dir: Path | None = None) -> dict[str, str]:
    """The text each source id's offsets point into."""
    texts = {}
    for s in memo.sources:
        if s.cited_file:
            texts[s.id] = memo.cited_texts.get(s.id) or (out_dir / s.cited_file).read_text("utf-8")  # type: ignore[operator]
        else:
            texts[s.id] = decode_bytes(Path(s.file).read_bytes(), s.file)
    return texts


def check_citations(memo: Memo, texts: dict[str, str]) -> list[CitationProblem]:
    """Every (item, citation) whose cited span does not contain the item's text."""
    problems = []
    for section, text, citations in memo.items():
        if not citations:
            problems.append(CitationProblem(section, text, "", 0, 0, ""))
        for c in citations:
            cited = texts.get(c.source, "")[c.start:c.end]
            if normalise(text) not in normalise(cited):
                problems.append(CitationProblem(section, text, c.source, c.start, c.end, cited))
    return problems
