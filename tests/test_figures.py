"""Tests for workbook.figures: each number form on short texts, checks by arithmetic, the seeds one by one."""

from __future__ import annotations

import pytest

from workbook import article_from_text
from workbook.figures import check_records, checks, figure_records, figures, parse_words, scan


def one(text: str):
    """The single figure found in `text` (fails if there is not exactly one)."""
    found = scan(text)
    assert len(found) == 1, [(text[f.start:f.end], f.value) for f in found]
    return found[0]


@pytest.mark.parametrize(
    "text, surface, value, unit, kind",
    [
        ("They counted 14,000 soldiers.", "14,000 soldiers", 14000, "people", "count"),
        ("The front is 1,200 km long.", "1,200 km long", 1200, "km", "distance"),
        ("It grew 3.5 percent.", "3.5 percent", 3.5, "percent", "percent"),
        ("Twelve people came.", "Twelve people", 12, "people", "count"),
        ("a three-day ceasefire", "three-day", 3, "day", "duration"),
        ("They spent three and a half years there.", "three and a half years", 3.5, "year", "duration"),
        ("It can take half a century.", "half a century", 50, "year", "duration"),
        ("Some 73% oppose it.", "Some 73%", 73, "percent", "percent"),
        ("It cost $3.5 million.", "$3.5 million", 3_500_000, "dollar", "money"),
        ("It cost €200.", "€200", 200, "euro", "money"),
        ("I want a hundred and two of those", "a hundred and two", 102, None, "count"),
        ("They marched for twenty-one days.", "twenty-one days", 21, "day", "duration"),
        ("the 21st time", "21st", 21, "ordinal", "ordinal"),
    ],
)
def test_each_form(text, surface, value, unit, kind):
    figure = one(text)
    assert text[figure.start:figure.end] == surface
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert figure.kind == kind
    assert figure.reason


def test_fraction_of_something():
    figure = one("occupation of nearly a fifth of its territory")
    assert figure.value == pytest.approx(0.2)
    assert (figure.kind, figure.what, figure.approximate) == ("fraction", "its territory", "nearly")


def test_vague_amounts_give_a_lower_bound():
    dozens, = scan("dozens of African countries")
    assert (dozens.value, dozens.low, dozens.high, dozens.approximate) == (24, 24, None, "dozens of")
    big, = scan("hundreds of thousands of deaths")
    assert big.value == 200_000 and big.unit == "people" and big.what == "deaths"
    assert scan("millions of artillery shells")[0].what == "artillery shells"


def test_ranges_have_low_and_high():
    days = one("It lasted 10-12 days.")
    assert (days.low, days.high, days.value, days.unit) == (10, 12, 11, "day")
    between = one("They were given between 44 and 50 mg.")
    assert (between.low, between.high, between.unit) == (44, 50, "mg")


def test_hedges_are_recorded():
    assert one("more than 100,000 troops").approximate == "more than"
    assert one("almost 40 people").approximate == "almost"
    assert one("five years or more").approximate == "or more"


def test_years_dates_markers_and_codes_are_not_figures():
    assert scan("In 1991 it declared independence; the 1917 Russian Revolution.") == []
    assert scan("On May 3, 2014 and May 8-10 and April 24.") == []
    assert scan("A poll of 07.08.25, published on 08.21.25.") == []
    assert scan("as the poll shows.[2] See https://example.org/page/2020/12") == []
    assert scan("He left at 2 pm.") == []
    assert scan("in the 1990s") == []


def test_bare_number_continues_an_earlier_count():
    killed, injured = scan("killing 12 people in their homes and injuring 87.")
    assert injured.value == 87 and injured.unit == "people"


def test_one_as_a_pronoun_is_not_a_figure():
    assert scan("One of the main aims; no one knows.") == []


def test_parse_words():
    assert parse_words("three million, two hundred & forty") == 3_000_240
    assert parse_words("twelve") == 12
    assert parse_words("banana") is None


