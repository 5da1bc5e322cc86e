"""Actors, sides and positions against the hand-written keys.

Prints, for the seeds (tests/keys/seeds_actors.json) and each story of our own making
(tests/fixtures/stories/*/key.json):
- actor P/R: the key's named actors found among the memo's actors (by name or alias), and
  the share of the memo's person/organisation actors that are in the key;
- alias P/R: name variants of matched actors (the key's "aliases" vs the memo's name+aliases);
- side accuracy: key actors placed on the key's side (a missing actor counts as wrong);
- position P/R: key position excerpts found inside a position of the same side (and the
  same source file); precision over the memo's side positions; date accuracy where the key
  gives a date; shifts: key shifts whose later position carries a note.

Run: .venv/bin/python benchmarks/actors_positions.py   (add --json for machine-readable figures,
--detail to list the memo positions no key position matches and the key positions missed)
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefmemo import build_memo
from briefmemo.assemble.common import norm
from briefmemo.model import Memo

CORPORA = [("seeds", ROOT / "seeds", ROOT / "tests" / "keys" / "seeds_actors.json")] + [
    (p.parent.name, p.parent, p) for p in sorted((ROOT / "tests" / "fixtures" / "stories").glob("*/key.json"))
]


def side_names(key: dict) -> dict[str, set[str]]:
    """Key side -> every way of writing it (name and aliases), normalised."""
    return {
        name: {norm(name)} | {norm(a) for a in info.get("aliases", [])} for name, info in key["sides"].items()
    }


def same_side(predicted: str | None, key_side: str | None, sides: dict[str, set[str]]) -> bool:
    if predicted is None or key_side is None:
        return predicted == key_side
    return norm(predicted) in sides.get(key_side, {norm(key_side)})


def match_actor(memo: Memo, key_actor: dict):
    names = {norm(key_actor["name"])} | {norm(a) for a in key_actor.get("aliases", [])}
    for a in memo.actors:
        if norm(a.name) in names or norm(key_actor["name"]) in {norm(x) for x in a.aliases}:
            return a
    return None


def evaluate(memo: Memo, key: dict) -> dict[str, float]:
    sides = side_names(key)
    side_words = set().union(*sides.values()) if sides else set()
    actors = key["actors"]
    matched = {k["name"]: match_actor(memo, k) for k in actors}
    found = [a for a in matched.values() if a is not None]
    people = [
        a
        for a in memo.actors
        if norm(a.name) not in side_words and a.name not in {s.name for s in memo.sides}
    ]
    key_names = {norm(k["name"]) for k in actors} | {norm(x) for k in actors for x in k.get("aliases", [])}
    key_names |= {norm(u["name"]) for u in key.get("unnamed_actors", [])}
    in_key = [a for a in people if norm(a.name) in key_names or any(norm(x) in key_names for x in a.aliases)]
    tp_alias = pred_alias = gold_alias = 0
    for k in actors:
        a = matched[k["name"]]
        gold = {norm(k["name"])} | {norm(x) for x in k.get("aliases", [])}
        gold_alias += len(gold)
        if a is not None:
            pred = {norm(a.name)} | {norm(x) for x in a.aliases}
            pred_alias += len(pred)
            tp_alias += len(pred & gold)
    right_side = sum(
        1
        for k in actors
        if matched[k["name"]] is not None and same_side(matched[k["name"]].side, k.get("side"), sides)
    )
    files = {s.id: s.file.rsplit("/", 1)[-1] for s in memo.sources}
    pred_positions = [(s.name, p) for s in memo.sides for p in s.positions]

    def holds(pred, kp) -> bool:
        side, p = pred
        return (
            norm(kp["excerpt"]) in norm(p.text)
            and same_side(side, kp["side"], sides)
            and any(files.get(c.source) == kp["file"] for c in p.citations)
        )

    hits = [next((pp for pp in pred_positions if holds(pp, kp)), None) for kp in key["positions"]]
    sentence_only = sum(
        1 for kp in key["positions"] if any(norm(kp["excerpt"]) in norm(p.text) for _, p in pred_positions)
    )
    correct_pred = sum(1 for pp in pred_positions if any(holds(pp, kp) for kp in key["positions"]))
    dated = [(kp, h) for kp, h in zip(key["positions"], hits) if h is not None and kp.get("date")]
    shifts = _shift_keys(key)
    shift_hits = sum(
        1 for s in shifts if any(norm(s["excerpt"]) in norm(p.text) and p.note for _, p in pred_positions)
    )
    return {
        "actor_recall": len(found) / len(actors) if actors else 0.0,
        "actor_precision": len(in_key) / len(people) if people else 0.0,
        "alias_precision": tp_alias / pred_alias if pred_alias else 0.0,
        "alias_recall": tp_alias / gold_alias if gold_alias else 0.0,
        "side_accuracy": right_side / len(actors) if actors else 0.0,
        "position_recall": sum(h is not None for h in hits) / len(hits) if hits else 0.0,
        "position_sentence_recall_any_side": sentence_only / len(hits) if hits else 0.0,
        "position_precision": correct_pred / len(pred_positions) if pred_positions else 0.0,
        "position_date_accuracy": sum(h[1].date == kp["date"] for kp, h in dated) / len(dated)
        if dated
        else 0.0,
        "shifts_marked": shift_hits / len(shifts) if shifts else 0.0,
        "n_key_positions": len(hits),
        "n_pred_positions": len(pred_positions),
        "n_key_shifts": len(shifts),
        "_unmatched": [
            f"{side} [{files.get(p.citations[0].source) if p.citations else '?'}] {p.text}"
            for side, p in pred_positions
            if not any(holds((side, p), kp) for kp in key["positions"])
        ],
        "_unmatched_quoting_key_quote": sum(
            1
            for side, p in pred_positions
            if not any(holds((side, p), kp) for kp in key["positions"])
            and any(len(norm(q["text"])) >= 12 and norm(q["text"]) in norm(p.text) for q in key.get("quotes", []))
        ),
        "_missed": [f"{kp['side']} [{kp['file']}] {kp['excerpt']}" for kp, h in zip(key["positions"], hits) if h is None],
    }


def _shift_keys(key: dict) -> list[dict]:
    if "position_shifts" in key:
        return [s["to"] for s in key["position_shifts"]]
    return [p for p in key["positions"] if p.get("shift")]


def main() -> None:
    logging.disable(logging.WARNING)
    results = {}
    for name, folder, key_path in CORPORA:
        memo = build_memo([folder])
        results[name] = evaluate(memo, json.loads(key_path.read_text(encoding="utf-8")))
    if "--json" in sys.argv:
        print(json.dumps({n: {k: v for k, v in r.items() if not k.startswith("_")} for n, r in results.items()}, indent=2))
        return
    cols = [
        "actor_recall",
        "actor_precision",
        "alias_precision",
        "alias_recall",
        "side_accuracy",
        "position_recall",
        "position_sentence_recall_any_side",
        "position_precision",
        "position_date_accuracy",
        "shifts_marked",
    ]
    print(f"{'corpus':22s} " + " ".join(f"{c[:14]:>14s}" for c in cols))
    for name, r in results.items():
        print(f"{name:22s} " + " ".join(f"{r[c]:14.2f}" for c in cols))
    for name, r in results.items():
        print(
            f"{name}: {r['n_key_positions']} key positions, {r['n_pred_positions']} memo positions, "
            f"{r['n_key_shifts']} key shifts"
        )
    if "--detail" in sys.argv:
        for name, r in results.items():
            print(
                f"{name}: {r['_unmatched_quoting_key_quote']} of {len(r['_unmatched'])} unmatched memo positions "
                "hold a quotation from the key's quotes list (stated lines the key's position list may leave out)"
            )
        for name, r in results.items():
            print(f"\n== {name}: memo positions matching no key position")
            for line in r["_unmatched"]:
                print("  -", line)
            print(f"== {name}: key positions missed")
            for line in r["_missed"]:
                print("  -", line)


if __name__ == "__main__":
    main()
