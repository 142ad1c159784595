"""Blocks and their roles: general layout rules, and the two seeds block by block."""

from __future__ import annotations

from workbook import article_from_text, sourcing
from workbook.blocks import byline_name, is_boilerplate, is_byline, is_credit, segment

LANDERSEN_ROLES = (
    ["headline", "byline", "dateline", "caption", "credit", "caption"]
    + ["body"] * 9
    + ["subheading"]
    + ["body"] * 8
)
SHEVCHUK_ROLES = (
    ["dateline", "dateline", "headline", "standfirst", "byline"]
    + ["body"] * 5 + ["subheading"] + ["body"] * 8 + ["subheading"] + ["body"] * 4
    + ["subheading"] + ["body"] * 4 + ["subheading"] + ["body"] * 2 + ["subheading"]
    + ["body"] * 3 + ["subheading"] + ["body"] * 2 + ["subheading"] + ["body"]
    + ["sources_heading", "source", "source", "source", "source"]
    + ["boilerplate"] * 3
)


def roles(text: str) -> list[str]:
    return [block.role for block in segment(text)]


def test_landersen_every_block(landersen):
    assert [b.role for b in landersen.block_list] == LANDERSEN_ROLES
    assert landersen.block_list[15].text == "Trump tries Crimea lure for Putin"


def test_landersen_credit_run_into_duplicate_caption_is_split(landersen):
    caption, credit, copy = landersen.block_list[3:6]
    assert credit.text == "AP Photo/Alexander Polegenko"
    assert copy.text == caption.text
    assert copy.duplicate_of == caption.index and caption.duplicate_of is None
    assert credit.end == copy.start, "the split leaves no character out"


def test_shevchuk_every_block(shevchuk):
    assert [b.role for b in shevchuk.block_list] == SHEVCHUK_ROLES
    subheadings = [b.text for b in shevchuk.block_list if b.role == "subheading"]
    assert subheadings[0].endswith("?") and subheadings[2].endswith(".")
    assert [b.text.split()[0] for b in shevchuk.block_list if b.role == "source"] == ["[1]", "2.", "[3]", "(4)"]


def test_blocks_point_into_the_text_and_do_not_overlap(seeds):
    for article in seeds:
        previous_end = 0
        for block in article.block_list:
            assert article.text[block.start:block.end] == block.text
            assert block.start >= previous_end
            previous_end = block.end


def test_byline_patterns():
    assert is_byline("By Jane Doe") and byline_name("By Jane Doe") == "Jane Doe"
    assert is_byline("—Taras Example") and byline_name("—Taras Example") == "Taras Example"
    assert is_byline("Written by Ann Lee and Bo Kim")
    assert not is_byline("By rolling out the red carpet for the visitor, the host made a point.")


def test_a_bullet_point_that_reports_is_not_a_byline_and_names_keep_their_particles():
    assert not is_byline("- Ann Lee says talks are the final step to peace not the first")
    assert is_byline("BY ANN LEE") and is_byline("— Ann Lee, staff writer")
    assert byline_name("-Ann van der Berg") == "Ann van der Berg"
    article = article_from_text("A headline\n\n- Ann Lee says talks are the final step\n\nPeace is not just a pause.")
    assert [b.role for b in article.block_list][1] != "byline"
    assert [(a["source"], a["text"]) for a in sourcing.attribution_records(article)] == [
        ("Ann Lee", "talks are the final step")]


def test_credit_and_boilerplate_patterns():
    assert is_credit("AP Photo/Jane Doe") and is_credit("Photo: Reuters") and is_credit("Getty Images Photo/Ann Lee")
    assert not is_credit("Photographers gathered outside the building all day long.")
    assert is_boilerplate("Most Popular Articles") and is_boilerplate("Share this article")
    assert not is_boilerplate("Most people in the town read the article.")
    assert is_boilerplate("Share.") and is_boilerplate("Share 12") and not is_boilerplate("Shares in the firm rose.")
    assert is_boilerplate("In Lima:   +13 °C") and is_boilerplate("Lima 21°C")
    assert not is_boilerplate("It was 21 °C in Lima on Monday when the storm struck.")


