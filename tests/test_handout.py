"""The printable handout and the teacher's answer key (`workbook.handout`)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from workbook import article_from_text
from workbook.handout import (
    ANSWER_KEY,
    GENERAL,
    answer_key_markdown,
    handout_html,
    lesson_questions,
    question_html,
    write_handout,
)
from workbook.widgets import load_questions

HOSTILE = (
    "Headline with <script>alert('x')</script> in it\n\n"
    "By Eve <img src=x onerror=alert(1)>\nMay 1, 2024\n\n"
    "The body says “<b>bold</b>” and 5 percent & more. <iframe src=http://example.com></iframe>\n"
)
PLAIN = "A calm headline\n\nBy Sam Writer\nMay 2, 2024\n\nThe body has 12 people and one quote, “we agree,” he said.\n"


class Tags(HTMLParser):
    """Collects the tags and attributes of a page as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def seed_page() -> str:
    return handout_html()


@pytest.fixture(scope="module")
def hostile_page() -> str:
    articles = [article_from_text(HOSTILE, id="hostile"), article_from_text(PLAIN, id="plain")]
    return handout_html(articles)


def test_hostile_text_shows_as_characters_and_never_as_markup(hostile_page: str) -> None:
    tags = parse(hostile_page)
    assert "script" not in tags.tags and "iframe" not in tags.tags and "img" not in tags.tags
    assert "onerror" not in tags.attributes
    assert "&lt;script&gt;" in hostile_page and "&lt;img src=x onerror=alert(" in hostile_page
    assert "&lt;b&gt;bold&lt;/b&gt;" in hostile_page


def test_page_is_static_and_offline(seed_page: str) -> None:
    tags = parse(seed_page)
    assert "script" not in tags.tags and "link" not in tags.tags and "iframe" not in tags.tags
    assert not [a for a in tags.attributes if a.startswith("on")]
    assert not re.search(r"""(src|href)=["']?https?://""", seed_page), "the handout must not load anything"


def test_both_texts_are_highlighted_with_labels(seed_page: str) -> None:
    assert "Text 1: Landersen, May 2025" in seed_page and "Text 2: Shevchuk, Sep 2025" in seed_page
    assert "wb-legend" in seed_page
    for category in ("Quotes", "Sources", "Figures", "Time references", "Rhetoric"):
        assert category in seed_page


def test_every_lesson_has_questions_for_both_texts_and_no_answers(seed_page: str) -> None:
    questions = load_questions()
    for topic in ("texts", "sourcing", "figures", "history", "rhetoric"):
        for question in (q for q in questions.values() if q["topic"] == topic):
            assert question["prompt"].replace("'", "&#x27;").replace("\"", "&quot;") in seed_page or (
                question["prompt"] in seed_page
            )
    assert "About: Landersen, May 2025" in seed_page and "About: Shevchuk, Sep 2025" in seed_page
    feedback = [
        option["feedback"] for q in questions.values() for option in q.get("options", []) if option.get("feedback")
    ]
    assert feedback and not any(text in seed_page for text in feedback if len(text) > 25)


def test_reference_sheet_is_included_with_sources(seed_page: str) -> None:
    assert "Reference sheet" in seed_page
    assert re.search(r"contradicts|supports|leaves open", seed_page)
    assert "https://" in seed_page  # the sources' addresses, as text


def test_other_articles_get_only_general_questions(hostile_page: str) -> None:
    assert "About: Landersen" not in hostile_page
    assert "Which of these lines is the headline of this text?" not in hostile_page
    assert "What does the &#x27;provenance&#x27; of a text mean?" in hostile_page


def test_lesson_questions_keeps_twins_together_for_the_seeds(seeds) -> None:
    lessons = lesson_questions(seeds, load_questions())
    for topic, _title, chosen in lessons:
        about = [q.get("article") for q in chosen if q.get("article")]
        assert about.count(seeds[0].id) == about.count(seeds[1].id), topic


@pytest.mark.parametrize(
    "question, expected",
    [
        ({"type": "choice", "prompt": "P?", "options": [{"text": "A & B"}, {"text": "C", "correct": True}]}, ["A &amp; B", "Tick one box."]),
        ({"type": "multi", "prompt": "P?", "options": [{"text": "A"}, {"text": "C", "correct": True}]}, ["Tick every box"]),
        ({"type": "number", "prompt": "How many?", "answer": 3, "unit": "years"}, ["____", "years"]),
        ({"type": "reflection", "prompt": "<i>Why</i>?"}, ["&lt;i&gt;Why&lt;/i&gt;?", 'class="lines"']),
    ],
)
def test_question_html_by_type(question: dict, expected: list[str]) -> None:
    page = question_html(question)
    for part in expected:
        assert part in page
    assert "correct" not in page


def test_write_handout_writes_utf8(tmp_path: Path) -> None:
    articles = [article_from_text(PLAIN, id="a"), article_from_text(PLAIN.replace("Sam", "Kim"), id="b")]
    path = write_handout(tmp_path / "handout.html", articles)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Kim Writer" in text and "charset=\"utf-8\"" in text


def test_general_questions_named_by_lessons_exist() -> None:
    from workbook.handout import GENERAL_QUESTIONS

    found = load_questions(GENERAL_QUESTIONS)
    for ids in GENERAL.values():
        for qid in ids:
            assert qid in found


def test_answer_key_marks_every_correct_option() -> None:
    key = answer_key_markdown()
    questions = load_questions()
    for question in questions.values():
        assert f"**{question['id']}**" in key
    right = sum(bool(o.get("correct")) for q in questions.values() for o in q.get("options", []))
    assert key.count("**✓**") >= right


def test_answer_key_file_is_up_to_date() -> None:
    assert ANSWER_KEY.read_text(encoding="utf-8") == answer_key_markdown(), (
        "docs/teacher/answer-key.md is out of date: run "
        "python -c \"from workbook.handout import write_answer_key; write_answer_key()\""
    )


def test_reference_sheet_file_is_up_to_date() -> None:
    from workbook.handout import REFERENCE_SHEET, reference_sheet_markdown

    text = reference_sheet_markdown()
    assert "supports" in text and "https://" in text
    assert REFERENCE_SHEET.read_text(encoding="utf-8") == text, (
        "docs/teacher/reference-sheet.md is out of date: run "
        "python -c \"from workbook.handout import write_reference_sheet; write_reference_sheet()\""
    )
