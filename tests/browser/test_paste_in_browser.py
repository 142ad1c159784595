"""The paste and upload screen in JupyterLab, in a real browser with no internet.

A learner pastes nothing, then only a web page's menu lines, then a real article, then
uploads a file: each step ends in a plain message on the screen, the pasted text is never
lost, and the saved article becomes one of the lessons' pair. The notebook runs in its own
folder of the server's root, so the articles it saves never reach the other browser tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from test_notebooks_in_browser import PANEL, error_outputs, open_notebook, run_all

pytestmark = pytest.mark.browser

OWN_PAIR = Path(__file__).resolve().parents[1] / "data" / "own-pair"
MENU_ONLY = "Home\nNews\nSport\nWeather\nSubscribe\nSign in\nShare on Facebook\nFollow us"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _notebook(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    cells = [
        {"cell_type": "code", "execution_count": None, "id": "paste", "metadata": {}, "outputs": [],
         "source": "from workbook import widgets as w\nw.paste_article()"},
    ]
    book = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                                                         "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    (folder / "paste.ipynb").write_text(json.dumps(book), encoding="utf-8")
    return f"{folder.name}/paste.ipynb"


def _status(page) -> str:
    return page.locator(f"{PANEL} .wb-paste-problem, {PANEL} .wb-paste-saved").last.inner_text()


def _press_save(page, expect: str) -> str:
    page.locator(f"{PANEL} .widget-button", has_text="Save the article").click()
    page.wait_for_function(
        """([panel, expect]) => [...document.querySelectorAll(panel + ' .wb-paste-problem, ' + panel + ' .wb-paste-saved')]
            .some(el => el.innerText.includes(expect))""",
        arg=[PANEL, expect], timeout=90_000,
    )
    return _status(page)


def _pair_once_it_names(page, expect: str) -> str:
    """The pair shown under the screen, once it names `expect` (it is updated just after the message)."""
    page.wait_for_function(
        "([panel, expect]) => (document.querySelector(panel + ' .wb-pair')?.innerText || '').includes(expect)",
        arg=[PANEL, expect], timeout=30_000,
    )
    return page.locator(f"{PANEL} .wb-pair").inner_text()


def test_paste_and_upload_in_the_browser(offline_page, lab_server) -> None:
    page = offline_page.page
    folder = lab_server.root / "paste-test"
    name = _notebook(folder)
    open_notebook(offline_page, lab_server, name)
    run_all(offline_page)
    assert error_outputs(offline_page) == []
    box = page.locator(f"{PANEL} .widget-textarea textarea").first
    box.wait_for(timeout=60_000)

    # An empty paste: a clear message, nothing saved.
    message = _press_save(page, "Not saved")
    assert "box is empty" in message and "Traceback" not in message
    assert not (folder / "my-articles").exists()

    # Only a web page's menu lines: a clear message, and the text stays in the box.
    box.fill(MENU_ONLY)
    message = _press_save(page, "found no article")
    assert "still in the box" in message
    assert box.input_value() == MENU_ONLY
    assert not (folder / "my-articles").exists()

    # A real article, with the author typed in: saved, checked, and text 1 of the pair.
    article = (OWN_PAIR / "bridge_council.txt").read_text(encoding="utf-8")
    box.fill(article)
    page.locator(f"{PANEL} .widget-text input").nth(1).fill("Hanna Kowalczyk")
    message = _press_save(page, "Saved")
    assert "Town votes to rebuild the old river bridge" in message and "Hanna Kowalczyk" in message
    saved = folder / "my-articles" / "town-votes-to-rebuild-the-old-river-bridge.txt"
    assert saved.read_text(encoding="utf-8") == article
    pair = _pair_once_it_names(page, "Town votes")
    assert re.search(r"Text 1: “Town votes to rebuild the old river bridge” by Hanna Kowalczyk", pair)

    # The box and fields are cleared for the next article. Upload a file as text 2: saved byte for byte, named in the pair.
    assert box.input_value() == "" and page.locator(f"{PANEL} .widget-text input").nth(1).input_value() == ""
    page.locator(f"{PANEL} .widget-radio-box label", has_text="text 2").click()
    upload = OWN_PAIR / "library_closing.txt"
    with page.expect_file_chooser() as chooser:
        page.locator(f"{PANEL} .widget-upload").click()
    chooser.value.set_files(str(upload))
    page.wait_for_function(
        "(panel) => /\\(1\\)/.test(document.querySelector(panel + ' .widget-upload')?.innerText || '')",
        arg=PANEL, timeout=30_000,
    )
    message = _press_save(page, "The last library in the valley")
    assert "Saved" in message
    assert (folder / "my-articles" / "library-closing.txt").read_bytes() == upload.read_bytes()  # named after the file
    pair = _pair_once_it_names(page, "The last library")
    assert "Text 1: “Town votes" in pair and "Text 2: “The last library in the valley closes its doors” by Tomas Berg" in pair
    assert offline_page.blocked == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "paste-screen.png"), full_page=True)
