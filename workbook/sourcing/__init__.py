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
* a double mark that opens a paragraph and is never closed is a quotation to the
  end of that paragraph, or of the last paragraph that opens with the mark too
  (the way press releases quote a speaker over several paragraphs);
* any other mark that is never closed (unbalanced) is skipped: no row, no error.

How a speaker is found, in order (the ``reason`` column says which rule fired):
a slogan or scare word just before the quotation ("so-called", "the slogan");
a title written in capitals; a reporting verb right after the quotation with
the speaker beside it (“...,” Ann Lee, the mayor, said); a dash and a name after
it; "according to"; the nearest reporting verb before it in the same sentence,
whose subject is the speaker; a short clause ending in a colon; a quoted
sentence straight after someone's quotation continues their words. "he",
"she", "it", "who" and "which" are resolved to the person or organisation
named just before, and a later surname to the full name given earlier.

The package, one concern per file: ``words`` (the word lists and tokens),
``marks`` (pairing quotation marks), ``phrases`` (noun phrases, subjects, names),
``source_types``, ``speakers`` (who a mention means, who does the saying),
``quotations`` (what kind of quotation, whose words), ``reported_speech``
(attributions: source, cue, content), ``analysis`` (the one pass per article that
runs them in order), ``tables`` (the quotation and attribution records and
tables), ``source_lists`` (citations) and ``overview`` (the per-article summary).
"""

from __future__ import annotations

from workbook.sourcing.overview import SUMMARY_COLUMNS, summary
from workbook.sourcing.source_lists import CITATION_COLUMNS, citation_records, citations
from workbook.sourcing.source_types import source_type
from workbook.sourcing.tables import ATTRIBUTION_COLUMNS, QUOTE_COLUMNS, attribution_records, attributions, quote_records, quotes
from workbook.sourcing.words import lexicon

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


