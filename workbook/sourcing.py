"""Sourcing: who is quoted, who is cited, and how.

Four tables, each built from the article's blocks and sentences with general
rules and the word lists in ``workbook/data/sourcing/`` (each list says where it
comes from):

* `quotes` - one row per quotation (text between quotation marks), with its
  ``kind``: ``direct`` (someone's words, whole or partial), ``scare`` (the writer
  keeps a distance from a word: so-called "experts"), ``name`` (the title of a
  work, the name of a weapon, group or document), ``slogan`` or ``headline``
  (a quotation in the headline); and who said it.
* `attributions` - one row per attribution, with or without quotation marks:
  the source ("numerous analysts"), the cue ("say") and the content (what they
  are reported to have said), and a ``source_type``: ``person``,
  ``organization``, ``vague``, ``document`` or ``unknown``.
* `citations` - the source list's items, where each is cited in the body, body
  markers without an item, photo credits and agency credits.
* `summary` - one row per article with counts and shares, for comparisons.

Every row has a ``reason`` column: a plain-English sentence saying which rule
or list entry made the finding. The machine suggests; the learner judges.

>>> from workbook import article_from_text
>>> article = article_from_text(
...     "Rain ahead\\n\\n“We are ready,” Mayor Ann Lee, the city's leader, said on Monday. "
...     "The so-called “experts” disagreed.")
>>> quotes(article)[["text", "kind", "speaker", "speaker_description", "cue"]].values.tolist()
[['“We are ready,”', 'direct', 'Ann Lee', "Mayor; the city's leader", 'said'], ['“experts”', 'scare', <NA>, <NA>, <NA>]]

How quotation marks are paired (documented behaviour, never an error):

* curly (“ ” ‘ ’), straight (" ') and low („) marks, « », and two apostrophes
  ('') used for a double mark;
* a closing-looking mark between two letters (``Moscow’s``, ``don't``) is an
  apostrophe; after an ``s`` (``rulers’``) it is an apostrophe unless a single
  quotation is open and no later mark closes it (``‘the workers’ union’``);
* a curly mark typed the wrong way round at the start or end of a quotation is
  read by its position;
* a quotation inside a quotation is part of the outer one (only the outermost
  quotation becomes a row);
* a quotation that runs over a paragraph break is one quotation when the next
  paragraph opens with a quotation mark (the newspaper convention) or closes it;
* a mark that is never closed (unbalanced) is skipped: no row, no error.

How a speaker is found, in order (the ``reason`` column says which rule fired):
a slogan or scare word just before the quotation ("so-called", "the slogan");
a title written in capitals; a reporting verb right after the quotation with
the speaker beside it (“...,” Ann Lee, the mayor, said); a dash and a name after
it; "according to"; the nearest reporting verb before it in the same sentence,
whose subject is the speaker; a short clause ending in a colon; a quoted
sentence straight after someone's quotation continues their words. "he",
"she", "it", "who" and "which" are resolved to the person or organisation
named just before, and a later surname to the full name given earlier.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from workbook.articles import Article
from workbook.spans import frame_copy, records, span_frame

__all__ = [
    "quotes",
    "attributions",
    "citations",
    "summary",
    "quote_records",
    "attribution_records",
    "citation_records",
    "QUOTE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "CITATION_COLUMNS",
]

QUOTE_COLUMNS = {
    "kind": "string",
    "speaker": "string",
    "speaker_description": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue": "string",
    "reason": "string",
}
ATTRIBUTION_COLUMNS = {
    "source": "string",
    "source_start": "Int64",
    "source_end": "Int64",
    "source_type": "string",
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "reason": "string",
}
CITATION_COLUMNS = {
    "kind": "string",
    "marker": "string",
    "number": "Int64",
    "url": "string",
    "domain": "string",
    "language": "string",
    "cited": "boolean",
    "cited_at": "object",
    "reason": "string",
}

SUMMARY_COLUMNS = [
    "article", "label", "words", "quotes", "direct", "scare", "name", "slogan", "headline",
    "quotes_per_1000_words", "distinct_speakers", "attributions", "named_sources", "vague_sources",
    "document_sources", "named_share", "vague_share", "citations_listed", "citations_cited",
    "citations_uncited", "markers_without_item",
]

_LISTS = "workbook/data/sourcing"

# ---------------------------------------------------------------------------------------
# word lists
# ---------------------------------------------------------------------------------------


def _lines(name: str) -> list[str]:
    text = resources.files("workbook").joinpath(f"data/sourcing/{name}").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, str]  # form -> base form
    object_verbs: frozenset[str]  # base forms that take a listener ("told the press")
    quote_verbs: frozenset[str]  # base forms that report words only next to a quotation or a colon
    nouns: frozenset[str]  # saying-nouns: "claim", "warning" (in "Lee’s claim that ...")
    phrases: tuple[str, ...]
    vague_heads: frozenset[str]
    vague_phrases: tuple[str, ...]
    organisations: frozenset[str]
    organisation_phrases: tuple[str, ...]
    documents: frozenset[str]
    titles: frozenset[str]
    signals: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Read the word lists once."""
    verbs: dict[str, str] = {}
    object_verbs = set()
    quote_verbs = set()
    nouns = set()
    for line in _lines("reporting_verbs.txt"):
        words = line.split()
        if words[0] == "+noun":
            nouns.update(word.lower() for word in words[1:])
            continue
        if words[0] == "+object":
            words = words[1:]
            object_verbs.add(words[0])
        elif words[0] == "+quote":
            words = words[1:]
            quote_verbs.add(words[0])
        for word in words:
            verbs.setdefault(word.lower(), words[0].lower())
    vague = _lines("vague_sources.txt")
    organisations = [line.lower() for line in _lines("organisation_words.txt")]
    signals: dict[str, list[str]] = {}
    for line in _lines("quote_signals.txt"):
        kind, _, words = line.partition(":")
        signals.setdefault(kind.strip(), []).append(words.strip().lower())
    return _Lexicon(
        verbs=verbs,
        object_verbs=frozenset(object_verbs),
        quote_verbs=frozenset(quote_verbs),
        nouns=frozenset(nouns),
        phrases=tuple(line.lower() for line in _lines("cue_phrases.txt")),
        vague_heads=frozenset(w.lower() for w in vague if " " not in w),
        vague_phrases=tuple(w.lower() for w in vague if " " in w),
        organisations=frozenset(w for w in organisations if " " not in w),
        organisation_phrases=tuple(w for w in organisations if " " in w),
        documents=frozenset(w.lower() for w in _lines("document_words.txt")),
        titles=frozenset(w.lower() for w in _lines("titles.txt")),
        signals={kind: tuple(words) for kind, words in signals.items()},
    )


# ---------------------------------------------------------------------------------------
# tokens
# ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*|[^\w\s]")
_WORDS = re.compile(r"[a-z]+")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
_MARKS = re.compile(r"''|[\"“”‘’'«»„]")  # two apostrophes '' stand for a double mark in some archives
_OPEN_CONTEXT = " \n\t([{—–-/“‘«"
_TERMINAL = ".!?…"
_URL = re.compile(r"https?://[^\s<>\"”)\]]+|www\.[^\s<>\"”)\]]+")
_ITEM_MARKER = re.compile(r"\s*(?P<marker>\[(?P<a>\d{1,3})\]|\((?P<b>\d{1,3})\)|(?P<c>\d{1,3})[.)])\s*")
_BODY_MARKER = re.compile(r"\[(\d{1,3})\]|(?<=[\w.,;:!?”’\"'\s])\((\d{1,3})\)")
# "KYIV, May 3 (Reuters) — ...": a dateline with the agency in brackets, then a dash
_AGENCY_DATELINE = re.compile(r"^[^\n]{0,80}?\((?P<agency>[A-Z][A-Za-z.&]{1,14}(?: [A-Z][A-Za-z.&]+){0,2})\)\s*[—–-]{1,2}\s", re.MULTILINE)
_LANGUAGE_CODES = frozenset(
    "ar bg ca cs da de el en eo es et fa fi fr he hi hr hu hy id it ja ka kk ko lt lv nl no pl pt ro ru "
    "sk sl sr sv tr uk vi zh az be".split()
)

