"""Find temporal expressions in a parsed article and resolve them against its date."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .context import ArticleContext
from .facts import DateMention, EventFact
from .timex import WEEKDAYS, resolve

_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_FUTURE_WORDS = re.compile(r"\b(later this|next|upcoming|coming|planned|plans? to|expected to|due to|"
                           r"intends? to|is to|are to|scheduled)\b", re.I)
_WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")
# Date-like entities that are not dates of anything: ages, anniversaries, ordinal counts.
_NOT_DATE = re.compile(r"\b(\d+(st|nd|rd|th) anniversary|annual|daily|weekly|each|every)\b", re.I)


def find_dates(ctx: ArticleContext) -> list[DateMention]:
    """Every temporal expression of the body with its resolved value."""
    spans = [e for e in ctx.doc.ents if e.label_ in ("DATE", "TIME")]
    covered = {t.i for e in spans for t in e}
    for m in _WEEKDAY.finditer(ctx.doc.text):
        span = ctx.doc.char_span(m.start(), m.end())
        if span is not None and not any(t.i in covered for t in span):
            spans.append(span)
    mentions = [_mention(ctx, span) for span in sorted(spans, key=lambda s: s.start_char)]
    return [m for m in mentions if m is not None]


def _mention(ctx: ArticleContext, span: Span) -> DateMention | None:
    if _NOT_DATE.search(span.text):
        return None
    tense = tense_of(span)
    timex = resolve(span.text, ctx.published, tense)
    return DateMention(span.text, span.start_char, span.end_char, timex.value, timex.type, tense,
                       timex.rule, ctx.cite_span(span))


def governing_verb(token: Token) -> Token:
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def tense_of(span: Span) -> str:
    """past, present or future, from the verb that governs the expression."""
    verb = governing_verb(span.root)
    window = span.doc[max(verb.i - 6, span.sent.start): verb.i + 1].text + " " + span.text
    if any(c.lower_ in _FUTURE_AUX for c in verb.children) or _FUTURE_WORDS.search(window):
        return "future"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return "present" if verb.tag_ in ("VBZ", "VBP", "VBG") else "past"


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
