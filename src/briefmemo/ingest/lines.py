"""Classify the lines of a page dump: headline, metadata, article body or page noise.

The rules use general signals of web pages, not strings of particular sites: sentence
shape (length, final punctuation, stop-word density), user-interface vocabulary, photo
credits, link density, repetition (within the file and across the files of a folder),
and position relative to the markers that close an article (comments, copyright,
a wire sign-off).
"""

from __future__ import annotations

import re
from collections import Counter

from .article import Line
from .outlets import is_agency

_STOP = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been has have had "
    "that this which who whom it its he she they we i you his her their our not no will would "
    "could should can may said says after before over about than then there".split()
)
# Words of page furniture: account prompts, share widgets, promotions, navigation.
_UI = re.compile(
    r"\b(log ?in|sign ?up|sign ?in|register|newsletters?|subscribe|unsubscribe|subscription|"
    r"subscribers?|share|tweet|twitter|facebook|whatsapp|linkedin|instagram|e-?mail|inbox|spam|"
    r"print|reply|advertisement|sponsored|trending|related|read more|cookies?|privacy|terms of|"
    r"menu|follow us|book now|password|account|disclaimer|offers?|% off|explore|skip to|"
    r"main content|most read|most popular|min read|podcasts?|unlimited access|free articles?|tweets?|"
    r"learn more|embed|autoplay|copy this code|javascript|click|watch the video|also read|see also|"
    r"recommended|you may also like|more from|more stories|top stories|latest news|editor'?s picks|"
    r"story continues|continue reading|advertising)\b",
    re.I,
)
# Metered paywalls and sign-up prompts speak to the reader about the site itself.
_PROMPT = re.compile(
    r"\bread \d+ of (your )?\d+\b|\b(free|remaining) (articles?|stories)\b|\barticles? (left|remaining)\b|"
    r"\balready a subscriber\b|\bsubscribe (now|today)\b|\bin your inbox\b",
    re.I,
)
_COMMENTS_MARK = re.compile(
    r"^(\d+\s+(comments?|responses?|replies|thoughts)( (on|to)\b.*)?|comments?(\s*\(\d+\))?|"
    r"reader comments|leave a (reply|comment)|log ?in to (leave a )?comment|join the conversation|"
    r"show comments|(add|post) (a|your) comment|discussion)$",
    re.I,
)
# What surrounds each reader comment even where the thread has no heading: who and when,
# and the buttons under it.
_COMMENT_FURNITURE = re.compile(
    r"^(@?[\w.' -]{1,40}\s*[·•|–-]\s*)?(\d+|an?)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$|"
    r"^(reply|report|like|flag|share|upvote|downvote)(\s*[·•|]\s*(reply|report|like|flag|share|\d+\s+likes?))*$|"
    r"^\d+\s+(likes?|upvotes?|points?|recommends?)$|^(posted|submitted) by\s.{1,60}\s(at|on)\s.{1,40}$",
    re.I,
)
_COMMENTER = re.compile(r"^\S.{0,60}\s(says|said|wrote|replied):$", re.I)
_VOTES = re.compile(r"^-?\d+\s*\(\s*\+\d+\s*/\s*-\d+\s*\)$")
_COPYRIGHT = re.compile(r"^(©|\(c\)\s|copyright\b)", re.I)
# Wire sign-offs ("Reporting by ...; Editing by ...") close the article.
_SIGNOFF = re.compile(r"^(reporting|writing|additional reporting|editing|compiled) by\b", re.I)
_CAPTION = re.compile(
    r"\b(photo|picture|image|file photo)s?\s*(:|/|by\b)|\((left|right|centre|center)\)|"
    r",\s(left|right|centre|center|second (from )?(left|right)|top|bottom),\s|"
    r"\((?:[A-Z][\w.'-]*\s?){1,4}/(?:[A-Z][\w.'-]*\s?){1,5}\)$|"
    r"\b(image|media) (copyright|caption)\b|\bfile photo\b|\bin this\b.{0,60}\b(photo|image|picture)\b", re.I)
