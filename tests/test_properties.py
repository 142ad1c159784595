"""Property-based tests: whatever text a teacher feeds in, loading and every extractor hold.

Hypothesis generates article-like texts (headline, byline, date, paragraphs of
news-like sentences) and mutates them (stray quotation marks, no-break and
zero-width spaces, soft hyphens, CR and CRLF line endings, markup), plus texts of
odd shapes: random Unicode, only numbers, only punctuation, one very long
paragraph, no paragraph breaks at all, scripts other than Latin.

For every text:

* loading from a string (`article_from_text`) and from a file (`load_article`)
  either gives an article or, only for empty, binary or markup files, a clear
  `ArticleError`; both ways give the same text;
* blocks are in order, never overlap, and ``text[start:end]`` is their text;
  sentences lie inside their block, in order, and point into the text the same way;
* every extractor returns a table whose every row satisfies
  ``article.text[start:end] == row.text``;
* loading the same text twice gives the same blocks, sentences and tables.

The budget is about a minute in CI: `max_examples` is kept small per test and
there is no per-example deadline (a shared CI machine is noisy).
"""

from __future__ import annotations

import importlib
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workbook import ArticleError, article_from_text, load_article
from workbook.articles import SPAN_COLUMNS
from workbook.blocks import ROLES
from workbook.textio import normalise

# ---- what is checked -----------------------------------------------------------------------------

#: (module, function, takes) for every extractor in the agreed interfaces (docs: README-team).
PER_ARTICLE = [
    ("sourcing", "quotes"),
    ("sourcing", "attributions"),
    ("sourcing", "citations"),
    ("figures", "figures"),
    ("figures", "checks"),
    ("timeline", "time_refs"),
    ("rhetoric", "markers"),
    ("findings", "findings"),
]
#: Functions over a list of articles; they must not fail either.
PER_LIST = [
    ("sourcing", "summary"),
    ("timeline", "events"),
    ("compare", "compare"),
    ("rhetoric", "density"),  # takes one article but returns a summary table, not spans
]

FAST = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def extractor(module: str, name: str):
    """The extractor function (a missing module or function fails the test)."""
    loaded = importlib.import_module(f"workbook.{module}")
    function = getattr(loaded, name, None)
    assert callable(function), f"workbook.{module} has no {name}(), which the agreed interface promises"
    return function


def check_segmentation(article) -> None:
    """Blocks and sentences point into the text, in order, without overlap."""
    text = article.text
    previous_end = 0
    for index, block in enumerate(article.block_list):
        assert block.index == index
        assert block.role in ROLES
        assert 0 <= block.start < block.end <= len(text)
        assert text[block.start:block.end] == block.text
        assert block.start >= previous_end, f"block {index} overlaps the one before"
        previous_end = block.end
    blocks = article.block_list
    previous_end = 0
    for index, sentence in enumerate(article.sentence_list):
        assert sentence.index == index
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text != ""
        block = blocks[sentence.block]
        assert block.start <= sentence.start < sentence.end <= block.end, "sentence outside its block"
        assert sentence.start >= previous_end, f"sentence {index} overlaps the one before"
        previous_end = sentence.end
    # The tables say the same as the lists.
    assert article.blocks["text"].tolist() == [b.text for b in blocks]
    assert article.sentences["start"].tolist() == [s.start for s in article.sentence_list]
    for row in article.sentences.itertuples():
        assert text[row.start:row.end] == row.text


def check_table(article, frame: pd.DataFrame, label: str) -> None:
    """Every span row of an extractor's table points at its own text."""
    assert isinstance(frame, pd.DataFrame), f"{label} returned {type(frame).__name__}"
    assert list(frame.columns[: len(SPAN_COLUMNS)]) == SPAN_COLUMNS, f"{label}: span columns missing"
    text = article.text
    for row in frame.itertuples(index=False):
        assert 0 <= row.start <= row.end <= len(text), f"{label}: offsets outside the text"
        assert text[row.start:row.end] == row.text, f"{label}: text[start:end] != text at {row.start}"
    # Second spans (speaker_start/speaker_end, source_..., cue_...) point inside the text too.
    # Their text may differ from the named column by design (a pronoun resolved to a name).
    for prefix in [c[: -len("_start")] for c in frame.columns if c.endswith("_start")]:
        if f"{prefix}_end" not in frame.columns:
            continue
        for start, end in zip(frame[f"{prefix}_start"], frame[f"{prefix}_end"]):
            if pd.isna(start) or pd.isna(end):
                continue
            assert 0 <= int(start) <= int(end) <= len(text), f"{label}: {prefix} span {start}-{end} outside the text"


