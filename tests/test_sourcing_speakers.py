"""Tests for who speaks: descriptions before names, lists of speakers, "in X's words",
speakers after "from ...:", first-person words that are never a name, one-word names that
are organisations, and block quotations that lost their quotation marks
(workbook/sourcing/speakers.py, quotations.py, analysis.py, block_quotes.py).

Every text here was written for the test.
"""

from __future__ import annotations

import pandas as pd

from workbook import article_from_text, rhetoric
from workbook import sourcing
from workbook.sourcing import attributions, quotes, source_type


def make(body: str) -> object:
    return article_from_text(f"A headline for the test\n\nBy Ann Writer\n\n{body}", id="test")


def speaker_of(article, needle: str) -> str | None:
    table = quotes(article)
    found = table[table["text"].str.contains(needle, regex=False)]
    assert len(found) == 1, table["text"].tolist()
    value = found.iloc[0]["speaker"]
    return None if pd.isna(value) else value


def source_of(article, needle: str) -> tuple[str | None, str]:
    table = attributions(article)
    found = table[table["text"].str.contains(needle, regex=False)]
    assert len(found) >= 1, table["text"].tolist()
    row = found.iloc[0]
    return (None if pd.isna(row["source"]) else row["source"]), row["source_type"]


def sources_and_types(article) -> dict[str, tuple[str | None, str]]:
    """Each attribution's words, with its source and the kind of source."""
    return {row["text"]: (row["source"], row["source_type"]) for row in sourcing.attribution_records(article)}


def test_a_description_before_the_name_gives_the_name():
    a = make("“There was no antidote,” her mother, Fiona, said. The hospital will review its care.")
    assert speaker_of(a, "no antidote") == "Fiona"


def test_a_name_and_its_description_are_not_a_list_of_speakers():
    a = make("“The sea is sick,” says Parata, a fierce and patient elder of the tribe.")
    assert speaker_of(a, "sea is sick") == "Parata"


def test_a_list_of_groups_after_the_verb_is_every_speaker():
    a = make("“We were shocked,” said the union, the teachers and their lawyers.")
    assert speaker_of(a, "shocked") == "the union, the teachers and their lawyers"


def test_in_someones_words_names_the_speaker():
    a = make("The team tested five people. In Dr. Lake's words, “Could the moment of deciding matter for what we choose next?”")
    assert speaker_of(a, "moment of deciding") == "Dr. Lake"
    b = make("The law changed. In the words of Ann Lee: “Nobody asked the people who live here, not once.”")
    assert speaker_of(b, "Nobody asked") == "Ann Lee"


def test_a_question_from_someone_names_the_asker_not_the_question():
    a = make("Lorenz spoke for an hour. Then a question came from a member of the audience: “Did you change the start just slightly?”")
    assert speaker_of(a, "change the start") == "a member of the audience"


def test_first_person_words_are_never_the_person_a_pronoun_means():
    a = make(
        "Mark Kent spoke at the trial. These deals take time, he said.\n\n"
        "I've been building relationships for years with the founders.\n\n"
        "He also stressed the need to agree on a shared plan."
    )
    source, _ = source_of(a, "the need to agree")
    assert source == "Mark Kent"


def test_a_one_word_name_that_speaks_as_it_is_an_organisation():
    a = make("Northwind says it has found ways to make games smaller. Northwind says more games are coming.")
    assert source_of(a, "found ways")[1] == "organization"
    assert source_of(a, "more games")[1] == "organization"


def test_a_one_word_place_name_is_an_organisation_but_a_titled_name_stays_a_person():
    place = make("Aid workers waited in Valdoria for weeks. Valdoria has said it will open the roads.")
    assert source_of(place, "open the roads")[1] == "organization"
    person = make("Dr. Lake spoke first. Lake said it was too early to judge. Her team works in Lake County.")
    assert source_of(person, "too early")[1] == "person"
    full = make("Jane Tull spoke first. Tull said it was too early to judge.")
    assert source_of(full, "too early") == ("Jane Tull", "person")


BLOCK = (
    "A key approach is a long relationship with your target, Mark Kent said at the trial. "
    "These deals do not appear overnight, he said.\n\n"
    "I've been building relationships for years, and when we thought it was the right time, we moved quickly.\n\n"
    "He also said that price matters less than trust.\n\n"
    "It was not clear why the plan failed with one rival."
)


def test_a_first_person_paragraph_after_someones_words_is_their_block_quotation():
    a = make(BLOCK)
    assert speaker_of(a, "I've been building") == "Mark Kent"
    reason = quotes(a).set_index("speaker").loc["Mark Kent", "reason"]
    assert "block quotation" in " ".join(reason if isinstance(reason, pd.Series) else [reason])
    marks = rhetoric.markers(a)
    ours = marks[marks["text"].str.lower() == "we"]
    assert len(ours) >= 1 and (ours["voice"] != "writer").all()
    assert set(ours["speaker"]) == {"Mark Kent"}


def test_a_writer_who_says_we_elsewhere_keeps_the_first_person():
    a = make(BLOCK + "\n\nWe think the rival was right to say no.")
    assert not quotes(a)["text"].str.contains("I've been building", regex=False).any()
    marks = rhetoric.markers(a)
    assert (marks[marks["text"].str.lower() == "we"]["voice"] == "writer").any()


def test_my_inside_a_title_is_not_the_first_person():
    a = make(
        "Dr. Rosa Lind was the city's doctor for ten years, she said.\n\n"
        "Lind wrote a memoir of those years entitled The City Doctor: My Patients Were Mayors."
    )
    assert not quotes(a)["text"].str.contains("memoir", regex=False).any()


def test_a_quoted_line_standing_alone_is_someones_words_and_finds_who_says_it_later():
    a = make(
        "The sea is changing, the elders say.\n\n‘We need to listen’\n\n"
        "“Our ancestors tell us the strandings are a sign. We need to listen,” says Parata."
    )
    table = quotes(a)
    line = table[table["text"] == "‘We need to listen’"].iloc[0]
    assert line["kind"] == "headline" and line["speaker"] == "Parata"
    marks = rhetoric.markers(a)
    assert (marks["voice"] != "writer").all()


def test_a_quoted_line_with_more_around_it_is_not_a_line_standing_alone():
    a = make("The plan was a “reform for the workers” and nobody believed it.")
    assert quotes(a).iloc[0]["kind"] == "scare"
    b = make("The mayor spoke first.\n\n“We will rebuild the bridge this year.”")
    assert quotes(b).iloc[0]["kind"] == "direct"


def test_a_payment_line_is_page_furniture_not_the_writers_we():
    a = make("The headset costs a lot, the maker says.\n\nWe accept credit card, Apple Pay and Google Pay.")
    marks = rhetoric.markers(a)
    assert not (marks["text"] == "We").any()


def test_a_run_of_quoted_paragraphs_stays_with_the_speaker():
    a = make(
        "“We counted every bird on the island twice,” said Dr. Ana Ruiz, who led the survey. "
        "She called it a “small miracle” of patience.\n\n"
        "“Essentially, the numbers tell us the colony has doubled in ten years, which nobody expected.”"
    )
    assert speaker_of(a, "colony has doubled") == "Ana Ruiz"


def test_a_quoted_paragraph_after_the_writers_own_paragraph_gets_no_speaker():
    a = make(
        "The survey took ten years and counted every bird.\n\n"
        "“Essentially, the numbers tell us the colony has doubled in ten years, which nobody expected.”"
    )
    assert speaker_of(a, "colony has doubled") is None


def test_imagined_words_passives_and_threats_to_things_are_not_reported_speech():
    cases = {
        "He smiled at the crowd, as if to say, “You think you got me?”": "say",
        "Parata says the old knowledge is being dismissed as overly spiritual.": "dismissed",
        "A disease is threatening the giant kauri tree, which may be 2,000 years old.": "threatening",
    }
    for sentence, cue in cases.items():
        found = attributions(make(sentence))
        assert cue not in found["cue"].dropna().tolist(), (sentence, found[["source", "cue", "text"]].values.tolist())


def test_a_real_threat_is_still_reported_speech():
    found = attributions(make("The minister threatened to close the border if the talks failed."))
    assert found["cue"].tolist() == ["threatened"]


def test_asking_someone_for_comment_reports_no_words():
    found = attributions(make("The Gazette is asking the company for comment and will update this story."))
    assert "asking" not in found["cue"].dropna().tolist()


def test_a_role_before_a_name_is_the_description_and_the_writers_own_words_are_no_source():
    a = make("“I thought a lot before writing this,” Lisbon-based developer Ana Sousa wrote in a post.")
    table = quotes(a)
    assert table.iloc[0]["speaker"] == "Ana Sousa"
    assert "developer" in table.iloc[0]["speaker_description"]
    mine = attributions(make("It will make a great TV, which is something I’d never say about the other headsets."))
    assert not len(mine), mine[["source", "text"]].values.tolist()


def test_an_inserted_source_keeps_the_words_before_it_and_stops_where_the_writer_goes_on():
    found = attributions(make("Warm seas are to blame too, scientists think, with prey moving closer to the shore every year."))
    assert found["text"].tolist() == ["Warm seas are to blame too"]
    found = attributions(make("The console will offer some mixed reality, Northwind says, but it has not given any details yet."))
    assert found["text"].tolist() == ["The console will offer some mixed reality"]
    found = attributions(make("It pays to be wary of rivals, Lee said, and to move fast to get the deal done."))
    assert found["text"].iloc[0].startswith("It pays") and found["text"].iloc[0].endswith("the deal done")


