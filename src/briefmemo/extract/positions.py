"""Sentences in which an actor or a side states what it wants, proposes, rejects or demands.

A sentence is a position when a verb of stance (want, propose, reject, ...), an adjective
of readiness (ready, keen, reluctant, ...) or a verb of saying whose reported clause
carries a modal or a negation has a subject that is a party: a person, a country or its
metonym, an organisation, or a role phrase with a nationality ("a Northland official").
The holder is the subject of the nearest verb of saying above the stance where there is
one ("Port City later said it still wants ...": Port City, not "it" nor the previous subject).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .actors import (
    SAY_VERBS,
    STANCE_LEMMAS,
    canonical,
    coref_for,
    in_quote,
    party_before,
    possessor_terms,
    quoted_ranges,
    side_terms,
    term_text,
)
from .context import ArticleContext
from .dates import governing_verb
from .facts import DateMention, PositionFact, QuoteFact

STANCE_ADJECTIVES = frozenset(
    [
        "ready",
        "eager",
        "keen",
        "prepared",
        "willing",
        "reluctant",
        "unwilling",
        "determined",
        "concerned",
        "opposed",
        "open",
        "committed",
        "adamant",
        "firm",
        "unhappy",
        "wary",
        "valid",
        "invalid",
        "unacceptable",
        "unnecessary",
        "necessary",
        "vital",
        "essential",
    ]
)
# Nouns that name a stance: "reiterated his desire to ...", "repeating the country's stance that ...".
STANCE_NOUNS = frozenset(
    [
        "desire",
        "wish",
        "demand",
        "position",
        "stance",
        "proposal",
        "offer",
        "idea",
        "condition",
        "insistence",
        "opposition",
        "readiness",
        "willingness",
        "intention",
        "call",
        "refusal",
        "priority",
    ]
)
_MODALS = {"must", "should", "need", "would", "will", "could", "cannot", "ca", "wo"}
_NEGATIONS = {"not", "n't", "never", "no"}
_RELATIVE = {"which", "who", "that"}
_PARTY_PRONOUNS = {"it", "they", "we"}
_PERSON_PRONOUNS = {"he", "she", "i"}
# Third parties whose guesses are reported as such ("some experts say", "others doubt"): what
# they say of a party is their reading of it, not the party's own position.
_HEDGED_SOURCES = {"some", "experts", "analysts", "critics", "observers", "others", "many", "commentators",
                   "scholars", "economists", "skeptics", "sceptics", "pundits", "academics"}
_NOT_PARTIES = _HEDGED_SOURCES | {"people", "talks", "deal"}
# "I want to say ...", "did not wish to comment": a wish about what one says, not about the issue.
_META_SPEECH = {"say", "comment", "add", "stress", "note", "mention", "emphasize", "emphasise",
                "thank", "remind", "reiterate", "repeat", "elaborate"}
# Verbs that take a stance noun as a topic, not as a statement: "discussed his proposal",
# "will study the offer" (a reply to it may be a position; talking about it is not).
_TOPIC_VERBS = {"discuss", "study", "consider", "examine", "review", "receive", "debate", "hear", "explain",
                "describe", "mention", "analyse", "analyze", "outline"}
# Dependents whose words belong to another clause or to a noun phrase, not to the reported
# statement itself: "while there were no guarantees", "an idea has come into my head".
_OFF_CORE = {"advcl", "relcl", "acl", "nsubj", "nsubjpass", "csubj", "appos", "parataxis"}


def find_positions(
    ctx: ArticleContext, dates: list[DateMention], quotes: list[QuoteFact] | None = None
) -> list[PositionFact]:
    coref = coref_for(ctx.doc)
    speakers = _quote_speakers(ctx, quotes or [])
    found = []
    for sent in ctx.doc.sents:
        holders: dict[str, tuple[str | None, set[int]]] = {}
        found_by = {stance.i: (stance, _holders(ctx, coref, stance)) for stance in _stance_words(sent)}
        held = [st for st, hs in found_by.values() if hs]
        for stance, stance_holders in found_by.values():
            if _stance_reported_inside(stance, held):
                continue  # "A said B had called it unacceptable": B's stance, found at B's words
            for name, side, verb in stance_holders:
                saying = _saying_above(verb)  # "X is ready ..., its minister said on Thursday"
                verbs = {verb.i, stance.i, stance.head.i} | ({saying.i} if saying is not None else set())
                holders.setdefault(name, (side, set()))[1].update(verbs)
        quoted = _quoted_holders(ctx, sent, speakers)
        for name in quoted:
            holders.setdefault(name, (None, set()))
        for name, (side, verbs) in holders.items():
            date = _statement_date(ctx, sent, verbs, dates)
            if not verbs and quoted.get(name):
                date = quoted[name]  # in the speaker's own words: when the quotation was said
            found.append(PositionFact(name, side, sent.text.strip(), date, ctx.cite_span(_trimmed(sent))))
    return found


def _stance_reported_inside(stance: Token, stances: list[Token]) -> bool:
    """A verb of saying counts as a stance only for the modal or negation of its reported
    clause; when a stance word of its own lies in that clause under another subject, that
    word and its subject hold the position."""
    if stance.lemma_.lower() not in SAY_VERBS or stance.lemma_.lower() in STANCE_LEMMAS:
        return False
    for other in stances:
        if other.i == stance.i or not any(a.i == stance.i for a in other.ancestors):
            continue
        verb = other if other.pos_ in ("VERB", "AUX") else other.head
        subj = _subject(verb)
        if subj is not None and subj.pos_ == "NOUN" and subj.i not in {t.i for t in stance.children}:
            return True
    return False


def _quote_speakers(ctx: ArticleContext, quotes: list[QuoteFact]) -> list[tuple[int, int, str, str | None]]:
    """(start, end, speaker, date) of each quotation in the body, from what quotes.py found."""
    said = [(_squash(q.text), q.speaker, q.date) for q in quotes if q.speaker and _squash(q.text)]
    out = []
    for s, e in quoted_ranges(ctx.doc):
        words = _squash(ctx.doc.text[s:e])
        match = next(
            (
                (who, when)
                for text, who, when in said
                if words
                and (text == words or min(len(text), len(words)) >= 20 and (text in words or words in text))
            ),
            None,
        )
        if match:
            out.append((s, e, match[0], match[1]))
    return out


def _squash(text: str) -> str:
    """Letters and digits only: quotes.py may trim marks or spaces differently."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _quoted_holders(
    ctx: ArticleContext, sent: Span, speakers: list[tuple[int, int, str, str | None]]
) -> dict[str, str | None]:
    """Speakers of quotations in which a party states a position in its own words
    ("We will not accept ...", "Northland is ready to ...")."""
    out = []
    for tok in sent:
        if not in_quote(tok) or _reported_by_another(tok):
            continue
        if _own_words_stance(tok):
            out += [(who, when) for s, e, who, when in speakers if s <= tok.idx < e]
            continue
        if tok.pos_ not in ("VERB", "AUX", "ADJ") or _meta_speech(tok):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in STANCE_LEMMAS and lemma not in STANCE_ADJECTIVES:
            continue
        verb = tok if tok.pos_ != "ADJ" else tok.head
        subj = _subject(verb)
        party = subj is not None and (
            subj.lower_ in ("we", "i", "us") or subj.ent_type_ in ("GPE", "ORG", "NORP")
        )
        if party:
            out += [(who, when) for s, e, who, when in speakers if s <= tok.idx < e]
    return dict(out)


