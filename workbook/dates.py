"""Recognise calendar dates written the ways news sites write them.

Used by segmentation (to find date lines) and by `workbook.timeline`. It works on
plain strings and knows nothing about articles.

>>> parse_date("Wed Sep 03, 2025")
datetime.date(2025, 9, 3)
>>> parse_date("May 12, 2025")
datetime.date(2025, 5, 12)
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# "Wed Sep 03, 2025", "September 03, 2025", "May 3 2014"
_MONTH_FIRST = re.compile(
    rf"(?:(?P<weekday>{WEEKDAYS}),?\s+)?(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
# "12 May 2025", "Monday, 12 May 2025"
_DAY_FIRST = re.compile(
    rf"(?:(?P<weekday>{WEEKDAYS}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
# "2025-05-12"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
# "07.08.25", "12/05/2025": day-first or month-first cannot be told apart.
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>\d{4}|\d{2})")

#: All full-date patterns, for finding dates inside running text.
FULL_DATE_PATTERNS = (_MONTH_FIRST, _DAY_FIRST, _ISO)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """Return the date that `text` consists of, or None.

    The whole string (apart from surrounding spaces and punctuation) must be a
    date; numeric dates are read month-first only when day-first is impossible.
    """
    text = text.strip().strip(".,;:()[]")
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        match = pattern.fullmatch(text)
        if match:
            return _make(int(match["year"]), MONTHS[match["month"].lower().rstrip(".")], int(match["day"]))
    match = _ISO.fullmatch(text)
    if match:
        return _make(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _NUMERIC.fullmatch(text)
    if match:
        readings = numeric_readings(match["a"], match["b"], match["year"])
        return readings[0] if readings else None
    return None


def numeric_readings(a: str, b: str, year: str) -> list[dt.date]:
    """All valid dates for a numeric date `a.b.year`: day-first first, then month-first.

    >>> numeric_readings("07", "08", "25")
    [datetime.date(2025, 8, 7), datetime.date(2025, 7, 8)]
    >>> numeric_readings("08", "21", "25")
    [datetime.date(2025, 8, 21)]
    """
    full_year = int(year) + (2000 if len(year) == 2 and int(year) < 70 else 1900 if len(year) == 2 else 0)
    readings = [_make(full_year, int(b), int(a)), _make(full_year, int(a), int(b))]
    unique: list[dt.date] = []
    for reading in readings:
        if reading is not None and reading not in unique:
            unique.append(reading)
    return unique


def is_date_line(text: str) -> bool:
    """True when `text` is nothing but a date (a publication date line)."""
    return len(text) <= 40 and parse_date(text) is not None
