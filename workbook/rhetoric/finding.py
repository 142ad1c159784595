"""Finding rhetoric markers in an article: the rules, one function per kind of marker.

`markers` (re-exported by `workbook.rhetoric`) is the entry point; see that
package's help for the columns and labels.
"""

from __future__ import annotations

import re
import sys
import weakref
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import chain, compress, count, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.articles import Article
from workbook.rhetoric import use
from workbook.rhetoric.lexicons import Entry, Matcher, _TOKEN, _entry_reason, _norm, matcher
from workbook.rhetoric.strength import strength
from workbook.rhetoric.voice import OTHERS_WORDS, _finder, voice_finder
from workbook.spans import offset_records, span_frame, span_records

if TYPE_CHECKING:  # pandas is imported when a table is asked for (`markers`), never for records
    import pandas as pd

#: Every label the built-in rules and lists give, in the order tables show them.
LABELS = (
    "loaded",
    "label",
    "framing",
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
MARKER_COLUMNS = {
    "label": "string",
    "reason": "string",
    "in_quote": "boolean",
    "voice": "string",
    "speaker": "string",
    "strength": "string",
    "strength_reason": "string",
}
#: Fields of each marker in the JSON export (``"rhetoric": [...]``).
RECORD_FIELDS = ("start", "end", "text", "label", "reason", "voice", "speaker", "strength", "strength_reason")
#: Block roles whose words are the text's own (not the byline, captions, source list or site boilerplate).
TEXT_ROLES = ("headline", "standfirst", "subheading", "body")
#: Block roles whose lines often capitalise every word (so a capital does not mark a name there).
TITLE_ROLES = ("headline", "subheading")
#: A year at least this many years before the article counts as history for analogies.
HISTORY_GAP = 20
#: A loaded word used this many times or more in one text is marked only where it first appears.
REPEATS = 3
#: Largest teacher's terms file read, in bytes.
#: Which label a span keeps when two built-in lists flag exactly the same words (lower first).
_PRIORITY = {"label": -8, "framing": -7, "intensifier": -6, "absolute": -5, "hedge": -4, "we_voice": -3, "call_to_action": -2, "appeal_to_authority": -1}

_RULE_SOURCE = "a rule written for the workbook"
_MONTH_NEIGHBOUR = re.compile(r"\s*\d")
_DIGIT_AT_END = re.compile(r"\d\s*$")
_QUOTED_AFTER = re.compile(r"\s+[“\"‘']([^”\"’\n]{1,80})[”\"’']")
_WORD_AFTER = re.compile(r"\s+[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_CITATION_AFTER = re.compile(r"[\s,.;:”\"’']{0,4}[\[(]\d{1,3}[\])]")
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_TERMINAL = re.compile(r"[?!]+")


# ---- finding markers -------------------------------------------------------------------------


def _text_blocks(article: Article) -> list[Any]:
    """The blocks of the text's own words: not boilerplate, captions, bylines or link lines."""
    blocks = _BLOCKS.get(article)
    if blocks is None:
        cues = use.rules()
        blocks = _BLOCKS[article] = [
            b for b in article.block_list
            if b.role in TEXT_ROLES and b.duplicate_of is None and not use.link_line(b.text, cues)
        ]
    return blocks


#: The text's own blocks, per article (articles never change once loaded).
_BLOCKS: "weakref.WeakKeyDictionary[Article, list[Any]]" = weakref.WeakKeyDictionary()


def _others_words(quotes: Quotations) -> list[tuple[int, int]]:
    """Spans of someone else's words among the article's quotations (`_quotations`)."""
    kinds = quotes["kind"].tolist()  # plain lists: filtering the table costs more than the loop
    return [
        (int(s), int(e))
        for s, e, kind in zip(quotes["start"].tolist(), quotes["end"].tolist(), kinds)
        if isinstance(kind, str) and kind in OTHERS_WORDS
    ]


class _Spans:
    """Spans of someone else's words, with a quick test of whether one of them holds a span."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        # A quote's span may or may not include its quotation marks: allow one character either side.
        self._holding = _finder([(s, e, None) for s, e in self.spans], 1)

    def hold(self, start: int, end: int) -> bool:
        return self._holding(start, end) is not None


def _inside(position: int, end: int, spans: _Spans) -> bool:
    """True when one of `spans` holds `position` to `end`, give or take one character either side."""
    return spans.hold(position, end)


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
    return bool(_MONTH_NEIGHBOUR.match(text, end)) or bool(_DIGIT_AT_END.search(before))


Tokens = list[tuple[list[tuple[int, int, str]], list[str]]]


def _tokenise(article: Article) -> Tokens:
    """For each block of the text's own words: its tokens (start, end, as written) and their lower-case forms."""
    out = []
    text = article.text
    # Lower-casing each token on its own gives what lower-casing the whole text gives, except for a
    # capital sigma (its lower case depends on the letters around it): then the whole text is read again.
    # Without one, the whole text is not lower-cased at all (the tokens are, a block at a time).
    each_alone = "\u03a3" not in text
    lowered = text if each_alone else _norm(text)
    same_length = len(lowered) == len(text)  # lower-casing may lengthen a rare letter (İ): then slice per token
    findall = _TOKEN.findall
    for block in _text_blocks(article):
        spans = _block_tokens(text, block.start, block.end)
        raws = list(map(itemgetter(2), spans))
        if each_alone:
            # A token holds no space, and a letter that lengthens (İ) adds none: one word per token.
            words = _norm(" ".join(raws)).split(" ") if raws else []
        elif same_length:
            words = findall(lowered, block.start, block.end)
        else:
            words = [_norm(word) for word in raws]
        out.append((spans, words))
    return out


#: Marks that stand before or after a word ('“plan,' 'so)'); none of them can be part of a token.
_EDGE_MARKS = ",.;:!?\"'“”‘’«»()[]{}—–-…*/"


def _block_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, as written) of every token of `_TOKEN` in ``text[start:end]``, in order.

    The same tokens the pattern finds, found faster: no token holds a space, so the text is cut
    at its spaces, and a piece of letters only ('plan'), or of letters between marks ('“plan,'),
    is one token without running the pattern; any other piece ('don’t', '3.5%') goes through it.
    """
    spans: list[tuple[int, int, str]] = []
    add = spans.append
    finditer = _TOKEN.finditer
    position = start
    for piece in text[start:end].split(" "):
        after = position + len(piece)
        if piece.isalpha():  # every letter is a token character
            add((position, after, piece))
        elif piece:
            core = piece.strip(_EDGE_MARKS)
            if core.isalpha():
                at = position + piece.find(core)
                add((at, at + len(core), core))
            else:
                for match in finditer(piece):
                    add((position + match.start(), position + match.end(), match.group()))
        position = after + 1  # the space after the piece
    return spans


def _lexicon_markers(article: Article, tokens: Tokens, found: Matcher, quotes: _Spans) -> list[dict[str, Any]]:
    text = article.text
    titles = [(b.start, b.end) for b in _text_blocks(article) if b.role in TITLE_ROLES]
    rows: list[dict[str, Any]] = []
    cues = use.rules()
    index, narrowed = found.index, found.narrowed
    sentence_break = _SENTENCE_BREAK.search
    between_words = _BETWEEN_WORDS.fullmatch
    for spans, words in tokens:
        if not words:
            continue
        blocked: dict[str, int] = {}
        listed = list(map(index.get, words))  # most words are in no list: skip them without a loop
        word_count = len(words)
        floor = spans[0][0]
        for i in compress(range(word_count), listed):
            narrow = narrowed.get(words[i])
            if narrow is None:
                candidates = listed[i]
            else:  # only the entries whose second word is the next word can match here
                candidates = narrow[1].get(words[i + 1], narrow[0]) if i + 1 < word_count else narrow[0]
            if not candidates:
                continue  # 'the' starts entries of several words only, and none of them goes on with the next word
            raw = spans[i][2]
            if len(raw) <= 3 and raw.isupper() and len(raw) > 1:
                continue  # US, IT, WHO: capitals this short are abbreviations
            for entry in candidates:
                wanted = entry.tokens
                n = len(wanted)
                label = entry.label
                if blocked.get(label, -1) > i:
                    continue
                # the words here must be the entry's: the first word, then the second, before the whole slice
                if n == 1:
                    if words[i] != wanted[0]:
                        continue
                elif i + n > word_count or words[i + 1] != wanted[1]:
                    continue
                elif tuple(words[i:i + n]) != wanted:
                    continue
                start, end = spans[i][0], spans[i + n - 1][1]
                lexicon = entry.lexicon
                own = lexicon.own
                if label == "hedge" and _is_month(text, start, end):
                    continue
                if label == "loaded" and not own and _inside_a_name(text, start, titles):
                    continue
                if label == "call_to_action" and not own and _PAST_MODAL.match(text, end):
                    continue  # 'should have known', 'must have been': about the past, not a call to act
                if not own and use.in_set_phrase(words, i, i + n, cues):
                    continue  # inside a set phrase or name: 'prisoners of war', 'after all'
                blocked[label] = i + n
                if entry.term == "so-called":
                    end = _extend_so_called(text, end)
                    while blocked[label] < len(spans) and spans[blocked[label]][0] < end:
                        blocked[label] += 1
                # Up to two words right before, nearest last, not across a sentence break.
                if i == 0 or sentence_break(text, spans[i - 1][1], start):
                    before: tuple[str, ...] = ()
                elif i == 1 or sentence_break(text, spans[i - 2][1], spans[i - 1][0]):
                    before = (words[i - 1],)
                else:
                    before = (words[i - 2], words[i - 1])
                after = i + n
                term = entry.term.lower()
                rows.append(
                    {
                        "start": start,
                        "end": end,
                        "label": label,
                        "reason": _entry_reason(text[start:end], entry),
                        "in_quote": quotes.hold(start, end),
                        "rank": (0 if own else 1, _PRIORITY.get(label, 0)),
                        "list": lexicon.name if own else f"the {lexicon.name}",
                        "repeat_key": None if own or label != "loaded" else term,
                        "term": term,
                        "own": own,
                        "sentiment_only": lexicon.sentiment_only,
                        "rating": entry.note,
                        "from_list": True,
                        "floor": floor,
                        "before": before,
                        "after": words[after] if after < word_count and between_words(
                            text, spans[after - 1][1], spans[after][0]) else "",
                    }
                )
    return _strengthened(text, _one_label_per_span(_first_of_repeats(rows)))


_SENTENCE_BREAK = re.compile(r"[.!?;:\n]")


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
    "with from and or but nor that this these those it its be been being is was are were not no as than "
    # conjunctions and prepositions: 'failed utterly because ...' strengthens 'failed', not 'because'
    "because since when while if after before until unless so then into onto about over under across through "
    "against during without within among between enough too also again now here there what which who whom "
    "whose how why where".split()
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
                "degree": True,
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
        # The rows are this function's own (made by `_lexicon_markers` for it): the kept one is changed in place.
        if len(group) > 1:
            group.sort(key=_by_rank)
            first = group[0]
            others = [row["list"] for row in group[1:] if row["list"] != first["list"]]
            if others:
                first["reason"] += "; it is also in " + " and ".join(dict.fromkeys(others))
        else:
            first = group[0]
        del first["rank"], first["list"]
        kept.append(first)
    return kept


def _by_rank(row: dict[str, Any]) -> tuple[int, int]:
    return row["rank"]


def _extend_so_called(text: str, end: int) -> int:
    """'so-called' takes in the next word, or the whole quotation that follows it."""
    match = _QUOTED_AFTER.match(text, end)
    if match:
        return match.end()
    match = _WORD_AFTER.match(text, end)
    return match.end() if match else end


def _punctuation_markers(article: Article, quotes: _Spans) -> list[dict[str, Any]]:
    """The writer's own questions and exclamations, one marker per clause that ends in ? or !."""
    text = article.text
    roles = {b.index: b for b in _text_blocks(article)}
    rows: list[dict[str, Any]] = []
    for sentence in article.sentence_list:
        if sentence.block not in roles or (
            text.find("?", sentence.start, sentence.end) < 0 and text.find("!", sentence.start, sentence.end) < 0
        ):
            continue  # most sentences hold neither mark: no need to look for them with the pattern
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


def _command_markers(article: Article, found: Matcher, quotes: _Spans) -> list[dict[str, Any]]:
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


def _scare_quotes(quotes: Quotations) -> list[tuple[Any, Any, Any, Any]]:
    """(start, end, text, reason) of the ``scare`` quotations among the article's quotations."""
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


def _authority_quote_markers(article: Article, quotes: Quotations, found: Matcher) -> list[dict[str, Any]]:
    """Quotations that lean on an authority: backed by a numbered source such as [3], or
    from a speaker the text presents with a credential ('Janet Smith, a professor of law')."""
    text = article.text
    credentials = found.section("appeal_to_authority", "credential")
    descriptions = quotes["speaker_description"] if "speaker_description" in quotes else [None] * len(quotes["start"])
    speakers = quotes["speaker"] if "speaker" in quotes else [None] * len(quotes["start"])
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
            if _missing(description):
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
            {"start": int(start), "end": int(end), "label": "appeal_to_authority", "reason": reason, "in_quote": True,
             "credential": not citation, "speaker": None if _missing(speaker) else str(speaker)}
        )
    return rows


