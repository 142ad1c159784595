"""Self-check questions made from the extractions, for any pair of articles.

The answer keys in ``workbook/data/questions/`` are written for the two seed
texts. With a teacher's own pair there are no keys, so every lesson topic
(``start``, ``texts``, ``sourcing``, ``figures``, ``history``, ``rhetoric``,
``synthesis``) gets questions made here from what the extractors found:

========== ===============================================================
topic      questions (each only when the text has what it needs)
========== ===============================================================
start      which line is the headline; which date is the publication date
texts      who wrote the text (the byline)
sourcing   who is quoted saying “…”; which of these sources is vague
figures    what does the number 14,000 count; which number does the text
           give for …; which word says the number is not exact
history    which year does the text give for …; what happened in 1994
rhetoric   which word in this sentence did the computer mark as …
synthesis  which sentence reads most like an opinion; which one holds
           something you could check (a number or a date)
========== ===============================================================

Every question says it is about *what the computer found*: the key is the
computer's finding, and the feedback quotes the sentence it comes from so the
learner can check it in the text and disagree. Every question has a twin about
the other text (the same kind of question, ``twin`` pointing both ways); a kind
of question that only one text can answer is left out for both. When a topic has
no keyed question for the pair, it gets a reflection question, so no lesson is
left without questions.

The questions are plain dicts in the shape of the question files
(``docs/questions-format.md``): ``id``, ``type``, ``prompt``, ``hint``,
``options`` (``text``, ``correct``, ``feedback``), ``article``, ``twin``,
``topic``, plus ``generated = True`` and ``evidence`` (the block, sentence and
text the key comes from). The same articles always give the same questions:
ids are made from the topic, the kind of question and a hash of the text, and
options are shuffled with a seed taken from the same hash.

>>> from workbook import load_seeds
>>> first, second = load_seeds()
>>> found = generated_questions([first, second], "sourcing")
>>> found[0]["id"].rsplit("-", 1)[0] == found[1]["id"].rsplit("-", 1)[0], found[0]["twin"] == found[1]["id"]
(True, True)
"""

from __future__ import annotations

import hashlib
import importlib
import math
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from workbook.articles import Article, Sentence

#: The lesson topics, in lesson order (the same names as the question files).
TOPICS = ("start", "texts", "sourcing", "figures", "history", "rhetoric", "synthesis")
#: At most this many options in a choice question.
MAX_OPTIONS = 4
#: Roles of the blocks whose sentences questions are asked about.
TEXT_ROLES = ("standfirst", "subheading", "body")
#: Rhetoric labels asked about, with what they are called for a learner.
RHETORIC_NAMES = {
    "loaded": "a loaded word (a word that judges, not only describes)",
    "label": "a label (a name for a person or group that puts them in a camp)",
    "intensifier": "an intensifier (a word that makes something sound stronger)",
    "absolute": "an absolute (a word that allows no exception, such as “all” or “never”)",
    "hedge": "a hedge (a word that softens a claim or keeps a distance)",
}
#: Words too common to be a sensible wrong option in "which word" questions.
_COMMON = frozenset(
    """the a an and or but of to in on at by for with from as is are was were be been being this that these those
    it its they them their there here he she his her we our you your i my me not no so than then when what which who
    whom whose how why will would can could should may might must has have had do does did also into over under
    about after before more most such only just very said says say""".split()
)
#: Words an event's description should not end with (it would read as cut off).
_DANGLING = frozenset("began begun started started ended became made took".split())
_WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]", re.UNICODE)

Question = dict[str, Any]
Generator = Callable[["_Facts", "_Facts | None"], "Question | None"]


