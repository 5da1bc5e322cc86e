"""Find an article's title, date, outlet, authors, URL and dateline in its page lines."""

from __future__ import annotations

import re
from datetime import date

from ..model import Source
from .article import Line
from .lines import _UI, is_title_shaped

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(_MON + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\s+" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)/(?P<d>\d\d)/"),
]
_BYLINE = re.compile(r"^by\s+(?P<names>[A-Z][^\d@]{2,120})$", re.I)
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.' -]+)?)$")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_COPYRIGHT_ORG = re.compile(
    r"^(?:©|\(c\)|copyright|\s)*(?:\d{4}\s*)?(?P<org>[A-Z][\w.&' -]+?)(?:\s+\d{4})?\.?$", re.I)
_SOURCE_LINE = re.compile(r"^(source|originally published|read more at)\s*:", re.I)


def parse_date(text: str) -> str | None:
    """The first calendar date written in ``text``, as ISO, or None."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else _MONTHS.get(_full_month(g["mon"]), 0)
        try:
            return date(int(g["y"]), month, int(g["d"])).isoformat()
        except ValueError:
            continue
    return None


def _full_month(abbrev: str) -> str:
    a = abbrev.lower().rstrip(".")
    return next((m for m in _MONTHS if m.startswith(a[:3])), a)


def find_metadata(lines: list[Line], front: dict[str, str], source: Source) -> None:
    """Fill ``source`` from front matter and the lines around the body; mark meta lines."""
    first_body = next((i for i, ln in enumerate(lines) if ln.verdict == "body"), len(lines))
    header = [ln for ln in lines[:first_body] if ln.text and "caption" not in ln.reason]
    source.title = front.get("title") or _find_title(header)
    source.authors = _split_names(front["author"]) if front.get("author") else _find_authors(header)
    source.dateline = _find_dateline(header)
    tail = [ln for ln in lines[first_body:] if ln.verdict != "body" and ln.text]
    source.url = front.get("url") or _find_url(header + tail)
    source.published = parse_date(front.get("date", "")) or _find_date(header, tail)
    source.outlet = front.get("outlet") or _find_outlet(header + tail, source.url)


def _mark(line: Line, reason: str, verdict: str = "meta") -> None:
    line.verdict, line.reason = verdict, reason


def _find_title(header: list[Line]) -> str | None:
    for ln in header:
        text = ln.text.lstrip("#").strip()
        if is_title_shaped(text) and not _UI.search(text):
            _mark(ln, "headline", "title")
            return text
    return None


def _split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*|\s+and\s+|\s*&\s*", names) if n.strip()]


def _find_authors(header: list[Line]) -> list[str]:
    for ln in header:
        m = _BYLINE.match(ln.text)
        if m:
            _mark(ln, "byline")
            return _split_names(m["names"])
    return []


def _find_dateline(header: list[Line]) -> str | None:
    for ln in header:
        if _DATELINE.match(ln.text) and len(ln.text) > 3 and not _UI.search(ln.text):
            _mark(ln, "dateline")
            return ln.text
    return None


def _find_url(lines: list[Line]) -> str | None:
    for ln in lines:
        m = _URL.search(ln.text)
        if m:
            _mark(ln, "source URL")
            return m.group(0)
    return None


def _find_date(header: list[Line], tail: list[Line]) -> str | None:
    for ln in header + [t for t in tail if _SOURCE_LINE.match(t.text) or _URL.search(t.text)]:
        found = parse_date(ln.text)
        if found:
            if ln.verdict == "noise":
                _mark(ln, "date line")
            return found
    return None


def _find_outlet(lines: list[Line], url: str | None) -> str | None:
    orgs = []
    for ln in lines:
        if "copyright" in ln.reason:
            m = _COPYRIGHT_ORG.match(ln.text)
            if m and m["org"].strip().lower() not in ("c", "copyright"):
                orgs.append(m["org"].strip())
    if len(orgs) >= 2 and orgs[0] != orgs[-1]:
        # A wire story republished: the publisher's line comes last, the wire's first.
        return f"{orgs[-1]} ({orgs[0]})"
    if orgs:
        return orgs[0]
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
        return host
    return None
