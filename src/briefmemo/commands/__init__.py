"""Extra subcommands (inspect, quotes, dates, ...): each module registers itself on cli.app.

Every module here is imported by cli.py, so a new command is a new module, nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil


def load_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        importlib.import_module(f"{__name__}.{info.name}")
