"""Speakers: who a mention means (pronouns, relative pronouns, surnames) and which noun
phrase does the saying for a reporting verb."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from workbook.sourcing.phrases import _DASHES, _adverb, _antecedent, _skipped_before_verb, _clause_start, _clean_np, _np_back, _np_forward, _split_name, _subject
from workbook.sourcing.source_types import source_type
from workbook.sourcing.words import _BELIEF, _COUNTRY_US, _NEVER_FIRST, _OBJECT_PREPOSITIONS, _OPENING_ADVERBS, _PARTICIPLES, _DETERMINERS, _FIRST_PERSON, _INTRO, _NATIONALITY, _NOT_SOURCES, _PASSIVE, _PREPOSITIONS, _PEOPLE_PRONOUNS, _PRONOUNS, _QUANTIFIERS, _QUESTION, _SKIP, _TIME_CONJUNCTIONS, _WORDS_GIVEN, _TIME_WORDS, _Tok, _base, _is_possessive, _lines, _nouns, _verb_among, lexicon


#: Prepositions before an -ing cue that make it a gerund ("forgot about demanding"), not "before"/"after"/"while"/"when".
_GERUND_PREPOSITIONS = _PREPOSITIONS - _TIME_CONJUNCTIONS
#: Question words that never open a source ("which" may: "which said").
_QUESTION_WORDS = _QUESTION - {"which"}
#: Quantifiers that float after a subject ("They all said", "Lee and Park both said").
_FLOATING = frozenset(("all", "both", "each"))


@lru_cache(maxsize=1)
def _sex_words() -> dict[str, str]:
    """{word: "she" or "he"} from ``data/sourcing/sex_words.txt`` ("mrs", "spokeswoman", "mr", "husband")."""
    found: dict[str, str] = {}
    section = ""
    for line in _lines("sex_words.txt"):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section:
            found[line.lower()] = section
    return found


def sex_of(mention: str) -> str | None:
    """"she" or "he" when a person's mention or description says which ("Mrs. Lee", "her mother,
    Fiona", "the businessman"), else None (also when it says both)."""
    words = _sex_words()
    found = {words[w] for w in re.findall(r"[a-z]+", mention.lower()) if w in words}
    return found.pop() if len(found) == 1 else None


def _mention_words(info: dict[str, Any]) -> str:
    """The words next to a speaker's name that can say whether "she" or "he" means them, for `sex_of`:
    the three words before the name in its mention ("Spokeswoman Jessica Ditto", "Mrs. Lee") and a short
    description ("the spokeswoman, Ann Lee"), but never a long stretch that holds other people's titles."""
    mention, name = str(info.get("mention") or ""), str(info.get("name") or "")
    at = mention.rfind(name) if name else -1
    before = mention[:at].split()[-3:] if at > 0 else []
    description = str(info.get("description") or "").split()
    own = [w for w in name.split() if w.islower()]  # "The spokeswoman" (but not the surname in "Carole King")
    words = before + own + (description if len(description) <= 6 else [])
    verbs = lexicon().verbs
    if any(w.lower() in verbs or w.lower() == "that" for w in words):
        return ""  # "... spokesman Nick Merrill says that Hillary Clinton": another clause, someone else's title
    return " ".join(words)


def _one_sexed(name: str) -> str | None:
    """"she" or "he" when an unnamed source is one person whose head word says which ("Another woman",
    "a spokesman", "the girl's mother"), else None ("women", "a police officer")."""
    head = name.split()[-1].lower() if name.split() else ""
    return None if head in ("women", "men") else sex_of(head)


class _Resolver:
    """Remembers who was speaking or acting, to resolve "he said" to a name."""

    def __init__(self) -> None:
        self.people: list[tuple[int, str]] = []  # (sentence index, name)
        self.others: list[tuple[int, str]] = []  # organisations and groups (for "it", "they")
        self.full: dict[str, str] = {}  # surname -> full name
        self.mentioned: list[tuple[int, str]] = []  # any person-like name, for a fallback
        self.sex: dict[str, str] = {}  # name -> "she" or "he", when a mention or a pronoun said so
        self.blocks: list[int] = []  # the paragraph of each sentence, by sentence index

    def name(self, name: str) -> str:
        """A later bare surname ("Flynn") becomes the full name given earlier."""
        words = name.split()
        if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
            self.full.setdefault(words[-1], name)
            return name
        return self.full.get(name, name)

    def note(self, sentence: int, name: str, kind: str, mention: str = "") -> None:
        """Remember that `name` spoke or acted in sentence number `sentence` (and, from its `mention`
        with any description, whether "she" or "he" can mean them)."""
        if kind == "person" and name.lower() not in _PRONOUNS:
            full = self.name(name)
            self.people.append((sentence, full))
            sex = sex_of(mention) if mention else None
            if sex:
                self.sex.setdefault(full, sex)
        elif kind == "vague" and (sex := _one_sexed(name)):
            self.people.append((sentence, name))  # "Another woman said ... She said": one person, not named
            self.sex.setdefault(name, sex)
        elif kind in ("organization", "vague", "document") and name.lower() not in _PRONOUNS:
            self.others.append((sentence, name))

    def fits(self, name: str, pronoun: str) -> bool:
        """False when `name` is known to be a woman and the pronoun is "he", or a man and it is "she"."""
        known = self.sex.get(name)
        return known is None or known == pronoun or pronoun not in ("he", "she")

    def one_paragraph_since(self, named: int, sentence: int) -> bool:
        """True when every sentence after number `named`, up to `sentence`, is in one paragraph: the
        paragraph of a quotation of several sentences ("“I hope it will. But it’s uphill. ...,” he told")."""
        if sentence >= len(self.blocks):
            return False
        return len({self.blocks[i] for i in range(named + 1, sentence + 1)}) == 1

    def resolve(self, pronoun: str, sentence: int) -> str | None:
        """The name a pronoun most likely means: the last speaker or subject within three sentences
        that the pronoun can mean ("she" passes over a man named before her)."""
        low = pronoun.lower()
        pool = self.people if low in ("he", "she") else self.others
        for index, name in reversed(pool):
            if sentence - index > 3:
                break
            if self.fits(name, low):
                return name
        if low in ("he", "she"):
            # further back, up to six sentences (a quotation of several sentences counts them all): only
            # when one person alone was speaking or acting there, and no other name came since
            farther = {(index, name) for index, name in pool if 3 < sentence - index <= 6 and self.fits(name, low)}
            since = {self.full.get(name, name) for index, name in self.mentioned if sentence - index <= 3}
            names = {name for _, name in farther}
            names = {name for name in names if not any(
                other != name and set(name.split()) < set(other.split()) for other in names)}  # "Ann" is "Ann de Lima"
            if len(names) == 1 and since <= names and self.one_paragraph_since(max(index for index, _ in farther), sentence):
                return names.pop()
            for index, name in reversed(self.mentioned):
                if sentence - index > 2:
                    break
                full = self.full.get(name, name)
                if self.fits(full, low):
                    return full
        return None