# ---- what one article offers ------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A pandas missing value as None; everything else as it is."""
    try:
        import pandas as pd

        if value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _rows(frame: Any) -> list[dict[str, Any]]:
    return [{key: _plain(value) for key, value in row.items()} for row in frame.to_dict("records")]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _norm(text: str) -> str:
    """Lower case, curly quotes made straight, spaces squeezed: for comparing option text with a sentence."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').casefold()
    return " ".join(text.split())


def _begin(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _quote(text: str) -> str:
    """`text` inside curly quotation marks, without doubling marks it already has."""
    text = " ".join(text.split()).strip()
    if text[:1] in "“‘\"'" and text[-1:] in "”’\"'":
        return re.sub(r"[,;:]+(?=[”’\"']$)", "", text)  # “words,” reads as “words”
    if "“" in text or "”" in text or '"' in text:
        return f"‘{text}’"  # a piece that holds double quotation marks goes in single ones
    return f"“{text}”"


@dataclass(eq=False)
class _Facts:
    """One article's extractions, read once, as plain rows."""

    article: Article

    @cached_property
    def key(self) -> str:
        return hashlib.sha256(self.article.text.encode("utf-8")).hexdigest()[:8]

    @cached_property
    def roles(self) -> list[str]:
        return [block.role for block in self.article.block_list]

    def sentence(self, index: Any) -> Sentence | None:
        if index is None:
            return None
        index = int(index)
        sentences = self.article.sentence_list
        return sentences[index] if 0 <= index < len(sentences) else None

    def in_text(self, row: dict[str, Any]) -> bool:
        block = row.get("block")
        return block is not None and self.roles[int(block)] in TEXT_ROLES

    def _extracted(self, module: str, function: str) -> list[dict[str, Any]]:
        """The rows of ``workbook.<module>.<function>(article)``, as plain dicts."""
        return _rows(getattr(importlib.import_module(f"workbook.{module}"), function)(self.article))

    @cached_property
    def quotes(self) -> list[dict[str, Any]]:
        return self._extracted("sourcing", "quotes")

    @cached_property
    def sources(self) -> list[dict[str, Any]]:
        return self._extracted("sourcing", "attributions")

    @cached_property
    def figures(self) -> list[dict[str, Any]]:
        return self._extracted("figures", "figures")

    @cached_property
    def times(self) -> list[dict[str, Any]]:
        return self._extracted("timeline", "time_refs")

    @cached_property
    def markers(self) -> list[dict[str, Any]]:
        return self._extracted("rhetoric", "markers")

    @cached_property
    def names(self) -> list[str]:
        """People and organisations the text quotes or names as a source, in order of first appearance."""
        seen: list[str] = []
        quoted = [r for r in self.quotes if r.get("kind") == "direct"]
        for row in sorted(quoted + self.sources, key=lambda r: r["start"]):
            name = row.get("speaker") if "speaker" in row else row.get("source")
            kind = row.get("source_type", "person")
            if name and kind in ("person", "organization") and _looks_like_a_name(name, self.article.text) and _tidy_name(name) not in seen:
                seen.append(_tidy_name(name))
        return seen


def _looks_like_a_name(name: str, text: str) -> bool:
    """True for a name a learner could look up: a word of it has a capital even inside a sentence.

    "Critics" or "Observers" at the start of a sentence are capitalised only because they start it.
    """
    for word in name.split():
        if word[:1].isupper() and word.lower() != "the":
            if len(name.split()) > 1 and word != name.split()[0]:
                return True
            if re.search(r"[\w,;:]\s+" + re.escape(word) + r"\b", text):
                return True
    return False


def _tidy_name(name: str) -> str:
    name = " ".join(name.split())
    return name[:1].upper() + name[1:] if name[:1].islower() and name.split()[0].lower() == "the" else name


#: The last articles' extractions, by what they depend on (id, text, metadata), so lessons that ask
#: again for the same texts (every lesson reloads its pair) do not extract everything again.
_FACTS: dict[tuple[str, str, str], _Facts] = {}
_FACTS_KEPT = 8


def _facts_for(article: Article) -> _Facts:
    key = (article.id, article.text, repr(sorted(article.metadata.items(), key=lambda item: item[0])))
    facts = _FACTS.get(key)
    if facts is None:
        if len(_FACTS) >= _FACTS_KEPT:
            _FACTS.pop(next(iter(_FACTS)))
        facts = _FACTS[key] = _Facts(article)
    return facts


# ---- building a question ----------------------------------------------------------------------


def _seed(*parts: str) -> int:
    return int(hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16], 16)


def _evidence(facts: _Facts, sentence: Sentence | None, block: int | None = None, text: str | None = None) -> dict[str, Any]:
    if sentence is not None:
        return {"block": sentence.block, "sentence": sentence.index, "text": sentence.text}
    return {"block": block, "sentence": None, "text": text or ""}


