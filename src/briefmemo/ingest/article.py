"""The Article record that ingest produces, and the map from cleaned to original offsets."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model import Source


@dataclass
class Line:
    """One line of the original file and what ingest decided about it."""

    number: int  # 1-based, as `cat -n` shows it
    start: int  # offsets of the stripped line in the decoded text
    end: int
    text: str
    verdict: str = "noise"  # body | title | meta | noise
    reason: str = ""


@dataclass
class OffsetMap:
    """Maps offsets in the cleaned body to offsets in the original text.

    The body is a concatenation of pieces copied verbatim from the original; the
    separators between pieces (paragraph breaks, a space where a broken sentence is
    rejoined) are not in the original, so an offset inside a separator maps to the
    end of the piece before it.
    """

    clean_starts: list[int] = field(default_factory=list)
    orig_starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)

    def add(self, clean_start: int, orig_start: int, length: int) -> None:
        self.clean_starts.append(clean_start)
        self.orig_starts.append(orig_start)
        self.lengths.append(length)

    def to_original(self, clean_offset: int, *, is_end: bool = False) -> int:
        """Original offset of ``clean_offset``; ends map inside the piece they close."""
        probe = clean_offset - 1 if is_end and clean_offset > 0 else clean_offset
        i = max(bisect.bisect_right(self.clean_starts, probe) - 1, 0)
        delta = min(clean_offset - self.clean_starts[i], self.lengths[i])
        return self.orig_starts[i] + max(delta, 0)


@dataclass
class Article:
    """One source after ingest: the text as read, its metadata and its cleaned body."""

    source: Source
    path: str
    text: str  # decoded file content: citations are offsets into this
    body: str  # article paragraphs only, "\n\n" between paragraphs
    offsets: OffsetMap
    lines: list[Line] = field(default_factory=list)
    digest: str = ""

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a body span."""
        return self.offsets.to_original(start), self.offsets.to_original(end, is_end=True)