def _analogy_markers(article: Article, tokens: Tokens, found: Matcher) -> list[dict[str, Any]]:
    """Sentences that compare with history: a cue ('just as', 'the case with') and an anchor."""
    cues = found.section("analogy", "cue")
    anchors = found.section("analogy", "anchor")
    year = article.date.year if article.date else None
    all_words = list(chain.from_iterable(words for _, words in tokens))
    # Where a cue phrase starts in the whole text's words ('the' starts a cue, but 'the case with' is rare):
    # a cue in a sentence is one there too, so the sentences without one are skipped.
    cue_at = [i for i in compress(count(), map(cues.__contains__, all_words)) if _phrase_at(all_words, i, cues)]
    if not cue_at:
        return []
    all_spans = list(chain.from_iterable(spans for spans, _ in tokens))
    starts = list(map(itemgetter(0), all_spans))
    rows = []
    for sentence in article.sentence_list:
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        first = bisect_left(cue_at, lo)
        if lo == hi or first == len(cue_at) or cue_at[first] >= hi:
            continue  # no cue word in this sentence
        words = all_words[lo:hi]
        cue = _find_any(words, cues, cue_at[first] - lo)
        if cue is None:
            continue
        spans = [(s - sentence.start, e - sentence.start) for s, e, _ in all_spans[lo:hi]]
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


