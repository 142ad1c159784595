"""File formats: .txt, .html/.htm, .md and .docx become articles; anything else gets a clear message."""

from __future__ import annotations

import datetime as dt
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from workbook import ArticleError, ArticleWarning, load_article, load_articles
from workbook.formats import read_document
from workbook.formats.html import choose_title, clean_author, strip_site_name

PARAGRAPHS = [
    "The regional council voted on Tuesday to close the old bridge to lorries, after engineers found cracks in two of its five arches.",
    "“We cannot wait for the next inspection,” said the council's chief engineer, Maria Kovalenko, who has asked for repairs to start in March.",
    "Hauliers say the detour adds forty minutes to every trip, and a local business group has asked the council to pay for a temporary crossing.",
    "The council will meet again next month to decide how the repairs, estimated at 2.4 million euros, will be paid for.",
]


def page(body_extra: str = "", head_extra: str = "") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    more = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council closes old bridge to lorries | The Valley Post</title>
<meta property="og:title" content="Council closes old bridge to lorries">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2025-03-04T08:00:00Z">
<meta property="og:site_name" content="The Valley Post">
<style>body {{ color: red }}</style>
<script>window.tracking = "SCRIPT-TEXT-MUST-NOT-APPEAR";</script>
{head_extra}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Council closes old bridge to lorries</h1>
<p class="byline">By Ann Lee</p>
{paragraphs}
<figure><img src="bridge.jpg" alt="The old bridge"><figcaption>The old bridge over the river, seen from the east bank, in February.</figcaption></figure>
<h2>What happens next</h2>
{more}
{body_extra}
</article>
<footer><p>© 2025 The Valley Post. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_a_saved_web_page_becomes_an_article_with_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(page(), encoding="utf-8")
    article = load_article(path)
    assert (article.title, article.author, article.date) == ("Council closes old bridge to lorries", "Ann Lee", dt.date(2025, 3, 4))
    assert article.publisher == "The Valley Post" and article.language == "en"
    assert article.format == "html" and article.path == path and article.raw == path.read_bytes()
    roles = {b.text: b.role for b in article.block_list}
    assert roles["What happens next"] == "subheading"
    assert roles["The old bridge over the river, seen from the east bank, in February."] == "caption"
    body = [b.text for b in article.block_list if b.role == "body"]
    assert body[:2] == PARAGRAPHS[:2] and PARAGRAPHS[3] in body
    assert "Home" not in article.text and "All rights reserved" not in article.text
    assert "SCRIPT-TEXT" not in article.text and "color: red" not in article.text
    assert "<" not in article.text  # no markup at all, only text


def test_an_htm_page_that_is_not_utf8_is_read_by_its_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "bridge.htm"
    path.write_bytes(page().replace("utf-8", "windows-1252").replace("’", "'").encode("cp1252"))
    assert load_article(path).title == "Council closes old bridge to lorries"


def test_trafilatura_is_imported_only_when_a_web_page_is_read() -> None:
    code = "import sys, workbook; workbook.load_seeds()[0].blocks; print('trafilatura' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_titles_prefer_the_heading_the_page_confirms() -> None:
    assert choose_title(["Menu", "Bridge closes"], "Bridge closes - The Post", "", None, "The Post") == "Bridge closes"
    assert choose_title([], "Bridge closes to lorries | The Post", "", "x", None) == "Bridge closes to lorries"
    assert strip_site_name("Bridge closes to lorries - Valley Post", "Valley Post") == "Bridge closes to lorries"
    assert clean_author("Ann Lee; ANN LEE") == "Ann Lee" and clean_author("Ann Lee July") == "Ann Lee"


