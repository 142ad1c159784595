"""What an article is called for a learner: title and author, never the file stem."""

from workbook import article_from_text
from workbook.naming import article_name, short_name, short_names, surname


def test_title_and_author():
    a = article_from_text("Prevent the partition and plunder of Ukraine\n\nBy Taras Shevchuk\n\nText here.", id="op1_x")
    assert article_name(a) == "“Prevent the partition and plunder of Ukraine” by Taras Shevchuk"
    assert short_name(a) == "Shevchuk: Prevent the partition and…"
    assert "op1" not in article_name(a) + short_name(a)


def test_teacher_label_wins_for_the_short_name():
    a = article_from_text("Title\n\nBy Ann Lee\n\nText.", id="x", metadata={"label": "Lee, May 2025"})
    assert short_name(a) == "Lee, May 2025"
    assert article_name(a) == "“Title” by Ann Lee"


def test_no_headline_uses_first_words_and_no_author_says_nothing_about_one():
    a = article_from_text("the talks in the city went on for many hours and then stopped", id="op_9")
    assert short_name(a).startswith("the talks in the city went")
    assert "by" not in article_name(a).split("”")[-1]
    assert "op_9" not in short_name(a)


def test_surname_of_several_authors():
    assert surname("Ann Lee and Bo Chan") == "Lee"
    assert surname("") is None


def test_short_names_are_unique():
    one = article_from_text("Same\n\nOne text.", id="a")
    two = article_from_text("Same\n\nAnother text.", id="b")
    names = short_names([one, two])
    assert len(set(names)) == 2 and all("Same" in n for n in names)
