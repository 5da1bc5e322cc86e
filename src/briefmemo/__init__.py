"""briefmemo: a cited briefing memo from a folder of news articles about one story."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import (BadSourceError, BriefmemoError, ConfigError, ModelError, NoInputError,  # noqa: E402
                     OutputError, UsageError)
from .model import (Actor, Citation, Evidence, Memo, OpenIssue, Position, Quote, Source,  # noqa: E402
                    SummaryItem, TimelineEntry)
from .pipeline import build_memo  # noqa: E402
from .render import render_memo  # noqa: E402

__all__ = [
    "Actor", "BadSourceError", "BriefmemoError", "Citation", "ConfigError", "Evidence", "Memo",
    "ModelError", "NoInputError", "OpenIssue", "OutputError", "Position", "Quote", "Source",
    "SummaryItem", "TimelineEntry", "UsageError", "__version__", "build_memo", "render_memo",
]
