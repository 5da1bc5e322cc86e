"""Find temporal expressions in a parsed article and resolve them against its date."""

from __future__ import annotations

import re

from datetime import date

from spacy.tokens import Doc, Span, Token

from .context import ArticleContext
from .facts import DateMention, EventFact
from .timex import WEEKDAYS, resolve, resolve_rules

_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_FUTURE_WORDS = re.compile(r"\b(later this|next|upcoming|coming|planned|plans? to|expected to|due to|"
                           r"intends? to|is to|are to|scheduled)\b", re.I)
# What spaCy's DATE/TIME entities often miss: bare weekdays, deictic words, holidays.
_EXTRA = re.compile(
    r"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + r")"
    r"(?: (?:morning|afternoon|evening|night))?\b"
    r"|\b(?:[Nn]ow|[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\b"
    r"|\b(?:[Tt]he (?:near )?)?future\b"
    r"|\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?(?:Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|"
    r"New Year's (?:Day|Eve)|Halloween)\b")
# Date-like entities that are not dates of anything: ages, anniversaries, ordinal counts.
_NOT_DATE = re.compile(r"\b(\d+(st|nd|rd|th) anniversary|annual|daily|weekly|each|every)\b", re.I)
# "1991 to 1997", "between 1994 and 1997": two expressions, each with its own value.
_RANGE = re.compile(r"^(?:between |from )?(?P<a>.+?)\s*(?: and | to | through | until |-|–)\s*(?P<b>.+)$", re.I)


def find_dates(ctx: ArticleContext) -> list[DateMention]:
    """Every temporal expression of the body with its resolved value, in text order."""
    mentions: list[DateMention] = []
    anchor: str | None = None  # the last calendar value: what "that day" refers back to
    for span in _candidates(ctx.doc):
        if _NOT_DATE.search(span.text):
            continue
        for piece in _pieces(span, ctx.published, anchor):
            m = _mention(ctx, piece, anchor)
            mentions.append(m)
            if m.value and m.value[:4].isdigit() and m.type != "DURATION":
                anchor = m.value
    return mentions


def _candidates(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    for e in (e for e in doc.ents if e.label_ in ("DATE", "TIME")):
        if spans and spans[-1].end == e.start:  # "early Friday" + "morning": one expression
            spans[-1] = doc[spans[-1].start:e.end]
        else:
            spans.append(e)
    covered = {t.i for e in spans for t in e}
    for m in _EXTRA.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and not any(t.i in covered for t in span):
            spans.append(span)
            covered.update(t.i for t in span)
    return sorted(spans, key=lambda s: s.start_char)


def _pieces(span: Span, published: date | None, anchor: str | None) -> list[Span]:
    """The part(s) of an entity that carry a value.

    spaCy's entity often holds more than the expression ("the early hours of Thursday
    morning", "Earlier Friday", "between 1994 and 1997"): split ranges into their ends,
    and where our rules cannot read the whole, keep the longest part they can read.
    """
    m = _RANGE.match(span.text)
    if m:
        a = span.doc.char_span(span.start_char + m.start("a"), span.start_char + m.end("a"))
        b = span.doc.char_span(span.start_char + m.start("b"), span.start_char + m.end("b"))
        if a is not None and b is not None and all(_calendar(x.text, published) for x in (a, b)):
            return [a, b]
    if resolve_rules(span.text, published, "past", anchor) is not None:
        return [span]
    n = len(span)
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            sub = span[i:i + size]
            if resolve_rules(sub.text, published, "past", anchor) is not None:
                return [sub]
    return [span]


def _calendar(text: str, published: date | None) -> bool:
    t = resolve_rules(text, published)
    return t is not None and bool(t.value) and t.value[:1].isdigit() and t.type != "DURATION"


def _mention(ctx: ArticleContext, span: Span, anchor: str | None) -> DateMention:
    tense = tense_of(span)
    timex = resolve(span.text, ctx.published, tense, anchor)
    value = timex.value.split("T")[0] if timex.value and timex.value[:1].isdigit() else timex.value
    return DateMention(span.text, span.start_char, span.end_char, value, timex.type, tense,
                       timex.rule, ctx.cite_span(span), timex.value if timex.value != value else None)


def governing_verb(token: Token) -> Token:
    """The verb whose tense places the expression; a participle that only modifies a
    noun ("a service planned for Saturday was cancelled") defers to the clause's verb."""
    head = token
    while head.head.i != head.i and (head.pos_ not in ("VERB", "AUX") or
                                     (head.dep_ in ("acl", "amod") and head.tag_ == "VBN")):
        head = head.head
    return head


def tense_of(span: Span) -> str:
    """past, present or future, from the verb that governs the expression.

    The verb's own form decides first ("will meet", "must be returned by" look ahead;
    "met", "has met", "was cancelled" look back), words of plans and schedules next
    ("expected to", "scheduled"), the bare infinitive last.
    """
    verb = governing_verb(span.root)
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _FUTURE_AUX or (c.tag_ == "MD" and c.lower_ in _MODAL_AHEAD) for c in aux):
        return "future"
    if _possessive(span) or verb.tag_ == "VBD" or any(c.tag_ == "VBD" or c.lower_ in ("has", "have", "had")
                                                      for c in aux):
        return "past"
    window = span.doc[max(verb.i - 6, span.sent.start): verb.i + 1].text + " " + span.text
    if _FUTURE_WORDS.search(window):
        return "future"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "future"
    if verb.tag_ == "VBN":
        return "past"
    return "present" if verb.tag_ in ("VBZ", "VBP", "VBG") else "past"


_MODAL_AHEAD = {"must", "should", "shall", "will", "can", "may", "might"}


def _possessive(span: Span) -> bool:
    """"Wednesday's ruling": an event named by its day has, in news, already happened."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.tag_ == "POS"


def events_from(ctx: ArticleContext, mentions: list[DateMention]) -> list[EventFact]:
    """One event per sentence that holds a resolvable calendar date."""
    events: list[EventFact] = []
    seen: set[int] = set()
    for m in mentions:
        if m.type == "DURATION" or not m.value or not m.value[:1].isdigit():
            continue
        sent = ctx.doc.char_span(m.start, m.end, alignment_mode="expand").sent
        if sent.start in seen:
            continue
        seen.add(sent.start)
        events.append(EventFact(m.value, sent.text.strip(), _kind(ctx, m), ctx.cite_span(sent)))
    return events


def _kind(ctx: ArticleContext, m: DateMention) -> str:
    year = int(m.value[:4]) if m.value and m.value[:4].isdigit() else None
    if ctx.published and year is not None and year < ctx.published.year - 5:
        return "background"
    if m.tense == "future" or (ctx.published and m.value and m.value[:10] > ctx.published.isoformat()):
        return "planned"
    return "current"