def _choice(
    facts: _Facts,
    kind: str,
    prompt: str,
    correct: str,
    wrong: Iterable[str],
    evidence: dict[str, Any],
    right_note: str,
    wrong_note: Callable[[str], str],
    hint: str | None = None,
) -> Question | None:
    """A choice question, or None when fewer than two distinct wrong options are available."""
    correct = " ".join(correct.split())
    options_seen = {_norm(correct)}
    distractors: list[str] = []
    for text in wrong:
        text = " ".join(str(text).split())
        if text and _norm(text) not in options_seen:
            options_seen.add(_norm(text))
            distractors.append(text)
        if len(distractors) == MAX_OPTIONS - 1:
            break
    if len(distractors) < 2 or not correct:
        return None
    options = [{"text": correct, "correct": True, "feedback": right_note}]
    options += [{"text": text, "feedback": wrong_note(text)} for text in distractors]
    random.Random(_seed(kind, facts.key)).shuffle(options)
    question: Question = {
        "type": "choice",
        "kind": kind,
        "prompt": prompt,
        "options": options,
        "evidence": evidence,
    }
    if hint:
        question["hint"] = hint
    return question


def _where(evidence: dict[str, Any]) -> str:
    return f"the sentence that begins {_quote(_begin(evidence['text']))}"


def _check_it(evidence: dict[str, Any]) -> str:
    return (
        f" The text says: {_quote(evidence['text'])} Read it yourself: if you see it differently, you may be right;"
        " the computer follows rules and can be wrong."
    )


def _spread_pick(items: list[Any], count: int, seed: int) -> list[Any]:
    """`count` items chosen with a fixed seed, in their original order."""
    if len(items) <= count:
        return list(items)
    chosen = sorted(random.Random(seed).sample(range(len(items)), count))
    return [items[i] for i in chosen]


def _first_usable(rows: list[dict[str, Any]], test: Callable[[dict[str, Any]], Any], seed: int) -> list[dict[str, Any]]:
    """The rows that pass `test`, in a fixed shuffled order (so a long text is not always asked about its start)."""
    usable = [row for row in rows if test(row)]
    random.Random(seed).shuffle(usable)
    return usable


# ---- start and texts ----------------------------------------------------------------------------


def _headline(facts: _Facts, other: _Facts | None) -> Question | None:
    article = facts.article
    headline = next((b for b in article.block_list if b.role == "headline"), None)
    if headline is None:
        return None
    wrong = [b.text for b in article.block_list if b.role in ("standfirst", "subheading") and len(b.text.split()) <= 25]
    wrong += [s.text for s in article.sentence_list if facts.roles[s.block] == "body" and len(s.text.split()) <= 25][:3]
    evidence = _evidence(facts, None, headline.index, headline.text)
    return _choice(
        facts, "headline",
        "Which of these lines did the computer take as the headline of this text? Look at the top of the text to check.",
        headline.text, wrong, evidence,
        "Yes: the computer took this line as the headline, because it stands alone at the top. Do you agree? "
        "If a menu line or the site's name stands there instead, tell your teacher.",
        lambda _t: "The computer took another line as the headline: the line that stands alone at the top. "
        "Is it really the headline? You are the judge.",
    )


def _publication_date(facts: _Facts, other: _Facts | None) -> Question | None:
    article = facts.article
    if article.date is None:
        return None
    dateline = next((b for b in article.block_list if b.role == "dateline"), None)
    if dateline is None:
        return None
    in_line = [t for t in facts.times if t.get("block") == dateline.index and t.get("date")]
    if not in_line:
        return None
    correct = in_line[0]["text"]
    wrong = [t["text"] for t in facts.times if t.get("date") and t.get("block") != dateline.index and t["date"] != in_line[0]["date"]]
    if other is not None:
        wrong += [t["text"] for t in other.times if t.get("date") and t["date"] != in_line[0]["date"]]
    evidence = _evidence(facts, None, dateline.index, dateline.text)
    return _choice(
        facts, "date",
        "The computer looked for the date this text was published. Which date did it find? Check near the top of the text.",
        correct, wrong, evidence,
        f"Yes: the computer read the date line {_quote(dateline.text)} as the publication date. "
        "A date inside the text is usually about an event, not about when the text came out.",
        lambda t: f"{_quote(t)} is a date the text mentions (or another text's date). The computer took the date line "
        f"near the top as the publication date: {_quote(dateline.text)}.",
    )


