"""Candidate issue phrases: noun phrases with the sentences they occur in."""

from __future__ import annotations

import re

from spacy.tokens import Span

from .context import ArticleContext
from .facts import DateMention, PhraseFact
from .positions import _date_of

DISPUTE_CUES = re.compile(
    r"\b(disput\w*|insist\w*|demand\w*|reject\w*|condition\w*|precondition\w*|only then|must first|"
    r"unresolved|stumbling block|sovereignty|sanction\w*|no guarantees?|refus\w*|oppos\w*|"
    r"concern\w*|stance|position|claim\w*)\b", re.I)
_SKIP_POS = {"DET", "PRON", "PUNCT", "NUM", "CCONJ", "ADP", "PART", "SPACE"}
_GENERIC = frozenset("year years time way thing things people part side sides country countries "
                     "leader leaders official officials day days month week issue issues".split())


def find_phrases(ctx: ArticleContext, dates: list[DateMention]) -> list[PhraseFact]:
    found = []
    for sent in ctx.doc.sents:
        cue = bool(DISPUTE_CUES.search(sent.text))
        for chunk in sent.noun_chunks:
            key = phrase_key(chunk)
            if key is None:
                continue
            found.append(PhraseFact(key, _surface(chunk), sent.text.strip(),
                                    _date_of(ctx, sent, dates), ctx.cite_span(sent), cue))
    return found


def phrase_key(chunk: Span) -> str | None:
    """Lower-case lemmas of the content words, or None for names, pronouns and generic nouns."""
    if chunk.root.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "CARDINAL", "ORDINAL"):
        return None
    words = [t for t in chunk if t.pos_ not in _SKIP_POS and t.is_alpha or t.like_num and t.pos_ == "NUM" and len(t) == 4]
    lemmas = [t.lemma_.lower() for t in words]
    if not lemmas or (len(lemmas) == 1 and (lemmas[0] in _GENERIC or len(lemmas[0]) < 4)):
        return None
    return " ".join(lemmas)


def _surface(chunk: Span) -> str:
    tokens = [t for t in chunk if t.pos_ not in ("DET", "PRON") or t.i > chunk.start]
    return chunk.doc[tokens[0].i:chunk.end].text if tokens else chunk.text