def test_a_page_with_no_article_in_it_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "home.html"
    links = "".join(f'<li><a href="/{n}">Section {n}</a></li>' for n in range(40))
    path.write_text(f"<!DOCTYPE html><html><head><title>Home</title></head><body><ul>{links}</ul></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"home\.html: no article text was found in this web page\. Open the article itself"):
        load_article(path)


def test_a_20_mb_page_is_refused_by_size_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    filler = "<p>" + "word " * 200 + "</p>\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("<!DOCTYPE html><html><body>")
        while handle.tell() < 20_000_000:
            handle.write(filler)
        handle.write("</body></html>")
    with pytest.raises(ArticleError, match=r"huge\.html: this web page is 20\.\d MB, more than the 10 MB limit.*HTML only"):
        load_article(path)


MARKDOWN = """# Council closes old bridge

By Ann Lee

4 March 2025

{p0} It is **the** [first](https://example.org) closure in _ten_ years. <span onclick="x()">Inline</span>

![a photo of the bridge](bridge.jpg)

## What happens next

- {p1}
- {p2}

<script>alert("MD-SCRIPT")</script>

> {p3}
"""


def test_markdown_headings_become_headline_and_subheadings_and_marks_are_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bridge.md"
    path.write_text(MARKDOWN.format(**{f"p{i}": p for i, p in enumerate(PARAGRAPHS)}), encoding="utf-8")
    article = load_article(path)
    assert article.format == "markdown"
    assert (article.title, article.author, article.date) == ("Council closes old bridge", "Ann Lee", dt.date(2025, 3, 4))
    roles = [(b.role, b.text) for b in article.block_list]
    assert ("subheading", "What happens next") in roles
    assert ("body", PARAGRAPHS[1]) in roles and ("body", PARAGRAPHS[3]) in roles
    assert "It is the first closure in ten years." in article.text
    for mark in ("**", "](", "#", "![", "<script", "MD-SCRIPT", "onclick", "<span"):
        assert mark not in article.text, mark


def _docx(path: Path, paragraphs: list[tuple[str, str | None]], picture: bool = False) -> Path:
    import docx

    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    if picture:
        png = tmp_png(path.parent / "dot.png")
        document.add_picture(str(png))
    document.save(str(path))
    return path


def tmp_png(path: Path) -> Path:
    """A 1x1 pixel PNG, written by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    raw += chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")
    path.write_bytes(raw)
    return path


def test_a_word_document_uses_its_heading_styles(tmp_path: Path) -> None:
    path = _docx(tmp_path / "bridge.docx", [
        ("Council closes old bridge", "Title"), ("By Ann Lee", None), ("4 March 2025", None),
        (PARAGRAPHS[0], None), (PARAGRAPHS[1], None), ("What happens next", "Heading 1"), (PARAGRAPHS[2], None),
    ])
    article = load_article(path)
    assert article.format == "docx" and article.raw == path.read_bytes()
    assert (article.title, article.author, article.date) == ("Council closes old bridge", "Ann Lee", dt.date(2025, 3, 4))
    assert [b.role for b in article.block_list] == ["headline", "byline", "dateline", "body", "body", "subheading", "body"]


def test_a_word_document_with_only_pictures_is_refused_with_advice(tmp_path: Path) -> None:
    path = _docx(tmp_path / "scan.docx", [], picture=True)
    with pytest.raises(ArticleError, match=r"scan\.docx: this Word document holds no text \(only pictures.*Type or paste"):
        load_article(path)


def test_a_file_that_is_not_really_a_word_document_is_named(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc renamed")
    with pytest.raises(ArticleError, match=r"old\.docx: this is not a Word document that can be read"):
        load_article(path)


@pytest.mark.parametrize(("name", "advice"), [
    ("scan.pdf", "Open the PDF"), ("essay.doc", "save it again as .docx"), ("notes.odt", "LibreOffice"),
    ("photo.jpg", "Save the article as plain text"), ("README", "without an ending"),
])
def test_anything_else_is_refused_with_what_to_do(tmp_path: Path, name: str, advice: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"something")
    with pytest.raises(ArticleError, match=rf"{name}: the workbook cannot read .*{advice}"):
        read_document(path)


def test_a_folder_reads_every_format_and_names_every_file_it_skips(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A headline here\n\nBy Ann Lee\n\n" + PARAGRAPHS[0], encoding="utf-8")
    (tmp_path / "b.html").write_text(page(), encoding="utf-8")
    (tmp_path / "c.md").write_text("# A Markdown headline\n\n" + PARAGRAPHS[1], encoding="utf-8")
    _docx(tmp_path / "d.docx", [("A Word headline", "Title"), (PARAGRAPHS[2], None)])
    (tmp_path / "e.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "f.rtf").write_text("{\\rtf1}")
    (tmp_path / "articles.toml").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    with pytest.warns(ArticleWarning) as caught:
        articles = load_articles(tmp_path)
    assert [a.format for a in articles] == ["plain", "html", "markdown", "docx"]
    messages = sorted(str(w.message) for w in caught)
    assert len(messages) == 3
    assert "e.pdf: skipped: the workbook cannot read a .pdf file" in messages[0]
    assert "f.rtf: skipped:" in messages[1] and "sub: skipped: it is a folder" in messages[2]


def test_a_txt_file_keeps_reading_as_before(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A plain headline\n\nBy Ann Lee\n12 May 2024\n\n" + PARAGRAPHS[0], encoding="utf-8")
    article = load_article(path)
    assert (article.format, article.title, article.author, article.date) == ("plain", "A plain headline", "Ann Lee", dt.date(2024, 5, 12))
    assert article.hints == () and article.file_metadata == {}


def test_a_paste_with_one_stray_line_of_markup_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "paste.txt"
    stray = '<div> <img src="//tracker.example/c.gif" width="1" height="1" alt="" /> </div>'
    path.write_text("A plain headline\n\n" + PARAGRAPHS[0] + "\n\n" + stray + "\n\n" + PARAGRAPHS[1], encoding="utf-8")
    article = load_article(path)
    assert [b.role for b in article.block_list if b.text == stray] == ["boilerplate"]
