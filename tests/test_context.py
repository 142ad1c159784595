"""Context files (glossary, primer, source card, better coverage, excerpt) and the assessment texts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from workbook import load_seeds
from workbook.articles import load_article
from workbook.context import (
    ArticleContext,
    ContextError,
    GlossaryEntry,
    assessment_article,
    article_context,
    excerpt_text,
    parse_context,
)
from workbook.widgets import load_questions


@pytest.fixture(scope="module")
def seeds():
    return load_seeds()


# ---- assessment texts --------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["pre", "post"])
def test_assessment_text_loads_with_its_source_line(which):
    article = assessment_article(which)
    assert article.title and article.author
    assert "http" in article.metadata["source_line"]
    assert 120 <= article.word_count <= 400, "a short text a learner reads in a few minutes"
    assert len(article.blocks_with_role("body")) >= 3


def test_assessment_texts_differ_and_are_not_about_the_seeds(seeds):
    pre, post = assessment_article("pre"), assessment_article("post")
    assert pre.text != post.text
    for article in (pre, post):
        assert "Ukraine" not in article.text, "the tasks measure the skill, not memory of the lessons"


def test_assessment_article_rejects_an_unknown_name():
    with pytest.raises(ValueError, match="pre"):
        assessment_article("middle")


def test_assessment_questions_exist_with_the_agreed_ids():
    found = load_questions(Path(__file__).resolve().parent.parent / "notebooks" / "questions")
    for number in range(1, 8):
        question = found[f"exit-{number:02d}"]
        assert question["type"] == "reflection" and question["lesson"] == number
        assert "exit ticket" in question["prompt"].lower()
    assert found["pre-task"]["assessment"] == "pre" and found["post-task"]["assessment"] == "post"
    assert found["pre-task"]["prompt"] == found["post-task"]["prompt"], "scored by the same rubric"