def _author(facts: _Facts, other: _Facts | None) -> Question | None:
    article = facts.article
    author = article.author
    byline = next((b for b in article.block_list if b.role == "byline"), None)
    if not author or byline is None or _norm(author) not in _norm(byline.text):
        return None
    wrong = [name for name in facts.names if _norm(name) not in _norm(author) and _norm(author) not in _norm(name)]
    if other is not None:
        wrong += [n for n in ([other.article.author] if other.article.author else []) + other.names if n and _norm(n) != _norm(author)]
    return _choice(
        facts, "author",
        "Who wrote this text, according to the computer? It looked for a line such as “By …” near the top.",
        author, wrong, _evidence(facts, None, byline.index, byline.text),
        f"Yes: the computer found the byline {_quote(byline.text)}. Could you check who this writer is? "
        "Search for the name outside the text.",
        lambda t: f"{t} appears in the text (or in the other text), but not as its writer. "
        f"The computer found the byline {_quote(byline.text)}.",
    )


# ---- sourcing ------------------------------------------------------------------------------------


def _speaker(facts: _Facts, other: _Facts | None) -> Question | None:
    def usable(row: dict[str, Any]) -> bool:
        sentence = facts.sentence(row.get("sentence"))
        return bool(
            row.get("kind") == "direct" and row.get("speaker") and sentence is not None and facts.in_text(row)
            and row.get("speaker_start") is not None
            and sentence.start <= int(row["speaker_start"]) < sentence.end
            and _norm(_tidy_name(row["speaker"])) in _norm(sentence.text)  # named there, not only as "he" or "she"
            and 3 <= len(row["text"].split()) <= 30
        )

    for row in _first_usable(facts.quotes, usable, _seed("speaker", facts.key)):
        speaker = _tidy_name(row["speaker"])
        sentence = facts.sentence(row["sentence"])
        wrong = [n for n in facts.names if _norm(n) != _norm(speaker) and _norm(n) not in _norm(speaker) and _norm(speaker) not in _norm(n)]
        if other is not None and len(wrong) < 2:
            wrong += other.names
        evidence = _evidence(facts, sentence)
        found = _choice(
            facts, "speaker",
            f"The computer found this quotation in the text: {_quote(row['text'])} Who is quoted saying it, "
            "according to the computer? Find the quotation and check.",
            speaker, wrong, evidence,
            f"Yes: the computer gives {speaker} as the speaker.{_check_it(evidence)}",
            lambda t: f"The computer gives someone else as the speaker. Look at {_where(evidence)}.",
            hint=f"It is in {_where(evidence)}.",
        )
        if found:
            return found
    return None


def _vague_source(facts: _Facts, other: _Facts | None) -> Question | None:
    def usable(row: dict[str, Any]) -> bool:
        sentence = facts.sentence(row.get("sentence"))
        start = row.get("source_start")
        return bool(
            row.get("source_type") == "vague" and row.get("source") and sentence is not None and facts.in_text(row)
            and start is not None and sentence.start <= int(start) < sentence.end
            and _norm(" ".join(row["source"].split())) in _norm(sentence.text)
        )

    named = [_tidy_name(r["source"]) for r in facts.sources if r.get("source_type") in ("person", "organization")
             and r.get("source") and _looks_like_a_name(r["source"], facts.article.text)]
    named = list(dict.fromkeys(named))
    for row in _first_usable(facts.sources, usable, _seed("vague", facts.key)):
        sentence = facts.sentence(row["sentence"])
        vague = " ".join(row["source"].split())
        evidence = _evidence(facts, sentence)
        found = _choice(
            facts, "vague-source",
            "The computer sorted the sources this text gives for its claims. Which one did it mark as vague: "
            "a source that does not say exactly who is speaking?",
            vague, [n for n in named if _norm(n) != _norm(vague)], evidence,
            f"Yes: the computer marked {_quote(vague)} as vague: you could not look up who exactly this is.{_check_it(evidence)}",
            lambda t: f"The computer found {t} named in the text: a person or organisation you could look up. "
            f"The vague one is in {_where(evidence)}.",
            hint="A vague source is one such as “experts say” or “many people believe”.",
        )
        if found:
            return found
    return None


# ---- figures -------------------------------------------------------------------------------------


