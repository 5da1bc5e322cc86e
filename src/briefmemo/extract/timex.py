"""Resolve a temporal expression to a TimeML-style value, relative to a publication date.

Values: "2018-09-12" (day), "2018-09" (month), "2018" (year), "2018-SP" (season),
"2018-W37" (week), "P70Y" (duration), "PAST_REF"/"FUTURE_REF"/"PRESENT_REF" (vague).
Our rules handle the forms news writing uses most (weekdays, months, relative years,
seasons, durations); dateparser is the fallback for anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                 "eighty": 80, "ninety": 90, "a": 1, "an": 1, "several": None, "few": None})
_UNITS = {"year": "Y", "decade": "Y", "century": "Y", "month": "M", "week": "W", "day": "D",
          "hour": "H", "minute": "M"}


@dataclass(frozen=True)
class Timex:
    value: str | None
    type: str  # DATE | DURATION | TIME | SET
    rule: str  # which resolver answered: "rules" or "dateparser" (or "none")


def normalise(text: str) -> str:
    t = text.lower().replace("’", "'").strip(" .,")
    t = re.sub(r"\b(late|early|mid)-(?=[a-z])", r"\1 ", t)  # "late-November" as "late November"
    t = re.sub(r"\s+", " ", t)
    return re.sub(r"^(on|in|by|at|during|since|until|from|of|for)\s+", "", t)


def resolve(text: str, published: date | None, tense: str = "past", anchor: str | None = None) -> Timex:
    """Resolve ``text`` against ``published``; ``tense`` is past, present or future.

    ``anchor`` is the value of the expression before this one in the article, which
    "that day" or "later that year" refer back to.
    """
    found = resolve_rules(text, published, tense, anchor)
    return found if found is not None else _dateparser(text, published, tense)


def resolve_rules(text: str, published: date | None, tense: str = "past",
                  anchor: str | None = None) -> Timex | None:
    """Our own rules only (no dateparser): None when none of them applies."""
    t = normalise(text)
    if anchor:
        found = _anaphoric(t, anchor)
        if found is not None:
            return found
    for rule in (_vague, _set, _past_span, _duration, _absolute, _part_of_year, _relative_named, _holiday,
                 _weekend, _relative_unit):
        found = rule(t, published, tense)
        if found is not None:
            return found
    return None


_ANAPHORIC = re.compile(r"^(?:(?:earlier|later|late|early) )?(?:that|the same|that same) (?P<unit>day|week|month|year)$")


def _anaphoric(t: str, anchor: str) -> Timex | None:
    """"that day", "later that year": the unit of the date mentioned just before.

    When that date is one unit coarser than the expression ("last October ... that same
    day"), the day (or month) is known to exist but not which: TimeML writes the unknown
    part as X ("1998-10-XX", "1998-XX"), and the memo keeps the calendar part.
    """
    m = _ANAPHORIC.match(t)
    if not m or not anchor[:4].isdigit():
        return None
    day = anchor.split("T")[0]
    if m["unit"] == "week" and re.fullmatch(r"\d{4}-\d\d-\d\d", day):  # the ISO week of that day
        year, week, _ = date.fromisoformat(day).isocalendar()
        return Timex(f"{year}-W{week:02d}", "DATE", "rules")
    size = {"day": 10, "month": 7, "year": 4}.get(m["unit"])
    if size is None or not re.fullmatch(r"\d{4}(-\d\d){0,2}", day):
        return None
    if len(day) >= size:
        return Timex(anchor[:size], "DATE", "rules")
    if len(day) + 3 == size:  # one unit coarser: a month for "that day", a year for "that month"
        return Timex(day + "-XX", "DATE", "rules")
    return None


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    parts = word.replace("-", " ").split()
    if parts and all(p in _NUMBERS and _NUMBERS[p] is not None for p in parts):
        return sum(_NUMBERS[p] or 0 for p in parts)
    return None


_DURATION = re.compile(
    r"^(?:for |over |the (?:past|last|next) |more than |less than |almost |nearly |about |some |"
    r"around |just |only |up to |at least )*"
    r"(?:(?P<n>\w+(?:[ -]\w+)?)[ -])?(?P<unit>year|decade|centur|month|week|day|hour|minute)(?P<pl>s|ies|y)?"
    r"(?: long| old)?$")
# TimeML units of a vague duration ("days": PXD, "decades": PXDE).
_VAGUE_UNITS = {"year": "PXY", "decade": "PXDE", "century": "PXCE", "month": "PXM", "week": "PXW",
                "day": "PXD", "hour": "PTXH", "minute": "PTXM"}


def _duration(t: str, published: date | None, tense: str) -> Timex | None:
    """"for seven decades", "15-minute", "the past two years", "days" (vague)."""
    m = _DURATION.match(t)
    if not m or t.endswith(("ago", "later", "earlier")):
        return None
    unit = "century" if m["unit"] == "centur" else m["unit"]
    plural = m["pl"] in ("s", "ies")
    if m["n"] is None or m["n"] in ("several", "few", "a few", "many", "recent"):
        if not plural or m["n"] == "recent" or (m["n"] is None and t.startswith("the ")):
            return None  # "day", "recent years", "the last days" (of something): not a duration
        return Timex(_VAGUE_UNITS[unit], "DURATION", "rules")
    n = _number(m["n"])
    if n is None:
        return None
    if unit == "decade":
        return Timex(f"P{n * 10}Y", "DURATION", "rules")
    if unit == "century":
        return Timex(f"P{n * 100}Y", "DURATION", "rules")
    code = {"year": "Y", "month": "M", "week": "W", "day": "D"}.get(unit)
    if code:
        return Timex(f"P{n}{code}", "DURATION", "rules")
    return Timex(f"PT{n}{'H' if unit == 'hour' else 'M'}", "DURATION", "rules")


_MONTH_RE = r"(?P<mon>(?:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*)\.?"
_ABS = [
    re.compile(r"^(?:the )?(?P<y>1\d{3}|20\d{2})s?$"),
    re.compile(r"^" + _MONTH_RE + r" (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})$"),
    re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)? " + _MONTH_RE + r",? (?P<y>\d{4})$"),
    re.compile(r"^(?:early |late |mid-?)?" + _MONTH_RE + r",? (?:of )?(?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)$"),
]


def _month_no(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name[:3]))


def _absolute(t: str, published: date | None, tense: str) -> Timex | None:
    for pattern in _ABS:
        m = pattern.match(t)
        if not m:
            continue
        g = m.groupdict()
        if t.endswith("0s") and "mon" not in g:
            return Timex(g["y"][:3], "DATE", "rules")
        month = int(g["m"]) if g.get("m") else (_month_no(g["mon"]) if g.get("mon") else None)
        if month is None:
            return Timex(g["y"], "DATE", "rules")
        if not g.get("d"):
            return Timex(f"{g['y']}-{month:02d}", "DATE", "rules")
        return _day(int(g["y"]), month, int(g["d"]))
    return None


def _day(y: int, m: int, d: int) -> Timex | None:
    try:
        return Timex(date(y, m, d).isoformat(), "DATE", "rules")
    except ValueError:
        return None


_WEEKDAY_RE = re.compile(r"^(?:last |this |next |early |late )?(?P<wd>" + "|".join(WEEKDAYS) +
                         r")(?: (?:morning|afternoon|evening|night))?$")
_MONTH_ONLY = re.compile(r"^(?:early |late |mid-?|last |next |this )?" + _MONTH_RE +
                         r"(?: (?P<d>\d{1,2})(?:st|nd|rd|th)?)?$")
_SEASON = re.compile(r"^(?:(?P<rel>last|next|this|early|late|the) )?(?P<s>spring|summer|autumn|fall|winter)"
                     r"(?: of (?P<y>\d{4}))?$")


def _relative_named(t: str, published: date | None, tense: str) -> Timex | None:
    m = _WEEKDAY_RE.match(t)
    if m and published:
        return _weekday(WEEKDAYS.index(m["wd"]), published, tense, t)
    m = _MONTH_ONLY.match(t)
    if m and published:
        return _month(m, published, tense, t)
    m = _SEASON.match(t)
    if m and (published or m["y"]):
        return _season(m, published, tense)
    return None


def _weekday(wd: int, published: date, tense: str, t: str) -> Timex:
    back = (published.weekday() - wd) % 7
    if t.startswith("last "):
        back = back or 7
    if tense == "future" or t.startswith("next "):
        # "will sign on Friday" in Friday's paper is that day: news names today by its weekday
        ahead = (wd - published.weekday()) % 7 or (7 if t.startswith("next ") else 0)
        return _with_part_of_day(published + timedelta(days=ahead), t)
    if back == 6 and t in WEEKDAYS:
        # News does not report a six-day-old event by its bare weekday; the day after the
        # date line is meant (the page was dated in a time zone behind the event). The rule
        # name lets the memo say that the date line disagrees.
        found = _with_part_of_day(published + timedelta(days=1), t)
        return Timex(found.value, found.type, DAY_AFTER_DATELINE)
    return _with_part_of_day(published - timedelta(days=back), t)


DAY_AFTER_DATELINE = "rules:day-after-date-line"


_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _with_part_of_day(d: date, t: str) -> Timex:
    """"Friday night" is a TIME: the day plus TimeML's part-of-day code (2017-11-10TNI)."""
    part = next((code for word, code in _PART_OF_DAY.items() if t.endswith(word)), None)
    if part:
        return Timex(f"{d.isoformat()}T{part}", "TIME", "rules")
    return Timex(d.isoformat(), "DATE", "rules")


def _month(m: re.Match[str], published: date, tense: str, t: str) -> Timex | None:
    month = _month_no(m["mon"])
    day = int(m["d"]) if m["d"] else None
    year = _year_of(month, day or 15, published, tense, t, exact_day=day is not None)
    if day:
        return _day(year, month, day)
    return Timex(f"{year}-{month:02d}", "DATE", "rules")


SAME_YEAR_DAYS_AHEAD = 60


def _year_of(month: int, day: int, published: date, tense: str, t: str, exact_day: bool = False) -> int:
    """The year of a month (and day) named without one: the occurrence news usage means.

    "last"/"next" and a past or future verb decide; otherwise (present tense, a noun
    phrase) the nearer occurrence, with the past preferred unless the future one is
    clearly nearer, since news reports more of what happened than of what will. A day
    written without its year is, in news style, in the current year: with a past verb it
    stays there when it is at most two months ahead ("have floated October 23").
    """
    this = (month, day)
    now = (published.month, published.day)
    if t.startswith("last "):
        return published.year - (1 if this >= now else 0)
    if t.startswith("next "):
        return published.year + (1 if this <= now else 0)
    if tense == "past":
        if exact_day and this > now:
            ahead = (date(published.year, month, min(day, 28)) - published).days
            return published.year - (0 if ahead <= SAME_YEAR_DAYS_AHEAD else 1)
        return published.year - (1 if this > now else 0)
    if tense == "future":
        if exact_day and this < now:
            # "by Jan. 14" as ahead in a paper dated Jan. 15: the date line is late, not the
            # deadline a year off (news would write the year)
            behind = (published - date(published.year, month, min(day, 28))).days
            return published.year + (0 if behind <= SAME_YEAR_DAYS_AHEAD else 1)
        return published.year + (1 if this < now else 0)
    here = date(published.year, month, min(day, 28))
    if here <= published:
        back, ahead = (published - here).days, (here.replace(year=here.year + 1) - published).days
        return published.year + (1 if ahead < 0.6 * back else 0)
    back, ahead = (published - here.replace(year=here.year - 1)).days, (here - published).days
    return published.year - (0 if ahead < 0.6 * back else 1)


# Fixed-date and rule-based holidays that news writing dates events by.
_HOLIDAYS: dict[str, tuple[int, int] | None] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "thanksgiving": None, "thanksgiving day": None,
}
_HOLIDAY_RE = re.compile(r"^(?:(?P<rel>last|next|this) )?(?P<h>" + "|".join(
    re.escape(h) for h in sorted(_HOLIDAYS, key=len, reverse=True)) + r")$")


