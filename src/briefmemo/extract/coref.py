"""Who a pronoun or a role phrase stands for: "he", "the minister", "the Northland leader".

A small rule-based resolver for news writing. News introduces a person once with a
title ("Foreign Minister Jane Doe", "Jane Doe, the union's general secretary") and then
refers back with a pronoun or a definite role phrase ("the minister", "the Northland
leader"). The resolver looks only backwards (anaphora), takes the most recent person
whose introduced role fits the phrase, and answers None rather than guess: callers use
it for speakers, where a wrong name is worse than none.

Usage: ``Coref(doc)`` once per parsed article, then ``resolve(token)`` for a subject's
head token (a PERSON name, a pronoun or a role noun) and ``role_of(span)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .actors import person_spans, role_before

PERSONAL_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Heads that say "the person in charge" without naming the office: matched on the
# nationality or organisation words of the phrase, not on the title itself.
GENERIC_HEADS = {"leader", "official", "politician", "head", "chief", "man", "woman", "veteran",
                 "incumbent", "statesman", "premier", "strongman", "lawmaker", "diplomat"}
# Offices of a head of state or government: "the Northland leader" is its president or prime
# minister before any other official of that country who happens to be named nearer.
_TOP_OFFICE_WORDS = {"president", "prime", "premier", "chancellor", "king", "queen", "emperor", "monarch",
                     "sultan", "emir", "taoiseach"}
_HEAD_OF_STATE_HEADS = {"leader", "head", "statesman", "strongman", "incumbent"}
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                     "miss": "f", "madam": "f", "lord": "m", "lady": "f"}
_MAX_SENTENCES_BACK = 12  # a pronoun rarely reaches further back than this in news copy


@dataclass
class Mention:
    """One person mention: the name span, where it is, and the role words given with it."""

    span: Span
    role: str | None  # the title as written ("Northland Prime Minister")
    words: set[str] = field(default_factory=set)  # lower-cased role words
    subject: bool = False


class Coref:
    """Backward resolution of pronouns and role phrases to PERSON mentions of one doc."""

    def __init__(self, doc: Doc, skip: set[int] | None = None, canon: Callable[[str], str] | None = None):
        # skip: token indices to ignore as antecedents (e.g. words inside quotations:
        # a name quoted in someone's speech is not who "he" refers to next).
        # canon: name variant -> canonical name, to gather one person's mentions.
        self.doc = doc
        self._canon = canon
        spans = person_spans(doc)
        spans = sorted(spans + _echoes(doc, spans), key=lambda s: s.start)
        self.mentions = [self._mention(s) for s in spans if not (skip and s.start in skip)]
        self._gender = self._genders(skip or set())

    # -- building -------------------------------------------------------------------
    def _mention(self, span: Span) -> Mention:
        role = role_before(span)
        words: list[Token] = list(role) if role is not None else []
        appos = _apposition(span)
        if appos is not None:
            words += list(appos)
        text = role.text if role is not None else (appos.text if appos is not None else None)
        return Mention(span, text, {w.lower_ for w in words if w.is_alpha},
                       span.root.dep_ in ("nsubj", "nsubjpass"))

    def _genders(self, skip: set[int]) -> dict[str, str]:
        """Gender of a surname, only where the article itself signals it (Mr/Ms, or a
        pronoun that is the subject of the very next clause after a sole subject)."""
        out: dict[str, str] = {}
        for m in self.mentions:
            prev = self.doc[m.span.start - 1] if m.span.start > 0 else None
            for word in (prev, m.span[0]):  # "Ms. Jane Doe", with or without the title in the name
                if word is not None and word.lower_ in _HONORIFIC_GENDER:
                    out[_key(m.span)] = _HONORIFIC_GENDER[word.lower_]
        for m in self.mentions:
            if _key(m.span) in out or not m.subject:
                continue
            pron = _own_pronoun(m.span, skip)
            if pron is not None:
                out[_key(m.span)] = pron
        return out

    # -- resolving ------------------------------------------------------------------
    def resolve(self, tok: Token) -> Span | None:
        """The PERSON span that ``tok`` (head of a noun phrase) stands for, or None."""
        name = self.name_at(tok)
        if name is not None:
            return name
        appos = next((c for c in tok.children if c.dep_ == "appos"), None)
        if appos is not None and self.name_at(appos) is not None:
            return self.name_at(appos)
        if tok.lower_ in PERSONAL_PRONOUNS:
            return self.antecedent(tok)
        if tok.pos_ in ("NOUN", "PROPN") and _definite(tok):
            return self.role_referent(tok)
        return None

    def name_at(self, tok: Token) -> Span | None:
        return next((m.span for m in self.mentions if m.span.start <= tok.i < m.span.end), None)

    def antecedent(self, tok: Token) -> Span | None:
        """The person a third-person pronoun refers to: the latest earlier subject that
        agrees in gender where gender is known, else the latest person named."""
        gender = PERSONAL_PRONOUNS.get(tok.lower_)
        first_sent = self._sentence_floor(tok)
        before = [m for m in self.mentions if m.span.end <= tok.i and m.span.start >= first_sent]
        fits = [m for m in before if self._gender.get(_key(m.span), gender) == gender]
        subjects = [m for m in fits if m.subject]
        pick = subjects[-1] if subjects else (fits[-1] if fits else None)
        return pick.span if pick is not None else None

    def role_referent(self, tok: Token) -> Span | None:
        """The person a definite role phrase ("the prime minister") refers back to."""
        head = tok.lemma_.lower()
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and c.is_alpha]
        if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in tok.children):
            return None  # "the two leaders": several people
        best: tuple[int, int] | None = None
        pick: Mention | None = None
        for m in (m for m in self.mentions if m.span.end <= tok.i and m.words):
            score = _fit(head, mods, m.words)
            if score is not None and (best is None or (score, m.span.start) > best):
                best, pick = (score, m.span.start), m
        return pick.span if pick is not None else None

    def role_of(self, span: Span) -> str | None:
        """The fullest role the article gives the person named by ``span``."""
        key = self.person_key(span)
        roles = [m.role for m in self.mentions if m.role and self.person_key(m.span) == key]
        return max(roles, key=len) if roles else None

    def person_key(self, span: Span) -> str:
        return self._canon(span.text) if self._canon else _key(span)

    def _sentence_floor(self, tok: Token) -> int:
        sents = [s.start for s in self.doc.sents if s.start <= tok.i]
        return sents[-_MAX_SENTENCES_BACK] if len(sents) >= _MAX_SENTENCES_BACK else 0


def _echoes(doc: Doc, spans: list[Span]) -> list[Span]:
    """Later bare surnames the tagger missed or mislabelled ("Doe said ..." tagged ORG):
    a capitalised proper noun equal to the last word of a person already named."""
    surnames = {s[-1].text for s in spans if s[-1].is_title}
    taken = {t.i for s in spans for t in s}
    out = []
    for tok in doc:
        if tok.i in taken or tok.text not in surnames or (tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON"):
            continue
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and len(ent) > 1:
            continue  # part of a longer name of something else ("Doe Foundation")
        if any(s.start < tok.i and s[-1].text == tok.text for s in spans):
            out.append(doc[tok.i:tok.i + 1])
    return out


def _fit(head: str, mods: list[Token], words: set[str]) -> int | None:
    """How well a role phrase fits a person's role words; None when it contradicts them."""
    stems = {_stem(w) for w in words}
    if head not in words and not (head in GENERIC_HEADS and mods):
        return None
    score = 0
    for mod in mods:
        if mod.ent_type_ in ("NORP", "GPE"):
            if _stem(mod.lower_) in stems:
                score += 2
            elif words & _place_words(mod.doc):
                return None  # "the Northland leader" is not the Southland president
        elif mod.lower_ in words:
            score += 1
        else:
            return None  # "the foreign minister" is not the finance minister
    if head not in words and score == 0:
        return None  # "the Northland leader" needs the person's title to say Northland
    if head in _HEAD_OF_STATE_HEADS and words & _TOP_OFFICE_WORDS:
        score += 1  # "the Northland leader": its president, not its cabinet secretary
    return score + (head in words)


