"""Candidate issue phrases: noun phrases with the sentence they occur in, and its cues.

Each noun phrase becomes a PhraseFact whose ``terms`` are the stems of its content words.
Assembly links phrases that share a term, so that terms found together in one phrase
("sovereignty over the islands", "missile defence system") end up in one issue.
Words that only say *that* something is contested ("issue", "question", "dispute") are
not terms: in "the border question" the topic is "border".
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .context import ArticleContext
from .facts import DateMention, PhraseFact

# Cues that a sentence speaks of something contested or conditional.
DISPUTE_CUES = re.compile(
    r"\b(disput\w*|insist\w*|demand\w*|reject\w*|condition\w*|precondition\w*|only then|must first|"
    r"without first|first resolv\w*|settled first|unless|unresolved|stumbling block|sovereignty|"
    r"sanction\w*|no guarantees?|refus\w*|oppos\w*|concern\w*|stance|claim\w*|dismiss\w*|"
    r"object\w*|row|standoff|disagree\w*|divid\w*|at odds|gap|veto)\b", re.I)
# Verbs of stance: what follows them is what a side wants or fears ("seeking progress on X").
STANCE_CUES = re.compile(
    r"\b(seek\w*|want\w*|hop(e|es|ed|ing)|urg(e|es|ed|ing)|propos\w*|offer\w*|push\w*|"
    r"call(s|ed)? for|warn\w*|threat\w*|accept\w*|fear\w*|worr\w*)\b", re.I)
# Cues that the matter is still open.
PENDING_CUES = re.compile(
    r"\b(yet to|still unresolved|unresolved|remains? open|not (yet )?settled|nor is it settled|"
    r"no guarantees?|must still|still (has|have|needs?) to|has not been decided|nothing had been "
    r"decided|undecided|unclear|pending|to be decided|open question|remains? to be|is expected to|"
    r"(is|are) planned|would have to|will have to)\b", re.I)
# Status words, most telling first; a negation just before cancels "agreed" ("yet to agree").
STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("stalled", re.compile(r"\b(stall\w*|stymied|no progress|deadlock\w*|impasse|broke down|"
                           r"break down|stumbling block|ended \w+ \w+ without agreement)\b", re.I)),
    ("rejected", re.compile(r"\b(reject\w*|refus\w*|dismiss\w*|ruled out)\b", re.I)),
    ("speeding up", re.compile(r"\b(speed up|accelerat\w*|push forward|step up)\b", re.I)),
    ("agreed", re.compile(r"\b(agreed|initial(l)?ed|reached an agreement|signed)\b", re.I)),
]
_NEGATION = re.compile(r"\b(not|yet to|failed to|no|never|without)\s+(\w+\s+)?$", re.I)

# Named agreements: "the 1961 Waters Treaty", "the Treaty of Rome", "a 1990 joint declaration".
AGREEMENT_NOUNS = frozenset(
    "treaty accord agreement declaration statement pact protocol convention charter communique "
    "memorandum deal compact".split())
# Words that say a thing is contested, or a stance on it: the topic lies in their modifiers.
_ISSUE_WORDS = frozenset(
    "issue question matter problem dispute row disagreement controversy standoff spat conflict "
    "topic subject point aspect demand call proposal offer idea plan remark comment stance "
    "position view approach solution resolution decision concern".split())
# General news words that never name what is in dispute.
_GENERIC = _ISSUE_WORDS | frozenset(
    "talk negotiation meeting summit conference session round forum briefing statement report "
    "reporter interview visit trip speech press news media people official leader minister "
    "president spokesman spokeswoman government country nation state side party delegation "
    "citizen public resident population reader viewer neighbour neighbor partner ally rival "
    "adversary friend "
    "counterpart envoy diplomat source member expert analyst agreement deal "
    "part end beginning start majority number lot kind sort type group chain series set range "
    "percent percentage half rest share lot "
    "year month week day time today decade generation season period moment era date hour night "
    "morning evening weekend "
    "way thing move step sign effort case fact reason result course word line term tone change "
    "hand system area relation relationship tie progress sideline outset heel city stage office "
    "draft framework outline text document story article headline "
    "world region home war".split())
_VAGUE_ADJ = frozenset(
    "new other such own same many several first last more most final key major main long recent "
    "previous next possible current future further little big large small great good bad "
    "formal informal official legal legally".split())
_SKIP_ENTS = frozenset(
    "PERSON GPE NORP DATE TIME CARDINAL ORDINAL PERCENT MONEY QUANTITY ORG LOC FAC".split())
_LINK_PREPS = frozenset({"of", "over"})
# Prepositions that introduce where, when or by whom rather than what is at stake.
_CIRCUMSTANCE_PREPS = frozenset(
    "at in from during near off across inside outside by after since until within throughout "
    "into onto around alongside among amid beside".split())
_YEAR = re.compile(r"^(1[6-9]|20)\d\d$")
# Verbs that say nothing of what is pending ("have yet to agree on X": X is what is pending).
_EMPTY_VERBS = frozenset("be have do agree decide settle resolve say make get take come go see".split())
_PERSONAL = frozenset("he she they we".split())
_PRONOUNS = frozenset("he she they it we i you this that these those who".split())
_MAX_SURFACE_WORDS = 9
_FOCUS_REACH = 60  # characters between a cue and the phrase it bears on


def find_phrases(ctx: ArticleContext, dates: list[DateMention]) -> list[PhraseFact]:
    found: list[PhraseFact] = []
    named: dict[str, str] = {}  # agreement head -> key of the last named one, for "the treaty"
    subject: str | None = None
    for sent in ctx.doc.sents:
        # "He said ..." speaks for the last named subject; a sentence without one for nobody.
        subject = subject if _personal_subject(sent) else _subject(sent)
        found += _sentence_phrases(ctx, sent, dates, named, subject)
    return found


def _sentence_phrases(ctx: ArticleContext, sent: Span, dates: list[DateMention],
                      named: dict[str, str], subject: str | None) -> list[PhraseFact]:
    cues = [m.start() + sent.start_char for m in DISPUTE_CUES.finditer(sent.text)]
    pend = [m.end() + sent.start_char for m in PENDING_CUES.finditer(sent.text)]
    status = sentence_status(sent.text)
    date = sentence_date(ctx, sent, dates)
    text, cite = sent.text.strip(), ctx.cite_span(sent)
    phrases: list[tuple[PhraseFact, int]] = []
    for chunk in sent.noun_chunks:
        terms, is_named = chunk_terms(chunk, named)
        if terms and not is_named:
            terms += [t for t in _same_thing(chunk) if t not in terms]
        if terms:
            # In a sentence about pending business every phrase is what is pending.
            core = bool(pend) or not _circumstantial(chunk)
            phrases.append((PhraseFact(" ".join(terms), surface(chunk), text, date, cite, bool(cues),
                                       terms, is_named, bool(pend), status, subject, core),
                            chunk.start_char))
    if pend:
        verb = _pending_verb(sent, pend[0])
        if verb is not None:
            terms, text_ = verb
            phrases.append((PhraseFact(" ".join(terms), text_, text, date, cite, bool(cues), terms,
                                       False, True, status, subject, True),
                            pend[0]))
    said = [m.start() + sent.start_char for _, pat in STATUS_CUES for m in pat.finditer(sent.text)]
    said += [m.end() + sent.start_char for m in STANCE_CUES.finditer(sent.text)]
    for at in cues + pend + said:
        nearest = _nearest(phrases, at)
        if nearest is not None:
            nearest.focus = True
    return [p for p, _ in phrases]


def _same_thing(chunk: Span) -> list[str]:
    """Terms of what the phrase says is the same thing: the subject of "X is a Y" for Y, the
    head of an apposition ("the dam, the largest project in its history")."""
    root = chunk.root
    other = None
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        other = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
    elif root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
        other = root.head
    if other is None or other.ent_type_ in _SKIP_ENTS:
        return []
    return _content_stems(_chunk_of(other))


def _nearest(phrases: list[tuple[PhraseFact, int]], at: int) -> PhraseFact | None:
    """The phrase a cue bears on: the nearest after it, else the nearest before it."""
    after = [(start - at, p) for p, start in phrases if 0 <= start - at <= _FOCUS_REACH]
    if after:
        return min(after, key=lambda x: x[0])[1]
    before = [(at - start, p) for p, start in phrases if 0 < at - start <= _FOCUS_REACH]
    return min(before, key=lambda x: x[0])[1] if before else None


def _pending_verb(sent: Span, at: int) -> tuple[list[str], str] | None:
    """The action still pending ("must still be ratified by the parliament"): its stem and
    phrase, with the terms of its object or agent; None for empty verbs ("agree", "be")."""
    verb = next((t for t in sent if t.idx >= at and t.pos_ == "VERB"), None)
    if verb is None or verb.idx - at > 40 or verb.lemma_.lower() in _EMPTY_VERBS:
        return None
    terms = [stem(verb.lemma_)]
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ in ("dobj", "agent", "prep") and child.i - end <= 1:
            objs = [child] if child.dep_ == "dobj" else [c for c in child.children if c.dep_ == "pobj"]
            for obj in objs:
                terms += [t for t in _content_stems(_chunk_of(obj)) if t not in terms]
                end = max(end, obj.i + 1)
            break
    if len(terms) < 2:
        return None  # "would have to approve it": the object says nothing of what
    return terms, sent.doc[verb.i:end].text


def sentence_date(ctx: ArticleContext, sent: Span, dates: list[DateMention]) -> str | None:
    """A past date the sentence holds (when it happened), else the article's publication date."""
    for d in dates:
        if sent.start_char <= d.start < sent.end_char and d.type != "DURATION" and d.value \
                and d.value[:1].isdigit() and d.tense == "past":
            return d.value
    return ctx.published.isoformat() if ctx.published else None


