"""`briefmemo inspect`: metadata, then each line kept or dropped with its reason."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from briefmemo.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_inspect_prints_metadata_and_a_reason_for_every_line():
    result = runner.invoke(app, ["inspect", str(ROOT / "seeds" / "004_ca3b18b3347b43dc.txt"), "--width", "0"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "title:     Japan Plans to Push for Peace Treaty With Russia, PM Says" in out
    assert "outlet:    The Moscow Times" in out
    assert "     7  drop   Mikhail Mettsel / TASS  [photo credit]" in out
    assert "    27  keep   Friday.  [end of a sentence broken by the page dump]" in out
    assert "[Disclaimer]" in out and "source URL" in out


def test_inspect_json_and_skipped_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "a.txt").write_bytes((ROOT / "seeds" / "002_1fb5d3839d0df120.txt").read_bytes())
    result = runner.invoke(app, ["inspect", str(tmp_path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["skipped"] == [{"file": str(tmp_path / "empty.txt"), "reason": "empty file"}]
    lines = {ln["line"]: ln for ln in data["articles"][0]["lines"]}
    assert lines[10]["verdict"] == "body" and lines[35]["verdict"] == "noise"
    assert "skipped" in result.stderr and "empty.txt" in result.stderr


def test_inspect_with_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["inspect", str(tmp_path / "empty.txt")])
    assert result.exit_code == 66
