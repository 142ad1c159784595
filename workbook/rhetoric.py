"""Rhetoric markers: the words and moves that show how a text tries to persuade.

`markers(article)` returns one row per marker, with the shared span columns
(``article``, ``block``, ``sentence``, ``start``, ``end``, ``text``) and:

=============== ==================================================================
label           what kind of marker (see `LABELS`)
reason          a plain sentence saying which rule or list entry matched, and
                where the list comes from
in_quote        True when the words sit inside someone else's quotation (the
                writer is reporting them, not saying them)
=============== ==================================================================

Labels (`LABELS`): ``loaded`` (evaluative or emotional words), ``label``
(name-calling, "so-called X", "-ist" camps), ``intensifier`` (degree words and
extreme wording: utterly, heroic), ``absolute`` (words that allow no exception:
all, never, only), ``hedge`` (words that soften or distance), ``rhetorical_question``
and ``exclamation`` (the writer's own, never inside someone's quotation),
``scare_quote`` (distancing quotation marks, as found by `workbook.sourcing`),
``we_voice`` (the writer or organisation as "we"), ``call_to_action``,
``appeal_to_authority`` and ``analogy`` (a comparison with history).

The word lists live in ``workbook/data/lexicons/*.txt``; each starts with
comment lines naming its source and licence. Loaded language comes from two
well-kept lexicons (VADER's sentiment ratings, MIT; Pattern's subjectivity
ratings, public domain), each filtered as its header says, and from a list
written for the workbook. From the two lexicons, only words that judge are
kept: adjectives and adverbs, nouns rated negative, and words rated very
strongly (see ``tools/narrow_loaded_lists.py`` in the repository); verbs such as
"condemned" or "threatened" mostly report what someone did. A degree word right
before a loaded word is flagged with it as one phrase ("utterly cynical"), and
a degree adverb takes in the word it strengthens ("extremely slow"). A list word
written with a capital inside a sentence is part of a name ("Bloody Sunday") and
is skipped; a loaded word the text uses three times or more is marked once, where
it first appears, and the reason says how often it comes.
Multiword entries work, and so do
the usual endings (an entry ``predator`` also finds ``predators``). The same
rules run on every text.

A teacher's own terms
---------------------
Write a plain text file (UTF-8), one word or phrase a line. Lines starting with
``#`` are comments; these header lines are read if present::

    # list: my list of war words
    # label: loaded
    # source: written by Ms Rivera for class 9B

``label`` may be one of `LABELS` or a new word of your own (letters and ``_``);
it is ``loaded`` when left out. Then either pass the file::

    markers(article, extra_terms="my-terms.txt")

or set the environment variable ``WORKBOOK_TERMS`` to the file, or to a folder
of such ``.txt`` files, before starting Jupyter; every call then uses them.

>>> from workbook import article_from_text
>>> article = article_from_text("Headline\\n\\nThe plan was utterly cynical. Why would anyone agree?")
>>> markers(article)[["text", "label"]].values.tolist()
[['utterly cynical', 'loaded'], ['Why would anyone agree?', 'rhetorical_question']]
"""

from __future__ import annotations

import os
import re
import weakref
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.articles import Article
from workbook.spans import records, span_frame, typed_frame
from workbook.textio import ArticleError

#: Every label the built-in rules and lists give, in the order tables show them.
LABELS = (
    "loaded",
    "label",
    "intensifier",
    "absolute",
    "hedge",
    "rhetorical_question",
    "exclamation",
    "scare_quote",
    "we_voice",
    "call_to_action",
    "appeal_to_authority",
    "analogy",
)
#: Columns `markers` adds after the span columns, with their dtypes.
MARKER_COLUMNS = {"label": "string", "reason": "string", "in_quote": "boolean"}
#: Fields of each marker in the JSON export (``"rhetoric": [...]``).
RECORD_FIELDS = ("start", "end", "text", "label", "reason")
#: Folder of the built-in word lists.
LEXICON_FOLDER = Path(__file__).resolve().parent / "data" / "lexicons"
#: Environment variable naming a teacher's own terms file or folder.
TERMS_VARIABLE = "WORKBOOK_TERMS"
#: Block roles whose words are the text's own (not the byline, source list or site boilerplate).
TEXT_ROLES = ("headline", "standfirst", "subheading", "body", "caption")
#: Block roles whose lines often capitalise every word (so a capital does not mark a name there).
TITLE_ROLES = ("headline", "subheading")
#: Quotation kinds (from `workbook.sourcing.quotes`) that hold someone else's words.
OTHERS_WORDS = ("direct", "slogan", "headline")
#: A year at least this many years before the article counts as history for analogies.
HISTORY_GAP = 20
#: A loaded word used this many times or more in one text is marked only where it first appears.
REPEATS = 3
#: Largest teacher's terms file read, in bytes.
MAX_TERMS_BYTES = 1_000_000

