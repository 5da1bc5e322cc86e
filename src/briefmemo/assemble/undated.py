"""Articles without a date, and date lines that the text disagrees with.

An undated article still says when things happened: its own absolute references
("December 2012", "1961"), and events that other, dated articles also report ("in
September", "on Wednesday", worded alike). From these we estimate a lower bound for its
publication ("after 2018-11"), kept in Source.published_estimate and never in
Source.published, and date its events with that estimate (marked as estimated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..extract.dates import kind_of, value_bounds
from ..extract.facts import ArticleFacts, EventFact
from ..extract.timex import DAY_AFTER_DATELINE, MONTHS, WEEKDAYS
from ..model import Source
from .common import tokens

# Two reports of one event share this many content words (names, verbs, objects) ...
MIN_SHARED_WORDS = 4
# ... and this share of the shorter one's content words.
MIN_OVERLAP = 0.3
_STOP = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "has", "have", "had", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "them", "him", "who", "which", "what", "when", "where", "would", "will", "said", "says", "say", "told", "after", "before", "over", "into", "about", "than", "then", "there", "also", "not", "no", "more", "most", "some", "any", "two", "one", "all", "can", "could", "may", "might", "should", "year", "years", "month", "day", "week", "later", "earlier", "last", "next"]
) | frozenset(MONTHS) | frozenset(WEEKDAYS)


@dataclass
class _Anchor:
    value: str  # the calendar value the article's expression turned out to mean
    past: bool  # reported as having happened (a lower bound for the article's date)


def estimate_undated(sources: list[Source], facts: list[ArticleFacts]) -> list[str]:
    """Estimate undated articles' dates, date their pending events; return notes for the memo."""
    notes: list[str] = []
    by_id = {s.id: s for s in sources}
    number = {s.id: i for i, s in enumerate(sources, 1)}
    dated_events = [(f.source_id, e) for f in facts if f.published for e in f.events if e.date]
    for f in facts:
        source = by_id.get(f.source_id)
        if source is None:
            continue
        if f.published:
            notes += _dateline_notes(source, f, number[source.id])
            continue
        found = _estimate(f, dated_events)
        if found is None:
            continue
        source.published_estimate, tied = found
        basis = "its own references and the other articles" if tied else "the dates it tells of as past"
        notes.append(f"{_name(source, number[source.id])} gives no publication date; from {basis} it was "
                     f"published {source.published_estimate} (an estimate).")
    return notes


def _estimate(f: ArticleFacts, dated_events: list[tuple[str, EventFact]]) -> tuple[str, bool] | None:
    """(the estimate, whether other articles helped), or None when nothing dates the article."""
    anchors: list[_Anchor] = [_Anchor(m.value, m.tense != "future") for m in f.dates
                              if m.value and m.type != "DURATION" and _is_calendar(m.value)]
    matched: dict[int, str] = {}
    for i, e in enumerate(f.events):
        if e.date:
            continue
        value = _match(e, [(sid, d) for sid, d in dated_events if sid != f.source_id])
        if value:
            matched[i] = value
            anchors.append(_Anchor(value, e.tense != "future"))
    near = [a for a in anchors if a.value in matched.values()]
    past = [a.value for a in anchors if a.past]
    if not near and not past:
        return None
    if near:  # tied to the other articles: months and days named without a year get one
        base = max(near, key=lambda a: value_bounds(a.value)[0])
        _date_pending(f, matched, base.value)
    else:  # only its own references: a lower bound, and nothing to date the rest by
        base = max((_Anchor(v, True) for v in past), key=lambda a: value_bounds(a.value)[0])
    for e in f.events:
        if e.estimated and e.tense != "future" and len(e.date) == 7:
            past.append(e.date)
    lower = max(past, key=lambda v: value_bounds(v)[0]) if past else base.value
    reference = value_bounds(lower)[0]
    for e in f.events:
        if e.date:
            e.kind = kind_of(e.date, e.tense, reference)
    return (f"on or after {lower}" if len(lower) == 10 else f"after {lower}"), bool(near)


