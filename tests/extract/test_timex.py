"""The resolver on its own: expressions and values worked out by hand with a calendar.

Reference date 2022-06-08, a Wednesday (ISO week 23). No spaCy here: resolve() is a
plain function of the expression, the publication date and the tense.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefmemo.extract.timex import DAY_AFTER_DATELINE, resolve

WED = date(2022, 6, 8)

CASES = [
    # weekdays: a past verb looks back (the same day included), a future one ahead
    ("Monday", "past", "2022-06-06"),
    ("Monday", "future", "2022-06-13"),
    ("on Wednesday", "past", "2022-06-08"),
    ("Wednesday", "future", "2022-06-08"),  # "will sign on Wednesday" in Wednesday's paper
    ("Friday night", "past", "2022-06-03TNI"),
    ("Tuesday morning", "past", "2022-06-07TMO"),
    ("next Monday", "past", "2022-06-13"),
    # relative units
    ("yesterday", "past", "2022-06-07"),
    ("tomorrow", "future", "2022-06-09"),
    ("last month", "past", "2022-05"),
    ("next month", "future", "2022-07"),
    ("later this month", "future", "2022-06"),
    ("this year", "present", "2022"),
    ("by the end of this year", "future", "2022"),
    ("last year", "past", "2021"),
    ("next year", "future", "2023"),
    ("three years ago", "past", "2019"),
    ("a decade ago", "past", "2012"),
    ("two weeks ago", "past", "2022-W21"),
    # months and days named without a year
    ("in March", "past", "2022-03"),
    ("in October", "past", "2021-10"),
    ("in October", "future", "2022-10"),
    ("in February", "future", "2023-02"),
    ("October 23", "future", "2022-10-23"),
    ("late November", "present", "2021-11"),  # 6.5 months back vs 5.5 ahead: news looks back
    # seasons
    ("next spring", "future", "2023-SP"),
    ("this summer", "future", "2022-SU"),
    # absolute
    ("in 1956", "past", "1956"),
    ("December 2012", "past", "2012-12"),
    ("Aug. 7, 1998", "past", "1998-08-07"),
    ("7 August 1998", "past", "1998-08-07"),
    ("the 1990s", "past", "199"),
    ("the 19th century", "past", "18"),
    # durations
    ("seven decades", "past", "P70Y"),
    ("for more than 70 years", "past", "P70Y"),
    ("the past two years", "past", "P2Y"),
    ("two-hour", "past", "PT2H"),
    ("15-minute", "past", "PT15M"),
    ("over the past decade", "past", "P10Y"),
    # vague
    ("decades ago", "past", "PAST_REF"),
    ("recently", "past", "PAST_REF"),
    ("now", "present", "PRESENT_REF"),
    ("the coming weeks", "future", "FUTURE_REF"),
    # sets, parts of the year, holidays, weekends
    ("every Monday", "present", "XXXX-WXX-1"),
    ("every year", "present", "P1Y"),
    ("the second quarter", "past", "2022-Q2"),
    ("the first half of next year", "future", "2023-H1"),
    ("Christmas", "past", "2021-12-25"),
    ("Christmas", "future", "2022-12-25"),
    ("the weekend", "past", "2022-W22-WE"),  # Saturday 4 June, ISO week 22
]


@pytest.mark.parametrize(("text", "tense", "value"), CASES)
def test_resolve(text, tense, value):
    assert resolve(text, WED, tense).value == value


def test_a_weekday_six_days_back_is_the_day_after_the_date_line():
    # "said on Thursday" in Wednesday's paper: not six days old, the date line is a day early
    found = resolve("Thursday", WED, "past")
    assert found.value == "2022-06-09"
    assert found.rule == DAY_AFTER_DATELINE


def test_a_day_told_as_ahead_but_just_behind_the_date_line_keeps_its_year():
    # "must return by Jan. 14" in a paper dated Jan. 15: not next year's Jan. 14
    assert resolve("Jan. 14", date(2000, 1, 15), "future").value == "2000-01-14"
    assert resolve("March 3", WED, "future").value == "2023-03-03"  # three months behind: next year


def test_that_day_refers_back_to_the_date_before_it():
    assert resolve("that day", WED, "past", anchor="2022-05-30").value == "2022-05-30"
    assert resolve("later that year", WED, "past", anchor="2019-03").value == "2019"
    assert resolve("that same day", WED, "past", anchor="2022-05-30").value == "2022-05-30"
    # Monday 30 May 2022 is in ISO week 22; Sunday 2 January 2022 in week 52 of 2021
    assert resolve("later that week", WED, "past", anchor="2022-05-30").value == "2022-W22"
    assert resolve("that week", WED, "past", anchor="2022-01-02").value == "2021-W52"
    assert resolve("that week", WED, "past", anchor="2022-05").value is None


def test_that_day_after_a_month_is_a_day_of_that_month_left_unspecified():
    # "last October ... that same day": TimeML writes the unknown day as XX
    assert resolve("that same day", WED, "past", anchor="2021-10").value == "2021-10-XX"
    assert resolve("that month", WED, "past", anchor="2021").value == "2021-XX"
    assert resolve("that day", WED, "past", anchor="2021").value != "2021-XX-XX"  # two units off: no guess


def test_a_bare_unit_word_names_no_date():
    assert resolve("day", WED, "past").value is None
    assert resolve("year", WED, "past").value is None
    assert resolve("the end of the week", WED, "past").value == "2022-W23"
    assert resolve("the end of the month", WED, "past").value == "2022-06"


def test_without_a_publication_date_only_absolute_and_vague_expressions_resolve():
    assert resolve("Wednesday", None, "past").value is None
    assert resolve("last month", None, "past").value is None
    assert resolve("in 1956", None, "past").value == "1956"
    assert resolve("now", None, "present").value == "PRESENT_REF"


def test_dateparser_answers_what_our_rules_do_not():
    found = resolve("the 5th of May, 2020", WED, "past")
    assert (found.value, found.rule) == ("2020-05-05", "dateparser")


def test_dateparser_is_not_asked_about_words_that_name_no_date():
    # dateparser alone reads "the 15th" into this; our guard keeps it unresolved
    assert resolve("the final days", WED, "past").value is None


def test_the_last_days_of_something_is_no_duration():
    assert resolve("the last days", WED, "past").value is None
    assert resolve("just days", WED, "past").value == "PXD"


def test_types():
    assert resolve("seven decades", WED).type == "DURATION"
    assert resolve("Friday night", WED).type == "TIME"
    assert resolve("every Monday", WED).type == "SET"
    assert resolve("last month", WED).type == "DATE"
