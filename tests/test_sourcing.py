"""Tests for workbook.sourcing: quotations, attributions, citations and the summary.

Short texts written for these tests cover each kind of quotation and each type
of source; the seeds' quotations are then checked one by one, with the
expected kind and speaker written out here (a careful reader's reading of
each sentence, not the code's output copied back).
"""

from __future__ import annotations

import pandas as pd
import pytest

from workbook import article_from_text
from workbook import sourcing
from workbook.sourcing import attributions, citations, quotes, source_type, summary

SPAN_COLUMNS = ["article", "block", "sentence", "start", "end", "text"]


def make(body: str, headline: str = "A headline for the test") -> object:
    return article_from_text(f"{headline}\n\n{body}", id="test")


def rows(frame: pd.DataFrame, *columns: str) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame[list(columns)].itertuples(index=False)]


def only(frame: pd.DataFrame, needle: str) -> pd.Series:
    found = frame[frame["text"].str.contains(needle, regex=False)]
    assert len(found) == 1, f"expected one row containing {needle!r}, got {len(found)}: {frame['text'].tolist()}"
    return found.iloc[0]


def check_spans(article, frame: pd.DataFrame) -> None:
    assert list(frame.columns[:6]) == SPAN_COLUMNS
    for row in frame.itertuples(index=False):
        assert article.text[row.start : row.end] == row.text
    assert frame["reason"].notna().all()
    assert (frame["reason"].str.len() > 20).all()


# --------------------------------------------------------------------------------------
# quotations: kinds
# --------------------------------------------------------------------------------------


def test_direct_quote_after_which_the_speaker_and_title_are_named():
    article = make("“We will rebuild the bridge,” Ann Lee, the city’s mayor, said on Monday.")
    frame = quotes(article)
    check_spans(article, frame)
    row = frame.iloc[0]
    assert row["kind"] == "direct"
    assert row["speaker"] == "Ann Lee"
    assert row["speaker_description"] == "the city’s mayor"
    assert row["cue"] == "said"
    assert article.text[row["speaker_start"] : row["speaker_end"]] == "Ann Lee"
    assert "reporting verb" in row["reason"]


def test_direct_quote_with_the_verb_before_the_name():
    frame = quotes(make("“Nothing is decided yet,” said Ben Okafor, a union organiser."))
    row = frame.iloc[0]
    assert (row["kind"], row["speaker"], row["cue"]) == ("direct", "Ben Okafor", "said")
    assert row["speaker_description"] == "a union organiser"


def test_title_before_a_name_becomes_the_description():
    frame = quotes(make("Foreign Minister Maria Rossi told reporters: “The talks are over.”"))
    row = frame.iloc[0]
    assert row["speaker"] == "Maria Rossi"
    assert row["speaker_description"] == "Foreign Minister"
    assert row["cue"] == "told"


def test_partial_quote_after_a_participle_belongs_to_the_subject():
    text = "As a gesture to the rebels, Karl Weber raised the tariff, claiming the port had closed “years ago.”"
    row = quotes(make(text)).iloc[0]
    assert (row["kind"], row["speaker"], row["cue"]) == ("direct", "Karl Weber", "claiming")


def test_according_to_names_the_speaker():
    row = quotes(make("According to the harbour master, the ship was “badly overloaded.”")).iloc[0]
    assert row["kind"] == "direct"
    assert row["speaker"] == "the harbour master"
    assert row["cue"] == "according to"


def test_scare_quotes_after_so_called_and_short_unattributed_words():
    frame = quotes(make("The so-called “experts” met again. The plan was “agreed” in secret."))
    assert rows(frame, "kind") == [("scare",), ("scare",)]
    assert "so-called" in frame.iloc[0]["reason"]
    assert frame["speaker"].isna().all()


def test_supposedly_marks_distance_even_after_a_reporting_verb():
    row = quotes(make("The ministers, who had been insisting on talks, came supposedly to “offer support” to the mayor.")).iloc[0]
    assert row["kind"] == "scare"


def test_names_of_works_weapons_and_groups():
    frame = quotes(make(
        "She quoted the pamphlet “Bread and Roses” at length. New “Falcon” missiles arrived. "
        "The “Circle of Friends” met in March."
    ))
    assert rows(frame, "kind") == [("name",), ("name",), ("name",)]
    assert "missiles" in only(frame, "Falcon")["reason"]


def test_slogans():
    frame = quotes(make("Marchers carried the slogan “Bread, not bombs!” through the square. They chanted “Free them all!” for hours."))
    assert rows(frame, "kind") == [("slogan",), ("slogan",)]


def test_headline_quote_with_a_reporting_verb():
    article = article_from_text("Lee says plan 'a disgrace to the city'\n\nMayor Ann Lee spoke on Monday.")
    row = quotes(article).iloc[0]
    assert (row["kind"], row["speaker"], row["cue"]) == ("headline", "Lee", "says")


def test_headline_quote_names_whose_words_they_are():
    article = article_from_text("Dock workers in Gdansk: ‘We will not unload the ship’\n\nThe strike began on Monday.")
    row = quotes(article).iloc[0]
    assert row["kind"] == "headline"
    assert row["speaker"] == "Dock workers in Gdansk"


def test_a_long_quoted_sentence_without_a_speaker_is_direct_with_no_speaker():
    row = quotes(make("The leaflet ended there. “Nobody will be left behind when the river floods again.” That was all.")).iloc[0]
    assert row["kind"] == "direct"
    assert pd.isna(row["speaker"])
    assert "no speaker" in row["reason"]


def test_a_following_quoted_sentence_continues_the_same_speaker():
    text = "“The water is rising,” Lena Park, the engineer, wrote on Friday. “We need sandbags on every street tonight.”"
    frame = quotes(make(text))
    assert rows(frame, "kind", "speaker") == [("direct", "Lena Park"), ("direct", "Lena Park")]
    assert pd.isna(frame.iloc[1]["cue"])


