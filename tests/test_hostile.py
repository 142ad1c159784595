"""Hostile input, without a browser: markup in an article never becomes markup on screen.

A teacher may paste a web page's text, or a mischievous learner may plant
``<img src=x onerror=...>`` in an article or its metadata. Everywhere the
workbook turns text into HTML (the highlighter, the explorer, every table's
HTML view, the handout), the planted markup must come out as characters, never
as tags, attributes or ``javascript:`` links. The real-browser check (the
planted article shown in JupyterLab, no script fires) is in tests/browser/.

Also here: a pseudonym, question id or article name holding path characters
(``../``, ``/``, NUL) never makes the answers store write outside its folder.

Every module is imported for real: a missing one is a failure, not a skip.
"""

from __future__ import annotations

import html
import importlib
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook import ArticleError, article_from_text, load_article

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    '"><svg onload=window.__pwned=1>',
    "' onmouseover='window.__pwned=1' x='",
    '<a href="javascript:window.__pwned=1">click</a>',
    "</mark></p></div><iframe src=javascript:window.__pwned=1></iframe>",
    "<style>/*planted*/*{display:none}</style>",
    "&lt;b&gt; already escaped &amp; <b>bold</b>",
]
#: Tags the workbook never needs and an attacker would use.
DANGEROUS_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "link", "base", "form",
                  "input", "video", "audio", "math"}


class Markup(HTMLParser):
    """Records every tag, attribute and piece of text in an HTML string."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.data: list[str] = []
        self.styles: list[str] = []  # text inside <style> (pandas writes its own; a planted one must not appear)
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.data).append(data)


def assert_inert(markup: str, where: str) -> str:
    """No dangerous tag, no event-handler attribute, no javascript: URL; returns the visible text."""
    parser = Markup()
    parser.feed(markup)
    parser.close()
    for tag, attributes in parser.tags:
        assert tag not in DANGEROUS_TAGS, f"{where}: a <{tag}> tag came through: {attributes}"
        if tag == "meta":  # a page's own <meta charset> or viewport; never a refresh
            assert "http-equiv" not in [name.lower() for name, _ in attributes], f"{where}: <meta {attributes}>"
        for name, value in attributes:
            assert not name.lower().startswith("on"), f"{where}: event handler {name}= on <{tag}>"
            assert not (value or "").strip().lower().startswith("javascript:"), f"{where}: javascript: URL"
            assert name.lower() not in ("x", "src", "onerror"), f"{where}: planted attribute {name} on <{tag}>"
    assert not any("/*planted*/" in style for style in parser.styles), f"{where}: the planted <style> came through"
    return "".join(parser.data)


def hostile_text(payloads: list[str] = PAYLOADS) -> str:
    body = " ".join(
        f"Paragraph {n} quotes the minister: “{payload}” and says 45 percent of {payload} in 2014."
        for n, payload in enumerate(payloads)
    )
    return (
        f"{payloads[0]} headline\n\nBy Ann Lee\n\nMay 12, 2025\n\n{body}\n\n"
        + "\n\n".join(f"The analysts said {payload} cynically, so-called experts agree." for payload in payloads)
        + "\n\nSources\n\n[1] https://example.org/<img src=x>\n\n2. javascript:alert(1)\n"
    )


#: What a file may hold and still be read as an article: the loader refuses files with two or
#: more signs of a saved web page (``<script``, ``<div`` ...), see the test below.
FILE_PAYLOADS = [payload for payload in PAYLOADS if "<script" not in payload]


@pytest.fixture(scope="module")
def planted():
    """An article whose text and metadata are full of markup."""
    metadata = {"title": PAYLOADS[0], "author": PAYLOADS[2], "publisher": PAYLOADS[1], "label": PAYLOADS[3]}
    return article_from_text(hostile_text(), id=PAYLOADS[0], metadata=metadata)


@pytest.fixture(scope="module")
def planted_file(tmp_path_factory):
    """The same text read from a file whose name holds markup (Linux allows it)."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "<img src=x onerror=alert(1)>.txt"
    path.write_text(hostile_text(FILE_PAYLOADS), encoding="utf-8")
    return load_article(path)


