"""Interviews and transcripts: paragraphs that open with a speaker's label.

An interview is often printed as turns: "Kuleba: Well, for decades Russia ...",
or "Q. ..." and "A. ...". The words of each turn are the speaker's, not the
writer's, though no quotation marks are used. The rules, in plain words:

- a paragraph that opens with a name and a colon ("Judy Woodruff: ...") is that
  person's turn, when the same label opens at least one other paragraph (so a
  one-off "Update: ..." or "Photo: ..." is not taken for a speaker);
- a paragraph that opens with an answer label ("A:", "A.", "Answer.", "R.",
  "Response.") is the answer of the person interviewed; question labels ("Q:",
  "Question.", "P.", "Ask.") are the interviewer's, usually the writer's own, and
  are left as the writer's.

A turn whose label is the writer's own name (from the byline) stays the writer's.
A label may follow a quotation mark that its paragraph never closes (a long quotation
marked paragraph by paragraph), and a label in capitals ("WALLACE:") reads as a name.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from workbook.sourcing.marks import _Quote
from workbook.sourcing.words import _DETERMINERS

if TYPE_CHECKING:  # pragma: no cover
    from workbook.sourcing.analysis import _Analyser

#: A paragraph may open with a quotation mark that the transcript never closes (the old
#: convention of marking every paragraph of a long quotation): the label follows it.
_LABEL = re.compile(r"(?:[\"“][ \t]*)?(?P<label>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})[ \t]*:[ \t]*(?=\S)")
_ANSWER = re.compile(r"(?:A|Answer|R|Response|Respuesta|Réponse)[ \t]*[.:][ \t]+(?=\S)")
_QUESTION = re.compile(r"(?:Q|Question|P|Pregunta|Ask)[ \t]*[.:][ \t]+(?=\S)")
#: Labels that start page furniture or notes, never a speaker's turn.
_NOT_SPEAKERS = frozenset(
    "photo photos image video source sources update updated note editor's editor’s read watch listen related "
    "caption credit credits correction advertisement warning tags topics share".split()
)


def transcript_turns(analyser: "_Analyser") -> list[_Quote]:
    """Quotations (kind ``direct``) for interview turns: each labelled paragraph's words after its label."""
    article = analyser.article
    blocks = article.block_list
    body = [i for i, block in enumerate(blocks) if block.role in ("body", "quote")]
    labels: dict[int, re.Match[str]] = {}
    for i in body:
        match = _LABEL.match(analyser.text, blocks[i].start, blocks[i].end)
        first = match.group("label").split()[0].lower().rstrip(":") if match else ""
        if match and first not in _NOT_SPEAKERS and first not in _DETERMINERS:
            labels[i] = match  # "The Latest: ..." is a heading, not a person's turn
    counts = Counter(_surname(m.group("label")) for m in labels.values())  # "Dmytro Kuleba:" then "Kuleba:"
    speakers = sum(1 for n in counts.values() if n >= 2)  # an interview has two people taking turns
    full: dict[str, str] = {}
    for m in labels.values():
        name = m.group("label")
        if len(name.split()) > len(full.get(_surname(name), "").split()):
            full[_surname(name)] = name
    answers = {i: m for i in body if (m := _ANSWER.match(analyser.text, blocks[i].start, blocks[i].end))}
    questions = sum(1 for i in body if _QUESTION.match(analyser.text, blocks[i].start, blocks[i].end))
    writer = (article.author or "").lower()
    turns: list[_Quote] = []
    current: _Quote | None = None  # the turn that unlabelled paragraphs after it continue
    pending: list[int] = []
    for i in body:
        match = labels.get(i)
        if match is not None and counts[_surname(match.group("label"))] >= 2 and speakers >= 2:
            label = match.group("label")
            name = _display_name(full[_surname(label)])
            turns.extend(_continued(analyser, current, pending))
            pending, current = [], None
            if name.lower() in writer or (writer and _surname(name).lower() in writer):
                continue  # the writer's own turn
            quote = _turn(analyser, i, match.end())
            current = quote
            quote.speaker, quote.speaker_start, quote.speaker_end = name, match.start("label"), match.end("label")
            quote.speaker_description = None if name == label else f"named ‘{label}’ in this turn"
            quote.source_type = "person"
            quote.reason = (
                f"This paragraph opens with ‘{name}:’, the way an interview or transcript marks whose turn it is, "
                "so the words are treated as theirs."
            )
            turns.append(quote)
        elif i in answers and questions >= 1 and len(answers) >= 2:
            turns.extend(_continued(analyser, current, pending))
            pending = []
            quote = _turn(analyser, i, answers[i].end())
            current = quote
            quote.reason = (
                "This paragraph opens with an answer label (such as ‘A.’ or ‘Response.’), the way an interview marks "
                "the answers of the person interviewed, so the words are theirs, not the writer's."
            )
            turns.append(quote)
        elif i in labels or (_QUESTION.match(analyser.text, blocks[i].start, blocks[i].end) and questions >= 2):
            turns.extend(_continued(analyser, current, pending))
            pending, current = [], None  # a question, or another label: the turn is over
        elif current is not None:
            pending.append(i)
    # paragraphs after the last turn continue it only in a transcript that has nothing else
    if current is not None and len(turns) >= 4 and len(pending) <= 3:
        turns.extend(_continued(analyser, current, pending))
    return turns


def without_quotations_holding_turns(quotes: list[_Quote], turns: list[_Quote]) -> list[_Quote]:
    """`quotes` less any pair of marks around two or more turns: one transcript quoted whole (its
    paragraphs each open with a mark, only the last closes), whose turns say whose words are whose."""
    if len(turns) < 2:
        return quotes

    def turns_inside(quote: _Quote) -> int:
        return sum(1 for turn in turns if quote.start <= turn.start and turn.end <= quote.end)

    return [quote for quote in quotes if turns_inside(quote) < 2]


def _continued(analyser: "_Analyser", turn: _Quote | None, blocks: list[int]) -> list[_Quote]:
    """The unlabelled paragraphs between one turn and the next label: more of the same speaker's words."""
    if turn is None:
        return []
    out = []
    marked = {q.block for q in analyser.quotes}
    for block in blocks:
        if block in marked:
            continue  # a paragraph with quotation marks of its own: its quotations say whose words they are
        span = analyser.article.block_list[block]
        text = analyser.text[span.start : span.end]
        quote = _turn(analyser, block, span.start + len(text) - len(text.lstrip()))
        quote.speaker, quote.speaker_start, quote.speaker_end = turn.speaker, turn.speaker_start, turn.speaker_end
        quote.source_type, quote.speaker_description = turn.source_type, turn.speaker_description
        who = turn.speaker or "the person interviewed"
        quote.reason = f"This paragraph carries on {who}'s turn in the interview: no new speaker is named before it."
        out.append(quote)
    return out


def _display_name(label: str) -> str:
    """A transcript's capitals ("WALLACE") read as a name ("Wallace"); other labels stay as written."""
    return label.title() if label.isupper() and len(label) > 2 else label


def _surname(label: str) -> str:
    return label.split()[-1]


def _turn(analyser: "_Analyser", block: int, start: int) -> _Quote:
    span = analyser.article.block_list[block]
    end = span.start + len(analyser.text[span.start : span.end].rstrip())
    quote = _Quote(start, end, block, span.role)
    quote.kind = "direct"
    return quote