def sentence_status(text: str) -> str | None:
    """The status the sentence states, if any (a negated "agreed" is no agreement)."""
    for label, pattern in STATUS_CUES:
        for m in pattern.finditer(text):
            if label == "agreed" and _NEGATION.search(text[:m.start()]):
                continue
            return label
    return None


def chunk_terms(chunk: Span, named: dict[str, str] | None = None) -> tuple[list[str], bool]:
    """Stems of the phrase's content words (and of an "of"/"over" complement); named-agreement key."""
    named = {} if named is None else named
    key = agreement_key(chunk)
    if key:
        named[chunk.root.lemma_.lower()] = key
        return [key], True
    if _is_bare_reference(chunk) and chunk.root.lemma_.lower() in named:
        return [named[chunk.root.lemma_.lower()]], True  # "the treaty" after "the 1961 X Treaty"
    if chunk.root.ent_type_ in _SKIP_ENTS:
        return [], False
    terms = _content_stems(chunk)
    for pobj in _linked_objects(chunk.root):
        terms += [t for t in _content_stems(_chunk_of(pobj)) if t not in terms]
    return terms, False


def agreement_key(chunk: Span) -> str | None:
    """"agreement:<year>" or "agreement:<proper words>" for a named agreement, else None."""
    root = chunk.root
    if root.lemma_.lower() not in AGREEMENT_NOUNS:
        return None
    years = [t.text for t in chunk if _YEAR.match(t.text)]
    years += [o.text for o in _linked_objects(root) if _YEAR.match(o.text)]
    if years:
        return "agreement:" + years[0]
    proper = [t.lemma_.lower() for t in chunk if t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP")]
    if root.pos_ == "PROPN" or root.ent_type_ == "LAW":
        return "agreement:" + " ".join(proper or [root.lemma_.lower()])
    return None


def stem(word: str) -> str:
    """A crude stem so that "territorial" meets "territory" and "economic" meets "economy"."""
    word = word.lower()
    return word[:6] if len(word) > 6 else word


def _content_stems(chunk: Span) -> list[str]:
    nouns = [t for t in chunk if t.pos_ in ("NOUN", "PROPN") and _content(t)]
    # An activity word before a noun classifies it ("fishing towns", "landing fees"); as a
    # link it would chain unrelated things together, so the head alone speaks for the phrase.
    if len(nouns) > 1:
        nouns = [t for t in nouns if t.i == chunk.root.i or not t.lower_.endswith("ing")] or nouns
    words = nouns or [t for t in chunk if t.pos_ == "ADJ" and t.dep_ == "amod" and _content(t)
                      and t.lemma_.lower() not in _VAGUE_ADJ]
    out: list[str] = []
    for t in words:
        s = stem(t.lemma_)
        if s not in out:
            out.append(s)
    return out


def _content(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.whitespace_ == "" and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == "-" and len(tok) <= 4:
        return False  # a prefix split off by the tokenizer: "pre" of "pre-conditions"
    return (tok.is_alpha and len(lemma) >= 3 and lemma not in _GENERIC
            and not (tok.pos_ == "PROPN" and tok.ent_type_ in _SKIP_ENTS)
            and tok.ent_type_ not in ("PERSON", "GPE", "NORP"))


def _linked_objects(head: Token, depth: int = 0) -> list[Token]:
    """Objects of "of"/"over" after the head, with their conjuncts ("areas of trade and security")."""
    out = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _LINK_PREPS:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                out += [pobj, *pobj.conjuncts]
                if pobj.lemma_.lower() in _GENERIC and depth < 2:  # "a cut of its share of the catch"
                    out += _linked_objects(pobj, depth + 1)
    return out


def _chunk_of(tok: Token) -> Span:
    """The noun phrase a token heads: its left dependants up to the token."""
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts])
    return tok.doc[start:tok.i + 1]


