"""Word lists and tokens: the reporting verbs, titles and other lists in
``workbook/data/sourcing/`` (each says where it comes from), the closed word classes
the rules walk over, and the tokeniser."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
import re


_LISTS = "workbook/data/sourcing"


def _lines(name: str) -> list[str]:
    text = resources.files("workbook").joinpath(f"data/sourcing/{name}").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, str]  # form -> base form
    object_verbs: frozenset[str]  # base forms that take a listener ("told the press")
    quote_verbs: frozenset[str]  # base forms that report words only next to a quotation or a colon
    thing_verbs: frozenset[str]  # base forms whose bare noun-phrase object is a thing done ("declared a ceasefire")
    nouns: frozenset[str]  # saying-nouns: "claim", "warning" (in "Lee’s claim that ...")
    phrases: tuple[str, ...]
    vague_heads: frozenset[str]
    vague_phrases: tuple[str, ...]
    organisations: frozenset[str]
    organisation_phrases: tuple[str, ...]
    documents: frozenset[str]
    titles: frozenset[str]
    signals: dict[str, tuple[str, ...]]
    person_words: frozenset[str] = frozenset()  # "wife", "doctor", "team": someone of someone's who can speak
    that_verbs: frozenset[str] = frozenset()  # base forms that report only right before "that" ("the study found that")


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Read the word lists once."""
    verbs: dict[str, str] = {}
    object_verbs = set()
    quote_verbs = set()
    thing_verbs = set()
    that_verbs = set()
    nouns = set()
    for line in _lines("reporting_verbs.txt"):
        words = line.split()
        if words[0] == "+noun":
            nouns.update(word.lower() for word in words[1:])
            continue
        if words[0] == "+object":
            words = words[1:]
            object_verbs.add(words[0])
        elif words[0] == "+quote":
            words = words[1:]
            quote_verbs.add(words[0])
        elif words[0] == "+thing":
            words = words[1:]
            thing_verbs.add(words[0])
        elif words[0] == "+that":
            words = words[1:]
            that_verbs.add(words[0])
        for word in words:
            verbs.setdefault(word.lower(), words[0].lower())
    vague = _lines("vague_sources.txt")
    organisations = [line.lower() for line in _lines("organisation_words.txt")]
    signals: dict[str, list[str]] = {}
    for line in _lines("quote_signals.txt"):
        kind, _, words = line.partition(":")
        signals.setdefault(kind.strip(), []).append(words.strip().lower())
    return _Lexicon(
        verbs=verbs,
        object_verbs=frozenset(object_verbs),
        quote_verbs=frozenset(quote_verbs),
        thing_verbs=frozenset(thing_verbs),
        that_verbs=frozenset(that_verbs),
        nouns=frozenset(nouns),
        phrases=tuple(line.lower() for line in _lines("cue_phrases.txt")),
        vague_heads=frozenset(w.lower() for w in vague if " " not in w),
        vague_phrases=tuple(w.lower() for w in vague if " " in w),
        organisations=frozenset(w for w in organisations if " " not in w),
        organisation_phrases=tuple(w for w in organisations if " " in w),
        documents=frozenset(w.lower() for w in _lines("document_words.txt")),
        titles=frozenset(w.lower() for w in _lines("titles.txt")),
        signals={kind: tuple(words) for kind, words in signals.items()},
        person_words=frozenset(w.lower() for w in _lines("person_words.txt")),
    )


#: Verbs that report only with their particle words, then "that": "pointed out that the talks failed",
#: "pointed out to the press that" ("point" is a "+that" verb in reporting_verbs.txt), and "made it
#: clear (that)", "makes clear", "made it known". "make" is not in the verb list, where every rule would
#: take it for a verb of saying; its forms are `_MAKE_FORMS`, and they report only with these words.
_PARTICLE_VERBS: dict[str, tuple[tuple[str, ...], ...]] = {
    "point": (("out",),),
    "make": (("it", "clear"), ("clear",), ("it", "known")),
}
_MAKE_FORMS = frozenset(("make", "makes", "made", "making"))


