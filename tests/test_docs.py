"""The interface stays documented: every command has help and appears in the README."""

from __future__ import annotations

from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from briefmemo.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert {"build", "inspect", "quotes", "dates"} <= set(commands)
    for name in commands:
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example: briefmemo " + name in result.output.replace("\n", " "), name
        assert f"briefmemo {name} " in README, name


def test_every_build_option_is_in_the_readme():
    for param in get_command(app).commands["build"].params:  # type: ignore[attr-defined]
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert opt in README, opt
