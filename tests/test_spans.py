"""The shared table builder: columns, dtypes, order and positions, whichever way a column is built."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbook import article_from_text, load_seeds
from workbook.articles import SPAN_COLUMNS
from workbook.spans import _locator, empty_span_frame, offset_records, span_frame, span_records

TEXT = "A headline\n\nBy Ann Lee\n\nIt cost 5 dollars. Then 6 more.\n\n\n\nA last paragraph, with 70% of it."
FIVE, SIX = TEXT.index("5"), TEXT.index("6")


@pytest.fixture(scope="module")
def article():
    return article_from_text(TEXT, id="spans")


def test_every_offset_is_placed_as_article_locate_places_it(article):
    for candidate in [article] + load_seeds():
        locate = _locator(candidate)
        for offset in range(-2, len(candidate.text) + 3):
            assert locate(offset) == candidate.locate(offset), offset


def test_columns_and_dtypes_are_the_same_with_rows_and_without(article):
    columns = {"kind": "string", "value": "float64", "count": "int64", "ref": "Int64", "flag": "boolean", "list": "object"}
    rows = [{"start": FIVE, "end": FIVE + 1, "kind": "count", "value": 5, "count": 2, "ref": None, "flag": True, "list": [1, 2]}]
    full, empty = span_frame(article, rows, columns), span_frame(article, [], columns)
    assert list(full.columns) == list(empty.columns) == SPAN_COLUMNS + list(columns)
    assert full.dtypes.astype(str).tolist() == empty.dtypes.astype(str).tolist() == empty_span_frame(columns).dtypes.astype(str).tolist()
    assert full.dtypes.astype(str).tolist() == ["string", "Int64", "Int64", "int64", "int64", "string",
                                               "string", "float64", "int64", "Int64", "boolean", "object"]
    row = full.iloc[0]
    assert (row["text"], row["value"], row["list"], row["flag"]) == ("5", 5.0, [1, 2], True)
    assert row["ref"] is pd.NA and row["block"] == 2 and row["sentence"] == 2
    assert span_frame(article, [{"start": SIX, "end": SIX + 1}])["sentence"].tolist() == [3]


def test_rows_are_sorted_by_position_keeping_ties_in_their_order(article):
    rows = [{"start": SIX, "end": SIX + 1, "tag": "b"}, {"start": FIVE, "end": FIVE + 1, "tag": "a"}, {"start": SIX, "end": SIX + 1, "tag": "c"}]
    frame = span_frame(article, rows, {"tag": "string"})
    assert frame["tag"].tolist() == ["a", "b", "c"]
    assert frame.index.equals(pd.RangeIndex(3))


def test_unusual_values_convert_exactly_as_a_plain_pandas_table_would(article):
    """numpy scalars, pd.NA, numbers in a text column: the same result as building the table and calling astype."""
    rows = [
        {"start": FIVE, "end": FIVE + 1, "name": 7, "number": np.int64(3), "share": None, "yes": None, "block": pd.NA},
        {"start": 12, "end": 15, "name": None, "number": None, "share": np.float64(0.5), "yes": np.bool_(True)},
        {"start": SIX, "end": SIX + 1, "name": "six", "number": 4.0, "share": 2, "yes": False},
    ]
    columns = {"name": "string", "number": "Int64", "share": "float64", "yes": "boolean"}
    frame = span_frame(article, rows, columns)
    expected = pd.DataFrame(
        [
            {"article": "spans", "block": 1, "sentence": 1, "start": 12, "end": 15, "text": TEXT[12:15], **rows[1]},
            {"article": "spans", "sentence": 2, "end": FIVE + 1, "text": "5", **rows[0]},
            {"article": "spans", "block": 2, "sentence": 3, "end": SIX + 1, "text": "6", **rows[2]},
        ],
        columns=SPAN_COLUMNS + list(columns),
    ).astype({"article": "string", "block": "Int64", "sentence": "Int64", "start": "int64", "end": "int64", "text": "string", **columns})
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)
    assert frame["name"].tolist()[1:] == ["7", "six"]


def test_values_of_the_expected_types_keep_their_values(article):
    rows = [{"start": FIVE, "end": FIVE + 1, "n": 2**40, "f": 1, "s": "x", "b": False, "i": None}]
    frame = span_frame(article, rows, {"n": "int64", "f": "float64", "s": "string", "b": "boolean", "i": "Int64"})
    assert frame.iloc[0, 6:].tolist() == [2**40, 1.0, "x", False, pd.NA]


def test_a_row_may_give_its_own_block_and_sentence(article):
    frame = span_frame(article, [{"start": 31, "end": 32, "block": 9, "sentence": None}])
    assert frame[["block", "sentence"]].values.tolist() == [[9, pd.NA]]


def test_offsets_outside_every_sentence_and_block(article):
    gap = TEXT.index("\n\n\n\n") + 1
    frame = span_frame(article, [{"start": gap, "end": gap + 1}, {"start": len(TEXT) + 5, "end": len(TEXT) + 6}])
    assert frame["block"].isna().all() and frame["sentence"].isna().all()
    assert frame["text"].tolist() == ["\n", ""]


def test_a_frame_copy_can_be_changed_without_changing_the_original(article):
    from workbook.spans import frame_copy

    original = span_frame(article, [{"start": FIVE, "end": FIVE + 1, "kind": "count"}], {"kind": "string"})
    changed = frame_copy(original)
    changed.loc[0, "kind"] = "other"
    changed.loc[0, "start"] = 0
    changed["new"] = 1
    assert original[["kind", "start"]].values.tolist() == [["count", FIVE]] and "new" not in original


def test_placing_rows_keeps_no_article_alive():
    """What span_frame remembers per article must not keep the article from being freed."""
    import gc
    import weakref

    from workbook import figures, timeline

    made = article_from_text(TEXT + " It began in 1991, 42 months ago.", id="freed")
    span_frame(made, [{"start": FIVE, "end": FIVE + 1}])
    figures.figures(made), figures.checks(made), timeline.time_refs(made)
    reference = weakref.ref(made)
    del made
    gc.collect()
    assert reference() is None


def test_typed_frame_is_the_same_as_building_and_converting():
    from workbook.spans import typed_frame

    dtypes = {"a": "string", "n": "Int64", "f": "float64", "i": "int64", "b": "boolean"}
    for data in (
        {"a": ["x", None, pd.NA], "n": [1, pd.NA, None], "f": [1, 2.5, None], "i": [3, 4, 5], "b": [True, pd.NA, None]},
        {"a": [1, None, "y"], "n": [1.0, 2, None], "f": [np.float64(1), None, 2], "i": [np.int64(1), 2, 3], "b": [np.bool_(True), False, None]},
        {"a": [], "n": [], "f": [], "i": [], "b": []},
    ):
        expected = pd.DataFrame([dict(zip(data, row)) for row in zip(*data.values())], columns=list(data)).astype(dtypes)
        pd.testing.assert_frame_equal(typed_frame(data, dtypes), expected, check_exact=True)


def span_records_cut_down(article, rows, fields):
    """What the JSON export did before `offset_records`: every span field and the row's, then only `fields` kept."""
    own = [name for name in fields if name not in SPAN_COLUMNS]
    return [{name: record[name] for name in fields} for record in span_records(article, rows, own)]


