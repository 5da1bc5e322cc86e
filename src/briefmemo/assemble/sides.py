"""Sides: which party each actor, place and metonym stands for, and where positions moved.

A side term from the text ("Northlandic", "Port City", "the Palace", "EU") is
resolved, in this order, by:
1. the config file (``[sides]`` in briefmemo.toml) -- it always wins;
2. a gazetteer of countries (names, other spellings, demonyms, capitals) from the
   maintained ``countryinfo`` package;
3. what the articles themselves say: nationality adjectives whose country the articles
   name ("Northlandic" -> "Northland"), acronyms spelled out somewhere ("EU" -> "European
   Union"), and the links extract/sides.py found ("Port City, the Northlandic capital").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ..extract.actors import DEMONYM_SHAPE
from ..extract.facts import ArticleFacts
from ..model import Actor, Position, Side
from .common import date_key, norm

PERSON = "person:"
_DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "an", "ic", "i", "n")
_MIN_LINK_WEIGHT = 0.5


def term_key(term: str) -> str:
    """Lookup form of a term: lower case, no dots, possessive or leading article."""
    t = re.sub(r"(’s|'s|’)$", "", term.strip())
    t = re.sub(r"^(the)\s+", "", t, flags=re.IGNORECASE).replace(".", "")
    return re.sub(r"\s+", " ", t).strip().lower()


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case name/spelling/demonym/capital -> country, upper-case code -> country)."""
    from countryinfo import all_countries  # loaded once, only when sides are built

    words: dict[str, str] = {}
    codes: dict[str, str] = {}
    for c in all_countries():
        name = c.name()
        if not name:
            continue
        for form in [name, c.demonym(), *(_capital_forms(c.capital()))]:
            if form:
                words.setdefault(term_key(form), name)
        for alt in c.alt_spellings() or []:
            if alt.isupper() and len(alt) <= 3:
                codes.setdefault(alt, name)  # "US", "UK": only when written in capitals
            elif len(alt) > 3:
                words.setdefault(term_key(alt), name)
    words.update({term_key(n): n for n in set(words.values())})  # a country's own name wins
    return words, codes


def _capital_forms(capital: str | list[str] | None) -> list[str]:
    """ "Washington D.C." is written "Washington" in running text (some countries list several)."""
    out = []
    for cap in [capital] if isinstance(capital, str) else capital or []:
        short = " ".join(w for w in cap.split() if "." not in w)
        out += [cap, short] if short and short != cap else [cap]
    return out


class SideResolver:
    """Resolve side terms to side names with config, gazetteer and the articles' own links."""

    def __init__(
        self, facts: list[ArticleFacts], config: dict[str, str], names: dict[str, str] | None = None
    ):
        self.config = {term_key(k): v for k, v in config.items()}
        self.names = names or {}  # person name variant -> canonical name
        self.surnames: dict[str, str] = {}
        for n in sorted(set(self.names.values()), key=lambda n: (len(n.split()), n)):
            if " " in n:
                self.surnames.setdefault(n.split()[-1], n)  # the plainest full name owns the surname
        self.pool = _term_pool(facts)
        self.links: dict[str, Counter[str]] = defaultdict(Counter)
        for f in facts:
            for link in f.side_links:
                self.links[term_key(link.term)][link.target] += link.weight
        self.acronyms = _acronyms(self.pool)
        self.demonyms = _learned_demonyms(self.pool)
        self.person_sides: dict[str, str] = {}  # canonical person -> side, filled by the actors step

    def side_of(self, term: str | None, depth: int = 0) -> str | None:
        if not term or depth > 3:
            return None
        if term.startswith(PERSON):
            return self.person_sides.get(term[len(PERSON) :])
        key = term_key(term)
        found = self._direct(term, key)
        person = self._person(term)
        if found is None and person is not None:
            found = self.person_sides.get(person)  # a person the tagger took for a place
        if found is None and (person is None or person == term):
            found = self._by_links(key, depth)  # (a one-word "person" may be a place)
        if found is None and " " in key:
            found = self._by_words(term, depth) or self._by_first_word(key)
        return found

    def _person(self, term: str) -> str | None:
        """The canonical person a term names (a full name, a variant or a surname), if any."""
        if term in self.names:
            return self.names[term]
        return self.surnames.get(term)

    def own_side(self, term: str) -> str | None:
        """The side a term names without help from links (a country, not a city)."""
        return self._direct(term, term_key(term))

    def _direct(self, term: str, key: str) -> str | None:
        if key in self.config:
            return self.config[key]
        words, codes = gazetteer()
        bare = term.replace(".", "").strip()
        if key in words:
            return self.config.get(term_key(words[key]), words[key])
        if bare in codes:
            return self.config.get(term_key(codes[bare]), codes[bare])
        if key in self.acronyms:
            return self.acronyms[key]
        if key in self.demonyms:
            return self._direct(self.demonyms[key], term_key(self.demonyms[key])) or self.demonyms[key]
        if key in {term_key(v) for v in self.acronyms.values()} | {
            term_key(v) for v in self.demonyms.values()
        }:
            return next(v for v in [*self.acronyms.values(), *self.demonyms.values()] if term_key(v) == key)
        return None

    def _by_links(self, key: str, depth: int) -> str | None:
        votes: Counter[str] = Counter()
        for target, weight in self.links.get(key, Counter()).items():
            side = self.side_of(target, depth + 1)
            if side:
                votes[side] += weight
        if not votes:
            return None
        side, weight = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
        return side if weight >= _MIN_LINK_WEIGHT else None

    def _by_words(self, term: str, depth: int) -> str | None:
        """ "Northlandic Fishermen's Association", "the Northland government": a word of it."""
        for word in re.findall(r"[A-Z][\w’'.-]*", term):
            side = self.own_side(word)
            if side:
                return side
        return None

    def _by_first_word(self, key: str) -> str | None:
        """ "European Commission" belongs to "European Union" when that is a side."""
        first = key.split()[0]
        sides = {*self.acronyms.values(), *self.demonyms.values()}
        return next(
            (s for s in sorted(sides) if " " in s and term_key(s).split()[0] == first and term_key(s) != key),
            None,
        )


