"""Tests for workbook.rhetoric: each label on short texts written for the tests, the seeds, lists."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from workbook import article_from_text, load_seeds
from workbook import rhetoric
from workbook.articles import SPAN_COLUMNS
from workbook.rhetoric import LABELS, LexiconError, density, marker_records, markers


def art(body: str, headline: str = "A headline", **metadata) -> object:
    return article_from_text(f"{headline}\n\n{body}", id="test", metadata=metadata)


def found(article, label: str, **kwargs) -> list[str]:
    frame = markers(article, **kwargs)
    return frame.loc[frame["label"] == label, "text"].tolist()


def fake_quotes(monkeypatch, spans: list[tuple]):
    """Make the sourcing tool find the quotations of `spans` (words, kind[, speaker, description])."""
    from workbook.sourcing import tables

    def quote_rows(article):
        rows = []
        for words, kind, *who in spans:
            start = article.text.index(words)
            speaker, description = (who + [None, None])[:2]
            rows.append({"start": start, "end": start + len(words), "kind": kind, "reason": f"a {kind} quotation",
                         "speaker": speaker, "speaker_description": description})
        return rows

    monkeypatch.setattr(tables, "quote_rows", quote_rows)


@pytest.fixture(scope="module")
def seeds():
    return {article.id[:3]: article for article in load_seeds()}


@pytest.fixture(scope="module")
def seed_markers(seeds):
    return {key: markers(article) for key, article in seeds.items()}


# ---- the shape of the table ----------------------------------------------------------------


def test_columns_and_offsets(seeds, seed_markers):
    for key, frame in seed_markers.items():
        assert list(frame.columns) == SPAN_COLUMNS + ["label", "reason", "in_quote", "voice", "speaker", "strength", "strength_reason"]
        text = seeds[key].text
        assert all(text[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))
        assert set(frame["label"]) <= set(LABELS)
        assert frame["reason"].str.len().min() > 20
        assert frame["start"].is_monotonic_increasing


def test_empty_text_gives_empty_table():
    frame = markers(art("The meeting was on Tuesday at noon."))
    assert frame.empty
    assert list(frame.columns) == SPAN_COLUMNS + ["label", "reason", "in_quote", "voice", "speaker", "strength", "strength_reason"]


def test_markers_only_in_the_texts_own_words():
    # A source list and a byline are not the writer's rhetoric.
    article = article_from_text("Headline\n\nBy Ann Lee\n\nThe talks went on.\n\nSources\n\n[1] Brutal facts, a book.")
    assert markers(article).empty


# ---- one label at a time -------------------------------------------------------------------


def test_loaded_words_with_reason_naming_the_source():
    frame = markers(art("The regime cynically ignored the brutal repression."))
    loaded = frame[frame["label"] == "loaded"]
    assert {"cynically", "brutal", "repression"} <= set(loaded["text"])
    reason = loaded.loc[loaded["text"] == "cynically", "reason"].item()
    assert "‘cynically’" in reason and "loaded-language list" in reason and "source:" in reason


def test_vader_reason_gives_the_raters_score():
    reason = markers(art("It was a brutal winter.")).query("text == 'brutal'")["reason"].item()
    assert "VADER" in reason and "-3.1" in reason


def test_pattern_subjectivity_list_adds_evaluative_adjectives():
    frame = markers(art("It was an absurd and deplorable decision."))
    reasons = frame.set_index("text")["reason"]
    assert "Pattern" in reasons["deplorable"] and "subjectivity" in reasons["deplorable"]
    assert frame.query("text == 'absurd'")["label"].tolist() == ["loaded"]


def test_inflections_and_multiword_entries():
    article = art("These war criminals plundered the towns. Such plunder is predatory.")
    assert found(article, "label") == ["war criminals"]
    loaded = markers(article).query("label == 'loaded'")
    assert {"plundered", "plunder", "predatory"} <= set(loaded["text"])
    reason = loaded.loc[loaded["text"] == "plundered", "reason"].item()
    assert "a form of ‘plunder’" in reason


def test_emotional_set_phrases_are_one_loaded_span():
    frame = markers(art("The offer was a slap in the face, and they turned a blind eye to it."))
    loaded = frame.query("label == 'loaded'")
    assert loaded["text"].tolist() == ["slap in the face", "turned a blind eye"]
    assert "loaded-phrase list" in loaded["reason"].iloc[0]


def test_label_so_called_takes_the_next_word_or_quotation():
    assert found(art("The so-called experts were wrong about it."), "label") == ["so-called experts"]
    assert found(art("Most so-called “Marxists” failed the test."), "label") == ["so-called “Marxists”"]


def test_label_ist_camps():
    assert found(art("The imperialists met the fascists."), "label") == ["imperialists", "fascists"]


def test_intensifiers_and_absolutes():
    article = art("He never agreed to anything. It was utterly wrong and all of it failed.")
    assert found(article, "intensifier") == ["utterly wrong"]  # the degree word and the word it strengthens
    # Absolutes have a label of their own: they overstate in another way than degree words.
    assert found(article, "absolute") == ["never", "all"]
    reason = markers(article).query("text == 'never'")["reason"].item()
    assert "absolutes list" in reason and "source:" in reason


def test_a_degree_word_and_the_loaded_word_it_strengthens_are_one_phrase():
    frame = markers(art("The plan was utterly cynical, very brutal and extremely slow."))
    assert frame.query("label == 'loaded'")["text"].tolist() == ["utterly cynical", "very brutal"]
    # Not a loaded word: the pair is an intensifier, never across a function word ('very much').
    assert found(art("It was extremely slow and very much later."), "intensifier") == ["extremely slow", "very"]
    reason = frame.query("text == 'very brutal'")["reason"].item()
    assert "‘very’ strengthens ‘brutal’" in reason and "VADER" in reason and "intensifier list" in reason


def test_a_loaded_word_used_three_times_is_marked_once_with_the_count(tmp_path):
    article = art("They plunder the land. The plunder goes on. Such plunder never ends. Brutal, brutal days.")
    loaded = markers(article).query("label == 'loaded'")
    assert loaded["text"].tolist() == ["plunder", "Brutal", "brutal"]
    assert "uses ‘plunder’ 3 times" in loaded["reason"].iloc[0]
    # A teacher's own list is marked every time.
    terms = tmp_path / "mine.txt"
    terms.write_text("plunder\n", encoding="utf-8")
    assert found(article, "loaded", extra_terms=terms).count("plunder") == 3


def test_a_capitalised_word_inside_a_sentence_is_a_name():
    article = art("They marched on Bloody Sunday. Brutal raids followed. It was a bloody day.", headline="Brutal Times")
    assert found(article, "loaded") == ["Brutal", "Brutal", "bloody"]


def test_reporting_verbs_are_not_loaded_but_judging_words_are():
    # News reports name what someone did ('condemned', 'threatened'); adjectives and adverbs judge.
    article = art("The minister condemned the attack and threatened to resign. It was a despicable, vicious lie.")
    loaded = found(article, "loaded")
    assert "condemned" not in loaded and "threatened" not in loaded
    assert {"despicable", "vicious"} <= set(loaded)


def test_hedges_and_the_month_may():
    article = art("The plan seemingly works and may fail. Talks began May 8 and ended on 12 May 2024.")
    assert found(article, "hedge") == ["seemingly", "may"]


def test_rhetorical_question_only_in_the_writers_voice(monkeypatch):
    text = "Why did they wait? “What is the hurry?” the minister asked."
    fake_quotes(monkeypatch, [("What is the hurry?", "direct")])
    assert found(art(text), "rhetorical_question") == ["Why did they wait?"]


def test_question_around_a_scare_quote_is_the_writers(monkeypatch):
    fake_quotes(monkeypatch, [("boycotting", "scare")])
    article = art("How is the country “boycotting”? Nobody can say.")
    assert found(article, "rhetorical_question") == ["How is the country “boycotting”?"]
    assert found(article, "scare_quote") == ["boycotting"]


def test_exclamation_only_in_the_writers_voice(monkeypatch):
    fake_quotes(monkeypatch, [("Not one step back!", "slogan")])
    article = art("It is an obvious trap! They chanted “Not one step back!” all night.")
    assert found(article, "exclamation") == ["It is an obvious trap!"]


def test_scare_quote_reason_comes_from_sourcing(monkeypatch):
    fake_quotes(monkeypatch, [("peace", "scare"), ("We will crush them soon.", "direct")])
    article = art("He wants “peace” on his terms. “We will crush them soon.” he said.")
    frame = markers(article)
    scare = frame[frame["label"] == "scare_quote"]
    assert scare["text"].tolist() == ["peace"]
    assert "a scare quotation" in scare["reason"].item()
    # The quoted speaker's 'We' is not the writer's voice: it is kept, marked as the speaker's.
    we = frame[frame["label"] == "we_voice"]
    assert we["text"].tolist() == ["We"] and we["voice"].tolist() == ["quoted"]
    # Loaded words inside the quotation are kept, marked as someone else's.
    assert frame.loc[frame["text"] == "crush", "in_quote"].tolist() == [True]
    assert frame.loc[frame["text"] == "peace", "in_quote"].tolist() == [False]


def test_we_voice_and_the_country_us():
    article = art("We support the strikers. Our members told us so. The US and the U.S. disagree.")
    assert found(article, "we_voice") == ["We", "Our", "us"]


def test_call_to_action_words_and_commands():
    article = art("Join the march on Saturday. Governments must act. We call on unions to help.", headline="Stop the war now")
    calls = found(article, "call_to_action")
    assert calls == ["Stop", "Join", "must", "We call"]


def test_a_modal_about_the_past_is_not_a_call_to_action():
    article = art("They should have known. It must have been late. Leaders must act and should not have waited.")
    assert found(article, "call_to_action") == ["must"]


def test_command_rule_skips_lists_and_non_commands():
    article = art("Support, however, was thin.\n\nJoin")
    assert found(article, "call_to_action") == []


def test_appeal_to_authority_phrases_and_cited_quotations(monkeypatch):
    text = "Experts say the wall will fall. As Lenin wrote: “Wars of liberation are just wars.” [3]"
    fake_quotes(monkeypatch, [("Wars of liberation are just wars.", "direct")])
    frame = markers(art(text))
    authority = frame[frame["label"] == "appeal_to_authority"]
    assert authority["text"].tolist() == ["Experts say", "Wars of liberation are just wars."]
    assert "[3]" in authority["reason"].iloc[1]


def test_appeal_to_authority_by_credential(monkeypatch):
    text = "“The plan cannot work,” said Janet Smith, a professor of economics. “It rained,” said Bob, a neighbour."
    fake_quotes(monkeypatch, [("“The plan cannot work,”", "direct", "Janet Smith", "a professor of economics"),
                              ("“It rained,”", "direct", "Bob", "a neighbour")])
    frame = markers(art(text)).query("label == 'appeal_to_authority'")
    assert frame["text"].tolist() == ["“The plan cannot work,”"]
    assert "‘professor’" in frame["reason"].item() and "Janet Smith" in frame["reason"].item()


def test_analogy_with_a_named_event_or_an_old_year():
    article = art(
        "This is just like the Munich agreement. The same as in 1938, leaders gave way. It rained in 1938.",
        date="2025-01-01",
    )
    frame = markers(article).query("label == 'analogy'")
    assert frame["text"].tolist() == ["just like the Munich", "same as in 1938"]
    assert "compare with history" in frame["reason"].iloc[0]


def test_labels_filter():
    frame = markers(art("We must stop this brutal war!"), labels=["hedge", "loaded"])
    assert set(frame["label"]) == {"loaded"}


# ---- the seeds -------------------------------------------------------------------------------


def pick(frame: pd.DataFrame, label: str) -> list[str]:
    return frame.loc[frame["label"] == label, "text"].tolist()


def test_seed_000_evaluative_words(seed_markers):
    frame = seed_markers["000"]
    loaded = pick(frame, "loaded")
    for word in ("cynically", "brutal", "predatory", "bloody", "courageous"):
        assert word in loaded, word
    labels = pick(frame, "label")
    assert "imperialist" in labels
    # Class terms are framing, not name-calling (issue 13).
    framing = pick(frame, "framing")
    assert framing.count("rulers") == 2  # "The U.S. rulers' aim", "the U.S. rulers consider"
    # Class framing (NOTES.md): the same list finds 'working class' and 'the masses' in 003.
    assert "workers in uniform" in framing and "working people" in framing
    assert "rulers" not in labels and "working people" not in labels
    reason = frame.loc[frame["text"] == "workers in uniform", "reason"].item()
    assert "class-framing list" in reason


def test_seed_000_is_quieter_than_003(seeds):
    low = density(seeds["000"]).set_index("label")["per_1000_words"]
    high = density(seeds["003"]).set_index("label")["per_1000_words"]
    for label in ("we_voice", "exclamation", "rhetorical_question", "call_to_action"):
        assert high[label] > low[label], label


def test_seed_000_quoted_question_is_not_the_writers(seed_markers):
    assert not any("Why wait" in text for text in pick(seed_markers["000"], "rhetorical_question"))


def test_seed_003_markers_a_careful_reader_flags(seed_markers):
    frame = seed_markers["003"]
    labels = pick(frame, "label")
    assert "war criminal" in labels
    assert "so-called “Marxists”" in labels
    assert "so-called “leftists”" in labels
    assert "working class" in pick(frame, "framing") and "the masses" in pick(frame, "framing")
    assert any(text.startswith("imperialist") for text in labels)
    questions = pick(frame, "rhetorical_question")
    assert "Why did Putin oppose a ceasefire and propose this alternative?" in questions
    assert "How is Ukraine “boycotting”?" in questions
    assert not any("What could be said" in q for q in questions)  # inside Lenin's quotation
    exclamations = pick(frame, "exclamation")
    assert "It’s an obvious trap!" in exclamations
    assert "There are reserves!" in exclamations
    assert not any("Not a single tank" in e for e in exclamations)  # a slogan the writer quotes
    we = pick(frame, "we_voice")
    assert we.count("We") >= 8
    calls = pick(frame, "call_to_action")
    assert "Prevent" in calls
    # 'we denounce', 'We support' state a position; they do not tell anyone what to do (issue 13).
    assert "we denounce" not in calls and "We support" not in calls
    assert "categorically states" in pick(frame, "appeal_to_authority")
    assert any("Nazi" in text for text in pick(frame, "analogy"))
    assert "utter contempt" in pick(frame, "loaded")  # the degree word and the word it strengthens
    assert "heroic" in pick(frame, "intensifier")
    assert {"seemingly", "supposedly"} <= set(pick(frame, "hedge"))
    assert len(pick(frame, "scare_quote")) >= 5


def test_same_rules_for_both_seeds(seeds):
    # Swapping the bodies swaps the findings: no rule knows which seed it reads.
    first, second = seeds["000"], seeds["003"]
    again = article_from_text(second.text, id=first.id)
    assert markers(again)[["start", "label"]].equals(markers(second)[["start", "label"]])


# ---- density and records ---------------------------------------------------------------------


def test_density_by_label_counts_every_label():
    article = art("We must act. We can win.")
    table = density(article)
    assert table["label"].tolist()[: len(LABELS)] == list(LABELS)
    row = table.set_index("label").loc["we_voice"]
    assert row["count"] == 2
    assert row["per_1000_words"] == pytest.approx(1000 * 2 / article.word_count, abs=0.01)


def test_density_by_sentence():
    article = art("The brutal, cynical plan failed. It rained.")
    table = density(article, by="sentence")
    assert list(table.columns[:6]) == SPAN_COLUMNS
    body = table[table["text"] == "The brutal, cynical plan failed."].iloc[0]
    assert body["markers"] == 2 and body["labels"] == "loaded, loaded"
    assert body["score"] == pytest.approx(1000 * 2 / 5, abs=0.1)
    with pytest.raises(ValueError):
        density(article, by="word")


def test_marker_records_are_json_ready():
    items = marker_records(art("This is utterly absurd!"))
    fields = {"start", "end", "text", "label", "reason", "voice", "speaker", "strength", "strength_reason"}
    assert items and all(set(item) == fields for item in items)
    assert {item["voice"] for item in items} == {"writer"} and {item["strength"] for item in items} == {"strong"}
    assert all(isinstance(item["start"], int) and isinstance(item["text"], str) for item in items)


# ---- lists -----------------------------------------------------------------------------------


def test_every_list_names_its_source_and_licence():
    for path in sorted(rhetoric.LEXICON_FOLDER.glob("*.txt")):
        head = path.read_text(encoding="utf-8").splitlines()[:12]
        assert head[0].startswith("#"), path
        assert any(re.match(r"# source: \S", line) for line in head), path
        assert any(re.match(r"# licence: \S", line) for line in head), path
        lexicon = rhetoric.read_lexicon(path)
        assert lexicon.terms or lexicon.sections


def test_teachers_own_terms_file(tmp_path):
    terms = tmp_path / "my-terms.txt"
    terms.write_text("# label: loaded\n# source: written by a teacher\nfreedom fighter\nliberate\n", encoding="utf-8")
    article = art("The freedom fighters liberated the town.")
    assert found(article, "loaded") == []
    mine = markers(article, extra_terms=terms)
    assert mine.query("label == 'loaded'")["text"].tolist() == ["freedom fighters", "liberated"]
    assert "my-terms.txt" in mine["reason"].iloc[0] and "written by a teacher" in mine["reason"].iloc[0]


def test_teachers_terms_from_the_environment(tmp_path, monkeypatch):
    (tmp_path / "euphemisms.txt").write_text("# label: euphemism\nspecial operation\n", encoding="utf-8")
    monkeypatch.setenv(rhetoric.TERMS_VARIABLE, str(tmp_path))
    article = art("The special operation went on.")
    assert found(article, "euphemism") == ["special operation"]
    assert "euphemism" in density(article)["label"].tolist()
    # Every text gets the row, found or not, so tables of several texts line up.
    assert density(art("Nothing of the kind here."))["label"].tolist()[-1] == "euphemism"


def test_a_wrong_environment_variable_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv(rhetoric.TERMS_VARIABLE, str(tmp_path / "gone.txt"))
    with pytest.raises(LexiconError, match="WORKBOOK_TERMS"):
        markers(art("Text."))


def test_bad_terms_files_get_plain_messages(tmp_path):
    with pytest.raises(LexiconError, match="no terms file"):
        markers(art("Text."), extra_terms=tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no terms"):
        markers(art("Text."), extra_terms=empty)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(LexiconError, match="not UTF-8"):
        markers(art("Text."), extra_terms=binary)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("# label: Loaded Words!\nword\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a plain word"):
        markers(art("Text."), extra_terms=wrong)


def test_lists_are_compiled_once():
    rhetoric.matcher()
    before = rhetoric._matcher_for.cache_info().hits
    markers(art("A brutal day."))
    markers(art("Another brutal day."))
    assert rhetoric._matcher_for.cache_info().hits >= before + 2


def _index_made_plainly(lexicons):
    """The compiled index as `lexicons._compile` made it before it was tuned: every form an entry, the first kept."""
    from workbook.rhetoric import lexicons as lx

    index = {}
    for lexicon in [x for x in lexicons if x.own] + [x for x in lexicons if not x.own]:
        for term, note in lexicon.terms:
            exact = term.startswith("=")
            base = lx._tokens(term[1:] if exact else term)
            if not base:
                continue
            forms = {base[-1]} if exact or not lexicon.inflect else lx._variants(base[-1])
            for form in forms:
                tokens = base[:-1] + (form,)
                entry = lx.Entry(tokens, term.lstrip("="), lexicon.label, lexicon, note, form != base[-1])
                slot = index.setdefault(tokens[0], {})
                key = tokens + (lexicon.label,)
                if key not in slot or (slot[key].inflected and not entry.inflected):
                    slot[key] = entry
    return {first: sorted(entries.values(), key=lambda e: -len(e.tokens)) for first, entries in index.items()}


def test_the_compiled_lists_are_the_plainly_made_index(tmp_path):
    from workbook.rhetoric import lexicons as lx

    own = tmp_path / "own.txt"
    own.write_text("# label: loaded\nbrutal\nplan\n=stop\nso-called experts\nthe plan\n", encoding="utf-8")
    lists = lx.builtin_lexicons() + [lx.read_lexicon(own, own=True)]
    found = lx._compile(lists)
    assert found.index == _index_made_plainly(lists)
    for first, entries in found.index.items():
        seconds = {entry.tokens[1] for entry in entries if len(entry.tokens) > 1}
        if not seconds:
            assert first not in found.narrowed
            continue
        alone, by_second = found.narrowed[first]
        assert alone == [entry for entry in entries if len(entry.tokens) == 1]
        assert by_second == {second: [e for e in entries if len(e.tokens) == 1 or e.tokens[1] == second] for second in seconds}


# ---- the evaluation command ------------------------------------------------------------------


@pytest.fixture
def bench(monkeypatch):
    """bench.rhetoric, importable from the repository's top folder."""
    import importlib
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent))
    return importlib.import_module("bench.rhetoric")


