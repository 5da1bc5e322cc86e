"""Quotes across sources: one quotation in several outlets, excerpts, speaker grouping."""

from __future__ import annotations

from pathlib import Path

from briefmemo.assemble.quotes import build_quotes, order_by_speaker, same_quote
from briefmemo.extract.facts import ArticleFacts, QuoteFact
from briefmemo.model import Citation, Quote

ROOT = Path(__file__).resolve().parents[2]


def fact(sid: str, text: str, speaker: str | None, start: int = 0, date: str | None = None,
         role: str | None = None) -> QuoteFact:
    return QuoteFact(text, speaker, role, None, date, Citation(sid, start, start + len(text)))


def facts(*quotes: QuoteFact) -> list[ArticleFacts]:
    by_source: dict[str, ArticleFacts] = {}
    for q in quotes:
        by_source.setdefault(q.citation.source, ArticleFacts(q.citation.source, None)).quotes.append(q)
    return list(by_source.values())


FULL = "We will sign when the text is ready, and not one day before."
PART = "when the text is ready"


def test_same_words_in_two_outlets_are_one_quote_each_span_cited_for_its_own_wording():
    got = build_quotes(facts(fact("S1", FULL, "Elena Sorescu", 10), fact("S2", FULL.replace("ready,", "ready"),
                                                                             "Sorescu", 40)),
                       {"Sorescu": "Elena Sorescu"})
    assert len(got) == 1
    # S2 drops a comma inside the quotation, so its span does not hold S1's wording: it is
    # kept as a separately cited rendering of the same quote, never as a citation of S1's text.
    assert [c.source for c in got[0].citations] == ["S1"]
    assert [e.citations[0].source for e in got[0].excerpts] == ["S2"]
    assert got[0].speaker == "Elena Sorescu"


def test_an_excerpt_merges_into_the_longer_quote_and_keeps_its_own_citation():
    for order in ((fact("S1", FULL, "Elena Sorescu"), fact("S2", PART, "Elena Sorescu", 7)),
                  (fact("S2", PART, "Elena Sorescu", 7), fact("S1", FULL, "Elena Sorescu"))):
        (q,) = build_quotes(facts(*order), {})
        assert q.text == FULL
        assert q.citations == [Citation("S1", 0, len(FULL))]  # only spans that hold the full text
        assert [(e.text, e.citations) for e in q.excerpts] == [(PART, [Citation("S2", 7, 7 + len(PART))])]


def test_short_common_fragments_do_not_merge():
    assert not same_quote("very pleased", "I am very pleased with the outcome")
    assert same_quote("without any pre-conditions.", "Let's sign, without any pre-conditions.")


def test_the_speaker_most_sources_give_wins_and_nobody_does_not_vote():
    got = build_quotes(facts(fact("S1", FULL, "Elena Sorescu"), fact("S2", FULL, None),
                             fact("S3", FULL, "Elena Sorescu"), fact("S4", FULL, "Ion Popa")), {})
    assert got[0].speaker == "Elena Sorescu"


def test_role_from_another_article_when_the_quoting_one_gives_none():
    from briefmemo.extract.facts import ActorFact

    fs = facts(fact("S1", FULL, "Elena Sorescu"))
    fs.append(ArticleFacts("S2", None, actors=[ActorFact("Elena Sorescu", role="Foreign Minister")]))
    assert build_quotes(fs, {})[0].role == "Foreign Minister"


def test_grouped_by_speaker_most_quoted_first_unattributed_last():
    def q(speaker, start, date=None):
        return Quote(f"words {start}", speaker, date, [Citation("S1", start, start + 5)])

    quotes = [q(None, 0), q("Ana", 10), q("Ben", 20, "2024-02-01"), q("Ben", 30, "2024-01-01"), q("Ana", 40),
              q("Ana", 50)]
    ordered = order_by_speaker(quotes)
    assert [(x.speaker, x.citations[0].start) for x in ordered] == \
        [("Ana", 10), ("Ana", 40), ("Ana", 50), ("Ben", 30), ("Ben", 20), (None, 0)]


def test_seeds_memo_keeps_excerpts_true_to_their_sources(seeds_memo):
    """The proposal quoted in full by two outlets and in part by a third."""
    q = next(q for q in seeds_memo.quotes if q.text.startswith("Let's conclude a peace treaty"))
    assert len(q.citations) == 2 and q.excerpts
    texts = {s.id: (ROOT / s.file).read_text(encoding="utf-8") if not Path(s.file).is_absolute()
             else Path(s.file).read_text(encoding="utf-8") for s in seeds_memo.sources}
    for e in q.excerpts:
        c = e.citations[0]
        assert texts[c.source][c.start:c.end] == e.text
        assert e.text.rstrip(".") in q.text


def test_seeds_memo_quotes_are_grouped_by_speaker(seeds_memo):
    speakers = [q.speaker for q in seeds_memo.quotes]
    seen: list[str | None] = []
    for s in speakers:
        if not seen or seen[-1] != s:
            assert s not in seen, f"{s} appears in two groups"
            seen.append(s)
    counts = [speakers.count(s) for s in seen if s]
    assert counts == sorted(counts, reverse=True)


def test_same_quote_with_other_end_punctuation_keeps_a_wording_both_spans_hold():
    from briefmemo.assemble.quotes import build_quotes
    from briefmemo.extract.facts import ArticleFacts, QuoteFact
    from briefmemo.model import Citation

    a = "We heard the border was closed, so we came this way."
    b = "We heard the border was closed, so we came this way,"
    facts = []
    for sid, text in (("S1", a), ("S2", b)):
        f = ArticleFacts(sid, "2015-09-17")
        f.quotes = [QuoteFact(text, "Amal Haddad", None, None, "2015-09-17", Citation(sid, 0, len(text)))]
        facts.append(f)
    [quote] = build_quotes(facts, {})
    assert quote.text == "We heard the border was closed, so we came this way"
    assert [c.source for c in quote.citations] == ["S1", "S2"]
