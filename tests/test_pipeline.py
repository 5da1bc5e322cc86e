"""The pipeline front door: failures stay with the file or article that caused them."""

from __future__ import annotations

import logging

from conftest import SEEDS

import briefmemo.pipeline as pipeline


def test_an_extractor_crash_costs_one_article_not_the_memo(monkeypatch, caplog, tmp_path):
    real = pipeline.extract_article

    def flaky(article, doc):
        if article.source.id == "S2":
            raise RuntimeError("boom")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    with caplog.at_level(logging.WARNING, logger="briefmemo"):
        memo = pipeline.build_memo([SEEDS])
    assert len(memo.sources) == 5
    assert memo.quotes and all(c.source != "S2" for q in memo.quotes for c in q.citations)
    assert any("could not extract" in r.getMessage() and "boom" in r.getMessage() for r in caplog.records)


def test_one_unreadable_file_is_skipped_and_listed(tmp_path):
    for f in sorted(SEEDS.iterdir())[:2]:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\xff" * 500)
    memo = pipeline.build_memo([tmp_path])
    assert len(memo.sources) == 2
    assert [s.file.endswith("broken.txt") for s in memo.skipped] == [True]
