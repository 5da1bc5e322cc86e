"""Find an article's title, date, outlet, authors, URL and dateline in its page lines.

Each finder marks the line it used (verdict "meta" or "title", with a reason) so that
`briefmemo inspect` can show where a value came from. What a file cannot settle on its
own (a publisher named only on a sibling page, the year of a "Nov 8" dateline) is
settled across the folder by :func:`resolve_folder`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from statistics import median

from ..model import Source
from .article import Line
from .lines import _STOP, _UI, is_title_shaped, plain, ui_heavy, words
from .outlets import (PLATFORMS, company_name, domain_of, find_agency, is_agency, site_from_domain,
                      spaced_variant)

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)/(?P<d>\d\d)/"),
]
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b")
_MONTH_DAY = re.compile(r"^" + _MON + r"\s+(?P<d>\d{1,2})$|^(?P<d2>\d{1,2})\s+" + _MON.replace("mon", "mon2") + "$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<names>[^\d@]{2,160})$", re.I)
# A dateline on a line of its own: "GENEVA, Switzerland", "WASHINGTON (AP) --".
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.'’ -]*?)?)"
                       r"(?:\s*\((?P<wire>[^()]{2,30})\))?\s*[-–—_]*$")
_INLINE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*)(?P<rest>(?:, [^,()\n]{2,30}?)*)\s*"
    r"(?:\((?P<wire>[^()]{2,40})\))?\s+[-–—]{1,2}\s+")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_COPYRIGHT_ORG = re.compile(r"^(?:©|\(c\)|copyright|\s)*(?P<org>.+)$", re.I)
# Lines that give the article's own address: "Source: <https://...>", "canonical_url: ...".
_SOURCE_LINE = re.compile(r"^(source|url|link|permalink|canonical[ _]?url|originally published( at)?|"
                          r"read more at|read or share this story)\s*:|^<?https?://\S+>?$", re.I)
# Labels that stand where a dateline would, but name no place.
_NOT_PLACES = frozenset("EXCLUSIVE BREAKING UPDATE UPDATED ANALYSIS OPINION WATCH LIVE VIDEO PHOTOS "
                        "FACTBOX EXPLAINER REVIEW EDITORIAL COMMENT ADVERTISEMENT SPONSORED NEWS MONDAY TUESDAY "
                        "WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY TODAY YESTERDAY".split())
_DATE_LABEL = re.compile(r"\b(published|posted|first published|date)\b", re.I)
_UPDATED = re.compile(r"\b(updated|modified|last updated)\b", re.I)
_LABEL_PREFIX = re.compile(r"^(related|read more|see also|watch|video|photos?|more|also|previous|update|"
                           r"updated|published|posted|story highlights|listen|advertisement)\b", re.I)
_PUBLISHER_SLOT = re.compile(r"^(?P<names>[^,]*),\s*(?P<outlet>(?:The )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4})$")
_SITE_IN_UI = re.compile(r"\b(?:with|your|to|on|from|at|join|visit)\s+(?P<name>[A-Z][\w]*[A-Za-z])\b")
_BULLETS = "•·‣◦*-|"
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|van|von|der|bin|al|la|le|du|di)(?: (?:[A-Z][\w'’.-]*|de|da|van|von|der|bin|al|la|le|du|di)){0,4}$")


@dataclass
class Clues:
    """What one file says about its publisher and date that the folder may complete."""

    company: str | None = None  # copyright holder that is not a news agency
    site: str | None = None  # the publisher's site name, when the page gives it
    wire: str | None = None  # news agency credited
    month_day: tuple[int, int] | None = None  # a dateline date without a year
    page_text: str = ""
    lead_line: Line | None = None  # the first paragraph, where an inline dateline is


def parse_date(text: str, hint: tuple[int, int] | None = None) -> str | None:
    """The first calendar date written in ``text``, as ISO, or None.

    Numeric dates (10/03/2023) are read day-first or month-first as ``hint`` (a month
    and day from the dateline) or the numbers themselves decide; an undecidable one is None.
    """
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
    m = _NUMERIC.search(text)
    if m:
        return _numeric_date(int(m["a"]), int(m["b"]), int(m["y"]), hint)
    return None


def _numeric_date(a: int, b: int, year: int, hint: tuple[int, int] | None) -> str | None:
    readings = {(b, a), (a, b)}  # (month, day): day-first and month-first
    valid = {(mo, d) for mo, d in readings if 1 <= mo <= 12 and 1 <= d <= 31}
    if hint in valid:
        valid = {hint}
    if len(valid) != 1:
        return None
    month, day = valid.pop()
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _full_month(abbrev: str) -> str:
    a = abbrev.lower().rstrip(".")
    return next((m for m in _MONTHS if m.startswith(a[:3])), a)


def find_metadata(lines: list[Line], front: dict[str, str], source: Source) -> Clues:
    """Fill ``source`` from front matter and the lines around the body; mark meta lines."""
    first_body = next((i for i, ln in enumerate(lines) if ln.verdict == "body"), len(lines))
    header = [ln for ln in lines[:first_body] if ln.text and not _is_photo(ln)]
    tail = [ln for ln in lines[first_body:] if ln.verdict != "body" and ln.text]
    body = [ln for ln in lines if ln.verdict == "body"]
    clues = Clues(page_text=_URL.sub(" ", "\n".join(ln.text for ln in lines)))
    lead = _inline_dateline(body[0]) if body else None
    if lead:
        body[0].reason += f"; opens with the dateline {lead['place']}"
        clues.lead_line = body[0]
        clues.wire = find_agency(lead.get("wire") or "")
        clues.month_day = lead.get("month_day")
    authors, byline_outlet = _find_authors(header)
    source.authors = (_split_names(front["author"])[0] or []) if front.get("author") else authors
    source.title = _front_title(header, front["title"]) if front.get("title") else _find_title(header, body)
    title_at = next((i for i, ln in enumerate(header) if ln.verdict == "title"), -1)
    # A dateline stands between the headline and the text; capitals above the headline are a masthead.
    place, dateline_wire = _find_dateline(header[title_at + 1:])
    source.dateline = place or (lead or {}).get("place")
    clues.wire = clues.wire or dateline_wire
    source.url = front.get("url") or _find_url(header + tail)
    source.published = (parse_date(front.get("date", "")) or _find_date(header, tail, clues.month_day))
    clues.wire = clues.wire or _find_wire(header, tail)
    clues.company = _find_company(tail + header)
    domain = domain_of(source.url) if source.url else None
    clues.site = (front.get("outlet") or _publisher_slot(header) or byline_outlet
                  or _masthead(header[:max(title_at, 0)], lines, clues.company, domain)
                  or (site_from_domain(domain, clues.page_text) if domain else None)
                  or _site_in_ui(lines))
    source.outlet = combine_outlet(clues.site or clues.company, clues.wire)
    return clues


def combine_outlet(publisher: str | None, wire: str | None) -> str | None:
    """"Publisher (Wire)" where a site republishes agency copy; either alone otherwise."""
    if publisher and wire and find_agency(publisher) != wire:
        return f"{publisher} ({wire})"
    return wire or publisher


def resolve_folder(found: list[tuple[Source, Clues]]) -> None:
    """Settle what one file leaves open with what its siblings in the folder say.

    Pages with the same copyright holder come from the same site, so a site name found on
    one of them names the others; a dateline's month and day take the year that puts the
    article nearest the dated ones.
    """
    sites = {c.company: c.site for _, c in found if c.company and c.site}
    for source, clues in found:
        if not clues.site and clues.company in sites:
            clues.site = sites[clues.company]
            source.outlet = combine_outlet(clues.site, clues.wire)
    dated = [date.fromisoformat(s.published) for s, _ in found if s.published]
    for source, clues in found:
        if not source.published and clues.month_day and dated:
            source.published = _nearest_year(clues.month_day, dated)
            if clues.lead_line is not None:
                clues.lead_line.reason += "; publication date from it, the year from the other articles"


def _nearest_year(month_day: tuple[int, int], dated: list[date]) -> str | None:
    centre = date.fromordinal(int(median(d.toordinal() for d in dated)))
    options = []
    for year in (centre.year - 1, centre.year, centre.year + 1):
        try:
            options.append(date(year, *month_day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs(d - centre)).isoformat() if options else None


def _is_photo(line: Line) -> bool:
    return "caption" in line.reason or "photo" in line.reason


def _mark(line: Line, reason: str, verdict: str = "meta") -> None:
    line.verdict, line.reason = verdict, reason


def _inline_dateline(line: Line) -> dict | None:
    """ "GENEVA, Oct 15 (Reuters) - ..." at the head of the first paragraph."""
    m = _INLINE_DATELINE.match(line.text)
    if not m or len(m["place"].replace(" ", "")) < 3 or m["place"] in _NOT_PLACES:
        return None
    out: dict = {"place": m["place"], "wire": m["wire"]}
    extra = []
    for part in filter(None, (p.strip() for p in m["rest"].split(","))):
        md = _MONTH_DAY.match(part)
        if md:
            mon = md["mon"] or md["mon2"]
            out["month_day"] = (_MONTHS[_full_month(mon)], int(md["d"] or md["d2"]))
        elif part[:1].isupper() and len(part.split()) <= 3:
            extra.append(part)  # a region or country: "PORT MARA, Westland"
        else:
            return None  # "NATO, the EU and others - ...": a sentence, not a dateline
    if extra:
        out["place"] = ", ".join([m["place"], *extra])
    return out


def _find_title(header: list[Line], body: list[Line]) -> str | None:
    """The headline: a title-shaped line of the header that shares words with the article.

    Taglines, section labels and "Skip to content" lines are title-shaped too, but do not
    share the story's words the way a headline shares them with its lead.
    """
    body_words = {w.lower() for ln in body[:6] for w in words(ln.text)}
    candidates = []
    for ln in header:
        if ln.verdict != "noise":
            continue
        text = plain(ln.text)
        if is_title_shaped(text) and not ui_heavy(text) and not _UI.fullmatch(text) and not parse_date(text) \
                and not _LABEL_PREFIX.match(text) and not _looks_like_dateline(text):
            candidates.append((ln, text))
    for ln, text in candidates:
        content = {w.lower() for w in words(text) if w.lower() not in _STOP and len(w) > 2}
        shared = content & body_words
        if len(shared) >= 2 and len(shared) >= 0.3 * len(content):
            _mark(ln, "headline (shares its words with the lead)", "title")
            return text
    plain_titles = [(ln, text) for ln, text in candidates if not _UI.search(text)]
    if plain_titles:
        ln, text = plain_titles[0]
        _mark(ln, "headline (first title-shaped line)", "title")
        return text
    return None


def _front_title(header: list[Line], title: str) -> str:
    """The title the front matter or meta tags give; its line in the text is marked as such."""
    for ln in header:
        if ln.verdict == "noise" and plain(ln.text) == title.strip():
            _mark(ln, "headline (as the front matter or meta tags give it)", "title")
            break
    return title


def _split_names(names: str) -> tuple[list[str] | None, str | None]:
    """Personal names of a byline and an agency or outlet named with them; None if not names."""
    people, outlet = [], None
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*|\s*;\s*", names):
        part = part.strip(" .*_")
        if not part:
            continue
        if is_agency(part):
            outlet = outlet or part
        elif _NAME.match(part):
            people.append(part.title() if part.isupper() else part)
        elif people and len(part.split()) <= 5 and part[0].isupper():
            outlet = outlet or part  # "By Jane Doe, The Daily Example"
        else:
            return None, None
    return people, outlet


def _find_authors(header: list[Line]) -> tuple[list[str], str | None]:
    for ln in header:
        for segment in re.split(r"\s*[·|•]\s*", plain(ln.text)):
            m = _BYLINE.match(segment.strip().rstrip("."))
            people, outlet = _split_names(m["names"]) if m else (None, None)
            if people:
                _mark(ln, "byline")
                return people, (outlet if outlet and not is_agency(outlet) else None)
    return [], None


def _looks_like_dateline(text: str) -> bool:
    """ "BUFFALO, N.Y. (AP) --" rather than a headline in capitals ("TALKS COLLAPSE AGAIN")."""
    m = _DATELINE.match(text)
    return bool(m) and bool(m["wire"] or "," in m["place"] or text.rstrip()[-1:] in "-–—_")


def _find_dateline(header: list[Line]) -> tuple[str | None, str | None]:
    """A dateline line under the headline: the place, and the agency credited with it."""
    for ln in header:
        m = _DATELINE.match(ln.text)
        if ln.verdict == "noise" and m and len(m["place"]) > 3 and not _UI.search(ln.text) \
                and m["place"].split(",")[0] not in _NOT_PLACES:
            _mark(ln, "dateline")
            return m["place"].strip(), find_agency(m["wire"] or "")
    return None, None


def _find_url(lines: list[Line]) -> str | None:
    for ln in lines:
        m = _URL.search(ln.text) if _SOURCE_LINE.match(plain(ln.text)) else None
        if m:
            _mark(ln, "source URL")
            return m.group(0).rstrip(".,;>")
    return None


def _find_date(header: list[Line], tail: list[Line], hint: tuple[int, int] | None) -> str | None:
    """The publication date: from a date line of the header, or a source line at the end.

    A date line is short or labelled ("Published ..."); a longer line (a standfirst) that
    names a date names an event. "Published" beats "Updated" where a page gives both.
    """
    found = []
    for ln in header + [t for t in tail if _SOURCE_LINE.match(plain(t.text))]:
        text = plain(ln.text)
        if ln.verdict == "title" or (len(words(text)) > 14 and not _DATE_LABEL.search(text)):
            continue
        value = parse_date(ln.text, hint)
        if value:
            rank = 0 if _DATE_LABEL.search(text) else 2 if _UPDATED.search(text) else 1
            found.append((rank, len(found), value, ln))
    if not found:
        return None
    _, _, value, ln = min(found)
    if ln.verdict == "noise":
        _mark(ln, "date line")
    elif "date" not in ln.reason:
        ln.reason += " and date"
    return value


def _find_wire(header: list[Line], tail: list[Line]) -> str | None:
    """An agency credited in a copyright line, a sign-off, or a line of its own in the header."""
    for ln in tail + header:
        if _is_photo(ln):
            continue  # an agency's photo credit says who took the picture, not who wrote the text
        text = plain(ln.text)
        credit = ("copyright" in ln.reason or "sign-off" in ln.reason or "standards" in text.lower()
                  or is_agency(text.strip(" .")))
        if credit:
            wire = find_agency(text)
            if wire:
                if ln.verdict == "noise" and "copyright" not in ln.reason:
                    _mark(ln, f"wire credit ({wire})")
                return wire
    return None


def _find_company(lines: list[Line]) -> str | None:
    """The last copyright holder that is not a news agency (the publisher's own line)."""
    holders = []
    for ln in lines:
        if "copyright" in ln.reason:
            m = _COPYRIGHT_ORG.match(plain(ln.text))
            holder = company_name(m["org"]) if m else ""
            if holder and not find_agency(holder) and len(words(holder)) <= 6:
                holders.append(holder)
    return holders[-1] if holders else None


def _letters(name: str) -> str:
    return re.sub(r"^the", "", re.sub(r"[^a-z0-9]", "", name.lower()))


def _masthead(above_title: list[Line], lines: list[Line], company: str | None,
              domain: str | None) -> str | None:
    """The site's name at the top of the page ("THE DAILY EXAMPLE", "Daily Example | News | ...").

    A name up there could be a section label, so it counts only when something else on the
    page confirms it: the copyright holder or the domain starts with it, or another line repeats it.
    """
    top = [x for x in lines if x.text][:3]
    for ln in above_title:
        if ln.verdict != "noise":
            continue
        segments = re.split(r"\s*[|•·>»]\s*", ln.text)
        name = plain(segments[0])
        ws = name.split()
        if not (2 <= len(ws) <= 5) or _UI.search(name) or not all(w[:1].isupper() for w in ws) \
                or any(w.lower() in PLATFORMS for w in ws):
            continue
        key = _letters(name)
        confirmed = (company and _letters(company).startswith(key)) or \
            (domain and re.sub(r"[^a-z0-9]", "", domain.split(".")[0]).removeprefix("the").startswith(key)) or \
            any(name.lower() in x.text.lower() for x in lines if x is not ln and x.verdict != "body") or \
            (len(segments) >= 3 and ln in top)  # the head of the site's own menu bar
        if confirmed:
            _mark(ln, "masthead (site name)")
            return name.title() if name.isupper() else name
    return None


def _publisher_slot(header: list[Line]) -> str | None:
    """A metadata line "Author, Outlet" (the author slot may be empty): "• , The Daily Example"."""
    for ln in header:
        if ln.verdict not in ("noise", "meta"):
            continue
        text = ln.text.lstrip(_BULLETS + " ").strip()
        m = _PUBLISHER_SLOT.match(text)
        if m and not _DATELINE.match(text) and not is_agency(m["outlet"]):
            names = m["names"].strip()
            if not names or (not names.isupper() and len(names.split()) <= 4):
                if ln.verdict == "noise":
                    _mark(ln, "publisher line")
                return m["outlet"]
    return None


def _site_in_ui(lines: list[Line]) -> str | None:
    """A site names itself in its own widgets: "register with X", "your X account".

    A name that two or more interface lines use (platforms aside) is the site's.
    """
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.verdict == "body" or not _UI.search(ln.text):
            continue
        for m in _SITE_IN_UI.finditer(ln.text):
            name = m["name"]
            if name.lower() not in PLATFORMS and name.lower() not in _STOP and not _UI.fullmatch(name):
                counts[name] = counts.get(name, 0) + 1
    named = [n for n, c in counts.items() if c >= 2]
    if not named:
        return None
    page = "\n".join(ln.text for ln in lines)
    return spaced_variant(max(named, key=lambda n: counts[n]), page)
