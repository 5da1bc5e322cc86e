"""Citations hold on real news we did not write: every item of every memo built from the
Multi-News sample (../shared/eval, read in place, never copied) lies inside its cited span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefmemo import build_memo
from briefmemo.config import Config
from briefmemo.errors import NoInputError
from briefmemo.verify import check_citations, source_texts

MULTINEWS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "multinews"
CLUSTERS = sorted(MULTINEWS.glob("*.json")) if MULTINEWS.is_dir() else []


@pytest.mark.skipif(not CLUSTERS, reason="shared/eval/multinews is not beside the repository")
def test_every_item_of_every_cluster_memo_is_inside_its_citation(tmp_path):
    problems, items = [], 0
    for path in CLUSTERS:
        cluster = json.loads(path.read_text(encoding="utf-8"))
        folder = tmp_path / path.stem
        folder.mkdir()
        for i, article in enumerate(cluster["articles"]):
            (folder / f"{i:03d}.txt").write_text(article["text"], encoding="utf-8")
        try:
            memo = build_memo([folder], config=Config())
        except NoInputError:
            continue  # a cluster whose pages hold no article text at all
        items += len(memo.items())
        problems += [(path.stem, p.section, p.text[:60]) for p in check_citations(memo, source_texts(memo))]
    assert items > 200
    assert problems == []