#: Prepositions after which a capitalised name is a place ("on Red Square", "in Moscow").
_WHERE_WORDS = frozenset("in on at near across inside outside".split())


def _mentions(toks: Sequence[_Tok]) -> list[tuple[int, str]]:
    """Capitalised names in a sentence (for the fallback of pronoun resolution), with the index of
    each one's first token. The sentence's first word is never one (a capital there says nothing)."""
    found: list[tuple[int, str]] = []
    n = len(toks)
    k = 1
    while k < n:
        tok = toks[k]
        # `cap` first: most tokens are not capitalised, and then nothing else need be asked
        if (tok.cap and tok.word and tok.lower not in _DETERMINERS and not _first_person(tok)
                and tok.lower not in _TIME_WORDS):  # "on Tuesday": a day, never the "he" of the next sentence
            j = k
            while j + 1 < n and toks[j + 1].cap and toks[j + 1].word:
                j += 1
            place = toks[k - 1].lower in _WHERE_WORDS and not _is_possessive(toks[j].text)
            if j == k and toks[k - 1].lower == "the" and _NATIONALITY.search(tok.text):
                place = True  # "the Italian", "the Portuguese": a nationality standing for someone, not a name
            if not place and toks[j].lower not in _TIME_WORDS and not toks[j].lower.endswith("ism"):
                # ("on Red Square", "in Moscow": a place, but not "in Ann Lee’s city"; "Victory Day": a day;
                # "Nazism": an idea; none is the "he" of the next sentence)
                found.append((k, " ".join([_base(t.text) for t in toks[k : j + 1]])))
            k = j + 1
        else:
            k += 1
    return found


#: First-person words and their contractions ("I've", "we're", "I’d"), in lower case.
_FIRST_PERSON_FORMS = _FIRST_PERSON | frozenset(
    f"{word}{mark}{ending}" for word in _FIRST_PERSON for mark in "'’" for ending in ("m", "ve", "d", "ll", "re", "s")
)


#: The subject form of an object pronoun that can stand for a source ("according to him").
_SUBJECT_OF = {"him": "he", "her": "she", "them": "they"}


def _first_person(tok: _Tok) -> bool:
    """"I", "I've", "I’m", "We": the writer or a quoted speaker, never a name a pronoun can mean
    ("US" in capitals is the country)."""
    return tok.lower in _FIRST_PERSON_FORMS and tok.text != _COUNTRY_US


def _resolution_note(info: dict[str, Any]) -> str:
    """'taken to mean Ann Lee, named just before' when a pronoun or a surname was resolved."""
    mention, name = info["mention"], info["name"]
    if mention.lower() in _PRONOUNS or mention.lower() in ("who", "which", "that"):
        return f"taken to mean {name}, named just before" if name != mention else ""
    if name not in mention:
        return f"taken to mean {name}, named earlier"
    return ""


#: Reporting verbs in the form that goes with a plural subject ("they believe", not "she believes").
_PLURAL_VERBS = frozenset("believe say claim argue think insist maintain contend warn fear hold".split())


def _plural_verb_after(toks: Sequence[_Tok], i: int) -> bool:
    """The word after token i (past an -ly adverb) is a reporting verb in its plural present form."""
    while i < len(toks) and toks[i].word and _adverb(toks[i]):
        i += 1
    return i < len(toks) and toks[i].lower in _PLURAL_VERBS


#: Verbs that go with a reporting verb in -ing and say it goes on: "keep saying", "continued insisting".
_KEEP_DOING = frozenset("keep keeps kept continue continues continued".split())

#: Words that tie people to a place in a subject: "officials in Kyiv", "residents of the city".
_PLACE_LINKS = frozenset("in at from of".split())
#: The words that join a speaking head to whom it speaks for: "officials in Kyiv", "the office of the
#: mayor", "a spokesperson for the hospital", "an adviser to the minister".
_SPEAKER_LINKS = _PLACE_LINKS | {"for", "to"}