def test_a_dash_and_a_name_after_a_quote_credit_the_words():
    row = quotes(make("“He has never listened to us.” ― Rosa Diaz\n\nThe next reader wrote in Spanish.")).iloc[0]
    assert (row["kind"], row["speaker"]) == ("direct", "Rosa Diaz")


def test_a_clause_ending_in_a_colon_introduces_the_quote():
    row = quotes(make("Then Omar Haddad went on: “The vote was stolen from us all.”")).iloc[0]
    assert (row["kind"], row["speaker"], row["cue"]) == ("direct", "Omar Haddad", "went")


# --------------------------------------------------------------------------------------
# quotations: pairing marks
# --------------------------------------------------------------------------------------


def test_apostrophes_are_not_quotation_marks():
    article = make("Moscow’s troops moved. The rulers’ aim was clear, and the workers' union didn't agree.")
    assert quotes(article).empty


def test_single_quotes_with_an_apostrophe_inside():
    row = quotes(make("Tom Hale said the deal was ‘Europe’s last chance’ and left.")).iloc[0]
    assert row["text"] == "‘Europe’s last chance’"
    assert (row["kind"], row["speaker"]) == ("direct", "Tom Hale")


def test_a_plural_possessive_inside_single_quotes():
    frame = quotes(make("Mia Chen called it ‘the workers’ union of the future’ and left. The ‘rulers’ met. Then ‘Europe’s last chance’ came."))
    assert frame["text"].tolist() == ["‘the workers’ union of the future’", "‘rulers’", "‘Europe’s last chance’"]


def test_straight_quotes_work_like_curly_ones():
    row = quotes(make('"We will win," said Jane Roe. The crowd cheered.')).iloc[0]
    assert row["text"] == '"We will win,"'
    assert (row["kind"], row["speaker"]) == ("direct", "Jane Roe")


def test_nested_quotes_make_one_row_for_the_outer_quote():
    frame = quotes(make("“They called it ‘a farce,’ and walked out,” Ida Berg said."))
    assert len(frame) == 1
    assert frame.iloc[0]["text"] == "“They called it ‘a farce,’ and walked out,”"
    assert frame.iloc[0]["speaker"] == "Ida Berg"


def test_a_quote_that_runs_over_a_paragraph_break():
    text = (
        "Sara Lind, the committee chair, wrote: “The first problem is the money, which never arrived.\n\n"
        "“The second problem is the time we lost waiting for it.”\n\nThe meeting ended."
    )
    article = make(text)
    frame = quotes(article)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert "\n\n" in row["text"] and row["text"].endswith("waiting for it.”")
    assert row["speaker"] == "Sara Lind"


def test_a_quote_whose_closing_mark_is_in_the_next_paragraph():
    article = make("Aid workers said that “the roads are\n\nclosed to every truck.” Nothing moved.")
    frame = quotes(article)
    assert len(frame) == 1 and frame.iloc[0]["text"].endswith("truck.”")


@pytest.mark.parametrize(
    "body",
    [
        "“This quotation never closes. The paragraph ends.\n\nA new paragraph starts without a mark.",
        "A closing mark” with no opening mark, and a lone ‘ mark.",
        "Straight \" marks \" \" everywhere ' and ' odd ones",
        "“”‘’",
        "«Guillemets» and „low marks“ too.",
    ],
)
def test_unbalanced_marks_never_crash(body):
    article = make(body)
    frame = quotes(article)
    check_spans(article, frame)
    attributions(article)
    citations(article)


def test_unbalanced_opening_mark_is_skipped_and_later_quotes_still_found():
    frame = quotes(make("“This never closes.\n\nLater, Eva Stone said: “Here is a proper quote.”"))
    assert frame["text"].tolist() == ["“Here is a proper quote.”"]


# --------------------------------------------------------------------------------------
# speakers
# --------------------------------------------------------------------------------------


def test_he_said_resolves_to_the_name_given_earlier():
    text = "“Why wait?” Pavel Novak, the trade minister, asked. The deal is ready, he said, and it is “good for everyone.”"
    frame = quotes(make(text))
    second = only(frame, "good for everyone")
    assert second["speaker"] == "Pavel Novak"
    assert second["cue"] == "said"
    assert frame.iloc[0]["speaker_description"] == "the trade minister"
    # the speaker's span points at the nearest mention: the pronoun
    assert make(text).text[second["speaker_start"] : second["speaker_end"]] == "he"
    assert "taken to mean Pavel Novak" in second["reason"]


def test_a_surname_resolves_to_the_full_name():
    text = "Senator Ruth Adler spoke first. Later, Adler said the vote was “a disgrace to the chamber.”"
    assert quotes(make(text)).iloc[0]["speaker"] == "Ruth Adler"


def test_it_resolves_to_an_organisation_named_before():
    text = "The Kremlin knows this takes years. It cynically insists on “removing the root causes of the conflict.”"
    assert quotes(make(text)).iloc[0]["speaker"] == "The Kremlin"


# --------------------------------------------------------------------------------------
# attributions and source types
# --------------------------------------------------------------------------------------


def test_reported_speech_with_a_listener_and_a_date():
    article = make("Secretary of State Lee Park told the press April 27 the White House was considering new talks.")
    frame = attributions(article)
    check_spans(article, frame)
    row = frame.iloc[0]
    assert row["text"] == "the White House was considering new talks"
    assert (row["source"], row["source_type"], row["cue"]) == ("Lee Park", "person", "told")
    assert article.text[row["source_start"] : row["source_end"]] == "Secretary of State Lee Park"


