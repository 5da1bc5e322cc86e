"""Bad files are skipped with a warning naming them and why; the memo is built and lists them.

Also: briefmemo.toml's [articles."file"] tables set or correct an article's metadata, and
max_bytes is the size limit.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from briefmemo.config import load_config
from briefmemo.ingest import load_articles
from briefmemo.render import to_html, to_markdown

ROOT = Path(__file__).resolve().parents[2]
GERMAN = ("Der Stadtrat hat am Montag nach einer langen Debatte den neuen Haushalt beschlossen. Die "
          "Opposition kritisierte die Kürzungen bei den Buslinien und kündigte Widerstand an. Der "
          "Bürgermeister verteidigte den Plan und sprach von einer schwierigen, aber nötigen Entscheidung.\n")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "sources"
    src.mkdir()
    for name in ("003_6ebeeed18505d732.txt", "004_ca3b18b3347b43dc.txt", "000_6104c100526f271d.txt"):
        shutil.copy(ROOT / "seeds" / name, src / name)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (src / "german.txt").write_text(GERMAN, encoding="utf-8")
    (src / "briefmemo.toml").write_text(
        'max_bytes = 6500\n\n[articles."004_ca3b18b3347b43dc.txt"]\npublished = "2019-01-04"\n'
        'outlet = "Corrected Outlet"\nauthors = ["Jane Example"]\n', encoding="utf-8")
    return src


def _reasons(result) -> dict[str, str]:
    return {Path(s.file).name: s.reason for s in result.skipped}


def test_each_bad_file_is_skipped_with_its_reason(folder):
    cfg = load_config(folder / "briefmemo.toml")
    paths = sorted(p for p in folder.iterdir() if p.suffix == ".txt") + [folder / "missing-dir.txt"]
    (folder / "missing-dir.txt").mkdir()  # a folder where a file was expected: cannot be read
    result = load_articles(paths, cfg.max_bytes, cfg.articles)
    reasons = _reasons(result)
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["german.txt"] == "not in English"
    assert reasons["000_6104c100526f271d.txt"] == "6950 bytes is over the size limit of 6500"
    assert reasons["missing-dir.txt"].startswith("cannot read")
    assert [Path(a.path).name for a in result.articles] == ["003_6ebeeed18505d732.txt", "004_ca3b18b3347b43dc.txt"]


def test_config_sets_and_corrects_an_articles_metadata(folder):
    cfg = load_config(folder / "briefmemo.toml")
    result = load_articles([folder / "004_ca3b18b3347b43dc.txt"], cfg.max_bytes, cfg.articles)
    source = result.articles[0].source
    # The page has no date and its outlet would be "The Moscow Times" (from its URL).
    assert (source.published, source.outlet, source.authors) == ("2019-01-04", "Corrected Outlet", ["Jane Example"])
    assert source.title == "Japan Plans to Push for Peace Treaty With Russia, PM Says"  # not overridden


def test_memo_is_built_and_its_sources_list_what_was_skipped(folder, nlp, monkeypatch, caplog):
    from briefmemo import build_memo

    monkeypatch.setattr("briefmemo.pipeline.load_model", lambda name=None: nlp)
    with caplog.at_level(logging.WARNING, logger="briefmemo"):
        memo = build_memo([folder])
    assert [Path(s.file).name for s in memo.sources] == ["003_6ebeeed18505d732.txt", "004_ca3b18b3347b43dc.txt"]
    assert memo.sources[1].published == "2019-01-04"
    assert {Path(s.file).name for s in memo.skipped} == {"000_6104c100526f271d.txt", "binary.txt",
                                                         "empty.txt", "german.txt"}
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "german.txt: not in English" in warned and "empty.txt: empty file" in warned
    md, html = to_markdown(memo), to_html(memo)
    sources_md = md[md.index("## Sources"):]
    assert "`" + str(folder / "binary.txt") + "`: binary file, not text" in sources_md
    assert "german.txt</code>: not in English" in html
    assert "Corrected Outlet: *Japan Plans" in sources_md
