"""People and organisations in an article: canonical names, name variants, roles, side hints.

Side hints are the words of the text that tie an actor to a party, kept raw ("Northern",
"Northland", "U.N.", "person:Jane Doe") with a weight for how direct the evidence is; the
assembler turns them into sides with the gazetteer and what all the articles say.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from .context import ArticleContext
from .facts import ActorFact

_TITLE_POS = {"PROPN", "ADJ", "NOUN"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "prime", "premier"}
# Capitalised words shaped like a nationality adjective ("Northlandic", "Southian", "Westish").
DEMONYM_SHAPE = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ic|ese|ish|i)$")
_FORMER = {"former", "ex", "onetime", "then", "retired", "late"}
SAY_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "declare",
        "stress",
        "reiterate",
        "repeat",
        "announce",
        "insist",
        "warn",
        "confirm",
        "signal",
        "write",
        "note",
        "explain",
        "reply",
        "respond",
        "argue",
    ]
)
# How direct each kind of evidence for a side is (a title beats a reported clause).
W_TITLE, W_APPOS, W_POSSESSOR, W_CLAUSE = 3.0, 3.0, 2.0, 1.0


def person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, trimmed of words the tagger swept in ("Both Doe" -> "Doe")."""
    spans = []
    for ent in (e for e in doc.ents if e.label_ == "PERSON"):
        start = ent.start
        while start < ent.end - 1 and doc[start].pos_ != "PROPN":
            start += 1
        span = doc[start : ent.end]
        if any(t.is_alpha for t in span) and doc[start].pos_ == "PROPN" and not _is_place_owner(span):
            spans.append(span)
    return spans


def _is_place_owner(span: Span) -> bool:
    """A one-word "person" that owns an office is a country the tagger missed ("X's minister")."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if len(span) != 1 or nxt is None or nxt.tag_ != "POS":
        return False
    if any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == span.text for e in span.doc.ents):
        return False  # a surname the article gives in full elsewhere is a person
    owned = nxt.head if nxt.head.i != span.root.i else span.root.head
    return owned.lemma_.lower() in _OFFICES or any(
        t.lemma_.lower() in _OFFICES for t in span.doc[span.end + 1 : span.end + 4]
    )


_OFFICES = {
    "minister",
    "ministry",
    "president",
    "presidency",
    "government",
    "capital",
    "parliament",
    "embassy",
    "army",
    "navy",
    "foreign",
    "prime",
    "leader",
    "cabinet",
    "delegation",
}


def canonical_names(spans: list[Span]) -> dict[str, str]:
    """Map each name variant to the fullest form the article uses ("Doe" -> "Jane Doe")."""
    counts = Counter(_clean(s.text) for s in spans)
    full = sorted((n for n in counts if " " in n), key=lambda n: (-len(n.split()), -counts[n], n))
    mapping: dict[str, str] = {}
    for name in counts:
        last = name.split()[-1]
        first = name.split()[0]
        match = next(
            (f for f in full if f.split()[-1] == last or (" " not in name and f.split()[0] == first)), None
        )
        mapping[name] = match or name
    return mapping


def _clean(name: str) -> str:
    name = name.replace("’s", "").replace("'s", "").strip(" ,.")
    parts = [p for p in name.split() if p.lower().strip(".") not in _HONORIFICS]
    return " ".join(parts) or name


def _title_word(tok: Token) -> bool:
    if tok.tag_ == "POS":
        return True
    if tok.ent_type_ == "ORG" and tok.head.i < tok.i:
        return False  # an organisation ends the title unless it qualifies what follows ("EU envoy")
    return tok.pos_ in _TITLE_POS and tok.is_alpha and tok.ent_type_ not in ("PERSON", "DATE")


def role_before(span: Span) -> Span | None:
    """Title words right before a name: "Northland President", "Southland's Chief Cabinet Secretary"."""
    doc, start = span.doc, span.start
    while start > span.sent.start and _title_word(doc[start - 1]):
        start -= 1
    words = doc[start : span.start]
    capitalised = any(t.is_title or (t.is_upper and len(t.text.strip(".")) > 1) for t in words)  # "EU envoy"
    if not len(words) or not capitalised or all(t.ent_type_ == "GPE" for t in words):
        return None
    return words


def side_terms(phrase: Span) -> list[str]:
    """Words of a phrase that may name a party: place, nationality and organisation
    entities, and capitalised words shaped like nationality adjectives."""
    terms: list[str] = []
    covered: set[int] = set()
    for ent in phrase.doc.ents:
        if ent.label_ in ("GPE", "NORP", "ORG") and phrase.start <= ent.start and ent.end <= phrase.end:
            terms.append(term_text(ent.text))
            covered |= set(range(ent.start, ent.end))
    for tok in phrase:
        if tok.i not in covered and DEMONYM_SHAPE.match(tok.text):
            terms.append(tok.text)
    return [t for t in terms if t]


def term_text(text: str) -> str:
    """A side term as a lookup key: without "the", possessive or surrounding punctuation
    (an abbreviation keeps its last dot: "U.N.")."""
    text = text.strip(' ,;:"“”()')
    text = re.sub(r"(’s|'s|’|')$", "", text)
    if not re.search(r"\b[A-Z]\.$", text):
        text = text.rstrip(".")
    return re.sub(r"^(the|The)\s+", "", text).strip()


def find_actors(ctx: ArticleContext) -> list[ActorFact]:
    spans = person_spans(ctx.doc)
    ctx.names.update(canonical_names(spans))
    actors: dict[str, ActorFact] = {}
    for span in spans:
        name = ctx.names[_clean(span.text)]
        actor = actors.setdefault(name, ActorFact(name))
        actor.aliases.add(term_text(span.text))
        actor.mentions += 1
        actor.as_subject += span.root.dep_ in ("nsubj", "nsubjpass") or _according_to(span)
        role = role_before(span)
        if role is not None:
            actor.aliases.add(term_text(role.text + " " + span.text))
            _vote(actor, side_terms(role), W_TITLE)
            _vote(actor, possessor_terms(ctx, role), W_POSSESSOR)
        for appos in appositions(span):
            if any(t.lower_ in _FORMER for t in appos):
                continue  # "a former diplomat of X" says nothing of whom he speaks for now
            _vote(actor, side_terms(appos), W_APPOS)
            _vote(actor, possessor_terms(ctx, appos), W_POSSESSOR)
            role = role or appos
        if role is not None and (actor.role is None or len(role.text) > len(actor.role)):
            actor.role = term_text(role.text) if role.text[:1].isupper() else role.text
        _vote(actor, _reported_party(span) or _reported_person(ctx, span), W_CLAUSE)
    _role_aliases(ctx, actors)
    for actor in actors.values():
        actor.side = max(actor.side_votes, key=lambda k: actor.side_votes[k]) if actor.side_votes else None
    return list(actors.values()) + find_org_actors(ctx)


def _according_to(span: Span) -> bool:
    """ "..., according to Jane Doe": the source of a statement, as much as its subject."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _role_aliases(ctx: ArticleContext, actors: dict[str, ActorFact]) -> None:
    """ "the Northlandic leader", "the minister": a definite role phrase the article uses for a
    named person (resolved backwards by coref) is one of that person's names."""
    coref = coref_for(ctx.doc)
    for tok in ctx.doc:
        if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or in_quote(tok):
            continue
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the":
            continue
        person = coref.resolve(tok)
        if person is None:
            continue
        actor = actors.get(ctx.names.get(_clean(person.text), _clean(person.text)))
        if actor is not None:
            actor.aliases.add(ctx.doc[det.i : tok.i + 1].text)


