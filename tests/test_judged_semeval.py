"""The blind SemEval set of teacher-judged markers (`bench.judged --set semeval`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_judged_polnear import ARTICLE, judged  # noqa: F401 - the same small article and the bench.judged fixture


def _corpus(folder: Path, ids: range, long_ids: tuple[int, ...] = ()) -> Path:
    """A semeval2023-en-train-like folder: one article and one labels file per id; `long_ids` get 1,600 words."""
    root = folder / "semeval2023-en-train"
    (root / "articles").mkdir(parents=True)
    (root / "labels").mkdir()
    for article_id in ids:
        text = ARTICLE + ("word " * 1600 + "\n" if article_id in long_ids else "")
        (root / "articles" / f"article{article_id}.txt").write_text(text, encoding="utf-8")
        (root / "labels" / f"article{article_id}-labels-subtask-3.txt").write_text(
            f"{article_id}\tLoaded_Language\t2\t10\n", encoding="utf-8")
    return root


def test_semeval_judgments_file_is_complete_blind_and_short(judged):
    rows = judged.read_judgments(judged.SEMEVAL_JUDGMENTS)
    assert len(rows) >= 150
    assert {row["set"] for row in rows} == {"semeval"}
    assert {row["verdict"] for row in rows} == set(judged.VERDICTS)
    assert len({row["page"] for row in rows}) == 13
    lines = [line for line in judged.SEMEVAL_JUDGMENTS.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    assert tuple(lines[0].split("\t")) == judged.FIELDS
    assert all(len(line.split("\t")) == len(judged.FIELDS) for line in lines)
    for row in rows:
        assert row["why"].strip()
        assert row["page"].startswith("article")
        assert row["address"] == f"semeval2023-en-train/articles/{row['page']}.txt"
        assert 0 <= row["start"] < row["end"]
        assert row["marker"].strip() and row["label"].strip() and row["list"].strip()
        assert len([word for word in row["snippet"].split() if word != "…"]) <= 20  # never the article
    header = judged.SEMEVAL_JUDGMENTS.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#") and "How they were made" in header and "BLIND" in header
    assert "2026-12-02" in header and "25478f2" in header and "every 16th starting at the 3rd" in header


def test_semeval_pick_is_test_half_short_articles_every_sixteenth_from_the_third(judged, tmp_path):
    # ids 100..139: even positions (100, 102, ...) are the "dev" half, odd ones (101, 103, ...) the "test" half;
    # 105 is too long, so the eligible articles are 101, 103, 107, 109, ..., 139 (19 of them).
    folder = _corpus(tmp_path, range(100, 140), long_ids=(105, 106))
    eligible = [path.name for path in judged.semeval_eligible(folder)]
    assert eligible == [f"article{i}.txt" for i in range(101, 140, 2) if i != 105]
    assert [path.name for path in judged.semeval_files(folder)] == ["article107.txt", "article139.txt"]


def test_semeval_candidates_keep_every_default_on_marker_and_a_seeded_sample(judged, tmp_path, monkeypatch):
    folder = _corpus(tmp_path, range(100, 140))
    monkeypatch.setattr(judged, "POLNEAR_SAMPLE", 2)
    rows = judged.semeval_candidates(folder)
    assert rows == judged.semeval_candidates(folder)  # the draw is seeded
    from workbook.articles import load_article
    from workbook.rhetoric import marker_records

    records = marker_records(load_article(folder / "articles" / "article105.txt"))
    default_on = [r for r in records if r["voice"] == "writer" and r["strength"] == "strong"]
    assert default_on and len(default_on) < len(records)
    pages = [path.stem for path in judged.semeval_files(folder)]
    assert pages == ["article105", "article137"]
    drawn = {(row["page"], row["start"], row["end"], row["label"]) for row in rows}
    for page in pages:
        assert {(page, r["start"], r["end"], r["label"]) for r in default_on} <= drawn
    assert len(rows) == 2 * len(default_on) + 2
    assert all(set(row) == set(judged.FIELDS) and row["verdict"] == "" and row["set"] == "semeval" for row in rows)
    assert {row["address"] for row in rows} == {f"semeval2023-en-train/articles/{page}.txt" for page in pages}


def test_semeval_scorer_runs_on_the_judged_set(judged, capsys):
    folder = judged.DEFAULT_SEMEVAL
    if not (folder / "articles").is_dir():
        pytest.skip(f"the SemEval articles are not at {folder / 'articles'} (../shared/benchmarks beside the repository)")
    rows = judged.read_judgments(judged.SEMEVAL_JUDGMENTS)
    pages = list(dict.fromkeys(row["page"] for row in rows))
    assert [path.stem for path in judged.semeval_files(folder)] == pages  # the pick rule gives the judged articles
    assert judged.main(["--set", "semeval", "--semeval", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"== set semeval: {', '.join(pages)}" in out
    assert "is missing" not in out
    assert "Aim (>= 0.80 of default-on markers fair)" in out


def test_semeval_set_skips_cleanly_and_is_among_the_choices(judged, tmp_path, capsys):
    assert judged.main(["--set", "semeval", "--semeval", str(tmp_path / "nowhere")]) == 0
    out = capsys.readouterr().out
    assert "skipped: the SemEval texts are not at" in out and "web pages" not in out
    assert judged.main(["--dump", str(tmp_path / "out.tsv"), "--set", "semeval", "--semeval", str(tmp_path / "nowhere")]) == 0
    assert "skipped: the SemEval texts are not at" in capsys.readouterr().out
    assert not (tmp_path / "out.tsv").exists()
    assert judged.main(["--set", "bogus"]) == 2
    assert "semeval" in capsys.readouterr().out
