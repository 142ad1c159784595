"""The output snapshot that proves a speed change changed nothing: values kept exactly, differences named."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/ sits beside workbook/, uninstalled
from bench import snapshot  # noqa: E402


def test_missing_values_and_dtypes_are_kept_apart() -> None:
    table = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "x": [1.0, float("nan")], "s": pd.Series(["a", None], dtype=object)})
    kept = snapshot.frame(table)
    assert kept["dtypes"] == ["Int64", "float64", "object"]
    assert kept["rows"] == [[1, 1.0, "a"], ["<NA>", "nan", None]]
    as_float = snapshot.frame(table.astype({"n": "float64"}))
    assert snapshot.first_difference(kept, as_float) is not None


def test_a_changed_value_is_named_with_where_it_is() -> None:
    old = {"sets": {"seeds": {"000:a/figures": {"rows": [[1, "5 percent"]]}}}}
    new = {"sets": {"seeds": {"000:a/figures": {"rows": [[1, "5 per cent"]]}}}}
    lines = snapshot.compare_snapshots(old, new)
    assert len(lines) == 1 and "seeds/000:a/figures/rows[0][1]" in lines[0] and "5 per cent" in lines[0]
    assert snapshot.compare_snapshots(old, old) == []


def test_a_record_gone_or_added_counts_as_a_difference() -> None:
    old = {"sets": {"seeds": {"a": [1, 2], "b": 1}}}
    assert any("b" in line for line in snapshot.compare_snapshots(old, {"sets": {"seeds": {"a": [1, 2]}}}))
    assert snapshot.compare_snapshots(old, {"sets": {"seeds": {"a": [1, 2, 3], "b": 1}}}) == ["sets/seeds/a: 2 items became 3"]
    assert snapshot.first_difference({"a": 1, "b": 2}, {"b": 2, "a": 1}) == ": keys in another order"