def _phrase_at(words: list[str], i: int, phrases: dict[str, list[tuple[str, ...]]]) -> bool:
    """True when one of `phrases` starts at token `i` of `words`."""
    for phrase in phrases.get(words[i], ()):
        if tuple(words[i:i + len(phrase)]) == phrase:
            return True
    return False


def _find_any(words: list[str], phrases: dict[str, list[tuple[str, ...]]], first: int = 0) -> tuple[int, int] | None:
    """(first, last+1) token positions of the earliest phrase of `phrases` in `words` (none starts before `first`)."""
    # Most words start no phrase: skip them without a loop in Python.
    for i in compress(count(first), map(phrases.__contains__, islice(words, first, None))):
        for phrase in phrases[words[i]]:
            if tuple(words[i:i + len(phrase)]) == phrase:
                return i, i + len(phrase)
    return None


def markers(
    article: Article,
    extra_terms: str | Path | Iterable[str | Path] | None = None,
    labels: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per rhetoric marker: span columns, then ``label``, ``reason``, ``in_quote``,
    ``voice``, ``speaker``, ``strength`` and ``strength_reason``.

    `extra_terms` is a teacher's own terms file (or folder, or several); see the
    package's help. `labels` keeps only those labels. Rows are sorted by position.

    >>> from workbook import article_from_text
    >>> article = article_from_text("Title\\n\\nWe must act now! The so-called experts apparently know.")
    >>> markers(article)[["text", "label", "strength"]].values.tolist()
    [['We', 'we_voice', 'strong'], ['We must act now!', 'exclamation', 'strong'], ['must', 'call_to_action', 'strong'], ['so-called experts', 'label', 'weak'], ['apparently', 'hedge', 'strong']]
    """
    memo = _memo(article, extra_terms, labels)
    if "frame" not in memo:
        memo["frame"] = span_frame(article, memo["rows"], MARKER_COLUMNS)
    return memo["frame"].copy()


def marker_records(
    article: Article,
    extra_terms: str | Path | Iterable[str | Path] | None = None,
    voice: str | None = None,
) -> list[dict[str, Any]]:
    """The markers as JSON-ready dicts with the fields of `RECORD_FIELDS` (no DataFrame is built).

    `voice` ("writer", "quoted" or "reported") keeps only markers in that voice.
    """
    text = article.text
    # A missing value from a table cell is written as None (as `workbook.spans.span_records` does);
    # without pandas loaded no value can be pandas' missing value.
    missing = getattr(sys.modules.get("pandas"), "NA", _NO_VALUE)
    # The rows are sorted by position already (`_marker_rows`), as the records are: no sorting, and no
    # block or sentence to place, since the export's records do not hold them.
    records = []
    for row in _memo(article, extra_terms, None)["rows"]:
        if voice is not None and row.get("voice") != voice:
            continue
        start, end = int(row["start"]), int(row["end"])
        record = {"start": start, "end": end, "text": text[start:end]}
        for name in _RECORD_EXTRA:
            value = row.get(name)
            record[name] = None if value is missing else value
        records.append(record)
    return records


def _records(article: Article, extra_terms: Any = None, voice: str | None = None) -> list[dict[str, Any]]:
    """The markers as span records (with ``article``, ``block`` and ``sentence`` too)."""
    memo = _memo(article, extra_terms, None)
    if "records" not in memo:
        memo["records"] = span_records(article, memo["rows"], _RECORD_EXTRA)
    return memo["records"] if voice is None else [record for record in memo["records"] if record["voice"] == voice]


_RECORD_EXTRA = tuple(name for name in RECORD_FIELDS if name not in ("start", "end", "text"))
#: A value no row can hold, standing for pandas' missing value while pandas is not loaded.
_NO_VALUE = object()


def _memo(article: Article, extra_terms: Any, labels: Iterable[str] | None) -> dict[str, Any]:
    found = matcher(extra_terms)
    key = (found, None if labels is None else tuple(sorted(set(labels))))
    memo = _CACHE.setdefault(article, {}).get(key)
    if memo is None:
        memo = _CACHE[article][key] = {"rows": _marker_rows(article, found, labels)}
    return memo


#: Markers already found, per article (articles never change once loaded) and per set of lists.
_CACHE: "weakref.WeakKeyDictionary[Article, dict[Any, dict[str, Any]]]" = weakref.WeakKeyDictionary()

#: Labels given to single words or short phrases: one of them per word (see `_one_device_per_word`).
WORD_LEVEL = ("loaded", "label", "framing", "appeal_to_authority", "call_to_action", "hedge", "intensifier",
              "we_voice", "absolute", "scare_quote")
#: Labels whose markers are the writer's move by definition (their words may be someone else's).
_WRITERS_MOVES = ("scare_quote",)


class _Column(list):
    """One column of a table as a plain list (with the ``tolist`` the table's column has)."""

    def tolist(self) -> list[Any]:
        return self


#: The fields of `workbook.sourcing`'s quotations the rules read.
_QUOTE_FIELDS = ("start", "end", "text", "kind", "speaker", "speaker_description", "reason")
#: The article's quotations, one plain list per field of `_QUOTE_FIELDS`, in the order of ``sourcing.quotes``.
Quotations = dict[str, _Column]


def _missing(value: Any) -> bool:
    """None, or pandas' missing value (a table's cell), without importing pandas."""
    if value is None:
        return True
    return type(value).__name__ == "NAType" and type(value).__module__.startswith("pandas")


def _quotations(article: Article) -> Quotations:
    """The quotations `workbook.sourcing.quotes` gives, read from the sourcing tool's rows (no table is built).

    Every rule walks these columns; they are the table's rows in its order (by position), with
    None for a missing value.
    """
    from workbook.sourcing import tables

    tables._require_article(article, "quotes")
    records = offset_records(article, tables.quote_rows(article), _QUOTE_FIELDS)
    return {name: _Column([record[name] for record in records]) for name in _QUOTE_FIELDS}


def _marker_rows(article: Article, found: Matcher, labels: Iterable[str] | None) -> list[dict[str, Any]]:
    quotes = _quotations(article)
    quote_spans = _Spans(_others_words(quotes))
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
    rows = _judged(article, rows, quotes, scare)
    rows.sort(key=lambda row: (row["start"], row["end"], row["label"]))
    return rows


def _judged(article: Article, rows: list[dict[str, Any]], quotes: Any, scare: list[Any]) -> list[dict[str, Any]]:
    """Each marker judged in its use, given its voice and strength; one device per word."""
    text = article.text
    cues = use.rules()
    sentences = article.sentence_list
    starts = [s.start for s in sentences]
    #: per sentence index: (never analysed, ends with a question mark), worked out once for its markers
    facts: dict[int, tuple[bool, bool]] = {}
    voice = voice_finder(article, quotes)
    quoted_words = Counter(str(words).strip("“”\"‘’'«» ,.").lower() for _, _, words, _ in scare)
    context = {"quoted_words": quoted_words}
    marks = sorted((int(s), int(e)) for s, e, _, _ in scare)
    mark_starts = [s for s, _ in marks]
    kept = []
    for row in rows:
        start, end = row["start"], row["end"]
        at = bisect_right(starts, start) - 1
        sentence = sentences[at] if at >= 0 else None
        question = False
        if sentence is not None:
            known = facts.get(sentence.index)
            if known is None:
                known = facts[sentence.index] = (
                    use.skipped_sentence(sentence.text, cues), sentence.text.rstrip(" ”\"’'").endswith("?")
                )
            if known[0]:
                continue
            question = known[1]
        if row.get("from_list") and not row.get("own"):
            row["question"] = question
            if use.not_a_device(row, text, cues, row.get("floor", 0)):
                continue
            if row["label"] == "loaded" and " " not in row.get("term", " "):
                row["topic"] = _is_topic(text, row, cues)
            # In quotation marks that hold it with at most 4 more characters: such marks start at most
            # 4 characters before it, so only those are looked at.
            row["in_marks"] = any(
                end <= e and e - s - (end - start) <= 4
                for s, e in marks[bisect_left(mark_starts, start - 4):bisect_right(mark_starts, start)]
            )
        if row["label"] in _WRITERS_MOVES:
            row.setdefault("speaker", None)
            row["voice"] = "writer"
        else:
            who_voice, who = voice(start, end)
            if row["label"] == "appeal_to_authority" and row.get("credential") is not None:
                who_voice = "writer"  # quoting someone for their standing is the writer's move
            row["voice"] = who_voice
            row["speaker"] = who if who_voice != "writer" else row.get("speaker")
        row["in_quote"] = row["voice"] == "quoted" or bool(row.get("in_quote") and row["label"] == "appeal_to_authority")
        row["strength"], row["strength_reason"] = strength(row, text, cues, context)
        kept.append(row)
    return _one_device_per_word(kept)


def _is_topic(text: str, row: dict[str, Any], cues: use.Rules) -> bool:
    """A loaded noun that is what the sentence is about: 'the fight against corruption', 'Fraud is rare'."""
    floor = row.get("floor", 0)
    before = use.before_words(row, text, 1)
    if before and cues.has("topic before", before[-1]):
        return True
    if not before or before[-1] in ("the",):
        return cues.has("topic after", use.after_word(row, text))
    return False


def _one_device_per_word(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where word-level markers overlap, keep one: strong before weak, then the order of `WORD_LEVEL`.

    The kept marker's reason names the other label, so nothing is silently lost.
    """
    order = {label: i for i, label in enumerate(WORD_LEVEL)}
    words = [row for row in rows if (row["label"] in order or row.get("own")) and "credential" not in row]
    if len(words) < 2:
        return rows
    ranked = sorted(words, key=lambda r: (r["strength"] != "strong", order.get(r["label"], -1) if not r.get("own") else -2,
                                          -(r["end"] - r["start"]), r["start"]))
    kept: list[dict[str, Any]] = []  # disjoint spans, sorted by start (so their ends are sorted too)
    kept_starts: list[int] = []
    dropped: set[int] = set()
    for row in ranked:
        at = bisect_left(kept_starts, row["end"])  # kept spans from `at` on start at or after this one's end
        clash = kept[at - 1] if at and kept[at - 1]["end"] > row["start"] else None
        if clash is None:
            kept.insert(at, row)
            kept_starts.insert(at, row["start"])
            continue
        dropped.add(id(row))
        if row["label"] != clash["label"] and "; the words are also" not in clash["reason"]:
            clash["reason"] += f"; the words are also in a list of another kind ({row['label'].replace('_', ' ')}), one device per word is shown"
    return [row for row in rows if id(row) not in dropped]
