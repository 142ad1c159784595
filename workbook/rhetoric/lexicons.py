"""The word lists behind the rhetoric markers: reading them, their endings, and one compiled index.

Built-in lists live in ``workbook/data/lexicons/*.txt``, each starting with
comment lines naming its source and licence; a teacher's own terms file has the
same shape (see `workbook.rhetoric`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from workbook.textio import ArticleError

#: Folder of the built-in word lists.
LEXICON_FOLDER = Path(__file__).resolve().parent.parent / "data" / "lexicons"
#: Environment variable naming a teacher's own terms file or folder.
TERMS_VARIABLE = "WORKBOOK_TERMS"
#: Largest teacher's terms file read, in bytes.
MAX_TERMS_BYTES = 1_000_000
#: Header lines a word list may start with (``# key: value``).
HEADER_KEYS = (
    "list", "label", "source", "short source", "licence", "inflect", "note template", "rank", "sentiment only",
)

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_LABEL_NAME = re.compile(r"[a-z][a-z_]{0,39}")
#: A word ending in consonant, vowel, consonant ("plan", "stop"): its last letter doubles before -ed and -ing.
_DOUBLES_LAST = re.compile(r"[^aeiou][aeiou][bdgklmnprt]$")


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
    sentiment_only: bool = False
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
        sentiment_only=header.get("sentiment only", "no").lower().startswith("yes"),
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
        if _DOUBLES_LAST.search(word):
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
    #: For a first word that starts entries of several words: its one-word entries, and for each
    #: second word the entries that can match there (one-word ones too), each in `index` order.
    narrowed: dict[str, tuple[list[Entry], dict[str, list[Entry]]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for first, entries in self.index.items():
            if len(entries) == 1 and len(entries[0].tokens) == 1:
                continue  # most first words start one entry of one word: nothing to narrow
            seconds = {entry.tokens[1] for entry in entries if len(entry.tokens) > 1}
            if seconds:
                self.narrowed[first] = (
                    [entry for entry in entries if len(entry.tokens) == 1],
                    {second: [entry for entry in entries if len(entry.tokens) == 1 or entry.tokens[1] == second]
                     for second in seconds},
                )

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
        label = lexicon.label
        for term, note in lexicon.terms:
            exact = term.startswith("=")
            base = _tokens(term[1:] if exact else term)
            if not base:
                continue
            last = base[-1]
            stem = base[:-1]
            forms = (last,) if exact or not lexicon.inflect else _variants(last)
            for form in forms:
                tokens = stem + (form,)
                inflected = form != last
                slot = index.setdefault(tokens[0], {})
                key = tokens + (label,)
                held = slot.get(key)
                # the entry is made only when it is kept (most forms are new): the same index as
                # making every entry and keeping the first, or a plain form over an inflected one
                if held is None or (held.inflected and not inflected):
                    slot[key] = Entry(tokens, term.lstrip("="), label, lexicon, note, inflected)
    compiled = {  # longest first; most words start one entry only, which needs no sorting
        first: sorted(entries.values(), key=_longest_first) if len(entries) > 1 else list(entries.values())
        for first, entries in index.items()
    }
    return Matcher(compiled, lexicons)


def _longest_first(entry: Entry) -> int:
    return -len(entry.tokens)


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