def _reported_by_another(tok: Token) -> bool:
    """Inside a quotation, words the speaker reports from someone else ("Maria said let's
    ..."): that person's stance, not the speaker's own."""
    for head in tok.ancestors:
        if not in_quote(head):
            return False
        if head.lemma_.lower() in SAY_VERBS and head.pos_ == "VERB":
            subj = _subject(head)
            if subj is not None and subj.lower_ not in ("i", "we"):
                return True
    return False


def _own_words_stance(tok: Token) -> bool:
    """In a speaker's own words: "Let's ...", "our position ...", "we must/should/will ..."."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ == "let" and nxt is not None and nxt.lower_ in ("'s", "’s", "us"):
        return True  # "Let's conclude a treaty": a proposal
    if tok.lemma_.lower() in STANCE_NOUNS and any(c.lower_ in ("our", "my") for c in tok.children):
        return True
    if tok.lower_ in ("must", "should") and tok.head.pos_ == "VERB":
        subj = _subject(tok.head)
        return subj is not None and subj.lower_ in ("we", "i")
    return False


def _trimmed(sent: Span) -> Span:
    """The sentence without trailing whitespace tokens, so the citation holds the text."""
    end = sent.end
    while end > sent.start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    start = sent.start
    while start < end - 1 and sent.doc[start].is_space:
        start += 1
    return sent.doc[start:end]


def _stance_words(sent: Span) -> list[Token]:
    """Words that make the sentence a statement of position, outside quotations."""
    out = []
    for tok in sent:
        if (in_quote(tok) and not _scare_quoted(tok)) or _in_time_clause(tok):
            continue
        lemma = tok.lemma_.lower()
        if _meta_speech(tok):
            continue
        if tok.pos_ in ("VERB", "AUX") and lemma in STANCE_LEMMAS:
            out.append(tok)
        elif _mistagged_verb(tok):
            out.append(tok)  # "Northland hopes that ...", where "hopes" was read as a noun or "hop"
        elif lemma == "call" and any(c.lower_ == "for" for c in tok.children):
            out.append(tok)  # "call for" states a demand; "called it blackmail" does not
        elif (
            tok.lower_ in STANCE_ADJECTIVES
            and tok.tag_ in ("JJ", "VBN")
            and tok.dep_ in ("acomp", "amod", "ROOT", "oprd", "xcomp", "ccomp", "conj")
        ):
            out.append(tok)
        elif (
            tok.pos_ == "NOUN"
            and lemma in STANCE_NOUNS
            and tok.dep_ in ("dobj", "nsubj", "attr")
            and tok.head.pos_ in ("VERB", "AUX")
            and tok.head.lemma_.lower() not in _TOPIC_VERBS
        ):
            out.append(tok)  # the verb that carries it is the statement
        elif tok.pos_ == "VERB" and lemma in SAY_VERBS and _reports_stance(tok):
            out.append(tok)
    return out


def _scare_quoted(tok: Token) -> bool:
    """A word or two in quotation marks inside the reporter's sentence (called the approach
    "unacceptable"): still the reporter's syntax, so the subject holds the stance."""
    text = tok.doc.text
    return any(s <= tok.idx < e and len(text[s:e].split()) <= 2 for s, e in quoted_ranges(tok.doc))


