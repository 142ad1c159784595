"""Segmentation: blocks from lines, and the rules that give each block its role (see `workbook.blocks`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from workbook.dates import find_line_date, is_date_line, parse_date_line

ROLES = (
    "headline", "dateline", "byline", "caption", "credit", "standfirst",
    "subheading", "body", "sources_heading", "source", "boilerplate",
)


@dataclass(frozen=True)
class Block:
    """One paragraph-like block: its position in the article text and its role.

    `duplicate_of` is the index of an earlier block this one repeats word for
    word (a caption printed twice), or None.
    """

    index: int
    start: int
    end: int
    text: str
    role: str
    duplicate_of: int | None = None


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|der|de|da|van|von|al|bin|and|&|,))*"
# The name once after either opening (the same strings as the name after each): half the pattern to compile.
# Only the opening words ignore case ("BY", "Written by"): the name's words must start with capitals, so
# "- Andriy Yermak says talks are the final step" (a bullet point) is not read as a byline.
_BYLINE_OPENING = r"(?:(?i:by:?|written by|words by|author:?|reporting by)\s+|[—–-]\s*)"
_BYLINE = re.compile(rf"{_BYLINE_OPENING}{_NAME}(?:\s*[,|]\s*[\w ]{{2,40}})?")
_BYLINE_NAME = re.compile(rf"{_BYLINE_OPENING}(?P<name>{_NAME})")
_MONTH_WORDS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                "oct", "nov", "dec")
_CREDIT_PREFIX = re.compile(
    r"(?:(?:AP|AFP|Reuters|EPA|Getty Images|TASS|Sputnik|Anadolu|Xinhua|DPA|Ukrinform|[A-Z][A-Za-z]+)\s*Photos?\s*/\s*"
    r"|(?:Photo|Photograph|Picture|Image)s?(?:\s+credit)?\s*(?:by|:|/)\s*"
    r"|(?:Credit|Source|Photo credit)\s*:\s*)",
)
_CREDIT_NAME = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,4}")
_SOURCES_HEADING = re.compile(
    r"(?:sources?|references?|notes|end ?notes|footnotes|bibliography|works cited|further reading|"
    r"fuentes|referencias|notas|quellen|sources et notes)\s*:?",
    re.IGNORECASE,
)
_NUMBERED_ITEM = re.compile(r"\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s*\S")
_URL = re.compile(r"https?://\S+|www\.\S+")
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"
_INNER_SENTENCE_BREAK = re.compile(r"[.!?][”’\"')\]]*\s+[A-Z“\"‘]")


@lru_cache(maxsize=1)
def _boilerplate_lines() -> tuple[str, ...]:
    """The patterns in ``data/boilerplate.txt``, one a line (blank lines and ``#`` comments left out)."""
    text = resources.files("workbook").joinpath("data/boilerplate.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The website-boilerplate patterns from ``data/boilerplate.txt``."""
    return tuple(re.compile(line, re.IGNORECASE) for line in _boilerplate_lines())


@lru_cache(maxsize=1)
def _boilerplate_pattern() -> re.Pattern[str]:
    """All boilerplate patterns as one expression (one pass in C instead of one per pattern).

    Made from the lines themselves: compiling each pattern on its own first cost as much
    again at every start of the command line.
    """
    return re.compile("|".join(f"(?:{line})" for line in _boilerplate_lines()), re.IGNORECASE)


def is_boilerplate(text: str) -> bool:
    """True when the whole of `text` matches a boilerplate pattern."""
    text = text.strip()
    return len(text) <= 200 and _boilerplate_pattern().fullmatch(text) is not None


#: "Image caption ...", "Media caption ...": the caption label some pages print before it.
_CAPTION_LABEL = re.compile(r"(?:image|media|video|photo|picture)\s+caption\b", re.IGNORECASE)
#: A photo agency or a photographer's credit at the end of a short line: "JANE DOE/AFP/Getty Images",
#: "Reuters/Jane Doe", "(Photo by Jane Doe)", "Photograph: Jane Doe for the Paper", "Image copyright X".
_AGENCY = r"(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock|Alamy|PA(?: Images| Wire)?|Bloomberg|Corbis|iStock|Xinhua|TASS|Sputnik|Anadolu)"
_CREDIT_END = re.compile(
    rf"(?:.*?[\s/(])?(?:{_AGENCY}(?:\s*(?:/|via)\s*{_AGENCY})*"
    rf"|{_AGENCY}\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}"
    rf"|\(?(?:photo|photograph|picture|image)s?(?:\s+credit)?\s*(?:by|:)\s*[^()]{{2,80}}\)?)\s*\)?\.?",
    re.IGNORECASE,
)
_CREDIT_CUE = re.compile(rf"{_AGENCY}|photo|photograph|picture|image", re.IGNORECASE)
#: What `_CREDIT_CUE` looks for, in lower case: ``PA Images`` and ``photograph`` contain ``pa`` and ``photo``.
_CREDIT_CUE_WORDS = (
    "getty images", "afp", "reuters", "ap", "epa", "shutterstock", "alamy", "pa", "bloomberg", "corbis", "istock",
    "xinhua", "tass", "sputnik", "anadolu", "photo", "picture", "image",
)
#: The only characters outside ASCII that a case-blind regex takes for an ASCII letter (İ, ı, ſ and the
#: Kelvin sign), and the only ones whose ``str.lower()`` is ASCII or longer than one character.
_ASCII_LETTER_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _has_credit_cue(text: str) -> bool:
    """True when `text` holds an agency's name or "photo", "picture", "image" in any case.

    The same answer as ``_CREDIT_CUE.search(text)``, found with substring tests on the lowered
    text: a case-blind regex with twenty alternatives tries each of them at every position, about
    ten times slower. The regex still decides a text that holds one of the twin letters.
    """
    if not text.isascii() and any(twin in text for twin in _ASCII_LETTER_TWINS):
        return _CREDIT_CUE.search(text) is not None
    lowered = text.lower()
    return any(word in lowered for word in _CREDIT_CUE_WORDS)
#: The agencies `_AGENCY` names, in lower case, with its longer forms ("pa images").
_AGENCY_WORDS = (
    "getty images", "afp", "reuters", "ap", "epa", "shutterstock", "alamy", "pa images", "pa wire", "pa",
    "bloomberg", "corbis", "istock", "xinhua", "tass", "sputnik", "anadolu",
)


def _may_end_with_credit(text: str) -> bool:
    """False only when ``_CREDIT_END.fullmatch(text)`` cannot match, found without the regex.

    Each of the pattern's three forms of credit needs one of these: a "/" (an agency, a slash
    and a name: "Reuters/Jane Doe"), a photo word ("photo", "picture", "image": "Photograph by
    Jane Doe"), or an agency's name right at the end, before at most white space, one ")" and
    one "." ("... Getty Images)."). A case-blind regex tried at every place before the end costs
    about 20 microseconds on a paragraph; these tests a small part of that. A text holding a twin
    letter (İ, ı, ſ, the Kelvin sign) is left to the regex.
    """
    if "/" in text or (not text.isascii() and any(twin in text for twin in _ASCII_LETTER_TWINS)):
        return True
    lowered = text.lower()
    if "photo" in lowered or "picture" in lowered or "image" in lowered:
        return True
    end = len(lowered)
    if lowered.endswith("."):
        end -= 1
    if lowered.endswith(")", 0, end):
        end -= 1
    return lowered[:end].rstrip().endswith(_AGENCY_WORDS)


_CREDIT_WORD = re.compile(r"(?:credit|image copyright|copyright|\(all photos?:?)\s*:?\s+\S.{0,60}", re.IGNORECASE)
_RELATIVE_TIME = re.compile(r"\b\d{1,3}\s*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)\b(?:\s+ago)?", re.IGNORECASE)
_SEPARATOR = re.compile(r"[\s,|•·–—-]+")


def is_caption(text: str, words: int | None = None) -> bool:
    """True for a line a page marks as a caption ("Image caption ...", "Media caption ..."),
    or a caption with its photo credit at the end ("Protesters in Kyiv. Photograph: Jane Doe").

    `words` is ``word_count(text)`` when the caller has counted them already (white space around
    the text changes no count), so the text is not split again.
    """
    text = text.strip()
    if _CAPTION_LABEL.match(text):
        return True
    if len(text) > 300 or (word_count(text) if words is None else words) <= 5 or not _has_credit_cue(text[-80:]):
        return False
    return _may_end_with_credit(text) and _CREDIT_END.fullmatch(text) is not None


#: " by " between a date (and time) and a name: "February 28, 2022 1:20 pm by Jane Doe".
_BY_AFTER_DATE = re.compile(r"\s+(?=by\s+[A-Z])", re.IGNORECASE)


def _date_then_byline(text: str) -> str | None:
    """The byline part of "February 28, 2022 1:20 pm by Jane Doe" (a date, then "by" and a name)."""
    split = _BY_AFTER_DATE.search(text)
    if split is None or split.start() == 0:
        return None
    head, tail = text[: split.start()], text[split.end():]
    return tail if parse_date_line(head) is not None and is_byline(tail) else None


def byline_with_date(text: str) -> bool:
    """True for a byline run into a date or an age: "By JANE DOE JAN. 13, 2017", "Jane Doe - Apr 16, 2015
    8:02 pm UTC", "Jane Doe 1 day ago"."""
    text = text.strip()
    if len(text) > 100 or not any(map(str.isdigit, text)):
        return False
    if _date_then_byline(text):
        return True
    found = find_line_date(text)
    if found is not None:
        head, tail = text[: found[1]], text[found[1]:]
        if parse_date_line(tail) is None:
            return False
    else:
        relative = _RELATIVE_TIME.search(text)
        if relative is None or text[relative.end():].strip():
            return False
        head = text[: relative.start()]
    head = _SEPARATOR.sub(" ", head).strip()
    if not head:
        return False
    return is_byline(head) or re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}", head) is not None


_ROLE_NOTE = re.compile(r"\s*\([a-z][a-z ]{1,28}\)")  # "Jane Doe (reporting) and John Roe (photography)"


def is_byline(text: str) -> bool:
    """True for "By Jane Doe", "—Jane Doe", "Written by Jane Doe and John Roe"."""
    if len(text) > 100:
        return False
    text = _ROLE_NOTE.sub("", text.strip())
    return len(text) <= 80 and _BYLINE.fullmatch(text) is not None


def byline_name(text: str) -> str | None:
    """The author's name in a byline, without "By" or the dash, and without a date run onto it."""
    text = text.strip()
    text = _date_then_byline(text) or text
    found = find_line_date(text)
    if found is not None and found[1] > 0:
        text = text[: found[1]]
    else:
        relative = _RELATIVE_TIME.search(text)
        if relative is not None and not text[relative.end():].strip() and relative.start() > 0:
            text = text[: relative.start()]
    text = _SEPARATOR.sub(" ", text).strip() if not _BYLINE_NAME.match(text) else _ROLE_NOTE.sub("", text)
    match = _BYLINE_NAME.match(text)
    if match:
        name = match["name"].strip(" ,")
        words = name.split()
        while len(words) > 2 and words[-1].lower().rstrip(".") in _MONTH_WORDS:
            words.pop()
        return " ".join(words)
    if re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}", text):
        return text
    return None


