"""`briefmemo quotes PATH...`: every direct quotation found, with its speaker.

Each article is extracted on its own (no merging across files), so the output can be
checked against the files: offsets are into each file as read (decoded; for HTML, the
text extracted from it), the same offsets memo citations use.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from ..cli import app, fail, setup_logging
from ..errors import BriefmemoError
from ..extract.facts import QuoteFact


def collect_quotes(paths: list[Path], nlp: Any, quiet: bool = False) -> list[dict[str, Any]]:
    """Quotations of every article in ``paths`` as plain records, in file order."""
    from ..extract import extract_article
    from . import load_sources

    out: list[dict[str, Any]] = []
    for article, doc in load_sources(paths, nlp, quiet):
        out += [_record(q, article.path) for q in extract_article(article, doc).quotes]
    return out


def quotes_in_text(text: str, nlp: Any, published: date | None = None, name: str = "text") -> list[dict[str, Any]]:
    """Quotations of a piece of plain article text taken whole as the body (no page-noise
    removal): for passages too short to pass ingest's article test. Offsets into ``text``."""
    from ..extract import extract_article
    from ..ingest.article import Article, OffsetMap
    from ..model import Source

    offsets = OffsetMap()
    offsets.add(0, 0, len(text))
    source = Source("S1", name, published=published.isoformat() if published else None)
    article = Article(source, name, text, text, offsets)
    return [_record(q, name) for q in extract_article(article, nlp(text)).quotes]


def _record(q: QuoteFact, path: str) -> dict[str, Any]:
    c = q.citation
    return {"text": q.text, "speaker": q.speaker, "role": q.role, "date": q.date,
            "reported_by": q.reported_by, "partial": q.partial,
            "citations": [{"file": path, "start": c.start, "end": c.end}]}


def _line(q: dict[str, Any]) -> str:
    c = q["citations"][0]
    who = q["speaker"] or "(unattributed)"
    if q["role"] and q["role"] != q["speaker"]:
        who += f" ({q['role']})"
    if q["reported_by"]:
        who += f", reported by {q['reported_by']}"
    text = " ".join(q["text"].split())
    return f"{c['file']}:{c['start']}-{c['end']}\t{q['date'] or '-'}\t{who}\t\u201c{text}\u201d"


@app.command("quotes")
def quotes(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html) or folders of them.",
                                                 show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of {text, speaker, role, date, "
                                                         "citations: [{file, start, end}]}.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (package name or path).")] = None,
) -> None:
    """Print every direct quotation in PATHS with its speaker, role and date.

    One line per quotation: FILE:START-END, date, speaker (role), the words quoted.
    Example: briefmemo quotes seeds --json
    """
    from ..annotate import load_model

    setup_logging(False)
    try:
        found = collect_quotes(paths, load_model(model))
    except BriefmemoError as exc:
        raise fail(exc) from None
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        for q in found:
            typer.echo(_line(q))
