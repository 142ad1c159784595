"""The learner screens' pure HTML functions, without a kernel: reading view, context, tables, predict, teacher."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

from workbook import article_from_text
from workbook import widgets as w
from workbook.answers import AnswerStore

TEXT = (
    "Harbour opens after twelve years\n\n"
    "By Mara Quill\nMarch 4, 2024\n\n"
    "The harbour in Eastport opened on Monday, 12 years after building began in 2012. "
    "“We waited long enough,” said Jo Park, the mayor. Officials said it cost 40 million euros.\n\n"
    "Critics called the project a “disaster”. According to a 2023 audit, costs rose by 30 percent. "
    "Why did it take so long? Some experts say the plans changed three times.\n"
)


@pytest.fixture
def article():
    return article_from_text(TEXT, id="000_deadbeefcafe0000")


def visible(markup: str) -> str:
    markup = re.sub(r"<style>.*?</style>", "", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


# ---- reading view -----------------------------------------------------------------------


def test_reading_view_has_headline_byline_paragraphs_and_no_highlights(article):
    markup = w.reading_view_html(article)
    assert "<h3" in markup and "Harbour opens after twelve years" in markup
    assert "By Mara Quill" in visible(markup) and "4 March 2024" in visible(markup)
    assert "<mark" not in markup and "wb-hl" not in markup
    for block in article.block_list:
        if block.role == "body":
            assert html.escape(block.text, quote=True) in markup  # every paragraph, never cut
    assert "minute" in visible(markup)
    assert article.id not in visible(markup)  # never the file name


def test_reading_view_without_a_shorter_version_says_so(article):
    markup = w.reading_view_html(article, shortened=True)
    assert "There is no shorter version" in markup


def test_shorter_version_of_a_seed_leaves_paragraphs_out_and_says_where(seeds):
    longer = seeds[1]
    full, short = w.reading_view_html(longer), w.reading_view_html(longer, shortened=True)
    assert len(short) < len(full)
    assert "Shorter version." in short and "[…]" in short
    view = w.reading_view(longer)
    assert view.version.options == ("Full text", "Shorter version")
    view.version.value = "Shorter version"
    assert "Shorter version." in view.view.value


def test_screens_without_context_say_so_and_go_on(article):
    for make in (w.glossary_html, w.primer_html, w.source_card_html, w.better_coverage_html):
        markup = make(article)
        assert "wb-no-context" in markup and "Carry on with the lesson" in markup


def test_seed_glossary_primer_card_and_coverage(seeds):
    first = seeds[0]
    glossary = w.glossary_html(first)
    assert "Maidan" in glossary and "What it means" in glossary and "Where this comes from" in glossary
    primer = w.primer_html(first)
    assert "what happened, and when" in primer and "1783" in primer
    card = w.source_card_html(first)
    # the searches come first; what lateral reading finds is folded away until the learner opens it
    assert card.index("Your searches") < card.index("<details") < card.index("The Militant")
    assert 'href="https://themilitant.com/"' in card and 'rel="noopener noreferrer"' in card
    coverage = w.better_coverage_html(first)
    assert "14,000" in coverage and "<details" in coverage


def test_about_and_parts_use_plain_words(article):
    about = visible(w.about_html(article))
    assert "Who wrote it" in about and "Mara Quill" in about and "not named in the text" in about
    parts = visible(w.parts_html(article))
    assert "headline (the title)" in parts and "body (the main text)" in parts
    assert "Why did it take so long?" in parts  # text never cut
    assert "000_deadbeef" not in parts


# ---- learner tables -----------------------------------------------------------------------


def test_table_html_escapes_and_hides_missing_values():
    markup = w.table_html([{"a": "<b>x</b>", "b": pd.NA}, {"a": None, "b": 2.0}], [("a", "Words"), ("b", "Count")])
    assert "&lt;b&gt;x&lt;/b&gt;" in markup and "<NA>" not in markup and "nan" not in markup
    assert ">2<" in markup and 'scope="col"' in markup
    assert "Nothing to show" in w.table_html([], [("a", "A")])


def test_sum_checks_reference_sheet_and_comparison_have_no_raw_columns(seeds):
    raw_headings = {"start", "end", "block", "sentence", "article", "arithmetic", "missing_fact", "relation"}
    for markup in (w.sum_checks_html(seeds[0]), w.reference_sheet_html(seeds), w.comparison_html(seeds)):
        headings = {h.strip().lower() for h in re.findall(r"<th\b[^>]*>(.*?)</th>", markup)}
        assert headings and not headings & raw_headings, headings
        assert "<NA>" not in markup and "000_ef82" not in visible(markup)
    comparison = visible(w.comparison_html(seeds))
    assert "we_voice" not in comparison and "the writer's ‘we’" in comparison
    assert "call_to_action" not in comparison and "calls to action" in comparison
    sheet = visible(w.reference_sheet_html(seeds))
    assert "What the text says" in sheet and "Does it fit?" in sheet
    assert "Reference sheet for “Working people in Ukraine" in sheet and "Reference sheet for “Prevent" in sheet


def test_explorer_shows_a_learner_table(seeds):
    explorer = w.explorer(seeds)
    headings = set(re.findall(r"<th\b[^>]*>(.*?)</th>", explorer.table_view.value))
    assert headings == {"#", "The words", "What the computer thinks it is", "Why"}
    assert all(len(label) > 0 for label, _ in explorer.finding.options)


# ---- predict, then reveal -------------------------------------------------------------------


def test_passage_has_both_marked_and_unmarked_sentences(seeds):
    items = w.passage_items(seeds[1], "quotes")
    assert len(items) == 10
    marked = sum(i["machine"] for i in items)
    assert 0 < marked < 10
    assert all(i["reasons"] for i in items if i["machine"])


def test_agreement_counts_and_reveal():
    items = [{"item": "s1", "text": "A said “x”.", "machine": True, "reasons": ["Quotes: someone's words: “x”"]},
             {"item": "s2", "text": "Plain words here.", "machine": False, "reasons": []},
             {"item": "s3", "text": "B said so.", "machine": True, "reasons": ["Sources: people: “B”"]}]
    assert w.agreement_counts(items, ["s1", "s2"]) == {"both": 1, "only_you": 1, "only_machine": 1, "neither": 0}
    markup = w.reveal_html(items, ["s1", "s2"], "quotes someone")
    shown = visible(markup)
    assert "agree on 1 of 3 sentences" in shown and "Only by you: 1." in shown and "Only by the computer: 1." in shown
    assert "Marked by both of you: 1." in shown
    assert markup.count(">you differ<") == 2 and "Disagreeing is not a mistake" in shown
    assert "the computer found nothing here" in shown


def test_predict_saves_ticks_with_the_machine_apart(tmp_path, seeds):
    with AnswerStore(tmp_path / "a.sqlite3") as store:
        widget = w.predict(seeds[0], "quotes", store=store)
        assert widget.result.value == ""  # nothing revealed before the learner marks
        first, second = list(widget.choices)[:2]
        widget.choices[first].value = True
        row = store.latest(widget.question_id, first)
        assert row["kind"] == "predict" and row["answer"] == "marked"
        assert row["agrees_with_machine"] == (widget.items[0]["machine"] is True) and row["correct"] is None
        widget.reveal_button.click()
        counts = widget.reveal()
        assert sum(counts.values()) == len(widget.items)
        assert "You and the computer agree on" in widget.result.value
        again = w.predict(seeds[0], "quotes", store=store)
        assert again.marked == [first]  # reopening puts the ticks back
    with pytest.raises(ValueError, match="No prediction called"):
        w.predict(seeds[0], "bogus")


# ---- teacher view -------------------------------------------------------------------------------


def _class_table(tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for name, label, pre, post in (("ann", "opinion", "It looks fine.", "Check who runs the site."),
                                   ("ben", "opinion", "I trust it.", "Find the publisher first.")):
        store = AnswerStore(tmp_path / name / "a.sqlite3")
        store.set_pseudonym(name)
        store.record("claim-kind:x", label, kind="label", item="s1", expected="fact", agrees_with_machine=False)
        store.record("claim-kind:x", "fact", kind="label", item="s2", expected="fact", agrees_with_machine=True)
        store.record("pre-task", pre, kind="reflection")
        store.record("post-task", post, kind="reflection")
        store.record("exit-02", f"{name} ticket", kind="reflection")
        (downloads / store.download_name()).write_text(store.export_json(), encoding="utf-8")
    from workbook import answers

    return answers.collect(downloads)


def test_teacher_view_rejected_findings_side_by_side_and_kappa_meaning(tmp_path):
    table = _class_table(tmp_path)
    rejected = w.rejected_findings(table)
    assert rejected[0]["learners"] == 2 and rejected[0]["machine"] == "fact" and "opinion (2)" in rejected[0]["instead"]
    pairs = w.side_by_side(table, ["pre-task", "post-task"])
    assert pairs == [{"learner": "ann", "pre-task": "It looks fine.", "post-task": "Check who runs the site."},
                     {"learner": "ben", "pre-task": "I trust it.", "post-task": "Find the publisher first."}]
    markup = w.teacher_html(table)
    shown = visible(markup)
    assert "Machine findings the class rejected most" in shown
    assert "Pre-task and post-task, side by side" in shown and "Find the publisher first." in shown
    assert "Exit tickets, side by side" in shown and "Lesson 2" in shown and "ann ticket" in shown
    assert w.KAPPA_MEANING in html.unescape(markup) and "chance" in w.KAPPA_MEANING


def test_old_downloads_without_agreement_columns_still_collect(tmp_path):
    from workbook import answers

    document = {"format": answers.FORMAT_NAME, "version": 1, "pseudonym": "owl", "answers": [
        {"pseudonym": "owl", "question": "claim-kind:x", "item": "s1", "kind": "label", "answer": "opinion",
         "correct": False, "expected": "fact", "attempt": 1, "saved_at": "2025-01-01T00:00:00Z"}]}
    (tmp_path / "answers-owl.json").write_text(json.dumps(document), encoding="utf-8")
    table = answers.collect(tmp_path)
    assert bool(table["agrees_with_machine"].iloc[0]) is False
    assert table["correct"].isna().iloc[0]  # disagreeing with the machine is not "wrong"
    assert w.rejected_findings(table)[0]["machine"] == "fact"


# ---- JupyterLab settings ---------------------------------------------------------------------------


def test_news_and_update_checks_are_turned_off_and_other_settings_kept(tmp_path):
    from workbook.jupyter_settings import ensure_news_off, settings_files

    overrides = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True)
    overrides.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    written = ensure_news_off(tmp_path)
    assert set(written) == set(settings_files(tmp_path))
    data = json.loads(overrides.read_text())
    assert data["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}
    assert data["@jupyterlab/apputils-extension:themes"]["theme"] == "JupyterLab Dark"
    server = json.loads(next(p for p in written if p.suffix == ".json" and "server" in str(p)).read_text())
    assert server["LabApp"]["news_url"] is None
    assert ensure_news_off(tmp_path) == []  # already off: nothing written