def test_table_columns_and_offsets():
    article = article_from_text("Title\n\nSome 14,000 North Korean soldiers fought for 42 months.")
    frame = figures(article)
    assert list(frame.columns) == [
        "article", "block", "sentence", "start", "end", "text",
        "value", "low", "high", "unit", "kind", "what", "approximate", "reason",
    ]
    for row in frame.itertuples():
        assert article.text[row.start:row.end] == row.text
    assert frame.iloc[0]["what"] == "North Korean soldiers"
    assert frame.iloc[0]["approximate"] == "some"
    assert figure_records(article)[1] == {
        "start": frame.iloc[1]["start"], "end": frame.iloc[1]["end"], "text": "42 months",
        "value": 42.0, "unit": "month", "kind": "duration",
    }


# ---- checks ------------------------------------------------------------------------------------


def test_gap_between_stated_years_consistent():
    article = article_from_text("T\n\nJordan and Israel: ceasefire in 1949; peace treaty in 1994. 45 years.")
    row = checks(article).iloc[0]
    assert row["verdict"] == "consistent"
    assert "1994 - 1949 = 45" in row["arithmetic"]


def test_gap_between_stated_years_inconsistent():
    article = article_from_text("T\n\nA ceasefire in 1973 and a treaty in 1979 (eight years).")
    row = checks(article).iloc[0]
    assert row["verdict"] == "inconsistent"
    assert "1979 - 1973 = 6" in row["arithmetic"]


def test_count_to_the_article_date_names_the_missing_fact():
    article = article_from_text(
        "T\n\nBy Ann Lee\nSeptember 3, 2025\n\nThe aggression began in 2014. They have resisted for 42 months."
    )
    row = checks(article).iloc[0]
    assert row["verdict"] == "cannot tell"
    assert "4 February 2022 and 3 March 2022" in row["arithmetic"]
    assert "between 128 and 140 months" in row["arithmetic"]
    assert "starts from" in row["missing_fact"]


def test_count_without_an_article_date():
    row = checks(article_from_text("T\n\nThey have fought for the past three years.")).iloc[0]
    assert row["verdict"] == "cannot tell" and "published" in row["missing_fact"]


def test_percentages_that_add_up():
    ok = checks(article_from_text("T\n\nOf those asked, 73% oppose it and 16% support it.")).iloc[0]
    assert ok["verdict"] == "consistent" and "73% + 16% = 89%" in ok["arithmetic"]
    bad = checks(article_from_text("T\n\nOf those asked, 73% oppose it and 46% support it.")).iloc[0]
    assert bad["verdict"] == "inconsistent"
    assert checks(article_from_text("T\n\nSales rose by 12% and costs fell by 95%.")).empty


def test_check_records_shape():
    article = article_from_text("T\n\nEgypt and Israel: ceasefire in 1973; peace treaty in 1979 (six years).")
    assert check_records(article) == [
        {"text": "six years", "verdict": "consistent", "arithmetic": "1979 - 1973 = 6. The text says six years, so the numbers agree."}
    ]


# ---- the seeds, one figure at a time --------------------------------------------------------------

LANDERSEN = [
    ("two months", 2, "month"),
    ("almost a year", 1, "year"),
    ("12 people", 12, "people"),
    ("87", 87, "people"),
    ("three-day", 3, "day"),
    ("Some 14,000 North Korean soldiers", 14000, "people"),
    ("hundreds of workers", 200, "people"),
    ("millions of artillery shells", 2_000_000, "shells"),
    ("three years", 3, "year"),
    ("A decade", 1, "decade"),
    ("three years", 3, "year"),
]
SHEVCHUK = [
    ("50 days", 50, "day"),
    ("Three weeks", 3, "week"),
    ("12 days", 12, "day"),
    ("dozens of African countries", 24, "countries"),
    ("two proposals", 2, "proposals"),
    ("1,200 km long", 1200, "km"),
    ("six years", 6, "year"),
    ("45 years", 45, "year"),
    ("Five years", 5, "year"),
    ("half a century", 50, "year"),
    ("five years or more", 5, "year"),
    ("nearly a fifth of its territory", 0.2, "share"),
    ("hundreds of thousands of deaths", 200_000, "people"),
    ("three bilateral meetings", 3, "meetings"),
    ("73%", 73, "percent"),
    ("16%", 16, "percent"),
    ("42 months", 42, "month"),
    ("three and a half years", 3.5, "year"),
    ("3,000 km", 3000, "km"),
    ("more than 100,000 Ministry of Internal Affairs security forces personnel", 100_000, "people"),
    ("42 months", 42, "month"),
]