_NUMBER = re.compile(r"\d[\d,.\u202f ]*\d|\d")


def _number_text(text: str) -> str | None:
    found = _NUMBER.search(text)
    return found.group(0).strip() if found else None


def _figure_rows(facts: _Facts) -> list[dict[str, Any]]:
    return [
        row for row in facts.figures
        if facts.in_text(row) and facts.sentence(row.get("sentence")) is not None and row.get("kind") not in ("ordinal",)
    ]


def _figure_what(facts: _Facts, other: _Facts | None) -> Question | None:
    rows = _figure_rows(facts)
    whats = [" ".join(r["what"].split()) for r in rows if r.get("what")]

    def usable(row: dict[str, Any]) -> bool:
        return bool(row.get("what") and _number_text(row["text"]) and whats.count(" ".join(row["what"].split())) == 1)

    for row in _first_usable(rows, usable, _seed("what", facts.key)):
        number = _number_text(row["text"])
        what = " ".join(row["what"].split())
        sentence = facts.sentence(row["sentence"])
        wrong = [w for w in whats if _norm(w) != _norm(what)]
        if other is not None and len(wrong) < 3:
            wrong += [" ".join(r["what"].split()) for r in _figure_rows(other) if r.get("what")]
        evidence = _evidence(facts, sentence)
        found = _choice(
            facts, "figure-what",
            f"The computer found the number {number} in this text. What does it count, according to the computer? "
            "Find the number and read its sentence.",
            what, wrong, evidence,
            f"Yes: the computer read {_quote(row['text'])} as a number of {what}.{_check_it(evidence)} "
            "Does the text say who counted them?",
            lambda t: f"The computer read the number {number} as counting something else. Look at {_where(evidence)}.",
            hint=f"It is in {_where(evidence)}.",
        )
        if found:
            return found
    return None


def _figure_number(facts: _Facts, other: _Facts | None) -> Question | None:
    rows = _figure_rows(facts)
    numbers = [n for n in (_number_text(r["text"]) for r in rows) if n]
    whats = [" ".join(r["what"].split()) for r in rows if r.get("what")]

    def usable(row: dict[str, Any]) -> bool:
        number = _number_text(row["text"])
        return bool(number and row.get("what") and whats.count(" ".join(row["what"].split())) == 1 and numbers.count(number) == 1)

    for row in _first_usable(rows, usable, _seed("number", facts.key)):
        number = _number_text(row["text"])
        what = " ".join(row["what"].split())
        sentence = facts.sentence(row["sentence"])
        wrong = [n for n in numbers if n != number]
        if other is not None and len(wrong) < 3:
            wrong += [n for n in (_number_text(r["text"]) for r in _figure_rows(other)) if n]
        evidence = _evidence(facts, sentence)
        found = _choice(
            facts, "figure-number",
            f"The text gives a number of {what}. Which number did the computer find for them?",
            number, wrong, evidence,
            f"Yes: the computer found {_quote(row['text'])}.{_check_it(evidence)}",
            lambda t: f"{t} is another number in the texts. Look for the {what} in {_where(evidence)}.",
            hint=f"Look for the word {_quote(what.split()[-1])}.",
        )
        if found:
            return found
    return None


def _figure_hedge(facts: _Facts, other: _Facts | None) -> Question | None:
    def hedge_of(row: dict[str, Any]) -> str | None:
        if not row.get("approximate"):
            return None
        head = re.match(r"([^\W\d][\w’' ]*?)\s+(?=\d|a |an |one |two |three |four |five |six |seven |eight |nine |ten |dozens|hundreds|thousands|millions|half)", row["text"], re.I)
        return head.group(1).strip() if head and len(head.group(1).split()) <= 3 else None

    for row in _first_usable(_figure_rows(facts), hedge_of, _seed("hedge", facts.key)):
        hedge = hedge_of(row)
        sentence = facts.sentence(row["sentence"])
        words = [w for w in dict.fromkeys(_words(sentence.text)) if w.lower() not in _COMMON and _norm(w) not in _norm(row["text"])]
        words = _spread_pick(sorted(words, key=lambda w: (-len(w), w)), 3, _seed("hedge-words", facts.key))
        evidence = _evidence(facts, sentence)
        found = _choice(
            facts, "figure-hedge",
            f"The text says {_quote(row['text'])}. The computer thinks one word or phrase here says the number is not exact. Which one?",
            hedge, words, evidence,
            f"Yes: the computer took {_quote(hedge)} as a sign that the number is rounded or estimated.{_check_it(evidence)} "
            "Who made the estimate? Does the text say?",
            lambda t: f"{_quote(t)} is in the same sentence, but it says nothing about how exact the number is.",
            hint=f"It is in {_where(evidence)}.",
        )
        if found:
            return found
    return None


