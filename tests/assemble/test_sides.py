"""Sides: gazetteer, what the text teaches, the config file, shifts; floors on the keys."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from briefmemo.assemble.sides import SideResolver, mark_shifts
from briefmemo.extract.facts import ActorFact, ArticleFacts, PositionFact, SideLink
from briefmemo.model import Citation, Position

ROOT = Path(__file__).resolve().parents[2]
BASELINE = json.loads((ROOT / "tests" / "extract" / "actors_baseline.json").read_text(encoding="utf-8"))
CITE = Citation("S1", 0, 1)


def _benchmark():
    """The scoring of benchmarks/actors_positions.py, so test and benchmark agree."""
    spec = importlib.util.spec_from_file_location(
        "actors_positions", ROOT / "benchmarks" / "actors_positions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _facts(positions=(), votes=None, links=(), names=()) -> list[ArticleFacts]:
    f = ArticleFacts("S1", "2023-03-07")
    f.positions = [PositionFact(h, s, "text", None, CITE) for h, s in positions]
    f.actors = [ActorFact("Jo Doe", side_votes=dict(votes or {}))] + [
        ActorFact(n, kind="place") for n in names
    ]
    f.side_links = list(links)
    return [f]


def test_countries_capitals_and_nationality_words_come_from_the_gazetteer():
    r = SideResolver([], {})
    assert r.side_of("Russian") == r.side_of("Moscow") == r.side_of("Russia's") == "Russia"
    assert r.side_of("Tokyo") == r.side_of("Japanese") == "Japan"
    assert r.side_of("Washington") == r.side_of("U.S.") == "United States"
    assert r.side_of("Fisheries") is None


def test_the_config_file_wins_over_the_gazetteer():
    assert SideResolver([], {"Moscow": "Northland"}).side_of("Moscow") == "Northland"


def test_nationality_words_and_acronyms_are_learned_from_the_articles():
    facts = _facts(
        positions=[("Vestria", "Vestria")],
        votes={"Vestrian": 3.0, "EU": 3.0},
        names=["European Union", "European Commission"],
    )
    r = SideResolver(facts, {})
    assert r.side_of("Vestrian") == "Vestria"
    assert r.side_of("EU") == "European Union"
    assert r.side_of("European Commission") == "European Union"


def test_a_place_the_text_ties_to_a_party_stands_for_it():
    facts = _facts(
        positions=[("Vestria", "Vestria")],
        votes={"Vestrian": 3.0},
        links=[SideLink("Aldhaven", "Vestrian", "seat-apposition", 3.0)],
    )
    assert SideResolver(facts, {}).side_of("Aldhaven") == "Vestria"


def test_a_later_position_that_contradicts_an_earlier_one_is_marked():
    before = Position("Carrow said the 44 percent share was not up for negotiation.", "2023-03-07", [CITE])
    after = Position(
        "Carrow said Morland could accept a share below its 44 percent if the cut was phased.",
        "2023-03-23",
        [CITE],
    )
    mark_shifts([after, before], {"Carrow", "Morland"})
    assert after.note and after.note.startswith("changed since 2023-03-07")
    assert before.note is None


def test_a_repeated_position_is_not_a_shift():
    first = Position("Japan will not sign a treaty before the islands are returned.", "2018-09-12", [CITE])
    again = Position(
        "Japan repeated it would not sign a treaty before the islands are returned.", "2018-10-18", [CITE]
    )
    mark_shifts([first, again], {"Japan"})
    assert again.note is None


@pytest.fixture(scope="module")
def story_memos(nlp):
    from briefmemo import build_memo

    stories = sorted((ROOT / "tests" / "fixtures" / "stories").glob("*/key.json"))
    return {
        p.parent.name: (build_memo([p.parent]), json.loads(p.read_text(encoding="utf-8"))) for p in stories
    }


def _check(figures: dict, floors: dict) -> None:
    for name, floor in floors.items():
        assert figures[name] >= floor, f"{name} fell to {figures[name]:.2f} (floor {floor})"


def test_seeds_stay_above_the_floors(seeds_memo):
    key = json.loads((ROOT / "tests" / "keys" / "seeds_actors.json").read_text(encoding="utf-8"))
    _check(_benchmark().evaluate(seeds_memo, key), BASELINE["seeds"])


def test_stories_stay_above_the_floors(story_memos):
    bench = _benchmark()
    for name, (memo, key) in story_memos.items():
        _check(bench.evaluate(memo, key), BASELINE[name])


def test_sides_group_actors_and_their_positions_newest_first(story_memos):
    memo, _ = story_memos["grey_bank_mackerel"]
    sides = {s.name: s for s in memo.sides}
    assert {"Vestria", "Morland"} <= set(sides)
    assert "Port Anselm" in sides["Morland"].aliases  # from the dateline "PORT ANSELM, Morland"
    assert "Ingrid Salvesen" in sides["Vestria"].actors and "Edwin Carrow" in sides["Morland"].actors
    dates = [p.date for p in sides["Morland"].positions if p.date]
    assert dates == sorted(dates, reverse=True)
    assert any(p.note for p in sides["Morland"].positions)  # the minister's change of tone


def test_the_config_file_sets_an_actors_side(nlp):
    from briefmemo import build_memo
    from briefmemo.config import Config

    folder = ROOT / "tests" / "fixtures" / "stories" / "grey_bank_mackerel"
    memo = build_memo(
        [folder], config=Config(sides={"Lucia Ferrante": "Mediators", "Mediators": "Mediators"})
    )
    ferrante = next(a for a in memo.actors if a.name == "Lucia Ferrante")
    assert ferrante.side == "Mediators"
    assert "Lucia Ferrante" in next(s for s in memo.sides if s.name == "Mediators").actors


def test_fictional_capitals_are_learned_from_what_the_text_says(story_memos):
    # "the government in Merovac", "The Kestel Palace, the seat of Darsana's presidency",
    # "Sefra gave a guarded response. Qaliran Foreign Minister Nadia Benali said ..."
    memo, _ = story_memos["selva_dam_water"]
    sides = {s.name: s for s in memo.sides}
    assert {"Merovac", "Kestel Palace", "Darsanian"} <= set(sides["Darsana"].aliases)
    assert {"Sefra", "Qaliran"} <= set(sides["Qalira"].aliases)
    assert sides["United Nations"].aliases == ["U.N."]


def test_config_aliases_and_sides_are_read_and_checked(tmp_path):
    from briefmemo.config import load_config
    from briefmemo.errors import ConfigError

    path = tmp_path / "briefmemo.toml"
    path.write_text(
        '[aliases]\n"the minister" = "Jane Doe"\n\n'
        '[sides]\nNorthland = ["Jane Doe", "the Palace"]\nSouthland = "Port City"\n',
        encoding="utf-8",
    )
    cfg = load_config(path)
    assert cfg.aliases == {"the minister": "Jane Doe"}
    assert cfg.sides == {
        "Jane Doe": "Northland",
        "the Palace": "Northland",
        "Northland": "Northland",
        "Port City": "Southland",
        "Southland": "Southland",
    }
    # a seat of power no gazetteer knows, set in the config, resolves however it is written
    assert SideResolver([], cfg.sides).side_of("Palace") == "Northland"
    for bad in (
        '[aliases]\n"the minister" = 3\n',
        "[sides]\nNorthland = [1, 2]\n",
        '[sides]\nNorthland = ["Jane Doe"]\nSouthland = ["Jane Doe"]\n',
    ):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ConfigError):
            load_config(path)
