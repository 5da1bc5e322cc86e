"""The timeline: dated events, one entry per event however many sources report it."""

from __future__ import annotations

from ..extract.facts import ArticleFacts, EventFact
from ..model import TimelineEntry
from .common import merge_citations, similar


def build_timeline(facts: list[ArticleFacts]) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for e in sorted((e for f in facts for e in f.events), key=lambda e: (e.date, e.text)):
        match = next((t for t in entries if t.date == e.date and similar(t.text, e.text, 0.5)), None)
        if match:
            match.citations = merge_citations(match.citations, [e.citation])
        else:
            entries.append(_entry(e))
    return sorted(entries, key=lambda t: (t.date, t.text))


def _entry(e: EventFact) -> TimelineEntry:
    return TimelineEntry(e.date, e.text, [e.citation], e.kind)
