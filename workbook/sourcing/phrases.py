"""Noun phrases, clause subjects and names: the pieces a source is made of."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from workbook.sourcing.words import (
    _SURNAME_PARTICLES,
    _DETERMINERS, _INTRO, _JOINING_WORDS, _MONTHS, _NAME_JOINS, _NAME_LINKS, _NATIONALITY, _NEVER_FIRST, _NOUN_LIKE, _OPENING_ADVERBS, _SUBORDINATE_OPENERS, _OPENING_PREPOSITIONS, _OWNER_WORDS,
    _PARTICIPLES, _PRONOUNS, _QUESTION, _SKIP, _STOP, _TIME_WORDS, _Tok, _base, _is_possessive, _nouns, lexicon,
)


#: Pronouns that are a whole noun phrase by themselves.
_PERSONAL_PRONOUNS = frozenset("he she they it we i you".split())


#: The most tokens a noun phrase before a verb may hold: "Deputy Assistant to the President of the
#: United States for National Security Jon Finer" holds 14.
_LONGEST_PHRASE = 16


def _np_back(toks: Sequence[_Tok], j: int, lo: int = 0) -> tuple[int, int] | None:
    """The noun phrase ending just before token `j` (after skipping 'has', 'also' ...)."""
    titles = lexicon().titles
    while j > lo and toks[j - 1].word and _skipped_before_verb(toks, j - 1):
        j -= 1
    end = j
    i = j
    while i > lo and end - i < _LONGEST_PHRASE:
        tok = toks[i - 1]
        low = tok.lower
        if tok.word:
            if low in _PERSONAL_PRONOUNS:
                if i == end:
                    i -= 1  # "the goals they claim": the pronoun alone is the phrase
                break
            if low == "to" and i - 2 >= lo and toks[i - 2].lower in ("close", "familiar", "near"):
                i -= 1  # "people close to him", "those familiar with": part of the phrase
                continue
            inside_name = (tok.cap or low in _NAME_LINKS) and i - 1 > lo and toks[i - 2].cap and i < end and toks[i].cap
            if low == "to" and i - 1 > lo and toks[i - 2].cap and toks[i - 2].lower in titles and i < end and (
                    toks[i].cap or (toks[i].lower == "the" and i + 1 < end and toks[i + 1].cap)):
                inside_name = True  # "Deputy Assistant to the President ... Jon Finer", "Envoy to Ukraine Ann Lee": a title
            if (low in _NAME_LINKS and low != "the" and i - 1 > lo and toks[i - 2].cap and i + 1 < end
                    and toks[i].lower == "the" and toks[i + 1].cap):
                inside_name = True  # "the Institute for the Study of War", "the Bank of the West": one name
            # "Bank Of America", "Centers for Disease Control and Prevention": one name
            if low in _STOP and not inside_name and not (i == end and low in _SKIP and _surname(toks, i - 1)):
                if low in ("who", "which", "that") and i == end:
                    i -= 1  # the relative pronoun itself, resolved later
                break
            if low == "and":
                if i - 2 >= lo and toks[i - 2].cap and i < end and (toks[i].cap or toks[i].lower in _OWNER_WORDS):
                    i -= 1  # "Macron and Starmer", "Parata and his family": the whole group
                    continue
                left = toks[i - 2].lower if i - 2 >= lo and toks[i - 2].word else ""
                opens = i - 2 == lo or not toks[i - 3].word or toks[i - 3].lower in _DETERMINERS or toks[i - 3].lower in _INTRO
                if (left.endswith("s") and left.removesuffix("s") in _nouns() and opens and i < end and not toks[i].cap
                        and toks[end - 1].lower.endswith("s")):
                    i -= 1  # "Residents and community leaders said": two groups, both speaking
                    continue
                break
            if not tok.cap and low in lexicon().verbs and low not in _NOUN_LIKE and low not in _SKIP and i < end:
                break  # "South Africa said Mr Mugabe had told": another clause's verb ends the phrase
            if (low in _MONTHS and not (i == end and _surname(toks, i - 1))) or (tok.text.isdigit() and i == end):
                break
            if not tok.cap and low in lexicon().verbs and i < end and toks[i].lower in _PRONOUNS:
                break  # "Lee said he hopes": "said" ends the phrase "he"
            i -= 1
            if low in ("the", "a", "an") and i < end - 1 and i > lo and _article_opens_phrase(toks, i, lo):
                break  # "In Kyiv the mayor said": an article opens the phrase ("the head of the ministry" goes on)
            continue
        if tok.text == "." and i - 2 >= lo and (_abbreviation(toks[i - 2], titles) or "." in toks[i - 2].text):
            i -= 1
            continue
        if tok.text in "-–":
            i -= 1
            continue
        if tok.text == ")":
            opening = next((m for m in range(i - 2, max(lo - 1, i - 8), -1) if toks[m].text == "("), None)
            if opening is not None and opening > lo and toks[opening - 1].cap:
                i = opening
                continue
        break
    if i == end:
        return None
    i = _after_opening_place(toks, i, end, lo, titles)
    while i < end and (toks[i].lower in _INTRO or toks[i].lower in _STOP) and toks[i].lower not in ("who", "which", "that"):
        i += 1  # "To Kavanaugh", "as Lee": the opening word is not part of the source
    return (i, end) if i < end else None


def _article_opens_phrase(toks: Sequence[_Tok], i: int, lo: int) -> bool:
    """True when the article at token i starts the phrase before a verb: "In Kyiv the mayor said",
    "an image the Herald claims". Not after a small word that links it to the words before ("the
    head of the ministry", "Envoy to the President") and not inside a relative clause ("The mother of
    a woman who took the pills has described": the whole phrase is the subject)."""
    before = toks[i - 1]
    if not before.word or before.lower in _NAME_LINKS or before.lower in _STOP:
        return False
    return not any(t.lower in ("who", "which") for t in toks[max(lo, i - 4):i])


#: Prepositions that open a sentence with where or when, before its subject ("In a radio interview Lee said").
_PLACE_OPENERS = frozenset("in at during after before on from".split())


def _after_opening_place(toks: Sequence[_Tok], i: int, end: int, lo: int, titles: frozenset[str]) -> int:
    """Where the subject starts in the phrase toks[i:end] when a preposition opening the sentence
    comes just before it: "In a radio interview Lee said" is where she said it, then who. The
    subject is the name after the last word in lower case that is not a title ("interview");
    a phrase without one ("In Kyiv Mayor Ann Lee") is left whole."""
    opener = i - 1
    if not (opener >= lo and toks[opener].lower in _PLACE_OPENERS and (opener == 0 or not toks[opener - 1].word)):
        return i
    for k in range(end - 1, i, -1):
        before = toks[k - 1]
        if toks[k].cap and before.word and not before.cap and before.lower not in titles and before.lower not in _NAME_LINKS:
            return k
        if not toks[k].cap:
            return i
    return i


def _capital_after_link(toks: Sequence[_Tok], k: int, hi: int) -> bool:
    """Token k (or the one after a 'the' there) is a capitalised word: the name goes on."""
    if k < hi and toks[k].lower == "the":
        k += 1
    return k < hi and toks[k].cap and toks[k].word and toks[k].lower not in _TIME_WORDS  # not "Lee on Friday"


def _np_forward(toks: Sequence[_Tok], i: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at token `i` (stops at a comma, a verb-like word or a quote)."""
    lex = lexicon()
    if i < hi and toks[i].lower in _PRONOUNS:
        return (i, i + 1)
    if i < hi and toks[i].lower in _NEVER_FIRST:
        return None  # "about the Reuters report", "Unless you ...": not a source
    nouns = _nouns()
    j = i
    while j < hi and j - i < 10:
        tok = toks[j]
        if tok.word:
            low = tok.lower
            if low in _NAME_JOINS and j > i and toks[j - 1].cap and _capital_after_link(toks, j + 1, hi):
                j += 1  # "the Institute for the Study of War": one name across 'for', 'of' and 'the'
                continue
            if low in ("with", "to") and j > i and toks[j - 1].lower in ("familiar", "close") and j + 1 < hi and toks[j + 1].word:
                j += 2  # "two officials familiar with the matter", "people close to him": one phrase
                continue
            if j > i and (low in _STOP or low in _SKIP or (low in lex.verbs and not tok.cap and low not in nouns
                                                            and not (low in _NOUN_LIKE and toks[j - 1].word
                                                                     and toks[j - 1].lower not in _PRONOUNS))):
                break  # "the explanatory notes" goes on: a noun after an adjective
            if low == "and" and not (j + 1 < hi and j > i and toks[j - 1].cap
                                     and (toks[j + 1].cap or toks[j + 1].lower in _OWNER_WORDS)):
                break
            if j > i and not tok.cap and toks[j - 1].word and toks[j - 1].cap and low != "and":
                # after a name, a lower-case word goes on only as a role or group noun
                # ("Polish government", "Basque party leader") or after a possessive
                if not (_is_possessive(toks[j - 1].text) or low in nouns or _base(low) in nouns or low in ("of",) or low in _NOUN_LIKE
                        or (_NATIONALITY.search(toks[j - 1].text) and low not in lex.verbs and low not in _SKIP
                            and not (j + 1 < hi and toks[j + 1].lower in _DETERMINERS))):
                    # ("Dr Ann Juan gave the example": a verb and its object after a name that looks like a nationality)
                    break  # "The Russian attack": a capitalised adjective, then the head noun
            if j > i and not tok.cap and (low.endswith("ed") or (low in _PARTICIPLES and j + 1 < hi and toks[j + 1].lower in ("by", "from"))) \
                    and not toks[j - 1].lower in _DETERMINERS:
                break  # "a transcript reviewed by ...", "reports seen by ...": the phrase ends before the participle
            j += 1
            continue
        if tok.text == "." and j > i and (toks[j - 1].lower in lex.titles or len(toks[j - 1].text) == 1
                                          or "." in toks[j - 1].text):  # "the U.N. office": an abbreviation
            j += 1
            continue
        break
    while j > i and toks[j - 1].lower in ("of", "and", "the", "a", "an"):
        j -= 1
    return (i, j) if j > i else None


def _abbreviation(tok: _Tok, titles: frozenset[str]) -> bool:
    """True for a token that a full stop follows inside a name: "Mr", "Lt", "J", "Ky", "Jr"."""
    return tok.lower in titles or len(tok.text) == 1 or (tok.cap and len(tok.text) <= 3 and tok.text.isalpha())


def _antecedent(toks: Sequence[_Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun ("who", "which") refers to, ending before token k."""
    for m in range(k - 1, max(-1, k - 9), -1):
        tok = toks[m]
        if not tok.word or (tok.lower in _STOP and tok.lower != "and"):
            break
        if tok.lower in _DETERMINERS or (tok.cap and _is_possessive(tok.text)):
            start = m
            while start > 0 and toks[start - 1].word and toks[start - 1].cap and toks[start - 1].lower not in _STOP:
                start -= 1
            return (start, k)
    return _np_back(toks, k)


#: A dash token, as a dateline or an aside uses one: em dash, en dash, or a hyphen standing alone.
_DASHES = frozenset(("—", "–", "-", "--"))


def _clause_start(toks: Sequence[_Tok], lo: int, hi: int) -> int:
    """Skip an opening phrase ("As a gesture to the rebels, ...") to the main clause."""
    if lo < hi and len(toks[lo].text) > 1 and toks[lo].text.isupper():
        # a dateline: "WASHINGTON (AP) — The minister said ..."
        dash = next((m for m in range(lo, min(hi, lo + 12)) if toks[m].text in _DASHES), None)
        if dash is not None:
            return dash + 1
        colon = next((m for m in range(lo + 1, min(hi, lo + 4)) if toks[m].text == ":"), None)
        if colon is not None and all(tok.text.isupper() or tok.text == "," for tok in toks[lo:colon]):
            return colon + 1  # "PUTRAJAYA: The minister said ...": a dateline ended by a colon
    if lo == 0 and hi > 3 and toks[0].cap:
        # a dateline in ordinary capitals: "Kyiv – Ukraine said ...", "Barcelona - Lima Bank, a lender, ...":
        # a place of one to three capitalised words (", Spain" may follow), one dash, and no second dash
        # later (a pair of dashes sets off a description: "Ann Lee – Lima's mayor – said")
        m = 1
        while m < min(hi, 4) and toks[m].cap and toks[m].word:
            m += 1
        if m + 2 < hi and toks[m].text == "," and toks[m + 1].cap:
            m += 2
        if (m < hi - 1 and toks[m].text in _DASHES and toks[m + 1].cap
                and not any(tok.text in _DASHES for tok in toks[m + 1:hi])):
            return m + 1
    first = toks[lo].lower if lo < hi else ""
    second = toks[lo + 1].lower if lo + 1 < hi else ""
    if first in _JOINING_WORDS and lo + 2 < hi and toks[lo + 1].word:
        # "But false statements must be false, the party argued", "And Ann Lee, the mayor, said":
        # the joining word is one word on its own, not an opening phrase that runs to the first comma
        return _clause_start(toks, lo + 1, hi)
    # "Earlier this month, ...", "Last week, ...": an opening time phrase, not the subject
    timed = (first in ("earlier", "later") or (first in ("last", "next", "this", "that") and second in _TIME_WORDS)
             or _counted_time(toks, lo, hi))
    if first == "at" and second in ("least", "most"):
        return lo  # "At least eight people were killed, ...": a count opens the subject, not a place or time
    if lo < hi and (timed or first in _INTRO or first in _OPENING_PREPOSITIONS or (first.endswith(("ing", "ly", "ed")) and len(first) > 4)):
        for k in range(lo, min(hi, lo + 25)):
            if toks[k].text == ",":
                return k + 1
    return lo


#: Counting words that open "Two days later, ...", "A year ago, ...", "10 weeks earlier, ...".
_COUNTING_WORDS = frozenset("a an one two three four five six seven eight nine ten eleven twelve few several many".split())


def _counted_time(toks: Sequence[_Tok], lo: int, hi: int) -> bool:
    """True when the clause opens with a counted stretch of time and 'later', 'earlier' or 'ago'
    ("Two days later, Ann Lee said ..."): a time phrase, so the number is never the subject."""
    if lo + 2 >= hi:
        return False
    count, unit, edge = toks[lo].lower, toks[lo + 1].lower, toks[lo + 2].lower
    return ((count in _COUNTING_WORDS or count.isdigit()) and unit in _TIME_WORDS and unit not in ("earlier", "later", "ago")
            and edge in ("later", "earlier", "ago"))


def _named_subject(toks: Sequence[_Tok], start: int, hi: int) -> tuple[int, int] | None:
    """"An elderly woman named Ann clutched my arm": a determiner, up to three words, 'named' and a
    capitalised name make one subject, the person the later "she said" means."""
    if start >= hi or toks[start].lower not in _DETERMINERS:
        return None
    at = next((m for m in range(start + 1, min(hi - 1, start + 5)) if toks[m].lower == "named"), None)
    if at is None or not all(t.word and not t.cap for t in toks[start + 1:at]) or not (toks[at + 1].cap and toks[at + 1].word):
        return None
    last = at + 1
    while last + 1 < hi and toks[last + 1].cap and toks[last + 1].word:
        last += 1
    return (start, last + 1)


def _subject(toks: Sequence[_Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of the clause that starts at `lo`: its first noun phrase."""
    start = _clause_start(toks, lo, hi)
    while start < hi and (not toks[start].word or toks[start].lower in _OPENING_ADVERBS
                          or (toks[start].lower in _SKIP and start + 1 < hi and toks[start + 1].cap)):
        start += 1  # "Once Fetter left ...": the adverb is not part of the name
    if start + 1 < hi and toks[start].word and toks[start + 1].lower in ("he", "she", "they", "it", "we", "i"):
        start += 1  # "Soon she said", "Today they said": a word before a subject pronoun opens the sentence
    if start + 1 < hi and toks[start].lower in _SUBORDINATE_OPENERS and not any(t.text == "," for t in toks[start:hi]):
        # "While Ukrainians keep saying that ...,": the subject of the opening clause, when the verb
        # follows it at once ("While Obama had many artists writing songs": the artists write, not Obama)
        after = _np_forward(toks, start + 1, hi)
        return after if after is not None and after[1] >= hi - 2 else None
    if start >= hi:
        return None
    if toks[start].lower in _QUESTION:
        return None
    if start + 1 < hi and not toks[start].cap and toks[start].lower in lexicon().verbs and toks[start + 1].cap:
        start += 1  # "“...,” said David Gorski, a professor": the verb comes first, the subject after it
    named = _named_subject(toks, start, hi)
    if named is not None:
        return named
    span = _np_forward(toks, start, hi)
    if span is None:
        return None
    i, j = span
    # cut at a relative clause or a verb-like lower-case word after the head; a lower-case word
    # between a title and a name is a verb too ("The minister met Ann Lee": the minister is the subject)
    titles = lexicon().titles
    for k in range(i, j):
        low = toks[k].lower
        if k > i and (low in ("who", "which", "that") or (not toks[k].cap and low in lexicon().verbs
                                                            and toks[k - 1].lower not in _DETERMINERS)):
            return (i, k)  # ("A report released Tuesday claims": after "a", "report" is the noun)
        if (k > i and k + 1 < j and toks[k].word and not toks[k].cap and toks[k - 1].lower in titles
                and not toks[k - 1].cap and toks[k + 1].cap and low not in _LINK_WORDS and low not in _DETERMINERS):
            return (i, k)
    return span


_COMPASS = frozenset("north south east west".split())
#: A short bracket at the end of a name: "(D-Wis.)".
_BRACKET_AT_END = re.compile(r"\s*\([^()]{1,30}\)$")


#: Small words that link a phrase to the name after it ("seen by Reuters", "a letter from Lee").
_LINK_WORDS = frozenset("by from of to with for at in on and or".split())


def _name_after_comma(toks: Sequence[_Tok], end: int, fewest: int = 2, closers: str = ",") -> tuple[int, int] | None:
    """The name set off by a comma at token `end`, after words that describe someone ("The head of the
    council, Tim Park, said", "by the ministry's spokeswoman, Ann Lee."): `fewest` to three capitalised
    words, then one of `closers` (or the end). None when there is none."""
    if end >= len(toks) or toks[end].text != ",":
        return None
    m = end + 1
    while m < len(toks) and m - end <= 4 and toks[m].cap and toks[m].word:
        m += 1
    if not fewest <= m - end - 1 <= 3 or (m < len(toks) and toks[m].text not in closers):
        return None
    return end + 1, m


@lru_cache(maxsize=4096)
def _split_name(text: str) -> tuple[str, str | None]:
    """Split "Secretary of State Marco Rubio" into ("Marco Rubio", "Secretary of State")."""
    words = text.split()
    titles = lexicon().titles
    bracket = _BRACKET_AT_END.search(text) if ")" in text[-2:] else None  # the pattern needs ")" at the end
    if bracket and bracket.start() > 0:
        # "Rep. Gwen Moore (D-Wis.)": the bracket describes the person
        name, description = _split_name(text[:bracket.start()])
        extra = bracket.group(0).strip()
        return name, f"{description} {extra}" if description else extra
    if any(w.lower() in ("and", "&") for w in words):
        return text, None  # a group: "Macron and Starmer"
    if len(words) in (2, 3) and words[0][-2:] in ("'s", "’s") and words[0][:1].isupper() and all(
            w[:1].isupper() for w in words[1:]) and not any(w.lower() in lexicon().organisations for w in words[1:]):
        return " ".join(words[1:]), words[0]  # "Poland's Ann Lee": the name, and whose she is
    link = next((n for n, w in enumerate(words) if w in ("of", "for") and n > 0), None)
    if (link is not None and link <= 3 and words[link - 1].islower() and link + 1 < len(words)
            and (words[link - 1] not in titles or words[link] == "for") and all(w.islower() for w in words[1:link])):
        return text, None  # "the office of Lima’s President Ann Lee", "a spokesperson for Mayor Ann Lee": the head speaks
    if len(words) >= 3 and "named" in words[1:-1]:
        at = words.index("named", 1)
        if all(w[:1].isupper() for w in words[at + 1:]):
            return " ".join(words[at + 1:]), " ".join(words[:at])  # "an elderly woman named Ann"
    if any(w in _NAME_JOINS and 0 < n < len(words) - 1 and words[n - 1][:1].isupper() and words[n + 1][:1].isupper()
           and words[n - 1].lower().rstrip(".") not in titles for n, w in enumerate(words)) and words[-1].lower().rstrip(".") not in titles:
        return text, None  # "the New Zealand Department of Conservation": one organisation's name
    if (len(words) >= 2 and words[-1][:1].isupper() and words[-1].lower() in lexicon().organisations
            and not any(w[:1].isdigit() for w in words)):
        return text, None  # "the Russian Defence Ministry", "the Foreign Office": the whole name, not a title and a name
    k = len(words)
    while k > 0 and ((words[k - 1][:1].isupper() and words[k - 1].lower().rstrip(".") not in titles)
                     or (k > 1 and k < len(words) and words[k - 1] in _SURNAME_PARTICLES and words[k - 2][:1].isupper())):
        k -= 1  # ("Staffan de Mistura", "Ursula von der Leyen": the small words of a surname are part of the name)
    if k == 1 and k < len(words) and words[0].lower() in _COMPASS:
        k = 0  # "South Africa", "North Korea": the direction is part of the name
    if (0 < k < len(words) and words[k - 1].islower() and words[k - 1].rstrip(".") not in titles and words[k - 1] not in _nouns()
            and (words[k - 1] in _LINK_WORDS or words[k - 1].endswith(("ed", "en")) or len(words[k - 1]) <= 3 or k == 1)):
        return text, None  # "reports seen by Reuters": the words before the name are not a title
    # "Pakistan-based developer Ammar Askar": a role noun and its modifiers describe the person named after them
    if 0 < k < len(words) and len(words) - k <= 4 and all(w[:1].isupper() or w in _SURNAME_PARTICLES for w in words[k:]):
        description = " ".join(words[:k]).rstrip(",")
        if all(w.lower() in _DETERMINERS for w in words[:k]):
            return text, None
        return " ".join(words[k:]), description or None
    return text, None


def _clean_np(text: str) -> str:
    """A noun phrase without the commas and dashes around it."""
    return text.strip(" ,;:—–-")


_LY_NOUNS = frozenset("family ally rally assembly italy supply reply july anomaly monopoly bully belly jelly fly".split())


def _skipped_before_verb(toks: Sequence[_Tok], i: int) -> bool:
    """True for a word between a subject and its verb that is not part of the subject: an auxiliary
    or a time word ("has also said", "would later say") or an -ly adverb. A capitalised one after a
    capitalised word, before a verb in lower case, is a surname instead ("Theresa May said",
    "Huey Long said"); in a headline in title case ("Lee Has Said") it is still skipped."""
    tok = toks[i]
    return (tok.lower in _SKIP or _adverb(tok)) and not _surname(toks, i)


def _surname(toks: Sequence[_Tok], i: int) -> bool:
    """True for a capitalised word one space after a capitalised word, or after a comma or a closing
    quotation mark, and before a word in lower case: "May" in "Theresa May said", "Long" in "Huey Long
    said" and in "..., Long said" are names, not "may" or "long"."""
    tok = toks[i]
    if not (tok.cap and i > 0 and i + 1 < len(toks) and toks[i + 1].word and not toks[i + 1].cap):
        return False
    if toks[i - 1].text in _BEFORE_A_LONE_SURNAME:
        return True  # "The weakness may continue, Long said": a capital after a comma, inside the sentence
    return toks[i - 1].cap and toks[i - 1].word and tok.start - toks[i - 1].end == 1


#: Marks after which a capitalised word inside a sentence starts a name, not a new sentence.
_BEFORE_A_LONE_SURNAME = frozenset((",", "”", "’", ";", "—", "–"))


def _adverb(tok: _Tok) -> bool:
    """True for an -ly adverb between a subject and its verb ("cynically insists"), not "family" or "ally"."""
    return tok.lower.endswith("ly") and len(tok.text) > 4 and tok.lower not in _LY_NOUNS and not tok.cap
