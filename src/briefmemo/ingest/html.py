"""HTML pages: main-text extraction with trafilatura, metadata from the page's meta tags.

Citations cannot point into raw markup in a useful way, so an HTML source is cited in
the plain text trafilatura extracts; that text is written next to the memo
(``sources/<id>.txt``) so the offsets can be checked by anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura  # imported here only: it is slow to import and only HTML needs it


@dataclass
class HtmlExtract:
    text: str
    front: dict[str, str]


def extract_html(markup: str) -> HtmlExtract:
    """Main text (paragraphs separated by blank lines) and metadata of an HTML page."""
    doc = trafilatura.bare_extraction(
        markup, include_comments=False, include_tables=False, with_metadata=True,
        favor_precision=True,
    )
    if doc is None:
        return HtmlExtract("", {})
    body = (doc.text or "").replace("\n", "\n\n")
    front = {
        k: str(v) for k, v in {
            "title": doc.title, "date": doc.date, "author": doc.author,
            "outlet": doc.sitename, "url": doc.url,
        }.items() if v
    }
    if front.get("author"):
        front["author"] = front["author"].replace(";", ",")
    title = front.get("title", "")
    # The headline heads the text (for the reader of sources/<id>.txt), once: trafilatura
    # sometimes keeps the page's <h1> at the top of the body already.
    starts_with_title = bool(title) and body.lstrip().split("\n", 1)[0].strip() == title.strip()
    text = f"{title}\n\n{body}\n" if title and not starts_with_title else f"{body}\n"
    return HtmlExtract(text, front)
