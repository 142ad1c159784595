"""Limits: huge files, huge articles and huge folders finish or stop with a clear ArticleError.

The limits are documented in docs/performance.md ("Limits"). Each heavy case
runs in a child process with a hard time-out and reports its own peak memory
(RSS), so a regression that makes the workbook hang or balloon fails here
instead of freezing a classroom kernel. Exact timings are the benchmark's job
(``python -m bench``); the ceilings below are generous guards against
hangs and runaway memory, not speed targets.

The texts are generated here, deterministically, from a small vocabulary of
news-like words with figures, dates and quotations, so every extractor has
work to do and the tests need no outside data.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from workbook import ArticleError, article_from_text, load_article, load_articles
from workbook.textio import MAX_BYTES

pytestmark = pytest.mark.slow

#: Hang guard for one heavy case, in seconds (docs/performance.md, "Limits").
HANG_GUARD_S = 240
#: Ceiling for a child process's peak memory (RSS), in MB (docs/performance.md, "Limits").
MEMORY_CEILING_MB = 1000
#: load_articles' default limit on files in one folder (workbook/articles.py).
FOLDER_LIMIT = 2000

_VOCABULARY = (
    "the government said on Monday that workers in Kyiv and Lviv had reported nearly 45 percent "
    "fewer hours since 2014 while analysts claimed the war cost $1.2 billion a month according to "
    "officials in Washington and Moscow who deny it so-called experts insist the ceasefire of 1994 "
    "lasted six years before May 12, 2025 when the minister told reporters that about 3 million "
    "people had fled"
).split()


def generated_text(words: int, paragraph_words: int = 60, seed: int = 0) -> str:
    """A headline, a byline, a date and body paragraphs: `words` words in all, deterministic."""
    rng = random.Random(seed)
    paragraphs = ["Workers and the war: a long report", "By Ann Lee", "May 12, 2025"]
    written = 0
    while written < words:
        sentences = []
        in_paragraph = 0
        while in_paragraph < paragraph_words and written + in_paragraph < words:
            length = rng.randint(6, 24)
            chosen = [rng.choice(_VOCABULARY) for _ in range(length)]
            sentence = " ".join(chosen)
            sentence = sentence[0].upper() + sentence[1:] + "."
            if rng.random() < 0.2:
                sentence = f"“{sentence}” the minister said."
            sentences.append(sentence)
            in_paragraph += len(sentence.split())
        paragraphs.append(" ".join(sentences))
        written += in_paragraph
    return "\n\n".join(paragraphs) + "\n"


_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time, warnings
    warnings.simplefilter("ignore")
    from workbook import load_article, load_articles
    import importlib

    mode, target = sys.argv[1], sys.argv[2]
    timings = {}
    start = time.perf_counter()
    if mode == "folder":
        articles = load_articles(target)
    else:
        articles = [load_article(target, metadata={})]
    timings["load"] = time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        article.blocks, article.sentences
    timings["segment"] = time.perf_counter() - start
    counts = {"articles": len(articles), "blocks": sum(len(a.block_list) for a in articles),
              "sentences": sum(len(a.sentence_list) for a in articles)}
    if mode == "everything":
        for module, name in [("sourcing", "quotes"), ("sourcing", "attributions"), ("sourcing", "citations"),
                             ("figures", "figures"), ("figures", "checks"), ("timeline", "time_refs"),
                             ("rhetoric", "markers"), ("rhetoric", "density")]:
            try:
                function = getattr(importlib.import_module("workbook." + module), name)
            except (ModuleNotFoundError, AttributeError):
                continue
            start = time.perf_counter()
            for article in articles:
                function(article)
            timings[module + "." + name] = time.perf_counter() - start
    print(json.dumps({"timings": timings, "counts": counts,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """
)


