"""Extract: per article, independently of the others, everything the memo is made of."""

from __future__ import annotations

from spacy.tokens import Doc

from ..ingest import Article
from .actors import find_actors
from .context import ArticleContext, parse_iso
from .dates import events_from, find_dates
from .facts import ArticleFacts
from .leads import find_leads
from .phrases import find_phrases
from .positions import find_positions
from .quotes import find_quotes
from .sides import find_side_links

__all__ = ["ArticleFacts", "extract_article"]


def extract_article(article: Article, doc: Doc) -> ArticleFacts:
    """Run every extractor over one parsed article."""
    ctx = ArticleContext(article, doc, parse_iso(article.source.published))
    facts = ArticleFacts(article.source.id, article.source.published)
    facts.actors = find_actors(ctx)  # first: it fills the name map the others use
    facts.dates = find_dates(ctx)
    facts.events = events_from(ctx, facts.dates)
    facts.quotes = find_quotes(ctx, facts.dates)
    facts.positions = find_positions(ctx, facts.dates, facts.quotes)
    facts.side_links = find_side_links(ctx)
    facts.phrases = find_phrases(ctx, facts.dates)
    facts.leads = find_leads(ctx)
    return facts
