"""`workbook.checking`: what a check report says, and that its advice matches what it saw."""

from __future__ import annotations

import textwrap
from pathlib import Path

from workbook import article_from_text
from workbook.checking import check_article, check_file, hard_wrap_width
from workbook.cli import main

BODY = [
    "Talks on the future of the river crossing collapsed on Tuesday when both delegations left the room after less than an hour, officials said.",
    "“There is nothing left to discuss today,” the lead negotiator told reporters outside the building, adding that her side would not return this week.",
    "The crossing has been closed to traffic since January, when inspectors found cracks in two of its five arches and ordered it shut.",
    "Local businesses say the closure costs them about 40,000 euros a week, and a group of hauliers has threatened to block the main road in protest.",
] * 3


def advice(report) -> str:
    return "\n".join(a.text for a in report.advice)


def test_the_seeds_are_described_and_nothing_is_asked_of_them(seeds) -> None:
    for article in seeds:
        report = check_article(article)
        assert report.ok and report.looks_fine, advice(report)
        assert f"  author:    {article.author}\n" in str(report)


def test_a_web_date_line_is_read_and_no_date_is_asked_for() -> None:
    report = check_article(article_from_text("River talks collapse\n\nBy Jane Doe\nUpdated On: Tue, 17 Jun 2025\n\n" + "\n\n".join(BODY)))
    assert report.article.date.isoformat() == "2025-06-17"
    assert "  date:      2025-06-17 (from line 4, 'Updated On: Tue, 17 Jun 2025')\n" in str(report)
    assert "No date found" not in advice(report)


def test_a_date_line_it_cannot_read_is_quoted_with_its_line_number() -> None:
    report = check_article(article_from_text("River talks collapse\n\nBy Jane Doe\nUpdated 17/06\n\n" + "\n\n".join(BODY)))
    assert "line 4 ('Updated 17/06') looks like a date but I could not read it: write it as 17 June 2025" in advice(report)
    assert "add a line such as" not in advice(report)


def test_no_date_at_all_asks_for_one() -> None:
    report = check_article(article_from_text("River talks collapse\n\nBy Jane Doe\n\n" + "\n\n".join(BODY)))
    assert 'No date found: add a line such as "12 May 2025"' in advice(report)


def test_a_title_that_looks_like_a_menu_line_is_pointed_out() -> None:
    report = check_article(article_from_text("Left Menu\n\nBy Jane Doe\n12 May 2025\n\n" + "\n\n".join(BODY)))
    assert "The title I found, line 1 ('Left Menu'), looks like a menu or section name" in advice(report)


def test_hard_wrapped_text_is_reported() -> None:
    wrapped = "\n\n".join(textwrap.fill(p, 70) for p in BODY)
    report = check_article(article_from_text("River talks collapse\n\nBy Jane Doe\n12 May 2025\n\n" + wrapped))
    assert hard_wrap_width(report.article.text) in range(60, 71)
    assert "hard-wrapped (its lines are broken at about" in advice(report)
    assert hard_wrap_width("\n\n".join(BODY)) is None


def test_very_short_and_very_long_texts_are_reported() -> None:
    short = check_article(article_from_text("River talks collapse\n\nBy Jane Doe\n12 May 2025\n\n" + BODY[0]))
    assert "Only 27 words: is the whole article there?" in advice(short)
    long = check_article(article_from_text("River talks collapse\n\nBy Jane Doe\n12 May 2025\n\n" + "\n\n".join(BODY * 30)))
    assert "that is longer than most articles" in advice(long)


def test_a_paste_of_only_menu_lines_fails_with_a_clear_message() -> None:
    report = check_article(article_from_text("Home\nNews\nSport\nSign in\nSubscribe\nShare\nTweet\nMenu\nSearch", id="menus"))
    assert not report.ok
    assert report.lines() == [f"menus: {report.error}"]
    assert report.error.startswith("no article text found: every line looks like part of the web page")


def test_a_bad_file_gives_a_failed_report_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4")
    report = check_file(path)
    assert not report.ok and "the workbook cannot read a .pdf file" in report.error
    assert str(path) in report.lines()[0]


def test_the_command_reports_every_file_and_carries_on_past_a_bad_one(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text("River talks collapse\n\nBy Jane Doe\n12 May 2025\n\n" + "\n\n".join(BODY), encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><ul><li>Home</li></ul></body></html>", encoding="utf-8")
    later = tmp_path / "later.md"
    later.write_text("# Another headline\n\nBy Ann Lee\n\n" + "\n\n".join(BODY), encoding="utf-8")
    status = main(["check", str(good), str(bad), str(later)])
    out, err = capsys.readouterr()
    assert status == 2
    assert str(good) in out and str(later) in out and "title:     Another headline" in out
    assert f"workbook: {bad}: no article text was found in this web page." in err


def test_the_command_names_files_a_folder_skips(tmp_path: Path, capsys) -> None:
    (tmp_path / "good.txt").write_text("River talks collapse\n\nBy Jane Doe\n12 May 2025\n\n" + "\n\n".join(BODY), encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'notes.pdf'}: skipped: the workbook cannot read a .pdf file" in out
