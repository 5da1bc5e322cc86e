"""Body offsets map back exactly into the file as read, across rejoined lines too."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefmemo.ingest import load_articles

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    p for p in (ROOT / "tests" / "fixtures" / "pages").iterdir() if not p.name.endswith(".json"))


@pytest.fixture(scope="module")
def articles():
    return load_articles(FILES).articles


def test_every_body_piece_is_verbatim_in_the_original(articles):
    assert len(articles) == 10
    for a in articles:
        m = a.offsets
        for clean, orig, length in zip(m.clean_starts, m.orig_starts, m.lengths):
            assert a.body[clean:clean + length] == a.text[orig:orig + length]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_span_inside_a_piece_maps_to_the_same_text(articles, data):
    a = data.draw(st.sampled_from(articles))
    i = data.draw(st.integers(0, len(a.offsets.clean_starts) - 1))
    start0, length = a.offsets.clean_starts[i], a.offsets.lengths[i]
    start = data.draw(st.integers(start0, start0 + length - 1))
    end = data.draw(st.integers(start + 1, start0 + length))
    o_start, o_end = a.span_to_original(start, end)
    assert a.text[o_start:o_end] == a.body[start:end]


def test_a_rejoined_sentence_is_cited_across_the_break(articles):
    # seeds 004 lines 25/27: '"We both do not want ... Abe said on' + 'Friday.' (checked by hand).
    a = next(x for x in articles if x.path.endswith("004_ca3b18b3347b43dc.txt"))
    sentence = "“We both do not want this to drag out into another generation,” Abe said on Friday."
    start = a.body.index(sentence)
    o_start, o_end = a.span_to_original(start, start + len(sentence))
    cited = a.text[o_start:o_end]
    assert cited.startswith("“We both") and cited.endswith("on\n\nFriday.")