class SpeakerRules:
    """The analyser's rules for finding and describing the speaker of a cue (a mixin of `Analyser`)."""

    def span_text(self, toks: Sequence[_Tok], span: tuple[int, int]) -> tuple[int, int, str]:
        start, end = toks[span[0]].start, toks[span[1] - 1].end
        return start, end, self.text[start:end]


    def describe(self, toks: Sequence[_Tok], span: tuple[int, int], sentence: int) -> dict[str, Any]:
        """Speaker fields for the noun phrase `span`: name, description, type, mention span."""
        start, end, words = self.span_text(toks, span)
        low = words.lower()
        if span[1] - span[0] == 1 and _base(low) in _PRONOUNS and low != _base(low):
            # "He’s claiming": the pronoun without its contraction
            words = _base(words)
            low = words.lower()
            end = start + len(words)
        if span[1] - span[0] == 1 and low in _SUBJECT_OF:
            low = _SUBJECT_OF[low]  # "According to him": the pronoun's subject form is resolved
        if low in ("who", "which", "that") and span[0] > 0:
            k = span[0]
            if k > 0 and toks[k - 1].text == ",":
                k -= 1
            antecedent = _antecedent(toks, k)
            if antecedent is not None:
                info = self.describe(toks, antecedent, sentence)
                owner = _is_possessive(toks[antecedent[0]].text)
                if owner and toks[antecedent[0]].cap and antecedent[1] - antecedent[0] > 1:
                    # "Marx’s legacy, which states ...": the words are the owner's
                    info["description"] = info["mention"]
                    info["name"] = _base(toks[antecedent[0]].text)
                # the mention nearest the words is the relative pronoun itself
                info.update(start=start, end=end, mention=words)
                if low == "which" and info["type"] == "person" and not owner:
                    info["type"] = "organization"  # "ZeniMax Media, which accuses ...": people are "who"
                return info
        if low in _PRONOUNS:
            resolved = self._sentence_subject(toks, span[0], low) or self.resolver.resolve(low, sentence)
            kind = source_type(resolved) if resolved else _PRONOUNS[low]
            return {"name": resolved or words, "description": None, "start": start, "end": end, "type": kind, "mention": words}
        words = _clean_np(words)
        offset = self.text.find(words, start, end) if words else start
        start, end = offset, offset + len(words)
        name, description = _split_name(words)
        kind = self.typed(words, source_type(words))
        if kind == "person" and span[0] == 0 and span[1] - span[0] == 1 and not self.known_name(words):
            # "Children growing up ...", "Experts argued": a capitalised common word opening the sentence
            kind = "vague" if words.lower().endswith(("s", "ren")) else "unknown"
        if kind == "person" and span[1] - span[0] == 1 and _plural_verb_after(toks, span[1]):
            kind = "organization"  # "Ngātiwai believe ...": one name with a plural verb is a group, not a person
        if kind == "person":
            name = self.resolver.name(name)
        return {"name": name, "description": description, "start": start, "end": end, "type": kind, "mention": words}


    def _sentence_subject(self, toks: Sequence[_Tok], at: int, pronoun: str) -> str | None:
        """The person named earlier in the same sentence that "he" or "she" at token `at` most likely
        means: the sentence's subject ("Ann Lee accused the army of what she said was an attack"), else
        the nearest person named with a reporting verb of their own ("..., a day after Ann Lee accused
        ..."), whoever spoke in the sentence before. None when neither is a person who fits the pronoun."""
        if pronoun == "it" and at >= 3:
            return self._organisation_subject(toks, at)
        if pronoun not in ("he", "she") or at < 3:
            return None
        return self._subject_name(toks, at, pronoun) or self._nearest_reporter(toks, at, pronoun)

    def _organisation_subject(self, toks: Sequence[_Tok], at: int) -> str | None:
        """The sentence's subject before token `at` when it names an organisation that "it" can mean:
        "The Security Council on Friday pledged sanctions against what it called “a clear threat”"."""
        subject = _subject(toks, 0, at)
        if subject is None or subject[1] >= at - 1:
            return None
        first = subject[0] + (toks[subject[0]].lower == "the")
        if first >= subject[1] or not all(t.cap and t.word for t in toks[first:subject[1]]):
            return None
        if not (subject[1] < len(toks) and toks[subject[1]].word and not toks[subject[1]].cap):
            return None  # the name must be followed by its verb or a lower-case word of its clause
        name = " ".join(t.text for t in toks[subject[0]:subject[1]])
        return name if source_type(name) == "organization" else None

    def _subject_name(self, toks: Sequence[_Tok], at: int, pronoun: str) -> str | None:
        """The sentence's subject before token `at`, when it is a person's name that fits `pronoun`."""
        subject = _subject(toks, 0, at)
        if subject is None or subject[1] >= at - 1 or not all(t.cap and t.word for t in toks[subject[0]:subject[1]]):
            return None
        if subject[1] - subject[0] < 2 and toks[subject[0]].text not in self.resolver.full:
            return None  # one capitalised word ("Crops", "Soon") is a name only when it was given in full before
        if any(t.lower in _PRONOUNS or t.lower in _DETERMINERS for t in toks[subject[0]:subject[1]]):
            return None
        if not (subject[1] < len(toks) and toks[subject[1]].word and not toks[subject[1]].cap):
            return None  # the name must be followed by its verb ("Ann Lee accused ...")
        name = self.resolver.name(" ".join(t.text for t in toks[subject[0]:subject[1]]))
        if source_type(name) != "person" or not self.resolver.fits(name, pronoun):
            return None
        return name

    def _nearest_reporter(self, toks: Sequence[_Tok], at: int, pronoun: str) -> str | None:
        """The nearest person named earlier in the sentence whose own reporting verb follows the name:
        in "..., a day after Ann Lee accused the army of what she said was an attack", "she" is Ann Lee."""
        for k, name in reversed(_mentions(toks[:at])):
            end = k + len(name.split())
            if end >= at or not (toks[end].word and not toks[end].cap and self.lex.verbs.get(toks[end].lower)):
                continue
            if len(name.split()) < 2 or source_type(name) != "person":
                continue
            full = self.resolver.name(_split_name(name)[0])  # "Russian President Ann Lee": the name, not the title
            return full if self.resolver.fits(full, pronoun) else None
        return None

    def appositive_back(self, toks: Sequence[_Tok], j: int, lo: int) -> tuple[tuple[int, int], str | None] | None:
        """'Ann Lee, Poland’s foreign minister, [responded]': name span and description. A first part that
        ends in a small letter is a description ('Ukraine’s foreign minister, Ann Lee, said'): the name follows."""
        segments: list[tuple[int, int]] = []
        end = j
        k = j - 1
        while k >= lo and len(segments) < 4:
            if toks[k].text == "," or k == lo:
                begin = k + 1 if toks[k].text == "," else k
                if begin < end:
                    segments.append((begin, end))
                end = k
                if toks[k].text != ",":
                    break
            elif not toks[k].word and toks[k].text not in ".’'-–":
                if k + 1 < end:
                    segments.append((k + 1, end))
                break
            k -= 1
        for n in range(len(segments) - 1, 0, -1):
            name = segments[n]
            first = toks[name[0]].lower  # "Earlier on May 3, Lee, ...", "In Kyiv, Lee, ...", but "As Lee, a lawyer, put it"
            opening = first in _TIME_WORDS or (first in _INTRO and first != "as") or (
                name[1] - name[0] <= 3 and not toks[name[1] - 1].cap and toks[name[1] - 1].lower in _TIME_WORDS)
            # ("Last month, Lima’s chief executive, Tim Park, said": a time, then the description and the name)
            after = segments[n - 1]
            described_name = (not toks[name[1] - 1].cap or toks[name[0]].lower in self.lex.titles) and (
                after[1] - after[0] <= 3 and all(t.cap and t.word for t in toks[after[0]:after[1]]))
            # "Ukraine’s foreign minister, Ann Lee,", "Speaker of the Verkhovna Rada, Ruslan Stefanchuk,"
            clause = _verb_among([t.lower if t.word and not t.cap else "" for t in toks[name[0]:name[1]]], ("ed",))
            # ("The talks failed, the mayor, Ann Lee, said": a clause of its own is the words, not a name)
            if toks[name[0]].cap and not described_name and not opening and not clause and name[1] - name[0] <= 6 and all(
                    t.word or t.text in ".-" for t in toks[name[0] : name[1]]):
                description = ", ".join(self.span_text(toks, s)[2] for s in reversed(segments[:n]))
                if first == "as" and name[1] - name[0] > 1:
                    name = (name[0] + 1, name[1])  # "As Ann Lee, a lawyer, put it": the name, without "As"
                return name, description
        if len(segments) >= 2:
            # "her mother, Fiona, said", "A lawyer for the news outlets, David Schulz, said": the
            # description comes first, then the name it describes (also after the words: "The talks
            # failed, the mayor, Ann Lee, said")
            name, lead = segments[0], segments[1]
            verb = next((m for m in range(lead[1] - 1, lead[0], -1)
                         if toks[m].word and not toks[m].cap and self.lex.verbs.get(toks[m].lower)), None)
            if verb is not None:
                # "Lee said the chief delegate, Ann Park, has told ...": the description starts after the
                # other report's verb (and its "that")
                start = verb + 1 + (verb + 1 < lead[1] and toks[verb + 1].lower == "that")
                lead = (start, lead[1]) if start < lead[1] else lead
            described = (toks[lead[0]].lower in _DETERMINERS or _is_possessive(toks[lead[0]].text)
                         or (toks[lead[0]].lower in self.lex.titles and lead[1] - lead[0] > 1)
                         or (toks[lead[0]].lower == "one" and lead[0] + 1 < lead[1] and toks[lead[0] + 1].lower == "of")
                         or (toks[lead[0]].lower in ("one", "another") and lead[0] + 1 < lead[1]
                             and toks[lead[0] + 1].word and not toks[lead[0] + 1].cap and toks[lead[0] + 1].lower != "of"))
            # ("One of Lee’s top allies, Bo Park, noted": one of a group, then the name; "One town resident,
            # Bo Park, said": one of a kind, then the name)
            # (a capital inside the description is a place or a people when its head, the word before any
            # preposition, is a common noun: "A Louisiana senator, Bill Cassidy,", "A lawyer for the New York
            # Times, David Schulz,"; "The State Department, Ann Lee," is a name, then another)
            head = next((m - 1 for m in range(lead[0] + 1, lead[1]) if toks[m].lower in _PREPOSITIONS), lead[1] - 1)
            if toks[lead[0]].lower == "one" and toks[lead[0] + 1].lower == "of":
                head = lead[1] - 1  # "One of Lee’s top allies": the group's noun is the head
            if (described and lead[1] - lead[0] <= 8 and (head > lead[0] or toks[head].lower in self.lex.titles)
                    and (not toks[head].cap or toks[head].lower in self.lex.titles)
                    and name[1] - name[0] <= 3 and all(t.cap and t.word for t in toks[name[0] : name[1]])):
                return name, self.span_text(toks, lead)[2]
        return None


    def speaker_for_cue(self, toks: Sequence[_Tok], k: int, sentence: int) -> tuple[int, int] | None:
        """The noun phrase that does the saying for the cue at token k."""
        j = k
        if toks[k].lower.endswith("ing") and j > 1 and toks[j - 1].lower in _KEEP_DOING:
            j -= 1  # "The officials keep repeating that ...": 'keep' belongs to the verb, not the speaker
            if j > 0 and toks[j - 1].lower == "to":
                return None  # "it makes little sense to keep repeating the mantra": an infinitive, nobody speaks
        if j > 3 and toks[j - 1].text == ")" and toks[j - 3].text == "(" and toks[j - 2].text.isupper():
            j -= 3  # "Analysts from the Institute for the Study of War (ISW) noted": the short name in brackets
        subject_end = j  # the clause's subject ends before 'keep' (else at the cue, as before)
        while j > 0 and toks[j - 1].word and (_skipped_before_verb(toks, j - 1)
                                                or (j > 1 and toks[j - 1].lower in _FLOATING)
                                                or (j > 1 and toks[j - 1].lower in ("earlier", "later") and not toks[j - 1].cap)):
            j -= 1  # "has also", "reportedly"; "Lee and Park both said", "The ministry earlier said": not part of the name
        skipped = {t.lower for t in toks[j:k]}
        cue = toks[k].lower
        if skipped & _PASSIVE and not cue.endswith("ing"):
            return None  # passive: "was told", "was promised"
        previous = toks[j - 1].lower if j > 0 else ""
        participle = cue.endswith("ing") and not (skipped & _PASSIVE)
        if k == 0:
            if participle:
                # "Claiming the plan failed, Ann Lee said ...": the main clause's subject
                comma = next((m for m in range(1, len(toks)) if toks[m].text == ","), None)
                return _subject(toks, comma + 1, len(toks)) if comma is not None else None
            return _np_forward(toks, 1, len(toks))  # "Said Ellis: ..."
        if participle and previous in _GERUND_PREPOSITIONS:
            return None  # "forgot about demanding": a gerund, not a report
        if (participle and previous == "," and j >= 2 and not toks[j - 2].cap
                and self.lex.verbs.get(toks[j - 2].lower, toks[j - 2].lower) != toks[j - 2].lower
                and not (j >= 3 and (toks[j - 3].lower in _DETERMINERS or _is_possessive(toks[j - 3].text)))):
            # ("dismissed Bo Park’s remarks, calling them ...": after an owner, "remarks" is the noun)
            return self.speaker_for_cue(toks, j - 2, sentence)  # "“...,” the businessman said, arguing that": the same speaker
        if participle and previous == "," and j >= 4:
            # "..., Mayor Ann Lee said on Telegram, adding that": where or when she said it, then the same speaker
            for m in range(j - 3, max(0, j - 8), -1):
                if not toks[m].word:
                    break
                if (not toks[m].cap and toks[m + 1].lower in _PREPOSITIONS | _TIME_WORDS
                        and self.lex.verbs.get(toks[m].lower, toks[m].lower) != toks[m].lower
                        and not toks[m - 1].lower in _DETERMINERS):
                    return self.speaker_for_cue(toks, m, sentence)
        if participle and j > 1 and toks[j - 1].cap and toks[j - 1].word:
            span = _np_back(toks, j)  # "footage of Hillary Clinton asking"
            if (span is not None and span[0] > 1 and toks[span[0] - 1].lower == "from"
                    and (toks[span[0] - 2].lower in _WORDS_GIVEN or toks[span[0] - 2].lower in self.lex.nouns)):
                return span  # "carried a quote from Ann Lee praising ...": the words are Ann Lee's
            if span is not None and span[0] > 0 and toks[span[0] - 1].lower in _OBJECT_PREPOSITIONS:
                # "Lee posted to Twitter asking": Twitter is where, Lee who; the subject is the
                # phrase before the verb ("staff writer David Emery posted"), else the clause's first
                verb = span[0] - 2
                if verb >= 1 and toks[verb].word and not toks[verb].cap:
                    before_verb = _np_back(toks, verb)
                    if before_verb is not None:
                        return self.whole_subject(toks, before_verb, verb)
                return _subject(toks, 0, span[0] - 1)
            return span
        if participle and j > 2 and previous == "as":
            quoted = _np_back(toks, j - 1) if toks[j - 2].word else None  # "quoted an MP as saying ...": the MP says it
            if quoted is not None and quoted[0] > 0 and toks[quoted[0] - 1].lower in _QUOTING_VERBS:
                return quoted
            verb = next((m for m in range(j - 2, max(0, j - 16), -1) if toks[m].lower in _QUOTING_VERBS), None)
            if verb is not None and toks[j - 2].text == ",":
                # "quoted Bo Park, once the man closest to her, as saying": the name, then its description
                quoted = _np_forward(toks, verb + 1, j - 1)
                if quoted is not None and toks[quoted[1]].text == ",":
                    return quoted
        if (participle and cue in _SAYING_FORMS and j > 2 and toks[j - 1].word and not toks[j - 1].cap
                and toks[j - 1].lower not in _DETERMINERS and self.can_speak(toks[j - 1].lower)):
            # "the example of someone saying that ...", "cited a website saying that ...": the phrase just
            # before says it, when it can speak and stands after a preposition or a verb ("left the room
            # saying" is the subject's: a room never speaks)
            object_span = _np_back(toks, j)
            link = next((m for m in range(j - 1, object_span[0], -1) if toks[m].lower in _OBJECT_OF), None) if object_span else None
            if link is not None:
                object_span = (link + 1, object_span[1])  # "the example of someone": someone
            if (object_span is not None and object_span[0] > 0 and not toks[object_span[0]].cap
                    and (toks[object_span[0] - 1].lower in _OBJECT_OF or (
                        not toks[object_span[0] - 1].cap and toks[object_span[0] - 1].lower.endswith("ed")))
                    and source_type(" ".join(t.text for t in toks[object_span[0]:object_span[1]])) in ("vague", "document", "organization")):
                return object_span
            # ("tweets calling", "directors urging", "20 years writing": only 'saying' and its kin, after a
            # word that names someone or something that speaks)
        listener_verb = self.lex.verbs.get(cue) in self.lex.object_verbs
        if (previous == "," and not participle and not listener_verb and k + 1 < len(toks)
                and (toks[k + 1].cap or (toks[k + 1].lower in _DETERMINERS and toks[k + 1].lower != "that"))):
            # ("Ann Lee, a historian, said that ...": 'that' opens the words, it is no speaker)
            after = _np_forward(toks, k + 1, len(toks))
            if after is not None:
                after = _name_list(toks, after)
            if after is not None and (after[1] >= len(toks) or toks[after[1]].text in ",.;"):
                return after  # "Nor, says Ann Lee, is it allowed": the speaker follows the verb
        if previous == "," and not participle:
            relative = _relative_before(toks, j - 1)
            if relative is not None:
                span = relative  # "..., the source, who said he had spoken to them, told Reuters."
            else:
                found = self.appositive_back(toks, j, 0)
                span = found[0] if found else _subject(toks, 0, k)
        elif j == 0 or previous in ("and", "or", "but", ",", "by", "—", "–") or (participle and previous != "who"):
            span = _subject(toks, 0, subject_end)
        else:
            span = _np_back(toks, j)
            if span is None or (span[1] - span[0] == 1 and toks[span[0]].text.isdigit()):
                span = _subject(toks, 0, k)
            else:
                span = self.whole_subject(toks, _list_back(toks, span), j)
                span = _name_before_open_description(toks, span, self.common, self.midcaps)
        if span is None or (span[1] - span[0] == 1 and toks[span[0]].lower in _INTRO):
            return None
        if span == (0, 1) and toks[0].lower in ("most", "more", "less", "least") and k > 2 and toks[1].word and not toks[1].cap:
            return None  # "Most telling were the settlers ..., pleading for water": a degree word opens the sentence
        if (span[0] > 0 and toks[span[0] - 1].lower == "what" and toks[span[0]].lower in _PRONOUNS
                and self.lex.verbs.get(cue) in _BELIEF):
            return None  # "with what they thought were the same values": a belief inside a phrase, no words reported
        if (span[1] - span[0] == 1 and span[0] == 0 and toks[0].lower in self.common
                and toks[0].lower not in _PRONOUNS and source_type(toks[0].text) == "person"):
            return None  # "Months later ...": a capitalised common word, not a name
        if span[0] > 0 and toks[span[0] - 1].lower == "to" and not toks[span[0]].cap:
            return None  # "the requirement to expose ... is demanding": a verb phrase, not a source
        if any(_first_person(t) for t in toks[span[0]:span[1]]) or toks[span[0]].lower in _QUESTION_WORDS or (toks[span[0]].lower in _NOT_SOURCES and span[1] - span[0] == 1):
            return None
        if not skipped and _not_its_subject(toks, span, toks[k], self.lex.verbs.get(cue)):
            return None
        if span[0] == 0 and any(tok.text in _DASHES for tok in toks[1:span[1]]):
            start = _clause_start(toks, 0, len(toks))
            if 0 < start < span[1]:
                span = (start, span[1])  # "Kyiv – Ukraine said": the dateline is where, not who
        return span

    def whole_subject(self, toks: Sequence[_Tok], span: tuple[int, int], j: int) -> tuple[int, int]:
        """The complete subject when the phrase found before the verb is only its tail.

        "The mother of a woman who took the pills has described": the phrase before
        "has" is inside a relative clause, so the subject runs from the clause's start.
        "Reports seen by Reuters suggest": "Reuters" is the agent of "seen", not the subject.
        """
        i = span[0]
        if i >= 2 and toks[i - 1].lower == "by" and toks[i - 2].word and not toks[i - 2].cap and (
                toks[i - 2].lower.endswith(("ed", "en")) or toks[i - 2].lower in _PARTICIPLES):
            head = _np_back(toks, i - 2)
            if head is not None:
                return (head[0], span[1])
        if toks[i].cap:
            while i >= 3 and toks[i - 1].cap and toks[i - 1].word and toks[i - 2].lower not in _DETERMINERS:
                i -= 1  # "the office of Lima’s President Ann Lee": the owner and the title belong to the name
            if not (i >= 2 and toks[i - 1].lower in _SPEAKER_LINKS):
                i = span[0]
        if i >= 2 and toks[i - 1].lower in _SPEAKER_LINKS and toks[i - 2].word:
            low = toks[i - 2].lower
            lex = self.lex
            if low in _PEOPLE_PRONOUNS or low in _QUANTIFIERS or low == "others" or low in _nouns() or low.removesuffix("s") in _nouns():
                head = _np_back(toks, i - 1)
                if head is not None:
                    first = head[0] - 1 if head[0] > 0 and toks[head[0] - 1].lower == "no" else head[0]
                    return (first, span[1])  # "Officials in Kyiv said", "no one in the city believes"
        if i >= 2 and toks[i - 1].lower in ("who", "that", "which") and toks[i - 2].word:
            start = _clause_start(toks, 0, i)
            reported = toks[i - 1].lower == "that" and any(
                t.word and not t.cap and t.lower in self.lex.verbs for t in toks[start:i - 1])
            # ("Ann Lee said Friday that she thinks": 'that' opens what she said, it is no relative clause)
            if (start < i - 1 and j - start <= 16 and not reported
                    and not any(t.text in ",;:—–“”\"" for t in toks[start:j])):
                while start < i and toks[start].lower in _OPENING_ADVERBS:
                    start += 1
                if toks[start].lower not in _NEVER_FIRST and toks[start].lower not in _FIRST_PERSON:
                    return (start, j)
        head = self.head_before_modifier(toks, i, j)
        return head if head is not None else span

    def head_before_modifier(self, toks: Sequence[_Tok], i: int, j: int) -> tuple[int, int] | None:
        """The clause's first noun phrase when the phrase found before the verb (starting at token i)
        lies inside a clause that describes it: "Another man who lives across the road from the house
        which is now a crime scene recalled", "Residents attending a meeting told", "A father accused of
        striking his wife with a hatchet has told". None when the sentence is not built so ("The woman
        who Ann Lee said was lying": Ann Lee says, right after 'who')."""
        start = _clause_start(toks, 0, i)
        if i < start + 3 or any(not t.word and t.text not in "-’'" for t in toks[start:j]):
            return None
        for e in range(start + 1, i):
            low = toks[e].lower
            describes = (
                (low in ("who", "which") and toks[e + 1].word and not toks[e + 1].cap and toks[e + 1].lower not in _DETERMINERS)
                or (low.endswith("ing") and len(low) > 5 and not toks[e].cap and low not in _ING_NOT_PARTICIPLES)
                or (low in _ACCUSED and toks[e + 1].lower in ("of", "with", "over", "for", "in"))
                or (low.endswith("ed") and not toks[e].cap and toks[e - 1].lower in self.lex.documents
                    and toks[e + 1].lower in _AFTER_PUBLISHED)  # "A study published this year in the Journal found"
            )
            if describes:
                if any(t.word and not t.cap and (t.lower == "that" or t.lower in self.lex.verbs) for t in toks[e + 1:i]):
                    return None  # "A poll released in May found that 74 percent said ...": they say it, inside the finding
                head = _np_forward(toks, start, e)
                return head if head == (start, e) else None
        return None

    def can_speak(self, word: str) -> bool:
        """True for a lower-case head that names someone or something that can say things: "someone",
        "a website", "an official", "the report" (`_nouns`: the vague, document, organisation, title and
        person lists)."""
        return word in _nouns()

    def speaker_word(self, word: str) -> bool:
        """True for a lower-case word that names people who can speak, singular or plural: "minister",
        "officials", "the company" (`_nouns` without the documents)."""
        return any(w in _nouns() and w not in self.lex.documents for w in (word, word.removesuffix("s")))

    def typed(self, words: str, kind: str) -> str:
        """`kind`, except that a one-word name the article treats as a place or an organisation
        ("in Sudan", "Microsoft says it ...", "Facebook, which ...") is an organisation, not a person."""
        if kind != "person" or " " in words.strip():
            return kind
        return "organization" if self.name_kinds.is_thing(_base(words.strip())) else kind

    def known_name(self, word: str) -> bool:
        """True when a capitalised word at the start of a sentence is a name the article uses as one:
        capitalised inside a sentence too, or a surname already given in full."""
        return word in self.midcaps or word in self.resolver.full or word.lower() not in self.common and not word.lower().endswith(("s", "ren"))



