"""PDF: WeasyPrint's rendering of the memo's HTML, fetching nothing a source could name."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import OutputError


def _fetcher(roots: list[Path]):  # type: ignore[no-untyped-def]
    from weasyprint.urls import URLFetcher

    class TemplateFilesOnly(URLFetcher):  # type: ignore[misc]
        """Loads data: URIs and files inside the template folders (a logo, a font); nothing else.

        Source text is escaped before it reaches the HTML, but a user template could still
        name a URL: the network and the rest of the disk stay out of reach either way.
        """

        def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:"):
                path = Path(unquote(urlparse(url).path)).resolve()
                if path.is_file() and any(path.is_relative_to(r) for r in roots):
                    return super().fetch(url, headers)
            raise ValueError(f"refusing to fetch {url}")

    return TemplateFilesOnly(allowed_protocols={"file", "data"}, timeout=1)


def html_to_pdf(html: str, allowed_dirs: list[Path]) -> bytes:
    import weasyprint  # slow to import: only when a PDF is asked for

    roots = [d.resolve() for d in allowed_dirs]
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    base = roots[0].as_uri() + "/" if roots else None
    try:
        return weasyprint.HTML(string=html, base_url=base, url_fetcher=_fetcher(roots)).write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; all mean "no PDF"
        raise OutputError(f"cannot render the PDF: {exc}") from exc
