"""Narrow the two loaded-language lists taken from sentiment lexicons to words that judge.

This is how ``loaded-vader.txt`` and ``loaded-pattern.txt`` were narrowed (step 2 of
their "how this file was made" notes); it is not used at run time. Run it from the
repository's top folder with TextBlob 0.20.1 installed (MIT licence; it ships the
part-of-speech lexicon ``textblob/en/en-lexicon.txt`` of the Pattern library: the
lexicon of Brill's tagger, trained on the Brown corpus and the Penn Treebank's Wall
Street Journal news text)::

    python tools/narrow_loaded_lists.py

A word is kept when

- its usual part of speech in news text (the first tag the Brill lexicon gives it) is
  an adjective or an adverb (JJ, JJR, JJS, RB, RBR, RBS), or the word is not in that
  lexicon at all (rare words): words that describe and judge ('brutal', 'cynically');
- or (VADER only) it is usually a noun and rated negative ('atrocity', 'repression'): a
  harsh name for what happened; Pattern rates adjectives, so a word of its list that is
  usually a noun or a verb in news ('criminal', 'offensive') is left out;
- or it is rated very strongly by VADER's raters (mean at most -3.0 or at least +3.0),
  whatever its part of speech.

Left out: verbs and positive nouns of ordinary strength, which in news reports mostly
name what someone did or said ('condemned', 'threatened', 'rejected', 'elected',
'supporters'), rather than colour it. The choice of rule and threshold was measured on
the dev half of the SemEval-2023 articles (``python -m bench.rhetoric --split dev``)
and checked on the other half; no word was picked or dropped one by one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "workbook" / "data" / "lexicons"
STRONG = 3.0
DESCRIBING = ("JJ", "RB")
NOTE = (
    "# step 2 (narrow_loaded_lists.py beside this file): kept only words whose usual part of speech in news\n"
    "#   text (the Brill lexicon shipped by TextBlob 0.20.1) is an adjective or adverb, or that it does not\n"
    "#   list; nouns rated negative; and any word VADER's raters put at 3.0 or more either way. Verbs and positive nouns\n"
    "#   of ordinary strength ('condemned', 'elected') mostly name what was done or said in a news report.\n"
)

PATTERN_NOTE = (
    "# step 2 (narrow_loaded_lists.py beside this file): kept only words whose usual part of speech in news\n"
    "#   text (the Brill lexicon shipped by TextBlob 0.20.1) is an adjective or adverb, or that it does not\n"
    "#   list: Pattern rates adjectives, and a word usually read as a noun or verb ('criminal') is mostly not one.\n"
)


def brill_tags() -> dict[str, str]:
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    tags: dict[str, str] = {}
    capitalised: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith(";"):
            word = parts[0]
            if word.islower():
                tags.setdefault(word, parts[1])
            else:
                capitalised.setdefault(word.lower(), parts[1])
    # A word seen only with a capital ('Bleak' in a title) keeps that tag; lower case wins otherwise.
    return {**capitalised, **tags}


def keep(word: str, value: float, tags: dict[str, str], nouns: bool = True) -> bool:
    tag = tags.get(word.lower())
    if tag is None or tag.startswith(DESCRIBING):
        return True
    if nouns and tag.startswith("NN") and value < 0:
        return True
    return nouns and abs(value) >= STRONG


def narrow(path: Path, tags: dict[str, str], value_of, nouns: bool = True, note: str = "") -> tuple[int, int]:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out, kept, dropped, noted = [], 0, 0, any(line.startswith("# step 2") for line in lines)
    for line in lines:
        if line.startswith("#") or not line.strip():
            out.append(line)
            continue
        if not noted:
            # the note goes after the 'how this file was made' note
            out.insert(_after_made(out), note or NOTE)
            noted = True
        word, _, rating = line.rstrip("\n").partition("\t")
        if keep(word, value_of(rating), tags, nouns):
            out.append(line)
            kept += 1
        else:
            dropped += 1
    path.write_text("".join(out), encoding="utf-8")
    return kept, dropped


def _after_made(lines: list[str]) -> int:
    """Index just after the 'how this file was made' note and its indented continuation lines."""
    for i, line in enumerate(lines):
        if line.startswith("# how this file was made"):
            j = i + 1
            while j < len(lines) and lines[j].startswith("#   "):
                j += 1
            return j
    return len(lines)


def main() -> int:
    tags = brill_tags()
    vader = narrow(FOLDER / "loaded-vader.txt", tags, lambda note: float(note.split()[0]))
    pattern = narrow(
        FOLDER / "loaded-pattern.txt",
        tags,
        lambda note: float(re.search(r"polarity ([-+]?\d\.\d+)", note).group(1)),
        nouns=False,
        note=PATTERN_NOTE,
    )
    print(f"loaded-vader.txt: kept {vader[0]}, left out {vader[1]}")
    print(f"loaded-pattern.txt: kept {pattern[0]}, left out {pattern[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