def _term_pool(facts: list[ArticleFacts]) -> Counter[str]:
    """Every side term the articles use: title words, holders, link ends, bare names."""
    pool: Counter[str] = Counter()
    for f in facts:
        for a in f.actors:
            pool.update(t for t in a.side_votes if not t.startswith(PERSON))
            if a.kind != "person" or (a.role is None and " " not in a.name):
                pool[a.name] += 1
        for p in f.positions:
            pool.update(t for t in (p.side, p.holder) if t)
        for link in f.side_links:
            pool.update(t for t in (link.term, link.target) if not t.startswith(PERSON))
    return pool


def _acronyms(pool: Counter[str]) -> dict[str, str]:
    """ "EU" / "U.N." -> the name spelled out in the articles ("European Union"), else itself."""
    out: dict[str, str] = {}
    names = [t for t in pool if len(t.split()) >= 2 and all(w[:1].isupper() for w in t.split())]
    for term in pool:
        bare = term.replace(".", "")
        if not (2 <= len(bare) <= 5 and bare.isalpha() and bare.isupper()):
            continue
        if bare in gazetteer()[1]:
            continue
        spelled = next((n for n in sorted(names) if "".join(w[0] for w in n.split()) == bare), None)
        out[term_key(term)] = spelled or bare
    return out


def _learned_demonyms(pool: Counter[str]) -> dict[str, str]:
    """Nationality adjectives whose country the articles name: "Northlandic" -> "Northland"."""
    words, _ = gazetteer()
    places = [t for t in pool if not DEMONYM_SHAPE.match(t) and t[:1].isupper() and term_key(t) not in words]
    out: dict[str, str] = {}
    for term in (t for t in pool if DEMONYM_SHAPE.match(t) and term_key(t) not in words):
        match = _country_of(term, places, pool)
        if match:
            out[term_key(term)] = match
    return out


def _country_of(demonym: str, places: Iterable[str], pool: Counter[str]) -> str | None:
    best: tuple[int, int, str] | None = None
    for suffix in _DEMONYM_SUFFIXES:
        if not demonym.endswith(suffix):
            continue
        stem = demonym[: -len(suffix)]
        if len(stem) < 4:
            continue
        for place in places:
            if " " in place or not place.startswith(stem) or len(place) - len(stem) > 2:
                continue
            cand = (len(stem), pool[place], place)
            best = cand if best is None or cand > best else best
    return best[2] if best else None


# -- sides of the memo ---------------------------------------------------------------------


