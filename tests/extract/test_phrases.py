"""Issue phrases: content terms, named agreements, cues of dispute, pending business, status."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefmemo.extract.context import ArticleContext, parse_iso
from briefmemo.extract.phrases import (
    _circumstantial,
    agreement_key,
    chunk_terms,
    find_phrases,
    sentence_status,
    stem,
)
from briefmemo.ingest import load_article


def _chunk(nlp, sentence: str, text: str):
    doc = nlp(sentence)
    return next(c for c in doc.noun_chunks if c.text == text)


def test_issue_words_leave_the_topic_in_their_modifier_or_complement(nlp):
    # "question", "dispute" say only that something is contested; the topic is elsewhere.
    assert chunk_terms(_chunk(nlp, "The question of sovereignty must be settled first.",
                              "The question"))[0] == [stem("sovereignty")]
    assert chunk_terms(_chunk(nlp, "The border dispute has dragged on for years.",
                              "The border dispute"))[0] == ["border"]


def test_generic_news_words_are_not_terms(nlp):
    for sentence, chunk in [("The talks ended on Monday.", "The talks"),
                            ("Officials met reporters after the meeting.", "the meeting")]:
        assert chunk_terms(_chunk(nlp, sentence, chunk))[0] == []


def test_variants_of_one_named_agreement_share_a_key(nlp):
    keys = {agreement_key(_chunk(nlp, s, c)) for s, c in [
        ("Talks were based on a 1961 joint statement.", "a 1961 joint statement"),
        ("They invoked the 1961 declaration.", "the 1961 declaration"),
    ]}
    assert keys == {"agreement:1961"}
    assert agreement_key(_chunk(nlp, "They want a peace treaty.", "a peace treaty")) is None


def test_the_treaty_after_a_named_one_refers_to_it(nlp):
    doc = nlp("The 1987 Harbour Accord set the quotas. The accord lapsed in January.")
    named: dict[str, str] = {}
    first, second = [c for c in doc.noun_chunks if "ccord" in c.text]
    assert chunk_terms(first, named) == (["agreement:1987"], True)
    assert chunk_terms(second, named) == (["agreement:1987"], True)


def test_a_place_of_the_story_is_setting_not_topic(nlp):
    doc = nlp("The minister spoke in the western city of Lyon about fishing quotas.")
    chunks = {c.text: c for c in doc.noun_chunks}
    assert _circumstantial(chunks["the western city"])
    assert not _circumstantial(chunks["fishing quotas"])


@pytest.mark.parametrize("text, status", [
    ("The talks have stalled over the border.", "stalled"),
    ("The plan has been stymied for decades by a row over the river.", "stalled"),
    ("Darsana rejected any binding quota.", "rejected"),
    ("They agreed to speed up negotiations on the accord.", "speeding up"),
    ("Both sides agreed to set up a joint panel.", "agreed"),
    ("The two sides have yet to agree on access to the zone.", None),
    ("The countries failed to agree on an extension.", None),
])
def test_status_as_the_sentence_states_it(text, status):
    assert sentence_status(text) == status


def test_pending_business_marks_what_is_pending(nlp, tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Harbour talks end with outline deal\n\n"
        "By Jo Reporter\n\nMarch 3, 2023\n\n"
        "The two neighbours initialed an outline deal on fishing on Monday. "
        "Still unresolved is the demand for a transition fund for coastal towns. "
        "The agreement must still be ratified by the national parliament.\n", encoding="utf-8")
    article = load_article(path, "S1")
    doc = nlp(article.body)
    phrases = find_phrases(ArticleContext(article, doc, parse_iso(article.source.published)), [])
    fund = next(p for p in phrases if stem("fund") in p.terms)
    assert fund.pending and fund.focus
    ratify = next(p for p in phrases if stem("ratify") in p.terms)
    assert ratify.surface.startswith("ratified by") and stem("parliament") in ratify.terms
    for p in phrases:  # every phrase cites the sentence it came from
        assert article.text[p.citation.start:p.citation.end].strip() == p.text


def test_x_is_a_y_links_the_two_names_of_one_thing(nlp, tmp_path: Path):
    path = tmp_path / "dam.txt"
    path.write_text("Dam row deepens as neighbours trade charges\n\nBy Jo Reporter\n\nMarch 3, 2023\n\n"
                    "The new dam is the largest infrastructure project in the region. "
                    "Officials downstream rejected any change to the reservoir on Monday. "
                    "Talks between the two governments are due to resume next week.\n", encoding="utf-8")
    article = load_article(path, "S1")
    phrases = find_phrases(ArticleContext(article, nlp(article.body), parse_iso(article.source.published)), [])
    project = next(p for p in phrases if stem("project") in p.terms)
    assert stem("dam") in project.terms
    reservoir = next(p for p in phrases if stem("reservoir") in p.terms)
    assert reservoir.focus and reservoir.cue and reservoir.status == "rejected"
