"""Property tests: whatever a source says, the Markdown escape leaves nothing active."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefmemo.render.environment import md_escape

ACTIVE = "\\`*_{}[]<>#+!|~"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(ACTIVE) + list("ab c\n\t&;:/()")), max_size=80))
def test_every_markdown_special_is_escaped(text):
    out = md_escape(text)
    assert "\n" not in out and "\t" not in out
    # Strip escaped pairs; no active character may remain bare.
    assert not re.search(r"[" + re.escape(ACTIVE) + r"]", re.sub(r"\\.", "", out))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_escaping_keeps_the_words(text):
    unescaped = re.sub(r"\\(.)", r"\1", md_escape(text)).replace("&amp;", "&")
    assert unescaped == re.sub(r"\s+", " ", text).strip()
