"""Quotations: what kind each is (direct, scare, name, slogan, headline) and whose words."""

from __future__ import annotations

from dataclasses import fields, replace
from bisect import bisect_left
from collections.abc import Sequence
import re

from workbook.sourcing.marks import _Quote, _TERMINAL
from workbook.sourcing.phrases import _abbreviation, _clause_start, _skipped_before_verb, _np_back, _np_forward, _subject
from workbook.sourcing.source_types import source_type
from workbook.sourcing.speakers import _first_person, _mention_words, _name_list, _resolution_note
from workbook.sourcing.words import _DETERMINERS, _OBJECT_PRONOUNS, _LISTS, _PHRASE_PREPOSITIONS, _SKIP, _STOP, _Tok, _WORDS_GIVEN, _phrases_by_start, _signal_pattern, _signal_pieces


_DASH_NAME = re.compile(r"[ \t]*[―—–]\s*(?P<name>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,4})[ \t]*[.,]?[ \t]*(?=\n|$)")


#: "In Dr. Lee's words," / "in the words of Ann Lee:" right before a quotation.
_WORDS_OF = re.compile(
    r"(?:\b[Ii]n|\b[Tt]o (?:quote|use))\s+(?:"
    r"(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*?)['’]s\s+(?:own\s+)?words"
    r"|the\s+words\s+of\s+(?P<name2>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*))\s*[,:]?\s*$"
)
#: "The tweet from X reads," / "Lee's letter reads:" / "His post said:" right before a quotation.
_WRITTEN = re.compile(
    r"(?P<doc>(?:(?P<det>[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?P<possessor>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})['’]s?)"
    r"\s+(?:[\w-]+\s+){0,2}?(?P<head>tweet|post|letter|statement|message|sign|banner|note|caption|e-?mail|placard|poster|leaflet|notice))"
    r"(?:\s+(?:from|by)\s+(?P<owner>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,4}?))?"
    r"(?:\s+on\s+[A-Z]\w+)?\s+(?P<verb>reads?|said|says|stated|states)\s*[,:]?\s*$"
)
#: The verbs that end a `_WRITTEN` opening ("The tweet reads,").
_READING_VERBS = ("read", "reads", "said", "says", "stated", "states")


def _ends_with_reading_verb(opening: str) -> bool:
    """True when the text ends with one of `_READING_VERBS`, then at most a comma or colon and spaces:
    only then can `_WRITTEN` match (a cheap test before that long pattern is tried at every position)."""
    tail = opening.rstrip()
    if tail[-1:] in (",", ":"):
        tail = tail[:-1].rstrip()
    return tail.endswith(_READING_VERBS)


#: The patterns the rules below use, compiled once (they run for every quotation).
_QUOTE_WORD = re.compile(r"[\w’'-]+")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?]\s")
_NEXT_LOWER_WORD = re.compile(r"\s*([a-z]+)")
#: Words that open a description before a name ("her mother, Fiona, said").
_DESCRIBING_OPENERS = _DETERMINERS | {"her", "his", "their"}
#: Words that end a noun phrase, less the prepositions a phrase may hold ("a narrator in the campaign ad").
_PHRASE_STOPS = _STOP - _PHRASE_PREPOSITIONS



#: Words right before a quotation that give it to someone by name or pronoun: "what he called the “...”",
#: "what Lee termed an “...”". The quotation is that person's word, not a name the writer gives.
_THEIR_WORD_BEFORE = re.compile(r"\bwhat \w+ (?:called|termed|described as)(?: the| a| an)?\s*$", re.IGNORECASE)
#: Doubt words of the writer's that may stand inside someone's reported words ("Lee claimed the city
#: is allegedly “...”"): when a reporting verb gives the quotation to someone, it stays theirs.
_DOUBT_ADVERBS = frozenset(("allegedly", "supposedly"))
_THAT_OPENS = re.compile(r"\s+that\b", re.IGNORECASE)

