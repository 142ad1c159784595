"""Novices don't get stuck: code in the lessons' prose names only what the notebook defines, and every
"try it" prompt has a cell to try it in."""

from __future__ import annotations

import builtins
import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
LESSONS = sorted(p.name for p in NOTEBOOKS.glob("0[0-6]-*.ipynb"))


def defined_names(book: nbformat.NotebookNode) -> set[str]:
    names: set[str] = set(dir(builtins))
    for cell in book.cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            line = line.split("#", 1)[0]
            if m := re.match(r"\s*from\s+\S+\s+import\s+(.+)", line):
                names |= {part.split(" as ")[-1].strip() for part in m.group(1).split(",")}
            elif m := re.match(r"\s*import\s+(.+)", line):
                names |= {part.split(" as ")[-1].strip().split(".")[0] for part in m.group(1).split(",")}
            elif m := re.match(r"\s*([A-Za-z_][\w, ]*)=(?!=)", line):
                names |= {n.strip() for n in m.group(1).split(",") if n.strip()}
    return names


@pytest.mark.parametrize("name", LESSONS)
def test_code_in_the_prose_uses_names_the_notebook_defines(name: str) -> None:
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    names = defined_names(book)
    for cell in book.cells:
        if cell.cell_type != "markdown":
            continue
        for snippet in re.findall(r"`([^`]+)`", cell.source):
            first = re.match(r"\s*([A-Za-z_]\w*)\s*[.(\[]", snippet)
            if first:
                assert first.group(1) in names, f"{name}: the prose suggests `{snippet}`, but `{first.group(1)}` is not defined"


@pytest.mark.parametrize("name", LESSONS)
def test_every_try_it_prompt_is_followed_by_a_cell_to_try_in(name: str) -> None:
    cells = nbformat.read(NOTEBOOKS / name, as_version=4).cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown" and re.search(r"\*\*Try it[.:]?\*\*|### Try it", cell.source):
            following = cells[index + 1]
            assert following.cell_type == "code", f"{name}: no cell after the prompt {cell.source[:60]!r}"
            runnable = [l for l in following.source.splitlines() if l.strip() and not l.strip().startswith("#")]
            assert not runnable, f"{name}: the cell after a try-it prompt should be empty for the learner: {following.source!r}"


@pytest.mark.parametrize("name", LESSONS[1:])
def test_every_lesson_ends_with_exit_ticket_download_and_next(name: str) -> None:
    code = [c.source for c in nbformat.read(NOTEBOOKS / name, as_version=4).cells if c.cell_type == "code"]
    number = int(name[:2])
    assert code[-2:] == [f'w.question("exit-{number:02d}", folder="questions")', "w.download_button()"]


def test_pre_task_opens_and_post_task_closes_the_sequence() -> None:
    start = "\n".join(c.source for c in nbformat.read(NOTEBOOKS / LESSONS[0], as_version=4).cells)
    end = "\n".join(c.source for c in nbformat.read(NOTEBOOKS / LESSONS[-1], as_version=4).cells)
    assert 'w.reading_view(assessment_article("pre"))' in start and 'w.question("pre-task", folder="questions")' in start
    assert 'w.reading_view(assessment_article("post"))' in end and 'w.question("post-task", folder="questions")' in end
    assert "w.download_button()" in start
