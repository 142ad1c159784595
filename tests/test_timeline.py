"""Tests for workbook.timeline: each time-expression form, resolution, events, the seeds' years one by one."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook import article_from_text
from workbook.timeline import describe, events, time_ref_records, time_refs

DATED = "Headline\n\nBy Ann Lee\nMay 12, 2025\n\n"


def refs(body: str, dated: bool = True):
    article = article_from_text((DATED if dated else "Headline\n\n") + body)
    frame = time_refs(article)
    start = article.text.index(body[:10])
    return frame[frame["start"] >= start].reset_index(drop=True)


def only(body: str, dated: bool = True):
    frame = refs(body, dated)
    assert len(frame) == 1, frame[["text", "kind"]].values.tolist()
    return frame.iloc[0]


@pytest.mark.parametrize(
    "body, text, kind, year, date, precision",
    [
        ("It declared independence in 1991.", "1991", "year", 1991, None, "year"),
        ("after the 1917 Russian Revolution.", "1917", "year", 1917, None, "year"),
        ("Protesters marched on May 3, 2014.", "May 3, 2014", "date", 2014, "2014-05-03", "day"),
        ("Published Wed Sep 03, 2025 online.", "Wed Sep 03, 2025", "date", 2025, "2025-09-03", "day"),
        ("It was signed 5 December 1994 there.", "5 December 1994", "date", 1994, "1994-12-05", "day"),
        ("It happened in August 1988 there.", "August 1988", "date", 1988, "1988-08", "month"),
        ("Deported during World War II by force.", "World War II", "era", 1939, None, "era"),
        ("Prices were low in the 1990s everywhere.", "the 1990s", "era", 1990, None, "decade"),
        ("Life in the 19th century was hard.", "the 19th century", "era", 1801, None, "era"),
    ],
)
def test_each_form(body, text, kind, year, date, precision):
    row = only(body)
    assert (row["text"], row["kind"], row["year"], row["precision"]) == (text, kind, year, precision)
    assert (pd_na() is row["date"]) if date is None else row["date"] == date
    assert len(row["reason"]) > 20


def test_date_without_year_resolves_against_the_article_date():
    row = only("Rockets hit the city April 24, killing many.")
    assert (row["text"], row["date"], row["resolved_from"]) == ("April 24", "2025-04-24", "the article's date (2025-05-12)")


def test_date_without_year_and_no_article_date():
    row = only("Rockets hit the city April 24, killing many.", dated=False)
    assert row["year"] is pd_na() and row["date"] is pd_na()
    assert "no date" in row["reason"]


def test_month_day_range():
    row = only("a ceasefire May 8-10 to coincide with it")
    assert (row["text"], row["date"]) == ("May 8-10", "2025-05-08")


def test_numeric_dates_are_flagged_ambiguous():
    row = only("A poll of 07.08.25 was published.")
    assert bool(row["ambiguous"]) and row["year"] == 2025 and row["date"] is pd_na()
    assert "7 August 2025" in row["reason"] and "8 July 2025" in row["reason"]
    clear = only("It was published on 08.21.25 in the paper.")
    assert not bool(clear["ambiguous"]) and clear["date"] == "2025-08-21"


def test_relative_to_the_article_date():
    yesterday = only("Officials spoke yesterday about it.")
    assert (yesterday["kind"], yesterday["date"], yesterday["relative_to"]) == ("relative", "2025-05-11", "the article's date")
    last_year = only("It was worse last year than before.")
    assert last_year["year"] == 2024
    ago = only("It began five years ago in the east.")
    assert ago["kind"] == "relative"


def test_relative_to_the_reference_before():
    frame = refs("The revolution came in 1917. A decade later, it was reversed.")
    later = frame[frame["text"] == "A decade later"].iloc[0]
    assert later["year"] == 1927 and "1917" in later["relative_to"] and "1917" in later["resolved_from"]
    three = refs("He spoke on August 7. Three weeks later, he left.")
    row = three[three["text"] == "Three weeks later"].iloc[0]
    assert row["date"] == "2025-08-28"


def test_relative_to_an_event():
    row = refs("They marched, two months after troops seized the peninsula.").iloc[0]
    assert row["kind"] == "relative" and row["relative_to"].startswith("after: troops seized")


def test_durations_are_time_references():
    frame = refs("They resisted for 42 months and centuries of persecution followed.")
    assert frame[["text", "kind"]].values.tolist() == [["42 months", "duration"], ["centuries", "duration"]]


def test_quoted_deictic_words_are_not_resolved():
    row = only("He wrote: “If war were declared tomorrow, we would act.”")
    assert row["date"] is pd_na() and "quotation" in row["reason"]


def test_discourse_now_is_not_a_time():
    assert refs("Now, let us look at the facts.").empty


def test_offsets_and_records():
    article = article_from_text(DATED + "In 1991 it happened; on April 24 too.")
    frame = time_refs(article)
    for row in frame.itertuples():
        assert article.text[row.start:row.end] == row.text
    records = time_ref_records(article)
    assert records[-1] == {"start": int(frame.iloc[-1]["start"]), "end": int(frame.iloc[-1]["end"]), "text": "April 24", "year": 2025, "date": "2025-04-24"}
    assert records[-2]["date"] is None


def test_describe():
    s = "Washington could recognize Moscow’s 2014 annexation of Ukraine’s Crimean Peninsula, claiming it."
    assert describe(s, s.index("2014"), s.index("2014") + 4) == "Moscow’s annexation of Ukraine’s Crimean Peninsula"
    s = "The exception was the years after the 1917 Russian Revolution when Lenin ruled."
    assert describe(s, s.index("1917"), s.index("1917") + 4) == "Russian Revolution"


def pd_na():
    import pandas as pd

    return pd.NA


# ---- the seeds, one year at a time ---------------------------------------------------------------

LANDERSEN_YEARS = [
    ("May 12, 2025", 2025), ("May 3, 2014", 2014), ("April 24", 2025), ("April 27", 2025), ("April 28", 2025),
    ("May 8-10", 2025), ("World War II", 1939), ("May 8", 2025), ("The same day", 2025), ("2014", 2014),
    ("1991", 1991), ("2014", 2014), ("1783", 1783), ("1917", 1917), ("A decade later", 1927),
    ("World War II", 1939), ("April 22", 2025),
]
SHEVCHUK_YEARS = [
    ("Wed Sep 03, 2025", 2025), ("September 03, 2025", 2025), ("2014", 2014), ("August 7", 2025), ("1953", 1953),
    ("1973", 1973), ("1979", 1979), ("1949", 1949), ("1994", 1994), ("2020", 2020), ("2025", 2025),
    ("now", 2025), ("currently", 2025), ("today", 2025), ("now", 2025), ("2014", 2014), ("now", 2025),
    ("1994", 1994), ("07.08.25", 2025), ("08.21.25", 2025), ("1915", 1915), ("1916", 1916),
]


def test_landersen_years_one_by_one(landersen):
    frame = time_refs(landersen)
    with_year = frame[frame["year"].notna()]
    assert [(r.text, r.year) for r in with_year.itertuples()] == LANDERSEN_YEARS
    same_day = frame[frame["text"] == "The same day"].iloc[0]
    assert same_day["date"] == "2025-04-28"


def test_shevchuk_years_one_by_one(shevchuk):
    frame = time_refs(shevchuk)
    with_year = frame[frame["year"].notna()]
    assert [(r.text, r.year) for r in with_year.itertuples()] == SHEVCHUK_YEARS
    poll = frame[frame["text"] == "07.08.25"].iloc[0]
    assert bool(poll["ambiguous"])


def test_events_for_both_texts(seeds):
    frame = events(seeds)
    assert set(frame["label"]) == {seeds[0].label, seeds[1].label}
    landersen = frame[frame["article"] == seeds[0].id]
    assert landersen[landersen["year"] == 1783]["description"].tolist() == ["czarist Russia’s conquest"]
    assert landersen[landersen["year"] == 1917]["description"].tolist() == ["Russian Revolution"]
    shevchuk = frame[frame["article"] == seeds[1].id]
    assert sorted(shevchuk["year"].tolist()).count(1994) == 2
    assert not frame["sentence_text"].isna().any()
    # "now" and other references to the time of writing are not claimed events
    assert "now" not in frame["time_text"].tolist()


def test_every_row_has_a_reason(seeds):
    for article in seeds:
        frame = time_refs(article)
        assert (frame["reason"].str.len() > 20).all()


# ---- the reference sheet ---------------------------------------------------------------------------

def test_reference_sheet_every_fact_has_a_source_and_every_quote_is_in_its_text(seeds):
    from workbook.timeline import RELATIONS, load_reference_sheet, reference_sheet

    facts = load_reference_sheet()
    assert len(facts) >= 10
    for fact in facts:
        assert fact["sources"], fact["id"]
        assert all(source["url"].startswith("https://") for source in fact["sources"])
        assert fact["claims"], fact["id"]
    sheet = reference_sheet(seeds)
    assert set(sheet["relation"]) <= set(RELATIONS)
    assert sheet["start"].notna().all(), sheet[sheet["start"].isna()]["quote"].tolist()
    by_id = {a.id: a for a in seeds}
    for row in sheet.itertuples():
        assert by_id[row.article].text[row.start:row.end] == row.quote


def test_reference_sheet_covers_the_claims_the_notes_list(seeds):
    from workbook.timeline import reference_sheet

    sheet = reference_sheet(seeds)
    relation = {(row.fact, row.relation) for row in sheet.itertuples()}
    assert ("ukraine-constitution-1996", "contradicts") in relation
    assert ("crimean-tatar-deportation-1944", "contradicts") in relation
    assert ("budapest-memorandum-1994", "leaves open") in relation
    assert ("jordan-israel-1949-1994", "supports") in relation
    both = set(sheet["article"])
    assert both == {a.id for a in seeds}


def test_ago_counts_back_from_the_article_date():
    years = only("It began 22 years ago in the east.")
    assert (years["year"], years["precision"], years["relative_to"]) == (2003, "year", "the article's date")
    months = only("It began five months ago in the east.")
    assert (months["date"], months["precision"]) == ("2024-12", "month")
    assert refs("He is 80 years old.").empty  # an age, not a time


def test_years_said_in_words():
    row = only("It happened in nineteen ninety-six, they said.")
    assert (row["kind"], row["year"]) == ("year", 1996)


# ---- the cheap word tests that let a paragraph skip a pattern ----------------------------------

GATE_SAMPLES = [
    "Today, yesterday and tomorrow; tonight, nowadays, currently, recently, lately, late today, early tonight.",
    "Right now, at present, these days, at the moment; the recent past, the near future, soon, as soon as possible.",
    "In recent weeks, recent months; last week, this month, next year, past decade, coming century, previous weekend.",
    "Current quarter, last spring, this summer, next autumn, past fall, this winter, the season, this morning, "
    "last afternoon, next evening, last night; earlier this week, later last month, earlier next year.",
    "The first quarter, fiscal third quarter, the quarter, year-earlier, year-ago, year-end results; the second-quarter.",
    "The same day, that week, the following month, the previous year, the day before, at the time, that time.",
    "Several days later, a few weeks ago, many months earlier, years afterwards, decades afterward, centuries ago.",
    "For the past years, the last decades, the coming months, the early centuries, recent days, some weeks.",
    "Nineteen ninety-six, nineteen-eighty, nineteen hundred; spring of 1999, Summer 2014, winter 2022, fall of 2003.",
    "On Monday morning, last Tuesday, next Friday night, this Sunday, early Saturday, on Wednesday, late Thursday.",
    "World War II, the Second World War, WWII, WW2, World War One, the Great War, WWI, the Cold War, "
    "the Russian Revolution, the Soviet era, Soviet times, the Middle Ages.",
    "TODAY, YESTERDAY, NOW, THE SAME DAY, SEVERAL YEARS LATER, DAYS, SPRING OF 1999, NINETEEN NINETY, Last Week.",
]


def _gate_texts():
    from workbook import load_seeds

    return GATE_SAMPLES + [block.text for article in load_seeds() for block in article.block_list]


def test_every_match_of_a_gated_pattern_holds_one_of_its_words():
    """A paragraph is skipped only when it has none of a pattern's words: every match must hold one."""
    from workbook import timeline as t

    gated = [
        (t._DEICTIC, t._DEICTIC_WORDS), (t._ANAPHORIC, t._ANAPHORIC_WORDS),
        (t._VAGUE_DURATION, t._VAGUE_DURATION_WORDS), (t._SEASON, t._SEASON_WORDS), (t._YEAR_WORDS, t._YEAR_WORD),
    ]
    seen = 0
    for text in _gate_texts():
        for pattern, words in gated:
            for m in pattern.finditer(text):
                assert t._Gate(m.group(0)).hold(words), (pattern.pattern[:40], m.group(0))
                assert t._Gate(text).hold(words), (pattern.pattern[:40], m.group(0))
                seen += 1
        for m in t._WEEKDAY.finditer(text):
            assert any(day in m.group(0) for day in t._WEEKDAY_NAMES)
            seen += 1
        for era, words in zip(t.eras(), t._era_words()):
            assert words, era.name  # every era in the list gets a quick test
            for m in era.pattern.finditer(text):
                assert any(word in m.group(0) for word in words), m.group(0)
                seen += 1
    assert seen > 100