_TIME_MARKS = {"after", "before", "since", "until", "when", "once"}


def _in_time_clause(tok: Token) -> bool:
    """ "... soon after X made the offer, Y said ...": the clause dates Y's statement; X's
    offer is reported where it was made. So is "..., escalated in March, when X threatened
    ...": a relative clause on a time that dates something else."""
    head = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    while head.dep_ not in ("advcl", "relcl", "ROOT") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "relcl":
        return any(c.dep_ == "advmod" and c.lower_ == "when" for c in head.children)
    return head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in head.children)


def _meta_speech(tok: Token) -> bool:
    """ "want to say", "declined to comment": the wish is about speaking, not the issue."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _META_SPEECH for c in tok.children)


def _mistagged_verb(tok: Token) -> bool:
    """A stance verb in -s form that the tagger or lemmatizer got wrong ("hopes" -> "hop"),
    with a subject of its own."""
    return (
        tok.lemma_.lower() not in STANCE_LEMMAS
        and tok.lower_.endswith("s")
        and tok.lower_[:-1] in STANCE_LEMMAS
        and any(c.dep_ == "nsubj" for c in tok.children)
    )


def _reports_stance(verb: Token) -> bool:
    """A verb of saying whose reported clause holds a modal, a negation or a stance word."""
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        if any(
            t.lemma_.lower() in SAY_VERBS and t.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in t.children)
            for t in clause.subtree
        ):
            continue  # "A said B told him ...": the position is B's, found at B's verb
        core = _clause_core(clause)
        if any(_meta_speech(t) for t in core):
            continue  # "I don't want to comment on ...": no statement of position
        for t in core:
            if (
                t.lower_ in _MODALS
                or (t.lower_ in _NEGATIONS and _negates_clause(t))
                or t.lemma_.lower() in STANCE_LEMMAS
                or t.lower_ in STANCE_ADJECTIVES
                or t.lemma_.lower() in STANCE_NOUNS
            ):
                return True
    return False


def _clause_core(clause: Token) -> list[Token]:
    """The words of a reported clause outside its subordinate clauses and its subject."""
    out = [clause]
    todo = [c for c in clause.children if _in_core(c)]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if _in_core(c)]
    return out


def _in_core(tok: Token) -> bool:
    """Off-core dependents stay out, except a subject that names someone's stance ("his idea was
    that ...", "our position is ...")."""
    if tok.dep_ not in _OFF_CORE:
        return True
    return tok.lemma_.lower() in STANCE_NOUNS and any(c.dep_ == "poss" for c in tok.children)