def _holiday_date(name: str, year: int) -> date:
    fixed = _HOLIDAYS[name]
    if fixed:
        return date(year, *fixed)
    first = date(year, 11, 1)  # Thanksgiving (US): the fourth Thursday of November
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _holiday(t: str, published: date | None, tense: str) -> Timex | None:
    m = _HOLIDAY_RE.match(t)
    if not m or published is None:
        return None
    this = _holiday_date(m["h"], published.year)
    rel = m["rel"] or ("next" if tense == "future" else "last")
    if rel == "last" and this > published:
        this = _holiday_date(m["h"], published.year - 1)
    elif rel == "next" and this < published:
        this = _holiday_date(m["h"], published.year + 1)
    return Timex(this.isoformat(), "DATE", "rules")


def _season(m: re.Match[str], published: date | None, tense: str) -> Timex:
    code = SEASONS[m["s"]]
    if m["y"]:
        return Timex(f"{m['y']}-{code}", "DATE", "rules")
    assert published is not None
    year, starts = published.year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if m["rel"] == "next" or (tense == "future" and published.month >= starts + 3):
        year += 1 if published.month >= starts else 0
    elif m["rel"] == "last" or (tense == "past" and published.month < starts):
        year -= 1
    return Timex(f"{year}-{code}", "DATE", "rules")


