"""Assemble: merge what the articles say into one Memo (dedup, name variants, ranking)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .extract.facts import ActorFact, ArticleFacts, EventFact, PhraseFact, QuoteFact
from .model import (Actor, Citation, Evidence, Memo, OpenIssue, Period, Position, Quote, Skipped,
                    Source, SummaryItem, TimelineEntry)

MAX_SUMMARY = 5
MAX_ISSUES = 6
MAX_EVIDENCE = 4


@dataclass
class AssembleOptions:
    title: str | None = None
    generated: str = ""
    max_issues: int = MAX_ISSUES
    aliases: dict[str, str] = field(default_factory=dict)  # variant -> canonical (config)
    sides: dict[str, str] = field(default_factory=dict)  # actor or alias -> side (config)


def assemble(sources: list[Source], facts: list[ArticleFacts], skipped: list[Skipped],
             options: AssembleOptions) -> Memo:
    names = _global_names(facts, options.aliases)
    dates = sorted(s.published for s in sources if s.published)
    memo = Memo(
        title=options.title or _default_title(sources),
        generated=options.generated,
        period=Period(dates[0] if dates else None, dates[-1] if dates else None),
        sources=sources, skipped=skipped,
    )
    memo.summary = _summary(facts)
    memo.quotes = _quotes(facts, names)
    memo.actors = _actors(facts, names, memo.quotes, options.sides)
    memo.timeline = _timeline(facts)
    memo.open_issues = _issues(facts, options.max_issues)
    return memo


def _default_title(sources: list[Source]) -> str:
    dated = sorted((s for s in sources if s.title), key=lambda s: s.published or "", reverse=True)
    return f"Briefing: {dated[0].title}" if dated else "Briefing memo"


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'")).strip()


def _tokens(text: str) -> set[str]:
    return set(_norm(text).split())


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= threshold


def _merge_citations(*lists: list[Citation]) -> list[Citation]:
    seen: dict[tuple[str, int, int], Citation] = {}
    for lst in lists:
        for c in lst:
            seen.setdefault((c.source, c.start, c.end), c)
    return sorted(seen.values(), key=lambda c: (int(c.source[1:]) if c.source[1:].isdigit() else 0, c.start))


# --- names -------------------------------------------------------------------------------

def _global_names(facts: list[ArticleFacts], config: dict[str, str]) -> dict[str, str]:
    """Map every name variant in any article to one canonical name across the articles."""
    full = Counter(a.name for f in facts for a in f.actors if " " in a.name)
    mapping: dict[str, str] = {}
    for f in facts:
        for a in f.actors:
            for variant in a.aliases | {a.name}:
                mapping[variant] = _fullest(variant, full)
    mapping.update(config)
    return mapping


def _fullest(name: str, full: Counter[str]) -> str:
    last = name.split()[-1]
    matches = [n for n in full if n.split()[-1] == last and (" " not in name or n.endswith(name))]
    return max(matches, key=lambda n: (full[n], len(n), n)) if matches else name


# --- summary -----------------------------------------------------------------------------

def _summary(facts: list[ArticleFacts]) -> list[SummaryItem]:
    leads = sorted((lead for f in facts for lead in f.leads),
                   key=lambda x: (x.rank, -_date_key(x.date)))
    items: list[SummaryItem] = []
    for lead in leads:
        match = next((i for i in items if similar(i.text, lead.text, 0.5)), None)
        if match:
            match.citations = _merge_citations(match.citations, [lead.citation])
        elif len(items) < MAX_SUMMARY:
            items.append(SummaryItem(lead.text, [lead.citation]))
    return items


def _date_key(value: str | None) -> int:
    digits = re.sub(r"\D", "", value or "")[:8]
    return int(digits.ljust(8, "0")) if digits else 0


# --- quotes ------------------------------------------------------------------------------

def _quotes(facts: list[ArticleFacts], names: dict[str, str]) -> list[Quote]:
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
    na, nb = _norm(a), _norm(b)
    shorter = min(na, nb, key=len)
    return bool(shorter) and len(shorter.split()) >= 3 and shorter in max(na, nb, key=len) or na == nb


def _merge_quote(match: Quote, q: QuoteFact, speaker: str | None) -> None:
    if len(_norm(q.text)) > len(_norm(match.text)):
        # The longer wording wins; its citation must be first, and only citations that
        # hold the longer text stay (a shorter excerpt's span does not contain it).
        match.text, match.citations = q.text, [q.citation]
    elif _norm(q.text) == _norm(match.text):
        match.citations = _merge_citations(match.citations, [q.citation])
    if match.speaker is None and speaker:
        match.speaker, match.role = speaker, q.role
    if q.date and (match.date is None or q.date < match.date):
        match.date = q.date


# --- actors ------------------------------------------------------------------------------

def _actors(facts: list[ArticleFacts], names: dict[str, str], quotes: list[Quote],
            sides_config: dict[str, str]) -> list[Actor]:
    gpes = {p.side for f in facts for p in f.positions if p.side}
    merged: dict[str, ActorFact] = {}
    for a in (a for f in facts for a in f.actors):
        name = names.get(a.name, a.name)
        into = merged.setdefault(name, ActorFact(name))
        into.aliases |= {v for v in a.aliases if v != name}
        into.mentions += a.mentions
        into.as_subject += a.as_subject
        if a.role and (into.role is None or len(a.role) > len(into.role)):
            into.role = a.role
        into.side = into.side or a.side
    spoken = Counter(q.speaker for q in quotes if q.speaker)
    ranked = sorted(merged.values(), key=lambda a: -(a.mentions + 2 * spoken[a.name] + a.as_subject))
    actors = []
    for a in ranked:
        if a.mentions + spoken[a.name] < 2:
            continue
        side = sides_config.get(a.name) or _side_name(a.side, gpes)
        actors.append(Actor(a.name, sorted(a.aliases), side, a.role, _positions(facts, a.name, names)))
    actors += _side_actors(facts, {a.name for a in actors}, sides_config)
    return actors


def _side_name(hint: str | None, gpes: set[str]) -> str | None:
    """"Russian" -> "Russia" when the articles name that country; else the hint itself."""
    if not hint:
        return None
    stem = hint.lower()[:4]
    return next((g for g in sorted(gpes) if g.lower().startswith(stem)), hint)


def _positions(facts: list[ArticleFacts], name: str, names: dict[str, str]) -> list[Position]:
    found = [Position(p.text, p.date, [p.citation]) for f in facts for p in f.positions
             if names.get(p.holder, p.holder) == name]
    return sorted(_dedup_positions(found), key=lambda p: -_date_key(p.date))


def _dedup_positions(positions: list[Position]) -> list[Position]:
    out: list[Position] = []
    for p in positions:
        match = next((o for o in out if _norm(o.text) == _norm(p.text)), None)
        if match:
            match.citations = _merge_citations(match.citations, p.citations)
        else:
            out.append(p)
    return out


def _side_actors(facts: list[ArticleFacts], known: set[str], sides_config: dict[str, str]) -> list[Actor]:
    """Governments speaking as a whole ("Tokyo said...") become actors of their side."""
    by_side: dict[str, list[Position]] = defaultdict(list)
    for f in facts:
        for p in f.positions:
            if p.side and p.holder not in known:
                by_side[sides_config.get(p.holder, p.holder)].append(Position(p.text, p.date, [p.citation]))
    return [Actor(side, [], side, "government", sorted(_dedup_positions(ps), key=lambda p: -_date_key(p.date)))
            for side, ps in sorted(by_side.items())]


# --- timeline ----------------------------------------------------------------------------

def _timeline(facts: list[ArticleFacts]) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for e in sorted((e for f in facts for e in f.events), key=lambda e: (e.date, e.text)):
        match = next((t for t in entries if t.date == e.date and similar(t.text, e.text, 0.5)), None)
        if match:
            match.citations = _merge_citations(match.citations, [e.citation])
        else:
            entries.append(_entry(e))
    return sorted(entries, key=lambda t: (t.date, t.text))


def _entry(e: EventFact) -> TimelineEntry:
    return TimelineEntry(e.date, e.text, [e.citation], e.kind)


# --- open issues -------------------------------------------------------------------------

def _issues(facts: list[ArticleFacts], limit: int) -> list[OpenIssue]:
    by_key: dict[str, list[tuple[str, PhraseFact]]] = defaultdict(list)
    for f in facts:
        for p in f.phrases:
            by_key[p.key].append((f.source_id, p))
    scored = []
    for key, hits in by_key.items():
        articles = {sid for sid, _ in hits}
        if len(articles) < 2:
            continue
        cues = sum(p.cue for _, p in hits)
        scored.append((len(articles) * 2 + cues + len(key.split()), key))
    issues: list[OpenIssue] = []
    for _, key in sorted(scored, key=lambda x: (-x[0], x[1])):
        if len(issues) >= limit:
            break
        if any(_overlaps(key, i.title) for i in issues):
            continue
        hits = [p for _, p in by_key[key]]
        issues.append(OpenIssue(Counter(p.surface for p in hits).most_common(1)[0][0], _evidence(hits)))
    return issues


def _overlaps(key: str, title: str) -> bool:
    a, b = set(key.split()), _tokens(title)
    return bool(a & b) and len(a & b) / min(len(a), len(b)) >= 0.5


def _evidence(hits: list[PhraseFact]) -> list[Evidence]:
    out: list[Evidence] = []
    for p in sorted(hits, key=lambda p: (not p.cue, -_date_key(p.date))):
        if any(similar(e.text, p.text, 0.5) for e in out):
            continue
        out.append(Evidence(p.text, p.date, [p.citation]))
        if len(out) >= MAX_EVIDENCE:
            break
    return sorted(out, key=lambda e: -_date_key(e.date))
