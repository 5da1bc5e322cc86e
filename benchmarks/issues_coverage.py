"""Open issues: coverage of the hand-listed issues of the seeds and of our own stories.

A key issue counts as covered when one memo issue has a fitting title (it contains one of
the key's keywords) and holds its evidence (at least one of the key's evidence excerpts is
inside one of that issue's evidence sentences). Each memo issue covers at most one key
issue (a one-to-one matching), so one broad issue cannot claim several. Memo issues that
match no key issue are printed as false finds.

    .venv/bin/python benchmarks/issues_coverage.py [--json]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEEDS_KEY = ROOT / "tests" / "keys" / "seeds_issues.json"
STORIES = ROOT / "tests" / "fixtures" / "stories"


def norm(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def key_issues(path: Path) -> list[dict]:
    """The key's issues as {title, keywords, excerpts, optional}, from either key format."""
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data["issues"] if isinstance(data, dict) else data
    out = []
    for item in items:
        excerpts = item.get("evidence_excerpts") or [e["excerpt"] for e in item.get("evidence", [])]
        sides = [k for k, v in (item.get("sides") or {}).items() if v]
        out.append({"title": item["title"], "keywords": item["keywords"], "excerpts": excerpts,
                    "optional": bool(item.get("optional")), "sides": sides})
    return out


def fits(found: dict, key: dict) -> bool:
    """Title holds a keyword and an evidence sentence holds a key excerpt."""
    title = norm(found["title"])
    if not any(norm(k) in title for k in key["keywords"]):
        return False
    texts = [norm(e["text"]) for e in found["evidence"]]
    return any(norm(x) in t for x in key["excerpts"] for t in texts)


def match(found: list[dict], keys: list[dict]) -> dict[int, int]:
    """A maximum one-to-one matching key index -> found index (augmenting paths)."""
    owner: dict[int, int] = {}  # found index -> key index

    def assign(k: int, seen: set[int]) -> bool:
        for f, issue in enumerate(found):
            if f in seen or not fits(issue, keys[k]):
                continue
            seen.add(f)
            if f not in owner or assign(owner[f], seen):
                owner[f] = k
                return True
        return False

    for k in sorted(range(len(keys)), key=lambda k: keys[k]["optional"]):
        assign(k, set())
    return {k: f for f, k in owner.items()}


def score(found: list[dict], keys: list[dict]) -> dict:
    pairs = match(found, keys)
    required = [k for k in range(len(keys)) if not keys[k]["optional"]]
    covered = [k for k in required if k in pairs]
    optional = [k for k in range(len(keys)) if keys[k]["optional"] and k in pairs]
    false = [f for f in range(len(found)) if f not in pairs.values()]
    # Where the key names the sides that argue an issue: how many have a stance in the memo.
    key_sides = [(k, side) for k in pairs for side in keys[k]["sides"]]
    with_stance = [(k, side) for k, side in key_sides
                   if side in {s["side"] for s in found[pairs[k]].get("stances", [])}]
    return {"covered": len(covered), "required": len(required), "optional_covered": len(optional),
            "found": len(found), "false": len(false),
            "lines": _lines(found, keys, pairs, false),
            "key_sides": len(key_sides), "key_sides_with_stance": len(with_stance),
            "with_two_stances": sum(len({s["side"] for s in i.get("stances", [])}) >= 2 for i in found)}


def _lines(found: list[dict], keys: list[dict], pairs: dict[int, int], false: list[int]) -> list[str]:
    out = []
    for k, key in enumerate(keys):
        tag = " (optional)" if key["optional"] else ""
        got = f"-> {found[pairs[k]]['title']!r}" if k in pairs else "MISSED"
        out.append(f"  key {key['title']!r}{tag}: {got}")
    for f in false:
        out.append(f"  false find: {found[f]['title']!r}")
    return out


def memo_issues(folder: Path) -> list[dict]:
    from briefmemo import build_memo

    return build_memo([folder]).to_dict()["open_issues"]


def main() -> int:
    cases = [("seeds", SEEDS, SEEDS_KEY)]
    cases += [(d.name, d, d / "key.json") for d in sorted(STORIES.iterdir()) if (d / "key.json").is_file()]
    results = {}
    for name, folder, key in cases:
        result = score(memo_issues(folder), key_issues(key))
        results[name] = {k: v for k, v in result.items() if k != "lines"}
        print(f"{name}: {result['covered']}/{result['required']} key issues covered "
              f"(optional {result['optional_covered']}), {result['false']} of {result['found']} "
              f"found issues match no key issue, {result['with_two_stances']} with stances of two sides"
              + (f"; of the key's arguing sides on covered issues, {result['key_sides_with_stance']}"
                 f"/{result['key_sides']} have a stance" if result["key_sides"] else ""))
        print("\n".join(result["lines"]))
    if "--json" in sys.argv:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