_REL_UNIT = re.compile(
    r"^(?:(?:by |until |before |at )?the (?P<edge>end|beginning|start|middle) of |(?P<pos>early|late|later|earlier) )?"
    r"(?P<rel>this|last|next|the past|the coming|the previous|the following|the current|(?<=of )the)? ?"
    r"(?P<unit>year|month|week|day|decade|century)(?:-end|end)?$")
_SIMPLE = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "now": None, "right now": None,
           "currently": None}
_AGO = re.compile(r"^(?:(?:almost|nearly|about|around|some|more than|less than|just|only|over|roughly) )*"
                  r"(?P<n>[\w-]+(?: [\w-]+)?) (?P<unit>year|month|week|day|decade)s? "
                  r"(?P<dir>ago|earlier|later|from now|hence)$")


def _relative_unit(t: str, published: date | None, tense: str) -> Timex | None:
    if t in _SIMPLE and _SIMPLE[t] is None:
        return Timex("PRESENT_REF", "DATE", "rules")  # "now" needs no date to resolve against
    if published is None:
        return None
    if t in _SIMPLE:
        off = _SIMPLE[t]
        if off is None:
            return Timex("PRESENT_REF", "DATE", "rules")
        return Timex((published + timedelta(days=off)).isoformat(), "DATE", "rules")
    if t in ("year-end", "year end", "the year-end", "the end of the year"):
        t = "this year"
    m = _REL_UNIT.match(t)
    if m and (m["edge"] or m["pos"] or m["rel"]):  # a bare "day" or "year" names no date
        return _shift(published, m["unit"], {"last": -1, "the past": -1, "the previous": -1,
                                             "next": 1, "the coming": 1, "the following": 1}.get(m["rel"] or "", 0))
    m = _AGO.match(t)
    if m:
        n = _number(m["n"])
        sign = -1 if m["dir"] in ("ago", "earlier") else 1
        if n is None:
            return Timex("PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", "rules")
        if m["unit"] == "decade":  # "a decade ago": the year, as precise as the text is
            return Timex(str(published.year + sign * 10 * n), "DATE", "rules")
        return _shift(published, m["unit"], sign * n)
    return None


