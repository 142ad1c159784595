"""Block quotations that lost their quotation marks.

News pages often set a long quotation as an indented block, with no quotation
marks: the indent is what tells the reader whose words they are. Copied as
plain text, the indent is gone, and a paragraph such as "I've been building
relationships for years ..." reads as if the writer said it.

The rule, in plain words: a paragraph that speaks as "I" or "we" in its first
sentence, has no quotation marks, and comes right after a paragraph that quotes
or reports a named speaker, is taken as that speaker's words, but only in an
article whose writer never says "I" or "we" anywhere else. A writer who uses
"I" or "we" in their own paragraphs turns the rule off, because then the
first person may well be the writer's.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from workbook.sourcing.marks import _Quote
from workbook.sourcing.speakers import _FIRST_PERSON_FORMS, _first_person
from workbook.sourcing.words import _Tok

if TYPE_CHECKING:  # pragma: no cover
    from workbook.sourcing.analysis import _Analyser
    from workbook.sourcing.reported_speech import _Attribution

#: A token's lower-case text.
_LOWER = attrgetter("lower")
#: Source types that can be the speaker of a block quotation.
SPEAKING = ("person", "organization")


def unmarked_block_quotes(analyser: "_Analyser", attributions: "list[_Attribution]") -> list[_Quote]:
    """Quotations (kind ``direct``) for paragraphs that are a named speaker's words set as a block."""
    blocks = analyser.article.block_list
    body = [i for i, block in enumerate(blocks) if block.role == "body"]
    if len(body) < 2:
        return []
    first_sentence: dict[int, int] = {}
    first_person: set[int] = set()  # blocks that say "I" or "we" outside quotation marks
    for index, sentence in enumerate(analyser.sentences):
        first_sentence.setdefault(sentence.block, index)
        if _speaks_as_first_person(analyser.tokens[index]):
            first_person.add(sentence.block)
    if not first_person:
        return []
    marked = {q.block for q in analyser.quotes}
    speaker: dict[int, tuple[str, str | None, int | None, int | None]] = {}  # the last named speaker of a paragraph
    reporting: dict[int, tuple[str | None, str | None, int | None, int | None]] = {}  # paragraphs that report anyone
    for found in attributions:
        block = _block_of(analyser, found.start)
        if block is None or not found.source or _said_by_writer(found.source):
            continue
        if found.source_type in SPEAKING:
            speaker[block] = reporting[block] = (found.source, found.source_type, found.source_start, found.source_end)
        else:
            reporting[block] = (None, None, None, None)
    for quote in analyser.quotes:
        if quote.kind == "direct" and quote.speaker and quote.source_type in SPEAKING:
            speaker[quote.block] = (quote.speaker, quote.source_type, quote.speaker_start, quote.speaker_end)

    candidates: dict[int, tuple[str, str | None, int | None, int | None]] = {}
    for previous, block in zip(body, body[1:]):
        if block not in first_person or block in marked:
            continue
        opening = first_sentence.get(block)
        if opening is None or not _speaks_as_first_person(analyser.tokens[opening]):
            continue
        who = candidates.get(previous) or speaker.get(previous)
        if who is not None:
            candidates[block] = who
    if first_person - set(candidates):
        candidates = {}  # the writer speaks as "I" or "we" somewhere else: the first person may be theirs
    introduced = _introduced_by_colon(analyser, body, first_person, marked, reporting)
    if not candidates and not introduced:
        return []
    quotes = []
    for block, who in sorted(introduced.items()):
        name = who[0]
        quotes.append(_paragraph_quote(analyser, block, who, (
            f"The paragraph before reports what {name or 'someone'} says and ends with a colon, and this paragraph "
            f"speaks as ‘I’ or ‘we’: it is probably {name + chr(39) + 's' if name else 'their'} words set as a block "
            "quotation, which loses its quotation marks when a page is copied as text (less sure: check the page)."
        )))
    for block, who in sorted(candidates.items()):
        if block not in introduced:
            quotes.append(_paragraph_quote(analyser, block, who, (
                f"This paragraph speaks as ‘I’ or ‘we’ right after {who[0]}'s words, and the writer never says ‘I’ or "
                f"‘we’ elsewhere: it is probably {who[0]}'s words set as a block quotation, which loses its quotation "
                "marks when a page is copied as text (less sure: check the page)."
            )))
    return quotes


def _paragraph_quote(analyser: "_Analyser", block: int, who: tuple[str | None, str | None, int | None, int | None],
                     reason: str) -> _Quote:
    """A quotation (kind ``direct``) of the whole paragraph `block`, credited to `who` (name, type, start, end)."""
    span = analyser.article.block_list[block]
    text = analyser.text[span.start : span.end]
    quote = _Quote(span.start + len(text) - len(text.lstrip()), span.start + len(text.rstrip()), block, span.role)
    quote.kind = "direct"
    quote.speaker, quote.source_type, quote.speaker_start, quote.speaker_end = who
    quote.reason = reason
    return quote


def _introduced_by_colon(analyser: "_Analyser", body: list[int], first_person: set[int], marked: set[int],
                         reporting: dict[int, tuple[str | None, str | None, int | None, int | None]]
                         ) -> dict[int, tuple[str | None, str | None, int | None, int | None]]:
    """Paragraphs in the first person, without quotation marks, right after a paragraph that reports
    someone and ends with a colon ("... the goals they claim for data collection:")."""
    blocks = analyser.article.block_list
    found = {}
    for previous, block in zip(body, body[1:]):
        if block not in first_person or block in marked or previous not in reporting:
            continue
        if analyser.text[blocks[previous].start : blocks[previous].end].rstrip().endswith(":"):
            found[block] = reporting[previous]
    return found


def _speaks_as_first_person(tokens: "list[_Tok]") -> bool:
    """True when a sentence says "I", "we", "my" ... ("My" capitalised inside a title does not count)."""
    if _FIRST_PERSON_FORMS.isdisjoint(map(_LOWER, tokens)):
        return False  # no first-person word at all: one set test instead of a check of each token
    return any(
        _first_person(tok) and (k == 0 or not tok.cap or tok.lower == "i" or tok.lower[:2] in ("i'", "i’"))
        for k, tok in enumerate(tokens)
    )


def _said_by_writer(source: str) -> bool:
    words = source.split()
    return len(words) == 1 and words[0].lower().strip("’'") in ("i", "we")


def _block_of(analyser: "_Analyser", position: int) -> int | None:
    index = analyser.sentence_of(position)
    return None if index is None else analyser.sentences[index].block
