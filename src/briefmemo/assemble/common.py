"""Helpers every assembler uses: text normalisation, similarity, citation merging."""

from __future__ import annotations

import re

from ..model import Citation


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'")).strip()


def tokens(text: str) -> set[str]:
    return set(norm(text).split())


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    ta, tb = tokens(a), tokens(b)
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= threshold


def merge_citations(*lists: list[Citation]) -> list[Citation]:
    seen: dict[tuple[str, int, int], Citation] = {}
    for lst in lists:
        for c in lst:
            seen.setdefault((c.source, c.start, c.end), c)
    return sorted(seen.values(), key=lambda c: (int(c.source[1:]) if c.source[1:].isdigit() else 0, c.start))


def date_key(value: str | None) -> int:
    digits = re.sub(r"\D", "", value or "")[:8]
    return int(digits.ljust(8, "0")) if digits else 0
