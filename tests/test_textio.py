"""Reading files: encodings, line endings, invisible characters, and bad input with clear messages."""

from __future__ import annotations

import pytest

from workbook import ArticleError, ArticleWarning, load_article, load_articles
from workbook.textio import MAX_BYTES, normalise

ARTICLE = "A headline here\n\nBy Jane Doe\nMay 3, 2024\n\nThe first paragraph says something. It has two sentences.\n\nA second paragraph follows here.\n"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_is_read_without_the_mark(tmp_path):
    article = load_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode()))
    assert article.text.startswith("A headline here")
    assert article.encoding == "utf-8-sig"
    assert article.raw.startswith(b"\xef\xbb\xbf"), "the original bytes stay available"


def test_cp1252_falls_back_with_a_warning_naming_the_file(tmp_path):
    path = write(tmp_path, "windows.txt", "Caf\u00e9 \u201cquoted\u201d\n\nBody text here.".encode("cp1252"))
    with pytest.warns(ArticleWarning, match="windows.txt"):
        article = load_article(path)
    assert "Café “quoted”" in article.text
    assert article.encoding == "cp1252"


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["CRLF", "old Mac CR"])
def test_line_endings_are_normalised(tmp_path, ending):
    article = load_article(write(tmp_path, "endings.txt", ARTICLE.replace("\n", ending).encode()))
    assert "\r" not in article.text
    assert [b.role for b in article.block_list] == ["headline", "byline", "dateline", "body", "body"]


def test_invisible_characters_are_normalised():
    text = "No\u00a0break, zero\u200bwidth, soft\u00adhyphen, narrow\u202fspace.\u00a0\nNext"
    assert normalise(text) == "No break, zerowidth, softhyphen, narrow space.\nNext"


def test_missing_path(tmp_path):
    with pytest.raises(ArticleError, match="missing.txt: no file or folder"):
        load_article(tmp_path / "missing.txt")


def test_folder_with_no_articles(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    with pytest.warns(ArticleWarning, match="notes.pdf: skipped: the workbook cannot read a .pdf file.*copy it into"):
        with pytest.raises(ArticleError, match="no article files.*\\.txt"):
            load_articles(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n \t \n"], ids=["empty", "whitespace only"])
def test_empty_file(tmp_path, content):
    with pytest.raises(ArticleError, match="empty.txt: the file is empty"):
        load_article(write(tmp_path, "empty.txt", content))


def test_binary_file(tmp_path):
    with pytest.raises(ArticleError, match="report.txt: this is not a text file"):
        load_article(write(tmp_path, "report.txt", b"%PDF-1.7\x00\x01\x02\x03" * 100))


def test_file_over_the_size_limit(tmp_path):
    path = write(tmp_path, "huge.txt", b"word " * (MAX_BYTES // 5 + 10))
    with pytest.raises(ArticleError, match="huge.txt: the file is .* MB, more than the 2.0 MB limit"):
        load_article(path)


def test_html_saved_from_a_browser_is_refused_with_advice(tmp_path):
    page = b"<!DOCTYPE html><html><head><title>x</title></head><body><p>Text</p></body></html>"
    with pytest.raises(ArticleError, match="page.html.txt: the file holds HTML markup.*save it as a .txt"):
        load_article(write(tmp_path, "page.html.txt", page))


def test_error_message_shows_without_traceback_in_jupyter(tmp_path):
    error = ArticleError(tmp_path / "x.txt", "the file is empty.", "Paste the text.")
    assert error._render_traceback_() == [f"ArticleError: {tmp_path / 'x.txt'}: the file is empty. Paste the text."]
