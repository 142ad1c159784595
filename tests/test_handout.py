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


# ---- paper works: reading view, glossary, answer lines, rubrics, nothing to type -----------------


def _visible(page: str) -> str:
    """The page's text as a reader sees it (tags and the style sheet removed, entities decoded)."""
    import html as html_module

    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return html_module.unescape(re.sub(r"<[^>]+>", " ", page))


def test_nothing_on_paper_asks_the_reader_to_type_click_or_run_code(seed_page: str) -> None:
    text = _visible(seed_page)
    for words in ("Type a", "Type an", "Use Python", "Python", "Shift + Enter", "click", "run the cell", "code cell",
                  "Download my answers", ".text.count", ".blocks"):
        assert words.lower() not in text.lower(), words


def test_code_hints_stay_on_screen(seed_page: str) -> None:
    hints = [q["code_hint"] for q in load_questions().values() if q.get("code_hint")]
    assert hints and not any(hint in _visible(seed_page) for hint in hints)


def test_reading_view_comes_before_the_highlights_with_every_paragraph(seed_page: str, seeds) -> None:
    from workbook.handout import reading_view_html

    first_highlight = seed_page.index("with the machine's highlights")
    for article in seeds:
        view = reading_view_html(article)
        assert "wb-" not in view and "<mark" not in view, "no highlights in the reading view"
        for block in article.blocks_with_role("body", "subheading", "headline", "byline"):
            assert block.text[:40] in _visible(view)
        assert seed_page.index(article.title[:30]) < first_highlight
    boilerplate = seeds[1].blocks_with_role("boilerplate")[0].text
    assert boilerplate not in _visible(reading_view_html(seeds[1])), "the website's links are left out"


def test_repeated_caption_is_read_once(seeds) -> None:
    from workbook.handout import reading_view_html

    caption = seeds[0].blocks_with_role("caption")[0].text
    assert _visible(reading_view_html(seeds[0])).count(caption) == 1


def test_glossary_primer_and_lateral_reading_card_are_on_paper(seed_page: str, seeds) -> None:
    from workbook.context import article_context

    text = _visible(seed_page)
    for article in seeds:
        context = article_context(article)
        for entry in context.glossary:
            assert entry.term in text and entry.meaning in text
        for step in context.source_card.search_plan:
            assert step in text
        assert context.better_coverage.reference in text
    # the filled-in card (the answers) is for the teacher, not on the learner's sheet
    assert article_context(seeds[0]).source_card.owner not in text
    assert text.count("Who is behind this?") >= 2


def test_excerpt_paragraphs_are_starred(seeds) -> None:
    from workbook.context import article_context
    from workbook.handout import reading_view_html

    context = article_context(seeds[1])
    view = reading_view_html(seeds[1], context)
    assert view.count('class="star"') == sum(1 for n in context.excerpt_blocks if seeds[1].block_list[n].role == "body")


def test_exit_tickets_and_pre_post_tasks_with_their_texts(seed_page: str) -> None:
    from workbook.context import assessment_article

    text = _visible(seed_page)
    general = load_questions(Path(__file__).resolve().parent.parent / "notebooks" / "questions")
    for number in range(1, 7):
        assert general[f"exit-{number:02d}"]["prompt"] in text
    for which in ("pre", "post"):
        article = assessment_article(which)
        assert article.title in text and article.metadata["source_line"] in text
    assert text.index(assessment_article("pre").title) < text.index("Read first") < text.index(assessment_article("post").title)


def test_rubrics_with_every_level_and_example(seed_page: str) -> None:
    from workbook.rubrics import LEVELS, load_rubrics

    text = _visible(seed_page)
    for rubric in load_rubrics():
        assert rubric.title in text
        for level in LEVELS:
            assert rubric.levels[level].example in text


def test_annotation_tasks_on_paper_hide_the_machine_labels(seeds) -> None:
    from workbook.handout import task_worksheet_html
    from workbook.questionbank import load_task, task_items

    task = load_task("source-type")
    items = task_items(task, seeds[1])
    sheet = task_worksheet_html(task, seeds[1], items)
    assert "not a source" in sheet and sheet.count('class="boxes"') == len(items)
    for reason in items["reason"].dropna():
        assert str(reason) not in sheet


def test_another_pair_without_context_says_so(hostile_page: str) -> None:
    assert "There is no glossary for this text" in hostile_page
    assert "There is no background sheet for this text" in hostile_page


def test_rubrics_file_is_up_to_date() -> None:
    from workbook.handout import RUBRICS, rubrics_markdown

    assert RUBRICS.read_text(encoding="utf-8") == rubrics_markdown(), (
        "docs/teacher/rubrics.md is out of date: run python -c \"from workbook.handout import write_rubrics; write_rubrics()\""
    )