def _shift(published: date, unit: str, n: int) -> Timex | None:
    if unit == "year":
        return Timex(str(published.year + n), "DATE", "rules")
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 + n, 12)
        return Timex(f"{y}-{mo + 1:02d}", "DATE", "rules")
    if unit == "week":
        d = published + timedelta(weeks=n)
        iso = d.isocalendar()
        return Timex(f"{iso[0]}-W{iso[1]:02d}", "DATE", "rules")
    if unit == "day":
        return Timex((published + timedelta(days=n)).isoformat(), "DATE", "rules")
    if unit == "decade":
        return Timex(str(published.year + 10 * n)[:3], "DATE", "rules")
    return Timex(f"{published.year // 100 + n:02d}", "DATE", "rules")  # TimeML: "19" = 1900-1999


_VAGUE = {"decades ago": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF", "future": "FUTURE_REF", "the near future": "FUTURE_REF",
          "the present": "PRESENT_REF", "right now": "PRESENT_REF", "these days": "PRESENT_REF", "years ago": "PAST_REF", "the past": "PAST_REF",
          "recent years": "PAST_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF",
          "the coming years": "FUTURE_REF", "recent weeks": "PAST_REF", "recent days": "PAST_REF",
          "recent months": "PAST_REF"}


_VAGUE_RE = [
    (re.compile(r"^the (?:coming|next few|following few|next several) (?:days|weeks|months|years)$"), "FUTURE_REF"),
    (re.compile(r"^(?:recent|the past few|the last few) (?:days|weeks|months|years)$"), "PAST_REF"),
]


def _vague(t: str, published: date | None, tense: str) -> Timex | None:
    value = _VAGUE.get(t) or next((v for pattern, v in _VAGUE_RE if pattern.match(t)), None)
    return Timex(value, "DATE", "rules") if value else None


_SET_UNIT = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}
_SET = re.compile(r"^(?:every|each) (?P<what>day|week|month|year|" + "|".join(WEEKDAYS) + r")$")
_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y"}


