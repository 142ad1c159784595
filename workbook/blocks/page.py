"""A web page pasted whole ("select all, copy, paste"): find the article among the page's clutter.

Such a paste holds the page's menus, account and share lines, related headlines and
footers around the article. These rules are general (layout, length, position; the
phrases in ``data/boilerplate.txt``), never written for one site:

* **the article's core** is the longest run of prose paragraphs (12 words or more
  ending like a sentence, or 25 words or more), allowing short gaps between them
  (a subheading, a caption, a share line);
* a text is a **page paste** when ten blocks or more come before that core, most of them
  short lines (a menu); other texts are left to the ordinary rules;
* **the headline** is found in the lines just before the core: a title-like line that
  the page repeats, else the title-like line nearest before the first byline, date line
  or photo credit, else the last title-like line before the core;
* what comes before the headline, and what follows the core, is **boilerplate**; between
  the headline and the core, a name on its own is the byline, one longer line is the
  standfirst, and other short lines are boilerplate.

Lines that are program code or markup (a page's scripts shown as text) are boilerplate
wherever they are.
"""

from __future__ import annotations

import re

from workbook.dates import MONTH, find_line_date
from workbook.blocks.segmenting import _BYLINE_NAME, _CLOSERS, _TERMINAL, _is_headline_candidate, word_count

