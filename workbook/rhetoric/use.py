"""How a listed word is used: the rules that judge a word in its sentence, not just in its list.

A word list only says that a word *can* persuade. These rules look at the words
around it (pure Python, no tagger; the cue lists are in
``workbook/data/lexicons/rules/use.txt``):

- set phrases and names are not rhetoric ("prisoners of war", "after all", "the Nazi regime");
- part of speech from its neighbours: "a total of 40" and "only 8GB" are quantities;
- a reporting verb with a third-party subject ("Lee suggests that") is not the writer's hedge;
- "will need to", "should I ...?", "I need to" and "the urgent need to" are not calls to action;
- "his offensive," and "the assault on" name a military operation;
- boilerplate, promotion and link lines are never analysed.

`strength` (in `workbook.rhetoric.strength`) then says how sure each remaining marker is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from functools import lru_cache
from pathlib import Path
from typing import Any

from workbook.rhetoric.lexicons import LEXICON_FOLDER, _TOKEN, _norm, _tokens

RULES_FILE = LEXICON_FOLDER / "rules" / "use.txt"

_NUMBER_AFTER = re.compile(r"[\s(]*(?:[$£€¥]\s?)?\d")
# Patterns the rules use for every marker, compiled once (rather than looked up in re's cache per call).
_STOP_AT_END = re.compile(r"[.!?;:]\s*$")
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+(?:['’\-][^\W\d_]+)*)")
_CLAUSE_BREAK = re.compile(r"[,;:—–]")
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b")
_WORD_AT_END = re.compile(r"([^\W\d_][\w’'\-]*)[ \u00a0]+$")


@dataclass(frozen=True)
class Rules:
    """The cue lists of ``rules/use.txt``, one frozenset (or phrase index) per section."""

    set_phrases: dict[str, tuple[tuple[str, ...], ...]]
    sections: dict[str, frozenset[str]]
    promotion: re.Pattern[str] = field(default=re.compile(r"(?!x)x"))
    link_starts: tuple[str, ...] = ()
    #: How many tokens the longest set phrase has.
    longest_set_phrase: int = 0
    #: The promotion cues (lower case), and any character of them in either case (None when a cue is
    #: not plain ASCII): see `skipped_sentence`.
    promotion_cues: tuple[str, ...] = ()
    promotion_characters: re.Pattern[str] | None = None

    def has(self, section: str, word: str) -> bool:
        words = self.sections.get(section)
        return words is not None and word in words


@lru_cache(maxsize=1)
def rules(path: Path = RULES_FILE) -> Rules:
    """Read the cue lists once."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip().lower()
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(stripped.lower())
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sections.get("set phrase", []):
        tokens = _tokens(phrase)
        if tokens:
            index.setdefault(tokens[0], []).append(tokens)
    promotion = sorted(sections.get("promotion", []), key=len, reverse=True)
    return Rules(
        {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()},
        {name: frozenset(words) for name, words in sections.items() if name != "set phrase"},
        re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(cue) for cue in promotion) + r")(?![^\W_])", re.IGNORECASE)
        if promotion else re.compile(r"(?!x)x"),
        tuple(sections.get("link line", [])),
        max((len(tokens) for found in index.values() for tokens in found), default=0),
        tuple(promotion),
        re.compile("[" + re.escape("".join(sorted(set("".join(promotion))))) + "]", re.IGNORECASE)
        if promotion and all(cue.isascii() for cue in promotion) else None,
    )


def set_phrase_spans(spans: list[tuple[int, int, str]], words: list[str], found: Rules) -> list[tuple[int, int]]:
    """(start, end) of every set phrase in one block's tokens."""
    out = []
    listed = list(map(found.set_phrases.get, words))  # most words start no set phrase: skip them without a loop
    for i in compress(range(len(words)), listed):
        n = set_phrase_length(words, i, found)
        if n:
            out.append((spans[i][0], spans[i + n - 1][1]))
    return out


def set_phrase_length(words: list[str], i: int, found: Rules) -> int:
    """How many tokens the set phrase starting at token `i` has (the longest that fits), or 0 for none."""
    count = len(words)
    for phrase in found.set_phrases.get(words[i], ()):
        n = len(phrase)
        # 'the' starts several phrases and is everywhere: compare the second word before the whole slice
        if n == 1 or (n <= count - i and words[i + 1] == phrase[1] and (n == 2 or tuple(words[i:i + n]) == phrase)):
            return n
    return 0


def in_set_phrase(words: list[str], first: int, last: int, found: Rules) -> bool:
    """True when tokens `first` to `last` - 1 lie inside one of the set phrases `set_phrase_spans` finds.

    Only the few phrases that could hold them are looked at: those starting at most
    `Rules.longest_set_phrase` - 1 tokens before `first`.
    """
    starts = found.set_phrases
    for i in range(max(0, first - found.longest_set_phrase + 1), first + 1):
        if words[i] in starts:  # most words start no set phrase
            n = set_phrase_length(words, i, found)
            if n and i + n >= last:
                return True
    return False


