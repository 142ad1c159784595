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
from dataclasses import dataclass
from functools import lru_cache

_ODD_FOLDS = str.maketrans({"\u0131": "i", "\u017f": "s", "\u212a": "k"})  # ı ſ K(elvin)


def fold(word: str) -> str:
    """Lower-case `word` the way a case-insensitive regular expression compares it.

    Python's `re.IGNORECASE` lets "ı" match "i", "ſ" match "s" and the Kelvin sign
    match "k", so a word a pattern found may not be a key of the list it came
    from until these are folded too.

    >>> fold("APRıL")
    'april'
    """
    return word.lower().replace("i\u0307", "i").translate(_ODD_FOLDS)


class FoldedDict(dict):
    """A dict whose missing keys are looked up again after `fold` (see there)."""

    def __missing__(self, key: str):
        folded = fold(key) if isinstance(key, str) else key
        if folded != key and dict.__contains__(self, folded):
            return self[folded]
        raise KeyError(key)


MONTHS: dict[str, int] = FoldedDict({
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
})
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
# "2025-05-12". The year is written \d\d\d\d, not \d{4} (the same), so that the pattern opens with a
# class of characters and the regular expression engine skips quickly to each digit in running text.
_ISO = re.compile(r"(?P<year>\d\d\d\d)-(?P<month>\d{2})-(?P<day>\d{2})")
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


