"""Pairing quotation marks: which marks open and close a quotation, and which are apostrophes
(the rules are listed in the package notes)."""

from __future__ import annotations

from dataclasses import dataclass
import re

from workbook.articles import Article


#: A quotation mark; two apostrophes '' stand for a double mark in some archives. The same as
#: r"''|[\"“”‘’'«»„]", with each mark spelled out: when every alternative opens with a plain
#: character, the regex engine skips ahead to the next of those characters instead of trying the
#: whole pattern at every position of the text (half the time of the search).
_MARKS = re.compile(r"''|\"|“|”|‘|’|'|«|»|„")


_OPEN_CONTEXT = " \n\t([{—–-/“‘«"


_TERMINAL = ".!?…"


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
    #: True when no rule named a speaker or a signal: the kind is a guess from the length alone
    unattributed: bool = False

    def take_speaker_of(self, other: "_Quote", with_cue: bool = False) -> None:
        """Give this quotation `other`'s speaker (and its reporting verb too, `with_cue`)."""
        names = _SPEAKER_FIELDS + (_CUE_FIELDS if with_cue else ())
        for name in names:
            setattr(self, name, getattr(other, name))


_SPEAKER_FIELDS = ("speaker", "speaker_description", "speaker_start", "speaker_end", "source_type")
_CUE_FIELDS = ("cue", "cue_start", "cue_end")


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
        if block.role == "boilerplate" or (block.duplicate_of is not None and blocks[block.duplicate_of].role == "headline"):
            stack = []  # (a page that prints its headline twice: the second copy's quotation is the first's)
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
                _close_open_paragraphs(stack, blocks, number, text, found)
                stack = []
                pos = block.start
        else:
            pos = block.start
        lo, hi = block.start, block.end
        for match in _MARKS.finditer(text, pos, hi):
            i = match.start()
            if text[i] in "’'" and lo < i and i + 1 < hi and text[i - 1].isalnum() and text[i + 1].isalnum():
                continue  # an apostrophe between two letters ("Moscow’s", "don't"): what _direction says of it
            singles = _count(stack, "single") if stack else 0  # the stack is never deeper than _MAX_DEPTH
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
    if stack:
        _close_open_paragraphs(stack, blocks, len(blocks), text, found)
    return found


def _close_open_paragraphs(stack: list[tuple[int, str, int]], blocks: list, number: int, text: str,
                           found: list[_Quote]) -> None:
    """The convention of press releases and some papers: a paragraph that opens with a double quotation
    mark and never closes it is quoted to its end (the next paragraph, when it opens with the mark too,
    goes on with it). When the paragraphs before block `number` left one such mark open, and only that
    one, add the quotation from the mark to the end of the last paragraph before `number`."""
    if len(stack) != 1:
        return
    position, kind, first = stack[0]
    if kind != "double" or position != blocks[first].start or number == 0:
        return  # only a mark that opens its paragraph, never a stray one inside a sentence
    last = blocks[number - 1]
    end = last.start + len(text[last.start:last.end].rstrip())
    if end - position > 20 and last.role == blocks[first].role:
        found.append(_Quote(position, end, blocks[first].index, blocks[first].role))
