"""Tests for interview turns (workbook/sourcing/transcripts.py): texts written for the test."""

from __future__ import annotations

import pandas as pd

from workbook import article_from_text, rhetoric
from workbook.sourcing import quotes

INTERVIEW = (
    "The minister on gas and winter\n\n"
    "Ana Reyes spoke to the minister on Monday.\n\n"
    "Ana Reyes: Good evening, minister. Is the gas cut an act of war?\n\n"
    "Tomas Berg: For decades they used gas as a weapon. We should never forget it.\n\n"
    "Reyes: What should Europe do now?\n\n"
    "Berg: We must find other suppliers, and we will.\n\n"
    "No one trusts them any more. Other solutions should be found.\n"
)


def voices(article) -> list[tuple[str, str | None]]:
    marks = rhetoric.markers(article)
    return [(v, None if pd.isna(s) else s) for v, s in zip(marks["voice"], marks["speaker"])]


def test_labelled_turns_are_the_speakers_words_and_short_labels_take_the_full_name():
    a = article_from_text(INTERVIEW)
    table = quotes(a)
    berg = table[table["speaker"] == "Tomas Berg"]
    assert len(berg) == 3  # two labelled turns and the paragraph that carries on the last one
    assert table[table["text"].str.startswith("What should Europe")]["speaker"].tolist() == ["Ana Reyes"]
    assert all(voice == "quoted" for voice, _ in voices(a))
    assert ("quoted", "Tomas Berg") in voices(a)


def test_answer_labels_are_the_interviewees_and_question_labels_stay_the_writers():
    a = article_from_text(
        "An interview\n\nBy Ana Reyes\n\n"
        "Q. Should we expect more cuts this winter?\n\n"
        "A. We must prepare for them. Everyone should save energy.\n\n"
        "Q. Will the talks succeed?\n\n"
        "A. We will never give up on talks.\n"
    )
    table = quotes(a)
    answers = table[table["text"].str.startswith("We ")]
    assert len(answers) == 2 and answers["speaker"].isna().all()
    by_voice = dict(zip(rhetoric.markers(a)["text"], rhetoric.markers(a)["voice"]))
    assert by_voice.get("never") == "quoted"
    assert not table["text"].str.startswith("Should we").any()


def test_one_off_labels_and_page_furniture_are_not_turns():
    a = article_from_text(
        "A report\n\nBy Ann Writer\n\n"
        "Update: We have changed the second paragraph.\n\n"
        "Photo: The harbour at dawn.\n\n"
        "Warning: the talks may fail, we think.\n"
    )
    assert not len(quotes(a))
    assert all(voice == "writer" for voice, _ in voices(a))


def test_the_writers_own_turns_stay_the_writers():
    a = article_from_text(
        "A conversation\n\nBy Ana Reyes\n\n"
        "Ana Reyes: We should ask why the plan failed.\n\n"
        "Tomas Berg: We must try again.\n\n"
        "Reyes: We should also ask who pays.\n\n"
        "Berg: Everyone pays.\n"
    )
    table = quotes(a)
    assert set(table["speaker"]) == {"Tomas Berg"}


def test_headings_with_a_colon_are_not_turns_and_no_quotation_is_given_twice():
    a = article_from_text(
        "The Latest: talks in Geneva\n\nBy Ann Writer\n\n"
        "The Latest: Talks resume on Monday, officials said.\n\n"
        "“We will be there,” the minister said.\n\n"
        "The Latest: The talks ended without a deal.\n\n"
        "“We tried,” she said.\n"
    )
    table = quotes(a)
    assert not table["reason"].str.contains("turn", regex=False).any()
    assert not table["text"].str.startswith("Talks resume").any()
    assert not table.duplicated(["start", "end"]).any()


def test_a_transcript_in_capitals_whose_paragraphs_open_with_an_unclosed_quotation_mark():
    # The old convention for a long quotation: every paragraph opens with a mark, only the last closes.
    a = article_from_text(
        "Minister says the talks go on\n\n"
        "On Sunday's programme the minister said the talks would go on.\n\n"
        "Partial transcript as follows:\n\n"
        "\"HOST: Let's start with the talks. Why would they stop now?\n\n"
        "\"BERG: Well, look, we never stopped. Our people want peace.\n\n"
        "\"HOST: If I may, will you meet them?\n\n"
        "\"BERG: We will meet them, and we should.\"\n"
    )
    table = quotes(a)
    assert sorted(set(table["speaker"].dropna())) == ["Berg", "Host"]  # capitals read as names
    writer_words = [text for text, voice in zip(rhetoric.markers(a)["text"], rhetoric.markers(a)["voice"])
                    if voice == "writer"]
    assert not {"we", "Our", "Let's", "may", "should"} & set(writer_words)
