"""`briefmemo inspect FILE...`: what ingest found in each file, and why each line was kept or dropped.

The files are read together, as `briefmemo build` reads a folder (lines shared by several
files count as site furniture; briefmemo.toml next to them applies), so what this prints
is what the memo is built from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from ..cli import app, fail, setup_logging
from ..errors import BriefmemoError, NoInputError

_LABEL = {"body": "keep", "title": "title", "meta": "meta", "noise": "drop"}
_FIELDS = ("title", "published", "outlet", "authors", "dateline", "url")


def inspect_files(paths: list[Path]) -> dict[str, Any]:
    """Metadata and line verdicts of every file in ``paths`` as plain records."""
    from ..config import find_config, load_config
    from ..ingest import collect_paths, load_articles

    files = collect_paths(paths)
    cfg = load_config(find_config(paths))
    result = load_articles(files, cfg.max_bytes, cfg.articles)
    articles = []
    for a in result.articles:
        s = a.source
        articles.append({
            "file": a.path, "id": s.id,
            **{f: getattr(s, f) for f in _FIELDS},
            "cited_text": s.cited_file or a.path,
            "body_paragraphs": sum(1 for ln in a.lines if ln.verdict == "body"),
            "lines": [{"line": ln.number, "start": ln.start, "end": ln.end, "verdict": ln.verdict,
                       "reason": ln.reason, "text": ln.text} for ln in a.lines if ln.text],
        })
    skipped = [{"file": k.file, "reason": k.reason} for k in result.skipped]
    return {"articles": articles, "skipped": skipped}


def format_article(record: dict[str, Any], width: int) -> list[str]:
    """The human-readable report of one file: metadata, then one row per non-blank line."""
    out = [f"== {record['file']}  ({record['id']})"]
    for f in _FIELDS:
        value = record[f]
        if isinstance(value, list):
            value = ", ".join(value)
        out.append(f"  {f + ':':<11}{value or '-'}")
    if record["cited_text"] != record["file"]:
        out.append(f"  {'cited in:':<11}<out>/{record['cited_text']} (text extracted from the page)")
    out.append(f"  {'body:':<11}{record['body_paragraphs']} line(s) kept")
    out.append("")
    for ln in record["lines"]:
        text = ln["text"] if width <= 0 or len(ln["text"]) <= width else ln["text"][: width - 1] + "…"
        out.append(f"  {ln['line']:>4}  {_LABEL.get(ln['verdict'], ln['verdict']):<5}  {text}"
                   f"  [{ln['reason'] or '-'}]")
    return out


@app.command("inspect")
def inspect(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html) or folders of them.",
                                                 show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: {articles: [...], skipped: [...]}.")] = False,
    width: Annotated[int, typer.Option(help="Cut each line's text to this many characters (0: never cut).")] = 100,
) -> None:
    """Print, for each file, the metadata found and every line kept or dropped, with the reason.

    Lines are numbered as `cat -n` numbers them (for HTML: the lines of the extracted text).
    Example: briefmemo inspect seeds/000_6104c100526f271d.txt --width 0
    """
    setup_logging(quiet=False)
    try:
        report = inspect_files(paths)
    except BriefmemoError as exc:
        raise fail(exc) from None
    for skip in report["skipped"]:
        typer.echo(f"briefmemo: warning: skipped {skip['file']}: {skip['reason']}", err=True)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for record in report["articles"]:
            typer.echo("\n".join(format_article(record, width)) + "\n")
        for skip in report["skipped"]:
            typer.echo(f"== {skip['file']}\n  skipped: {skip['reason']}\n")
    if not report["articles"]:
        raise fail(NoInputError("no readable article in " + ", ".join(map(str, paths))))
