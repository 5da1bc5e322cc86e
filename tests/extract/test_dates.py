"""Finding dates in parsed text, events, the timeline, undated articles and `briefmemo dates`.

Values here are worked out by hand; the floors in dates_baseline.json sit a little under
the figures the benchmarks print (benchmarks/dates_seeds.py, benchmarks/dates_tempeval.py).
"""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefmemo.assemble.timeline import build_timeline
from briefmemo.assemble.undated import estimate_undated
from briefmemo.cli import app
from briefmemo.extract.dates import events_from, find_dates, kind_of, text_context
from briefmemo.extract.facts import ArticleFacts, EventFact
from briefmemo.model import Citation, Source

ROOT = Path(__file__).resolve().parents[2]
BASELINE = json.loads((Path(__file__).parent / "dates_baseline.json").read_text(encoding="utf-8"))
TEMPEVAL = ROOT.parent / "shared" / "eval" / "tempeval3-dev" / "tempeval3_dev25.json"
FRIDAY = date(2024, 3, 15)
ISODATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-(SP|SU|FA|WI)|\d{4}-W\d{2}|\d{3})$")


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ctx(nlp, text: str, published: date | None = FRIDAY):
    return text_context(nlp(text), published)


def _values(nlp, text: str, published: date | None = FRIDAY) -> dict[str, str | None]:
    return {m.text: (m.timeml or m.value) for m in find_dates(_ctx(nlp, text, published))}


# --- finding expressions -------------------------------------------------------------

def test_the_date_of_saying_and_the_date_of_what_was_said(nlp):
    # Friday 15 March: said last Wednesday, signs today
    assert _values(nlp, "The minister said on Wednesday he would sign the deal on Friday.") == {
        "Wednesday": "2024-03-13", "Friday": "2024-03-15"}


def test_ranges_give_both_ends(nlp):
    found = _values(nlp, "Prices rose every year between 1994 and 1997, the report said.")
    assert found["1994"] == "1994" and found["1997"] == "1997"


def test_entities_trimmed_to_the_expression(nlp):
    found = _values(nlp, "Earlier Friday, lawyers filed a petition in the capital.")
    assert "2024-03-15" in found.values()


def test_a_piece_cut_from_a_longer_entity_starts_after_its_preposition(nlp):
    # Friday 15 March: Thursday morning is the 14th
    found = _values(nlp, "Police arrested him at the airport in the early hours of Thursday morning.")
    assert found.get("Thursday morning") == "2024-03-14TMO"


def test_a_weekday_after_a_bare_day_word_is_found(nlp):
    # spaCy tags "the day Friday" as one entity; the bare "day" in it is no date
    found = _values(nlp, "During the day Friday, the boy played in the yard with a puppy.")
    assert [v for v in found.values()] == ["2024-03-15"]


def test_that_same_day_after_a_month_keeps_the_month(nlp):
    found = _values(nlp, "The doctor was shot last October. His name was crossed out on the list that same day.")
    assert found["last October"] == "2023-10"
    assert found["that same day"] == "2023-10-XX"
    ctx_mentions = find_dates(_ctx(nlp, "The doctor was shot last October. His name was crossed out that same day."))
    assert [m.value for m in ctx_mentions] == ["2023-10", "2023-10"]  # the memo's value stays a calendar value


def test_a_determiner_spacy_left_off_a_unit_is_taken_back(nlp):
    found = _values(nlp, "The minister told parliament on Thursday that talks had failed during this week's talks.")
    assert "2024-W11" in found.values()


def test_that_day_follows_the_date_before_it(nlp):
    found = _values(nlp, "The blast happened on Jan. 6, 2021. Later that day, the police arrived.")
    assert found["Jan. 6, 2021"] == "2021-01-06"
    assert "2021-01-06" in [v for k, v in found.items() if "that day" in k]


def test_this_year_follows_the_sentence_it_is_told_in(nlp):
    # published in January 2019, telling of a September 2018 offer "by year-end" (2018)
    found = _values(nlp, "He caught the premier off guard in September when he suggested signing a "
                         "treaty by year-end.", date(2019, 1, 4))
    assert found["September"] == "2018-09"
    assert found["year-end"] == "2018"