def is_credit(text: str) -> bool:
    """True for a photo or image credit line such as "AP Photo/Jane Doe", "Getty Images",
    "Reuters/Jane Doe", "Photo: Jane Doe", "(Photo by Jane Doe)", "Credit Jane Doe"."""
    text = text.strip()
    if len(text) > 80 or len(text.split()) > 10:
        return False
    if _CREDIT_PREFIX.match(text):
        return True
    if len(text.split()) <= 6 and (_CREDIT_WORD.fullmatch(text) or (_has_credit_cue(text) and _CREDIT_END.fullmatch(text))):
        return _has_credit_cue(text) or bool(re.match(r"\(?(?:credit|image copyright|copyright)", text, re.IGNORECASE))
    return False


def word_count(text: str) -> int:
    return len(text.split())


# --- lines and paragraph groups --------------------------------------------------


def _line_groups(text: str) -> list[list[tuple[int, int]]]:
    """(start, end) spans of non-blank lines, grouped into runs between blank lines."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            left = position + (len(line) - len(line.lstrip()))
            current.append((left, left + len(stripped)))
        elif current:
            groups.append(current)
            current = []
        position += len(line) + 1
    if current:
        groups.append(current)
    return groups


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when a group of lines looks like one paragraph wrapped at a fixed width."""
    if len(lines) < 2:
        return False
    lengths = [end - start for start, end in lines]
    widest = max(lengths)
    if widest > 100 or widest < 40:
        return False
    special = any(
        is_date_line(text[s:e]) or is_byline(text[s:e]) or is_credit(text[s:e]) or is_boilerplate(text[s:e])
        for s, e in lines
    )
    return not special and sum(length >= 0.6 * widest for length in lengths[:-1]) >= len(lengths[:-1]) * 0.7