def _particle_that(toks: Sequence[_Tok], k: int, base: str) -> int | None:
    """Where the "that" stands after a particle verb at token k ("pointed out that", "pointed out to
    Ann Lee that"), or None when its particle words or the "that" are missing. A listener of up to
    four words ("to the press") may come between the particle and "that". "made clear" needs no
    "that": then the index is where its words begin."""
    n = len(toks)
    for words in _PARTICLE_VERBS.get(base, ()):
        end = k + 1 + len(words)
        if end <= n and all(toks[k + 1 + i].lower == word for i, word in enumerate(words)):
            if end < n and toks[end].lower == "to":
                listener = next((m for m in range(end + 1, min(n, end + 6)) if toks[m].lower == "that"), None)
                return listener if listener is not None and all(t.word for t in toks[end + 1:listener]) else None
            if end < n and toks[end].lower == "that":
                return end
            if base == "make" and words[-1] == "clear" and end < n and toks[end].word and toks[end].lower not in _PREPOSITIONS:
                return end  # "made clear the party would ...": the words follow at once ("made it known" needs its "that")
            return None
    return None


#: Words that show a clause of its own (a finite verb) inside what follows a reporting verb.
_FINITE = frozenset(
    """is are was were be been being has have had will would can could should may might must do does did
    isn't wasn't aren't weren't hasn't haven't hadn't won't wouldn't can't couldn't don't doesn't didn't
    isn’t wasn’t aren’t weren’t hasn’t haven’t hadn’t won’t wouldn’t can’t couldn’t don’t doesn’t didn’t""".split()
)
def _verb_among(words: Sequence[str], endings: tuple[str, ...]) -> bool:
    """True when the lower-case `words` hold a verb of their own: an auxiliary ("will", "cannot") or a word
    with one of `endings` that does not follow a determiner or an owner ("the plan failed", but not "an
    unfounded theory" or "Lee's claims")."""
    for i, word in enumerate(words):
        if word in _FINITE or word == "cannot":
            return True
        if (i > 0 and word.endswith(endings) and word[:1].isalnum() and words[i - 1] not in _DETERMINERS
                and not words[i - 1].endswith(("’s", "'s"))):
            return True
    return False


#: Block roles whose sentences are read for attributions.
_BODY_ROLES = ("body", "standfirst", "caption", "subheading", "headline")

#: A word (with inner apostrophes, hyphens, full stops or "&": "Lee’s", "U.S", "AT&T") or one punctuation mark.
#: The repeats are possessive (++, *+): nothing follows them in the pattern, so they never give back a
#: character, and the regex engine need not keep the places to go back to (the tokeniser's regex cost -20 %).
_TOKEN = re.compile(r"\w++(?:[’'\-.&]\w++)*+|[^\w\s]")


_WORDS = re.compile(r"[a-z]+")


_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)


# Words that end a noun phrase when walking back from a cue.
_STOP = frozenset(
    """that which who whom whose when while as because if but or nor since after before where although
    though so then than is was were are be been being am has have had do does did will would can could
    should may might must shall to for in on at by with from into about against over under not no
    also however meanwhile instead yet why how what whether once until unless despite amid""".split()
)


# Words skipped between a subject and its cue ("has also said", "cynically called").
_SKIP = frozenset(
    """has have had is was were are am be been also later then again still just now today yesterday
    once often repeatedly reportedly previously recently already never even only first publicly
    privately will would can could should may might must did does do not had long always twice sometimes
    usually even further""".split()
) | frozenset(  # negated auxiliaries: "She doesn't say" has the source "She", not "She doesn't"
    f"{aux}{mark}t" for aux in "doesn don didn isn wasn aren weren hasn haven hadn won wouldn can couldn shouldn mustn".split()
    for mark in ("'", "’")
)


# Cue forms that are also nouns ("a state", "the report"): verbs only after a subject.
_NOUN_LIKE = frozenset(
    """state states report reports claim claims comment comments answer answers reply replies note notes
    demand demands promise promises tweet tweets estimate estimates remark remarks counter counters
    stress post posts pledge pledges vow vows record call calls charge charges label labels brand brands
    praise praises joke jokes cry cries blast blasts slam slams mock mocks caution cautions
    fear fears hope hopes doubt doubts worry worries forecast forecasts show shows""".split()
)