#: Header lines a word list may start with (``# key: value``).
HEADER_KEYS = ("list", "label", "source", "short source", "licence", "inflect", "note template", "rank")

#: Which label a span keeps when two built-in lists flag exactly the same words (lower first).
_PRIORITY = {"label": -7, "intensifier": -6, "absolute": -5, "hedge": -4, "we_voice": -3, "call_to_action": -2, "appeal_to_authority": -1}

_RULE_SOURCE = "a rule written for the workbook"
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_LABEL_NAME = re.compile(r"[a-z][a-z_]{0,39}")
_MONTH_NEIGHBOUR = re.compile(r"\s*\d")
_CITATION_AFTER = re.compile(r"[\s,.;:”\"’']{0,4}[\[(]\d{1,3}[\])]")
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_TERMINAL = re.compile(r"[?!]+")


class LexiconError(ArticleError):
    """A problem with a word list (usually a teacher's own terms file), in plain words."""

    def _render_traceback_(self) -> list[str]:
        return [f"LexiconError: {self}"]


# ---- word lists ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One form of one list entry: the tokens it matches and where it comes from."""

    tokens: tuple[str, ...]
    term: str
    label: str
    lexicon: "Lexicon"
    note: str = ""
    inflected: bool = False


@dataclass
class Lexicon:
    """One word list file: its header facts and its entries (and, for rule lists, its sections)."""

    path: Path | None
    name: str
    label: str
    source: str
    licence: str = ""
    inflect: bool = True
    own: bool = False
    note_template: str = ""
    rank: int = 50
    terms: list[tuple[str, str]] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_norm(m.group()) for m in _TOKEN.finditer(text))


def read_lexicon(path: str | Path, own: bool = False) -> Lexicon:
    """Read one word list file (header comments, then one term a line).

    Raises `LexiconError` naming the file when it is missing, not text, empty or
    names a label that is not a plain word.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise LexiconError(path, "no terms file by this name.", "Check the spelling and the folder it is in.")
    if path.stat().st_size > MAX_TERMS_BYTES:
        raise LexiconError(path, "this terms file is larger than 1 MB.", "A terms file holds one word or phrase a line.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise LexiconError(path, "this terms file is not UTF-8 text.", "Save it as plain text (UTF-8) and try again.") from error
    header: dict[str, str] = {}
    terms: list[tuple[str, str]] = []
    sections: dict[str, list[str]] = {}
    section: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            key, sep, value = stripped.lstrip("#").partition(":")
            key = key.strip().lower()
            if sep and key in HEADER_KEYS and key not in header and not terms and not sections:
                header[key] = value.strip()
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip().lower()
            sections.setdefault(section, [])
            continue
        term, _, note = stripped.partition("\t")
        if section is not None:
            sections[section].append(term.strip())
        else:
            terms.append((term.strip(), note.strip()))
    label = header.get("label", "loaded").strip().lower()
    if not _LABEL_NAME.fullmatch(label):
        raise LexiconError(
            path,
            f"the label {label!r} is not a plain word.",
            "Write a label such as '# label: loaded' (letters and _ only).",
        )
    if not terms and not sections:
        raise LexiconError(path, "this terms file has no terms.", "Write one word or phrase a line.")
    name = f"your own list ‘{header.get('list') or path.name}’" if own else (header.get("list") or path.stem)
    source = header.get("short source") or header.get("source") or (f"the file {path.name}" if own else "not stated")
    return Lexicon(
        path=path,
        name=name,
        label=label,
        source=source,
        licence=header.get("licence", ""),
        inflect=header.get("inflect", "yes").lower() not in {"no", "false"},
        own=own,
        note_template=header.get("note template", ""),
        rank=int(header["rank"]) if header.get("rank", "").isdigit() else 50,
        terms=terms,
        sections=sections,
    )


def builtin_lexicons() -> list[Lexicon]:
    """The workbook's own word lists, from ``workbook/data/lexicons``.

    When two lists give the same word the same label, the one with the lower
    ``# rank:`` header names it in the reason (the project's list, then VADER,
    then Pattern).
    """
    lexicons = [read_lexicon(path) for path in sorted(LEXICON_FOLDER.glob("*.txt"))]
    return sorted(lexicons, key=lambda lexicon: lexicon.rank)


def _terms_paths(extra_terms: str | Path | Iterable[str | Path] | None) -> tuple[Path, ...]:
    """The teacher's terms files: `extra_terms` and then ``WORKBOOK_TERMS``."""
    items: list[str | Path] = []
    if extra_terms is not None:
        items.extend([extra_terms] if isinstance(extra_terms, (str, Path)) else list(extra_terms))
    variable = os.environ.get(TERMS_VARIABLE, "").strip()
    if variable:
        if not Path(variable).expanduser().exists():
            raise LexiconError(
                variable,
                f"no terms file or folder by this name (the environment variable {TERMS_VARIABLE} points here).",
                f"Fix or unset {TERMS_VARIABLE}, then restart the kernel.",
            )
        items.append(variable)
    paths: list[Path] = []
    for item in items:
        path = Path(item).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise LexiconError(path, "this folder has no .txt terms files.", "Put each list in a .txt file, one term a line.")
            paths.extend(found)
        else:
            paths.append(path)
    return tuple(paths)


