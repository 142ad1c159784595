"""The blind PolNeAR set of teacher-judged markers (`bench.judged --set polnear`)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

ARTICLE = (
    "A shameful plan.\n\nWe must stop this disastrous, utterly corrupt scheme. It may be the worst idea ever, "
    "and all of us know it. Why would anyone agree?\n\n\"We should never accept it,\" said Ann Lee, a spokeswoman. "
    "Some say it is very bad.\n"
)


@pytest.fixture
def judged(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent))
    return importlib.import_module("bench.judged")


def _corpus(folder: Path, count: int) -> Path:
    """A polnear-dev-like folder of `count` small articles (names sort as a, b, c, ...)."""
    text = folder / "polnear-dev" / "text"
    text.mkdir(parents=True)
    for i in range(count):
        (text / f"outlet_{i:03d}.txt").write_text(ARTICLE, encoding="utf-8")
    return folder / "polnear-dev"


def test_polnear_judgments_file_is_complete_blind_and_short(judged):
    rows = judged.read_judgments(judged.POLNEAR_JUDGMENTS)
    assert len(rows) >= 100
    assert {row["set"] for row in rows} == {"polnear"}
    assert {row["verdict"] for row in rows} == set(judged.VERDICTS)
    assert len({row["page"] for row in rows}) == 8
    for row in rows:
        assert row["why"].strip()
        assert row["address"] == f"polnear-dev/text/{row['page']}.txt"
        assert 0 <= row["start"] < row["end"]
        assert len([word for word in row["snippet"].split() if word != "…"]) <= 20  # never the article
    header = judged.POLNEAR_JUDGMENTS.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#") and "How they were made" in header and "BLIND" in header


def test_polnear_pick_is_every_tenth_from_the_fifth(judged, tmp_path):
    folder = _corpus(tmp_path, 30)
    assert [path.name for path in judged.polnear_files(folder)] == ["outlet_004.txt", "outlet_014.txt", "outlet_024.txt"]


def test_polnear_candidates_keep_every_default_on_marker_and_a_seeded_sample(judged, tmp_path, monkeypatch):
    folder = _corpus(tmp_path, 30)
    monkeypatch.setattr(judged, "POLNEAR_SAMPLE", 2)
    rows = judged.polnear_candidates(folder)
    assert rows == judged.polnear_candidates(folder)  # the draw is seeded
    from workbook.articles import load_article
    from workbook.rhetoric import marker_records

    records = marker_records(load_article(folder / "text" / "outlet_004.txt"))
    default_on = [r for r in records if r["voice"] == "writer" and r["strength"] == "strong"]
    assert default_on and len(default_on) < len(records)
    drawn = {(row["page"], row["start"], row["end"], row["label"]) for row in rows}
    for page in ("outlet_004", "outlet_014", "outlet_024"):
        assert {(page, r["start"], r["end"], r["label"]) for r in default_on} <= drawn
    assert len(rows) == 3 * len(default_on) + 2
    assert all(set(row) == set(judged.FIELDS) and row["verdict"] == "" for row in rows)


def test_polnear_report_counts_judged_markers(judged, tmp_path, capsys):
    folder = _corpus(tmp_path, 5)
    rows = judged.polnear_candidates(folder)
    for row in rows:
        row["verdict"], row["why"] = ("fair", "the writer's word") if row["label"] == "loaded" else ("wrong", "plain")
    path = tmp_path / "judgments.tsv"
    judged._write_rows(rows, path)
    assert judged.run_polnear(folder, path) == 0
    out = capsys.readouterr().out
    assert "== set polnear: outlet_004" in out
    loaded = sum(row["label"] == "loaded" for row in rows)
    line = next(line for line in out.splitlines() if line.startswith("loaded "))
    assert line.split()[1:3] == [str(loaded), "1.00"]


def test_polnear_set_skips_cleanly_and_names_the_choices(judged, tmp_path, capsys):
    assert judged.main(["--set", "polnear", "--polnear", str(tmp_path / "nowhere")]) == 0
    out = capsys.readouterr().out
    assert "skipped: the PolNeAR texts are not at" in out and "web pages" not in out
    assert judged.main(["--set", "bogus"]) == 2
    assert "polnear" in capsys.readouterr().out