#: Words after a participle that describes a document: "published in", "released last week", "issued on".
_AFTER_PUBLISHED = frozenset("in by on at this last earlier".split())
#: Verbs that give someone's words "as saying": "quoted an MP as saying", "cited Lee as saying".
_QUOTING_VERBS = frozenset("quoted quotes quoting quote cited cites citing".split())
#: Participles that report words after the phrase that says them: "a website saying that ...".
_SAYING_FORMS = frozenset("saying claiming stating asserting alleging insisting arguing".split())
#: Prepositions before a phrase whose "saying ..." is its own: "the example of someone saying that".
_OBJECT_OF = frozenset("of from by with".split())
#: Words in -ing that are not a participle describing the noun before them ("The vote during the
#: meeting", "Officials including Ann Lee").
_ING_NOT_PARTICIPLES = frozenset("""during according including following regarding concerning excluding
    notwithstanding pending building meeting evening morning hearing briefing funding spending ruling
    finding warning offering opening ending setting training wedding housing bombing shooting killing""".split())
#: Words after which the phrase before is the one accused or held, not the speaker: "A father accused of".
_ACCUSED = frozenset("accused charged suspected arrested convicted jailed detained held wanted".split())
#: Nouns that take a plural verb without ending in -s ("the police say").
_PLURAL_WITHOUT_S = frozenset("people police media staff public military crew team government majority children men women".split())
#: Verbs whose past tense is their plain form ("The New Yorker put it").
_PAST_AS_PLAIN = frozenset("put read set cut let broadcast forecast".split())
#: Participles that name something ("a shape called a strange attractor"), not report words.
_NAMING = frozenset("called named dubbed labelled labeled termed".split())