def run_everything(article) -> dict[str, pd.DataFrame]:
    """Every extractor that exists, checked; returns the tables for comparison."""
    tables: dict[str, pd.DataFrame] = {}
    for module, name in PER_ARTICLE:
        function = extractor(module, name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = function(article)
        check_table(article, frame, f"{module}.{name}")
        tables[f"{module}.{name}"] = frame
    for module, name in PER_LIST:
        function = extractor(module, name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = function(article) if (module, name) == ("rhetoric", "density") else function([article])
        assert isinstance(result, pd.DataFrame), f"{module}.{name} returned {type(result).__name__}"
        tables[f"{module}.{name}"] = result
    return tables


# ---- texts -----------------------------------------------------------------------------------------

WORDS = (
    "the war in Ukraine began 2014 and 2022 Kyiv Moscow Washington said minister "
    "workers fight sovereignty U.S. Dr. V.I. Lenin i.e. e.g. etc. 45 years 3.5 percent "
    "$1.2 billion 42 months 1994 Budapest Memorandum Britain NATO cynically so-called "
    "treaty ceasefire 24 February 2022 May 12, 2025 07.08.25 about nearly million "
    "analysts sources according to reported claimed Crimea Tatars 1944 deported"
).split()
STRAY = ['"', "“", "”", "‘", "’", "'", "«", "»", "\u00a0", "\u200b", "\u00ad", "\ufeff", "\u2060",
         "\r", "\r\n", "\n", "—", "–", "[2]", "(4)", "...", "…", "?!", "<img src=x onerror=alert(1)>",
         "<b>", "&amp;", "\t", "\x0c", "\u202e", "\u0301", "🙂", "ß", "İ"]
SEPARATORS = ["\n\n", "\n", "\r\n\r\n", "\r\n", "\r\r", "\r", "\n \n", "\n\n\n\n", " "]


@st.composite
def sentences(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    words[0] = words[0][:1].upper() + words[0][1:]
    sentence = " ".join(words)
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(words) - 1))
        sentence = " ".join(words[:cut]) + " “" + " ".join(words[cut:]) + draw(st.sampled_from(["”", ",” he said", ""]))
    return sentence + draw(st.sampled_from([".", ".", "?", "!", "", "…", ".”", "?”", ":", ";"]))


@st.composite
def article_texts(draw) -> str:
    """Headline, maybe a byline and a date, then paragraphs; any line endings."""
    parts = [draw(sentences()).rstrip(".")]
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["By Ann Lee", "—Taras Shevchuk", "By the editors", "AP Photo/Jane Doe"])))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["May 12, 2025", "Wed Sep 03, 2025", "07.08.25", "2025-05-12"])))
    for _ in range(draw(st.integers(0, 8))):
        parts.append(" ".join(draw(st.lists(sentences(), min_size=1, max_size=6))))
    if draw(st.booleans()):
        parts += ["Sources", "[1] https://example.org/a", "2. Gallup poll, 07.08.25", "(4) www.example.com"]
    separator = draw(st.sampled_from(SEPARATORS))
    return separator.join(parts)


@st.composite
def mutated(draw, base=article_texts()) -> str:
    """An article text with stray characters inserted at random places."""
    text = draw(base)
    for _ in range(draw(st.integers(1, 12))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(STRAY)) + text[position:]
    return text