def test_landersen_figures_one_by_one(landersen):
    frame = figures(landersen)
    assert [(r.text, r.value, r.unit) for r in frame.itertuples()] == [(t, pytest.approx(v), u) for t, v, u in LANDERSEN]


def test_shevchuk_figures_one_by_one(shevchuk):
    frame = figures(shevchuk)
    assert [(r.text, r.value, r.unit) for r in frame.itertuples()] == [(t, pytest.approx(v), u) for t, v, u in SHEVCHUK]


def test_shevchuk_checks(shevchuk):
    frame = checks(shevchuk)
    gaps = frame[frame["arithmetic"].str.contains(" - ")]
    assert gaps["text"].tolist() == ["six years", "45 years", "Five years"]
    assert set(gaps["verdict"]) == {"consistent"}
    months = frame[(frame["text"] == "42 months") & (frame["verdict"] == "cannot tell")]
    assert len(months) == 2
    assert "2014" in months.iloc[0]["arithmetic"] and "not 42" in months.iloc[0]["arithmetic"]
    shares = frame[frame["arithmetic"].str.contains("%")]
    assert shares["verdict"].tolist() == ["consistent"]


def test_landersen_checks(landersen):
    frame = checks(landersen)
    assert frame["verdict"].tolist() == ["cannot tell"]
    assert "13 May 2021 and 12 May 2022" in frame.iloc[0]["arithmetic"]


def test_every_row_has_a_reason(seeds):
    for article in seeds:
        for frame in (figures(article), checks(article)):
            assert frame["reason"].notna().all() and (frame["reason"].str.len() > 20).all()


def test_rates_and_powers():
    price = one("It rose to $15.4/hour.")
    assert (price.value, price.unit, price.kind) == (15.4, "dollar per hour", "money")
    speed = one("at 200 kilometres per hour")
    assert speed.unit == "km per hour"
    span = one("from $350 per kg to $680 per kg")
    assert (span.low, span.high, span.unit) == (350, 680, "dollar per kg")
    assert one("exactly 8x2^10 bits").value == 8192
    assert one("by a factor of 2.48×10−5").value == pytest.approx(2.48e-5)


def test_one_of_a_unit():
    assert one("Oh look, a penny!").unit == "penny"
    year = one("the largest attack in almost a year")
    assert (year.value, year.unit, year.approximate) == (1, "year", "almost")
    assert scan("once a year") == []


def test_names_labels_and_clock_times_are_not_figures():
    assert scan("F-16 jets, S-400 systems, COVID-19 and the G7 met.") == []
    assert scan("Article 73 and Resolution 2231 say so; we met at 10:30.") == []
    assert one("Ukraine asked for 24 F-16 jets.").value == 24


def test_ages_money_nouns_and_times_of_day():
    age = one("a 63-year-old man")
    assert (age.value, age.kind) == (63, "age")
    money = one("hundreds of billions of dollars")
    assert (money.value, money.unit, money.kind) == (200_000_000_000, "dollar", "money")
    assert scan("It was 7 p.m. and then three o'clock.") == []


def test_patterns_skipped_for_want_of_a_character_could_not_have_matched():
    """_scan skips web addresses without 'http'/'www.', markers without brackets, clocks without ':' and
    ordinals without a digit before st/nd/rd/th: every match in these texts has what its check looks for."""
    from workbook import figures as f
    from workbook import load_seeds

    texts = [
        "See https://example.org/1999 and www.example.com/2 [12] (3) [ 4 ]. At 10:30 or 7:05:01 on the 1st, 22ND, 3rd, 4th.",
    ] + [block.text for article in load_seeds() for block in article.block_list]
    seen = 0
    for text in texts:
        for m in f._URL.finditer(text):
            assert "http" in m.group(0) or "www." in m.group(0)
            seen += 1
        for m in f._MARKER.finditer(text):
            assert "[" in m.group(0) or "(" in m.group(0)
            seen += 1
        for m in f._CLOCK.finditer(text):
            assert ":" in m.group(0)
            seen += 1
        for m in f._ORDINAL.finditer(text):
            assert f._ORDINAL_CUE.search(m.group(0))
            seen += 1
    assert seen >= 10


