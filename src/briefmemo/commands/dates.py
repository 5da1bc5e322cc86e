"""`briefmemo dates PATH...`: every temporal expression found, with its resolved value.

Offsets are into the file as read (decoded; for HTML, the text extracted from it), the
same offsets memo citations use, so a line of output can be checked against the file.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from ..cli import app, fail, setup_logging
from ..errors import BriefmemoError, UsageError


def collect_dates(paths: list[Path], published: date | None, nlp: Any) -> list[dict[str, Any]]:
    """Temporal expressions of every article in ``paths`` as plain records.

    ``published`` overrides the date found in each file (for files that have none).
    """
    from ..extract.context import ArticleContext, parse_iso
    from ..extract.dates import find_dates
    from . import load_sources

    out: list[dict[str, Any]] = []
    for article, doc in load_sources(paths, nlp):
        when = published or parse_iso(article.source.published)
        ctx = ArticleContext(article, doc, when)
        for m in find_dates(ctx):
            c = m.citation
            out.append({"file": article.path, "start": c.start, "end": c.end,
                        "text": article.text[c.start:c.end], "value": m.timeml or m.value, "type": m.type,
                        "tense": m.tense, "rule": m.rule,
                        "published": when.isoformat() if when else None})
    return out


def _precision(value: str | None) -> str:
    """What a value pins down: day, month, season, week, year, decade, duration or vague."""
    if not value:
        return "unresolved"
    if value.endswith("_REF"):
        return "vague"
    if value.startswith("P"):
        return "duration"
    if value.startswith("XXXX"):
        return "set"
    if not value[:1].isdigit():
        return "vague"
    if "T" in value:
        return "part of day"
    head = value
    if len(head) == 3:
        return "decade"
    if len(head) == 4:
        return "year"
    if "-W" in head:
        return "weekend" if head.endswith("-WE") else "week"
    if head[5:6] in ("H", "Q"):
        return "half-year" if head[5] == "H" else "quarter"
    if head[5:6].isalpha():
        return "season"
    return "month" if len(head) == 7 else "day"


@app.command("dates")
def dates(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html) or folders of them.",
                                                 show_default=False)],
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date YYYY-MM-DD, overriding the one found in the file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of {file, start, end, text, value}.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (package name or path).")] = None,
) -> None:
    """Print every temporal expression in PATHS with its resolved value and precision.

    Example: briefmemo dates seeds/article.txt --published 2019-01-04 --json
    """
    from ..annotate import load_model

    setup_logging(quiet=False)
    try:
        when = _parse_published(published)
        found = collect_dates(paths, when, load_model(model))
    except BriefmemoError as exc:
        raise fail(exc) from None
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for d in found:
        typer.echo(f"{d['file']}:{d['start']}-{d['end']}\t{d['text']!r}\t{d['value'] or '-'}"
                   f"\t{_precision(d['value'])}\t{d['rule']}")


def _parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--published wants a date as YYYY-MM-DD, not {value!r}") from None
