"""The library's front door: paths in, Memo out (ingest -> annotate -> extract -> assemble)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from spacy.tokens import Doc

from .annotate import load_model, parse_texts
from .assemble import AssembleOptions, assemble
from .config import Config, find_config, load_config
from .errors import NoInputError
from .extract import ArticleFacts, extract_article
from .ingest import Article, collect_paths, load_articles
from .model import Memo

log = logging.getLogger(__name__)
Progress = Callable[[str], None]


def build_memo(inputs: list[Path | str], *, config: Config | None = None, title: str | None = None,
               model: str | None = None, cache_dir: Path | None = None,
               progress: Progress | None = None) -> Memo:
    """Build the Memo of the articles in ``inputs`` (files or folders).

    Raises NoInputError when no input holds a usable article.
    """
    say = progress or (lambda _msg: None)
    paths = [Path(p) for p in inputs]
    files = collect_paths(paths)
    cfg = config or load_config(find_config(paths))
    say(f"reading {len(files)} file(s)")
    ingested = load_articles(files, cfg.max_bytes, cfg.articles)
    for skip in ingested.skipped:
        log.warning("skipped %s: %s", skip.file, skip.reason)
    if not ingested.articles:
        raise NoInputError("no readable article in " + ", ".join(map(str, paths)))
    say(f"loading the language model{' ' + (model or cfg.model or '') if model or cfg.model else ''}")
    nlp = load_model(model or cfg.model)
    say(f"parsing {len(ingested.articles)} article(s)")
    docs = parse_texts(nlp, [a.body for a in ingested.articles], cache_dir)
    say("extracting quotes, dates, actors and issues")
    facts = [_extract_safely(a, d) for a, d in zip(ingested.articles, docs)]
    options = AssembleOptions(title=title or cfg.title, generated=generated_stamp(files),
                              max_issues=cfg.max_issues, aliases=cfg.aliases, sides=cfg.sides,
                              watch=cfg.watch)
    memo = assemble([a.source for a in ingested.articles], facts, ingested.skipped, options)
    for a in ingested.articles:
        if a.source.cited_file:
            memo.cited_texts[a.source.id] = a.text
    return memo


def _extract_safely(article: Article, doc: Doc) -> ArticleFacts:
    """Extraction of one article; a failure there costs that article's items, not the memo."""
    try:
        return extract_article(article, doc)
    except Exception as exc:  # noqa: BLE001 - any extractor bug, reported and contained
        log.warning("could not extract from %s (%s: %s); its items are left out — please report this",
                    article.path, type(exc).__name__, exc)
        return ArticleFacts(article.source.id, article.source.published)


def generated_stamp(files: list[Path]) -> str:
    """When the memo was built, reproducibly: SOURCE_DATE_EPOCH, else the newest input's mtime.

    Using the wall clock would make two runs over the same inputs differ.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        stamp = int(epoch)
    else:
        stamp = int(max(f.stat().st_mtime for f in files))
    return datetime.fromtimestamp(stamp, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