def test_who_said_takes_its_source_from_the_noun_before_it():
    article = make("The plan was rejected by President Ana Silva, who said changing the border was unlawful.")
    row = attributions(article).iloc[0]
    assert row["source"] == "Ana Silva"
    assert row["text"] == "changing the border was unlawful"
    assert article.text[row["source_start"] : row["source_end"]] == "who"


def test_admitted_and_organisations():
    row = attributions(make("The same day, the two governments admitted foreign troops were involved.")).iloc[0]
    assert (row["source"], row["source_type"], row["cue"]) == ("the two governments", "organization", "admitted")
    assert row["text"] == "foreign troops were involved"


def test_vague_sources_after_the_content():
    row = attributions(make("The convoy was turned back at the border, sources said.")).iloc[0]
    assert row["text"] == "The convoy was turned back at the border"
    assert (row["source"], row["source_type"]) == ("sources", "vague")
    assert "vague" in row["reason"]


def test_numerous_analysts_and_media_outlets_are_vague():
    frame = attributions(make(
        "The world’s media outlets reported on the visit. We doubt it when numerous analysts say that the war is over."
    ))
    assert rows(frame, "source", "source_type") == [("The world’s media outlets", "vague"), ("numerous analysts", "vague")]


@pytest.mark.parametrize(
    ("sentence", "content", "source"),
    [
        ("The bridge, Lee said, will close.", "The bridge, Lee said, will close", "Lee"),
        ("The plan, said the mayor, will fail.", "The plan, said the mayor, will fail", "the mayor"),
        ("Nor, says Ann Lee, is it “allowed at all.”", "is it “allowed at all.”", "Ann Lee"),
    ],
)
def test_inserted_reporting_clauses(sentence, content, source):
    row = attributions(make(sentence)).iloc[0]
    assert (row["text"], row["source"]) == (content, source)


def test_a_dateline_is_not_a_speaker():
    row = quotes(make("WASHINGTON (AP) — The senator issued a statement, saying the plan was “looking for trouble.”")).iloc[0]
    assert (row["speaker"], row["cue"]) == ("The senator", "saying")


def test_people_close_to_someone_are_vague_and_has_long_said_is_a_cue():
    frame = attributions(make("Those close to him say that he would consider the offer. Cruz has long said that he qualifies."))
    assert rows(frame, "text", "source", "source_type") == [
        ("he would consider the offer", "Those close to him", "vague"),
        ("he qualifies", "Cruz", "person"),
    ]


def test_according_to_a_document():
    row = attributions(make("According to a Gallup poll, most people oppose the plan.")).iloc[0]
    assert (row["source"], row["source_type"], row["cue"]) == ("a Gallup poll", "document", "According to")
    assert row["text"] == "most people oppose the plan"


def test_according_to_after_the_content():
    row = attributions(make("Prices rose by half last year, according to the central bank.")).iloc[0]
    assert row["text"] == "Prices rose by half last year"
    assert (row["source"], row["source_type"]) == ("the central bank", "organization")


def test_a_saying_noun_with_an_owner():
    frame = attributions(make("Mayor Ann Lee spoke on Monday. Her claim that the bridge is safe was questioned. Lee’s warning that rain is coming was ignored."))
    assert rows(frame, "source", "cue") == [("Ann Lee", "claim"), ("Ann Lee", "warning")]
    assert frame["text"].str.startswith("the bridge is safe").iloc[0]
    assert frame["text"].str.startswith("rain is coming").iloc[1]


def test_according_to_their_own_interests_is_not_a_source():
    assert attributions(make("They act according to their own interests.")).empty


def test_first_person_and_passive_are_not_attributions():
    frame = attributions(make("We denounce the plan. The town was promised a new school by the council."))
    assert frame.empty


def test_quote_without_a_speaker_is_an_attribution_with_unknown_source():
    frame = attributions(make("The leaflet ended there. “Nobody will be left behind when the river floods again.”"))
    assert rows(frame, "source", "source_type") == [(None, "unknown")]


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Refat Chubarov", "person"),
        ("he", "person"),
        ("the White House", "organization"),
        ("the Ministry of Defence", "organization"),
        ("Moscow", "organization"),
        ("numerous analysts", "vague"),
        ("sources close to the talks", "vague"),
        ("retired colonels", "vague"),
        ("The European imperialists", "vague"),
        ("Russian soldiers", "vague"),
        ("a Gallup poll", "document"),
        ("the constitution", "document"),
        ("the weather", "unknown"),
        ("State Department spokeswoman Heather Nauert", "person"),
        ("an off-duty police officer", "vague"),
        ("NATO", "organization"),
        ("Working people in Ukraine", "vague"),
        ("the Ministry of Defence", "organization"),
        # a title across 'of' before a name; a role that speaks for an organisation
        ("US Secretary of State Ann Lee", "person"),
        ("UN Secretary-General Bo Park", "person"),
        ("the Foreign Ministry spokeswoman", "person"),
        ("the Pentagon spokesman", "person"),
        ("Bank of America Merrill Lynch", "organization"),
        # something of someone's is not someone, but their family, doctor or statement may speak
        ("Lee's ceasefire", "unknown"),
        ("Park's new peace plan", "unknown"),
        ("Scott's wife", "person"),
        ("Johnson’s doctor", "person"),
        ("Obama's statement", "document"),
        # a day or a time word at the start of a sentence never speaks
        ("Tuesday", "unknown"),
        ("Earlier", "unknown"),
        # but "May" is a name as often as the month ("May told MPs")
        ("May", "person"),
    ],
)
def test_source_types(words, kind):
    assert source_type(words) == kind


# --------------------------------------------------------------------------------------
# citations
# --------------------------------------------------------------------------------------

CITED = (
    "Numbered notes\n\n"
    "Most people agree.[2] Some do not (4). The record is clear [4]. One claim has no item.[7]\n\n"
    "Sources\n\n"
    "[1] https://es.wikipedia.org/wiki/Paz\n\n"
    "2. A poll of 07.08.25, published on 08.21.25.\n\n"
    "[3] “A Book,” An Author, 1915.\n\n"
    "(4) https://www.example.org/report"
)


