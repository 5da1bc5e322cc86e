"""Shared per-article context for the extractors: the parsed doc, citations, dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from ..ingest import Article
from ..model import Citation


@dataclass
class ArticleContext:
    article: Article
    doc: Doc
    published: date | None
    names: dict[str, str] = field(default_factory=dict)  # any name variant -> canonical name

    @property
    def source_id(self) -> str:
        return self.article.source.id

    def cite(self, start: int, end: int) -> Citation:
        """Citation of body span [start, end) in the original file."""
        s, e = self.article.span_to_original(start, end)
        return Citation(self.source_id, s, e)

    def cite_span(self, span: Span) -> Citation:
        return self.cite(span.start_char, span.end_char)


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
