"""Ingest against the hand-written answer keys: metadata accuracy per field, body lines P/R.

    .venv/bin/python benchmarks/ingest_keys.py          # prints the figures
    .venv/bin/python benchmarks/ingest_keys.py -v       # and every miss

Corpora: the seeds (tests/keys/seeds_ingest.json), the test pages (tests/fixtures/pages/*.key.json),
the ingest test pages (tests/ingest/pages/keys.json: comments without a heading, furniture
shared across a site's pages, one agency story on two portals) and the story fixtures
(tests/fixtures/stories/*/key.json).
Each corpus is ingested as one folder, as `briefmemo build` would, so that lines repeated
across its files count.

Body lines are scored by line number of the file as read (the extracted text for HTML,
where the key gives the paragraphs' text instead). Lines a key calls ambiguous
(standfirst, cross-heads) count neither way. Metadata fields are exact matches; the
"outlet (lenient)" row also accepts the alternatives the seeds key lists.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefmemo.ingest import Article, load_articles  # noqa: E402

FIELDS = ("title", "published", "outlet", "authors", "url", "dateline")


@dataclass
class Score:
    """Counts for one corpus."""

    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def field(self, name: str, ok: bool, detail: str) -> None:
        self.total[name] = self.total.get(name, 0) + 1
        self.right[name] = self.right.get(name, 0) + int(ok)
        if not ok:
            self.misses.append(detail)

    def accuracy(self, name: str) -> float | None:
        return self.right[name] / self.total[name] if self.total.get(name) else None

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def figures(self) -> dict[str, float]:
        out = {f: round(a, 3) for f in (*FIELDS, "outlet_lenient")
               if (a := self.accuracy(f)) is not None}
        out["body_precision"] = round(self.precision, 3)
        out["body_recall"] = round(self.recall, 3)
        return out


def _norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def _score_metadata(score: Score, name: str, article: Article | None, key: dict) -> None:
    got = article.source if article else None
    for f in FIELDS:
        if f not in key:
            continue
        value = getattr(got, f, None) if got else None
        if f == "authors":
            ok = [_norm(a) for a in (value or [])] == [_norm(a) for a in key[f]]
        else:
            ok = _norm(value) == _norm(key[f])
        score.field(f, ok, f"{name}: {f} = {value!r}, key {key[f]!r}")
        if f == "outlet":
            alts = {_norm(key[f])} | {_norm(a) for a in key.get("outlet_alternatives", [])}
            score.field("outlet_lenient", _norm(value) in alts,
                        f"{name}: outlet {value!r} not among {sorted(alts)}")


def _score_lines(score: Score, name: str, article: Article | None, gold: set[int],
                 ignore: set[int]) -> None:
    kept = {ln.number for ln in article.lines if ln.verdict == "body"} if article else set()
    kept -= ignore
    for n in sorted(kept - gold):
        score.fp += 1
        score.misses.append(f"{name}: line {n} kept, not body: {_line(article, n)}")
    for n in sorted(gold - kept):
        score.fn += 1
        score.misses.append(f"{name}: line {n} lost: {_line(article, n)}")
    score.tp += len(kept & gold)


def _line(article: Article | None, number: int) -> str:
    if article is None:
        return "(file skipped)"
    ln = next((x for x in article.lines if x.number == number), None)
    return f"{ln.text[:70]!r} [{ln.reason}]" if ln else "?"


def _score_paragraphs(score: Score, name: str, article: Article | None, key: dict) -> None:
    """HTML keys give paragraphs' text: map them to lines of the extracted text."""
    wanted = {_norm(p) for p in key.get("body_paragraphs", [])}
    if "sentence" in key:
        wanted.add(_norm(key["sentence"]))
    lines = article.lines if article else []
    gold = {ln.number for ln in lines if any(w and w in _norm(ln.text) for w in wanted)}
    found = {w for w in wanted if any(w in _norm(ln.text) for ln in lines)}
    for w in wanted - found:
        score.fn += 1
        score.misses.append(f"{name}: paragraph not in the text read: {w[:70]!r}")
    if "body_paragraphs" in key:
        _score_lines(score, name, article, gold, set())
    else:  # only one sentence is keyed: recall only
        kept = {ln.number for ln in lines if ln.verdict == "body"}
        score.tp += len(gold & kept)
        score.fn += len(gold - kept)
        if gold - kept:
            score.misses.append(f"{name}: keyed sentence not kept")


def _ingest(paths: list[Path]) -> tuple[dict[str, Article], dict[str, str]]:
    result = load_articles(paths)
    return ({Path(a.path).name: a for a in result.articles},
            {Path(s.file).name: s.reason for s in result.skipped})


def score_seeds() -> Score:
    key = json.loads((ROOT / "tests" / "keys" / "seeds_ingest.json").read_text(encoding="utf-8"))
    return _score_keyed_folder(key, ROOT / "seeds")


