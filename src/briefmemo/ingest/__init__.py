"""Ingest: read source files, find their metadata and separate the article from page noise."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadSourceError, NoInputError
from ..model import Skipped, Source
from .article import Article, Line, OffsetMap
from .decode import decode_bytes
from .lines import classify, split_lines, words
from .metadata import Clues, find_metadata, resolve_folder

__all__ = ["Article", "IngestResult", "Line", "RawSource", "collect_paths", "load_article", "load_articles",
           "read_source"]

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


@dataclass
class RawSource:
    """A file read and decoded (HTML already reduced to its text), not yet classified."""

    path: Path
    text: str
    front: dict[str, str]
    is_html: bool
    digest: str


def load_articles(paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES,
                  overrides: dict[str, dict[str, str]] | None = None) -> IngestResult:
    """Load every path; a file that cannot be used is recorded as skipped, not fatal.

    The files are read first and classified together: a line that several files of the
    folder share is site furniture, and a site name or year one file gives can complete
    another's metadata.
    """
    result = IngestResult()
    raws: list[RawSource] = []
    for path in paths:
        try:
            raws.append(read_source(path, max_bytes))
        except BadSourceError as exc:
            result.skipped.append(_skip(path, exc))
    shared = shared_lines([r.text for r in raws])
    found = []
    for raw, others in zip(raws, shared):
        sid = f"S{len(result.articles) + 1}"
        try:
            article, clues = build_article(raw, sid, (overrides or {}).get(raw.path.name, {}), others)
        except BadSourceError as exc:
            result.skipped.append(_skip(raw.path, exc))
            continue
        result.articles.append(article)
        found.append((article.source, clues))
    resolve_folder(found)
    for article in result.articles:
        _apply_override(article.source, (overrides or {}).get(Path(article.path).name, {}))
    return result


def _skip(path: Path, exc: BadSourceError) -> Skipped:
    return Skipped(file=str(path), reason=str(exc).split(": ", 1)[-1])


def shared_lines(texts: list[str]) -> list[Counter[str]]:
    """For each text: its lines that other texts also hold, with how many others hold them."""
    per_file = [{ln.text for ln in split_lines(t) if ln.text} for t in texts]
    counts = Counter(line for lines in per_file for line in lines)
    return [Counter({line: counts[line] - 1 for line in lines if counts[line] > 1}) for lines in per_file]


def load_article(path: Path, sid: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 override: dict[str, str] | None = None) -> Article:
    """Read one file into an Article. Raises BadSourceError when it cannot be used."""
    article, clues = build_article(read_source(path, max_bytes), sid, override or {})
    resolve_folder([(article.source, clues)])
    _apply_override(article.source, override or {})
    return article


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawSource:
    """Read and decode one file. Raises BadSourceError when it cannot be used."""
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
        from .html import extract_html  # trafilatura is slow to import: only HTML needs it

        extracted = extract_html(text)
        text, front = extracted.text, extracted.front
    return RawSource(path, text, front, is_html, hashlib.sha256(data).hexdigest())


def build_article(raw: RawSource, sid: str, override: dict[str, str],
                  shared: Counter[str] | None = None) -> tuple[Article, Clues]:
    """Classify the lines of ``raw`` and assemble the Article with its offset map."""
    text, path = raw.text, raw.path
    lines = split_lines(text)
    front = dict(raw.front)
    fm = _FRONT.match(text)
    if fm:
        front = {**_parse_front(fm["body"]), **front}
        for ln in lines:
            if ln.end <= fm.end():
                ln.verdict, ln.reason = "meta", "front matter"
    classify([ln for ln in lines if ln.verdict != "meta"], shared)
    source = Source(id=sid, file=str(path))
    clues = find_metadata(lines, front, source)
    _apply_override(source, override)
    body, offsets = _assemble_body(lines)
    if not _looks_english(text, 0.06) or (body and not _looks_english(body, 0.08)):
        raise BadSourceError(f"{path}: not in English")
    if len(words(body)) < 20:
        raise BadSourceError(f"{path}: no article text found")
    if raw.is_html:
        source.cited_file = f"sources/{sid}.txt"
    article = Article(source=source, path=str(path), text=text, body=body, offsets=offsets,
                      lines=lines, digest=raw.digest)
    return article, clues


def _apply_override(source: Source, override: dict[str, str]) -> None:
    """Metadata set in briefmemo.toml wins over what was found in the file."""
    for key, value in override.items():
        if key == "authors" and isinstance(value, str):
            value = [value]  # type: ignore[assignment]
        if hasattr(source, key) and key not in ("id", "file", "cited_file"):
            setattr(source, key, value)


# Front-matter keys that blog engines and note apps use for the fields ingest fills.
_FRONT_KEYS = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "published_at", "date_published", "datepublished"),
    "author": ("author", "authors", "by", "byline"),
    "url": ("url", "canonical_url", "canonical", "link", "permalink", "source_url"),
    "outlet": ("outlet", "site", "site_name", "publisher", "publication"),
}


def _parse_front(block: str) -> dict[str, str]:
    """``key: value`` lines of a front-matter block, mapped to title/date/author/url/outlet."""
    raw = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            value = value.strip()
            if value.startswith("[") and value.endswith("]"):  # a YAML flow list: [A, B]
                value = ", ".join(v.strip().strip("'\"") for v in value[1:-1].split(","))
            raw[key.strip().lower()] = value.strip("'\"")
    out = dict(raw)
    for name, keys in _FRONT_KEYS.items():
        found = next((raw[k] for k in keys if raw.get(k)), None)
        if found:
            out[name] = found
    return out


def _assemble_body(lines: list[Line]) -> tuple[str, OffsetMap]:
    parts: list[str] = []
    offsets = OffsetMap()
    pos = 0
    prev_reason = ""
    for ln in (x for x in lines if x.verdict == "body"):
        if parts:
            rejoin = ln.reason.startswith("end of a sentence") or prev_reason.startswith("sentence broken")
            sep = " " if rejoin else "\n\n"
            parts.append(sep)
            pos += len(sep)
        offsets.add(pos, ln.start, len(ln.text))
        parts.append(ln.text)
        pos += len(ln.text)
        prev_reason = ln.reason
    return "".join(parts), offsets


def _looks_english(text: str, floor: float) -> bool:
    """English prose is about a fifth function words; other languages have almost none of these.

    Too few words to tell counts as English (the "no article text" check then decides).
    """
    ws = [w.lower() for w in words(text)[:2000]]
    return len(ws) < 15 or sum(w in _ENGLISH for w in ws) / len(ws) >= floor
