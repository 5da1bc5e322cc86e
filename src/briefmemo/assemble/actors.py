"""Actors across sources: name variants merged, ranked, with sides and positions."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..extract.facts import ActorFact, ArticleFacts
from ..model import Actor, Position, Quote
from .common import date_key, merge_citations, norm


def build_actors(facts: list[ArticleFacts], names: dict[str, str], quotes: list[Quote],
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
    return sorted(_dedup_positions(found), key=lambda p: -date_key(p.date))


def _dedup_positions(positions: list[Position]) -> list[Position]:
    out: list[Position] = []
    for p in positions:
        match = next((o for o in out if norm(o.text) == norm(p.text)), None)
        if match:
            match.citations = merge_citations(match.citations, p.citations)
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
    return [Actor(side, [], side, "government", sorted(_dedup_positions(ps), key=lambda p: -date_key(p.date)))
            for side, ps in sorted(by_side.items())]