def test_bench_skips_with_a_message_when_the_data_is_absent(bench, tmp_path, capsys):
    assert bench.main([str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_bench_scores_a_tiny_gold_folder(bench, tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    (tmp_path / "labels").mkdir()
    text = "A headline\n\nThe brutal regime cynically lied.\r\nIt rained."
    (tmp_path / "articles" / "article1.txt").write_bytes(text.encode("utf-8"))
    brutal, cynically, rained = text.index("brutal"), text.index("cynically"), text.index("rained")
    gold = f"1\tLoaded_Language\t{brutal}\t{brutal + 6}\n1\tLoaded_Language\t{rained}\t{rained + 6}\n"
    (tmp_path / "labels" / "article1-labels-subtask-3.txt").write_text(gold, encoding="utf-8")
    assert bench.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    every = out[out.index("markers: every marker"):]  # the full set; the default-on set is printed first
    row = next(line for line in every.splitlines() if line.startswith("Loaded_Language"))
    numbers = row.split()[-7:]
    predicted, gold_count, precision, recall = int(numbers[0]), int(numbers[1]), float(numbers[2]), float(numbers[3])
    # 'brutal' and 'cynically' (and 'lied') are found; 'brutal' is one of the two gold spans.
    assert gold_count == 2 and recall == 0.5
    assert precision == pytest.approx(1 / predicted, abs=0.001) and predicted >= 2
    assert cynically > brutal


def test_bench_overlap_scores(bench):
    counts = bench.score([(0, 5), (10, 12)], [(3, 8), (20, 25)])
    assert (counts["hit"], counts["found"], counts["pred"], counts["gold"]) == (1, 1, 2, 2)
    assert counts["pp"] == pytest.approx(2 / 5)
    assert counts["pr"] == pytest.approx(2 / 5)


def test_bench_splits_are_fixed_halves(bench, tmp_path, capsys):
    halves = bench.split_of([f"11111111{i}" for i in (3, 1, 4, 2)])
    assert halves == {"111111111": "dev", "111111112": "test", "111111113": "dev", "111111114": "test"}
    (tmp_path / "articles").mkdir()
    (tmp_path / "labels").mkdir()
    for number in (1, 2, 3):
        (tmp_path / "articles" / f"article{number}.txt").write_text("A headline\n\nA brutal day.", encoding="utf-8")
        (tmp_path / "labels" / f"article{number}-labels-subtask-3.txt").write_text(
            f"{number}\tLoaded_Language\t14\t20\n", encoding="utf-8"
        )
    assert bench.main([str(tmp_path), "--split", "dev,test,all"]) == 0
    out = capsys.readouterr().out
    assert "split dev" in out and "2 articles" in out and "split test" in out and "1 articles" in out
    assert "split all" in out and "3 articles" in out
    assert bench.main([str(tmp_path), "--split", "train"]) == 2


# ---- issue 13: whose words, how sure, and words judged in their use -----------------------------


def rows(article, label: str | None = None) -> list[dict]:
    return [r for r in marker_records(article) if label is None or r["label"] == label]


def test_every_marker_has_a_voice_and_a_strength(seed_markers):
    for frame in seed_markers.values():
        assert set(frame["voice"]) <= {"writer", "quoted", "reported"}
        assert set(frame["strength"]) <= {"strong", "weak"}
        assert frame["strength_reason"].str.len().min() > 10
        assert frame["voice"].notna().all() and frame["strength"].notna().all()
        # in_quote says the same as the voice for words inside a quotation
        words = frame[frame["label"] != "appeal_to_authority"]
        assert (words["in_quote"] == (words["voice"] == "quoted")).all()


def test_quoted_words_are_the_speakers_not_the_writers(monkeypatch):
    fake_quotes(monkeypatch, [("“No one will ever forgive this brutal crime,”", "direct", "Ann Lee")])
    article = art("“No one will ever forgive this brutal crime,” Ann Lee said. The talks never resumed.")
    by_text = {r["text"]: r for r in rows(article)}
    assert by_text["No one"]["voice"] == "quoted" and by_text["No one"]["speaker"] == "Ann Lee"
    assert by_text["never"]["voice"] == "writer" and by_text["never"]["speaker"] is None


def test_a_quotation_given_twice_with_and_without_a_speaker_is_still_read(monkeypatch):
    words = "“This is a brutal crime,”"
    fake_quotes(monkeypatch, [(words, "direct", "Ann Lee"), (words, "direct")])
    article = art(f"{words} Ann Lee said. The talks failed.")
    by_text = {r["text"]: r for r in rows(article)}
    assert by_text["brutal"]["voice"] == "quoted" and by_text["brutal"]["speaker"] == "Ann Lee"


def test_reported_speech_is_the_sources(monkeypatch):
    from workbook.sourcing import tables

    article = art("The minister said the plan was possibly a disaster. We disagree.")
    start = article.text.index("the plan")
    end = article.text.index(". We")
    monkeypatch.setattr(tables, "attribution_rows", lambda a: [{"start": start, "end": end, "source": "The minister"}])
    by_text = {r["text"]: r for r in rows(article)}
    assert by_text["possibly"]["voice"] == "reported" and by_text["possibly"]["speaker"] == "The minister"
    assert by_text["We"]["voice"] == "writer"


def test_density_counts_the_writers_voice_by_default(monkeypatch):
    fake_quotes(monkeypatch, [("“We will crush them, we will win!”", "direct", "A general")])
    article = art("“We will crush them, we will win!” a general shouted. We doubt it.")
    writer = density(article).set_index("label")["count"]
    every = density(article, voice=None).set_index("label")["count"]
    assert writer["we_voice"] == 1 and every["we_voice"] == 3
    with pytest.raises(ValueError):
        density(article, voice="someone")


def test_names_of_regimes_and_set_phrases_are_not_rhetoric():
    article = art("The Nazi regime in Germany fell in 1945. The prisoners of war were freed. "
                  "Half the town lives below the poverty line. The regime jailed critics.")
    labels = rows(article, "label")
    assert [r["text"] for r in labels] == ["regime"]  # only the last, which is not part of a name
    assert labels[0]["start"] > article.text.index("critics") - 20
    texts = [r["text"] for r in rows(article)]
    assert "prisoners" not in texts and "poverty" not in texts


def test_idioms_of_all_and_only_are_not_absolutes():
    article = art("After all, the vote was close. It was not only late but also wrong. All in all, it failed. "
                  "Nobody came at all.")
    assert [r["text"] for r in rows(article, "absolute")] == ["Nobody"]


def test_total_the_verb_and_only_before_a_number():
    article = art("Losses total 40 million. A total of 12 died. It was a total disaster. The shop sold only 8 cars. "
                  "Only she knew.")
    totals = [r for r in rows(article) if "total" in r["text"]]
    assert [r["start"] for r in totals] == [article.text.index("total disaster")]  # the degree word only
    assert [r["text"] for r in rows(article, "absolute")] == ["Only"]


def test_a_topic_word_is_weak_and_an_evaluation_strong():
    article = art("Fraud is rare in this county. The deal was a monstrous fraud.")
    fraud = [r for r in rows(article, "loaded") if r["text"] == "Fraud"]
    assert fraud and fraud[0]["strength"] == "weak" and "about" in fraud[0]["strength_reason"]
    monstrous = [r for r in rows(article, "loaded") if r["text"] == "monstrous"]
    assert monstrous and monstrous[0]["strength"] == "strong"


def test_a_sentiment_only_word_is_weak_unless_used_to_judge():
    # 'grim' is only in the VADER list: as a plain description it is weak, said of something after 'is' it judges.
    article = art("Police found a grim scene near the river. The outlook was grim.")
    grim = [r for r in rows(article, "loaded") if r["text"] == "grim"]
    assert [r["strength"] for r in grim] == ["weak", "strong"]
    assert "sentiment list" in grim[0]["strength_reason"]
    assert "VADER" in grim[0]["reason"]
    # An adjective its raters scored strongly negative judges as it describes ('brutal', -3.1).
    brutal = [r for r in rows(art("It was a brutal campaign."), "loaded") if r["text"] == "brutal"]
    assert brutal and brutal[0]["strength"] == "strong"


def test_class_terms_are_framing_not_name_calling():
    article = art("The rulers ignore working people. The tyrant lied.")
    assert [r["text"] for r in rows(article, "framing")] == ["rulers", "working people"]
    assert [r["text"] for r in rows(article, "label")] == ["tyrant"]


def test_a_reporting_verb_with_a_third_party_subject_is_not_the_writers_hedge():
    article = art("Trump suggests that the war could end soon. The evidence suggests that it will not.")
    hedges = [r["text"] for r in rows(article, "hedge")]
    assert hedges == ["suggests that"]
    assert rows(article, "hedge")[0]["start"] > article.text.index("evidence")


def test_a_call_to_action_needs_readers_or_actors():
    article = art("We must stop this war. We denounce the attack. If you need to travel, book early. "
                  "You'll need to show a ticket. How should I vote? Signs must be painted by hand.")
    calls = rows(article, "call_to_action")
    assert [r["text"] for r in calls] == ["must", "must"]
    assert [r["strength"] for r in calls] == ["strong", "weak"]  # the passive duty is weak


def test_appeal_to_authority_by_a_title_alone_is_weak(monkeypatch):
    fake_quotes(monkeypatch, [("“The virus spreads fast.”", "direct", "Dr. Ann Lee", "the agency's director, a doctor")])
    article = art("“The virus spreads fast.” Dr. Ann Lee told senators. Experts agree that masks help.")
    appeals = rows(article, "appeal_to_authority")
    by_text = {r["text"]: r for r in appeals}
    assert by_text["“The virus spreads fast.”"]["strength"] == "weak"
    assert by_text["Experts agree"]["strength"] == "strong" and by_text["Experts agree"]["voice"] == "writer"


def test_one_device_per_word():
    article = art("It was an utterly heroic and incredibly brutal rescue.")
    spans = [(r["start"], r["end"]) for r in rows(article) if r["label"] != "exclamation"]
    for i, (start, end) in enumerate(spans):
        assert all(end <= s or e <= start for s, e in spans[i + 1:]), spans


def test_boilerplate_captions_and_link_lines_are_never_analysed():
    text = ("A headline\n\nThe brutal attack shocked the city.\n\nposted in: All news | 0\n\n"
            "Read the full transcript of his brutal interview\n\nSign up for our newsletter, never miss a story!")
    article = article_from_text(text, id="test")
    found_texts = [r["text"] for r in rows(article)]
    assert "brutal" in found_texts
    assert "All" not in found_texts and "never" not in found_texts
    assert found_texts.count("brutal") == 1
    assert not rows(article, "exclamation")


def test_scare_quotes_that_name_a_thing_are_weak(monkeypatch):
    fake_quotes(monkeypatch, [("“Like”", "scare"), ("“peace”", "scare")])
    article = art("Press the “Like” button. They call it “peace” while the shelling goes on.")
    strength_of = {r["text"]: r["strength"] for r in rows(article, "scare_quote")}
    assert strength_of == {"“Like”": "weak", "“peace”": "strong"}


def test_an_absolute_in_a_checkable_sentence_is_weak():
    article = art("Stalin deported the entire Crimean Tatar population in 1944. Nobody ever apologised.")
    strength_of = {r["text"]: r["strength"] for r in rows(article, "absolute")}
    assert strength_of["entire"] == "weak" and strength_of["Nobody"] == "strong"


def test_fact_or_opinion_task_counts_the_writers_rhetoric_but_not_an_absolute():
    from workbook.widgets import load_task, task_items

    task = load_task("claim-kind")
    article = art("Stalin deported the entire Crimean Tatar population in the spring of 1944.\n\n"
                  "The deportation was a brutal and shameful act of the regime.")
    items = task_items(task, article)
    machine = dict(zip(items["text"], items["machine"]))
    assert machine["The deportation was a brutal and shameful act of the regime."] == "opinion"
    assert machine["Stalin deported the entire Crimean Tatar population in the spring of 1944."] != "opinion"


# ---- the teacher-judged markers ---------------------------------------------------------------


@pytest.fixture
def judged(monkeypatch):
    import importlib
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent))
    return importlib.import_module("bench.judged")


def test_judged_markers_file_is_complete_and_short(judged):
    rows_ = judged.read_judgments()
    assert len(rows_) >= 300
    assert {row["verdict"] for row in rows_} <= set(judged.VERDICTS)
    assert {row["set"] for row in rows_} == {"tune", "heldout"}
    assert len({row["page"] for row in rows_}) >= 10
    for row in rows_:
        assert row["why"].strip() and row["address"].startswith("http")
        assert len(row["snippet"].split()) <= 24  # a short snippet, never the article
        assert row["page"] in judged.SETS[row["set"]]
    header = judged.JUDGMENTS.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#") and "How they were made" in header


def test_judged_bench_matches_by_label_and_span(judged, tmp_path, capsys):
    marker = {"label": "loaded", "start": 10, "end": 16}
    judgments = [{"label": "loaded", "start": 12, "end": 20, "verdict": "fair"},
                 {"label": "hedge", "start": 10, "end": 16, "verdict": "wrong"}]
    assert judged._match(marker, judgments)["verdict"] == "fair"
    assert judged._match({"label": "absolute", "start": 0, "end": 3}, judgments) is None
    assert judged.main([str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.parametrize("body", [
    "The “so-called” plan: don’t co-op - it’s O’Neill’s ’tis.",
    "ΟΔΥΣΣΕΥΣ.Β and ΑΣ’ came; ΑΣ’Β too.",  # a capital sigma lower-cases by its neighbours
    "İstanbul’s ŞEHİR and ǅemal, ſtraße, Ⅻ.",  # İ lengthens when lower-cased
    "", "1990 — 2024, 3.5%!",
])
def test_tokens_are_where_the_text_has_them_lower_cased_as_the_text_is(body):
    from workbook.rhetoric import finding

    article = art(body)
    text = article.text
    lowered = text.lower().replace("’", "'")
    for spans, words in finding._tokenise(article):
        assert [text[s:e] for s, e, _ in spans] == [raw for _, _, raw in spans]
        assert len(words) == len(spans)
        if len(lowered) == len(text):
            assert words == [lowered[s:e] for s, e, _ in spans]
        else:
            assert words == [raw.lower().replace("’", "'") for _, _, raw in spans]


def test_need_to_after_a_determiner_or_an_adjective_is_the_noun_not_a_call():
    article = art("Driven by the urgent need to act, they moved. There is no need to wait. "
                  "We need to act now. The leaders need to talk.")
    assert [r["text"] for r in rows(article, "call_to_action")] == ["need to", "need to"]
    assert all(r["start"] > article.text.index("wait") for r in rows(article, "call_to_action"))


def test_needs_to_inside_a_clause_that_describes_something_is_not_a_call():
    article = art("Some say talks are the first thing that needs to happen before peace. That needs to change. "
                  "Europe needs to act.")
    assert [r["text"] for r in rows(article, "call_to_action")] == ["needs to", "needs to"]
    assert all(r["start"] > article.text.index("before peace") for r in rows(article, "call_to_action"))


def test_regime_after_a_place_or_a_person_is_a_label_for_either_side_but_after_a_people_or_creed_a_name():
    for body in ("The Kyiv regime does not care.", "The Moscow regime does not care.", "The Lee regime does not care."):
        assert [r["text"] for r in rows(art(body), "label")] == ["regime"], body
    for body in ("The Nazi regime in Germany fell in 1945.", "The Soviet regime deported them.",
                 "They pushed for regime changes."):
        assert rows(art(body), "label") == [], body


def test_must_or_should_that_guesses_what_is_so_is_not_a_call():
    article = art("The piece should indicate that something is about to happen. That must mean the talks failed. "
                  "They must have known. They must act now.")
    assert [r["text"] for r in rows(article, "call_to_action")] == ["must"]
    assert rows(article, "call_to_action")[0]["start"] > article.text.index("known")


def test_an_offensive_after_a_possessive_is_a_military_operation_not_a_judgement():
    # (A word used three times or more is marked once, so each case uses 'offensive' at most twice.)
    article = art("The towns are the focus of his offensive, he said. The assault on the city began. "
                  "It was an offensive remark.")
    assert [r["text"] for r in rows(article, "loaded")] == ["offensive"]
    article = art("Russia's offensive in the east stalled. It was an offensive remark.")
    assert [r["text"] for r in rows(article, "loaded")] == ["offensive"]
    assert rows(article, "loaded")[0]["start"] > article.text.index("remark") - 12


def test_a_regime_of_rules_is_a_set_phrase_not_a_label():
    article = art("The U.S. may monitor the ceasefire regime. A new sanctions regime began. The regime jailed critics.")
    labels = rows(article, "label")
    assert [r["text"] for r in labels] == ["regime"]
    assert labels[0]["start"] > article.text.index("began")


def test_no_seed_words_in_the_rhetoric_code():
    """The rules are general: the rhetoric package never names anything from the seeds (as for sourcing)."""
    from importlib import resources

    folder = resources.files("workbook").joinpath("rhetoric")
    code = "\n".join(item.read_text(encoding="utf-8") for item in folder.iterdir() if item.name.endswith(".py")).lower()
    assert "def markers" in code  # the package was read
    for word in ("sybiha", "chubarov", "kremlin", "zelensky", "putin", "trump", "lenin", "marxists", "crimea", "shevchuk"):
        assert word not in code, word
