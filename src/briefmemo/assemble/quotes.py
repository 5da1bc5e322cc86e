"""Quotes across sources: one quotation carried by several outlets is one quote.

The same words in several articles become one quote citing each of them; a shorter
excerpt of a longer quotation merges into it, but a citation must contain the text it is
cited for, so the excerpt's source is kept as an excerpt (its own text and citation)
rather than as a citation of the full quotation. Quotes come out grouped by speaker,
the most quoted first, so templates only loop.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..extract.facts import ArticleFacts, QuoteFact
from ..model import Citation, Evidence, Quote
from ..verify import normalise
from .common import date_key, merge_citations, norm

MIN_EXCERPT_WORDS = 3  # a shorter match ("very pleased") is too common to be the same quotation


@dataclass
class _Group:
    """One quotation being merged: its fullest wording and every source's report of it."""

    text: str
    citations: list[Citation]
    partial: bool
    reports: list[QuoteFact] = field(default_factory=list)
    excerpts: list[QuoteFact] = field(default_factory=list)


def build_quotes(facts: list[ArticleFacts], names: dict[str, str]) -> list[Quote]:
    groups: list[_Group] = []
    for q in (q for f in facts for q in f.quotes):
        match = next((g for g in groups if same_quote(g.text, q.text)), None)
        if match is None:
            groups.append(_Group(q.text, [q.citation], q.partial, [q]))
        else:
            _add(match, q)
    roles = _roles(facts, names)
    quotes = [_finish(g, names, roles) for g in groups]
    return order_by_speaker(quotes)


def same_quote(a: str, b: str) -> bool:
    """The same words (punctuation and case aside), or one an excerpt of the other."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    shorter, longer = sorted((na, nb), key=len)
    return len(shorter.split()) >= MIN_EXCERPT_WORDS and f" {shorter} " in f" {longer} "


def _common_wording(a: str, b: str) -> str:
    """The longest start both texts share, cut back to a word end ("...way." & "...way," -> "...way")."""
    na, nb = normalise(a), normalise(b)
    n = 0
    while n < min(len(na), len(nb)) and na[n] == nb[n]:
        n += 1
    return na[:n].rstrip(" .,;:!?-–—'\"")


def _add(group: _Group, q: QuoteFact) -> None:
    nq, ng = norm(q.text), norm(group.text)
    if nq == ng:
        # Same words; the punctuation may differ ("way." / "way,"): keep the wording every
        # cited span holds, which is the common prefix once edge punctuation is set aside.
        if normalise(q.text) != normalise(group.text):
            common = _common_wording(group.text, q.text)
            if len(common) < min(len(normalise(q.text)), len(normalise(group.text))) - 3:
                group.excerpts.append(q)  # differs inside, not at the edge: cite it on its own
                group.reports.append(q)
                return
            group.text = common
        group.citations = merge_citations(group.citations, [q.citation])
        group.reports.append(q)
    elif len(nq) > len(ng):
        # The longer wording wins; what the group held so far becomes excerpts of it.
        group.excerpts += [r for r in group.reports if r.citation in group.citations]
        group.text, group.citations, group.partial = q.text, [q.citation], q.partial
        group.reports.append(q)
    else:
        group.excerpts.append(q)
        group.reports.append(q)


def _finish(g: _Group, names: dict[str, str], roles: dict[str, str]) -> Quote:
    speaker = _speaker(g.reports, names)
    report = next((r for r in g.reports if _canon(r.speaker, names) == speaker), g.reports[0])
    reporter = _canon(report.reported_by, names)
    role = report.role if report.role and report.role != report.speaker else None
    role = role or roles.get(speaker or "")
    if role is None and report.role and report.role == report.speaker:
        role = report.role  # only a role was given ("a government spokesman")
    dates = [r.date for r in g.reports if r.date]
    excerpts = [Evidence(e.text, e.date, [e.citation]) for e in g.excerpts]
    excerpts.sort(key=lambda e: (_source_number(e.citations[0]), e.citations[0].start))
    return Quote(g.text, speaker, min(dates, key=date_key) if dates else None, g.citations, role,
                 reporter, g.partial, excerpts)


def _speaker(reports: list[QuoteFact], names: dict[str, str]) -> str | None:
    """The speaker most sources give; a source that names nobody does not vote."""
    votes = Counter(_canon(r.speaker, names) for r in reports if r.speaker)
    if not votes:
        return None
    best = votes.most_common()
    if len(best) > 1 and best[0][1] == best[1][1]:
        # A tie between sources: prefer a named person over a bare role phrase.
        named = [s for s, n in best if n == best[0][1] and s and s[:1].isupper()]
        return named[0] if named else best[0][0]
    return best[0][0]


def _canon(name: str | None, names: dict[str, str]) -> str | None:
    return names.get(name, name) if name else None


def _roles(facts: list[ArticleFacts], names: dict[str, str]) -> dict[str, str]:
    """The fullest title any article gives each person (for a speaker whose own
    article gave none)."""
    roles: dict[str, str] = {}
    for a in (a for f in facts for a in f.actors):
        name = names.get(a.name, a.name)
        if a.role and len(a.role) > len(roles.get(name, "")):
            roles[name] = a.role
    return roles


def order_by_speaker(quotes: list[Quote]) -> list[Quote]:
    """Group by speaker, the most quoted first (ties by name); within a speaker, by date
    then by where the quote first appears. Unattributed quotes come last."""
    count = Counter(q.speaker for q in quotes if q.speaker)

    def key(q: Quote) -> tuple:
        c = q.citations[0]
        return (q.speaker is None, -count.get(q.speaker or "", 0), q.speaker or "",
                date_key(q.date), _source_number(c), c.start)

    return sorted(quotes, key=key)


def _source_number(c: Citation) -> int:
    return int(c.source[1:]) if c.source[1:].isdigit() else 0