def test_a_file_full_of_script_tags_is_refused_as_a_web_page(tmp_path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(hostile_text(), encoding="utf-8")
    with pytest.raises(ArticleError, match="HTML"):
        load_article(path)


# ---- tables ------------------------------------------------------------------------------------------

EXTRACTORS = [
    ("sourcing", "quotes"), ("sourcing", "attributions"), ("sourcing", "citations"),
    ("figures", "figures"), ("figures", "checks"), ("timeline", "time_refs"),
    ("rhetoric", "markers"), ("findings", "findings"),
]


def test_the_segment_tables_show_markup_as_text(planted) -> None:
    for name in ("blocks", "sentences"):
        frame = getattr(planted, name)
        shown = assert_inert(frame._repr_html_(), f"article.{name}")
        assert "<img src=x" in shown or "<img src=x" in html.unescape(shown)


@pytest.mark.parametrize(("module", "name"), EXTRACTORS, ids=lambda value: value)
def test_every_extractor_table_shows_markup_as_text(planted, module: str, name: str) -> None:
    loaded = importlib.import_module(f"workbook.{module}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = getattr(loaded, name)(planted)
    assert isinstance(frame, pd.DataFrame)
    assert_inert(frame._repr_html_() or "", f"{module}.{name} _repr_html_")
    assert_inert(frame.to_html(), f"{module}.{name} to_html")


@pytest.mark.parametrize(("module", "name"), [("compare", "compare"), ("sourcing", "summary"), ("timeline", "events")])
def test_tables_over_several_articles_show_markup_as_text(planted, planted_file, module: str, name: str) -> None:
    loaded = importlib.import_module(f"workbook.{module}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = getattr(loaded, name)([planted, planted_file])
    assert_inert(frame._repr_html_() or "", f"{module}.{name}")


# ---- the highlighter and the explorer ------------------------------------------------------------------------


def test_the_highlighter_html_shows_markup_as_text(planted, planted_file) -> None:
    widgets = importlib.import_module("workbook.widgets")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        markup = widgets.highlight_html([planted, planted_file])
    shown = assert_inert(markup, "highlight_html")
    # The headline (metadata title) is shown literally; the file's own name is kept only as an escaped attribute
    # (learners see titles and authors, never file ids).
    assert PAYLOADS[0] in shown
    assert 'data-article="&lt;img src=x onerror=alert(1)&gt;"' in markup
    assert "<script>window.__pwned=1</script>" in shown  # the publisher, in the header


def _html_values(widget) -> list[str]:
    """The HTML strings of `widget` and everything inside it."""
    values = []
    if type(widget).__name__ in ("HTML", "HTMLMath") and isinstance(getattr(widget, "value", None), str):
        values.append(widget.value)
    for child in getattr(widget, "children", ()) or ():
        values.extend(_html_values(child))
    return values


@pytest.mark.parametrize("maker", ["highlighter", "explorer"])
def test_the_widgets_show_markup_as_text(planted, maker: str) -> None:
    widgets = importlib.import_module("workbook.widgets")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        widget = getattr(widgets, maker)([planted])
    values = _html_values(widget)
    assert values, f"{maker} has no HTML views to check"
    for value in values:
        assert_inert(value, maker)


def test_the_explorer_context_shows_markup_as_text(planted) -> None:
    widgets = importlib.import_module("workbook.widgets")
    findings = importlib.import_module("workbook.findings")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = findings.findings(planted)
    assert len(table)
    for row in table.head(40).to_dict("records"):
        assert_inert(widgets._context_html(planted, row), "explorer context")


# ---- the handout --------------------------------------------------------------------------------------------


def test_the_handout_shows_markup_as_text(planted, planted_file, tmp_path: Path) -> None:
    handout = importlib.import_module("workbook.handout")
    maker = next((getattr(handout, name) for name in ("handout_html", "render_html", "html", "handout")
                  if callable(getattr(handout, name, None))), None)
    assert maker is not None, "workbook.handout has no function that returns the handout's HTML"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = maker([planted, planted_file])
        except TypeError:
            result = maker(planted)
    markup = result if isinstance(result, str) else Path(result).read_text(encoding="utf-8")
    shown = assert_inert(markup, "handout")
    assert "<img src=x" in shown


# ---- path characters and the answers store ----------------------------------------------------------------------

PATHLIKE = ["../../escape", "/etc/passwd", "..\\..\\windows", "a\x00b", "./.", "..", "~/x", "C:\\x", "con", "a/../../b"]


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(st.sampled_from(PATHLIKE), st.text(max_size=60)))
def test_a_pseudonym_never_writes_outside_the_answers_folder(tmp_path: Path, name: str) -> None:
    answers = importlib.import_module("workbook.answers")
    sandbox = tmp_path / "sandbox"
    folder = sandbox / "answers"
    folder.mkdir(parents=True, exist_ok=True)
    before = _files_under(sandbox)
    store = answers.AnswerStore(folder / "answers.sqlite3")
    try:
        try:
            store.set_pseudonym(name, replace=True)
        except answers.AnswersError:
            pass  # refused with a message: fine
        store.record(name or "q", name, article=name, item=name)
        for suffix in ("json", "csv"):
            written = store.save_export(suffix=suffix)
            assert written.parent.resolve() == folder.resolve()
            assert written.name.startswith("answers-") and written.name.endswith(f".{suffix}")
    finally:
        store.close()
    new = _files_under(sandbox) - before
    assert all(folder.resolve() in p.resolve().parents for p in new), sorted(map(str, new))
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,40}", answers.safe_name(name))


# ---- any text, any markup ----------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(PAYLOADS + ["<", ">", "&", '"', "'", "</p>", "<br>", "-->", "<!--", "]]>", "\u202e",
                                         "“", "”", "javascript:", "on", "=", "`", "${x}", "{{x}}"])