def test_citations_list_items_markers_and_cited_status():
    article = article_from_text(CITED)
    frame = citations(article)
    check_spans(article, frame)
    items = frame[frame["kind"] == "item"]
    assert rows(items, "marker", "number", "cited") == [("[1]", 1, False), ("2.", 2, True), ("[3]", 3, False), ("(4)", 4, True)]
    first = items.iloc[0]
    assert (first["url"], first["domain"], first["language"]) == ("https://es.wikipedia.org/wiki/Paz", "es.wikipedia.org", "es")
    assert items.iloc[3]["domain"] == "example.org" and pd.isna(items.iloc[3]["language"])
    assert len(items.iloc[3]["cited_at"]) == 2  # "(4)" and "[4]."
    assert article.text[items.iloc[1]["cited_at"][0] :].startswith("[2]")
    assert "never cited" in items.iloc[0]["reason"]
    missing = frame[frame["kind"] == "missing item"]
    assert rows(missing, "marker", "number") == [("[7]", 7)]


def test_photo_credits_are_listed():
    article = article_from_text("Floods hit the valley\n\nBy Ann Lee\nMay 3, 2024\nAP Photo/Jane Doe\n\nThe river rose all night and into the morning.")
    frame = citations(article)
    assert rows(frame, "kind", "text") == [("credit", "AP Photo/Jane Doe")]


def test_agency_named_in_the_dateline_is_a_credit():
    article = make("GENEVA, May 3 (Reuters) — Talks resumed on Monday after a week of delays.")
    frame = citations(article)
    assert rows(frame, "kind", "text") == [("agency credit", "Reuters")]
    assert citations(make("It was big (very big) — they said so.")).empty


def test_no_source_list_means_no_items_and_no_missing_items():
    frame = citations(make("Some do not (4). It was 2014 (2)."))
    assert frame.empty


# --------------------------------------------------------------------------------------
# summary and records
# --------------------------------------------------------------------------------------


def test_summary_counts_one_article():
    article = make(
        "“We will rebuild,” Ann Lee said. The so-called “experts” disagreed. "
        "The bridge will close, sources said. According to a city report, repairs cost more."
    )
    row = summary(article).iloc[0]
    assert (row["quotes"], row["direct"], row["scare"]) == (2, 1, 1)
    assert row["attributions"] == 3
    assert (row["named_sources"], row["vague_sources"], row["document_sources"]) == (1, 1, 1)
    assert row["vague_share"] == pytest.approx(0.33, abs=0.01)
    assert row["quotes_per_1000_words"] == pytest.approx(1000 * 2 / article.word_count, abs=0.1)


