"""What kind of source a source is: a person, an organisation, a vague group, a document."""

from __future__ import annotations

import re
from functools import lru_cache

from workbook.sourcing.words import (
    _SURNAME_PARTICLES, _DETERMINERS, _HEAD_PREPOSITIONS, _NAME_JOINS, _NATIONALITY, _PEOPLE_PRONOUNS, _PLACE_STARTS, _PRONOUNS, _QUANTIFIERS, _TIME_WORDS, _Lexicon,
    _base, _nouns, _padded_phrases, lexicon,
)

_WEBSITE = re.compile(r"\w\.(?:(?i:com|net|org|gov|edu|co|io|info)|[a-z]{2})$")  # "News.az", "Interfax.ru" too
#: The words of a source's text (compiled once: `source_type` runs for every mention).
_SOURCE_WORDS = re.compile(r"[\w’'.-]+")


#: How company names are written, never a person's: capitalised words joined by "&" ("AT&T", "Procter &
#: Gamble"); one word with a capital inside that no surname prefix explains ("LimeBike", "OpenAI", "JPMorgan", but
#: "McDonald", "DeSantis", "LaGuardia" are names); or a name after "...-based" ("Seattle-based Lima").
_COMPANY_SHAPE = re.compile(
    r"(?:the\s+)?[A-Z][\w.]*(?:\s*&\s*[A-Z][\w.]*)+$"
    r"|(?!(?:Mc|Mac|O|D|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z])[A-Z][a-z]+[A-Z][\w]*$|[A-Z]{2,}[a-z]{2,}[\w]*$"
    r"|(?:\S+\s+)*\S+-based\s+[A-Z][\w&.]*$"
)
#: Number words and words of share that open or end a count of people: "Twelve percent", "Nearly eight".
_COUNTS = frozenset("""six seven eight nine ten eleven twelve twenty thirty forty fifty hundred percent cent
    nearly almost about roughly only just over under more less""".split())
#: Words before a work or family word that leave the person unnamed: "the detective", "her lawyer".
_UNNAMED_OPENERS = frozenset("the this that his her their".split())
#: Words of the person-word list that name a group or a thing of someone's, not one person ("her account").
_NOT_ONE_PERSON = frozenset("team staff management site account family".split())
#: Heads that name one person who speaks for others, whether or not the title list holds them.
_ROLE_HEADS = frozenset(("spokesman", "spokeswoman", "spokesperson", "leader"))
#: A capitalised owner, then a name of capitalised words: "Poland's Ann Lee", "Russia’s Bo Park".
_OWNER_THEN_NAME = re.compile(r"[A-Z][\w-]*[’']s\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})$")
#: A possessive and then up to three lower-case words at the end, the last one kept:
#: "Lee's ceasefire", "Park’s new peace plan".
_OWNED_THING = re.compile(r"\w[’']s\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)$")


def _speaks(word: str, lex: _Lexicon) -> bool:
    """A lower-case head that can be someone who speaks, or a document that can 'say' something:
    "Lee's lawyer", "Scott's wife", "Obama's statement", "Russia's government", "Kyiv's allies"
    (list: workbook/data/sourcing/person_words.txt, with the title, vague, document and organisation lists)."""
    return word in _nouns() or word in _ROLE_HEADS or (word.endswith("s") and not word.endswith("ss"))


def _one_person_word(word: str, lex: _Lexicon) -> bool:
    """A work or family word that names one person, not a group or a thing of someone's ("detective",
    "mother", "engineer"; not "team", "account", "campaign" or "website")."""
    return (word in lex.person_words and word not in _NOT_ONE_PERSON and word not in lex.organisations
            and word not in lex.documents)


def _titled_name(words: list[str], lex: _Lexicon) -> bool:
    """A name of two or three capitalised words after a title somewhere before it, even across 'of'
    ("US Secretary of State Marco Rubio", "UN Secretary-General Antonio Guterres"). The small words of a
    surname ("Ursula von der Leyen") are part of the name."""
    while len(words) > 3 and words[-2] in _SURNAME_PARTICLES and words[-1][:1].isupper():
        words = words[:-2] + [words[-1]]
    if len(words) < 3 or not (words[-1][:1].isupper() and words[-2][:1].isupper()):
        return False
    tail = [w.lower().rstrip(".") for w in words[-2:]]
    if any(low in lex.organisations or low in _TIME_WORDS for low in tail) or not lex.titles.isdisjoint(tail):
        return False
    before = [part for w in words[:-2] for part in w.lower().rstrip(".").split("-")]
    return not lex.titles.isdisjoint(before)


#: An initial inside a name: "Rachel C. Abrams", "George W. Bush".
_INITIAL = re.compile(r"[A-Z]\.$")


