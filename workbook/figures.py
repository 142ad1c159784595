"""Quoted figures: every number in an article, what it counts, and checks by arithmetic.

`figures(article)` returns one row per quantity, with the shared span columns
(``article``, ``block``, ``sentence``, ``start``, ``end``, ``text``) and:

=========== ================================================================
value       the number as a float (the middle of a range; the lower bound of
            a vague amount such as "hundreds of")
low, high   the ends of a range ("10-12 days"); for "hundreds of" only low
unit        people, percent, km, mile, day, week, month, year, dollar, ...;
            for other counted things, the counted noun itself ("shells")
kind        count, percent, fraction, distance, duration, age, money,
            measure (weights, volumes, temperatures, ...), ordinal
what        the thing counted, as the text words it ("North Korean soldiers")
approximate the hedge that goes with it ("some", "nearly", "more than",
            "hundreds of"), or <NA>
reason      a plain-English sentence naming the rule that matched
=========== ================================================================

Years and calendar dates are not figures (they are time references, see
`workbook.timeline`); durations ("42 months") are both.

`checks(article)` tests what arithmetic on the text itself can test: a
stated gap between two stated years, a duration counted back from the
article's date, percentages of one group that should add up to at most 100,
and two durations that describe the same span in different units.

>>> from workbook import article_from_text
>>> article = article_from_text("Title\\n\\nSome 14,000 soldiers marched 3.5 km in three days.")
>>> figures(article)[["text", "value", "unit", "kind"]].values.tolist()
[['Some 14,000 soldiers', 14000.0, 'people', 'count'], ['3.5 km', 3.5, 'km', 'distance'], ['three days', 3.0, 'day', 'duration']]
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from workbook.articles import Article
from workbook.dates import FoldedDict, has_case_folds, add_months, ascii_letters, find_calendar, full_months_between, long_date
from workbook.spans import frame_copy, frame_from_records, pick, span_records

if TYPE_CHECKING:  # tables are built at the edge; finding figures needs no pandas
    import pandas as pd


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression for exactly `words` (all lower case), written as a tree of shared beginnings.

    It matches what ``"|".join(sorted(words, key=len, reverse=True))`` matches, longest word first:
    the words a text can match at one place are each the beginning of the next, and the tree tries
    the longer ones first. But each place is tested against a few first letters instead of against
    every word in turn (several times faster for the 190 unit names under re.IGNORECASE).
    """
    tree: dict[str, Any] = {}
    for word in words:
        if word != word.lower():
            raise ValueError(f"trie_pattern takes lower-case words: {word!r}")
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_branches(tree)


def _trie_branches(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_branches(child) for char, child in node.items() if char]
    if not branches:
        return ""
    choice = "(?:" + "|".join(branches) + ")"
    return choice + "?" if "" in node else choice  # greedy: the longer words are tried first


# ---- number words -----------------------------------------------------------------------------

SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = FoldedDict({"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12})
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
    "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6, "seventh": 1 / 7, "sevenths": 1 / 7,
    "eighth": 1 / 8, "eighths": 1 / 8, "ninth": 1 / 9, "ninths": 1 / 9, "tenth": 1 / 10, "tenths": 1 / 10,
}
UNICODE_FRACTIONS: dict[str, float] = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
#: Vague amounts: the lowest value each can mean ("hundreds" is at least 200).
VAGUE: dict[str, float] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "tens of thousands": 20_000,
    "hundreds of thousands": 200_000, "millions": 2_000_000, "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000, "billions": 2_000_000_000, "tens of billions": 20_000_000_000,
    "hundreds of billions": 200_000_000_000,
}

_SMALL_RE = "|".join(sorted(SMALL, key=len, reverse=True))
_TENS_RE = "|".join(TENS)
_SCALE_RE = "|".join(SCALES)
_WORD = rf"(?:(?:{_TENS_RE})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_SMALL_RE}|{_SCALE_RE}|dozen)"
_WORD_RUN = rf"\b(?:(?:an?|one)\s+(?={_SCALE_RE}|dozen))?{_WORD}\b(?:(?:\s*,\s*|\s+|-)(?:(?:and|&)\s+)?{_WORD}\b)*"
_SCIENTIFIC = r"\d+(?:\.\d+)?(?:[eE][-+−]?\d+|\s?[×x]\s?10\^?[-−]?\d+|\s?[×x]\s?\d+\^[-−]?\d+)(?![\w.])"
_DIGITS = _SCIENTIFIC + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[  ]\d{3})+(?![\d,.])|\d+(?:\.\d+)?|\.\d+"
_FRACTION = r"(?:\d+\s+)?\d+/\d+(?![/\d])"
_UNICODE = "[" + "".join(UNICODE_FRACTIONS) + "]"

_NUMBER = re.compile(
    # only where a word or number starts, and only at characters a number can start with (much faster to scan)
    r"(?:(?<=[^\w])|^)(?=[0-9½⅓⅔¼¾⅕⅛.−\-abdefhmnostzABDEFHMNOSTZ])(?:"
    rf"(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores|hundreds|thousands|millions|billions)\b(?=\s+of\b))"
    rf"|(?P<halfa>\bhalf\s+an?\s+(?=(?:century|decade|year|month|week|day|hour|dozen|mile|kilometre|kilometer)\b))"
    rf"|(?P<oneunit>\b(?:a|an)\s+(?=(?:year|month|week|day|decade|century|hour|fortnight|mile|kilometre|kilometer|metre|meter|gallon|litre|liter|ton|tonne|kilogram|pound|dollar|euro|penny|cent|barrel|hectare|acre)\b(?![’'-])))"
    rf"|(?P<wordfrac>\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b)"
    rf"|(?P<fraction>(?<![\w/.]){_FRACTION})"
    rf"|(?P<digits>(?<![\w.,/])[-−]?(?:{_DIGITS})(?:\s*{_UNICODE})?(?:\s+and\s+a\s+half\b)?)"
    rf"|(?P<unicode>{_UNICODE})"
    rf"|(?P<words>{_WORD_RUN}(?:\s+and\s+a\s+half\b)?))",
    re.IGNORECASE,
)
#: Where a match of `_NUMBER` can begin: at a digit, sign, point or fraction sign after no letter
#: or digit (`_SIGN_START`), or where a run of the letters a-z of the lower-cased text is a whole
#: word that opens one of its branches ("half", "dozens", "tens", a number word), or is "a" or "an"
#: before a word that can follow them in a branch: a unit, a fraction, a scale or "dozen"
#: (`_WORD_START`). Many times faster to scan for than `_NUMBER` itself, which is then tried only
#: at these places (a single letter such as the "s" of "’s" is not one).
_NUMBER_OPENERS = sorted(
    {"tens", "hundreds", "dozens", "scores", "thousands", "millions", "billions", "half", "dozen"}
    | set(SMALL) | set(TENS) | set(SCALES),
    key=len, reverse=True,
)
#: The beginnings of every word that can follow "a" or "an" in `_NUMBER` ("a year", "a third", "a million").
_AFTER_A = (
    "year", "month", "week", "day", "decade", "centur", "hour", "fortnight", "mile", "kilomet", "metre", "meter",
    "gallon", "litre", "liter", "ton", "kilogram", "pound", "dollar", "euro", "penny", "cent", "barrel", "hectare",
    "acre", "half", "halves", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "dozen",
) + tuple(SCALES)
#: A character that can open a number in digits or signs, with no letter or digit before it (the
#: pattern starts with the character, so the regular expression engine skips quickly to each one).
_SIGN_START = re.compile(r"[0-9½⅓⅔¼¾⅕⅛.−\-](?<!\w[\s\S])")
#: Read in `workbook.dates.ascii_letters(text)` with a space added at each end: the space before a
#: word that opens a number in words (a whole run of letters, so a space follows it too), or before
#: "a" or "an" when the next run of letters begins like a word that can follow them. Every match
#: starts with that space, at the word's own offset in the text, and takes no space after the word,
#: which may open the next one ("a hundred"). In `_NUMBER` each such word starts at a word boundary
#: and ends at one, and whatever stands between "a" and the next word ([\s-]+) is no letter, so
#: every number in words begins at one of these places.
_WORD_START = re.compile(
    rb" (?:" + trie_pattern(_NUMBER_OPENERS).encode("ascii") + rb"(?= )|an?(?= +" + trie_pattern(_AFTER_A).encode("ascii") + rb"))"
)


