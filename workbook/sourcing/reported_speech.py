"""Attributions: a source, a reporting cue and the content, with or without quotation marks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbook.sourcing.phrases import _adverb, _clause_start, _name_after_comma, _np_back, _np_forward, _split_name
from workbook.sourcing.source_types import _TYPE_WORDS, source_type
from workbook.sourcing.speakers import _mention_words, _resolution_note
from workbook.sourcing.words import _FINITE, _JOINING_WORDS, _MAKE_FORMS, _PARTICLE_VERBS, _particle_that, _PREPOSITIONS, _BELIEF, _BODY_ROLES, _DETERMINERS, _LISTS, _MONTHS, _MONTH_NAMES, _OWNERS, _PRONOUNS, _SPEECH, _SUBORDINATE_OPENERS, _TAIL_STARTS, _TIME_WORDS, _Tok, _WORDS, _base, _is_possessive, _cue_words, _phrase_starts, _verb_among


@dataclass
class _Attribution:
    start: int
    end: int
    source: str | None
    source_start: int | None
    source_end: int | None
    source_type: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    reason: str


def _one_per_content(found: list[_Attribution]) -> list[_Attribution]:
    """One attribution for the same words from the same source: "Commenting on ..., Lee described
    X as ..." holds one report, and the finite verb ("described") is its cue, not the "-ing" word."""
    kept: dict[tuple[int, int, str | None], int] = {}
    out: list[_Attribution] = []
    for attribution in found:
        key = (attribution.start, attribution.end, attribution.source)
        if key not in kept:
            kept[key] = len(out)
            out.append(attribution)
        elif (out[kept[key]].cue or "").lower().endswith("ing") and not (attribution.cue or "").lower().endswith("ing"):
            out[kept[key]] = attribution
    return out


#: Words that open with a quotation, then ", and" or ", but" and a new subject with a capital: the
#: words reported end with the quotation ('said “to hell with that,” and Chancellor Kohl went along').
_QUOTE_THEN_CLAUSE = re.compile(r"([“\"][^“”\"]{1,300}[”\"])\s*,?\s+(?:and|but|while|as)\s+(?:the\s+)?[A-Z]")


#: Linking words left at the end of a content cut short ("..., and").
_LINKING_WORDS_AT_END = re.compile(r"(?:,?\s+(?:and|or|but|by|while|as|because|that|which|when|if|so|although|though|whereas|yet|since|after|before|until|unless))+$")
#: Words after "X, Lee said," that start the writer's own words again, not more of Lee's.
_WRITERS_TURN = frozenset("but with while although though yet despite whereas however".split())


