"""Settings from ``briefmemo.toml`` next to the sources, merged with command-line options."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "briefmemo.toml"


@dataclass
class WatchIssue:
    """An issue the user wants tracked: always shown, "no mention" when none."""

    title: str
    phrases: list[str] = field(default_factory=list)


@dataclass
class Config:
    """What a user can set. Every field has a sensible default."""

    title: str | None = None
    model: str | None = None
    max_bytes: int = 5 * 1024 * 1024
    max_issues: int = 6
    aliases: dict[str, str] = field(default_factory=dict)  # variant -> canonical name
    sides: dict[str, str] = field(default_factory=dict)  # actor or place -> side
    articles: dict[str, dict[str, str]] = field(default_factory=dict)  # file name -> metadata
    watch: list[WatchIssue] = field(default_factory=list)  # [[issues]] title = , phrases = []
    templates: Path | None = None
    path: Path | None = None


_SCALARS = {"title": str, "model": str, "max_bytes": int, "max_issues": int}


def find_config(inputs: list[Path]) -> Path | None:
    """The briefmemo.toml in the first input folder (or the folder of the first file)."""
    for p in inputs:
        folder = p if p.is_dir() else p.parent
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return _from_dict(data, path)


def _from_dict(data: dict[str, Any], path: Path) -> Config:
    cfg = Config(path=path)
    for key, kind in _SCALARS.items():
        if key in data:
            if not isinstance(data[key], kind):
                raise ConfigError(f"{path}: '{key}' must be a {kind.__name__}")
            setattr(cfg, key, data[key])
    if "templates" in data:
        cfg.templates = (path.parent / str(data["templates"])).resolve()
    cfg.aliases = _aliases(_table(data, "aliases", path), path)
    cfg.sides = _sides(_table(data, "sides", path), path)
    for name, meta in _table(data, "articles", path).items():
        cfg.articles[name] = {k: v for k, v in meta.items() if isinstance(v, (str, list))}
    cfg.watch = _watch_list(data.get("issues", []), path)
    unknown = set(data) - set(_SCALARS) - {"templates", "aliases", "sides", "articles", "issues"}
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(sorted(unknown))}")
    return cfg


def _aliases(table: dict[str, Any], path: Path) -> dict[str, str]:
    """[aliases] "variant" = "Canonical Name": merges a name variant or role phrase into an
    actor ("the minister" = "Jane Doe"), across all the articles."""
    out: dict[str, str] = {}
    for variant, name in table.items():
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{path}: [aliases] \"{variant}\" must name an actor (a string)")
        out[variant.strip()] = name.strip()
    return out


def _sides(table: dict[str, Any], path: Path) -> dict[str, str]:
    """[sides] Side = ["actor", "place or seat of power", ...]: member -> side. These win
    over what the articles suggest; the side's own name belongs to it too."""
    out: dict[str, str] = {}
    for side, members in table.items():
        items = members if isinstance(members, list) else [members]
        if not all(isinstance(m, str) and m.strip() for m in items):
            raise ConfigError(f"{path}: [sides] {side} must be a list of names (strings)")
        for member in items:
            if out.get(member.strip(), side) != side:
                raise ConfigError(f"{path}: [sides] \"{member}\" is given to two sides")
            out[member.strip()] = side
        out.setdefault(side, side)
    return out


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [{key}] must be a table")
    return value


def _watch_list(items: Any, path: Path) -> list[WatchIssue]:
    if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("title"), str)
                                                for i in items):
        raise ConfigError(f"{path}: [[issues]] entries need a title (and optional phrases = [...])")
    return [WatchIssue(i["title"], [str(p) for p in i.get("phrases", [])] or [i["title"]]) for i in items]
