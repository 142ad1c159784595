"""Whether a one-word name is a person, or a place or organisation, from how the article uses it.

"Microsoft says it ...", "Sudan, which ...", "in Sudan": the article treats these
names as things that speak as "it", or as places, so a source named by one of
them is an organisation (a company, or a country speaking through its
government). A name the article also uses after a title ("Dr. Lake") or a given
name ("Jane Tull"), or before ", who", stays a person.
"""

from __future__ import annotations

import re

from workbook.sourcing.words import _DETERMINERS, _INTRO, _PLACE_STARTS, _STOP

_SAYS_IT = re.compile(
    r"(?:['’]s)?\s+(?:(?:has|had|now|also)\s+)?(?:says?|said|believes?|claims?|argues?|insists?|announced|announces)"
    r"\s+(?:that\s+)?(?:it|its|it['’]s)\b"
)
_WHICH = re.compile(r",\s+which\b")
_WHO = re.compile(r",\s+who\b")
_PLURAL_VERB = re.compile(r"\s+(?:believe|say|are|were|have)\s+(?:that|been|not|it|its)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|inside|into)\s+$")
_PLACE_AFTER_NOT = re.compile(r"['’]s|\s+[A-Z]|-")
_AND_BEFORE = re.compile(r"(?:\band|[A-Z][a-z]) $")
_FIRST_BEFORE = re.compile(r"\b([A-Z][a-z]+\.?)[ \t]+$")
#: A company's full name after its short one: "Motorola Mobility", "Huawei Technologies", "Cisco Systems Inc".
_COMPANY_AFTER = re.compile(
    r"[ \t]+(?:Inc|Corp|Corporation|Group|Technologies|Systems|Mobility|Holdings|Ltd|Co|Motors|Airlines|Industries|Media|Labs)\b")


class NameKinds:
    """Answers "is this one-word name a place or an organisation here?" for one article, name by name."""

    def __init__(self, text: str, titles: frozenset[str], common: frozenset[str]) -> None:
        self.text = text
        self.titles = titles
        self.common = common
        self.known: dict[str, bool] = {}

    def is_thing(self, name: str) -> bool:
        """True when the article treats `name` as a place or organisation and never as a person."""
        if name not in self.known:
            places = self._places(name) if name[:1].isupper() else []
            self.known[name] = bool(places) and any(self._thing(name, p) for p in places) and not any(
                self._person(name, p) for p in places)
        return self.known[name]

    def _places(self, name: str) -> list[int]:
        """Where `name` stands as a whole word in the text."""
        found, start, text = [], 0, self.text
        while (at := text.find(name, start)) >= 0:
            end = at + len(name)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")) and (
                    end == len(text) or not (text[end].isalnum() or text[end] == "_")):
                found.append(at)
            start = end
        return found

    def _thing(self, name: str, at: int) -> bool:
        text, end = self.text, at + len(name)
        if _SAYS_IT.match(text, end) or _WHICH.match(text, end) or _COMPANY_AFTER.match(text, end):
            return True  # ("Motorola Mobility’s efforts": the article names the company in full)
        if _PLACE_BEFORE.search(text, max(0, at - 12), at) and not _PLACE_AFTER_NOT.match(text, end):
            return True  # "in Sudan"
        return (not name.endswith("s") and _PLURAL_VERB.match(text, end) is not None
                and not _AND_BEFORE.search(text, max(0, at - 4), at))  # "Facebook believe that"

    def _person(self, name: str, at: int) -> bool:
        if _WHO.match(self.text, at + len(name)):
            return True  # "Lake, who ..."
        before = _FIRST_BEFORE.search(self.text, max(0, at - 20), at)
        if before is None:
            return False
        low = before.group(1).lower()
        if low in _PLACE_STARTS:
            return False
        return low.rstrip(".") in self.titles or (low not in self.common and low not in _STOP and low not in _INTRO
                                                  and low not in _DETERMINERS and not low.endswith("."))