def build_sides(
    actors: list[Actor],
    facts: list[ArticleFacts],
    config: dict[str, str],
    names: dict[str, str] | None = None,
) -> list[Side]:
    """One Side per party with its metonyms, its actors (ranked) and positions (newest first)."""
    resolver = SideResolver(facts, config, names)
    resolver.person_sides = {a.name: a.side for a in actors if a.side}
    people = {a.name for a in actors} | {v for a in actors for v in a.aliases}
    by_side: dict[str, Side] = {}
    for a in actors:
        if a.side:
            side = by_side.setdefault(a.side, Side(a.side))
            if a.name != a.side:
                side.actors.append(a.name)
            side.positions += a.positions
    for side in by_side.values():
        side.aliases = _aliases(side.name, resolver, people)
        side.positions = sorted(_dedup(side.positions), key=lambda p: (-date_key(p.date), p.text))
    weight = Counter({s.name: len(s.positions) + 2 * len(s.actors) for s in by_side.values()})
    return sorted(by_side.values(), key=lambda s: (-weight[s.name], s.name))


def _aliases(name: str, resolver: SideResolver, people: set[str]) -> list[str]:
    """The side's metonyms the articles use: its nationality word, capital, seats of power,
    acronym (not "a Northland government spokesman", nor a person's name)."""
    out = {}
    for t in resolver.pool:
        key = term_key(t)
        person = resolver._person(t)
        if key == term_key(name) or not t[:1].isupper() or (person and (person != t or person in people)):
            continue  # a person's name, not a metonym (a one-word "person" that is a place is kept)
        named = resolver.own_side(t) == name or resolver._by_links(key, 0) == name
        if resolver.side_of(t) == name and named and (key not in out or out[key].isupper()):
            out[key] = t  # "Port City" rather than a dateline's "PORT CITY"
    return sorted(out.values())


def _dedup(positions: list[Position]) -> list[Position]:
    seen: set[str] = set()
    out = []
    for p in positions:
        if norm(p.text) not in seen:
            seen.add(norm(p.text))
            out.append(p)
    return out


# -- positions that moved ------------------------------------------------------------------

_NEG = re.compile(
    r"\b(not|never|no|n[’']t|cannot|refus\w*|reject\w*|unnecessary|oppos\w*|dismiss\w*|"
    r"rule[sd]? out|won[’']t)\b",
    re.IGNORECASE,
)
_POS = re.compile(
    r"\b(ready|prepared|willing|accept\w*|agree\w*|offer\w*|propos\w*|let[’']s|"
    r"consider\w*|open to)\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(revers\w*|shift\w*|u-turn|change of tone|sign of movement|soften\w*|backed down|"
    r"no longer|for the first time|marked change|climb\w* down|drop(ped|s)? (its|his|her) "
    r"(demand|opposition|objection))\b",
    re.IGNORECASE,
)
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "that",
        "this",
        "it",
        "its",
        "their",
        "his",
        "her",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "said",
        "says",
        "say",
        "told",
        "not",
        "no",
        "any",
        "but",
        "as",
        "if",
        "than",
        "then",
        "they",
        "he",
        "she",
        "we",
        "our",
        "us",
        "i",
        "you",
        "which",
        "who",
        "there",
        "what",
        "when",
        "also",
        "still",
    ]
)


def mark_shifts(positions: list[Position], names: set[str]) -> None:
    """Note on a later position of a side where it contradicts or moves from an earlier one."""
    dated = sorted((p for p in positions if p.date and p.date[:1].isdigit()), key=lambda p: date_key(p.date))
    drop = {w for n in names for w in norm(n).split()}
    for i, later in enumerate(dated):
        earlier = [q for q in dated[:i] if date_key(q.date) < date_key(later.date)]
        best = _moved_from(later, earlier, drop)
        if best is not None and later.note is None:
            later.note = f"changed since {best.date}: {best.text}"


def _moved_from(later: Position, earlier: list[Position], drop: set[str]) -> Position | None:
    pol = _polarity(later.text)
    cue = bool(_CHANGE.search(later.text))
    scored = []
    for q in earlier:
        overlap = len(_content(q.text, drop) & _content(later.text, drop))
        contradicts = pol is not None and _polarity(q.text) not in (None, pol)
        if (overlap >= 2 and contradicts) or (overlap >= 1 and cue):
            scored.append((overlap + 2 * contradicts, date_key(q.date), q))
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _polarity(text: str) -> str | None:
    neg, pos = bool(_NEG.search(text)), bool(_POS.search(text))
    if neg == pos:
        return None
    return "neg" if neg else "pos"


def _content(text: str, drop: set[str]) -> set[str]:
    words = {w for w in norm(text).split() if w not in _STOP and w not in drop and len(w) > 2}
    return {w[:5] for w in words}  # a crude stem: "reduction"/"reduce", "share"/"shares"