#: Prose paragraphs further apart than this many blocks belong to different runs.
GAP = 12
#: Blocks before the core (at least) for a text to count as a page paste.
MIN_HEADER_BLOCKS = 8
#: ... and at least this many of them short lines (a menu).
MIN_MENU_LINES = 6
#: How far before the core the headline is looked for.
HEADER_WINDOW = 16
#: ... and this far into it (a page's sign-up or consent text can look like prose).
AFTER_CORE_START = 8
_NAME_WORD = r"(?:[A-Z][a-z'’.-]+|[A-Z]\.|[A-Z]{2,}|de|da|van|von|der|al|bin)"
_BARE_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")
_CODE = re.compile(
    r"\s*(?:[{}\[\]();,]+\s*$|\"[@$\w-]+\"\s*:|'[@$\w-]+'\s*:|[A-Za-z_$][\w$]*\s*:\s*['\"\d\[{]"
    r"|(?:var|let|const|function|return|if|window|document)\b[^.!?]*[=({;]|[\w$.]+\s*(?:\(|=[^=]).*[;{]\s*$"
    r"|}\)?;?\s*$|<\w+[^>]*>.*</?\w+[^>]*>)"
)
_GLUED_DATE = re.compile(rf"(?:{MONTH})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTH})\s+\d{{4}}", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_TRAILING_SMALL_WORD = re.compile(r"\b(?:by|of|the|and|to|with|for|in|on|a|an|from|is)\s*$", re.IGNORECASE)


def is_code_or_markup(text: str) -> bool:
    """True for a line of program code or markup shown as text (a script, JSON, a tracking pixel).

    >>> is_code_or_markup('"headline": "A title",'), is_code_or_markup("window._q = window._q || [];")
    (True, True)
    >>> is_code_or_markup("The minister said: “We will win.”")
    False
    """
    text = text.strip()
    if not text:
        return False
    tags = _TAG.findall(text)
    if tags and sum(len(tag) for tag in tags) >= 0.4 * len(text):
        return True
    return _CODE.match(text) is not None and not text[-1:] in ".!?”’\"" or text in ("{", "}", "});", "};", "]")


_CONSENT = re.compile(
    r"\bcookies?\b.{0,300}\b(?:accept|consent|agree|privacy|personal data|browsing experience|partners|preferences)\b"
    r"|\b(?:accept|consent|agree|privacy|personal data|process and share)\b.{0,300}\bcookies?\b"
    r"|\b(?:process|share|collect)\b.{0,40}\bpersonal data\b",
    re.IGNORECASE | re.DOTALL,
)


def is_consent_notice(text: str) -> bool:
    """True for a cookie or data-consent notice ("We use cookies to ... By clicking accept ...")."""
    if len(text) > 1500:
        return False
    lower = text.lower()
    return ("cookie" in lower or "personal data" in lower) and _CONSENT.search(text) is not None


def is_prose(text: str, words: int | None = None) -> bool:
    """A paragraph of the article's running text: 25 words or more, or 12 or more ending like a sentence.

    `words` is the text's word count, when the caller has it.
    """
    if words is None:
        words = word_count(text)
    return words >= 25 or (words >= 12 and text.rstrip(_CLOSERS)[-1:] in _TERMINAL)


def _title_like(text: str) -> bool:
    words = word_count(text)
    return (
        not text[:3].lower() == "by "
        and find_line_date(text) is None
        and not _GLUED_DATE.search(text)
        and 4 <= words <= 30
        and _is_headline_candidate(text)
        and "|" not in text
        and not _TRAILING_SMALL_WORD.search(text)
        and not text.endswith((":", "…", "..."))
    )


def article_core(texts: list[str], roles: list[str | None], words: list[int] | None = None) -> tuple[int, int] | None:
    """(first, last) block of the longest run of prose paragraphs, or None when there is no prose.

    `words` holds each text's word count, when the caller has them.
    """
    words = _word_counts(texts, words)
    prose = [i for i, text in enumerate(texts) if roles[i] is None and is_prose(text, words[i])]
    if not prose:
        return None
    code = [0] * (len(texts) + 1)  # code lines (a program listed in the article) do not part two runs
    for i, text in enumerate(texts):
        code[i + 1] = code[i] + (1 if roles[i] == "boilerplate" and is_code_or_markup(text) else 0)
    runs: list[list[int]] = [[prose[0]]]
    for index in prose[1:]:
        previous = runs[-1][-1]
        if index - previous - (code[index] - code[previous]) <= GAP:
            runs[-1].append(index)
        else:
            runs.append([index])
    best = max(runs, key=lambda run: sum(len(texts[i]) for i in run))
    return best[0], best[-1]


def is_page_paste(
    texts: list[str], roles: list[str | None], core: tuple[int, int], words: list[int] | None = None
) -> bool:
    """True when many short lines (a page's menus) come before the article's core."""
    before = core[0]
    if before < MIN_HEADER_BLOCKS:
        return False
    words = _word_counts(texts, words)
    short = sum(1 for count in words[:before] if count <= 4)
    return short >= MIN_MENU_LINES and short >= 0.5 * before


def _choose_headline(texts: list[str], roles: list[str | None], core_start: int, core_end: int) -> int | None:
    start = max(0, core_start - HEADER_WINDOW)
    window = range(start, min(core_end, core_start + AFTER_CORE_START))
    candidates = [i for i in window if roles[i] is None and _title_like(texts[i])]
    if not candidates:
        return None
    markers = [i for i in window if roles[i] in ("byline", "dateline", "credit", "caption")]
    for marker in markers:
        before = [i for i in candidates if i < marker and marker - i <= 5]
        if before:
            unpunctuated = [i for i in before if not texts[i].rstrip(_CLOSERS).endswith(".")]
            return (unpunctuated or before)[-1]
    candidates = [i for i in candidates if i < core_start]
    if not candidates:
        return None
    seen = [texts[i].casefold() for i in range(max(0, start - 30), core_start)]
    repeated = [i for i in candidates if seen.count(texts[i].casefold()) >= 2]
    if repeated:
        return repeated[0]
    unpunctuated = [i for i in candidates if not texts[i].rstrip(_CLOSERS).endswith(".")]
    return (unpunctuated or candidates)[-1]


def _long_byline(text: str) -> bool:
    """ "By Jane Doe, a deputy editor who covers ..." (a byline with the writer's job after a comma)."""
    if not text[:3].lower() == "by " or len(text) > 300:
        return False
    match = _BYLINE_NAME.match(text)
    if match is None:
        return False
    name = match["name"].rstrip()
    return len(name.rstrip(" ,").split()) >= 2 and (name.endswith(",") or text[match.end():].lstrip().startswith(","))


def _word_counts(texts: list[str], words: list[int] | None) -> list[int]:
    """`words` when the caller counted them, else each text's word count."""
    return words if words is not None else [word_count(text) for text in texts]


def mark_page(texts: list[str], roles: list[str | None], words: list[int] | None = None) -> int | None:
    """Mark a page paste's clutter as boilerplate; return the headline's index.

    Returns None (and changes nothing but code lines) when the text is not a page paste.
    `words` holds each text's word count, when the caller has them.
    """
    words = _word_counts(texts, words)
    for index, text in enumerate(texts):
        if roles[index] is None and (is_code_or_markup(text) or is_consent_notice(text)):
            roles[index] = "boilerplate"
    core = article_core(texts, roles, words)
    if core is None or not is_page_paste(texts, roles, core, words):
        return None
    core_start, core_end = core
    headline = _choose_headline(texts, roles, core_start, core_end)
    if headline is not None and headline >= core_start:
        core_start = next(
            (i for i in range(headline + 1, core_end + 1) if is_prose(texts[i], words[i]) and roles[i] is None),
            core_end,
        )
    first = headline if headline is not None else core_start
    for index in range(first):
        roles[index] = "boilerplate"
    for index in range(core_end + 1, len(texts)):
        if roles[index] != "boilerplate":
            roles[index] = "boilerplate"
    if headline is None:
        return None
    roles[headline] = "headline"
    title = texts[headline].casefold()
    has_byline = any(roles[i] == "byline" for i in range(headline + 1, core_start))
    has_standfirst = False
    for index in range(headline + 1, core_start):
        text = texts[index]
        if roles[index] is not None:
            continue
        if text.casefold() == title:
            roles[index] = "boilerplate"
        elif not has_byline and (_long_byline(text) or (index - headline <= 3 and _BARE_NAME.fullmatch(text))):
            roles[index] = "byline"
            has_byline = True
        elif not has_standfirst and not has_byline and index - headline <= 3 and words[index] >= 8:
            roles[index] = "standfirst"
            has_standfirst = True
        else:
            roles[index] = "boilerplate"
    if not has_byline:  # "By Jane Doe, a deputy editor who ..." printed under the standfirst, inside the text
        for index in range(core_start, min(core_end, core_start + 3)):
            if roles[index] is None and _long_byline(texts[index]):
                roles[index] = "byline"
                break
    _mark_asides(texts, roles, headline + 1, core_end, words)
    return headline


def _mark_asides(texts: list[str], roles: list[str | None], start: int, end: int, words: list[int]) -> None:
    """Inside the article, a short line that does not lead into a paragraph (a related headline, a
    "Recommended" box, a menu left inside the text) is boilerplate; one before a paragraph may be a
    subheading and is left to the ordinary rules."""
    for index in range(start, end):
        text = texts[index]
        if (roles[index] is not None or is_prose(text, words[index])
                or text.rstrip(_CLOSERS)[-1:] in _TERMINAL and words[index] >= 6):
            continue
        following = next((j for j in range(index + 1, end + 1) if roles[j] != "boilerplate"), None)
        if following is None or not is_prose(texts[following], words[following]) or roles[following] is not None:
            roles[index] = "boilerplate"
