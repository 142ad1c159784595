"""Time references: every date, year, era, relative time and duration, and the events they date.

`time_refs(article)` returns one row per time expression, with the shared span
columns (``article``, ``block``, ``sentence``, ``start``, ``end``, ``text``) and:

============= ==============================================================
kind          year, date, era, relative or duration
year          the year it points to (<NA> when it cannot be told)
date          ISO date: ``2025-04-24`` for a day, ``2025-04`` for a month
              (<NA> for years, eras, durations and ambiguous dates)
precision     day, month, year, decade or era (<NA> for durations)
relative_to   for relative expressions, what they count from: "the
              article's date", the time reference before them, or the
              event after "after"/"before"
resolved_from how a date with missing parts was completed ("April 24" read
              in the year of the article's date)
ambiguous     True when the words allow more than one date (07.08.25)
reason        a plain-English sentence naming the rule that matched
============= ==============================================================

`events(articles)` turns the time references in body sentences into claimed
events (a year or date and a short description taken from the sentence) for
both texts, ready for a two-text timeline chart.

>>> from workbook import article_from_text
>>> article = article_from_text("T\\n\\nBy Ann Lee\\nMay 12, 2025\\n\\nOn April 24 it rained, as in 1991.")
>>> time_refs(article)[["text", "kind", "year", "date"]].values.tolist()[1:]
[['April 24', 'date', 2025, '2025-04-24'], ['1991', 'year', 1991, <NA>]]
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
import re
import sys
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from workbook.articles import Article
from workbook.dates import CalendarMatch, FoldedDict, has_case_folds, add_months, ascii_letters, find_calendar, last_weekday, long_date, resolve_month_day
from workbook.figures import parse_words, scan_shared
from workbook.spans import frame_copy, frame_from_records, pick, span_records, typed_frame

if TYPE_CHECKING:  # tables are built at the edge; finding time references needs no pandas
    import pandas as pd

if sys.version_info >= (3, 11):
    import tomllib
    from re import _parser as _sre_parser
else:  # pragma: no cover
    import sre_parse as _sre_parser
    import tomli as tomllib

TIME_REF_COLUMNS: dict[str, str] = {
    "kind": "string", "year": "Int64", "date": "string", "precision": "string", "relative_to": "string",
    "resolved_from": "string", "ambiguous": "boolean", "reason": "string",
}
EVENT_COLUMNS = ["article", "label", "year", "date", "precision", "description", "sentence_text", "start", "end", "time_text", "kind"]
EVENT_DTYPES: dict[str, str] = {
    "article": "string", "label": "string", "year": "Int64", "date": "string", "precision": "string",
    "description": "string", "sentence_text": "string", "start": "int64", "end": "int64", "time_text": "string", "kind": "string",
}
SKIPPED_ROLES = ("boilerplate", "byline", "credit")
EVENT_ROLES = ("body", "standfirst", "caption")
WEEKDAYS = FoldedDict({"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6})
_UNIT_WORD = r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|quarters?)"
_NUM_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few|a couple of|many|some|\d+(?:\.\d+)?)"

_DEICTIC = re.compile(
    r"(?:(?<=[^\w])|^)(?=[a-zA-Z])(?:"
    r"\b(?:(?P<late>late|early)\s+)?(?P<word>today|yesterday|tomorrow|tonight|nowadays|currently|recently|lately)\b"
    r"|\b(?P<now>now|at present|these days|at the moment|right now)\b"
    r"|\b(?P<vague>the (?:recent )?past|the (?:near |distant )?future|soon|as soon as possible|recent(?= (?:weeks|months|years|days|decades))|in recent (?:weeks|months|years|days|decades))\b"
    r"|\b(?P<mod>last|this|next|past|coming|previous|current)\s+(?P<unit>week|month|year|decade|century|weekend|quarter|spring|summer|autumn|fall|winter|season|morning|afternoon|evening|night)\b"
    r"|\b(?P<edge>earlier|later)\s+(?P<edge_mod>this|last|next)\s+(?P<edge_unit>week|month|year)\b"
    r"|\b(?:the\s+)?(?P<quarter>(?:first|second|third|fourth|latest|current|last|previous|year-earlier|year-ago|same)[\s-]+(?:fiscal\s+)?quarter|fiscal (?:first|second|third|fourth) quarter|the quarter)\b"
    r"|\b(?P<ago_word>year-earlier|year-ago|year-end)\b)",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|next|this|on|late|early)\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
)
_ANAPHORIC = re.compile(
    r"(?:(?<=[^\w])|^)(?=[a-zA-Z])(?:"
    r"\b(?P<same>the same (?:day|week|month|year)|that (?:day|week|month|year|time)|the (?:following|next|previous) (?:day|week|month|year)|the day (?:before|after)|at the time)\b"
    r"|\b(?P<vague_n>(?:(?:several|a few|many|some)\s+)?(?:days|weeks|months|years|decades|centuries))\s+(?P<dir>later|ago|earlier|afterwards?)\b)",
    re.IGNORECASE,
)
_VAGUE_DURATION = re.compile(
    r"(?:(?<=[^\w])|^)(?=[a-zA-Z])(?:"
    r"\b(?:(?:the\s+)?(?:several|a few|many|some|the past|the last|the next|the coming|the early|the first|recent)\s+)?(?P<unit>days|weeks|months|years|decades|centuries)\b(?!\s+old\b))",
    re.IGNORECASE,
)
_YEAR_WORDS = re.compile(
    r"\bnineteen[\s-]+(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)\b",
    re.IGNORECASE,
)
_SEASON = re.compile(r"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>1[0-9]{3}|20[0-9]{2})\b", re.IGNORECASE)
_DIRECTION_AFTER = re.compile(r"^\s+(?P<dir>later|ago|earlier|afterwards?|after|before|from now|on)\b", re.IGNORECASE)
_DURATION_PREFIX = re.compile(r"\b(?P<prefix>(?:at least\s+)?the\s+(?:past|last|next|first|coming|previous|following|latest|final|early)\s+)$", re.IGNORECASE)

# ---- gates: words a pattern cannot match without (a paragraph lacking all of them is skipped) ----
#
# Most paragraphs contain none of the words a pattern needs, and checking for a word is far
# cheaper than running the pattern over the paragraph. Each set names, for its pattern, whole
# words (runs of the letters a-z in the lower-cased text) at least one of which is in every
# match: each pattern puts its words between word boundaries, so the run of letters there is
# the word itself. tests/test_timeline.py checks this against every match in many texts. Under
# re.IGNORECASE the letters i, k and s also match 'İ', 'ı', 'K' and 'ſ', which lower() does not
# turn into them (`workbook.dates.CASE_FOLDS`): a paragraph with one of those is always scanned.
_DEICTIC_WORDS = frozenset(
    "now today yesterday tomorrow tonight nowadays currently recently lately present these moment past future soon "
    "recent week weekend month year decade century quarter spring summer autumn fall winter season morning afternoon "
    "evening night".split()
)
_ANAPHORIC_WORDS = frozenset("day week month year time days weeks months years decades centuries".split())
_VAGUE_DURATION_WORDS = frozenset("days weeks months years decades centuries".split())
_SEASON_WORDS = frozenset("spring summer autumn fall winter".split())
_YEAR_WORD = frozenset(["nineteen"])
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: `_WEEKDAY` is not case-insensitive, but a day name it reads is a whole run of letters in the lower-cased text too.
_WEEKDAY_WORDS = frozenset(day.lower() for day in _WEEKDAY_NAMES)
#: Characters that no gated pattern matches or looks ahead at: a match never runs across one
#: (and a pattern looking ahead at one fails there just as at the end of the text). So a pattern
#: needs to run only over the stretches between them that hold one of its words, usually a few
#: clauses of a paragraph rather than all of it.
_BREAK = re.compile(r"[.,;:!?()\[\]\"“”]")


#: Every gate word: a paragraph's runs of the letters a-z are compared with them all at once.
_GATE_VOCABULARY = frozenset().union(
    _DEICTIC_WORDS, _ANAPHORIC_WORDS, _VAGUE_DURATION_WORDS, _SEASON_WORDS, _YEAR_WORD, _WEEKDAY_WORDS
)
_GATE_VOCABULARY_BYTES = frozenset(word.encode("ascii") for word in _GATE_VOCABULARY)


class _Gate:
    """Cheap tests on one paragraph: could a pattern match in it at all, and in which stretches?"""

    __slots__ = ("text", "always", "starts", "_breaks")

    def __init__(self, text: str) -> None:
        self.text = text
        self.always = has_case_folds(text)
        #: gate word -> where it stands in the paragraph as a whole run of the letters a-z of
        #: ``text.lower()`` (which keeps every offset when not `always`)
        self.starts: dict[str, list[int]] = {}
        if not self.always:
            # The runs of letters are the words of `ascii_letters`, split at its spaces; few are gate
            # words, and only those are looked for again, with a space on each side, to find where
            # they stand (several times cheaper than a regular expression trying every position).
            letters = ascii_letters(text)
            padded = b" " + letters + b" "  # a word at offset i of the text is at i + 1 here, after its space
            for word in _GATE_VOCABULARY_BYTES.intersection(letters.split()):
                needle = b" " + word + b" "
                positions = self.starts[word.decode("ascii")] = []
                found = padded.find(needle)
                while found != -1:
                    positions.append(found)  # the space before the word: its offset in the text
                    found = padded.find(needle, found + len(word) + 1)  # the space after it may open the next
        self._breaks: list[int] | None = None

    def _word_starts(self, words: frozenset[str]) -> list[int]:
        """Where one of `words` stands in the lower-cased paragraph as a whole run of the letters a-z."""
        if not words <= _GATE_VOCABULARY:  # words the one pass does not look for: find them one by one
            return [m.start() for m in re.finditer(r"(?<![a-z])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z])", self.text.lower())]
        return [position for word, positions in self.starts.items() if word in words for position in positions]

    def hold(self, words: frozenset[str]) -> bool:
        """True when the paragraph holds one of `words`, so a pattern needing one may match."""
        return self.always or bool(self._word_starts(words))

    def spans(self, words: frozenset[str]) -> list[tuple[int, int]]:
        """The stretches between breaks that hold one of `words`, in order (the whole paragraph when always)."""
        if self.always:
            return [(0, len(self.text))]
        positions = self._word_starts(words)
        if not positions:
            return []
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK.finditer(self.text)]
        breaks = self._breaks
        size = len(self.text)
        found = set()
        for position in positions:
            index = bisect_right(breaks, position)
            found.add((breaks[index - 1] + 1 if index else 0, breaks[index] if index < len(breaks) else size))
        return sorted(found)

    def finditer(self, pattern: re.Pattern[str], spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
        """The matches of `pattern` in the paragraph that lie in `spans` (the same as finditer over all of it,
        when the spans hold every place the pattern needs and the pattern never crosses a break)."""
        for start, end in spans:
            yield from pattern.finditer(self.text, start, end)


@dataclass(frozen=True)
class Era:
    name: str
    pattern: re.Pattern[str]
    start: int
    end: int
    source: str


@lru_cache(maxsize=1)
def eras() -> tuple[Era, ...]:
    """The named eras from ``data/figures/eras.toml`` (name, years and source)."""
    text = resources.files("workbook").joinpath("data/figures/eras.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return tuple(
        Era(item["name"], re.compile(r"\b(?:" + item["pattern"] + r")\b"), int(item["start"]), int(item["end"]), item["source"])
        for item in data.get("era", [])
    )


@lru_cache(maxsize=1)
def _era_words() -> tuple[tuple[str, ...] | None, ...]:
    """For each era, strings one of which is in every match of its pattern (None: no such list)."""
    return tuple(required_strings(era.pattern) for era in eras())


def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings at least one of which is inside every match of `pattern`, read from its parsed form.

    Each alternative contributes its longest run of plain characters (or, lacking one, what a
    group inside it requires). None when that cannot be said: a case-insensitive pattern, or an
    alternative made only of classes, repeats and the like.

    >>> required_strings(re.compile(r"\\b(?:the Cold War|the Great War)\\b"))  # Python takes out the shared "the "
    ('Cold War', 'Great War')
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - the parser is internal to Python; never fail over it
        return None
    return _required(list(parsed))


def _required(items: list[Any]) -> tuple[str, ...] | None:
    """The best of: each run of plain characters in `items`, and what each group or choice in it requires."""
    options: list[tuple[str, ...]] = []
    run = ""
    for op, value in items + [(None, None)]:
        if op is _sre_parser.LITERAL:
            run += chr(value)
            continue
        if run:
            options.append((run,))
        run = ""
        if op is _sre_parser.SUBPATTERN and not (value[1] & re.IGNORECASE):
            found = _required(list(value[3]))
            if found is not None:
                options.append(found)
        elif op is _sre_parser.BRANCH:
            union: list[str] = []
            for alternative in value[1]:
                found = _required(list(alternative))
                if found is None:
                    break
                union += found
            else:
                options.append(tuple(union))
    if not options:
        return None
    return max(options, key=lambda strings: min(map(len, strings)))  # the shortest string decides how telling it is


@lru_cache(maxsize=1)
def _all_era_words() -> tuple[str, ...]:
    """Every string of `_era_words`, in one list: a paragraph holding none of them names no era.

    A string that holds another one of them is left out ("the Second World War" holds "World War "):
    a paragraph holds it only if it holds the shorter one too, so each paragraph is searched fewer times.
    """
    words = sorted({word for words in _era_words() if words is not None for word in words}, key=lambda word: (len(word), word))
    kept: list[str] = []
    for word in words:  # shortest first, so the strings a longer one may hold are already kept
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(kept)


def _may_name_an_era(text: str) -> bool:
    """False when `text` holds none of the strings some era's pattern needs, so no era pattern can match."""
    return None in _era_words() or any(map(text.__contains__, _all_era_words()))


