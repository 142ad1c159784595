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


# ---- the seed context files --------------------------------------------------------------------


def _variants(term: str) -> list[str]:
    """'Donbass / Donbas' -> ['Donbass', 'Donbas']; 'imperialist, imperialism' -> both; quotes dropped."""
    parts = [p for chunk in term.split(" / ") for p in chunk.split(", ")]
    return [p.strip("“”\"' ") for p in parts if p.strip()]


@pytest.mark.parametrize("index", [0, 1])
def test_every_glossary_term_occurs_in_its_text_and_has_one_line_and_a_source(seeds, index):
    article = seeds[index]
    context = article_context(article)
    assert isinstance(context, ArticleContext) and context.article_id == article.id
    assert len(context.glossary) >= 15
    lowered = article.text.casefold()
    for entry in context.glossary:
        assert isinstance(entry, GlossaryEntry)
        assert any(v.casefold() in lowered for v in _variants(entry.term)), f"{entry.term!r} is not in the text"
        assert "\n" not in entry.meaning and len(entry.meaning.split()) <= 40, f"{entry.term}: one short line"
        assert entry.source.strip() and entry.source != entry.meaning


def test_the_words_the_issue_names_are_explained(seeds):
    terms = {v.casefold() for a in seeds for e in article_context(a).glossary for v in _variants(e.term)}
    for word in ("maidan", "mejlis", "rada", "kontrakniki", "semi-colonial", "bourgeois"):
        assert word in terms, word


def test_both_texts_get_the_same_kinds_of_context(seeds):
    first, second = (article_context(a) for a in seeds)
    for context in (first, second):
        assert context.primer_summary and len(context.primer_events) >= 5
        assert all(event.source and event.when and event.what for event in context.primer_events)
        card = context.source_card
        assert card is not None
        assert all((card.publisher, card.owner, card.aims, card.independent))
        assert len(card.sources) >= 3 and len(card.search_plan) >= 3 and len(card.links) >= 2
        assert all(link.startswith("https://") for link in card.links)
        assert context.better_coverage is not None and context.source_line
    # "better coverage" compares ONE event reported in both texts with the same reference account
    assert first.better_coverage.event == second.better_coverage.event
    assert first.better_coverage.reference.split(".")[0] == second.better_coverage.reference.split(".")[0]
    assert first.better_coverage.source == second.better_coverage.source
    assert first.better_coverage.this_text != second.better_coverage.this_text


def test_the_first_texts_publisher_is_found_and_the_card_says_how(seeds):
    card = article_context(seeds[0]).source_card
    assert "not named in the text" in card.publisher.lower()
    assert "The Militant" in card.publisher and any("themilitant.com" in link for link in card.links)
    assert any("headline" in step.lower() for step in card.search_plan)


@pytest.mark.parametrize("index", [0, 1])
def test_the_excerpt_is_shorter_and_keeps_headline_and_byline(seeds, index):
    article = seeds[index]
    context = article_context(article)
    roles = [article.block_list[n].role for n in context.excerpt_blocks]
    assert "headline" in roles and "byline" in roles and roles.count("body") >= 5
    assert "boilerplate" not in roles and "source" not in roles
    shortened = sum(len(p.split()) for p in excerpt_text(article, context))
    assert shortened < 0.65 * article.word_count


def test_context_entries_are_frozen(seeds):
    entry = article_context(seeds[0]).glossary[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.term = "changed"


# ---- the loader: other articles, missing and bad files ----------------------------------------

GOOD = '''
article = "mine"
source_line = "My text"
excerpt_blocks = [0, 1]
[[glossary]]
term = "word"
meaning = "what it means"
source = "a dictionary"
[primer]
summary = "What happened."
[[primer.event]]
when = "2020"
what = "something"
source = "a record"
'''


def _article(tmp_path, name="mine.txt"):
    path = tmp_path / name
    path.write_text("A headline\n\nBy Jo Park\n\nOne paragraph with a word in it. It goes on.\n\nAnother one.\n", encoding="utf-8")
    return load_article(path)


def test_another_article_reads_the_context_file_beside_it(tmp_path):
    article = _article(tmp_path)
    assert article_context(article) is None, "no file: the lesson says so and goes on"
    (tmp_path / "mine.context.toml").write_text(GOOD, encoding="utf-8")
    context = article_context(article)
    assert [e.term for e in context.glossary] == ["word"]
    assert context.primer_events[0].when == "2020" and context.source_card is None
    assert context.excerpt_blocks == (0, 1)


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda t: t.replace('meaning = "what it means"\n', ""), ["glossary entry 1", "meaning"]),
        (lambda t: t.replace('article = "mine"', 'article = "other"'), ["'other'", "not 'mine'"]),
        (lambda t: t.replace("[0, 1]", "[0, 9]"), ["excerpt_blocks", "block [9]"]),
        (lambda t: t.replace("[0, 1]", "[1, 0]"), ["reading order"]),
        (lambda t: t + "\n[[glossary]]\nterm = \"Word\"\nmeaning = \"m\"\nsource = \"s\"\n", ["explained twice"]),
        (lambda t: t + "\n[source_card]\npublisher = \"p\"\nowner = \"o\"\naims = \"a\"\nindependent = \"i\"\n", ["sources"]),
        (lambda t: t.replace('term = "word"', 'term = "word'), ["not valid TOML"]),
    ],
)
def test_a_bad_context_file_gives_a_clear_message_naming_it(tmp_path, change, words):
    article = _article(tmp_path)
    path = tmp_path / "mine.context.toml"
    path.write_text(change(GOOD), encoding="utf-8")
    with pytest.raises(ContextError) as caught:
        article_context(article)
    message = str(caught.value)
    assert "mine.context.toml" in message
    for word in words:
        assert word in message
    assert caught.value._render_traceback_() == [f"ContextError: {message}"]


def test_parse_context_needs_to_know_the_article(tmp_path):
    path = tmp_path / "x.context.toml"
    path.write_text(GOOD.replace('article = "mine"\n', ""), encoding="utf-8")
    with pytest.raises(ContextError, match="which article"):
        parse_context(path)