def test_credit_run_into_a_caption_without_an_earlier_copy_is_split():
    text = "Headline words\n\nReuters Photo/Ann LeeSoldiers rest near the front line in winter, waiting for orders from their commanders.\n\n" + "Body sentence here. " * 10
    blocks = segment(text)
    assert [(b.role, b.text[:14]) for b in blocks[:3]] == [("headline", "Headline words"), ("credit", "Reuters Photo/"), ("caption", "Soldiers rest ")]


def test_sources_heading_needs_numbered_items_in_any_style():
    body = "Body paragraph with enough words to be a paragraph of the article itself. " * 3
    text = f"Title\n\n{body}\n\nReferences:\n\n(1) A book, 1999.\n\n2) A report, 2001.\n\n[3] https://example.org/page\n\nShare this article"
    assert roles(text) == ["headline", "body", "sources_heading", "source", "source", "source", "boilerplate"]
    lone = f"Title\n\n{body}\n\nNotes\n\n{body}"
    assert "sources_heading" not in roles(lone), "a 'Notes' heading followed by prose is not a source list"


def test_text_without_blank_lines_is_still_segmented():
    text = "Storm hits the coast\nBy Ann Lee\nJune 2, 2024\n" + "\n".join(
        f"Paragraph {n} is a full paragraph of the article, long enough to be more than one short line of text in any layout." for n in range(4)
    )
    assert roles(text) == ["headline", "byline", "dateline", "body", "body", "body", "body"]


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "Officials in the capital said on Monday that the new rules would take\n"
        "effect next month, after a long debate in parliament about the costs and\n"
        "the benefits for families.\n\n"
        "A second paragraph starts here and also runs over two lines of about\n"
        "the same width as the first one does."
    )
    blocks = segment(wrapped)
    assert len(blocks) == 2
    assert blocks[0].text.startswith("Officials") and blocks[0].text.endswith("families.")


def test_subheading_needs_a_longer_paragraph_after_it():
    long_paragraph = "This paragraph carries on the argument with many more words than the heading above it has. " * 2
    text = f"Headline\n\n{long_paragraph}\n\nWhat happens next\n\n{long_paragraph}\n\nShort closing line\n\nAnother short line."
    assert roles(text) == ["headline", "body", "subheading", "body", "body", "body"]


def test_standfirst_sits_between_headline_and_byline():
    text = "The headline\n\nA summary paragraph that tells the reader what the article argues, in two sentences. It is longer.\n\nBy Jane Doe\n\nThe body starts here and goes on."
    assert roles(text) == ["headline", "standfirst", "byline", "body"]


def test_metadata_detected_from_the_text():
    article = article_from_text("Storm hits coast\n\nBy Ann Lee\nJune 2, 2024\n\nRain fell all day.")
    assert (article.title, article.author, article.date.isoformat()) == ("Storm hits coast", "Ann Lee", "2024-06-02")


def test_a_list_of_links_under_read_also_is_boilerplate_however_long():
    text = ("A headline for the test\n\nThe talks went on all night and ended without a deal, officials said.\n"
            "Read also:\n- Ten confirmed dead after a tour boat with 26 people on board sank in the bay\n"
            "- A long headline about another story that has nothing to do with this one at all\n"
            "The talks will go on next week, the ministry said.")
    blocks = segment(text)
    roles = {b.text[:12]: b.role for b in blocks}
    assert roles["- Ten confir"] == "boilerplate" and roles["- A long hea"] == "boilerplate"
    assert roles["The talks wi"] == "body"


def test_headlines_each_over_a_time_after_the_article_are_links_not_news():
    body = " ".join(["The talks went on all night and ended without a deal, officials said."] * 3)
    text = ("A headline for the test\n\n" + "\n".join([body] * 5) + "\nAdvertising\nMORE ABOUT\n"
            "Leaders of two countries honour the memory of the fallen defenders of the city\n18:58, 04.12.2025\n"
            "European leaders advise the envoy to be ‘very careful’ in the coming days – media\n16:20, 04.12.2025")
    article = article_from_text(text, id="links")
    roles = {b.text[:12]: b.role for b in article.block_list}
    assert roles["Leaders of t"] == "boilerplate" and roles["European lea"] == "boilerplate"
    assert roles["18:58, 04.12"] == "boilerplate" and roles["The talks we"] == "body"
    assert article.date is None  # a linked headline's time is not the article's date