def test_records_have_exactly_the_export_fields():
    article = article_from_text(CITED + "\n\n")
    quote_article = make("“We will rebuild,” Ann Lee said. The bridge will close, sources said.")
    assert list(sourcing.quote_records(quote_article)[0]) == ["start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "cue"]
    assert list(sourcing.attribution_records(quote_article)[0]) == [
        "source", "source_start", "source_end", "source_type", "cue", "start", "end", "text"
    ]
    records = sourcing.citation_records(article)
    assert records[0] == {"marker": "[1]", "number": 1, "text": "https://es.wikipedia.org/wiki/Paz", "cited": False}
    assert all(type(r["number"]) is int and type(r["cited"]) is bool for r in records)


def test_empty_tables_keep_their_columns():
    article = make("Nothing is quoted or cited here at all.")
    assert list(quotes(article).columns) == SPAN_COLUMNS + list(sourcing.QUOTE_COLUMNS)
    assert list(attributions(article).columns) == SPAN_COLUMNS + list(sourcing.ATTRIBUTION_COLUMNS)
    assert list(citations(article).columns) == SPAN_COLUMNS + list(sourcing.CITATION_COLUMNS)
    assert quote_records_empty(article)


def test_plain_message_for_something_that_is_not_an_article():
    with pytest.raises(TypeError, match=r"quotes\(\) needs one article"):
        quotes("“Some text,” she said.")
    with pytest.raises(TypeError, match="summary"):
        summary([None])
    assert list(summary([]).columns) == sourcing.SUMMARY_COLUMNS


def quote_records_empty(article) -> bool:
    return sourcing.quote_records(article) == [] and sourcing.citation_records(article) == []


# --------------------------------------------------------------------------------------
# the seeds, quotation by quotation
# --------------------------------------------------------------------------------------

# (start of the quoted words, kind, speaker or None, cue or None)
FIRST_SEED = [
    ("‘We fight for sovereignty", "headline", "Working people in Ukraine", None),
    ("“Why wait until May 8?”", "direct", "Andrii Sybiha", "responded"),
    ("“real, not just for a parade.”", "direct", "Andrii Sybiha", "said"),
    ("“a permanent ceasefire first", "direct", "The White House", "said"),
    ("“years ago.”", "direct", "Donald Trump", "claiming"),
    ("“fight for another three years", "direct", "Donald Trump", "claiming"),
    ("“Crimea is the homeland", "direct", "Refat Chubarov", "wrote"),
    ("“No one — under any circumstances", "direct", "Refat Chubarov", None),
]

SECOND_SEED = [
    ("“agreed”", "scare", None, None),
    ("“50 days to do so”", "direct", "Trump", "demanding"),
    ("“tremendous economic sanctions”", "direct", "Trump", "threatening"),
    ("“I have been too generous,”", "direct", "Trump", "admitted"),
    ("“Trump brought Putin out", "direct", "numerous analysts", "say"),
    ("“comprehensive agreement to end the war.”", "direct", "Putin", "proposed"),
    ("“hegemonic imperialist power,”", "scare", None, None),
    ("“quick”", "scare", None, None),
    ("“end the war with peace.”", "direct", "Putin", "proposes"),
    ("“overcoming the root causes", "direct", "The Kremlin", "insisting"),
    ("“Russian world”", "scare", None, None),
    ("“kontrakniki”", "scare", None, None),
    ("“boycotting the peace negotiations.”", "direct", "Putin", "accuse"),
    ("“boycotting”", "scare", None, None),
    ("“peace negotiations”", "scare", None, None),
    ("“against the ceasefire", "direct", "Putin", "tells"),
    ("“tripartite meeting”", "direct", "Trump", "proposes"),
    ("“the partition of Ukraine without Ukraine.”", "direct", "The Kremlin", "insists"),
    ("“peace”", "scare", None, None),
    ("“explicitly support”", "scare", None, None),
    ("“partners”", "scare", None, None),
    ("“future security guarantees”", "scare", None, None),
    ("“firm stance in peace negotiations.”", "direct", None, None),
    ("“Marxists”", "scare", None, None),
    ("“Not a single tank to Ukraine!”", "slogan", None, None),
    ("“If, for example, Morocco", "direct", "Lenin", "states"),
    ("“First of all, socialists", "direct", "Lenin", None),
    ("“West,”", "scare", None, None),
    ("“transgressed”", "scare", None, None),
    ("“Flamingo”", "name", None, None),
    ("“Neptune”", "name", None, None),
    ("“The poor fight, the rich get fat!”", "slogan", None, None),
    ("“West”", "scare", None, None),
    ("“politicians.”", "scare", None, None),
    ("“Group of the Willing”", "name", None, None),
    ("“sending troops”", "scare", None, None),
    ("“in order not to further irritate Putin,”", "direct", "Trump", "said"),
    ("“security guarantees.”", "direct", "Zelensky", "begging"),
    ("“some kind of guarantee.”", "direct", "Trump", "suggests"),
    ("“peacekeeping troops”", "direct", "Macron and Starmer", "discuss"),
    ("“categorically rejects", "direct", "the Kremlin", "responds"),
    ("“Budapest Memorandum,”", "name", None, None),
    ("“leftists”", "scare", None, None),
    ("“Trotskyists”", "scare", None, None),
    ("“Socialism and War,”", "name", None, None),
]


@pytest.mark.parametrize(("index", "expected"), [(0, FIRST_SEED), (1, SECOND_SEED)])
def test_seed_quotes_one_by_one(seeds, index, expected):
    article = seeds[index]
    frame = quotes(article)
    check_spans(article, frame)
    found = rows(frame, "text", "kind", "speaker", "cue")
    assert len(found) == len(expected), [row[0][:30] for row in found]
    for (text, kind, speaker, cue), (prefix, want_kind, want_speaker, want_cue) in zip(found, expected):
        assert text.startswith(prefix), (text, prefix)
        assert (kind, speaker, cue) == (want_kind, want_speaker, want_cue), text


def test_seed_speaker_descriptions(seeds):
    frame = quotes(seeds[0])
    assert only(frame, "Why wait")["speaker_description"] == "Ukraine’s foreign minister"
    assert only(frame, "Crimea is the homeland")["speaker_description"] == "head of the Mejlis, the council of the Crimean Tatars"
    lenin = only(quotes(seeds[1]), "Morocco")
    assert lenin["speaker_description"] == "Lenin’s theoretical and political legacy"


def test_seed_attributions_without_quotation_marks(seeds):
    first = attributions(seeds[0])
    headline = first.iloc[0]
    assert (headline["source"], headline["source_type"]) == ("Working people in Ukraine", "vague")
    rubio = only(first, "the White House was considering")
    assert (rubio["source"], rubio["cue"], rubio["source_type"]) == ("Marco Rubio", "told", "person")
    zelensky = only(first, "altering Ukraine’s borders")
    assert (zelensky["source"], zelensky["cue"]) == ("Volodymyr Zelensky", "said")
    governments = only(first, "North Korean troops were involved")
    assert (governments["cue"], governments["source_type"]) == ("admitted", "organization")
    second = attributions(seeds[1])
    outlets = only(second, "warm welcome")
    assert (outlets["source"], outlets["source_type"]) == ("The world’s media outlets", "vague")
    colonels = second[second["source"] == "Retired colonels"]
    assert colonels["source_type"].tolist() == ["vague"]


def test_seed_citations(seeds):
    assert citations(seeds[0])["kind"].tolist() == ["credit"]
    items = citations(seeds[1])
    assert rows(items, "marker", "number", "cited", "language") == [
        ("[1]", 1, False, "es"), ("2.", 2, True, None), ("[3]", 3, True, None), ("(4)", 4, True, None)
    ]


def test_seed_summary(seeds):
    table = summary(seeds)
    assert table["article"].tolist() == [a.id for a in seeds]
    first, second = table.iloc[0], table.iloc[1]
    assert (first["quotes"], first["direct"], first["headline"]) == (8, 7, 1)
    # the only vague source in the first text is the headline's "Working people in Ukraine"
    assert first["vague_sources"] == 1 and second["vague_sources"] >= 3
    assert second["scare"] > second["direct"] / 2
    assert (second["citations_listed"], second["citations_cited"], second["citations_uncited"]) == (4, 3, 1)


def test_no_seed_words_in_the_code():
    """The rules are general: the module never names anything from the seeds."""
    from importlib import resources

    folder = resources.files("workbook").joinpath("sourcing")
    files = [item for item in folder.iterdir() if item.name.endswith(".py")]
    assert len(files) >= 8  # the package, one file per concern
    code = "\n".join(item.read_text(encoding="utf-8") for item in files).lower()
    for word in ("sybiha", "chubarov", "kremlin", "zelensky", "putin", "trump", "lenin", "marxists", "crimea", "shevchuk"):
        assert word not in code, word


# --------------------------------------------------------------------------------------
# the evaluation command (bench/sourcing.py) on a tiny gold folder written here
# --------------------------------------------------------------------------------------


def _tiny_polnear(folder):
    text = "“We will win,” Ann Lee said. The bridge will close, sources said. Nothing else happened here."
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "doc.txt").write_text(text, encoding="utf-8")

    def span(words):
        start = text.index(words)
        return start, start + len(words)

    lines = []
    for n, (content, source, cue) in enumerate(
        [("“We will win,”", "Ann Lee", "said"), ("The bridge will close", "sources", "said. Nothing"), ("Nothing else happened", "", "happened")],
        start=1,
    ):
        c0, c1 = span(content)
        lines.append(f"T{n}1\tContent {c0} {c1}\t{content}")
        roles = f"Content:T{n}1"
        if source:
            s0, s1 = span(source)
            lines.append(f"T{n}2\tSource {s0} {s1}\t{source}")
            roles += f" Source:T{n}2"
        lines.append(f"E{n}\tAttribution:T{n}9 {roles}")
    (folder / "attributions" / "doc_aaaa.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def bench(monkeypatch):
    """bench.sourcing, importable from the repository's top folder."""
    import importlib
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent))
    return importlib.import_module("bench.sourcing")


