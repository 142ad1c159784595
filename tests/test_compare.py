"""Tests for workbook.compare: the side-by-side table of all four dimensions, and its CSV."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook import article_from_text, load_seeds
from workbook.compare import compare, to_csv
from workbook.rhetoric import LABELS
from workbook.textio import ArticleError


@pytest.fixture(scope="module")
def seeds():
    return load_seeds()


@pytest.fixture(scope="module")
def table(seeds):
    return compare(seeds)


def test_one_column_per_article_named_by_label(seeds, table):
    assert list(table.columns) == [article.label for article in seeds]
    assert table.index.names == ["dimension", "measure"]
    assert list(dict.fromkeys(table.index.get_level_values("dimension"))) == [
        "text", "sourcing", "figures", "history", "checks", "rhetoric",
    ]


def test_rows_cover_every_headline_figure(table):
    measures = set(table.index.get_level_values("measure"))
    for measure in (
        "words", "sentences", "quotations", "direct quotations (someone's words)", "scare quotes (keeping a distance)",
        "named sources (people, organisations)", "vague sources", "citations listed", "citations cited in the text",
        "figures", "earliest year", "latest year", "span of years", "consistency checks", "markers per 1,000 words",
    ):
        assert measure in measures, measure
    for label in LABELS:
        assert f"{label} per 1,000 words" in measures


def test_values_agree_with_each_tool(seeds, table):
    from workbook import figures, rhetoric, sourcing

    for article in seeds:
        column = table[article.label]
        assert column[("text", "words")] == article.word_count
        assert column[("sourcing", "quotations")] == len(sourcing.quotes(article))
        assert column[("figures", "figures")] == len(figures.figures(article))
        assert column[("checks", "consistency checks")] == len(figures.checks(article))
        rates = rhetoric.density(article).set_index("label")["per_1000_words"]
        # The table rounds to one decimal: allow half a unit in that place (and a hair for float error).
        assert column[("rhetoric", "loaded per 1,000 words")] == pytest.approx(rates["loaded"], abs=0.0501)
        span = column[("history", "span of years")]
        assert span == column[("history", "latest year")] - column[("history", "earliest year")]


def test_seed_figures_a_careful_reader_would_expect(seeds, table):
    first, second = (article.label for article in seeds)
    # 003 lists four sources and cites three of them; 000 cites no documents.
    assert table.loc[("sourcing", "citations listed"), second] == 4
    assert table.loc[("sourcing", "citations cited in the text"), second] == 3
    assert table.loc[("sourcing", "citations listed"), first] == 0
    # 000 reaches back to 1783 (czarist Russia's conquest of Crimea); 003's body to the 1949 ceasefire.
    assert table.loc[("history", "earliest year"), first] == 1783
    assert table.loc[("history", "earliest year"), second] == 1949
    # The organisation's voice: 'we', calls to action and exclamations only in 003.
    for label in ("we_voice", "call_to_action", "exclamation", "rhetorical_question"):
        measure = ("rhetoric", f"{label} per 1,000 words")
        assert table.loc[measure, second] > table.loc[measure, first]
    assert table.loc[("sourcing", "vague sources"), second] > table.loc[("sourcing", "vague sources"), first]


def test_short_texts_written_for_the_test():
    calm = article_from_text("Calm\n\nThe council met on Monday. It approved the budget in 2024.", id="calm", metadata={"date": "2024-05-01"})
    loud = article_from_text("Loud\n\nWe must stop this! Why wait? Act now!", id="loud")
    table = compare([calm, loud])
    # Columns are named by title (no byline here), never by a bare year or the file name.
    assert list(table.columns) == ["Calm", "Loud"]
    calm_label, loud_label = "Calm", "Loud"
    # The headline counts as a sentence of the text, like the body's sentences.
    assert table.loc[("text", "sentences")].tolist() == [3, 4]
    assert table.loc[("rhetoric", "exclamation per 1,000 words"), loud_label] > 0
    assert table.loc[("rhetoric", "markers per 1,000 words"), calm_label] == 0
    assert table.loc[("history", "earliest year"), calm_label] == 2024
    assert pd.isna(table.loc[("history", "earliest year"), loud_label])


def test_one_article_and_duplicate_labels():
    one = article_from_text("Title\n\nA plain sentence.", id="a", metadata={"label": "Same"})
    two = article_from_text("Title\n\nAnother plain sentence.", id="b", metadata={"label": "Same"})
    assert list(compare(one).columns) == ["Same"]
    # The same label twice: the long names, then numbers, keep the columns apart (never the file names).
    assert list(compare([one, two]).columns) == ["“Title” (text 1)", "“Title” (text 2)"]


def test_columns_name_title_and_author_never_the_file_stem_or_a_bare_year():
    dated = article_from_text("Peace talks stall again\n\nMay 2, 2025\n\nThe talks stopped.", id="op1_thiessen_zelensky")
    signed = article_from_text("A long winter ahead\n\nBy Mira Holt\n\nThe winter was long.", id="op2_holt")
    columns = list(compare([dated, signed]).columns)
    assert columns == ["Peace talks stall again", "Holt: A long winter ahead"]
    assert not any("op1" in c or c.strip() == "2025" for c in columns)


def test_no_articles_is_a_plain_error():
    with pytest.raises(ArticleError, match="no articles to compare"):
        compare([])


def test_csv_export_round_trip(table, tmp_path):
    path = to_csv(table, tmp_path / "comparison.csv")
    back = pd.read_csv(path, index_col=[0, 1])
    assert list(back.columns) == list(table.columns)
    assert back.index.tolist() == table.index.tolist()
    label = table.columns[1]
    assert back.loc[("text", "words"), label] == table.loc[("text", "words"), label]
    assert path.read_text(encoding="utf-8").startswith("dimension,measure,")


def test_csv_export_to_a_missing_folder(table, tmp_path):
    with pytest.raises(ArticleError, match="folder for this file does not exist"):
        to_csv(table, tmp_path / "nowhere" / "comparison.csv")
