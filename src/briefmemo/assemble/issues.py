"""Open issues: what the articles keep returning to as contested, with evidence and stances.

Phrases from all articles are linked into clusters through the content terms they share
(extract/phrases.py); a cluster is an issue candidate. Candidates are ranked by how many
articles and sides speak to them and how often in words of dispute, condition or
pending business; near-duplicates (mostly the same sentences) are dropped. The title is
the cluster's most representative phrase as written; stances are sentences attributed to
a side through the actors and sides the memo already found.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..config import WatchIssue
from ..extract.facts import ArticleFacts
from ..extract.phrases import stem
from ..model import Actor, Citation, Evidence, OpenIssue, Side, Stance
from .common import date_key, similar

MAX_EVIDENCE = 5
MAX_STANCES = 4
_OVERLAP = 0.5  # share of an issue's evidence already shown above that makes it a near-duplicate
_MAX_TITLE_WORDS = 7
_FUNCTION_WORDS = frozenset(
    "the a an of over to for on in and or by with its their his her our".split())
_PART = 0.75  # share of a candidate's sentences inside the chosen issues that makes it a part of them


@dataclass
class _Sentence:
    """One source sentence with everything the phrases in it say about it."""

    source: str
    text: str
    date: str | None
    citation: Citation
    cue: bool
    pending: bool
    status: str | None
    subject: str | None
    terms: set[str] = field(default_factory=set)
    surfaces: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    named: bool = False
    side: str | None = None
    core: set[str] = field(default_factory=set)  # terms the sentence is about, not mere setting
    focus: set[str] = field(default_factory=set)  # terms a cue of dispute or pending bears on
    position: bool = False  # an actor's stated position (extract/positions.py)
    sure: bool = True  # the speaker's side and the stated position's side do not disagree


@dataclass
class _Candidate:
    terms: set[str]
    sentences: list[_Sentence]
    score: float = 0.0


def build_issues(facts: list[ArticleFacts], limit: int, actors: list[Actor] | None = None,
                 watch: list[WatchIssue] | None = None, sides: list[Side] | None = None) -> list[OpenIssue]:
    """The watched issues first (always shown), then up to ``limit`` found ones, best first."""
    lookup = side_lookup(actors or [], sides or [])
    sentences = _sentences(facts, lookup)
    exclude = _name_terms(actors or [], sides or [])
    vocab = Counter(w for s in sentences for w in set(re.findall(r"[a-z][\w-]*", s.text.lower())))
    watched = [_watched_issue(w, sentences) for w in watch or []]
    found: list[OpenIssue] = []
    shown = {(c.source, c.start) for i in watched for e in i.evidence for c in e.citations}
    chosen: list[_Candidate] = []
    for cand in _candidates(sentences, exclude):
        if len(watched) + len(found) >= max(limit, len(watched)):
            break
        if _is_part_of(cand, chosen):
            continue
        chosen.append(cand)
        title = _title(cand, vocab)
        if _names_only(title) and not _is_named(cand.terms):
            continue  # "Harbour Union and Delta Terminals": the parties, not what they dispute
        issue = _issue(title[:1].upper() + title[1:], cand.sentences, cand.terms)
        keys = {(c.source, c.start) for e in issue.evidence for c in e.citations}
        if len(keys & shown) > _OVERLAP * len(keys):
            continue  # mostly what the issues above already show: a near-duplicate
        shown |= keys
        found.append(issue)
    return watched + found


# -- sentences ---------------------------------------------------------------------------------

def _sentences(facts: list[ArticleFacts], lookup: dict[str, str]) -> list[_Sentence]:
    by_key: dict[tuple[str, int], _Sentence] = {}
    for f in facts:
        held = {p.citation: p for p in f.positions}
        for p in f.phrases:
            s = by_key.get((f.source_id, p.citation.start))
            if s is None:
                s = _Sentence(f.source_id, p.text, p.date, p.citation, p.cue, p.pending, p.status,
                              p.subject)
                s.side = _side_of(held.get(p.citation), p.subject, p.text, lookup)
                # Sure when the speaker's side and the stated position's side agree: not
                # "A said B told him ..." where the stance is B's.
                held_side = _position_side(held.get(p.citation), lookup)
                s.sure = held_side is None or held_side == s.side
                s.position = p.citation in held
                by_key[(f.source_id, p.citation.start)] = s
            s.terms |= set(p.terms)
            if p.core:
                s.core |= set(p.terms)
            if p.focus:
                s.focus |= set(p.terms)
            s.surfaces.append((p.surface, tuple(p.terms)))
            s.named = s.named or p.named
    return list(by_key.values())


def _key(s: _Sentence) -> tuple[str, int]:
    return (s.source, s.citation.start)


# -- sides -------------------------------------------------------------------------------------

def side_lookup(actors: list[Actor], sides: list[Side]) -> dict[str, str]:
    """Every name, alias and side name (lower case) -> the side it belongs to."""
    canon: dict[str, str] = {}
    for s in sides:
        for name in [s.name, *s.aliases]:
            canon[name.lower()] = s.name
        for actor in s.actors:
            canon.setdefault(actor.lower(), s.name)
    for a in actors:
        if not a.side:
            continue
        side = canon.get(a.side.lower(), a.side)
        for name in [a.name, *a.aliases]:
            canon.setdefault(name.lower(), side)
        canon.setdefault(a.side.lower(), side)
    return canon


def _side_of(position, subject: str | None, text: str, lookup: dict[str, str]) -> str | None:  # type: ignore[no-untyped-def]
    """The side a sentence speaks for: its grammatical subject's ("a Qaliran diplomat said
    ..."), else the side of the position found in it, else the one side it names."""
    said = side_in(subject, lookup) if subject else None
    only = {side for _, side in _named_sides(text, lookup)}
    return said or _position_side(position, lookup) or (only.pop() if len(only) == 1 else None)