def _wrapped_paragraphs(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join hard-wrapped lines, starting a new paragraph after a short final line."""
    widest = max(end - start for start, end in lines)
    spans: list[tuple[int, int]] = []
    start = lines[0][0]
    for (line_start, line_end), following in zip(lines, lines[1:] + [None]):
        length = line_end - line_start
        next_word = len(text[following[0]:following[1]].split(" ", 1)[0]) if following is not None else 0
        ends_paragraph = following is None or (
            text[line_end - 1] in _TERMINAL + _CLOSERS
            and (length < 0.6 * widest or length + 1 + next_word <= widest)  # the next word would have fitted
        )
        if ends_paragraph:
            spans.append((start, line_end))
            if following is not None:
                start = following[0]
    return spans


def _is_special(text: str) -> bool:
    """A line that stands alone even inside hard-wrapped text: a date, byline, credit or boilerplate."""
    return is_date_line(text) or is_byline(text) or is_credit(text) or is_boilerplate(text)


def _raw_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for lines in _line_groups(text):
        if _is_hard_wrapped(text, lines):
            spans.extend(_wrapped_paragraphs(text, lines))
        elif len(lines) >= 4:
            spans.extend(_wrapped_runs(text, lines))
        else:
            spans.extend(lines)
    return spans


def _wrapped_runs(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A group whose header lines (headline, byline, date) run straight into hard-wrapped text:
    the lines before the last special or short line stand alone, the wrapped run after them is
    re-flowed. Only a run of four lines or more, most of them near one width, counts as wrapped."""
    cut = 0
    for index, (start, end) in enumerate(lines):
        if _is_special(text[start:end]) or (index < len(lines) - 1 and end - start < 35 and index <= 3):
            cut = index + 1
    run = lines[cut:]
    if len(run) < 4 or not _is_hard_wrapped(text, run):
        return list(lines)
    return list(lines[:cut]) + _wrapped_paragraphs(text, run)


def _split_credit(text: str, start: int, end: int, earlier: list[str]) -> list[tuple[int, int]]:
    """Split "AP Photo/Jane DoeProtesters march..." into the credit and the rest."""
    line = text[start:end]
    prefix = _CREDIT_PREFIX.match(line)
    if prefix is None or len(line) <= 80:
        return [(start, end)]
    cut = None
    for previous in earlier:
        if len(previous) > 20:
            found = line.find(previous, prefix.end())
            if found > prefix.end():
                cut = found
                break
    if cut is None:
        name = _CREDIT_NAME.match(line, prefix.end())
        joined = re.compile(r"[a-z.][A-Z][a-z]").search(line, prefix.end(), name.end() if name else len(line))
        if joined is None:
            return [(start, end)]
        cut = joined.start() + 1
    return [(start, start + cut), (start + cut, end)]


# --- roles ---------------------------------------------------------------------------


_CONNECTIVE = re.compile(
    r"(?:but|and|or|so|yet|still|meanwhile|however|finally|instead|also|then|now|indeed|of course)\b",
    re.IGNORECASE,
)


def _subheading_strength(
    text: str, following: str | None, words: int | None = None, following_words: int | None = None
) -> str | None:
    """'strong' for a short unpunctuated line before a longer paragraph, 'weak' for a
    short single sentence ending in '.', '?' or '!' there, None otherwise.

    A weak one counts as a subheading only in an article that has strong ones: many
    news articles have one-sentence paragraphs, but they only read as headings in an
    article that uses headings. `words` and `following_words` are the two texts' word
    counts, when the caller has them.
    """
    if words is None:
        words = word_count(text)
    if words == 0 or words > 16 or following is None:
        return None
    if text.rstrip(_CLOSERS)[-1:] in (",", ";", ":", "") or not (text[0].isupper() or text[0].isdigit()):
        return None
    if _INNER_SENTENCE_BREAK.search(text) or _URL.search(text):
        return None
    if following_words is None:
        following_words = word_count(following)
    if following_words < 25 or following_words < 2 * words:
        return None
    if text.rstrip(_CLOSERS)[-1] not in _TERMINAL:
        return "strong"
    return None if _CONNECTIVE.match(text) else "weak"


def _is_headline_candidate(text: str) -> bool:
    """Short, one line, no closing comma or colon; a full stop only on a single short sentence."""
    words = word_count(text)
    if not 0 < words <= 25 or text[-1] in ",;:" or _URL.search(text):
        return False
    return text[-1] != "." or (words <= 20 and not _INNER_SENTENCE_BREAK.search(text))


def segment(text: str, hints: tuple[tuple[int, int, str], ...] = ()) -> list[Block]:
    """Split normalised article text into `Block` objects with roles.

    `hints` are (start, end, role) spans whose role the file itself states (a web page's
    ``<h2>``, a Word "Heading" style, see `workbook.formats`). A hinted block takes that
    role, except that a block hinted only as ``body`` keeps a role the rules found for it
    (a boilerplate, credit, date or byline line inside a web page's main text). When a
    headline is hinted, the rules do not look for another one.
    """
    spans: list[tuple[int, int]] = []
    run_into_credit: set[int] = set()
    for start, end in _raw_spans(text):
        pieces = [(start, end)]
        if end - start > 80 and _CREDIT_PREFIX.match(text, start):  # rare: only then look at earlier blocks
            pieces = _split_credit(text, start, end, [text[s:e] for s, e in spans])
        if len(pieces) == 2:
            run_into_credit.add(len(spans) + 1)
        spans.extend(pieces)

    texts = [text[s:e] for s, e in spans]
    words = [word_count(block_text) for block_text in texts]  # counted once: several rules below ask
    roles: list[str | None] = [None] * len(spans)
    for index in run_into_credit:
        roles[index] = "caption"  # text printed straight after a photo credit is its caption
    duplicate_of: list[int | None] = [None] * len(spans)

    seen: dict[str, int] = {}
    for index, block_text in enumerate(texts):
        if words[index] >= 6 and block_text in seen:
            duplicate_of[index] = seen[block_text]
        seen.setdefault(block_text, index)

    for index, block_text in enumerate(texts):
        if is_boilerplate(block_text):
            roles[index] = "boilerplate"
        elif is_date_line(block_text) or (index and roles[index - 1] == "dateline" and _TIME_ALONE.fullmatch(block_text)):
            roles[index] = "dateline"  # a time alone on the line after the date belongs to it ("19:57")
        elif is_byline(block_text) or byline_with_date(block_text):
            roles[index] = "byline"
        elif is_credit(block_text):
            roles[index] = "credit"
        elif is_caption(block_text, words[index]):
            roles[index] = "caption"

    hinted_headline = _apply_hints(spans, roles, hints) if hints else None
    page_headline = None
    if not hints:
        from workbook.blocks.page import mark_page

        page_headline = mark_page(texts, roles, words)
    _mark_sources(texts, roles)
    _mark_link_lists(texts, roles)
    _mark_trailing_boilerplate(texts, roles)
    if hinted_headline is not None:
        headline = hinted_headline
    elif page_headline is not None:
        headline = page_headline
    else:
        headline = _mark_header(texts, roles, duplicate_of)

    next_open: list[int | None] = [None] * len(texts)  # the next block still without a role, found in one pass
    upcoming = None
    for index in range(len(texts) - 1, -1, -1):
        next_open[index] = upcoming
        if roles[index] is None:
            upcoming = index
    strength: dict[int, str | None] = {}
    for index, block_text in enumerate(texts):
        if roles[index] is None and index > headline:
            following = next_open[index]
            strength[index] = (
                _subheading_strength(block_text, None, words[index]) if following is None
                else _subheading_strength(block_text, texts[following], words[index], words[following])
            )
    uses_headings = "strong" in strength.values()
    # a caption printed twice, once plain and once with its credit run on ("... on Saturday © Jane Doe/AP"):
    # the plain copy just before it is the caption too, not the article's text
    captioned_later = {
        j for i, role in enumerate(roles) if role == "caption"
        for j in range(max(0, i - 2), i) if words[j] >= 6 and texts[i].startswith(texts[j].strip())
    }
    for index in range(len(texts)):
        if roles[index] is not None:
            continue
        if duplicate_of[index] is not None and roles[duplicate_of[index]] == "caption":
            roles[index] = "caption"
        elif index in captioned_later:
            roles[index] = "caption"  # the photo's caption printed once before its credited copy
        elif strength.get(index) == "strong" or (uses_headings and strength.get(index) == "weak"):
            roles[index] = "subheading"
        else:
            roles[index] = "body"

    return [
        Block(index, start, end, texts[index], roles[index] or "body", duplicate_of[index])
        for index, (start, end) in enumerate(spans)
    ]


def _apply_hints(spans: list[tuple[int, int]], roles: list[str | None], hints: tuple[tuple[int, int, str], ...]) -> int | None:
    """Give hinted blocks their roles; return the hinted headline's index (None when none is hinted)."""
    by_span = {(start, end): role for start, end, role in hints}
    headline = None
    for index, span in enumerate(spans):
        role = by_span.get(span)
        if role is None or role not in ROLES:
            continue
        if role == "body" and roles[index] is not None:
            continue
        if role == "headline":
            if headline is not None:
                role = "subheading"
            else:
                headline = index
        roles[index] = role
    return headline


def _mark_sources(texts: list[str], roles: list[str | None]) -> None:
    """A "Sources" heading and the items after it, until boilerplate."""
    for index, block_text in enumerate(texts):
        if roles[index] is None and _SOURCES_HEADING.fullmatch(block_text.strip()):
            following = [j for j in range(index + 1, len(texts)) if roles[j] != "boilerplate"]
            if not following:
                return
            first = texts[following[0]]
            if not (_NUMBERED_ITEM.match(first) or _URL.search(first)):
                continue
            roles[index] = "sources_heading"
            for j in range(index + 1, len(texts)):
                if roles[j] == "boilerplate":
                    break
                item = texts[j]
                if _NUMBERED_ITEM.match(item) or _URL.search(item) or word_count(item) <= 40:
                    roles[j] = "source"
                else:
                    break
            return


#: A list item's mark at the start of a line ("- ", "• ", "* ", "– ").
_LIST_ITEM = re.compile(r"[-•*–]\s+\S")


def _mark_link_lists(texts: list[str], roles: list[str | None]) -> None:
    """The list of links under a boilerplate heading ("Read also:", "Related:") is boilerplate too,
    however long each headline is: "- Ten confirmed dead after tour boat sank" is a link, not news."""
    for index, block_text in enumerate(texts):
        if roles[index] != "boilerplate" or not block_text.rstrip().endswith(":"):
            continue
        following = index + 1
        while following < len(texts) and roles[following] is None and _LIST_ITEM.match(texts[following]):
            roles[following] = "boilerplate"
            following += 1


def _mark_trailing_boilerplate(texts: list[str], roles: list[str | None]) -> None:
    """Short lines after boilerplate at the end of the page are boilerplate too."""
    first = next((i for i, role in enumerate(roles) if role == "boilerplate" and i >= len(roles) // 2), None)
    if first is None:
        return
    for index in range(first + 1, len(texts)):
        if roles[index] is None and word_count(texts[index]) <= 8:
            roles[index] = "boilerplate"
        elif (roles[index] is None and index + 1 < len(texts) and roles[index + 1] == "dateline"
              and word_count(texts[index]) <= 25 and not texts[index].rstrip(_CLOSERS).endswith(".")):
            # "MORE ABOUT" then headlines, each over its time ("18:58, 04.12.2025"): a list of links
            roles[index] = "boilerplate"
    for index in range(first + 1, len(texts)):
        if roles[index] == "dateline" and roles[index - 1] == "boilerplate":
            roles[index] = "boilerplate"  # the time of a linked headline, not the article's date


#: A clock time alone on a line: "19:57", "7:05 pm", "10.30 a.m. EST".
_TIME_ALONE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?))?(?:\s+[A-Z]{2,4})?", re.IGNORECASE)
#: A site's name, a section or a line of tags printed before the headline is at most this many words.
KICKER_WORDS = 3


def _is_kicker(texts: list[str], roles: list[str | None], index: int) -> bool:
    """A short line at the top ("Espreso. Global", "OPINION", "Zelensky Putin") with a longer
    headline-like line (5 to 20 words, one sentence with no closing full stop) among the next two
    open lines: a site's name, a section or tags, printed before the real headline."""
    if index > 4 or word_count(texts[index]) > KICKER_WORDS:
        return False
    following = [i for i in range(index + 1, min(len(texts), index + 3)) if roles[i] is None]
    return any(
        5 <= word_count(texts[i]) <= 20 and _is_headline_candidate(texts[i])
        and not texts[i].rstrip(_CLOSERS).endswith(".") and not _INNER_SENTENCE_BREAK.search(texts[i])
        for i in following
    )


def _mark_header(texts: list[str], roles: list[str | None], duplicate_of: list[int | None]) -> int:
    """Find the headline and the standfirst or captions around the byline.

    Returns the headline's index (-1 when there is none).
    """
    headline = next((i for i, role in enumerate(roles) if role is None), None)
    while headline is not None and _is_kicker(texts, roles, headline):
        roles[headline] = "boilerplate"
        headline = next((i for i in range(headline + 1, len(roles)) if roles[i] is None), None)
    if headline is None or headline > 4 or not _is_headline_candidate(texts[headline]):
        return -1
    roles[headline] = "headline"

    window = range(headline + 1, min(len(texts), headline + 10))
    markers = [i for i in window if roles[i] in ("byline", "dateline", "credit")]
    header_end = max(markers) if markers else headline
    between = [i for i in range(headline + 1, header_end) if roles[i] is None]
    for index in between:
        next_to_credit = any(
            0 <= j < len(roles) and roles[j] == "credit" for j in (index - 1, index + 1)
        )
        if next_to_credit:
            roles[index] = "caption"
        elif len(between) <= 2:
            roles[index] = "standfirst"
    return headline
