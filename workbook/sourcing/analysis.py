"""One pass over an article, shared by `quotes` and `attributions` and kept for the article."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
import re
from typing import Any, TYPE_CHECKING
import weakref


from workbook.articles import Article
from workbook.sourcing.block_quotes import unmarked_block_quotes
from workbook.sourcing.marks import _Quote, _pair_quotes
from workbook.sourcing.name_kinds import NameKinds
from workbook.sourcing.phrases import _clean_np, _name_after_comma, _split_name, _subject
from workbook.sourcing.quotations import QuoteRules
from workbook.sourcing.reported_speech import AttributionRules, _Attribution, _past_time_words
from workbook.sourcing.source_types import source_type
from workbook.sourcing.transcripts import transcript_turns, without_quotations_holding_turns
from workbook.sourcing.speakers import SpeakerRules, _Resolver, _first_person, _mention_words, _mentions
from workbook.sourcing.words import _TIME_WORDS, _AFTER_PARTICIPLE, _FINITE as _FINITE_WORDS, _SURNAME_PARTICLES, _PARTICLE_VERBS, _particle_that, _PREPOSITIONS, _BODY_ROLES, _DETERMINERS, _FIRST_PERSON, _NOUN_LIKE, _PRONOUNS, _SKIP, _Tok, _is_possessive, _phrases_by_start, _tokens, lexicon

if TYPE_CHECKING:  # pragma: no cover - pandas is imported when a table is asked for
    import pandas as pd


#: A word that can be a clause's verb: an auxiliary or a past tense in -ed.
_FINITE = re.compile(r"(?:is|was|are|were|be|been|has|had|have|could|would|will|can|may|might|should|must|did|does|do"
                     r"|isn't|wasn't|aren't|weren't|hasn't|hadn't|haven't|couldn't|wouldn't|won't|can't|didn't|doesn't|don't"
                     r"|[a-z]{2,}ed)")


def _name_after_description(toks: Sequence[_Tok], span: tuple[int, int], titles: frozenset[str]) -> tuple[int, int] | None:
    """The name set off by commas right after a subject that describes someone ("The head of the city
    council, Tim Park, said", "Speaker of the parliament, Ann Lee, said"): two or three capitalised words,
    then a comma. None when there is none."""
    opening = toks[span[0]].lower
    if opening not in _DETERMINERS and opening not in titles and not _is_possessive(toks[span[0]].text):
        return None  # ("Lima’s chief executive, Tim Park, …": an owner opens the description too)
    name = _name_after_comma(toks, span[1])
    if name is None or name[1] >= len(toks):
        return None  # the name is set off by a comma on both sides: the subject's verb comes after it
    return name if source_type(" ".join(t.text for t in toks[name[0]:name[1]])) == "person" else None


#: What stands between two quotations that one speaker gives together: "“…” and “…”", "“…”, “…”".
_JOINED = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")


def _clause_follows(toks: Sequence[_Tok], start: int) -> bool:
    """A verb among the next twelve words before any punctuation: "found that it failed" reports a
    clause, "found that pitch compelling" or "found that action unconstitutional, ..." does not."""
    for tok in toks[start:start + 12]:
        if not tok.word:
            return False
        if _FINITE.fullmatch(tok.lower.replace("’", "'")):
            return True
    return False


#: Cue words that are nouns after most nouns ("its growth forecast", "the TV show") and verbs after one
#: that can speak ("the company forecasts", "the survey shows").
_NOUN_OR_VERB_AFTER_SPEAKER = frozenset("forecast forecasts show shows".split())


#: Modal verbs of duty: a reporting verb right after them asks for words that have not been said.
_OBLIGATION = frozenset(("must", "should", "ought"))
#: What may follow "to say" when it reports ("went on to say that ...", "had this to say: ...").
_TO_SAY_NEXT = frozenset((":", "“", "\"", "‘", ","))
#: Words that open a clause, after which a past participle and a noun are an adjective and its noun.
_CLAUSE_LINKS = frozenset("because since although though while and or but if when as whereas".split())


@dataclass
class _Analysis:
    quotes: list[_Quote] = field(default_factory=list)
    attributions: list[_Attribution] = field(default_factory=list)
    #: the tables made from them, once each: `quotes` and `attributions` hand out copies
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)


_CACHE: "weakref.WeakKeyDictionary[Article, _Analysis]" = weakref.WeakKeyDictionary()

#: A word in lower case, of two letters or more: r"\b[a-z][a-z’'-]+\b". The pattern opens with the
#: letter and looks back for the word boundary, so the regex engine skips fast to each candidate letter.
_LOWER_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z’'-]+\b")
#: A capitalised word after a lower-case letter or , ; : ) and a space: r"(?<=[a-z,;:)] )[A-Z][\w’'-]+",
#: with the capital first for the same reason.
_MID_CAPITAL = re.compile(r"[A-Z](?<=[a-z,;:)] [A-Z])[\w’'-]+")
#: A word of a quoted line, for comparing lines (apostrophes made curly first).
_LINE_WORD = re.compile(r"\w+(?:’\w+)*")


#: Verbs that follow a plural subject: after one of them, a cue word in -s is a noun ("The states have").
_PLURAL_AUXILIARIES = frozenset("have are were will would can could had".split())
#: Words before "<participle> by" that keep it a report ("as reported by", "was told by" is a passive
#: handled elsewhere): only these, and a name, may stand before a participle that reports.
_BEFORE_AGENT = frozenset("as was were been being is are".split())
#: What "claimed" takes when it means "took" ("claimed the lives of", "claimed 40 victims"), not "said".
_LIVES = frozenset(("lives", "life", "victims", "casualties"))


def _title_case(quoted: str) -> bool:
    """A short quotation that opens with "The" or "A" and capitalises every word ("“The Apprentice,”",
    "“A Star Is Born”"): the name of a show, a book or a film, not words someone said."""
    words = _LINE_WORD.findall(quoted)
    return 2 <= len(words) <= 6 and words[0] in ("The", "A") and all(
        word[:1].isupper() or word.lower() in ("of", "the", "and", "a", "in", "on") for word in words)


def _require_article(article: Any, function: str) -> None:
    """A plain message instead of a traceback when something else than an article is passed."""
    if not isinstance(article, Article):
        raise TypeError(
            f"{function}() needs one article, for example load_seeds()[0] or article_from_text(text); "
            f"it was given {type(article).__name__}."
        )


def _analyse(article: Article) -> _Analysis:
    cached = _CACHE.get(article)
    if cached is not None:
        return cached
    result = _Analyser(article).run()
    _CACHE[article] = result
    return result


def _capitals_headline(toks: Sequence[_Tok]) -> bool:
    """True when every word of four letters or more is capitalised, as in "Ann Lee Says Museum Will Open"
    (and there are at least three of them): then a capital does not mark a name."""
    long_words = [tok for tok in toks if tok.word and len(tok.text) >= 4]
    return len(long_words) >= 3 and all(tok.cap for tok in long_words)


class _Analyser(QuoteRules, AttributionRules, SpeakerRules):
    """One pass over an article: pair the quotation marks, then walk the sentences in order,
    classifying each quotation and finding attributions, while remembering who was named
    (so that a later "he said" can be resolved)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.lex = lexicon()
        self.roles = [b.role for b in article.block_list]
        self.sentences = article.sentence_list
        self.sentence_starts = [s.start for s in self.sentences]
        self.quotes = _pair_quotes(article)
        self.quote_cues: set[int] = set()  # cues that credit a quotation before them
        self.quote_bounds = [(q.start, q.end) for q in self.quotes]
        self.quote_starts = [q.start for q in self.quotes]
        self.resolver = _Resolver()
        self.resolver.blocks = [sentence.block for sentence in self.sentences]
        # words the article also writes in lower case are common nouns, not names ("Bombs may ...")
        self.common = frozenset(_LOWER_WORD.findall(self.text))
        # capitalised words inside a sentence (not after . ! ? or a line start): names, not sentence openers
        self.midcaps = frozenset(_MID_CAPITAL.findall(self.text))
        self.name_kinds = NameKinds(self.text, self.lex.titles, self.common)
        # words inside quotation marks are someone else's: they never give a cue or a subject
        self.tokens: list[list[_Tok]] = [self.outside_tokens(s.start, s.end) for s in self.sentences]
        self._token_starts: dict[int, list[int]] = {}


    def outside_tokens(self, start: int, end: int) -> list[_Tok]:
        """Tokens of text[start:end] that are not inside a quotation (the marks themselves stay).

        The words inside a quotation are skipped before they become tokens: quotations
        are often half a news article, and making tokens only to drop them was the cost.
        """
        first = max(0, bisect_right(self.quote_starts, start) - 1)
        last = bisect_right(self.quote_starts, end)
        inside = [(q0, q1 - 1) for q0, q1 in self.quote_bounds[first:last] if q0 < end and q1 > start]
        if not inside:
            return _tokens(self.text, start, end)
        kept: list[_Tok] = []
        position = start
        for q0, q1 in inside:  # sorted, never overlapping: keep the text around each, and its marks
            if q0 >= position:
                kept.extend(_tokens(self.text, position, q0 + 1))
            else:
                kept.extend(_tokens(self.text, position, position))
            position = max(position, q1)
        kept.extend(_tokens(self.text, position, end))
        return kept

    def token_starts(self, index: int) -> list[int]:
        """Start offsets of sentence `index`'s tokens (for bisecting)."""
        starts = self._token_starts.get(index)
        if starts is None:
            starts = self._token_starts[index] = [t.start for t in self.tokens[index]]
        return starts


    def inside_quote(self, position: int) -> bool:
        k = bisect_right(self.quote_starts, position) - 1
        return k >= 0 and self.quote_bounds[k][0] < position < self.quote_bounds[k][1] - 1


    def sentence_of(self, position: int) -> int | None:
        k = bisect_right(self.sentence_starts, position) - 1
        return k if k >= 0 else None


    def is_cue(self, toks: Sequence[_Tok], k: int) -> str | None:
        tok = toks[k]
        base = self.lex.verbs.get(tok.lower)
        if base is None:
            return None
        if tok.cap and k > 0:
            return None  # "The Post", "Reports" in a name
        if k > 0 and (toks[k - 1].lower in _NOUN_DETERMINERS or _is_possessive(toks[k - 1].text)):
            return None  # "the report", "a claim", "Obama's remarks": a noun
        if (k > 1 and toks[k - 1].lower.endswith("ly") and toks[k - 2].lower in _NOUN_DETERMINERS
                and tok.lower.endswith("ed")):
            return None  # "a swiftly called meeting", "the widely reported deal": a participle before its noun
        if (k > 0 and k + 1 < len(toks) and toks[k + 1].lower == "of" and tok.lower.endswith("s")
                and tok.lower[:-1] in self.lex.nouns and toks[k - 1].lower not in _PRONOUNS):
            return None  # "Early reports of casualties", "new claims of fraud": the plural noun before "of"
        if k > 0 and toks[k - 1].lower in ("to",) and base not in ("say",):
            return None  # "to report", an infinitive that is not a finite cue
        if k > 0 and toks[k - 1].lower == "to" and not (k + 1 < len(toks) and (
                toks[k + 1].text in _TO_SAY_NEXT or toks[k + 1].lower == "that")):
            return None  # "nothing concrete to say on the matter": only "went on to say that", "had this to say:"
        if k > 1 and toks[k - 2].lower == "to" and toks[k - 1].lower.endswith("ly"):
            return None  # "to fully admit": an infinitive too
        if k > 0 and toks[k - 1].lower in ("no", "without", "worth"):
            return None  # "there's no telling", "without saying", "worth noting given that": not a report
        if (k > 0 and tok.lower.endswith("ed") and toks[k - 1].lower in _CLAUSE_LINKS and k + 2 < len(toks)
                and toks[k + 1].word and not toks[k + 1].cap and toks[k + 2].lower == "of"):
            return None  # "because promised delivery of arms is late": a participle before its noun, not a report
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if (base == "call" and tok.lower == "call" and k > 1 and toks[k - 1].word and not toks[k - 1].cap
                and (toks[k - 2].lower in _NOUN_DETERMINERS or _is_possessive(toks[k - 2].text))
                and not self.can_speak(toks[k - 1].lower) and not self.can_speak(toks[k - 1].lower.removesuffix("s"))):
            return None  # "its earnings call", "a conference call": the noun
        if (base == "call" and tok.lower == "called" and nxt is not None and nxt.cap and nxt.word and k > 0
                and toks[k - 1].word and not toks[k - 1].cap and toks[k - 1].lower not in _PRONOUNS
                and toks[k - 1].lower not in ("who", "that", "which") and not self.speaker_word(toks[k - 1].lower)
                and any(t.lower in ("a", "an") for t in toks[max(0, k - 4):k - 1])
                and not any(t.lower in ("who", "that", "which") for t in toks[max(0, k - 4):k - 1])):
            return None  # "a bike rental program called JUMP": naming a thing; "the minister called Park a liar" still reports
        if base == "call" and (k == 0 or (nxt is not None and (nxt.lower in ("by", "off", "up", "out", "in")
                                                               or (nxt.lower == "on" and k + 2 < len(toks) and toks[k + 2].lower == "by")
                                                               or (nxt.text in "“\"‘" and k > 0 and toks[k - 1].lower in ("is", "are"))
                                                               or (nxt.cap and nxt.word and _names_only(toks, k + 1))))):
            return None  # "a book called Le Monde", "called on by tribes", "what Apple is calling “spatial” photos": naming or summoning
        if tok.lower.endswith("ing") and nxt is not None and nxt.word and not nxt.cap and nxt.lower not in _AFTER_PARTICIPLE:
            after_next = toks[k + 2] if k + 2 < len(toks) else None
            before = toks[k - 1] if k > 0 else None
            compound = before is not None and (before.cap or before.lower in _DETERMINERS) and (
                after_next is None or after_next.lower not in _REPORT_LINKS)
            if compound or nxt.lower in _PREPOSITIONS or after_next is None or not after_next.word:
                return None  # "an Oval Office shouting match", "telling between": a noun or another sense
        if (nxt is not None and tok.lower.endswith("s") and not tok.lower.endswith("ss") and nxt.lower in _PLURAL_AUXILIARIES
                and k > 0 and toks[k - 1].word and toks[k - 1].lower not in _PRONOUNS):
            return None  # "The Baltic states have long understood", "the claims were false": a plural noun
        if (nxt is not None and nxt.lower == "by" and tok.lower.endswith("ed") and k > 0 and toks[k - 1].word
                and toks[k - 1].lower not in _BEFORE_AGENT and not toks[k - 1].cap):
            return None  # "a ceasefire proposed by Washington": a participle describing a noun, nobody speaks here
        if base == "claim" and any(toks[m].lower in _LIVES for m in range(k + 1, min(len(toks), k + 9))):
            return None  # "a conflict that has claimed half a million lives": it killed, nobody spoke
        that_at = k + 1  # where a "+that" verb's "that" must stand, after any time ("signaled on Tuesday that")
        if that_at + 1 < len(toks) and toks[that_at].lower == "on" and toks[that_at + 1].lower in _TIME_WORDS:
            that_at += 1
        that_at = _past_time_words(toks, that_at, manner=False)
        if base in _PARTICLE_VERBS:
            particle_that = _particle_that(toks, k, base)
            if particle_that is None:
                return None  # "the points", "pointed at the map", "pointed to": only "pointed out that ..." reports
            that_at = particle_that
        if base in self.lex.that_verbs and not (that_at < len(toks) and toks[that_at].text in "“\"") and (
                that_at >= len(toks) or toks[that_at].lower != "that" or not _clause_follows(toks, that_at + 1)
                or (that_at + 1 < len(toks) and toks[that_at + 1].lower in _FINITE_WORDS)):
            return None  # "found the body", "found that pitch compelling", "rules that could close plants": only
            # "the study found that it failed" reports (and "the study found “a link”": a quotation of its words)
        if tok.lower == "states" and not (nxt is None or nxt.lower == "that" or nxt.text in ":,\"“‘" or (
                k > 0 and toks[k - 1].lower in _PRONOUNS)):
            return None  # "frontline European states gird", "Member states agree": the plural noun; only
            # "the website states that", "Article 5 states:" and "he states" report
        if base == "state" and tok.cap:
            return None  # "State health department officials say": the adjective, at the start of a sentence too
        if base == "call" and nxt is not None and nxt.lower in ("a", "an") and not any(
                t.text in "“\"‘" for t in toks[k + 1:]):
            return None  # "could call an election", "called a news conference": an act, no words reported
        if (nxt is not None and nxt.lower == "of" and k > 1 and toks[k - 1].word and not toks[k - 1].cap
                and toks[k - 2].lower in _NOUN_DETERMINERS and not self.speaker_word(toks[k - 1].lower)):
            return None  # "a consensus estimate of 8 cents": a noun after a noun, before "of"
        if base == "state" and nxt is not None and nxt.lower == "of":
            return None  # "the US state of Louisiana", "a state of emergency": the noun
        if base == "put" and not (k + 1 < len(toks) and toks[k + 1].lower == "it"):
            return None  # only "as the paper put it"
        if k >= 3 and toks[k - 1].lower == "to" and toks[k - 2].lower == "if" and toks[k - 3].lower == "as":
            return None  # "as if to say": words the writer imagines, nobody said them
        if k > 0 and toks[k - 1].lower in _OBLIGATION:
            return None  # "They must confirm it once again", "he should explain": a duty, nothing was said yet
        if k > 0 and toks[k - 1].lower in ("being", "been") and tok.lower.endswith("ed"):
            return None  # "is being dismissed as ...": passive, the subject does not speak
        if base in ("ask", "contact", "reach") and any(
                toks[m].lower == "for" and toks[m + 1].lower in ("comment", "comments", "a comment")
                for m in range(k + 1, min(len(toks) - 1, k + 8))):
            return None  # "Ars is asking Mojang for comment": the outlet's own request, no words reported
        if base == "threaten" and nxt is not None and nxt.word and nxt.lower not in ("to", "that") and (
                nxt.lower in _DETERMINERS or nxt.cap):
            return None  # "a disease threatening the giant tree": a danger to something, not words
        if tok.lower in _NOUN_LIKE and k > 0:
            previous = toks[k - 1]
            if not (previous.cap or previous.lower in _PRONOUNS or previous.lower in ("who", "which", "that")
                    or previous.lower in _SKIP or previous.lower.endswith(("ly", "s"))
                    or (nxt is not None and nxt.lower == "that" and self.can_speak(previous.lower))
                    or (tok.lower in _NOUN_OR_VERB_AFTER_SPEAKER and self.can_speak(previous.lower.removesuffix("s")))
                    or (previous.text == "," and tok.lower.endswith("s") and nxt is not None and (nxt.cap or nxt.lower in ("the", "a", "an"))
                        and all(t.word or t.text in ".’'" for t in toks[k + 1:]) and len(toks) - k <= 7)):
                # (", reports the Lima Post.": the verb, then its source, at the sentence's end)
                return None  # "an independent state": a noun, not a verb ("A report claims that": a verb)
        return base


    def quote_cue(self, start: int) -> bool:
        """True when the cue at this offset already credits a quotation that ends before it ("“...?” Lee recalls")."""
        return start in self.quote_cues

    def phrase_at(self, toks: Sequence[_Tok], k: int) -> tuple[int, str] | None:
        """A cue phrase ("according to") starting at token k: (tokens used, phrase)."""
        phrases = _phrases_by_start().get(toks[k].lower)
        if phrases is None:
            return None
        for phrase, words in phrases:
            end = k + len(words)
            # the second word first: "in" and "as" open many phrases that are none ("in the", "as well")
            if end <= len(toks) and (len(words) == 1 or toks[k + 1].lower == words[1]) and tuple(
                    [tok.lower for tok in toks[k:end]]) == words:
                return len(words), phrase
        return None


    def note_subject(self, index: int) -> None:
        toks = self.tokens[index]
        role = self.roles[self.sentences[index].block]
        if role not in _BODY_ROLES:
            return
        titles = self.lex.titles
        for k, name in _mentions(toks):
            low = name.lower()
            # the set look-ups first: most capitalised words are a title or a common word, and then
            # the source type is not needed
            if low not in titles and low not in self.common and self.typed(name, source_type(name)) == "person":
                self.resolver.mentioned.append((index, name))
        if role == "headline" and _capitals_headline(toks):
            return  # "Ann Lee Says Museum Will Open": in a headline's capitals, a name runs on into the words after it
        span = _subject(toks, 0, len(toks))
        if span is None:
            return
        named = _name_after_description(toks, span, self.lex.titles)
        if named is not None:
            span = named  # "The head of the council, Tim Park, reported": "he" later is Tim Park
        _, _, words = self.span_text(toks, span)
        low = words.lower()
        if low in ("he", "she"):
            resolved = self.resolver.resolve(low, index)
            if resolved:
                self.resolver.note(index, resolved, "person")
            return
        if low in _PRONOUNS or _first_person(toks[span[0]]):
            return
        if span[1] - span[0] == 1 and (low in self.common or not self.known_name(words)):
            return
        if span[1] - span[0] == 1 and all(not t.word for t in toks[:span[0]]) and not (
                words in self.midcaps or words in self.resolver.full):
            return  # "Tension rose": a capital that opens the sentence says nothing; a name is written so elsewhere too
        kind = self.typed(words, source_type(words))  # after the cheap test above: most one-word subjects stop there
        # ("Motorola won’t confirm": a name the article treats as a company is no "he")
        if kind == "person" and any(t.lower == "and" or t.text == "," for t in toks[span[0]:span[1]]):
            return  # "Bo Park and Tim Park": a list is never the "he" or "she" of a later sentence
        if kind == "person" and any(t.cap for t in toks[span[0]:span[1]]):
            name, _ = _split_name(_clean_np(words))
            if role == "headline" and not all(word[:1].isupper() or word in _SURNAME_PARTICLES for word in name.split()):
                return  # "U.N. envoy sees difficult talks": a headline's subject is only a name when it is one
            self.resolver.note(index, name, kind, mention=_mention_words({"mention": _clean_np(words), "name": name}))
        elif kind == "organization":
            self.resolver.note(index, _clean_np(words), kind)


    def run(self) -> _Analysis:
        by_sentence: dict[int, list[_Quote]] = {}
        for quote in self.quotes:
            index = self.sentence_of(quote.start)
            by_sentence.setdefault(-1 if index is None else index, []).append(quote)
        analysis = _Analysis(quotes=self.quotes)
        previous: _Quote | None = None
        last_report: _Attribution | None = None  # the last words reported from a named person, quoted or not
        for quote in by_sentence.get(-1, []):
            self.classify(quote, None)
        for index in range(len(self.sentences)):
            for quote in by_sentence.get(index, []):
                self.classify(quote, previous)
                self.quote_after_report(quote, last_report, previous)
                if quote.role not in ("headline", "source") and quote.kind == "direct":
                    previous = quote  # the last speaker's words; a scare quote in between does not change who speaks
            self.coordinated_quotes(by_sentence.get(index, []))
            found = self.sentence_attributions(index)
            for attribution in found:
                if (attribution.source_type == "person" and attribution.source and attribution.cue
                        and attribution.source.lower() not in _PRONOUNS):
                    last_report = attribution
            self.partial_quotes(by_sentence.get(index, []), found)
            analysis.attributions.extend(found)
            self.note_subject(index)
        self.credit_repeated_lines()
        turns = transcript_turns(self)
        self.quotes[:] = without_quotations_holding_turns(self.quotes, turns)  # the list `analysis` holds too
        self.add_quotes(turns)
        self.add_quotes(unmarked_block_quotes(self, analysis.attributions))
        analysis.attributions = self.merge(analysis.attributions)
        return analysis


    def quote_after_report(self, quote: _Quote, report: _Attribution | None, previous: _Quote | None) -> None:
        """A paragraph that opens with a quotation naming no speaker, right after a paragraph that
        reports a named person's words ("Ann Lee said her party never worked against anyone." then
        "“We serve everyone equally.”"), goes on with that person's words, as news writes them."""
        if (report is None or quote.kind != "direct" or not quote.unattributed or quote.role != "body"
                or (previous is not None and previous.end > report.start)):
            return
        block = self.article.block_list[quote.block]
        here = self.sentence_of(quote.start)
        if self.text[block.start:quote.start].strip() or here is None or self.text[quote.end:self.sentences[here].end].strip(" .\n"):
            return  # ("“…” for criminal behavior, she said": the sentence names its own speaker)
        there = self.sentence_of(report.start)
        if there is None or self.previous_body_block(quote.block) != self.sentences[there].block:
            return
        quote.speaker, quote.source_type, quote.unattributed = report.source, report.source_type, False
        quote.speaker_start, quote.speaker_end = report.source_start, report.source_end
        quote.reason = (f"This paragraph opens with a quotation that names no speaker, right after a paragraph reporting "
                        f"what {report.source} said, so it is treated as {report.source}'s words.")

    def coordinated_quotes(self, quotes: list[_Quote]) -> None:
        """Two quotations joined by "and" or a comma, the second one credited: "the country was “robbed with
        no shame” and “forcefully transformed ...,” he said". The first, which only looked like a scare quote
        for want of a speaker (`unattributed`), is the same speaker's."""
        for first, second in zip(quotes, quotes[1:]):
            if not (first.kind == "scare" and first.unattributed and second.kind == "direct" and second.speaker
                    and second.cue_end is not None and _JOINED.fullmatch(self.text[first.end:second.start])):
                continue
            index = self.sentence_of(second.start)
            said_end = max(second.cue_end, second.speaker_end or 0)
            sentence = self.sentences[index] if index is not None else None
            if sentence is None or self.text[said_end:sentence.start + len(sentence.text)].strip() not in ("", ".", "!"):
                continue  # only "“A” and “B,” he said." (nothing after): "“B,” Lee said yes, yes" is another story
            first.take_speaker_of(second, with_cue=True)
            first.kind, first.unattributed = "direct", False
            first.reason = (f"This quotation and the next one are joined by ‘{self.text[first.end:second.start].strip()}’, "
                            f"and the next one is {second.speaker}'s words, so this one is too.")

    def add_quotes(self, found: list[_Quote]) -> None:
        """Add quotations found without quotation marks, never a second copy of one already there."""
        spans = {(q.start, q.end) for q in self.quotes}
        new = [q for q in found if (q.start, q.end) not in spans]
        if new:
            self.quotes.extend(new)
            self.quotes.sort(key=lambda q: (q.start, q.end))

    def credit_repeated_lines(self) -> None:
        """A quoted headline or stand-alone line with no speaker, whose words a named speaker says
        further on ("‘We need to listen’" ... “... We need to listen,” says Parata), is that speaker's."""
        def words(quote: _Quote) -> str:
            return " ".join(_LINE_WORD.findall(self.text[quote.start : quote.end].lower().replace("'", "’")))

        spoken: list[tuple[_Quote, str]] | None = None  # the speakers' words, read at the first line that needs them
        for quote in self.quotes:
            if quote.kind != "headline" or quote.speaker:
                continue
            line = words(quote)
            if len(line.split()) < 3:
                continue
            if spoken is None:
                spoken = [(q, words(q)) for q in self.quotes if q.kind == "direct" and q.speaker]
            owner = next((q for q, said in spoken if q is not quote and f" {line} " in f" {said} "), None)
            if owner is not None:
                quote.speaker, quote.speaker_start, quote.speaker_end = owner.speaker, owner.speaker_start, owner.speaker_end
                quote.source_type, quote.speaker_description = owner.source_type, owner.speaker_description
                quote.reason += f" {owner.speaker} says the same words further on."

    def partial_quotes(self, quotes: list[_Quote], found: list[_Attribution]) -> None:
        """A quotation no rule attributed, inside the words an attribution reports, is that source's.

        "Lee told senators the virus was “still with us” and “far from over.”": the second
        quotation has no verb of its own, but it is part of what Lee told the senators.
        """
        for quote in quotes:
            if not quote.unattributed or quote.role in ("headline", "source", "sources_heading"):
                continue
            if _title_case(self.text[quote.start:quote.end]):
                continue  # "as a boss on “The Apprentice,” he ...": the name of a show or a book, not words said
            owner = next((a for a in found if a.start <= quote.start and quote.end <= a.end + 1 and a.source), None)
            if owner is None:
                continue
            quote.kind, quote.unattributed = "direct", False
            quote.speaker, quote.speaker_start, quote.speaker_end = owner.source, owner.source_start, owner.source_end
            quote.source_type, quote.cue, quote.cue_start, quote.cue_end = owner.source_type, owner.cue, owner.cue_start, owner.cue_end
            quote.speaker_description = None
            quote.reason = (
                f"This quotation is part of what {owner.source} is reported to say in this sentence "
                f"(‘{owner.cue}’), so the words are treated as {owner.source}'s."
            )

    def merge(self, found: list[_Attribution]) -> list[_Attribution]:
        """Add direct quotations not covered by a sentence-level attribution."""
        out = list(found)
        for quote in self.quotes:
            if quote.kind != "direct" and not (quote.kind in ("slogan", "headline") and quote.speaker):
                continue
            covered = any(a.start <= quote.start < a.end or quote.start <= a.start < quote.end for a in found)
            if covered:
                continue
            kind = quote.source_type or (source_type(quote.speaker) if quote.speaker else "unknown")
            who = quote.speaker or "someone the text does not name"
            reason = f"The words in quotation marks are attributed to {who}: " + quote.reason[0].lower() + quote.reason[1:]
            out.append(_Attribution(quote.start, quote.end, quote.speaker, quote.speaker_start, quote.speaker_end, kind,
                                    quote.cue, quote.cue_start, quote.cue_end, reason))
        out.sort(key=lambda a: (a.start, a.end))
        return out


#: Words before a cue form that make it a noun ("the report", "a claim"); "that" does not ("that report" is rare, "that said" is not).
_NOUN_DETERMINERS = _DETERMINERS - {"that"}
#: Words after "asking voters", "urging people" that show the -ing word reports a request.
_REPORT_LINKS = frozenset("to that if whether about for of".split())


def _names_only(toks: Sequence[_Tok], k: int) -> bool:
    """True when the capitalised words from token k run to the end of the clause ("called Le Monde Primitif,")."""
    m = k
    while m < len(toks) and toks[m].word and toks[m].cap:
        if _is_possessive(toks[m].text):
            return False  # "called North Korea’s actions ...": an owner, then what was called
        m += 1
    return m >= len(toks) or (not toks[m].word and toks[m].text in ",.;:)—–")
