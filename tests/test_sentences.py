"""The sentence splitter's tricky cases, and offsets on the seeds."""

from __future__ import annotations

import pytest

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