# Words that end a noun phrase when walking back from a cue.
_STOP = frozenset(
    """that which who whom whose when while as because if but or nor since after before where although
    though so then than is was were are be been being am has have had do does did will would can could
    should may might must shall to for in on at by with from into about against over under not no
    also however meanwhile instead yet why how what whether once until unless despite amid""".split()
)
# Words skipped between a subject and its cue ("has also said", "cynically called").
_SKIP = frozenset(
    """has have had is was were are am be been also later then again still just now today yesterday
    once often repeatedly reportedly previously recently already never even only first publicly
    privately will would can could should may might must did does do not had long always twice sometimes
    usually even""".split()
)
# Cue forms that are also nouns ("a state", "the report"): verbs only after a subject.
_NOUN_LIKE = frozenset(
    """state states report reports claim claims comment comments answer answers reply replies note notes
    demand demands promise promises tweet tweets estimate estimates remark remarks counter counters
    stress post posts pledge pledges vow vows record call calls charge charges label labels brand brands
    praise praises joke jokes cry cries blast blasts slam slams mock mocks caution cautions
    fear fears hope hopes doubt doubts worry worries""".split()
)
_DASH_NAME = re.compile(r"[ \t]*[―—–]\s*(?P<name>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,4})[ \t]*[.,]?[ \t]*(?=\n|$)")
# Words that start the short tail of "..., sources said on Monday." (not a new clause)
_TAIL_STARTS = frozenset(
    "on in at to during last this after before yesterday today tonight earlier later recently afterwards "
    "when while as in on of about from with".split()
)
_PHRASE_PREPOSITIONS = frozenset("of in at for from with on".split())
_OPENING_ADVERBS = frozenset(
    "then now later also still meanwhile however instead so yet but and thus finally again nor neither either or".split()
)
_BELIEF = frozenset("hope fear worry expect doubt think believe".split())
_PREPOSITIONS = frozenset("about of for without after before on in at with from into than".split())
_QUESTION = frozenset("how why what when where whether which".split())
_NOT_SOURCES = frozenset("nothing this these those there here all everything anything something".split())
# Verbs that are speech whatever the subject: an unresolved "it said" is still a source.
_SPEECH = frozenset("say state add note report write tell announce claim explain warn confirm deny respond reply".split())
_OWNERS = {"his": "he", "her": "she", "its": "it", "their": "they"}
_TIME_CONJUNCTIONS = frozenset("before after while when".split())
_PASSIVE = frozenset("is was were are be been being".split())
# Capitalised adjectives of nationality or region: "European", "Russian", "British", "Chinese", "Iraqi"
_NATIONALITY = re.compile(r"(?:an|ian|ean|ish|ese|ic|i|ch)$")
_HEAD_PREPOSITIONS = frozenset("of in from at for with on".split())
_QUANTIFIERS = frozenset(
    "one some many several most few each all none any both either neither two three four five dozens hundreds "
    "thousands millions majority minority half".split()
)
_PRONOUNS = {"he": "person", "she": "person", "it": "unknown", "they": "vague"}
_FIRST_PERSON = frozenset("i we us me our my let’s let's".split())
_DETERMINERS = frozenset("the a an this that these those his her their its our my your some any each every".split())
_INTRO = frozenset(
    """as in on at after before from when while if although though despite amid during since now however
    instead meanwhile still yet thus so then but and also furthermore additionally clearly basically of
    for with by under over following according""".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
_MONTH_NAMES = frozenset(m.capitalize() for m in _MONTHS)


class _Tok:
    """One word or punctuation mark with its offsets (plain slots: made thousands of times)."""

    __slots__ = ("start", "end", "text", "lower", "word", "cap")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()
        first = text[0]
        self.word = first.isalnum() or first == "_"
        self.cap = first.isupper()

    def __repr__(self) -> str:
        return f"_Tok({self.start}, {self.end}, {self.text!r})"


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


def _base(word: str) -> str:
    return _POSSESSIVE.sub("", word)


# ---------------------------------------------------------------------------------------
# pairing quotation marks
# ---------------------------------------------------------------------------------------


@dataclass
class _Quote:
    start: int
    end: int
    block: int
    role: str
    kind: str = ""
    speaker: str | None = None
    speaker_description: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    source_type: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    reason: str = ""


def _direction(text: str, i: int, lo: int, hi: int, open_single: bool, open_double: bool) -> tuple[str, str] | None:
    """('open'|'close', 'double'|'single') for the mark at `i`, or None for an apostrophe."""
    char = text[i]
    width = 2 if text.startswith("''", i) else 1
    if width == 2:
        char = '"'
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    if char in "“„«":
        if char == "“" and open_double and not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?"):
            return ("close", "double")  # a mistyped closing mark: ...51 percent.“
        return ("open", "double")
    if char in "”»":
        if char == "”" and not open_double and prev in _OPEN_CONTEXT and (nxt.isalnum() or nxt in "….'‘"):
            return ("open", "double")  # a mistyped opening mark at the start of a quotation
        return ("close", "double")
    if char == "‘":
        if prev.isalnum():
            return None
        return ("open", "single")
    if char == '"':
        if prev in _OPEN_CONTEXT and not nxt.isspace():
            return ("open", "double")
        if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
            return ("close", "double")
        return ("close", "double") if open_double else ("open", "double")
    # ’ and '
    if prev.isalnum() and nxt.isalnum():
        return None  # Moscow’s, don't
    if prev in _OPEN_CONTEXT and nxt.isalnum():
        return ("open", "single")
    if not prev.isspace() and open_single:
        if prev in "sS" and nxt == " " and text[i + 2 : i + 3].islower() and _closes_later(text, i + 1, hi, char):
            return None  # ‘the workers’ union’: a plural possessive, the quotation closes later
        return ("close", "single")
    return None  # rulers’ aim, a lone mark


_SINGLE_MARKS = re.compile(r"(?<![^\W\d_])[‘’'](?![^\W\d_])|(?<=[^\W\d_])[‘’'](?![^\W\d_])|(?<![^\W\d_])[‘’'](?=[^\W\d_])")


def _closes_later(text: str, start: int, end: int, char: str) -> bool:
    """True when the next single mark after `start` (not one between two letters) closes a quotation."""
    for match in _SINGLE_MARKS.finditer(text, start, end):
        mark = match.group(0)
        before = text[match.start() - 1] if match.start() > 0 else " "
        if mark == "‘" or (mark == "'" and char == "’") or before.isspace():
            return False
        return mark == char
    return False


_MAX_DEPTH = 8


def _count(stack: list[tuple[int, str, int]], kind: str) -> int:
    return sum(1 for _, open_kind, _ in stack if open_kind == kind)


def _pair_quotes(article: Article) -> list[_Quote]:
    """Outermost quotations, paired across the article's blocks (see module notes)."""
    text = article.text
    blocks = article.block_list
    found: list[_Quote] = []
    stack: list[tuple[int, str, int]] = []  # (position, 'double'|'single', block index)
    for number, block in enumerate(blocks):
        if block.role == "boilerplate":
            stack = []
            continue
        if stack:
            first = _MARKS.search(text, block.start, block.end)
            carried = False
            if first is not None:
                direction = _direction(text, first.start(), block.start, block.end, _count(stack, "single") > 0, _count(stack, "double") > 0)
                if direction is not None and direction[1] == stack[0][1]:
                    carried = True
                    if direction[0] == "open" and first.start() == block.start:
                        # the newspaper convention: the quotation goes on in this paragraph
                        pos = first.end()
                    else:
                        pos = block.start
            if not carried:
                stack = []
                pos = block.start
        else:
            pos = block.start
        for match in _MARKS.finditer(text, pos, block.end):
            i = match.start()
            singles = _count(stack, "single")  # the stack is never deeper than _MAX_DEPTH
            doubles = len(stack) - singles
            direction = _direction(text, i, block.start, block.end, singles > 0, doubles > 0)
            if direction is None:
                continue
            way, kind = direction
            if way == "open":
                if kind == "double" and stack and stack[-1][1] == "double":
                    stack.pop()  # an unclosed opening mark: skip it
                if len(stack) >= _MAX_DEPTH:
                    continue  # marks nested deeper than any real text: ignore the extra ones
                stack.append((i, kind, number))
                continue
            at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == kind), None)
            if at is None:
                continue  # a closing mark with no opening mark: skip it
            opening = stack[at]
            del stack[at:]
            if not stack:
                first_block = blocks[opening[2]]
                found.append(_Quote(opening[0], match.end(), first_block.index, first_block.role))
    return found


# ---------------------------------------------------------------------------------------
# noun phrases, subjects and names
# ---------------------------------------------------------------------------------------


def _np_back(toks: Sequence[_Tok], j: int, lo: int = 0) -> tuple[int, int] | None:
    """The noun phrase ending just before token `j` (after skipping 'has', 'also' ...)."""
    titles = lexicon().titles
    while j > lo and toks[j - 1].word and (toks[j - 1].lower in _SKIP or (toks[j - 1].lower.endswith("ly") and len(toks[j - 1].text) > 4)):
        j -= 1
    end = j
    i = j
    while i > lo and end - i < 10:
        tok = toks[i - 1]
        low = tok.lower
        if tok.word:
            if low == "to" and i - 2 >= lo and toks[i - 2].lower in ("close", "familiar", "near"):
                i -= 1  # "people close to him", "those familiar with": part of the phrase
                continue
            inside_name = tok.cap and i - 1 > lo and toks[i - 2].cap and i < end and toks[i].cap  # "Bank Of America"
            if low in _STOP and not inside_name:
                if low in ("who", "which", "that") and i == end:
                    i -= 1  # the relative pronoun itself, resolved later
                break
            if low == "and":
                if i - 2 >= lo and toks[i - 2].cap and i < end and toks[i].cap:
                    i -= 1
                    continue
                break
            if low in _MONTHS or (tok.text.isdigit() and i == end):
                break
            if not tok.cap and low in lexicon().verbs and i < end and toks[i].lower in _PRONOUNS:
                break  # "Lee said he hopes": "said" ends the phrase "he"
            i -= 1
            continue
        if tok.text == "." and i - 2 >= lo and (_abbreviation(toks[i - 2], titles) or "." in toks[i - 2].text):
            i -= 1
            continue
        if tok.text in "-–":
            i -= 1
            continue
        if tok.text == ")":
            opening = next((m for m in range(i - 2, max(lo - 1, i - 8), -1) if toks[m].text == "("), None)
            if opening is not None and opening > lo and toks[opening - 1].cap:
                i = opening
                continue
        break
    if i == end:
        return None
    while i < end and (toks[i].lower in _INTRO or toks[i].lower in _STOP) and toks[i].lower not in ("who", "which", "that"):
        i += 1  # "To Kavanaugh", "as Lee": the opening word is not part of the source
    return (i, end) if i < end else None


