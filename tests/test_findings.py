"""findings(): every extractor's rows stacked for the highlighter."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook import article_from_text
from workbook.findings import CATEGORIES, FINDING_COLUMNS, FindingsWarning, findings, findings_for

TEXT = "Headline here\n\nBy Ann Lee\n\nThe minister said “prices rose 5 percent” in 2020. Critics cynically disagree."


@pytest.fixture
def article():
    return article_from_text(TEXT, id="sample")


def _span(article, words):
    start = article.text.index(words)
    return start, start + len(words)


def _fake(article, words, label_column, label, **extra):
    start, end = _span(article, words)
    return pd.DataFrame([{"start": start, "end": end, label_column: label, "reason": f"found {words}", **extra}])


def test_synthetic_extractors_are_stacked_with_category_label_and_reason(article):
    extractors = {
        "quotes": lambda a: _fake(a, "“prices rose 5 percent”", "kind", "direct", speaker="The minister"),
        "figures": lambda a: _fake(a, "5 percent", "kind", "percent", what="prices"),
        "time": lambda a: _fake(a, "2020", "kind", "year", date=None),
        "rhetoric": lambda a: _fake(a, "cynically", "label", "loaded"),
        "sources": lambda a: _fake(a, "The minister", "source_type", "person", source="The minister"),
    }
    table = findings(article, extractors=extractors)
    assert list(table.columns) == FINDING_COLUMNS
    assert table["category"].tolist() == ["sources", "quotes", "figures", "time", "rhetoric"]
    assert table["label"].tolist() == ["person", "direct", "percent", "year", "loaded"]
    assert table["detail"].tolist()[:3] == ["The minister", "The minister", "prices"]
    for row in table.itertuples():
        assert article.text[row.start : row.end] == row.text
        assert row.reason == f"found {row.text}"
    assert table["sentence"].notna().all() and table["block"].notna().all()


def test_categories_choose_and_unknown_categories_are_refused(article):
    extractors = {"figures": lambda a: _fake(a, "5 percent", "kind", "percent"),
                  "time": lambda a: _fake(a, "2020", "kind", "year")}
    assert findings(article, categories=["time"], extractors=extractors)["category"].tolist() == ["time"]
    assert findings(article, categories="figures", extractors=extractors)["category"].tolist() == ["figures"]
    with pytest.raises(ValueError, match="Unknown finding categories"):
        findings(article, categories=["gossip"])


def test_a_broken_tool_costs_only_its_own_category(article):
    def broken(_article):
        raise RuntimeError("boom")

    extractors = {"figures": broken, "time": lambda a: _fake(a, "2020", "kind", "year")}
    with pytest.warns(FindingsWarning, match="figures tool failed on sample"):
        table = findings(article, extractors=extractors)
    assert table["category"].tolist() == ["time"]


def test_missing_labels_fall_back_to_the_category_and_bad_spans_are_dropped(article):
    def rows(a):
        start, end = _span(a, "2020")
        return pd.DataFrame({"start": [start, -3, start], "end": [end, 2, start], "kind": [None, "x", "y"], "reason": ["r", "r", "r"]})

    table = findings(article, extractors={"time": rows})
    assert table[["text", "label"]].values.tolist() == [["2020", "time"]]


def test_empty_result_has_the_columns(article):
    table = findings(article, extractors={"time": lambda a: pd.DataFrame(columns=["start", "end", "kind", "reason"])})
    assert table.empty and list(table.columns) == FINDING_COLUMNS


def test_real_extractors_on_the_seeds(seeds):
    """Runs the teammates' extractors: every category they provide appears, spans are exact."""
    table = findings_for(seeds)
    assert set(table["article"]) == {a.id for a in seeds}
    present = set(table["category"])
    assert present <= set(CATEGORIES)
    by_id = {a.id: a for a in seeds}
    for row in table.itertuples():
        assert by_id[row.article].text[row.start : row.end] == row.text
    assert table["reason"].notna().mean() > 0.95
    assert table.groupby("article").size().min() > 10
    if "rhetoric" in present:  # both seeds use the word "cynically"
        loaded = table[(table["category"] == "rhetoric") & (table["text"].str.lower() == "cynically")]
        assert set(loaded["article"]) == set(by_id)