class AttributionRules:
    """The analyser's rules for attributions (a mixin of `Analyser`)."""

    def sentence_attributions(self, index: int) -> list[_Attribution]:
        sentence = self.sentences[index]
        role = self.roles[sentence.block]
        if role not in _BODY_ROLES or self.article.block_list[sentence.block].duplicate_of is not None:
            return []
        toks = self.tokens[index]
        if role == "headline":
            credited = self.headline_credit(toks, index)
            if credited is not None:
                return [credited]
        cue_words = _cue_words()
        # only these tokens can fire a rule below: a reporting verb, a saying-noun or a cue phrase's first word
        candidates = [k for k, tok in enumerate(toks) if tok.word and (tok.lower in cue_words or (
            tok.lower in _MAKE_FORMS and _particle_that(toks, k, "make") is not None and (k == 0 or toks[k - 1].lower != "to")))]
        # ("failing to make clear that ...", "needs to make it clear": to make clear is not yet to have said)
        if not candidates:
            return []
        if not any(_WORDS.fullmatch(toks[k].lower) for k in candidates) and cue_words.isdisjoint(
                _WORDS.findall(sentence.text.lower())):
            # no reporting verb or phrase among the sentence's plain words ("e-mailed" alone does not count);
            # a candidate of plain letters is one of those words, so then the text need not be read again
            return []
        found: list[_Attribution] = []
        n = len(toks)
        phrase_starts = _phrase_starts()
        for k in candidates:
            tok = toks[k]
            phrase = self.phrase_at(toks, k) if tok.lower in phrase_starts else None
            if phrase:
                made = self.according_to(toks, k, phrase, index)
                if made:
                    found.append(made)
                continue
            if tok.lower in self.lex.nouns and k + 1 < n and toks[k + 1].lower == "that" and k > 0:
                if k + 2 < n and _relative_verb(toks[k + 2]):
                    continue  # "Lee's comments that sparked the row": a relative clause about the words, not the words
                made = self.noun_attribution(toks, k, index)
                if made:
                    found.append(made)
                    continue  # "Lee's claim that ...": otherwise "Lee claims that ..." is a verb
            base = "make" if tok.lower in _MAKE_FORMS else self.is_cue(toks, k)
            if base is None:
                continue
            if base in self.lex.quote_verbs and not (k + 1 < len(toks) and toks[k + 1].text in ":“\"‘"):
                continue
            if base in _BELIEF and k + 1 < len(toks) and toks[k + 1].lower in ("to", "for", "about"):
                continue  # "hoping to take advantage": an intention, not a view
            if _reduced_passive(toks, k):
                continue
            if k >= 2 and toks[k - 1].lower == "to" and toks[k - 2].lower in _INTENTION:
                continue  # "Ann Lee wanted to say that ...": what she meant to say, not what she said
            if k in (2, 3) and toks[0].lower in ("this", "that") and toks[k - 1].lower in ("was", "were", "been"):
                made = self.passive_back_reference(toks, k, index)
                if made:
                    found.append(made)
                continue
            made = self.verb_attribution(toks, k, base, index)
            if made:
                found.append(made)
        return _one_per_content(self.trim(found))

    def headline_credit(self, toks: Sequence[_Tok], index: int) -> _Attribution | None:
        """ "West must face reality on Ukraine – Shoigu": a headline that ends with a dash and a name gives
        its words to that name (the way news sites credit a quoted headline)."""
        dash = next((m for m in range(len(toks) - 2, 2, -1) if toks[m].text in "–—-:"), None)
        if dash is None or toks[dash].start == 0 or (toks[dash].text != ":" and self.text[toks[dash].start - 1] != " "):
            return None  # a dash with a space before it, not a hyphen inside a word ("… irresponsible: Ann Lee" too)
        span = (dash + 1, len(toks))
        words = toks[span[0]:span[1]]
        if not 1 <= len(words) <= 3 or not all(t.cap and t.word for t in words):
            return None
        info = self.describe(toks, span, index)
        if info["type"] != "person":
            return None  # "… — RT World News", "… - Reuters": a page title ends with its site's name
        block = self.article.block_list[self.sentences[index].block]
        if re.search(rf"\b{re.escape(words[-1].text)}\b", self.text[block.end:]) is None:
            return None  # a person the headline credits is named again in the story; a site's name is not
        content = self.content_span(toks, 0, dash)
        if content is None:
            return None
        self.resolver.note(index, info["name"], info["type"], _mention_words(info))
        reason = (f"A headline that ends with a dash and a name (‘{toks[dash].text} {info['mention']}’) gives its words "
                  f"to that name; this source counts as {_TYPE_WORDS[info['type']]}.")
        return _Attribution(content[0], content[1], info["name"], info["start"], info["end"], info["type"],
                            toks[dash].text, toks[dash].start, toks[dash].end, reason)

    def passive_back_reference(self, toks: Sequence[_Tok], k: int, index: int) -> _Attribution | None:
        """ "This was stated to TASS by Maria Zakharova": the sentence before is the words of the one named
        after "by" (within the same paragraph, or the paragraph before when this one opens with it)."""
        by = next((m for m in range(k + 1, min(len(toks), k + 9)) if toks[m].lower == "by"), None)
        if by is None or index == 0:
            return None
        span = _np_forward(toks, by + 1, len(toks))
        if span is None:
            return None
        span = _name_after_comma(toks, span[1], fewest=1, closers=",.;") or span  # "by the spokeswoman, Ann Lee,"
        previous = self.sentences[index - 1]
        if self.roles[previous.block] not in ("body", "standfirst") or previous.text.rstrip().endswith("?"):
            return None
        info = self.describe(toks, span, index)
        if info["type"] not in ("person", "organization", "vague"):
            return None
        start = previous.start + (len(previous.text) - len(previous.text.lstrip()))
        end = previous.start + len(previous.text.rstrip().rstrip("."))
        return self.make((start, end), info, toks[k], index, "after")



    def trim(self, found: list[_Attribution]) -> list[_Attribution]:
        """End one content where the next attribution in the sentence begins ("..., and threatening ...")."""
        out = []
        for i, current in enumerate(found):
            # the first later report that is not part of what this one says ("Lee said she hopes ..." is
            # nested; in "X said Y had told Z ... and the military said ..." the military's report ends X's)
            following = next((later for later in found[i + 1:] if not (
                later.source_start is not None and (current.start <= later.source_start <= current.start + 1
                                                    or _WHAT_BEFORE.search(self.text[max(0, later.source_start - 12):later.source_start])
                                                    or _described_before(self.text[current.start:later.source_start])))), None)
            if (following is not None and following.cue_start is not None
                    and current.start < following.cue_start < current.end):
                cut = following.cue_start
                if following.source_start is not None and current.start < following.source_start < cut:
                    cut = following.source_start
                    described = _DESCRIPTION_AT_END.search(self.text, current.start, cut)
                    if described and _described_before(described.group(1)):
                        cut = described.start(1)  # "X, Russia's chief negotiator, Bo Park, told ...": his description too
                piece = self.text[current.start:cut].rstrip(" ,;—–-")
                piece = _LINKING_WORDS_AT_END.sub("", piece)
                piece = piece.rstrip(" ,;—–-")
                if len(piece.split()) < 2:
                    continue
                current.end = current.start + len(piece)
            out.append(current)
        return out


    def noun_attribution(self, toks: Sequence[_Tok], k: int, index: int) -> _Attribution | None:
        """"Lee’s claim that ...", "his warning that ...": the owner of a saying-noun is the source,
        also across one word that describes the noun ("Lee’s previous demand that ...")."""
        at = k - 1
        while at > max(0, k - 2) and toks[at].word and not toks[at].cap and toks[at].lower not in _OWNERS and not (
                _is_possessive(toks[at].text)):
            at -= 1
        if at < k - 1 and not (_is_possessive(toks[at].text) and toks[at].cap or toks[at].lower in _OWNERS):
            at = k - 1  # no owner before the describing words: as without them
        owner = toks[at]
        if _is_possessive(owner.text) and owner.cap:
            span = _np_back(toks, at + 1)
            if span is None:
                return None
            info = self.describe(toks, span, index)
            name = _base(info["mention"])
            info.update(name=self.resolver.name(_split_name(name)[0]), mention=name, end=info["start"] + len(name), type=source_type(name))
        elif owner.lower in _OWNERS:
            pronoun = _OWNERS[owner.lower]
            resolved = self.resolver.resolve(pronoun, index)
            if resolved is None:
                return None
            info = {"name": resolved, "description": None, "start": owner.start, "end": owner.end,
                    "type": source_type(resolved), "mention": owner.text}
        else:
            return None
        content = self.content_span(toks, k + 2, len(toks))
        if content is None:
            return None
        self.resolver.note(index, info["name"], info["type"], _mention_words(info))
        reason = (
            f"‘{toks[k].text} that’ reports what someone said or claimed (list: {_LISTS}/reporting_verbs.txt, nouns); "
            f"‘{info['mention']}’ says whose it is"
        )
        note = _resolution_note(info)
        reason += f" ({note})" if note else ""
        reason += f"; this source counts as {_TYPE_WORDS[info['type']]}."
        return _Attribution(content[0], content[1], info["name"], info["start"], info["end"], info["type"],
                            toks[k].text, toks[k].start, toks[k].end, reason)


    def content_span(self, toks: Sequence[_Tok], i: int, j: int) -> tuple[int, int] | None:
        while i < j and toks[i].text in ",:—–-":
            i += 1
        while j > i and toks[j - 1].text in ",.;:—–-":
            j -= 1
        if i == 0 and j > 1 and toks[0].lower in _JOINING_WORDS and toks[1].word:
            i = 1  # "But the plan is late, she said": the words start after the joining word
        if j - i < 2:
            return None
        start = toks[i].start
        if i == 0 and toks[0].text.isupper():
            dateline = _DATELINE_LEAD.match(self.text, start, toks[j - 1].end)
            if dateline:
                start = dateline.end()  # "MOSCOW (REUTERS) - Advisers agreed ...": the words, not the dateline
        return start, toks[j - 1].end


    def according_to(self, toks: Sequence[_Tok], k: int, phrase: tuple[int, str], index: int) -> _Attribution | None:
        span = _np_forward(toks, k + phrase[0], len(toks))
        if span is None or any(t.lower in ("own", "plan", "schedule", "rules") for t in toks[span[0]:span[1]]):
            return None  # "according to their own interests", "according to plan": not a source
        if span[1] + 1 < len(toks) and toks[span[1]].lower == "and":
            more = _np_forward(toks, span[1] + 1, len(toks))
            if more is not None and (more[1] >= len(toks) or toks[more[1]].text in ",.;"):
                span = (span[0], more[1])  # "according to open-source maps and Russian estimates": both
        span = self.agent_after(toks, span)
        info = self.describe(toks, span, index)
        rest = [t for t in toks[span[1]:] if t.word]
        participle_only = (k > 1 and toks[k - 1].text == "," and 0 < len(rest) <= 6 and rest[0].lower.endswith("ed")
                           and not rest[0].cap and not any(t.lower in _FINITE for t in rest))
        if participle_only:
            content = self.content_span(toks, 0, k - 1)  # "…, according to a new study released Tuesday": the words come before
        elif k <= _clause_start(toks, 0, len(toks)) or k == 0:
            comma = next((m for m in range(span[1], len(toks)) if toks[m].text == ","), span[1] - 1)
            if comma + 1 < len(toks) and toks[comma + 1].lower in ("who", "which"):
                # "According to Ann Lee, who also sits on the board, charges were brought": past the clause
                comma = next((m for m in range(comma + 2, len(toks)) if toks[m].text == ","), comma)
            elif comma + 1 < len(toks) and (toks[comma + 1].lower in ("a", "an", "the") or toks[comma + 1].cap):
                # "According to Ann Lee, an adviser to the ministry, eight died": the description is not her words
                # ("According to Bo Park, Press Secretary for the President, Ann Lee, Russia ...": nor is the
                # name of the one the title belongs to)
                after = next((m for m in range(comma + 2, len(toks)) if toks[m].text == ","), None)
                if after is not None and any(t.lower in self.lex.titles or t.lower in self.lex.person_words for t in toks[comma + 1:after]) and not (
                        _has_clause(toks[comma + 1:after]) or any(t.lower in self.lex.verbs and not t.cap for t in toks[comma + 1:after])):
                    # (a clause of its own is the words: "According to Yahoo News, Clinton spokesman Jesse Lehrich said ...")
                    comma = after
                    name_end = next((m for m in range(comma + 1, min(len(toks), comma + 5)) if toks[m].text == ","), None)
                    if name_end is not None and name_end - comma <= 4 and all(t.cap and t.word for t in toks[comma + 1:name_end]):
                        comma = name_end
            content = self.content_span(toks, comma + 1, len(toks))
            if content is None and k > 1 and toks[k - 1].text == ",":
                # "At least 40 died in the attack, according to the agency's record": the words come before
                content = self.content_span(toks, 0, k - 1)
        else:
            end = k
            if k >= 3 and toks[k - 3].text == "," and toks[k - 2].lower in _SUBJECT_PRONOUNS and self.lex.verbs.get(toks[k - 1].lower):
                end = k - 3  # "These deals take time, he said according to a transcript": his words end at the comma
            elif k >= 4 and toks[k - 1].text == "," and self.lex.verbs.get(toks[k - 2].lower):
                # "The talks will resume, he said, according to Tass" (also "Ann Lee said"): the words end
                # at the comma before the speaker
                comma = next((m for m in range(k - 3, max(0, k - 7), -1) if toks[m].text == ","), None)
                if comma is not None and comma >= 2:
                    end = comma
            content = self.content_span(toks, 0, end)
        if content is None:
            return None
        self.resolver.note(index, info["name"], info["type"], _mention_words(info))
        cue_end = toks[k + phrase[0] - 1].end
        return _Attribution(content[0], content[1], info["name"], info["start"], info["end"], info["type"],
                            self.text[toks[k].start:cue_end], toks[k].start, cue_end,
                            f"‘{phrase[1]}’ names who the words come from (list: {_LISTS}/cue_phrases.txt).")


    def agent_after(self, toks: Sequence[_Tok], span: tuple[int, int]) -> tuple[int, int]:
        """The source with who made it, when a document's name is followed by "by ...": "a report by BBC
        News", "information compiled by the Privacy Rights Clearinghouse" (the document alone says less)."""
        n, m = len(toks), span[1]
        head = toks[m - 1].lower
        if not (head in self.lex.documents or head.removesuffix("s") in self.lex.documents):
            return span
        if m + 1 < n and not toks[m].cap and toks[m].lower.endswith("ed") and toks[m + 1].lower == "by":
            m += 1  # "compiled by", "commissioned by"
        if m + 1 < n and toks[m].lower == "by":
            agent = _np_forward(toks, m + 1, n)
            if agent is not None and any(t.cap for t in toks[agent[0]:agent[1]]):
                return (span[0], agent[1])
        return span

    def verb_attribution(self, toks: Sequence[_Tok], k: int, base: str, index: int) -> _Attribution | None:
        """An attribution around the reporting verb at token k, with or without quotation marks."""
        n = len(toks)
        if self.quote_cue(toks[k].start):
            return None  # “Who is she?” Lee recalls thinking: the quotation before carries this attribution
        span = self.speaker_for_cue(toks, k, index)
        if span is None:
            return None
        if span[0] > 0 and toks[span[0] - 1].text in "”’\"" and not (
                toks[k].lower.endswith("ing") and toks[k - 1].text == "," and k + 1 < n
                and (toks[k + 1].lower == "that" or toks[k].lower in ("saying", "adding"))):
            return None  # “...,” he said - the quotation itself carries this attribution (but not ", adding that ...")
        if _hypothetical(toks, span, k):
            return None  # "Few would argue", "it is fair to say": the writer's own voice
        info = self.describe(toks, span, index)
        if info["mention"].lower() == "it" and info["name"] == info["mention"] and base not in _SPEECH:
            return None  # an "it" that names no one before it, with a verb that need not be speech
        if info["type"] == "unknown" and info["mention"].lower() not in _PRONOUNS and not any(t.cap for t in toks[span[0]:span[1]]):
            return None
        if base in _SHOWING and info["type"] != "document" and toks[span[1] - 1].lower not in self.lex.documents:
            return None  # "the people have shown that they can ...": shown by deeds; "the study shows that" reports
        tail = k + 1
        if span[0] > k and k == 0 and toks[k].lower.endswith("ing"):
            # "Saying (variously) that the plan cannot work, Ann Lee left": the words run to the comma
            comma = next((m for m in range(span[0] - 1, 0, -1) if toks[m].text == ","), None)
            start = 1
            while start < n and (toks[start].lower == "that" or _adverb(toks[start])):
                start += 1
            content = self.content_span(toks, start, comma) if comma is not None else None
            if content is None or not self.reports_words(toks, k, base, start, comma):
                return None
            if toks[start].lower in _PREPOSITIONS or (start == 1 and not _has_clause(toks[start:comma])):
                return None  # "Citing an unfounded theory, ...", "Lamenting their luck, ...": a thing, not words
                # ("Commenting on remarks by Lee, ...": a topic; the main verb reports)
            return self.make(content, info, toks[k], index, "before")
        if span[0] > k:
            # "The plan, said the mayor, will fail": the words run around the inserted verb and speaker
            before = self.content_span(toks, 0, k - 1)
            rest = span[1] + 1
            if rest < n and _PARTY_TAG.fullmatch(toks[rest].text):
                # "noted Cassidy, R-Baton Rouge, an opposition is required": the party and place go with the name
                rest = next((m + 1 for m in range(rest + 1, min(n, rest + 6)) if toks[m].text == ","), rest)
            after = self.content_span(toks, rest, n)
            if before is not None and after is not None and toks[span[1] + 1].lower in _APPOSITIVE_STARTS:
                after = None  # "..., said Alyssa Goodman, an astronomer at ...": a description, not more words
            if before is None and after is None:
                return None
            content = ((before or after)[0], (after or before)[1])
            return self.make(content, info, toks[k], index, "after")
        content = self.content_before(toks, k, span)
        if content is not None:
            return self.make(content, info, toks[k], index, "after")
        # pre-posed: "Sources said the plan ...", "X told the press (that) ..."
        start = tail
        if base in _PARTICLE_VERBS:
            particle_that = _particle_that(toks, k, base)
            if particle_that is not None:
                start = particle_that  # "pointed out (to the press) that ...": the particle, then "that"
        if base == "put" and start < n and toks[start].lower == "it":
            # "As the senator put it, the war ...", "put it best in a sentence: “...”": the words come after
            # the comma or colon that ends how it was put
            mark = next((m for m in range(start + 1, min(n, start + 9)) if toks[m].text in ",:"), None)
            start = mark if mark is not None else start + 1
        if start < n and _opens_circumstance(toks, start):
            # "said in a statement that ...", "said on Twitter that ...", "said Sunday in an interview
            # that ...", "said repeatedly in interviews that ...": when, where or how, then the words
            that = next((m for m in range(start + 1, min(n, start + 11)) if toks[m].lower == "that"
                         or (toks[m].text == ":" and m + 1 < n and toks[m + 1].text in "“\"")), None)
            if that is not None and toks[start].lower in _PLACE_PREPOSITIONS and any(t.lower in _FINITE for t in toks[start + 1:that]):
                return None  # "The deaths reported on Monday are a reminder that ...": a participle describing a noun
            if that is not None and all((t.word and (t.lower not in self.lex.verbs or toks[m - 1].lower in _DETERMINERS))
                                        or t.text == "," for m, t in enumerate(toks[start + 1:that], start + 1)):
                # ("in a call with reporters that ...": a verb's word after an article is a noun)
                # (also "wrote on X, formerly Twitter, that ...")
                start = that
        start = _after_time_phrase(toks, start)  # "said yesterday the talks failed": when, then the words
        if start < n and (toks[start].lower == "that" or toks[start].text == ":"):
            start += 1  # "said that ...", "said in a TV address: “...”"
        elif base in self.lex.object_verbs:
            that = next((m for m in range(start, min(n, start + 9)) if toks[m].lower == "that"), None)
            start = that + 1 if that is not None else self.skip_listener(toks, start)
        if start + 1 < n and toks[start].lower == "according" and toks[start + 1].lower == "to":
            # "These deals take time, he said according to a transcript": the words are before the verb
            if span[0] >= 3 and toks[span[0] - 1].text == ",":
                before = self.content_span(toks, 0, span[0] - 1)
                return self.make(before, info, toks[k], index, "after") if before is not None else None
            return None
        if not self.reports_words(toks, k, base, start, n):
            return None
        n = self.outlet_tail(toks, start, n)
        if toks[k].lower.endswith("ing") and k > 0 and toks[k - 1].lower in ("after", "before", "while", "since", "when"):
            # "Lee, after proposing the talks, had spurned ...": the words end with the inserted clause
            n = next((m for m in range(start, n) if toks[m].text == ","), n)
        content = self.content_span(toks, start, n)
        if content is None:
            return None
        content = self.clause_end(content)
        content = self.aside_end(toks, span, content)
        content = self.condition_end(toks, span, content)
        if toks[0].lower in _SUBORDINATE_OPENERS and 0 < span[0] <= 2:
            content = _opening_clause_end(toks, content)
        return self.make(content, info, toks[k], index, "before")

    def outlet_tail(self, toks: Sequence[_Tok], start: int, n: int) -> int:
        """Where the words end before a closing ", Ukrinform reports." (a second source that passes them on)."""
        comma = next((m for m in range(n - 1, start, -1) if toks[m].text == ","), None)
        if comma is None:
            return n
        tail = [t for t in toks[comma + 1:n] if t.text not in ".!"]
        if (2 <= len(tail) <= 5 and all(t.cap and t.word for t in tail[:-1]) and not tail[-1].cap
                and self.lex.verbs.get(tail[-1].lower) and tail[-1].lower.endswith(("s", "ed"))):
            return comma
        return n

    def reports_words(self, toks: Sequence[_Tok], k: int, base: str, start: int, n: int) -> bool:
        """False when what follows the verb is an object or a manner, not what was said.

        "declared a ceasefire", "announce a new strategy", "wrote books", "described it":
        after the verbs listed ``+thing`` in reporting_verbs.txt, a noun phrase with no verb
        of its own is a thing done, not words reported.
        "responds evasively to questions": the writer's judgement of how someone answered.
        "argued over why": a bare topic, with no content.
        """
        if start >= n:
            return False
        first = toks[start]
        if start == k + 1 and first.lower.endswith("ly") and len(first.lower) > 4 and first.lower not in ("only", "early"):
            following = toks[start + 1] if start + 1 < n else None
            if following is None or not following.word or following.lower in _PREPOSITIONS or following.lower == "to":
                return False  # "responds evasively.", "answered vaguely about ...": how, not what
        rest = toks[start:n]
        words = [t for t in rest if t.word]
        if (start == k + 1 and base == "say" and first.lower in _AMOUNTS_SAID
                and any(t.lower == "about" for t in words[:4])):
            return False  # "the retellings say little about how ...": a judgement of what is said, no words
        if start == k + 1 and (first.lower in _PREPOSITIONS or first.lower in ("over", "against")) and len(words) <= 2:
            return False
        if (start == k + 1 and first.lower == "about" and start + 1 < n
                and not (toks[start + 1].text[:1].isdigit() or toks[start + 1].lower in _ABOUT_AMOUNTS)):
            return False  # "What did Lee say about the attacks?", "spoke about the war": a topic, not the words
            # ("said about 40 people died": about a number is the words)
        if first.lower in ("but", "and", "or", "yet") or (start == k + 1 and first.lower in _REFLEXIVES):
            return False  # "assured Ukraine’s survival, but only ...", "will assert itself": no words follow
        if start > k + 1 and first.lower in _WHEN_OPENERS and toks[start - 1].lower != "that":
            return False  # "something a caller told a dispatcher before police arrived": when, not the words
            # ("noted that while some plans were discussed, ..." reports the whole clause)
        if base not in self.lex.thing_verbs or start != k + 1:
            return True  # "said that ...", "told the press (that) ...": words follow
        if base == "threaten" and first.lower == "to":
            return True  # "threatened to close the border": the threat itself ("threatens danger" is a thing)
        if first.cap or first.lower in _SUBJECT_PRONOUNS:
            return True  # "announced Smith had resigned", "wrote they were leaving": a clause follows
        return any(t.lower in _FINITE or t.text in "“”\":‘" for t in rest)

    def clause_end(self, content: tuple[int, int]) -> tuple[int, int]:
        """Stop the content where the writer takes over: ", but it is not clear ...", "; I think ..."."""
        text = self.text[content[0]:content[1]]
        closed = _QUOTE_THEN_CLAUSE.match(text)
        if closed:
            return content[0], content[0] + closed.end(1)  # 'said “to hell with that,” and Chancellor Kohl ...'
        dash = _DASH_TAKES_OVER.search(text) if _SPACED_DASH.search(text) else None
        if dash and dash.start() > 10 and len(_SPACED_DASH.findall(text)) == 1:
            # "... has failed riders - a claim officials rejected", "– despite previously admitting it": after
            # the one dash the writer comments (two dashes set off an aside inside the words)
            return content[0], content[0] + dash.start()
        if not _may_hand_over(text):
            return content
        match = _WRITER_TAKES_OVER.search(text)
        if match and match.start() > 10:
            return content[0], content[0] + len(text[:match.start()].rstrip(" ,;—–-"))
        return content


    def aside_end(self, toks: Sequence[_Tok], span: tuple[int, int], content: tuple[int, int]) -> tuple[int, int]:
        """Stop the words at the dash that closes an aside the report stands in: "Having taken heat — one
        analyst called it a disaster — the chief executive opened the call" ends at "disaster"."""
        if not any(self.spaced_dash(tok) for tok in toks[:span[0]]):
            return content
        closing = next((tok for tok in toks if content[0] < tok.start < content[1] and self.spaced_dash(tok)), None)
        if closing is None:
            return content
        end = self.text[content[0]:closing.start].rstrip(" ,;")
        return (content[0], content[0] + len(end)) if len(end.split()) >= 2 else content

    def condition_end(self, toks: Sequence[_Tok], span: tuple[int, int], content: tuple[int, int]) -> tuple[int, int]:
        """Stop the words at "then" when the report is the condition of the writer's own clause: "since the
        minister says it's so, then it must be so" ends at "it's so"."""
        if span[0] == 0 or toks[span[0] - 1].lower not in _CONDITIONS:
            return content
        then = _THEN.search(self.text, content[0], content[1])
        if then is None or then.start() - content[0] < 3:
            return content
        return content[0], then.start()

    def spaced_dash(self, tok: _Tok) -> bool:
        """A dash with a space before it: an aside's mark, not the hyphen of "45-year-old"."""
        return tok.text in "—–-" and tok.start > 0 and self.text[tok.start - 1].isspace()

    def content_before(self, toks: Sequence[_Tok], k: int, span: tuple[int, int]) -> tuple[int, int] | None:
        """The content of "..., sources said." (before the source) or "X, he said, Y" (around it), or None."""
        n = len(toks)
        tail = k + 1
        comma = span[0] - 1
        if comma < 2 or toks[comma].text != ",":
            return None
        described = next((m for m in range(comma - 1, 1, -1) if toks[m].text == ","), None)
        if described is not None and comma - described <= 9 and all(t.cap and t.word for t in toks[span[0]:span[1]]):
            lead = toks[described + 1:comma]
            if (lead[0].lower in _DETERMINERS or _is_possessive(lead[0].text)) and not _has_clause(lead):
                comma = described  # "..., Russia's chief negotiator, Bo Park, told reporters": his description, not words
        window = toks[tail : tail + 40]  # a short tail is all this rule looks at
        rest = [t for t in window if t.word]
        if (toks[k].lower.endswith("ing")
                or toks[span[0]].lower in ("who", "which", "that")
                or _clause_start(toks, 0, n) >= span[0]  # "In the meantime, he said ...": an opening phrase
                or any(not t.word and t.text in "“”\"" for t in window)
                or (tail < n and toks[tail].text == ":")):
            return None
        comma_after = next((m for m in range(tail, min(n, tail + 40)) if toks[m].text == ","), None)
        parenthetical = comma_after is not None and comma_after <= tail + 2  # "X, Lee said, Y"
        enough_before = sum(1 for t in toks[:comma] if t.word) >= (1 if parenthetical else 3)
        short_tail = (
            len(rest) <= 2 or comma_after is not None or rest[0].cap or rest[0].lower in _TAIL_STARTS
            or rest[0].lower in _MONTHS
            # "..., Kozak told a news conference.": a listener after "told" is no more of the words
            or (self.lex.verbs.get(toks[k].lower) in self.lex.object_verbs and len(rest) <= 4
                and rest[0].lower in _DETERMINERS)
        )
        inserted = parenthetical and enough_before and comma_after + 2 < n and sum(1 for t in toks[:comma] if t.word) >= 2
        if not inserted and (len(rest) > 8 or not enough_before or not short_tail or any(t.lower == "that" for t in rest)):
            return None
        if not parenthetical and (toks[0].lower in _DETERMINERS or _is_possessive(toks[0].text)) and not _has_clause(toks[:comma]) and all(
                t.cap and t.word for t in toks[span[0]:span[1]]):
            return None  # "The head of the council, Tim Park, reported this": a description of the name, not words
        before = self.content_span(toks, 0, self.inner_report_end(toks, comma))
        if before is None:
            return None
        if comma_after is not None and comma_after + 2 < n:
            if toks[comma_after + 1].lower in _WRITERS_TURN:
                return before  # "X, Microsoft says, but it has not ...": after the source, the writer goes on
            if toks[comma_after + 1].lower == "according" and toks[comma_after + 2].lower == "to":
                return before  # "X, he said, according to Tass": a second source, not more of his words
            tail_words = [t for t in toks[comma_after + 1:n] if t.word]
            if len(tail_words) <= 6 and self.lex.verbs.get(tail_words[-1].lower if tail_words else ""):
                return before  # "X, officials said, Reuters reports.": another source follows, not more words
            if toks[comma_after + 1].lower.endswith("ing") and self.lex.verbs.get(toks[comma_after + 1].lower):
                return before  # "X, Lee said on Telegram, adding that Y": Y is her next report, not more of X
            after = self.content_span(toks, comma_after + 1, n)
            if after is not None:
                return before[0], after[1]  # "X, he said, Y": the content runs around the inserted source
        return before


    def inner_report_end(self, toks: Sequence[_Tok], comma: int) -> int:
        """Where the words end in "X, officials said, Reuters reports" or "“X,” Lee said, listing ..., the
        paper reports": the second source reports the first one's words, so they end where the first
        source begins (after the closing quotation mark). Else `comma` itself."""
        for m in range(comma, 1, -1):
            if toks[m].text != "," or not self.lex.verbs.get(toks[m - 1].lower) or toks[m - 1].cap:
                continue
            verb = m - 1
            k = verb - 1
            while k > 0 and verb - k <= 5 and toks[k].word and toks[k].lower not in ("who", "which", "that"):
                k -= 1
            if k < verb - 1 and k >= 1 and toks[k].text == ",":
                return k  # "X, officials said, ..."
            if k < verb - 1 and k >= 1 and toks[k].text in "”\"" and toks[k - 1].text == ",":
                return k + 1  # "“X,” Lee said, ...": the quotation, with its closing mark
        return comma

    def skip_listener(self, toks: Sequence[_Tok], i: int) -> int:
        n = len(toks)
        if i < n and toks[i].lower in _DETERMINERS:
            i += 1
        capitals = i
        while i < n and toks[i].word and toks[i].cap and toks[i].text not in _MONTH_NAMES:
            i += 1
        if i < n and toks[i].word and not toks[i].cap and not (i > capitals and toks[i].lower in _DETERMINERS):
            i += 1  # "told reporters", but "told the Lima News the process failed": "the" opens the words
        i = _past_time_words(toks, i, manner=False)  # "told Lima voters this weekend he would ..."
        # a date: "April 27", "on Monday"
        if i < n and toks[i].lower == "on":
            i += 1
        while i < n and (toks[i].text in _MONTH_NAMES or toks[i].text.isdigit() or toks[i].text == ","):
            i += 1
        return i


    def make(self, content: tuple[int, int], info: dict[str, Any], cue: _Tok, index: int, where: str) -> _Attribution:
        self.resolver.note(index, info["name"], info["type"], _mention_words(info))
        side = "before" if where == "before" else "after"
        reason = (
            f"‘{cue.text}’ is a reporting verb (list: {_LISTS}/reporting_verbs.txt); "
            f"the words reported come {'after' if side == 'before' else 'before'} it, and "
            f"‘{info['mention']}’ is who they are attributed to"
        )
        note = _resolution_note(info)
        if note:
            reason += f" ({note})"
        reason += f"; this source counts as {_TYPE_WORDS[info['type']]}."
        return _Attribution(content[0], content[1], info["name"], info["start"], info["end"], info["type"],
                            cue.text, cue.start, cue.end, reason)


