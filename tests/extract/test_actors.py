"""Actors: roles and side evidence from titles and appositions; side links from the text."""

from __future__ import annotations

from pathlib import Path

from briefmemo.extract.actors import find_actors, person_spans
from briefmemo.extract.context import ArticleContext, parse_iso
from briefmemo.extract.sides import find_side_links
from briefmemo.ingest import load_article

# Ingest wants a body of some length; this paragraph states nothing anyone wants.
FILLER = (
    "The meeting took place in a large conference hall near the old harbour, where the two "
    "delegations sat for a second day of technical discussions about fishing and water."
)


def _ctx(nlp, tmp_path: Path, body: str, published: str = "March 7, 2023") -> ArticleContext:
    path = tmp_path / "story.txt"
    path.write_text(f"Talks story\n\nBy Jo Reporter\n\n{published}\n\n{body}\n\n{FILLER}\n", encoding="utf-8")
    article = load_article(path, "S1")
    return ArticleContext(article, nlp(article.body), parse_iso(article.source.published))


def _actor(actors, name):
    return next(a for a in actors if a.name == name)


def test_a_nationality_title_is_the_role_and_a_side_vote(nlp, tmp_path):
    ctx = _ctx(
        nlp,
        tmp_path,
        "Vestrian Fisheries Minister Ingrid Salvesen said on Monday that her "
        "government would not renew the accord. Salvesen told reporters the gap was large.",
    )
    salvesen = _actor(find_actors(ctx), "Ingrid Salvesen")
    assert salvesen.role == "Vestrian Fisheries Minister"
    assert "Vestrian" in salvesen.side_votes
    assert {"Salvesen", "Vestrian Fisheries Minister Ingrid Salvesen"} <= salvesen.aliases


def test_appositions_give_the_side_but_a_former_post_does_not(nlp, tmp_path):
    ctx = _ctx(
        nlp,
        tmp_path,
        "EU special envoy Lucia Ferrante, a former Italian fisheries negotiator, "
        'is chairing the talks. "It is hard," said Samir Othmani, Qalira\'s irrigation minister.',
    )
    actors = find_actors(ctx)
    ferrante = _actor(actors, "Lucia Ferrante")
    assert "EU" in ferrante.side_votes and "Italian" not in ferrante.side_votes
    assert "Qalira" in _actor(actors, "Samir Othmani").side_votes


def test_a_spokeswoman_sides_with_the_person_she_speaks_for(nlp, tmp_path):
    ctx = _ctx(
        nlp,
        tmp_path,
        "Maritime Affairs Minister Edwin Carrow called the threat blackmail. "
        '"We will not negotiate," Carrow\'s spokeswoman, Rachel Osei, told AFP.',
    )
    osei = _actor(find_actors(ctx), "Rachel Osei")
    # as the person, or as the surname where the tagger took it for an organisation
    assert {"person:Edwin Carrow", "Carrow"} & set(osei.side_votes)


def test_a_country_that_owns_an_office_is_not_a_person(nlp):
    doc = nlp('"It is hard," said Samir Othmani, Qalira\'s irrigation minister.')
    assert [s.text for s in person_spans(doc)] == ["Samir Othmani"]


def test_the_text_ties_seats_of_power_and_cities_to_their_party(nlp, tmp_path):
    ctx = _ctx(
        nlp,
        tmp_path,
        "PORT ANSELM, Morland (AP) - The two sides met on Monday.\n\n"
        "The Kestel Palace, the seat of Darsana's presidency, said in a statement that the "
        "president had approved the proposal.\n\n"
        "But soon after, a Japanese government spokesman in Tokyo said Japan wants the islands back.",
    )
    links = {(link.term, link.target) for link in find_side_links(ctx)}
    assert ("Port Anselm", "Morland") in links
    assert ("Kestel Palace", "Darsana") in links
    assert ("Tokyo", "Japanese") in links
