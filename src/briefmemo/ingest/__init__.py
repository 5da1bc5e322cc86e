"""Ingest: read source files, find their metadata and separate the article from page noise."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadSourceError, NoInputError
from ..model import Skipped, Source
from .article import Article, Line, OffsetMap
from .decode import decode_bytes
from .html import extract_html
from .lines import classify, split_lines, words
from .metadata import find_metadata

__all__ = ["Article", "IngestResult", "Line", "collect_paths", "load_article", "load_articles"]

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_FRONT = re.compile(r"\A\ufeff?---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
_ENGLISH = frozenset("the of and to in a is that for on was with said as by".split())


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def collect_paths(inputs: list[Path]) -> list[Path]:
    """Source files named directly or found (non-recursively sorted) under folders."""
    found: list[Path] = []
    for p in inputs:
        if not p.exists():
            raise NoInputError(f"no such file or folder: {p}")
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                            and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            found.append(p)
    if not found:
        raise NoInputError("no article files (.txt, .md, .html) in " + ", ".join(map(str, inputs)))
    return found


def load_articles(paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES,
                  overrides: dict[str, dict[str, str]] | None = None) -> IngestResult:
    """Load every path; a file that cannot be used is recorded as skipped, not fatal."""
    result = IngestResult()
    for path in paths:
        sid = f"S{len(result.articles) + 1}"
        try:
            article = load_article(path, sid, max_bytes, (overrides or {}).get(path.name, {}))
        except BadSourceError as exc:
            result.skipped.append(Skipped(file=str(path), reason=str(exc).split(": ", 1)[-1]))
            continue
        result.articles.append(article)
    return result


def load_article(path: Path, sid: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 override: dict[str, str] | None = None) -> Article:
    """Read one file into an Article. Raises BadSourceError when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadSourceError(f"{path}: {size} bytes is over the size limit of {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        raise BadSourceError(f"{path}: cannot read ({exc.strerror})") from exc
    text = decode_bytes(data, str(path))
    front: dict[str, str] = {}
    is_html = path.suffix.lower() in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    if is_html:
        extracted = extract_html(text)
        text, front = extracted.text, extracted.front
    article = build_article(text, path, sid, front, override or {}, hashlib.sha256(data).hexdigest())
    if is_html:
        article.source.cited_file = f"sources/{sid}.txt"
    return article


def build_article(text: str, path: Path, sid: str, front: dict[str, str],
                  override: dict[str, str], digest: str = "") -> Article:
    """Classify the lines of ``text`` and assemble the Article with its offset map."""
    text = text.replace("\x00", "")
    lines = split_lines(text)
    fm = _FRONT.match(text)
    if fm:
        front = {**_parse_front(fm["body"]), **front}
        for ln in lines:
            if ln.end <= fm.end():
                ln.verdict, ln.reason = "meta", "front matter"
    classify([ln for ln in lines if ln.verdict != "meta"])
    source = Source(id=sid, file=str(path))
    find_metadata(lines, front, source)
    for key, value in override.items():
        setattr(source, key, value)
    body, offsets = _assemble_body(lines)
    if len(words(body)) < 20:
        raise BadSourceError(f"{path}: no article text found")
    if not _looks_english(body):
        raise BadSourceError(f"{path}: not in English")
    return Article(source=source, path=str(path), text=text, body=body, offsets=offsets,
                   lines=lines, digest=digest)


def _parse_front(block: str) -> dict[str, str]:
    out = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            out[key.strip().lower()] = value.strip().strip("'\"")
    return out


def _assemble_body(lines: list[Line]) -> tuple[str, OffsetMap]:
    parts: list[str] = []
    offsets = OffsetMap()
    pos = 0
    for ln in (x for x in lines if x.verdict == "body"):
        if parts:
            sep = " " if ln.reason.startswith("end of a sentence") else "\n\n"
            parts.append(sep)
            pos += len(sep)
        offsets.add(pos, ln.start, len(ln.text))
        parts.append(ln.text)
        pos += len(ln.text)
    return "".join(parts), offsets


def _looks_english(body: str) -> bool:
    ws = [w.lower() for w in words(body)[:400]]
    return bool(ws) and sum(w in _ENGLISH for w in ws) / len(ws) >= 0.08
