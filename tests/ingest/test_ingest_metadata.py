"""Metadata finders on lines written for each case (values worked out by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefmemo.ingest import load_articles
from briefmemo.ingest.metadata import combine_outlet, parse_date
from briefmemo.ingest.outlets import find_agency, site_from_domain

BODY = ("The two companies said on Tuesday that they had agreed to merge their shipping arms, creating "
        "the region's largest ferry operator.\n\nThe deal still needs the approval of competition "
        "regulators, which could take until the end of the year.\n")


@pytest.mark.parametrize("text, hint, expected", [
    ("Published: 12 March 2024", None, "2024-03-12"),
    ("March 24, 2023 6:42 AM GMT+1 Updated 2 hours ago", None, "2023-03-24"),
    ("Published on 10/03/2023 - 14:32 GMT", (3, 10), "2023-03-10"),  # day first, as the dateline says
    ("Published on 10/03/2023 - 14:32 GMT", (10, 3), "2023-10-03"),
    ("Published on 10/03/2023", None, None),  # could be either: no guess
    ("Posted 25/12/2023", None, "2023-12-25"),
    ("https://example.com/news/2021/07/04/story", None, "2021-07-04"),
])
def test_parse_date(text, hint, expected):
    assert parse_date(text, hint) == expected


def test_agencies_and_outlet_combination():
    assert find_agency("© 2023 Agence France-Presse") == "AFP"
    assert find_agency("Copyright 2024 The Associated Press. All rights reserved.") == "AP"
    assert find_agency("a map of the area") is None
    assert combine_outlet("The Daily Example", "Reuters") == "The Daily Example (Reuters)"
    assert combine_outlet(None, "AP") == "AP"
    assert combine_outlet("Reuters", "Reuters") == "Reuters"


def test_site_names_from_domains():
    assert site_from_domain("thedailyexample.com", "nothing here") == "The Daily Example"
    assert site_from_domain("gridwatch.example", "Get GridWatch in your inbox") == "GridWatch"


def _one(tmp_path: Path, text: str):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return load_articles([tmp_path / "a.txt"]).articles[0].source


def test_wire_byline_in_capitals_and_inline_dateline(tmp_path):
    s = _one(tmp_path, "Ferry firms agree to merge shipping arms\n\nBy MARIA LOPEZ and TOM ECK\n"
                       "Published 5:14 AM GMT+2, April 18, 2023\n\n"
                       "PORT MARA, Westland (AP) — " + BODY)
    assert s.title == "Ferry firms agree to merge shipping arms"
    assert s.authors == ["Maria Lopez", "Tom Eck"]
    assert s.dateline == "PORT MARA, Westland"
    assert s.published == "2023-04-18"
    assert s.outlet == "AP"


def test_caption_date_is_not_the_publication_date(tmp_path):
    s = _one(tmp_path, "Ferry firms agree to merge shipping arms\n\n"
                       "The chief executives shake hands in Port Mara on March 3, 2021\nReuters\n\n" + BODY)
    assert s.published is None
    assert s.outlet is None  # "Reuters" under a caption credits the photo, not the text


def test_a_dateline_without_year_takes_the_year_from_the_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Ferry firms agree to merge shipping arms\n\nPublished: 2024-10-15\n\n"
                                    + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Regulators open inquiry into ferry merger\n\nMERA, Nov 8 (AFP) - " + BODY,
                                    encoding="utf-8")
    sources = [a.source for a in load_articles([tmp_path / "a.txt", tmp_path / "b.txt"]).articles]
    assert [s.published for s in sources] == ["2024-10-15", "2024-11-08"]
    assert sources[1].outlet == "AFP"


def test_front_matter_keys_of_blog_engines(tmp_path):
    s = _one(tmp_path, "---\nheadline: 'Ferry firms agree to merge'\npublished: 2024-06-02\n"
                       "authors: [Ann Lee, Bo Chan]\ncanonical_url: https://ferries.example/merge\n"
                       "site_name: Ferry Weekly\n---\n\n" + BODY)
    assert (s.title, s.published, s.authors) == ("Ferry firms agree to merge", "2024-06-02", ["Ann Lee", "Bo Chan"])
    assert (s.url, s.outlet) == ("https://ferries.example/merge", "Ferry Weekly")


def test_a_sentence_broken_across_paragraphs_is_rejoined_in_the_body(tmp_path):
    text = ("Ferry firms agree to merge shipping arms\n\nThe two companies said on Tuesday that they had agreed"
            " to merge their shipping arms, creating what the regulator called the\n\nlargest ferry operator "
            "in the region by a wide margin, ahead of the state line.\n\n" + BODY)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = load_articles([tmp_path / "a.txt"]).articles[0]
    assert "called the largest ferry operator" in article.body
    start = article.body.index("called the largest")
    o_start, o_end = article.span_to_original(start, start + len("called the largest"))
    assert article.text[o_start:o_end] == "called the\n\nlargest"


def test_a_standfirst_naming_an_event_date_is_not_the_publication_date(tmp_path):
    s = _one(tmp_path, "Ferry firms agree to merge shipping arms\n\nThe merger, first proposed on March 3, 2021, "
                       "would create the region's largest operator if regulators agree to it\n\n" + BODY)
    assert s.published is None


def test_published_beats_updated(tmp_path):
    s = _one(tmp_path, "Ferry firms agree to merge shipping arms\n\nUpdated 5 June 2024\nPublished 4 June 2024\n\n"
             + BODY)
    assert s.published == "2024-06-04"


def test_a_dateline_line_with_its_wire_credit(tmp_path):
    s = _one(tmp_path, "Ferry firms agree to merge shipping arms\n\nBUFFALO, N.Y. (AP) --\n\n" + BODY)
    assert (s.title, s.dateline, s.outlet) == ("Ferry firms agree to merge shipping arms", "BUFFALO, N.Y.", "AP")
