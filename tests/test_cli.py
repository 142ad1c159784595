"""The `workbook` command line: extract and check, and one-line errors with exit status 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from workbook.articles import seeds_folder
from workbook.cli import main


def run(capsys, *args):
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_extract_json_follows_the_schema(capsys):
    status, out, _ = run(capsys, "extract", str(seeds_folder()))
    assert status == 0
    document = json.loads(out)
    ids = [a["id"] for a in document["articles"]]
    assert ids == ["000_ef82a8ecc3978f70", "003_fc2fcc675d750f9c"]
    first = document["articles"][0]
    assert (first["title"], first["author"], first["date"]) == (
        "Working people in Ukraine: ‘We fight for sovereignty over all our country’", "Roy Landersen", "2025-05-12")
    for article in document["articles"]:
        text = article["text"]
        for key in ("blocks", "sentences", "quotes", "figures", "time_refs", "rhetoric"):
            assert article[key], f"{key} is empty for {article['id']}"
            for item in article[key]:
                assert text[item["start"]:item["end"]] == item["text"], (key, item)
        assert set(article["blocks"][0]) >= {"index", "role", "start", "end", "text"}
        assert set(article["sentences"][0]) == {"index", "block", "start", "end", "text"}
        assert set(article["quotes"][0]) >= {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "cue"}
        assert set(article["figures"][0]) >= {"start", "end", "text", "value", "unit", "kind"}
        assert set(article["time_refs"][0]) >= {"start", "end", "text", "year", "date"}
        assert set(article["rhetoric"][0]) >= {"start", "end", "text", "label", "reason"}
    second = document["articles"][1]
    assert [c["cited"] for c in second["citations"]] == [False, True, True, True]
    assert all({"text", "verdict", "arithmetic"} <= set(c) for c in second["checks"])


@pytest.mark.parametrize("value", [
    0, -3, 1.5, 1e300, float("nan"), float("inf"), "", "a “quoted” \"word\"\n\tü", None, True,
    [1, {"a": [None, 2.0]}], {"x": "é", "y": []}, {1: 2}, (1, "two"),
])
def test_each_json_item_is_what_json_dumps_writes(value):
    from workbook.export import _compact

    assert _compact(value) == json.dumps(value, ensure_ascii=False)


def test_a_value_json_cannot_write_fails_as_json_dumps_does():
    from workbook.export import _compact

    with pytest.raises(TypeError, match="not JSON serializable"):
        _compact({"when": object()})


def test_extract_csv_to_a_file(tmp_path, capsys):
    output = tmp_path / "out.csv"
    status, _, err = run(capsys, "extract", str(seeds_folder() / "000_ef82a8ecc3978f70.txt"), "--format", "csv", "--output", str(output))
    assert status == 0 and "Wrote 1 article to" in err
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert {row["kind"] for row in rows} >= {"block", "sentence", "quotes", "figures", "rhetoric"}
    assert rows[0]["label"] == "headline"


def test_check_describes_the_seeds_in_plain_words(capsys):
    status, out, _ = run(capsys, "check", str(seeds_folder()))
    assert status == 0
    assert "author:    Roy Landersen" in out and "date:      2025-09-03" in out
    assert "1 block repeats an earlier block word for word" in out
    assert "7 subheading" in out


def test_check_points_out_what_is_missing(tmp_path, capsys):
    path = tmp_path / "bare.txt"
    path.write_text("just one line of text that is not much of an article.", encoding="utf-8")
    status, out, _ = run(capsys, "check", str(path))
    assert status == 0
    assert "No byline found" in out and "No date found" in out and "Only 0 words" not in out


def bad_path(tmp_path, case):
    if case == "missing":
        return tmp_path / "missing.txt"
    if case == "empty":
        (tmp_path / "empty.txt").write_text("")
        return tmp_path / "empty.txt"
    return tmp_path  # a folder with no .txt files


@pytest.mark.parametrize(
    "case, message",
    [("missing", "no file or folder by this name"), ("empty", "the file is empty"), ("no articles", "this folder has no article files")],
)
def test_bad_input_is_one_line_with_status_2(tmp_path, capsys, case, message):
    path = bad_path(tmp_path, case)
    status, out, err = run(capsys, "check", str(path))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and message in err and str(path) in err


def test_installed_command_runs_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "workbook.cli", "extract", str(tmp_path / "nope.txt")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "nope.txt" in result.stderr


def test_compare_prints_the_table_and_writes_csv(tmp_path, capsys):
    output = tmp_path / "compare.csv"
    status, out, _ = run(capsys, "compare", str(seeds_folder()), "--csv", str(output))
    assert status == 0
    assert "Landersen, May 2025" in out and "Shevchuk, Sep 2025" in out and "vague sources" in out
    assert output.read_text(encoding="utf-8").startswith("dimension,measure,")


def test_handout_writes_escaped_html(tmp_path, capsys):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("A <script>alert(1)</script> headline\n\nBy Ann Lee\nMay 1, 2024\n\nBody with <img src=x onerror=alert(2)> in it.", encoding="utf-8")
    output = tmp_path / "handout.html"
    status, _, err = run(capsys, "handout", str(hostile), "--output", str(output))
    assert status == 0 and "Wrote the handout" in err
    html = output.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_collect_merges_answer_files(tmp_path, capsys):
    from workbook.answers import AnswerStore

    for name, answer in (("ann", "b"), ("bo", "c")):
        store = AnswerStore(tmp_path / name / "answers.sqlite3")
        store.set_pseudonym(name)
        store.record("sourcing-q1", answer, kind="choice", correct=answer == "b")
        (tmp_path / store.download_name()).write_text(store.export_json(), encoding="utf-8")
        store.close()
    output = tmp_path / "class.csv"
    status, out, _ = run(capsys, "collect", str(tmp_path), "--output", str(output))
    assert status == 0, out
    assert "2 answers from 2 learners" in out
    merged = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert sorted((row["pseudonym"], json.loads(row["answer"])) for row in merged) == [("ann", "b"), ("bo", "c")]
