"""The command line: outputs, options, and one-line errors with sysexits codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefmemo import __version__
from briefmemo.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefmemo", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"briefmemo {__version__}"


def test_help_explains_every_option_with_an_example():
    result = runner.invoke(app, ["build", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--format", "--title", "--model", "--templates", "--no-cache", "--quiet"):
        assert option in result.output
    assert "Example: briefmemo build" in result.output


def test_build_writes_the_chosen_formats(tmp_path):
    result = run("build", "seeds", "--out", str(tmp_path), "-f", "md", "-f", "json", "--title", "Test memo")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file() and not p.name.startswith(".")) == [
        "memo.json", "memo.md"]
    assert (tmp_path / "memo.md").read_text(encoding="utf-8").startswith("# Test memo\n")


@pytest.mark.parametrize("make_input, needle", [
    (lambda d: d / "missing", "no such file or folder"),
    (lambda d: d, "no article files"),
    (lambda d: (d / "x.bin.txt").write_bytes(b"\x00\x01\x02" * 100) and d, "no readable article"),
])
def test_bad_input_is_one_line_and_exit_66(tmp_path, make_input, needle):
    target = make_input(tmp_path)
    result = run("build", str(target), "--out", str(tmp_path / "out"))
    assert result.returncode == 66
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and needle in errors[0]
    assert "Traceback" not in result.stderr


def test_unknown_format_is_a_usage_error(tmp_path):
    result = run("build", "seeds", "--out", str(tmp_path), "-f", "docx")
    assert result.returncode == 2
    assert "unknown format" in result.stderr and "Traceback" not in result.stderr


def test_console_script_is_installed():
    exe = Path(sys.executable).parent / "briefmemo"
    assert exe.exists()


def test_rebuild_with_nothing_new_changes_nothing_and_new_files_are_reported(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    seeds = sorted((ROOT / "seeds").iterdir())
    for f in seeds[:2]:
        (src / f.name).write_bytes(f.read_bytes())
    assert run("build", str(src), "--out", str(out), "-f", "md").returncode == 0
    first = (out / "memo.md").stat().st_mtime_ns

    again = run("build", str(src), "--out", str(out), "-f", "md")
    assert again.returncode == 0 and "up to date" in again.stderr
    assert (out / "memo.md").stat().st_mtime_ns == first

    (src / seeds[2].name).write_bytes(seeds[2].read_bytes())
    grown = run("build", str(src), "--out", str(out), "-f", "md")
    assert grown.returncode == 0
    assert f"new since the last memo: {seeds[2].name}" in grown.stderr
    assert "## Sources" in (out / "memo.md").read_text(encoding="utf-8")
