"""Tests for how sure a marker is (workbook/rhetoric/strength.py) and the set phrases it leans on
(workbook/data/lexicons/rules/use.txt): short texts written for the test."""

from __future__ import annotations

from workbook import article_from_text
from workbook.rhetoric import marker_records


def rows(body: str, label: str) -> list[dict]:
    article = article_from_text(f"A headline\n\n{body}", id="test")
    return [r for r in marker_records(article) if r["label"] == label]


def strength_of(body: str, label: str) -> dict[str, str]:
    return {r["text"]: r["strength"] for r in rows(body, label)}


def test_a_plain_name_for_a_kind_of_group_is_weak_and_a_chosen_label_stays_strong():
    found = rows("Police said the terrorists fled. The minister called the strikers thugs.", "label")
    by_text = {r["text"]: r for r in found}
    assert by_text["terrorists"]["strength"] == "weak"
    assert "plain name of a kind of group" in by_text["terrorists"]["strength_reason"]
    assert by_text["thugs"]["strength"] == "strong"


def test_an_adverb_made_from_a_label_is_weak():
    assert strength_of("The designers radically changed the shop. The radical plan failed.", "label") == {
        "radically": "weak", "radical": "strong"}


def test_polling_and_power_terms_are_not_hedges():
    hedges = [(r["text"], r["strength"]) for r in rows(
        "Among likely voters, the lead is small. The country showed its military might. "
        "The bridge was supposed to open on Monday. As odd as it may seem, the vote may be close.", "hedge")]
    assert hedges == [("may", "strong")]  # only 'the vote may be close'


def test_may_with_a_capital_inside_a_sentence_is_a_name_or_the_month():
    assert strength_of("The talks with May went badly. It may rain.", "hedge") == {"May": "weak", "may": "strong"}


def test_might_the_noun_is_weak():
    assert [r["strength"] for r in rows("They fear the might of the navy. They might win.", "hedge")] == [
        "weak", "strong"]


def test_should_as_a_condition_or_after_a_question_word_is_weak():
    calls = rows("Should the company fail, the town pays. The real question is who should pay. "
                 "Leaders should act now.", "call_to_action")
    assert [(r["text"], r["strength"]) for r in calls] == [("Should", "weak"), ("should", "weak"), ("should", "strong")]


def test_a_command_like_first_word_before_a_preposition_is_more_likely_a_noun():
    calls = rows("Demand for coal has fallen. Demand a vote today!", "call_to_action")
    assert [(r["text"], r["strength"]) for r in calls] == [("Demand", "weak"), ("Demand", "strong")]


def test_a_duty_in_the_passive_with_an_irregular_participle_is_weak():
    calls = rows("Signs must be made by hand. We must stop this war.", "call_to_action")
    assert [(r["text"], r["strength"]) for r in calls] == [("must", "weak"), ("must", "strong")]


def test_stock_phrases_of_law_and_reporting_are_not_loaded():
    loaded = [r["text"] for r in rows("The court awarded punitive damages. Critics harshly criticized the plan. "
                                      "The cruel plan hurt families.", "loaded")]
    assert "punitive" not in loaded and "harshly" not in loaded and "cruel" in loaded


def test_should_before_its_subject_is_an_inverted_condition():
    calls = rows("Police waited to arrest him should he try to leave. Bases would be targets should the US attack. "
                 "Leaders should act now. We should all help.", "call_to_action")
    assert [r["strength"] for r in calls] == ["weak", "weak", "strong", "strong"]


def test_a_question_word_before_the_duty_and_set_phrases_of_advice_are_not_calls():
    calls = rows("Nobody knows who must sign. Here is all you need to know about it. "
                 "That should ring alarm bells. We must act.", "call_to_action")
    assert [(r["text"], r["strength"]) for r in calls] == [("must", "weak"), ("should", "strong"), ("must", "strong")]


def test_form_lines_printed_inside_the_article_are_never_analysed():
    text = "This field is for validation purposes and should be left unchanged. We must act."
    assert [r["text"] for r in rows(text, "call_to_action")] == ["must"]


def test_a_question_printed_twice_is_a_poll_and_poll_lines_are_never_analysed():
    text = ("Who should lead the party? Who should lead the party?\n\nTake our poll - story continues below. "
            "Why would anyone believe them?")
    questions = [(r["text"], r["strength"]) for r in rows(text, "rhetorical_question")]
    assert questions[-1] == ("Why would anyone believe them?", "strong")
    assert {strength for words, strength in questions if words.startswith("Who")} == {"weak"}


def test_we_words_inside_names_and_titles_are_not_the_writers_we():
    found = [(r["text"], r["strength"]) for r in rows(
        "The chapel of Our Lady of Fatima was full. His book is called Devouring Us. "
        "We the People wrote it down. We must listen.", "we_voice")]
    assert found == [("Us", "weak"), ("We", "strong")]


def test_every_marker_in_a_sentence_printed_twice_is_weak_and_set_phrases_of_policy_and_news():
    text = ("Who should replace her as our envoy? Who should replace her as our envoy?\n\n"
            "The regime change plan was leaked. He died in a fatal shooting. Our brutal rulers lie.")
    found = {(r["label"], r["text"], r["strength"]) for r in marker_records(article_from_text(f"A headline\n\n{text}"))}
    assert ("we_voice", "our", "weak") in found and ("we_voice", "our", "strong") not in found
    assert not {words for label, words, _ in found if words in ("regime", "fatal")}
    assert ("we_voice", "Our", "strong") in found