def _described_before(text: str) -> bool:
    """True for a short description and a comma from the start of some reported words up to a later source:
    "Lee said [the chief delegate, ]Ann Park, has told ...": Park's report is nested in Lee's words."""
    words = text.rstrip(", ").split()
    if not (text.endswith(", ") and text.count(",") == 1 and 1 < len(words) <= 6):
        return False
    if not (words[0].lower() in _DETERMINERS or _is_possessive(words[0])):
        return False  # a description opens with "the", "a" or an owner ("Russia’s chief delegate")
    return not _verb_among([w.lower() for w in words], ("ed", "es"))


#: The last stretch between commas before a source: "..., Russia's chief negotiator, " in "X, Russia's chief
#: negotiator, Bo Park, told reporters".
_DESCRIPTION_AT_END = re.compile(r",\s+([^,]{2,80},\s+)$")
#: "what" just before a source: "carrying out what he said was an attack" is a report nested in the words.
_WHAT_BEFORE = re.compile(r"\bwhat\s+$", re.IGNORECASE)
def _has_clause(toks: Sequence[_Tok]) -> bool:
    """True when the words hold a verb of their own (`_verb_among`, with -ed or -s) or a quotation."""
    return any(tok.text in "“\"" for tok in toks) or _verb_among([tok.lower for tok in toks], ("ed", "s"))