def _variants(word: str) -> set[str]:
    """The usual English endings of `word` (plural, past, -ing, -ly, possessive).

    Over-generation is harmless: a form that is not a word never occurs in a text.
    """
    forms = {word, word + "'s", word + "s'"}
    if len(word) < 4 or not word.isalpha():
        return forms
    vowels = "aeiou"
    if word.endswith("y") and word[-2] not in vowels:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing", word[:-1] + "ily"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing", word + "ly"}
    elif word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing", word + "ly"}
        if word.endswith("le"):
            forms.add(word[:-1] + "y")
    else:
        forms |= {word + "s", word + "ed", word + "ing", word + "ly"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
        if word.endswith("ic"):
            forms.add(word + "ally")
    return forms


@dataclass(eq=False)
class Matcher:
    """All list entries, indexed by their first token, compiled once per set of lists."""

    index: dict[str, list[Entry]]
    lexicons: list[Lexicon]

    sections: dict[tuple[str, str], dict[str, list[tuple[str, ...]]]] = field(default_factory=dict)

    def section(self, label: str, name: str) -> dict[str, list[tuple[str, ...]]]:
        """Section `name` of the list(s) with `label`, as token tuples indexed by their first token."""
        key = (label, name)
        if key not in self.sections:
            index: dict[str, list[tuple[str, ...]]] = {}
            for lexicon in self.lexicons:
                if lexicon.label == label:
                    for term in lexicon.sections.get(name, []):
                        tokens = _tokens(term)
                        if tokens:
                            index.setdefault(tokens[0], []).append(tokens)
            for phrases in index.values():
                phrases.sort(key=len, reverse=True)
            self.sections[key] = index
        return self.sections[key]


def _compile(lexicons: list[Lexicon]) -> Matcher:
    index: dict[str, dict[tuple[str, ...], Entry]] = {}
    # Earlier lists win when two give the same form the same label: teachers' own lists first.
    ordered = [lx for lx in lexicons if lx.own] + [lx for lx in lexicons if not lx.own]
    for lexicon in ordered:
        for term, note in lexicon.terms:
            exact = term.startswith("=")
            base = _tokens(term[1:] if exact else term)
            if not base:
                continue
            forms = {base[-1]} if exact or not lexicon.inflect else _variants(base[-1])
            for form in forms:
                tokens = base[:-1] + (form,)
                entry = Entry(tokens, term.lstrip("="), lexicon.label, lexicon, note, form != base[-1])
                slot = index.setdefault(tokens[0], {})
                key = tokens + (lexicon.label,)
                if key not in slot or (slot[key].inflected and not entry.inflected):
                    slot[key] = entry
    compiled = {
        first: sorted(entries.values(), key=lambda e: -len(e.tokens)) for first, entries in index.items()
    }
    return Matcher(compiled, lexicons)


@lru_cache(maxsize=16)
def _matcher_for(paths: tuple[Path, ...], stamps: tuple[float, ...]) -> Matcher:
    lexicons = builtin_lexicons() + [read_lexicon(path, own=True) for path in paths]
    return _compile(lexicons)


def matcher(extra_terms: str | Path | Iterable[str | Path] | None = None) -> Matcher:
    """The compiled lists (built-in plus a teacher's), cached until a file changes."""
    paths = _terms_paths(extra_terms)
    stamps = tuple(p.stat().st_mtime if p.is_file() else -1.0 for p in paths)
    return _matcher_for(paths, stamps)


# ---- reasons ---------------------------------------------------------------------------------


def _entry_reason(found: str, entry: Entry) -> str:
    lexicon = entry.lexicon
    many = len(entry.tokens) > 1
    what = f"the words ‘{found}’ are" if many else f"the word ‘{found}’ is"
    if entry.inflected:
        what = f"‘{found}’ is a form of ‘{entry.term}’, which is"
    list_name = lexicon.name if lexicon.own else f"the {lexicon.name}"
    if entry.term == "so-called" and found.lower() != "so-called":
        what = f"the words ‘{found}’ start with ‘{found[:9]}’, which is"
    reason = f"{what} in {list_name} (source: {lexicon.source})"
    if entry.note and lexicon.note_template:
        reason += "; " + lexicon.note_template.replace("{value}", entry.note)
    return reason


# ---- finding markers -------------------------------------------------------------------------


def _text_blocks(article: Article) -> list[Any]:
    return [b for b in article.block_list if b.role in TEXT_ROLES and b.duplicate_of is None]


def _others_words(quotes: pd.DataFrame) -> list[tuple[int, int]]:
    """Spans of someone else's words among `workbook.sourcing.quotes` rows."""
    kinds = quotes["kind"].tolist()  # plain lists: filtering the table costs more than the loop
    return [
        (int(s), int(e))
        for s, e, kind in zip(quotes["start"].tolist(), quotes["end"].tolist(), kinds)
        if isinstance(kind, str) and kind in OTHERS_WORDS
    ]


def _inside(position: int, end: int, spans: list[tuple[int, int]]) -> bool:
    # A quote's span may or may not include its quotation marks: allow one character either side.
    return any(s - 1 <= position and end <= e + 1 for s, e in spans)


_PAST_MODAL = re.compile(r"(?:\s+not)?\s+have\b", re.IGNORECASE)
_OPENERS = " \u00a0‘'\"“«([—–-"


def _inside_a_name(text: str, start: int, titles: list[tuple[int, int]]) -> bool:
    """A capitalised word inside a sentence is part of a name ('Liberty University', 'Bloody Sunday').

    Not in headlines and subheadings, which capitalise every word; the first word
    of a sentence, a quotation or a line is not a name for this rule.
    """
    if not text[start:start + 1].isupper() or any(s <= start < e for s, e in titles):
        return False
    before = text[max(0, start - 40):start].rstrip(_OPENERS)
    return bool(before) and before[-1] not in ".!?:;…\n"


def _is_month(text: str, start: int, end: int) -> bool:
    """'May' with a capital next to a number (May 8, 12 May, May 2025) is the month."""
    if text[start:end] != "May":
        return False
    before = text[max(0, start - 4):start]
    return bool(_MONTH_NEIGHBOUR.match(text, end)) or bool(re.search(r"\d\s*$", before))


Tokens = list[tuple[list[tuple[int, int, str]], list[str]]]


def _tokenise(article: Article) -> Tokens:
    """For each block of the text's own words: its tokens (start, end, as written) and their lower-case forms."""
    out = []
    for block in _text_blocks(article):
        lowered = _norm(block.text)  # same length as the text, so offsets carry over
        matches = list(_TOKEN.finditer(block.text))
        starts = list(map(_match_start, matches))
        ends = list(map(_match_end, matches))
        shift = block.start.__add__
        spans = list(zip(map(shift, starts), map(shift, ends), map(_match_text, matches)))
        words = list(map(lowered.__getitem__, map(slice, starts, ends)))
        out.append((spans, words))
    return out


_match_start = re.Match.start
_match_end = re.Match.end
_match_text = re.Match.group


def _lexicon_markers(article: Article, tokens: Tokens, found: Matcher, quotes: list[tuple[int, int]]) -> list[dict[str, Any]]:
    text = article.text
    titles = [(b.start, b.end) for b in _text_blocks(article) if b.role in TITLE_ROLES]
    rows: list[dict[str, Any]] = []
    for spans, words in tokens:
        blocked: dict[str, int] = {}
        listed = list(map(found.index.get, words))  # most words are in no list: skip them without a loop
        word_count = len(words)
        for i in compress(range(len(words)), listed):
            candidates = listed[i]
            raw = spans[i][2]
            if len(raw) <= 3 and raw.isupper() and len(raw) > 1:
                continue  # US, IT, WHO: capitals this short are abbreviations
            for entry in candidates:
                wanted = entry.tokens
                n = len(wanted)
                if blocked.get(entry.label, -1) > i:
                    continue
                # the words here must be the entry's: the first word, then the second, before the whole slice
                if n == 1:
                    if words[i] != wanted[0]:
                        continue
                elif n > 1 and (i + n > word_count or words[i + 1] != wanted[1]):
                    continue
                elif tuple(words[i:i + n]) != wanted:
                    continue
                start, end = spans[i][0], spans[i + n - 1][1]
                if entry.label == "hedge" and _is_month(text, start, end):
                    continue
                if entry.label == "loaded" and not entry.lexicon.own and _inside_a_name(text, start, titles):
                    continue
                if entry.label == "call_to_action" and not entry.lexicon.own and _PAST_MODAL.match(text, end):
                    continue  # 'should have known', 'must have been': about the past, not a call to act
                blocked[entry.label] = i + n
                if entry.term == "so-called":
                    end = _extend_so_called(text, end)
                    while blocked[entry.label] < len(spans) and spans[blocked[entry.label]][0] < end:
                        blocked[entry.label] += 1
                in_quote = _inside(start, end, quotes)
                if entry.label in ("we_voice", "call_to_action") and in_quote:
                    continue  # someone else's 'we' or 'must' is not the writer's voice
                rows.append(
                    {
                        "start": start,
                        "end": end,
                        "label": entry.label,
                        "reason": _entry_reason(text[start:end], entry),
                        "in_quote": in_quote,
                        "rank": (0 if entry.lexicon.own else 1, _PRIORITY.get(entry.label, 0)),
                        "list": entry.lexicon.name if entry.lexicon.own else f"the {entry.lexicon.name}",
                        "repeat_key": None if entry.lexicon.own or entry.label != "loaded" else entry.term.lower(),
                    }
                )
    return _strengthened(text, _one_label_per_span(_first_of_repeats(rows)))


def _first_of_repeats(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A loaded word the text uses `REPEATS` times or more is marked once, where it first appears.

    Such a word is usually what the text is about ('corruption' in a report on
    corruption) or a refrain; the reason says how often it comes, and the learner
    judges which. Words of a teacher's own list are always marked every time.
    """
    counts: dict[str, int] = {}
    for row in rows:
        if row["repeat_key"] is not None:
            counts[row["repeat_key"]] = counts.get(row["repeat_key"], 0) + 1
    kept, seen = [], set()
    for row in sorted(rows, key=lambda row: row["start"]):
        key = row.pop("repeat_key")
        if key is None or counts[key] < REPEATS:
            kept.append(row)
        elif key not in seen:
            seen.add(key)
            row["reason"] += (
                f"; the text uses ‘{key}’ {counts[key]} times, so only its first use is marked "
                f"(a word this frequent is often the subject of the text, or a refrain)"
            )
            kept.append(row)
    return kept


_BETWEEN_WORDS = re.compile(r"[ \u00a0]{1,2}")
#: Words a degree adverb is not taken together with ('very much', 'so the').
_FUNCTION_WORDS = frozenset(
    "a an the much many more most few fewer little less least well often soon long far to of in on at by for "
    "with from and or but nor that this these those it its be been being is was are were not no as than".split()
)


def _take_the_next_word(text: str, row: dict[str, Any], gap: re.Match[str] | None) -> None:
    """A degree adverb ('extremely', 'very') takes in the word it strengthens: 'extremely slow'.

    Annotators mark the pair; the word itself need not be in any list. Only
    adverbs (words ending in -ly, and 'very') do this, and never across a
    function word ('very much').
    """
    degree = _norm(text[row["start"]:row["end"]])
    if gap is None or not (degree.endswith("ly") or degree == "very"):
        return
    following = _TOKEN.match(text, gap.end())
    if following is None or not following.group()[:1].islower() or _norm(following.group()) in _FUNCTION_WORDS:
        return
    row["end"] = following.end()
    row["reason"] = (
        f"the degree word ‘{text[row['start']:gap.start()]}’ strengthens ‘{following.group()}’: "
        + row["reason"].replace("the word ", "", 1)
    )


def _strengthened(text: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A degree word right before a loaded word becomes one loaded phrase: 'utterly cynical'.

    Annotators mark such a pair as one piece of loaded language; a learner sees
    one highlight that names both lists.
    """
    loaded = {row["start"]: row for row in rows if row["label"] == "loaded"}
    merged: list[dict[str, Any]] = []
    used: set[int] = set()
    for row in rows:
        if row["label"] != "intensifier":
            continue
        gap = _BETWEEN_WORDS.match(text, row["end"])
        partner = loaded.get(gap.end()) if gap else None
        if partner is None or partner["in_quote"] != row["in_quote"]:
            _take_the_next_word(text, row, gap)
            continue
        degree, word = text[row["start"]:row["end"]], text[partner["start"]:partner["end"]]
        reason = partner["reason"]
        lead = f"the word ‘{word}’ is"
        if reason.startswith(lead):
            reason = reason[len(lead):].lstrip()
            what = f"‘{word}’ is"
        else:
            what = ""
        intensifier_reason = row["reason"].split(" in the ", 1)[-1] if " in the " in row["reason"] else row["reason"]
        merged.append(
            {
                **partner,
                "start": row["start"],
                "reason": (
                    f"the degree word ‘{degree}’ strengthens ‘{word}’, so the two are one loaded phrase: "
                    f"{what + ' ' if what else ''}{reason}; ‘{degree}’ is in the {intensifier_reason}"
                ),
            }
        )
        used.update((id(row), id(partner)))
    return [row for row in rows if id(row) not in used] + merged


def _one_label_per_span(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """When two lists flag exactly the same words, keep one row and say the other list in its reason.

    A teacher's own list wins; otherwise the order of `_PRIORITY` (so 'heroic' is an
    intensifier that is also in the loaded-language list).
    """
    by_span: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for row in rows:
        by_span.setdefault((row["start"], row["end"]), []).append(row)
    kept = []
    for group in by_span.values():
        group.sort(key=lambda row: row["rank"])
        first = dict(group[0])
        others = [row["list"] for row in group[1:] if row["list"] != first["list"]]
        if others:
            first["reason"] += "; it is also in " + " and ".join(dict.fromkeys(others))
        first.pop("rank")
        first.pop("list")
        kept.append(first)
    return kept


def _extend_so_called(text: str, end: int) -> int:
    """'so-called' takes in the next word, or the whole quotation that follows it."""
    match = re.compile(r"\s+[“\"‘']([^”\"’\n]{1,80})[”\"’']").match(text, end)
    if match:
        return match.end()
    match = re.compile(r"\s+[^\W\d_]+(?:['’\-][^\W\d_]+)*").match(text, end)
    return match.end() if match else end


def _punctuation_markers(article: Article, quotes: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """The writer's own questions and exclamations, one marker per clause that ends in ? or !."""
    text = article.text
    roles = {b.index: b for b in _text_blocks(article)}
    rows: list[dict[str, Any]] = []
    for sentence in article.sentence_list:
        if sentence.block not in roles:
            continue
        clause_start = sentence.start
        for mark in _TERMINAL.finditer(text, sentence.start, sentence.end):
            position = mark.start()
            if _inside(position, position + 1, quotes):
                clause_start = mark.end()
                continue
            start = clause_start
            while start < position and not (text[start].isalnum() or text[start] in "“\"‘'"):
                start += 1
            end = mark.end()
            if "?" in mark.group():
                label = "rhetorical_question"
                reason = (
                    f"the writer asks a question (the sentence ends with ‘?’ and is not inside anyone's "
                    f"quotation); rule: the writer's own question ({_RULE_SOURCE})"
                )
            else:
                label = "exclamation"
                reason = (
                    f"the writer's own sentence ends with ‘!’ and is not inside anyone's quotation "
                    f"({_RULE_SOURCE})"
                )
            rows.append({"start": start, "end": end, "label": label, "reason": reason, "in_quote": False})
            clause_start = mark.end()
    return rows


def _command_markers(article: Article, found: Matcher, quotes: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Sentences of the writer's own that start with a command ('Prevent the ...', 'Join us')."""
    commands = found.section("call_to_action", "command")
    roles = {b.index for b in _text_blocks(article)}
    rows: list[dict[str, Any]] = []
    for sentence in article.sentence_list:
        if sentence.block not in roles:
            continue
        first = _TOKEN.search(sentence.text)
        if not first or first.start() > 2:
            continue
        word = first.group()
        if not word[:1].isupper() or _norm(word) not in commands:
            continue
        following = sentence.text[first.end():first.end() + 3]
        if following.startswith((",", ":")) or not following.strip():
            continue  # 'Support, however, ...' or a one-word line is not a command
        start = sentence.start + first.start()
        if _inside(start, start + 1, quotes):
            continue
        rows.append(
            {
                "start": start,
                "end": sentence.start + first.end(),
                "label": "call_to_action",
                "reason": (
                    f"the sentence starts with the command ‘{word}’, telling readers what to do "
                    f"(rule: a sentence that opens with a verb from the call-to-action list; {_RULE_SOURCE})"
                ),
                "in_quote": False,
            }
        )
    return rows


def _scare_quotes(quotes: pd.DataFrame) -> list[tuple[Any, Any, Any, Any]]:
    """(start, end, text, reason) of the ``scare`` rows among `workbook.sourcing.quotes` rows."""
    return [
        (start, end, text, reason)
        for start, end, text, reason, kind in zip(
            quotes["start"].tolist(), quotes["end"].tolist(), quotes["text"].tolist(), quotes["reason"].tolist(),
            quotes["kind"].tolist(),
        )
        if isinstance(kind, str) and kind == "scare"
    ]


def _scare_markers(scare: list[tuple[Any, Any, Any, Any]]) -> list[dict[str, Any]]:
    rows = []
    for start, end, text, reason in scare:
        words = str(text).strip("“”\"‘’'«» ,.")
        why = str(reason).rstrip(". ")
        rows.append(
            {
                "start": int(start),
                "end": int(end),
                "label": "scare_quote",
                "reason": (
                    f"the quotation marks around ‘{words}’ seem to keep a distance from the words rather than "
                    f"report someone's speech (found by the sourcing tool: {why})"
                ),
                "in_quote": False,
            }
        )
    return rows


def _authority_quote_markers(article: Article, quotes: pd.DataFrame, found: Matcher) -> list[dict[str, Any]]:
    """Quotations that lean on an authority: backed by a numbered source such as [3], or
    from a speaker the text presents with a credential ('Janet Smith, a professor of law')."""
    text = article.text
    credentials = found.section("appeal_to_authority", "credential")
    descriptions = quotes["speaker_description"] if "speaker_description" in quotes else [None] * len(quotes)
    speakers = quotes["speaker"] if "speaker" in quotes else [None] * len(quotes)
    rows = []
    for start, end, kind, speaker, description in zip(quotes["start"], quotes["end"], quotes["kind"], speakers, descriptions):
        if kind != "direct":
            continue
        citation = _CITATION_AFTER.match(text, int(end))
        if citation:
            marker = citation.group().strip(" ,.;:”\"’'")
            reason = (
                f"a quotation backed up by the numbered source {marker}: the writer leans on an "
                f"authority's words to settle a point ({_RULE_SOURCE})"
            )
        else:
            if description is None or description is pd.NA:
                continue
            words = [_norm(m.group()) for m in _TOKEN.finditer(str(description))]
            title = next((w for w in words if w in credentials), None)
            if title is None:
                continue
            reason = (
                f"the quotation comes from {speaker}, presented as ‘{description}’: the credential ‘{title}’ "
                f"asks readers to trust the words because of who said them (credential list: the workbook's own "
                f"list; {_RULE_SOURCE})"
            )
        rows.append(
            {"start": int(start), "end": int(end), "label": "appeal_to_authority", "reason": reason, "in_quote": True}
        )
    return rows


def _analogy_markers(article: Article, tokens: Tokens, found: Matcher) -> list[dict[str, Any]]:
    """Sentences that compare with history: a cue ('just as', 'the case with') and an anchor."""
    cues = found.section("analogy", "cue")
    anchors = found.section("analogy", "anchor")
    year = article.date.year if article.date else None
    all_spans = [span for spans, _ in tokens for span in spans]
    all_words = [word for _, words in tokens for word in words]
    starts = [span[0] for span in all_spans]
    rows = []
    for sentence in article.sentence_list:
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        if lo == hi:
            continue
        words = all_words[lo:hi]
        if cues.keys().isdisjoint(words):  # no cue word in this sentence
            continue
        spans = [(s - sentence.start, e - sentence.start) for s, e, _ in all_spans[lo:hi]]
        cue = _find_any(words, cues)
        if cue is None:
            continue
        anchor = _find_any(words, anchors)
        anchor_text = None
        if anchor is not None:
            a_start, a_end = spans[anchor[0]][0], spans[anchor[1] - 1][1]
            anchor_text = sentence.text[a_start:a_end]
        elif year is not None:
            old = next((m for m in _YEAR.finditer(sentence.text) if int(m.group()) <= year - HISTORY_GAP), None)
            if old is not None:
                a_start, a_end, anchor_text = old.start(), old.end(), old.group()
        if anchor_text is None:
            continue
        c_start, c_end = spans[cue[0]][0], spans[cue[1] - 1][1]
        start, end = min(c_start, a_start), max(c_end, a_end)
        cue_text = sentence.text[c_start:c_end]
        rows.append(
            {
                "start": sentence.start + start,
                "end": sentence.start + end,
                "label": "analogy",
                "reason": (
                    f"the words ‘{cue_text}’ compare with history (‘{anchor_text}’); rule: a comparison word and "
                    f"a past event or a year long before the article, from the historical-analogy list "
                    f"(source: the workbook's own list)"
                ),
                "in_quote": False,
            }
        )
    return rows


def _find_any(words: list[str], phrases: dict[str, list[tuple[str, ...]]]) -> tuple[int, int] | None:
    """(first, last+1) token positions of the earliest phrase of `phrases` in `words`."""
    for i, word in enumerate(words):
        for phrase in phrases.get(word, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                return i, i + len(phrase)
    return None


def markers(
    article: Article,
    extra_terms: str | Path | Iterable[str | Path] | None = None,
    labels: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per rhetoric marker: span columns, then ``label``, ``reason`` and ``in_quote``.

    `extra_terms` is a teacher's own terms file (or folder, or several); see the
    module's help. `labels` keeps only those labels. Rows are sorted by position.

    >>> from workbook import article_from_text
    >>> article = article_from_text("Title\\n\\nWe must act now! The so-called experts apparently know.")
    >>> markers(article)[["text", "label"]].values.tolist()
    [['We', 'we_voice'], ['We must act now!', 'exclamation'], ['must', 'call_to_action'], ['so-called experts', 'label'], ['apparently', 'hedge']]
    """
    found = matcher(extra_terms)
    key = (found, None if labels is None else tuple(sorted(set(labels))))
    cached = _CACHE.get(article, {}).get(key)
    if cached is not None:
        return cached.copy()
    frame = _markers(article, found, labels)
    _CACHE.setdefault(article, {})[key] = frame
    return frame.copy()


#: Markers already found, per article (articles never change once loaded) and per set of lists.
_CACHE: "weakref.WeakKeyDictionary[Article, dict[Any, pd.DataFrame]]" = weakref.WeakKeyDictionary()


def _markers(article: Article, found: Matcher, labels: Iterable[str] | None) -> pd.DataFrame:
    from workbook import sourcing

    quotes = sourcing.quotes(article)
    quote_spans = _others_words(quotes)
    scare = _scare_quotes(quotes)
    tokens = _tokenise(article)
    rows = _lexicon_markers(article, tokens, found, quote_spans)
    rows += _punctuation_markers(article, quote_spans)
    rows += _command_markers(article, found, quote_spans)
    rows += _scare_markers(scare)
    rows += _authority_quote_markers(article, quotes, found)
    rows += _analogy_markers(article, tokens, found)
    if labels is not None:
        wanted = set(labels)
        rows = [row for row in rows if row["label"] in wanted]
    rows.sort(key=lambda row: (row["start"], row["end"], row["label"]))
    return span_frame(article, rows, MARKER_COLUMNS)


def marker_records(article: Article) -> list[dict[str, Any]]:
    """The markers as JSON-ready dicts: ``{"start", "end", "text", "label", "reason"}``."""
    return records(markers(article), RECORD_FIELDS)


# ---- density ---------------------------------------------------------------------------------


def density(article: Article, by: str = "label", extra_terms: str | Path | Iterable[str | Path] | None = None) -> pd.DataFrame:
    """How thick the markers are.

    ``by="label"`` (the default): one row per label with ``label``, ``count``
    and ``per_1000_words`` (markers per 1,000 words of headline, standfirst,
    subheadings and body; every label in `LABELS` appears, with 0 when absent).

    ``by="sentence"``: one row per sentence of the text's own blocks, with the
    span columns and ``words``, ``markers``, ``labels`` (the labels found, in
    order, comma-separated) and ``score`` (markers per 1,000 words of that
    sentence, so it reads like the label figures), for highlighters and charts.

    >>> from workbook import article_from_text
    >>> article = article_from_text("Title\\n\\nThe truly brutal plan failed. It rained.")
    >>> int(density(article).set_index("label").loc["loaded", "count"])
    1
    """
    found = markers(article, extra_terms=extra_terms)
    if by == "label":
        words = article.word_count
        own = {lexicon.label for lexicon in matcher(extra_terms).lexicons}
        labels = list(LABELS) + sorted((own | set(found["label"])) - set(LABELS))
        counts = Counter(label for label in found["label"].tolist() if label is not pd.NA)
        counted = [counts.get(label, 0) for label in labels]
        return typed_frame(
            {
                "label": labels,
                "count": counted,
                "per_1000_words": [round(1000 * count / words, 2) if words else 0.0 for count in counted],
            },
            {"label": "string", "count": "int64", "per_1000_words": "float64"},
        )
    if by == "sentence":
        roles = {b.index for b in _text_blocks(article)}
        by_sentence: dict[int, list[Any]] = {}  # sentence index -> its markers' labels, in the table's order
        for index, label in zip(found["sentence"].tolist(), found["label"].tolist()):
            if index is not pd.NA:
                by_sentence.setdefault(index, []).append(label)
        rows = []
        for sentence in article.sentence_list:
            if sentence.block not in roles:
                continue
            here = by_sentence.get(sentence.index, [])
            words = len(sentence.text.split())
            rows.append(
                {
                    "start": sentence.start,
                    "end": sentence.end,
                    "block": sentence.block,
                    "sentence": sentence.index,
                    "words": words,
                    "markers": len(here),
                    "labels": ", ".join(here),
                    "score": round(1000 * len(here) / words, 1) if words else 0.0,
                }
            )
        return span_frame(
            article, rows, {"words": "int64", "markers": "int64", "labels": "string", "score": "float64"}
        )
    raise ValueError(f"density(by={by!r}): choose by='label' or by='sentence'.")
