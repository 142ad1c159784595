"""How sure a marker is: ``strong`` (shown by default) or ``weak`` (behind a toggle), with the reason.

Strong markers are the ones a teacher would usually show as an example; weak
ones are often something plainer (a quantity, a name, a description) and the
learner judges. The rules, by label:

- ``loaded``: words from the workbook's own lists are strong, unless the word
  is what the text is about ("forms of propaganda", "Fraud is rare"). Words
  known only from a sentiment list (VADER, Pattern) are weak unless the text
  uses them to judge: after a linking verb ("is ridiculous"), after a degree
  word ("so brutal", "largely unsuccessful"), or as a comment on the sentence
  ("Unfortunately, ..."). A sentiment word ending in -ing where a verb would
  stand ("and striking oil depots") is weak. What news annotators made of the
  word (`workbook.rhetoric.annotated`) comes before the word's list: marked as
  loaded in a good share of its uses makes it strong, almost never marked makes
  it weak (`ANNOTATED_STRONG`, `ANNOTATED_PLAIN`).
- ``absolute``: words that sweep across everyone or all time (never, always,
  no one, everything) are strong; all, every, entire, whole and only are weak.
- ``intensifier``: what news annotators made of the word first, as for
  ``loaded``; then extreme wording (utterly, incredibly, heroic) is strong and
  plain degree words (very, highly, entirely) are weak.
- ``label``: strong, except "so-called", which may just introduce a term; a word
  that news also uses as the plain name of a kind of group ("terrorist",
  "militant"); and an adverb made from a label ("radically deconstructed").
- ``framing``: strong, except an ordinary word with a modifier ("media bosses").
- ``call_to_action``: strong, except a duty stated in the passive ("must be
  made"), which may describe a requirement; a "Should ..." that opens a sentence
  (a condition: "Should the company fail, ..."); a "should" after a question word
  ("who should pay"); and a command-like first word followed by a preposition or
  a verb ("Demand for coal has fallen"), which is more likely a noun.
- ``hedge``: strong, except "May" or "Might" with a capital inside a sentence
  (mostly a name or the month: "Theresa May"), and "might" followed by
  punctuation or "of" (the noun: "the might of the army").
- ``scare_quote``: strong, unless the quoted words look like a name or term:
  a capital letter, a naming word before ("called", "the term"), or the same
  words quoted again elsewhere in the text; or unless the sentence says someone
  spoke or wrote ("its explanation", "said", "in the letter"), which makes them
  more likely that person's words.
- ``we_voice``: strong, except a capitalised "Our" or "Us" inside a sentence (a
  name or a title: "Our Lady of Fatima", a book called "... Devouring Us").
- any marker in a sentence printed more than once on the page (a reader poll, a
  pull quote) is weak.
- ``appeal_to_authority``: a quotation backed by a speaker's title alone is weak
  (news quotes officials with their titles as a matter of course); the rest are strong.
- every other label is strong.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from workbook.rhetoric.annotated import annotated
from workbook.rhetoric.lexicons import _norm
from workbook.rhetoric.use import Rules, after_word, before_words, is_capitalised_mid_sentence, words_before

STRENGTHS = ("strong", "weak")

#: The annotators' record (`workbook.rhetoric.annotated`) that makes a loaded word or an intensifier
#: strong: marked in at least this share of its uses, at least twice, in at least two articles;
#: and the share under which a word that was seen at least three times is weak. Both were picked by
#: splitting the record's own "dev" half in two (learn on one quarter, score on the other).
ANNOTATED_STRONG = 0.30
ANNOTATED_PLAIN = 0.10
#: How many uses a word needs before `ANNOTATED_PLAIN` makes it weak: a word from a list written for
#: the workbook (True) needs more, since a teacher picked it as a word that judges.
ANNOTATED_PLAIN_USES = {False: 3, True: 10}

#: "be" and a past participle after a duty word: regular ones, and the common irregular ones
#: whose endings the regular pattern misses ("must be made", "should be paid").
_PASSIVE_AFTER = re.compile(
    r"(?:\s+not)?\s+be(?:\s+\w+ly)?\s+(?:\w+(?:ed|en|wn|ne|ht|lt|pt)|made|paid|said|laid|held|sold|told|found|"
    r"met|set|put|cut|shut|led|fed|sent|spent|built|heard|won|hit|read|run)\b",
    re.IGNORECASE,
)
_COMMENT_ADVERB = re.compile(r"\s*,")
#: Endings that make a word an adjective in most uses (a part-of-speech guess without a tagger).
_ADJECTIVE_ENDING = re.compile(r"(?:ous|ful|ive|ic|ical|ible|able|ant|(?<!m)(?<!d)ent|less|ish|al|ary|ile|id|ane)$")
#: (not "-ment" or "-dent": "harassment", "abandonment", "accident" are nouns)
#: A VADER rating (the list's second column) at or below -2.0 on its scale from -4 to +4.
_NEGATIVE = re.compile(r"-(?:[2-3]\.\d|4\.0)")
#: 'may ... , but' in the same sentence: a concession ('It may seem far away, but it is here').
_CONCESSION = re.compile(r"[^.!?;\n]*?[,;]\s+but\b")
_PUNCTUATION_AFTER = re.compile(r"[.,;:!?)\]”’\"]")
#: Words before "should" or "must" that make it a question or a relative clause ("who should pay").
#: Not "that", which as often points at what the writer just said ("That should ring alarm bells").
_QUESTION_WORDS = frozenset("who whom whose what which how where when whether why".split())
#: Words after "should" that make it the inverted condition ("ready to arrest him should he try").
_SUBJECT_AFTER = re.compile(r"\s+(?:(?i:he|she|it|they|we|you|i|the|a|an|this|that|these|those)|[A-Z][\w.]*)\s+[^\W\d_]+")
#: Words that do not follow a command at the start of a sentence but do follow a noun ("Demand for ...").
_NOT_AFTER_A_COMMAND = frozenset("for of has have had is was are were will would in on from among".split())


#: Why a marker with no rule of its own is strong, in plain words, by label.
_PLAIN_STRONG = {
    "hedge": "a word that makes the claim less sure, and nothing here suggests a plainer use",
    "rhetorical_question": "a question the text asks without waiting for an answer",
    "exclamation": "an exclamation mark, which raises the feeling of the sentence",
    "we_voice": "‘we’ or ‘us’ draws the reader onto the writer's side",
    "analogy": "a comparison that carries a judgement across from something else",
    "appeal_to_authority": "the text leans on someone's standing to support its point",
}


def _inverted_condition(text: str, end: int) -> bool:
    """'should' followed by a subject and a verb: "targets should the US attack" (a question
    never gets here: a duty word inside one is not marked at all)."""
    match = _SUBJECT_AFTER.match(text, end)
    return bool(match) and match.group(0).split()[0].lower() not in ("be", "have", "not", "also", "never", "always")


#: A piece of text between sentence marks or line breaks. Finer than the article's sentences on
#: purpose: a poll line and its question ("take our poll - story continues below Who should ...?")
#: are one sentence there, but the question printed again is the same piece here.
_PIECE = re.compile(r"[^.!?\n]+[.!?]*")


def _piece_start(text: str, start: int) -> int:
    """Where the piece holding text[start] begins (just after the . ! ? or line break before it)."""
    return max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1


def _repeated_pieces(text: str) -> frozenset[str]:
    """Pieces (`_PIECE`) of at least 20 characters that stand twice or more in the text."""
    counts = Counter(piece.strip() for piece in _PIECE.findall(text))
    return frozenset(piece for piece, n in counts.items() if n > 1 and len(piece) >= 20)


def _printed_twice(text: str, start: int, context: dict[str, Any]) -> bool:
    """The piece around text[start] stands at least twice in the text (the pieces worked out once per text)."""
    repeated = context.get("repeated_pieces")
    if repeated is None:
        repeated = context["repeated_pieces"] = _repeated_pieces(text)
    if not repeated:
        return False
    match = _PIECE.match(text, _piece_start(text, start))
    return bool(match) and match.group().strip() in repeated


def _reporting_word(text: str, start: int, end: int, found: Rules) -> str:
    """A word of the piece around text[start:end], outside the quotation, that says someone spoke or wrote."""
    stops = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    outside = (text[_piece_start(text, start):start] + " " + text[end:min(stops, default=len(text))]).lower().replace("’", "'")
    words = re.findall(r"[a-z']+", outside)
    for word in words:
        if found.has("reporting word", word):
            return word
    pairs = {" ".join(pair) for pair in zip(words, words[1:])}
    return next((cue for cue in found.sections.get("reporting word", ()) if " " in cue and cue in pairs), "")


#: 'that' opening a clause, in lower-case text with straight apostrophes.
_THAT = re.compile(r"\bthat\b")
#: Words that make the writer the one who says or thinks it ('I think that', 'our view is that').
_FIRST_PERSON = frozenset("i we my our i'm we're i've we've".split())
#: Labels whose words can sit in someone else's reported clause. Not loaded words: on the SemEval
#: dev half they mostly stood after the clause had ended, in the writer's main clause ("His
#: statements that he knew nothing ... are absolutely laughable").
_REPORTABLE = frozenset(("call_to_action", "absolute", "hedge"))
#: Words between the opener and 'that' that make 'that' a pronoun ('concerned about that').
_PREPOSITIONS = frozenset("about of with to for on in by at from".split())
#: The opener after these is the writer's own aside ('It should be noted that').
_IMPERSONAL = frozenset(("be", "been"))
#: Quoted words made only of these are a word being talked about ('a sale of “all” the assets').
_SMALL_WORDS = frozenset("all any some none every each the a an and or not no yes if but only".split())


def _reported_clause(text: str, start: int, found: Rules) -> str:
    """The word that opens a clause of what someone else said or thinks, before text[start] in its
    piece ('agreed that', 'told reporters that'); "" when there is none, when the writer is the one
    who says it ('I think that', 'It should be noted that'), or when a ', but' has closed it."""
    before = text[_piece_start(text, start):start].lower().replace("’", "'")
    for that in _THAT.finditer(before):
        if re.match(r"\s*[^\w\s]", before[that.end():]) or re.search(r"[,;]\s+but\b", before[that.end():]):
            continue  # 'that' the pronoun ('about that.'), or the clause closed before the word
        words = re.findall(r"[a-z']+", before[:that.start()])
        if not words:
            continue
        if found.has("reported clause", words[-1]):
            at = len(words) - 1
        elif len(words) > 1 and found.has("reported clause", words[-2]) and words[-1] not in _PREPOSITIONS:
            at = len(words) - 2
        else:
            continue
        if _FIRST_PERSON.intersection(words) or (at and words[at - 1] in _IMPERSONAL):
            return ""
        return words[at]
    return ""


def _annotators_say(word: str, term: str, curated: bool) -> tuple[str, str] | None:
    """(strength, reason) from what news annotators made of `word` (or its list `term`), when that is clear.

    A word from a list written for the workbook (`curated`) needs more uses before it is taken for a
    plain word (`ANNOTATED_PLAIN_USES`) than one known only from a sentiment list.

    The record of the list's `term` stands in for a form of it that has no record of its own, except
    when a sentiment list's word gains a plural "-s": "graves" (the noun) is not "grave" (the adjective)
    that the annotators marked, and a sentiment list does not say which kind of word it holds."""
    key, record = word, annotated(word)
    if record is None and not (not curated and _plural_of(word, term)):
        key, record = term, annotated(term)
    if record is None:
        return None
    who, shown = "researchers who marked up real news articles", f"‘{key.lower()}’"
    if record.marked >= 2 and record.articles >= 2 and record.share >= ANNOTATED_STRONG:
        return "strong", f"{who} called {shown} loaded language in {record.marked} of its {record.uses} uses"
    if record.uses >= ANNOTATED_PLAIN_USES[curated] and record.share < ANNOTATED_PLAIN:
        how_often = (f"never called {shown} loaded language in its {record.uses} uses" if not record.marked else
                     f"called {shown} loaded language in only {record.marked} of its {record.uses} uses")
        return "weak", f"{who} {how_often}, so here it may be a plain word"
    return None


def _plural_of(word: str, term: str) -> bool:
    """`word` is `term` with a plural (or third-person) ending: 'graves' of 'grave'."""
    form, base = _norm(word), _norm(term)
    return form != base and not base.endswith("s") and form in (base + "s", base + "es")


def strength(row: dict[str, Any], text: str, found: Rules, context: dict[str, Any]) -> tuple[str, str]:
    """(strength, reason) for one marker `row` (a dict with at least label, start, end)."""
    label = row["label"]
    start, end = row["start"], row["end"]
    floor = row.get("floor", 0)
    term = row.get("term", "")
    if row.get("own"):
        return "strong", "the word is in a teacher's own list, which is taken as written"
    if _printed_twice(text, start, context):
        return "weak", "the same sentence is printed more than once on the page, so it may be a reader poll or a pull quote"
    if row.get("in_marks"):
        return "weak", "the word stands in quotation marks, so it may be someone else's word the text mentions"
    if label in _REPORTABLE:
        opener = _reported_clause(text, start, found)
        if opener:
            return "weak", (
                f"the word stands in what someone else said or thinks (‘{opener} that …’), so it may be "
                "theirs rather than the writer's"
            )
    if label == "loaded":
        if row.get("degree"):
            return "strong", "a degree word strengthens it, so the text is clearly judging"
        if row.get("topic"):
            return "weak", "the word names what the text is about here, rather than judging it"
        if row.get("sentiment_only") and _norm(text[start:end]).endswith("ing"):
            before = before_words(row, text, 1)
            if before and not any(found.has(kind, before[-1]) for kind in ("before an adjective", "copula", "degree before")):
                return "weak", (
                    f"‘{text[start:end]}’ after ‘{before[-1]}’ is most likely a verb here (what someone does), "
                    "not a word that judges what it describes"
                )
        judged = _annotators_say(text[start:end], term, curated=not row.get("sentiment_only"))
        if judged:
            return judged
        if not row.get("sentiment_only"):
            return "strong", "the word is in a list written for the workbook of words that judge or colour"
        before = before_words(row, text, 2)
        if _norm(text[start:end]).endswith("ly") and re.match(r"\s+[a-z]+(?:ed|en)\b", text[end:end + 30]):
            return "weak", "an adverb of manner before a verb here ('forcibly removed'), which may simply describe"
        if before and (found.has("copula", before[-1]) or found.has("degree before", before[-1])):
            return "strong", f"the word is used to judge (it comes after ‘{before[-1]}’)"
        if len(before) == 2 and found.has("copula", before[0]) and before[1].endswith("ly"):
            return "strong", f"the word is used to judge (it comes after ‘{' '.join(before)}’)"
        if found.has("emotion", term):
            return "strong", "the word names a strong feeling, which colours what is told"
        if _NEGATIVE.match(str(row.get("rating", ""))) and _ADJECTIVE_ENDING.search(term) and not term.endswith("ly"):
            return "strong", (
                "an adjective its raters scored strongly negative, describing what it names: it judges as it describes"
            )
        if _norm(text[start:end]).endswith("ly") and not before and _COMMENT_ADVERB.match(text, end):
            return "strong", "the word comments on the whole sentence, the writer's own judgement"
        return "weak", (
            "the word is only known from a sentiment list (its raters found it positive or negative); "
            "a rating alone does not make a word loaded, and here it may simply name a thing"
        )
    if label == "absolute":
        if term.startswith("every") and after_word(row, text) == "else":
            return "weak", "‘everyone else’ sets a group apart from the one just named; it need not overstate"
        before = before_words(row, text, 1)
        if term == "never" and before and before[-1] in ("had", "was", "were") and after_word(row, text) != "even":
            return "weak", (
                f"‘{before[-1]} never’ tells what did not happen at a past time, which is often plain history "
                "rather than an overstatement"
            )
        if found.has("strong absolute", term):
            return "strong", "the word sweeps across everyone or all time, which can overstate"
        return "weak", "this word is often plain quantity ('all flights were cancelled'); it overstates only sometimes"
    if label == "intensifier":
        judged = _annotators_say(text[start:end], term, curated=not found.has("weak degree", term))
        if judged:
            return judged
        if found.has("weak degree", term):
            return "weak", "a plain degree word, which often just describes ('very close')"
        return "strong", "extreme wording that turns up the strength of what follows"
    if label == "label":
        if term == "so-called":
            return "weak", "‘so-called’ can sneer at a name, or simply introduce a term"
        if found.has("plain category", term):
            return "weak", (
                f"news also uses ‘{text[start:end]}’ as the plain name of a kind of group; it is a label when the "
                "writer picks it over a plainer word, so check who is called this and by whom"
            )
        if _norm(text[start:end]).endswith("ly") and not term.endswith("ly"):
            return "weak", f"‘{text[start:end]}’ is an adverb here: it describes how something is done, not who people are"
        return "strong", "a word that puts people in a camp or calls them names"
    if label == "framing":
        before = before_words(row, text, 1)
        if " " not in term and before and before[-1] not in ("the", "our", "their", "its", "his", "her", "all"):
            return "weak", f"‘{text[start:end]}’ with ‘{before[-1]}’ before it may be an everyday word here"
        return "strong", "a class term that sorts people into camps"
    if label == "call_to_action":
        if row.get("from_list") and _PASSIVE_AFTER.match(text, end):
            return "weak", "a duty stated in the passive may describe a requirement rather than call anyone to act"
        before = before_words(row, text, 1)
        if row.get("from_list") and term == "should" and not before:
            return "weak", "a sentence that opens with ‘Should’ is often a condition (‘Should the talks fail, …’)"
        if row.get("from_list") and term == "should" and _inverted_condition(text, end):
            return "weak", "‘should’ before its subject makes a condition here (‘should he try to leave’), not a call to act"
        if row.get("from_list") and before and before[-1] in _QUESTION_WORDS:
            return "weak", f"‘{before[-1]} {text[start:end]}’ asks or tells who is to act; it need not call on anyone"
        if not row.get("from_list") and after_word(row, text) in _NOT_AFTER_A_COMMAND:
            return "weak", (
                f"‘{text[start:end]}’ is followed by ‘{after_word(row, text)}’, so it is more likely a noun "
                "(‘Demand for coal …’) than a command"
            )
        return "strong", "it tells readers or others what must be done"
    if label == "scare_quote":
        words = text[start:end].strip("“”\"‘’'«» ,.")
        inner = text[start:end].strip("“”\"‘’'«» ")
        if ". " in words or inner[-1:] in ".,!?":
            return "weak", "the quoted words run across or end a sentence, so they are more likely someone's words"
        if words[:1].isupper():
            return "weak", "the quoted words start with a capital, so they may be a name or a title"
        if any(character.isdigit() for character in words):
            return "weak", "the quoted words hold a number, so they are more likely a name, a code or a label"
        if words and _SMALL_WORDS.issuperset(words.lower().split()):
            return "weak", "a small word in quotation marks is most often a word being talked about, like a term"
        before = " ".join(words_before(text, start, 3, floor))
        cue = next((c for c in found.sections.get("naming", ()) if (" " + before).endswith(" " + c)), None)
        if cue:
            return "weak", f"‘{cue}’ comes before the quotation marks, so they may just introduce a term"
        if context.get("quoted_words", Counter()).get(words.lower(), 0) > 1:
            return "weak", "the same words are in quotation marks more than once, so they may be a term"
        reporting = _reporting_word(text, start, end, found)
        if reporting:
            return "weak", (
                f"the sentence says someone spoke or wrote (‘{reporting}’), so the quoted words are more likely "
                "that person's than the writer's distance"
            )
        after = after_word(row, text)
        if after and before.split()[-1:] in (["a"], ["an"], ["the"], ["its"], ["their"], ["his"], ["her"]):
            return "weak", "the quoted words name the thing that follows them, like a label"
        return "strong", "the quotation marks seem to keep a distance from the words"
    if label == "hedge" and term in ("may", "might"):
        if is_capitalised_mid_sentence(text, start, floor):
            return "weak", f"‘{text[start:end]}’ with a capital inside a sentence is most often a name or the month"
        if term == "may" and _PUNCTUATION_AFTER.match(text, end):
            return "weak", f"‘{text[start:end]}’ before a punctuation mark is the month (‘April. May. June.’), not a hedge"
        if term == "may" and _CONCESSION.match(text, end):
            return "weak", "‘may …, but’ grants a point before the writer's own, rather than softening a claim"
        if term == "might" and (_PUNCTUATION_AFTER.match(text, end) or after_word(row, text) == "of"):
            return "weak", "‘might’ is the noun here (strength, as in ‘the might of the army’), not a hedge"
    if label == "we_voice" and is_capitalised_mid_sentence(text, start, floor):
        return "weak", f"‘{text[start:end]}’ with a capital inside a sentence is part of a name or a title here"
    if label == "appeal_to_authority" and row.get("credential"):
        return "weak", (
            "news reports quote officials with their titles as a matter of course; it is an appeal to "
            "authority only when the writer uses the title to settle a point of their own"
        )
    return "strong", _PLAIN_STRONG.get(label, "a clear rule matched, and nothing here suggests a plainer use")
