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

from workbook.rhetoric.density import density
from workbook.rhetoric.finding import (
    HISTORY_GAP,
    LABELS,
    MARKER_COLUMNS,
    OTHERS_WORDS,
    RECORD_FIELDS,
    REPEATS,
    TEXT_ROLES,
    TITLE_ROLES,
    marker_records,
    markers,
)
from workbook.rhetoric.lexicons import (
    HEADER_KEYS,
    LEXICON_FOLDER,
    MAX_TERMS_BYTES,
    TERMS_VARIABLE,
    Entry,
    Lexicon,
    LexiconError,
    Matcher,
    _matcher_for,
    builtin_lexicons,
    matcher,
    read_lexicon,
)

__all__ = [
    "HEADER_KEYS", "HISTORY_GAP", "LABELS", "LEXICON_FOLDER", "MARKER_COLUMNS", "MAX_TERMS_BYTES", "OTHERS_WORDS",
    "RECORD_FIELDS", "REPEATS", "TERMS_VARIABLE", "TEXT_ROLES", "TITLE_ROLES", "Entry", "Lexicon", "LexiconError",
    "Matcher", "builtin_lexicons", "density", "marker_records", "markers", "matcher", "read_lexicon",
]