# "(L)", "(R)": who is where in a picture; in a long paragraph more likely a party, "Lee (R)".
_SIDE_MARK = re.compile(r"\((L|R|C)\)")
_CREDIT = re.compile(r"^[\w .'-]+ / [\w .'-]+$|^(photo|photograph|picture|image|credit)s?\s*:", re.I)
_BYLINE_START = re.compile(r"^by\s", re.I)
_TERMINAL = re.compile(r"[.!?…][\"'”’“»)\]]*$|[\"”’“»]$")
# A bracketed aside after the last sentence: "[Related: ...]", "(Video: ...)".
_TRAILING_ASIDE = re.compile(r"\s*(\[[^\[\]]{1,120}\]|\([^()]{1,120}\))\s*$")
_SENTENCE_GAP = re.compile(r"[a-z0-9\"”’)][.!?][\"”’]?\s+[A-Z\"“‘]")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_MD_PREFIX = re.compile(r"^(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TEASER = re.compile(r"^[►▶▸»→➤]\s*\S")
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\n|\r|$)")


def split_lines(text: str) -> list[Line]:
    """Lines of ``text`` with the offsets of their stripped content.

    Newlines (LF, CRLF or a lone CR) end a line; other Unicode line separators stay inside
    their line, so that line numbers match what `cat -n` and editors show.
    """
    lines = []
    for number, m in enumerate(_LINE.finditer(text), start=1):
        if not m.group(0):
            break  # the empty match at the very end
        content = m.group(1)
        stripped = content.strip()
        start = m.start() + len(content) - len(content.lstrip())
        lines.append(Line(number, start, start + len(stripped), stripped))
    return lines


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def plain(text: str) -> str:
    """A line without Markdown decoration: heading/quote/list marks, emphasis, link targets."""
    text = _MD_PREFIX.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return text.replace("**", "").replace("__", "").strip("*_ ").strip()


def is_sentence_shaped(text: str) -> bool:
    """Long enough, mostly words, with the stop-word density of running prose."""
    ws = words(text)
    if len(ws) < 8:
        return False
    stop = sum(w.lower() in _STOP for w in ws) / len(ws)
    return stop >= 0.15 and not text.isupper()


def ends_sentence(text: str) -> bool:
    if _TERMINAL.search(text):
        return True
    head = _TRAILING_ASIDE.sub("", text)
    return head != text and bool(_TERMINAL.search(head))


def is_cut_paragraph(text: str) -> bool:
    """Several sentences of prose whose last one the dump cut off: a paragraph, not a heading."""
    n, gaps = len(words(text)), len(_SENTENCE_GAP.findall(text))
    return (n >= 30 and gaps >= 2) or (n >= 40 and gaps >= 1) or n >= 60


def is_title_shaped(text: str) -> bool:
    ws = words(text)
    return 4 <= len(ws) <= 25 and not ends_sentence(text) and not re.search(r"[>|•·]", text)


def ui_heavy(text: str) -> bool:
    """Page furniture: several interface words in a short line, or a reader prompt."""
    hits = len(_UI.findall(text))
    return bool(_PROMPT.search(text)) or hits >= 3 or (hits >= 2 and len(words(text)) <= 12)


def is_link_line(raw: str) -> bool:
    """Mostly Markdown links (a menu, a related-posts list, a reply button), or a teaser arrow."""
    if _TEASER.match(raw):
        return True
    linked = sum(len(m.group(0)) for m in _MD_LINK.finditer(raw))
    return linked > 0 and linked >= 0.5 * len(raw)