def test_figures_and_checks_are_remembered_per_article():
    text = "T\n\nBy Ann Lee\nMay 12, 2025\n\nJordan and Israel: ceasefire in 1949; peace treaty in 1994. 45 years. It has lasted for 42 months."
    article = article_from_text(text, metadata={})
    first = figures(article)
    first.loc[:, "value"] = 0.0  # changing a returned table changes nothing remembered
    assert figures(article)["value"].tolist() == [45.0, 42.0]
    before = checks(article)
    assert "12 May 2025" in before["arithmetic"].iloc[1]
    article.metadata["date"] = "2020-01-01"  # the count back follows a date the metadata gives
    assert "1 January 2020" in checks(article)["arithmetic"].iloc[1]


def test_numbers_are_found_only_where_they_can_begin_yet_all_of_them():
    """`_numbers` tries `_NUMBER` only where a number can begin (a sign, or a word in a letters-only copy): same matches as finditer."""
    from workbook import figures as f
    from workbook import load_seeds

    texts = [
        "Some 14,000 soldiers, -3 and −4.5, .5 of it, 2 1/2 miles, 3½ days, ½ a loaf, a year, an hour, half a century.",
        "TWENTY-ONE, Twenty one, ninety nine, Seventeen, a Hundred and two, A Dozen, dozens of, Tens Of Thousands of,",
        "one-third, a quarter of, Two Halves, zero, a million, a-ha, an-other, ONE, twelve.five, 1e6, 3 x 10^6, 1,000,000",
        "abc1 x2 _3 4_ é5 6é, F-16, COVID-19, twentyfive, fiftyish, a\u00a0year, an\nhour, (7) [8] 9.",
        "ſeven and ſome thouſands, İn a year, bıllions",  # letters that match others regardless of case
        "It’s on; I’m in. Don’t s t m b a, an, a- an- on-one s-5 t.6 a.7 an/8 one/ten a\ttwo",  # short words
        "a - million, a -5, A Million, AN HOUR, a  dozen, a -- third, a tonne, a centurion, an\u00a0hour, data million",
        "a, year; a. hundred éone one_two two3 “three” ‘a year’ a\u2003year a\u2014third an—hour -a year .5a 5-a-side",
    ] + [block.text for article in load_seeds() for block in article.block_list]
    for text in texts:
        assert [m.span() for m in f._numbers(text)] == [m.span() for m in f._NUMBER.finditer(text)], text


def test_unit_names_written_as_a_tree_match_what_the_plain_list_matches():
    """`trie_pattern` (used for the unit names) matches what the longest-first list of the same words matches."""
    import re

    from workbook import figures as f
    from workbook import load_seeds

    words = sorted(f.UNITS, key=len, reverse=True)
    plain = re.compile(r"(?P<sep>\s*-\s*|\s*)(?P<unit>" + "|".join(map(re.escape, words)) + r")(?![\w°])", re.IGNORECASE)
    tree = re.compile(r"(?P<sep>\s*-\s*|\s*)(?P<unit>" + f.trie_pattern(words) + r")(?![\w°])", re.IGNORECASE)
    texts = [
        "5 KM, 3 Km², 2 -  kms, 5 ſec, 3 °C, 4 Mwh, 7 percentage points, 1 sq km, 2 SQ MI, 3 kWh. 10 KB, 5 tev, 6 t. 9-gallon",
        "12 m, 12 mi, 12 min, 12 mins, 12 mm, 12 mg, 12 ml, 12 mb, 12 mhz, 12 mw, 12 mwh, 12 kilometres, 12 kilos",
    ] + [block.text for article in load_seeds() for block in article.block_list][:20]
    seen = 0
    for text in texts:
        for position in range(len(text)):
            expected, got = plain.match(text, position), tree.match(text, position)
            assert (expected is None) == (got is None), text[position:position + 20]
            if expected is not None:
                assert expected.regs == got.regs, text[position:position + 20]
                seen += 1
    assert seen > 100
    with pytest.raises(ValueError):
        f.trie_pattern(["Km"])


