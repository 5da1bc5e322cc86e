"""Where the text itself ties a place or a seat of power to a party.

News writing says it in a few set ways: an apposition ("Port City, the Northland capital",
"the Palace, the seat of Northland's presidency"), a dateline or place apposition
("PORT CITY, Northland"), "the government in <city>", and a metonym subject followed by
the official who spoke for it ("<City> rejected the offer. Northland's foreign minister
said ..."). Each link is kept with a weight; the assembler weighs them across articles
(and a gazetteer or the config file overrides them).
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Span, Token

from .actors import (
    SAY_VERBS,
    STANCE_LEMMAS,
    canonical,
    coref_for,
    in_quote,
    party_before,
    side_terms,
    term_text,
)
from .context import ArticleContext
from .facts import SideLink

_SEATS = {"capital", "seat", "office", "residence", "headquarters", "palace", "home"}
_GOVERNMENT = re.compile(
    r"\b(government|officials?|spokes(?:wo)?man|spokesperson|ministry|authorities|"
    r"leadership|cabinet|regime)\s+in\s+([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)*)"
)
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .’'-]{2,}[A-Z]),\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)\b")
_PLACE_ENTS = ("GPE", "ORG", "FAC", "LOC")


def find_side_links(ctx: ArticleContext) -> list[SideLink]:
    links = _dateline(ctx)
    for sent in ctx.doc.sents:
        links += _seat_appositions(ctx, sent)
        links += _place_in_country(sent)
        links += _government_in(ctx, sent)
        links += _metonym_then_speaker(ctx, sent)
        links += _speaker_says_place(ctx, sent)
    return [link for link in links if link.term and link.target and link.term != link.target]


def _seat_appositions(ctx: ArticleContext, sent: Span) -> list[SideLink]:
    """ "X, the Northland capital" / "X, the seat of Northland's presidency" / "the capital, X"."""
    out = []
    for ent in (e for e in sent.ents if e.label_ in _PLACE_ENTS):
        for appos in (c for c in ent.root.children if c.dep_ == "appos" and c.lemma_.lower() in _SEATS):
            out += [
                SideLink(term_text(ent.text), t, "seat-apposition", 3.0) for t in _owner_terms(ctx, appos)
            ]
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.lemma_.lower() in _SEATS:
            out += [SideLink(term_text(ent.text), t, "seat-apposition", 3.0) for t in _owner_terms(ctx, head)]
    return out


def _owner_terms(ctx: ArticleContext, noun: Token) -> list[str]:
    words = [
        t
        for t in noun.subtree
        if t.dep_ not in ("relcl", "acl", "punct", "appos")
        and not (t.ent_type_ in _PLACE_ENTS and t.i > noun.i + 4)
    ]
    phrase = noun.doc[min(t.i for t in words) : max(t.i for t in words) + 1]
    terms = side_terms(phrase)
    terms += [t2 for t in phrase if t.lower_ in ("its", "their") for t2 in party_before(ctx.doc, t.i)]
    return terms


def _dateline(ctx: ArticleContext) -> list[SideLink]:
    """ "PORT CITY, Northland (Agency) -" : the dateline city lies in that country."""
    m = _DATELINE.match(ctx.doc.text[:200])
    if not m or m.group(2).lower() in _MONTHS:
        return []
    return [SideLink(m.group(1).title(), m.group(2), "dateline", 2.0)]


_MONTHS = {
    m.lower()
    for m in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]
}


def _place_in_country(sent: Span) -> list[SideLink]:
    """ "in Port City, Northland," : a city followed by the country it is in."""
    out = []
    ents = [e for e in sent.ents if e.label_ == "GPE"]
    for a, b in pairwise(ents):
        between = sent.doc[a.end : b.start].text.strip()
        before = sent.doc[a.start - 1].lower_ if a.start > 0 else ""
        after = sent.doc[b.end].lower_ if b.end < len(sent.doc) else ""
        if between == "," and before in ("in", "at", "from", "of") and after not in ("and", "or", ","):
            out.append(SideLink(term_text(a.text), term_text(b.text), "place-in-country", 1.0))
    return out


def _government_in(ctx: ArticleContext, sent: Span) -> list[SideLink]:
    """ "a Northland government spokesman in <city>" / "the government in <city> says"."""
    out = []
    for m in _GOVERNMENT.finditer(sent.text):
        city = m.group(2)
        start = sent.start_char + m.start()
        np = ctx.doc.char_span(start, start + len(m.group(1)), alignment_mode="expand")
        terms = [t for t in side_terms(_noun_phrase(np.root)) if t != city] if np is not None else []
        weight = 2.0
        if not terms:  # no nationality word: the country the passage is about just before
            terms, weight = _country_before(ctx, start, city), 1.0
        out += [SideLink(city, t, "government-in", weight) for t in terms[:1]]
    return out


def _noun_phrase(tok: Token) -> Span:
    words = [t for t in tok.subtree if t.i <= tok.i]
    return tok.doc[min(t.i for t in words) : tok.i + 1]


def _country_before(ctx: ArticleContext, char: int, exclude: str) -> list[str]:
    sents = [s for s in ctx.doc.sents if s.start_char <= char]
    floor = sents[-2].start_char if len(sents) >= 2 else 0
    ents = [
        e
        for e in ctx.doc.ents
        if e.label_ in ("GPE", "NORP") and floor <= e.start_char < char and term_text(e.text) != exclude
    ]
    return [term_text(ents[-1].text)] if ents else []


def _place_like(ent: Span) -> bool:
    """A place or organisation entity, or a one-word "person" the article never names in
    full (the tagger takes many unfamiliar place names for people)."""
    if ent.label_ in _PLACE_ENTS:
        return True
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    return not any(
        e.label_ == "PERSON" and len(e) > 1 and ent.text in {t.text for t in e} for e in ent.doc.ents
    )


def _speaker_says_place(ctx: ArticleContext, sent: Span) -> list[SideLink]:
    """ "Jane Doe said <City> would ...": an official announcing what a place will do
    speaks for the party that place stands for."""
    out = []
    for verb in (t for t in sent if t.lemma_.lower() in SAY_VERBS and t.pos_ == "VERB"):
        speaker = next((c for c in verb.children if c.dep_ == "nsubj" and not in_quote(c)), None)
        if speaker is None:
            continue
        targets = _speaker_terms(ctx, speaker)
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and not in_quote(c)):
                ent = next((e for e in sent.ents if e.start <= subj.i < e.end), None)
                if ent is not None and _place_like(ent):
                    out += [SideLink(term_text(ent.text), t, "speaker-says-place", 1.0) for t in targets[:1]]
    return out


def _speaker_terms(ctx: ArticleContext, speaker: Token) -> list[str]:
    if speaker.ent_type_ == "PERSON":
        ent = next(e for e in ctx.doc.ents if e.start <= speaker.i < e.end)
        return ["person:" + canonical(ctx, ent.text)]
    if speaker.lower_ in ("he", "she"):
        person = coref_for(ctx.doc).resolve(speaker)
        return ["person:" + canonical(ctx, person.text)] if person is not None else []
    return side_terms(_noun_phrase(speaker))


_RESPONSES = {"response", "reaction", "welcome", "answer", "reply", "rebuff"}


def _states_or_responds(root: Token) -> bool:
    """ "<City> rejected ...", "<City> gave a guarded response": the city speaks; "<City> is
    looking at scheduling a meeting" reports an act, and the next speaker may be anyone."""
    from .positions import STANCE_NOUNS  # positions builds on this package's actors module

    if root.lemma_.lower() in STANCE_LEMMAS | SAY_VERBS:
        return True
    return any(c.lemma_.lower() in _RESPONSES | STANCE_NOUNS for c in root.children if c.dep_ == "dobj")