def classify(lines: list[Line], shared: Counter[str] | None = None) -> None:
    """Set ``verdict`` and ``reason`` on every line, in place.

    ``shared`` counts, for a line's text, how many other files of the folder hold it.
    """
    shared = shared or Counter()
    syndicated = _shared_runs(lines, shared)
    repeated = Counter(ln.text for ln in lines if len(ln.text) > 40)
    blocks = _blocks(lines)
    body_seen = closing = 0
    ended = False
    for i, ln in enumerate(lines):
        if not ln.text:
            ln.verdict, ln.reason = "blank", ""
            continue
        t = plain(ln.text)
        nxt = next((plain(x.text) for x in lines[i + 1 :] if x.text), "")
        verdict, reason = _judge(ln.text, t, nxt, body_seen, ended, repeated, blocks[i])
        if not ended:
            verdict, reason = _second_look(lines, i, t, verdict, reason, body_seen)
        furniture = shared[ln.text] and not syndicated[i] and not (body_seen and _short_sentence(t)
                                                                    and not _full_prose(t))
        if furniture and (verdict == "body" or reason.startswith("short")):
            verdict, reason = "noise", f"repeated in {shared[ln.text] + 1} files of the folder (site furniture)"
        if reason.startswith("end:"):
            # One marker after a paragraph or two may be page furniture above the story (a
            # comment counter); two markers in a row (copyright, then comments) close it.
            reason = reason[4:]
            closing += 1
            ended = ended or body_seen >= 2 or (body_seen >= 1 and closing >= 2)
        ln.verdict, ln.reason = verdict, reason
        if verdict == "body":
            body_seen += 1
            closing = 0
        elif body_seen and reason.startswith("short") and _continues(lines, i):
            ln.verdict, ln.reason = "body", "end of a sentence broken by the page dump"


def _second_look(lines: list[Line], i: int, t: str, verdict: str, reason: str,
                 body_seen: int) -> tuple[str, str]:
    """What a line's neighbours say about it: a credit under it, a caption above, prose around."""
    if reason.startswith("end:"):
        return verdict, reason  # a marker that closes the article stays one
    below = lines[i + 1].text if i + 1 < len(lines) else ""
    # A line with a credit right under it is a caption; a kept paragraph is judged so only
    # above the article, since "Reuters" under the last paragraph credits the text.
    if (verdict == "body" and not body_seen) or reason.startswith(("short", "headline")):
        if len(words(t)) >= 6 and not _BYLINE_START.match(t) and below \
                and (is_agency(plain(below)) or _CREDIT.match(below)):
            return "noise", "photo caption (a credit line directly below)"
    if reason.startswith("short or not") and _between_paragraphs(lines, i) and _terse_sentence(t):
        return "body", "short sentence between paragraphs"
    if verdict == "noise" and i and lines[i - 1].reason.startswith("photo caption") and _credit_like(t):
        return verdict, "photo credit (under its caption)"
    return verdict, reason


def _judge(raw: str, t: str, nxt: str, body_seen: int, ended: bool, repeated: Counter[str],
           block_ui: bool) -> tuple[str, str]:
    """The verdict on one non-blank line; a reason starting "end:" closes the article."""
    in_body = body_seen >= 2
    if _COPYRIGHT.match(t) and len(words(t)) <= 12:
        return "noise", "end:copyright line"
    if ended:
        return "noise", "after the end of the article (comments, widgets)"
    if _COMMENTS_MARK.match(t) or _VOTES.match(t) or (in_body and (_COMMENTER.match(t)
                                                                   or _COMMENT_FURNITURE.match(t))):
        return "noise", "end:reader-comments marker"
    if _COPYRIGHT.match(t):
        return "noise", "end:copyright line"
    if _SIGNOFF.match(t):
        return "noise", "end:wire sign-off (reporting/editing credits)"
    if _CAPTION.search(t) or (_SIDE_MARK.search(t) and len(words(t)) < 50) or repeated[raw] > 1 or (ends_sentence(t) and _CREDIT.match(nxt) and not _UI.search(nxt)):
        return "noise", "photo caption or credit"
    if _CREDIT.match(t) and not _UI.search(t):
        return "noise", "photo credit"
    if is_link_line(raw):
        return "noise", "links (menu, related posts, buttons)"
    if ui_heavy(t):
        return "noise", "interface prompt (login, newsletter, share, paywall)"
    if block_ui:
        return "noise", "in one block with an interface prompt (a widget's other lines)"
    if is_sentence_shaped(t):
        if ends_sentence(t) or (ends_sentence(nxt) and len(words(nxt)) <= 6 and not is_title_shaped(nxt)):
            return "body", "sentence-shaped paragraph"
        if is_cut_paragraph(t):
            return "body", "paragraph whose last sentence is cut off"
        if nxt[:1].islower() and is_sentence_shaped(nxt):
            return "body", "sentence broken across paragraphs by the page dump"
        return "noise", "headline, standfirst or subheading (no closing punctuation)"
    if body_seen and _short_sentence(t) and (_prose_or_end(nxt) or not t.rstrip("\"'”’").endswith("?")):
        return "body", "short sentence inside the article"
    return "noise", "short or not sentence-shaped (navigation, label, widget)"


