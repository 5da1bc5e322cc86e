"""Render: the Memo to Markdown, HTML, PDF (WeasyPrint) and JSON, from jinja2 templates."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import UsageError
from ..model import Memo
from .environment import builtin_dir, make_environment, render_template
from .files import write_atomic
from .pdf import html_to_pdf

FORMATS = ("md", "html", "pdf", "json")

__all__ = ["FORMATS", "render_memo", "to_json", "to_markdown", "to_html"]


def to_json(memo: Memo) -> str:
    return json.dumps(memo.to_dict(), indent=2, ensure_ascii=False) + "\n"


def to_markdown(memo: Memo, templates: Path | None = None) -> str:
    env = make_environment(templates, html=False)
    return render_template(env, "memo.md.j2", memo=memo)


def to_html(memo: Memo, templates: Path | None = None) -> str:
    env = make_environment(templates, html=True)
    css = render_template(make_environment(templates, html=False), "memo.css")
    return render_template(env, "memo.html.j2", memo=memo, css=css)


def render_memo(memo: Memo, out_dir: Path, formats: list[str] | tuple[str, ...] = FORMATS,
                templates: Path | None = None) -> list[Path]:
    """Write memo.<fmt> for each format into ``out_dir``; returns the paths written."""
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise UsageError(f"unknown format(s): {', '.join(bad)} (choose from {', '.join(FORMATS)})")
    rendered: dict[str, bytes] = {}
    # Render everything before writing anything, so a template error leaves no half-new set.
    if "json" in formats:
        rendered["json"] = to_json(memo).encode()
    if "md" in formats:
        rendered["md"] = to_markdown(memo, templates).encode()
    if "html" in formats or "pdf" in formats:
        html = to_html(memo, templates)
        if "html" in formats:
            rendered["html"] = html.encode()
        if "pdf" in formats:
            dirs = [d for d in (templates, builtin_dir()) if d is not None]
            rendered["pdf"] = html_to_pdf(html, dirs)
    written = []
    for sid, text in memo.cited_texts.items():
        write_atomic(out_dir / "sources" / f"{sid}.txt", text.encode("utf-8"))
    for fmt in FORMATS:
        if fmt in rendered:
            path = out_dir / f"memo.{fmt}"
            write_atomic(path, rendered[fmt])
            written.append(path)
    return written