# ---- history -------------------------------------------------------------------------------------


def _year_rows(facts: _Facts) -> list[dict[str, Any]]:
    from workbook.timeline import describe

    rows = []
    for row in facts.times:
        sentence = facts.sentence(row.get("sentence"))
        if not (row.get("kind") in ("year", "date") and row.get("year") and sentence and facts.in_text(row)):
            continue
        if str(int(row["year"])) not in row["text"]:
            continue
        what = describe(sentence.text, row["start"] - sentence.start, row["end"] - sentence.start)
        what = re.sub(r"^(?:and|but|or|then)\s+", "", what, flags=re.IGNORECASE)
        words = what.split()
        usable = 2 <= len(words) <= 7 and words[-1].lower().strip("’'") not in _COMMON | _DANGLING
        rows.append({**row, "year": int(row["year"]), "what": what if usable else None})
    return rows


def _distinct_years(rows: list[dict[str, Any]]) -> list[int]:
    return list(dict.fromkeys(row["year"] for row in rows))


def _year_for(facts: _Facts, other: _Facts | None) -> Question | None:
    rows = _year_rows(facts)
    years = _distinct_years(rows)
    whats = [r["what"] for r in rows if r["what"]]

    def usable(row: dict[str, Any]) -> bool:
        return bool(row["what"]) and whats.count(row["what"]) == 1 and [r["year"] for r in rows].count(row["year"]) == 1

    for row in _first_usable(rows, usable, _seed("year", facts.key)):
        year = row["year"]
        wrong = [str(y) for y in years if y != year]
        if other is not None and len(wrong) < 3:
            wrong += [str(y) for y in _distinct_years(_year_rows(other)) if y != year]
        wrong += [str(year - 10), str(year + 10)]
        evidence = _evidence(facts, facts.sentence(row["sentence"]))
        found = _choice(
            facts, "year-for",
            f"Which year does the text give for {_quote(row['what'])}, according to the computer?",
            str(year), wrong, evidence,
            f"Yes: the computer found {year} here.{_check_it(evidence)} Is the year right? "
            "Check it in a reference such as the lesson's reference sheet or an encyclopaedia.",
            lambda t: f"The text gives another year for this. Look at {_where(evidence)}.",
            hint=f"It is in {_where(evidence)}.",
        )
        if found:
            return found
    return None


def _event_in(facts: _Facts, other: _Facts | None) -> Question | None:
    rows = _year_rows(facts)
    whats = [r["what"] for r in rows if r["what"]]
    year_list = [r["year"] for r in rows]

    def usable(row: dict[str, Any]) -> bool:
        return bool(row["what"]) and year_list.count(row["year"]) == 1 and whats.count(row["what"]) == 1

    picked = _first_usable(rows, usable, _seed("event", facts.key))
    for row in picked[1:] + picked[:1]:  # not the same row `_year_for` starts with, when there is a choice
        wrong = [w for w in whats if w != row["what"]]
        if other is not None and len(wrong) < 3:
            wrong += [r["what"] for r in _year_rows(other) if r["what"]]
        evidence = _evidence(facts, facts.sentence(row["sentence"]))
        found = _choice(
            facts, "event-in",
            f"The text mentions the year {row['year']}. What does it link to that year, according to the computer?",
            row["what"], wrong, evidence,
            f"Yes: the computer linked {row['year']} with {_quote(row['what'])}.{_check_it(evidence)}",
            lambda t: f"The texts link {_quote(t)} with another year. Look for {row['year']} in the text.",
        )
        if found:
            return found
    return None


# ---- rhetoric ------------------------------------------------------------------------------------