class QuoteRules:
    """The analyser's rules for quotations (a mixin of `Analyser`)."""

    def quote_words(self, quote: _Quote) -> list[str]:
        return _QUOTE_WORD.findall(self.text, quote.start + 1, quote.end - 1)


    def signal_before(self, start: int, kind: str, window: int) -> str | None:
        before = self.text[max(0, start - window) : start].lower()
        if not any(map(before.__contains__, _signal_pieces(kind))):
            return None  # no word of any signal: none can be there once the white space is made single spaces
        if "  " in before or not before.isprintable():
            # white space other than single spaces (every other white-space character is unprintable):
            # otherwise the substitution would change nothing
            before = _SPACES.sub(" ", before)
        if not any(map(before.__contains__, self.lex.signals.get(kind, ()))):  # `word in before` for each, in C
            return None  # no signal word anywhere in the window: the pattern below cannot match
        match = _signal_pattern(kind).search(before)
        return match.group("signal") if match else None


    def classify(self, quote: _Quote, previous: _Quote | None) -> None:
        words = self.quote_words(quote)
        inner = self.text[quote.start + 1 : quote.end - 1].strip()
        if quote.role == "headline":
            quote.kind = "headline"
            quote.reason = "This quotation is in the headline; headlines often quote a person or group from the story."
            colon = self.text.rfind(":", self.article.block_list[quote.block].start, quote.start)
            if colon >= 0:
                head = self.text[self.article.block_list[quote.block].start : colon].strip()
                if len(head.split()) > 1 and head.split()[-1].lower() in self.lex.verbs:
                    head = head.rsplit(None, 1)[0]  # "Ann Lee warns: ‘...’": the speaker, not her verb
                if 0 < len(head.split()) <= 8 and source_type(head) != "unknown":
                    # ("Queensland election: 'Secret plans' ...": a topic before the colon, not someone who speaks)
                    start = self.text.find(head, self.article.block_list[quote.block].start)
                    quote.speaker, quote.speaker_start, quote.speaker_end = head, start, start + len(head)
                    quote.source_type = source_type(head)
                    quote.reason = (
                        f"This quotation is in the headline, after “{head}:”, the usual way a headline "
                        "names whose words it quotes."
                    )
                    return
            if self.attribute_quote(quote, self.quote_words(quote)) and quote.speaker:
                # "Lee says plan 'a disgrace'": a reporting verb in the headline names the speaker
                quote.reason = "This quotation is in the headline. " + quote.reason
            quote.kind = "headline"
            return
        if quote.role in ("source", "sources_heading"):
            quote.kind = "name"
            quote.reason = "This quotation is in the source list, where quotation marks give the title of a work."
            return
        if _THEIR_WORD_BEFORE.search(self.text, max(0, quote.start - 60), quote.start) and self.attribute_quote(quote, words):
            return  # "what he called the “effectiveness” of talks": his own word, credited to him
        scare = self.signal_before(quote.start, "scare", 40)
        if scare in _DOUBT_ADVERBS:
            # "Lee claimed that the city is allegedly “inseparably connected” to Russia": the writer doubts,
            # but the words are the speaker's when they stand inside what a reporting verb's "that" opens
            # ("accompanied Washington, supposedly to “explicitly support” him" is the writer's own distance)
            blank, cues = replace(quote), set(self.quote_cues)
            if self.attribute_quote(quote, words) and quote.cue_end is not None and _THAT_OPENS.match(
                    self.text, quote.cue_end) and "," not in self.text[quote.cue_end:quote.start]:
                quote.reason += f" ‘{scare}’ before it is the writer keeping a distance from these words."
                return
            # not the speaker's after all: undo what the try wrote, on the quotation and on the cues it
            # marked as taken ("“…,” Lee said" would otherwise lose its own attribution)
            for name in fields(quote):
                setattr(quote, name.name, getattr(blank, name.name))
            self.quote_cues.intersection_update(cues)
        if scare:
            quote.kind = "scare"
            quote.reason = (
                f"‘{scare}’ just before the quotation marks shows the writer keeps a distance from these words "
                f"(list: {_LISTS}/quote_signals.txt)."
            )
            return
        slogan = self.signal_before(quote.start, "slogan", 60)
        if slogan:
            said = self.attribute_quote(quote, words)
            quote.kind = "slogan"
            reason = f"‘{slogan}’ just before the quotation announces a slogan (list: {_LISTS}/quote_signals.txt)."
            quote.reason = reason + (f" It is attributed to {quote.speaker}." if said and quote.speaker else "")
            return
        named = self.signal_before(quote.start, "name", 25)
        if named and len(words) <= 8:
            quote.kind = "name"
            quote.reason = f"‘{named}’ just before the quotation shows it gives a name or title (list: {_LISTS}/quote_signals.txt)."
            return
        if self.is_title(quote, words, inner):
            return
        if self.attribute_quote(quote, words):
            return
        if previous is not None and previous.kind == "direct" and self.continues(previous, quote, words):
            quote.kind = "direct"
            quote.take_speaker_of(previous)
            quote.reason = (
                "This quotation starts a sentence right after a quotation from "
                f"{previous.speaker or 'the same speaker'} and names no new speaker, so it is treated as the same person's words."
            )
            return
        if (quote.role in ("subheading", "body") and 3 <= len(words) <= 12 and inner.rstrip("”’\"'")[-1:] not in _TERMINAL
                and self.whole_block(quote)):
            # "‘We need to listen’" as a subheading: a line from the story, in someone's words
            quote.kind = "headline"
            quote.reason = ("This quotation stands alone as a line of its own, like a subheading; such lines "
                            "usually repeat words someone says further on.")
            return
        if len(words) >= 8 or (len(words) >= 4 and inner.rstrip("”’\"'")[-1:] in _TERMINAL):
            quote.kind = "direct"
            quote.unattributed = True
            quote.reason = "A whole sentence in quotation marks is usually someone's words, but no speaker or reporting verb is near it."
            return
        quote.kind = "scare"
        quote.unattributed = True
        quote.reason = (
            f"A short quotation ({len(words)} word{'s' if len(words) != 1 else ''}) with no reporting verb or speaker near it: "
            "the writer is marking these words, often to keep a distance from them."
        )


    def whole_block(self, quote: _Quote) -> bool:
        """True when the quotation is all of its block, but for spaces and a final full stop."""
        block = self.article.block_list[quote.block]
        return not self.text[block.start : quote.start].strip() and not self.text[quote.end : block.end].strip(" \n.")


    def is_title(self, quote: _Quote, words: list[str], inner: str) -> bool:
        if not words or len(words) > 16:
            return False
        small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "by", "or", "from", "into", "is", "are"}
        caps = [w for w in words if w.lower() not in small]
        if not caps or not all(w[:1].isupper() or w[:1].isdigit() for w in caps) or not words[0][:1].isupper():
            return False
        # a sentence is not a title, but a long title may end in "?" ("The Road Ahead: Peace or War?")
        if _SENTENCE_END.search(inner) or inner.rstrip(",.")[-1:] == "!":
            return False
        if inner.rstrip(",.")[-1:] == "?" and len(caps) < 4:
            return False
        following = _NEXT_LOWER_WORD.match(self.text[quote.end : quote.end + 30])
        thing = following.group(1) if following else None
        if len(caps) == 1:
            if thing and thing in self.lex.signals.get("thing", ()):
                quote.kind = "name"
                quote.reason = (
                    f"A capitalised word in quotation marks followed by ‘{thing}’: it names a thing "
                    f"(list: {_LISTS}/quote_signals.txt)."
                )
                return True
            return False
        quote.kind = "name"
        quote.reason = "Every main word in the quotation is capitalised, as in the name or title of a work, group or document."
        return True


    def continues(self, previous: _Quote, quote: _Quote, words: list[str]) -> bool:
        here = self.sentence_of(quote.start)
        there = self.sentence_of(previous.end - 1)
        if here is None or there is None:
            return False
        sentence = self.sentences[here]
        if self.text[sentence.start : quote.start].strip():
            return False
        if 0 <= here - there <= 2 and len(words) >= 3:
            return True
        # a run of quoted paragraphs: a paragraph that opens with a quotation, right after a
        # paragraph quoting a named speaker, goes on with that speaker's words
        block = self.article.block_list[quote.block]
        return (bool(previous.speaker) and len(words) >= 6 and not self.text[block.start : quote.start].strip()
                and self.previous_body_block(quote.block) == previous.block)


    def previous_body_block(self, block: int) -> int | None:
        """The body paragraph before block number `block`, skipping captions and page furniture."""
        for index in range(block - 1, -1, -1):
            role = self.article.block_list[index].role
            if role == "body":
                return index
            if role in ("headline", "subheading"):
                return None
        return None


    def attribute_quote(self, quote: _Quote, words: list[str]) -> bool:
        """Find a reporting verb and a speaker around the quotation."""
        first = self.sentence_of(quote.start)
        last = self.sentence_of(quote.end - 1)
        if first is None or last is None:
            return False
        # after the quotation: “...,” Name, description, said / “...,” said Name
        inner_end = self.text[quote.start : quote.end - 1].rstrip(" \n'’\"”")[-1:]
        sentence = self.sentences[last]
        toks_last = self.tokens[last]
        at = bisect_left(self.token_starts(last), quote.end)
        after = toks_last[at : at + 30]
        if not after and last + 1 < len(self.sentences) and self.sentences[last + 1].block == sentence.block:
            # “Why now?” Lee demanded. - the splitter may end the sentence at the question mark
            after = self.tokens[last + 1]
            last += 1
        opens_after = bool(after) and after[0].text in ",—–" or inner_end in ",?!—–-…"
        if after and opens_after:
            found = self.cue_after(quote, after, last)
            if found:
                return True
        dash = _DASH_NAME.match(self.text, quote.end)
        if dash:
            name = dash.group("name")
            self.fill_plain(quote, dash.start("name"), dash.end("name"), name, first,
                            "A dash and a name right after the quotation credit the words to that person.")
            return True
        # "In Dr. Lee's words, “...”" / "in the words of Ann Lee: “...”"
        opening = self.text[self.sentences[first].start : quote.start]
        words_of = _WORDS_OF.search(opening) if "words" in opening else None  # both forms say "words"
        if words_of:
            group = "name" if words_of.group("name") else "name2"
            start = self.sentences[first].start + words_of.start(group)
            name = words_of.group(group)
            self.fill_plain(quote, start, start + len(name), name, first,
                            f"‘{words_of.group(0).strip(' ,:')}’ just before the quotation names whose words they are.")
            return True
        # "The tweet from Vulture magazine reads, “...”", "His letter reads: “...”"
        written = _WRITTEN.search(opening) if _ends_with_reading_verb(opening) else None
        if written:
            self.fill_written(quote, written, self.sentences[first].start, first)
            return True
        # before the quotation, in the same sentence
        toks = self.tokens[first]
        before = range(bisect_left(self.token_starts(first), quote.start))
        if not before and first > 0 and self.sentences[first - 1].text.endswith(":"):
            # "The paper reports:" at the end of the previous sentence or paragraph
            first -= 1
            toks = self.tokens[first]
            before = range(len(toks))
        if not before:
            return False
        verbs, phrase_starts = self.lex.verbs, _phrases_by_start()
        for k in reversed(before):
            if quote.start - toks[k].start > 220:
                break
            if toks[k].text == ";" or (toks[k].text in "”\"" and k != before[-1]):
                break  # another clause, or another quotation, stands between
            if toks[k].lower not in verbs and toks[k].lower not in phrase_starts:
                continue  # no reporting verb and no cue phrase's first word: neither rule below can fire
            phrase = self.phrase_at(toks, k)
            if phrase and phrase[1] == "according to":
                span = _np_forward(toks, k + phrase[0], len(toks))
                if span:
                    self.fill(quote, toks, span, first, "according to", toks[k].start, toks[k + phrase[0] - 1].end,
                              "‘according to’ names the source of the words that follow.")
                    return True
            base = self.is_cue(toks, k)
            if base is None:
                continue
            distance = len(before) - k
            if base in self.lex.quote_verbs and not (k + 1 < len(toks) and (toks[k + 1].text in ":“\"‘'" or (toks[k + 1].text == "," and k + 2 < len(toks) and toks[k + 2].text in "“\"‘'"))):
                continue  # "continue until “peace” ...": only "continued: “...”" reports words
            if (len(words) <= 1 and distance > 5) or (len(words) <= 3 and distance > 12):
                return False
            span = self.speaker_for_cue(toks, k, first)
            if span is None:
                continue
            self.fill(quote, toks, span, first, toks[k].text, toks[k].start, toks[k].end,
                      f"‘{toks[k].text}’ is a reporting verb before this quotation, so it is treated as someone's words "
                      f"(list: {_LISTS}/reporting_verbs.txt).")
            return True
        # "Limbaugh went on: “...”" - a short clause and a colon introduce the words
        if self.text[toks[before[-1]].end : quote.start].strip() == "" and toks[before[-1]].text == ":" and len(before) <= 16:
            asker = self.speaker_after_from(toks, before[-1])
            if asker is not None:
                self.fill(quote, toks, asker[0], first, asker[1].text, asker[1].start, asker[1].end,
                          f"‘{asker[2]} … from …:’ before this quotation says who spoke these words.")
                return True
        if (self.text[toks[before[-1]].end : quote.start].strip() == "" and toks[before[-1]].text == ":"
                and before[-1] - _clause_start(toks, 0, before[-1]) <= 12):
            # ("Despite the talks, the paper sees no end to the war:": an opening phrase, then the short clause)
            span = _subject(toks, 0, before[-1])
            if (span is not None and span[1] < before[-1] and toks[span[1]].word and not toks[span[1]].cap
                    and not all(t.lower in _DETERMINERS for t in toks[span[0]:span[1]])):
                # (a subject of determiners only is a noun cut in two: "The report had one line:")
                verb = toks[span[1]]
                topic = before[-1] - span[0] == 2 and source_type(" ".join(t.text for t in toks[span[0]:before[-1]])) == "unknown"
                # ("Queensland election: ‘Secret plans’": a name and a thing of it, a topic and no clause)
                if not _first_person(toks[span[0]]) and not topic:
                    self.fill(quote, toks, span, first, verb.text, verb.start, verb.end,
                              f"A short clause ending in a colon (‘... {verb.text} ...:’) introduces this quotation, "
                              "so it is treated as the subject's words.")
                    return True
        return False


    def speaker_after_from(self, toks: Sequence[_Tok], colon: int) -> tuple[tuple[int, int], _Tok, str] | None:
        """"A question came from a member of the audience:": the noun phrase after "from", when
        the clause before the colon is about a saying noun (question, reply, statement ...)."""
        saying = self.lex.nouns | _WORDS_GIVEN
        head = next((t for t in toks[:colon] if t.word and t.lower in saying), None)
        if head is None:
            return None
        for k in range(colon - 1, -1, -1):
            if toks[k].lower == "from":
                span = _np_forward(toks, k + 1, colon)
                if span is not None and span[1] == colon and not _first_person(toks[k + 1]):
                    return span, toks[k], head.text
                return None
        return None


    def fill_written(self, quote: _Quote, found: re.Match[str], offset: int, sentence: int) -> None:
        """The speaker of words a tweet, letter or post "reads": its sender when the text names one."""
        owner = found.group("owner") or found.group("possessor")
        pronoun = (found.group("det") or "").lower()
        group = "owner" if found.group("owner") else "possessor" if found.group("possessor") else "doc"
        name = (owner or found.group("doc")).strip()
        if pronoun in ("his", "her") and not owner:
            resolved = self.resolver.resolve("he" if pronoun == "his" else "she", sentence)
            if resolved:
                name, group = resolved, "det"
        start = offset + found.start(group)
        kind = source_type(name) if group != "doc" else "document"
        self.fill_plain(quote, start, start + len(found.group(group)), name, sentence,
                        f"‘{found.group('doc')} … {found.group('verb')}’ before the quotation gives the words of a "
                        f"{found.group('head')}, so they are {name}'s.")
        quote.source_type = kind


    def fill_plain(self, quote: _Quote, start: int, end: int, name: str, sentence: int, reason: str) -> None:
        quote.kind = "direct"
        title, _, rest = name.partition(" ")
        if rest and title.lower().rstrip(".") in self.lex.titles and self.resolver.name(rest) != rest:
            name = self.resolver.name(rest)  # "Dr. Shadlen" after "Dr. Michael Shadlen"
        name = self.resolver.name(name)
        quote.speaker, quote.speaker_start, quote.speaker_end = name, start, end
        quote.source_type = source_type(name)
        quote.reason = reason
        self.resolver.note(sentence, name, quote.source_type)


    def cue_after(self, quote: _Quote, after: list[_Tok], sentence: int) -> bool:
        """“...,” Name, description, said  /  “...,” said Name, description."""
        if self.cue_after_listed(quote, after, sentence):
            return True
        # “No, you were the mayor,” Bo Park contradicted him: a name, then any verb in the past
        begin = 1 if after and after[0].text in ",—–" else 0
        span = _np_forward(after, begin, len(after)) if begin < len(after) and after[begin].cap else None
        if span is not None and span[1] < len(after) and span[1] - span[0] <= 4:
            verb = after[span[1]]
            rest = after[span[1] + 1 : span[1] + 2]
            if (verb.word and not verb.cap and verb.lower.endswith("ed") and len(verb.lower) > 4
                    and (not rest or rest[0].lower in _OBJECT_PRONOUNS or not rest[0].word)
                    and source_type(self.text[after[span[0]].start:after[span[1] - 1].end]) in ("person", "organization")):
                self.fill(quote, after, span, sentence, verb.text, verb.start, verb.end,
                          f"A name and ‘{verb.text}’ right after this quotation say who spoke it, in a dialogue.")
                return True
        return False

    def cue_after_listed(self, quote: _Quote, after: list[_Tok], sentence: int) -> bool:
        """A listed reporting verb next to the quotation, with its speaker."""
        limit = min(len(after), 18)
        begin = 1 if after and after[0].text in ",—–" else 0
        for k in range(limit):
            tok = after[k]
            if tok.text in "“\"‘" or (not tok.word and tok.text in ";?!"):
                return False
            if tok.text == "." and not (k > 0 and _abbreviation(after[k - 1], self.lex.titles)) and not (
                    k + 1 < len(after) and after[k + 1].text in "),"):
                return False  # a full stop ends the sentence; "(D-Wis.)" and "R-Ky.," are abbreviations
            base = self.is_cue(after, k) if tok.word else None
            if base is None:
                continue
            description = None
            j = k
            while j > begin and after[j - 1].word and _skipped_before_verb(after, j - 1) and not (
                    j - 1 == begin and after[j - 1].cap):
                j -= 1  # (“...,” Long said: a capital right after the quotation is a name, not the adverb)
            if j > begin:
                # the speaker comes first: “...,” Ann Lee, the mayor, said
                name_span: tuple[int, int] | None = None
                described_first = False
                if after[j - 1].text == ",":
                    found = self.appositive_back(after, j, begin)
                    if found:
                        name_span, description = found
                        # "her mother, Fiona, said": the description, not the name, starts the phrase
                        described_first = name_span[0] > begin and after[begin].lower in _DESCRIBING_OPENERS
                if name_span is None:
                    name_span = _np_back(after, j, begin)
                if name_span is None and j - begin == 1 and after[begin].cap and after[begin].word:
                    name_span = (begin, j)  # “...,” Long said: one capitalised word, the speaker's surname
                if name_span is not None and name_span[0] != begin and not described_first:
                    # "a narrator in the campaign ad asks": take the whole phrase when it is a noun phrase
                    lead = after[begin:j]
                    if len(lead) <= 10 and not any(
                        t.lower in _PHRASE_STOPS or t.text in "“”\"" or t.lower in self.lex.verbs for t in lead
                    ):
                        name_span = (begin, j)
                if name_span is None or (name_span[0] != begin and not described_first):
                    return False
            else:
                # the verb comes first: “...,” said Ann Lee, the mayor
                if tok.lower.endswith("ing"):
                    return False  # “... on the ground,” referencing the front lines: what follows is no speaker
                name_span = _np_forward(after, k + 1, len(after))
                if name_span is None:
                    return False
                name_span = _name_list(after, name_span)
                end = name_span[1]
                if end < len(after) and after[end].text == ",":
                    tail = _np_forward(after, end + 1, len(after))
                    if tail and not after[tail[0]].cap:
                        _, _, description = self.span_text(after, tail)
            self.fill(quote, after, name_span, sentence, tok.text, tok.start, tok.end,
                      f"‘{tok.text}’ is a reporting verb next to this quotation, so it is treated as someone's words "
                      f"(list: {_LISTS}/reporting_verbs.txt).", description)
            return True
        return False


    def fill(self, quote: _Quote, toks: Sequence[_Tok], span: tuple[int, int], sentence: int, cue: str,
             cue_start: int, cue_end: int, reason: str, description: str | None = None) -> None:
        info = self.describe(toks, span, sentence)
        quote.kind = "direct"
        quote.speaker = info["name"]
        extra = [d for d in (info["description"], description) if d]
        quote.speaker_description = "; ".join(extra) if extra else None
        quote.speaker_start, quote.speaker_end = info["start"], info["end"]
        quote.source_type = info["type"]
        quote.cue, quote.cue_start, quote.cue_end = cue, cue_start, cue_end
        if cue_start is not None and cue_start >= quote.end:
            self.quote_cues.add(cue_start)
        quote.reason = reason
        note = _resolution_note(info)
        if note:
            quote.reason += f" ‘{info['mention']}’ is {note}."
        self.resolver.note(sentence, info["name"], info["type"], _mention_words(info))
