"""Line classification on small pages written for each rule: what is kept, what is dropped, why."""

from __future__ import annotations

from collections import Counter

from briefmemo.ingest.lines import classify, split_lines

LEAD = "The city council approved the new budget on Monday after a debate that lasted most of the night."
SECOND = "The mayor said the plan would protect bus services and keep libraries open for another year."


def verdicts(text: str, shared: Counter[str] | None = None) -> dict[str, tuple[str, str]]:
    lines = split_lines(text)
    classify(lines, shared)
    return {ln.text: (ln.verdict, ln.reason) for ln in lines if ln.text}


def test_split_lines_keeps_offsets_for_every_newline_style():
    text = " one \r\ntwo\rthree\n\nfour"
    lines = split_lines(text)
    assert [(ln.number, ln.text) for ln in lines] == [(1, "one"), (2, "two"), (3, "three"), (4, ""), (5, "four")]
    for ln in lines:
        assert text[ln.start:ln.end] == ln.text


def test_article_paragraphs_are_kept_and_a_short_sentence_inside_too():
    v = verdicts(f"{LEAD}\n\n{SECOND}\n\nNobody objected.\n")
    assert {t: x[0] for t, x in v.items()} == {LEAD: "body", SECOND: "body", "Nobody objected.": "body"}


def test_a_sentence_broken_by_the_dump_is_kept_whole():
    v = verdicts(f"{LEAD}\n\nThe vote was close, and the opposition said it would challenge the\n\nresult.\n")
    assert v["result."][0] == "body"


def test_everything_after_a_comments_heading_is_dropped():
    v = verdicts(f"{LEAD}\n\n{SECOND}\n\n3 Comments\n\nI think the council got this one badly wrong again.\n")
    assert v["3 Comments"] == ("noise", "reader-comments marker")
    assert v["I think the council got this one badly wrong again."][0] == "noise"


def test_comments_without_a_heading_end_at_their_first_byline():
    v = verdicts(f"{LEAD}\n\n{SECOND}\n\nsam_r · 5 hours ago\nThe council should have done this years ago, frankly.\n"
                 "Reply · 3 likes\n")
    assert v["The council should have done this years ago, frankly."][0] == "noise"


def test_newsletter_box_paywall_and_share_bar_are_dropped():
    text = (f"Share on Facebook | Twitter | Email\n\n{LEAD}\n\n> **Get the morning briefing**\n"
            "> Our best stories in your inbox every day. No spam.\n\n"
            f"You have read 4 of your 5 free articles this month.\n\n{SECOND}\n")
    v = verdicts(text)
    for line in ("Share on Facebook | Twitter | Email", "> **Get the morning briefing**",
                 "> Our best stories in your inbox every day. No spam.",
                 "You have read 4 of your 5 free articles this month."):
        assert v[line][0] == "noise", line
    assert v[LEAD][0] == v[SECOND][0] == "body"


def test_caption_with_credit_below_and_a_credit_line_are_dropped():
    caption = "The mayor speaks to reporters outside the town hall on Monday."
    v = verdicts(f"{caption}\nPhoto: Jane Roe / City Press\n\n{LEAD}\n\nAnna Berg / Agency\n\n{SECOND}\n")
    assert v[caption] == ("noise", "photo caption or credit")
    assert v["Anna Berg / Agency"][0] == "noise"


def test_copyright_and_wire_sign_off_close_the_article():
    after = "Read our guide to the budget and what it means for your household bills."
    v = verdicts(f"{LEAD}\n\n{SECOND}\n\nReporting by Ann Lee; Editing by Bo Chan\n\n{after}\n")
    assert v["Reporting by Ann Lee; Editing by Bo Chan"][0] == "noise"
    assert v[after] == ("noise", "after the end of the article (comments, widgets)")


def test_headline_and_subheading_without_full_stop_are_not_body():
    v = verdicts(f"Council passes budget after all-night debate\n\n{LEAD}\n\nWhat the budget means for buses\n\n{SECOND}\n")
    assert v["Council passes budget after all-night debate"][0] != "body"
    assert v["What the budget means for buses"][0] != "body"


def test_lines_shared_with_other_files_are_site_furniture_unless_a_run_of_paragraphs():
    appeal = "All of our reporting is free to read, thanks to the support of our readers."
    shared = Counter({appeal: 1, "Town Crier | News | Sport": 1})
    v = verdicts(f"Town Crier | News | Sport\n\n{LEAD}\n\n{appeal}\n\n{SECOND}\n", shared)
    assert v[appeal][0] == "noise" and "files of the folder" in v[appeal][1]
    assert v[LEAD][0] == "body"
    # One agency story on two sites: the shared paragraphs are the story.
    third = "Opposition members said they would try to amend the plan when it returns next month."
    copy = Counter({LEAD: 1, SECOND: 1, third: 1})
    v = verdicts(f"{LEAD}\n\n{SECOND}\n\n{third}\n", copy)
    assert all(verdict == "body" for verdict, _ in v.values())


def test_in_article_promotions_are_dropped():
    v = verdicts(f"{LEAD}\n\nStory continues below advertisement\n\nALSO READ: Council tax to rise again\n\n{SECOND}\n")
    assert v["Story continues below advertisement"][0] == "noise"
    assert v["ALSO READ: Council tax to rise again"][0] == "noise"
    assert v[SECOND][0] == "body"
