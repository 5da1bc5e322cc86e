"""Direct quotations in an article and who said them.

The quotation marks are paired by a scanner that keeps to paragraphs (an unbalanced
mark never swallows the rest of the article); the speaker comes from the dependency
parse: the verb of saying that governs the quotation and that verb's subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .actors import canonical
from .context import ArticleContext
from .facts import DateMention, QuoteFact

SPEECH_VERBS = frozenset(
    "say tell add ask insist state declare note warn explain write announce reply respond "
    "stress emphasise emphasize quip claim argue acknowledge admit affirm confirm deny "
    "describe call suggest urge promise vow pledge tweet continue conclude remark".split())
_OPENERS = {"“": "”", '"': '"', "«": "»"}
_PRONOUNS = {"he", "she", "him", "her"}
MAX_QUOTE_CHARS = 2000


@dataclass
class QuoteSpan:
    start: int  # offsets of the words inside the marks
    end: int
    para: int  # paragraph number, for quotes that continue a speaker with no attribution


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
        spans += [QuoteSpan(pos + s, pos + e, n) for s, e in found]
        pos += len(para) + 2
    return [s for s in spans if 0 < s.end - s.start <= MAX_QUOTE_CHARS and text[s.start:s.end].strip()]


def _pair_marks(para: str) -> tuple[list[tuple[int, int]], int | None]:
    found, open_at, closer = [], None, ""
    for i, ch in enumerate(para):
        if open_at is None and ch in _OPENERS:
            open_at, closer = i, _OPENERS[ch]
        elif open_at is not None and (ch == closer or (ch in "”\"" and closer in "”\"")):
            found.append((open_at + 1, i))
            open_at = None
    return found, open_at


def _next_opens(text: str, para_end: int) -> bool:
    rest = text[para_end:para_end + 4].lstrip()
    return bool(rest) and rest[0] in _OPENERS


def find_quotes(ctx: ArticleContext, dates: list[DateMention]) -> list[QuoteFact]:
    quotes: list[QuoteFact] = []
    last: tuple[QuoteSpan, QuoteFact] | None = None
    for qs in quote_spans(ctx.doc.text):
        raw = ctx.doc.text[qs.start:qs.end]
        text = raw.strip()
        speaker, role, reported_by = attribute(ctx, qs)
        if speaker is None and last is not None and qs.para - last[0].para <= 1:
            # A quotation with no attribution of its own continues the previous speaker.
            speaker, role, reported_by = last[1].speaker, last[1].role, last[1].reported_by
        start = qs.start + len(raw) - len(raw.lstrip())
        fact = QuoteFact(text, speaker, role, reported_by, _when(ctx, qs, dates),
                         ctx.cite(start, start + len(text)), partial=_is_partial(ctx, qs))
        quotes.append(fact)
        last = (qs, fact)
    return quotes


def _is_partial(ctx: ArticleContext, qs: QuoteSpan) -> bool:
    before = ctx.doc.text[max(qs.start - 3, 0):qs.start - 1].strip()
    return bool(before) and before[-1].isalnum() or len(ctx.doc.text[qs.start:qs.end].split()) < 4


def attribute(ctx: ArticleContext, qs: QuoteSpan) -> tuple[str | None, str | None, str | None]:
    """(speaker, role, reported_by) for the quotation at ``qs``."""
    doc = ctx.doc
    inside = {t.i for t in doc if qs.start <= t.idx < qs.end}
    if not inside:
        return None, None, None
    verb = _speech_verb(doc[min(inside)].sent, inside, doc[min(inside):max(inside) + 1])
    if verb is None:
        return None, None, None
    subj = _subject(verb, inside)
    if subj is None:
        return None, None, None
    speaker, role = _name_of(ctx, subj)
    reporter = _reporter(ctx, verb, subj, inside)
    return speaker, role, reporter


def _speech_verb(sent: Span, inside: set[int], quote: Span) -> Token | None:
    # The verb the quotation hangs from, climbing out of the quotation...
    for tok in quote:
        if tok.head.i not in inside and tok.i in inside:
            head = tok.head
            while head.i not in inside and head.lemma_ not in SPEECH_VERBS and head.head.i != head.i:
                head = head.head
            if head.lemma_ in SPEECH_VERBS and head.i not in inside:
                return head
            break
    # ...else a verb of saying elsewhere in the sentence, outside any quotation.
    candidates = [t for t in sent if t.i not in inside and t.lemma_ in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    if candidates:
        return min(candidates, key=lambda t: min(abs(t.i - min(inside)), abs(t.i - max(inside))))
    acc = next((t for t in sent if t.lower_ == "according" and t.i not in inside), None)
    return acc


def _subject(verb: Token, inside: set[int]) -> Token | None:
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    for v in (verb, verb.head):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside), None)
        if subj is not None:
            return subj
        if v.dep_ not in ("advcl", "conj", "xcomp"):
            break
    return None


def _name_of(ctx: ArticleContext, tok: Token) -> tuple[str | None, str | None]:
    """Canonical name (or role phrase) for a subject token, and the role if known."""
    if tok.ent_type_ == "PERSON":
        ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
        return canonical(ctx, ent.text), None
    if tok.lower_ in _PRONOUNS:
        person = _antecedent(ctx, tok)
        return (canonical(ctx, person.text), None) if person is not None else (None, None)
    if tok.pos_ == "PRON":
        return None, None
    phrase = _noun_phrase(tok)
    return phrase, phrase


def _noun_phrase(tok: Token) -> str:
    words = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("prep", "pobj", "compound", "amod")]
    words = [t for t in words if t.dep_ not in ("relcl", "acl", "punct", "appos")]
    text = tok.doc[words[0].i:tok.i + 1].text if words else tok.text
    return re.sub(r"\s+", " ", text)


def _antecedent(ctx: ArticleContext, tok: Token) -> Span | None:
    """The last person named before the pronoun, preferring grammatical subjects."""
    people = [e for e in ctx.doc.ents if e.label_ == "PERSON" and e.end <= tok.i]
    subjects = [e for e in people if e.root.dep_ in ("nsubj", "nsubjpass")]
    pick = subjects[-1] if subjects and subjects[-1].sent.start >= tok.sent.start - 200 else None
    return pick or (people[-1] if people else None)


def _reporter(ctx: ArticleContext, verb: Token, subj: Token, inside: set[int]) -> str | None:
    head = verb.head
    while head.i != head.head.i and head.lemma_ not in SPEECH_VERBS:
        head = head.head
    if head.i == verb.i or head.lemma_ not in SPEECH_VERBS or head.i in inside:
        return None
    other = _subject(head, inside)
    if other is None or other.i == subj.i:
        return None
    name, _ = _name_of(ctx, other)
    return name if name and name != _name_of(ctx, subj)[0] else None


def _when(ctx: ArticleContext, qs: QuoteSpan, dates: list[DateMention]) -> str | None:
    sent = ctx.doc.char_span(qs.start, qs.end, alignment_mode="expand")
    if sent is not None:
        s = sent.sent
        for d in dates:
            outside = not (qs.start <= d.start < qs.end)
            if s.start_char <= d.start < s.end_char and outside and d.value and d.type in ("DATE", "TIME") \
                    and d.value[:1].isdigit() and d.tense == "past":
                return d.value
    return ctx.published.isoformat() if ctx.published else None