#: Words that open a description after an inverted speaker: "said Ann Lee, an astronomer at ...".
_APPOSITIVE_STARTS = frozenset("a an the who whose one head chief".split())
#: A dateline that opens a wire report's first sentence: "MOSCOW (REUTERS) - ", "KYIV, Ukraine (AP) — ",
#: "ANKARA, July 13 (Reuters) - ".
_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z .'-]{1,30}(?:(?:,\s*[A-Z][A-Za-z0-9 .]{1,20})?\s*\([A-Za-z .]{2,20}\)|,\s*[A-Z][A-Za-z .]{1,20})\s*[-–—]{1,2}\s+")
#: A United States politician's party and state or town after the name: "R-Baton", "D-Calif.", "R-Texas".
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.]*")
#: Where the writer takes over inside a run of reported words.
#: Where the writer takes over inside reported content: a doubt of the writer's own (", but it is
#: not clear"), the writer's "I" or "we", or a remark on what the speaker has not done (", but it
#: hasn't offered any details", ", but he did not say how"), which reports no words.
_WRITER_TAKES_OVER = re.compile(
    r",?\s+(?:but|yet|although|though)\s+(?:it(?:'s|’s| is| was| remains)\s+(?:not|un|far from)|there is no|I\b|we\b)"
    r"|,\s+it(?:'s|’s| is| was| remains)\s+(?:not clear|unclear|far from clear)"
    r"|,?\s+but\s+(?:it|he|she|they)\s+(?:(?:has|have|had|did|does|do)(?:n't|n’t|\s+not)|(?:has|have) yet to|gave no|"
    r"offered no|provided no|declined to)\b"
    r"|;\s+(?:I|we)\b"
    r"|,\s+and\s+(?:they|we|he|she|it)\s+(?:must|should)\b"  # "declared this, and they must confirm it": the writer's call
)
#: Verbs that report only a document's or data's finding ("the survey shows that ..."), never people's deeds.
_SHOWING = frozenset(("show",))
#: Words that open a condition or a reason, whose main clause may follow with "then".
_CONDITIONS = frozenset("since if because once when as".split())
#: "then" opening the main clause after a condition: "if Lee says so, then it is so".
_THEN = re.compile(r"(?<!\band)(?<!\bor)(?<!\bbut),?\s+then\s+(?=\w)")
#: A dash with spaces round it, as writers set off an aside ("Ann Lee – the mayor – said").
_SPACED_DASH = re.compile(r"\s[—–-]\s")
#: A dash, then the writer's comment on the words before it: "- a claim officials rejected", "– despite ...".
_DASH_TAKES_OVER = re.compile(
    r"\s[—–-]\s+(?:despite|though|although|even though|even as|whereas|a claim|a charge|an accusation|an allegation"
    r"|a view|a position|a stance|a remark|a comment|an assertion|and (?:the|a|an|his|her|their|its)\s+\w+\s+\w+ed)\b")
