"""The benchmark's scoring and bookkeeping (not its timings: those are reported, never asserted)."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/ sits beside workbook/, uninstalled
from bench import common, peers  # noqa: E402
from bench.__main__ import parse_arguments  # noqa: E402


def test_a_missing_module_is_reported_not_fatal() -> None:
    missing = common.find_extractor("no_such_module_here", "quotes", "article")
    assert missing.function is None
    assert missing.missing == "not available yet (no module)"
    no_function = common.find_extractor("spans", "no_such_function", "article")
    assert no_function.function is None and "no no_such_function()" in no_function.missing
    present = common.find_extractor("spans", "span_frame", "article")
    assert callable(present.function) and present.label == "spans.span_frame"


def test_the_table_keeps_sections_and_escapes_bars() -> None:
    table = common.Table()
    table.section("Seeds")
    table.add("load", "1.00 ms", note="a | b")
    markdown = table.markdown().splitlines()
    assert markdown[0].startswith("| what | workbook | peer |")
    assert markdown[2].startswith("| **Seeds** |")
    assert markdown[3] == "| load | 1.00 ms |  |  |  |  | a / b |"
    assert table.as_json() == [{"section": "Seeds", "what": "load", "workbook": "1.00 ms", "peer": "",
                                "ratio": "", "aim": "", "met": "", "note": "a | b"}]  # JSON keeps the text as is


def test_quick_implies_no_notebooks_and_no_nbval() -> None:
    arguments = parse_arguments(["--quick"])
    assert arguments.skip_nbval and arguments.skip_notebooks
    assert not parse_arguments([]).skip_nbval


def test_memo_caches_are_emptied_but_word_lists_are_kept(monkeypatch) -> None:
    import types
    import sys

    module = types.ModuleType("workbook._bench_probe")

    @functools.lru_cache(maxsize=4096)
    def memo(text: str) -> int:
        return len(text)

    @functools.lru_cache(maxsize=1)
    def word_list() -> tuple[str, ...]:
        return ("a",)

    module.memo, module.word_list = memo, word_list
    monkeypatch.setitem(sys.modules, "workbook._bench_probe", module)
    memo("x"), word_list()
    assert common.reset_memo_caches() >= 1
    assert memo.cache_info().currsize == 0
    assert word_list.cache_info().currsize == 1


# ---- sentence splitting scores ----------------------------------------------------------------------


GOLD = [("a", "case", ["One.", "Two."]), ("b", "case", ["Dr. Who came."])]


def test_a_perfect_splitter_scores_one() -> None:
    truth = {" ".join(s): s for _, _, s in GOLD}
    score = peers.score_splitter(GOLD, lambda text: truth[text])
    assert score["accuracy"] == 1.0 and score["f1"] == 1.0 and score["wrong"] == []


def test_a_splitter_that_breaks_after_every_full_stop_loses_precision() -> None:
    import re

    score = peers.score_splitter(GOLD, lambda text: [p for p in re.split(r"(?<=\.) ", text) if p])
    assert score["exact"] == 1 and score["wrong"] == ["b"]
    assert score["recall"] == 1.0 and score["precision"] == 0.5


def test_a_splitter_that_changes_the_text_gets_no_boundary_credit() -> None:
    score = peers.score_splitter(GOLD, lambda text: [part.upper() for part in text.split(". ")])
    assert score["precision"] == 0.0 and score["exact"] == 0


def test_the_gold_file_is_well_formed() -> None:
    gold = peers.load_gold_sentences()
    assert len(gold) >= 60
    items = [item for item, _, _ in gold]
    assert len(items) == len(set(items))
    for item, case, sentences in gold:
        assert case and sentences, item
        for sentence in sentences:
            assert sentence == sentence.strip() and sentence, (item, sentence)
            assert "\t" not in sentence


# ---- figures scores -------------------------------------------------------------------------------


ITEMS = [
    {"req": "It cost 5 dollars and weighed 2 kg", "res": [
        {"value": 5, "unit": "dollar", "surface": "5 dollars"}, {"value": 2, "unit": "kilogram", "surface": "2 kg"}]},
    {"req": "An 8- to 16-meter telescope", "res": [{"value": 12, "unit": "metre", "surface": "8- to 16-meter"}]},
]


def test_a_quantity_needs_the_right_value_and_an_overlapping_surface() -> None:
    def parse(sentence: str) -> list[peers.Found]:
        if sentence.startswith("It cost"):
            return [peers.Found(8, 17, (5.0,), "USD"),  # right
                    peers.Found(0, 2, (2.0,), "kg")]    # right value, wrong place
        return [peers.Found(3, 17, (8.0, 16.0, 12.0), "m")]  # a range: the midpoint counts

    score = peers.score_quantities(ITEMS, parse)
    assert (score["expected"], score["found"]) == (3, 2)
    assert score["unit_agreement"] == 1.0  # USD = dollar, m = metre


@pytest.mark.parametrize(("gold", "found", "same"), [
    ("kilometre", "km", True), ("milligram", "mg", True), ("square kilometre", "square km", True),
    ("US dollar", "$", True), ("percentage", "%", True), ("dimensionless", "", True),
    ("inch", "inches", True), ("metre", "meters", True), ("metre", "mile", False), ("dimensionless", "cars", False),
])
def test_units_are_compared_loosely_but_not_blindly(gold: str, found: str, same: bool) -> None:
    assert (peers.normalise_unit(gold) == peers.normalise_unit(found)) is same
