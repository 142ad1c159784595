import json
import pytest
from test_notebooks_in_browser import PANEL, error_outputs, open_notebook, run_all
pytestmark = pytest.mark.browser

def test_look(offline_page, lab_server):
    folder = lab_server.root / "look"
    folder.mkdir(exist_ok=True)
    src = ("from workbook import widgets as w, article_from_text\n"
           "a = article_from_text(open('/work/s4/rs.txt').read(), id='rs')\n"
           "b = article_from_text(open('/work/s4/td.txt').read(), id='td')\n"
           "w.highlighter([a, b])")
    book = {"cells": [{"cell_type": "code", "execution_count": None, "id": "c", "metadata": {}, "outputs": [], "source": src}],
            "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}
    (folder / "look.ipynb").write_text(json.dumps(book))
    open_notebook(offline_page, lab_server, "look/look.ipynb")
    run_all(offline_page)
    page = offline_page.page
    page.wait_for_timeout(2000)
    page.locator(f"{PANEL} .widget-button", has_text="Show all").click()
    page.wait_for_timeout(3000)
    page.locator(f"{PANEL} .jp-OutputArea-output").first.scroll_into_view_if_needed()
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(500)
    page.screenshot(path="/work/scratch/look3.png")
    page.mouse.wheel(0, 900)
    page.wait_for_timeout(500)
    page.screenshot(path="/work/scratch/look4.png")
    print(error_outputs(offline_page))