# Words that start the short tail of "..., sources said on Monday." (not a new clause)
_TAIL_STARTS = frozenset(
    "on in at to during last this after before yesterday today tonight earlier later recently afterwards "
    "when while as in on of about from with".split()
)


_PHRASE_PREPOSITIONS = frozenset("of in at for from with on".split())


_OPENING_ADVERBS = frozenset(
    "then now later also still meanwhile however instead so yet but and thus finally again nor neither either or".split()
)


_BELIEF = frozenset("hope fear worry expect doubt think believe".split())


_PREPOSITIONS = frozenset("about of for without after before on in at with from into than".split())


_QUESTION = frozenset("how why what when where whether which".split())
#: Words that open a clause or a phrase and so never open a source ("Unless you ...", "To her delight").
_NEVER_FIRST = frozenset(
    """unless if although though because since while whereas whether to of for from with into about against
    over under between without by at on in after before during despite""".split()
)
#: Prepositions that open a phrase before the main clause ("To her delight, she ...").
_OPENING_PREPOSITIONS = frozenset("to unless because whereas between without against into".split())
#: Connectives in the name of an organisation between capitalised words ("Centers for Disease Control").
_NAME_LINKS = frozenset("of for on and the de du la".split())
#: Small words inside one organisation's name between capitalised words ("Centers for Disease Control",
#: "the Institute for the Study of War").
_NAME_JOINS = frozenset(("of", "for", "on"))


_NOT_SOURCES = frozenset("nothing this these those there here all everything anything something you".split())


# Verbs that are speech whatever the subject: an unresolved "it said" is still a source.
_SPEECH = frozenset("say state add note report write tell announce claim explain warn confirm deny respond reply".split())


_OWNERS = {"his": "he", "her": "she", "its": "it", "their": "they"}
_OWNER_WORDS = frozenset("his her their its our other".split())
#: Prepositions whose object is a place or a listener, never the speaker ("posted to Twitter asking").
_OBJECT_PREPOSITIONS = frozenset("to on at in into from onto via".split())
#: Words that may follow a reporting verb in -ing when it reports ("saying that", "asking us to", "warning of").
_AFTER_PARTICIPLE = frozenset(
    """that if whether about for to how why what who whom when where the a an his her their its our my your this these
    those it him them us me you he she they we i any some all no one more of against on upon as""".split()
)
_OBJECT_PRONOUNS = frozenset("him her them me us it".split())
#: Irregular past participles before "by" or "from" ("reports seen by Reuters", "a summary drawn from ...").
_PARTICIPLES = frozenset("seen made written given taken held led read sent run shown known told drawn".split())
#: Words that open a subordinate clause before the main one ("While Lee said that ..., Park ..."):
#: a source right after one of them speaks inside that clause, and its words end at the clause's comma.
#: Not "as" ("As Lee said, the plan failed": the words follow the comma) nor "if" (hypothetical).
_SUBORDINATE_OPENERS = frozenset("while whereas although though because since when after before".split())
#: Pronouns for people, which a place may follow in a source: "no one in Ukraine", "everyone in the city".
_PEOPLE_PRONOUNS = frozenset("one everyone everybody nobody someone somebody anyone".split())
#: Nouns for words someone gave, besides the lexicon's saying nouns: the speaker is the phrase after
#: "from" ("a quote from Ann Lee praising ...", "Question from the council: ...").
_WORDS_GIVEN = frozenset(
    """question questions reply answer response message messages call cry shout comment quote quotes
    quotation quotations words letter speech post video""".split()
)


_TIME_CONJUNCTIONS = frozenset("before after while when".split())


_PASSIVE = frozenset("is was were are be been being".split())


# Capitalised adjectives of nationality or region: "European", "Russian", "British", "Chinese", "Iraqi"
_NATIONALITY = re.compile(r"(?:an|ian|ean|ish|ese|ic|i|ch)$")


_HEAD_PREPOSITIONS = frozenset("of in from at for with on".split())
#: The small words inside a surname: "von der Leyen", "van Rompuy", "de Gaulle".
_SURNAME_PARTICLES = frozenset("von van der den de da di du la le al bin ibn".split())


