"""Direct quotations in an article and who said them.

The quotation marks are paired by a scanner that keeps to paragraphs (an unbalanced
mark never swallows the rest of the article); the speaker comes from the dependency
parse: the verb of saying that governs the quotation and that verb's subject, which
the resolver in coref.py turns into a named person where the article allows it.
A quotation with no attribution of its own continues the previous speaker only where
news convention says so (same paragraph, or a paragraph that opens with the mark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .actors import canonical
from .context import ArticleContext
from .coref import PERSONAL_PRONOUNS, Coref
from .facts import DateMention, QuoteFact

SPEECH_VERBS = frozenset((
    "say tell add ask insist state declare note warn explain write announce reply respond "
    "stress emphasise emphasize quip claim argue acknowledge admit affirm confirm deny "
    "describe call suggest urge promise vow pledge tweet continue conclude remark "
    "recall predict complain concede caution testify shout chant joke boast recount "
    "observe comment contend maintain lament assert report post proclaim demand tout "
    "label dub brand term condemn dismiss criticise criticize praise accuse blast slam hail "
    "scold decry denounce lambast mock liken sing").split())
_SCARE = re.compile(r"\bso-called\s*\W$", re.IGNORECASE)
# Nouns for people or offices speaking for someone: "Doe's spokesman" -> "spokesman for Jane Doe".
_AGENT_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "office", "lawyer",
                "attorney", "representative", "envoy", "deputy", "secretary", "campaign", "team", "staff",
                "ministry", "government", "administration", "cabinet", "counsel", "press", "camp"}
_NAMING_VERBS = {"call", "dub", "label", "brand", "term", "describe"}
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"}
# A transcript turn: "SPEAKER: words" (interviews printed as transcripts).
_TURN = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s")
_OPENERS = {"“": "”", '"': '"', "«": "»"}
_CLOSERS = {"”", '"', "»"}
_DASH_LEAD = re.compile(r"^[\s.…—–-]*")
MAX_QUOTE_CHARS = 2000


@dataclass
class QuoteSpan:
    start: int  # offsets of the words inside the marks
    end: int
    para: int  # paragraph number, for quotes that continue a speaker with no attribution
    para_start: bool = False  # the quotation opens its paragraph


@dataclass
class Attribution:
    speaker: str | None = None
    role: str | None = None
    reported_by: str | None = None
    verb: int | None = None  # token index of the verb of saying, for the date


# -- pairing the marks -------------------------------------------------------------------

def quote_spans(text: str) -> list[QuoteSpan]:
    """Pair quotation marks paragraph by paragraph; inner (start, end) of each quotation.

    A paragraph left open is closed at its end only when the next paragraph opens with a
    quotation mark (the newswire convention for a quotation running over paragraphs);
    otherwise the stray mark is ignored.
    """
    spans: list[QuoteSpan] = []
    pos = 0
    for n, para in enumerate(text.split("\n\n")):
        found, open_at = _pair_marks(para)
        if open_at is not None and _next_opens(text, pos + len(para)):
            found.append((open_at + 1, len(para)))
        lead = len(para) - len(para.lstrip())
        spans += [QuoteSpan(pos + s, pos + e, n, s - 1 == lead) for s, e in found]
        pos += len(para) + 2
    return [s for s in spans if 0 < s.end - s.start <= MAX_QUOTE_CHARS and _has_words(text[s.start:s.end])]


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _pair_marks(para: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of double quotation marks; single quotes are left alone (apostrophes and
    quotes nested inside a quotation share the character)."""
    found, open_at, closer = [], None, ""
    for i, ch in enumerate(para):
        if open_at is None and ch in _OPENERS:
            if ch == '"' and not _can_open(para, i):
                continue
            open_at, closer = i, _OPENERS[ch]
        elif open_at is not None and (ch == closer or (ch in "”\"" and closer in "”\"")):
            found.append((open_at + 1, i))
            open_at = None
    return found, open_at


def _can_open(para: str, i: int) -> bool:
    # A straight mark followed by a space or the end of the paragraph closes, never opens.
    return i + 1 < len(para) and not para[i + 1].isspace()


def _next_opens(text: str, para_end: int) -> bool:
    rest = text[para_end:para_end + 4].lstrip()
    return bool(rest) and rest[0] in _OPENERS