def test_bench_scores_a_tiny_gold_folder(bench, tmp_path):
    evaluate = bench.evaluate
    _tiny_polnear(tmp_path / "polnear-dev")
    results = evaluate(tmp_path / "polnear-dev")
    direct, every = results["direct quotes"], results["all attributions"]
    assert (direct["gold"], direct["content recall"], direct["right source (span)"]) == (1, 1.0, 1.0)
    assert every["gold"] == 3
    assert every["content recall"] == pytest.approx(2 / 3)
    assert every["content precision"] == 1.0
    assert results["speed"]["articles"] == 1


def test_bench_finds_the_folder_inside_a_benchmarks_folder(bench, tmp_path, capsys):
    main = bench.main

    _tiny_polnear(tmp_path / "polnear-dev")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "direct quotes: 1 gold" in out and "aim >= 0.90: met" in out


def test_bench_skips_with_a_message_when_the_data_is_absent(bench, tmp_path, capsys):
    main = bench.main

    assert main([str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().out


# --------------------------------------------------------------------------------------
# attributions and speakers (issue 13 §4): one short text per rule, written for the test
# --------------------------------------------------------------------------------------


def _attribution(body: str, needle: str) -> pd.Series:
    return only(attributions(make(body)), needle)


@pytest.mark.parametrize(
    ("body", "needle", "source"),
    [
        # the whole subject, with its relative clause
        ("The mother of a woman who took the pills has described how she was burning up.", "how she was",
         "The mother of a woman who took the pills"),
        # a group joined by "and"
        ("Parata and his family believe whale oil could cure the trees.", "whale oil", "Parata and his family"),
        # a negated auxiliary is not part of the source
        ("Mia Chen spoke later. She doesn't think the bridge will hold.", "the bridge will hold", "Mia Chen"),
        # the agent of "seen by" is not the subject
        ("Intelligence reports seen by the agency suggest that the general planned a coup.", "the general planned",
         "Intelligence reports seen by the agency"),
    ],
)
def test_the_source_is_the_complete_subject(body, needle, source):
    assert _attribution(body, needle)["source"] == source


def test_a_prepositional_phrase_or_subordinator_is_never_a_source():
    frame = attributions(make("Unless you sit very close, you would have a hard time telling between the two screens."))
    assert frame.empty
    assert sourcing.phrases._np_forward(sourcing.words._tokens("about the Reuters report", 0, 24), 0, 4) is None


def test_a_listener_after_told_is_not_the_source():
    row = _attribution("The talks failed on Monday, the source, who had spoken to both sides, told Reuters.", "talks failed")
    assert (row["text"], row["source"], row["cue"]) == ("The talks failed on Monday", "the source", "told")


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Centers for Disease Control and Prevention", "organization"),
        ("the New Zealand Department of Conservation", "organization"),
        ("Secretary of State Marco Rubio", "person"),
        ("The Russian attack", "unknown"),
        ("Analysts", "vague"),
        ("MakingStarWars.net", "organization"),
    ],
)
def test_organisations_groups_and_things_are_not_persons(words, kind):
    assert source_type(words) == kind


def test_an_organisation_name_with_for_is_kept_whole():
    row = _attribution("Officials at the Centers for Disease Control and Prevention said the virus was spreading.", "virus")
    assert "Centers for Disease Control and Prevention" in row["source"]
    assert row["source_type"] in ("organization", "vague")


def test_which_after_a_name_marks_an_organisation():
    row = _attribution("The case was brought by Zenix Media, which accuses the firm of copying its code.", "copying")
    assert (row["source"], row["source_type"]) == ("Zenix Media", "organization")


def test_a_pronoun_resolves_to_a_speaker_not_a_modifier():
    text = "Mayor Ann Lee visited the ward. The Russian attack struck the city on Monday. “We will rebuild,” he said."
    assert quotes(make(text)).iloc[0]["speaker"] != "The Russian"
    text = "Children growing up today see things differently. “Progress is slow,” he said."
    row = quotes(make("Senator Omar Haddad spoke first. " + text)).iloc[-1]
    assert row["speaker"] == "Omar Haddad"


def test_alternating_speakers_in_a_dialogue_are_followed():
    text = "“You are gambling with lives,” Ann Lee said. “No, no, you were the mayor,” Bo Park contradicted him."
    frame = quotes(make(text))
    assert rows(frame, "speaker") == [("Ann Lee",), ("Bo Park",)]