#: Words that label a date line on a web page ("Published", "Updated on", "Posted:").
_DATE_LABEL = re.compile(
    r"(?:(?:first\s+|last\s+|originally\s+)?(?:published|updated|modified|posted|created|dated?|released|filed)"
    r"(?:\s+(?:on|at))?|on|date|last\s+modified(?:\s+on)?)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
_DATE_LABEL_AT_START = re.compile(r"\s*(?:" + _DATE_LABEL.pattern + r")", re.IGNORECASE)
#: A clock time with an optional time zone: "6:01 am", "02.00 EST", "9:00PM", "10:43 AM ET".
_CLOCK = re.compile(
    r"(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
#: "13-03-2020", "03/13/2020", "13.03.2020": numeric dates with a four-digit year.
_NUMERIC_LONG = re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)")
#: "2018-04-05T06:00:00Z" and "2018-04-05 06:00"
_ISO_STAMP = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")
_LEFTOVER = re.compile(r"[\s,.;:|•·/()\[\]–—-]*")


def find_line_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first full date written in `text` (any web form), with its start and end."""
    if not _FOUR_DIGITS.search(text):  # every form here has a four-digit year
        return None
    found: list[tuple[int, int, dt.date]] = []
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        for match in pattern.finditer(text):
            if match.start() and text[match.start() - 1].isalnum():
                continue
            made = _make(int(match["year"]), MONTHS[match["month"].lower().rstrip(".")], int(match["day"]))
            if made:
                found.append((match.start(), match.end(), made))
    for match in _ISO_STAMP.finditer(text):
        made = _make(int(match["year"]), int(match["month"]), int(match["day"]))
        if made:
            found.append((match.start(), match.end(), made))
    for match in _NUMERIC_LONG.finditer(text):
        readings = numeric_readings(match["a"], match["b"], match["year"])
        if readings:
            found.append((match.start(), match.end(), readings[0]))
    if not found:
        return None
    start, end, day = min(found, key=lambda item: (item[0], -item[1]))
    return day, start, end


def parse_date_line(text: str) -> dt.date | None:
    """The date of a web page's date line, or None when the line is more than a date.

    Besides what `parse_date` reads, a date line may carry a label ("Published",
    "Updated on:", "Posted"), a weekday, a clock time and time zone ("at 6:01 am",
    "02.00 EST"), a second date ("Last modified on ...") and separators.

    >>> parse_date_line("Updated On: Tue, 17 Jun 2025")
    datetime.date(2025, 6, 17)
    >>> parse_date_line("April 28, 2019 at 6:01 am")
    datetime.date(2019, 4, 28)
    >>> parse_date_line("Updated: 13-03-2020")
    datetime.date(2020, 3, 13)
    >>> parse_date_line("Published Feb. 28, 2025")
    datetime.date(2025, 2, 28)
    """
    text = text.strip()
    if not text or len(text) > 90:
        return None
    simple = parse_date(text)
    if simple:
        return simple
    first = find_line_date(text)
    if first is None:
        return None
    rest = text
    while True:  # take away every date, label, weekday and clock time; nothing else may be left
        found = find_line_date(rest)
        if found is None:
            break
        rest = rest[:found[1]] + " " + rest[found[2]:]
    rest = _CLOCK.sub(" ", rest)
    rest = _DATE_LABEL.sub(" ", rest + " ")
    rest = re.sub(rf"\b{WEEKDAYS}(?!\w)", " ", rest, flags=re.IGNORECASE)
    return first[0] if _LEFTOVER.fullmatch(rest) else None


def is_date_line(text: str) -> bool:
    """True when `text` is nothing but a date (a publication date line), in any web form, or a date
    followed only by the page's controls ("date 2025-08-27 ENG", "date 2024-07-31 + ↺ − 16 px")."""
    return len(text) <= 90 and (parse_date_line(text) is not None or date_before_controls(text) is not None)


#: A word of four letters or more: what the controls after a date line never hold.
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def date_before_controls(text: str) -> dt.date | None:
    """The date at the start of a short line when all that follows it is a page's controls: a language
    switch, a text-size button ("ENG", "+ ↺ − 16 px"), with no word of four letters or more.

    >>> date_before_controls("date 2024-07-31 + ↺ − 16 px"), date_before_controls("2024-07-31 Kyiv news")
    (datetime.date(2024, 7, 31), None)
    """
    words = text.split()
    if len(text) > 60 or len(words) < 2:
        return None
    for cut in range(len(words) - 1, 0, -1):
        if _LONG_WORD.search(" ".join(words[cut:])):
            return None
        found = parse_date_line(" ".join(words[:cut]))
        if found is not None:
            return found
    return None


_DATE_CUE = re.compile(rf"\b(?:{MONTH})(?!\w)|\d{{1,4}}[./-]\d{{1,2}}(?:[./-]\d{{1,4}})?|\b(?:published|updated|posted)\b", re.IGNORECASE)


def looks_like_date(text: str) -> bool:
    """True for a short line that seems meant as a date but that `parse_date_line` cannot read.

    >>> looks_like_date("Updated 17/06"), looks_like_date("Updated: 13-03-2020")
    (True, False)
    """
    text = text.strip()
    if not text or len(text) > 60 or len(text.split()) > 8 or parse_date_line(text):
        return False
    if not re.search(r"\d", text):
        return False
    cues = _DATE_CUE.findall(text)
    labelled = _DATE_LABEL_AT_START.match(text) is not None or bool(re.search(r"\b(?:published|updated|posted)\b", text, re.I))
    return bool(cues) and (labelled or len(text.split()) <= 4)


# ---- finding calendar expressions inside running text (used by workbook.timeline) ----------

#: A capitalised month name with no year, "April 24" or "24 April" or "April 24th".
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*(?:-|–|to|through)\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?(?![\d,]*\s*\d{{4}})(?!\d)"
    rf"|\b(?P<dday>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmonth>{MONTH})(?![\w-])(?!,?\s+\d{{4}})",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b", re.IGNORECASE)
_CAPITAL_MONTH = (
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?![\w-])"
)
#: Words before a month name that place it ("last April", "the end of May").
_MONTH_MODIFIERS = ("last", "this", "next", "early", "late", "mid", "mid-", "in early", "in late", "the end of", "the beginning of")
_LONGEST_MONTH_MODIFIER = max(map(len, _MONTH_MODIFIERS))
_MONTH_ALONE = re.compile(rf"(?:\b(?P<mod>{'|'.join(_MONTH_MODIFIERS)})[\s-]*)?" + _CAPITAL_MONTH)
#: "20250512". The test of the character before the year comes after the year's four characters
#: (looking back five), so the pattern opens with the year's first digit, 1 or 2, and the engine
#: skips quickly to each one instead of trying the test at every position.
_COMPACT = re.compile(r"(?P<year>19[5-9]\d|20\d\d)(?<![\w.,/-][\s\S]{4})(?P<month>0[1-9]|1[0-2])(?P<day>[0-3]\d)(?![\w/-]|[.,]\d)")
_NUMERIC_IN_TEXT = re.compile(
    r"(?<![\w.,/-])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\w/-]|[.,]\d)"
)
_YEAR = re.compile(
    r"(?<![\w$£€.,/-])(?P<fiscal>fiscal\s+)?(?P<year>1[0-9]{3}|20[0-9]{2})"
    r"(?:(?P<dash>\s*(?:-|–|—|to)\s*)(?P<year2>1[0-9]{3}|20[0-9]{2}|\d{2})(?![\w%]|[.,]\d))?"
    r"(?![\w%°]|[.,]\d|\s*(?:%|percent|per cent))",
    re.IGNORECASE,
)
_YEAR_CUES = re.compile(
    r"\b(?:in|since|from|until|till|by|during|before|after|around|circa|c\.|year|years|"
    r"early|late|mid|spring|summer|autumn|fall|winter|between)\s*-?\s*$",
    re.IGNORECASE,
)
_DECADE = re.compile(
    r"(?:\bthe\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<year>1[0-9]{2}0|20[0-9]0)|[’'‘](?P<short>[0-9]0))s\b"
)
_CENTURY = re.compile(
    r"(?:\bthe\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?\b(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+centur(?:y|ies)\b",
    re.IGNORECASE,
)