# -- the extractor -----------------------------------------------------------------------

def find_quotes(ctx: ArticleContext, dates: list[DateMention]) -> list[QuoteFact]:
    doc = ctx.doc
    spans = quote_spans(doc.text)
    quoted = {t.i for qs in spans for t in _tokens_in(doc, qs)}
    coref = Coref(doc, skip=quoted, canon=lambda name: canonical(ctx, name))
    said_on = _speaker_days(ctx, coref, quoted, dates)
    quotes: list[QuoteFact] = []
    last: tuple[QuoteSpan, QuoteFact] | None = None
    for qs in spans:
        raw = doc.text[qs.start:qs.end]
        text = raw.strip()
        if _is_title(text) or _is_nickname(doc.text, qs) or _SCARE.search(doc.text[max(qs.start - 12, 0):qs.start]):
            continue  # "Fox News Sunday", Jane "JJ" Doe, so-called "reform": not anybody's words
        att = _turn(ctx, text) or attribute(ctx, coref, qs, quoted)
        when = _when(ctx, qs, att, dates) or said_on.get(att.speaker or "") or _published(ctx)
        if att.speaker is None and last is not None and _continues(doc, last[0], qs):
            prev = last[1]
            att, when = Attribution(prev.speaker, prev.role, prev.reported_by), prev.date
        partial = is_partial(doc.text, qs)
        if att.speaker is None and partial:
            continue  # a fragment nobody is said to have said: a scare quote or a term
        start = qs.start + len(raw) - len(raw.lstrip())
        fact = QuoteFact(text, att.speaker, att.role, att.reported_by, when,
                         ctx.cite(start, start + len(text)), partial=partial)
        quotes.append(fact)
        last = (qs, fact)
    return quotes


