"""Extra subcommands (inspect, quotes, dates, ...): each module registers itself on cli.app.

Every module here is imported by cli.py, so a new command is a new module, nothing else.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def load_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        importlib.import_module(f"{__name__}.{info.name}")


def load_sources(paths: list[Path], nlp: Any, quiet: bool = False) -> list[tuple[Any, Any]]:
    """(article, parsed doc) for every usable file in ``paths``, read the way `build` reads them.

    Files are ingested together (shared site furniture, the folder's briefmemo.toml), so
    what a command reports is what the memo would contain; skipped files are warned about.
    """
    from ..annotate import parse_texts
    from ..config import find_config, load_config
    from ..ingest import collect_paths, load_articles

    cfg = load_config(find_config(paths))
    result = load_articles(collect_paths(paths), cfg.max_bytes, cfg.articles)
    for skip in result.skipped:
        if not quiet:
            log.warning("skipped %s: %s", skip.file, skip.reason)
    docs = parse_texts(nlp, [a.body for a in result.articles])
    return list(zip(result.articles, docs))
