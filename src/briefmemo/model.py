"""Typed records passed between pipeline stages, and the memo contract (memo.json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Citation:
    """A span of a source file's decoded text: ``text[start:end]`` holds the cited item."""

    source: str
    start: int
    end: int


@dataclass
class Source:
    """One article that went into the memo, as the Sources section lists it."""

    id: str
    file: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    # Where the cited text lives when it is not the file itself (HTML: the extracted text,
    # written next to the memo as sources/<id>.txt).
    cited_file: str | None = None
    # For an undated article: bounds estimated from its own and the other articles'
    # references, shown as an estimate ("after 2018-11"), never as ``published``.
    published_estimate: str | None = None


@dataclass
class Skipped:
    """A file that could not be used, and why (listed in the memo, never silently lost)."""

    file: str
    reason: str


@dataclass
class SummaryItem:
    text: str
    citations: list[Citation]


@dataclass
class Position:
    text: str
    date: str | None
    citations: list[Citation]
    note: str | None = None  # e.g. "changed since 2017-11-10: ..." where a position moved
    holder: str | None = None  # who took it: a canonical actor name, or the side itself


@dataclass
class Actor:
    name: str
    aliases: list[str] = field(default_factory=list)
    side: str | None = None
    role: str | None = None
    positions: list[Position] = field(default_factory=list)


@dataclass
class Side:
    """A party to the story (a country, bloc, party) and who belongs to it."""

    name: str
    aliases: list[str] = field(default_factory=list)  # metonyms: capital, seat of power, adjective
    actors: list[str] = field(default_factory=list)  # canonical actor names
    # The side's positions and its actors', newest first (the same items as on the actors).
    positions: list[Position] = field(default_factory=list)


@dataclass
class Quote:
    text: str
    speaker: str | None
    date: str | None
    citations: list[Citation]
    role: str | None = None
    reported_by: str | None = None
    partial: bool = False  # a fragment worked into the writer's sentence, not a whole utterance
    # Sources that carry only part of this quotation: each excerpt with its own text and
    # citation (a citation must contain its text; ``citations`` all hold the full text).
    excerpts: list[Evidence] = field(default_factory=list)


@dataclass
class TimelineEntry:
    date: str
    text: str
    citations: list[Citation]
    kind: str = "current"  # current | background | planned
    estimated: bool = False  # the date rests on an estimated publication date
    # The same event as other sources word it: each with its own text and citation, since a
    # citation must contain the text it is given for (the entry's own citations all do).
    reports: list[Evidence] = field(default_factory=list)


@dataclass
class Evidence:
    text: str
    date: str | None
    citations: list[Citation]


@dataclass
class Stance:
    """One side's stance on an open issue, as an extracted sentence."""

    side: str
    text: str
    date: str | None
    citations: list[Citation]


@dataclass
class OpenIssue:
    title: str
    evidence: list[Evidence] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    first_mention: str | None = None
    last_mention: str | None = None
    status: str | None = None  # stalled | agreed | rejected | in talks ... where the text says
    watched: bool = False  # named in the config's watch-list


@dataclass
class Period:
    start: str | None
    end: str | None


@dataclass
class Memo:
    """Everything a template may show. Templates never compute facts of their own."""

    title: str
    generated: str
    period: Period
    sources: list[Source]
    summary: list[SummaryItem] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    open_issues: list[OpenIssue] = field(default_factory=list)
    sides: list[Side] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # caveats, e.g. a date line that disagrees
    # Text extracted from HTML sources, by source id; written out, not part of memo.json.
    cited_texts: dict[str, str] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The memo.json contract: plain JSON types, stable field names."""
        data = asdict(self)
        del data["cited_texts"]
        return data

    def items(self) -> list[tuple[str, str, list[Citation]]]:
        """Every cited item as (section, text, citations): what the citation check walks."""
        out: list[tuple[str, str, list[Citation]]] = []
        out += [("summary", s.text, s.citations) for s in self.summary]
        out += [("positions", p.text, p.citations) for a in self.actors for p in a.positions]
        out += [("quotes", q.text, q.citations) for q in self.quotes]
        out += [("timeline", t.text, t.citations) for t in self.timeline]
        out += [("timeline", r.text, r.citations) for t in self.timeline for r in t.reports]
        out += [("open_issues", e.text, e.citations) for i in self.open_issues for e in i.evidence]
        out += [("stances", s.text, s.citations) for i in self.open_issues for s in i.stances]
        return out