def _is_title(text: str) -> bool:
    """Title case throughout (a programme, a book, a slogan), not a sentence someone said."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(words) < 2 or len(words) > 8 or not content or text.rstrip()[-1:] in "?!":
        return False
    return all(w[0].isupper() for w in content) and not re.search(r"[.?!]\s", text)


def _is_nickname(text: str, qs: QuoteSpan) -> bool:
    """One or two capitalised words quoted between the parts of a name: Jane "JJ" Doe."""
    inner = text[qs.start:qs.end]
    before, after = text[max(qs.start - 30, 0):qs.start - 1], text[qs.end + 1:qs.end + 30]
    return len(inner.split()) <= 2 and inner[:1].isupper() and bool(re.search(r"\b[A-Z][a-z.]+\s$", before)) \
        and bool(re.match(r"\s[A-Z][a-z]", after))


def _turn(ctx: ArticleContext, text: str) -> Attribution | None:
    """The speaker label of a transcript turn, as the person the article names."""
    m = _TURN.match(text)
    if m is None:
        return None
    label = m.group(1).title()
    return Attribution(_person_name(ctx, label))


def _person_name(ctx: ArticleContext, text: str) -> str:
    """Canonical name, unless a bare surname is shared by several people of the article
    (then the surname as written: a wrong first name is worse than none)."""
    name = canonical(ctx, text)
    words = name.split()
    if len(words) == 1:
        fuller = {v for v in ctx.names.values() if v.split()[-1:] == words and " " in v}
        return fuller.pop() if len(fuller) == 1 else name
    return name


def _tokens_in(doc: Doc, qs: QuoteSpan) -> list[Token]:
    # Overlap, not containment: a mark glued to a word ('approach"unacceptable') makes
    # one token that starts before the quotation.
    return [t for t in doc if t.idx < qs.end and t.idx + len(t.text) > qs.start]


def _continues(doc: Doc, prev: QuoteSpan, qs: QuoteSpan) -> bool:
    """News convention for an unattributed quotation: it goes on with the previous
    speaker when it is in the same paragraph, or opens the very next paragraph."""
    if qs.para == prev.para:
        return True
    return qs.para == prev.para + 1 and qs.para_start


def is_partial(text: str, qs: QuoteSpan) -> bool:
    """A fragment worked into the writer's sentence ('called it "unacceptable"'), not a
    whole utterance: it starts in lower case, or is a few words run into the sentence."""
    words = _DASH_LEAD.sub("", text[qs.start:qs.end])
    first = next((ch for ch in words if ch.isalpha()), "")
    if first and first.islower():
        return True
    before = text[max(qs.start - 3, 0):qs.start - 1].rstrip()
    return bool(before) and before[-1].isalnum() and len(words.split()) < 4


# -- attribution -------------------------------------------------------------------------

def attribute(ctx: ArticleContext, coref: Coref, qs: QuoteSpan, quoted: set[int]) -> Attribution:
    """Who the article says spoke the quotation at ``qs`` (and who relayed it)."""
    doc = ctx.doc
    inside = {t.i for t in _tokens_in(doc, qs)}
    if not inside:
        return Attribution()
    verb = _speech_verb(doc, qs, inside, quoted) or _said_just_before(doc, qs, min(inside), quoted)
    if verb is None:
        return Attribution()
    subj = _subject(verb, quoted) or _next_to(doc, coref, verb, qs, quoted)
    if subj is None:
        return Attribution(verb=verb.i)
    speaker, role = _name_of(ctx, coref, subj)
    if speaker is None:
        return Attribution(verb=verb.i)
    region = list(verb.sent) + _attribution_region(doc, qs, min(inside), max(inside))
    return Attribution(speaker, role, _reporter(ctx, coref, verb, subj, quoted, speaker, region), verb.i)


def _speech_verb(doc: Doc, qs: QuoteSpan, inside: set[int], quoted: set[int]) -> Token | None:
    # The verb the quotation hangs from, climbing out of the quotation...
    lo, hi = min(inside), max(inside)
    for tok in doc[lo:hi + 1]:
        if tok.head.i in inside:
            continue
        head = tok.head
        while head.i in quoted or (head.lemma_ not in SPEECH_VERBS and head.head.i != head.i):
            if head.head.i == head.i:
                break
            head = head.head
        if head.lemma_ in SPEECH_VERBS and head.i not in quoted and not _names_a_thing(head, inside):
            return head
        break
    # ...else the nearest verb of saying in the quotation's sentences, outside quotations.
    region = _attribution_region(doc, qs, lo, hi)
    candidates = [t for t in region if t.i not in quoted and t.lemma_ in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")
                  and not _names_a_thing(t, inside)]
    if candidates:
        return min(candidates, key=lambda t: min(abs(t.i - lo), abs(t.i - hi)))
    return next((t for t in region if t.lower_ == "according" and t.i not in quoted), None)


def _names_a_thing(verb: Token, inside: set[int]) -> bool:
    """'call a "special meeting"', 'term it': a verb of naming whose direct object is the
    quotation itself names a thing; only with an object and a complement ('called the plan
    "unacceptable"') does it report what someone said."""
    return verb.lemma_ in _NAMING_VERBS and any(c.dep_ == "dobj" and c.i in inside for c in verb.children)


def _said_just_before(doc: Doc, qs: QuoteSpan, lo: int, quoted: set[int]) -> Token | None:
    """'..., Doe said. "More words."': a quotation opening right after a sentence that
    ends on its own verb of saying, in the same paragraph, goes on with that speaker."""
    if doc[lo].sent.start == 0:
        return None
    prev = doc[doc[lo].sent.start - 1].sent
    gap = doc.text[prev.end_char:qs.start - 1]
    if "\n\n" in gap or len(gap.strip()) > 0:
        return None
    root = prev.root
    if root.lemma_ not in SPEECH_VERBS or root.i in quoted:
        return None
    tail = [t for t in prev if t.i > root.i and not t.is_punct and not t.is_space]
    if any(t.i in quoted for t in prev[len(prev) - 2:]) or any(_clause_after(t, root) for t in tail):
        return None  # 'Doe said that ...' or a quotation of its own: not a bare "Doe said."
    return root


def _clause_after(tok: Token, root: Token) -> bool:
    head = tok
    while head.head.i != root.i and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("ccomp", "xcomp", "dobj", "conj", "advcl")


def _attribution_region(doc: Doc, qs: QuoteSpan, lo: int, hi: int) -> list[Token]:
    """The sentences the quotation touches, and the one right after it when the quotation
    ends on a comma, question or exclamation mark ('"Who pays?" asked Jane Doe.')."""
    first, last = doc[lo].sent, doc[hi].sent
    toks = list(doc[first.start:last.end])
    tail = doc.text[qs.end - 1:qs.end]
    if tail in ",?!" and last.end < len(doc):
        nxt = doc[last.end].sent
        if nxt.start_char - qs.end <= 3:
            toks += list(nxt)
    return toks


def _subject(verb: Token, quoted: set[int]) -> Token | None:
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    v = verb
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in quoted), None)
        if subj is not None and subj.dep_ == "nsubjpass" and v.lemma_ in SPEECH_VERBS:
            # "Doe was called a "quack" by critics": the speaker is the agent, if named
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subj is not None:
            return subj
        # a verb with no subject of its own borrows the subject of the clause it hangs
        # from: "..., adding", "and warned", "issued a statement calling", "for saying"
        if v.dep_ in ("advcl", "conj", "xcomp"):
            v = v.head
        elif v.dep_ in ("acl", "pcomp") and v.head.head.i != v.head.i:
            v = v.head.head
        else:
            break
    return None