unicode_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
only_numbers = st.text(alphabet="0123456789 .,-%\n", min_size=1, max_size=300)
only_punctuation = st.text(alphabet=".,;:!?…“”\"'‘’«»()[]{}—–-/\\*&#@ \n\r", min_size=1, max_size=300)
other_scripts = st.text(
    alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя АБВГ ءابتثجحخدذ 中文新闻报道 עברית .!?«»\n",
    min_size=1, max_size=400,
)
long_paragraph = st.lists(sentences(), min_size=120, max_size=250).map(" ".join)
no_paragraphs = article_texts().map(lambda text: " ".join(text.split()))

any_text = st.one_of(
    article_texts(), mutated(), unicode_texts, only_numbers, only_punctuation, other_scripts, no_paragraphs,
)


def load_or_error(text: str):
    """The article, or None when the text is empty after cleaning (a clear ArticleError is raised)."""
    if not normalise(text).strip():
        with pytest.raises(ArticleError):
            article_from_text(text)
        return None
    return article_from_text(text)


# ---- the properties ------------------------------------------------------------------------------------


@FAST
@given(text=any_text)
def test_segmentation_holds_for_any_text(text: str) -> None:
    article = load_or_error(text)
    if article is not None:
        check_segmentation(article)


@settings(FAST, max_examples=30)
@given(text=st.one_of(article_texts(), mutated()))
def test_every_extractor_holds_on_article_like_text(text: str) -> None:
    article = load_or_error(text)
    assume(article is not None)
    check_segmentation(article)
    run_everything(article)


@settings(FAST, max_examples=20)
@given(text=st.one_of(unicode_texts, only_numbers, only_punctuation, other_scripts, no_paragraphs))
def test_every_extractor_holds_on_odd_text(text: str) -> None:
    article = load_or_error(text)
    assume(article is not None)
    run_everything(article)


@settings(FAST, max_examples=3)
@given(text=long_paragraph)
def test_a_very_long_paragraph(text: str) -> None:
    article = load_or_error("Headline\n\n" + text)
    check_segmentation(article)
    run_everything(article)


@settings(FAST, max_examples=10)
@given(text=st.one_of(article_texts(), mutated(), unicode_texts))
def test_loading_twice_gives_the_same_result(text: str) -> None:
    first, second = load_or_error(text), load_or_error(text)
    assume(first is not None)
    assert first.text == second.text
    assert first.block_list == second.block_list
    assert first.sentence_list == second.sentence_list
    pd.testing.assert_frame_equal(first.blocks, second.blocks)
    pd.testing.assert_frame_equal(first.sentences, second.sentences)
    tables_first, tables_second = run_everything(first), run_everything(second)
    assert tables_first.keys() == tables_second.keys()
    for name in tables_first:
        pd.testing.assert_frame_equal(tables_first[name], tables_second[name], obj=name)


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(FAST, max_examples=30)
@given(text=st.one_of(mutated(), unicode_texts, article_texts()), encoding=st.sampled_from(["utf-8", "utf-8-sig"]))
def test_a_file_loads_like_the_same_text(scratch: Path, text: str, encoding: str) -> None:
    path = scratch / "article.txt"
    path.write_bytes(text.encode(encoding))
    try:
        from_file = load_article(path, metadata={})
    except ArticleError as error:
        # Only the documented refusals: empty, binary-looking (NUL or control characters), or HTML.
        assert str(path) in str(error)
        assert any(word in str(error) for word in ("empty", "not a text file", "HTML")), str(error)
        return
    from_text = article_from_text(text, id="article")
    assert from_file.text == from_text.text
    assert from_file.block_list == from_text.block_list
    assert from_file.sentence_list == from_text.sentence_list
    check_segmentation(from_file)


@settings(FAST, max_examples=30)
@given(raw=st.binary(max_size=600))
def test_any_bytes_load_or_stop_with_a_clear_error(scratch: Path, raw: bytes) -> None:
    path = scratch / "bytes.txt"
    path.write_bytes(raw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the Windows-1252 fallback warns, by design
        try:
            article = load_article(path, metadata={})
        except ArticleError as error:
            assert str(path) in str(error)
            return
    check_segmentation(article)