_WORDS = st.sampled_from("The minister said 45 percent of workers in 2014 “fight” cynically , . ! ?".split())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.one_of(_WORDS, _FRAGMENTS), min_size=3, max_size=60),
       breaks=st.lists(st.integers(0, 59), max_size=6))
def test_any_mix_of_text_and_markup_stays_text_in_the_highlighter(pieces: list[str], breaks: list[int]) -> None:
    widgets = importlib.import_module("workbook.widgets")
    words = list(pieces)
    for position in sorted(set(breaks), reverse=True):
        words.insert(min(position, len(words)), "\n\n")
    text = "Headline\n\n" + " ".join(words)
    article = article_from_text(text, id="mixed", metadata={"title": " ".join(pieces[:5])})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        markup = widgets.highlight_html([article])
    shown = assert_inert(markup, "highlight_html")
    # Every markup character of the article is still there to read, as a character: none was
    # swallowed as part of a tag (highlight labels may sit between them, so count, not match).
    for character in "<>&\"'`=":
        assert shown.count(character) >= article.text.count(character), character


# ---- saved web pages (.html): the page's own scripts, styles and event attributes never come through -----------

#: Everything that is code in the page carries this marker; none of it may reach the text or any output.
LIVE = "LIVE-CODE-MARKER"


def hostile_page() -> str:
    """A saved page whose markup attacks (scripts, styles, handlers, javascript: links) and whose
    visible text quotes the payloads as characters (escaped, the way a page shows code)."""
    quoted = " ".join(html.escape(payload) for payload in PAYLOADS)
    paragraphs = "\n".join(
        f'<p onclick="{LIVE}()" onmouseover="{LIVE}()" style="background:url(javascript:{LIVE})">'
        f"Paragraph {n} of the report quotes the minister, who said the talks would go on and that the "
        f"ceasefire would hold through the winter. The page shows this code as text: {quoted}</p>"
        for n in range(6)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Talks go on, minister says | The Planted Post</title>
<meta http-equiv="refresh" content="0;url=javascript:{LIVE}">
<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2025-05-12">
<script>window.__pwned = "{LIVE}";</script><style>/*planted*/ body {{ display: none }} .{LIVE} {{}}</style>
<link rel="stylesheet" href="javascript:{LIVE}">
</head><body onload="{LIVE}()">
<article><h1 onclick="{LIVE}()">Talks go on, minister says</h1>
{paragraphs}
<figure><img src="x" onerror="{LIVE}()" alt="{LIVE}"><figcaption onclick="{LIVE}()">The minister in Kyiv, on Monday.</figcaption></figure>
<p><a href="javascript:{LIVE}()">A link whose address is code</a> sits in a sentence that is long enough to be kept.</p>
<iframe src="javascript:{LIVE}()"></iframe><noscript><img src="x" onerror="{LIVE}()"></noscript>
<script>document.write("{LIVE}")</script><svg onload="{LIVE}()"><script>{LIVE}</script></svg>
<form action="javascript:{LIVE}"><input onfocus="{LIVE}()" value="{LIVE}"></form>
</article></body></html>"""


@pytest.fixture(scope="module")
def planted_page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-page")
    path = folder / "<svg onload=alert(1)>.html"
    path.write_text(hostile_page(), encoding="utf-8")
    return load_article(path)


def test_a_hostile_web_page_keeps_only_its_text(planted_page) -> None:
    assert planted_page.format == "html"
    assert planted_page.title == "Talks go on, minister says"
    assert LIVE not in planted_page.text, "code from the page's markup reached the article text"
    assert "Paragraph 5 of the report" in planted_page.text
    assert "<img src=x onerror=" in planted_page.text  # the payload the page shows as text stays, as characters
    for block in planted_page.block_list:
        assert LIVE not in block.text


def test_a_hostile_web_page_is_inert_in_every_table_and_screen(planted_page, tmp_path: Path) -> None:
    widgets = importlib.import_module("workbook.widgets")
    handout = importlib.import_module("workbook.handout")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        outputs = {"highlight_html": widgets.highlight_html([planted_page])}
        for module, name in EXTRACTORS:
            frame = getattr(importlib.import_module(f"workbook.{module}"), name)(planted_page)
            outputs[f"{module}.{name}"] = frame.to_html()
        outputs["blocks"] = planted_page.blocks.to_html()
        maker = next(getattr(handout, n) for n in ("handout_html", "render_html", "html", "handout") if callable(getattr(handout, n, None)))
        try:
            result = maker([planted_page])
        except TypeError:
            result = maker(planted_page)
        outputs["handout"] = result if isinstance(result, str) else Path(result).read_text(encoding="utf-8")
    for where, markup in outputs.items():
        assert LIVE not in markup, f"{where}: code from the page came through"
        assert_inert(markup, where)
