"""Assemble: merge what the articles say into one Memo (dedup, name variants, ranking).

One module per memo section; this one only runs them in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import WatchIssue
from ..extract.facts import ArticleFacts
from ..model import Memo, Period, Skipped, Source
from .actors import build_actors
from .issues import build_issues
from .names import global_names
from .quotes import build_quotes
from .sides import build_sides
from .summary import build_summary
from .timeline import build_timeline
from .undated import estimate_undated

MAX_ISSUES = 6


@dataclass
class AssembleOptions:
    title: str | None = None
    generated: str = ""
    max_issues: int = MAX_ISSUES
    aliases: dict[str, str] = field(default_factory=dict)  # variant -> canonical (config)
    sides: dict[str, str] = field(default_factory=dict)  # actor or alias -> side (config)
    watch: list[WatchIssue] = field(default_factory=list)  # issues to track (config)


def assemble(sources: list[Source], facts: list[ArticleFacts], skipped: list[Skipped],
             options: AssembleOptions) -> Memo:
    names = global_names(facts, options.aliases)
    dates = sorted(s.published for s in sources if s.published)
    memo = Memo(
        title=options.title or _default_title(sources),
        generated=options.generated,
        period=Period(dates[0] if dates else None, dates[-1] if dates else None),
        sources=sources, skipped=skipped,
    )
    memo.summary = build_summary(facts)
    memo.quotes = build_quotes(facts, names)
    memo.actors = build_actors(facts, names, memo.quotes, options.sides)
    memo.sides = build_sides(memo.actors, facts, options.sides, names)
    memo.notes += estimate_undated(sources, facts)  # before the timeline: it dates undated events
    memo.timeline = build_timeline(facts)
    memo.open_issues = build_issues(facts, options.max_issues, memo.actors, options.watch, memo.sides)
    return memo


def _default_title(sources: list[Source]) -> str:
    dated = sorted((s for s in sources if s.title), key=lambda s: s.published or "", reverse=True)
    return f"Briefing: {dated[0].title}" if dated else "Briefing memo"