def _marked_word(facts: _Facts, other: _Facts | None, labels: Sequence[str], kind: str, skip: int = 0) -> Question | None:
    markers = facts.markers

    def usable(row: dict[str, Any]) -> bool:
        sentence = facts.sentence(row.get("sentence"))
        return bool(
            row.get("label") in labels and not row.get("in_quote") and sentence is not None and facts.in_text(row)
            and 6 <= len(sentence.text.split()) <= 45
        )

    tried = 0
    for row in _first_usable(markers, usable, _seed(kind, facts.key)):
        sentence = facts.sentence(row["sentence"])
        marked = [(m["start"], m["end"]) for m in markers if m.get("sentence") == row["sentence"]]
        words = []
        for match in _WORD.finditer(sentence.text):
            start = sentence.start + match.start()
            if match.group(0).lower() in _COMMON or len(match.group(0)) < 4 or match.group(0)[:1].isupper():
                continue
            if any(s <= start < e or start <= s < start + len(match.group(0)) for s, e in marked):
                continue
            words.append(match.group(0))
        words = _spread_pick(list(dict.fromkeys(words)), 3, _seed(kind, "words", facts.key))
        evidence = _evidence(facts, sentence)
        name = RHETORIC_NAMES[row["label"]]
        found = _choice(
            facts, kind,
            f"Read this sentence: {_quote(sentence.text)} The computer marked one word or phrase in it as {name}. Which one?",
            row["text"], words, evidence,
            f"Yes: the computer marked {_quote(row['text'])}. Its reason: {row.get('reason') or 'a rule matched'}. "
            "Try the sentence without it: what changes for the reader?",
            lambda t: f"The computer did not mark {_quote(t)}. If you think it also does this, you may be right: "
            "the computer's word lists are not complete.",
        )
        if found:
            tried += 1
            if tried > skip:
                return found
    return None


def _marked_judging(facts: _Facts, other: _Facts | None) -> Question | None:
    return _marked_word(facts, other, ("loaded", "label"), "marked-word")


def _marked_strength(facts: _Facts, other: _Facts | None) -> Question | None:
    return _marked_word(facts, other, ("intensifier", "absolute", "hedge"), "marked-strength")


# ---- synthesis -----------------------------------------------------------------------------------


def _sentence_counts(facts: _Facts) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {}
    for name, rows in (("markers", [m for m in facts.markers if not m.get("in_quote")]), ("figures", facts.figures),
                       ("times", [t for t in facts.times if t.get("kind") in ("year", "date")]), ("quotes", facts.quotes)):
        for row in rows:
            if row.get("sentence") is not None:
                counts.setdefault(int(row["sentence"]), {}).setdefault(name, 0)
                counts[int(row["sentence"])][name] += 1
    return counts


def _body_sentences(facts: _Facts) -> list[Sentence]:
    return [s for s in facts.article.sentence_list if facts.roles[s.block] == "body" and 8 <= len(s.text.split()) <= 40]


def _opinion_sentence(facts: _Facts, other: _Facts | None) -> Question | None:
    counts = _sentence_counts(facts)
    body = _body_sentences(facts)
    ranked = sorted(body, key=lambda s: (-counts.get(s.index, {}).get("markers", 0), s.index))
    if not ranked or counts.get(ranked[0].index, {}).get("markers", 0) < 1:
        return None
    top = ranked[0]
    plain = [s.text for s in body if not counts.get(s.index, {}).get("markers") and not counts.get(s.index, {}).get("quotes")]
    plain = _spread_pick(plain, 3, _seed("opinion", facts.key))
    evidence = _evidence(facts, top)
    n = counts[top.index]["markers"]
    return _choice(
        facts, "opinion-sentence",
        "The computer counted the rhetoric markers (words that judge, push or soften) in each sentence. "
        "Which of these sentences has the most, so reads most like the writer's opinion?",
        top.text, plain, evidence,
        f"Yes: the computer found {n} rhetoric marker{'s' if n != 1 else ''} in this sentence, and none in the others. "
        "Do you read it as an opinion? A sentence can judge without any marked word.",
        lambda _t: "The computer found no rhetoric marker in this sentence. Does it still give an opinion? "
        "Then you have seen something the computer missed.",
    )