def _position_side(position, lookup: dict[str, str]) -> str | None:  # type: ignore[no-untyped-def]
    if position is not None:
        for name in (position.holder, position.side):
            if name and name.lower() in lookup:
                return lookup[name.lower()]
    return None


def side_in(text: str, lookup: dict[str, str]) -> str | None:
    """The side named first in ``text``."""
    found = _named_sides(text, lookup)
    return min(found)[1] if found else None


def _named_sides(text: str, lookup: dict[str, str]) -> list[tuple[int, str]]:
    """(offset, side) of every side ``text`` names: a known name, or a word sharing a side
    name's stem ("Vestrian" for "Vestria")."""
    found = []
    lowered = text.lower()
    for name, side in lookup.items():
        found += [(m.start(), side) for m in re.finditer(r"\b" + re.escape(name) + r"\b", lowered)]
    sides = sorted(set(lookup.values()))
    for m in re.finditer(r"\b[A-Z][a-z]{3,}", text):
        side = next((s for s in sides if len(s) >= 4 and " " not in s
                     and m.group().lower().startswith(s.lower()[:max(4, len(s) - 2)])), None)
        if side:
            found.append((m.start(), side))
    return found


def _name_terms(actors: list[Actor], sides: list[Side]) -> set[str]:
    """Stems of the words of actors' and sides' names: a name is a party, not an issue."""
    words: set[str] = set()
    for a in actors:
        for n in [a.name, *a.aliases]:
            words |= {stem(w) for w in re.findall(r"[A-Za-z]+", n) if w[:1].isupper()}
    for s in sides:
        for n in [s.name, *s.aliases]:
            words |= {stem(w) for w in re.findall(r"[A-Za-z]+", n) if w[:1].isupper()}
    return words


# -- candidates --------------------------------------------------------------------------------

def _candidates(sentences: list[_Sentence], exclude: set[str]) -> list[_Candidate]:
    """Clusters of terms linked by occurring in one phrase, ranked best first."""
    parent: dict[str, str] = {}

    def find(t: str) -> str:
        while parent.setdefault(t, t) != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    for s in sentences:
        for _, terms in s.surfaces:
            kept = [t for t in terms if t not in exclude]
            for t in kept[1:]:
                parent[find(t)] = find(kept[0])
            if kept:
                find(kept[0])
    groups: dict[str, set[str]] = defaultdict(set)
    for t in list(parent):
        groups[find(t)].add(t)
    cands = []
    for terms in groups.values():
        members = [s for s in sentences if s.terms & terms]
        cand = _Candidate(terms, members)
        cand.score = _score(cand)
        if cand.score > 0:
            cands.append(cand)
    return sorted(cands, key=lambda c: (-c.score, min(c.terms)))


