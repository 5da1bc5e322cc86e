"""Scheduled rebuilds: remember what the last memo was built from, to skip or report changes.

``OUT/.briefmemo-state.json`` holds a fingerprint of everything that shapes the output
(inputs, config, templates, options, version) and each input's hash, so a run over an
unchanged folder does nothing and a run with new articles can say which are new.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .render.files import write_atomic

STATE_NAME = ".briefmemo-state.json"


@dataclass
class BuildState:
    fingerprint: str
    files: dict[str, str] = field(default_factory=dict)  # path -> sha256 of its bytes


@dataclass
class Changes:
    added: list[str]
    changed: list[str]
    removed: list[str]


def _hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_state(files: list[Path], extra: list[Path], options: dict[str, object]) -> BuildState:
    """State of this run: ``files`` are sources, ``extra`` config and template files."""
    hashes = {str(f): _hash_file(f) for f in files}
    h = hashlib.sha256(f"{__version__}\n{json.dumps(options, sort_keys=True, default=str)}\n".encode())
    for name, digest in sorted(hashes.items()):
        h.update(f"{name}\0{digest}\n".encode())
    for path in sorted(extra):
        h.update(f"{path}\0{_hash_file(path)}\n".encode())
    return BuildState(h.hexdigest(), hashes)


def previous_state(out_dir: Path) -> BuildState | None:
    try:
        data = json.loads((out_dir / STATE_NAME).read_text(encoding="utf-8"))
        return BuildState(str(data["fingerprint"]), {str(k): str(v) for k, v in data["files"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no state or a damaged one: rebuild


def save_state(out_dir: Path, state: BuildState) -> None:
    data = {"fingerprint": state.fingerprint, "files": state.files}
    write_atomic(out_dir / STATE_NAME, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())


def changes(before: BuildState | None, now: BuildState) -> Changes:
    old = before.files if before else {}
    return Changes(
        added=sorted(set(now.files) - set(old)),
        changed=sorted(f for f in now.files if f in old and old[f] != now.files[f]),
        removed=sorted(set(old) - set(now.files)),
    )


def template_files(folder: Path | None) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder and folder.is_dir() else []