@pytest.mark.parametrize("verb", ["wrote", "posted", "tweeted", "emailed"])
def test_full_quotes_with_written_verbs_are_direct(verb):
    row = quotes(make(f"Ann Lee spoke on Monday. “This story is fake news,” she {verb} on Tuesday.")).iloc[0]
    assert (row["kind"], row["speaker"], row["cue"]) == ("direct", "Ann Lee", verb)


def test_a_partial_quote_inside_an_attributed_sentence_belongs_to_that_speaker():
    text = "Dr. Ann Lee, the agency director, told senators that the virus was “still with us” and “far from over.”"
    frame = quotes(make(text))
    assert rows(frame, "kind", "speaker") == [("direct", "Ann Lee"), ("direct", "Ann Lee")]
    assert "part of what Ann Lee" in frame.iloc[1]["reason"]


@pytest.mark.parametrize(
    "body",
    [
        "North Land and South Land declared a ceasefire in 1953.",
        "On Friday, the city council will announce a new parking strategy.",
        "She wrote books on topics such as the tides.",
        "They met after the Oval Office shouting match ended.",
        "Ann Lee responds evasively to every question about the budget.",
        "Few would argue against the use of cameras in stations.",
        "In fact, it would be safe to say that most of the iceberg is hidden.",
        "Experts have argued over why.",
        "In 1781 a pastor published a book called Le Monde Primitif, tracing old beliefs.",
        "There's no telling what is in store.",
    ],
)
def test_events_nouns_and_the_writers_judgements_are_not_attributions(body):
    assert attributions(make(body)).empty, attributions(make(body))[["text", "source", "cue"]].values.tolist()


def test_content_stops_at_the_end_of_the_reported_clause():
    row = _attribution(
        "Advertisers claim to allow users to opt out of tracking, but it's not clear that the opt-outs work.", "opt out")
    assert row["text"] == "to allow users to opt out of tracking"
    text = "Ann Lee claims that the border is safe, because the ministry maintains that patrols are daily."
    frame = attributions(make(text))
    assert only(frame, "the border is safe")["text"] == "the border is safe"
    assert only(frame, "patrols")["source"] == "the ministry"


def test_inverted_order_finds_the_sources_after_the_verb():
    row = _attribution("The plan will fail, said Ann Lee, Bo Park and Cy Diaz.", "plan will fail")
    assert (row["text"], row["source"]) == ("The plan will fail", "Ann Lee, Bo Park and Cy Diaz")
    row = _attribution("Many programmers leave science for industry, said Ann Lee, an astronomer at the city college.", "programmers")
    assert (row["text"], row["source"]) == ("Many programmers leave science for industry", "Ann Lee")


def test_records_are_built_from_rows_without_a_table(monkeypatch):
    from workbook.sourcing import source_lists, tables
    from workbook.spans import records

    article = make("“We will rebuild,” Ann Lee said. The bridge will close, sources said.[1]\n\nSources\n\n[1] A report.")
    expected = (records(quotes(article), tables.QUOTE_FIELDS), records(attributions(article), tables.ATTRIBUTION_FIELDS))
    fresh = make("“We will rebuild,” Ann Lee said. The bridge will close, sources said.[1]\n\nSources\n\n[1] A report.")

    def no_table(*args, **kwargs):
        raise AssertionError("a record function built a DataFrame")

    monkeypatch.setattr(tables, "span_frame", no_table)
    monkeypatch.setattr(source_lists, "span_frame", no_table)
    assert (sourcing.quote_records(fresh), sourcing.attribution_records(fresh)) == expected
    assert sourcing.citation_records(fresh) == [{"marker": "[1]", "number": 1, "text": "A report.", "cited": True}]


def test_judged_attributions_file_says_how_it_was_made_and_is_large_enough(bench):
    rows_ = bench.read_judged()
    assert len(rows_) >= 150
    assert len({row["page"] for row in rows_}) >= 10
    assert {row["verdict"] for row in rows_} == {"right", "wrong"}
    assert all(row["why"].strip() and row["address"].startswith("http") for row in rows_)
    assert sum(row["held_out"] == "yes" for row in rows_) >= 30
    header = bench.JUDGED.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#") and "judged" in header.lower()


def test_the_judged_scorer_on_a_tiny_page_folder(bench, tmp_path):
    page = tmp_path / "pages" / "tiny"
    page.mkdir(parents=True)
    text = "A headline\n\nThe bridge will close, sources said. North Land and South Land declared a ceasefire.\n"
    (page / "expected.txt").write_text(text, encoding="utf-8")
    article = article_from_text(text, id="tiny")
    body = article.text
    content = body.index("The bridge will close")
    cue = body.index("declared")
    header = ("page\taddress\theld_out\tstart\tend\tcontent\tsource\tmention\tsource_type\tcue\tcue_start\tverdict\t"
              "problem\tright_source\tright_type\tright_start\tright_end\twhy\n")
    judged = tmp_path / "judged.tsv"
    judged.write_text(
        "# made for this test\n" + header
        + f"tiny\thttp://x\tno\t{content}\t{content + 21}\tThe bridge will close\tsources\tsources\tvague\tsaid\t\tright\t\tsources\t\t\t\tok\n"
        + f"tiny\thttp://x\tyes\t{cue + 9}\t{cue + 19}\ta ceasefire\tNorth Land\tNorth Land\tperson\tdeclared\t{cue}\twrong\tnot an attribution\t-\t\t\t\tan event\n",
        encoding="utf-8",
    )
    results = bench.score_judged(tmp_path / "pages", judged)
    assert results["counts"]["all"] == [2, 2]
    assert results["counts"]["held-out"] == [1, 1]


def test_a_source_line_with_an_address_no_parser_can_read_is_kept_without_a_domain():
    a = article_from_text("A headline\n\nBy Ann Writer\n\nThe plan failed [1].\n\nSOURCES\n\n[1] http://[\n", id="test")
    table = citations(a)
    assert len(table) >= 1