def _place_words(doc: Doc) -> set[str]:
    """Words of nationalities and places in the doc (what a title's side words look like)."""
    return {t.lower_ for e in doc.ents if e.label_ in ("NORP", "GPE") for t in e}


def _stem(word: str) -> str:
    """Nationality and country share a stem in most of English ("Norway"/"Norwegian")."""
    w = word.lower().replace("’s", "").replace("'s", "")
    return w[:4] if len(w) >= 4 else w


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) or \
        any(c.dep_ == "poss" for c in tok.children)


def _apposition(span: Span) -> Span | None:
    """Role words in apposition: "Jane Doe, the union's general secretary" or
    "the mediator, Jane Doe" (the name is then the apposition of the role noun)."""
    root = span.root
    appos = next((c for c in root.children if c.dep_ == "appos" and c.ent_type_ != "PERSON"
                  and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text != "("), None)
    if appos is not None:
        return _phrase(appos)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return _phrase(root.head, stop=root.i)
    return None


def _phrase(tok: Token, stop: int | None = None) -> Span:
    words = [t for t in tok.subtree if (stop is None or t.i < stop) and t.dep_ not in ("relcl", "acl", "punct")]
    words = [t for t in words if t.i <= tok.i or t.dep_ in ("prep", "pobj", "compound", "amod", "det", "poss", "case")]
    start = min(t.i for t in words)
    while start < tok.i and (tok.doc[start].pos_ == "DET" or tok.doc[start].tag_ == "PRP$"):
        start += 1  # "the mediator" / "his counterpart": the role is "mediator", "counterpart"
    end = tok.i + 1
    for t in words:  # "general secretary of the ... Union": keep the of-phrase
        if t.i > tok.i and t.i == end:
            end += 1
    return tok.doc[start:end]


def _own_pronoun(span: Span, skip: set[int]) -> str | None:
    """'Jane Doe said she ...' / 'John Doe ... his': a subject or possessive pronoun later
    in the same sentence, with no other person in it (an object pronoun, as in 'Doe
    scolded him', is someone else; a pronoun inside a quotation is the speaker's)."""
    sent = span.sent
    others = [e for e in span.doc.ents if e.label_ == "PERSON" and sent.start <= e.start < sent.end
              and e.start != span.start]
    if others:
        return None
    for t in span.doc[span.end:sent.end]:
        if t.i in skip:
            continue
        if (t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")) or \
                (t.lower_ in ("his", "her") and t.dep_ == "poss"):
            return PERSONAL_PRONOUNS[t.lower_]
    return None


def _key(span: Span) -> str:
    """Surname key for matching mentions of one person ("Jane Doe", "Doe")."""
    words = [t.text for t in span if t.is_alpha]
    return words[-1].lower() if words else span.text.lower()