#: A string in every match of `_WRITER_TAKES_OVER` ("though" is in "although"; every "not clear",
#: "unclear" and "far from clear" holds "clear"). The pattern starts with white space, so the regex
#: engine tries it after every space of the content; a text holding none of them is not searched.
_HANDOVER_WORDS = ("but", "yet", "though", "clear", ";", "must", "should")


#: Verbs of wanting or planning: "wanted to say", "would like to explain" report nothing said yet.
_INTENTION = frozenset("want wants wanted wanting wish wishes wished like intend intends intended plan plans planned "
                       "fail fails failed failing".split())
#: Participles that name what something is taken for, in "a move hailed as a step forward".
_NAMED_AS = frozenset("hailed described touted billed portrayed depicted characterised characterized branded dismissed "
                      "praised criticised criticized denounced condemned welcomed".split())
#: Words after which a past participle with no subject is a shortened passive clause: "when asked".
_REDUCED_OPENERS = frozenset("when if after before once unless until while whenever".split())


def _reduced_passive(toks: Sequence[_Tok], k: int) -> bool:
    """True when the cue at k is a past participle in a passive with no one named as saying: "a move
    hailed as a step forward", "a plan described as bold", "shook his head when asked to show it", "a
    father accused of theft"."""
    low = toks[k].lower
    if not low.endswith("ed") or k == 0:
        return False
    before = toks[k - 1].lower
    if before in _REDUCED_OPENERS:
        return True
    if low == "accused" and k + 1 < len(toks) and toks[k + 1].lower == "of":
        return True  # "A father accused of striking his wife told police ...": the one accused, not the accuser
    return (low in _NAMED_AS and k + 1 < len(toks) and toks[k + 1].lower == "as" and before not in _PRONOUNS
            and toks[k - 1].word and not toks[k - 1].cap)  # ("the minister said as talks began that ...": "as" means while)


