"""Quotes across sources: one quotation carried by several outlets is one quote."""

from __future__ import annotations

from ..extract.facts import ArticleFacts, QuoteFact
from ..model import Quote
from .common import merge_citations, norm


def build_quotes(facts: list[ArticleFacts], names: dict[str, str]) -> list[Quote]:
    merged: list[Quote] = []
    for q in (q for f in facts for q in f.quotes):
        speaker = names.get(q.speaker or "", q.speaker)
        match = next((m for m in merged if _same_quote(m.text, q.text)), None)
        if match is None:
            merged.append(Quote(q.text, speaker, q.date, [q.citation], q.role, q.reported_by))
            continue
        _merge_quote(match, q, speaker)
    return merged


def _same_quote(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    shorter = min(na, nb, key=len)
    return bool(shorter) and len(shorter.split()) >= 3 and shorter in max(na, nb, key=len) or na == nb


def _merge_quote(match: Quote, q: QuoteFact, speaker: str | None) -> None:
    if len(norm(q.text)) > len(norm(match.text)):
        # The longer wording wins; its citation must be first, and only citations that
        # hold the longer text stay (a shorter excerpt's span does not contain it).
        match.text, match.citations = q.text, [q.citation]
    elif norm(q.text) == norm(match.text):
        match.citations = merge_citations(match.citations, [q.citation])
    if match.speaker is None and speaker:
        match.speaker, match.role = speaker, q.role
    if q.date and (match.date is None or q.date < match.date):
        match.date = q.date
