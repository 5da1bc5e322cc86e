"""Find temporal expressions in a parsed article and resolve them against its date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..model import Citation
from .context import ArticleContext
from .facts import DateMention, EventFact
from .timex import DAY_AFTER_DATELINE, MONTHS, WEEKDAYS, resolve, resolve_rules

_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_FUTURE_WORDS = re.compile(r"\b(later this|next|upcoming|coming|planned|plans? to|expected to|due to|"
                           r"intends? to|is to|are to|scheduled)\b", re.IGNORECASE)
# What spaCy's DATE/TIME entities often miss: bare weekdays, deictic words, holidays.
_EXTRA = re.compile(
    r"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + r")"
    r"(?: (?:morning|afternoon|evening|night))?\b"
    r"|\b(?:[Nn]ow|[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Rr]ecently)\b"
    r"|\b(?:[Ee]very|[Ee]ach) (?:day|week|month|year|" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b"
    r"|\b(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th) (?:half|quarter)"
    r"(?: of (?:this|next|last) year| of \d{4})?\b"
    r"|\b(?:the|this|last|next) weekend\b"
    r"|\b(?:daily|weekly|monthly|annually)\b"
    r"|(?<=[a-z] )(?:a|per) (?:year|month|week|day)\b"  # "60 million euros a year": a rate
    r"|\b(?:[Tt]he (?:near )?)?future\b"
    r"|\b(?:(?:[Ee]arlier|[Ll]ater) )?(?:[Tt]hat|[Tt]he) same (?:day|week|month|year)\b"  # anaphora
    r"|\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?(?:Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|"
    r"New Year's (?:Day|Eve)|Halloween)\b")
# Date-like entities that are not dates of anything: ages, anniversaries, ordinal counts.
_NOT_DATE = re.compile(r"\b(\d+(st|nd|rd|th) anniversary|annual)\b", re.IGNORECASE)
# "1991 to 1997", "between 1994 and 1997": two expressions, each with its own value.
_RANGE = re.compile(r"^(?:between |from )?(?P<a>.+?)\s*(?: and | to | through | until |-|–)\s*(?P<b>.+)$", re.IGNORECASE)


def find_dates(ctx: ArticleContext) -> list[DateMention]:
    """Every temporal expression of the body with its resolved value, in text order."""
    mentions: list[DateMention] = []
    anchor: str | None = None  # the last calendar value: what "that day" refers back to
    for span in _candidates(ctx.doc):
        if _NOT_DATE.search(span.text):
            continue
        for piece in _pieces(span, ctx.published, anchor):
            m = _mention(ctx, piece, anchor, _narrative_time(ctx, piece, mentions))
            mentions.append(m)
            if m.value and m.value[:4].isdigit() and m.type != "DURATION":
                anchor = m.value
    return mentions


# "this year", "year-end": relative to the time the sentence tells of, not always the date line.
_DEICTIC = re.compile(r"^(?:(?:by|before|until|at) )?(?:the end of )?(?:this (?:year|month)|year-?end|the year-end)$", re.IGNORECASE)


def _narrative_time(ctx: ArticleContext, span: Span, before: list[DateMention]) -> date | None:
    """The reference time for a deictic expression in a sentence that has already named an
    earlier month or day ("in September [2018] ... by year-end" in a 2019 article: 2018)."""
    if ctx.published is None or not _DEICTIC.match(span.text.strip()):
        return None
    sent = span.sent
    for m in reversed(before):
        if m.start < sent.start_char:
            break
        if m.value and _MEMO_DATE.match(m.value) and _precision(m.value) >= 2 and m.tense == "past":
            last = value_bounds(m.value)[1]
            return last if last.year < ctx.published.year else None
    return None


def _candidates(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    for e in (_with_determiner(e) for e in doc.ents if e.label_ in ("DATE", "TIME")):
        if spans and spans[-1].end == e.start and "TIME" in (e.label_, spans[-1].label_):
            # "early Friday" + "morning": one expression (two DATEs side by side stay two)
            spans[-1] = doc[spans[-1].start:e.end]
        else:
            spans.append(e)
    for m in _EXTRA.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is None:
            continue
        overlapping = [s for s in spans if s.start < span.end and span.start < s.end]
        if overlapping:  # "the first half" + entity "of next year": one expression
            if all(s.start >= span.start and s.end <= span.end for s in overlapping) or \
                    not any(span.start <= s.start and s.end <= span.end for s in overlapping):
                union = doc[min([span.start] + [s.start for s in overlapping]):
                            max([span.end] + [s.end for s in overlapping])]
                spans = [s for s in spans if s not in overlapping] + [union]
            continue
        spans.append(span)
    return sorted(spans, key=lambda s: s.start_char)


_UNIT_WORDS = {"day", "week", "month", "year", "decade", "century", "weekend"}
_DEICTIC_DETERMINERS = {"this", "last", "next", "that"}


def _with_determiner(e: Span) -> Span:
    """"this week's talks": spaCy may tag only "week"; the determiner before a bare unit
    word is what makes it a date (a bare "week" names none)."""
    doc = e.doc
    if e.text.lower() in _UNIT_WORDS and e.start > 0 and doc[e.start - 1].lower_ in _DEICTIC_DETERMINERS:
        return doc[e.start - 1:e.end]
    return e


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
        for i in range(n - size + 1):
            sub = span[i:i + size]
            found = resolve_rules(sub.text, published, "past", anchor)
            # a bare unit inside a longer phrase ("days" in "the final days of the war") is no duration
            if found is not None and not (found.value or "").startswith("PX"):
                return [_without_preposition(sub)]
    return [span]


_PLACE_PREPOSITIONS = {"of", "on", "in", "at", "during"}  # not "by"/"until": those mark deadlines


def _without_preposition(span: Span) -> Span:
    """"of Thursday morning" cut from "the early hours of Thursday morning": the
    expression starts after the preposition (normalise() reads it the same either way)."""
    if len(span) > 1 and span[0].lower_ in _PLACE_PREPOSITIONS:
        return span[1:]
    return span


def _calendar(text: str, published: date | None) -> bool:
    t = resolve_rules(text, published)
    return t is not None and bool(t.value) and t.value[:1].isdigit() and t.type != "DURATION"


def calendar_part(value: str | None) -> str | None:
    """The part of a TimeML value the memo's dates can carry: "2017-11-10TNI" -> "2017-11-10",
    "1998-10-XX" -> "1998-10",
    "2024-W10-WE" -> "2024-W10", "2025-H1" -> "2025"."""
    if not value or not value[:1].isdigit():
        return value
    value = re.sub(r"(-XX)+$", "", value.split("T")[0])  # "1998-10-XX": a day of October 1998
    if value.endswith("-WE"):
        return value[:-3]
    if re.match(r"^\d{4}-[HQ]\d$", value):
        return value[:4]
    return value


def _mention(ctx: ArticleContext, span: Span, anchor: str | None, reference: date | None = None) -> DateMention:
    tense = tense_of(span)
    timex = resolve(span.text, reference or ctx.published, tense, anchor)
    value = calendar_part(timex.value)
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
    said = _speech_verb_before(span)
    if said is not None:
        return "past" if said.tag_ in ("VBD", "VBN") else "present"
    if _attributive(span):
        return "present"  # "the late-November trip": names a known event; the nearest one is meant
    verb = governing_verb(span.root)
    if span.root.dep_ == "dobj" and span.root.head.i == verb.i:
        return "present"  # "floated October 23 as the date": the verb's time is not the date's
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


_SPEECH = {"say", "tell", "announce", "add", "state", "declare", "confirm", "report", "write", "warn",
           "predict", "insist", "argue", "claim", "deny", "reply", "respond", "suggest", "propose"}


def _speech_verb_before(span: Span) -> Token | None:
    """"said on Wednesday he would ...": a date right after a verb of saying dates the saying,
    whatever the parser attached it to."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "on":
        i -= 1
    if i >= 0 and span.doc[i].lemma_ in _SPEECH and span.doc[i].pos_ == "VERB":
        return span.doc[i]
    return None