def _checkable_sentence(facts: _Facts, other: _Facts | None) -> Question | None:
    counts = _sentence_counts(facts)
    body = _body_sentences(facts)
    checkable = [s for s in body if (counts.get(s.index, {}).get("figures") or counts.get(s.index, {}).get("times"))
                 and not counts.get(s.index, {}).get("markers")]
    judging = [s.text for s in body if counts.get(s.index, {}).get("markers", 0) >= 1
               and not counts.get(s.index, {}).get("figures") and not counts.get(s.index, {}).get("times")]
    if not checkable:
        return None
    top = random.Random(_seed("checkable", facts.key)).choice(checkable)
    evidence = _evidence(facts, top)
    return _choice(
        facts, "checkable-sentence",
        "Which of these sentences did the computer find a number or a date in, with no rhetoric marker: "
        "something you could check in another source?",
        top.text, _spread_pick(judging, 3, _seed("judging", facts.key)), evidence,
        "Yes: the computer found a number or a date here and no word that judges. Where could you check it?",
        lambda _t: "The computer found a rhetoric marker in this sentence and no number or date. "
        "Could you still check part of it?",
    )


# ---- reflections when nothing else fits -------------------------------------------------------------

REFLECTIONS = {
    "start": "Read the first lines of this text. What is it about, and who do you think it was written for?",
    "texts": "Where was this text published, and by whom? What would you search for to find out more about the writer?",
    "sourcing": "Whose words does this text use? Pick one source and say how you could check it.",
    "figures": "Pick one number in this text. What does it count, and who counted it, according to the text?",
    "history": "Pick one past event this text mentions. How could you check the date and what happened?",
    "rhetoric": "Pick one sentence that tries to make you feel something. Rewrite it in neutral words. What changes?",
    "synthesis": "Write a short evaluation of this text: how well does it support its claims with sources, figures and history?",
}

#: topic -> the kinds of keyed question asked, in order.
GENERATORS: dict[str, tuple[Generator, ...]] = {
    "start": (_headline, _publication_date),
    "texts": (_author,),
    "sourcing": (_speaker, _vague_source),
    "figures": (_figure_what, _figure_number, _figure_hedge),
    "history": (_year_for, _event_in),
    "rhetoric": (_marked_judging, _marked_strength),
    "synthesis": (_opinion_sentence, _checkable_sentence),
}


def _reflection(facts: _Facts, topic: str) -> Question:
    return {"type": "reflection", "kind": "reflect", "prompt": REFLECTIONS[topic], "evidence": None}


def _finish(question: Question, topic: str, facts: _Facts, twin_facts: _Facts | None, key: str, twin_key: str | None) -> Question:
    kind = question.pop("kind")
    finished: Question = {
        "id": f"gen-{topic}-{kind}-{key}",
        "type": question["type"],
        "prompt": question["prompt"],
        "topic": topic,
        "article": facts.article.id,
        "generated": True,
    }
    if twin_key is not None:
        finished["twin"] = f"gen-{topic}-{kind}-{twin_key}"
    for field in ("hint", "options", "evidence"):
        if question.get(field) is not None:
            finished[field] = question[field]
    return finished


def generated_questions(articles: Article | Sequence[Article], topic: str | None = None) -> list[Question]:
    """Questions about `articles` (a pair; one article gets questions without twins) for `topic` or all topics.

    Twins come one after the other: first text, second text, for each kind of question.
    """
    articles = [articles] if isinstance(articles, Article) else list(articles)
    topics = TOPICS if topic is None else (topic,)
    unknown = [t for t in topics if t not in GENERATORS]
    if unknown:
        raise ValueError(f"No lesson topic {unknown[0]!r}. Topics: {', '.join(TOPICS)}.")
    facts = [_facts_for(article) for article in articles[:2]]
    keys = [f.key for f in facts]
    if len(keys) == 2 and keys[0] == keys[1]:
        keys = [keys[0] + "a", keys[1] + "b"]
    found: list[Question] = []
    for name in topics:
        pairs: list[list[Question]] = []
        for generator in GENERATORS[name]:
            made = [generator(f, facts[1 - i] if len(facts) == 2 else None) for i, f in enumerate(facts)]
            if all(made):
                pairs.append(made)  # type: ignore[arg-type]
        if not pairs:
            pairs.append([_reflection(f, name) for f in facts])
        for pair in pairs:
            for i, question in enumerate(pair):
                twin = 1 - i if len(facts) == 2 else None
                found.append(_finish(question, name, facts[i], facts[twin] if twin is not None else None,
                                     keys[i], keys[twin] if twin is not None else None))
    return found
