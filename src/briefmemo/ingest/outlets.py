"""Who published an article: news agencies (wires) and site names from domains and pages.

The agency table is a general resource of English-language news writing (wire credits in
datelines and copyright lines), not a list of the sites of any sample.
"""

from __future__ import annotations

import re

# Canonical credit -> the names it is written under. Acronyms match case-sensitively.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Thomson Reuters", "Reuters", "REUTERS"),
    "AP": ("The Associated Press", "Associated Press", "AP"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "Kyodo": ("Kyodo News", "Kyodo"),
    "Jiji Press": ("Jiji Press", "Jiji"),
    "Xinhua": ("Xinhua News Agency", "Xinhua"),
    "TASS": ("ITAR-TASS", "TASS"),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti",),
    "dpa": ("Deutsche Presse-Agentur", "dpa"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "PA": ("PA Media", "Press Association"),
    "Yonhap": ("Yonhap News Agency", "Yonhap"),
    "UPI": ("United Press International", "UPI"),
    "PTI": ("Press Trust of India", "PTI"),
    "AAP": ("Australian Associated Press", "AAP"),
    "The Canadian Press": ("The Canadian Press", "Canadian Press"),
    "Anadolu Agency": ("Anadolu Agency",),
}
# Platforms whose names fill login and share widgets; never a site's own name.
PLATFORMS = frozenset("facebook twitter google apple linkedin whatsapp instagram youtube tiktok "
                      "reddit telegram pinterest email".split())
_CORPORATE = re.compile(r"[,.]?\s+(inc|ltd|llc|plc|corp|co|gmbh|ag|as|sa|bv|nv|pty|limited|group|"
                        r"holdings|media|company)\.?$", re.I)


def _agency_pattern() -> re.Pattern[str]:
    names = sorted((n for forms in AGENCIES.values() for n in forms), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


_AGENCY = _agency_pattern()
_CANON = {n: canon for canon, forms in AGENCIES.items() for n in forms}


def find_agency(text: str) -> str | None:
    """The canonical credit of the first news agency named in ``text``."""
    m = _AGENCY.search(text)
    return _CANON[m.group(1)] if m else None


def is_agency(name: str) -> bool:
    return bool(_AGENCY.fullmatch(name.strip()))


def company_name(holder: str) -> str:
    """A copyright holder without year and rights formula: "2018 Acme Media Inc." -> same, trimmed."""
    holder = re.sub(r"\b(19|20)\d\d\b", "", holder)
    holder = re.sub(r"(?i)\ball rights reserved\b.*$", "", holder)
    holder = re.sub(r"\s+", " ", holder).strip(" ,;:-©")
    if holder.endswith(".") and not re.search(r"\b(Inc|Ltd|Co|Corp|Pty|Bhd)\.$", holder):
        holder = holder[:-1]
    return holder.strip()


def domain_of(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.I).split("/")[0].split(":")[0].lower()
    return re.sub(r"^(www\d?|m|amp|edition|news)\.", "", host)


def site_from_domain(domain: str, page_text: str) -> str:
    """A site's name from its domain: as the page writes it, else split into words.

    "gridwatch.example" -> "GridWatch" when the page says GridWatch; "thedailyherald.com"
    -> "The Daily Herald" by English word segmentation (wordninja, by word frequency).
    """
    label = domain.split(".")[0] if domain.count(".") <= 1 else domain.rsplit(".", 2)[-2]
    letters = re.sub(r"[^a-z0-9]", "", label.lower())
    if not letters:
        return domain
    written = _written_in_page(letters, page_text)
    if written:
        return written
    parts = [p for chunk in label.split("-") for p in _segment(chunk)]
    if len(letters) < 6 or any(len(p) < 3 and p != "the" for p in parts):
        return domain  # too short to split with confidence ("usat.ly"): show the domain itself
    return " ".join(p if p in _SMALL and i else p.capitalize() for i, p in enumerate(parts))


def _written_in_page(letters: str, page_text: str) -> str | None:
    """The page's own spelling of ``letters`` as one or more words ("DailyHerald", "Daily Herald")."""
    pattern = r"\s?".join(re.escape(c) for c in letters)
    found = [m.group(0) for m in re.finditer(r"(?<![\w])" + pattern + r"(?![\w])", page_text, re.I)]
    if not found:
        return None
    mixed = [f for f in found if not f.isupper() and not f.islower()]
    best = max(mixed or found, key=lambda f: (f.count(" "), found.count(f)))
    return best.title() if best.isupper() or best.islower() else best


_SMALL = frozenset("the of and in on at for to a".split())


def _segment(chunk: str) -> list[str]:
    """English words of a run of letters, by word frequency (wordninja; loaded only when needed)."""
    import wordninja

    return [w.lower() for w in wordninja.split(chunk)] or [chunk]


def spaced_variant(name: str, page_text: str) -> str:
    """A compound name ("DailyHerald") as the page also writes it with spaces, if it does."""
    parts = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+", name)
    if len(parts) < 2:
        return name
    spaced = " ".join(parts)
    return spaced if re.search(r"(?<!\w)" + re.escape(spaced) + r"(?!\w)", page_text) else name