# In running text the same patterns start at a word boundary (much faster to scan).
_MONTH_FIRST_IN_TEXT = re.compile(r"\b(?=[a-z])" + _MONTH_FIRST.pattern, re.IGNORECASE)
_DAY_FIRST_IN_TEXT = re.compile(r"\b(?=[a-z0-9])" + _DAY_FIRST.pattern, re.IGNORECASE)
_ANY_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
#: A month name or abbreviation as a whole word: every pattern that reads a month needs one (a word
#: such as "market", "decision" or "mayor" only starts like a month).
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
#: A capitalised month name as `_MONTH_ALONE` reads it, without its optional modifier before it
#: (which makes that pattern try every position).
_MONTH_NAME = re.compile(_CAPITAL_MONTH)
#: In every match of `_DECADE` (every decade it reads ends in 0, then "s"): a plain string, found
#: far faster than a digit of any kind before "s".
_DECADE_CUE = re.compile(r"0s\b")
#: In every match of `_CENTURY` (its number's last digit, ending and "centur"), and it opens with a
#: digit, so it is found many times faster than `_CENTURY` is tried at every place.
_CENTURY_CUE = re.compile(r"\d(?:st|nd|rd|th)[\s-]+centur", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# Cheap tests that skip patterns which cannot match (tests/test_dates.py checks each against every match).
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_STEM_BYTES = tuple(stem.encode("ascii") for stem in _MONTH_STEMS)
#: Under re.IGNORECASE 'i', 'k' and 's' also match these, which lower() does not turn into them
#: (and 'İ' is the only character whose lower() is two characters long): text holding one of
#: them skips none of the shortcuts that read a lower-cased copy.
CASE_FOLDS = ("\u0130", "\u0131", "\u212a", "\u017f")  # İ ı K(elvin) ſ


def has_case_folds(text: str) -> bool:
    """True when `text` holds one of `CASE_FOLDS`: ``any(c in text for c in CASE_FOLDS)``.

    Each of them is beyond ASCII, so a text of ASCII only (most paragraphs) is answered by
    `str.isascii`, which reads a flag the string keeps, instead of four searches of the text.
    """
    return not text.isascii() and any(c in text for c in CASE_FOLDS)

_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # every full date, month-year, compact date and year has one
_NUMERIC_CUE = re.compile(r"\d[./]\d")

#: Byte -> itself lower-cased when it is a letter A-Z or a-z, else a space (for `ascii_letters`).
_LETTERS_ONLY = bytes(byte + 32 if 65 <= byte <= 90 else byte if 97 <= byte <= 122 else 32 for byte in range(256))


def ascii_letters(text: str) -> bytes:
    """`text` lower-cased, one byte per character, with every character but the letters a-z made a space.

    So the runs of the letters a-z in ``text.lower()`` are the words of ``ascii_letters(text).split()``,
    at the same offsets: lower() turns no other character into one of those letters except 'İ' and
    the Kelvin sign, which callers check for with `CASE_FOLDS` first (and 'İ' is the only character
    it makes two characters long). Much cheaper than lower() on text holding curly quotes or other
    non-ASCII characters, which lower() reads one by one through Unicode's case tables.

    >>> ascii_letters("Last “May”, 2025")
    b'last  may       '
    """
    return text.encode("ascii", "replace").translate(_LETTERS_ONLY)  # each non-ASCII character becomes one "?", then a space


def _names_a_month(text: str) -> bool:
    """True when `text` holds a month name or abbreviation as a whole word: ``_MONTH_WORD.search(text)``.

    Every month word starts with one of `_MONTH_STEMS`, so `_MONTH_WORD` is tried only where a
    lower-cased copy shows a stem (a few places) instead of at every position of the text. The copy
    is `ascii_letters`, whose letters a-z are those of ``text.lower()`` at the same offsets (and
    cheaper to make and search than lower()).
    """
    if has_case_folds(text):  # letters lower() does not fold as the pattern does
        return _MONTH_WORD.search(text) is not None
    letters = ascii_letters(text)
    for stem in _MONTH_STEM_BYTES:
        position = letters.find(stem)
        while position != -1:
            if _MONTH_WORD.match(text, position):
                return True
            position = letters.find(stem, position + 1)
    return False


def _may_name_a_month(text: str) -> bool:
    """False only when no month name or abbreviation can be in `text` (cheaper than `_ANY_MONTH`)."""
    lower = text.lower()
    return any(stem in lower for stem in _MONTH_STEMS) or has_case_folds(text)


@dataclass(frozen=True)
class CalendarMatch:
    """A calendar expression found in text: a date, a month, a year, a decade or a century.

    `precision` is ``day``, ``month``, ``year``, ``decade`` or ``century``.
    `year`, `month` and `day` are what the words themselves say (None when not
    said: a date without a year has ``year=None`` and must be resolved against
    another date). `readings` lists every valid reading of an ambiguous numeric
    date (day-first first).
    """

    start: int
    end: int
    form: str
    precision: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None
    modifier: str | None = None
    readings: tuple[dt.date, ...] = ()


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def find_calendar(text: str) -> list[CalendarMatch]:
    """Every calendar expression in `text`, longest first where two overlap, in text order.

    >>> [(m.form, text[m.start:m.end]) for text in ["Signed May 3, 2014 and 07.08.25."] for m in find_calendar(text)]
    [('month-day-year', 'May 3, 2014'), ('numeric', '07.08.25')]
    """
    return list(_find_calendar(text))


@lru_cache(maxsize=4096)
def _find_calendar(text: str) -> tuple[CalendarMatch, ...]:
    found: list[CalendarMatch] = []
    digits = bool(_DIGIT.search(text))
    months = _names_a_month(text)
    four = digits and bool(_FOUR_DIGITS.search(text))
    for pattern in ((_MONTH_FIRST_IN_TEXT, _DAY_FIRST_IN_TEXT) if four and months else ()):
        for m in pattern.finditer(text):
            if not (m.start() == 0 or not text[m.start() - 1].isalnum()):
                continue
            month, day, year = _month_number(m["month"]), int(m["day"]), int(m["year"])
            if _make(year, month, day):
                found.append(CalendarMatch(m.start(), m.end(), "month-day-year" if pattern is _MONTH_FIRST_IN_TEXT else "day-month-year", "day", year, month, day))
    if not digits:
        return tuple(_longest_first(found + _month_words(text, months)))
    for m in (_ISO.finditer(text) if four else ()):
        if _make(int(m["year"]), int(m["month"]), int(m["day"])) and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            found.append(CalendarMatch(m.start(), m.end(), "iso", "day", int(m["year"]), int(m["month"]), int(m["day"])))
    for m in (_COMPACT.finditer(text) if four else ()):
        if _make(int(m["year"]), int(m["month"]), int(m["day"])):
            found.append(CalendarMatch(m.start(), m.end(), "compact", "day", int(m["year"]), int(m["month"]), int(m["day"])))
    for m in (_NUMERIC_IN_TEXT.finditer(text) if _NUMERIC_CUE.search(text) else ()):
        readings = tuple(numeric_readings(m["a"], m["b"], m["year"]))
        if readings:
            first = readings[0]
            found.append(CalendarMatch(m.start(), m.end(), "numeric", "day", first.year, None, None, readings=readings))
    for m in (_MONTH_YEAR.finditer(text) if months and four else ()):
        if not m.group(0)[0].isupper():
            continue
        found.append(CalendarMatch(m.start(), m.end(), "month-year", "month", int(m["year"]), _month_number(m["month"])))
    for m in (_MONTH_DAY.finditer(text) if months else ()):
        if m["month"]:
            month, day, day2 = _month_number(m["month"]), int(m["day"]), m["day2"]
        else:
            month, day, day2 = _month_number(m["dmonth"]), int(m["dday"]), None
        if not m.group(0)[0].isupper() and not m.group(0)[0].isdigit():
            continue
        if 1 <= day <= 31:
            found.append(CalendarMatch(m.start(), m.end(), "month-day", "day", None, month, day, int(day2) if day2 else None))
    found += _month_words(text, months)
    for m in (_DECADE.finditer(text) if _DECADE_CUE.search(text) else ()):
        if m["year"]:
            year = int(m["year"])
        else:
            short = int(m["short"])
            year = 1900 + short
        found.append(CalendarMatch(m.start(), m.end(), "decade", "decade", year, modifier=m["mod"]))
    for m in (_CENTURY.finditer(text) if "entur" in text and _CENTURY_CUE.search(text) else ()):
        n = int(m["n"])
        if 1 <= n <= 21:
            found.append(CalendarMatch(m.start(), m.end(), "century", "century", (n - 1) * 100 + 1, modifier=m["mod"]))
    for m in (_YEAR.finditer(text) if four else ()):
        year = int(m["year"])
        after = text[m.end():m.end() + 30]
        before = text[max(0, m.start() - 20):m.start()]
        cued = bool(m["fiscal"]) or bool(_YEAR_CUES.search(before)) or m.start() == 0  # a paragraph that opens with a year
        if not cued:
            # an uncued four-digit number followed by a plural noun is a count ("1500 soldiers")
            if re.match(r"\s+(?:[a-z]+s|people|men|women|children|personnel|staff)\b", after):
                continue
        if not 1000 <= year <= 2100:
            continue
        found.append(CalendarMatch(m.start(), m.end(), "year-range" if m["year2"] else "year", "year", year))
    return tuple(_longest_first(found))


def _month_words(text: str, months: bool) -> list[CalendarMatch]:
    """Month names standing alone ("in January", "last April"); "May" and "March" only where they cannot be verbs."""
    found: list[CalendarMatch] = []
    names = list(_MONTH_NAME.finditer(text)) if months else []
    for m in _month_alone(text, names):
        word = m["month"]
        mod = (m["mod"] or "").strip("- ").lower() or None
        if word == "May" and mod is None:
            before = text[max(0, m.start() - 12):m.start()].lower()
            if not re.search(r"\b(?:in|since|until|till|by|of|from|through|during|early|late|mid|last|this|next|each|every)\s*$", before):
                continue
        if word == "March" and mod is None and re.match(r"\s+(?:on|to|through|against|in)\b", text[m.end():]):
            continue
        found.append(CalendarMatch(m.start(), m.end(), "month", "month", None, _month_number(word), modifier=mod))
    return found


def _month_alone(text: str, names: list[re.Match[str]]):
    """The matches of `_MONTH_ALONE` in `text`, as its finditer gives them, read only around `names`
    (the matches of `_MONTH_NAME`, in order) instead of trying every place in the text.

    Each match ends with one of the names; a modifier before it ("last", "the end of") ends where the
    spaces and hyphens before the name begin, so it starts at most `_LONGEST_MONTH_MODIFIER`
    characters before them, and the search for the match can start there.
    """
    position = 0
    for name in names:
        gap_start = name.start()
        while gap_start > position and (text[gap_start - 1].isspace() or text[gap_start - 1] == "-"):  # what [\s-]* reads
            gap_start -= 1
        match = _MONTH_ALONE.search(text, max(position, gap_start - _LONGEST_MONTH_MODIFIER))
        if match is None:  # pragma: no cover - the name alone always matches; kept for safety
            continue
        yield match
        position = match.end()


def _longest_first(found: list[CalendarMatch]) -> list[CalendarMatch]:
    kept: list[CalendarMatch] = []
    taken: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if any(item.start < end and start < item.end for start, end in taken):
            continue
        kept.append(item)
        taken.append((item.start, item.end))
    return sorted(kept, key=lambda c: c.start)


def resolve_month_day(month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    """Read a date with no year ("April 24") in the year of `anchor` (the article's date).

    >>> resolve_month_day(4, 24, dt.date(2025, 5, 12))
    datetime.date(2025, 4, 24)
    """
    if anchor is None:
        return None
    return _make(anchor.year, month, day)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by a whole number of months (the day clipped to the month's length).

    >>> add_months(dt.date(2025, 9, 3), -42)
    datetime.date(2022, 3, 3)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        made = _make(year, month, min(d, day.day))
        if made:
            return made
    raise ValueError(day)  # pragma: no cover


def full_months_between(start: dt.date, end: dt.date) -> int:
    """How many whole months have passed from `start` to `end`.

    >>> full_months_between(dt.date(2014, 12, 31), dt.date(2025, 9, 3))
    128
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


def last_weekday(weekday: int, anchor: dt.date, direction: int = -1) -> dt.date:
    """The nearest day before (direction -1) or after (+1) `anchor` that falls on `weekday` (Monday 0).

    The anchor itself counts when it falls on that weekday and direction is -1.
    """
    delta = (anchor.weekday() - weekday) % 7 if direction < 0 else (weekday - anchor.weekday()) % 7 or 7
    return anchor - dt.timedelta(days=delta) if direction < 0 else anchor + dt.timedelta(days=delta)


def long_date(day: dt.date) -> str:
    """A date in words: ``3 September 2025``."""
    return f"{day.day} {day.strftime('%B')} {day.year}"