def _relative_verb(tok: _Tok) -> bool:
    """True when the word after "that" is a verb, so "that" opens a relative clause ("the comments that
    sparked a row") rather than someone's words ("the claim that prices rose")."""
    low = tok.lower
    return tok.word and not tok.cap and (low in _FINITE or (low.endswith("ed") and len(low) > 4))


#: Pronouns that make a verb of saying mean something else ("assert itself", "declared himself").
_REFLEXIVES = frozenset("itself himself herself themselves myself ourselves yourself".split())
#: Words that open a clause of time after a listener ("told a dispatcher before police arrived").
_WHEN_OPENERS = frozenset("before after until while when once".split())
#: Prepositions that open where or when something was said ("said in a statement that ...").
_PLACE_PREPOSITIONS = frozenset(("in", "on", "at", "during"))


def _past_time_words(toks: Sequence[_Tok], i: int, manner: bool) -> int:
    """The token after up to four words of time from token i ("yesterday", "last week", "earlier
    this month"), and with `manner` also -ly adverbs ("repeatedly"; not "only", "likely")."""
    n = len(toks)
    j = i
    while j < n and j < i + 4:
        low = toks[j].lower
        if low in ("last", "next", "this") and j + 1 < n and toks[j + 1].lower in _TIME_WORDS:
            j += 2
        elif (low in _TIME_WORDS and not toks[j].text.isdigit()) or (
                manner and low.endswith("ly") and len(low) > 4 and low not in ("only", "likely")):
            j += 1
        else:
            break
    return j