def test_a_first_person_paragraph_introduced_by_a_reporting_colon_is_quoted_even_when_the_writer_says_i():
    a = make(
        "I read the policy twice. I doubt the firm stops at the goals they claim for its data:\n\n"
        "We use the information we have to improve our advertising systems.\n\n"
        "This is, in essence, what I feared."
    )
    table = quotes(a)
    assert table["text"].str.startswith("We use the information").any()
    marks = rhetoric.markers(a)
    ours = marks[marks["text"].isin(["We", "we", "our"])]
    assert len(ours) and (ours["voice"] != "writer").all()


def test_a_colon_before_a_list_of_the_writers_own_points_is_not_a_quotation():
    a = make("I have two points to make:\n\nWe should read the whole policy before we sign.")
    assert not len(quotes(a))


def test_the_sourcing_rows_need_no_pandas():
    import subprocess
    import sys

    code = (
        "import sys; from workbook import load_seeds; from workbook.sourcing.tables import quote_rows, attribution_rows; "
        "a = load_seeds()[0]; quote_rows(a); attribution_rows(a); print('pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_two_word_country_is_an_organisation():
    assert source_of(make("South Africa said the president was safe at home."), "was safe")[1] == "organization"
    assert source_of(make("Ann Lee said the president was safe at home."), "was safe")[1] == "person"


def test_words_a_tweet_or_letter_reads_are_its_senders():
    assert speaker_of(make("The tweet from Harbour News reads, “Show stopped by an angry fan.”"), "angry fan") == "Harbour News"
    assert speaker_of(make("Tom Reed spoke first. His post on Facebook read: “I am done with politics.”"), "done with") == "Tom Reed"
    letter = make("The letter reads: “We will not give up our land.”")
    assert speaker_of(letter, "give up") == "The letter"
    assert source_of(letter, "give up")[1] == "document"


def test_posting_somewhere_then_asking_takes_the_subject_of_posting_not_its_first_word():
    article = make("Staff writer David Emery posted to Twitter asking if there were any calm voters left.\n\n"
                   "Lee wrote to the council asking whether the road would close.")
    assert source_of(article, "calm voters")[0] == "David Emery"
    assert source_of(article, "the road would close")[0] == "Lee"


def test_what_someone_is_calling_a_thing_names_it():
    article = make("The headset takes what the company is calling “spatial” photos through a button.")
    assert quotes(article)["kind"].tolist() == ["name"]


def test_content_stops_at_the_writers_remark_on_what_the_speaker_has_not_done():
    article = make("The company has said that the console will offer mixed reality, but it hasn't offered any details "
                   "yet.\n\nThe mayor said the road would close, but he did not say when.\n\n"
                   "Lee said the plan would work, but it would take time.")
    contents = attributions(article)["text"].tolist()
    assert contents == ["the console will offer mixed reality", "the road would close",
                        "the plan would work, but it would take time"]


def test_he_said_according_to_a_transcript_keeps_his_words_before_the_verb():
    article = make("Ann Lee spoke at the trial. These deals take a long time, she said according to a transcript "
                   "seen by the court.")
    table = attributions(article)
    by_cue = dict(zip(table["cue"], zip(table["source"], table["text"])))
    assert by_cue["said"] == ("Ann Lee", "These deals take a long time")
    assert by_cue["according to"] == ("a transcript", "These deals take a long time")


def test_a_belief_after_what_reports_no_words():
    article = make("They ran the model again with what they thought were the same starting values. "
                   "Lee said the values were wrong.")
    assert attributions(article)["source"].tolist() == ["Lee"]


def test_a_report_nested_in_the_content_does_not_stop_the_next_one_from_ending_it():
    article = make("South Africa said Mr Mugabe had told President Zuma by telephone that he was fine "
                   "and the military said it was keeping him safe.")
    table = attributions(article)
    by_source = dict(zip(table["source"], table["text"]))
    assert by_source["South Africa"] == "Mr Mugabe had told President Zuma by telephone that he was fine"
    assert by_source["the military"] == "it was keeping him safe"


def test_the_writers_doubt_after_a_comma_and_saying_little_about_are_not_reported_words():
    article = make("Advertisers claim to let users opt out of the ads, it's not clear that the opt-outs work.\n\n"
                   "The many retellings say little about how the programs were written.\n\n"
                   "Lee said nothing would change.")
    table = attributions(article)
    assert dict(zip(table["source"], table["text"])) == {
        "Advertisers": "to let users opt out of the ads", "Lee": "nothing would change"}


def test_one_name_with_a_plural_verb_is_a_group():
    article = make("Ngati believe the whales come home to die. Tamsin believes the whales are sick.")
    table = attributions(article)
    assert dict(zip(table["source"], table["source_type"])) == {"Ngati": "organization", "Tamsin": "person"}


def test_being_called_on_by_and_what_someone_is_calling_a_thing_report_no_words():
    article = make("Seven decades later, the elders are called on by tribes across the country for guidance. "
                   "The camera takes what the company is calling “spatial” photos. "
                   "The union called on the government to resign.")
    assert attributions(article)["source"].tolist() == ["The union"]


def test_a_list_of_speakers_before_the_verb_is_the_whole_source():
    assert source_of(make("Macron, Scholz and Starmer said the talks would go on."), "talks")[0] == (
        "Macron, Scholz and Starmer")
    assert source_of(make("The mayor, the police chief and two council members said the road would stay shut."),
                     "road")[0] == "The mayor, the police chief and two council members"


def test_an_opening_phrase_before_a_list_of_speakers_is_not_one_of_them():
    assert source_of(make("In Kyiv, Zelensky and Macron said the talks would go on."), "talks")[0] == (
        "Zelensky and Macron")
    assert source_of(make("Last week, Zelensky and Macron said the talks would go on."), "talks")[0] == (
        "Zelensky and Macron")


def test_a_floating_both_or_all_is_not_part_of_the_source():
    assert source_of(make("Lee and Park both said the deal was fair."), "deal")[0] == "Lee and Park"
    assert source_of(make("The three ministers all said the deal was fair."), "deal")[0] == "The three ministers"


def test_a_war_that_claimed_lives_is_not_a_report():
    article = make("It is a conflict that has claimed at least half a million lives. "
                   "The minister claimed the figures were false.")
    found = attributions(article)
    assert found["text"].tolist() == ["the figures were false"]


def test_someone_named_in_the_text_is_who_she_said_means():
    article = make("Zelensky's peace plan was the talk of the week.\n\n"
                   "An elderly woman named Olena clutched my arm. “Tell them what is happening here,” she said.")
    assert speaker_of(article, "Tell them") == "Olena"


def test_a_day_or_an_opening_time_phrase_is_never_the_speaker():
    article = make("This was the message of Foreign Minister Ann Lee at the council on Tuesday. "
                   "He said that talks were possible.\n\n"
                   "Earlier this month, President Bo Park had said the talks were at a “dead end” for now.")
    sources = attributions(article)["source"].tolist()
    assert "Tuesday" not in sources and "Earlier" not in sources, sources
    assert "Bo Park" in sources[-1]
    assert speaker_of(article, "dead end") == "Bo Park"


def test_an_opening_time_phrase_or_a_trailing_earlier_is_not_part_of_the_source():
    article = make("The Kremlin earlier accused Kyiv of the attack. "
                   "Earlier on May 3, Ann Lee, an adviser to the president, denied any part in it.")
    assert attributions(article)["source"].tolist() == ["The Kremlin", "Ann Lee"]


def test_where_it_was_said_is_not_part_of_what_was_said():
    article = make("Kremlin spokesman Bo Park said in a statement that the talks had failed.")
    assert attributions(article)["text"].tolist() == ["the talks had failed"]


def test_a_subject_after_an_inverted_verb_is_the_name_not_the_verb():
    article = make("“The plan will fail,” said Ann Lee, a professor of law.\n\n“It always does,” she said.")
    assert speaker_of(article, "always does") == "Ann Lee"


def test_one_person_described_two_ways_is_the_whole_subject():
    article = make("The former minister and UN envoy said the plan was a mistake.")
    assert source_of(article, "plan")[0] == "The former minister and UN envoy"


def test_a_plural_noun_or_a_describing_participle_is_not_a_reporting_verb():
    article = make("The Baltic states have long understood the danger. "
                   "In March, Kyiv accepted a ceasefire proposed by Washington. "
                   "Officials said the talks would resume.")
    assert attributions(article)["text"].tolist() == ["the talks would resume"]


def test_a_whole_name_across_of_for_and_abbreviations():
    cases = {
        "Many strikes were launched, according to Brig. Gen. Ann Lee, a senior official.": "Ann Lee",
        "A fifth of the land is held, according to the Institute for the Study of War, a think tank.":
            "the Institute for the Study of War",
        "Deaths have been confirmed, according to the U.N. human-rights office.": "the U.N. human-rights office",
        "Bo Park on Friday called for new talks and said they would help.": "Bo Park",
    }
    for body, source in cases.items():
        assert source_of(make(body), "")[0] == source, body


def test_according_to_at_the_end_of_a_sentence_that_opens_with_a_phrase():
    article = make("At least 40 people died in the attack, according to the agency’s official record.")
    found = attributions(article)
    assert found["text"].tolist() == ["At least 40 people died in the attack"]
    assert found["source_type"].tolist() == ["document"]


def test_according_to_a_person_who_is_described_reports_what_follows_the_description():
    article = make("According to prosecutor Ann Lee, who also sits on the board, charges were brought against 20 people.")
    assert attributions(article)["text"].tolist() == ["charges were brought against 20 people"]


def test_a_government_with_a_nationality_is_an_organisation():
    assert source_of(make("The Saudi government denied any part in the attacks."), "")[1] == "organization"


def test_the_title_of_a_show_inside_reported_words_is_not_a_quotation():
    article = make("As a boss on “The Apprentice,” he rated guests by their looks, according to show insiders.")
    kinds = quotes(article).query("text.str.contains('Apprentice')", engine="python")["kind"].tolist()
    assert len(kinds) == 1 and kinds[0] != "direct", kinds


def test_us_in_capitals_is_the_country_not_the_writer():
    article = make("US spokesman Tim Lee said that the talks were over. US officials said that the border stays shut. "
                   "Let us say that nothing changed. He told us that the talks were over.")
    found = attributions(article)
    assert found["source"].tolist()[:2] == ["Tim Lee", "US officials"]
    assert "us" not in [str(s).lower() for s in found["source"]]


def test_the_owner_of_a_saying_noun_across_one_describing_word():
    article = make("The talks stalled over Lee’s previous demand that the army withdraw.")
    assert source_of(article, "the army withdraw")[0] == "Lee"


def test_state_of_is_the_noun_not_a_reporting_verb():
    article = make("A gunman opened fire at a cinema in the US state of Louisiana, killing two people. "
                   "The governor declared a state of emergency across the region.")
    assert attributions(article).empty


def test_according_to_him_is_the_person_named_before():
    article = make("Kremlin spokesman Tim Lee said that the talks go on. According to him, there is no date for a new meeting.")
    assert source_of(article, "no date for a new meeting")[0] == "Tim Lee"


def test_the_subject_of_a_title_and_a_verb_before_a_name_is_the_titled_person():
    # "met" is not a reporting verb: the minister, not "The minister met Ann Lee", is who "she" can be
    article = make("The minister met Ann Lee on Monday. She said that the talks went well.")
    assert source_of(article, "the talks went well")[0] == "The minister"


def test_to_say_reports_only_before_that_a_colon_or_a_quotation():
    article = make("Tim Lee, the envoy, said there was nothing concrete to say on the matter for now, but that news would follow. "
                   "He went on to say that the plan had failed.")
    sources = attributions(article)
    assert "Tim Lee" in sources["source"].tolist()
    assert sources["cue"].tolist().count("say") == 1  # "went on to say that", not "nothing concrete to say"
    assert "the plan had failed" in sources["text"].tolist()


def test_a_long_title_with_to_the_before_a_name_stays_whole():
    article = make("Earlier, Deputy Assistant to the President of the Republic for National Security Tim Lee said that "
                   "the talks failed. Special Envoy to Ukraine Ann Lee said that they would go on.")
    assert source_of(article, "the talks failed")[0].startswith("Deputy Assistant to the President")
    assert source_of(article, "they would go on")[0] == "Special Envoy to Ukraine Ann Lee"


def test_an_opening_ing_word_and_the_verb_make_one_report():
    article = make('Commenting on remarks by adviser Tim Lee, Ann Park described the remarks as "nonsense."')
    found = attributions(article)
    assert found["cue"].tolist() == ["described"] and found["source"].tolist() == ["Ann Park"]


def test_a_name_with_a_description_then_said_that_is_the_source():
    article = make("Ann Lee, a historian, said that the front held. Tim Park, 45, says that it will not.")
    assert source_of(article, "the front held")[0] == "Ann Lee"
    assert source_of(article, "it will not")[0] == "Tim Park"


def test_unnamed_military_or_intelligence_officials_are_vague_not_an_organisation():
    article = make("Military experts said that the front held. Influential politicians and military professionals "
                   "claimed that the line would hold.")
    assert source_of(article, "the front held") == ("Military experts", "vague")
    assert source_of(article, "the line would hold")[1] == "vague"


def test_people_familiar_with_or_close_to_are_one_vague_source():
    article = make("The talks failed, according to two officials familiar with them. "
                   "According to people close to the minister, a new round is planned.")
    assert source_of(article, "The talks failed") == ("two officials familiar with them", "vague")
    assert source_of(article, "a new round is planned") == ("people close to the minister", "vague")


def test_a_description_then_the_name_between_commas_gives_the_name():
    article = make("Ukraine's foreign minister, Ann Lee, said that the talks had failed. "
                   "A lawyer for the news outlets, Tim Park, said no decision had been made.")
    assert source_of(article, "the talks had failed")[0] == "Ann Lee"
    assert source_of(article, "no decision had been made")[0] == "Tim Park"


def test_a_quotation_then_said_adding_that_makes_two_reports_by_the_same_speaker():
    article = make("“We will not give up,” the former general said, adding that the talks had failed. "
                   "He then defended the remark, saying, “It was fair.”")
    found = attributions(article)
    rows = list(zip(found["source"], found["cue"]))
    assert ("the former general", "said") in rows and ("the former general", "adding") in rows
    assert not [s for s in found["source"] if str(s).startswith("defended")]


def test_suggest_with_a_thing_as_object_is_a_proposal_not_reported_words():
    article = make("Ann Lee suggested a two-week cap on the talks. Tim Park suggested that the talks would fail.")
    assert attributions(article)["source"].tolist() == ["Tim Park"]


def test_she_passes_over_a_man_and_he_over_a_woman_when_a_title_or_role_says_so():
    article = make("“We will win,” said Mr. Park, the mayor. His rival, Mrs. Ann Lee, disagreed. “It is over,” she said. "
                   "Tim Roe, a businessman, arrived. The spokeswoman arrived later. “Not yet,” he said.")
    assert speaker_of(article, "It is over") == "Ann Lee"
    assert speaker_of(article, "Not yet") == "Tim Roe"


def test_the_sex_words_come_only_from_words_next_to_the_name():
    from workbook.sourcing.speakers import _mention_words, sex_of

    assert sex_of(_mention_words({"mention": "Spokeswoman Jo Kim", "name": "Jo Kim"})) == "she"
    assert sex_of(_mention_words({"mention": "Clinton spokesman Nick Lee says that Ann Park", "name": "Ann Park"})) is None
    assert sex_of("Mr. and Mrs. Lee") is None


def test_where_someone_wrote_is_not_part_of_what_they_wrote():
    article = make("Ann Lee wrote on X, formerly Twitter, that the talks had failed.")
    assert attributions(article)["text"].tolist() == ["the talks had failed"]


def test_a_quotation_then_and_a_new_subject_ends_the_words_reported():
    article = make("But President Tim Park said “to hell with that,” and Chancellor Ann Lee went along with him.")
    assert attributions(article)["text"].tolist() == ["“to hell with that,”"]


def test_added_with_a_thing_as_object_is_no_report():
    article = make("The state added the extra week in 2005. Ann Lee added that the week would stay.")
    assert attributions(article)["source"].tolist() == ["Ann Lee"]


def test_states_after_a_group_word_is_the_plural_noun_not_a_report():
    article = make("Prices could rise, as frontline European states gird for a wider war. Member states agree that the plan "
                   "is fair. Tim Park states that every member votes. Ann Lee states: the plan is fair.")
    # ("Member states agree that ..." reports with 'agree', not with 'states')
    assert attributions(article)["source"].tolist() == ["Member states", "Tim Park", "Ann Lee"]


def test_a_participle_then_a_verb_before_that_is_no_report():
    article = make("The two deaths reported on Monday are a reminder that the war is near. "
                   "The agency reported on Monday that the plan had failed.")
    assert attributions(article)["source"].tolist() == ["The agency"]


def test_a_quote_from_someone_is_theirs():
    article = make('The channel carried a quote from Ann Lee praising the party for never having "made empty promises."')
    assert speaker_of(article, "made empty promises") == "Ann Lee"


def test_a_quoted_outlet_after_reported_by_is_a_name_not_words_said():
    article = make('As reported by "Pravdivo," Ann Lee, the ambassador, stated this in an article.')
    table = quotes(article)
    assert table["kind"].tolist() == ["name"]
    assert table["speaker"].isna().all()


def test_people_in_a_place_are_the_whole_subject():
    article = make("Officials in Lvov said the plan would fail. Even so, no one in the city now believes it will last. "
                   "Many in Lvov think the plan will work.")
    assert [source_of(article, needle) for needle in ("would fail", "it will last", "will work")] == [
        ("Officials in Lvov", "vague"), ("no one in the city", "vague"), ("Many in Lvov", "vague")]


def test_a_participle_before_from_ends_the_source():
    article = make("Drones hit a depot, according to a Telegram summary drawn from the channel.")
    assert source_of(article, "Drones hit") == ("a Telegram summary", "document")


def test_a_source_inside_an_opening_while_clause_and_its_words_end_at_the_comma():
    article = make("While the officials keep repeating that no one wants peace more, they want justice. "
                   "While Ann Lee said that the plan would fail, Tim Park disagreed. "
                   "While Tim Park had many artists writing songs about him, that has not happened for Lee.")
    table = attributions(article)
    assert table[["source", "text"]].values.tolist() == [
        ["the officials", "no one wants peace more"], ["Ann Lee", "the plan would fail"]]


def test_where_someone_spoke_before_a_colon_is_not_part_of_the_words():
    article = make("Ann Lee said in a Tuesday night TV address: “Those who started it must get used to it.”")
    assert attributions(article)["text"].tolist() == ["“Those who started it must get used to it.”"]


def test_further_between_a_pronoun_and_its_cue_is_not_the_speaker():
    article = make("Ann Lee, the mayor, spoke to the council. She further stressed:\n\n“The bridge must open this year.”")
    assert speaker_of(article, "The bridge must open") == "Ann Lee"
    article = make("The ministry further said that the bridge would open in May.")
    assert source_of(article, "the bridge would open")[0] == "The ministry"


def test_a_quote_from_label_before_a_colon_names_the_speaker_not_the_word_quote():
    article = make('The bridge closed on Monday.\n\nQuote from the city council: "The bridge will stay shut until the repairs end."\n\n'
                   'Quotation from Ann Lee: "We are sorry for the delay."')
    assert speaker_of(article, "The bridge will stay shut") == "the city council"
    assert speaker_of(article, "sorry for the delay") == "Ann Lee"


def test_a_counted_time_phrase_at_the_start_is_not_the_speaker():
    article = make("The talks broke down. Two days later, Ann Lee called the plan a “bad joke,” again threatening to leave the talks.")
    assert source_of(article, "to leave the talks") == ("Ann Lee", "person")


def test_when_and_how_something_was_said_before_that_are_not_part_of_the_words():
    article = make("Bo Park said Sunday in an interview with the city radio that the talks had stalled. "
                   "Ann Lee said repeatedly in interviews that the bridge would open. "
                   "Tim Park said last week in Lvov that the plan was a mistake.")
    assert attributions(article)["text"].tolist() == [
        "the talks had stalled", "the bridge would open", "the plan was a mistake"]


def test_discussing_a_matter_is_not_reporting_words_and_does_not_cut_the_words_before():
    article = make("Ann Lee stated that Tim Park would discuss the matter with the mayor of Lvov. "
                   "The ministers discussed the ceasefire on Monday.")
    assert attributions(article)[["source", "text"]].values.tolist() == [
        ["Ann Lee", "Tim Park would discuss the matter with the mayor of Lvov"]]


def test_a_second_source_after_the_speaker_is_not_part_of_the_words():
    article = make("The talks will resume next week, he said, according to Tass. "
                   "The bridge is closed, Ann Lee said, according to the city radio.")
    table = attributions(article)
    assert "the talks will resume next week" in [t.lower() for t in table["text"]], table["text"].tolist()
    assert not any("according" in t for t in table["text"]), table["text"].tolist()
    assert not any("he said" in t or "Lee said" in t for t in table["text"]), table["text"].tolist()


def test_news_agencies_are_organisations():
    article = make("Tass reported that the talks had stalled. Ukrinform said the bridge was closed.")
    assert source_of(article, "talks had stalled") == ("Tass", "organization")
    assert source_of(article, "bridge was closed") == ("Ukrinform", "organization")


def test_a_surname_that_is_also_a_small_word_is_part_of_the_name():
    article = make("Theresa May said the deal was done. Huey Long said the roads would be built. "
                   "“We will leave,” Theresa May said.")
    assert source_of(article, "deal was done") == ("Theresa May", "person")
    assert source_of(article, "roads would be built") == ("Huey Long", "person")
    assert speaker_of(article, "We will leave") == "Theresa May"
    assert quotes(article)["kind"].tolist() == ["direct"]


def test_a_small_word_between_a_name_and_its_verb_is_still_skipped():
    article = make("Ann Lee may say the deal was done, but Tim Park has said the roads would be built.")
    assert source_of(article, "roads would be built") == ("Tim Park", "person")


def test_where_a_sentence_opens_is_not_part_of_the_speaker():
    article = make("In a radio interview Tim Park said the plan failed. In Kyiv the mayor said the bridge was closed.")
    assert source_of(article, "plan failed") == ("Tim Park", "person")
    assert source_of(article, "bridge was closed")[0] == "the mayor"


def test_that_after_a_reporting_verb_opens_the_words_not_a_relative_clause():
    article = make("Ann Lee said Friday that she thinks the video should be released.")
    table = attributions(article)
    assert table[["source", "cue", "text"]].values.tolist() == [
        ["Ann Lee", "said", "she thinks the video should be released"],
        ["Ann Lee", "thinks", "the video should be released"]]


def test_a_share_of_people_is_a_vague_source():
    article = make("The poll found that 74 percent of likely voters said the plan failed.")
    rows = {row["text"]: (row["source"], row["source_type"]) for row in sourcing.attribution_records(article)}
    assert rows["the plan failed"] == ("74 percent of likely voters", "vague")
    assert rows["74 percent of likely voters said the plan failed"] == ("The poll", "document")  # the poll's finding


def test_nouns_and_names_that_look_like_reporting_verbs_are_not_attributions():
    article = make("The ministers will visit the Sunshine state in the coming weeks. "
                   "Officials said that the American demand that Bo Park resign had not changed. "
                   "There is a shape called a strange attractor. "
                   "Something a caller told a dispatcher before police arrived is in the file.")
    table = attributions(article)
    assert table[["source", "cue"]].values.tolist() == [["Officials", "said"]], table[["source", "cue", "text"]].values.tolist()


def test_a_plain_verb_after_one_speaker_still_reports_with_a_helper_verb_or_a_group():
    article = make("The mayor will say the plan failed. The police say the bridge is closed. "
                   "A spokesman called the plan a mistake. The paper put it plainly: the talks are over.")
    sources = attributions(article)["source"].tolist()
    assert sources[:3] == ["The mayor", "The police", "A spokesman"], sources


def test_words_after_that_may_open_with_while_or_when():
    article = make("Ann Lee noted that while some plans were being discussed, a clear plan had yet to emerge. "
                   "Tim Park told reporters that when the bridge opens, the city will grow.")
    assert attributions(article)["text"].tolist() == [
        "while some plans were being discussed, a clear plan had yet to emerge",
        "when the bridge opens, the city will grow"]


def test_a_description_with_himself_or_herself_is_a_person():
    article = make("Ann Lee met the envoy. The envoy himself insisted that the talks go on.")
    assert source_of(article, "talks go on")[1] == "person"


def test_a_time_between_the_verb_and_the_words_is_not_part_of_the_words():
    article = make("Ann Lee said yesterday the talks had failed. The minister said on Monday the bridge was closed. "
                   "Tim Park said Monday was a bad day.")
    assert attributions(article)["text"].tolist() == [
        "the talks had failed", "the bridge was closed", "Monday was a bad day"]


def test_a_place_a_day_or_an_idea_named_before_is_not_the_he_who_speaks():
    article = make("Crowds marked the victory over Nazism in Tim Park’s city. "
                   "At the Victory Day parade on Red Square, the old general was silent. "
                   "He repeated that the war would go on.")
    assert source_of(article, "war would go on")[0] == "Tim Park"


def test_some_verbs_of_saying_mean_something_else_with_itself_or_but():
    article = make("The alliance will only assert itself more aggressively. "
                   "American support has assured Ukraine’s survival, but only in the short term. "
                   "Some observers speculate that the mayor is unwell. The West insists that the talks go on.")
    table = attributions(article)
    assert table[["source", "source_type", "cue"]].values.tolist() == [
        ["Some observers", "vague", "speculate"], ["The West", "organization", "insists"]]


def test_an_organisation_named_with_title_like_words_is_the_whole_name():
    article = make("The Northern Defence Ministry said the bridge was hit. "
                   "At least four people were hurt, said the Southland Interior Ministry. "
                   "The Foreign Office said the talks would go on. "
                   "Regional Governor Ann Lee said the roads were closed.")
    assert source_of(article, "bridge was hit") == ("The Northern Defence Ministry", "organization")
    assert source_of(article, "four people were hurt") == ("the Southland Interior Ministry", "organization")
    assert source_of(article, "talks would go on") == ("The Foreign Office", "organization")
    assert source_of(article, "roads were closed") == ("Ann Lee", "person")


def test_according_to_a_source_with_a_description_keeps_the_description_out_of_the_words():
    article = make("At least eight people were hurt in one of the strikes, according to Ann Lee, an adviser to the "
                   "Ministry of Health. According to Tim Park, a spokesman for the council, the roads were closed. "
                   "According to Bo Park, the talks, which began in May, failed in the end.")
    assert attributions(article)[["source", "text"]].values.tolist() == [
        ["Ann Lee", "At least eight people were hurt in one of the strikes"],
        ["Tim Park", "the roads were closed"],
        ["Bo Park", "the talks, which began in May, failed in the end"]]


def test_a_participle_after_where_someone_spoke_is_the_same_speaker_and_ends_the_words():
    article = make("The city is under threat, Mayor Ann Lee said on Telegram, adding that the main streets were closed. "
                   "The port is safe, Tim Park said on Monday, noting that the ships had left.")
    assert attributions(article)[["source", "cue", "text"]].values.tolist() == [
        ["Ann Lee", "said", "The city is under threat"],
        ["Ann Lee", "adding", "the main streets were closed"],
        ["Tim Park", "said", "The port is safe"],
        ["Tim Park", "noting", "the ships had left"]]


def test_what_someone_said_inside_reported_words_is_nested_not_the_end_of_them():
    article = make("Ann Lee met the envoy. Tim Park accused the army of carrying out what he said was a “terrorist "
                   "attack” on the bridge. The council pledged to act against what it called a clear threat to peace.")
    table = attributions(article)
    assert table[["source", "cue", "text"]].values.tolist()[0] == [
        "Tim Park", "accused", "the army of carrying out what he said was a “terrorist attack” on the bridge"]
    assert source_of(article, "clear threat")[0] == "The council"
    assert table[table["cue"] == "pledged"]["text"].tolist() == ["to act against what it called a clear threat to peace"]
    # the quotation inside is Tim Park's, named earlier in its sentence, not Ann Lee's from the sentence before
    assert speaker_of(article, "terrorist") == "Tim Park"


def test_a_pronoun_after_a_one_word_opening_is_not_that_word():
    article = make("Ann Lee spoke first. Soon she said the plan had failed. Crops, she noted, were withering.")
    assert source_of(article, "plan had failed")[0] == "Ann Lee"
    assert source_of(article, "withering")[0] == "Ann Lee"


def test_about_a_topic_after_the_verb_is_not_the_words_but_about_a_number_is():
    article = make("What did Tim Park say about the attacks? Officials said about 40 people were hurt. "
                   "Ann Lee complained about the noise the morning after the vote.")
    assert attributions(article)[["source", "text"]].values.tolist() == [["Officials", "about 40 people were hurt"]]


def test_a_second_source_after_an_inverted_one_reports_the_same_words():
    article = make("Missiles hit the city on Monday, killing at least 27 people, officials said, the Daily Post reports.")
    assert attributions(article)[["source", "text"]].values.tolist() == [
        ["officials", "Missiles hit the city on Monday, killing at least 27 people"],
        ["the Daily Post", "Missiles hit the city on Monday, killing at least 27 people"]]


def test_he_in_a_later_clause_is_the_person_who_reports_earlier_in_the_sentence():
    article = make("Ann Lee met the envoy. Explosions were heard in the city, a day after Regional Governor Tim Park accused the army "
                   "of carrying out what he said was a “terrorist attack” on the bridge.")
    assert speaker_of(article, "terrorist") == "Tim Park"


def test_an_opening_participle_reports_the_words_up_to_its_comma():
    article = make("Saying variously that the plan cannot work and must be dropped, Ann Lee left the room. "
                   "Citing an unfounded theory, Tim Park accused the mayor of lying. "
                   "Lamenting their luck, Bo Park went home.")
    assert attributions(article)[["source", "cue", "text"]].values.tolist() == [
        ["Ann Lee", "Saying", "the plan cannot work and must be dropped"],
        ["Tim Park", "accused", "the mayor of lying"]]


def test_a_participle_before_its_noun_and_a_threat_of_a_thing_are_not_reports():
    article = make("Hope gave way to fear because promised delivery of the aid is late. "
                   "The fighting threatens even greater danger for the city. "
                   "Ann Lee threatened that the talks would end.")
    assert attributions(article)[["source", "text"]].values.tolist() == [["Ann Lee", "the talks would end"]]


def test_newspapers_named_zeitung_herald_observer_or_daily_are_organisations():
    article = make("Europe must do more, the Neue Rundschau Zeitung argues. The Lakeside Herald reported that the "
                   "bridge was closed. The Hill Observer found that rents had doubled. Ann Lee, an observer at the "
                   "talks, said they had failed.")
    assert source_of(article, "Europe must do more") == ("the Neue Rundschau Zeitung", "organization")
    assert source_of(article, "bridge was closed") == ("The Lakeside Herald", "organization")
    assert source_of(article, "rents had doubled") == ("The Hill Observer", "organization")
    assert source_of(article, "they had failed") == ("Ann Lee", "person")


def test_a_short_clause_after_an_opening_phrase_and_a_colon_introduces_the_next_quotation():
    article = make("Despite all the talks in the capital, the Lakeside Herald sees no prospect of an end to the war:\n\n"
                   "“Attempts to move from declarations to agreements have so far had the opposite effect.”")
    assert speaker_of(article, "Attempts to move") == "the Lakeside Herald"


def test_according_to_two_sources_names_both():
    article = make("The front moved ten miles, according to open-source maps and army estimates. "
                   "According to officials and residents, the town fell. "
                   "The bridge held, according to officials and the army said the roads were closed.")
    assert attributions(article)["source"].tolist() == [
        "open-source maps and army estimates", "officials and residents", "officials", "the army"]


def test_a_time_before_it_and_a_circumstance_before_that_are_not_the_words():
    article = make("Ann Lee said Wednesday it was a good day. Tim Park emphasised in a call with reporters that "
                   "the work goes on. Bo Park said after the talks yesterday that the meeting had gone well. "
                   "Ann Lee said Monday was a bad day.")
    assert attributions(article)["text"].tolist() == [
        "it was a good day", "the work goes on", "the meeting had gone well", "Monday was a bad day"]


def test_a_description_then_a_name_inside_reported_words_is_a_nested_report():
    article = make("Tim Park said the chief delegate in the talks, Ann Lee, has told the president that the talks "
                   "failed. Her mother, Fiona, said the care was poor.")
    assert attributions(article)[["source", "text"]].values.tolist() == [
        ["Tim Park", "the chief delegate in the talks, Ann Lee, has told the president that the talks failed"],
        ["Ann Lee", "the talks failed"],
        ["Fiona", "the care was poor"]]


def test_a_description_with_a_place_in_it_then_the_name_gives_the_name():
    a = make("A Louisiana senator, Bo Park, said the war must end. "
             "“It is over,” a lawyer for the New York Times, Tim Park, said. "
             "The State Department, Ann Lee, said the talks would go on.")
    assert source_of(a, "the war must end") == ("Bo Park", "person")
    assert speaker_of(a, "It is over") == "Tim Park"
    assert source_of(a, "the talks would go on") == ("The State Department", "organization")


def test_as_someone_put_it_gives_the_words_after_the_comma_or_colon_and_the_name_without_as():
    a = make("As the senator put it in her speech, the war must end. Ann Lee put it bluntly: the talks are over. "
             "As Bo Park, a tax lawyer at the centre, recently put it, “Did the plan work?”")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a) if r["cue"] == "put"] == [
        ("the senator", "the war must end"), ("Ann Lee", "the talks are over"), ("Bo Park", "“Did the plan work?”")]
    assert speaker_of(a, "Did the plan work") == "Bo Park"