def _shared_runs(lines: list[Line], shared: Counter[str]) -> list[bool]:
    """Lines in a run of three or more prose paragraphs that other files also hold.

    Agency copy republished by two sites shares whole runs of paragraphs, and is kept;
    a site's boilerplate sentence recurs alone, between paragraphs that differ.
    """
    flags = [False] * len(lines)
    run: list[int] = []
    for i, ln in enumerate([*lines, Line(0, 0, 0, "\x00")]):
        if not ln.text:
            continue
        if shared[ln.text] and _full_prose(plain(ln.text)):
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                flags[j] = True
        run = []
    return flags


def _credit_like(text: str) -> bool:
    """A name or two with no sentence: what sits under a caption ("Reuters", "J. Doe/Agency")."""
    return text[:1].isupper() and len(words(text)) <= 5 and not ends_sentence(text.rstrip(".")) and not _COMMENTS_MARK.match(text)


def _prose_or_end(following: str) -> bool:
    """What comes after a short sentence of the article: more prose, or the article's end.

    A short question followed by headline-shaped lines is the teaser of a related-links box
    ("Are drones dangerous?"); a short statement is kept wherever it stands.
    """
    return (not following or ends_sentence(following) or bool(_COPYRIGHT.match(following))
            or bool(_COMMENTS_MARK.match(following)) or bool(_SIGNOFF.match(following)))


def _full_prose(text: str) -> bool:
    return is_sentence_shaped(text) and ends_sentence(text)


def _blocks(lines: list[Line]) -> list[bool]:
    """For each line: is it in a small block (lines without a blank between) that holds a widget?

    A newsletter box or share bar is a few lines together, one of them plainly interface;
    its other lines ("Get our briefing every Friday.") go with it.
    """
    flags = [False] * len(lines)
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not lines[i].text:
            block = range(start, i)
            if 2 <= len(block) <= 4 and any(ui_heavy(plain(lines[j].text)) or
                                            _UI.fullmatch(plain(lines[j].text)) for j in block):
                for j in block:
                    flags[j] = True
            start = i + 1
    return flags


def _starts_upper(text: str) -> bool:
    """The first letter is a capital (opening quotation marks and brackets aside)."""
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper()


def _short_sentence(text: str) -> bool:
    ws = words(text)
    return (len(ws) >= 3 and ends_sentence(text) and _starts_upper(text) and not ui_heavy(text)
            and any(w.lower() in _STOP for w in ws))


def _terse_sentence(text: str) -> bool:
    """Two or three words ending a sentence ("Nobody objected."): prose when paragraphs surround it."""
    ws = words(text)
    return (len(ws) >= 2 and ends_sentence(text) and _starts_upper(text) and not _UI.search(text)
            and not _COMMENT_FURNITURE.match(text) and not _CREDIT.match(text))


def _between_paragraphs(lines: list[Line], i: int) -> bool:
    """The previous non-blank line is kept prose and the next one reads as prose too."""
    prev = next((x for x in reversed(lines[:i]) if x.text), None)
    nxt = next((x for x in lines[i + 1:] if x.text), None)
    following = plain(nxt.text) if nxt is not None else ""
    next_prose = nxt is not None and (_full_prose(following) or ends_sentence(following)) \
        and not _UI.search(following) and not _COMMENT_FURNITURE.match(following)
    return prev is not None and prev.verdict == "body" and (next_prose or nxt is None)


def _continues(lines: list[Line], i: int) -> bool:
    """A short line that finishes the sentence left open by the previous body line."""
    prev = next((x for x in reversed(lines[:i]) if x.text), None)
    return (
        prev is not None
        and prev.verdict == "body"
        and not ends_sentence(prev.text)
        and ends_sentence(lines[i].text)
        and len(words(lines[i].text)) <= 6
        and not _COPYRIGHT.match(lines[i].text)
    )