_QUANTIFIERS = frozenset(
    "one some many several most few each all none any both either neither two three four five dozens hundreds "
    "thousands millions majority minority half".split()
)


_PRONOUNS = {"he": "person", "she": "person", "it": "unknown", "they": "vague"}


_FIRST_PERSON = frozenset("i we us me our my let’s let's".split())
#: "US" in capitals is the country ("US officials said"), never the writer's "us".
_COUNTRY_US = "US"


_DETERMINERS = frozenset("the a an this that these those his her their its our my your some any each every".split())


_INTRO = frozenset(
    """as in on at after before from when while if although though despite amid during since now however
    instead meanwhile still yet thus so then but and also furthermore additionally clearly basically of
    for with by under over following according""".split()
)


#: Words that join a sentence to the one before and stand alone at its start ("But the plan, she said, ...").
_JOINING_WORDS = frozenset("but and yet so".split())


#: Words that begin place names, not given names ("South Sudan", "New Zealand", "United States").
_PLACE_STARTS = frozenset("north south east west new upper lower central greater united saint st. st great".split())


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
#: Words of time. After "last", "next" or "this" at the start of a sentence they open a time phrase
#: ("Last week, ..."), and none of them is ever a speaker ("on Tuesday", "Earlier, ..."). Not "may",
#: which is a name as often as the month ("May told MPs"), nor "time" ("Time reported").
_TIME_WORDS = frozenset(
    """week weeks weekend month months year years day days morning afternoon evening night ago earlier
    later today yesterday tonight spring summer autumn fall winter""".split()
) | (_MONTHS - {"may"})


_MONTH_NAMES = frozenset(m.capitalize() for m in _MONTHS)


class _Tok:
    """One word or punctuation mark with its offsets (plain slots: made thousands of times)."""

    __slots__ = ("start", "end", "text", "lower", "word", "cap")

    def __init__(self, start: int, end: int, text: str) -> None:
        # `_tokens` sets the same fields without this call: keep the two alike
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()
        first = text[0]
        self.word = first.isalnum() or first == "_"
        self.cap = first.isupper()

    def __repr__(self) -> str:
        return f"_Tok({self.start}, {self.end}, {self.text!r})"


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The tokens of text[start:end], in order: what `_TOKEN` finds there, each as a `_Tok`.

    Most of a news text is plain words between single spaces, so the text is split at spaces first:
    a piece of letters and digits only is one word token as it stands (the pattern would match it
    whole, and nothing else); so is a word with one mark after it ("said,", "year."), as two tokens;
    only the other pieces (apostrophes, opening marks, tabs, line breaks, non-breaking spaces...) go
    through the pattern. No token holds a space, so the tokens are the same.
    """
    # The same fields `_Tok.__init__` sets, set here in the loop: a call of a Python `__init__`
    # per token was a large part of the cost (the analyser makes thousands of tokens per article).
    length = len(text)
    start = 0 if start < 0 else length if start > length else start  # as `finditer` clips its bounds
    end = 0 if end < 0 else length if end > length else end
    made: list[_Tok] = []
    new = object.__new__
    keep = made.append  # looked up once, not once per token
    find = _TOKEN.finditer
    position = start
    for piece in text[start:end].split(" "):
        piece_end = position + len(piece)
        if piece.isalnum():  # one run of word characters: the whole piece is one token
            tok = new(_Tok)
            tok.start = position
            tok.end = piece_end
            tok.text = piece
            tok.lower = piece.lower()
            tok.word = True
            tok.cap = piece[0].isupper()
            keep(tok)
        elif piece[:-1].isalnum() and not (piece[-1].isalnum() or piece[-1] == "_" or piece[-1].isspace()):
            # A word and one mark after it ("said,", "year."), the commonest piece after a plain word:
            # the pattern would find the same two tokens (the word, then the mark on its own).
            word = piece[:-1]
            tok = new(_Tok)
            tok.start = position
            tok.end = piece_end - 1
            tok.text = word
            tok.lower = word.lower()
            tok.word = True
            tok.cap = word[0].isupper()
            keep(tok)
            tok = new(_Tok)
            tok.start = piece_end - 1
            tok.end = piece_end
            tok.text = mark = piece[-1]
            tok.lower = mark.lower()
            tok.word = False
            tok.cap = mark.isupper()
            keep(tok)
        elif piece:
            for match in find(text, position, piece_end):
                tok = new(_Tok)
                tok.start, tok.end = match.span()
                tok.text = word = match[0]  # the same string as match.group(), without a method call
                tok.lower = word.lower()
                first = word[0]
                tok.word = first.isalnum() or first == "_"
                tok.cap = first.isupper()
                keep(tok)
        position = piece_end + 1  # past the space
    return made


#: The last letters of a possessive "’s" ("s", "S", and the long s that IGNORECASE also matches).
_POSSESSIVE_S = frozenset("sSſ")


def _is_possessive(word: str) -> bool:
    """True when the word ends in a possessive ’s or 's ("Lee’s"): what _POSSESSIVE.search finds,
    without a regex call (it runs for many tokens)."""
    if word[-1:] == "\n":
        return _POSSESSIVE.search(word) is not None  # "$" also matches just before a final newline
    return len(word) >= 2 and word[-1] in _POSSESSIVE_S and word[-2] in "’'"


def _base(word: str) -> str:
    """The word without a possessive ’s or 's at its end ("Lee’s" -> "Lee")."""
    # the same as _POSSESSIVE.sub("", word), without a regex call for each word: only a word
    # ending in a newline (where "$" also matches just before it) goes through the pattern
    if word[-1:] == "\n":
        return _POSSESSIVE.sub("", word)
    if len(word) >= 2 and word[-1] in _POSSESSIVE_S and word[-2] in "’'":
        return word[:-2]
    return word


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """Role, group, person and document nouns: the words that may follow a name inside a noun phrase ("a
    Lima father"), and the lower-case heads that name someone or something that can say things."""
    lex = lexicon()
    return frozenset(lex.titles | lex.organisations | lex.vague_heads | lex.documents | lex.person_words)