def test_memo_values_stay_calendar_values(nlp):
    mentions = find_dates(_ctx(nlp, "The leaders held a two-hour dinner on Friday night."))
    night = next(m for m in mentions if "Friday" in m.text)
    assert (night.value, night.timeml) == ("2024-03-15", "2024-03-15TNI")


def test_fixture_sentences_stay_above_the_floor(nlp):
    total, right = _bench("dates_seeds").score_sentences(nlp, False)
    assert total >= 60
    assert right / total >= BASELINE["sentences_value_accuracy"]


def test_seeds_expressions_stay_above_the_floor(nlp):
    total, right = _bench("dates_seeds").score_seeds(nlp, False)
    assert total >= 45
    assert right / total >= BASELINE["seeds_value_accuracy"]


def test_fixture_stories_stay_above_the_floor(nlp):
    total, right = _bench("dates_seeds").score_stories(nlp, False)
    assert total >= 60
    assert right / total >= BASELINE["stories_value_accuracy"]


@pytest.mark.skipif(not TEMPEVAL.exists(), reason="TempEval-3 dev data not available")
def test_tempeval_stays_above_the_floor(nlp):
    bench = _bench("dates_tempeval")
    docs = bench.load_docs()
    total, spans, right = bench.score_ours(docs, bench.run_ours(docs, nlp), False)
    assert right / total >= BASELINE["tempeval_value_accuracy"]
    assert spans / total >= BASELINE["tempeval_span_recall"]


# --- events ----------------------------------------------------------------------------

def _events(nlp, text: str, published: date | None = FRIDAY) -> list[EventFact]:
    ctx = _ctx(nlp, text, published)
    return events_from(ctx, find_dates(ctx))


def test_a_date_inside_a_quotation_is_not_an_event_date(nlp):
    text = ('"Let us sign a treaty before the end of this year, without any conditions," '
            "the president told the forum.")
    assert _events(nlp, text) == []


def test_durations_are_not_events(nlp):
    assert _events(nlp, "The two countries have been in dispute for seven decades over the islands.") == []
    assert _events(nlp, "There has been no progress on the issue for more than 70 years, he said.") == []


def test_event_dated_by_its_event_not_by_its_deadline(nlp):
    events = _events(nlp, "The president offered on Wednesday to sign a peace treaty by the end of this year.")
    assert [(e.date, e.kind, e.expression) for e in events] == [("2024-03-13", "current", "Wednesday")]


def test_a_sentence_with_a_planned_date_gives_a_planned_event_too(nlp):
    events = _events(nlp, "An agreement was reached on Wednesday to speed up preparations for "
                          "starting the projects next spring.")
    assert [(e.date, e.kind) for e in events] == [("2024-03-13", "current"), ("2025-SP", "planned")]


def test_history_is_background(nlp):
    events = _events(nlp, "The islands were seized by the army in 1945 after the surrender.")
    assert [(e.date, e.kind) for e in events] == [("1945", "background")]


def test_undated_article_leaves_a_month_pending(nlp):
    events = _events(nlp, "The two leaders met again in the capital in November and agreed to speed up talks.",
                     None)
    assert [(e.date, e.expression) for e in events] == [("", "November")]


def test_kind_of():
    assert kind_of("1945", "past", FRIDAY) == "background"
    assert kind_of("2025-SP", "future", FRIDAY) == "planned"
    assert kind_of("2024-03", "future", FRIDAY) == "planned"  # "later this month"
    assert kind_of("2024-03-13", "past", FRIDAY) == "current"
    assert kind_of("2023", "past", FRIDAY) == "current"


# --- the timeline and undated articles (hand-made facts) ----------------------------------

def _fact(sid: str, published: str | None, *events: EventFact) -> ArticleFacts:
    return ArticleFacts(sid, published, events=list(events))


def _ev(sid: str, when: str, text: str, start: int = 0, kind: str = "current", expr: str = "") -> EventFact:
    return EventFact(when, text, kind, Citation(sid, start, start + len(text)), expr)


OFFER_A = ("The president turned to the premier on a conference stage on Wednesday and offered to sign "
           "a peace treaty by the end of this year to end the hostilities.")