def _is_bare_reference(chunk: Span) -> bool:
    words = [t for t in chunk if not t.is_punct]
    return len(words) == 2 and words[0].lower_ in ("the", "this", "that")


def surface(chunk: Span) -> str:
    """The phrase as written, without leading determiners, with an "of"/"over" complement."""
    tokens = [t for t in chunk if t.pos_ not in ("DET", "PRON") or t.i > chunk.start]
    start = tokens[0].i if tokens else chunk.start
    while start < chunk.end - 1 and chunk.doc[start].pos_ in ("DET", "PRON", "PUNCT"):
        start += 1
    end = chunk.end
    objects = _linked_objects(chunk.root)
    if objects:
        end = max(end, max(o.right_edge.i for o in objects) + 1)
    words = chunk.doc[start:end]
    if len(words) > _MAX_SURFACE_WORDS:
        words = chunk.doc[start:chunk.end]
    return words.text.strip(" ,;:")


def _circumstantial(chunk: Span) -> bool:
    """The phrase says where, when or by whom ("in the city of X", "by troops"), not what."""
    head = chunk.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _CIRCUMSTANCE_PREPS


def _personal_subject(sent: Span) -> bool:
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ in _PERSONAL


def _subject(sent: Span) -> str | None:
    """The sentence's grammatical subject (a name, not a pronoun), for attributing it to a side."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in _PRONOUNS:
        return None
    return sent.doc[subj.left_edge.i:subj.right_edge.i + 1].text[:120]