#: "On" right before a time reference: "On April 28 he ..." (news reports date their events that way).
_ON_BEFORE = re.compile(r"\b(?:on|On)\s+$")


@dataclass
class TimeRef:
    start: int
    end: int
    kind: str
    year: int | None = None
    date: str | None = None
    precision: str | None = None
    relative_to: str | None = None
    resolved_from: str | None = None
    ambiguous: bool = False
    reason: str = ""
    rank: int = 0
    # for resolving relative expressions: a signed amount and its unit
    offset: float | None = None
    offset_unit: str | None = None
    anaphoric: bool = False
    calendar: CalendarMatch | None = None
    quoted: bool = False
    narrative: bool = False


@lru_cache(maxsize=32)
def _quote_marks(text: str) -> tuple[list[int], list[int], list[int]]:
    """Positions of the opening curly, closing curly and straight double quotation marks in `text`."""
    marks: tuple[list[int], list[int], list[int]] = ([], [], [])
    for positions, mark in zip(marks, "“”\""):  # one string search per mark: no match object for each one
        found = text.find(mark)
        while found != -1:
            positions.append(found)
            found = text.find(mark, found + 1)
    return marks


def _in_quotes(text: str, position: int) -> bool:
    """True when `position` is inside curly or straight double quotation marks in `text`.

    The marks are found once per text, so asking for many positions stays linear.
    """
    opening, closing, straight = _quote_marks(text)
    if bisect_left(opening, position) > bisect_left(closing, position):
        return True
    return bisect_left(straight, position) % 2 == 1


