"""The summary: lead sentences, newest first, near-duplicates merged."""

from __future__ import annotations

from ..extract.facts import ArticleFacts
from ..model import SummaryItem
from ..verify import normalise
from .common import date_key, merge_citations, similar

MAX_SUMMARY = 5


def build_summary(facts: list[ArticleFacts]) -> list[SummaryItem]:
    leads = sorted((lead for f in facts for lead in f.leads),
                   key=lambda x: (x.rank, -date_key(x.date)))
    items: list[SummaryItem] = []
    for lead in leads:
        match = next((i for i in items if similar(i.text, lead.text, 0.5)), None)
        if match and normalise(match.text) == normalise(lead.text):
            match.citations = merge_citations(match.citations, [lead.citation])
        elif match:
            continue  # a near-duplicate: its span does not hold the kept wording, so no citation
        elif len(items) < MAX_SUMMARY:
            items.append(SummaryItem(lead.text, [lead.citation]))
    return items
