"""The summary merges repeated leads without ever citing a span that lacks the kept text."""

from __future__ import annotations

from briefmemo.assemble.summary import build_summary
from briefmemo.extract.facts import ArticleFacts, LeadFact
from briefmemo.model import Citation

SAME = "Northland and Southland agreed on Monday to reopen talks on the disputed river border."
CLOSE = "Northland and Southland agreed on Monday to reopen their talks on the disputed border."


def _facts(sid: str, text: str, date: str) -> ArticleFacts:
    f = ArticleFacts(sid, date)
    f.leads = [LeadFact(text, date, Citation(sid, 10, 10 + len(text)), 0)]
    return f


def test_identical_leads_become_one_item_citing_both():
    items = build_summary([_facts("S1", SAME, "2024-03-04"), _facts("S2", SAME, "2024-03-05")])
    assert [i.text for i in items] == [SAME]
    assert sorted(c.source for c in items[0].citations) == ["S1", "S2"]


def test_a_near_duplicate_lead_is_dropped_not_cited():
    items = build_summary([_facts("S1", SAME, "2024-03-05"), _facts("S2", CLOSE, "2024-03-04")])
    assert len(items) == 1
    assert [c.source for c in items[0].citations] == ["S1"]  # S2's span holds other words