def _calendar_ref(c: CalendarMatch, text: str, anchor: dt.date | None, anchor_note: str) -> TimeRef:
    words = text[c.start:c.end]
    if c.form in ("month-day-year", "day-month-year", "iso", "compact"):
        day = dt.date(c.year, c.month, c.day)
        return TimeRef(c.start, c.end, "date", c.year, day.isoformat(), "day", reason=f"'{words}' is a full date (day, month and year): {long_date(day)}.", rank=5, calendar=c)
    if c.form == "numeric":
        readings = c.readings
        if len(readings) > 1:
            both = " or ".join(f"{long_date(r)} ({'day first' if i == 0 else 'month first'})" for i, r in enumerate(readings))
            return TimeRef(c.start, c.end, "date", c.year, None, "day", ambiguous=True, reason=f"'{words}' is a date in numbers that can be read two ways: {both}. The text does not say which.", rank=5, calendar=c)
        only = readings[0]
        order = "day first" if only.day == int(re.split(r"[./]", words)[0]) else "month first"
        return TimeRef(c.start, c.end, "date", only.year, only.isoformat(), "day", reason=f"'{words}' is a date in numbers; only one reading is a real date ({order}): {long_date(only)}.", rank=5, calendar=c)
    if c.form == "month-year":
        return TimeRef(c.start, c.end, "date", c.year, f"{c.year:04d}-{c.month:02d}", "month", reason=f"'{words}' names a month and a year.", rank=4, calendar=c)
    if c.form == "month-day":
        extra = f" to the {c.end_day}th" if c.end_day else ""
        if anchor is None:
            return TimeRef(c.start, c.end, "date", None, None, "day", reason=f"'{words}' is a day and month{extra} with no year, and the article has no date to take the year from.", rank=4, calendar=c)
        day = resolve_month_day(c.month, c.day, anchor)
        if day is None:
            return TimeRef(c.start, c.end, "date", None, None, "day", reason=f"'{words}' is not a real day of the month.", rank=4, calendar=c)
        return TimeRef(
            c.start, c.end, "date", day.year, day.isoformat(), "day", relative_to=None, resolved_from=anchor_note,
            reason=f"'{words}' is a day and month{extra} with no year; it is read in the year of the article's date ({anchor.year}).", rank=4, calendar=c,
        )
    if c.form == "month":
        if anchor is None or _in_quotes(text, c.start):
            return TimeRef(c.start, c.end, "date", None, None, "month", reason=f"'{words}' names a month with no year" + (" inside a quotation, so the article's date is not used." if anchor else ", and the article has no date."), rank=3, calendar=c)
        year = anchor.year
        if c.modifier == "last" and c.month >= anchor.month:
            year -= 1
        elif c.modifier == "next" and c.month <= anchor.month:
            year += 1
        return TimeRef(c.start, c.end, "date", year, f"{year:04d}-{c.month:02d}", "month", resolved_from=anchor_note,
                       reason=f"'{words}' names a month with no year; it is read as the nearest such month to the article's date.", rank=3, calendar=c)
    if c.form in ("year", "year-range"):
        extra = " (a span of years; the first is shown)" if c.form == "year-range" else ""
        return TimeRef(c.start, c.end, "year", c.year, None, "year", reason=f"'{words}' is a year{extra}: a four-digit number from 1000 to 2100 used as a year, not followed by a unit.", rank=3, calendar=c)
    if c.form == "decade":
        return TimeRef(c.start, c.end, "era", c.year, None, "decade", reason=f"'{words}' names a decade, the ten years from {c.year}.", rank=3, calendar=c)
    # century
    century = (c.year - 1) // 100 + 1
    return TimeRef(c.start, c.end, "era", c.year, None, "era", reason=f"'{words}' names the {century}th century, the hundred years from {c.year} to {c.year + 99}.", rank=3, calendar=c)