def _after_time_phrase(toks: Sequence[_Tok], i: int) -> int:
    """Where the words start when a time comes first: after "yesterday", "last week", "on Monday",
    "earlier this month" in "said yesterday the talks failed". Only when a clause's subject follows
    (an article, a pronoun or a capitalised word); otherwise `i` itself ("said Monday was a bad day")."""
    n = len(toks)
    j = i
    if j + 1 < n and toks[j].lower == "on" and toks[j + 1].lower in _MONTHS:
        j += 2
        while j < n and toks[j].text.isdigit():
            j += 1  # "on Sept. 5": the day of the month
    j = _past_time_words(toks, j, manner=False)
    if (j == i and j + 2 < n and toks[j].lower in ("on", "in") and toks[j + 1].cap and toks[j + 1].word
            and not toks[j + 2].cap and toks[j + 2].lower in _DETERMINERS):
        j += 2  # "said on X the talks produced ...", "said in Kyiv the plan ...": where, then the words
    if j == i or j >= n:
        return i
    following = toks[j]
    opens_clause = following.lower in _DETERMINERS or following.lower in _SUBJECT_PRONOUNS or following.lower == "it" or (
        following.cap and following.word and following.lower not in _TIME_WORDS)
    return j if opens_clause and following.lower != "that" else i