def score_stories() -> Score:
    score = Score()
    for key_file in sorted((ROOT / "tests" / "fixtures" / "stories").glob("*/key.json")):
        key = json.loads(key_file.read_text(encoding="utf-8"))["articles"]
        _score_keyed_folder(key, key_file.parent, score)
    return score


def score_own_pages() -> Score:
    """Our ingest test pages (tests/ingest/pages/keys.json), each folder read as one."""
    pages = ROOT / "tests" / "ingest" / "pages"
    keys = {k: v for k, v in json.loads((pages / "keys.json").read_text(encoding="utf-8")).items()
            if k != "notes"}
    score = Score()
    for folder in sorted({(pages / name).parent for name in keys}):
        in_folder = {str((pages / n).relative_to(folder)): k for n, k in keys.items()
                     if (pages / n).parent == folder}
        _score_keyed_folder(in_folder, folder, score)
    return score


def _score_keyed_folder(key: dict, folder: Path, score: Score | None = None) -> Score:
    score = score or Score()
    articles, skipped = _ingest([folder / name for name in sorted(key)])
    for name, k in key.items():
        article = articles.get(name)
        if article is None:
            score.misses.append(f"{name}: skipped ({skipped.get(name)})")
        _score_metadata(score, name, article, k)
        if "body_paragraphs" in k:
            _score_paragraphs(score, name, article, k)
            _score_not_body(score, name, article, k)
            continue
        ignore = set(k.get("ambiguous_lines", [])) | set(k.get("standfirst_lines", []))
        _score_lines(score, name, article, set(k["body_lines"]), ignore)
    return score


def score_pages() -> Score:
    score = Score()
    folder = ROOT / "tests" / "fixtures" / "pages"
    keys = {p.name.removesuffix(".key.json"): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.key.json"))}
    articles, skipped = _ingest([folder / name for name in keys])
    for name, k in keys.items():
        article = articles.get(name)
        if article is None:
            score.misses.append(f"{name}: skipped ({skipped.get(name)})")
        _score_metadata(score, name, article, k)
        if "body_lines" in k:
            _score_lines(score, name, article, set(k["body_lines"]), set())
        else:
            _score_paragraphs(score, name, article, k)
        _score_not_body(score, name, article, k)
    return score


def _score_not_body(score: Score, name: str, article: Article | None, key: dict) -> None:
    for text in key.get("not_body", []):
        kept = article and any(_norm(text) in _norm(ln.text) for ln in article.lines if ln.verdict == "body")
        if kept:
            score.misses.append(f"{name}: noise kept: {text[:60]!r}")


EVAL = ROOT.parent / "shared" / "eval" / "multinews"


def score_multinews() -> Score | None:
    """Body lines of five real scraped articles (benchmarks/ingest_multinews_key.json).

    The text is read from shared/eval (not part of the repository); None when it is absent.
    """
    from briefmemo.ingest import RawSource, build_article
    from briefmemo.errors import BadSourceError

    if not EVAL.is_dir():
        return None
    key = json.loads((Path(__file__).parent / "ingest_multinews_key.json").read_text(encoding="utf-8"))
    score = Score()
    for k in key["articles"]:
        text = json.loads((EVAL / k["file"]).read_text(encoding="utf-8"))["articles"][k["article"]]["text"]
        name = f"{k['file']}#{k['article']}"
        try:
            article, _ = build_article(RawSource(Path(name), text, {}, False, ""), "S1", {})
        except BadSourceError:
            article = None
        _score_lines(score, name, article, set(k["body_lines"]), set(k["ambiguous_lines"]))
    return score


def measure() -> dict[str, dict[str, float]]:
    """Figures per corpus (what tests/ingest/baseline.json pins floors under)."""
    out = {"seeds": score_seeds().figures(), "pages": score_pages().figures(),
           "own_pages": score_own_pages().figures(), "stories": score_stories().figures()}
    real = score_multinews()
    if real is not None:
        out["multinews"] = {"body_precision": round(real.precision, 3), "body_recall": round(real.recall, 3)}
    return out


def main() -> None:
    verbose = "-v" in sys.argv
    for corpus, scorer in (("seeds", score_seeds), ("pages", score_pages), ("own_pages", score_own_pages),
                           ("stories", score_stories), ("multinews (real pages, body only)", score_multinews)):
        score = scorer()
        if score is None:
            print(f"== {corpus}: shared/eval not found, skipped")
            continue
        print(f"== {corpus}")
        for name, value in score.figures().items():
            if name.startswith("body_"):
                continue
            print(f"  {name:<16} {value:.3f}  ({score.right[name]}/{score.total[name]})")
        print(f"  body lines       precision {score.precision:.3f}  recall {score.recall:.3f}"
              f"  (tp {score.tp}, fp {score.fp}, fn {score.fn})")
        if verbose:
            for miss in score.misses:
                print("   -", miss)


if __name__ == "__main__":
    main()
