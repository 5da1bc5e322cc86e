"""Actors across sources: name variants merged, ranked, with sides and positions.

Only actors who matter are kept: people and organisations that state positions, are
quoted or are subjects of statements; a name that turns out to be a place ("Northland"
tagged as a person) becomes its side's voice instead. Parties speaking as a whole
("Port City said ...") become an actor named after the side.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..extract.facts import ActorFact, ArticleFacts, PositionFact
from ..model import Actor, Position, Quote
from ..verify import normalise
from .common import date_key, merge_citations, norm
from .sides import PERSON, SideResolver, mark_shifts, term_key

MIN_SCORE = 2


def build_actors(
    facts: list[ArticleFacts], names: dict[str, str], quotes: list[Quote], sides_config: dict[str, str]
) -> list[Actor]:
    resolver = SideResolver(facts, sides_config, names)
    merged = _merge(facts, names)
    places = {n for n, a in merged.items() if a.kind == "place" or _is_place(a, resolver)}
    people = {n: a for n, a in merged.items() if n not in places}
    _resolve_people_sides(people, resolver, sides_config)
    spoken = Counter(names.get(q.speaker, q.speaker) for q in quotes if q.speaker)
    held = _held_positions(facts, names, people, places, resolver)
    actors = []
    for a in sorted(people.values(), key=lambda a: (-_score(a, spoken, held), a.name)):
        if not _matters(a, spoken, held):
            continue
        positions = _finish(held.pop(a.name, []), a.name)
        actors.append(
            Actor(a.name, sorted(a.aliases - {a.name}), resolver.person_sides.get(a.name), a.role, positions)
        )
    actors += _unnamed_actors(held, resolver)
    for side, ps in sorted(held.items()):  # what remains is held by a side as a whole
        if side in resolver.person_sides.values() or resolver.side_of(side) == side:
            actors.append(Actor(side, [], side, None, _finish(ps, side)))
    known = {a.name for a in actors} | {v for a in people.values() for v in a.aliases}
    known |= {t for t in resolver.pool if resolver.side_of(t)}
    for side in sorted({a.side for a in actors if a.side}):
        mark_shifts([p for a in actors if a.side == side for p in a.positions], known)
    return actors


def _merge(facts: list[ArticleFacts], names: dict[str, str]) -> dict[str, ActorFact]:
    merged: dict[str, ActorFact] = {}
    for a in (a for f in facts for a in f.actors):
        if a.kind != "person" and names.get(a.name, a.name) != a.name:
            continue  # a person's name the tagger took for a place or an organisation
        name = names.get(a.name, a.name)
        into = merged.setdefault(name, ActorFact(name, kind=a.kind))
        if a.kind == "place":
            into.kind = "place"  # named as a place anywhere: a place
        into.aliases |= a.aliases | ({a.name} if a.name != name else set())
        into.mentions += a.mentions
        into.as_subject += a.as_subject
        if a.role and (into.role is None or _role_rank(a.role) > _role_rank(into.role)):
            into.role = a.role
        for term, w in a.side_votes.items():
            into.side_votes[term] = into.side_votes.get(term, 0.0) + w
    return merged


def _role_rank(role: str) -> tuple[bool, int]:
    """A title ("Energy Minister") beats "its energy minister"; then the fuller one wins."""
    return (role.split()[0].lower() not in _PRONOUN_STARTS, len(role))


_PRONOUN_STARTS = {"its", "his", "her", "their", "our", "a", "an", "the"}


def _is_place(a: ActorFact, resolver: SideResolver) -> bool:
    """A "person" with no title whose name is a country or its nationality word's stem, or
    an "organisation" that is a country or a seat of power ("the Palace said")."""
    if a.kind == "org":
        return resolver.own_side(a.name) is not None or term_key(a.name) in resolver.links
    return (
        a.role is None
        and not a.side_votes
        and resolver.side_of(a.name) is not None
        and not _linked_only(a.name, resolver)
    )


def _linked_only(name: str, resolver: SideResolver) -> bool:
    # A name resolved only through weak links (a person followed by a speaker) is a person.
    words = name.split()
    return not any(resolver.own_side(w) for w in words) and resolver.own_side(name) is None


def _resolve_people_sides(
    people: dict[str, ActorFact], resolver: SideResolver, config: dict[str, str]
) -> None:
    """Side by weighted votes of the title/apposition words; "person:X" votes (a spokeswoman
    for X) are counted once X's own side is known. The config file wins."""
    for final in (False, True):
        for a in people.values():
            votes: Counter[str] = Counter()
            for term, w in a.side_votes.items():
                if term.startswith(PERSON) and not final:
                    continue
                side = resolver.side_of(term)
                if side:
                    votes[side] += w
            if a.kind == "org" and not votes:
                side = resolver.side_of(a.name)
                if side:
                    votes[side] += 1
            if votes:
                resolver.person_sides[a.name] = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
    for a in people.values():
        override = next((config[v] for v in [a.name, *sorted(a.aliases)] if v in config), None)
        if override:
            resolver.person_sides[a.name] = override