def _root_subject_place(sent: Span) -> Span | None:
    """The main clause's subject when it is a place-like name (typed or left untyped)."""
    root = sent.root
    tok = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if tok is None or root.pos_ not in ("VERB", "AUX"):
        return None
    ent = next((e for e in sent.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return ent if _place_like(ent) else None
    if tok.pos_ == "PROPN":
        start = min(t.i for t in tok.subtree if t.dep_ == "compound" or t.i == tok.i)
        return sent.doc[start : tok.i + 1]
    return None


def _metonym_then_speaker(ctx: ArticleContext, sent: Span) -> list[SideLink]:
    """ "<City> rejected it. Northland's minister Jane Doe said ...": the next sentence's
    speaker (or the same sentence's, after a semicolon) names who the city speaks for."""
    subj = _root_subject_place(sent)
    if subj is None or in_quote(subj.root) or not _states_or_responds(sent.root) or subj.label_ == "ORG":
        return []  # an organisation that speaks is an actor of its own, not a metonym
    nxt = ctx.doc[sent.end].sent if sent.end < len(ctx.doc) else None
    if nxt is None:
        return []
    speaker = next((t for t in nxt if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
    if speaker is None or speaker.head.lemma_.lower() not in SAY_VERBS:
        return []  # the next sentence must be someone speaking, not another event
    if speaker.ent_type_ == "PERSON":
        ent = next(e for e in ctx.doc.ents if e.start <= speaker.i < e.end)
        targets = ["person:" + canonical(ctx, ent.text)]
    else:
        targets = [t for t in side_terms(_noun_phrase(speaker)) if t != term_text(subj.text)]
    return [SideLink(term_text(subj.text), t, "metonym-then-speaker", 0.5) for t in targets[:1]]
