"""Ingest against the hand-written keys: floors under today's figures (tests/ingest/baseline.json).

The figures come from benchmarks/ingest_keys.py, which prints them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))


def _benchmark():
    spec = importlib.util.spec_from_file_location("ingest_keys", ROOT / "benchmarks" / "ingest_keys.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, float]]:
    return _benchmark().measure()


@pytest.mark.parametrize("corpus", ["seeds", "pages", "own_pages", "stories", "multinews"])
def test_figures_stay_above_the_floors(figures, corpus):
    if corpus not in figures:
        pytest.skip("shared/eval/multinews is not beside the repository")
    below = {name: (figures[corpus].get(name), floor) for name, floor in BASELINE[corpus].items()
             if figures[corpus].get(name, 0.0) < floor}
    assert below == {}, f"{corpus}: (figure, floor) under the floor: {below}"


def test_seeds_every_field_and_every_body_line_right(figures):
    # The goal, stated on its own so that a regression names itself.
    assert all(value == 1.0 for value in figures["seeds"].values()), figures["seeds"]