def _unit_name(unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("centur"):
        return "century"
    return unit.rstrip("s")


def _scan_block(text: str, anchor: dt.date | None, anchor_note: str, eras_possible: bool = True) -> list[TimeRef]:
    """The time references in one paragraph. `eras_possible` False says the whole article holds
    no era word (`_may_name_an_era`), so no paragraph of it is searched for one again."""
    calendar = find_calendar(text)
    refs = [_calendar_ref(c, text, anchor, anchor_note) for c in calendar]
    taken = [(c.start, c.end) for c in calendar]
    # durations found by the figures rules: "42 months", "three-day", "almost a year"
    for figure in scan_shared(text):  # only read here
        if figure.kind != "duration":
            continue
        start, end = figure.start, figure.end
        if figure.what and text[end - len(figure.what):end] == figure.what:
            end = end - len(figure.what)
            end = len(text[:end].rstrip())
        prefix = _DURATION_PREFIX.search(text[max(0, start - 30):start])
        if prefix:
            start -= len(prefix.group(0))
        words = text[figure.start:end]
        direction = _DIRECTION_AFTER.match(text[end:])
        amount = figure.value
        if direction:
            word = direction["dir"].lower()
            end += direction.end()
            if word in ("after", "before") and not re.match(r"\s*[,.;:]", text[end:]):
                event = re.match(r"\s*([^,.;:!?]{3,80})", text[end:])
                event_words = event.group(1).strip() if event else ""
                refs.append(TimeRef(start, end, "relative", relative_to=f"{word}: {event_words}", offset=amount if word == "after" else -amount, offset_unit=figure.unit,
                                    reason=f"'{text[start:end]}' counts {words} {word} the event named next ('{event_words}'), which the text does not date here.", rank=6))
                continue
            sign = -1 if word in ("ago", "earlier", "before") else 1
            anaphoric = word != "ago"
            ref = TimeRef(start, end, "relative", offset=sign * amount, offset_unit=figure.unit, anaphoric=anaphoric,
                          reason=f"'{text[start:end]}' counts {words} {'back' if sign < 0 else 'on'} from "
                          + ("the time mentioned before it." if anaphoric else "the time of writing."), rank=6)
            if not anaphoric:
                ref.relative_to = "the article's date"
                if anchor is not None and not _in_quotes(text, start):
                    base = TimeRef(0, 0, "date", anchor.year, anchor.isoformat(), "day")
                    _shift(ref, base, "the article's date")
                    ref.resolved_from = anchor_note + ref.resolved_from[len("'the article's date' (" + anchor.isoformat() + ")"):]
            refs.append(ref)
            continue
        refs.append(TimeRef(start, end, "duration", reason=f"'{text[start:end]}' is a length of time: {figure.reason[0].lower() + figure.reason[1:]}", rank=5))
    may = _Gate(text)
    _gated_refs(may, refs, anchor, anchor_note)
    era_words = _era_words()
    any_era = eras_possible and _may_name_an_era(text)
    for era, words in zip(eras(), era_words) if any_era else ():
        if words is not None and not any(word in text for word in words):
            continue
        for m in era.pattern.finditer(text):
            span = f"{era.start}" if era.start == era.end else f"{era.start} to {era.end}"
            refs.append(TimeRef(m.start(), m.end(), "era", era.start, None, "era",
                                reason=f"'{m.group(0)}' names an era, {era.name} ({span}; source: {era.source}). The year shown is its first year.", rank=4))
    for ref in refs:
        ref.quoted = _in_quotes(text, ref.start)
        ref.narrative = bool(_ON_BEFORE.search(text[max(0, ref.start - 4):ref.start])) or ref.start == 0
    return [r for r in _longest(refs) if r.kind != "skip"]


def _gated_refs(may: _Gate, refs: list[TimeRef], anchor: dt.date | None, anchor_note: str) -> None:
    """Add to `refs` what the gated patterns find in the paragraph `may` reads (none holding a gate word: nothing)."""
    if not may.hold(_GATE_VOCABULARY):  # most paragraphs: no gate word, so no pattern to try
        return
    text = may.text
    for m in may.finditer(_DEICTIC, may.spans(_DEICTIC_WORDS)):
        refs.append(_deictic(m, text, anchor, anchor_note))
    for m in (may.finditer(_WEEKDAY, may.spans(_WEEKDAY_WORDS)) if "day" in text else ()):
        refs.append(_weekday(m, text, anchor, anchor_note))
    for m in may.finditer(_ANAPHORIC, may.spans(_ANAPHORIC_WORDS)):
        words = m.group(0)
        if m["same"]:
            refs.append(TimeRef(m.start(), m.end(), "relative", anaphoric=True, offset=0, offset_unit=_unit_name(words.split()[-1]) if words.split()[-1] != "time" else None,
                                reason=f"'{words}' points back to the time mentioned before it.", rank=4))
        else:
            direction = m["dir"].lower()
            refs.append(TimeRef(m.start(), m.end(), "relative", anaphoric=direction != "ago",
                                reason=f"'{words}' is a vague length of time counted {'back from the time of writing' if direction == 'ago' else 'from the time mentioned before it'}; no number is given, so no year can be worked out.", rank=4))
    for m in may.finditer(_VAGUE_DURATION, may.spans(_VAGUE_DURATION_WORDS)):
        refs.append(TimeRef(m.start(), m.end(), "duration", reason=f"'{m.group(0)}' is a length of time given without a number.", rank=1))
    for m in may.finditer(_YEAR_WORDS, may.spans(_YEAR_WORD)):
        rest = m["rest"].lower()
        year = 1900 + (0 if rest == "hundred" else int(parse_words(rest) or 0))
        refs.append(TimeRef(m.start(), m.end(), "year", year, None, "year", reason=f"'{m.group(0)}' is a year said in words ({year}), as in spoken news.", rank=5))
    for m in may.finditer(_SEASON, may.spans(_SEASON_WORDS)):
        refs.append(TimeRef(m.start(), m.end(), "date", int(m["year"]), None, "year", reason=f"'{m.group(0)}' names a season of {m['year']}.", rank=5))


def _longest(refs: list[TimeRef]) -> list[TimeRef]:
    kept: list[TimeRef] = []
    for ref in sorted(refs, key=lambda r: (-(r.end - r.start), -r.rank, r.start)):
        if ref.end <= ref.start:
            continue
        if any(ref.start < k.end and k.start < ref.end for k in kept):
            continue
        kept.append(ref)
    return sorted(kept, key=lambda r: r.start)


def _deictic(m: re.Match[str], text: str, anchor: dt.date | None, anchor_note: str) -> TimeRef:
    words = m.group(0)
    quoted = _in_quotes(text, m.start())
    usable = anchor is not None and not quoted
    why_not = " It is inside a quotation, so it counts from when the quoted words were said, not from the article's date." if quoted else (" The article has no date, so it cannot be worked out." if anchor is None else "")
    ref = TimeRef(m.start(), m.end(), "relative", relative_to="the article's date", rank=3)
    if m["now"] and words.lower() == "now" and re.match(r"\s*,", text[m.end():m.end() + 8]) and (m.start() == 0 or re.search(r"[.!?:]\s*[“\"]?$", text[max(0, m.start() - 8):m.start()])):
        ref.kind = "skip"  # "Now, let us look...": a discourse marker, not a time
        return ref
    if m["word"] or m["now"]:
        word = (m["word"] or m["now"]).lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        if word in ("recently", "lately"):
            ref.reason = f"'{words}' points to an unstated time before the article was written."
            return ref
        if usable:
            day = anchor + dt.timedelta(days=shift)
            precision = "day" if word in ("today", "yesterday", "tomorrow", "tonight") else "year"
            ref.year, ref.date, ref.precision, ref.resolved_from = day.year, day.isoformat() if precision == "day" else None, precision, anchor_note
            ref.reason = f"'{words}' counts from the article's date: {long_date(day) if precision == 'day' else 'the time of writing, ' + str(day.year)}."
        else:
            ref.reason = f"'{words}' counts from the time of writing.{why_not}"
        return ref
    if m["vague"]:
        ref.reason = f"'{words}' is a vague time, before or after the time of writing, with no date."
        return ref
    if m["mod"] or m["edge"]:
        mod = (m["mod"] or m["edge_mod"]).lower()
        unit = (m["unit"] or m["edge_unit"]).lower()
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
        if usable and unit in ("week", "month", "year", "decade", "century"):
            if unit == "year":
                ref.year, ref.precision = anchor.year + shift, "year"
            elif unit == "month":
                day = add_months(anchor.replace(day=1), shift)
                ref.year, ref.date, ref.precision = day.year, f"{day.year:04d}-{day.month:02d}", "month"
            elif unit == "week":
                day = anchor + dt.timedelta(weeks=shift)
                ref.year, ref.precision = day.year, "day"
            else:
                ref.year, ref.precision = anchor.year, "decade" if unit == "decade" else "era"
            ref.resolved_from = anchor_note
            ref.reason = f"'{words}' counts from the article's date ({anchor.isoformat()})."
        else:
            ref.reason = f"'{words}' counts from the time of writing.{why_not}"
        return ref
    ref.reason = f"'{words}' is a period of a business year (a quarter) or a comparison with the year before, counted from the time of writing."
    return ref


def _weekday(m: re.Match[str], text: str, anchor: dt.date | None, anchor_note: str) -> TimeRef:
    words = m.group(0)
    start = m.start() if (m["mod"] or "").lower() not in ("on",) else m.start("day")
    ref = TimeRef(start, m.end(), "relative", relative_to="the article's date", precision="day", rank=3)
    if anchor is None or _in_quotes(text, m.start()):
        ref.reason = f"'{words}' names a day of the week; " + ("the article has no date to count from." if anchor is None else "it is inside a quotation, so the article's date is not used.")
        return ref
    direction = 1 if (m["mod"] or "").lower() == "next" else -1
    day = last_weekday(WEEKDAYS[m["day"].lower()], anchor, direction)
    ref.year, ref.date, ref.resolved_from = day.year, day.isoformat(), anchor_note
    ref.reason = f"'{words}' names a day of the week; news reports mean the nearest {'following' if direction > 0 else 'past'} one, {long_date(day)}, counted from the article's date."
    return ref


def _resolve_anaphora(refs: list[TimeRef], texts: list[str], blocks: list[int], roles: list[str]) -> None:
    """Relative expressions like "a decade later" count from the time reference before them.

    The base is the nearest earlier year, date or era in the same paragraph or
    the two before it (of the same kind: body with body), outside quotations; for "the same day" it must be a
    day, and a date introduced by "on" ("On April 28 he ...") is preferred, as
    news reports date their events that way.
    """
    ordered = all(a <= b for a, b in zip(blocks, blocks[1:]))
    for index, ref in enumerate(refs):
        if ref.kind != "relative" or not ref.anaphoric:
            continue
        candidates = []
        for j in range(index - 1, -1, -1):
            if blocks[j] < blocks[index] - 2:
                if ordered:
                    break  # references come in block order: none further back is near enough
                continue
            if roles[j] == roles[index] and not refs[j].quoted and refs[j].year is not None and (
                refs[j].kind in ("year", "date", "era") or (refs[j].kind == "relative" and refs[j].anaphoric)
            ):
                candidates.append((refs[j], texts[j]))
        if ref.offset == 0 and ref.offset_unit == "day":
            days = [c for c in candidates if c[0].precision == "day" and c[0].date]
            candidates = [c for c in days if c[0].narrative] or days
        if not candidates:
            ref.relative_to = "an earlier time the text does not name"
            continue
        base, base_text = candidates[0]
        ref.relative_to = f"the time reference before it: '{base_text}'"
        if ref.offset is not None:
            _shift(ref, base, base_text)


def _shift(ref: TimeRef, base: TimeRef, base_text: str) -> None:
    unit = ref.offset_unit or "day"
    amount = ref.offset or 0
    if base.date and len(base.date) == 10 and unit in ("day", "week", "month", "year") and float(amount).is_integer():
        day = dt.date.fromisoformat(base.date)
        if unit == "day":
            new = day + dt.timedelta(days=int(amount))
        elif unit == "week":
            new = day + dt.timedelta(weeks=int(amount))
        else:
            new = add_months(day, int(amount) * (12 if unit == "year" else 1))
        precision = "day" if unit in ("day", "week") else "month" if unit == "month" else "year"
        ref.year, ref.precision = new.year, precision
        ref.date = new.isoformat() if precision == "day" else f"{new.year:04d}-{new.month:02d}" if precision == "month" else None
    else:
        years = {"year": 1, "decade": 10, "century": 100}.get(unit)
        if years is None:
            ref.year, ref.precision = base.year, base.precision if base.precision in ("year", "decade", "era") else "year"
        else:
            ref.year = int(base.year + amount * years)
            ref.precision = "decade" if years >= 10 else "year"
    ref.resolved_from = f"'{base_text}' ({base.date or base.year}) {'+' if amount >= 0 else '-'} {abs(amount):g} {unit}{'s' if abs(amount) != 1 else ''}"
    ref.reason += f" Counting from '{base_text}' gives about {ref.date or ref.year}."


def _anchor_note(article: Article) -> str:
    return f"the article's date ({article.date.isoformat()})" if article.date else ""


def _refs(article: Article) -> list[TimeRef]:
    anchor = article.date
    note = _anchor_note(article)
    out: list[TimeRef] = []
    texts: list[str] = []
    blocks: list[int] = []
    roles: list[str] = []
    # A paragraph's text is part of the article's: when the article holds no era word, neither
    # does any of its paragraphs (most articles: the test is made once, not once per paragraph).
    eras_possible = _may_name_an_era(article.text)
    for block in article.block_list:
        if block.role in SKIPPED_ROLES or block.duplicate_of is not None:
            continue
        for ref in _scan_block(block.text, anchor if block.role != "dateline" else None, note, eras_possible):
            words = block.text[ref.start:ref.end]
            ref.start += block.start
            ref.end += block.start
            out.append(ref)
            texts.append(words)
            blocks.append(block.index)
            roles.append(block.role)
    _resolve_anaphora(out, texts, blocks, roles)
    return out


def _time_ref_rows(article: Article) -> list[dict[str, Any]]:
    """The time references as located records (span fields, then TIME_REF_COLUMNS), sorted by position.

    Shared by the table, the JSON export and `events`: do not change them. Kept per article with
    the article's date they were resolved against (metadata can give the date).
    """
    key = article.date
    try:
        cached = _CACHE.get(article)
    except TypeError:  # an object that cannot be weakly referenced: no memo
        cached = None
    if cached is not None and cached[0] == key:
        return cached[1]
    rows = span_records(
        article,
        (
            {
                "start": r.start, "end": r.end, "kind": r.kind, "year": r.year, "date": r.date, "precision": r.precision,
                "relative_to": r.relative_to, "resolved_from": r.resolved_from or None, "ambiguous": r.ambiguous,
                "reason": r.reason,
            }
            for r in _refs(article)
        ),
        TIME_REF_COLUMNS,
    )
    try:
        _CACHE[article] = (key, rows, {})
    except TypeError:
        pass
    return rows


def time_refs(article: Article) -> pd.DataFrame:
    """One row per time expression in the article (see the module docstring for the columns).

    Everything but the byline, photo credits and website boilerplate is read;
    a caption printed twice is read once.
    """
    rows = _time_ref_rows(article)
    try:
        cached = _CACHE.get(article)
    except TypeError:
        cached = None
    tables = cached[2] if cached is not None and cached[1] is rows else {}
    frame = tables.get("frame")
    if frame is None:
        frame = tables["frame"] = frame_from_records(rows, TIME_REF_COLUMNS)
    return frame_copy(frame)


#: Time references already found, per article (articles never change once loaded): the
#: article's date they were resolved against, the located records, and the table once asked for.
_CACHE: "weakref.WeakKeyDictionary[Article, tuple[Any, list[dict[str, Any]], dict[str, Any]]]" = weakref.WeakKeyDictionary()

TIME_REF_RECORD_FIELDS = ("start", "end", "text", "year", "date")


def time_ref_records(article: Article) -> list[dict[str, Any]]:
    """The time references for the JSON export (start, end, text, year, date), built without a DataFrame."""
    return pick(_time_ref_rows(article), TIME_REF_RECORD_FIELDS)


# ---- events -----------------------------------------------------------------------------------

_CLAUSE_STOP = frozenset(
    "that which who whom whose when where while because although though but before after since until as if so yet".split()
)
_TOKEN = re.compile(r"\d[\d,.]*\d|[\w’'.-]+|[,;:!?—–()\[\]“”\"]")
_MONTH_WORDS = frozenset("january february march april may june july august september october november december".split())
_WORDLIKE = re.compile(r"[\w’']")
#: A preposition ending the words before a time reference ("conquest in"), dropped from the description.
_PREPOSITION_AT_END = re.compile(r"\b(?:in|on|during|by|of|around|from|since|until|at)\s*$", re.IGNORECASE)
_LONGEST_PREPOSITION = 6  # "during", "around"
_POSSESSIVE_AT_END = re.compile(r"([\w’'.-]+[’']s)\s*$")
_ARTICLE_AT_END = re.compile(r"\b(?:the|a|an)\s*$", re.IGNORECASE)
_SPACE_BEFORE_APOSTROPHE = re.compile(r"\s+([’'])")


def _tokens_from_end(text: str, chunk: int = 100) -> Iterator[str]:
    """The tokens ``_TOKEN.findall(text)`` gives, last first, read only as far back as they are asked for.

    `describe` needs the last few words before a time reference, not every word of a long
    sentence. No token holds a space, so the tokens after a space are the same whether the text
    is read from its start or from there: the text is read in pieces that begin after a space.
    """
    end = len(text)
    while end > 0:
        start = text.rfind(" ", 0, end - chunk) + 1 if end > chunk else 0  # 0 when no space: read the rest
        yield from reversed(_TOKEN.findall(text, start, end))
        end = start


def describe(sentence: str, start: int, end: int, max_words: int = 8) -> str:
    """A short description of what a time reference dates, taken from its sentence.

    The words just before it, back to the start of the clause ("before czarist
    Russia's conquest in 1783" gives "czarist Russia's conquest"); when the
    time reference opens the sentence, or modifies what follows ("the 1917
    Russian Revolution"), the words after it.

    >>> s = "Tatars were the majority before czarist Russia’s conquest in 1783."
    >>> describe(s, s.index("1783"), s.index("1783") + 4)
    'czarist Russia’s conquest'
    """
    before = sentence[:start].rstrip()
    # Each pattern read at the end of `before` can only match its last few characters (it has no
    # trailing spaces): searching from there finds what a search over the whole of it would.
    preposition = _PREPOSITION_AT_END.search(before, max(0, len(before) - _LONGEST_PREPOSITION))
    if preposition:
        before = before[:preposition.start()]
    before = before.rstrip()
    after = sentence[end:]
    picked: list[str] = []
    crossed = False
    for token in _tokens_from_end(before):
        lower = token.lower()
        if token in "“”\"()":
            continue
        if token[:1].isdigit() or lower in _MONTH_WORDS:
            break
        if lower in _CLAUSE_STOP or not _WORDLIKE.match(token):
            if len(picked) < 2 and not crossed:
                crossed = True
                if _WORDLIKE.match(token):
                    picked.insert(0, token)
                continue
            break
        picked.insert(0, token)
        if len(picked) >= max_words:
            break
    following: list[str] = []
    for token in map(re.Match.group, _TOKEN.finditer(after)):  # only the first few are needed
        if not following and not _WORDLIKE.match(token):
            continue
        if not _WORDLIKE.match(token) or token[:1].isdigit():
            break
        following.append(token)
        if len(following) >= max_words:
            break
    # a possessive has no spaces in it: it can only start in the last word of `before`
    last_word = before.rsplit(None, 1)[-1] if before else ""
    possessive = _POSSESSIVE_AT_END.search(before, len(before) - len(last_word))
    modifier = following and (_ARTICLE_AT_END.search(before, max(0, len(before) - 3)) or possessive)
    if modifier:
        if following[0][:1].isupper():
            kept = []
            for token in following:
                if token[:1].isupper() or (kept and token.lower() in ("of", "and")):
                    kept.append(token)
                else:
                    break
        else:
            kept = []
            for token in following:
                if token.lower() in _CLAUSE_STOP:
                    break
                kept.append(token)
        text = " ".join(([possessive.group(1)] if possessive else []) + kept)
    elif len(picked) >= 2 or not following:
        text = " ".join(picked)
    else:
        text = " ".join(following)
    if "'" in text or "’" in text:  # the only texts it can change (a substitution is costly to start)
        text = _SPACE_BEFORE_APOSTROPHE.sub(r"\1", text)
    return text.strip(" ,;:")


def events(articles: Article | Iterable[Article]) -> pd.DataFrame:
    """Claimed events: each time reference with a year in a body sentence, with a short description.

    Columns: article, label (the article's short name, for charts), year,
    date, precision, description (words from the sentence saying what
    happened), sentence_text, start, end (of the time reference), time_text
    and kind. Durations and time references without a year are left out.

    >>> from workbook import article_from_text
    >>> text = "T\\n\\nCrimean Tatars were the majority before czarist Russia’s conquest in 1783."
    >>> events([article_from_text(text)])[["year", "description"]].values.tolist()
    [[1783, 'czarist Russia’s conquest']]
    """
    if isinstance(articles, Article):
        articles = [articles]
    rows = []
    for article in articles:
        roles = {block.index: block for block in article.block_list}
        for ref in _time_ref_rows(article):
            if ref["year"] is None or ref["kind"] == "duration" or ref["block"] is None:
                continue
            if ref["kind"] == "relative" and ref["relative_to"] == "the article's date" and ref["date"] is None:
                continue  # "now", "this year": the time of writing, not a claimed event
            block = roles.get(ref["block"])
            if block is None or block.role not in EVENT_ROLES or block.duplicate_of is not None:
                continue
            if ref["sentence"] is None:
                continue
            sentence = article.sentence_list[ref["sentence"]]
            start, end = ref["start"], ref["end"]
            description = describe(sentence.text, start - sentence.start, end - sentence.start)
            rows.append({
                "article": article.id, "label": article.label, "year": int(ref["year"]), "date": ref["date"],
                "precision": ref["precision"], "description": description, "sentence_text": sentence.text,
                "start": start, "end": end, "time_text": ref["text"], "kind": ref["kind"],
            })
    return typed_frame({name: [row[name] for row in rows] for name in EVENT_COLUMNS}, EVENT_DTYPES)


# ---- the reference sheet ----------------------------------------------------------------------

RELATIONS = ("supports", "contradicts", "leaves open")
REFERENCE_COLUMNS = ["fact", "statement", "when", "sources", "article", "quote", "relation", "note", "start", "end"]


def load_reference_sheet() -> list[dict[str, Any]]:
    """The facts in ``data/reference_sheet.toml``, checked: each has a source and known relations.

    Raises ValueError naming the fact when one has no source or an unknown relation.
    """
    text = resources.files("workbook").joinpath("data/reference_sheet.toml").read_text(encoding="utf-8")
    facts = tomllib.loads(text).get("fact", [])
    for fact in facts:
        if not fact.get("sources") or not all(s.get("title") and s.get("publisher") and s.get("url") for s in fact["sources"]):
            raise ValueError(f"reference_sheet.toml: fact {fact.get('id')!r} needs at least one source with title, publisher and url.")
        for claim in fact.get("claims", []):
            if claim.get("relation") not in RELATIONS:
                raise ValueError(f"reference_sheet.toml: fact {fact.get('id')!r} has an unknown relation {claim.get('relation')!r}.")
    return facts


def reference_sheet(articles: Article | Iterable[Article] | None = None) -> pd.DataFrame:
    """The reference sheet as a table: one row per (fact, claim in a text).

    Columns: fact (its id), statement, when, sources ("Publisher, Title, URL"
    joined by " | "), article, quote (the words of the text), relation
    (supports, contradicts, leaves open), note, and start and end of the quote
    in the article when `articles` are given (<NA> otherwise).

    >>> sheet = reference_sheet()
    >>> sorted(set(sheet["relation"]))
    ['contradicts', 'leaves open', 'supports']
    """
    import pandas as pd

    if isinstance(articles, Article):
        articles = [articles]
    by_id = {a.id: a for a in (articles or [])}
    rows = []
    for fact in load_reference_sheet():
        sources = " | ".join(f"{s['publisher']}, {s['title']}, {s['url']}" for s in fact["sources"])
        for claim in fact.get("claims", []):
            start = end = None
            article = by_id.get(claim["article"])
            if article is not None and claim["quote"] in article.text:
                start = article.text.index(claim["quote"])
                end = start + len(claim["quote"])
            rows.append({
                "fact": fact["id"], "statement": fact["statement"], "when": str(fact.get("when", "")), "sources": sources,
                "article": claim["article"], "quote": claim["quote"], "relation": claim["relation"],
                "note": claim.get("note", ""), "start": start, "end": end,
            })
    frame = pd.DataFrame(rows, columns=REFERENCE_COLUMNS)
    return frame.astype({"start": "Int64", "end": "Int64"})