OFFER_B = ("The president, sitting alongside the premier at an economic forum last month, proposed they "
           "conclude an unconditional peace treaty that would end the hostilities.")
OTHER = "The central bank raised interest rates on Wednesday to curb inflation in the capital."


def test_the_same_event_from_two_sources_is_one_entry():
    facts = [_fact("S1", "2018-09-12", _ev("S1", "2018-09-12", OFFER_A), _ev("S1", "2018-09-12", OTHER, 500)),
             _fact("S2", "2018-10-18", _ev("S2", "2018-09", OFFER_B))]
    timeline = build_timeline(facts)
    assert [t.date for t in timeline] == ["2018-09-12", "2018-09-12"]
    offer = next(t for t in timeline if t.text == OFFER_A)
    assert [r.text for r in offer.reports] == [OFFER_B]
    assert offer.reports[0].citations[0].source == "S2"
    other = next(t for t in timeline if t.text == OTHER)
    assert other.reports == []


def test_the_timeline_is_ordered_by_date_with_coarse_dates_first():
    facts = [_fact("S1", "2018-09-12", _ev("S1", "2018-09-12", OTHER), _ev("S1", "2018", OFFER_A, 300),
                   _ev("S1", "1956", "A joint statement was signed in 1956 by both.", 900, "background"))]
    assert [t.date for t in build_timeline(facts)] == ["1956", "2018", "2018-09-12"]


def test_undated_article_estimated_from_the_other_articles():
    pending = _ev("S2", "", "The president caught the premier off guard in September when, on a conference "
                            "stage, he suggested signing a peace treaty by year-end.", expr="September")
    later = _ev("S2", "", "The two met again in November and agreed to speed up negotiations.", 400,
                expr="November")
    old = _ev("S2", "1956", "They agreed to build on a 1956 joint statement.", 800)
    facts = [_fact("S1", "2018-09-12", _ev("S1", "2018-09-12", OFFER_A)), _fact("S2", None, pending, later, old)]
    sources = [Source("S1", "a.txt", published="2018-09-12"), Source("S2", "b.txt")]
    notes = estimate_undated(sources, facts)
    assert sources[1].published is None
    assert sources[1].published_estimate == "after 2018-11"
    assert any("[2]" in n and "after 2018-11" in n for n in notes)
    assert [(e.date, e.estimated, e.kind) for e in facts[1].events] == [
        ("2018-09", True, "current"), ("2018-11", True, "current"), ("1956", False, "background")]


def test_undated_article_estimated_from_its_own_references():
    from briefmemo.extract.facts import DateMention

    said = [DateMention(t, 0, 5, v, "DATE", tense, "rules", Citation("S1", 0, 5))
            for t, v, tense in (("1961", "1961", "past"), ("May 2023", "2023-05", "past"),
                                ("2026", "2026", "future"))]
    sources = [Source("S1", "a.txt")]
    notes = estimate_undated(sources, [ArticleFacts("S1", None, dates=said)])
    assert sources[0].published_estimate == "after 2023-05"  # the future 2026 bounds nothing
    assert "dates it tells of as past" in notes[0]


def test_a_past_date_after_the_date_line_gets_a_note():
    from briefmemo.extract.facts import DateMention

    mention = DateMention("March 2021", 10, 20, "2021-03", "DATE", "past", "rules", Citation("S1", 10, 20))
    facts = [ArticleFacts("S1", "2020-05-01", dates=[mention])]
    notes = estimate_undated([Source("S1", "a.txt", published="2020-05-01")], facts)
    assert len(notes) == 1 and "2020-05-01" in notes[0] and "March 2021" in notes[0]


def test_an_undated_article_tied_to_nothing_gets_no_estimate():
    facts = [_fact("S1", None, _ev("S1", "", "Talks resumed in June after a long pause.", expr="June"))]
    sources = [Source("S1", "a.txt")]
    assert estimate_undated(sources, facts) == []
    assert sources[0].published_estimate is None


# --- the seeds memo ----------------------------------------------------------------------

def test_seeds_timeline_dates_are_memo_dates_in_order(seeds_memo):
    from briefmemo.extract.dates import value_bounds

    dates = [t.date for t in seeds_memo.timeline]
    assert dates and all(ISODATE.match(d) for d in dates)
    starts = [value_bounds(d)[0] for d in dates]
    assert starts == sorted(starts)