def test_offset_records_are_span_records_cut_down_to_the_fields(article):
    last = TEXT.index("70%")
    rows = [
        {"start": SIX, "end": SIX + 1, "kind": "count", "note": pd.NA, "text": "not the text"},
        {"start": FIVE, "end": FIVE + 9, "kind": "longer, after the shorter ones at the same start"},
        {"start": FIVE, "end": FIVE + 1, "kind": "money", "note": None},
        {"start": FIVE, "end": FIVE + 1, "kind": "tie, kept after the one before it"},
        {"start": np.int64(last), "end": last + 3, "kind": "percent", "block": 99, "sentence": pd.NA},
        {"start": 0, "end": 0, "kind": "empty, before every sentence"},
        {"start": len(TEXT) + 5, "end": len(TEXT) + 9, "kind": "past the end"},
    ]
    for fields in (
        ("start", "end", "text", "kind", "note"),
        ("kind", "note", "start", "end", "text"),
        ("kind", "text", "note"),
        ("article", "block", "sentence", "start", "end", "text", "kind", "note", "absent"),
        ("sentence", "kind"),
        ("block",),
        (),
    ):
        made = offset_records(article, rows, fields)
        expected = span_records_cut_down(article, rows, fields)
        assert made == expected, fields
        assert [list(record) for record in made] == [list(fields)] * len(rows), fields
        assert [[type(value) for value in record.values()] for record in made] == [
            [type(value) for value in record.values()] for record in expected
        ], fields


def test_offset_records_of_no_rows_is_an_empty_list(article):
    assert offset_records(article, [], ("start", "end", "text")) == []


def test_sourcing_export_records_are_the_same_as_before(article):
    from workbook.sourcing import attribution_records, citation_records, quote_records, tables
    from workbook.sourcing.source_lists import _citation_rows

    citation_fields = ("marker", "number", "text", "cited")
    for candidate in load_seeds():
        items = [row for row in _citation_rows(candidate) if row["kind"] == "item"]
        assert quote_records(candidate) == span_records_cut_down(candidate, tables.quote_rows(candidate), tables.QUOTE_FIELDS)
        assert attribution_records(candidate) == span_records_cut_down(
            candidate, tables.attribution_rows(candidate), tables.ATTRIBUTION_FIELDS
        )
        assert citation_records(candidate) == span_records_cut_down(candidate, items, citation_fields)