def _name_before_open_description(toks: Sequence[_Tok], span: tuple[int, int], common: frozenset[str],
                                  midcaps: frozenset[str]) -> tuple[int, int]:
    """The name when the sentence opens with it and a description follows without its closing comma:
    "Ann Lee, head of the bank's lending arm said" gives "Ann Lee", not the description. Words the
    article also writes in lower case, and times, are no name ("In June, the senator said")."""
    comma = span[0] - 1
    if not 1 <= comma <= 3 or toks[comma].text != "," or toks[span[0]].cap or span[1] - span[0] < 2:
        return span  # ("Instead, he said": a pronoun is the whole subject)
    if not all(tok.cap and tok.word and tok.lower not in common and tok.lower not in _TIME_WORDS for tok in toks[:comma]):
        return span
    if comma == 1 and toks[0].text not in midcaps:
        return span  # "However, 63 percent said": one capitalised word opening the sentence is a name only if written so elsewhere
    if source_type(" ".join(t.text for t in toks[:comma])) != "person":
        return span
    return (0, comma)


def _not_its_subject(toks: Sequence[_Tok], span: tuple[int, int], cue: _Tok, base: str | None) -> bool:
    """True when the phrase `span` right before the cue cannot be the one who says: "to visit the
    Sunshine state", "the American demand that": a verb in its plain form after one thing ("the X",
    "a X", no -s) is a noun or another clause's word; "there is a shape called a strange attractor":
    an indefinite phrase inside a sentence before "called" is being named."""
    first, last = toks[span[0]], toks[span[1] - 1]
    if first.lower not in ("the", "a", "an") or span[1] - span[0] < 2:
        return False
    if first.lower in ("a", "an") and cue.lower in _NAMING and span[0] > 0 and toks[span[0] - 1].word:
        return True  # (at the start of a sentence or clause, "A spokesman called the plan a mistake" reports)
    singular = last.word and not last.lower.endswith("s") and last.lower not in _PLURAL_WITHOUT_S
    return singular and base == cue.lower and not cue.lower.endswith(("ing", "ed")) and cue.lower not in _PAST_AS_PLAIN


