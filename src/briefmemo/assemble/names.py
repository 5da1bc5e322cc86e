"""One canonical name per person across all the articles."""

from __future__ import annotations

from collections import Counter

from ..extract.facts import ArticleFacts


def global_names(facts: list[ArticleFacts], config: dict[str, str]) -> dict[str, str]:
    """Map every name variant in any article to one canonical name across the articles."""
    people = [a for f in facts for a in f.actors if a.kind == "person"]
    full = Counter(a.name for a in people if " " in a.name)
    mapping: dict[str, str] = {}
    for f in facts:
        for a in (a for a in f.actors if a.kind == "person"):
            for variant in a.aliases | {a.name}:
                mapping[variant] = _fullest(variant, full)
    mapping.update(config)
    return mapping


def _fullest(name: str, full: Counter[str]) -> str:
    last = name.split()[-1]
    matches = [
        n
        for n in full
        if n.split()[-1] == last and (" " not in name or n.endswith(name) or name.endswith(" " + n))
    ]
    return max(matches, key=lambda n: (full[n], len(n), n)) if matches else name