def _held_positions(
    facts: list[ArticleFacts],
    names: dict[str, str],
    people: dict[str, ActorFact],
    places: set[str],
    resolver: SideResolver,
) -> dict[str, list[Position]]:
    """Positions by holder: a person's canonical name, or the side a place or party term names."""
    held: dict[str, list[Position]] = defaultdict(list)
    for p in (p for f in facts for p in f.positions):
        holder = _holder(p, names, people, places, resolver)
        if holder:
            held[holder].append(Position(p.text, p.date, [p.citation], holder=holder))
    return held


def _holder(
    p: PositionFact,
    names: dict[str, str],
    people: dict[str, ActorFact],
    places: set[str],
    resolver: SideResolver,
) -> str | None:
    if _is_role_phrase(p.holder) and resolver.side_of(p.side):
        return ROLE + _role_name(p.holder) + "|" + (resolver.side_of(p.side) or "")
    name = names.get(p.holder, p.holder)
    if name in people and name not in places:
        return name
    person = resolver._person(p.holder)
    if person in people and person not in places:
        return person  # a surname the tagger took for a place ("Doe has asked ...")
    return resolver.side_of(p.side) or resolver.side_of(p.holder)


ROLE = "role:"
# Heads of phrases that stand for one unnamed person ("a Northland government spokesman").
_ROLE_NOUNS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "diplomat",
    "minister",
    "envoy",
    "negotiator",
    "ambassador",
    "aide",
    "adviser",
    "advisor",
    "source",
}


def _is_role_phrase(holder: str) -> bool:
    words = holder.split()
    # "its minister" points back to someone named before: the side holds it, not a new actor
    return (
        len(words) >= 2
        and words[-1] in _ROLE_NOUNS
        and words[0].lower() not in ("its", "his", "her", "their")
    )


def _role_name(phrase: str) -> str:
    """ "A Northland official" -> "a Northland official": the role as a speaker is named."""
    first, _, rest = phrase.partition(" ")
    return (first.lower() if first in ("A", "An", "The") else first) + " " + rest


def _unnamed_actors(held: dict[str, list[Position]], resolver: SideResolver) -> list[Actor]:
    """Unnamed people who state positions, each as an actor named by the role ("a Northland
    government spokesman"), on the side the role's words name."""
    out = []
    for key in sorted(k for k in held if k.startswith(ROLE)):
        name, _, side = key[len(ROLE) :].partition("|")
        positions = held.pop(key)
        for p in positions:
            p.holder = name
        out.append(Actor(name, [], side or None, None, _finish(positions, name)))
    return out


def _score(a: ActorFact, spoken: Counter[str], held: dict[str, list[Position]]) -> int:
    return a.mentions + 2 * spoken[a.name] + 2 * a.as_subject + len(held.get(a.name, []))


def _matters(a: ActorFact, spoken: Counter[str], held: dict[str, list[Position]]) -> bool:
    """Speaks or states a position, and is named more than in passing."""
    acts = spoken[a.name] or held.get(a.name) or (a.as_subject and a.role)
    # a leader named with the title of his party and named again is no passing mention
    titled = a.role is not None and a.side_votes and a.mentions >= 3
    # named once but with a title and speaking (a briefing official) is no passing mention either
    return bool(acts or titled) and (
        a.mentions + spoken[a.name] >= MIN_SCORE or (bool(acts) and a.role is not None)
    )


def _finish(positions: list[Position], holder: str) -> list[Position]:
    return sorted(_dedup_positions(positions), key=lambda p: (-date_key(p.date), p.text))


def _dedup_positions(positions: list[Position]) -> list[Position]:
    out: list[Position] = []
    for p in positions:
        match = next((o for o in out if norm(o.text) == norm(p.text)), None)
        if match is None:
            out.append(p)
        else:
            # The same words elsewhere: one item, cited to both. A span must hold the item's
            # exact text, so where the two differ in punctuation the shorter, which both
            # spans hold, is kept; otherwise the variant is only not repeated.
            short, long = sorted((match.text, p.text), key=lambda t: len(normalise(t)))
            if normalise(short) in normalise(long):
                match.text = short
                match.citations = merge_citations(match.citations, p.citations)
    return out