@lru_cache(maxsize=None)
def _cue_words() -> frozenset[str]:
    """Every reporting verb form, saying-noun and first word of a cue phrase, lower case."""
    lex = lexicon()
    return frozenset(lex.verbs) | lex.nouns | _phrase_starts()


@lru_cache(maxsize=None)
def _phrase_starts() -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in lexicon().phrases)


@lru_cache(maxsize=None)
def _phrases_by_start() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The cue phrases ("according to") by their first word, each with its words, in the list's order."""
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for phrase in lexicon().phrases:
        words = tuple(phrase.split())
        found.setdefault(words[0], []).append((phrase, words))
    return {first: tuple(phrases) for first, phrases in found.items()}


@lru_cache(maxsize=None)
def _signal_pieces(kind: str) -> tuple[str, ...]:
    """Strings one of which is in every signal word of `kind`, in any white space: the longest word of
    each signal ("called" for "so called"), without a word that holds a shorter one ("chanting" holds
    "chant"). A window holding none of them holds no signal, whatever its spaces and line breaks."""
    longest = {max(signal.split(" "), key=len) for signal in lexicon().signals.get(kind, ())}
    ordered = sorted(longest, key=lambda piece: (len(piece), piece))
    kept: list[str] = []
    for piece in ordered:  # shortest first, so a piece that holds a kept one is left out
        if not any(shorter in piece for shorter in kept):
            kept.append(piece)
    return tuple(kept)


@lru_cache(maxsize=None)
def _signal_pattern(kind: str) -> re.Pattern[str]:
    """One pattern per kind of quote signal: a listed word right before the quotation mark."""
    words = sorted(lexicon().signals.get(kind, ()), key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words) or "(?!)"
    return re.compile(rf"(?<![\w-])(?P<signal>{alternatives})\W*(?:such as|like|of|to|:)?\W*(?:the|a|an)?\s*$")


@lru_cache(maxsize=1)
def _padded_phrases() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two patterns: any vague phrase, and any organisation phrase, with a space either side (to find
    them as whole words in a source's words padded with spaces). One search of a pattern of plain
    alternatives finds the same as testing each phrase in turn, in one call."""
    lex = lexicon()

    def any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(f" {phrase} ") for phrase in phrases) or "(?!)")

    return any_of(lex.vague_phrases), any_of(lex.organisation_phrases)