def test_seeds_durations_stay_out_of_the_timeline(seeds_memo):
    texts = [t.text for t in seeds_memo.timeline] + [r.text for t in seeds_memo.timeline for r in t.reports]
    assert not any("seven decades" in t for t in texts)


def test_seeds_saturday_is_the_day_after_the_date_line_and_a_note_says_so(seeds_memo):
    # 003 is dated Friday 2017-11-10; "said on Saturday" is the next day (tests/keys/seeds_dates.json)
    entry = next(t for t in seeds_memo.timeline if t.text.endswith("said on Saturday."))
    assert entry.date == "2017-11-11"
    assert any("003_6ebeeed18505d732.txt" in n and "2017-11-10" in n for n in seeds_memo.notes)


def test_seeds_undated_pages_are_estimated_not_dated(seeds_memo):
    by_file = {Path(s.file).name: s for s in seeds_memo.sources}
    late = by_file["004_ca3b18b3347b43dc.txt"]
    # it tells of a September offer (dated 2018-09-12 by 000) and a November meeting after it
    assert (late.published, late.published_estimate) == (None, "after 2018-11")
    early = by_file["001_b5f3d8834ab284f6.txt"]
    assert early.published is None and early.published_estimate == "on or after 2018-09-12"


def test_seeds_offer_is_one_entry_with_several_sources(seeds_memo):
    offer = next(t for t in seeds_memo.timeline if t.date == "2018-09-12" and "on Wednesday" in t.text)
    sources = {c.source for c in offer.citations} | {c.source for r in offer.reports for c in r.citations}
    assert len(sources) >= 3


def test_seeds_event_recall_stays_above_the_floor(seeds_memo):
    total, found, _ = _bench("dates_seeds").score_events(seeds_memo, False)
    assert found / total >= BASELINE["event_recall"]


def test_fixture_stories_event_recall_stays_above_the_floor():
    total, found = _bench("dates_seeds").score_story_events(False)
    assert found / total >= BASELINE["stories_event_recall"]


def test_the_dateline_date_is_no_event(nlp):
    events = _events(nlp, "BRUSSELS, March 24 (Reuters) - The minister said on Thursday that the talks "
                          "would go on.", date(2023, 3, 24))
    assert [e.date for e in events] == ["2023-03-23"]


def test_two_days_told_by_two_verbs_are_two_events(nlp):
    events = _events(nlp, "The two sides dug in on Tuesday over quotas, after the first round of talks "
                          "ended late on Monday without agreement.", date(2023, 3, 7))
    assert sorted(e.date for e in events) == ["2023-03-06", "2023-03-07"]


# --- briefmemo dates ---------------------------------------------------------------------

def test_dates_command_json_offsets_point_into_the_file():
    path = ROOT / "seeds" / "003_6ebeeed18505d732.txt"
    result = CliRunner().invoke(app, ["dates", str(path), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    text = path.read_text(encoding="utf-8")
    assert found and all(text[d["start"]:d["end"]] == d["text"] for d in found)
    assert {"file", "start", "end", "text", "value"} <= set(found[0])
    assert {"Friday night": "2017-11-10TNI", "next spring": "2018-SP"}.items() <= {d["text"]: d["value"]
                                                                                  for d in found}.items()


def test_dates_command_published_overrides_the_file():
    path = ROOT / "seeds" / "004_ca3b18b3347b43dc.txt"
    result = CliRunner().invoke(app, ["dates", str(path), "--published", "2019-01-04"])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if "'later this month'" in ln)
    assert "\t2019-01\tmonth\t" in line


def test_dates_command_rejects_a_bad_date():
    result = CliRunner().invoke(app, ["dates", "seeds", "--published", "4 January"])
    assert result.exit_code == 2


def test_value_bounds_tells_winter_from_a_week():
    from datetime import date

    from briefmemo.extract.dates import value_bounds

    assert value_bounds("2023-WI") == (date(2023, 12, 1), date(2024, 2, 29))
    assert value_bounds("2023-W02") == (date(2023, 1, 9), date(2023, 1, 15))
