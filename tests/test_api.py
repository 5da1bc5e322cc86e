"""The public Python API: what __all__ promises exists, and paths in -> Memo out."""

from __future__ import annotations

import briefmemo


def test_all_names_exist():
    for name in briefmemo.__all__:
        assert hasattr(briefmemo, name), name


def test_build_memo_returns_a_memo(seeds_memo):
    assert isinstance(seeds_memo, briefmemo.Memo)
    assert [s.id for s in seeds_memo.sources] == ["S1", "S2", "S3", "S4", "S5"]
    assert seeds_memo.period.start == "2017-11-10" and seeds_memo.period.end == "2018-10-18"
