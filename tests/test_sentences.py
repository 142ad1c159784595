"""The sentence splitter's tricky cases, and offsets on the seeds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [s for _, _, s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. rulers aim high. They fail.", ["The U.S. rulers aim high.", "They fail."]),
        ("It was led by V.I. Lenin and others. Then it ended.", ["It was led by V.I. Lenin and others.", "Then it ended."]),
        ("The first stage, i.e., a ceasefire, comes first. Then talks.", ["The first stage, i.e., a ceasefire, comes first.", "Then talks."]),
        ("Dr. Smith and Mr. Jones met Gen. Lee. They talked.", ["Dr. Smith and Mr. Jones met Gen. Lee.", "They talked."]),
        ("He said it was “real, not just for a parade.” The White House agreed.",
         ["He said it was “real, not just for a parade.”", "The White House agreed."]),
        ("“Why wait until May 8?” the minister responded. Nobody answered.",
         ["“Why wait until May 8?” the minister responded.", "Nobody answered."]),
        ("“Why wait until May 8?” Andrii Example, the foreign minister, responded. Silence followed.",
         ["“Why wait until May 8?” Andrii Example, the foreign minister, responded.", "Silence followed."]),
        ("How is this possible? It is not! We know.", ["How is this possible?", "It is not!", "We know."]),
        ("No one — under any circumstances — can decide. That is final.", ["No one — under any circumstances — can decide.", "That is final."]),
        ("It began in 2014—eight years earlier. Nobody forgot.", ["It began in 2014—eight years earlier.", "Nobody forgot."]),
        ("They oppose it.[2] We agree.", ["They oppose it.[2]", "We agree."]),
        ("It is equivalent to chauvinism. [4].", ["It is equivalent to chauvinism. [4]."]),
        ("The talks with the U.S. “the partition” continued.", ["The talks with the U.S. “the partition” continued."]),
        ("Prices rose in the U.S. The market fell.", ["Prices rose in the U.S.", "The market fell."]),
        ("2. Gallup poll of 07.08.25, published later.", ["2. Gallup poll of 07.08.25, published later."]),
        ("Wait... then what? Nothing.", ["Wait... then what?", "Nothing."]),
    ],
)
def test_tricky_cases(text, expected):
    assert sentences(text) == expected


def test_offsets_are_shifted_and_exact():
    text = "  First one. Second one!  "
    result = split_sentences(text, offset=100)
    assert result == [(102, 112, "First one."), (113, 124, "Second one!")]


def test_seed_sentences_point_into_the_text_inside_their_block(seeds):
    for article in seeds:
        for sentence in article.sentence_list:
            block = article.block_list[sentence.block]
            assert article.text[sentence.start:sentence.end] == sentence.text
            assert block.start <= sentence.start < sentence.end <= block.end


def test_seed_sentence_counts(landersen, shevchuk):
    assert len(landersen.sentence_list) == 39
    assert len(shevchuk.sentence_list) == 150
    quoted = [s.text for s in landersen.sentence_list if s.text.startswith("“Why wait")]
    assert quoted == ["“Why wait until May 8?” Andrii Sybiha, Ukraine’s foreign minister, responded."]


def test_a_paste_that_lost_the_space_between_sentences_is_split_but_names_stay_whole():
    text = ('Lee called it "nonsense.""We heard nothing new," he stressed.The talks go on, he added.Next week, '
            "they meet. Read News.Az or Censor.NET, which J.R.R.Tolkien never did.")
    assert [s[2] for s in split_sentences(text)] == [
        'Lee called it "nonsense."', '"We heard nothing new," he stressed.', "The talks go on, he added.",
        "Next week, they meet.", "Read News.Az or Censor.NET, which J.R.R.Tolkien never did."]


# ---- the boundary pattern, held to the two-alternative pattern it replaced ------------------------

#: The boundary pattern as it was written before it opened with the mark (slower, the same matches).
_PLAIN_BOUNDARY = re.compile(
    r"(?:…|\.[.!?]*|![.!?]*|\?[.!?]*)[\"'”’»)\]]*(?:\[\d{1,3}\])*(?=\s|$)"
    r"|(?<=[a-z]{2})[.!?][\"'”’»]?(?=[“\"‘]?[A-Z][a-z])"
)

BOUNDARY_TRICKY = (
    "", ".", "…", "...", "?!", "a.", "ab.", "ab.Cd", "ab.“Cd", "ab.”Cd", "ab?”“Cd", "Ab.CD", "x…Yz",
    "It ended.” Then [2] more.[3] And “so?”) on", "He stressed.The side", "as “scholasticism.”“We have",
    "Wait... What?! No!!! (Yes.) [12] [1234]", "end.\n\nNext", "end.\u00a0Next", "ab.'Cd ab.’Cd ab.»Cd",
    "News.Az Censor.NET J.R.R.Tolkien", "U.S. rulers.  Then", "ab…Cd ab…” cd", "ab.[1]Cd", "ab.)[2] Cd",
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@pytest.mark.parametrize("text", BOUNDARY_TRICKY)
def test_the_boundary_pattern_finds_what_the_plain_one_found(text):
    from workbook.sentences import _BOUNDARY

    assert _spans(_BOUNDARY, text) == _spans(_PLAIN_BOUNDARY, text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZbY .!?…\"'”’»)][“‘0123\n\u00a0")), max_size=60))
def test_the_boundary_pattern_matches_the_plain_one_on_random_text(text):
    from workbook.sentences import _BOUNDARY

    assert _spans(_BOUNDARY, text) == _spans(_PLAIN_BOUNDARY, text)


def test_the_boundary_pattern_matches_the_plain_one_on_the_seeds(seeds):
    from workbook.sentences import _BOUNDARY

    for article in seeds:
        assert _spans(_BOUNDARY, article.text) == _spans(_PLAIN_BOUNDARY, article.text)