def test_a_loaded_word_standing_alone_in_quotation_marks_is_weak():
    found = {r["text"]: r["strength"] for r in rows(
        "In it, migrants are described as “arrogant,” “jealous,” “selfish” and “spiteful.” The vile plan failed.",
        "loaded")}
    assert found["arrogant"] == found["spiteful"] == "weak" and found["vile"] == "strong"


def test_a_scare_quote_in_a_sentence_that_says_someone_spoke_is_weak(monkeypatch):
    from workbook.sourcing import tables

    def scare_quotes(article):  # the sourcing tool finds these two quotations and calls them scare quotes
        return [{"start": article.text.index(words), "end": article.text.index(words) + len(words), "kind": "scare",
                 "reason": "a scare quotation", "speaker": None, "speaker_description": None}
                for words in ("“no reason to ask”", "“peace”")]

    monkeypatch.setattr(tables, "quote_rows", scare_quotes)
    found = strength_of("The agency's explanation is that it had “no reason to ask” for access. "
                        "They call it “peace” while the shelling goes on.", "scare_quote")
    assert found == {"“no reason to ask”": "weak", "“peace”": "strong"}


def test_a_negative_noun_ending_in_ment_is_not_taken_for_an_adjective():
    from workbook.rhetoric.strength import _ADJECTIVE_ENDING

    assert [w for w in ("harassment", "abandonment", "accident", "violent", "arrogant") if _ADJECTIVE_ENDING.search(w)] == [
        "violent", "arrogant"]


def test_a_call_or_an_absolute_inside_what_someone_else_said_is_weak():
    calls = rows("The leaders reached agreement that Europe should spend more. Europe should spend more.",
                 "call_to_action")
    assert [r["strength"] for r in calls] == ["weak", "strong"]
    assert "‘agreement that …’" in calls[0]["strength_reason"]
    absolutes = rows("The minister told reporters that nobody was hurt. Nobody was hurt.", "absolute")
    assert [r["strength"] for r in absolutes] == ["weak", "strong"]


def test_the_writers_own_that_clause_keeps_the_marker_strong():
    for body in ("I think that we should leave now.", "It should be noted that leaders should resign.",
                 "He said that, but leaders should resign.", "They agreed on that. Leaders should resign.",
                 "They were concerned about that, so leaders should resign."):
        assert [r["strength"] for r in rows(body, "call_to_action")][-1:] == ["strong"], body


def test_a_clause_closed_by_but_is_the_writers_again():
    absolutes = rows("Officials claimed that the plan was fair, but nobody believes them.", "absolute")
    assert [r["strength"] for r in absolutes] == ["strong"]


def test_had_never_and_was_never_tell_past_events():
    absolutes = rows("Until that day, Mr. Clarke had never been in a mine. The files were never found. "
                     "The flat was never even searched. Officials never listen.", "absolute")
    assert [r["strength"] for r in absolutes] == ["weak", "weak", "strong", "strong"]


def test_may_before_a_but_is_a_concession():
    hedges = rows("The war may seem far away, but it is here. The war may spread.", "hedge")
    assert [r["strength"] for r in hedges] == ["weak", "strong"]
    assert "grants a point" in hedges[0]["strength_reason"]


def test_quoted_numbers_small_words_and_named_things_are_not_scare_quotes():
    text = ("The table number is “32135” in the book. A sale of “all” the assets needs a vote. "
            "She clicked “like” on the post. The sign spells out the name “bruce” in lights. "
            "The experts came to “help” the town.")
    found = {r["text"]: r["strength"] for r in rows(text, "scare_quote")}
    assert found.get("“help”") == "strong"
    assert all(found.get(word, "weak") == "weak" for word in ("“32135”", "“all”", "“like”", "“bruce”"))


def test_a_quotation_after_a_reported_request_is_more_likely_the_speakers():
    quotes = rows("The families requested privacy and “time to heal” after the loss. "
                  "The mayor is keen on “healing” the town.", "scare_quote")
    assert [(r["text"], r["strength"]) for r in quotes] == [("“time to heal”", "weak"), ("“healing”", "strong")]


def test_a_form_in_ly_of_a_listed_word_before_a_verb_describes_how_it_was_done():
    found = rows("The tenants were forcibly evicted by the bailiffs.", "loaded")
    assert [(r["text"], r["strength"]) for r in found] == [("forcibly", "weak")]


def test_never_tire_of_is_an_idiom_not_an_absolute_or_a_hedge():
    body = "The two leaders never seem to tire of the story. The leaders never listen."
    absolutes = rows(body, "absolute")
    assert [r["text"] for r in absolutes] == ["never"]
    assert absolutes[0]["start"] > f"A headline\n\n{body}".index("The leaders")  # the second sentence's
    assert rows(body, "hedge") == []


def test_may_standing_alone_is_the_month():
    hedges = rows("The strikes went on. April. May. June. The talks may fail.", "hedge")
    assert [(r["text"], r["strength"]) for r in hedges] == [("May", "weak"), ("may", "strong")]


def test_a_degree_adverb_does_not_take_in_a_conjunction_after_it():
    found = rows("Western policy has failed utterly because diplomacy was weak. It was utterly wrong.", "intensifier")
    assert [r["text"] for r in found][:1] == ["utterly"]


def test_an_offensive_the_military_noun_is_not_loaded():
    found = rows("The spring offensives failed. The ground offensive began. The remark was offensive.", "loaded")
    assert [r["text"] for r in found] == ["offensive"] and found[0]["start"] > 75  # the last sentence's


def test_a_plural_of_a_sentiment_word_does_not_borrow_the_annotators_record_of_the_adjective():
    # The annotators marked "grave" (a grave mistake) often; "graves" is the noun.
    assert strength_of("It was a grave mistake. Leaders are turning in their graves.", "loaded") == {
        "grave": "strong", "graves": "weak"}