def test_a_politicians_party_and_state_after_an_inverted_name_are_not_the_words():
    a = make("Now, noted Bo Park, R-Baton Rouge, a firm opposition is required. The plan will fail, said Ann Lee, R-Texas.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("Bo Park", "a firm opposition is required"), ("Ann Lee", "The plan will fail")]


def test_a_reporting_verb_after_must_or_should_is_a_duty_not_words_said():
    a = make("Western leaders must confirm it once again. Ann Lee should explain why the talks failed. "
             "Bo Park must have said that the war was over.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [("Bo Park", "the war was over")]


def test_a_short_clause_and_a_colon_need_a_real_subject_not_a_lone_article():
    a = make("The report had one line: “The war must end now, and soon.” "
             "Ann Lee had a simple message: “The talks must go on, and soon.”")
    assert speaker_of(a, "The war must end") == "The report"  # the whole subject, never a lone "The"
    assert speaker_of(a, "The talks must go on") == "Ann Lee"


def test_what_someone_called_gives_the_quoted_word_to_them():
    a = make("Bo Park said the talks depend on what he called the “effectiveness” of mediation.")
    assert speaker_of(a, "effectiveness") == "Bo Park"


def test_a_doubt_word_inside_a_reported_that_clause_leaves_the_quotation_the_speakers():
    a = make("Ann Lee claimed that the history of the city is allegedly “inseparably connected” to Russia. "
             "The leaders, who had been insisting on a ceasefire, joined Bo Park, supposedly to “explicitly support” him.")
    assert speaker_of(a, "inseparably connected") == "Ann Lee"
    assert speaker_of(a, "explicitly support") is None
    assert quotes(a)["kind"].tolist() == ["direct", "scare"]


def test_it_is_the_organisation_that_is_the_subject_of_its_own_sentence():
    a = make("World leaders, and others, vow consequences. "
             "The United Nations Security Council on Friday pledged sanctions against what it called “a clear threat to peace.”")
    assert speaker_of(a, "a clear threat") == "The United Nations Security Council"


def test_a_participle_after_an_article_and_an_adverb_is_not_a_report():
    a = make("After a swiftly called meeting, the council issued a statement. The widely reported deal failed.")
    assert attributions(a).empty


def test_a_participle_after_an_owners_noun_of_saying_belongs_to_the_sentences_subject():
    a = make("Kyiv dismissed Bo Park’s remarks, calling them manipulative.")
    assert [(r["source"], r["cue"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("Kyiv", "dismissed", "Bo Park’s remarks"), ("Kyiv", "calling", "them manipulative")]


def test_a_name_with_for_the_inside_and_a_short_name_in_brackets_is_one_source():
    a = make("Analysts from the Institute for the Study of War (ISW) noted that Moscow keeps its aims. "
             "A spokesman for the Kremlin said the war goes on.")
    assert source_of(a, "Moscow keeps its aims") == ("Analysts from the Institute for the Study of War", "organization")
    assert source_of(a, "the war goes on")[0] == "A spokesman for the Kremlin"  # the whole subject, not its tail


def test_referenced_reports_only_next_to_a_quotation():
    a = make("Bo Park echoed old stories. He referenced “ancient lands on both sides of the river.” "
             "Ann Lee said the talks must go on, referencing the front lines.")
    assert speaker_of(a, "ancient lands") == "Bo Park"
    assert [r["cue"] for r in sourcing.attribution_records(a)] == ["referenced", "said"]


def test_a_description_before_the_name_is_not_words_and_a_closing_outlet_is_not_more_words():
    a = make("The head of the city council, Tim Park, reported this on Telegram, Ukrinform reports. "
             "The talks, Ann Lee said, will fail.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("Ukrinform", "The head of the city council, Tim Park, reported this on Telegram"),
        ("Tim Park", "this on Telegram"),
        ("Ann Lee", "The talks, Ann Lee said, will fail")]


def test_he_after_a_description_and_a_name_is_the_name():
    a = make("The head of the city council, Tim Park, reported this on Telegram.\n\n"
             "“An office building was damaged,” he wrote.")
    assert speaker_of(a, "An office building") == "Tim Park"


def test_a_source_inserted_after_a_two_word_subject_reports_the_whole_sentence():
    a = make("These statements, analysts argue, indicate that the claims go further.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("analysts", "These statements, analysts argue, indicate that the claims go further")]


def test_a_country_owner_before_a_name_is_a_description_and_the_name_is_the_source():
    a = make("Ukraine's Bo Park reports new attacks using drones.\n\n"
             "Russia’s Foreign Ministry said the talks were over.")
    assert source_of(a, "new attacks") == ("Bo Park", "person")
    assert source_of(a, "the talks were over") == ("Russia’s Foreign Ministry", "organization")


def test_a_participle_after_a_quotation_names_no_speaker():
    a = make("Bo Park said that talks should be based on the “real situation on the ground,” referencing the front lines.")
    assert speaker_of(a, "real situation") == "Bo Park"


def test_and_they_must_after_reported_words_is_the_writers_call():
    a = make("Western leaders have declared this in every possible manner, and they must confirm it once again.")
    assert [r["text"] for r in sourcing.attribution_records(a)] == ["this in every possible manner"]


def test_to_keep_repeating_is_an_infinitive_and_a_mantra_is_a_slogan():
    a = make("It makes little sense to keep repeating the tired mantra “for as long as it takes.” "
             "The officials keep repeating that the war is over.")
    assert [(r["source"], r["cue"]) for r in sourcing.attribution_records(a)] == [("The officials", "repeating")]
    assert quotes(a)["kind"].tolist() == ["slogan"]


def test_words_before_a_speaker_who_told_a_news_conference_are_theirs():
    a = make("Many issues remained unresolved after eight hours of talks, Bo Park told a news conference. "
             "The talks failed, Ann Lee told a crowd that she would return.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("Bo Park", "Many issues remained unresolved after eight hours of talks"), ("Ann Lee", "she would return")]


def test_where_it_was_said_before_the_words_is_not_the_words():
    a = make("Tim Park said on X the talks produced good results. Ann Lee said in Kyiv the plan would fail.")
    assert [r["text"] for r in sourcing.attribution_records(a)] == [
        "the talks produced good results", "the plan would fail"]


def test_a_wire_dateline_and_a_description_before_the_name_are_not_the_words():
    a = make("MOSCOW (REUTERS) - Advisers agreed that a ceasefire should hold after talks, "
             "Russia's chief negotiator, Bo Park, told reporters. "
             "The talks failed, the mayor of the city, Ann Lee, said. "
             "NATO - the alliance - will meet, officials said.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("Bo Park", "Advisers agreed that a ceasefire should hold after talks"),
        ("Advisers", "a ceasefire should hold after talks"),  # what the advisers agreed, inside his words
        ("Ann Lee", "The talks failed"),
        ("officials", "NATO - the alliance - will meet")]


def test_a_participle_inside_an_inserted_after_clause_reports_only_to_its_comma():
    a = make("Bo Park, after proposing the direct talks, had spurned a challenge. Ann Lee left after saying that the war was over.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("Bo Park", "the direct talks"), ("Ann Lee", "the war was over")]


def test_this_was_stated_by_someone_gives_them_the_sentence_before():
    a = make("The plan does not help its citizens. This was stated to reporters by the official representative of "
             "the ministry, Ann Lee, commenting on the delay. A drone was shot down over the city. This was announced "
             "by the city's military administration on Telegram. The bridge was built in 1990. This was done by the army.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("Ann Lee", "The plan does not help its citizens"),
        ("the city's military administration", "A drone was shot down over the city")]


def test_a_title_of_an_office_then_the_name_gives_the_name_and_she_later_is_the_name():
    a = make("Speaker of the Verkhovna Rada, Ann Lee, recently admitted that the plan failed. "
             "She stated that the war goes on. Bo Park, Speaker of the House, said the talks were over.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [
        ("Ann Lee", "the plan failed"), ("Ann Lee", "the war goes on"), ("Bo Park", "the talks were over")]


def test_a_headline_printed_twice_gives_its_quotation_once_to_the_name_before_the_colon():
    a = article_from_text("Sunday, 08 June, 2025\n\nIn Lima:   +13 °C\n\nLee: “The plan does not help its citizens”\n\n"
                          "Lee: “The plan does not help its citizens”\n\nThe plan was put off again, officials said.", id="t")
    found = sourcing.quote_records(a)
    assert [(q["speaker"], q["kind"]) for q in found] == [("Lee", "headline")]


def test_according_to_someone_and_their_capitalised_title_leaves_the_title_out_of_the_words():
    a = make("According to Bo Park, Press Secretary for the President of the Federation, Ann Lee, the talks failed. "
             "According to Tim Park, Kyiv has lost the battle. "
             "According to Lima News, city spokesman Ann Lee said that the plan was dead.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)][:3] == [
        ("Bo Park", "the talks failed"), ("Tim Park", "Kyiv has lost the battle"),
        ("Lima News", "city spokesman Ann Lee said that the plan was dead")]


def test_a_quotation_after_the_name_of_a_programme_or_channel_is_a_name():
    a = make("The transfer was no political decision. About this on air of the program “Gordon” said Bo Park.")
    assert quotes(a)["kind"].tolist() == ["name"]


def test_a_degree_word_opening_an_inverted_sentence_is_no_speaker():
    a = make("Most telling were the desperate settlers blocking the roads, pleading for water and schools. "
             "Most said the war must end.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [("Most", "the war must end")]


def test_worth_noting_is_the_writers_remark_not_a_report():
    a = make("Timing seems worth noting given that the talks failed. It is worth noting that the plan was new. "
             "Ann Lee noted that the plan was old.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [("Ann Lee", "the plan was old")]


def test_one_of_a_group_then_a_name_gives_the_name():
    a = make("One of Ann Lee’s top parliamentary allies, Bo Park, noted that the talks are costing money.")
    assert source_of(a, "costing money") == ("Bo Park", "person")


def test_a_headline_that_ends_with_a_dash_and_a_name_gives_its_words_to_that_name():
    a = article_from_text("The West must face reality – Bo Park\n\nWestern nations can keep paying, Bo Park said.", id="t")
    found = attributions(a)
    assert found[["source", "text"]].values.tolist()[0] == ["Bo Park", "The West must face reality"]
    assert "dash and a name" in found.iloc[0]["reason"]
    assert [(r["text"], r["voice"]) for r in rhetoric.marker_records(a) if r["label"] == "call_to_action"] == [
        ("must", "reported")]
    assert attributions(article_from_text("Lima – a city under fire\n\nThe city was hit.", id="t")).empty
    assert attributions(article_from_text("Rational debate is not welcome — RT World News\n\nThe city was hit.", id="t")).empty
    assert attributions(article_from_text("Talks fail again – Lemonia\n\nThe talks failed.", id="t")).empty


def test_two_quotations_joined_by_and_before_he_said_are_both_the_speakers():
    a = make("Bo Park spoke at length. Instead, the country was “robbed with no shame” and “forcefully transformed "
             "into a weapon,” he said. As Ann Lee went on about “the rigged system,” and “wounded families,” "
             "Tim Park said yes, over and over again.")
    assert speaker_of(a, "robbed with no shame") == "Bo Park"
    assert speaker_of(a, "the rigged system") is None


def test_a_capital_that_only_opens_a_sentence_is_no_one_a_later_he_can_mean():
    a = make("Lee Moss says he will stay. Moss spoke last month. Tension has grown since the vote. "
             "Hopes are low. Asked about the club, he said: “It is my fault.”")
    assert speaker_of(a, "my fault") != "Tension"


def test_a_list_of_names_is_never_the_he_of_a_later_sentence():
    a = make("Lee Moss says he will stay. Moss spoke to the board last month. Ties are tense before Sunday. "
             "United will travel to face the champions without sidelined midfielders Ann Lee, Bo Park and Tim Park, "
             "among others. Claiming the club had no credit, he said: “It is my fault.”")
    assert speaker_of(a, "my fault") == "Lee Moss"


def test_the_then_a_nationality_is_no_name_for_a_later_he():
    a = make("Lee Moss says he will stay. Moss spoke to the board last month. Ties are tense before Sunday. "
             "The club travels to face the champions without its stars. And the Portuguese appears keen to play "
             "mind games. Claiming the club had no credit, he said: “It is my fault.”")
    assert speaker_of(a, "my fault") != "Portuguese"


def test_a_headline_in_capitals_gives_no_one_for_a_later_it():
    a = article_from_text("Ann Lee Says City Museum Will Tell of 'Pain and Joy.'\n\nWASHINGTON -- Mayor Ann Lee, opening "
                          "the City Museum of Art on Saturday, said it would tell a story of ''pain and joy, of loss and "
                          "of hope.''", id="test")
    speakers = [quote["speaker"] for quote in sourcing.quote_records(a)]
    assert all("Says" not in str(speaker) for speaker in speakers), speakers


def test_a_dateline_in_ordinary_capitals_is_where_not_who():
    a = make("Lima – Ukraine said on Monday it expected the first ships this week.")
    assert source_of(a, "first ships") == ("Ukraine", "organization")
    b = make("Ann Lee – the city’s mayor – said the road would reopen.")
    assert source_of(b, "road would reopen")[0] != "the city’s mayor"


def test_a_dateline_with_a_date_and_an_agency_is_not_part_of_the_words():
    a = make("LIMA, July 13 (Reuters) - Talks between the two sides resulted in an agreement, the defence minister said on Wednesday.")
    rows = [r for r in sourcing.attribution_records(a) if "agreement" in r["text"]]
    assert rows and rows[0]["text"].startswith("Talks between"), rows


def test_a_name_then_a_description_without_its_closing_comma_gives_the_name():
    a = make("Ann Lee, head of the bank's lending arm said rates would rise by June.")
    assert source_of(a, "rates would rise")[0] == "Ann Lee"
    b = make("In June, the senator from Lima said the vote would be close.")
    assert source_of(b, "vote would be close")[0] == "the senator from Lima"


def test_the_source_is_the_whole_phrase_that_speaks_for_someone():
    a = make("A deal will be signed on Friday, the office of Lima’s President Ann Lee said on Thursday. "
             "A spokesperson for the Hospital Authority said the patients were stable.")
    assert source_of(a, "deal will be signed")[0] == "the office of Lima’s President Ann Lee"
    assert source_of(a, "patients were stable")[0] == "A spokesperson for the Hospital Authority"


def test_a_participle_in_a_passive_with_no_one_saying_is_no_attribution():
    a = make("The plan was agreed in a move hailed as a major step to ending the crisis. "
             "He smiled, but shook his head when asked to show the phone.")
    cues = [r["cue"] for r in sourcing.attribution_records(a)]
    assert "hailed" not in cues and "asked" not in cues, cues


def test_a_saying_noun_before_a_relative_clause_reports_no_words():
    a = make("Lee's comments that sparked this feud were about other coaches.")
    assert sourcing.attribution_records(a) == []


def test_a_court_ruled_that_reports_but_rules_that_could_does_not():
    a = make("The appeals court ruled that the practices could remove eligible voters.")
    assert source_of(a, "could remove eligible voters") == ("The appeals court", "organization")
    b = make("A set of new rules that could close hundreds of plants is due next year.")
    assert sourcing.attribution_records(b) == []


def test_pointed_out_to_a_listener_then_that_reports():
    a = make("Ann Lee pointed out to the press that the talks had failed.")
    assert source_of(a, "talks had failed")[0] == "Ann Lee"


def test_a_quoted_paragraph_after_a_report_goes_on_with_the_same_persons_words():
    a = make("Ann Lee said her party never worked against anyone.\n\n“We serve everyone equally and we always will.”")
    assert speaker_of(a, "serve everyone") == "Ann Lee"
    b = make("Ann Lee said her party never worked against anyone.\n\n“The only way will be jail time” for fraud, Bo Park said.")
    assert speaker_of(b, "only way") != "Ann Lee"  # the sentence names its own speaker


def test_made_it_clear_reports_but_to_make_clear_does_not():
    a = make("Ann Lee made it clear to Bo Park that she does not accept the offer. Tim Park spoke next. "
             "At the same time, Tim Park made clear the party would hold ministers to account.")
    assert source_of(a, "does not accept the offer")[0] == "Ann Lee"
    assert source_of(a, "hold ministers to account")[0] == "Tim Park"
    b = make("Critics blasted the board for failing to make clear that the deal was only partial.")
    assert all(r["cue"] != "make" for r in sourcing.attribution_records(b))


def test_according_to_a_study_then_a_participle_takes_the_words_before():
    a = make("And it takes a toll on researchers and stifles their work, according to a new study released Tuesday.")
    rows = sourcing.attribution_records(a)
    assert rows and "takes a toll" in rows[0]["text"], rows


def test_a_headline_ending_in_a_colon_and_a_name_credits_that_name():
    a = article_from_text("Rival plan irresponsible: Ann Lee\n\nLIMA: Prime Minister Ann Lee has attacked the rival plan. "
                          "He said the plan was unrealistic.", id="test")
    rows = sourcing.attribution_records(a)
    assert rows[0]["source"] == "Ann Lee" and rows[0]["text"].startswith("Rival plan"), rows
    assert [r["source"] for r in rows if "unrealistic" in r["text"]] == ["Ann Lee"]


def test_the_opposition_is_an_organisation_and_the_pm_a_person():
    assert source_type("the Opposition") == "organization"
    assert source_type("The PM") == "person"


def test_wanting_to_say_or_not_stating_a_thing_reports_nothing():
    a = make("Ann Lee said that Bo Park probably wanted to say that there should be a debate.")
    assert [r["source"] for r in sourcing.attribution_records(a)] == ["Ann Lee"]
    b = make("The plan was unrealistic because it did not state the source of its funds.")
    assert sourcing.attribution_records(b) == []


def test_said_as_something_happened_still_reports():
    a = make("The minister warned as talks resumed that the war would go on.")
    assert source_of(a, "the war would go on")[0] == "The minister"


def test_the_small_words_of_a_surname_stay_in_the_name():
    a = make("U.N. Syria envoy Ann de Lima said on Thursday the talks would be hard.")
    assert source_of(a, "talks would be hard")[0] == "Ann de Lima"


def test_the_then_an_acronym_is_an_organisation():
    assert source_type("the FBI") == "organization"
    assert source_type("The IPO") == "organization"


def test_he_after_a_long_quotation_in_its_own_paragraph_is_the_one_person_named_before():
    a = article_from_text("U.N. envoy sees hard talks on the deal\n\nBy Ann Writer\n\nLIMA (Reuters) - U.N. envoy Ann de Lima "
                          "said on Thursday she hoped the council would agree.\n\n“I hope it will. But it is uphill. "
                          "But I hope it will. It is very urgent,” she told Reuters as she arrived.", id="test")
    assert speaker_of(a, "very urgent") == "Ann de Lima"


def test_a_time_then_a_description_then_the_name_gives_the_name():
    a = make("Last month, Lima’s chief executive, Tim Park, said that the phones would be made in Lima.")
    assert source_of(a, "phones would be made")[0] == "Tim Park"


def test_a_name_written_in_full_as_a_company_is_no_he_and_an_owner_opens_a_description():
    a = make("Lima Mobility’s plans leaked early. Lima won’t confirm details about the new phone. Last month, "
             "Lima’s chief executive, Tim Park, made it known during an interview that the phones would be made here. "
             "He admitted that the phone was in his pocket.")
    assert source_of(a, "details about the new phone") == ("Lima", "organization")
    assert source_of(a, "in his pocket")[0] == "Tim Park"


def test_words_cut_where_the_next_report_begins_do_not_end_in_a_linking_word():
    a = make("Ann Lee said the firm was unlikely to lose market share, although she noted strong competition.")
    rows = sourcing.attribution_records(a)
    assert rows[0]["text"] == "the firm was unlikely to lose market share", rows


def test_a_joining_word_at_the_start_is_one_word_not_an_opening_phrase():
    a = make("But false claims must be plainly false, the party argued. And Ann Lee, the mayor, said that the road "
             "was late. So the plan is late, the council said on Monday.")
    rows = {text: source for text, (source, _) in sources_and_types(a).items()}
    assert rows == {"false claims must be plainly false": "the party", "the road was late": "Ann Lee",
                    "the plan is late": "the council"}, rows


def test_an_unnamed_person_named_by_their_work_is_a_vague_source_even_at_the_end():
    a = make("He struck her with the hatchet, the detective said. The 45-year-old accountant said he was tired. "
             "Her lawyer said she was innocent. The campaign said the ad would air.")
    rows = sources_and_types(a)
    assert rows["He struck her with the hatchet"] == ("the detective", "vague")
    assert rows["he was tired"] == ("The 45-year-old accountant", "vague")
    assert rows["she was innocent"] == ("Her lawyer", "person")  # a title word keeps its type
    assert rows["the ad would air"] == ("The campaign", "organization")


def test_she_after_an_unnamed_woman_is_that_woman_not_a_man_named_before():
    a = make("Resident Bo Park said the plan was bad. Another woman said the roads were busy. "
             "She said the plan would make it worse.")
    assert source_of(a, "make it worse")[0] == "Another woman"


def test_names_written_the_way_companies_write_them_are_organisations():
    for name in ("AT&T", "Procter & Gamble", "LimeBike", "OpenAI", "JPMorgan", "San Francisco-based Lima"):
        assert source_type(name) == "organization", name
    for name in ("McDonald", "DeSantis", "MacKenzie", "LeBron", "Ann Lee"):
        assert source_type(name) == "person", name
    a = make("AT&T said hackers broke into its store. The company shut the store, it said.")
    assert source_of(a, "hackers broke") == ("AT&T", "organization")
    assert source_of(a, "shut the store")[0] == "AT&T"


def test_the_subject_is_the_noun_before_a_clause_that_describes_it():
    a = make("A Lima father accused of striking his wife with a hatchet has told police he is the real victim. "
             "ANGRY residents attending a public meeting last night told the council that the plans were bad. "
             "Another man who lives across the road from the house which is now a crime scene recalled that he woke "
             "up. He said everyone is trying.")
    assert source_of(a, "the real victim") == ("A Lima father", "vague")
    assert source_of(a, "the plans were bad")[0] == "ANGRY residents"
    assert source_of(a, "he woke up")[0] == "Another man"
    assert source_of(a, "everyone is trying")[0] == "Another man"


def test_agreed_shared_and_charged_report_only_before_that():
    a = make("Ann Lee agreed that the plan was late. Bo Park shared that the road was closed. The union charged "
             "that the firm lied. Police charged the man with theft. Tim Park agreed to clean up the mines.")
    rows = {text: source for text, (source, _) in sources_and_types(a).items()}
    assert rows == {"the plan was late": "Ann Lee", "the road was closed": "Bo Park", "the firm lied": "The union"}, rows


def test_the_phrase_before_saying_says_it_when_it_can_speak():
    a = make("The story quoted an MP as saying the plan was late. Dr Tim Park gave the example of someone saying "
             "that the earth is flat. He also cited a website saying that a roof had collapsed. Ann Lee left the "
             "room saying she was tired.")
    rows = sources_and_types(a)
    assert rows["the plan was late"] == ("an MP", "vague")
    assert rows["the earth is flat"] == ("someone", "vague")
    assert rows["a roof had collapsed"] == ("a website", "document")
    assert rows["she was tired"] == ("Ann Lee", "person")  # a room never speaks


def test_a_plural_of_a_title_is_vague_and_you_is_never_a_source():
    assert [source_type(s) for s in ("Advisers", "Lawyers", "CEOs", "Jones")] == ["vague", "vague", "vague", "person"]
    a = make("Dr Ann Juan gave the example of a law. “You believe it, so it must be so. You said it yourself. He "
             "also cited a case from Lima.")
    sources = [row["source"] for row in sourcing.attribution_records(a)]
    assert "You" not in sources and "Ann Juan" in sources, sources


def test_the_words_stop_at_a_dash_where_the_writer_comments_or_an_aside_closes():
    a = make("A report claims that Lima Transit has failed riders - a claim officials rejected. Bo Park said the "
             "plan was fair – despite previously admitting the flaw. Having taken heat for the timing — one analyst "
             "called it “a disaster” in decades — Ann Lee opened the call. Tim Park said the plan – a bold one – "
             "would work.")
    texts = [row["text"] for row in sourcing.attribution_records(a)]
    assert "Lima Transit has failed riders" in texts
    assert "the plan was fair" in texts
    assert "it “a disaster” in decades" in texts
    assert "the plan – a bold one – would work" in texts  # two dashes: an aside inside the words


def test_a_document_by_someone_keeps_who_made_it_and_stays_a_document():
    a = make("The scientists were stunned, according to a report by Lima News. Deaths rose 5 percent, according to "
             "a June analysis by the Lima Road Safety Association. The store lost data, according to information "
             "compiled by the Lima Privacy Office.")
    rows = sources_and_types(a)
    assert rows["The scientists were stunned"] == ("a report by Lima News", "document")
    assert rows["Deaths rose 5 percent"] == ("a June analysis by the Lima Road Safety Association", "document")
    assert rows["The store lost data"] == ("information compiled by the Lima Privacy Office", "document")


def test_a_headline_topic_before_a_colon_is_no_speaker_and_a_verb_there_is_not_the_name():
    topic = article_from_text("Lima election: ‘Secret plans’ as one campaign fails\n\nBy Ann Writer\n\nThe campaign "
                              "went on.", id="test")
    assert [r["speaker"] for r in sourcing.quote_records(topic)] == [None]
    assert source_type("Lima election") == "unknown" and source_type("Lima contributor") == "person"
    said = article_from_text("Ann Lee warns: “We will win”\n\nBy Ann Writer\n\nThe campaign went on.", id="test")
    assert [r["speaker"] for r in sourcing.quote_records(said)] == ["Ann Lee"]


def test_call_as_a_noun_or_as_naming_a_thing_is_no_report():
    a = make("Lima Networks scheduling its earnings call on a Friday afternoon upset investors. A bike rental "
             "program called JUMP created confusion. The minister called Bo Park a liar.")
    assert [(r["source"], r["text"]) for r in sourcing.attribution_records(a)] == [("The minister", "Bo Park a liar")]


def test_one_of_a_kind_then_a_name_two_groups_and_a_study_that_found_a_quotation():
    a = make("One town resident, Bo Park, said the bus was late. Residents and community leaders said the plans "
             "were bad. A study published this year in the Lima Journal found “a link between heat and deaths.” "
             "A poll released in May found that 74 percent of voters said the plan failed.")
    rows = {text: source for text, (source, _) in sources_and_types(a).items()}
    assert rows["the bus was late"] == "Bo Park"
    assert rows["the plans were bad"] == "Residents and community leaders"
    assert rows["“a link between heat and deaths.”"] == "A study"
    assert rows["the plan failed"] == "74 percent of voters"  # inside the poll's finding, the voters say it


def test_a_report_inside_a_condition_ends_where_the_writer_draws_the_conclusion():
    a = make("The nation can rest, since the minister says it's so then it must be so. If Ann Lee says the bus is "
             "late, then it is late. The state said the voters were ex-cons and then removed them.")
    texts = [row["text"] for row in sourcing.attribution_records(a)]
    assert "it's so" in texts and "the bus is late" in texts
    assert any(t.startswith("the voters were ex-cons and then") for t in texts), texts  # "and then" is no conclusion


def test_paragraphs_that_open_a_quotation_and_never_close_it_are_quoted_to_their_end():
    a = make("The council got it wrong twice in two weeks, Ann Lee said today.\n\n"
             "\"The council seems to have been struck by madness. What's next?\n\n"
             "\"Four members have given wrong answers and then apologised.\n\n"
             "* Bo Park claimed the bridge was safe.")
    quotes = sourcing.quote_records(a)
    assert len(quotes) == 1 and quotes[0]["speaker"] == "Ann Lee", quotes
    assert quotes[0]["text"].startswith("\"The council seems") and quotes[0]["text"].endswith("and then apologised.")
    stray = make("Ann Lee said the \"plan was late. Bo Park agreed that it was.")
    assert sourcing.quote_records(stray) == []  # a stray mark inside a sentence opens nothing


def test_a_surname_that_is_also_a_word_names_the_speaker_after_a_comma_or_a_quotation():
    a = make("Tim Long lowered his target. “We are surprised,” Long said. The weakness may go on, Long said.")
    rows = {text: source for text, (source, _) in sources_and_types(a).items()}
    assert rows["“We are surprised,”"] in ("Long", "Tim Long")
    assert rows["The weakness may go on"] in ("Long", "Tim Long")


def test_reports_framed_the_ways_business_and_court_pages_frame_them():
    a = make("The Lima Post quoted Bo Park, once the man closest to the senator, as saying he met the lobbyist. "
             "Chris Lee told the Lima Express-News the process sent rust into the water. "
             "“I live with his death every day … and I'm truly sorry…” said Tim Rivera. "
             "The water was clear, reports the Lima Post. "
             "Prime Minister Ann Lee signaled on Tuesday that she could call an election by next week. "
             "Analysts polled by Lima Financial expect that revenue will fall. "
             "A Roman Catholic priest testified that he was kind.")
    rows = sources_and_types(a)
    assert rows["he met the lobbyist"][0] == "Bo Park"
    assert rows["the process sent rust into the water"][0] == "Chris Lee"  # "the" opens the words
    assert rows["“I live with his death every day … and I'm truly sorry…”"][0] == "Tim Rivera"
    assert rows["The water was clear"] == ("the Lima Post", "organization")
    assert rows["she could call an election by next week"][0] == "Ann Lee"  # and "call an election" is no report
    assert rows["revenue will fall"] == ("Analysts polled by Lima Financial", "vague")
    assert rows["he was kind"] == ("A Roman Catholic priest", "vague")
    assert len(rows) == 7, rows


def test_nouns_that_look_like_cues_and_shows_by_deeds_are_no_reports():
    a = make("State health officials say two patients died. Revenue beat a consensus estimate of 8 cents a share. "
             "The survey shows that women were 41 percent. The people have shown that they can change the "
             "government. The IMF raised its growth forecast by 0.1 points.")
    rows = sources_and_types(a)
    assert rows == {"two patients died": ("State health officials", rows["two patients died"][1]),
                    "women were 41 percent": ("The survey", "document")}, rows
    assert source_type("The Lima Weather Service") == "organization" and source_type("The story") == "document"