#: Words that start a phrase of a list of common nouns: a determiner or a number ("two council members").
_LIST_STARTS = _DETERMINERS | frozenset("two three four five six seven eight nine ten several many both".split())


def _list_kind(toks: Sequence[_Tok], span: tuple[int, int]) -> str:
    """'name' for a list item of capitalised words ("Ann Lee"), 'phrase' for one that starts with a
    determiner or a number or ends in a lower-case noun ("the police chief", "U.S. senator"), ''
    otherwise."""
    first, last = toks[span[0]], toks[span[1] - 1]
    if first.lower in _LIST_STARTS or first.text.isdigit() or (first.cap and last.word and not last.cap):
        return "phrase"
    return "name" if first.cap else ""


def _list_back(toks: Sequence[_Tok], span: tuple[int, int]) -> tuple[int, int]:
    """"Ann Lee, Bo Park and Cy Diaz said", "The mayor, the police chief and two aides said": the
    whole list before the verb, not only its last phrase.

    As in `_name_list`, names join names and phrases join phrases, so an opening phrase is never
    taken in: nor is an item after a preposition or a linking word ("In Kyiv, Lee and Park said").
    """
    start, end = span
    kind = _list_kind(toks, span)
    listed = any(t.lower == "and" for t in toks[start:end])
    items = 1
    while kind and start >= 2 and items < 6:
        link = toks[start - 1]
        if not ((link.text == "," and listed) or (link.lower == "and" and not listed)):
            break
        left = _np_back(toks, start - 1)
        if left is None or left[1] != start - 1 or _list_kind(toks, left) != kind:
            break
        if left[0] > 0 and toks[left[0] - 1].word and (
                toks[left[0] - 1].lower in _INTRO or toks[left[0] - 1].lower in _PREPOSITIONS):
            break
        if any(t.lower in _PRONOUNS or t.lower in _TIME_WORDS for t in toks[left[0]:left[1]]):
            break
        start, listed, items = left[0], True, items + 1
    return (start, end) if listed else span


