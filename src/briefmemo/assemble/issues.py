"""Open issues: phrases the articles keep returning to, with their evidence."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..extract.facts import ArticleFacts, PhraseFact
from ..model import Evidence, OpenIssue
from .common import date_key, similar, tokens

MAX_EVIDENCE = 4


def build_issues(facts: list[ArticleFacts], limit: int) -> list[OpenIssue]:
    by_key: dict[str, list[tuple[str, PhraseFact]]] = defaultdict(list)
    for f in facts:
        for p in f.phrases:
            by_key[p.key].append((f.source_id, p))
    scored = []
    for key, hits in by_key.items():
        articles = {sid for sid, _ in hits}
        if len(articles) < 2:
            continue
        cues = sum(p.cue for _, p in hits)
        scored.append((len(articles) * 2 + cues + len(key.split()), key))
    issues: list[OpenIssue] = []
    for _, key in sorted(scored, key=lambda x: (-x[0], x[1])):
        if len(issues) >= limit:
            break
        if any(_overlaps(key, i.title) for i in issues):
            continue
        hits = [p for _, p in by_key[key]]
        issues.append(OpenIssue(Counter(p.surface for p in hits).most_common(1)[0][0], _evidence(hits)))
    return issues


def _overlaps(key: str, title: str) -> bool:
    a, b = set(key.split()), tokens(title)
    return bool(a & b) and len(a & b) / min(len(a), len(b)) >= 0.5


def _evidence(hits: list[PhraseFact]) -> list[Evidence]:
    out: list[Evidence] = []
    for p in sorted(hits, key=lambda p: (not p.cue, -date_key(p.date))):
        if any(similar(e.text, p.text, 0.5) for e in out):
            continue
        out.append(Evidence(p.text, p.date, [p.citation]))
        if len(out) >= MAX_EVIDENCE:
            break
    return sorted(out, key=lambda e: -date_key(e.date))