def _vote(actor: ActorFact, terms: list[str], weight: float) -> None:
    for term in dict.fromkeys(terms):
        actor.side_votes[term] = actor.side_votes.get(term, 0.0) + weight


def appositions(span: Span) -> list[Span]:
    """Role words in apposition: "Jane Doe, Northland's foreign minister" and "Its energy
    minister, Jane Doe" (the name is then the apposition of the role noun)."""
    root = span.root
    out = [_subtree(c) for c in root.children if c.dep_ == "appos" and c.ent_type_ != "PERSON"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        words = [t for t in head.subtree if t.i < span.start and t.dep_ != "punct"]
        if words:
            out.insert(0, span.doc[min(t.i for t in words) : head.i + 1])
    return out


def _subtree(tok: Token) -> Span:
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct")]
    return tok.doc[min(t.i for t in words) : max(t.i for t in words) + 1]


def possessor_terms(ctx: ArticleContext, phrase: Span) -> list[str]:
    """Owners of an office that are not place words: "its" (the party last named as a
    subject) and a person ("Jane Doe's spokeswoman" sides with Jane Doe)."""
    out = []
    for tok in phrase:
        if tok.dep_ != "poss":
            continue
        if tok.lower_ in ("its", "their"):
            out += party_before(ctx.doc, tok.i)
        elif tok.ent_type_ == "PERSON":
            ent = next(e for e in ctx.doc.ents if e.start <= tok.i < e.end)
            # the tagger takes some countries for people ("Northland's minister"): keep both readings
            out += [term_text(ent.text), "person:" + canonical(ctx, ent.text)]
    return out


def party_before(doc: Doc, i: int) -> list[str]:
    """The place or organisation that "its"/"it" most likely stands for: the latest
    place or organisation subject within the two sentences before ``i``."""
    sent_starts = [s.start for s in doc.sents if s.start <= i]
    floor = sent_starts[-2] if len(sent_starts) >= 2 else 0
    ents = [e for e in doc.ents if e.label_ in ("GPE", "ORG", "NORP") and floor <= e.start and e.end <= i]
    subjects = [e for e in ents if e.root.dep_ in ("nsubj", "nsubjpass")]
    pick = subjects[-1] if subjects else (ents[-1] if ents else None)
    if pick is None:
        return []
    # "Northland and Southland ... they": every party of a coordinated subject
    together = [e for e in ents if e.root.head.i == pick.root.i and e.root.dep_ == "conj"]
    together += [e for e in ents if pick.root.dep_ == "conj" and e.root.i == pick.root.head.i]
    return [term_text(e.text) for e in [pick, *together]]


def _reported_party(span: Span) -> list[str]:
    """ "Northland will ..., Jane Doe said": a speaker voicing a country's line likely speaks for it."""
    verb = span.root.head
    if span.root.dep_ != "nsubj" or verb.lemma_.lower() not in SAY_VERBS:
        return []
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and _commits(c)):
        for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and not in_quote(c)):
            if subj.ent_type_ in ("GPE", "NORP"):
                ent = next(e for e in span.doc.ents if e.start <= subj.i < e.end)
                return [term_text(ent.text)]
            if subj.pos_ == "PROPN" and not subj.ent_type_:
                return [subj.text]  # a place name the tagger missed; the assembler decides
    return []


def quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paired paragraph by paragraph (cached on the doc)."""
    if "briefmemo_quoted" not in doc.user_data:
        from .quotes import quote_spans  # quotes builds on this module

        doc.user_data["briefmemo_quoted"] = [(q.start, q.end) for q in quote_spans(doc.text)]
    return doc.user_data["briefmemo_quoted"]


def coref_for(doc: Doc):  # type: ignore[no-untyped-def]
    """One coref resolver per parsed article, shared by the extractors (kept on the doc;
    the parse cache does not store user data)."""
    if "briefmemo_coref" not in doc.user_data:
        from .coref import Coref  # coref builds on this module

        doc.user_data["briefmemo_coref"] = Coref(doc)
    return doc.user_data["briefmemo_coref"]


def in_quote(tok: Token) -> bool:
    """Is the token inside a quotation (someone's words, not the reporter's)?"""
    return any(s <= tok.idx < e for s, e in quoted_ranges(tok.doc))


_COMMITMENT = {
    "will",
    "would",
    "'ll",
    "ready",
    "prepared",
    "willing",
    "want",
    "intend",
    "plan",
    "seek",
    "offer",
}


def _commits(clause: Token) -> bool:
    """ "Northland will ... / is ready to ...": a party's own commitment, which its officials
    announce; "Northland must ..." is as often a demand on another party."""
    words = [clause] + [c for c in clause.children if c.dep_ in ("aux", "acomp")]
    return any(w.lower_ in _COMMITMENT or w.lemma_.lower() in _COMMITMENT for w in words)


def _reported_person(ctx: ArticleContext, span: Span) -> list[str]:
    """ "Jane Doe asked ..., according to <official>": an official briefing on what a leader
    said most often speaks for that leader's side."""
    if not _according_to(span):
        return []
    verb = span.root.head.head.head  # according -> to -> name; "according" hangs from the verb
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.ent_type_ != "PERSON":
        return []
    ent = next(e for e in ctx.doc.ents if e.start <= subj.i < e.end)
    return ["person:" + canonical(ctx, ent.text)]


def find_org_actors(ctx: ArticleContext) -> list[ActorFact]:
    """Organisations (and places) the article names, counted as subjects of statements
    ("the Commission said"); the assembler keeps those that matter, and learns from the
    place names which country a nationality word belongs to."""
    found: dict[str, ActorFact] = {}
    for ent in (e for e in ctx.doc.ents if e.label_ in ("ORG", "GPE")):
        name = term_text(ent.text)
        kind = "org" if ent.label_ == "ORG" else "place"
        actor = found.setdefault(name, ActorFact(name, kind=kind))
        actor.mentions += 1
        if (
            ent.root.dep_ in ("nsubj", "nsubjpass")
            and ent.root.head.lemma_.lower() in SAY_VERBS | STANCE_LEMMAS
        ):
            actor.as_subject += 1
        _vote(actor, [t for t in side_terms(ent) if t != name], W_TITLE)
    for ent in (e for e in ctx.doc.ents if e.label_ == "PERSON" and len(e) == 1):
        prep = ent.root.head
        if ent.root.dep_ == "pobj" and prep.lower_ in ("in", "at", "from") and not in_quote(ent.root):
            # "a reporter in Port City": a one-word "person" one can be in is a place
            found.setdefault(term_text(ent.text), ActorFact(term_text(ent.text), kind="place")).mentions += 1
    return list(found.values())


# Lemmas of verbs by which a party states a position (shared with positions.py).
STANCE_LEMMAS = frozenset(
    [
        "want",
        "propose",
        "insist",
        "demand",
        "reject",
        "offer",
        "warn",
        "refuse",
        "suggest",
        "seek",
        "hope",
        "intend",
        "agree",
        "oppose",
        "urge",
        "push",
        "wish",
        "need",
        "accept",
        "welcome",
        "criticise",
        "criticize",
        "condemn",
        "threaten",
        "promise",
        "vow",
        "pledge",
        "ask",
        "study",
        "consider",
        "rule",
        "dismiss",
        "invoke",
        "accuse",
        "decide",
    ]
)


def canonical(ctx: ArticleContext, text: str) -> str:
    return ctx.names.get(_clean(text), _clean(text))