def _name_list(toks: Sequence[_Tok], span: tuple[int, int]) -> tuple[int, int]:
    """"said Ann Lee, Bo Park and Cy Diaz": the whole list of names after an inverted verb."""
    n = len(toks)
    end = span[1]
    names = [span]
    # a list of names ("Ann Lee, Bo Park and Cy Diaz") or of common nouns ("the union, the teachers and
    # their lawyers"), never a name and its description ("Parata, a fierce and uncompromising elder")
    named = toks[span[0]].cap and toks[span[0]].lower not in _DETERMINERS

    def same_kind(tok: _Tok) -> bool:
        return tok.cap and tok.lower not in _DETERMINERS if named else tok.lower in _DETERMINERS

    while end + 1 < n and toks[end].text == "," and same_kind(toks[end + 1]) and len(names) < 6:
        following = _np_forward(toks, end + 1, n)
        if following is None:
            break
        names.append(following)
        end = following[1]
    if len(names) > 1 and toks[names[-1][0]: names[-1][1]] and any(t.lower == "and" for t in toks[names[-1][0]:names[-1][1]]):
        return (span[0], end)  # the list ends with "and Name": a list, not a name and its description
    if len(names) > 1 and end + 1 < n and toks[end].lower == "and":
        last = _np_forward(toks, end + 1, n)  # "said the union, the teachers and their lawyers"
        if last is not None:
            return (span[0], last[1])
    return span


def _relative_before(toks: Sequence[_Tok], comma: int) -> tuple[int, int] | None:
    """The noun phrase before ", who ...," that ends at token `comma`: the subject of the verb after it."""
    for m in range(comma - 1, max(0, comma - 30), -1):
        if toks[m].text == "," and m + 1 < comma and toks[m + 1].lower in ("who", "which"):
            head = _np_back(toks, m)
            return head if head is not None and head[1] == m else None
        if toks[m].text in ";:“”\"":
            return None
    return None