def test_the_handover_gate_lets_every_handover_through():
    """`_may_hand_over` says no only where the writer-takes-over pattern cannot match."""
    from workbook.sourcing.reported_speech import _WRITER_TAKES_OVER, _may_hand_over

    handovers = [
        "the plan will work, but it is not clear how", "prices will fall, although there is no sign yet",
        "the talks went well, it remains unclear when", "they will win; I doubt it",
        "the company will pay, but it has not said when", "the law is fair, though we disagree",
    ]
    for text in handovers:
        assert _WRITER_TAKES_OVER.search(text), text
        assert _may_hand_over(text), text
    for text in ("the plan will work in the spring", "prices will fall when the harvest comes in"):
        assert not _WRITER_TAKES_OVER.search(text) and not _may_hand_over(text), text


def test_every_signal_holds_one_of_its_pieces():
    """`_signal_pieces` keeps, for each kind, a string inside every signal: the cheap test before the pattern."""
    from workbook.sourcing.words import _signal_pieces, lexicon

    for kind, signals in lexicon().signals.items():
        pieces = _signal_pieces(kind)
        assert pieces and all(" " not in piece for piece in pieces), kind
        for signal in signals:
            assert any(piece in signal for piece in pieces), (kind, signal)


def test_a_scare_signal_with_two_spaces_or_a_line_break_is_still_read():
    article = make("It is a so  called “peace plan” now, and a so\ncalled “deal” too.")
    assert rows(quotes(article), "text", "kind") == [("“peace plan”", "scare"), ("“deal”", "scare")]
def test_unnamed_politicians_leaders_and_lawmakers_are_vague_sources():
    from workbook.sourcing.source_types import source_type

    assert [source_type(s) for s in ("Influential politicians", "E.U. leaders", "Many lawmakers", "Senator Ann Lee")] == [
        "vague", "vague", "vague", "person"]


def test_hinted_clarified_indicated_and_signalled_report_only_before_that():
    from workbook.sourcing import attribution_records

    article = article_from_text("A headline\n\nAnn Lee hinted that she might “pop in” to the talks. "
                                "Later, Bo Park clarified that he would only attend if she did. "
                                "The map indicated the front line. Tim Park hinted at a deal.")
    assert [(a["source"], a["cue"], a["text"]) for a in attribution_records(article)] == [
        ("Ann Lee", "hinted", "she might “pop in” to the talks"),
        ("Bo Park", "clarified", "he would only attend if she did")]
    assert [(q["speaker"], q["kind"]) for q in sourcing.quote_records(article)] == [("Ann Lee", "direct")]


def test_a_plural_noun_of_saying_before_of_is_not_a_verb():
    from workbook.sourcing import attribution_records

    article = article_from_text("A headline\n\nEarly reports of casualties remind us that this is no game. "
                                "New claims of fraud appeared. The general warns of a long war.")
    assert [(a["source"], a["cue"]) for a in attribution_records(article)] == [
        ("Early reports of casualties", "remind"), ("The general", "warns")]


def test_pointed_out_that_reports_but_pointed_at_and_the_points_do_not():
    from workbook.sourcing import attribution_records

    article = article_from_text("A headline\n\nTim Park pointed out that the talks failed. Ann Lee pointed at the map. "
                                "The points that Bo Park made were fair.")
    assert [(a["source"], a["cue"], a["text"]) for a in attribution_records(article)] == [
        ("Tim Park", "pointed", "the talks failed")]


def test_maintains_a_policy_is_a_thing_kept_but_maintained_that_reports():
    from workbook.sourcing import attribution_records

    article = article_from_text("A headline\n\nThe country maintains an official policy of neutrality. "
                                "The centre maintains a programme for young leaders. Ann Lee maintained that she was innocent.")
    assert [(a["source"], a["text"]) for a in attribution_records(article)] == [("Ann Lee", "she was innocent")]


def test_an_owner_before_a_name_a_country_website_and_one_official_of_an_organisation_are_typed_by_their_head():
    assert [source_type(s) for s in ("Ukraine's Zelenskiy", "Russia’s Foreign Ministry", "News.az", "Interfax.ru",
                                     "J.K. Rowling", "The Kremlin official", "The Kremlin spokesman", "Lee's plan")] == [
        "person", "organization", "organization", "organization", "person", "vague", "person", "unknown"]


def test_a_titled_name_with_small_words_in_the_surname_is_a_person():
    assert [source_type(s) for s in ("European Commission President Ann von der Leyen", "President Bo de Gaulle",
                                     "the Department of State")] == ["person", "person", "organization"]


def test_the_press_secretary_is_a_person_and_the_press_office_an_organisation():
    assert [source_type(s) for s in ("The Press Secretary", "the Pentagon Press Secretary", "The Press Office")] == [
        "person", "person", "organization"]


def test_a_study_or_report_that_found_that_is_a_source_but_found_the_body_is_not():
    from workbook.sourcing import attribution_records

    article = article_from_text("A headline\n\nThe report, published by the institute, found that the talks had failed. "
                                "Police found the body in the river. Not everyone found that pitch compelling.")
    found = attribution_records(article)
    assert [(a["source"], a["source_type"], a["text"]) for a in found] == [
        ("The report", "document", "the talks had failed")]


def test_a_person_of_a_place_of_work_is_a_person_and_a_firm_or_center_an_organisation():
    assert source_type("Rachel C. Abrams of Variety") == "person"
    assert source_type("Doctor Bruce Van Cleave of Aurora Health Care") == "person"
    assert source_type("Mayor Ann Lee of Lima") == "person"
    assert source_type("Centers for Disease Control") == "organization"
    assert source_type("Bank of America") == "organization"
    assert source_type("research firm IDC") == "organization"
    assert source_type("the Tax Policy Center") == "organization"