def test_gated_patterns_read_only_the_stretches_holding_their_words_yet_find_every_match():
    """A pattern runs only between breaks (commas, full stops, ...) in stretches holding one of its words:
    the same matches, groups and all, as over the whole paragraph."""
    from workbook import timeline as t

    gated = [
        (t._DEICTIC, t._DEICTIC_WORDS), (t._ANAPHORIC, t._ANAPHORIC_WORDS), (t._VAGUE_DURATION, t._VAGUE_DURATION_WORDS),
        (t._SEASON, t._SEASON_WORDS), (t._YEAR_WORDS, t._YEAR_WORD), (t._WEEKDAY, t._WEEKDAY_WORDS),
    ]
    edges = ["it,now", "(today)", "recent weeks.", "recent. weeks", "days old", "days.old", "last\nweek", "last, week",
             "Monday.morning", "on\tMonday morning", "nineteen-\neighty", "spring of\n1999", "the same\nday", "ſoon, now"]
    seen = 0
    for text in _gate_texts() + edges:
        gate = t._Gate(text)
        for pattern, words in gated:
            whole = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in gate.finditer(pattern, gate.spans(words))] == whole, text
            seen += len(whole)
    assert seen > 100


def test_letters_that_match_other_letters_regardless_of_case_turn_the_gates_off():
    import re

    from workbook import timeline as t
    from workbook.dates import CASE_FOLDS

    folds = {c for c in map(chr, range(128, 0x110000)) if not 0xD800 <= ord(c) <= 0xDFFF and re.fullmatch("[a-z]", c, re.I)}
    assert folds == set(CASE_FOLDS)
    assert t._DEICTIC.search("ſoon") and t._Gate("ſoon").hold(t._DEICTIC_WORDS)
    assert not t._Gate("a plain sentence").hold(t._DEICTIC_WORDS)
    assert t._Gate("Later Today,").hold(t._DEICTIC_WORDS) and not t._Gate("todays2 yearly").hold(t._DEICTIC_WORDS)


