"""The one switch (`workbook.config`): seeds by default, then workbook.toml, then the environment."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from workbook import ArticleError, ArticleWarning
from workbook.config import (
    CONFIG_FILE,
    ENV_VARIABLE,
    article_source,
    describe_source,
    find_config_file,
    lesson_articles,
    using_seeds,
)

ARTICLE_A = "A first headline\n\nBy Ann Writer\nMay 1, 2024\n\nThe first body says something. It has two sentences.\n"
ARTICLE_B = "A second headline\n\nBy Ben Writer\nJune 2, 2024\n\nThe second body says more. It also has two sentences.\n"
ARTICLE_C = "A third headline\n\nBy Cy Writer\nJuly 3, 2024\n\nA third body.\n"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every test starts in an empty folder with no setting, so the seeds are the default."""
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    monkeypatch.delenv("WORKBOOK_SEEDS", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def write_pair(folder: Path, *texts: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, text in enumerate(texts or (ARTICLE_A, ARTICLE_B)):
        path = folder / f"{index:02d}_article.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_default_is_the_two_seeds() -> None:
    articles = lesson_articles()
    assert [a.id for a in articles] == ["000_ef82a8ecc3978f70", "003_fc2fcc675d750f9c"]
    assert using_seeds()
    assert "seed articles" in describe_source()


def test_environment_variable_with_a_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    write_pair(tmp_path / "mine")
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path / "mine"))
    articles = lesson_articles()
    assert [a.author for a in articles] == ["Ann Writer", "Ben Writer"]
    assert not using_seeds()
    assert ENV_VARIABLE in describe_source()


def test_environment_variable_with_two_files_in_the_given_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    first, second = write_pair(tmp_path / "mine")
    monkeypatch.setenv(ENV_VARIABLE, f"{second}{os.pathsep}{first}")
    assert [a.author for a in lesson_articles()] == ["Ben Writer", "Ann Writer"]


def test_relative_environment_path_is_read_from_the_working_folder(
    monkeypatch: pytest.MonkeyPatch, clean_environment: Path
) -> None:
    write_pair(clean_environment / "mine")
    monkeypatch.setenv(ENV_VARIABLE, "mine")
    assert [a.author for a in lesson_articles()] == ["Ann Writer", "Ben Writer"]


def test_config_file_in_a_parent_folder_with_paths_relative_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    write_pair(repo / "my-articles")
    (repo / CONFIG_FILE).write_text('[articles]\nfolder = "my-articles"\n', encoding="utf-8")
    notebooks = repo / "notebooks"
    notebooks.mkdir()
    monkeypatch.chdir(notebooks)
    assert find_config_file() == (repo / CONFIG_FILE).resolve()
    source = article_source()
    assert source.origin == "config file" and not source.is_seeds
    assert [a.author for a in lesson_articles()] == ["Ann Writer", "Ben Writer"]


def test_config_file_with_a_files_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, second, _ = write_pair(tmp_path / "repo" / "texts", ARTICLE_A, ARTICLE_B, ARTICLE_C)
    (tmp_path / "repo" / CONFIG_FILE).write_text(
        f'[articles]\nfiles = ["texts/{second.name}", "texts/02_article.txt"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "repo")
    assert [a.author for a in lesson_articles()] == ["Ben Writer", "Cy Writer"]


def test_environment_wins_over_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pair(tmp_path / "repo" / "config-texts", ARTICLE_A, ARTICLE_B)
    write_pair(tmp_path / "env-texts", ARTICLE_B, ARTICLE_C)
    (tmp_path / "repo" / CONFIG_FILE).write_text('[articles]\nfolder = "config-texts"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "repo")
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path / "env-texts"))
    assert [a.author for a in lesson_articles()] == ["Ben Writer", "Cy Writer"]


def test_metadata_beside_listed_files_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = write_pair(tmp_path / "mine")
    (tmp_path / "mine" / "articles.toml").write_text(f'["{first.stem}"]\nlabel = "Writer A"\n', encoding="utf-8")
    monkeypatch.setenv(ENV_VARIABLE, f"{first}{os.pathsep}{second}")
    assert lesson_articles()[0].label == "Writer A"


def test_more_than_two_articles_uses_the_first_two_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pair(tmp_path / "mine", ARTICLE_A, ARTICLE_B, ARTICLE_C)
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path / "mine"))
    with pytest.warns(ArticleWarning, match="use the first 2"):
        articles = lesson_articles()
    assert [a.author for a in articles] == ["Ann Writer", "Ben Writer"]


def test_one_article_is_not_enough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pair(tmp_path / "mine", ARTICLE_A)
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path / "mine"))
    with pytest.raises(ArticleError, match="compare 2 articles, but only 1"):
        lesson_articles()


def test_missing_path_names_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path / "nowhere"))
    with pytest.raises(ArticleError) as caught:
        lesson_articles()
    assert "nowhere" in str(caught.value) and ENV_VARIABLE in str(caught.value)


@pytest.mark.parametrize(
    "content, message",
    [
        ("[articles\nfolder = 'x'", "not valid TOML"),
        ("title = 'x'\n", "no [articles] section"),
        ("[articles]\nname = 'x'\n", "no 'folder' and no 'files'"),
        ("[articles]\nfiles = 'a.txt'\n", "'files' must be a list"),
        ("[articles]\nfolder = 3\n", "'folder' must be a folder name"),
    ],
)
def test_bad_config_file_names_the_file_and_the_problem(
    clean_environment: Path, content: str, message: str
) -> None:
    (clean_environment / CONFIG_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        lesson_articles()
    assert message in str(caught.value)
    assert CONFIG_FILE in str(caught.value)


def test_error_shows_as_one_line_in_a_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path / "nowhere"))
    with pytest.raises(ArticleError) as caught:
        lesson_articles()
    lines = caught.value._render_traceback_()
    assert len(lines) == 1 and lines[0].startswith("ArticleError:")


def test_the_seed_files_in_a_custom_folder_are_not_the_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any explicit setting turns off the seeds' answer keys, even if it points at copies."""
    write_pair(tmp_path / "copies")
    (tmp_path / "work").mkdir(exist_ok=True)
    (tmp_path / "work" / CONFIG_FILE).write_text(f'[articles]\nfolder = "{(tmp_path / "copies").as_posix()}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(lesson_articles()) == 2
    assert not using_seeds()
