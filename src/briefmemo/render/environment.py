"""The jinja2 environment: user templates first, built-ins after (and under "builtin/")."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..errors import ConfigError

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~])")


def builtin_dir() -> Path:
    """Templates shipped inside the wheel, or the repository's templates/ in a checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if (candidate / "memo.md.j2").is_file():
            return candidate
    raise ConfigError("the built-in templates are missing from this installation")


def make_environment(user_dir: Path | None, *, html: bool) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(str(builtin_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise ConfigError(f"template folder not found: {user_dir}")
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined,
        autoescape=html, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["cites"] = cite_refs
    return env


def md_escape(value: object) -> str:
    """Source text made inert in Markdown: no markup, links, HTML or line breaks of its own.

    Parentheses stay bare: they only form a link after "]", which is always escaped.
    """
    text = re.sub(r"\s+", " ", str(value)).strip()
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def cite_refs(citations: list, sources: list) -> str:  # type: ignore[type-arg]
    """"[1, 3]": the numbers of the sources an item cites, in the Sources list's numbering."""
    numbers = {s.id: i for i, s in enumerate(sources, 1)}
    refs = sorted({numbers[c.source] for c in citations if c.source in numbers})
    return "[" + ", ".join(map(str, refs)) + "]" if refs else ""


def render_template(env: jinja2.Environment, name: str, **context: object) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from exc
    except jinja2.TemplateNotFound as exc:
        raise ConfigError(f"template not found: {exc.name}") from exc
    except jinja2.UndefinedError as exc:
        raise ConfigError(f"{name}: {exc.message}") from exc


__all__ = ["Markup", "escape", "make_environment", "render_template", "builtin_dir"]
