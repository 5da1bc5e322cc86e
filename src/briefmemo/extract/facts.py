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
    # The full TimeML value where it says more than ``value`` (a part of day: "2017-11-10TNI");
    # ``value`` stays a calendar value the memo can carry ("2017-11-10").
    timeml: str | None = None


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
    date: str  # "" while it waits for an undated article's estimated year (assemble/undated.py)
    text: str
    kind: str  # current | background | planned
    citation: Citation
    expression: str = ""  # the temporal expression that dates it, as written ("last month")
    tense: str = "past"
    estimated: bool = False  # dated with an estimated year, not the article's own date


@dataclass
class ActorFact:
    name: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    side: str | None = None
    mentions: int = 0
    as_subject: int = 0
    # side terms from the text ("Norwegian", "Chile", "person:Jane Doe") -> weight of the evidence
    side_votes: dict[str, float] = field(default_factory=dict)
    kind: str = "person"  # person | org


@dataclass
class SideLink:
    """Text evidence that a place or seat of power stands for a side ("Aldhaven, the X capital")."""

    term: str  # the metonym as written ("Aldhaven", "Kestel Palace")
    target: str  # a side term ("Vestrian", "Darsana", "person:Jane Doe")
    rule: str
    weight: float


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
    terms: list[str] = field(default_factory=list)  # content-word stems the phrase links together
    named: bool = False  # a named agreement, treaty or declaration ("the 1961 Waters Treaty")
    pending: bool = False  # the sentence says the matter is still open ("yet to agree")
    status: str | None = None  # stalled | speeding up | agreed | rejected, as the sentence says
    subject: str | None = None  # who the sentence reports (its grammatical subject), for sides
    core: bool = True  # not a circumstance ("in the city of X", "by troops"): counts for ranking
    focus: bool = False  # the phrase a cue of dispute or pending business bears on ("rejected X")


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
    side_links: list[SideLink] = field(default_factory=list)
    phrases: list[PhraseFact] = field(default_factory=list)