def _person_of(words: list[str], lex: _Lexicon) -> bool:
    """True when the words before the first "of" or "for" name a person: a name with an initial
    ("Rachel C. Abrams of Variety") or a title and then a name with no organisation word ("Doctor Bruce
    Van Cleave of Aurora Health Care", "Professor Ann Lee of the university"). "Centers for Disease Control",
    "Bank of America" and "Secretary of State Ann Lee" are not (the last is a titled name, found before this)."""
    cut = next((i for i, w in enumerate(words) if w in _NAME_JOINS), 0)
    before = words[:cut]
    if len(before) < 2 or not all(w[:1].isupper() for w in before):
        return False
    lows = [w.lower().rstrip(".") for w in before]
    if any(low in lex.organisations for low in lows):
        return False
    if any(_INITIAL.match(w) for w in before[1:-1]):
        return True
    first = lows[0]
    return (first in lex.titles or first in lex.person_words) and len(before) >= 3


@lru_cache(maxsize=4096)
def source_type(source: str) -> str:
    """``person``, ``organization``, ``vague``, ``document`` or ``unknown`` for a source's words.

    >>> [source_type(s) for s in ("Ann Lee", "the White House", "numerous analysts", "a Gallup poll", "he")]
    ['person', 'organization', 'vague', 'document', 'person']
    """
    lex = lexicon()
    words = _SOURCE_WORDS.findall(source)
    apostrophe = "’" in source or "'" in source
    if apostrophe:
        owner = _OWNER_THEN_NAME.match(source)
        if owner:
            return source_type(owner.group(1))  # "Poland's Ann Lee": the person, not the country
        words = [_base(w) for w in words]  # a possessive needs an apostrophe: without one, no word changes
    if not words:
        return "unknown"
    if _COMPANY_SHAPE.match(source):
        return "organization"  # "AT&T", "Procter & Gamble", "LimeBike", "YouTube", "Seattle-based Lima": a company's name
    lowered = " ".join(words).lower()
    if lowered in _PRONOUNS:
        return _PRONOUNS[lowered]
    # the words in lower case, read off `lowered` (the same as lowering each word: no word holds a space)
    lows = lowered.split(" ")
    if _TIME_WORDS.issuperset(lows):
        return "unknown"  # "on Tuesday", "Earlier": a time, never someone who speaks
    if "by" in lows and 0 < lows.index("by") < len(lows) - 1:
        made = lows[:lows.index("by")]
        if len(made) > 1 and made[-1].endswith("ed"):
            made = made[:-1]  # "information compiled by ..."
        if made[-1] in lex.documents:
            return "document"  # "a report by BBC News", "a June analysis by the ... Association": a text, and who made it
        if made[-1] in lex.vague_heads:
            return "vague"  # "Analysts polled by Lima Financial": people no one names, and who asked them
    if len(lows) > 1 and lows[-1] in ("himself", "herself"):
        return "person"  # "The dictator himself", "the minister herself": one person, named before
    vague_phrases, organisation_phrases = _padded_phrases()
    padded = f" {lowered} "
    if vague_phrases.search(padded):
        return "vague"
    if _titled_name(words, lex):
        return "person"  # "US Secretary of State Marco Rubio": a title (even one with 'of') before a name
    owned = _OWNED_THING.search(source) if apostrophe else None  # the pattern needs the possessive's apostrophe
    if owned and not _speaks(owned.group(1).lower(), lex):
        return "unknown"  # "Lee's ceasefire", "Park's plan": something of someone's, not someone
    if not _NAME_JOINS.isdisjoint(words) and _person_of(words, lex):
        return "person"  # "Rachel C. Abrams of Variety", "Doctor Bruce Van Cleave of Aurora Health": a person, then where they work
    if not _NAME_JOINS.isdisjoint(words) and any(  # the set test first: most sources have none of these words
            w in _NAME_JOINS and 0 < n < len(words) - 1 and words[n - 1][:1].isupper() and words[n + 1][:1].isupper()
            and words[n - 1].lower() not in lex.titles for n, w in enumerate(words)):
        return "organization"  # "Centers for Disease Control", "Department of Conservation"
    cut = None if _HEAD_PREPOSITIONS.isdisjoint(words) else next(
        (i for i, w in enumerate(words) if i > 0 and w in _HEAD_PREPOSITIONS), None)
    if cut is not None and (words[cut - 1].lower() in _PEOPLE_PRONOUNS or (cut == 1 and lows[0] in _QUANTIFIERS)
                            or (cut <= 3 and lows[cut - 1] in ("percent", "cent"))):
        return "vague"  # "no one in Ukraine", "many in Kyiv", "one of the ministers", "74 percent of voters": people no one names
    if cut is not None and words[cut - 1].lower() not in _QUANTIFIERS:
        # "working people in Ukraine", "the Ministry of Defence": the words before "in"/"of" say who
        words = words[:cut]
        lowered = " ".join(words).lower()
        lows = lowered.split(" ")
    head = words[-1]
    head_low = head.lower()
    if head.islower() and head in lex.documents:
        return "document"
    if "." in head and _WEBSITE.search(head):
        return "organization"  # "MakingStarWars.net": a website
    if len(words) == 1 and head[:1].isupper() and head_low in lex.vague_heads:
        return "vague"  # "Analysts said": a group at the start of a sentence, no one named
    if (len(words) == 1 and head[:1].isupper() and head_low.endswith("s") and not head_low.endswith("ss")
            and (head_low[:-1] in lex.titles or head_low[:-1] in lex.person_words)):
        return "vague"  # "Advisers said", "Lawyers say", "CEOs agree": people of one kind, no one named
    if head.islower() and head_low not in lex.titles and head_low not in lex.vague_heads and head_low not in lex.organisations and head_low not in lex.person_words and all(
            not w[:1].isupper() or low in _DETERMINERS or _NATIONALITY.search(w) for w, low in zip(words, lows)) and any(
            w[:1].isupper() and low not in _DETERMINERS for w, low in zip(words, lows)) and not head.endswith("s"):
        return "unknown"  # "The Russian attack": a thing, not someone who speaks
    if (len(words) == 2 and words[0][:1].isupper() and head.islower() and not head.endswith("s")
            and lows[0] not in _DETERMINERS and lows[0] not in _QUANTIFIERS and lows[0] not in _COUNTS
            and head_low not in _COUNTS and not _speaks(head_low, lex) and head_low not in lex.nouns):
        return "unknown"  # "Queensland election", "Lima attack": a name's event or thing, which says nothing
    if len(words) == 1 and head_low in _QUANTIFIERS:
        return "vague"  # "Two wrote", "Many say"
    if (len(words) == 1 or (len(words) == 2 and lows[0] in _DETERMINERS)) and 2 <= len(head) <= 6 and head.isupper() and head.isalpha() and head_low not in lex.titles:
        return "organization"  # an acronym: "NATO", "CNN", "IMF"
    if lows[0] in ("a", "an", "one", "another") and (head.islower() or head_low in lex.titles):
        return "vague"  # "a police officer", "one official": someone not named
    if (lows[0] in _UNNAMED_OPENERS and _one_person_word(head_low, lex) and head_low not in lex.titles
            and len(words) > 1 and not any(w[:1].isupper() for w in words[1:])):
        return "vague"  # "the detective", "the 45-year-old accountant", "her lawyer": someone, not by name
    lowered_words = [low.rstrip(".") for low in lows]
    if (len(words) >= 3 and words[-1][:1].isupper() and words[-2][:1].isupper()
            and lowered_words[-1] not in lex.organisations and lowered_words[-2] not in lex.organisations
            and any(w in lex.titles for w in lowered_words[:-2])):
        return "person"  # "State Department spokeswoman Heather Nauert": a named person with a title
    if head.islower() and (head_low in lex.titles or head_low in _ROLE_HEADS or (
            _one_person_word(head_low, lex) and head_low not in lex.vague_heads)) and not lex.organisations.isdisjoint(lowered_words):
        return "person"  # "the Pentagon spokesman", "the Foreign Ministry spokeswoman": one person who speaks for it
    if (head[:1].isupper() and head_low in lex.titles and head_low not in lex.organisations and len(words) > 1
            and lows[0] in _DETERMINERS):
        return "person"  # "The Press Secretary", "the Pentagon Press Secretary": one person with a title
    if head.islower() and head_low in lex.vague_heads and not head_low.endswith("s") and not lex.organisations.isdisjoint(lowered_words):
        return "vague"  # "the Pentagon official", "a ministry source": one person of it, not named
    # short entries ("un", "ap", "eu") count only in capitals, so "Kim Jong Un" stays a person;
    # the set test first: most sources hold no organisation word, and then no word need be looked at
    padded = f" {lowered} "
    if (not lex.organisations.isdisjoint(lowered_words) and any(
            low in lex.organisations and (len(low) > 3 or w.isupper() or "." in w) for w, low in zip(words, lowered_words))) or (
        organisation_phrases.search(padded)
    ):
        return "organization"
    if head.islower() and head_low in lex.vague_heads:
        return "vague"
    plural_group = head.islower() and head.endswith("s") and not head.endswith("ss")
    if plural_group and all(not w[:1].isupper() or low in _DETERMINERS or _NATIONALITY.search(w) for w, low in zip(words, lows)):
        return "vague"  # "European imperialists", "Russian soldiers": a group, no one named
    if len(words) == 2 and lowered_words[0] in _PLACE_STARTS and words[1][:1].isupper():
        return "organization"  # "South Africa said", "New Zealand says": a country speaking through its government
    # only now: the rules above return before a name is needed for many sources
    named = any(w[:1].isupper() for w, low in zip(words, lows) if low not in lex.titles and low not in _DETERMINERS)
    if named:
        return "person"
    if head_low in lex.titles or head_low in _ROLE_HEADS:
        return "person"
    if plural_group:
        return "vague"  # a plural group with no name: "retired colonels"
    return "unknown"


_TYPE_WORDS = {
    "person": "a named person",
    "organization": "an organisation (a government, ministry, institution or outlet)",
    "vague": "vague: it does not say exactly who (list: workbook/data/sourcing/vague_sources.txt)",
    "document": "a document (list: workbook/data/sourcing/document_words.txt)",
    "unknown": "unknown: the rules cannot tell what kind of source it is",
}
