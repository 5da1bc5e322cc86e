"""The seeds' memo, built and rendered end to end: four files, every section, every citation."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pypdf

from briefmemo.verify import check_citations, source_texts

SECTIONS = ["Summary", "Sides and positions", "Quotes", "Timeline", "Open issues", "Sources"]
SCHEMA = Path(__file__).resolve().parent.parent / "src" / "briefmemo" / "memo.schema.json"


def test_four_files_written(seeds_outputs):
    for name in ("memo.md", "memo.html", "memo.pdf", "memo.json"):
        assert (seeds_outputs / name).stat().st_size > 1000, name


def test_markdown_has_every_section_in_order(seeds_outputs):
    md = (seeds_outputs / "memo.md").read_text(encoding="utf-8")
    positions = [md.index(f"## {s}\n") for s in SECTIONS]
    assert positions == sorted(positions)
    assert md.startswith("# ")


def test_pdf_opens_and_holds_the_headings(seeds_outputs):
    reader = pypdf.PdfReader(seeds_outputs / "memo.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2
    for heading in SECTIONS:
        assert heading in text, heading


def test_json_validates_against_the_contract_schema(seeds_outputs):
    data = json.loads((seeds_outputs / "memo.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(data["sources"]) == 5
    for section in ("summary", "actors", "quotes", "timeline", "open_issues"):
        assert data[section], f"{section} is empty"


def test_every_item_is_inside_its_cited_span(seeds_memo):
    items = seeds_memo.items()
    assert len(items) > 40
    problems = check_citations(seeds_memo, source_texts(seeds_memo))
    assert problems == []


def test_citations_point_into_the_original_files(seeds_memo):
    # A hand-checked anchor: the quote that opens Putin's offer in the Reuters story.
    quote = next(q for q in seeds_memo.quotes if q.text.startswith("An idea has just come"))
    source = next(s for s in seeds_memo.sources if s.file.endswith("000_6104c100526f271d.txt"))
    cite = next(c for c in quote.citations if c.source == source.id)
    raw = Path(source.file).read_text(encoding="utf-8")
    assert raw[cite.start:cite.end] == "An idea has just come into my head,"
    assert raw[cite.start - 1] == '"'


def test_json_and_markdown_are_byte_identical_across_runs(seeds_memo, tmp_path):
    from briefmemo import build_memo, render_memo

    again = build_memo([Path(seeds_memo.sources[0].file).parent])
    render_memo(seeds_memo, tmp_path / "a", ["md", "json"])
    render_memo(again, tmp_path / "b", ["md", "json"])
    for name in ("memo.md", "memo.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
