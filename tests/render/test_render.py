"""Rendering: untrusted text stays inert, user templates override blocks, writes are atomic."""

from __future__ import annotations

import os

import pypdf
import pytest

from briefmemo.errors import ConfigError, OutputError
from briefmemo.model import (Actor, Citation, Evidence, Memo, OpenIssue, Period, Position, Quote,
                             Source, SummaryItem, TimelineEntry)
from briefmemo.render import render_memo, to_html, to_markdown
from briefmemo.render.files import write_atomic

HOSTILE = ('<script>alert(1)</script> {{ 7*7 }} {% raw %} [click](http://example.invalid/x) '
           '![img](file:///etc/passwd) <img src="http://127.0.0.1:9/t.png"> *bold* # heading')


def hostile_memo() -> Memo:
    cite = [Citation("S1", 0, 10)]
    return Memo(
        title="Test <b>memo</b>", generated="2024-01-02T03:04:05Z", period=Period("2024-01-01", "2024-01-02"),
        sources=[Source("S1", "a.txt", title=HOSTILE, outlet="Wire", published="2024-01-01")],
        summary=[SummaryItem(HOSTILE, cite)],
        actors=[Actor("Jane Roe", ["Roe"], "Northland", "Minister", [Position(HOSTILE, "2024-01-01", cite)])],
        quotes=[Quote(HOSTILE, "Jane Roe", "2024-01-01", cite)],
        timeline=[TimelineEntry("2024-01-01", HOSTILE, cite)],
        open_issues=[OpenIssue("Border <i>line</i>", [Evidence(HOSTILE, "2024-01-01", cite)])],
    )


def test_html_escapes_source_text():
    html = to_html(hostile_memo())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<img src="http' not in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "<b>memo</b>" not in html


def test_markdown_escapes_source_text():
    md = to_markdown(hostile_memo())
    assert "<script>" not in md and r"\<script\>" in md
    assert "[click](http" not in md and r"\[click\](http" in md
    assert "![img]" not in md
    assert r"\{\{ 7\*7 \}\}" in md  # literal, never evaluated
    assert "49" not in md


def test_pdf_fetches_nothing_a_source_names(tmp_path, monkeypatch):
    from weasyprint.urls import URLFetcher

    from briefmemo.render.pdf import html_to_pdf

    fetched: list[str] = []
    real = URLFetcher.fetch
    monkeypatch.setattr(URLFetcher, "fetch", lambda self, url, *a: fetched.append(url) or real(self, url, *a))
    allowed = tmp_path / "templates"
    allowed.mkdir()
    (allowed / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    html = (f'<html><body><p>x</p><img src="{secret.as_uri()}"><img src="http://127.0.0.1:9/a.png">'
            f'<img src="logo.svg"></body></html>')
    pdf = html_to_pdf(html, [allowed])
    assert pdf.startswith(b"%PDF")
    assert fetched == [(allowed / "logo.svg").as_uri()]


def test_user_template_extends_a_builtin_block(tmp_path):
    (tmp_path / "memo.md.j2").write_text(
        '{% extends "builtin/memo.md.j2" %}{% block header %}# ACME briefing\n\n{% endblock %}', encoding="utf-8")
    md = to_markdown(hostile_memo(), tmp_path)
    assert md.startswith("# ACME briefing\n")
    assert "## Summary" in md and "## Sources" in md


def test_template_syntax_error_names_file_and_line(tmp_path):
    (tmp_path / "memo.md.j2").write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"memo\.md\.j2:2:"):
        to_markdown(hostile_memo(), tmp_path)


def test_undefined_name_in_a_template_is_an_error(tmp_path):
    (tmp_path / "memo.md.j2").write_text("{{ memo.no_such_field }}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no_such_field"):
        to_markdown(hostile_memo(), tmp_path)


def test_pdf_is_reproducible_with_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    render_memo(hostile_memo(), tmp_path / "a", ["pdf"])
    render_memo(hostile_memo(), tmp_path / "b", ["pdf"])
    a, b = (tmp_path / "a" / "memo.pdf").read_bytes(), (tmp_path / "b" / "memo.pdf").read_bytes()
    assert a == b
    assert "Sides and positions" in pypdf.PdfReader(tmp_path / "a" / "memo.pdf").pages[0].extract_text()


def test_failed_write_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "memo.md"
    write_atomic(target, b"old memo")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, b"new memo")
    assert target.read_bytes() == b"old memo"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_user_partial_replaces_one_section_only(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "quotes.md.j2").write_text(
        "## Who said what\n\n{% for q in memo.quotes %}- {{ q.speaker | md }}: {{ q.text | md }}\n{% endfor %}\n",
        encoding="utf-8")
    md = to_markdown(hostile_memo(), tmp_path)
    assert "## Who said what\n\n- Jane Roe: \\<script\\>" in md
    assert "## Quotes" not in md and "## Timeline" in md