def _is_part_of(cand: _Candidate, chosen: list[_Candidate]) -> bool:
    """Most of what speaks to it lies inside the issues already chosen: an aspect of those
    ("without preconditions" inside "peace treaty"). A named agreement stands on its own."""
    if _is_named(cand.terms):
        return False
    mine = {_key(s) for s in cand.sentences if s.core & cand.terms}
    # A chosen issue covers the sentences whose words of dispute or stance bear on it, not
    # those that merely mention one of its terms ("review stock data" is not about stocks).
    covered = {_key(s) for c in chosen for s in c.sentences if s.focus & c.terms or s.named}
    return len(mine & covered) >= _PART * len(mine)


def _score(cand: _Candidate) -> float:
    """Articles, sentences and sides that speak to it, in words of dispute or pending business.

    Only sentences about the terms count, not those where they are mere setting
    ("in the city of X"); most of all those where a cue of dispute or of pending business
    bears on them ("rejected X", "still unresolved is X"). A named agreement counts where a
    sentence says something of it.
    """
    about = [s for s in cand.sentences if s.core & cand.terms]
    # Articles count where they name the issue's main term: a chain of terms that each
    # occur once in another article ("trade" here, "pressure" there) is no recurring issue.
    main = Counter(t for s in about for t in s.core & cand.terms).most_common(1)
    sources = {s.source for s in about if main and main[0][0] in s.core}
    sides = {s.side for s in about if s.side}
    cues = sum(s.cue for s in about)
    focus = sum(bool(s.focus & cand.terms) for s in about)
    pending = sum(bool(s.pending and s.focus & cand.terms) for s in about)
    positions = sum(s.position for s in about)
    named = _is_named(cand.terms) and any(s.cue or s.pending or s.status for s in about)
    if len(sources) < 2 and len(about) < 3 and not (named or pending):
        return 0.0
    if not (cues or pending or named or any(s.status for s in about)):
        return 0.0
    statuses = sum(bool(s.status) for s in about)
    depth = max(Counter(s.source for s in about).values())  # how much one article dwells on it
    score = (3 * len(sources) + min(len(about), 8) + 2 * min(len(sides), 3)
             + 2 * min(focus, 4) + 5 * min(pending, 2) + min(positions, 4) + 2 * min(statuses, 3)
             + 2 * min(depth, 5) + 14 * named)
    if named:
        return score
    if not (focus or pending):
        score *= 0.8  # no word of dispute or pending business bears on it
    return score * (1 - 0.5 * _boilerplate(about, cand.terms))


def _boilerplate(about: list[_Sentence], terms: set[str]) -> float:
    """Share of the sentences that another article repeats almost word for word: background
    that every report restates ("the two countries never formally ended hostilities") is
    context, not an open question."""
    if len(about) < 2:
        return 0.0
    repeated = sum(not (s.focus & terms) and
                   any(o.source != s.source and similar(o.text, s.text, 0.3) for o in about)
                   for s in about)
    return repeated / len(about)


# -- one issue ---------------------------------------------------------------------------------

def _title(cand: _Candidate, vocab: Counter[str] | None = None) -> str:
    """The phrase that best covers the cluster's terms, as written.

    Of the words besides the terms, a modifier the articles keep using earns its place
    ("joint economic projects"); a one-off ("unconditional peace treaty") or a name does not.
    """
    vocab = vocab or Counter()
    weight = Counter(t for s in cand.sentences for t in s.terms & cand.terms)
    best: tuple[float, str] | None = None
    for s in cand.sentences:
        for text, terms in s.surfaces:
            mine = {t for t in set(terms) & cand.terms if _is_named({t}) or t[:5] in _stems(text)}
            n = len(text.split())
            if not mine or n > _MAX_TITLE_WORDS:
                continue
            value = sum(weight[t] for t in mine)
            if _is_named(mine):
                value += 0.01 * n  # a named agreement is worth its full name
            else:
                extra = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", text)
                         if w.lower() not in _FUNCTION_WORDS and stem(w)[:5] not in {t[:5] for t in mine}]
                value += sum(0.5 if w.islower() and vocab[w.lower()] > 1 else -0.2 for w in extra)
                value -= 0.3 * max(0, n - 3)
            if best is None or (value, text.lower()) > (best[0], best[1].lower()):
                best = (value, text)
    return best[1] if best else min(cand.terms)