def _np_forward(toks: Sequence[_Tok], i: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at token `i` (stops at a comma, a verb-like word or a quote)."""
    lex = lexicon()
    if i < hi and toks[i].lower in _PRONOUNS:
        return (i, i + 1)
    nouns = _nouns()
    j = i
    while j < hi and j - i < 10:
        tok = toks[j]
        if tok.word:
            low = tok.lower
            if j > i and (low in _STOP or low in _SKIP or (low in lex.verbs and not tok.cap and low not in nouns)):
                break
            if low == "and" and not (j + 1 < hi and toks[j + 1].cap and j > i and toks[j - 1].cap):
                break
            if j > i and not tok.cap and toks[j - 1].word and toks[j - 1].cap:
                # after a name, a lower-case word goes on only as a role or group noun
                # ("Polish government", "Basque party leader") or after a possessive
                if not (_POSSESSIVE.search(toks[j - 1].text) or low in nouns or low in ("of",)):
                    break
            if j > i and not tok.cap and low.endswith("ed") and not toks[j - 1].lower in _DETERMINERS:
                break
            j += 1
            continue
        if tok.text == "." and j > i and (toks[j - 1].lower in lex.titles or len(toks[j - 1].text) == 1):
            j += 1
            continue
        break
    while j > i and toks[j - 1].lower in ("of", "and", "the", "a", "an"):
        j -= 1
    return (i, j) if j > i else None


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """Role, group and document nouns that may follow a name inside a noun phrase."""
    lex = lexicon()
    return frozenset(lex.titles | lex.organisations | lex.vague_heads | lex.documents)


def _abbreviation(tok: _Tok, titles: frozenset[str]) -> bool:
    """True for a token that a full stop follows inside a name: "Mr", "Lt", "J", "Ky", "Jr"."""
    return tok.lower in titles or len(tok.text) == 1 or (tok.cap and len(tok.text) <= 3 and tok.text.isalpha())


def _antecedent(toks: Sequence[_Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun ("who", "which") refers to, ending before token k."""
    for m in range(k - 1, max(-1, k - 9), -1):
        tok = toks[m]
        if not tok.word or (tok.lower in _STOP and tok.lower != "and"):
            break
        if tok.lower in _DETERMINERS or (tok.cap and _POSSESSIVE.search(tok.text)):
            start = m
            while start > 0 and toks[start - 1].word and toks[start - 1].cap and toks[start - 1].lower not in _STOP:
                start -= 1
            return (start, k)
    return _np_back(toks, k)


def _clause_start(toks: Sequence[_Tok], lo: int, hi: int) -> int:
    """Skip an opening phrase ("As a gesture to the rebels, ...") to the main clause."""
    if lo < hi and len(toks[lo].text) > 1 and toks[lo].text.isupper():
        # a dateline: "WASHINGTON (AP) — The minister said ..."
        dash = next((m for m in range(lo, min(hi, lo + 12)) if toks[m].text in "—–"), None)
        if dash is not None:
            return dash + 1
    first = toks[lo].lower if lo < hi else ""
    if lo < hi and (first in _INTRO or (first.endswith(("ing", "ly", "ed")) and len(first) > 4)):
        for k in range(lo, min(hi, lo + 25)):
            if toks[k].text == ",":
                return k + 1
    return lo


def _subject(toks: Sequence[_Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of the clause that starts at `lo`: its first noun phrase."""
    start = _clause_start(toks, lo, hi)
    while start < hi and (not toks[start].word or toks[start].lower in _OPENING_ADVERBS):
        start += 1
    if start >= hi:
        return None
    if toks[start].lower in _QUESTION:
        return None
    span = _np_forward(toks, start, hi)
    if span is None:
        return None
    i, j = span
    # cut at a relative clause or a verb-like lower-case word after the head
    for k in range(i, j):
        low = toks[k].lower
        if k > i and (low in ("who", "which", "that") or (not toks[k].cap and low in lexicon().verbs)):
            return (i, k)
    return span


def _split_name(text: str) -> tuple[str, str | None]:
    """Split "Secretary of State Marco Rubio" into ("Marco Rubio", "Secretary of State")."""
    words = text.split()
    titles = lexicon().titles
    if any(w.lower() in ("and", "&") for w in words):
        return text, None  # a group: "Macron and Starmer"
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1].lower().rstrip(".") not in titles:
        k -= 1
    if 0 < k < len(words) and len(words) - k <= 4 and all(w[:1].isupper() for w in words[k:]):
        description = " ".join(words[:k]).rstrip(",")
        if all(w.lower() in _DETERMINERS for w in words[:k]):
            return text, None
        return " ".join(words[k:]), description or None
    return text, None


def _clean_np(text: str) -> str:
    """A noun phrase without the commas and dashes around it."""
    return text.strip(" ,;:—–-")


@lru_cache(maxsize=None)
def _cue_words() -> frozenset[str]:
    """Every reporting verb form, saying-noun and first word of a cue phrase, lower case."""
    lex = lexicon()
    return frozenset(lex.verbs) | lex.nouns | _phrase_starts()


@lru_cache(maxsize=None)
def _phrase_starts() -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in lexicon().phrases)


@lru_cache(maxsize=None)
def _signal_pattern(kind: str) -> re.Pattern[str]:
    """One pattern per kind of quote signal: a listed word right before the quotation mark."""
    words = sorted(lexicon().signals.get(kind, ()), key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words) or "(?!)"
    return re.compile(rf"(?<![\w-])(?P<signal>{alternatives})\W*(?:such as|like|of|to|:)?\W*(?:the|a|an)?\s*$")


@lru_cache(maxsize=1)
def _padded_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The vague and organisation phrases with a space either side (to find them as whole words)."""
    lex = lexicon()
    return tuple(f" {p} " for p in lex.vague_phrases), tuple(f" {p} " for p in lex.organisation_phrases)


@lru_cache(maxsize=4096)
def source_type(source: str) -> str:
    """``person``, ``organization``, ``vague``, ``document`` or ``unknown`` for a source's words.

    >>> [source_type(s) for s in ("Ann Lee", "the White House", "numerous analysts", "a Gallup poll", "he")]
    ['person', 'organization', 'vague', 'document', 'person']
    """
    lex = lexicon()
    words = [_base(w) for w in re.findall(r"[\w’'.-]+", source)]
    if not words:
        return "unknown"
    lowered = " ".join(words).lower()
    head = words[-1]
    if lowered in _PRONOUNS:
        return _PRONOUNS[lowered]
    vague_phrases, organisation_phrases = _padded_phrases()
    padded = f" {lowered} "
    if any(phrase in padded for phrase in vague_phrases):
        return "vague"
    cut = next((i for i, w in enumerate(words) if i > 0 and w in _HEAD_PREPOSITIONS), None)
    if cut is not None and words[cut - 1].lower() not in _QUANTIFIERS:
        # "working people in Ukraine", "the Ministry of Defence": the words before "in"/"of" say who
        words = words[:cut]
        lowered = " ".join(words).lower()
        head = words[-1]
    if head.islower() and head in lex.documents:
        return "document"
    if len(words) == 1 and head.lower() in _QUANTIFIERS:
        return "vague"  # "Two wrote", "Many say"
    if len(words) == 1 and 2 <= len(head) <= 6 and head.isupper() and head.isalpha():
        return "organization"  # an acronym: "NATO", "CNN", "IMF"
    if words[0].lower() in ("a", "an", "one", "another") and head.islower():
        return "vague"  # "a police officer", "one official": someone not named
    lowered_words = [w.lower().rstrip(".") for w in words]
    if (len(words) >= 3 and words[-1][:1].isupper() and words[-2][:1].isupper()
            and lowered_words[-1] not in lex.organisations and lowered_words[-2] not in lex.organisations
            and any(w in lex.titles for w in lowered_words[:-2])):
        return "person"  # "State Department spokeswoman Heather Nauert": a named person with a title
    named = any(w[:1].isupper() for w in words if w.lower() not in lex.titles and w.lower() not in _DETERMINERS)
    # short entries ("un", "ap", "eu") count only in capitals, so "Kim Jong Un" stays a person
    padded = f" {lowered} "
    if any(low in lex.organisations and (len(low) > 3 or w.isupper() or "." in w) for w, low in zip(words, lowered_words)) or any(
        phrase in padded for phrase in organisation_phrases
    ):
        return "organization"
    if head.islower() and head.lower() in lex.vague_heads:
        return "vague"
    plural_group = head.islower() and head.endswith("s") and not head.endswith("ss")
    if plural_group and all(not w[:1].isupper() or w.lower() in _DETERMINERS or _NATIONALITY.search(w) for w in words):
        return "vague"  # "European imperialists", "Russian soldiers": a group, no one named
    if named:
        return "person"
    if head.lower() in lex.titles or head.lower() in ("spokesman", "spokeswoman", "leader"):
        return "person"
    if plural_group:
        return "vague"  # a plural group with no name: "retired colonels"
    return "unknown"


# ---------------------------------------------------------------------------------------
# the analysis: one pass per article, shared by quotes() and attributions()
# ---------------------------------------------------------------------------------------


@dataclass
class _Attribution:
    start: int
    end: int
    source: str | None
    source_start: int | None
    source_end: int | None
    source_type: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    reason: str


@dataclass
class _Analysis:
    quotes: list[_Quote] = field(default_factory=list)
    attributions: list[_Attribution] = field(default_factory=list)
    #: the tables made from them, once each: `quotes` and `attributions` hand out copies
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)


_CACHE: "weakref.WeakKeyDictionary[Article, _Analysis]" = weakref.WeakKeyDictionary()
_BODY_ROLES = ("body", "standfirst", "caption", "subheading", "headline")


class _Resolver:
    """Remembers who was speaking or acting, to resolve "he said" to a name."""

    def __init__(self) -> None:
        self.people: list[tuple[int, str]] = []  # (sentence index, name)
        self.others: list[tuple[int, str]] = []  # organisations and groups (for "it", "they")
        self.full: dict[str, str] = {}  # surname -> full name
        self.mentioned: list[tuple[int, str]] = []  # any person-like name, for a fallback

    def name(self, name: str) -> str:
        """A later bare surname ("Flynn") becomes the full name given earlier."""
        words = name.split()
        if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
            self.full.setdefault(words[-1], name)
            return name
        return self.full.get(name, name)

    def note(self, sentence: int, name: str, kind: str) -> None:
        """Remember that `name` spoke or acted in sentence number `sentence`."""
        if kind == "person" and name.lower() not in _PRONOUNS:
            self.people.append((sentence, self.name(name)))
        elif kind in ("organization", "vague", "document") and name.lower() not in _PRONOUNS:
            self.others.append((sentence, name))

    def resolve(self, pronoun: str, sentence: int) -> str | None:
        """The name a pronoun most likely means: the last speaker or subject within three sentences."""
        low = pronoun.lower()
        pool = self.people if low in ("he", "she") else self.others
        for index, name in reversed(pool):
            if sentence - index <= 3:
                return name
            break
        if low in ("he", "she"):
            for index, name in reversed(self.mentioned):
                if sentence - index <= 2:
                    return self.full.get(name, name)
                break
        return None


def _mentions(toks: Sequence[_Tok]) -> Iterable[tuple[int, str]]:
    """Capitalised names in a sentence (for the fallback of pronoun resolution)."""
    k = 0
    n = len(toks)
    while k < n:
        if toks[k].word and toks[k].cap and k > 0 and toks[k].lower not in _DETERMINERS:
            j = k
            while j + 1 < n and toks[j + 1].word and toks[j + 1].cap:
                j += 1
            yield k, " ".join(_base(t.text) for t in toks[k : j + 1])
            k = j + 1
        else:
            k += 1


def _require_article(article: Any, function: str) -> None:
    """A plain message instead of a traceback when something else than an article is passed."""
    if not isinstance(article, Article):
        raise TypeError(
            f"{function}() needs one article, for example load_seeds()[0] or article_from_text(text); "
            f"it was given {type(article).__name__}."
        )


def _analyse(article: Article) -> _Analysis:
    cached = _CACHE.get(article)
    if cached is not None:
        return cached
    result = _Analyser(article).run()
    _CACHE[article] = result
    return result


class _Analyser:
    """One pass over an article: pair the quotation marks, then walk the sentences in order,
    classifying each quotation and finding attributions, while remembering who was named
    (so that a later "he said" can be resolved)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.lex = lexicon()
        self.roles = [b.role for b in article.block_list]
        self.sentences = article.sentence_list
        self.sentence_starts = [s.start for s in self.sentences]
        self.quotes = _pair_quotes(article)
        self.quote_bounds = [(q.start, q.end) for q in self.quotes]
        self.quote_starts = [q.start for q in self.quotes]
        self.resolver = _Resolver()
        # words the article also writes in lower case are common nouns, not names ("Bombs may ...")
        self.common = frozenset(re.findall(r"\b[a-z][a-z’'-]+\b", self.text))
        # words inside quotation marks are someone else's: they never give a cue or a subject
        self.tokens: list[list[_Tok]] = [self.outside_tokens(s.start, s.end) for s in self.sentences]
        self._token_starts: dict[int, list[int]] = {}

    # -- helpers ---------------------------------------------------------------------

    def outside_tokens(self, start: int, end: int) -> list[_Tok]:
        """Tokens of text[start:end] that are not inside a quotation (the marks themselves stay)."""
        toks = _tokens(self.text, start, end)
        first = max(0, bisect_right(self.quote_starts, start) - 1)
        last = bisect_right(self.quote_starts, end)
        inside = [(q0, q1 - 1) for q0, q1 in self.quote_bounds[first:last] if q0 < end and q1 > start]
        if not inside:
            return toks
        kept = []
        k = 0  # quotations are sorted and never overlap: one sweep
        for tok in toks:
            while k < len(inside) and inside[k][1] <= tok.start:
                k += 1
            if not (k < len(inside) and inside[k][0] < tok.start < inside[k][1]):
                kept.append(tok)
        return kept

    def token_starts(self, index: int) -> list[int]:
        """Start offsets of sentence `index`'s tokens (for bisecting)."""
        starts = self._token_starts.get(index)
        if starts is None:
            starts = self._token_starts[index] = [t.start for t in self.tokens[index]]
        return starts

    def inside_quote(self, position: int) -> bool:
        k = bisect_right(self.quote_starts, position) - 1
        return k >= 0 and self.quote_bounds[k][0] < position < self.quote_bounds[k][1] - 1

    def sentence_of(self, position: int) -> int | None:
        k = bisect_right(self.sentence_starts, position) - 1
        return k if k >= 0 else None

    def is_cue(self, toks: Sequence[_Tok], k: int) -> str | None:
        tok = toks[k]
        base = self.lex.verbs.get(tok.lower)
        if base is None:
            return None
        if tok.cap and k > 0:
            return None  # "The Post", "Reports" in a name
        if k > 0 and (toks[k - 1].lower in _DETERMINERS - {"that"} or _POSSESSIVE.search(toks[k - 1].text)):
            return None  # "the report", "a claim", "Obama's remarks": a noun
        if k > 0 and toks[k - 1].lower in ("to",) and base not in ("say",):
            return None  # "to report", an infinitive that is not a finite cue
        if base == "put" and not (k + 1 < len(toks) and toks[k + 1].lower == "it"):
            return None  # only "as the paper put it"
        if tok.lower in _NOUN_LIKE and k > 0:
            previous = toks[k - 1]
            if not (previous.cap or previous.lower in _PRONOUNS or previous.lower in ("who", "which", "that")
                    or previous.lower in _SKIP or previous.lower.endswith(("ly", "s"))):
                return None  # "an independent state": a noun, not a verb
        return base

    def phrase_at(self, toks: Sequence[_Tok], k: int) -> tuple[int, str] | None:
        """A cue phrase ("according to") starting at token k: (tokens used, phrase)."""
        if toks[k].lower not in _phrase_starts():
            return None
        for phrase in self.lex.phrases:
            words = phrase.split()
            if k + len(words) <= len(toks) and all(toks[k + n].lower == w for n, w in enumerate(words)):
                return len(words), phrase
        return None

    def span_text(self, toks: Sequence[_Tok], span: tuple[int, int]) -> tuple[int, int, str]:
        start, end = toks[span[0]].start, toks[span[1] - 1].end
        return start, end, self.text[start:end]

    def describe(self, toks: Sequence[_Tok], span: tuple[int, int], sentence: int) -> dict[str, Any]:
        """Speaker fields for the noun phrase `span`: name, description, type, mention span."""
        start, end, words = self.span_text(toks, span)
        low = words.lower()
        if span[1] - span[0] == 1 and _base(low) in _PRONOUNS and low != _base(low):
            # "He’s claiming": the pronoun without its contraction
            words = _base(words)
            low = words.lower()
            end = start + len(words)
        if low in ("who", "which", "that") and span[0] > 0:
            k = span[0]
            if k > 0 and toks[k - 1].text == ",":
                k -= 1
            antecedent = _antecedent(toks, k)
            if antecedent is not None:
                info = self.describe(toks, antecedent, sentence)
                owner = _POSSESSIVE.search(toks[antecedent[0]].text)
                if owner and toks[antecedent[0]].cap and antecedent[1] - antecedent[0] > 1:
                    # "Marx’s legacy, which states ...": the words are the owner's
                    info["description"] = info["mention"]
                    info["name"] = _base(toks[antecedent[0]].text)
                # the mention nearest the words is the relative pronoun itself
                info.update(start=start, end=end, mention=words)
                return info
        if low in _PRONOUNS:
            resolved = self.resolver.resolve(low, sentence)
            kind = source_type(resolved) if resolved else _PRONOUNS[low]
            return {"name": resolved or words, "description": None, "start": start, "end": end, "type": kind, "mention": words}
        words = _clean_np(words)
        offset = self.text.find(words, start, end) if words else start
        start, end = offset, offset + len(words)
        name, description = _split_name(words)
        kind = source_type(words)
        if kind == "person":
            name = self.resolver.name(name)
        return {"name": name, "description": description, "start": start, "end": end, "type": kind, "mention": words}

    def appositive_back(self, toks: Sequence[_Tok], j: int, lo: int) -> tuple[tuple[int, int], str | None] | None:
        """'Ann Lee, Poland’s foreign minister, [responded]': name span and description."""
        segments: list[tuple[int, int]] = []
        end = j
        k = j - 1
        while k >= lo and len(segments) < 4:
            if toks[k].text == "," or k == lo:
                begin = k + 1 if toks[k].text == "," else k
                if begin < end:
                    segments.append((begin, end))
                end = k
                if toks[k].text != ",":
                    break
            elif not toks[k].word and toks[k].text not in ".’'-–":
                if k + 1 < end:
                    segments.append((k + 1, end))
                break
            k -= 1
        for n in range(len(segments) - 1, 0, -1):
            name = segments[n]
            if toks[name[0]].cap and name[1] - name[0] <= 6 and all(t.word or t.text in ".-" for t in toks[name[0] : name[1]]):
                description = ", ".join(self.span_text(toks, s)[2] for s in reversed(segments[:n]))
                return name, description
        return None

    # -- quotes ----------------------------------------------------------------------

    def quote_words(self, quote: _Quote) -> list[str]:
        return re.findall(r"[\w’'-]+", self.text[quote.start + 1 : quote.end - 1])

    def signal_before(self, start: int, kind: str, window: int) -> str | None:
        before = self.text[max(0, start - window) : start].lower()
        before = re.sub(r"\s+", " ", before)
        match = _signal_pattern(kind).search(before)
        return match.group("signal") if match else None

    def classify(self, quote: _Quote, previous: _Quote | None) -> None:
        words = self.quote_words(quote)
        inner = self.text[quote.start + 1 : quote.end - 1].strip()
        if quote.role == "headline":
            quote.kind = "headline"
            quote.reason = "This quotation is in the headline; headlines often quote a person or group from the story."
            colon = self.text.rfind(":", self.article.block_list[quote.block].start, quote.start)
            if colon >= 0:
                head = self.text[self.article.block_list[quote.block].start : colon].strip()
                if 0 < len(head.split()) <= 8:
                    start = self.text.find(head, self.article.block_list[quote.block].start)
                    quote.speaker, quote.speaker_start, quote.speaker_end = head, start, start + len(head)
                    quote.source_type = source_type(head)
                    quote.reason = (
                        f"This quotation is in the headline, after “{head}:”, the usual way a headline "
                        "names whose words it quotes."
                    )
                    return
            if self.attribute_quote(quote, self.quote_words(quote)) and quote.speaker:
                # "Lee says plan 'a disgrace'": a reporting verb in the headline names the speaker
                quote.reason = "This quotation is in the headline. " + quote.reason
            quote.kind = "headline"
            return
        if quote.role in ("source", "sources_heading"):
            quote.kind = "name"
            quote.reason = "This quotation is in the source list, where quotation marks give the title of a work."
            return
        scare = self.signal_before(quote.start, "scare", 40)
        if scare:
            quote.kind = "scare"
            quote.reason = (
                f"‘{scare}’ just before the quotation marks shows the writer keeps a distance from these words "
                f"(list: {_LISTS}/quote_signals.txt)."
            )
            return
        slogan = self.signal_before(quote.start, "slogan", 60)
        if slogan:
            said = self.attribute_quote(quote, words)
            quote.kind = "slogan"
            reason = f"‘{slogan}’ just before the quotation announces a slogan (list: {_LISTS}/quote_signals.txt)."
            quote.reason = reason + (f" It is attributed to {quote.speaker}." if said and quote.speaker else "")
            return
        named = self.signal_before(quote.start, "name", 25)
        if named and len(words) <= 8:
            quote.kind = "name"
            quote.reason = f"‘{named}’ just before the quotation shows it gives a name or title (list: {_LISTS}/quote_signals.txt)."
            return
        if self.is_title(quote, words, inner):
            return
        if self.attribute_quote(quote, words):
            return
        if previous is not None and previous.kind == "direct" and self.continues(previous, quote, words):
            quote.kind = "direct"
            for name in ("speaker", "speaker_description", "speaker_start", "speaker_end", "source_type"):
                setattr(quote, name, getattr(previous, name))
            quote.reason = (
                "This quotation starts a sentence right after a quotation from "
                f"{previous.speaker or 'the same speaker'} and names no new speaker, so it is treated as the same person's words."
            )
            return
        if len(words) >= 8 or (len(words) >= 4 and inner.rstrip("”’\"'")[-1:] in _TERMINAL):
            quote.kind = "direct"
            quote.reason = "A whole sentence in quotation marks is usually someone's words, but no speaker or reporting verb is near it."
            return
        quote.kind = "scare"
        quote.reason = (
            f"A short quotation ({len(words)} word{'s' if len(words) != 1 else ''}) with no reporting verb or speaker near it: "
            "the writer is marking these words, often to keep a distance from them."
        )

    def is_title(self, quote: _Quote, words: list[str], inner: str) -> bool:
        if not words or len(words) > 16:
            return False
        small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "by", "or", "from", "into", "is", "are"}
        caps = [w for w in words if w.lower() not in small]
        if not caps or not all(w[:1].isupper() or w[:1].isdigit() for w in caps) or not words[0][:1].isupper():
            return False
        # a sentence is not a title, but a long title may end in "?" ("The Road Ahead: Peace or War?")
        if re.search(r"[.!?]\s", inner) or inner.rstrip(",.")[-1:] == "!":
            return False
        if inner.rstrip(",.")[-1:] == "?" and len(caps) < 4:
            return False
        following = re.match(r"\s*([a-z]+)", self.text[quote.end : quote.end + 30])
        thing = following.group(1) if following else None
        if len(caps) == 1:
            if thing and thing in self.lex.signals.get("thing", ()):
                quote.kind = "name"
                quote.reason = (
                    f"A capitalised word in quotation marks followed by ‘{thing}’: it names a thing "
                    f"(list: {_LISTS}/quote_signals.txt)."
                )
                return True
            return False
        quote.kind = "name"
        quote.reason = "Every main word in the quotation is capitalised, as in the name or title of a work, group or document."
        return True

    def continues(self, previous: _Quote, quote: _Quote, words: list[str]) -> bool:
        here = self.sentence_of(quote.start)
        there = self.sentence_of(previous.end - 1)
        if here is None or there is None:
            return False
        sentence = self.sentences[here]
        if self.text[sentence.start : quote.start].strip():
            return False
        return 0 <= here - there <= 2 and len(words) >= 3

    def attribute_quote(self, quote: _Quote, words: list[str]) -> bool:
        """Find a reporting verb and a speaker around the quotation."""
        first = self.sentence_of(quote.start)
        last = self.sentence_of(quote.end - 1)
        if first is None or last is None:
            return False
        # after the quotation: “...,” Name, description, said / “...,” said Name
        inner_end = self.text[quote.start : quote.end - 1].rstrip(" \n'’\"”")[-1:]
        sentence = self.sentences[last]
        toks_last = self.tokens[last]
        at = bisect_left(self.token_starts(last), quote.end)
        after = toks_last[at : at + 30]
        if not after and last + 1 < len(self.sentences) and self.sentences[last + 1].block == sentence.block:
            # “Why now?” Lee demanded. - the splitter may end the sentence at the question mark
            after = self.tokens[last + 1]
            last += 1
        opens_after = bool(after) and after[0].text in ",—–" or inner_end in ",?!—–-"
        if after and opens_after:
            found = self.cue_after(quote, after, last)
            if found:
                return True
        dash = _DASH_NAME.match(self.text, quote.end)
        if dash:
            name = dash.group("name")
            self.fill_plain(quote, dash.start("name"), dash.end("name"), name, first,
                            "A dash and a name right after the quotation credit the words to that person.")
            return True
        # before the quotation, in the same sentence
        toks = self.tokens[first]
        before = range(bisect_left(self.token_starts(first), quote.start))
        if not before and first > 0 and self.sentences[first - 1].text.endswith(":"):
            # "The paper reports:" at the end of the previous sentence or paragraph
            first -= 1
            toks = self.tokens[first]
            before = range(len(toks))
        if not before:
            return False
        for k in reversed(before):
            if quote.start - toks[k].start > 220:
                break
            if toks[k].text == ";" or (toks[k].text in "”\"" and k != before[-1]):
                break  # another clause, or another quotation, stands between
            phrase = self.phrase_at(toks, k)
            if phrase and phrase[1] == "according to":
                span = _np_forward(toks, k + phrase[0], len(toks))
                if span:
                    self.fill(quote, toks, span, first, "according to", toks[k].start, toks[k + phrase[0] - 1].end,
                              "‘according to’ names the source of the words that follow.")
                    return True
            base = self.is_cue(toks, k)
            if base is None:
                continue
            distance = len(before) - k
            if base in self.lex.quote_verbs and not (k + 1 < len(toks) and (toks[k + 1].text in ":“\"‘'" or (toks[k + 1].text == "," and k + 2 < len(toks) and toks[k + 2].text in "“\"‘'"))):
                continue  # "continue until “peace” ...": only "continued: “...”" reports words
            if (len(words) <= 1 and distance > 5) or (len(words) <= 3 and distance > 12):
                return False
            span = self.speaker_for_cue(toks, k, first)
            if span is None:
                continue
            self.fill(quote, toks, span, first, toks[k].text, toks[k].start, toks[k].end,
                      f"‘{toks[k].text}’ is a reporting verb before this quotation, so it is treated as someone's words "
                      f"(list: {_LISTS}/reporting_verbs.txt).")
            return True
        # "Limbaugh went on: “...”" - a short clause and a colon introduce the words
        if self.text[toks[before[-1]].end : quote.start].strip() == "" and toks[before[-1]].text == ":" and len(before) <= 12:
            span = _subject(toks, 0, before[-1])
            if span is not None and span[1] < before[-1] and toks[span[1]].word and not toks[span[1]].cap:
                verb = toks[span[1]]
                if toks[span[0]].lower not in _FIRST_PERSON:
                    self.fill(quote, toks, span, first, verb.text, verb.start, verb.end,
                              f"A short clause ending in a colon (‘... {verb.text} ...:’) introduces this quotation, "
                              "so it is treated as the subject's words.")
                    return True
        return False

    def fill_plain(self, quote: _Quote, start: int, end: int, name: str, sentence: int, reason: str) -> None:
        quote.kind = "direct"
        name = self.resolver.name(name)
        quote.speaker, quote.speaker_start, quote.speaker_end = name, start, end
        quote.source_type = source_type(name)
        quote.reason = reason
        self.resolver.note(sentence, name, quote.source_type)

    def speaker_for_cue(self, toks: Sequence[_Tok], k: int, sentence: int) -> tuple[int, int] | None:
        """The noun phrase that does the saying for the cue at token k."""
        j = k
        while j > 0 and toks[j - 1].word and (toks[j - 1].lower in _SKIP or (toks[j - 1].lower.endswith("ly") and len(toks[j - 1].text) > 4)):
            j -= 1
        skipped = {t.lower for t in toks[j:k]}
        cue = toks[k].lower
        if skipped & _PASSIVE and not cue.endswith("ing"):
            return None  # passive: "was told", "was promised"
        previous = toks[j - 1].lower if j > 0 else ""
        participle = cue.endswith("ing") and not (skipped & _PASSIVE)
        if k == 0:
            if participle:
                # "Claiming the plan failed, Ann Lee said ...": the main clause's subject
                comma = next((m for m in range(1, len(toks)) if toks[m].text == ","), None)
                return _subject(toks, comma + 1, len(toks)) if comma is not None else None
            return _np_forward(toks, 1, len(toks))  # "Said Ellis: ..."
        if participle and previous in _PREPOSITIONS - _TIME_CONJUNCTIONS:
            return None  # "forgot about demanding": a gerund, not a report
        if participle and j > 1 and toks[j - 1].cap and toks[j - 1].word:
            return _np_back(toks, j)  # "footage of Hillary Clinton asking"
        if previous == "," and not participle and k + 1 < len(toks) and (toks[k + 1].cap or toks[k + 1].lower in _DETERMINERS):
            after = _np_forward(toks, k + 1, len(toks))
            if after is not None and (after[1] >= len(toks) or toks[after[1]].text in ",.;"):
                return after  # "Nor, says Ann Lee, is it allowed": the speaker follows the verb
        if previous == "," and not participle:
            found = self.appositive_back(toks, j, 0)
            span = found[0] if found else _subject(toks, 0, k)
        elif j == 0 or previous in ("and", "or", "but", ",", "by", "—", "–") or (participle and previous != "who"):
            span = _subject(toks, 0, k)
        else:
            span = _np_back(toks, j)
            if span is None or (span[1] - span[0] == 1 and toks[span[0]].text.isdigit()):
                span = _subject(toks, 0, k)
        if span is None or (span[1] - span[0] == 1 and toks[span[0]].lower in _INTRO):
            return None
        words = {t.lower for t in toks[span[0]:span[1]]}
        if (span[1] - span[0] == 1 and span[0] == 0 and toks[0].lower in self.common
                and toks[0].lower not in _PRONOUNS and source_type(toks[0].text) == "person"):
            return None  # "Months later ...": a capitalised common word, not a name
        if span[0] > 0 and toks[span[0] - 1].lower == "to" and not toks[span[0]].cap:
            return None  # "the requirement to expose ... is demanding": a verb phrase, not a source
        if words & _FIRST_PERSON or toks[span[0]].lower in _QUESTION - {"which"} or (toks[span[0]].lower in _NOT_SOURCES and span[1] - span[0] == 1):
            return None
        return span

    def cue_after(self, quote: _Quote, after: list[_Tok], sentence: int) -> bool:
        """“...,” Name, description, said  /  “...,” said Name, description."""
        limit = min(len(after), 18)
        begin = 1 if after and after[0].text in ",—–" else 0
        for k in range(limit):
            tok = after[k]
            if tok.text in "“\"‘" or (not tok.word and tok.text in ";?!"):
                return False
            if tok.text == "." and not (k > 0 and _abbreviation(after[k - 1], self.lex.titles)):
                return False
            base = self.is_cue(after, k) if tok.word else None
            if base is None:
                continue
            description = None
            j = k
            while j > begin and after[j - 1].word and (after[j - 1].lower in _SKIP or (after[j - 1].lower.endswith("ly") and len(after[j - 1].text) > 4)):
                j -= 1
            if j > begin:
                # the speaker comes first: “...,” Ann Lee, the mayor, said
                name_span: tuple[int, int] | None = None
                if after[j - 1].text == ",":
                    found = self.appositive_back(after, j, begin)
                    if found:
                        name_span, description = found
                if name_span is None:
                    name_span = _np_back(after, j, begin)
                if name_span is not None and name_span[0] != begin:
                    # "a narrator in the campaign ad asks": take the whole phrase when it is a noun phrase
                    lead = after[begin:j]
                    if len(lead) <= 10 and not any(
                        t.lower in _STOP - _PHRASE_PREPOSITIONS or t.text in "“”\"" or t.lower in self.lex.verbs for t in lead
                    ):
                        name_span = (begin, j)
                if name_span is None or name_span[0] != begin:
                    return False
            else:
                # the verb comes first: “...,” said Ann Lee, the mayor
                name_span = _np_forward(after, k + 1, len(after))
                if name_span is None:
                    return False
                end = name_span[1]
                if end < len(after) and after[end].text == ",":
                    tail = _np_forward(after, end + 1, len(after))
                    if tail and not after[tail[0]].cap:
                        _, _, description = self.span_text(after, tail)
            self.fill(quote, after, name_span, sentence, tok.text, tok.start, tok.end,
                      f"‘{tok.text}’ is a reporting verb next to this quotation, so it is treated as someone's words "
                      f"(list: {_LISTS}/reporting_verbs.txt).", description)
            return True
        return False

    def fill(self, quote: _Quote, toks: Sequence[_Tok], span: tuple[int, int], sentence: int, cue: str,
             cue_start: int, cue_end: int, reason: str, description: str | None = None) -> None:
        info = self.describe(toks, span, sentence)
        quote.kind = "direct"
        quote.speaker = info["name"]
        extra = [d for d in (info["description"], description) if d]
        quote.speaker_description = "; ".join(extra) if extra else None
        quote.speaker_start, quote.speaker_end = info["start"], info["end"]
        quote.source_type = info["type"]
        quote.cue, quote.cue_start, quote.cue_end = cue, cue_start, cue_end
        quote.reason = reason
        note = _resolution_note(info)
        if note:
            quote.reason += f" ‘{info['mention']}’ is {note}."
        self.resolver.note(sentence, info["name"], info["type"])

    # -- attributions without quotation marks -----------------------------------------

    def sentence_attributions(self, index: int) -> list[_Attribution]:
        sentence = self.sentences[index]
        role = self.roles[sentence.block]
        if role not in _BODY_ROLES or self.article.block_list[sentence.block].duplicate_of is not None:
            return []
        if _cue_words().isdisjoint(_WORDS.findall(sentence.text.lower())):
            return []  # no reporting verb or phrase anywhere in the sentence
        toks = self.tokens[index]
        found: list[_Attribution] = []
        n = len(toks)
        phrase_starts = _phrase_starts()
        for k in range(n):
            tok = toks[k]
            if not tok.word:
                continue
            phrase = self.phrase_at(toks, k) if tok.lower in phrase_starts else None
            if phrase:
                made = self.according_to(toks, k, phrase, index)
                if made:
                    found.append(made)
                continue
            if tok.lower in self.lex.nouns and k + 1 < n and toks[k + 1].lower == "that" and k > 0:
                made = self.noun_attribution(toks, k, index)
                if made:
                    found.append(made)
                continue
            base = self.is_cue(toks, k)
            if base is None:
                continue
            if base in self.lex.quote_verbs and not (k + 1 < len(toks) and toks[k + 1].text in ":“\"‘"):
                continue
            if base in _BELIEF and k + 1 < len(toks) and toks[k + 1].lower in ("to", "for", "about"):
                continue  # "hoping to take advantage": an intention, not a view
            made = self.verb_attribution(toks, k, base, index)
            if made:
                found.append(made)
        return self.trim(found)

    def trim(self, found: list[_Attribution]) -> list[_Attribution]:
        """End one content where the next attribution in the sentence begins ("..., and threatening ...")."""
        out = []
        for current, following in zip(found, found[1:] + [None]):
            nested = (
                following is not None and following.source_start is not None
                and current.start <= following.source_start <= current.start + 1
            )  # "Lee said she hopes ...": the second report is part of what Lee said
            if (following is not None and following.cue_start is not None and not nested
                    and current.start < following.cue_start < current.end):
                cut = following.cue_start
                if following.source_start is not None and current.start < following.source_start < cut:
                    cut = following.source_start
                piece = self.text[current.start:cut].rstrip(" ,;—–-")
                piece = re.sub(r"(?:\s+(?:and|or|but|by|while|as|because|that|which|when|if|so))+$", "", piece)
                piece = piece.rstrip(" ,;—–-")
                if len(piece.split()) < 2:
                    continue
                current.end = current.start + len(piece)
            out.append(current)
        return out

    def noun_attribution(self, toks: Sequence[_Tok], k: int, index: int) -> _Attribution | None:
        """"Lee’s claim that ...", "his warning that ...": the owner of a saying-noun is the source."""
        owner = toks[k - 1]
        if _POSSESSIVE.search(owner.text) and owner.cap:
            span = _np_back(toks, k)
            if span is None:
                return None
            info = self.describe(toks, span, index)
            name = _base(info["mention"])
            info.update(name=self.resolver.name(_split_name(name)[0]), mention=name, end=info["start"] + len(name), type=source_type(name))
        elif owner.lower in _OWNERS:
            pronoun = _OWNERS[owner.lower]
            resolved = self.resolver.resolve(pronoun, index)
            if resolved is None:
                return None
            info = {"name": resolved, "description": None, "start": owner.start, "end": owner.end,
                    "type": source_type(resolved), "mention": owner.text}
        else:
            return None
        content = self.content_span(toks, k + 2, len(toks))
        if content is None:
            return None
        self.resolver.note(index, info["name"], info["type"])
        reason = (
            f"‘{toks[k].text} that’ reports what someone said or claimed (list: {_LISTS}/reporting_verbs.txt, nouns); "
            f"‘{info['mention']}’ says whose it is"
        )
        note = _resolution_note(info)
        reason += f" ({note})" if note else ""
        reason += f"; this source counts as {_TYPE_WORDS[info['type']]}."
        return _Attribution(content[0], content[1], info["name"], info["start"], info["end"], info["type"],
                            toks[k].text, toks[k].start, toks[k].end, reason)

    def content_span(self, toks: Sequence[_Tok], i: int, j: int) -> tuple[int, int] | None:
        while i < j and toks[i].text in ",:—–-":
            i += 1
        while j > i and toks[j - 1].text in ",.;:—–-":
            j -= 1
        if j - i < 2:
            return None
        return toks[i].start, toks[j - 1].end

    def according_to(self, toks: Sequence[_Tok], k: int, phrase: tuple[int, str], index: int) -> _Attribution | None:
        span = _np_forward(toks, k + phrase[0], len(toks))
        if span is None or any(t.lower in ("own", "plan", "schedule", "rules") for t in toks[span[0]:span[1]]):
            return None  # "according to their own interests", "according to plan": not a source
        info = self.describe(toks, span, index)
        if k <= _clause_start(toks, 0, len(toks)) or k == 0:
            comma = next((m for m in range(span[1], len(toks)) if toks[m].text == ","), span[1] - 1)
            content = self.content_span(toks, comma + 1, len(toks))
        else:
            content = self.content_span(toks, 0, k)
        if content is None:
            return None
        self.resolver.note(index, info["name"], info["type"])
        cue_end = toks[k + phrase[0] - 1].end
        return _Attribution(content[0], content[1], info["name"], info["start"], info["end"], info["type"],
                            self.text[toks[k].start:cue_end], toks[k].start, cue_end,
                            f"‘{phrase[1]}’ names who the words come from (list: {_LISTS}/cue_phrases.txt).")

    def verb_attribution(self, toks: Sequence[_Tok], k: int, base: str, index: int) -> _Attribution | None:
        """An attribution around the reporting verb at token k, with or without quotation marks."""
        n = len(toks)
        span = self.speaker_for_cue(toks, k, index)
        if span is None:
            return None
        if span[0] > 0 and toks[span[0] - 1].text in "”’\"":
            return None  # “...,” he said - the quotation itself carries this attribution
        info = self.describe(toks, span, index)
        if info["mention"].lower() == "it" and info["name"] == info["mention"] and base not in _SPEECH:
            return None  # an "it" that names no one before it, with a verb that need not be speech
        if info["type"] == "unknown" and info["mention"].lower() not in _PRONOUNS and not any(t.cap for t in toks[span[0]:span[1]]):
            return None
        tail = k + 1
        if span[0] > k:
            # "The plan, said the mayor, will fail": the words run around the inserted verb and speaker
            before = self.content_span(toks, 0, k - 1)
            after = self.content_span(toks, span[1] + 1, n)
            if before is None and after is None:
                return None
            content = ((before or after)[0], (after or before)[1])
            return self.make(content, info, toks[k], index, "after")
        content = self.content_before(toks, k, span)
        if content is not None:
            return self.make(content, info, toks[k], index, "after")
        # pre-posed: "Sources said the plan ...", "X told the press (that) ..."
        start = tail
        if start < n and toks[start].lower == "that":
            start += 1
        elif base in self.lex.object_verbs:
            that = next((m for m in range(start, min(n, start + 9)) if toks[m].lower == "that"), None)
            start = that + 1 if that is not None else self.skip_listener(toks, start)
        content = self.content_span(toks, start, n)
        if content is None:
            return None
        return self.make(content, info, toks[k], index, "before")

    def content_before(self, toks: Sequence[_Tok], k: int, span: tuple[int, int]) -> tuple[int, int] | None:
        """The content of "..., sources said." (before the source) or "X, he said, Y" (around it), or None."""
        n = len(toks)
        tail = k + 1
        comma = span[0] - 1
        if comma < 2 or toks[comma].text != ",":
            return None
        window = toks[tail : tail + 40]  # a short tail is all this rule looks at
        rest = [t for t in window if t.word]
        if (toks[k].lower.endswith("ing")
                or toks[span[0]].lower in ("who", "which", "that")
                or _clause_start(toks, 0, n) >= span[0]  # "In the meantime, he said ...": an opening phrase
                or any(not t.word and t.text in "“”\"" for t in window)
                or (tail < n and toks[tail].text == ":")):
            return None
        comma_after = next((m for m in range(tail, min(n, tail + 40)) if toks[m].text == ","), None)
        parenthetical = comma_after is not None and comma_after <= tail + 2  # "X, Lee said, Y"
        enough_before = sum(1 for t in toks[:comma] if t.word) >= (1 if parenthetical else 3)
        short_tail = (
            len(rest) <= 2 or comma_after is not None or rest[0].cap or rest[0].lower in _TAIL_STARTS
            or rest[0].lower in _MONTHS
        )
        if len(rest) > 8 or not enough_before or not short_tail or any(t.lower == "that" for t in rest):
            return None
        before = self.content_span(toks, 0, comma)
        if before is None:
            return None
        if comma_after is not None and comma_after + 2 < n:
            after = self.content_span(toks, comma_after + 1, n)
            if after is not None:
                return before[0], after[1]  # "X, he said, Y": the content runs around the inserted source
        return before

    def skip_listener(self, toks: Sequence[_Tok], i: int) -> int:
        n = len(toks)
        if i < n and toks[i].lower in _DETERMINERS:
            i += 1
        while i < n and toks[i].word and toks[i].cap and toks[i].text not in _MONTH_NAMES:
            i += 1
        if i < n and toks[i].word and not toks[i].cap:
            i += 1
        # a date: "April 27", "on Monday"
        if i < n and toks[i].lower == "on":
            i += 1
        while i < n and (toks[i].text in _MONTH_NAMES or toks[i].text.isdigit() or toks[i].text == ","):
            i += 1
        return i

    def make(self, content: tuple[int, int], info: dict[str, Any], cue: _Tok, index: int, where: str) -> _Attribution:
        self.resolver.note(index, info["name"], info["type"])
        side = "before" if where == "before" else "after"
        reason = (
            f"‘{cue.text}’ is a reporting verb (list: {_LISTS}/reporting_verbs.txt); "
            f"the words reported come {'after' if side == 'before' else 'before'} it, and "
            f"‘{info['mention']}’ is who they are attributed to"
        )
        note = _resolution_note(info)
        if note:
            reason += f" ({note})"
        reason += f"; this source counts as {_TYPE_WORDS[info['type']]}."
        return _Attribution(content[0], content[1], info["name"], info["start"], info["end"], info["type"],
                            cue.text, cue.start, cue.end, reason)

    # -- the pass --------------------------------------------------------------------

    def note_subject(self, index: int) -> None:
        toks = self.tokens[index]
        if self.roles[self.sentences[index].block] not in _BODY_ROLES:
            return
        for k, name in _mentions(toks):
            if source_type(name) == "person" and name.lower() not in self.lex.titles and name.lower() not in self.common:
                self.resolver.mentioned.append((index, name))
        span = _subject(toks, 0, len(toks))
        if span is None:
            return
        _, _, words = self.span_text(toks, span)
        low = words.lower()
        if low in ("he", "she"):
            resolved = self.resolver.resolve(low, index)
            if resolved:
                self.resolver.note(index, resolved, "person")
            return
        if low in _PRONOUNS or toks[span[0]].lower in _FIRST_PERSON:
            return
        kind = source_type(words)
        if span[1] - span[0] == 1 and low in self.common:
            return
        if kind == "person" and any(t.cap for t in toks[span[0]:span[1]]):
            name, _ = _split_name(_clean_np(words))
            self.resolver.note(index, name, kind)
        elif kind == "organization":
            self.resolver.note(index, _clean_np(words), kind)

    def run(self) -> _Analysis:
        by_sentence: dict[int, list[_Quote]] = {}
        for quote in self.quotes:
            index = self.sentence_of(quote.start)
            by_sentence.setdefault(-1 if index is None else index, []).append(quote)
        analysis = _Analysis(quotes=self.quotes)
        previous: _Quote | None = None
        for quote in by_sentence.get(-1, []):
            self.classify(quote, None)
        for index in range(len(self.sentences)):
            for quote in by_sentence.get(index, []):
                self.classify(quote, previous)
                if quote.role not in ("headline", "source"):
                    previous = quote
            analysis.attributions.extend(self.sentence_attributions(index))
            self.note_subject(index)
        analysis.attributions = self.merge(analysis.attributions)
        return analysis

    def merge(self, found: list[_Attribution]) -> list[_Attribution]:
        """Add direct quotations not covered by a sentence-level attribution."""
        out = list(found)
        for quote in self.quotes:
            if quote.kind != "direct" and not (quote.kind in ("slogan", "headline") and quote.speaker):
                continue
            covered = any(a.start <= quote.start < a.end or quote.start <= a.start < quote.end for a in found)
            if covered:
                continue
            kind = quote.source_type or (source_type(quote.speaker) if quote.speaker else "unknown")
            who = quote.speaker or "someone the text does not name"
            reason = f"The words in quotation marks are attributed to {who}: " + quote.reason[0].lower() + quote.reason[1:]
            out.append(_Attribution(quote.start, quote.end, quote.speaker, quote.speaker_start, quote.speaker_end, kind,
                                    quote.cue, quote.cue_start, quote.cue_end, reason))
        out.sort(key=lambda a: (a.start, a.end))
        return out


def _resolution_note(info: dict[str, Any]) -> str:
    """'taken to mean Ann Lee, named just before' when a pronoun or a surname was resolved."""
    mention, name = info["mention"], info["name"]
    if mention.lower() in _PRONOUNS or mention.lower() in ("who", "which", "that"):
        return f"taken to mean {name}, named just before" if name != mention else ""
    if name not in mention:
        return f"taken to mean {name}, named earlier"
    return ""


_TYPE_WORDS = {
    "person": "a named person",
    "organization": "an organisation (a government, ministry, institution or outlet)",
    "vague": "vague: it does not say exactly who (list: workbook/data/sourcing/vague_sources.txt)",
    "document": "a document (list: workbook/data/sourcing/document_words.txt)",
    "unknown": "unknown: the rules cannot tell what kind of source it is",
}


# ---------------------------------------------------------------------------------------
# public tables
# ---------------------------------------------------------------------------------------


def quotes(article: Article) -> pd.DataFrame:
    """One row per quotation (text between quotation marks) in `article`.

    Columns: the span columns (``start``/``end``/``text`` include the quotation
    marks), then ``kind`` (``direct``, ``scare``, ``name``, ``slogan``,
    ``headline``), ``speaker`` (the resolved name: a later "he said" gets the
    name given earlier), ``speaker_description`` (titles and appositives such as
    "Ukraine's foreign minister"), ``speaker_start``/``speaker_end`` (the mention
    nearest the quotation that names or refers to the speaker, <NA> when none),
    ``cue`` (the reporting verb or phrase) and ``reason``.

    >>> from workbook import article_from_text
    >>> a = article_from_text("Talks\\n\\n“Why wait?” Ann Lee, the city's mayor, responded. He said it was “years ago.”")
    >>> quotes(a)[["text", "speaker", "cue"]].values.tolist()
    [['“Why wait?”', 'Ann Lee', 'responded'], ['“years ago.”', 'Ann Lee', 'said']]
    """
    _require_article(article, "quotes")
    analysis = _analyse(article)
    frame = analysis.frames.get("quotes")
    if frame is None:
        rows = [
            {
                "start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
                "speaker_description": q.speaker_description, "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end, "cue": q.cue, "reason": q.reason,
            }
            for q in analysis.quotes
        ]
        frame = analysis.frames["quotes"] = span_frame(article, rows, QUOTE_COLUMNS)
    return frame_copy(frame)  # rhetoric, findings and summary ask again: build the table once


def attributions(article: Article) -> pd.DataFrame:
    """One row per attribution: who is reported to have said what, with or without quotation marks.

    ``start``/``end``/``text`` are the content (what was said); ``source`` is
    the resolved source ("Marco Rubio", "numerous analysts"), with the mention's
    span ``source_start``/``source_end``; ``source_type`` is ``person``,
    ``organization``, ``vague``, ``document`` or ``unknown``; ``cue`` is the
    reporting verb or phrase (with ``cue_start``/``cue_end``); ``reason`` says
    which rule and list matched.

    Forms found: "Ann Lee said (that) ...", "..., sources said.", "X, he said,
    Y" (the content runs from X to Y, the inserted words included), "told the
    press (that) ...", "according to ...", "..., who said ...", "Lee's claim
    that ...", and every direct quotation (with the speaker found by `quotes`,
    or an ``unknown`` source when none is named). Verbs of wanting or knowing
    are not attributions; a first-person source (the author) is left out.

    >>> from workbook import article_from_text
    >>> a = article_from_text("Talks\\n\\nThe plan will fail, sources said. According to a Gallup poll, most agree.")
    >>> attributions(a)[["text", "source", "source_type", "cue"]].values.tolist()
    [['The plan will fail', 'sources', 'vague', 'said'], ['most agree', 'a Gallup poll', 'document', 'According to']]
    """
    _require_article(article, "attributions")
    analysis = _analyse(article)
    frame = analysis.frames.get("attributions")
    if frame is None:
        rows = [
            {
                "start": a.start, "end": a.end, "source": a.source, "source_start": a.source_start,
                "source_end": a.source_end, "source_type": a.source_type, "cue": a.cue,
                "cue_start": a.cue_start, "cue_end": a.cue_end, "reason": a.reason,
            }
            for a in analysis.attributions
        ]
        frame = analysis.frames["attributions"] = span_frame(article, rows, ATTRIBUTION_COLUMNS)
    return frame_copy(frame)


def _item_parts(article: Article, block: Any) -> dict[str, Any]:
    text = article.text
    match = _ITEM_MARKER.match(text, block.start, block.end)
    if match:
        number = int(match.group("a") or match.group("b") or match.group("c"))
        marker = match.group("marker")
        start = match.end()
    else:
        number, marker, start = None, None, block.start
    url_match = _URL.search(text, start, block.end)
    url = url_match.group(0).rstrip(".,;") if url_match else None
    domain = language = None
    if url:
        host = urlparse(url if "://" in url else f"http://{url}").hostname or ""
        host = host.lower()
        domain = host[4:] if host.startswith("www.") else host
        sub = domain.split(".")[0] if domain.count(".") >= 2 else ""
        path = urlparse(url if "://" in url else f"http://{url}").path.split("/")
        if sub in _LANGUAGE_CODES:
            language = sub
        elif len(path) > 1 and path[1] in _LANGUAGE_CODES:
            language = path[1]
    return {"start": start, "end": block.end, "marker": marker, "number": number, "url": url, "domain": domain, "language": language}


def citations(article: Article) -> pd.DataFrame:
    """The source list, how its items are cited in the body, and photo or agency credits.

    One row per item of the source list (``kind`` ``item``), per body marker
    whose number no item has (``kind`` ``missing item``), per photo credit line
    (``kind`` ``credit``) and for a news agency named in the story's dateline,
    "KYIV (Reuters) —" (``kind`` ``agency credit``). Columns: the span columns (the item's words after
    its marker; for a missing item, the marker in the body), ``marker`` as
    written (``[1]``, ``2.``, ``(4)``), ``number``, ``url``, ``domain``,
    ``language`` (only when the address shows it, as in ``es.wikipedia.org``),
    ``cited`` (is the number used in the body?), ``cited_at`` (offsets of the
    markers in the body) and ``reason``.

    >>> from workbook import article_from_text
    >>> a = article_from_text("Poll\\n\\nMost agree.[2] Few do not.\\n\\nSources\\n\\n[1] https://es.wikipedia.org/wiki/Paz\\n\\n2. A poll.")
    >>> citations(a)[["marker", "number", "domain", "language", "cited"]].values.tolist()
    [['[1]', 1, 'es.wikipedia.org', 'es', False], ['2.', 2, <NA>, <NA>, True]]
    """
    _require_article(article, "citations")
    return _with_list_column(article, _citation_rows(article), CITATION_COLUMNS, "cited_at")


def _citation_rows(article: Article) -> list[dict[str, Any]]:
    """The rows of `citations`, in the order they are found (the table sorts them by position)."""
    text = article.text
    items = [b for b in article.block_list if b.role == "source"]
    body = [b for b in article.block_list if b.role in ("body", "standfirst", "subheading", "caption")]
    cited: dict[int, list[int]] = {}
    markers: dict[int, tuple[int, int, str]] = {}
    for block in body:
        if text.find("[", block.start, block.end) < 0 and text.find("(", block.start, block.end) < 0:
            continue  # every marker has a bracket: most paragraphs have none, so skip the pattern
        for match in _BODY_MARKER.finditer(text, block.start, block.end):
            number = int(match.group(1) or match.group(2))
            if match.group(2) and not items:
                continue  # "(4)" in a text without a source list is not a citation
            cited.setdefault(number, []).append(match.start())
            markers.setdefault(number, (match.start(), match.end(), match.group(0)))
    rows = []
    numbers = set()
    for block in items:
        parts = _item_parts(article, block)
        number = parts["number"]
        numbers.add(number)
        at = cited.get(number, []) if number is not None else []
        if parts["url"]:
            where = f"its address is on {parts['domain']}" + (
                f", and ‘{parts['language']}’ at the start of the address shows the page's language" if parts["language"] else ""
            )
        else:
            where = "it gives no web address"
        if number is None:
            status = "It has no number, so the body cannot point to it."
        elif at:
            status = f"The body points to it {len(at)} time{'s' if len(at) > 1 else ''} with the marker [{number}] or ({number})."
        else:
            status = f"No marker [{number}] or ({number}) in the body points to it: it is listed but never cited."
        parts.update(
            kind="item", cited=bool(at), cited_at=list(at),
            reason=f"This line is item {parts['marker'] or ''} of the source list; {where}. {status}".replace("  ", " "),
        )
        rows.append(parts)
    for number, (start, end, marker) in sorted(markers.items()):
        if number in numbers or not items:
            if items:
                continue
        rows.append({
            "start": start, "end": end, "kind": "missing item", "marker": marker, "number": number,
            "cited": True, "cited_at": list(cited[number]),
            "reason": f"The body cites {marker}, but the text has no source list item with number {number}.",
        })
    for block in article.block_list:
        if block.role == "credit":
            rows.append({
                "start": block.start, "end": block.end, "kind": "credit", "cited": False, "cited_at": [],
                "reason": "This line credits a photo to a photographer or agency (a credit line under a picture).",
            })
    for block in body[:3]:
        match = _AGENCY_DATELINE.search(text, block.start, min(block.end, block.start + 120))
        if match:
            rows.append({
                "start": match.start("agency"), "end": match.end("agency"), "kind": "agency credit",
                "cited": False, "cited_at": [],
                "reason": f"‘({match.group('agency')})’ before a dash at the start of the story credits the news agency "
                "that supplied it.",
            })
            break
    return rows


def _with_list_column(article: Article, rows: list[dict[str, Any]], columns: dict[str, str], name: str) -> pd.DataFrame:
    """``span_frame(article, rows, columns)`` where column `name` holds lists (dtype object).

    The same table, built faster: `span_frame` converts a whole table through
    ``astype`` when one of its columns is an object column, so the lists are left
    out of it and put in afterwards, in the rows' order (sorted by position, as
    `span_frame` sorts them, stably).
    """
    rows = sorted(rows, key=_row_position)
    others = {key: dtype for key, dtype in columns.items() if key != name}
    frame = span_frame(article, rows, others)
    values = np.empty(len(rows), dtype=object)
    for i, row in enumerate(rows):
        values[i] = row.get(name)
    frame.insert(list(columns).index(name) + len(frame.columns) - len(others), name, values)
    return frame


def _row_position(row: dict[str, Any]) -> tuple[int, int]:
    return int(row["start"]), int(row["end"])


def summary(articles: Article | Iterable[Article]) -> pd.DataFrame:
    """One row per article: how it uses quotations, sources and citations.

    Columns: ``article``, ``label``, ``words``, ``quotes`` and one column per
    kind (``direct`` ... ``headline``), ``quotes_per_1000_words``,
    ``distinct_speakers``, ``attributions``, ``named_sources`` (people and
    organisations), ``vague_sources``, ``document_sources``, ``named_share``,
    ``vague_share``, ``citations_listed``, ``citations_cited``,
    ``citations_uncited``, ``markers_without_item``.
    """
    if isinstance(articles, Article):
        articles = [articles]
    articles = list(articles)
    for article in articles:
        _require_article(article, "summary")
    rows = []
    for article in articles:
        # counted from plain lists: the same counts as value_counts and boolean filters on the tables
        q = quotes(article)
        a = attributions(article)
        quote_kinds = q["kind"].tolist()
        kinds = Counter(kind for kind in quote_kinds if kind is not pd.NA)
        words = article.word_count
        types = Counter(kind for kind in a["source_type"].tolist() if kind is not pd.NA)
        named = int(types.get("person", 0) + types.get("organization", 0))
        vague = int(types.get("vague", 0))
        total = len(a)
        c = _citation_rows(article)
        cited = [row["cited"] for row in c if row["kind"] == "item"]
        speakers = {
            speaker for kind, speaker in zip(quote_kinds, q["speaker"].tolist())
            if kind is not pd.NA and kind == "direct" and speaker is not pd.NA
        } | {source for source in a["source"].tolist() if source is not pd.NA}
        rows.append({
            "article": article.id,
            "label": article.label,
            "words": words,
            "quotes": len(q),
            **{kind: int(kinds.get(kind, 0)) for kind in ("direct", "scare", "name", "slogan", "headline")},
            "quotes_per_1000_words": round(1000 * len(q) / words, 1) if words else 0.0,
            "distinct_speakers": len({s.lower() for s in speakers}),
            "attributions": total,
            "named_sources": named,
            "vague_sources": vague,
            "document_sources": int(types.get("document", 0)),
            "named_share": round(named / total, 2) if total else 0.0,
            "vague_share": round(vague / total, 2) if total else 0.0,
            "citations_listed": len(cited),
            "citations_cited": sum(1 for value in cited if value),
            "citations_uncited": sum(1 for value in cited if not value),
            "markers_without_item": sum(1 for row in c if row["kind"] == "missing item"),
        })
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def quote_records(article: Article) -> list[dict[str, Any]]:
    """Quotations for the JSON export (issue 3, item 5)."""
    return records(quotes(article), ["start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "cue"])


def attribution_records(article: Article) -> list[dict[str, Any]]:
    """Attributions for the JSON export: source, its span and type, cue, and the content's span and text."""
    return records(attributions(article), ["source", "source_start", "source_end", "source_type", "cue", "start", "end", "text"])


def citation_records(article: Article) -> list[dict[str, Any]]:
    """Source-list items for the JSON export: marker, number, text, cited."""
    frame = citations(article)
    return records(frame[frame["kind"] == "item"], ["marker", "number", "text", "cited"])
