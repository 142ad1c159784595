"""Tests for the helpers workbook.timeline adds to workbook.dates (the original functions are tested with blocks)."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.dates import (
    add_months, find_calendar, full_months_between, last_weekday, long_date, numeric_readings, parse_date,
    resolve_month_day,
)


def forms(text: str):
    return [(c.form, text[c.start:c.end]) for c in find_calendar(text)]


def test_full_dates_in_running_text():
    assert forms("Marchers met on May 3, 2014, and again on 12 May 2025.") == [
        ("month-day-year", "May 3, 2014"), ("day-month-year", "12 May 2025"),
    ]
    assert forms("Published Wed Sep 03, 2025.") == [("month-day-year", "Wed Sep 03, 2025")]
    assert forms("Filed 2025-05-12 and 19980108.") == [("iso", "2025-05-12"), ("compact", "19980108")]


def test_numeric_dates_keep_every_reading():
    (match,) = find_calendar("the poll of 07.08.25")
    assert match.form == "numeric"
    assert match.readings == (dt.date(2025, 8, 7), dt.date(2025, 7, 8))
    (only,) = find_calendar("published on 08.21.25")
    assert only.readings == (dt.date(2025, 8, 21),)


def test_dates_without_a_year_and_ranges():
    (match,) = find_calendar("a ceasefire May 8-10 to coincide")
    assert (match.form, match.month, match.day, match.end_day, match.year) == ("month-day", 5, 8, 10, None)
    assert forms("wrote April 22.") == [("month-day", "April 22")]


def test_months_years_decades_centuries():
    assert forms("in August 1988") == [("month-year", "August 1988")]
    assert forms("since last April") == [("month", "last April")]
    assert forms("in the 1990s and the '80s") == [("decade", "the 1990s"), ("decade", "the '80s")]
    assert forms("the 21st century") == [("century", "the 21st century")]
    assert forms("in 1991, fiscal 1989 and 2013-14") == [("year", "1991"), ("year", "fiscal 1989"), ("year-range", "2013-14")]


def test_words_that_only_look_like_dates():
    assert forms("You may go; they march on.") == []
    assert forms("They saw 1500 soldiers and 1,200 km") == []
    assert forms("It cost $2000 and 2014%.") == []


def test_resolving_and_counting():
    anchor = dt.date(2025, 5, 12)
    assert resolve_month_day(4, 24, anchor) == dt.date(2025, 4, 24)
    assert resolve_month_day(4, 24, None) is None
    assert add_months(dt.date(2025, 3, 31), -1) == dt.date(2025, 2, 28)
    assert full_months_between(dt.date(2022, 2, 24), dt.date(2025, 9, 3)) == 42
    assert full_months_between(dt.date(2014, 1, 1), dt.date(2025, 9, 3)) == 140
    assert last_weekday(4, dt.date(2025, 5, 12)) == dt.date(2025, 5, 9)  # the Friday before a Monday
    assert last_weekday(0, dt.date(2025, 5, 12), direction=1) == dt.date(2025, 5, 19)
    assert long_date(dt.date(2025, 9, 3)) == "3 September 2025"


def test_original_functions_still_work():
    assert parse_date("Wed Sep 03, 2025") == dt.date(2025, 9, 3)
    assert numeric_readings("07", "08", "25") == [dt.date(2025, 8, 7), dt.date(2025, 7, 8)]


def test_cheap_tests_never_skip_a_pattern_that_would_match():
    """find_calendar skips a pattern when the text lacks what it needs: four digits, a month stem, '1.2'."""
    import re

    from workbook import dates, load_seeds

    samples = [
        "Signed May 3, 2014, 12 May 2025, 2025-05-12, 20250512, 07.08.25, 12/05/2025, May 2014, April 24th, 24 April,",
        "in January, last April, Sept. 2019, fiscal 2019, 1990s, the 20th century, 1994-1996, in 1783.",
        "the 1990s, ’80s, mid-2010s; 1990s_ 1990sx the late 1880s. 1990s-era, 1960s’ songs, the early 19TH- Centuries, late-2nd  century, mid 21ſt centurıes, 3rd-century, the 1st\ncentury",
        "MAY 3, 2014 AND 3 MAY 2014; SEPT 2019; ſept 2019; Ma\u0130 2014",
        "Sept. 11, Dec. 2019, 5 Sept. 2020, 3 Jan., mid-March, the end of May, Mayor May, market in March 2014",
    ]
    texts = samples + [block.text for article in load_seeds() for block in article.block_list]
    needs_four = (dates._MONTH_FIRST_IN_TEXT, dates._DAY_FIRST_IN_TEXT, dates._ISO, dates._COMPACT, dates._MONTH_YEAR, dates._YEAR)
    seen = 0
    for text in texts:
        for pattern in needs_four:
            for m in pattern.finditer(text):
                assert dates._FOUR_DIGITS.search(m.group(0)), m.group(0)
                seen += 1
        for m in dates._NUMERIC_IN_TEXT.finditer(text):
            assert dates._NUMERIC_CUE.search(m.group(0))
            seen += 1
        for m in dates._ANY_MONTH.finditer(text):
            assert dates._may_name_a_month(text[m.start():m.end() + 3]), m.group(0)
            seen += 1
        month_patterns = (dates._MONTH_FIRST_IN_TEXT, dates._DAY_FIRST_IN_TEXT, dates._MONTH_YEAR, dates._MONTH_DAY)
        for pattern in month_patterns:
            for m in pattern.finditer(text):
                assert dates._MONTH_WORD.search(text, m.start(), m.end() + 1), m.group(0)
                seen += 1
        for m in dates._MONTH_ALONE.finditer(text):
            assert dates._MONTH_NAME.search(m.group(0)) and dates._MONTH_WORD.search(text, m.start(), m.end() + 1)
            seen += 1
        for m in dates._DECADE.finditer(text):
            assert dates._DECADE_CUE.search(text, m.start(), m.end() + 1), m.group(0)
            seen += 1
        for m in dates._CENTURY.finditer(text):
            assert dates._CENTURY_CUE.search(m.group(0)), m.group(0)
            seen += 1
    assert seen > 40
    folds = {c for c in map(chr, range(128, 0x110000)) if not 0xD800 <= ord(c) <= 0xDFFF and re.fullmatch("[a-z]", c, re.I)}
    assert folds == set(dates.CASE_FOLDS)
    assert dates._may_name_a_month("ſep") and not dates._may_name_a_month("no month here")


def test_month_names_alone_are_read_around_the_names_yet_all_of_them():
    """`_month_alone` searches only just before each month name: the same matches as `_MONTH_ALONE.finditer`,
    and `_names_a_month` says what `_MONTH_WORD.search` says."""
    from workbook import dates, load_seeds

    texts = [
        "in January, last April, Sept. 2019, mid-March, the end of May, Mayor May, market in March 2014, the beginning of "
        " \n June, in early - - July, mid-  Dec. 5, lastApril, this\u00a0August, the end ofMay, early-early March",
        "MAY 3, ſept 2019, Ma\u0130 2014, no month here, remarkable, decide, Jan.",
    ] + [block.text for article in load_seeds() for block in article.block_list]
    seen = 0
    for text in texts:
        whole = [(m.span(), m.groupdict()) for m in dates._MONTH_ALONE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._month_alone(text, list(dates._MONTH_NAME.finditer(text)))] == whole
        assert dates._names_a_month(text) == (dates._MONTH_WORD.search(text) is not None), text[:60]
        seen += len(whole)
    assert seen > 10


def test_odd_case_folds_are_looked_up_like_their_plain_letters():
    """re.IGNORECASE lets 'ı', 'ſ' and the Kelvin sign match i, s and k: lookups must follow."""
    from workbook import article_from_text, figures, timeline
    from workbook.dates import MONTHS, fold

    assert fold("APRıL") == "april" and MONTHS["aprıl"] == 4
    article = article_from_text("Title\n\nOn aprıl 5, 2020 it rained for 3 monthſ, then 3 Mıllıon more came.")
    assert timeline.time_refs(article)["date"].tolist()[0] == "2020-04-05"
    assert figures.figures(article)["text"].str.contains("3 monthſ").any()


# ---- date lines in the forms web pages write them ---------------------------------------------------------

from workbook.dates import is_date_line, looks_like_date, parse_date_line  # noqa: E402


@pytest.mark.parametrize(("line", "expected"), [
    ("Published Feb. 28, 2025", dt.date(2025, 2, 28)),
    ("Updated: 13-03-2020", dt.date(2020, 3, 13)),
    ("Updated On: Tue, 17 Jun 2025", dt.date(2025, 6, 17)),
    ("Tue, 17 Jun 2025", dt.date(2025, 6, 17)),
    ("24 July 2015", dt.date(2015, 7, 24)),
    ("2018-04-05", dt.date(2018, 4, 5)),
    ("2018-04-05T06:00:00Z", dt.date(2018, 4, 5)),
    ("April 28, 2019 at 6:01 am", dt.date(2019, 4, 28)),
    ("March 13, 2015 9:00PM", dt.date(2015, 3, 13)),
    ("April 5, 2018 | 6:00 PM", dt.date(2018, 4, 5)),
    ("Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST", dt.date(2019, 1, 3)),
    ("Published Thursday 27 July 2017 Published Thu 27 Jul 2017", dt.date(2017, 7, 27)),
    ("posted on April 21, 2015, at 11:29 a.m.", dt.date(2015, 4, 21)),
    ("22 Dec, 2016", dt.date(2016, 12, 22)),
])
def test_web_date_lines_are_read(line: str, expected: dt.date) -> None:
    assert parse_date_line(line) == expected
    assert is_date_line(line)


@pytest.mark.parametrize("line", [
    "Talks resumed on April 28, 2019 after a long pause.", "Updated guidance for schools", "13-03 is a score",
    "The 2018-04-05 memo was leaked to reporters by an official.", "Published by the ministry",
])
def test_sentences_and_labels_alone_are_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None and not is_date_line(line)


def test_a_line_meant_as_a_date_but_unreadable_is_told_apart() -> None:
    assert looks_like_date("Updated 17/06") and looks_like_date("Published: 3rd of Juné 2025")
    assert not looks_like_date("Updated On: Tue, 17 Jun 2025")  # readable
    assert not looks_like_date("The council met on Tuesday.")


def test_letters_only_copies_keep_the_letters_of_lower_case_copies():
    """What `dates.ascii_letters` relies on: lower() turns no character outside A-Z and a-z into one of
    the letters a-z, except those in CASE_FOLDS (which callers check for first)."""
    import string

    from workbook.dates import CASE_FOLDS, ascii_letters

    for point in range(0x80, 0x110000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        char = chr(point)
        if char not in CASE_FOLDS:
            assert not set(char.lower()) & set(string.ascii_lowercase), hex(point)
    text = "Last “May”, ĐAY 2025\u00a0Ünder"
    letters = ascii_letters(text)
    assert len(letters) == len(text)
    assert letters.decode("ascii") == "".join(c if c in string.ascii_lowercase else " " for c in text.lower())


def test_compact_dates_test_the_character_before_them_as_the_plain_pattern_does():
    """`_COMPACT` tests the character before the year after reading it; the same matches as testing it first."""
    import re

    from workbook import dates, load_seeds

    plain = re.compile(r"(?<![\w.,/-])(?P<year>19[5-9]\d|20\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>[0-3]\d)(?![\w/-]|[.,]\d)")
    texts = [
        "20250512", "x20250512", " 20250512.", ".20250512", "-20250512 a", "/19991231", ",20201301", "é20250512",
        "_20250512", "120250512", "2025051220250512", "on 20250512, 20240101 and 2023010", "20250512/ 20250512.5",
    ] + [block.text for article in load_seeds() for block in article.block_list]
    for text in texts:
        assert [m.regs for m in dates._COMPACT.finditer(text)] == [m.regs for m in plain.finditer(text)], text



def test_has_case_folds_is_the_plain_search_for_every_text():
    # `has_case_folds` answers an ASCII text without searching it: the same answer as the search.
    from workbook.dates import CASE_FOLDS, has_case_folds

    assert all(not c.isascii() for c in CASE_FOLDS)
    for text in ("", "plain ASCII text, 2025.", "“curly” quotes", "İstanbul", "a\u212a", "ſ", "ı", "ascii then ı"):
        assert has_case_folds(text) == any(c in text for c in CASE_FOLDS), text