def test_a_sites_appeal_for_support_is_boilerplate():
    assert is_boilerplate("Support our mission to provide fearless stories about and outside the media system")
    assert is_boilerplate("Packed with exclusive investigations, analysis, and features")
    assert not is_boilerplate("Support for the mission in Mali has fallen since the coup.")


def test_a_date_and_time_then_by_and_a_name_is_a_byline():
    assert byline_name("February 28, 2022 1:20 pm by Ann Writer") == "Ann Writer"
    text = ("A headline for the test\n\nFebruary 28, 2022 1:20 pm by Ann Writer\n\n"
            "The talks went on all night and ended without a deal, officials said on Monday.")
    assert [b.role for b in segment(text)][:2] == ["headline", "byline"]


def test_a_caption_printed_before_its_credited_copy_is_a_caption_too():
    text = ("A headline for the test\n\nBy Ann Writer\n\n"
            "Civil defence staff guard a checkpoint in the capital on Saturday\n\n"
            "Civil defence staff guard a checkpoint in the capital on Saturday © Jane Doe/AP\n\n"
            "The talks went on all night and ended without a deal, officials said on Monday.")
    roles = [b.role for b in segment(text)]
    assert roles[2:4] == ["caption", "caption"] and roles[-1] == "body"


def test_the_credit_gate_lets_every_credit_through():
    """`_may_end_with_credit` says no only where the credit pattern cannot match."""
    from workbook.blocks.segmenting import _CREDIT_END, _may_end_with_credit

    credits = [
        "Protesters in the square. Photograph: Jane Doe", "Soldiers rest (Photo by Jane Doe)",
        "A man walks past. JANE DOE/AFP/Getty Images", "A man walks past. Reuters/Jane Doe",
        "Crews at work, AFP via Getty Images.", "Crews at work (Getty Images).", "Crowds gather PA Wire",
        "Crowds gather in the square, PA Images )", "A man walks past. (AP)", "A market at dawn. İmage: Jane Doe",
    ]
    for text in credits:
        assert _CREDIT_END.fullmatch(text), text
        assert _may_end_with_credit(text), text
    plain = ["The party will campaign on the economy, she said.", "Lee told the paper he would apply again."]
    for text in plain:
        assert not _CREDIT_END.fullmatch(text) and not _may_end_with_credit(text), text
def test_a_site_name_a_section_or_tags_before_a_longer_headline_are_not_the_headline():
    text = ("Espreso. Global\n\nOPINION\n\nTalks with the two sides may yield a framework\n\n"
            "The first round ended on Friday. Both delegations said they would meet again.\n")
    assert roles(text)[:3] == ["boilerplate", "boilerplate", "headline"]
    assert article_from_text(text, id="t").title == "Talks with the two sides may yield a framework"
    tags = "Oslo Bergen\n\nNo, the new tunnel is not a bad deal for the region\n\nThe vote was close, and the council is split.\n"
    assert roles(tags)[:2] == ["boilerplate", "headline"]


def test_a_short_headline_before_a_full_sentence_stays_the_headline():
    text = "Long War Ahead\n\nThe front line has barely moved in a year, and both armies are tired.\n"
    assert roles(text)[0] == "headline"


def test_a_time_alone_after_the_date_is_part_of_the_date_and_a_template_placeholder_is_boilerplate():
    text = ("Talks may yield a framework for a ceasefire\n\n26 January, 2026 Monday\n\n19:57\n\n"
            "client/title.list_title\n\nThe first round ended on Friday in the capital.\n")
    assert roles(text) == ["headline", "dateline", "dateline", "boilerplate", "body"]
    assert is_boilerplate("___.") and not is_boilerplate("and/or")


def test_a_file_size_alone_is_boilerplate():
    assert is_boilerplate("589 KB") and is_boilerplate("1.2 MB") and not is_boilerplate("589 killed")


def test_a_date_followed_by_the_pages_controls_is_the_date_line():
    text = "date 2025-08-27 ENG\n\nNews Peace talks\n\nNo date yet for a new meeting of the two groups\n\nThe groups remain in contact.\n"
    assert roles(text)[0] == "dateline"
    assert article_from_text(text, id="t").date.isoformat() == "2025-08-27"
    other = "date 2024-07-31 + ↺ − 16 px\n\nA headline for the page\n\nThe talks go on.\n"
    assert roles(other)[0] == "dateline" and article_from_text(other, id="t").date.isoformat() == "2024-07-31"