_MODAL_AHEAD = {"must", "should", "shall", "will", "can", "may", "might", "would"}


def _attributive(span: Span) -> bool:
    """A date used as a modifier inside a noun phrase ("the Oct. 23 slaying"): the clause's
    verb does not place it."""
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and \
        root.head.i >= span.end and any(t.lower_ == "the" for t in span.doc[max(span.start - 1, 0):span.start + 1])


def _possessive(span: Span) -> bool:
    """"Wednesday's ruling": an event named by its day has, in news, already happened."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.tag_ == "POS"


# The isodate values the memo may carry (memo.schema.json): year, month, day, season, week, decade.
_MEMO_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-(SP|SU|FA|WI)|\d{4}-W\d{2}|\d{3})$")
_NAMED = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS + WEEKDAYS) + r")\b")
# A date that bounds something ("by the end of this year") is a target, not when it happened.
_DEADLINE = re.compile(r"\b(by|before|until|till|toward|towards)\s*[“\"]?\s*$", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”]")
MIN_EVENT_WORDS = 5  # a fragment ("Friday.") cut off by a paragraph break reports no event
YEARS_TO_BACKGROUND = 3  # events this many years before the article are its history


def events_from(ctx: ArticleContext, mentions: list[DateMention]) -> list[EventFact]:
    """The dated events an article reports: per sentence, the date of what it reports.

    A sentence's event date is a calendar date outside quotation marks (a date inside a
    quote is what the speaker talked about), preferring the one that is not a target
    ("by the end of the year") and the finest; the sentence gives a second event where
    it also names a finer planned date ("toward next spring") or a date years earlier
    ("a 1961 joint statement"). Durations and vague references ("for seven decades",
    "recently") date nothing. In an article without a date, a month or weekday named
    without its year makes a pending event (date "") that assemble/undated.py dates.
    """
    events: list[EventFact] = []
    ref = _reference_date(ctx, mentions)
    for sent, found in _by_sentence(ctx, mentions):
        if sum(1 for t in sent if t.is_alpha) < MIN_EVENT_WORDS:
            continue
        outside = [m for m in found if not _inside_quote(sent, m) and not _in_dateline(sent, m)]
        dated = [m for m in outside if _is_calendar(m) or _pending(ctx, m)]
        if not dated:
            continue
        text, cite = sent.text.strip(), ctx.cite_span(sent)
        main = min(dated, key=lambda m: (_is_deadline(sent, m), _kind(m, ref) == "planned",
                                         m.tense == "future", -_precision_of(m)))
        events.append(_event(ref, main, text, cite))
        others = [m for m in dated if m.value and m.value != main.value and _precision(m.value) >= 1]
        if ref is None:  # no date to judge kinds by: keep one other date, undated.py judges it
            events += [_event(ref, m, text, cite) for m in others[:1]]
            continue
        events += [_event(ref, m, text, cite) for m in _second_events(ctx, sent, main, others, ref)]
    return events


def _kind(m: DateMention, ref: date | None) -> str:
    return kind_of(m.value, m.tense, ref) if m.value else "current"


def _second_events(ctx: ArticleContext, sent: Span, main: DateMention, others: list[DateMention],
                   ref: date | None) -> list[DateMention]:
    """Other dates of the sentence that date events of their own: a planned one
    ("toward next spring"), one from history ("a 1961 statement"), or another day told
    by another verb ("dug in on Tuesday, after talks ended on Monday")."""
    out: list[DateMention] = []
    main_kind, main_verb = _kind(main, ref), _verb_of(ctx, main)
    for wanted in ("planned", "background", "current"):
        extra = next((m for m in others if m not in out and _kind(m, ref) == wanted
                      and (wanted == "background" or _precision(m.value) >= 2)
                      and (wanted != main_kind or (wanted == "current" and not _is_deadline(sent, m)
                                                   and _precision(m.value) == 3 and _verb_of(ctx, m) != main_verb))),
                     None)
        if extra is not None and extra.value not in [o.value for o in out]:
            out.append(extra)
    return out


def _verb_of(ctx: ArticleContext, m: DateMention) -> int:
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return governing_verb(span.root).i if span is not None else -1


def _pending(ctx: ArticleContext, m: DateMention) -> bool:
    """In an article without a date, a month or weekday named without its year ("in November")."""
    return ctx.published is None and m.value is None and bool(_NAMED.search(m.text))


def _precision_of(m: DateMention) -> int:
    if m.value:
        return _precision(m.value)
    return 3 if any(w.capitalize() in m.text for w in WEEKDAYS) or re.search(r"\d", m.text) else 2


def _reference_date(ctx: ArticleContext, mentions: list[DateMention]) -> date | None:
    """The day the article speaks from: its date line, or the day after where the text
    shows the date line to be a day early (timex.DAY_AFTER_DATELINE)."""
    if ctx.published and any(m.rule == DAY_AFTER_DATELINE for m in mentions):
        return ctx.published + timedelta(days=1)
    return ctx.published


def _event(ref: date | None, m: DateMention, text: str, cite: Citation) -> EventFact:
    if not m.value:
        return EventFact("", text, "current", cite, m.text, m.tense)
    return EventFact(m.value, text, kind_of(m.value, m.tense, ref), cite, m.text, m.tense)


def _by_sentence(ctx: ArticleContext, mentions: list[DateMention]) -> list[tuple[Span, list[DateMention]]]:
    groups: dict[int, tuple[Span, list[DateMention]]] = {}
    for m in mentions:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        groups.setdefault(span.sent.start, (span.sent, []))[1].append(m)
    return [groups[k] for k in sorted(groups)]


def _is_calendar(m: DateMention) -> bool:
    return m.type != "DURATION" and bool(m.value) and bool(_MEMO_DATE.match(m.value or ""))


def _precision(value: str | None) -> int:
    """0 decade, 1 year, 2 season/week/month, 3 day."""
    if not value:
        return -1
    return {3: 0, 4: 1, 7: 2, 8: 2, 10: 3}.get(len(value), 1)


# "BRUSSELS, March 24 (Reuters) -": the date the story was filed, not of an event in it
_DATELINE_BEFORE = re.compile(r"^\W*[A-Z][A-Z .'-]+(?:, [A-Z][\w .'-]+)?,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([\w .&-]+\)\s*)?[-—–]")


def _in_dateline(sent: Span, m: DateMention) -> bool:
    text = sent.doc.text
    return bool(_DATELINE_BEFORE.match(text[sent.start_char:m.start])) and \
        bool(_DATELINE_AFTER.match(text[m.end:sent.end_char]))


def _is_deadline(sent: Span, m: DateMention) -> bool:
    before = sent.doc.text[sent.start_char:m.start]
    return bool(_DEADLINE.search(before)) or m.text.lower().startswith(("by ", "before ", "until "))


QUOTED_FRAGMENT_WORDS = 6  # a few quoted words ("toward next spring") are the writer's report


def _inside_quote(sent: Span, m: DateMention) -> bool:
    """Whether the mention sits inside a quotation (an odd number of marks before it)
    longer than a quoted fragment."""
    text = sent.doc.text
    # From the paragraph's start: a quotation may open a sentence or two before this one.
    start = text.rfind("\n\n", 0, sent.start_char) + 1
    marks = [x.start() for x in _QUOTE_MARK.finditer(text, start, sent.end_char)]
    before = [i for i in marks if i < m.start]
    if len(before) % 2 == 0:
        return False
    after = next((i for i in marks if i >= m.end), sent.end_char)
    return len(text[before[-1] + 1:after].split()) >= QUOTED_FRAGMENT_WORDS


def kind_of(value: str, tense: str, published: date | None) -> str:
    """current, background (years before the article) or planned (after it, or ahead)."""
    if published is None or not value[:3].isdigit():
        return "current"
    first, last = value_bounds(value)
    if last.year <= published.year - YEARS_TO_BACKGROUND:
        return "background"
    if first > published or (tense == "future" and last >= published):
        return "planned"
    return "current"


def value_bounds(value: str) -> tuple[date, date]:
    """The first and last day a calendar value covers ("2018-SP": March to May 2018)."""
    if len(value) == 3:
        return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    year = int(value[:4])
    if len(value) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    if value[5] == "W" and value[6:].isdigit():  # an ISO week, not "WI" (winter)
        first = date.fromisocalendar(year, int(value[6:]), 1)
        return first, first + timedelta(days=6)
    if value[5:].isalpha():
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[value[5:]]
        end = date(year + 1, 3, 1) if start == 12 else date(year, start + 3, 1)
        return date(year, start, 1), end - timedelta(days=1)
    month = int(value[5:7])
    if len(value) == 7:
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return date(year, month, 1), end - timedelta(days=1)
    day = date.fromisoformat(value[:10])
    return day, day


def text_context(doc: Doc, published: date | None) -> ArticleContext:
    """A context for a bare parsed text (a test sentence, a benchmark document): the text
    is its own body and its own source, so offsets are offsets into the text."""
    from ..ingest.article import Article, OffsetMap
    from ..model import Source

    offsets = OffsetMap()
    offsets.add(0, 0, len(doc.text))
    article = Article(Source(id="S1", file="<text>"), "<text>", doc.text, doc.text, offsets)
    return ArticleContext(article, doc, published)