def _numbers(text: str):
    """The matches of `_NUMBER` in `text`, exactly as ``_NUMBER.finditer(text)`` gives them.

    `_NUMBER` is tried only where a match can begin (`_SIGN_START`, `_WORD_START`): any place it
    could match is among them, and taking them in order, each after the end of the match before,
    finds the matches finditer finds.
    """
    if has_case_folds(text):  # letters lower() does not fold as the pattern does
        yield from _NUMBER.finditer(text)
        return
    places = [m.start() for m in _SIGN_START.finditer(text)]
    places += [m.start() for m in _WORD_START.finditer(b" " + ascii_letters(text) + b" ")]
    places.sort()  # two runs in order: merged in one pass
    end = 0
    for position in places:
        if position < end:
            continue
        m = _NUMBER.match(text, position)
        if m is not None:
            end = max(m.end(), position + 1)
            yield m


_SCALE_AFTER = re.compile(rf"\s*(?:(?P<word>{_SCALE_RE})\b|(?P<letter>k|K|M|bn|B|T|m)(?![\w]))")
_ORDINAL = re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th)\b(?![\s-]+centur)", re.IGNORECASE)
_ORDINAL_CUE = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)  # in every ordinal; far cheaper to look for

# ---- units ------------------------------------------------------------------------------------

#: surface form -> (unit, kind). Plain English names; `kind` says what sort of quantity it is.
UNITS: dict[str, tuple[str, str]] = FoldedDict()


def _add(kind: str, unit: str, *surfaces: str) -> None:
    for surface in surfaces:
        UNITS[surface] = (unit, kind)