def run_child(mode: str, target: Path) -> dict:
    """Load (and maybe analyse) `target` in a fresh interpreter with a hard time-out."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, mode, str(target)],
            capture_output=True, text=True, timeout=HANG_GUARD_S,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{mode} on {target.name} did not finish within {HANG_GUARD_S} s (hang guard)")
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\n{mode} {target.name}: " + json.dumps(result))  # shown with -s: where the time went
    assert result["peak_mb"] < MEMORY_CEILING_MB, f"peak memory {result['peak_mb']:.0f} MB"
    return result


# ---- a file far over the limit ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def twenty_mb_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("huge")
    path = folder / "twenty-megabytes.txt"
    chunk = generated_text(20_000).encode("utf-8")
    with path.open("wb") as handle:
        while handle.tell() < 20_000_000:
            handle.write(chunk)
    return path


@pytest.mark.timeout(30)
def test_a_20_mb_file_is_refused_quickly_with_a_clear_message(twenty_mb_file: Path) -> None:
    start = time.perf_counter()
    with pytest.raises(ArticleError) as caught:
        load_article(twenty_mb_file)
    message = str(caught.value)
    assert str(twenty_mb_file) in message
    assert "MB" in message and "limit" in message and "Split it" in message
    # Refused from the file's size, before reading 20 MB into memory.
    assert time.perf_counter() - start < 5


@pytest.mark.timeout(30)
def test_a_folder_holding_a_20_mb_file_names_that_file(twenty_mb_file: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        load_articles(twenty_mb_file.parent)
    assert twenty_mb_file.name in str(caught.value)


@pytest.mark.timeout(30)
def test_a_20_mb_pasted_text_is_refused_like_a_file() -> None:
    text = generated_text(20_000) * 170  # about 20 MB
    assert len(text.encode("utf-8")) > 10 * MAX_BYTES
    with pytest.raises(ArticleError, match="MB limit for one article"):
        article_from_text(text)


# ---- a file at the limit, and a 100,000-word article ---------------------------------------------------


@pytest.mark.timeout(HANG_GUARD_S + 30)
def test_a_file_at_the_size_limit_loads_and_segments(tmp_path: Path) -> None:
    path = tmp_path / "at-the-limit.txt"
    text = generated_text(400_000)
    data = text.encode("utf-8")[: MAX_BYTES - 10]
    path.write_bytes(data[: data.rfind(b"\n\n")] + b"\n")
    assert MAX_BYTES - 2000 < path.stat().st_size <= MAX_BYTES
    result = run_child("segment", path)
    assert result["counts"]["blocks"] > 3000
    assert result["counts"]["sentences"] > 10_000


@pytest.mark.timeout(HANG_GUARD_S + 30)
def test_a_100000_word_article_goes_through_every_extractor(tmp_path: Path) -> None:
    path = tmp_path / "hundred-thousand-words.txt"
    path.write_text(generated_text(100_000), encoding="utf-8")
    assert 99_000 < len(path.read_text(encoding="utf-8").split()) < 102_000
    result = run_child("everything", path)
    assert result["counts"]["sentences"] > 5000


@pytest.mark.timeout(HANG_GUARD_S + 30)
def test_a_100000_word_article_without_paragraph_breaks_segments(tmp_path: Path) -> None:
    path = tmp_path / "one-paragraph.txt"
    path.write_text(" ".join(generated_text(100_000).split()), encoding="utf-8")
    result = run_child("segment", path)
    assert result["counts"]["sentences"] > 5000


# ---- folders -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def thousand_articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("thousand")
    for number in range(1000):
        (folder / f"article-{number:04d}.txt").write_text(generated_text(400, seed=number), encoding="utf-8")
    return folder


@pytest.mark.timeout(HANG_GUARD_S + 30)
def test_a_folder_of_1000_articles_loads_and_segments(thousand_articles: Path) -> None:
    result = run_child("folder", thousand_articles)
    assert result["counts"]["articles"] == 1000
    assert result["counts"]["sentences"] > 1000 * 10


@pytest.mark.timeout(60)
def test_a_folder_over_the_file_limit_stops_with_a_clear_message(tmp_path: Path) -> None:
    for number in range(FOLDER_LIMIT + 1):
        (tmp_path / f"a{number:05d}.txt").write_text("Headline\n\nOne line.\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(ArticleError) as caught:
        load_articles(tmp_path)
    message = str(caught.value)
    assert str(tmp_path) in message
    assert f"{FOLDER_LIMIT + 1} article files" in message and f"limit of {FOLDER_LIMIT}" in message
    assert time.perf_counter() - start < 10  # refused from the listing, before reading 2,001 files


# ---- memory is given back -------------------------------------------------------------------------------

_ANALYSES = [
    ("sourcing", "quotes"), ("sourcing", "attributions"), ("sourcing", "citations"), ("sourcing", "summary"),
    ("figures", "figures"), ("figures", "checks"), ("timeline", "time_refs"), ("timeline", "events"),
    ("rhetoric", "markers"), ("rhetoric", "density"), ("compare", "compare"), ("findings", "findings"),
]
_ON_A_LIST = {("sourcing", "summary"), ("timeline", "events"), ("compare", "compare")}


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("module", "name"), _ANALYSES, ids=lambda value: value)
def test_an_analysed_article_is_freed_when_dropped(module: str, name: str) -> None:
    """Caches keyed on articles must not keep them alive: a kernel that reloads texts must not grow."""
    import gc
    import importlib
    import warnings
    import weakref

    function = getattr(importlib.import_module(f"workbook.{module}"), name)
    article = article_from_text(generated_text(600), id="freed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        function([article]) if (module, name) in _ON_A_LIST else function(article)
    reference = weakref.ref(article)
    del article
    gc.collect()
    assert reference() is None, f"{module}.{name} keeps the article alive after it is dropped"
