"""Direct quotations on real annotated news: PolNeAR dev (25 political news articles).

    .venv/bin/python benchmarks/quotes_polnear.py [--verbose]

Runs `briefmemo quotes` (in-process: the same collect_quotes the command prints) over the
articles written to a temporary folder, and textacy 0.13's direct_quotations as shipped
over the same texts, and prints, for the direct-quote attributions of the gold:
- precision: predicted quotations that overlap the content of a gold direct attribution;
- recall: gold direct attributions with at least one predicted quotation in their content;
- speaker accuracy: over the recalled ones, the predicted speaker agrees with the gold
  source mention (its syntactic head word is in the predicted speaker); a gold he/she
  stands for the person it refers to, resolved by hand by reading the articles
  (HAND_ANTECEDENTS below), so no resolver of ours decides what the answer is. A missing
  speaker counts as wrong.

The data is read from ../shared/eval (research use only; never copied into the repo).
Needs textacy for the second row (benchmarks/requirements.txt); without it the row says so.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-dev" / "polnear_dev25.json"
sys.path.insert(0, str(ROOT / "src"))

_PRONOUNS = {"he", "she", "him", "her"}

# He/she sources of the gold, resolved by hand (read in each article, 2026-11-22):
# (article id, offset of the pronoun) -> the surname of the person it stands for.
HAND_ANTECEDENTS = {
    ("huff-post_2016-09-10_trump-s-east-european-achilles-h", 2218): "trump",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 808): "obama",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 945): "obama",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 3081): "obama",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 7555): "obama",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 9069): "obama",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 11136): "obama",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 11260): "obama",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 16347): "obama",
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 17458): "obama",
    ("usa-today_2016-09-08_candidates-vie-for-vets-support-", 1813): "trump",
    ("usa-today_2016-09-08_candidates-vie-for-vets-support-", 2155): "trump",
    ("usa-today_2016-09-08_candidates-vie-for-vets-support-", 2323): "trump",
    ("usa-today_2016-09-08_candidates-vie-for-vets-support-", 3390): "palmieri",
    ("usa-today_2016-09-08_candidates-vie-for-vets-support-", 3773): "trump",
    ("wash-post_2016-09-08_virginian-could-make-history-aga", 6707): "scott",
    ("wash-post_2016-09-08_virginian-could-make-history-aga", 8683): "scott",
    ("wash-post_2016-09-08_virginian-could-make-history-aga", 8939): "scott",
    ("west-journal_2016-09-12_obama-seeks-more-muslim-refugees", 946): "obama",
    ("huff-post_2016-09-16_black-lawmakers-rip-donald-trump", 2983): "trump",
    ("nyt_2016-09-12_visa-program-up-for-renewal-amid", 4357): "brunner",
    ("politico_2016-09-12_former-dnc-chairman-calls-for-cl", 1095): "fowler",
    ("politico_2016-09-12_former-dnc-chairman-calls-for-cl", 1348): "fowler",
    ("politico_2016-09-12_former-dnc-chairman-calls-for-cl", 2015): "fowler",
    ("politico_2016-09-12_former-dnc-chairman-calls-for-cl", 2814): "rendell",
    ("politico_2016-09-12_former-dnc-chairman-calls-for-cl", 3367): "rendell",
    ("politico_2016-09-12_former-dnc-chairman-calls-for-cl", 5934): "fowler",
    ("usa-today_2016-09-08_lawmaker-urges-retaliation-on-ru", 2332): "schiff",
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 1991): "obama",
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 2283): "obama",
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 2682): "ban",
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 3095): "kerry",
    ("west-journal_2016-09-14_clinton-hid-past-health-problems", 1725): "clinton",
    ("huff-post_2016-09-20_elizabeth-warren-hammers-wells-f", 1297): "warren",
    ("huff-post_2016-09-20_elizabeth-warren-hammers-wells-f", 1904): "warren",
    ("huff-post_2016-09-20_elizabeth-warren-hammers-wells-f", 5067): "clinton",
    ("politico_2016-09-15_trump-s-favorite-tv-doctor-has-a", 4839): "mccaskill",
    ("wash-post_2016-09-14_a-lesson-from-loretta-lynch-be-t", 1382): "lynch",
    ("wash-post_2016-09-14_a-lesson-from-loretta-lynch-be-t", 3111): "lynch",
    ("wash-post_2016-09-14_a-lesson-from-loretta-lynch-be-t", 4396): "lynch",
    ("wash-post_2016-09-14_a-lesson-from-loretta-lynch-be-t", 6451): "lynch",
    ("wash-post_2016-09-14_a-lesson-from-loretta-lynch-be-t", 6841): "lynch",
    ("west-journal_2016-09-15_retired-general-reveals-demorali", 613): "ham",
    ("west-journal_2016-09-15_retired-general-reveals-demorali", 919): "ham",
    ("west-journal_2016-09-15_retired-general-reveals-demorali", 1376): "ham",
    ("west-journal_2016-09-15_retired-general-reveals-demorali", 1638): "ham",
    ("west-journal_2016-09-15_retired-general-reveals-demorali", 1898): "ham",
    ("huff-post_2016-09-20_hillary-clinton-speaks-directly-", 785): "clinton",
}

_DETS = {"the", "a", "an"}


@dataclass
class Gold:
    spans: list[tuple[int, int]]  # content spans
    source: str  # the speaker mention as annotated
    head: str  # its head word (lower case), what a predicted speaker must contain
    start: int  # where the source mention is
    pronoun: bool = False  # a he/she mention, judged against the person resolved by hand


@dataclass
class Pred:
    start: int
    end: int
    speaker: str | None


@dataclass
class Score:
    pred: int = 0
    pred_ok: int = 0
    gold: int = 0
    found: int = 0
    speaker_ok: int = 0
    speaker_missing: int = 0
    pronoun_found: int = 0
    pronoun_ok: int = 0
    crashed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def head_word(nlp, text: str) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    """Head word of a mention (lower case) and whether it names someone (a proper noun or
    a PERSON inside), which is what a pronoun may stand for."""
    doc = nlp(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[-1] if len(doc) else None)
    named = root is not None and (root.pos_ == "PROPN" or any(e.label_ == "PERSON" for e in doc.ents))
    return (root.text if root is not None else text).lower().replace("’s", "").replace("'s", ""), named


def gold_of(doc: dict, nlp) -> list[Gold]:  # type: ignore[no-untyped-def]
    """Direct attributions; a he/she source replaced by the last named source before it."""
    out: list[Gold] = []
    named: list[tuple[int, str, str]] = []  # (start, text, head) of named sources
    attrs = sorted(doc["attributions"], key=lambda a: a["source"][0]["start"] if a["source"] else 0)
    heads = {}
    for a in attrs:
        if not a["source"]:
            continue
        text = " ".join(s["text"] for s in a["source"])
        heads[id(a)], is_named = head_word(nlp, text)
        if text.lower() not in _PRONOUNS and is_named:
            named.append((a["source"][0]["start"], text, heads[id(a)]))
    for a in attrs:
        if not a.get("direct") or not a["source"]:
            continue
        text = " ".join(s["text"] for s in a["source"])
        start = a["source"][0]["start"]
        head = heads[id(a)]
        if text.lower() in _PRONOUNS and (doc["id"], start) in HAND_ANTECEDENTS:
            head = HAND_ANTECEDENTS[(doc["id"], start)]
            text = f"{text} (= {head}, by hand)"
        elif text.lower() in _PRONOUNS:  # not in the hand list: the last named source before it
            before = [n for n in named if n[0] < start]
            head = before[-1][2] if before else ""
            text = f"{text} (= {before[-1][1]})" if before else text
        out.append(Gold([(c["start"], c["end"]) for c in a["content"]], text, head, start,
                        text.split()[0].lower() in _PRONOUNS))
    return out


def overlaps(p: Pred, g: Gold) -> bool:
    return any(p.start < e and s < p.end for s, e in g.spans)


def speaker_agrees(speaker: str | None, g: Gold) -> bool:
    if not speaker or not g.head:
        return False
    words = _words(speaker)
    # the mention's head is in the speaker ("Trump" ~ "Donald Trump"), or the speaker's
    # full name is in the mention ("Robby Mook" ~ "Clinton's campaign manager Robby Mook")
    return g.head in words or (len(words) >= 2 and words <= _words(g.source))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("’s", "").replace("'s", ""))) - _DETS


def score_doc(preds: list[Pred], golds: list[Gold], score: Score, name: str, verbose: bool) -> None:
    score.pred += len(preds)
    score.gold += len(golds)
    for p in preds:
        if any(overlaps(p, g) for g in golds):
            score.pred_ok += 1
        elif verbose:
            score.errors.append(f"  FP {name}:{p.start}-{p.end} {p.speaker}")
    for g in golds:
        hits = [p for p in preds if overlaps(p, g)]
        if not hits:
            if verbose:
                score.errors.append(f"  FN {name}:{g.spans[0][0]} [{g.source}]")
            continue
        score.found += 1
        speaker = next((p.speaker for p in hits if p.speaker), None)
        score.pronoun_found += g.pronoun
        if speaker_agrees(speaker, g):
            score.speaker_ok += 1
            score.pronoun_ok += g.pronoun
        else:
            score.speaker_missing += speaker is None
            if verbose:
                score.errors.append(f"  SPEAKER {name}:{g.spans[0][0]} gold [{g.source}] got [{speaker}]")


def run_briefmemo(docs: list[dict], nlp) -> dict[str, list[Pred]]:  # type: ignore[no-untyped-def]
    from briefmemo.commands.quotes import collect_quotes

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, d in enumerate(docs):
            path = Path(tmp) / f"{i:02d}.txt"
            path.write_text(d["text"], encoding="utf-8")
            paths.append(path)
        found = collect_quotes(paths, nlp)
        out: dict[str, list[Pred]] = {str(p): [] for p in paths}
        for q in found:
            c = q["citations"][0]
            out[c["file"]].append(Pred(c["start"], c["end"], q["speaker"]))
        return {d["id"]: out[str(p)] for d, p in zip(docs, paths)}


def run_textacy(docs: list[dict], nlp, score: Score) -> dict[str, list[Pred]] | None:  # type: ignore[no-untyped-def]
    try:
        from textacy.extract.triples import direct_quotations
    except Exception as exc:  # noqa: BLE001 - report any failure to import honestly
        print(f"textacy: cannot import ({exc.__class__.__name__}: {exc}); "
              "install benchmarks/requirements.txt")
        return None
    out: dict[str, list[Pred]] = {}
    for d in docs:
        doc = nlp(d["text"])
        try:
            triples = list(direct_quotations(doc))
        except Exception as exc:  # noqa: BLE001 - textacy raises on some articles
            score.crashed.append(f"{d['id']}: {exc.__class__.__name__}: {str(exc)[:80]}")
            out[d["id"]] = []
            continue
        out[d["id"]] = [Pred(t.content.start_char, t.content.end_char,
                             " ".join(tok.text for tok in t.speaker) or None) for t in triples]
    return out


def report(name: str, s: Score) -> None:
    p = s.pred_ok / s.pred if s.pred else 0.0
    r = s.found / s.gold if s.gold else 0.0
    acc = s.speaker_ok / s.found if s.found else 0.0
    print(f"{name:<22} P {p:.3f} ({s.pred_ok}/{s.pred})  R {r:.3f} ({s.found}/{s.gold})  "
          f"speaker {acc:.3f} ({s.speaker_ok}/{s.found}, {s.speaker_missing} without speaker)"
          + (f"  crashed on {len(s.crashed)} article(s)" if s.crashed else ""))
    named = s.found - s.pronoun_found
    print(f"{'':<22} speaker on named mentions {(s.speaker_ok - s.pronoun_ok) / max(named, 1):.3f} "
          f"({s.speaker_ok - s.pronoun_ok}/{named}); on he/she {s.pronoun_ok / max(s.pronoun_found, 1):.3f} "
          f"({s.pronoun_ok}/{s.pronoun_found}, antecedents resolved by hand)")


def main(verbose: bool = False) -> dict[str, float]:
    from briefmemo.annotate import load_model

    data = json.loads(DATA.read_text(encoding="utf-8"))
    docs = data["docs"]
    nlp = load_model()
    golds = {d["id"]: gold_of(d, nlp) for d in docs}
    ours, theirs = Score(), Score()
    for doc_id, preds in run_briefmemo(docs, nlp).items():
        score_doc(preds, golds[doc_id], ours, doc_id, verbose)
    # textacy as shipped, on the same spaCy pipeline, over each article's whole text
    tx = run_textacy(docs, nlp, theirs)
    print(f"PolNeAR dev, {len(docs)} articles, {sum(len(g) for g in golds.values())} gold direct attributions")
    report("briefmemo", ours)
    if tx is not None:
        for doc_id, preds in tx.items():
            score_doc(preds, golds[doc_id], theirs, doc_id, False)
        report("textacy 0.13 (shipped)", theirs)
        for line in theirs.crashed:
            print("  textacy crashed:", line)
    if verbose:
        print("\n".join(ours.errors))
    return {"precision": ours.pred_ok / max(ours.pred, 1), "recall": ours.found / max(ours.gold, 1),
            "speaker": ours.speaker_ok / max(ours.found, 1)}


if __name__ == "__main__":
    main("--verbose" in sys.argv)
