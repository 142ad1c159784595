"""Shared fixtures: the seed articles, loaded once per test session."""

from __future__ import annotations

import pytest

from workbook import load_seeds


@pytest.fixture(scope="session")
def seeds():
    """Both seed articles, in file-name order (Landersen May 2025, Shevchuk Sep 2025)."""
    return load_seeds()


@pytest.fixture(scope="session")
def landersen(seeds):
    return seeds[0]


@pytest.fixture(scope="session")
def shevchuk(seeds):
    return seeds[1]
