"""The shared shape of every extractor's table: one row per finding, same span columns.

Every extractor (`sourcing`, `figures`, `timeline`, `rhetoric`) returns a
DataFrame that starts with these columns, so tables can be stacked, joined and
highlighted the same way:

========== ==========================================================
article    the article's id (its file stem)
block      index of the block the finding starts in
sentence   index of the sentence the finding starts in (<NA> if none)
start      character offset into ``Article.text`` (inclusive)
end        character offset (exclusive); ``text == article.text[start:end]``
text       the words found
========== ==========================================================

>>> from workbook import article_from_text
>>> article = article_from_text("Headline\\n\\nIt cost 5 dollars. Then 6.")
>>> span_frame(article, [{"start": 18, "end": 19, "kind": "count"}], {"kind": "string"})[["sentence", "text", "kind"]].values.tolist()
[[1, '5', 'count']]
"""

from __future__ import annotations

import sys
import weakref
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from workbook.articles import SPAN_COLUMNS, Article

if TYPE_CHECKING:  # pandas and numpy are imported when a table is built, never for plain records
    import pandas as pd

_SPAN_DTYPES = {"article": "string", "block": "Int64", "sentence": "Int64", "start": "int64", "end": "int64", "text": "string"}


def span_frame(
    article: Article,
    rows: Iterable[Mapping[str, Any]],
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Build an extractor's DataFrame from rows that give at least ``start`` and ``end``.

    `columns` maps each extra column to a pandas dtype (for example
    ``{"kind": "string", "value": "float64"}``); the table has exactly the span
    columns followed by these, even when there are no rows. ``article``,
    ``block``, ``sentence`` and ``text`` are filled in from the offsets when a
    row does not give them. Rows are sorted by position.
    """
    import pandas as pd

    columns = dict(columns or {})
    text = article.text
    locate = _locator(article)
    extra = list(columns)
    keyed = [((int(row["start"]), int(row["end"])), row) for row in rows]
    keyed.sort(key=_first)  # stable, as sorting the finished records by (start, end) was
    n = len(keyed)
    positions = [position for position, _ in keyed]
    ordered = [row for _, row in keyed]
    places = [locate(start) for start, _ in positions]
    data: dict[str, list[Any]] = {
        "article": [article.id] * n,
        "block": [row.get("block", place[0]) for row, place in zip(ordered, places)],
        "sentence": [row.get("sentence", place[1]) for row, place in zip(ordered, places)],
        "start": [start for start, _ in positions],
        "end": [end for _, end in positions],
        "text": [text[start:end] for start, end in positions],
    }
    for name in extra:
        data[name] = [row.get(name) for row in ordered]
    dtypes = dict(_SPAN_DTYPES)
    dtypes.update(columns)
    arrays = None if any(name in _SPAN_DTYPES for name in extra) else _typed_columns(data, dtypes)
    if arrays is None:  # unusual values or column names: let pandas infer and convert, as it always did
        records = [dict(zip(data, values)) for values in zip(*data.values())]
        frame = pd.DataFrame(records, columns=SPAN_COLUMNS + extra)
        return frame.astype(dtypes)
    return _frame(arrays, SPAN_COLUMNS + extra, n)


def span_records(
    article: Article,
    rows: Iterable[Mapping[str, Any]],
    fields: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """Plain dicts with the span fields, then `fields` (or every other key of each row), sorted by position.

    The same rows ``span_frame`` would build, without a DataFrame: for the JSON export and
    for code that only walks the findings. ``block``, ``sentence`` and ``text`` are filled
    in from the offsets when a row does not give them; a missing value is None.

    >>> from workbook import article_from_text
    >>> article = article_from_text("Headline\\n\\nIt cost 5 dollars. Then 6.")
    >>> span_records(article, [{"start": 18, "end": 19, "kind": "count"}])[0]["sentence"]
    1
    """
    text = article.text
    locate = _locator(article)
    wanted = None if fields is None else list(fields)
    missing = _pandas_na()
    keyed = []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        block, sentence = locate(start)
        record: dict[str, Any] = {
            "article": article.id,
            "block": row.get("block", block),
            "sentence": row.get("sentence", sentence),
            "start": start,
            "end": end,
            "text": text[start:end],
        }
        extra = wanted if wanted is not None else [name for name in row if name not in record]
        for name in extra:
            value = row.get(name)
            record[name] = None if value is missing else value
        keyed.append(((start, end), record))
    keyed.sort(key=_first)
    return [record for _, record in keyed]


#: The fields `span_records` fills in from a row's offsets (and the article) rather than from the row.
SPAN_FIELDS = frozenset(SPAN_COLUMNS)


def offset_records(
    article: Article,
    rows: Iterable[Mapping[str, Any]],
    fields: Sequence[str],
) -> list[dict[str, Any]]:
    """Plain dicts holding exactly `fields`, in that order, for rows that give ``start`` and ``end``, sorted by position.

    The same dicts as ``span_records`` cut down to `fields` (a span field filled in from the
    offsets, any other taken from the row, pd.NA written as None), but each dict is built with
    only the fields that are kept: the JSON export keeps few of them, and a row's block and
    sentence are looked up only when one of them is asked for.

    >>> from workbook import article_from_text
    >>> article = article_from_text("Headline\\n\\nIt cost 5 dollars. Then 6.")
    >>> offset_records(article, [{"start": 18, "end": 19, "kind": "count"}], ("text", "kind", "sentence"))
    [{'text': '5', 'kind': 'count', 'sentence': 1}]
    """
    fields = tuple(fields)
    # where each field's value comes from (the span field of that name, or None: the row), worked out once
    sources = tuple((name, name if name in SPAN_FIELDS else None) for name in fields)
    locate = _locator(article) if "block" in fields or "sentence" in fields else None
    text = article.text
    article_id = article.id
    missing = _pandas_na()
    keyed = []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        record: dict[str, Any] = {}
        for name, source in sources:
            if source is None:
                value = row.get(name)
                record[name] = None if value is missing else value
            elif source == "start":
                record[name] = start
            elif source == "end":
                record[name] = end
            elif source == "text":
                record[name] = text[start:end]
            elif source == "article":
                record[name] = article_id
            elif source == "block":
                record[name] = row.get("block", locate(start)[0])
            else:  # "sentence"
                record[name] = row.get("sentence", locate(start)[1])
        keyed.append(((start, end), record))
    keyed.sort(key=_first)  # stable, as `span_records` sorts
    return [record for _, record in keyed]


def _pandas_na() -> Any:
    """``pd.NA`` when pandas is loaded, else a marker no value can be (nothing can hold pd.NA without pandas)."""
    pandas = sys.modules.get("pandas")
    return getattr(pandas, "NA", _NO_VALUE)


_NO_VALUE = object()


def frame_from_records(records: Sequence[Mapping[str, Any]], columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The extractor table for `records` already in span shape (as ``span_records`` gives them), in their order.

    The edge where a notebook or a CSV asks for a DataFrame: the span columns, then `columns`
    (name -> pandas dtype), typed as ``span_frame`` types them, without placing or sorting again.
    """
    import pandas as pd

    names = SPAN_COLUMNS + [name for name in (columns or {}) if name not in SPAN_COLUMNS]
    dtypes = dict(_SPAN_DTYPES)
    dtypes.update(columns or {})
    data = {name: [record.get(name) for record in records] for name in names}
    arrays = _typed_columns(data, dtypes)
    if arrays is None:
        rows = [dict(zip(data, values)) for values in zip(*data.values())]
        return pd.DataFrame(rows, columns=names).astype({name: dtypes[name] for name in names})
    return _frame(arrays, names, len(records))


def pick(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> list[dict[str, Any]]:
    """New dicts holding only `fields` of each record (for the JSON export), in order."""
    return [{name: record.get(name) for name in fields} for record in records]


def typed_frame(data: Mapping[str, list[Any]], dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """A table from equal-length column lists, each converted to its dtype in `dtypes`.

    The same as ``pd.DataFrame(data).astype(dtypes)``, built column by column when the
    values allow it (much faster for the small tables the extractors make).
    """
    import pandas as pd

    frame = direct_frame(data, dtypes)
    if frame is None:
        names = list(data)
        rows = [dict(zip(names, values)) for values in zip(*data.values())]
        return pd.DataFrame(rows, columns=names).astype(dict(dtypes))
    return frame


def direct_frame(data: Mapping[str, list[Any]], dtypes: Mapping[str, Any]) -> pd.DataFrame | None:
    """The table ``typed_frame`` makes, built column by column, or None when that cannot be done exactly.

    None when the columns differ in length, a column has no dtype, or a value is not of the plain
    Python type its column takes as it is (see `_accepted`); the caller then builds the table its own way.
    """
    names = list(data)
    lengths = {len(values) for values in data.values()}
    if len(lengths) > 1 or set(dtypes) != set(names):
        return None
    arrays = _typed_columns(dict(data), dtypes)
    return None if arrays is None else _frame(arrays, names, lengths.pop() if lengths else 0)


def _frame(arrays: dict[str, Any], names: list[str], n: int) -> pd.DataFrame:
    """A DataFrame from finished columns (each already its dtype and `n` long), without re-checking them."""
    import pandas as pd

    try:
        return pd.DataFrame._from_arrays(
            [arrays[name] for name in names], columns=_column_index(tuple(names)).view(), index=pd.RangeIndex(n),
            verify_integrity=False,
        )
    except (AttributeError, TypeError):  # pragma: no cover - a pandas without this constructor
        return pd.DataFrame(arrays, columns=names, copy=False)


@lru_cache(maxsize=64)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    """The column labels as a pandas Index, made once per set of names.

    Making an Index of strings costs about as much as all the rest of a small table. Each table
    gets its own view of it (``Index.view``), so renaming one table's columns leaves the others alone.
    """
    import pandas as pd

    return pd.Index(list(names))


@lru_cache(maxsize=1)
def _copy_on_write() -> bool:
    """With copy-on-write (always on from pandas 3), a shallow copy is already independent of the
    original: changing either copies the data first. Memos hand out such copies."""
    import pandas as pd

    return int(pd.__version__.split(".")[0]) >= 3


def frame_copy(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` that can be changed without changing `frame` (cheap with copy-on-write)."""
    return frame.copy(deep=not _copy_on_write())


def _first(item: tuple[Any, ...]) -> Any:
    return item[0]


# ---- building typed columns directly ---------------------------------------------------------
#
# Converting a finished object table with ``DataFrame.astype`` costs far more than the
# extraction itself on a short article (pandas resolves every dtype name and copies every
# column). Each column is built straight into its final dtype instead, but only when its
# values are the plain Python types that make the two routes agree exactly (None, or pd.NA
# in a pandas-typed column, for a missing value); anything else (numpy scalars, ints in a text
# column, a dtype not listed here) takes the old route, so the result never depends on which
# route was taken.


@lru_cache(maxsize=1)
def _accepted() -> dict[str, frozenset[type]]:
    """For each way of building a column: the value types it accepts as they are."""
    import pandas as pd

    missing = {type(None), type(pd.NA)}
    return {
        "string": frozenset({str} | missing),
        "str": frozenset({str}),
        "object": frozenset({str}),
        "Int64": frozenset({int} | missing),
        "boolean": frozenset({bool} | missing),
        "int64": frozenset({int}),
        "float64": frozenset({float, int, type(None)}),
    }


@lru_cache(maxsize=1)
def default_text_dtype() -> Any:
    """The dtype pandas gives a column of strings by itself: ``str`` from pandas 3, ``object`` before."""
    import pandas as pd

    return pd.Series(["text"]).dtype


@lru_cache(maxsize=None)
def _kind(dtype: Any) -> str | None:
    """How to build a column of `dtype` directly, or None to leave it to ``astype``."""
    import numpy as np
    import pandas as pd

    try:
        resolved = pd.api.types.pandas_dtype(dtype)
    except TypeError:
        return None
    if resolved == pd.StringDtype() and str(dtype) == "string":
        return "string"
    if isinstance(resolved, pd.StringDtype) and resolved.storage == "python" and resolved == default_text_dtype():
        return "str"
    if isinstance(resolved, pd.Int64Dtype):
        return "Int64"
    if isinstance(resolved, pd.BooleanDtype):
        return "boolean"
    if isinstance(resolved, np.dtype) and resolved == np.dtype("int64"):
        return "int64"
    if isinstance(resolved, np.dtype) and resolved == np.dtype("float64"):
        return "float64"
    if isinstance(resolved, np.dtype) and resolved == np.dtype(object):
        return "object"
    return None


@lru_cache(maxsize=None)
def _resolved(kind: str) -> tuple[Any, Any]:
    """The dtype for `kind` and the pandas array class that holds it (looking the class up costs a few µs)."""
    import pandas as pd

    dtype = default_text_dtype() if kind == "str" else pd.api.types.pandas_dtype(kind)
    return dtype, dtype.construct_array_type()


def _masked(values: list[Any], kind: str) -> Any:
    """An ``Int64`` or ``boolean`` column from ints or bools with None or pd.NA for a missing value.

    The same array ``pd.array(values, dtype)`` makes (1 or False stands under a missing value, as
    pandas fills it), built from a data and a mask array: pandas' own conversion infers the
    values' type first and costs several times more.
    """
    import numpy as np
    import pandas as pd

    missing_value = pd.NA
    missing = [value is None or value is missing_value for value in values]
    mask = np.array(missing, dtype=bool)
    if kind == "boolean":
        data = np.array([False if gap else value for value, gap in zip(values, missing)], dtype=bool)
        return pd.arrays.BooleanArray(data, mask)
    data = np.array([1 if gap else value for value, gap in zip(values, missing)], dtype=np.int64)
    return pd.arrays.IntegerArray(data, mask)


def _typed_columns(data: dict[str, list[Any]], dtypes: Mapping[str, Any]) -> dict[str, Any] | None:
    import numpy as np

    accepted = _accepted()
    arrays: dict[str, Any] = {}
    for name, values in data.items():
        try:
            kind = _kind(dtypes[name])
        except TypeError:  # a dtype that cannot be a dictionary key
            return None
        if kind is None or not accepted[kind].issuperset(map(type, values)):
            return None
        if kind == "int64":
            arrays[name] = np.array(values, dtype=np.int64)
        elif kind == "float64":
            arrays[name] = np.array(values, dtype=np.float64)
        elif kind == "object":  # strings only (see _accepted): kept as they are
            arrays[name] = np.array(values, dtype=object)
        elif kind in ("Int64", "boolean"):
            try:
                arrays[name] = _masked(values, kind)
            except OverflowError:  # an int too large for int64: pandas' own conversion says so
                dtype, array_class = _resolved(kind)
                arrays[name] = array_class._from_sequence(values, dtype=dtype)
        else:  # what pd.array(values, dtype) does for the text dtypes, without its checks
            dtype, array_class = _resolved(kind)
            arrays[name] = _text_array(values, dtype, array_class)
    return arrays


@lru_cache(maxsize=1)
def _ndarray_backed() -> Any:
    """The base class of pandas' NumPy-backed arrays (its Python-stored strings among them), or None if not found."""
    try:
        from pandas._libs.arrays import NDArrayBacked
    except ImportError:  # pragma: no cover - a pandas laid out otherwise
        return None
    return NDArrayBacked


def _text_array(values: list[Any], dtype: Any, array_class: Any) -> Any:
    """A text column of `dtype` from str values (None or pd.NA for a missing one), as ``_from_sequence`` makes it.

    For strings stored as Python objects, the array is made the way ``_from_sequence`` itself
    ends, from an object array of the values with the dtype's missing value for None: its check
    and conversion of every value, which costs twice the rest, is not needed for values already
    known to be str (see `_accepted`). Any other storage goes through ``_from_sequence``.
    """
    import numpy as np

    backed = _ndarray_backed()
    if backed is None or getattr(dtype, "storage", None) != "python" or not issubclass(array_class, backed):
        return array_class._from_sequence(values, dtype=dtype)
    missing = dtype.na_value
    data = np.array([missing if value is None else value for value in values], dtype=object)
    array = array_class.__new__(array_class)
    backed.__init__(array, data, dtype)
    return array


# ---- which block and sentence an offset falls in ---------------------------------------------

_LOCATORS: "weakref.WeakKeyDictionary[Article, Any]" = weakref.WeakKeyDictionary()


def _locator(article: Article) -> Any:
    """``article.locate`` for many offsets: the same answers, by binary search on the article's starts."""
    try:
        return _LOCATORS[article]
    except (KeyError, TypeError):
        pass
    sentences = article.sentence_list
    blocks = article.block_list
    sentence_starts = [s.start for s in sentences]
    sentence_ends = [max(s.end, s.start + 1) for s in sentences]
    sentence_answers = [(s.block, s.index) for s in sentences]
    block_starts = [b.start for b in blocks]
    ordered = all(a.end <= b.start and a.start <= a.end for a, b in zip(blocks, blocks[1:]))

    # the function must not refer to `article`: kept as the article's value in a WeakKeyDictionary,
    # it would keep the article alive for ever
    def locate(start: int) -> tuple[int | None, int | None]:
        position = bisect_right(sentence_starts, start) - 1
        if position >= 0 and start < sentence_ends[position]:
            return sentence_answers[position]
        if not ordered:
            for block in blocks:
                if block.start <= start < block.end:
                    return block.index, None
            return None, None
        position = bisect_right(block_starts, start) - 1
        if position >= 0 and start < blocks[position].end:
            return blocks[position].index, None
        return None, None

    try:
        _LOCATORS[article] = locate
    except TypeError:  # pragma: no cover - an object that cannot be weakly referenced
        pass
    return locate


def empty_span_frame(columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """An empty table with the span columns and `columns`, for when there is no article."""
    import pandas as pd

    columns = dict(columns or {})
    frame = pd.DataFrame(columns=SPAN_COLUMNS + list(columns))
    dtypes = dict(_SPAN_DTYPES)
    dtypes.update(columns)
    return frame.astype(dtypes)


def records(frame: pd.DataFrame, fields: Iterable[str]) -> list[dict[str, Any]]:
    """Rows of `frame` as plain JSON-ready dicts with only `fields` (missing values become None).

    For code that still has a table; extractors should give records from their rows
    (`span_records`) instead of building a table to take it apart. Read column by column
    (``Series.tolist``), which is many times cheaper than walking the rows with ``itertuples``.
    """
    import pandas as pd

    fields = list(fields)
    if not fields or not frame.columns.is_unique:
        return _records_by_row(frame, fields)
    missing = pd.NA
    columns = []
    for name in fields:
        values = frame[name].tolist()
        columns.append([
            None if value is missing or (isinstance(value, float) and value != value)
            else value.item() if hasattr(value, "item") else value
            for value in values
        ])
    return [dict(zip(fields, row)) for row in zip(*columns)]


def _records_by_row(frame: pd.DataFrame, fields: list[str]) -> list[dict[str, Any]]:
    import pandas as pd

    out = []
    for row in frame[fields].itertuples(index=False):
        item = {}
        for name, value in zip(fields, row):
            if value is pd.NA or (isinstance(value, float) and value != value):
                value = None
            elif hasattr(value, "item"):
                value = value.item()
            item[name] = value
        out.append(item)
    return out
