"""The printable handout in a real browser: hostile article text shows as characters, no script runs."""

from __future__ import annotations

import pytest

from workbook import article_from_text
from workbook.handout import handout_html

pytestmark = pytest.mark.browser

HOSTILE = (
    "Headline <script>window.__owned = 1; alert('x')</script>\n\n"
    "By Eve Writer\nMay 1, 2024\n\n"
    "The body hides <img src=x onerror=\"window.__owned = 2; alert(2)\"> and <b>bold</b> words.\n"
)
PLAIN = "A calm headline\n\nBy Sam Writer\nMay 2, 2024\n\nThe body has 12 people in it.\n"


def test_handout_shows_markup_as_text_and_runs_nothing(offline_page) -> None:
    page = offline_page.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    articles = [article_from_text(HOSTILE, id="hostile"), article_from_text(PLAIN, id="plain")]
    page.set_content(handout_html(articles), wait_until="load")
    page.wait_for_timeout(500)
    body = page.inner_text("body")
    # Highlight tags (numbered labels) may sit between the words, so look for the pieces.
    assert "<script>" in body and "</script>" in body
    assert "<img src=x onerror=" in body and "<b>" in body and "</b>" in body
    assert page.evaluate("() => window.__owned") is None
    assert dialogs == []
    assert page.locator("img, script:not([type])").count() == 0
