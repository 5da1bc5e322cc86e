"""Whatever a page holds, ingest either refuses it with a reason or keeps exact offsets."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefmemo.errors import BadSourceError
from briefmemo.ingest import RawSource, build_article

LINES = [
    "The council approved the budget on Monday after a debate that lasted most of the night.",
    "“We did what we had to,” the mayor said, “and nobody enjoyed it.”",
    "Nobody objected.", "Share on Facebook | Twitter | Email", "12 Comments", "0 ( +3 / -1 )",
    "© 2024 Example Media Ltd.", "By Ann Lee and Bo Chan", "PORT MARA, Westland", "Photo: Jane Roe / Agency",
    "and the talks continued until", "late on Tuesday.", "# Heading", "> Get our newsletter in your inbox",
    "Source: <https://www.example-news.example/a/b>", "Дмитрий Соколов said the deal was “not closed”.",
    "", "   ", "\t", "---", "title: x",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(LINES) | st.text(max_size=40), max_size=40),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_ingest_refuses_or_keeps_exact_offsets(lines, newline):
    text = newline.join(lines)
    try:
        article, _ = build_article(RawSource(Path("x.txt"), text, {}, False, ""), "S1", {})
    except BadSourceError as exc:
        assert str(exc).startswith("x.txt: ")
        return
    m = article.offsets
    for clean, orig, length in zip(m.clean_starts, m.orig_starts, m.lengths):
        assert article.body[clean:clean + length] == text[orig:orig + length]
    for ln in article.lines:
        assert text[ln.start:ln.end] == ln.text
