"""People and organisations in an article: canonical names, name variants, roles, sides."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from .context import ArticleContext
from .facts import ActorFact

_TITLE_POS = {"PROPN", "ADJ", "NOUN"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "prime", "premier"}


def person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, trimmed of words the tagger swept in ("Both Abe" -> "Abe")."""
    spans = []
    for ent in (e for e in doc.ents if e.label_ == "PERSON"):
        start = ent.start
        while start < ent.end - 1 and doc[start].pos_ != "PROPN":
            start += 1
        span = doc[start:ent.end]
        if any(t.is_alpha for t in span) and doc[start].pos_ == "PROPN":
            spans.append(span)
    return spans


def canonical_names(spans: list[Span]) -> dict[str, str]:
    """Map each name variant to the fullest form the article uses ("Putin" -> "Vladimir Putin")."""
    counts = Counter(_clean(s.text) for s in spans)
    full = sorted((n for n in counts if " " in n), key=lambda n: (-len(n.split()), -counts[n], n))
    mapping: dict[str, str] = {}
    for name in counts:
        last = name.split()[-1]
        first = name.split()[0]
        match = next((f for f in full if f.split()[-1] == last or
                      (" " not in name and f.split()[0] == first)), None)
        mapping[name] = match or name
    return mapping


def _clean(name: str) -> str:
    name = name.replace("’s", "").replace("'s", "").strip(" ,.")
    parts = [p for p in name.split() if p.lower().strip(".") not in _HONORIFICS]
    return " ".join(parts) or name


def _title_word(tok) -> bool:  # type: ignore[no-untyped-def]
    if tok.tag_ == "POS":
        return True
    return tok.pos_ in _TITLE_POS and tok.is_alpha and tok.ent_type_ not in ("PERSON", "DATE", "ORG")


def role_before(span: Span) -> Span | None:
    """Title words right before a name: "Russian President", "Japan's Chief Cabinet Secretary"."""
    doc, start = span.doc, span.start
    while start > span.sent.start and _title_word(doc[start - 1]):
        start -= 1
    words = doc[start:span.start]
    if not len(words) or not any(t.is_title for t in words) or all(t.ent_type_ == "GPE" for t in words):
        return None
    return words


def side_hint(role: Span | None) -> str | None:
    """The nationality or country word of a title ("Russian" in "Russian President")."""
    return next((t.text for t in role or [] if t.ent_type_ in ("NORP", "GPE")), None)


def find_actors(ctx: ArticleContext) -> list[ActorFact]:
    spans = person_spans(ctx.doc)
    ctx.names.update(canonical_names(spans))
    actors: dict[str, ActorFact] = {}
    for span in spans:
        name = ctx.names[_clean(span.text)]
        actor = actors.setdefault(name, ActorFact(name))
        actor.aliases.add(_clean(span.text))
        actor.mentions += 1
        actor.as_subject += span.root.dep_ in ("nsubj", "nsubjpass")
        role = role_before(span)
        if role is not None and (actor.role is None or len(role.text) > len(actor.role)):
            actor.role = role.text
            actor.side = side_hint(role) or actor.side
    return list(actors.values())


def canonical(ctx: ArticleContext, text: str) -> str:
    return ctx.names.get(_clean(text), _clean(text))
