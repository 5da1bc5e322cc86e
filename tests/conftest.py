"""Shared fixtures: one spaCy pipeline and one seeds memo per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
KEYS = Path(__file__).resolve().parent / "keys"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_key(name: str) -> dict | list:
    return json.loads((KEYS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from briefmemo.annotate import load_model

    return load_model()


@pytest.fixture(scope="session")
def seeds_memo():
    from briefmemo import build_memo

    return build_memo([SEEDS])


@pytest.fixture(scope="session")
def seeds_outputs(seeds_memo, tmp_path_factory):
    from briefmemo import render_memo

    out = tmp_path_factory.mktemp("out")
    render_memo(seeds_memo, out)
    return out
