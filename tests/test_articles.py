"""Articles: loading, metadata, tables and offsets."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from workbook import ArticleError, article_from_text, load_article, load_articles
from workbook.articles import BLOCK_COLUMNS, SENTENCE_COLUMNS, seeds_folder

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_seeds_are_byte_identical_to_the_shared_copies():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    for original in SHARED_SEEDS.glob("*.txt"):
        copy = seeds_folder() / original.name
        assert hashlib.sha256(copy.read_bytes()).digest() == hashlib.sha256(original.read_bytes()).digest()


def test_seed_metadata_detected_and_from_the_metadata_file(landersen, shevchuk):
    assert (landersen.title, landersen.author, landersen.date) == (
        "Working people in Ukraine: ‘We fight for sovereignty over all our country’", "Roy Landersen", dt.date(2025, 5, 12))
    assert (shevchuk.title, shevchuk.author, shevchuk.date) == (
        "Prevent the partition and plunder of Ukraine", "Taras Shevchuk", dt.date(2025, 9, 3))
    assert landersen.language == "en" and "IWL" in shevchuk.publisher
    assert landersen.raw == (seeds_folder() / "000_ef82a8ecc3978f70.txt").read_bytes()


def test_tables_have_the_shared_columns_and_exact_offsets(seeds):
    for article in seeds:
        assert list(article.blocks.columns) == BLOCK_COLUMNS
        assert list(article.sentences.columns) == SENTENCE_COLUMNS
        for frame in (article.blocks, article.sentences):
            for row in frame.itertuples():
                assert article.text[row.start:row.end] == row.text
                assert row.article == article.id


def test_metadata_file_overrides_detection(tmp_path):
    (tmp_path / "one.txt").write_text("Detected title\n\nBy Ann Lee\nMay 1, 2020\n\nBody text.", encoding="utf-8")
    (tmp_path / "articles.toml").write_text('[one]\ntitle = "Given title"\ndate = 2021-02-03\npublisher = "A Paper"\n', encoding="utf-8")
    article = load_articles(tmp_path)[0]
    assert (article.title, article.author, article.date, article.publisher) == ("Given title", "Ann Lee", dt.date(2021, 2, 3), "A Paper")


def test_broken_metadata_file_is_named(tmp_path):
    (tmp_path / "one.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "articles.toml").write_text("[one\ntitle = ", encoding="utf-8")
    with pytest.raises(ArticleError, match="articles.toml: the metadata file is not valid TOML"):
        load_articles(tmp_path)


def test_loader_works_without_metadata(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("A plain headline\n\nBy Ann Lee\n12 May 2024\n\nBody.", encoding="utf-8")
    article = load_article(path)
    assert (article.id, article.author, article.date, article.publisher) == ("plain", "Ann Lee", dt.date(2024, 5, 12), None)


def test_locate_finds_block_and_sentence(landersen):
    sentence = landersen.sentence_list[10]
    assert landersen.locate(sentence.start + 3) == (sentence.block, sentence.index)


def test_article_from_text_refuses_empty_text():
    with pytest.raises(ArticleError, match="empty"):
        article_from_text("  \n ")


def test_folder_limit_stops_with_a_message(tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text("Title\n\nBody.", encoding="utf-8")
    with pytest.raises(ArticleError, match="3 article files, more than the limit of 2"):
        load_articles(tmp_path, limit=2)
