"""Summary candidates: the lead sentences that news writing puts first."""

from __future__ import annotations

from .context import ArticleContext
from .facts import LeadFact

LEAD_SENTENCES = 2


def find_leads(ctx: ArticleContext) -> list[LeadFact]:
    leads = []
    for rank, sent in enumerate(s for s in ctx.doc.sents if _is_statement(s.text)):
        if rank >= LEAD_SENTENCES:
            break
        date = ctx.published.isoformat() if ctx.published else None
        leads.append(LeadFact(sent.text.strip(), date, ctx.cite_span(sent), rank))
    return leads


def _is_statement(text: str) -> bool:
    t = text.strip()
    return len(t.split()) >= 8 and t[:1] not in "“\"" and t.endswith((".", "!", "?"))
