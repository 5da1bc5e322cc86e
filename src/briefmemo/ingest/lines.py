"""Classify the lines of a page dump: headline, metadata, article body or page noise.

The rules use general signals of web pages, not strings of particular sites: sentence
shape (length, final punctuation, stop-word density), user-interface vocabulary, photo
credits, repetition, and position relative to comment and copyright markers.
"""

from __future__ import annotations

import re
from collections import Counter

from .article import Line

_STOP = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been has have had "
    "that this which who whom it its he she they we i you his her their our not no will would "
    "could should can may said says after before over about than then there".split()
)
_UI = re.compile(
    r"\b(log ?in|sign ?up|sign ?in|register|newsletter|subscribe|subscription|share|tweet|"
    r"facebook|whatsapp|linkedin|e-?mail|print|reply|advertisement|sponsored|trending|"
    r"related|read more|cookies?|privacy|terms of|menu|follow us|book now|password|account|"
    r"disclaimer|offers?|% off|explore)\b",
    re.I,
)
_COMMENTS_MARK = re.compile(
    r"^(\d+\s+comments?|comments?(\s*\(\d+\))?|reader comments|leave a (reply|comment)|"
    r"log ?in to (leave a )?comment|join the conversation|show comments)$",
    re.I,
)
_VOTES = re.compile(r"^-?\d+\s*\(\s*\+\d+\s*/\s*-\d+\s*\)$")
_COPYRIGHT = re.compile(r"^(©|\(c\)\s|copyright\b)", re.I)
_CAPTION = re.compile(r"\b(photo|picture|image|file photo)\s*(:|by\b)|\((L|R|C|left|right|centre|center)\)", re.I)
_CREDIT = re.compile(r"^[\w .'-]+ / [\w .'-]+$")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def split_lines(text: str) -> list[Line]:
    """Lines of ``text`` with the offsets of their stripped content."""
    lines, pos = [], 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        lead = len(content) - len(content.lstrip())
        start = pos + lead
        lines.append(Line(number, start, start + len(stripped), stripped))
        pos += len(raw)
    return lines


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_sentence_shaped(text: str) -> bool:
    """Long enough, mostly words, with the stop-word density of running prose."""
    ws = words(text)
    if len(ws) < 8:
        return False
    stop = sum(w.lower() in _STOP for w in ws) / len(ws)
    return stop >= 0.15 and not text.isupper()


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def is_title_shaped(text: str) -> bool:
    ws = words(text)
    return 4 <= len(ws) <= 25 and not ends_sentence(text) and not re.search(r"[>|•]", text)


def classify(lines: list[Line]) -> None:
    """Set ``verdict`` and ``reason`` on every line, in place."""
    repeated = Counter(ln.text for ln in lines if len(ln.text) > 40)
    body_seen = 0
    ended = False
    for i, ln in enumerate(lines):
        in_body = body_seen >= 2
        t = ln.text
        nxt = next((x.text for x in lines[i + 1 :] if x.text), "")
        if not t:
            ln.verdict, ln.reason = "blank", ""
        elif ended:
            ln.reason = "after the end of the article (comments, widgets)"
        elif _COMMENTS_MARK.match(t) or _VOTES.match(t):
            ln.reason = "reader-comments marker"
            if in_body:
                ended = True
        elif _COPYRIGHT.match(t):
            ln.reason = "copyright line"
            ended = in_body
        elif _CAPTION.search(t) or repeated[t] > 1 or (ends_sentence(t) and _CREDIT.match(nxt)):
            ln.reason = "photo caption or credit"
        elif _CREDIT.match(t):
            ln.reason = "photo credit"
        elif is_sentence_shaped(t) and not _ui_heavy(t) and _closes(t, nxt):
            ln.verdict, ln.reason = "body", "sentence-shaped paragraph"
            body_seen += 1
        elif is_sentence_shaped(t) and not _ui_heavy(t):
            ln.reason = "headline or subheading (no closing punctuation)"
        elif body_seen and _short_sentence(t):
            ln.verdict, ln.reason = "body", "short sentence inside the article"
        elif body_seen and _continues(lines, i):
            ln.verdict, ln.reason = "body", "end of a sentence broken by the page dump"
        else:
            ln.reason = "short or not sentence-shaped (navigation, label, widget)"


def _ui_heavy(text: str) -> bool:
    return len(_UI.findall(text)) >= 2 and len(words(text)) < 25


def _closes(text: str, following: str) -> bool:
    """Prose ends its sentences; a line that does not is a heading, unless the dump broke it."""
    return ends_sentence(text) or (ends_sentence(following) and len(words(following)) <= 6
                                   and not is_title_shaped(following))


def _short_sentence(text: str) -> bool:
    ws = words(text)
    return (len(ws) >= 3 and ends_sentence(text) and text[0].isupper() and not _UI.search(text)
            and any(w.lower() in _STOP for w in ws))


def _continues(lines: list[Line], i: int) -> bool:
    """A short line that finishes the sentence left open by the previous body line."""
    prev = next((x for x in reversed(lines[:i]) if x.text), None)
    return (
        prev is not None
        and prev.verdict == "body"
        and not ends_sentence(prev.text)
        and ends_sentence(lines[i].text)
        and len(words(lines[i].text)) <= 6
    )