def word_before(text: str, start: int, floor: int = 0) -> str:
    """The lower-case word right before `start` (within the same sentence: no stop in between)."""
    piece = text[max(floor, start - 60):start]
    if _STOP_AT_END.search(piece):
        return ""
    words = list(_TOKEN.finditer(piece))
    return _norm(words[-1].group()) if words else ""


def words_before(text: str, start: int, n: int = 2, floor: int = 0) -> list[str]:
    """Up to `n` lower-case words right before `start`, nearest last (stops at a sentence end)."""
    piece = text[max(floor, start - 80):start]
    cut = max(piece.rfind(". "), piece.rfind("? "), piece.rfind("! "), piece.rfind("\n"))
    if cut >= 0:
        piece = piece[cut + 1:]
    return [_norm(m.group()) for m in _TOKEN.finditer(piece)][-n:]


def before_words(row: dict[str, Any], text: str, n: int) -> list[str]:
    """The `n` words before a marker: from its row when the tokeniser gave them, else read from the text."""
    before = row.get("before")
    if before is not None:
        return list(before[-n:])
    return words_before(text, row["start"], n, row.get("floor", 0))


def after_word(row: dict[str, Any], text: str) -> str:
    """The word right after a marker (from its row when the tokeniser gave it)."""
    after = row.get("after")
    return after if after is not None else word_after(text, row["end"])


def word_after(text: str, end: int) -> str:
    """The lower-case word right after `end` ('' when punctuation comes first)."""
    match = _NEXT_WORD.match(text, end)
    return _norm(match.group(1)) if match else ""


def is_capitalised_mid_sentence(text: str, start: int, floor: int = 0) -> bool:
    """The word at `start` has a capital and is not the first word of its sentence or line."""
    if not text[start:start + 1].isupper():
        return False
    before = text[max(floor, start - 40):start].rstrip(" \u00a0‘'\"“«([—–-")
    return bool(before) and before[-1] not in ".!?:;…\n"


def not_a_device(row: dict[str, Any], text: str, found: Rules, floor: int = 0) -> str | None:
    """Why a list marker is not a device in this use (a short phrase), or None when it is one.

    `row` is a marker from a list, with its ``label`` and lower-case ``term``; only
    built-in lists are judged this way (a teacher's own list is taken as written).
    """
    label, term = row["label"], row.get("term", "")
    start, end = row["start"], row["end"]
    after = text[end:end + 30]
    if label == "intensifier" and term == "total":
        nxt = after_word(row, text)
        if nxt in ("of",) or _NUMBER_AFTER.match(after) or word_before(text, start, floor) in ("a", "the", "in"):
            return "‘total’ is the noun or the verb of adding up here, before a number"
        if nxt in ("more", "nearly", "about", "over", "around", "some", "roughly", "almost", "just"):
            return "‘total’ is the verb of adding up here, before a number"
    if label == "intensifier" and term == "very" and word_before(text, start, floor) == "the":
        return "‘the very …’ means ‘exactly this’, not a degree"
    if label == "absolute" and term == "only":
        nxt = after_word(row, text)
        if _NUMBER_AFTER.match(after) or found.has("number word", nxt) or _starts_with_number_words(after, found):
            return "‘only’ before a number gives a quantity"
    if label == "call_to_action" and row.get("from_list"):
        before = before_words(row, text, 2)
        if term == "need to" and before and (found.has("determiner", before[-1]) or found.has("need the noun", before[-1])):
            return f"‘{before[-1]} need to …’ is the noun, a need someone has, not a call to act"
        if before and found.has("prediction", before[-1]):
            return f"‘{before[-1]} {text[start:end]}’ makes a forecast or an instruction, not a call to act"
        if before and before[-1] == "i":
            return "the writer's own need ('I need to'), not a call to readers"
        if term in ("must", "should"):
            nxt = after_word(row, text)
            if found.has("inference after a duty", nxt) and (nxt != "have" or _PERFECT_AFTER_HAVE.match(text, end)):
                return f"‘{text[start:end]} {nxt}’ guesses what is so ('that must mean ...'), it does not call anyone to act"
        if term in ("need to", "needs to") and len(before) == 2 and before[-1] in ("that", "which") and before[0].isalpha():
            return (f"‘{before[-1]} {text[start:end]}’ is inside a clause that describes something ('the first thing "
                    "that needs to happen'), not a call to readers")
        if row.get("question"):
            return "a ‘should’ or ‘need to’ inside a question asks, it does not call to act"
        clause = _CLAUSE_BREAK.split(text[max(floor, start - 80):start])[-1].lower()
        if _CONDITION.search(clause):
            return "a ‘need to’ or ‘must’ inside a condition (‘if you need to …’) does not call anyone to act"
    if label == "loaded" and found.has("operation noun", term):
        before = before_words(row, text, 1)
        nxt = after_word(row, text)
        if before and (found.has("determiner", before[-1]) or before[-1].endswith(("'s", "’s"))) and (
            not nxt or found.has("after an operation noun", nxt)
        ):
            return f"‘{before[-1]} {text[start:end]}’ names a military operation here, not a judgement"
    if label == "hedge" and term.split()[0] in ("suggests", "suggest", "appears", "appear", "seems", "seem"):
        subject = _raw_word_before(text, start, floor)
        if subject and (found.has("third party", subject.lower()) or (
            subject[:1].isupper() and subject.lower() not in _IMPERSONAL
        )):
            return "a reporting verb whose subject is someone else: the writer reports, not hedges"
    if label == "label":
        if (term.split()[-1] in _INSTITUTIONS and _capitalised_before(text, start, floor)
                and _PEOPLE_OR_CREED.search(_raw_word_before(text, start, floor))):
            # (after a place or a person, "the Lima regime" and "the Lee regime" are labels like any other)
            return "part of a name (a word for a people or a creed comes right before it: ‘the Nazi regime’)"
        if text[start:start + 1].isupper() and is_capitalised_or_first(text, start, floor) and after_word(row, text):
            return "a capitalised word that names the next one (‘Nazi regime’, ‘Communist Party’): part of a name"
    return None


