"""Encodings a user is likely to have: the same text comes out, curly quotes and names intact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefmemo.errors import BadSourceError
from briefmemo.ingest import load_article
from briefmemo.ingest.decode import decode_bytes

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
TEXT = ("Talks end without a deal\n\nOfficials from Łódź and Zürich said on Tuesday that the talks “had run "
        "their course” — for now — and that Dmitry Sokolov (Дмитрий Соколов) would report to ministers.\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_round_trip(encoding):
    data = TEXT.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + TEXT).encode(encoding)  # with a BOM, as editors write it
    assert decode_bytes(data) == TEXT


def test_cp1252_and_latin1_bytes_are_read_as_windows_text():
    western = "The minister’s “final offer” – rejected by Chloé Marchand – was worth €3m."
    assert decode_bytes(western.encode("cp1252")) == western
    latin = "Señor Peña said the café in Málaga would stay open, and the deal was à la carte."
    assert decode_bytes(latin.encode("latin-1")) == latin


@pytest.mark.parametrize("name", ["cp1252.txt", "utf16.txt"])
def test_encoded_fixture_pages_keep_their_sentence_in_the_body(name):
    key = json.loads((PAGES / f"{name}.key.json").read_text(encoding="utf-8"))
    article = load_article(PAGES / name, "S1")
    assert key["sentence"] in article.body
    assert article.source.title == key["title"]
    assert article.source.published == key["published"]


@pytest.mark.parametrize("data, reason", [(b"", "empty file"), (b" \n\t\n", "empty file"),
                                          (bytes(range(256)) * 40, "binary file")])
def test_empty_and_binary_content_is_refused_with_a_reason(data, reason):
    with pytest.raises(BadSourceError, match=reason):
        decode_bytes(data, "x.txt")