def _is_calendar(value: str) -> bool:
    return bool(re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", value))


def _match(pending: EventFact, dated: list[tuple[str, EventFact]]) -> str | None:
    """The value of the dated report of the same event, at the precision the article gives."""
    expr = pending.expression.lower()
    month = next((i for i, m in enumerate(MONTHS, 1) if re.search(rf"\b{m}\b", expr)), None)
    weekday = next((i for i, w in enumerate(WEEKDAYS) if re.search(rf"\b{w}\b", expr)), None)
    words = _content(pending.text)
    best, best_score = None, 0.0
    for _, e in dated:
        if not re.match(r"^\d{4}-\d{2}", e.date):
            continue
        if month and int(e.date[5:7]) != month:
            continue
        if weekday is not None and (len(e.date) < 10 or date.fromisoformat(e.date).weekday() != weekday):
            continue
        if month is None and weekday is None:
            continue
        shared = words & _content(e.text)
        score = len(shared) / max(1, min(len(words), len(_content(e.text))))
        if len(shared) >= MIN_SHARED_WORDS and score >= MIN_OVERLAP and score > best_score:
            best, best_score = e, score
    if best is None:
        return None
    return best.date[:10] if weekday is not None else best.date[:7]


def same_event(a: str, b: str) -> bool:
    """Whether two sentences (dates already agreeing) report one event: enough shared
    content words, in absolute number and as a share of the shorter sentence's."""
    wa, wb = _content(a), _content(b)
    shared = wa & wb
    return len(shared) >= MIN_SHARED_WORDS and len(shared) / max(1, min(len(wa), len(wb))) >= MIN_OVERLAP


def _content(text: str) -> set[str]:
    return {w for w in tokens(text) if len(w) > 2 and w not in _STOP and not w.isdigit()}


def _date_pending(f: ArticleFacts, matched: dict[int, str], base: str) -> None:
    """Date the article's pending events: matched ones from their match, months named
    without a year from the year of the base anchor (the next year for a future month
    earlier in the calendar than the anchor)."""
    year, base_month = int(base[:4]), int(base[5:7]) if len(base) >= 7 else 1
    for i, e in enumerate(f.events):
        if e.date:
            continue
        if i in matched:
            e.date, e.estimated = matched[i], True
            continue
        expr = e.expression.lower()
        month = next((k for k, m in enumerate(MONTHS, 1) if re.search(rf"\b{m}\b", expr)), None)
        if month is None:
            continue
        y = year + (1 if e.tense == "future" and month < base_month else 0)
        day = re.search(r"\b(\d{1,2})\b", expr)
        e.date = f"{y}-{month:02d}" + (f"-{int(day[1]):02d}" if day else "")
        e.estimated = True


def _dateline_notes(source: Source, f: ArticleFacts, number: int) -> list[str]:
    """Where the article's own references place it on another day than its date line."""
    notes = []
    for m in f.dates:
        if m.rule == DAY_AFTER_DATELINE and m.value:
            notes.append(f"{_name(source, number)} is dated {f.published}, but its “{m.text}” can only be "
                         f"{m.value}, the day after (a bare weekday does not name a day six days "
                         f"back); the date line is probably a day early, and “{m.text}” is dated "
                         f"{m.value}.")
            break
    published = date.fromisoformat(f.published[:10]) if f.published else None
    for m in f.dates:
        # a date written with its year, told as past, after the date line: one of them is wrong
        if published and m.tense == "past" and m.value and _is_calendar(m.value) and \
                re.search(r"\b\d{4}\b", m.text) and value_bounds(m.value)[0] > published:
            notes.append(f"{_name(source, number)} is dated {f.published}, but tells of “{m.text}” "
                         f"({m.value}) as past; its date line may be wrong.")
            break
    for m in f.dates:
        # a day told as still ahead that is already behind the date line
        if published and m.tense == "future" and m.value and len(m.value) == 10 and \
                _is_calendar(m.value) and value_bounds(m.value)[0] < published:
            notes.append(f"{_name(source, number)} is dated {f.published}, but tells of “{m.text}” "
                         f"({m.value}) as still ahead; its date line may be late.")
            break
    return notes


def _name(source: Source, number: int) -> str:
    """"Source [4] (file.txt)": numbered as the Sources section numbers it."""
    return f"Source [{number}] ({source.file.rsplit('/', 1)[-1]})"