def _negates_clause(neg: Token) -> bool:
    """A negation of the reported verb or of its object ("will not sign", "accepts no deal"),
    not of an adverbial ("as never before") nor of an existential fact."""
    if neg.lower_ == "no" and neg.dep_ == "det":
        return not _existential(neg)
    return neg.head.pos_ in ("VERB", "AUX", "ADJ") and not _existential(neg)


def _existential(neg: Token) -> bool:
    """ "there has been no progress": a negated fact, not a refusal."""
    verb = neg
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "expl" for c in verb.children)


def _holders(ctx: ArticleContext, coref, stance: Token) -> list[tuple[str, str | None, Token]]:  # type: ignore[no-untyped-def]
    """(holder name, side term, verb) for one stance word; several for "A and B want"."""
    verb = stance if stance.pos_ in ("VERB", "AUX") else stance.head
    if stance.pos_ == "ADJ" and stance.dep_ == "amod":
        verb = stance.head.head  # "X, believed eager for ...": the verb the phrase hangs from
    subj = _subject(verb)
    if _under_someone_elses_view(verb, subj):
        return []
    speaker_verb = _saying_above(verb)
    if speaker_verb is not None and _hedged(_subject(speaker_verb)):
        return []  # "X may be open to a deal, some experts say": the experts' reading of X
    if speaker_verb is not None and subj is not None and subj.pos_ == "NOUN" and coref.resolve(subj) is not None:
        speaker_verb = None  # "A said the Northland minister had called it unacceptable": the minister's
    if speaker_verb is not None and (subj is None or subj.pos_ == "PRON" or subj.ent_type_ != "PERSON"):
        speaker = _subject(speaker_verb)
        if speaker is not None and (subj is None or subj.pos_ == "PRON" or speaker.ent_type_ == "PERSON"):
            subj, verb = speaker, speaker_verb
    if subj is None:
        return []
    out = []
    # "A and B agreed" (coordinated, or parsed as two subjects of one verb)
    subjects = [subj] + [c for c in subj.children if c.dep_ == "conj"]
    subjects += [c for c in verb.children if c.dep_ == "nsubj" and c.i != subj.i and subj.head.i == verb.i]
    for tok in subjects:
        if tok.lower_ == "they":  # "Northland and Southland ... they are reluctant": both
            out += [(party, party, verb) for party in party_before(ctx.doc, tok.i)]
            continue
        name, side = _party(ctx, coref, tok, verb)
        if name:
            out.append((name, side, verb))
    return out


