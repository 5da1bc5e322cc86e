"""The timeline: dated events, one entry per event however many sources report it.

Two reports are the same event when their dates agree (equal, or one contains the other:
"last month" = 2018-09 and "on Wednesday" = 2018-09-12) and their sentences share enough
content words. The entry keeps the most precise report (its date, its sentence); the
others become its ``reports``, each with its own sentence and citation, since a citation
must contain the text it is given for.
"""

from __future__ import annotations

from ..extract.dates import value_bounds
from ..extract.facts import ArticleFacts, EventFact
from ..model import Evidence, TimelineEntry
from .undated import same_event

_KIND_ORDER = {"background": 0, "current": 1, "planned": 2}


def build_timeline(facts: list[ArticleFacts]) -> list[TimelineEntry]:
    events = [(f.source_id, e) for f in facts for e in f.events if e.date]
    # Finest dates first, so that each entry is dated by its most precise report.
    events.sort(key=lambda se: (-len(se[1].date), _order_key(se[1].date), se[0], se[1].citation.start))
    entries: list[tuple[TimelineEntry, set[str]]] = []
    for sid, e in events:
        match = _find(entries, sid, e)
        if match is None:
            entries.append((_entry(e), {sid}))
            continue
        entry, sources = match
        sources.add(sid)
        if _norm(entry.text) == _norm(e.text):
            entry.citations = sorted(set(entry.citations) | {e.citation}, key=_cite_key)
        else:
            entry.reports.append(Evidence(e.text, e.date, [e.citation]))
    out = [entry for entry, _ in entries]
    return sorted(out, key=lambda t: (_order_key(t.date), len(t.date), _KIND_ORDER.get(t.kind, 1), t.text))


def _find(entries: list[tuple[TimelineEntry, set[str]]], sid: str,
          e: EventFact) -> tuple[TimelineEntry, set[str]] | None:
    """The entry reporting the same event from another source, if any."""
    for entry, sources in entries:
        if sid in sources or not _compatible(entry.date, e.date):
            continue
        texts = [entry.text] + [r.text for r in entry.reports]
        if any(same_event(t, e.text) for t in texts):
            return entry, sources
    return None


def _compatible(a: str, b: str) -> bool:
    """Whether two values can name the same time: equal, or one inside the other."""
    if a == b:
        return True
    (a0, a1), (b0, b1) = value_bounds(a), value_bounds(b)
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _entry(e: EventFact) -> TimelineEntry:
    return TimelineEntry(e.date, e.text, [e.citation], e.kind, e.estimated)


def _order_key(value: str) -> str:
    return value_bounds(value)[0].isoformat()


def _norm(text: str) -> str:
    return " ".join(text.replace("“", '"').replace("”", '"').replace("’", "'").split())


def _cite_key(c):  # type: ignore[no-untyped-def]
    return (int(c.source[1:]) if c.source[1:].isdigit() else 0, c.start)