_add("percent", "percent", "%", "percent", "per cent", "pct", "percentage points", "percentage point")
_add("distance", "km", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")
_add("distance", "mile", "mile", "miles", "mi")
_add("distance", "metre", "metre", "metres", "meter", "meters", "m")
_add("distance", "cm", "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_add("distance", "mm", "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_add("distance", "foot", "foot", "feet", "ft")
_add("distance", "inch", "inch", "inches")
_add("distance", "nautical mile", "nautical miles", "nautical mile")
_add("duration", "second", "second", "seconds", "sec", "secs")
_add("duration", "minute", "minute", "minutes", "min", "mins")
_add("duration", "hour", "hour", "hours", "hr", "hrs", "h")
_add("duration", "day", "day", "days")
_add("duration", "week", "week", "weeks")
_add("duration", "month", "month", "months")
_add("duration", "year", "year", "years", "yr", "yrs")
_add("duration", "decade", "decade", "decades")
_add("duration", "century", "century", "centuries")
_add("money", "dollar", "dollar", "dollars", "usd", "us dollars")
_add("money", "euro", "euro", "euros", "eur")
_add("money", "pound sterling", "pounds sterling", "gbp")
_add("money", "hryvnia", "hryvnia", "hryvnias", "hryvnias", "uah")
_add("money", "ruble", "ruble", "rubles", "rouble", "roubles", "rub")
_add("money", "yuan", "yuan", "renminbi")
_add("money", "yen", "yen")
_add("money", "cent", "cent", "cents")
_add("money", "penny", "penny", "pence", "pennies")
_add("measure", "kg", "kg", "kilogram", "kilograms", "kilo", "kilos")
_add("measure", "gram", "g", "gram", "grams")
_add("measure", "mg", "mg", "milligram", "milligrams")
_add("measure", "tonne", "tonne", "tonnes", "ton", "tons", "t")
_add("measure", "pound", "lb", "lbs", "pound", "pounds")
_add("measure", "litre", "litre", "litres", "liter", "liters", "l")
_add("measure", "ml", "ml", "millilitre", "millilitres", "milliliter", "milliliters")
_add("measure", "gallon", "gallon", "gallons")
_add("measure", "barrel", "barrel", "barrels")
_add("measure", "hectare", "hectare", "hectares", "ha")
_add("measure", "acre", "acre", "acres")
_add("measure", "square km", "square kilometres", "square kilometers", "km2", "km²", "sq km")
_add("measure", "square mile", "square miles", "sq mi")
_add("measure", "degree Celsius", "degrees celsius", "degree celsius", "°c", "celsius")
_add("measure", "degree Fahrenheit", "degrees fahrenheit", "degree fahrenheit", "°f", "fahrenheit")
_add("measure", "degree", "degrees", "degree", "°")
_add("measure", "watt", "w", "watt", "watts")
_add("measure", "kilowatt", "kw", "kilowatt", "kilowatts")
_add("measure", "megawatt", "mw", "megawatt", "megawatts")
_add("measure", "gigawatt", "gw", "gigawatt", "gigawatts")
_add("measure", "watt hour", "wh", "watt hours")
_add("measure", "kilowatt hour", "kwh", "kilowatt hours")
_add("measure", "megawatt hour", "mwh", "megawatt hours")
_add("measure", "gigawatt hour", "gwh", "gigawatt hours")
_add("measure", "terawatt hour", "twh", "terawatt hours")
_add("measure", "byte", "bytes", "byte")
_add("measure", "kilobyte", "kb", "kilobytes")
_add("measure", "megabyte", "mb", "megabytes")
_add("measure", "gigabyte", "gb", "gigabytes")
_add("measure", "terabyte", "tb", "terabytes")
_add("measure", "exabyte", "exabytes", "exabyte")
_add("measure", "hertz", "hz", "hertz")
_add("measure", "megahertz", "mhz", "megahertz")
_add("measure", "gigahertz", "ghz", "gigahertz")
_add("measure", "electronvolt", "ev", "electronvolts")
_add("measure", "teraelectronvolt", "tev")
_add("measure", "centilitre", "cl", "centilitres", "centiliters")
_add("measure", "times", "times")

#: Currency symbols written before a number.
CURRENCY_SIGNS: dict[str, str] = {"$": "dollar", "US$": "dollar", "£": "pound sterling", "€": "euro", "₴": "hryvnia", "₽": "ruble", "¥": "yen"}

#: Words for people: a count of these gets the unit "people".
PEOPLE: frozenset[str] = frozenset(
    """people persons person men women children kids soldiers troops civilians workers casualties deaths dead
    wounded injured killed refugees residents citizens inhabitants voters prisoners fighters officers officials
    members personnel staff employees volunteers recruits conscripts mercenaries migrants victims survivors
    protesters demonstrators students teachers doctors nurses journalists reporters deputies delegates
    ukrainians russians americans tatars individuals adults families inmates hostages patients pilots sailors
    marines servicemen servicewomen combatants militants insurgents guerrillas police policemen""".split()
)

_UNIT_RE = re.compile(
    r"(?P<sep>\s*-\s*|\s*)(?P<unit>" + trie_pattern(UNITS) + r")(?![\w°])"
    r"(?P<tail>\s+(?:long|wide|high|deep|away|old|tall|across))?",
    re.IGNORECASE,
)
_RATE = re.compile(
    r"(?:\s*/\s*|\s+per\s+|\s+an?\s+(?=(?:day|week|month|year|hour|kg|kilogram|litre|liter|gallon|barrel|tonne|ton)\b))"
    r"(?P<unit>" + trie_pattern(u for u in UNITS if UNITS[u][1] in ("duration", "measure", "distance") and len(u) > 1) + r")(?![\w°])",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?:US\$|[$£€₴₽¥])\s?[-−]?$")
_CURRENCY_AFTER = re.compile(r"\s?[€£$]")

_HEDGES = (
    "some", "nearly", "almost", "about", "around", "roughly", "approximately", "approx.", "more than", "over",
    "less than", "fewer than", "under", "up to", "at least", "at most", "close to", "an estimated", "estimated",
    "as many as", "as few as", "just over", "just under", "well over", "upwards of", "no more than", "no fewer than",
    "no less than", "nearly a", "almost a", "around a", "only", "just", "some of", "between",
)
_HEDGES_BEFORE = sorted((h for h in _HEDGES if h not in ("only", "just", "some of", "nearly a", "almost a", "around a", "between")), key=len, reverse=True)
_HEDGE_BEFORE = re.compile(r"\b(?P<hedge>" + "|".join(map(re.escape, _HEDGES_BEFORE)) + r")\s+$", re.IGNORECASE)
#: A hedge before a number ends where the spaces before the number begin (each hedge ends in a
#: letter or a point), so it starts at most this many characters before them.
_LONGEST_HEDGE = len(_HEDGES_BEFORE[0])
_HEDGE_AFTER = re.compile(r"\s+(?P<hedge>or more|or so|or less|or fewer|plus)\b", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|to|-|–)\s+", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|CET\b|EET\b|o[’']clock\b)", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
#: Words after which a number is a name or a label, not an amount ("Article 73", "Resolution 2231").
_LABEL_BEFORE = re.compile(
    r"\b(?:Article|Articles|Section|Chapter|Resolution|Flight|Page|Pages|No\.|Nos\.|Number|Route|Highway|Room|"
    r"Platform|Gate|Terminal|Decree|Law|Bill|Item|Point|Paragraph|Clause|Protocol|Episode|Volume|Vol\.|Issue|Season|Minsk)\s+$"
)
_MARKER = re.compile(r"\[\s*\d{1,3}\s*\]|\(\s*\d{1,3}\s*\)(?=\s*[.,;:]?\s*$|\s*[A-Z“\"])")
#: A date written in numbers, day-month-year or year-month-day, with "-", "." or "/" between
#: ("13-03-2020", "13.03.2020", "2020-03-13", "3/13/20"): never a figure, even where the
#: calendar finder does not read it as a date. `_date_spans` keeps the ones that are real dates.
_DATE_SHAPE = re.compile(
    r"(?<![\w.,/-])(?:(?P<a>\d{1,2})(?P<sep>[-./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"|(?P<iso_year>\d{4})(?P<iso_sep>[-./])(?P<iso_month>\d{1,2})(?P=iso_sep)(?P<iso_day>\d{1,2}))(?![\w]|[-./]\d)"
)
_DATE_CUE = re.compile(r"\d[-./]\d{1,2}[-./]\d")
_LIST_NUMBER = re.compile(r"\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])(?=\s)")
_WORD_AT = re.compile(r"[\w’'-]+|[^\w\s]")
# Small patterns read at one place of the text, compiled once.
_OF_AFTER = re.compile(r"\s+of\s+")
_WORD_TOKEN = re.compile(r"[A-Za-z][\w’'-]*$")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NAME_BEFORE = re.compile(r"[A-Za-z][-‐–]?$")  # "F-16", "COVID-19", "G7"
_HOUR = re.compile(r"\d{1,2}(?:[.:]\d{2})?")
_DECADE_S = re.compile(r"[’']?s\b")
_OTHER_AFTER = re.compile(r"\s+(?:another|other)\b")
_NO_BEFORE = re.compile(r"\bno\s+$")
_OCLOCK = re.compile(r"\s?o[’']clock\b")
_NOUN_AFTER = re.compile(r"\s+([A-Za-z][\w’'-]*)")
_OLD_AFTER = re.compile(r"-old\b")
_DIGIT_OR_POINT = re.compile(r"[\d.,]")
_TIMES_AFTER = re.compile(r"\s+(?:a|per|each|every|more|less|as|the)\b")
_RANGE_GAP = re.compile(r"\s*(?:-\s*to|-|–|—|to)\s*")
_AND_GAP = re.compile(r"\s+and\s+")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_AND_WORD = re.compile(r"\band\b")
_STOP_WHAT = frozenset(
    """a an the this that these those which who whom whose what where when while as at by for from in into on onto
    out over to with without within and or but nor so yet if than then because since until after before during
    per each every is are was were be been being has have had do does did will would could should may might can
    must shall it its they them their he she his her we our you your i me my not no also only just even still
    about around some all both more most less least very too into up down off against among between through
    across along""".split()
)

ROLES_WITH_FIGURES = ("headline", "standfirst", "subheading", "body", "caption", "source")


@dataclass
class Figure:
    """One quantity found in a piece of text (offsets relative to that text)."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    kind: str = "count"
    what: str | None = None
    approximate: str | None = None
    reason: str = ""
    number_end: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Figure:
        """A copy that can be changed without changing this one (what ``dataclasses.replace`` makes, faster)."""
        return Figure(
            self.start, self.end, self.value, self.low, self.high, self.unit, self.kind, self.what,
            self.approximate, self.reason, self.number_end, dict(self.extra),
        )


def parse_words(words: str) -> float | None:
    """The value of a number written in words: "three million, two hundred & forty" -> 3000240.

    >>> parse_words("a hundred and two"), parse_words("twenty-one"), parse_words("three and a half")
    (102.0, 21.0, 3.5)
    """
    text = words.lower().replace("-", " ").replace(",", " ").replace("&", " ")
    half = 0.0
    if text.endswith("and a half"):
        half, text = 0.5, text[: -len("and a half")]
    total = current = 0
    seen = False
    for token in text.split():
        if token in ("and",):
            continue
        if token in ("a", "an"):
            current = max(current, 1)
            continue
        if token in SMALL:
            current += SMALL[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return float(total + current) + half


#: "1.5e6", "3 x 10^4" and "2 × 10^-3": a number in scientific notation.
_SCIENTIFIC = re.compile(r"(-?\d+(?:\.\d+)?)(?:[eE]([-+]?\d+)|\s?[×x]\s?10\^?(-?\d+))")
#: "5 x 2^10": a number times a power.
_POWER = re.compile(r"(-?\d+(?:\.\d+)?)\s?[×x]\s?(\d+)\^(-?\d+)")


def parse_digits(digits: str) -> float | None:
    """The value of a number written in digits: "14,000" -> 14000, "2 1/2" -> 2.5, "3½" -> 3.5."""
    text = digits.replace("−", "-").replace("\u202f", " ").replace("\xa0", " ").strip()
    half = 0.0
    if text.endswith("and a half"):
        half, text = 0.5, text[: -len("and a half")].strip()
    if text and text[-1] in UNICODE_FRACTIONS:
        half, text = UNICODE_FRACTIONS[text[-1]], text[:-1].strip()
    # both patterns need an "e", "E", "×" or "x" (and a power a "^"): most numbers have none, and are not read again
    exponent = "e" in text or "E" in text or "×" in text or "x" in text
    scientific = _SCIENTIFIC.fullmatch(text) if exponent else None
    if scientific:
        return float(scientific.group(1)) * 10 ** int(scientific.group(2) or scientific.group(3))
    power = _POWER.fullmatch(text) if exponent and "^" in text else None
    if power:
        return float(power.group(1)) * float(power.group(2)) ** int(power.group(3))
    if "/" in text:
        whole, _, frac = text.rpartition(" ")
        top, _, bottom = frac.partition("/")
        if not bottom or float(bottom) == 0:
            return None
        return (float(whole) if whole else 0.0) + float(top) / float(bottom)
    if not text:
        return half or None
    try:
        value = float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return None
    return -(abs(value) + half) if value < 0 else value + half


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _what_after(text: str, position: int) -> tuple[str | None, int]:
    """The counted noun phrase that starts at `position` ("North Korean soldiers"), and its end."""
    pos = position
    of = _OF_AFTER.match(text, pos)
    if of:
        pos = of.end()
    words: list[tuple[str, int, int]] = []
    for m in _WORD_AT.finditer(text, pos):
        gap = text[pos:m.start()] if not words else text[words[-1][2]:m.start()]
        if gap.strip() or "\n" in gap:
            break
        token = m.group(0)
        lower = token.lower()
        if not _WORD_TOKEN.match(token):
            break
        if lower == "of" and words and m.end() < len(text) and text[m.end():m.end() + 2].strip()[:1].isupper():
            words.append((token, m.start(), m.end()))
            continue
        if lower in _STOP_WHAT and not (words and words[-1][0][:1].isupper() and token[:1].isupper()):
            break
        if lower.endswith(("ed", "ing")) and len(lower) > 4 and words:
            break
        words.append((token, m.start(), m.end()))
        if len(words) >= 7:
            break
    head = None
    for index, (token, _, _) in enumerate(words):
        lower = token.lower().strip("’'")
        if lower in PEOPLE or lower in UNITS or (lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3):
            head = index
    if head is None:
        return None, position
    kept = words[: head + 1]
    return " ".join(w for w, _, _ in kept), kept[-1][2]


@dataclass
class _Blocked:
    spans: list[tuple[int, int]]

    def hit(self, start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in self.spans)


def scan(text: str, calendar_spans: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Every quantity in a plain string, with offsets into `text`.

    Years and dates (found by `workbook.dates.find_calendar`, or given as
    `calendar_spans`) are left out; citation markers ("[2]"), list numbers,
    numbers inside web addresses and times of day are left out too.

    >>> [(f.value, f.unit, f.kind) for f in scan("It took 50 days and cost $3.5 million; 73% agreed.")]
    [(50.0, 'day', 'duration'), (3500000.0, 'dollar', 'money'), (73.0, 'percent', 'percent')]
    """
    if calendar_spans is None:
        return [f.copy() for f in _scan_cached(text)]
    return _scan(text, calendar_spans)


def scan_shared(text: str) -> tuple[Figure, ...]:
    """The figures `scan(text)` gives, without copying them: shared with every caller, so never change them."""
    return _scan_cached(text)


@lru_cache(maxsize=4096)
def _scan_cached(text: str) -> tuple[Figure, ...]:
    return tuple(_scan(text, [(c.start, c.end) for c in find_calendar(text)]))


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates written in numbers ("13-03-2020", "2020.03.13"): one reading must be a real date."""
    spans = []
    for m in _DATE_SHAPE.finditer(text):
        if m["iso_year"]:
            real = _real_date(int(m["iso_year"]), int(m["iso_month"]), int(m["iso_day"]))
        else:
            year = int(m["year"]) + (2000 if len(m["year"]) == 2 else 0)
            a, b = int(m["a"]), int(m["b"])
            real = _real_date(year, b, a) or _real_date(year, a, b)
        if real:
            spans.append(m.span())
    return spans


def _scan(text: str, calendar_spans: list[tuple[int, int]]) -> list[Figure]:
    numbers = list(_numbers(text))
    # the patterns below are skipped where what they need is absent (a web address needs
    # "http" or "www.", a marker a bracket, a clock time a colon, an ordinal a digit before st/nd/rd/th)
    ordinals = list(_ORDINAL.finditer(text)) if _ORDINAL_CUE.search(text) else []
    if not numbers and not ordinals:  # most paragraphs: nothing to read, so nothing to block either
        return []
    blocked = _Blocked(
        list(calendar_spans)
        + ([m.span() for m in _URL.finditer(text)] if "http" in text or "www." in text else [])
        + ([m.span() for m in _MARKER.finditer(text)] if "[" in text or "(" in text else [])
        + ([m.span() for m in _CLOCK.finditer(text)] if ":" in text else [])
        + (_date_spans(text) if _DATE_CUE.search(text) else [])
    )
    listed = _LIST_NUMBER.match(text)
    if listed:
        blocked.spans.append(listed.span())
    found: list[Figure] = []
    for m in numbers:
        figure = _read(text, m, blocked)
        if figure is not None:
            found.append(figure)
    for m in ordinals:
        if not blocked.hit(m.start(), m.end()):
            found.append(Figure(m.start(), m.end(), float(re.match(r"\d+", m.group(0)).group(0)), kind="ordinal", unit="ordinal", reason=f"'{m.group(0)}' is a number with an ordinal ending (st, nd, rd, th)."))
    _merge_ranges(text, found)
    _carry_units(text, found)
    _inherit_what(text, found)
    kept: list[Figure] = []
    for figure in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and figure.start < kept[-1].end:
            continue
        kept.append(figure)
    return kept


def _read(text: str, m: re.Match[str], blocked: _Blocked) -> Figure | None:
    group = m.lastgroup
    surface = m.group(0)
    start, end = m.span()
    if blocked.hit(start, end):
        return None
    approximate = None
    reason_number = ""
    value: float | None
    low = high = None
    if group == "vague":
        phrase = re.sub(r"\s+", " ", surface.lower())
        value = low = VAGUE[phrase]
        approximate = f"{phrase} of"
        reason_number = f"'{surface} of' gives no exact number; it means at least {_plain(value)}"
    elif group == "halfa":
        value = 0.5
        reason_number = f"'{surface.strip()}' means one half"
    elif group == "oneunit":
        before = text[max(0, start - 12):start].lower()
        after = text[end:end + 30].lower()
        measure = not re.match(r"(?:year|month|week|day|decade|century|hour|fortnight)", text[end:])
        if not measure and not (re.search(r"\b(?:for|in|within|over|than|almost|nearly|about|around|after|roughly|just|only|barely|past|last|next|first)\s+$", before)
                or re.match(r"\w+\s+(?:later|ago|earlier|after|before|long)\b", after)):
            return None  # "once a year", "a day of mourning": not a length of time
        value = 1.0
        reason_number = f"'{surface.strip()}' means one"
    elif group == "wordfrac":
        count_word, _, frac_word = re.split(r"([\s-]+)", surface.lower(), maxsplit=1)[0], None, re.split(r"[\s-]+", surface.lower())[-1]
        count = 1 if count_word in ("a", "an") else SMALL[count_word]
        value = count * FRACTION_WORDS[frac_word]
        if not re.match(r"\s+of\b", text[end:]) and count_word in ("a", "an", "one") and not _UNIT_RE.match(text, end):
            if frac_word in ("third", "quarter", "half"):
                return None  # "a third time", "a quarter" (a district), "a half": not a share
        reason_number = f"'{surface}' is a fraction written in words ({_plain(value) if value >= 1 else round(value, 3)})"
    elif group == "fraction":
        value = parse_digits(surface)
        reason_number = f"'{surface}' is a fraction written in digits"
    elif group == "unicode":
        value = UNICODE_FRACTIONS[surface]
        reason_number = f"'{surface}' is a fraction sign"
    elif group == "digits":
        if _ASCII_LETTER.match(text, end) and not _UNIT_RE.match(text, end) and not _SCALE_AFTER.match(text, end):
            return None  # part of a code such as "06F6"
        if _NAME_BEFORE.search(text[max(0, start - 2):start]):
            return None  # part of a name such as "F-16", "COVID-19", "G7"
        if _LABEL_BEFORE.search(text[max(0, start - 12):start]):
            return None  # a label such as "Article 73", not an amount
        if _TIME_OF_DAY.match(text, end) and _HOUR.fullmatch(surface):
            return None  # a time of day, "2 pm"
        if _DECADE_S.match(text, end):
            return None  # a decade, "1990s"
        value = parse_digits(surface)
        reason_number = f"'{surface.strip()}' is a number written in digits"
    else:  # words
        lower = surface.lower()
        value = parse_words(surface)
        if value is None:
            return None
        if lower in ("one", "a", "an") or lower == "hundred" or lower in SCALES:
            nxt = _UNIT_RE.match(text, end)
            what, _ = _what_after(text, end)
            if lower == "one" and not (nxt and nxt.group("sep").strip() in ("", "-") and nxt.group("unit").lower() in UNITS and UNITS[nxt.group("unit").lower()][1] != "measure") and not (what and what.split()[-1].lower() in PEOPLE):
                return None  # "one of them", "no one": a pronoun, not a figure
            if lower in SCALES or lower == "hundred":
                return None
        if _OTHER_AFTER.match(text, end) or _NO_BEFORE.search(text[max(0, start - 4):start]):
            return None
        if _OCLOCK.match(text, end):
            return None  # a time of day, "three o'clock"
        reason_number = f"'{surface}' is a number written in words"
    if value is None:
        return None
    if value != value:  # NaN
        return None
    figure = Figure(start, end, float(value), low, high, number_end=end, approximate=approximate)
    # scale words after digits: "3.5 million", "€10M"
    scale = _SCALE_AFTER.match(text, end) if group == "digits" else None
    currency_before = _CURRENCY_BEFORE.search(text[max(0, start - 4):start])
    if scale and not scale["word"] and not currency_before and not (scale["letter"] in ("k", "K") and _UNIT_RE.match(text, scale.end()) and _UNIT_RE.match(text, scale.end()).group("sep")):
        scale = None
    if scale and (scale["word"] or currency_before or scale["letter"] in ("k", "K")):
        factor = SCALES[scale["word"].lower()] if scale["word"] else {"k": 1e3, "K": 1e3, "M": 1e6, "m": 1e6, "bn": 1e9, "B": 1e9, "T": 1e12}[scale["letter"]]
        figure.value *= factor
        figure.end = scale.end()
        reason_number += f" times {scale.group(0).strip()}"
    # a currency sign before it
    if currency_before:
        sign = currency_before.group(0).strip().rstrip("-−").strip()
        figure.start = start - len(currency_before.group(0))
        if text[figure.start - 1:figure.start] == "(" and text[figure.end:figure.end + 1] == ")":
            pass
        figure.unit, figure.kind = CURRENCY_SIGNS.get(sign, "dollar"), "money"
        if "-" in currency_before.group(0) or "−" in currency_before.group(0):
            figure.value = -figure.value
        figure.reason = f"{reason_number}, after the currency sign '{sign}'."
    else:
        after_sign = _CURRENCY_AFTER.match(text, figure.end)
        unit_match = _UNIT_RE.match(text, figure.end)
        if after_sign and not unit_match:
            sign = after_sign.group(0).strip()
            figure.unit, figure.kind, figure.end = CURRENCY_SIGNS[sign], "money", after_sign.end()
            figure.reason = f"{reason_number}, followed by the currency sign '{sign}'."
        elif unit_match and _unit_is_safe(text, figure, unit_match):
            unit, kind = UNITS[unit_match.group("unit").lower()]
            if unit == "percent" and group == "vague":
                unit_match = None
            else:
                figure.unit, figure.kind = unit, kind
                figure.end = unit_match.end("unit") if not unit_match.group("tail") else unit_match.end()
                hyphen = "-" in unit_match.group("sep")
                if hyphen or (kind == "duration" and not unit_match.group("unit").lower().endswith("s") and unit_match.group("unit").lower() not in ("h",)):
                    noun = _NOUN_AFTER.match(text, unit_match.end("unit"))
                    if hyphen and noun and noun.group(1).lower() not in _STOP_WHAT:
                        figure.what = noun.group(1)
                figure.reason = f"{reason_number}, followed by the unit '{unit_match.group('unit')}' ({kind} list in workbook.figures.UNITS)."
                if hyphen and kind == "duration" and _OLD_AFTER.match(text, figure.end):
                    figure.kind, figure.what, figure.end = "age", None, figure.end + 4
                    figure.reason += " '-old' makes it an age."
                elif kind == "duration" and (unit_match.group("tail") or "").strip().lower() == "old":
                    figure.kind = "age"
                    figure.reason += " 'old' makes it an age."
        if figure.unit is None:
            what, what_end = _what_after(text, figure.end)
            if what:
                head = what.split()[-1].lower().strip("’'")
                figure.what = what
                if head in UNITS and len(head) > 2 and UNITS[head][1] in ("duration", "money", "distance", "measure", "percent"):
                    figure.unit, figure.kind = UNITS[head]
                    figure.what = what if len(what.split()) > 1 else None
                else:
                    figure.unit = "people" if head in PEOPLE else head
                    figure.kind = "count"
                figure.end = what_end
                source = "the people-words list in workbook.figures.PEOPLE" if head in PEOPLE else "the plural noun after the number"
                figure.reason = f"{reason_number}, counting '{what}' ({source})."
            elif group == "words" and figure.value < 1 and surface.lower() != "zero":
                return None
            else:
                figure.kind = "fraction" if group in ("wordfrac", "fraction", "unicode", "halfa") else "count"
                figure.reason = f"{reason_number}; no unit or counted noun follows it."
                if group == "digits" and float(figure.value).is_integer() and 1000 <= figure.value <= 2100 and "," not in surface and "." not in surface:
                    return None  # a bare four-digit number reads as a year: a time reference, not a figure
    if group == "halfa" and figure.unit in ("century", "decade"):
        figure.value, figure.unit = 0.5 * _YEAR_UNITS[figure.unit], "year"
        figure.reason += f" Half a {'century' if figure.value == 50 else 'decade'} is {_plain(figure.value)} years."
    if group == "oneunit" and figure.unit is None:
        return None
    if group in ("wordfrac",) and re.match(r"\s+of\b", text[figure.end:]) and figure.what is None:
        what, what_end = _what_after(text, figure.end)
        rest = re.match(r"\s+of\s+((?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?[\w’'-]+)", text[figure.end:])
        if rest:
            figure.what = rest.group(1)
            figure.end = figure.end + rest.end()
        figure.kind, figure.unit = "fraction", "share"
        figure.reason = f"{reason_number}, a share of '{figure.what}'."
    # a rate: "$15.4/hour", "200 kilometres per hour", "$350 per kg"
    if figure.unit and figure.kind in ("money", "distance", "measure"):
        rate = _RATE.match(text, figure.end)
        if rate:
            per_unit = UNITS[rate.group("unit").lower()][0]
            figure.unit = f"{figure.unit} per {per_unit}"
            figure.end = rate.end()
            figure.reason += f" '{rate.group(0).strip()}' makes it a rate."
    # the hedge before or after
    before = text[max(0, figure.start - 30):figure.start]
    words_end = len(before.rstrip())  # `_HEDGE_BEFORE` needs spaces at the end, and can only start just before them
    hedge = _HEDGE_BEFORE.search(before, max(0, words_end - _LONGEST_HEDGE)) if words_end < len(before) else None
    if hedge and not (hedge["hedge"].lower() == "over" and figure.kind == "duration") and not (hedge["hedge"].lower() == "under" and figure.kind == "duration"):
        figure.approximate = hedge["hedge"].lower() if not figure.approximate else figure.approximate
        if group != "vague":
            figure.approximate = hedge["hedge"].lower()
        figure.start -= len(hedge.group(0))
        figure.reason += f" '{hedge['hedge']}' before it marks it as approximate or a bound."
    tail = _HEDGE_AFTER.match(text, figure.end)
    if tail and not figure.approximate:
        figure.approximate = tail["hedge"].lower()
        figure.end = tail.end()
        figure.reason += f" '{tail['hedge']}' after it marks it as a lower or upper bound."
    return figure


def _unit_is_safe(text: str, figure: Figure, match: re.Match[str]) -> bool:
    """Single letters such as 'm', 't', 'l', 'h' count as units only right after digits."""
    unit = match.group("unit")
    if len(unit) <= 2 and unit.lower() in ("m", "t", "l", "g", "h", "w", "ha", "mi", "in", "mb", "ev") and match.group("sep") not in ("", " "):
        return False
    if unit.lower() in ("m", "t", "l", "g", "h", "w", "ha", "mi"):
        if not _DIGIT_OR_POINT.match(text[figure.end - 1:figure.end]):
            return False
        nxt = text[match.end("unit"):match.end("unit") + 2]
        if nxt[:1] in ("'", "’") or re.match(r"\.\w", nxt):
            return False
    if unit.lower() == "times" and not _TIMES_AFTER.match(text, match.end("unit")):
        return False
    if unit.lower() in ("second",) and not re.match(r"[\d]", text[figure.end - 1:figure.end]) and parse_words(text[figure.start:figure.end]) not in (1.0,):
        pass
    return True


def _merge_ranges(text: str, found: list[Figure]) -> None:
    """Join "10-12 days", "8- to 16-meter", "between 44 and 50 mg" into one figure with low and high."""
    found.sort(key=lambda f: f.start)
    index = 0
    while index < len(found) - 1:
        first, second = found[index], found[index + 1]
        gap = text[first.end:second.start]
        joined = _RANGE_GAP.fullmatch(gap) or (
            _AND_GAP.fullmatch(gap) and _BETWEEN.search(text[max(0, first.start - 9):first.start])
        )
        same_unit = first.unit is None or first.unit == second.unit or (first.kind == "count" and first.what is None)
        if joined and same_unit and first.kind not in ("ordinal",) and second.kind not in ("ordinal",) :
            between = _BETWEEN.search(text[max(0, first.start - 9):first.start])
            start = first.start - (len(between.group(0)) if between and _AND_GAP.fullmatch(gap) else 0)
            low, high = min(first.value, second.value), max(first.value, second.value)
            merged = Figure(
                start, second.end, (first.value + second.value) / 2, low, high,
                second.unit, second.kind, second.what or first.what, first.approximate or second.approximate,
                f"A range: '{text[first.start:first.number_end]}' to '{text[second.start:second.number_end]}' "
                f"joined by '{gap.strip()}'; the value is the middle, {_plain((first.value + second.value) / 2)}. " + second.reason,
                second.number_end,
            )
            found[index:index + 2] = [merged]
            continue
        index += 1


#: Kinds of figure whose unit a bare number in the same list takes ("5, 10 and 15 percent").
_CARRIED_KINDS = ("percent", "money", "distance", "measure")
#: Between the numbers of a list written with one unit at the end: "5, 10 and 15 percent".
_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
#: Right before a bare number that continues a list begun earlier in the sentence: "another 20".
_CONTINUES = re.compile(r"\b(?:another|a\s+further|an\s+additional|the\s+remaining|the\s+other|the\s+rest,?)\s+$", re.IGNORECASE)
#: Right before a bare number that may continue a list of shares: "44 percent said yes, 20 no".
_SHARE_JOIN = re.compile(r"(?:[,;]|\b(?:and|or|while|whereas|but|versus|vs\.|against|compared\s+with))\s+$", re.IGNORECASE)
#: After a bare number that counts or compares something else: "20 of them", "eight out of 10", "one in five".
_COUNT_OR_RATIO = re.compile(r"\s+(?:of|out\s+of)\b|\s+in\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\s“”\"’']|\n")


def _bare(figure: Figure) -> bool:
    """A number with neither unit nor counted noun after it ("20" in "another 20 said no")."""
    return figure.kind == "count" and figure.unit is None and figure.what is None


def _carry(figure: Figure, source: Figure, text: str, why: str) -> None:
    figure.unit, figure.kind = source.unit, source.kind
    if source.extra.get("change"):
        figure.extra["change"] = True
    figure.reason += f" No unit follows it; {why} '{text[source.start:source.end]}', so it takes its unit ({source.unit})."


def _carry_units(text: str, found: list[Figure]) -> None:
    """A unit written once carries across a list of numbers in one sentence.

    Backwards, when only commas, "and" or "or" stand between the numbers ("5, 10 and 15 percent");
    forwards from a percentage to a bare number that continues the list ("44 percent ..., another
    20 ..., another 12 percent", "44 percent said yes, 20 no"). A figure carried from a
    percentage that describes a rise or fall ("rose 5, 10 and 15 percent") is marked as a change too.
    """
    found.sort(key=lambda f: f.start)
    for figure in found:
        if figure.kind == "percent" and _PERCENT_CHANGE.search(text[max(0, figure.start - 20):figure.start]):
            figure.extra["change"] = True
    for index in range(len(found) - 2, -1, -1):  # backwards, so a whole list takes the unit at its end
        figure, after = found[index], found[index + 1]
        if _bare(figure) and after.kind in _CARRIED_KINDS and _LIST_GAP.fullmatch(text[figure.end:after.start]):
            _carry(figure, after, text, "it is listed before")
            if _PERCENT_CHANGE.search(text[max(0, figure.start - 20):figure.start]):
                for item in found[index:]:
                    if item.kind != "percent" or item.unit != figure.unit:
                        break
                    item.extra["change"] = True
    for index in range(1, len(found)):  # forwards: "another 20", "..., 20 said no"
        figure, before = found[index], found[index - 1]
        if not _bare(figure) or before.kind not in _CARRIED_KINDS or figure.low is not None:
            continue
        if _SENTENCE_BREAK.search(text, before.end, figure.start) or _COUNT_OR_RATIO.match(text, figure.end):
            continue
        window = text[max(before.end, figure.start - 40):figure.start]
        if _CONTINUES.search(window):
            _carry(figure, before, text, "it continues the list begun by")
        elif before.kind == "percent" and _SHARE_JOIN.search(window):
            _carry(figure, before, text, "it follows, in the same sentence, the share")


def _inherit_what(text: str, found: list[Figure]) -> None:
    """A bare number after a counted one in the same sentence counts the same thing ("killing 12 people ... and injuring 87")."""
    for index, figure in enumerate(found):
        if figure.kind != "count" or figure.what is not None or figure.unit is not None:
            continue
        for earlier in reversed(found[:index]):
            between = text[earlier.end:figure.start]
            if _SENTENCE_END.search(between):
                break
            if earlier.kind == "count" and earlier.unit == "people" and _AND_WORD.search(between):
                figure.unit, figure.what = earlier.unit, earlier.what
                figure.reason += f" No noun follows it; it continues the count of '{earlier.what}' earlier in the sentence."
                break


# ---- articles ---------------------------------------------------------------------------------

FIGURE_COLUMNS: dict[str, str] = {
    "value": "float64", "low": "float64", "high": "float64", "unit": "string", "kind": "string",
    "what": "string", "approximate": "string", "reason": "string",
}


#: Work already done, per article: the figures found (shared by `figures` and `checks`) and the
#: finished tables. Articles never change once loaded; the checks also depend on the article's
#: date (which metadata can give), so their entry is kept with the date it was made for.
_CACHE: "weakref.WeakKeyDictionary[Article, dict[Any, Any]]" = weakref.WeakKeyDictionary()


def _memo(article: Article) -> dict[Any, Any]:
    try:
        return _CACHE.setdefault(article, {})
    except TypeError:  # an object that cannot be weakly referenced: no memo
        return {}


def _article_figures(article: Article) -> list[Figure]:
    """Every figure in the article's readable blocks, offsets into the article (do not change them)."""
    memo = _memo(article)
    found = memo.get("found")
    if found is None:
        found = memo["found"] = _find_article_figures(article)
    return found


def _find_article_figures(article: Article) -> list[Figure]:
    out: list[Figure] = []
    for block in article.block_list:
        if block.role not in ROLES_WITH_FIGURES or block.duplicate_of is not None:
            continue
        for figure in scan(block.text):
            figure.start += block.start
            figure.end += block.start
            figure.number_end += block.start
            out.append(figure)
    return out


def _figure_rows(article: Article) -> list[dict[str, Any]]:
    """The figures as located records (span fields, then FIGURE_COLUMNS), sorted by position; shared, do not change."""
    memo = _memo(article)
    rows = memo.get("rows")
    if rows is None:
        rows = memo["rows"] = span_records(
            article,
            (
                {
                    "start": f.start, "end": f.end, "value": f.value, "low": f.low, "high": f.high, "unit": f.unit,
                    "kind": f.kind, "what": f.what, "approximate": f.approximate, "reason": f.reason,
                }
                for f in _article_figures(article)
            ),
            FIGURE_COLUMNS,
        )
    return rows


def figures(article: Article) -> pd.DataFrame:
    """One row per quantity in the article's headline, standfirst, body, captions and sources.

    Columns: the span columns, then value, low, high, unit, kind, what,
    approximate, reason (see the module docstring). Byline, date lines and
    website boilerplate are skipped, and so is a caption printed twice.

    >>> from workbook import article_from_text
    >>> figures(article_from_text("T\\n\\nNearly a fifth of its territory; hundreds of thousands of deaths."))[["text", "value", "kind"]].values.tolist()
    [['Nearly a fifth of its territory', 0.2, 'fraction'], ['hundreds of thousands of deaths', 200000.0, 'count']]
    """
    memo = _memo(article)
    frame = memo.get("figures")
    if frame is None:
        frame = memo["figures"] = frame_from_records(_figure_rows(article), FIGURE_COLUMNS)
    return frame_copy(frame)


FIGURE_RECORD_FIELDS = ("start", "end", "text", "value", "unit", "kind")


def figure_records(article: Article) -> list[dict[str, Any]]:
    """The figures for the JSON export (start, end, text, value, unit, kind), built without a DataFrame."""
    return pick(_figure_rows(article), FIGURE_RECORD_FIELDS)


# ---- checks by arithmetic ---------------------------------------------------------------------

CHECK_COLUMNS: dict[str, str] = {
    "claim": "string", "arithmetic": "string", "verdict": "string", "missing_fact": "string", "reason": "string",
}
_YEAR_UNITS = {"year": 1, "decade": 10, "century": 100}
_TO_MONTHS = {"year": 12, "decade": 120, "century": 1200, "month": 1, "week": 12 / 52.1775, "day": 12 / 365.25}
_ONGOING_BEFORE = re.compile(r"\b(?:for|(?:for\s+)?the\s+(?:past|last)|in)\s+$", re.IGNORECASE)
_ONGOING_AFTER = re.compile(r"^\s+(?:of\s+(?:war|fighting|resistance|occupation|invasion|aggression|conflict|struggle))\b", re.IGNORECASE)
_START_CUES = re.compile(r"\b(?:since|began|begun|started|start|beginning|from)\b", re.IGNORECASE)
_PERCENT_CHANGE = re.compile(r"\b(?:by|up|down|rose|fell|grew|dropped|increased|decreased|climbed|jumped|slipped)\s+(?:only\s+|about\s+|some\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)


def _years_in(article: Article, start: int, end: int) -> list[tuple[int, int, int]]:
    """(year, start, end) for each plain year between two offsets."""
    out = []
    for c in find_calendar(article.text[start:end]):
        if c.form in ("year", "month-year", "month-day-year", "day-month-year") and c.year:
            out.append((c.year, start + c.start, start + c.end))
    return out


def _words_number(value: float) -> str:
    return _plain(value)


def checks(article: Article) -> pd.DataFrame:
    """Claims that arithmetic on the text itself can test, each with its working and a verdict.

    Columns: the span columns (the span is the stated figure being checked),
    then ``claim`` (the words checked), ``arithmetic`` (the working, in words),
    ``verdict`` (consistent, inconsistent, or cannot tell), ``missing_fact``
    (for "cannot tell": the fact the text does not give) and ``reason`` (which
    rule found the claim).

    >>> from workbook import article_from_text
    >>> text = "T\\n\\nJordan and Israel: ceasefire in 1949; peace treaty in 1994. 45 years."
    >>> checks(article_from_text(text))[["verdict", "arithmetic"]].values.tolist()
    [['consistent', '1994 - 1949 = 45. The text says 45 years, so the numbers agree.']]
    """
    memo = _memo(article)
    key = ("checks", article.date)
    frame = memo.get(key)
    if frame is None:
        frame = memo[key] = frame_from_records(_check_rows(article), CHECK_COLUMNS)
    return frame_copy(frame)


def _check_rows(article: Article) -> list[dict[str, Any]]:
    """The checks as located records, sorted by position, for the article's current date; shared, do not change."""
    memo = _memo(article)
    key = ("check rows", article.date)
    rows = memo.get(key)
    if rows is None:
        found = _article_figures(article)
        made: list[dict[str, Any]] = []
        made += _gap_checks(article, found)
        made += _count_to_date_checks(article, found)
        made += _percent_checks(article, found)
        made += _same_span_checks(article, found)
        rows = memo[key] = span_records(article, made, CHECK_COLUMNS)
    return rows


def _block_of(article: Article, offset: int):
    """The first block holding `offset` (None if none): a binary search when blocks are in order."""
    memo = _memo(article)
    starts = memo.get("block_starts")
    if starts is None:
        blocks = article.block_list
        ordered = all(a.start <= a.end <= b.start for a, b in zip(blocks, blocks[1:]))
        starts = memo["block_starts"] = [b.start for b in blocks] if ordered else ()
    if starts == () and article.block_list:
        for block in article.block_list:
            if block.start <= offset < block.end:
                return block
        return None
    position = bisect_right(starts, offset) - 1
    if position >= 0:
        block = article.block_list[position]
        if block.start <= offset < block.end:
            return block
    return None


def _gap_checks(article: Article, found: list[Figure]) -> list[dict[str, Any]]:
    """A duration in years stated right after two years: "ceasefire in 1949; peace treaty in 1994. 45 years"."""
    rows = []
    previous_end: dict[int, int] = {}
    for figure in found:
        if figure.kind != "duration" or figure.unit not in _YEAR_UNITS:
            continue
        block = _block_of(article, figure.start)
        if block is None:
            continue
        window_start = max(block.start, previous_end.get(block.index, block.start))
        previous_end[block.index] = figure.end
        years = _years_in(article, window_start, figure.start)
        if len(years) < 2:
            continue
        (first, first_start, _), (second, _, _) = years[-2], years[-1]
        stated = figure.value * _YEAR_UNITS[figure.unit]
        gap = second - first
        words = article.text[figure.start:figure.end]
        claim = article.text[first_start:figure.end]
        if figure.low is not None:
            fits = figure.low * _YEAR_UNITS[figure.unit] <= gap <= figure.high * _YEAR_UNITS[figure.unit]
        elif figure.approximate in ("or more", "more than", "at least", "over"):
            fits = gap >= stated
        elif figure.approximate:
            fits = abs(gap - stated) <= max(1, 0.1 * stated)
        else:
            fits = gap == stated
        verdict = "consistent" if fits else "inconsistent"
        agree = "so the numbers agree" if fits else f"but the text says {words.strip()}, a difference of {_plain(abs(gap - stated))} years"
        arithmetic = f"{second} - {first} = {gap}. The text says {words.strip().rstrip('.')}, {agree}." if fits else f"{second} - {first} = {gap}, {agree}."
        rows.append({
            "start": figure.start, "end": figure.end, "claim": claim, "arithmetic": arithmetic, "verdict": verdict,
            "missing_fact": None,
            "reason": "A length of time in years follows two years named just before it in the same paragraph, "
            "so it can be checked by subtracting the earlier year from the later one. Only the years are compared: "
            "the exact days could make the real gap up to one year shorter or longer.",
        })
    return rows


def _count_to_date_checks(article: Article, found: list[Figure]) -> list[dict[str, Any]]:
    """A duration that runs up to now ("resisting for 42 months"), counted back from the article's date."""
    rows = []
    anchor = article.date
    start_cues: list[tuple[int, str]] | None = None
    for figure in found:
        if figure.kind != "duration" or figure.unit not in _TO_MONTHS or figure.low is not None:
            continue
        before = article.text[max(0, figure.start - 25):figure.start]
        after = article.text[figure.end:figure.end + 40]
        ongoing = _ONGOING_BEFORE.search(before) and (
            re.search(r"\b(?:for|past|last)\s+$", before, re.IGNORECASE) or _ONGOING_AFTER.match(after)
        )
        if not ongoing:
            continue
        sentence_text = _sentence_text(article, figure.start)
        if re.search(r"\b(?:will|would|could|another|next|more)\b", article.text[max(0, figure.start - 25):figure.start], re.IGNORECASE):
            continue
        words = article.text[figure.start:figure.end].strip()
        months = figure.value * _TO_MONTHS[figure.unit]
        if start_cues is None:
            start_cues = _start_years(article)  # once per article, and only when needed
        if anchor is None:
            rows.append({
                "start": figure.start, "end": figure.end, "claim": sentence_text,
                "arithmetic": f"'{words}' is counted back from the day the text was written, but the article has no date.",
                "verdict": "cannot tell", "missing_fact": "the date the article was published",
                "reason": "A length of time introduced by 'for', 'the past' or 'in ... of war' runs up to the time of writing.",
            })
            continue
        whole = float(months).is_integer()
        if whole and figure.unit == "year" and float(figure.value).is_integer():
            n = int(figure.value)
            latest = add_months(anchor, -12 * n)
            earliest = add_months(anchor, -12 * (n + 1)) + dt.timedelta(days=1)
            working = (
                f"Counting back {n} years from the article's date, {long_date(anchor)}, reaches {long_date(latest)}. "
                f"So a count of {n} full years (but not yet {n + 1}) fits a start between {long_date(earliest)} and {long_date(latest)}."
            )
        elif whole:
            latest = add_months(anchor, -int(months))
            earliest = add_months(anchor, -int(months) - 1) + dt.timedelta(days=1)
            unit_words = "months" if figure.unit == "month" else f"months ({words})"
            working = (
                f"Counting back {int(months)} {unit_words} from the article's date, {long_date(anchor)}, reaches "
                f"{long_date(latest)}. So a count of {int(months)} full months (but not yet {int(months) + 1}) "
                f"fits a start between {long_date(earliest)} and {long_date(latest)}."
            )
        else:
            days = round(months * 30.4375)
            latest = anchor - dt.timedelta(days=days)
            earliest = latest
            working = f"Counting back {words} (about {days} days) from the article's date, {long_date(anchor)}, reaches about {long_date(latest)}."
        cue_notes = []
        for year, cue_words in start_cues:
            if earliest.year <= year <= latest.year:
                cue_notes.append(f"The text names {year} as a start ('{cue_words}'); {year} is in that window, but the text gives no day or month.")
            elif dt.date(year, 1, 1) < anchor:
                low = full_months_between(dt.date(year, 12, 31), anchor)
                high = full_months_between(dt.date(year, 1, 1), anchor)
                cue_notes.append(
                    f"The text also names {year} as a start ('{cue_words}'): counted from any day in {year}, the "
                    f"count would be between {low} and {high} months, not {_plain(months)}."
                )
        missing = f"the day the count of {words} starts from (the text does not say)"
        rows.append({
            "start": figure.start, "end": figure.end, "claim": sentence_text,
            "arithmetic": " ".join([working] + cue_notes),
            "verdict": "cannot tell", "missing_fact": missing,
            "reason": "A length of time introduced by 'for', 'the past' or 'in ... of war' runs up to the time of "
            "writing, so it can be counted back from the article's date; whether it is right depends on when the "
            "count starts, which is a fact from outside the text.",
        })
    return rows


def _start_years(article: Article) -> list[tuple[int, str]]:
    """Years the text presents as a starting point ("aggression that began in 2014", "since 2014")."""
    out: list[tuple[int, str]] = []
    for block in article.block_list:
        if block.role not in ("body", "standfirst", "headline", "subheading"):
            continue
        for c in find_calendar(block.text):
            if c.form != "year" or c.year is None:
                continue
            before = block.text[max(0, c.start - 40):c.start]
            cue = re.search(r"\b(?:since|began in|begun in|started in|start(?:ed)? in|beginning in)\s+$", before, re.IGNORECASE)
            if cue:
                words = (before[cue.start():] + block.text[c.start:c.end]).strip()
                if all(year != c.year for year, _ in out):
                    out.append((c.year, words))
    return out


def _sentence_text(article: Article, offset: int) -> str:
    _, index = article.locate(offset)
    if index is None:
        return article.text[offset:offset + 80]
    return article.sentence_list[index].text


def _percent_checks(article: Article, found: list[Figure]) -> list[dict[str, Any]]:
    """Shares of one group in one sentence ("73% oppose it, and only 16% support it") add up to at most 100%."""
    rows = []
    by_sentence: dict[int, list[Figure]] = {}
    for figure in found:
        if figure.kind != "percent" or figure.extra.get("change"):
            continue
        if _PERCENT_CHANGE.search(article.text[max(0, figure.start - 20):figure.start]):
            continue
        _, sentence = article.locate(figure.start)
        if sentence is not None:
            by_sentence.setdefault(sentence, []).append(figure)
    for sentence, shares in by_sentence.items():
        if len(shares) < 2:
            continue
        total = sum(f.value for f in shares)
        parts = " + ".join(f"{_plain(f.value)}%" for f in shares)
        if total <= 100:
            rest = 100 - total
            working = f"{parts} = {_plain(total)}%. That is not more than 100%, so the shares can all be true together"
            working += f"; the other {_plain(rest)}% are not described in this sentence." if rest > 0 else "."
            verdict = "consistent"
        else:
            working = f"{parts} = {_plain(total)}%. Shares of one group cannot add up to more than 100%, unless people could give more than one answer."
            verdict = "inconsistent"
        rows.append({
            "start": shares[0].start, "end": shares[-1].end, "claim": article.sentence_list[sentence].text,
            "arithmetic": working, "verdict": verdict, "missing_fact": None,
            "reason": "Two or more percentages in one sentence, not describing a rise or fall, read as shares of the same group.",
        })
    return rows


def _same_span_checks(article: Article, found: list[Figure]) -> list[dict[str, Any]]:
    """Two durations in one paragraph, in different units, that come to the same length ("42 months", "three and a half years")."""
    rows = []
    durations = [f for f in found if f.kind == "duration" and f.unit in _TO_MONTHS and f.low is None]
    blocks = [_block_of(article, f.start) for f in durations]
    same_block: dict[int, list[int]] = {}  # block index -> positions in `durations`, in order
    for i, block in enumerate(blocks):
        if block is not None:
            same_block.setdefault(block.index, []).append(i)
    months = [f.value * _TO_MONTHS[f.unit] for f in durations]
    pairs: list[tuple[int, int]] = []
    for members in same_block.values():
        # Only durations within 2 % of each other can agree: sorted by length, each is compared with the
        # next ones up to 1/0.98 of its length, not with every duration in the paragraph (a long pasted
        # paragraph can hold hundreds).
        ordered = sorted(members, key=lambda i: months[i])
        lengths = [months[i] for i in ordered]
        for position, i in enumerate(ordered):
            limit = lengths[position] / 0.98 * (1 + 1e-9) if lengths[position] > 0 else lengths[position]
            for j in ordered[position + 1:bisect_right(lengths, limit, lo=position + 1)]:
                pairs.append((min(i, j), max(i, j)))  # the exact test is below
    for i, j in sorted(set(pairs)):
        first, second = durations[i], durations[j]
        if first.unit == second.unit:
            continue
        first_months, second_months = months[i], months[j]
        if abs(first_months - second_months) > 0.02 * max(first_months, second_months):
            continue
        first_words, second_words = article.text[first.start:first.end].strip(), article.text[second.start:second.end].strip()
        rows.append({
            "start": second.start, "end": second.end, "claim": f"{first_words} ... {second_words}",
            "arithmetic": f"{second_words} = {_plain(second.value)} × {_plain(_TO_MONTHS[second.unit])} months = "
            f"{_plain(second_months)} months; {first_words} = {_plain(first_months)} months. The two lengths agree.",
            "verdict": "consistent", "missing_fact": None,
            "reason": "Two lengths of time in the same paragraph, written in different units, come to the same number "
            "of months, so they probably describe the same span.",
        })
    return rows


CHECK_RECORD_FIELDS = ("text", "verdict", "arithmetic")


def check_records(article: Article) -> list[dict[str, Any]]:
    """The checks for the JSON export (text, verdict, arithmetic), built without a DataFrame."""
    return pick(_check_rows(article), CHECK_RECORD_FIELDS)