def _opens_circumstance(toks: Sequence[_Tok], i: int) -> bool:
    """True for words after a reporting verb that say when, where or how it was said, not the words:
    "in", "on", "at" or "during", or words of time and -ly adverbs ("Sunday", "last week", "earlier this
    month", "repeatedly") that are followed by "that" or by one of those prepositions ("said Sunday in an
    interview that ..."; not "proposed jointly owned drones that ...")."""
    n = len(toks)
    j = _past_time_words(toks, i, manner=True)
    return j < n and (toks[j].lower in _PLACE_PREPOSITIONS or toks[j].lower in _WHEN_PREPOSITIONS
                      or (j > i and toks[j].lower == "that"))


#: Prepositions of time after a reporting verb: "said after the talks that ...".
_WHEN_PREPOSITIONS = frozenset(("after", "before", "following"))


def _may_hand_over(text: str) -> bool:
    """False only when `_WRITER_TAKES_OVER` cannot match in `text`: none of `_HANDOVER_WORDS` is in it."""
    return any(map(text.__contains__, _HANDOVER_WORDS))


#: "say little / nothing / much about": how much is said, not what.
_AMOUNTS_SAID = frozenset("little nothing much less more something".split())
#: Words after "said about" that make it a number, not a topic ("said about a dozen people died").
_ABOUT_AMOUNTS = frozenset("a an one two three four five six seven eight nine ten twenty thirty forty fifty hundred half a dozen".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i you there".split())
_HYPOTHETICAL_SUBJECTS = frozenset("few anyone anybody nobody everyone everybody someone somebody many".split())


def _hypothetical(toks: Sequence[_Tok], span: tuple[int, int], k: int) -> bool:
    """'Few would argue', 'anyone would say', 'it is safe to say': not someone's reported words."""
    first = toks[span[0]].lower
    between = {t.lower for t in toks[span[1]:k]}
    if first in _HYPOTHETICAL_SUBJECTS and span[1] - span[0] == 1 and between & {"would", "could", "might"}:
        return True
    return first == "it" and k > 0 and toks[k - 1].lower == "to"


def _opening_clause_end(toks: Sequence[_Tok], content: tuple[int, int]) -> tuple[int, int]:
    """The words of "While Lee said that the plan would fail, Park disagreed" end at the comma
    that closes the opening clause (unless a quotation is open there)."""
    for tok in toks:
        if tok.start < content[0]:
            continue
        if tok.start >= content[1] or tok.text in "“”\"‘":
            break
        if tok.text == ",":
            return content[0], tok.start
    return content
