"""Paste or upload an article: saved, checked, one of the pair; nothing pasted is ever lost."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from workbook.config import lesson_articles
from workbook.own_articles import save_article, slug
from workbook.textio import ArticleError

OWN_PAIR = Path(__file__).parent / "data" / "own-pair"
BRIDGE = (OWN_PAIR / "bridge_council.txt").read_text(encoding="utf-8")
LIBRARY = (OWN_PAIR / "library_closing.txt").read_text(encoding="utf-8")
MENU_ONLY = "Home\nNews\nSport\nWeather\nSubscribe\nSign in\nShare on Facebook\nFollow us\n"


@pytest.fixture()
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WORKBOOK_ARTICLES", raising=False)
    monkeypatch.setenv("WORKBOOK_ANSWERS_DIR", str(tmp_path / "answers"))
    return tmp_path


def drafts(workdir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((workdir / "answers" / "drafts").glob("*.txt"))]


def test_a_paste_becomes_text_one_and_the_other_seed_stays(workdir):
    seeds_before = [a.id for a in lesson_articles()]
    result = save_article(text=BRIDGE, slot=0)
    assert result.path == workdir / "my-articles" / "town-votes-to-rebuild-the-old-river-bridge.txt"
    assert result.path.read_text(encoding="utf-8") == BRIDGE
    pair = lesson_articles()
    assert [a.title for a in pair][0] == "Town votes to rebuild the old river bridge"
    assert pair[1].id == seeds_before[1]
    assert result.report.ok and any("author" in line and "Kowalczyk" in line for line in result.report.seen)
    assert BRIDGE in drafts(workdir)[0]


def test_fields_win_and_a_second_text_replaces_slot_two(workdir):
    save_article(text=BRIDGE, slot=0)
    result = save_article(text=LIBRARY, title="Valley library to close", author="T. Berg", date="18 June 2024", slot=1)
    first, second = lesson_articles()
    assert first.title.startswith("Town votes")
    assert (second.title, second.author, second.date.isoformat()) == ("Valley library to close", "T. Berg", "2024-06-18")
    assert result.path.name == "valley-library-to-close.txt"


def test_an_unreadable_date_is_said_and_not_saved(workdir):
    result = save_article(text=BRIDGE, date="next Tuesday-ish", slot=0)
    assert any("could not read the date" in note for note in result.notes)
    assert lesson_articles()[0].date.isoformat() == "2024-03-04"  # the text's own date line


@pytest.mark.parametrize("text, words", [("", "box is empty"), ("   \n\n ", "box is empty"), (MENU_ONLY, "found no article")])
def test_empty_and_menu_only_pastes_end_in_a_clear_message_and_write_nothing(workdir, text, words):
    with pytest.raises(ArticleError, match=words):
        save_article(text=text)
    assert not (workdir / "my-articles").exists() and not (workdir / "workbook.toml").exists()
    if text.strip():
        assert drafts(workdir) == ["\n" + text]  # the draft copy keeps exactly what was pasted


def test_never_overwrites_and_the_same_text_twice_is_one_file(workdir):
    first = save_article(text=BRIDGE)
    again = save_article(text=BRIDGE)
    assert again.path == first.path and any("already saved" in n for n in again.notes)
    other = save_article(text=BRIDGE + "\nOne more line at the end of the report, added later by the editor.\n")
    assert other.path.name == "town-votes-to-rebuild-the-old-river-bridge-2.txt"
    assert first.path.read_text(encoding="utf-8") == BRIDGE


def test_upload_of_each_format(workdir):
    import docx

    document = docx.Document()
    document.add_heading("Valley library to close", level=0)
    for paragraph in LIBRARY.split("\n\n")[3:]:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    html = "<html><head><title>Bridge</title></head><body><article><h1>Town votes to rebuild the old river bridge</h1>" + "".join(
        f"<p>{p}</p>" for p in BRIDGE.split("\n\n")[3:]) + "</article></body></html>"
    markdown = "# Town votes to rebuild the old river bridge\n\n" + "\n\n".join(BRIDGE.split("\n\n")[3:])
    for name, data in (("lib.docx", buffer.getvalue()), ("bridge.html", html.encode()), ("bridge.md", markdown.encode()),
                       ("lib.txt", LIBRARY.encode())):
        result = save_article(upload=(name, data), slot=0)
        assert result.path.suffix == Path(name).suffix and result.path.read_bytes() == data
        assert lesson_articles()[0].path == result.path
        assert result.article.word_count > 50, name


def test_upload_of_another_kind_of_file_is_refused_plainly(workdir):
    with pytest.raises(ArticleError, match=r"\.pdf.*cannot be read here"):
        save_article(upload=("report.pdf", b"%PDF-1.4"))
    with pytest.raises(ArticleError, match="empty"):
        save_article(upload=("empty.txt", b""))


def test_a_folder_set_by_the_teacher_is_used(workdir, monkeypatch):
    folder = workdir / "class-articles"
    folder.mkdir()
    (folder / "a.txt").write_text(BRIDGE, encoding="utf-8")
    (folder / "b.txt").write_text(LIBRARY, encoding="utf-8")
    monkeypatch.setenv("WORKBOOK_ARTICLES", str(folder))
    result = save_article(text=BRIDGE.replace("Town votes", "City votes"), slot=1)
    assert result.path.parent == folder and not (workdir / "workbook.toml").exists()
    assert [a.path.name for a in lesson_articles()] == ["a.txt", result.path.name]


def test_slug_is_a_safe_file_name():
    assert slug("../../x") == "x" and slug("Ünïcödé title") == "unicode-title" and slug("!!!") == "pasted-article"


# ---- the screen, driven from Python ---------------------------------------------------------


def test_the_screen_keeps_the_text_on_every_problem(workdir):
    from workbook import widgets as w

    screen = w.paste_article()
    screen.save_button.click()
    assert "box is empty" in screen.status.value.lower() and "still in the box" in screen.status.value
    screen.text.value = MENU_ONLY
    screen.save_button.click()
    assert "found no article" in screen.status.value and screen.text.value == MENU_ONLY
    assert "Traceback" not in screen.status.value


def test_the_screen_saves_checks_and_shows_the_pair_by_name(workdir):
    from workbook import widgets as w

    screen = w.paste_article()
    screen.text.value = BRIDGE
    screen.slot.value = 1
    screen.save_button.click()
    assert "Saved" in screen.status.value and "Hanna Kowalczyk" in screen.status.value
    assert "Text 2: “Town votes to rebuild the old river bridge” by Hanna Kowalczyk" in screen.pair.value
    assert lesson_articles()[1].title.startswith("Town votes")
    assert "instead of Kowalczyk: Town votes" in screen.slot.options[1][0]
    assert screen.text.value == "" and screen.author.value == ""  # ready for the next article; this one is saved


def test_the_screen_escapes_what_was_pasted(workdir):
    from workbook import widgets as w

    screen = w.paste_article()
    screen.text.value = "<script>alert(1)</script>\n\n" + BRIDGE
    screen.title.value = "<b>Bold</b> title"
    screen.save_button.click()
    assert "<script>" not in screen.status.value and "<b>Bold" not in screen.status.value
