"""A web page pasted whole: clutter lines, the headline after the menus, captions, dates, re-flowed lines.

The clutter lines below are written in the forms the dev pages in
``../shared/benchmarks/webpages-dev`` print (names changed; no page's text is copied here).
The last tests read those pages in place when they are there, and skip when not.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

from workbook import article_from_text, load_article
from workbook.blocks import is_boilerplate, is_credit, segment
from workbook.blocks.page import is_code_or_markup, is_consent_notice
from workbook.blocks.segmenting import byline_name, byline_with_date, is_caption

DEV_PAGES = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "webpages-dev"

CLUTTER = {
    "menu": ["Skip to main content", "Jump to navigation Skip navigation", "Accessibility links", "Sign in",
             "Log In", "Menu", "Sections", "Search", "My Account", "Subscribe", "SUBSCRIBE NOW", "Show More",
             "Site Navigation", "Close search", "Loading...", "Back to top", "Newsletter"],
    "share": ["Share", "Tweet", "Email", "Pin it", "Reblog", "Save", "Print", "Copied!", "Share this story",
              "Share on Facebook", "Share on Twitter", "Share via Email", "SHARE", "TWEET", "Read Later",
              "Follow us on Instagram", "SIGN UP FOR OUR NEWSLETTER", "Get Updates"],
    "advertisement": ["Advertisement", "AdChoices", "Supported by", "Sponsored content", "Sponsored by Acme"],
    "read more": ["READ MORE: Minister resigns after vote", "Read more", "Related: The bridge that fell",
                  "Related Articles", "Continue reading the main story", "More stories", "From around the web",
                  "Recommended", "Up Next Governments and social media"],
    "comments": ["941 comments", "75 with 51 posters participating", "Comments", "reader comments", "653,817 VIEWS",
                 "Comment on this article", "View comments", "Join the conversation"],
    "cookies": ["We use cookies to improve your experience. By continuing you agree to our Cookie Policy.",
                "Accept all cookies", "Cookie settings", "Privacy Policy"],
    "footer": ["© 2017 The Example Company. All rights reserved.", "Terms of Use", "Privacy", "Contact Us",
               "About Us", "Careers", "1 of 10 articles read"],
}


@pytest.mark.parametrize("kind", sorted(CLUTTER))
def test_each_kind_of_clutter_line_is_boilerplate(kind: str) -> None:
    for line in CLUTTER[kind]:
        assert is_boilerplate(line) or is_consent_notice(line), f"{kind}: {line!r}"


@pytest.mark.parametrize("line", [
    "The minister said the bridge would reopen in May.", "Share prices fell by 4 percent on Monday.",
    "Comments from the minister were brief.", "Privacy campaigners said the law went too far, and would challenge it.",
    "Related to this, the council has asked for more money.", "Search teams worked through the night.",
])
def test_article_sentences_that_start_like_clutter_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line) and not is_consent_notice(line)


@pytest.mark.parametrize("line", ['"headline": "A title",', "window._q = window._q || [];", "});", "{",
                                  '<div> <img src="//t.example/c.gif" width="1" height="1" alt="" /> </div>',
                                  "mode: 'thumbnails-b',"])
def test_code_shown_as_text_is_recognised(line: str) -> None:
    assert is_code_or_markup(line)


def test_prose_with_colons_and_brackets_is_not_code() -> None:
    for line in ("The minister said: “We will win.”", "Prices (in euros) rose; wages did not.", "Update: the vote is on Tuesday."):
        assert not is_code_or_markup(line)


@pytest.mark.parametrize("line", ["Getty Images", "JANE DOE/AFP/Getty Images", "Reuters/Jane Doe", "AP Photo/Jane Doe",
                                  "Photo: Jane Doe", "(Photo by Jane Doe/Getty Images)", "Credit Jane Doe",
                                  "Image copyright Getty Images", "(All photos: Jane Doe)"])
def test_photo_credits(line: str) -> None:
    assert is_credit(line), line


@pytest.mark.parametrize("line", ["Image caption Protesters gathered outside the council on Monday",
                                  "Media caption The minister told reporters the bridge was unsafe",
                                  "Whale expert Jane Doe at her farm. Photograph: John Roe for the Paper",
                                  "The cabaret in Paris at night Jane Doe/Reuters"])
def test_captions(line: str) -> None:
    assert is_caption(line), line


def test_a_credit_is_not_a_sentence_about_an_agency() -> None:
    assert not is_credit("Reuters reported that the talks had failed, citing two officials.")
    assert not is_caption("Reuters reported that the talks had failed, citing two officials in the capital on Monday.")


@pytest.mark.parametrize(("line", "name"), [
    ("By JANE DOE JAN. 13, 2017", "JANE DOE"), ("Jane Doe - Apr 16, 2015 8:02 pm UTC", "Jane Doe"),
    ("by Jane Doe January 18, 2017 11:00 PM PST", "Jane Doe"), ("Jane Doe 1 day ago", "Jane Doe"),
    ("Jane Doe • 8h", "Jane Doe"), ("by: Jane Doe", "Jane Doe"),
])
def test_bylines_run_into_a_date(line: str, name: str) -> None:
    assert byline_with_date(line) or line.startswith("by:"), line
    assert byline_name(line) == name


def _page(article: list[str]) -> str:
    menu = ["Skip to main content", "Home", "News", "World", "Business", "Sport", "Culture", "Opinion", "Travel",
            "Sign in", "Subscribe", "Search", "Europe", "Ukraine war", "Economy"]
    header = ["World", "Bridge talks collapse as both sides walk out", "By JANE DOE MARCH 4, 2025",
              "Share", "Tweet", "Email", "941 comments", "JANE DOE/AFP/Getty Images"]
    related = ["Related", "Ministers meet in Vienna", "Jane Roe", "Mar 1, 2025", "Talks set to resume", "John Roe",
               "Feb 27, 2025"]
    footer = ["Most popular", "The river is rising again", "A village votes to stay", "Advertisement",
              "We use cookies to improve your experience. By continuing you agree to our Cookie Policy.",
              "Terms of Use", "Privacy Policy", "Contact Us", "© 2025 The Example Company. All rights reserved."]
    middle = article[:2] + ["Advertisement", "READ MORE: Minister resigns after vote"] + article[2:4] + related + article[4:]
    return "\n".join(menu + header + middle + footer)


ARTICLE = [
    "Talks on the future of the river crossing collapsed on Tuesday when both delegations left the room after less than an hour, officials said.",
    "“There is nothing left to discuss today,” the lead negotiator told reporters outside the building, adding that her side would not return this week.",
    "The crossing has been closed to traffic since January, when inspectors found cracks in two of its five arches and ordered it shut.",
    "Local businesses say the closure costs them about 40,000 euros a week, and a group of hauliers has threatened to block the main road in protest.",
    "Both sides said they were still willing to meet again, but neither gave a date, and the regional governor said he would ask for outside help.",
]


def test_a_pasted_page_keeps_the_article_and_marks_everything_else() -> None:
    article = article_from_text(_page(ARTICLE), id="pasted-page")
    assert article.title == "Bridge talks collapse as both sides walk out"
    assert (article.author, article.date) == ("JANE DOE", dt.date(2025, 3, 4))
    body = [b.text for b in article.block_list if b.role == "body"]
    assert body == ARTICLE
    roles = {b.text: b.role for b in article.block_list}
    for line in ("Share", "941 comments", "READ MORE: Minister resigns after vote", "Ministers meet in Vienna",
                 "Most popular", "Terms of Use", "Home", "Europe"):
        assert roles[line] == "boilerplate", line
    assert roles["JANE DOE/AFP/Getty Images"] == "credit"


def test_clutter_is_never_analysed() -> None:
    article = article_from_text(_page(ARTICLE), id="pasted-page")
    skipped = {b.index for b in article.block_list if b.role in ("boilerplate", "credit")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for module, name in (("sourcing", "quotes"), ("sourcing", "attributions"), ("figures", "figures"),
                             ("timeline", "time_refs"), ("rhetoric", "markers")):
            frame = getattr(importlib.import_module(f"workbook.{module}"), name)(article)
            blocks = set(frame["block"].dropna().astype(int)) if len(frame) else set()
            assert not blocks & skipped, f"{module}.{name} analysed clutter blocks {sorted(blocks & skipped)}"


def test_a_paste_of_only_menu_lines_has_no_body() -> None:
    article = article_from_text("\n".join(CLUTTER["menu"] + CLUTTER["share"]), id="menus")
    assert not [b for b in article.block_list if b.role in ("body", "standfirst", "subheading")]


def test_an_ordinary_article_is_not_taken_for_a_page() -> None:
    text = "Bridge talks collapse\n\nBy Jane Doe\n\n4 March 2025\n\n" + "\n\n".join(ARTICLE)
    assert [b.role for b in segment(text)] == ["headline", "byline", "dateline"] + ["body"] * len(ARTICLE)


def test_hard_wrapped_lines_under_the_header_are_reflowed() -> None:
    wrapped = "\n".join(textwrap.fill(p, 70) for p in ARTICLE[1:3])
    article = article_from_text("Bridge talks collapse\nBy Jane Doe\nMay 3, 2024\n" + wrapped)
    body = [" ".join(b.text.split()) for b in article.block_list if b.role == "body"]
    assert body == ARTICLE[1:3]
    quotes = importlib.import_module("workbook.sourcing").quotes(article)
    assert any("nothing left to discuss" in text for text in quotes["text"]), "the quote across two lines was lost"


# ---- the dev pages, read in place ------------------------------------------------------------------------


def _dev_pages() -> list[Path]:
    if not DEV_PAGES.is_dir():
        pytest.skip("../shared/benchmarks/webpages-dev is not beside the repository")
    return sorted(p for p in DEV_PAGES.iterdir() if (p / "pasted.txt").is_file())


def test_on_the_dev_pastes_clutter_lines_are_never_body() -> None:
    generic = {line.casefold() for lines in CLUTTER.values() for line in lines}
    seen = 0
    for page in _dev_pages():
        article = load_article(page / "pasted.txt", metadata={})
        for block in article.block_list:
            if block.text.strip().casefold() in generic:
                seen += 1
                assert block.role == "boilerplate", (page.name, block.text)
    assert seen >= 50  # the forms above really occur in the pages


def test_on_the_dev_pastes_headline_and_precision_meet_the_aims() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench import webpages

    pages = _dev_pages()
    scores = webpages.run(DEV_PAGES, {"paste": webpages.read_paste})
    paste = scores["paste"]
    assert len(paste.title) == len(pages)
    for metric, aim in webpages.AIMS["paste"].items():
        assert paste.value(metric) >= aim, (metric, paste.value(metric))