def test_skipping_patterns_leaves_the_references_unchanged(monkeypatch):
    """The same time references with every gate open as with the gates."""
    from workbook import article_from_text
    from workbook import timeline as t

    text = "T\n\nBy Ann Lee\nMay 12, 2025\n\n" + "\n\n".join(GATE_SAMPLES)
    gated = t.time_refs(article_from_text(text))
    monkeypatch.setattr(t._Gate, "hold", lambda self, words: True)
    monkeypatch.setattr(t._Gate, "spans", lambda self, words: [(0, len(self.text))])
    monkeypatch.setattr(t, "_WEEKDAY_NAMES", ("",))
    monkeypatch.setattr(t, "_era_words", lambda: (None,) * len(t.eras()))
    pd.testing.assert_frame_equal(gated, t.time_refs(article_from_text(text)))


def test_time_refs_are_remembered_per_article_and_follow_a_new_date():
    article = article_from_text("T\n\nBy Ann Lee\nMay 12, 2025\n\nOn April 24 it rained, as it had yesterday.", metadata={})
    first = time_refs(article)
    first.loc[:, "year"] = 1  # changing a returned table changes nothing remembered
    again = time_refs(article)
    assert again["year"].tolist() == [2025, 2025, 2025]
    article.metadata["date"] = "2020-01-01"  # a date from metadata wins, and is used at once
    assert time_refs(article)["date"].tolist()[1:] == ["2020-04-24", "2019-12-31"]


