"""Tests for the annotators' record (workbook/rhetoric/annotated.py), how `strength` leans on it, and
the command that writes it (bench/annotated.py). Records are swapped for made-up ones where the
behaviour, not today's counts, is what is tested."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from workbook import article_from_text
from workbook.rhetoric import annotated as record_module
from workbook.rhetoric import marker_records
from workbook.rhetoric.annotated import Annotated, annotated


def loaded(body: str) -> dict[str, dict]:
    article = article_from_text(f"A headline\n\n{body}", id="test")
    return {r["text"]: r for r in marker_records(article) if r["label"] in ("loaded", "intensifier")}


@pytest.fixture
def records(monkeypatch):
    """Replace the record with the dict the test fills in."""
    made_up: dict[str, Annotated] = {}
    monkeypatch.setattr(record_module, "_records", lambda: made_up)
    return made_up


def test_the_record_file_names_its_source_and_reads():
    head = record_module.RECORD_PATH.read_text(encoding="utf-8").splitlines()[:4]
    assert head[0].startswith("#") and any(line.startswith("# source: SemEval-2023") for line in head)
    record_module._records.cache_clear()
    assert len(record_module._records()) > 100
    uses_of_any = next(iter(record_module._records().values()))
    assert uses_of_any.uses >= uses_of_any.marked >= 0


def test_a_word_is_looked_up_in_any_case_and_with_either_apostrophe(records):
    records["o'neill's"] = Annotated(4, 1, 1)
    assert annotated("O’Neill’s") == Annotated(4, 1, 1)
    assert annotated("nowhere") is None
    assert Annotated(3, 3, 2).share == 0.75  # marked / (uses + 1): three of three is not yet sure


def test_a_sentiment_word_the_annotators_often_marked_is_strong_with_that_reason(records):
    # 'grim' is only in the VADER list: as a plain description it is weak (see test_rhetoric.py).
    records["grim"] = Annotated(uses=6, marked=4, articles=3)
    grim = loaded("Police found a grim scene near the river.")["grim"]
    assert grim["strength"] == "strong"
    assert grim["strength_reason"] == "researchers who marked up real news articles called ‘grim’ loaded language in 4 of its 6 uses"


def test_a_strong_share_needs_two_marks_in_two_articles(records):
    records["grim"] = Annotated(uses=2, marked=2, articles=1)
    assert loaded("Police found a grim scene near the river.")["grim"]["strength"] == "weak"


def test_a_word_the_annotators_almost_never_marked_is_weak(records):
    # After 'was' a sentiment word judges and is strong, unless the annotators say it is a plain word.
    assert loaded("The outlook was grim.")["grim"]["strength"] == "strong"
    records["grim"] = Annotated(uses=12, marked=0, articles=0)
    grim = loaded("The outlook was grim.")["grim"]
    assert grim["strength"] == "weak" and "never called ‘grim’ loaded language in its 12 uses" in grim["strength_reason"]
    records["grim"] = Annotated(uses=12, marked=1, articles=1)
    assert "in only 1 of its 12 uses, so here it may be a plain word" in loaded("The outlook was grim.")["grim"]["strength_reason"]


def test_a_word_a_teacher_listed_needs_more_uses_before_it_counts_as_plain(records):
    # 'despicable' is in the workbook's own list.
    records["despicable"] = Annotated(uses=4, marked=0, articles=0)
    assert loaded("It was a despicable act.")["despicable"]["strength"] == "strong"
    records["despicable"] = Annotated(uses=14, marked=1, articles=1)
    assert loaded("It was a despicable act.")["despicable"]["strength"] == "weak"


def test_a_sentiment_word_ending_in_ing_after_a_verb_or_and_is_a_verb(records):
    # 'striking' (Pattern's adjective) is a verb after 'and' or 'by', an adjective after 'a' or 'is'.
    records["striking"] = Annotated(uses=6, marked=3, articles=3)
    found = loaded("Drones were built and striking oil depots.")["striking"]
    assert found["strength"] == "weak" and "most likely a verb" in found["strength_reason"]
    assert loaded("It was a striking contrast.")["striking"]["strength"] == "strong"
    assert loaded("The contrast is striking.")["striking"]["strength"] == "strong"


def test_a_word_from_the_annotated_list_is_found_and_names_its_source():
    sham = loaded("The vote was a sham.")["sham"]
    assert "news annotators often marked as loaded" in sham["reason"]


def test_the_command_counts_uses_marks_and_articles_on_the_dev_half_only(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent))
    command = importlib.import_module("bench.annotated")
    (tmp_path / "articles").mkdir()
    (tmp_path / "labels").mkdir()
    texts = {
        "1": "A headline\n\nThe vote was a sham. Another sham followed, and a sham trial.",
        "2": "A headline\n\nThe sham vote was a sham.",  # the "test" half: never read
        "3": "A headline\n\nThe sham ended.",
    }
    for article_id, text in texts.items():
        (tmp_path / "articles" / f"article{article_id}.txt").write_text(text, encoding="utf-8")
        start = text.index("sham")
        (tmp_path / "labels" / f"article{article_id}-labels-subtask-3.txt").write_text(
            f"{article_id}\tLoaded_Language\t{start}\t{start + 4}\n", encoding="utf-8")
    records, read = command.count(tmp_path)
    assert read == 2  # articles 1 and 3 (even positions of the sorted ids)
    assert records["sham"] == (4, 2, 2)  # four uses, the first in each article marked
    assert command.main([str(tmp_path / "nowhere")]) == 0