def _set(t: str, published: date | None, tense: str) -> Timex | None:
    """"every Monday" (XXXX-WXX-1), "every year" (P1Y): recurring times, not dates."""
    if t in _SET_WORDS:
        return Timex(_SET_WORDS[t], "SET", "rules")
    m = _SET.match(t)
    if not m:
        return None
    if m["what"] in _SET_UNIT:
        return Timex(_SET_UNIT[m["what"]], "SET", "rules")
    return Timex(f"XXXX-WXX-{WEEKDAYS.index(m['what']) + 1}", "SET", "rules")


_PAST_SPAN = re.compile(r"^(?:over |during |in )?the (?:past|last) (?P<unit>decade|year|month|week|century)$")


def _past_span(t: str, published: date | None, tense: str) -> Timex | None:
    """"over the past decade": a stretch of time up to now (P10Y), unlike "last year" (2017)."""
    m = _PAST_SPAN.match(t)
    if not m:
        return None
    return Timex({"decade": "P10Y", "century": "P100Y", "year": "P1Y", "month": "P1M", "week": "P1W"}[m["unit"]],
                 "DURATION", "rules")


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_PART_OF_YEAR = re.compile(r"^(?:the )?(?P<n>first|1st|second|2nd|third|3rd|fourth|4th) (?P<part>half|quarter)"
                           r"(?: of (?P<of>.+))?$")
_CENTURY = re.compile(r"^(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century$")


def _part_of_year(t: str, published: date | None, tense: str) -> Timex | None:
    """"the third quarter" (2024-Q3), "the first half of next year" (2025-H1), "the 19th century" (18)."""
    c = _CENTURY.match(t)
    if c:
        return Timex(f"{int(c['n']) - 1:02d}", "DATE", "rules")
    m = _PART_OF_YEAR.match(t)
    if not m:
        return None
    n, code = _ORDINALS[m["n"]], "H" if m["part"] == "half" else "Q"
    if n > 2 and code == "H":
        return None
    if m["of"]:
        inner = resolve_rules(m["of"], published, tense)
        if inner is None or not inner.value or not re.fullmatch(r"\d{4}", inner.value):
            return None
        return Timex(f"{inner.value}-{code}{n}", "DATE", "rules")
    if published is None:
        return None
    start_month = (n - 1) * (6 if code == "H" else 3) + 1
    year = published.year
    if tense == "past" and start_month > published.month:
        year -= 1
    elif tense == "future" and start_month + (6 if code == "H" else 3) <= published.month:
        year += 1
    return Timex(f"{year}-{code}{n}", "DATE", "rules")


_WEEKEND = re.compile(r"^(?:(?P<rel>the|this|last|next) )?weekend$")


def _weekend(t: str, published: date | None, tense: str) -> Timex | None:
    """"over the weekend": the weekend before (past) or after (future) the date line, as
    its ISO week plus -WE (2024-W10-WE)."""
    m = _WEEKEND.match(t)
    if not m or published is None:
        return None
    ahead = m["rel"] == "next" or (tense == "future" and m["rel"] != "last")
    if ahead:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
    iso = saturday.isocalendar()
    return Timex(f"{iso[0]}-W{iso[1]:02d}-WE", "DATE", "rules")


_DATE_WORD = re.compile(r"\b(\d{4}|\d{1,2}/\d{1,2}|" + "|".join(m[:3] for m in MONTHS) + "|" +
                        "|".join(WEEKDAYS) + r"|ago|yesterday|tomorrow|today|week|month|year|decade)", re.IGNORECASE)


def _dateparser(text: str, published: date | None, tense: str) -> Timex:
    from datetime import datetime

    import dateparser  # slow to import: only loaded when our rules have no answer

    if published is None and not re.search(r"\b\d{4}\b", text):
        return Timex(None, "DATE", "none")  # a relative expression needs a date to resolve against
    if not _DATE_WORD.search(text):
        return Timex(None, "DATE", "none")  # dateparser reads "15-minute" as the 15th: only ask it about dates
    settings = {"PREFER_DATES_FROM": "future" if tense == "future" else "past",
                "RETURN_TIME_AS_PERIOD": True}
    if published:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(normalise(text))
    if data.date_obj is None:
        return Timex(None, "DATE", "none")
    d, period = data.date_obj.date(), data.period
    value = {"year": f"{d.year}", "month": f"{d.year}-{d.month:02d}"}.get(period, d.isoformat())
    return Timex(value, "DATE", "dateparser")