def _next_to(doc: Doc, coref: Coref, verb: Token, qs: QuoteSpan, quoted: set[int]) -> Token | None:
    """The speaker by position when the parse lost it: '"...," Doe, an aide, said' (the
    name nearest the verb between the closing mark and it) or '"...," said Doe'."""
    if verb.idx > qs.end:
        window = [t for t in doc[max(verb.i - 12, 0):verb.i] if t.idx > qs.end and t.i not in quoted]
        if any(t.text in _CLOSERS or t.text in _OPENERS for t in window):
            return None  # another quotation in between: not a plain attribution
        names = [t for t in window if _is_name_token(coref, t)]
        return names[-1] if names else None
    after = [t for t in doc[verb.i + 1:verb.i + 4] if not t.is_punct and t.i not in quoted]
    return after[0] if after and (_is_name_token(coref, after[0]) or after[0].lower_ in PERSONAL_PRONOUNS) else None


def _is_name_token(coref: Coref, tok: Token) -> bool:
    """The last word of a person's name: a known person mention, or a capitalised proper
    noun closing a run of two or more ("police Chief Chuck Jordan")."""
    span = coref.name_at(tok)
    if span is not None:
        return tok.i == span.end - 1
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "PROPN" and tok.is_title and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN" \
        and tok.doc[tok.i - 1].is_title and (nxt is None or nxt.pos_ != "PROPN")


def _name_of(ctx: ArticleContext, coref: Coref, tok: Token) -> tuple[str | None, str | None]:
    """Canonical name (or role phrase) for a subject token, and the person's role."""
    person = coref.resolve(tok)
    if person is not None:
        return _person_name(ctx, person.text), coref.role_of(person)
    if tok.lower_ in PERSONAL_PRONOUNS or tok.pos_ == "PRON":
        return None, None  # "he" with no person before it, "it", "they", "who"
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    name = _written_name(tok)
    if name is not None and (ent is None or len(ent) == 1):
        return _person_name(ctx, name), None
    if ent is not None and ent.label_ in ("ORG", "GPE", "NORP", "FAC"):
        return re.sub(r"^(?i:the)\s+", "", ent.text), None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and tok.lemma_.lower() not in _AGENT_NOUNS:
        return None, None  # "her country", "the party's bylaws": not someone who speaks
    if owner is not None and coref.resolve(owner) is not None:
        # "Doe's spokesman" -> "spokesman for Jane Doe"
        name = _person_name(ctx, coref.resolve(owner).text)  # type: ignore[union-attr]
        head = _noun_phrase(tok, drop_poss=True)
        return f"{head} for {name}", head
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None, None
    phrase = _noun_phrase(tok)
    return phrase, phrase


def _written_name(tok: Token) -> str | None:
    """A first name and surname the tagger did not take for a person ("chief executive
    Ana Ruiz said", Ruiz tagged as an organisation): two or more capitalised proper nouns
    ending in the subject."""
    if tok.pos_ != "PROPN" or not tok.is_title or any(c.dep_ in ("det", "poss") for c in tok.children):
        return None  # "the Prime Minister" is a role, not a name
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].is_title \
            and tok.doc[start - 1].dep_ == "compound" and tok.doc[start - 1].ent_type_ not in ("ORG", "GPE", "NORP"):
        start -= 1
    return tok.doc[start:tok.i + 1].text if tok.i - start >= 1 else None


