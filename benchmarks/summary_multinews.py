"""Summary quality on Multi-News clusters: ROUGE of briefmemo's summary vs Lead baselines.

Reads ../shared/eval/multinews (never copied into the project). Each cluster's articles
are written to a temporary folder as .txt files and run through the whole pipeline;
the memo's summary lines, in memo order, are cut to N words and scored with rouge-score
(F1, Porter stemming) against the human reference. Baselines on the same clusters:
Lead-3 per article (round-robin over articles), and the first sentences of article 1.

    .venv/bin/python benchmarks/summary_multinews.py [--words 100]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from statistics import mean

from rouge_score import rouge_scorer

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "multinews"


def cut(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text)) if len(s.split()) > 3]


def lead_round_robin(articles: list[str], n: int = 3) -> str:
    leads = [sentences(a)[:n] for a in articles]
    return " ".join(s for i in range(n) for lead in leads if i < len(lead) for s in [lead[i]])


def briefmemo_summary(articles: list[str], nlp) -> str:  # type: ignore[no-untyped-def]
    from briefmemo import build_memo
    from briefmemo.config import Config

    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(articles):
            (Path(tmp) / f"{i:03d}.txt").write_text(text, encoding="utf-8")
        try:
            memo = build_memo([tmp], config=Config())
        except Exception as exc:  # a cluster with no usable article: score it as empty
            print(f"  (no memo: {exc})", file=sys.stderr)
            return ""
    return " ".join(item.text for item in memo.summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=100)
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"Multi-News sample not found at {EVAL}")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    rows: dict[str, list[tuple[float, float, float]]] = {"briefmemo": [], "Lead-3 round-robin": []}
    for path in sorted(EVAL.glob("*.json")):
        cluster = json.loads(path.read_text(encoding="utf-8"))
        texts = [a["text"] for a in cluster["articles"]]
        ref = cluster["references"][0]
        for name, summary in (("briefmemo", briefmemo_summary(texts, None)),
                              ("Lead-3 round-robin", lead_round_robin(texts))):
            s = scorer.score(ref, cut(summary, args.words))
            rows[name].append((s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeL"].fmeasure))
    print(f"Multi-News sample, {len(rows['briefmemo'])} clusters, summaries cut to {args.words} words")
    print(f"{'system':22} {'R1':>6} {'R2':>6} {'RL':>6}")
    for name, scores in rows.items():
        r1, r2, rl = (100 * mean(x[i] for x in scores) for i in range(3))
        print(f"{name:22} {r1:6.1f} {r2:6.1f} {rl:6.1f}")


if __name__ == "__main__":
    main()
