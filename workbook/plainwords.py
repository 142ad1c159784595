"""Plain words for the code names the extractors use, so a learner never reads ``call_to_action``.

Used by the screens (`workbook.widgets`) and the charts (`workbook.charts`).
Source: written for the Media Literacy Workbook.
"""

from __future__ import annotations

#: Plain words for the labels the extractors use (a learner never sees a code name).
PLAIN_LABELS: dict[str, str] = {
    # quotes
    "direct": "someone's words", "scare": "scare quotes", "name": "names and titles",
    "slogan": "slogans", "headline": "quote in the headline",
    # sources
    "person": "people", "organization": "organisations", "organisation": "organisations",
    "document": "documents", "vague": "vague sources", "unknown": "unclear who",
    # rhetoric
    "loaded": "loaded words", "label": "labels for people or groups", "absolute": "absolute words",
    "intensifier": "intensifiers", "hedge": "hedges", "rhetorical_question": "rhetorical questions",
    "exclamation": "exclamations", "scare_quote": "scare quotes", "we_voice": "the writer's \u2018we\u2019",
    "call_to_action": "calls to action", "appeal_to_authority": "appeals to authority",
    "analogy": "comparisons", "quoted": "in someone else's words", "weak": "weaker signs (less sure)",
    # figures and time
    "count": "counts", "distance": "distances", "duration": "lengths of time", "fraction": "fractions",
    "percent": "percentages", "money": "money", "date": "dates", "era": "eras", "relative": "relative times",
    "year": "years",
}


def plain_label(label: str | None) -> str:
    """A label in plain words: ``"call_to_action"`` -> ``"calls to action"``."""
    if not label:
        return ""
    return PLAIN_LABELS.get(str(label), str(label).replace("_", " "))


def possessive(name: str) -> str:
    """`name` with the possessive ending a reader expects: "Ann Lee’s", "Lewis’s", but "the officials’".

    >>> [possessive(n) for n in ("Ann Lee", "Lewis", "military professionals", "Ann Lee’s")]
    ['Ann Lee’s', 'Lewis’s', 'military professionals’', 'Ann Lee’s']
    """
    name = name.strip()
    if name.endswith(("’s", "'s", "’", "s'")):
        return name
    last = name.split()[-1] if name.split() else name
    if last.islower() and last.endswith("s") and not last.endswith("ss"):
        return name + "’"  # a plural: "the officials’ words"
    return name + "’s"


def how_many(count: int, word: str, plural: str | None = None) -> str:
    """`count` and `word`, with the plural a reader expects: "1 answer", "2 answers", "0 answers".

    `plural` is for words whose plural is not `word` + "s": ``how_many(3, "person", "people")``.

    >>> [how_many(1, "answer"), how_many(2, "attempt"), how_many(0, "line"), how_many(3, "learner")]
    ['1 answer', '2 attempts', '0 lines', '3 learners']
    >>> how_many(2, "block of text", "blocks of text")
    '2 blocks of text'
    """
    return f"{count} {word if count == 1 else (plural or word + 's')}"