def test_strings_every_match_must_hold():
    import re

    from workbook.timeline import required_strings

    assert required_strings(re.compile(r"\b(?:the Cold War)\b")) == ("the Cold War",)
    assert required_strings(re.compile(r"ab?cd|x(?:yz|w)")) == ("cd", "x")
    assert required_strings(re.compile(r"World War (?:II|2)|WWII")) == ("orld War ", "WII")  # Python factors out the "W"
    assert required_strings(re.compile(r"the (?:Soviet )?era(?! of)")) == ("the ",)
    assert required_strings(re.compile(r"[A-Z]\w+|WW2")) is None  # one alternative has no plain characters
    assert required_strings(re.compile(r"cold war", re.IGNORECASE)) is None


def test_tokens_read_from_the_end_are_the_tokens_of_the_whole_text():
    """`describe` reads a sentence's tokens backwards in pieces: the same tokens as reading all of it."""
    from workbook import load_seeds
    from workbook import timeline as t

    texts = [sentence.text for article in load_seeds() for sentence in article.sentence_list] + [
        "", " ", "a", "1,000.5 km", "  “Quoted,” she said (in 2014) -- 3,5 and 4.5.  ", "x" * 250, ("word " * 60).strip(),
        "one\ttwo\nthree  four’s 5-6 [7] ‘8’",
    ]
    for text in texts:
        for chunk in (1, 4, 100):
            assert list(t._tokens_from_end(text, chunk)) == list(reversed(t._TOKEN.findall(text))), (text, chunk)


def test_an_era_is_found_in_one_paragraph_when_the_article_is_tested_once_for_era_words():
    from workbook import timeline as t

    assert not t._may_name_an_era("No era here, only 2020 and last week.")
    assert t._may_name_an_era("Life after the Cold War was calm.")
    article = article_from_text("T\n\nBy Ann Lee\nMay 12, 2025\n\nNothing old here.\n\nLife after the Cold War was calm.\n\nAnd now.")
    eras = [r for r in time_ref_records(article) if r["text"] == "the Cold War"]
    assert len(eras) == 1
    # the article-wide test never hides a paragraph's era: the same refs as testing every paragraph
    assert t._scan_block("Life after the Cold War was calm.", None, "") == t._scan_block("Life after the Cold War was calm.", None, "", True)
    assert [r for r in t._scan_block("Life after the Cold War was calm.", None, "", False) if r.kind == "era"] == []
