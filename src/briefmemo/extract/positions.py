"""Sentences in which an actor or a side states what it wants, proposes, rejects or demands."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .actors import canonical
from .context import ArticleContext
from .facts import DateMention, PositionFact

STANCE_VERBS = frozenset(
    "want propose insist demand reject offer warn refuse suggest seek hope intend agree oppose "
    "urge call push plan wish need link accept rule welcome criticise criticize condemn "
    "threaten promise vow pledge".split())
_MODALS = {"must", "should", "need", "would", "will", "could", "cannot", "ca"}
_SAY = {"say", "tell", "state", "add", "declare", "stress", "reiterate", "repeat"}


def find_positions(ctx: ArticleContext, dates: list[DateMention]) -> list[PositionFact]:
    found = []
    for sent in ctx.doc.sents:
        holder = _stance_holder(sent)
        if holder is None:
            continue
        name, side = _holder_name(ctx, holder)
        if name is None:
            continue
        found.append(PositionFact(name, side, sent.text.strip(), _date_of(ctx, sent, dates),
                                  ctx.cite_span(sent)))
    return found


def _stance_holder(sent: Span) -> Token | None:
    """The subject of a stance verb, or of a verb of saying whose clause carries one."""
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or _in_quote(tok):
            continue
        lemma = tok.lemma_.lower()
        stance = lemma in STANCE_VERBS
        if lemma in _SAY:
            stance = any(t.lemma_.lower() in STANCE_VERBS or t.lower_ in _MODALS
                         for c in tok.children if c.dep_ == "ccomp" for t in c.subtree)
        if not stance:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
            return subj
    return None


def _in_quote(tok: Token) -> bool:
    before = tok.doc.text[tok.sent.start_char:tok.idx]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1


def _holder_name(ctx: ArticleContext, tok: Token) -> tuple[str | None, str | None]:
    if tok.ent_type_ == "PERSON":
        ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
        return canonical(ctx, ent.text), None
    if tok.ent_type_ in ("GPE", "NORP", "ORG"):
        ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
        return ent.text, ent.text
    return None, None


def _date_of(ctx: ArticleContext, sent: Span, dates: list[DateMention]) -> str | None:
    for d in dates:
        if sent.start_char <= d.start < sent.end_char and d.type != "DURATION" and d.value \
                and d.value[:1].isdigit() and d.tense == "past":
            return d.value
    return ctx.published.isoformat() if ctx.published else None
