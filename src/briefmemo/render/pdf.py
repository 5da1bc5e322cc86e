"""PDF: WeasyPrint's rendering of the memo's HTML, fetching nothing a source could name."""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import OutputError


def html_to_pdf(html: str, allowed_dirs: list[Path]) -> bytes:
    import weasyprint  # slow to import: only when a PDF is asked for

    roots = [d.resolve() for d in allowed_dirs]

    def fetcher(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        # Only files of the template folders (a logo, a font) may be loaded; never the
        # network, never a path that came from a source.
        if url.startswith("file://"):
            path = Path(url[7:]).resolve()
            if any(path.is_relative_to(r) for r in roots) and path.is_file():
                return weasyprint.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"refusing to fetch {url}")

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    base = roots[0].as_uri() + "/" if roots else None
    try:
        return weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; all mean "no PDF"
        raise OutputError(f"cannot render the PDF: {exc}") from exc
