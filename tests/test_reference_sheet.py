"""The reference sheet applies one standard to both texts and checks current claims as well as past ones."""

from __future__ import annotations

import sys
from collections import Counter
from importlib import resources

import pytest

from workbook import load_seeds
from workbook.timeline import RELATIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.fixture(scope="module")
def facts():
    text = resources.files("workbook").joinpath("data/reference_sheet.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["fact"]


@pytest.fixture(scope="module")
def seeds():
    return {a.id: a for a in load_seeds()}


def _claims(facts):
    return [(fact, claim) for fact in facts for claim in fact["claims"]]


def test_every_fact_is_historical_or_current_with_https_sources(facts):
    assert len({fact["id"] for fact in facts}) == len(facts)
    for fact in facts:
        assert fact["kind"] in ("historical", "current"), fact["id"]
        assert all(source["url"].startswith("https://") and source["publisher"] for source in fact["sources"])


def test_both_texts_get_about_the_same_number_of_checks_past_and_current(facts, seeds):
    counts = Counter((claim["article"], fact["kind"]) for fact, claim in _claims(facts))
    first, second = sorted(seeds)
    for kind in ("historical", "current"):
        a, b = counts[(first, kind)], counts[(second, kind)]
        assert min(a, b) >= 8, (kind, a, b)
        assert abs(a - b) <= 2, f"{kind}: {a} checks on one text, {b} on the other"


def test_every_text_gets_every_kind_of_verdict(facts, seeds):
    for article in seeds:
        relations = {claim["relation"] for _, claim in _claims(facts) if claim["article"] == article}
        assert relations == set(RELATIONS), article


def test_quotes_are_exact_and_every_verdict_but_plain_support_explains_itself(facts, seeds):
    for fact, claim in _claims(facts):
        assert claim["quote"] in seeds[claim["article"]].text, (fact["id"], claim["quote"])
        assert claim["relation"] in RELATIONS
        if claim["relation"] != "supports":
            assert len(claim.get("note", "")) > 40, (fact["id"], claim["quote"])


def test_one_quote_never_gets_two_verdicts(facts):
    seen: dict[tuple[str, str], str] = {}
    for fact, claim in _claims(facts):
        key = (claim["article"], claim["quote"])
        assert seen.setdefault(key, claim["relation"]) == claim["relation"], key


@pytest.mark.parametrize(
    "article, words",
    [
        ("000_ef82a8ecc3978f70", "killing 12 people in their homes in Kyiv and injuring 87"),
        ("000_ef82a8ecc3978f70", "Some 14,000 North Korean soldiers"),
        ("003_fc2fcc675d750f9c", "73% oppose it, and only 16% support it."),
        ("003_fc2fcc675d750f9c", "nearly a fifth of its territory"),
        ("003_fc2fcc675d750f9c", "three bilateral meetings between Russia and Ukraine in Istanbul"),
    ],
)
def test_the_current_claims_the_issue_names_are_checked(facts, article, words):
    assert any(
        claim["article"] == article and words in claim["quote"] and fact["kind"] == "current" for fact, claim in _claims(facts)
    ), words


def test_the_corrected_verdicts(facts):
    """Initialled is not signed, as 1996 is not 1991: the same test gives the same verdict."""
    verdict = {(fact["id"], claim["article"][:3]): claim["relation"] for fact, claim in _claims(facts) if claim["relation"] == "contradicts"}
    assert verdict[("armenia-azerbaijan-2020-2025", "003")] == "contradicts"
    assert verdict[("ukraine-constitution-1996", "000")] == "contradicts"
    assert verdict[("istanbul-talks-2025", "003")] == "contradicts"
    assert verdict[("north-korean-troops-2025", "000")] == "contradicts"
    labels = {claim["quote"]: (fact, claim) for fact, claim in _claims(facts)}
    fact, claim = labels["invited the war criminal to meet in Alaska"]
    assert claim["relation"] == "leaves open" and "icc-cpi.int" in " ".join(s["url"] for s in fact["sources"])
    assert "sourced fact" in claim["note"], "a learner stating the warrant is not penalised"
    assert any("ES-11/1" in claim.get("note", "") for _, claim in _claims(facts) if claim["article"].startswith("003"))
