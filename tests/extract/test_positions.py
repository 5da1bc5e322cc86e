"""Positions: which sentences state a stance, who holds it, and when it was stated."""

from __future__ import annotations

from pathlib import Path

from briefmemo.extract import extract_article
from briefmemo.ingest import load_article

# Ingest wants a body of some length; this paragraph states nothing anyone wants.
FILLER = (
    "The meeting took place in a large conference hall near the old harbour, where the two "
    "delegations sat for a second day of technical discussions about fishing and water."
)


def _facts(nlp, tmp_path: Path, body: str, published: str = "March 7, 2023"):
    path = tmp_path / "story.txt"
    path.write_text(f"Talks story\n\nBy Jo Reporter\n\n{published}\n\n{body}\n\n{FILLER}\n", encoding="utf-8")
    article = load_article(path, "S1")
    return article, extract_article(article, nlp(article.body))


def test_the_holder_is_who_said_it_not_the_previous_subject(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "Moscow suggested a treaty without preconditions. "
        "But Tokyo later said it still wants the islands back first.",
    )
    holders = {p.holder for p in facts.positions if "wants the islands" in p.text}
    assert holders == {"Tokyo"}


def test_a_role_phrase_with_a_nationality_holds_a_position_for_its_side(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "A Morlandic government spokesman said Port Anselm would respond "
        "proportionately to any port closure.",
    )
    spokesman = [p for p in facts.positions if p.holder == "A Morlandic government spokesman"]
    assert spokesman and spokesman[0].side == "Morlandic"


def test_the_date_is_when_it_was_said_not_another_date_of_the_sentence(nlp, tmp_path):
    # Published Tuesday 2023-03-07; "on Monday" is the 6th; "in January" is the accord's.
    _, facts = _facts(
        nlp,
        tmp_path,
        "Vestrian Fisheries Minister Ingrid Salvesen said on Monday that her "
        "government would not renew the accord, which expired in January.",
    )
    (position,) = facts.positions
    assert position.holder == "Ingrid Salvesen" and position.date == "2023-03-06"


def test_a_party_stating_its_line_in_a_quotation_is_the_speakers_position(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "Darsanian Energy Minister Rustam Achilov spoke in Merovac on Tuesday.\n\n"
        'He added: "But a drought protocol is not a quota. Darsana will not '
        'accept a fixed share of its own river."',
    )
    held = {p.holder for p in facts.positions if "will not accept a fixed share" in p.text}
    assert held == {"Rustam Achilov"}


def test_facts_are_not_positions_and_citations_hold_the_sentence(nlp, tmp_path):
    article, facts = _facts(
        nlp,
        tmp_path,
        "The talks broke down in April. Qalira demanded on Tuesday a legally binding guarantee of water.",
    )
    assert [p.holder for p in facts.positions] == ["Qalira"]
    for p in facts.positions:
        assert p.text in article.text[p.citation.start : p.citation.end]


def test_each_party_of_a_shared_stance_holds_it(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "The projects include aquaculture and wind power. While Russia is eager to develop its "
        "Far East, Japan hopes that carrying out the projects will pave the way toward settling "
        "the long-running dispute.\n\nEarlier this week in Tokyo, Japanese Prime Minister Shinzo Abe "
        "and U.S. President Donald Trump agreed to maximize pressure on North Korea.",
    )
    by_text = {}
    for p in facts.positions:
        by_text.setdefault(p.text[:20], set()).add(p.holder)
    assert {"Russia", "Japan"} <= by_text["While Russia is eage"]
    assert {"Shinzo Abe", "Donald Trump"} <= by_text["Earlier this week in"]


def test_third_party_speculation_is_not_the_named_partys_position(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "Others doubt Jonas Weller really wants any agreement, partly because voters oppose it. "
        "Weller may be open to a deal now, some analysts say. "
        "Northland rejected the latest draft on Monday.",
    )
    assert [(p.holder, p.text[:18]) for p in facts.positions] == [("Northland", "Northland rejected")]


def test_a_wish_about_speaking_is_not_a_position(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        '"I don\'t want to comment on what the president said," Northland\'s foreign minister Jonas Weller said. '
        '"I want to say that there are many questions," Weller told reporters.',
    )
    assert facts.positions == []


def test_a_threat_in_a_relative_clause_of_time_is_background(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "The dispute began last year and escalated in March, when Southland threatened to ban "
        "Northland's boats. Southland on Friday rejected the new proposal.",
    )
    assert [p.text[:19] for p in facts.positions] == ["Southland on Friday"]


def test_a_role_phrase_inside_reported_speech_holds_its_own_stance(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "Northland Prime Minister Jonas Weller met Southland President Maria Costa on Monday. "
        "Costa said she had discussed her plan with Weller and that the Northland prime minister "
        'had called the approach "unacceptable".',
    )
    holders = {p.holder for p in facts.positions if "unacceptable" in p.text}
    assert holders == {"Jonas Weller"}


def test_the_leader_of_a_country_is_its_head_of_government_not_another_official(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "Northland Prime Minister Jonas Weller flew to the talks on Sunday. "
        "Northland's Chief Cabinet Secretary Anna Berg spoke to reporters in the capital. "
        "The Northland leader has said a deal would unlock trade.",
    )
    holders = {p.holder for p in facts.positions if p.text.startswith("The Northland leader")}
    assert holders == {"Jonas Weller"}


def test_discussing_a_proposal_is_not_stating_one_and_the_adder_is_the_subject(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "Northland Prime Minister Jonas Weller met Southland President Maria Costa on Monday. "
        "Costa said she had discussed her proposal with Weller and that the Northland prime minister "
        'had called it a mistake, adding "that we must first settle the border."',
    )
    holders = {p.holder for p in facts.positions if "discussed her proposal" in p.text}
    assert holders == {"Jonas Weller"}


def test_a_negated_fact_or_adverbial_in_a_report_is_not_a_refusal(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        "There had been no progress on the issue for years, Jonas Weller said. "
        "Weller said the two nations had been cooperating over the past year as never before. "
        "Weller said Northland would not sign the draft.",
    )
    assert [p.text[:25] for p in facts.positions] == ["Weller said Northland wou"]


def test_words_a_speaker_reports_from_someone_else_are_not_the_speakers_stance(nlp, tmp_path):
    _, facts = _facts(
        nlp,
        tmp_path,
        'Southland President Maria Costa spoke on Monday. "Jonas said let\'s change approaches," Costa said. '
        '"Let\'s conclude a treaty before the end of this year," Costa said.',
    )
    assert [p.text[:5] for p in facts.positions if p.holder == "Maria Costa"] == ['"Let\'']
