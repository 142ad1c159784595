"""Lessons show keyed questions where a key exists, generated ones otherwise; `workbook questions draft`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbook import load_seeds
from workbook.cli import main
from workbook.config import lesson_articles
from workbook.lesson_questions import lesson_questions, questions_beside
from workbook.questionbank import WorkbookDataError, load_questions

OWN_PAIR = Path(__file__).parent / "data" / "own-pair"


@pytest.fixture()
def own_folder(tmp_path, monkeypatch):
    folder = tmp_path / "my-articles"
    folder.mkdir()
    for path in OWN_PAIR.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    monkeypatch.setenv("WORKBOOK_ARTICLES", str(folder))
    return folder


def test_seeds_keep_their_written_keys():
    first, second = load_seeds()
    found = lesson_questions("sourcing", first, [first, second])
    assert found and all(q["article"] == first.id and not q.get("generated") for q in found)
    assert "sourcing-quoted-people-000" in {q["id"] for q in found}


def test_own_pair_gets_generated_questions_in_every_lesson(own_folder):
    pair = lesson_articles()
    for topic in ("start", "texts", "sourcing", "figures", "history", "rhetoric", "synthesis"):
        for article in pair:
            found = lesson_questions(topic, article)
            assert found and all(q["article"] == article.id and q.get("generated") for q in found), topic
    # Without an article: both texts, and nothing about the seeds.
    both = lesson_questions("start")
    assert {q["article"] for q in both} == {a.id for a in pair}


def test_draft_command_writes_an_editable_file_the_lessons_pick_up(own_folder, capsys):
    output = own_folder / "questions.toml"
    assert main(["questions", "draft", str(own_folder), "-o", str(output)]) == 0
    assert "Wrote" in capsys.readouterr().err
    drafted = load_questions(own_folder)  # the shipped checker accepts it (articles.toml-free folder)
    assert drafted and all(q["file"] == str(output) for q in drafted.values())
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# Self-check questions") and "# From the text:" in text
    # The teacher edits one prompt: the lesson now shows the edited, keyed question under the same id.
    first = lesson_articles()[0]
    generated = lesson_questions("sourcing", first)
    target = generated[0]
    edited = text.replace(toml_line(target["prompt"]), toml_line("Who said it? (my own words)"), 1)
    assert edited != text
    output.write_text(edited, encoding="utf-8")
    keyed = lesson_questions("sourcing", first)
    assert [q["id"] for q in keyed] == [q["id"] for q in generated]
    assert keyed[0]["prompt"] == "Who said it? (my own words)" and not keyed[0].get("generated")


def toml_line(prompt: str) -> str:
    from workbook.question_draft import toml_string

    return f"prompt = {toml_string(prompt)}"


def test_draft_never_overwrites_a_teachers_file(own_folder, capsys):
    output = own_folder / "questions.toml"
    output.write_text("# my careful edits\n", encoding="utf-8")
    assert main(["questions", "draft", str(own_folder)]) == 2
    err = capsys.readouterr().err
    assert "questions.toml" in err and "--force" in err and "Traceback" not in err
    assert output.read_text(encoding="utf-8") == "# my careful edits\n"
    assert main(["questions", "draft", str(own_folder), "--force"]) == 0


def test_draft_of_a_missing_folder_is_a_plain_message(tmp_path, capsys):
    assert main(["questions", "draft", str(tmp_path / "nowhere"), "-o", str(tmp_path / "q.toml")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_named_question_files_beside_the_articles_only(own_folder):
    (own_folder / "articles.toml").write_text('["bridge_council"]\nlabel = "Bridge"\n', encoding="utf-8")
    (own_folder / "extra.questions.toml").write_text(
        '# Source: test\n[[question]]\nid = "own-reflect"\ntype = "reflection"\ntopic = "history"\nprompt = "What else?"\n',
        encoding="utf-8",
    )
    found = questions_beside(lesson_articles())
    assert list(found) == ["own-reflect"]
    assert "own-reflect" in {q["id"] for q in lesson_questions("history")}


def test_a_broken_question_file_names_the_file(own_folder):
    (own_folder / "questions.toml").write_text('[[question]]\nid = "x"\ntype = "choice"\nprompt = "p"\n', encoding="utf-8")
    with pytest.raises(WorkbookDataError, match="questions.toml"):
        lesson_questions("start")


def test_the_lesson_screen_shows_generated_questions_named_by_title(own_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_ANSWERS_DIR", str(tmp_path / "answers"))
    from workbook import widgets as w

    first = lesson_articles()[0]
    box = w.questions("figures", article=first)
    assert box.items and all(item.question["article"] == first.id for item in box.items)
    prompt_html = box.items[0].children[0].value
    assert "Kowalczyk" in prompt_html and first.id not in prompt_html
    item = box.items[0]
    right = next(o["text"] for o in item.question["options"] if o.get("correct"))
    item.answer = right
    item.check_button.click()
    assert item.last_result[0] is True
