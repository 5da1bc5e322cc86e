"""What extraction finds in one article: plain records, no spaCy objects, ready to merge."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Citation


@dataclass
class DateMention:
    text: str
    start: int  # offsets in the article body
    end: int
    value: str | None
    type: str  # DATE | DURATION | TIME | SET
    tense: str
    rule: str
    citation: Citation


@dataclass
class QuoteFact:
    text: str
    speaker: str | None
    role: str | None
    reported_by: str | None
    date: str | None
    citation: Citation
    partial: bool = False


@dataclass
class EventFact:
    date: str
    text: str
    kind: str  # current | background | planned
    citation: Citation


@dataclass
class ActorFact:
    name: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    side: str | None = None
    mentions: int = 0
    as_subject: int = 0


@dataclass
class PositionFact:
    holder: str  # canonical actor name, or a side
    side: str | None
    text: str
    date: str | None
    citation: Citation


@dataclass
class PhraseFact:
    key: str  # normalised phrase, what clusters variants
    surface: str
    text: str  # the sentence it occurs in
    date: str | None
    citation: Citation
    cue: bool = False  # the sentence carries a cue of dispute or condition


@dataclass
class LeadFact:
    text: str
    date: str | None
    citation: Citation
    rank: int  # 0 = the article's first sentence


@dataclass
class ArticleFacts:
    source_id: str
    published: str | None
    leads: list[LeadFact] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[QuoteFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    actors: list[ActorFact] = field(default_factory=list)
    positions: list[PositionFact] = field(default_factory=list)
    phrases: list[PhraseFact] = field(default_factory=list)