def _hedged(subj: Token | None) -> bool:
    return subj is not None and subj.lower_ in _HEDGED_SOURCES


def _under_someone_elses_view(verb: Token, subj: Token | None) -> bool:
    """ "Others doubt X wants a deal", "A believes B will refuse": the clause is the view of
    the subject of a verb of thinking above it, not a statement by its own subject."""
    tok = verb
    while tok.dep_ in ("ccomp", "xcomp", "conj") and tok.head.i != tok.i:
        child, tok = tok, tok.head
        if tok.lemma_.lower() in SAY_VERBS:
            return False  # reported speech: _saying_above finds its speaker
        if child.dep_ != "ccomp" or tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in STANCE_LEMMAS:
            continue
        viewer = _subject(tok)
        if viewer is not None and (subj is None or viewer.i != subj.i):
            return True
    return False


def _subject(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "X wants to ...", "X rejected and demanded ..."
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in SAY_VERBS:
        return _subject(verb.head)  # "X called it unacceptable, adding ...": X adds
    if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head  # "Port City, which has accused ..."
    return subj


def _saying_above(verb: Token) -> Token | None:
    """The nearest verb of saying that reports the clause of ``verb``."""
    tok = verb
    while tok.dep_ in ("ccomp", "xcomp", "conj", "advcl") and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in SAY_VERBS and not in_quote(tok):
            return tok
    return None


def _party(ctx: ArticleContext, coref, tok: Token, verb: Token) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """Who a subject token stands for: (canonical holder, side term or None)."""
    if tok.ent_type_ == "PERSON":
        ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
        words = [t for t in ent if t.pos_ == "PROPN" or t.i >= tok.i]  # "Both Doe" -> "Doe"
        return canonical(ctx, tok.doc[words[0].i : ent.end].text), None
    if tok.ent_type_ in ("GPE", "NORP", "ORG", "FAC", "LOC"):
        ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
        term = term_text(ent.text)
        return term, term
    lower = tok.lower_
    if lower in _PERSON_PRONOUNS or (tok.pos_ == "NOUN" and lower not in _NOT_PARTIES):
        person = coref.resolve(tok) if lower != "i" else None
        if person is not None:
            return canonical(ctx, person.text), None
    if lower in _PARTY_PRONOUNS:
        party = party_before(ctx.doc, tok.i)
        return (party[0], party[0]) if party else (None, None)
    if tok.pos_ == "PROPN" and not tok.ent_type_:
        return tok.text, tok.text  # a name the tagger left untyped: the assembler knows it or drops it
    if tok.pos_ in ("NOUN", "PROPN") and lower not in _NOT_PARTIES:
        phrase = tok.doc[min(t.i for t in tok.subtree if t.i <= tok.i) : tok.i + 1]
        terms = side_terms(phrase) + possessor_terms(ctx, phrase)
        if terms:
            return term_text(phrase.text), terms[0]
    return None, None


def _statement_date(ctx: ArticleContext, sent: Span, verbs: set[int], dates: list[DateMention]) -> str | None:
    """When it was said: the date on a verb of the statement, else the article's
    publication date (another date of the sentence is about something else: "the
    accord, which expired in January")."""
    inside = [
        d
        for d in dates
        if sent.start_char <= d.start < sent.end_char
        and d.value
        and d.value[:1].isdigit()
        and d.type != "DURATION"
    ]
    inside = [d for d in inside if not _char_in_quote(ctx, d.start)]
    for d in inside:
        span = ctx.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and governing_verb(span.root).i in verbs and _on_verb(span):
            return d.value
    return ctx.published.isoformat() if ctx.published else None


def _on_verb(span: Span) -> bool:
    """A date said of the verb ("said on Monday"), not of a noun ("the 1961 treaty")."""
    head = span.root.head
    if span.root.dep_ == "pobj":
        head = head.head
    return head.pos_ in ("VERB", "AUX")


def _char_in_quote(ctx: ArticleContext, char: int) -> bool:
    tok = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return tok is not None and in_quote(tok[0])