def _noun_phrase(tok: Token, drop_poss: bool = False) -> str:
    skip = {"relcl", "acl", "punct", "appos", "cc", "conj"}
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in skip]
    if drop_poss:
        owner = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        words = [t for t in words if t.i not in owner and t.dep_ != "det"]
    start = words[0].i if words else tok.i
    return re.sub(r"\s+", " ", tok.doc[start:tok.i + 1].text)


def _reporter(ctx: ArticleContext, coref: Coref, verb: Token, subj: Token, quoted: set[int],
              speaker: str, region: list[Token]) -> str | None:
    """Who relayed the words: the verb of saying sits inside someone else's report
    ('Doe said Roe had called the plan "unacceptable"' -> Doe), or the sentence says
    where it comes from ('..., according to Doe')."""
    teller = _outer_teller(verb, subj, quoted)
    if teller is None and verb.lower_ != "according":
        teller = _according_to(region, quoted)
    if teller is None:
        return None
    name, _ = _name_of(ctx, coref, teller)
    return name if name and name != speaker else None


def _outer_teller(verb: Token, subj: Token, quoted: set[int]) -> Token | None:
    head = subj.head.head  # climb from the verb that owns the subject
    while head.i != head.head.i and head.lemma_ not in SPEECH_VERBS:
        head = head.head
    if head.i in (verb.i, subj.head.i) or head.lemma_ not in SPEECH_VERBS or head.i in quoted:
        return None
    other = _subject(head, quoted)
    return None if other is None or other.i == subj.i else other


def _according_to(sent: list[Token], quoted: set[int]) -> Token | None:
    acc = next((t for t in sent if t.lower_ == "according" and t.i not in quoted), None)
    source = _subject(acc, quoted) if acc is not None else None
    if source is not None and source.pos_ == "NOUN" and source.ent_type_ != "PERSON":
        # "according to a statement by the ministry": the author of the document
        by = next((c for c in source.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
        source = next((c for c in by.children if c.dep_ == "pobj"), source) if by is not None else source
    return source


# -- date ------------------------------------------------------------------------------

def _published(ctx: ArticleContext) -> str | None:
    return ctx.published.isoformat() if ctx.published else None


def _speaker_days(ctx: ArticleContext, coref: Coref, quoted: set[int],
                  dates: list[DateMention]) -> dict[str, str]:
    """The day each person spoke, where the article says it once for all ('Doe said on
    Thursday' in the lead dates Doe's quotations further down that give no day)."""
    days: dict[str, str] = {}
    for verb in (t for t in ctx.doc if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB" and t.i not in quoted):
        day = next((d.value for d in _past_days(dates) if _governed_by(ctx.doc, d, verb.i)), None)
        subj = _subject(verb, quoted) if day else None
        if subj is None:
            continue
        name, _ = _name_of(ctx, coref, subj)
        if name and name not in days:
            days[name] = day  # type: ignore[assignment]
    return days


def _past_days(dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if d.value and d.type in ("DATE", "TIME") and d.value[:1].isdigit() and d.tense == "past"]


def _when(ctx: ArticleContext, qs: QuoteSpan, att: Attribution, dates: list[DateMention]) -> str | None:
    """The day it was said, where its own sentence says: a past date on the verb of saying
    ('said on Wednesday'), else one in the quotation's sentence outside the quotation."""
    sent = _sentence_of(ctx.doc, qs, att)
    if sent is not None:
        usable = [d for d in dates if sent.start_char <= d.start < sent.end_char
                  and not (qs.start <= d.start < qs.end) and d.value and d.type in ("DATE", "TIME")
                  and d.value[:1].isdigit() and d.tense == "past"]
        if att.verb is not None:
            on_verb = [d for d in usable if _governed_by(ctx.doc, d, att.verb)]
            usable = on_verb or usable
        if usable:
            return usable[0].value
    return None


def _sentence_of(doc: Doc, qs: QuoteSpan, att: Attribution) -> Span | None:
    if att.verb is not None:
        return doc[att.verb].sent
    span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
    return span.sent if span is not None else None


def _governed_by(doc: Doc, d: DateMention, verb: int) -> bool:
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok.i == verb