def test_lower_case_copies_keep_every_offset_and_every_word_character():
    """What `_numbers` relies on: lower() keeps one character per character (except 'İ', which turns the
    shortcut off) and never turns a word character into a non-word one or back."""
    import re

    from workbook.dates import CASE_FOLDS

    word = re.compile(r"\w")
    for point in range(0x110000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        c = chr(point)
        low = c.lower()
        if len(low) != 1:
            assert c in CASE_FOLDS
            continue
        assert bool(word.match(c)) == bool(word.match(low)), hex(point)


# ---- a unit carries across a list; dates in numbers are never figures (issue 13, section 5) -------


def _found(text: str) -> list[tuple[str, float, str | None, str]]:
    article = article_from_text("Headline\n\n" + text)
    return [(r["text"], r["value"], r["unit"], r["kind"]) for r in figure_records(article)]


def test_a_unit_carries_forward_across_a_list_of_shares_and_the_check_adds_them_all():
    text = ("In the poll, 44 percent said they trust the army, another 20 said they trust parliament, "
            "and another 12 percent said they trust no one.")
    assert _found(text) == [("44 percent", 44.0, "percent", "percent"), ("20", 20.0, "percent", "percent"),
                            ("12 percent", 12.0, "percent", "percent")]
    [check] = check_records(article_from_text("Headline\n\n" + text))
    assert check["arithmetic"].startswith("44% + 20% + 12% = 76%") and check["verdict"] == "consistent"
    row = figures(article_from_text("Headline\n\n" + text)).iloc[1]
    assert "'44 percent'" in row["reason"] and "percent" in row["reason"]  # the highlight says why


def test_a_unit_written_once_at_the_end_of_a_list_carries_back():
    assert [unit for _, _, unit, _ in _found("Of the voters, 40, 35 or 25 percent chose each party.")] == ["percent"] * 3
    assert _found("The roads are 5, 8 and 12 km long.")[0][2:] == ("km", "distance")


def test_a_list_of_rises_is_not_read_as_shares_of_one_group():
    text = "Prices rose 5, 10 and 15 percent in three years."
    assert [unit for _, _, unit, _ in _found(text)][:3] == ["percent"] * 3
    assert check_records(article_from_text("Headline\n\n" + text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "It was 44 percent. 20 said no.",  # another sentence
        "In 44 percent of cases, 20 of the judges agreed.",  # "20 of ...": a count
        "After 3 days, 5 had died.",  # a length of time is not carried forward to a bare number
        "Turnout was 44 percent and 20 parties ran.",  # a counted noun of its own
    ],
)
def test_a_unit_does_not_carry_where_the_number_counts_something_else(text):
    assert all(unit != "percent" or "percent" in surface for surface, _, unit, _ in _found(text)), _found(text)


@pytest.mark.parametrize("date", ["13-03-2020", "13.03.2020", "2020-03-13", "13/03/2020", "3/13/20", "2020.03.13", "13-3-20"])
def test_a_date_in_numbers_is_never_a_figure(date):
    assert _found(f"The decree of {date} was replaced 2 days later.") == [("2 days", 2.0, "day", "duration")]


def test_number_shapes_that_are_not_real_dates_are_still_read():
    assert _found("It ended 31.12.99 with 45.32.99 left over.")[0][0].startswith("45")


def test_a_ratio_after_a_share_is_not_a_share():
    text = "Only 9 percent changed their minds, while about eight out of 10 said it would not, and one in five did not know."
    units = [unit for _, _, unit, _ in _found(text)]
    assert units[0] == "percent" and "about eight" in [surface for surface, *_ in _found(text)]
    assert all(unit is None for unit in units[1:]), _found(text)
    assert check_records(article_from_text("Headline\n\n" + text)) == []
