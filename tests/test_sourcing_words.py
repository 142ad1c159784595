"""Tests for sourcing's tokeniser (workbook/sourcing/words.py, `_tokens`).

`_tokens` splits the text at spaces and makes a piece of letters and digits one token without
the pattern; these tests hold it to the plain pattern-only tokeniser it replaced, field by field,
on strings chosen to catch a difference. Every text here was written for the test.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.sourcing.words import _TOKEN, _Tok, _tokens


def pattern_only_tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The tokeniser as it was: every token found by `_TOKEN` over the whole range."""
    return [_Tok(*match.span(), match[0]) for match in _TOKEN.finditer(text, start, end)]


def fields(tokens: list[_Tok]) -> list[tuple[object, ...]]:
    return [(t.start, t.end, t.text, t.lower, t.word, t.cap) for t in tokens]


TRICKY = (
    "",
    " ",
    "   ",
    "word",
    " word ",
    "Lee said the plan failed.",
    "“It’s over,” said Lee’s aide, who didn't agree.",
    "'Single quotes' and ‘curly single quotes’ and \"straight doubles\".",
    "A well-known, long-running so-called plan -- and a dash — here – too.",
    "It cost $1,250,000.50 (about 3.5%) in 2020-21, up 12 per cent.",
    "The U.S. and U.K. met AT&T at 9 a.m. in St. Louis, Mo.",
    "Emoji 😀 between words 👍🏽 and a flag 🇺🇸 too.",
    "tab\tseparated\twords\tand\nline\nbreaks\r\nand\x0bvertical\x0cfeeds",
    "many    spaces   between  words  ",
    "non\u00a0breaking\u00a0spaces and\u202fnarrow\u2009thin\u3000ideographic ones",
    "zero\u200bwidth\u200bspace and soft\u00adhyphen and joiner\u200dhere",
    "under_score _lead trail_ __init__",
    "Ünïcödé Straße ΣΊΣΥΦΟΣ İstanbul ǅemal ﬁne ligature",
    "digits ١٢٣ and ² superscript and ½ fraction and Ⅻ roman",
    "Combining e\u0301 accent and Hangul 한국어 and Chinese 中文字 and Thai ภาษาไทย",
    "ends with an apostrophe' and 'starts with one and mid’word and trailing-",
    "dots... and ellipsis… and ?!? and (brackets) [square] {curly}",
    "a.b.c. x-y-z a&b&c it’s-o’clock rock’n’roll",
    "\n\nHeadline\n\nBody text.\n",
    " leading space and trailing space ",
)


def test_the_tokens_are_the_pattern_only_tokens_on_tricky_strings():
    for text in TRICKY:
        assert fields(_tokens(text, 0, len(text))) == fields(pattern_only_tokens(text, 0, len(text))), text


def test_the_tokens_of_every_part_of_a_string_are_the_pattern_only_tokens():
    for text in TRICKY[4:12]:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 2):
                assert fields(_tokens(text, start, end)) == fields(pattern_only_tokens(text, start, end)), (text, start, end)


def test_bounds_outside_the_text_are_clipped_as_the_pattern_clips_them():
    text = "Lee said, “yes”, twice."
    for start, end in ((-5, 4), (-5, -1), (3, 100), (100, 200), (9, 3), (0, -3)):
        assert fields(_tokens(text, start, end)) == fields(pattern_only_tokens(text, start, end)), (start, end)


def test_white_space_other_than_a_space_still_separates_words():
    for separator in "\t\n\r\x0b\x0c\u00a0\u2009\u202f\u3000\u2028":
        text = f"left{separator}right"
        assert [t.text for t in _tokens(text, 0, len(text))] == ["left", "right"], repr(separator)


def test_every_letter_or_digit_is_a_word_character_of_the_pattern():
    # The fast path makes an all-letters-and-digits piece one token: that holds only while the
    # pattern's \w takes every character that str.isalnum takes.
    word = re.compile(r"\w")
    characters = (chr(code) for code in range(sys.maxunicode + 1))
    assert [c for c in characters if c.isalnum() and not word.match(c)] == []


_PIECES = st.sampled_from(
    ["Lee", "said", "U.S.", "it’s", "don't", "1,250", "2020", "-", "—", ",", ".", "“", "”", "'", "‘", "’",
     " ", "  ", "\t", "\n", "\u00a0", "\u200b", "😀", "Straße", "_", "&", "a.", "x-", "’s", "%"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25), st.integers(-3, 80), st.integers(-3, 80))
def test_random_texts_give_the_pattern_only_tokens(pieces, start, end):
    text = "".join(pieces)
    assert fields(_tokens(text, start, end)) == fields(pattern_only_tokens(text, start, end))


def test_a_word_then_one_mark_gives_the_pattern_only_tokens_for_every_mark():
    # The second fast path: a piece of letters and digits with one character after it ("said,")
    # is two tokens without the pattern, unless that character is a word character or white space.
    for code in range(0x3000):
        for text in (f"said{chr(code)}", f"Lee{chr(code)} x", f"x U.S{chr(code)}", f"_{chr(code)}", f"a{chr(code)}"):
            assert fields(_tokens(text, 0, len(text))) == fields(pattern_only_tokens(text, 0, len(text))), repr(text)
    for mark in "Ⓐⓐ\u0301\u00ad\u200b\u2028’'-.&":
        text = f"Ann{mark} and Lee{mark}"
        assert fields(_tokens(text, 0, len(text))) == fields(pattern_only_tokens(text, 0, len(text))), repr(text)