def _names_only(title: str) -> bool:
    """Every word a capitalised name (function words aside)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", title) if w.lower() not in _FUNCTION_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def _stems(text: str) -> set[str]:
    return {stem(w)[:5] for w in re.findall(r"[A-Za-z]+", text)}


def _is_named(terms: set[str]) -> bool:
    return any(t.startswith("agreement:") for t in terms)


def _issue(title: str, sentences: list[_Sentence], terms: set[str] | None = None,
           watched: bool = False) -> OpenIssue:
    newest = sorted(sentences, key=lambda s: (-date_key(s.date), s.source, s.citation.start))
    dated = [s.date for s in newest if s.date]
    return OpenIssue(title, _evidence(newest, terms), _stances(newest, terms),
                     min(dated, key=date_key) if dated else None,
                     max(dated, key=date_key) if dated else None,
                     _status(newest, terms), watched)


def _evidence(newest: list[_Sentence], terms: set[str] | None) -> list[Evidence]:
    """The most telling sentences (contested, attributed, on topic, each adding an aspect the
    others lack), shown newest first."""
    seen: set[str] = set()

    def weight(s: _Sentence) -> int:
        mine = s.terms & terms if terms else set()
        focus = bool(terms and s.focus & terms)
        return (2 * (s.cue or s.pending) + 2 * focus + (s.side is not None) + min(len(mine), 2)
                + min(len(mine - seen), 2))

    picked: list[_Sentence] = []
    pool = list(newest)
    while pool and len(picked) < MAX_EVIDENCE:
        best = max(pool, key=weight)  # max keeps the first, i.e. the newest, of equal weight
        pool.remove(best)
        if any(similar(p.text, best.text, 0.5) for p in picked):
            continue
        picked.append(best)
        seen |= best.terms & terms if terms else set()
    picked.sort(key=lambda s: (-date_key(s.date), s.source, s.citation.start))
    return [Evidence(s.text, s.date, [s.citation]) for s in picked]


def _stances(newest: list[_Sentence], terms: set[str] | None) -> list[Stance]:
    """Per side, its newest sentence on the issue, preferring one whose words of stance or
    dispute bear on the issue."""
    by_side: dict[str, list[_Sentence]] = defaultdict(list)
    for s in newest:
        if s.side:
            by_side[s.side].append(s)
    order = sorted(by_side, key=lambda k: (-len(by_side[k]), k))[:MAX_STANCES]
    out = []
    for side in order:
        ranked = sorted(by_side[side], key=lambda s: (not s.sure, not (terms and s.focus & terms),
                                                        not (s.cue or s.pending)))
        pick = ranked[0]  # stable: the newest of the best kind
        out.append(Stance(side, pick.text, pick.date, [pick.citation]))
    return out


def _status(newest: list[_Sentence], terms: set[str] | None) -> str | None:
    """What the newest sentence that says anything about its progress says: one whose words
    of progress bear on the issue, not on something else in the sentence."""
    for s in newest:
        if terms is not None and not (s.focus & terms or _is_named(terms)):
            continue
        if s.pending:
            return "unresolved"
        if s.status:
            return s.status
    return None


# -- watch-list --------------------------------------------------------------------------------

def _watch_hits(w: WatchIssue, sentences: list[_Sentence]) -> list[_Sentence]:
    patterns = [re.compile(r"\b" + re.escape(p.strip()) + r"\b", re.I) for p in w.phrases if p.strip()]
    return [s for s in sentences if any(p.search(s.text) for p in patterns)]


def _watched_issue(w: WatchIssue, sentences: list[_Sentence]) -> OpenIssue:
    """A watched issue: its sentences if any, else an empty issue ("no mention in these sources")."""
    hits = _watch_hits(w, sentences)
    return _issue(w.title, hits, None, watched=True)