def _starts_with_number_words(after: str, found: Rules) -> bool:
    """The text after a marker starts with a number word of several words ('a dozen ...')."""
    rest = after.lower().lstrip()
    return any(rest.startswith(w + " ") for w in found.sections.get("number word", ()) if " " in w)


#: "have" and a past participle after a duty: "must have known", "should have been" (a guess about the past).
_PERFECT_AFTER_HAVE = re.compile(r"\s+have\s+(?:been|known|seen|had|[a-z]+(?:ed|en))\b")
#: Label words that name a form of government: after a capitalised word they are part of its name.
_INSTITUTIONS = frozenset("regime regimes junta dictatorship oligarchy".split())
#: A capitalised word for a people or a creed ("Nazi", "Soviet", "Communist", "Iranian"), which with
#: "regime" makes the name of a government; a place or a person before it ("Lima", "Lee") does not.
_PEOPLE_OR_CREED = re.compile(r"(?:an|ian|ean|ish|ese|ic|i|ch|ist|ite|Soviet)$")
_IMPERSONAL = frozenset("it this that there which what evidence".split())


def _raw_word_before(text: str, start: int, floor: int) -> str:
    piece = text[max(floor, start - 40):start]
    match = _WORD_AT_END.search(piece)
    return match.group(1) if match else ""


def is_capitalised_or_first(text: str, start: int, floor: int) -> bool:
    """The word at `start` has a capital (wherever it stands in the sentence)."""
    return text[start:start + 1].isupper()


def _capitalised_before(text: str, start: int, floor: int) -> bool:
    piece = text[max(floor, start - 40):start]
    match = _WORD_AT_END.search(piece)
    if not match or not match.group(1)[:1].isupper():
        return False
    return is_capitalised_mid_sentence(text, start - len(piece) + match.start(1), floor)


def skipped_sentence(sentence_text: str, found: Rules) -> bool:
    """A sentence of the site's own promotion ('Sign up for our newsletter') is never analysed."""
    text = sentence_text.replace("’", "'")
    if found.promotion_characters is not None:
        # The pattern ignores case, which is slow to run on every sentence. When no letter beyond ASCII
        # in the sentence can stand for a cue's letter (the pattern itself says: 'ſ' may stand for 's'),
        # a cue can only be found among ASCII letters, and then it is in the lower-cased text as written.
        others = "".join(_BEYOND_ASCII.findall(text))
        if not (others and found.promotion_characters.search(others)):
            lowered = text.lower()
            if not any(cue in lowered for cue in found.promotion_cues):
                return False
    return found.promotion.search(text) is not None


_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def link_line(block_text: str, found: Rules) -> bool:
    """A block that is a link line ('Read the full transcript', 'posted in: All news | 0', a bare address)."""
    stripped = block_text.strip()
    lowered = stripped.lower()
    if lowered.startswith(found.link_starts):
        return True
    if stripped.count(" | ") >= 1 and len(stripped.split()) <= 20:
        return True
    # A web address: three plain substring tests cost less than a pattern run over every block's text.
    return ("http://" in stripped or "https://" in stripped or "www." in stripped) and len(stripped.split()) <= 8
