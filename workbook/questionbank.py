"""Question and annotation-task data: loading the TOML files, checking answers, items to label.

No widgets here (nothing imports ipywidgets): the command line, the printable
handout and the tests use these functions without a kernel. The screens in
`workbook.widgets` build on them.

Question ids, topics and the file format: ``docs/questions-format.md``; the
files are ``workbook/data/questions/*.toml`` and ``workbook/data/tasks/*.toml``.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.articles import Article
from workbook.findings import CATEGORY_NAMES, findings
from workbook.plainwords import how_many

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: Lesson topics, in the order of the notebooks.
TOPICS = ("start", "texts", "sourcing", "figures", "history", "rhetoric", "synthesis")
#: Kinds of self-check question.
QUESTION_TYPES = ("choice", "multi", "number", "text", "reflection")


def find_all(article: Article, categories: Iterable[str] | None = None) -> pd.DataFrame:
    """`workbook.findings.findings`, remembered per article object and categories.

    A lesson shows the same article in a highlighter, an explorer and tasks; the
    extractors run once. Callers must not change the table they get.
    """
    key = None if categories is None else ((categories,) if isinstance(categories, str) else tuple(categories))
    return _find_cached(article, key)


@lru_cache(maxsize=32)
def _find_cached(article: Article, categories: tuple[str, ...] | None) -> pd.DataFrame:
    return findings(article, categories)


class WorkbookDataError(Exception):
    """A question or task file is malformed; the message names the file and the problem."""

    def _render_traceback_(self) -> list[str]:
        return [f"WorkbookDataError: {self}"]



def questions_folder() -> Path:
    """The folder with the question files shipped with the workbook."""
    return Path(str(resources.files("workbook").joinpath("data/questions")))


def tasks_folder() -> Path:
    """The folder with the annotation task files shipped with the workbook."""
    return Path(str(resources.files("workbook").joinpath("data/tasks")))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise WorkbookDataError(f"{path}: not valid TOML ({error}).") from error


def _check_text_keys(where: str, question: Mapping[str, Any]) -> None:
    """The optional normalisation fields of a text question: ignore, synonyms, responses."""
    ignore = question.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(word, str) and word.strip() for word in ignore):
        raise WorkbookDataError(f"{where}: ignore must be a list of words, ignore = [\"the\", \"text\"].")
    synonyms = question.get("synonyms", {})
    if not isinstance(synonyms, dict) or not all(
        isinstance(variants, list) and variants and all(isinstance(v, str) and v.strip() for v in variants)
        for variants in synonyms.values()
    ):
        raise WorkbookDataError(f"{where}: synonyms must be a table of lists, synonyms = {{ \"not given\" = [\"not mentioned\", \"unknown\"] }}.")
    for canonical in synonyms:
        if not normalise_text(canonical, ignore):
            raise WorkbookDataError(f"{where}: the synonym key {canonical!r} is empty once the ignore words are left out.")
    responses = question.get("responses", [])
    if not isinstance(responses, list):
        raise WorkbookDataError(f"{where}: write responses as a list of tables, responses = [{{ accept = [...], feedback = \"...\" }}].")
    for number, response in enumerate(responses, start=1):
        if not isinstance(response, dict) or not isinstance(response.get("accept"), list) or not response["accept"]:
            raise WorkbookDataError(f"{where}: response {number} needs accept = [\"...\"].")
        if not str(response.get("feedback", "")).strip():
            raise WorkbookDataError(f"{where}: response {number} needs feedback = \"...\" (say why).")
        if "correct" in response and not isinstance(response["correct"], bool):
            raise WorkbookDataError(f"{where}: response {number}: correct must be true or false.")
        if response.get("match", "exact") not in ("exact", "contains"):
            raise WorkbookDataError(f"{where}: response {number}: match must be \"exact\" or \"contains\".")
    for key in ("accept", *[f"responses[{n}]" for n in range(1, len(responses) + 1)]):
        answers = question["accept"] if key == "accept" else responses[int(key[10:-1]) - 1]["accept"]
        if any(not normalise_text(a, ignore) for a in answers):
            raise WorkbookDataError(f"{where}: an answer in {key} is empty once the ignore words are left out.")


def _check_question(path: Path, question: dict[str, Any]) -> None:
    qid = question.get("id")
    where = f"{path}: question {qid!r}"
    if not qid or not isinstance(qid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", qid):
        raise WorkbookDataError(f"{path}: every question needs an id of lower-case letters, digits and dashes (got {qid!r}).")
    kind = question.get("type")
    if kind not in QUESTION_TYPES:
        raise WorkbookDataError(f"{where}: type must be one of {', '.join(QUESTION_TYPES)} (got {kind!r}).")
    if not str(question.get("prompt", "")).strip():
        raise WorkbookDataError(f"{where}: the prompt is missing.")
    if kind in ("choice", "multi"):
        options = question.get("options")
        if not isinstance(options, list) or len(options) < 2 or not all(isinstance(o, dict) and o.get("text") for o in options):
            raise WorkbookDataError(f"{where}: give at least two options, each with text.")
        texts = [str(o["text"]) for o in options]
        if len(set(texts)) != len(texts):
            raise WorkbookDataError(f"{where}: two options have the same text.")
        right = sum(bool(o.get("correct")) for o in options)
        if kind == "choice" and right != 1:
            raise WorkbookDataError(f"{where}: a choice question needs exactly one option with correct = true (has {right}).")
        if kind == "multi" and right < 1:
            raise WorkbookDataError(f"{where}: mark at least one option correct = true.")
    if kind == "number":
        if not isinstance(question.get("answer"), (int, float)) or isinstance(question.get("answer"), bool):
            raise WorkbookDataError(f"{where}: a number question needs answer = <a number>.")
        if not isinstance(question.get("tolerance", 0), (int, float)) or question.get("tolerance", 0) < 0:
            raise WorkbookDataError(f"{where}: tolerance must be a number, 0 or more.")
    if kind == "text":
        accept = question.get("accept")
        if not isinstance(accept, list) or not accept or not all(isinstance(a, str) and a.strip() for a in accept):
            raise WorkbookDataError(f"{where}: a text question needs accept = [\"an answer\", ...].")
        if question.get("match", "exact") not in ("exact", "contains"):
            raise WorkbookDataError(f"{where}: match must be \"exact\" or \"contains\".")
        _check_text_keys(where, question)
    if "feedback" in question and not isinstance(question["feedback"], dict):
        raise WorkbookDataError(f"{where}: feedback must be a table (feedback.correct = \"...\").")


def load_questions(folder: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """Every question in the ``*.toml`` files of `folder` (default: the shipped ones), by id.

    Each question gets ``topic`` (from its file, unless it sets its own) and
    ``file``. Raises `WorkbookDataError` naming the file for any mistake.
    """
    folder = Path(folder).resolve() if folder is not None else questions_folder()
    if not folder.is_dir():
        raise WorkbookDataError(f"{folder}: no folder of question files here.")
    # The files' times are part of the cache key: a teacher who edits a file sees the change at once.
    stamps = tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(folder.glob("*.toml")))
    return _load_questions(str(folder), stamps)


@lru_cache(maxsize=8)
def _load_questions(folder: str, stamps: tuple[tuple[str, int, int], ...] = ()) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(folder).glob("*.toml")):
        data = _read_toml(path)
        topic = data.get("topic", path.stem)
        listed = data.get("question", [])
        if not isinstance(listed, list):
            raise WorkbookDataError(f"{path}: write each question as a [[question]] table.")
        for question in listed:
            question = dict(question)
            _check_question(path, question)
            question.setdefault("topic", topic)
            question["file"] = str(path)
            if question["id"] in found:
                raise WorkbookDataError(f"{path}: the question id {question['id']!r} is also used in {found[question['id']]['file']}.")
            found[question["id"]] = question
    for question in found.values():
        twin = question.get("twin")
        if twin is not None and twin not in found:
            raise WorkbookDataError(f"{question['file']}: question {question['id']!r} names a twin {twin!r} that does not exist.")
    return found


def get_question(question_id: str, folder: str | Path | None = None) -> dict[str, Any]:
    """One question by id, or `WorkbookDataError` listing similar ids."""
    found = load_questions(folder)
    if question_id not in found:
        import difflib

        close = difflib.get_close_matches(question_id, list(found), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise WorkbookDataError(f"No question with the id {question_id!r}.{hint}")
    return found[question_id]


def parse_number(text: Any) -> float | None:
    """A number typed by a learner ("14,000", "3.5", "73 %", "1 200"), or None.

    >>> parse_number("14,000"), parse_number("3,5"), parse_number("73%"), parse_number("lots")
    (14000.0, 3.5, 73.0, None)
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().rstrip("%").strip()
    cleaned = cleaned.replace("\u2212", "-").replace(" ", "").replace("\u202f", "")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    elif re.fullmatch(r"[-+]?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


#: Contractions written out, so "doesn't say" and "does not say" compare equal.
_CONTRACTIONS = ((r"\bcan't\b", "can not"), (r"\bcannot\b", "can not"), (r"\bwon't\b", "will not"),
                 (r"\bshan't\b", "shall not"), (r"n't\b", " not"), (r"'re\b", " are"), (r"'ve\b", " have"),
                 (r"'ll\b", " will"), (r"'d\b", " would"), (r"'m\b", " am"))


def normalise_text(text: str, ignore: Iterable[str] = ()) -> str:
    """`text` as compared with an answer key.

    Lower case, no accents, contractions written out ("doesn't" -> "does not",
    also without the apostrophe: "doesnt"), no punctuation or extra spaces, and
    the words in `ignore` (a question file's ``ignore`` list) left out.

    >>> normalise_text("It DOESN’T say!"), normalise_text("the text doesnt say", ignore=["the", "text"])
    ('it does not say', 'does not say')
    """
    text = unicodedata.normalize("NFKD", str(text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must)nt\b", r"\1 not", text)
    for pattern, replacement in _CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"[^\w\s]", " ", text)
    dropped = {normalised for word in ignore for normalised in [" ".join(re.sub(r"[^\w\s]", " ", str(word).casefold()).split())] if normalised}
    words = text.split()
    if dropped:
        words = [word for word in words if word not in dropped]
    return " ".join(words)


def _with_synonyms(given: str, question: Mapping[str, Any], ignore: Iterable[str]) -> str:
    """The normalised answer with every listed paraphrase replaced by the phrase it stands for."""
    pairs = []
    for canonical, variants in dict(question.get("synonyms", {})).items():
        target = normalise_text(canonical, ignore)
        pairs += [(normalise_text(variant, ignore), target) for variant in variants]
    for variant, target in sorted(pairs, key=lambda pair: -len(pair[0])):
        if variant:
            given = re.sub(rf"\b{re.escape(variant)}\b", target, given)
    return given


def _matches(given: str, accepted: Iterable[str], how: str, ignore: Iterable[str]) -> bool:
    keys = [key for key in (normalise_text(a, ignore) for a in accepted) if key]
    if how == "contains":
        return any(re.search(rf"\b{re.escape(key)}\b", given) for key in keys)
    return given in keys


def check_text_answer(question: Mapping[str, Any], answer: Any) -> tuple[bool | None, str]:
    """A typed answer against ``accept``, after normalising, ``ignore`` and ``synonyms``.

    ``responses`` (optional) are checked first: groups of answers with their own
    feedback, for an answer that deserves more than "right" or "not quite" (for
    example a correct fact the learner found outside the text).
    """
    feedback = question.get("feedback", {})
    ignore = [str(word) for word in question.get("ignore", [])]
    given = normalise_text(answer or "", ignore)
    if not normalise_text(answer or ""):
        return None, "Type an answer first."
    given = _with_synonyms(given, question, ignore)
    how = question.get("match", "exact")
    for response in question.get("responses", []):
        if _matches(given, response["accept"], response.get("match", how), ignore):
            right = response.get("correct")
            default = feedback.get("correct" if right else "wrong", "")
            return (None if right is None else bool(right)), str(response.get("feedback") or default)
    right = _matches(given, question["accept"], how, ignore)
    return right, str(feedback.get("correct" if right else "wrong", "Right!" if right else "Not quite. Try again."))


def check_answer(question: Mapping[str, Any], answer: Any) -> tuple[bool | None, str]:
    """Whether `answer` is right (None when it cannot be judged) and the feedback for a learner."""
    kind = question["type"]
    feedback = question.get("feedback", {})
    if kind == "choice":
        if answer is None or answer == "":
            return None, "Choose one answer first."
        option = next((o for o in question["options"] if str(o["text"]) == str(answer)), None)
        if option is None:
            return None, "That is not one of the choices."
        right = bool(option.get("correct"))
        default = feedback.get("correct" if right else "wrong", "Right!" if right else "Not quite. Read the text again and try once more.")
        return right, str(option.get("feedback") or default)
    if kind == "multi":
        chosen = [str(a) for a in (answer or [])]
        if not chosen:
            return None, "Tick at least one answer first."
        options = {str(o["text"]): o for o in question["options"]}
        right_set = {t for t, o in options.items() if o.get("correct")}
        lines = []
        for text in chosen:
            option = options.get(text)
            if option is None:
                continue
            mark = "✓" if option.get("correct") else "✗"
            lines.append(f"{mark} {text}: {option.get('feedback') or ('fits' if option.get('correct') else 'does not fit')}")
        missed = right_set - set(chosen)
        right = set(chosen) == right_set
        if right:
            head = feedback.get("correct", "All right: you found every answer that fits and no others.")
        elif missed:
            head = feedback.get("wrong", "Not quite yet.") + f" {how_many(len(missed), 'more answer')} also {'fits' if len(missed) == 1 else 'fit'}: look again."
        else:
            head = feedback.get("wrong", "Not quite yet: one of your ticks does not fit.")
        return right, "\n".join([head, *lines])
    if kind == "number":
        value = parse_number(answer)
        if value is None:
            return None, "Type a number, for example 42 or 3.5."
        target, tolerance = float(question["answer"]), float(question.get("tolerance", 0))
        if abs(value - target) <= tolerance + 1e-9:
            return True, str(feedback.get("correct", "Right!"))
        if value < target and "too_low" in feedback:
            return False, str(feedback["too_low"])
        if value > target and "too_high" in feedback:
            return False, str(feedback["too_high"])
        return False, str(feedback.get("wrong", "Not quite. Check the text and your counting, then try again."))
    if kind == "text":
        return check_text_answer(question, answer)
    if kind == "reflection":
        if not str(answer or "").strip():
            return None, "Write your answer first."
        return None, str(feedback.get("saved", "Saved. There is no single right answer: compare yours with a classmate's."))
    raise WorkbookDataError(f"Unknown question type {kind!r}.")


def load_task(task_id: str, folder: str | Path | None = None) -> dict[str, Any]:
    """The annotation task ``<task_id>.toml`` from `folder` (default: the shipped tasks)."""
    folder = Path(folder) if folder is not None else tasks_folder()
    path = folder / f"{task_id}.toml"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", task_id) or not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.toml")))
        raise WorkbookDataError(f"No annotation task {task_id!r}. Tasks: {known}.")
    task = _read_toml(path)
    task["id"] = task_id
    task["file"] = str(path)
    labels = task.get("labels")
    if not isinstance(labels, list) or len(labels) < 2 or not all(isinstance(l, str) and l for l in labels):
        raise WorkbookDataError(f"{path}: give labels = [\"...\", \"...\"] (at least two).")
    if task.get("items") not in ("sentences", "findings"):
        raise WorkbookDataError(f"{path}: items must be \"sentences\" or \"findings\".")
    if task["items"] == "findings" and task.get("category") not in CATEGORY_NAMES:
        raise WorkbookDataError(f"{path}: items = \"findings\" needs category = one of {', '.join(CATEGORY_NAMES)}.")
    machine = task.get("machine", {})
    for rule in machine.get("rule", []):
        if rule.get("label") not in labels:
            raise WorkbookDataError(f"{path}: a machine rule gives the label {rule.get('label')!r}, which is not in labels.")
        if "pattern" in rule:
            try:
                re.compile(rule["pattern"])
            except re.error as error:
                raise WorkbookDataError(f"{path}: the pattern {rule['pattern']!r} is not a valid regular expression ({error}).") from error
    for label in dict(machine.get("map", {})).values():
        if label not in labels:
            raise WorkbookDataError(f"{path}: machine.map gives the label {label!r}, which is not in labels.")
    default = machine.get("default")
    if default is not None and default not in labels:
        raise WorkbookDataError(f"{path}: machine.default {default!r} is not in labels.")
    return task


def _spread(items: list[Any], limit: int | None) -> list[Any]:
    """At most `limit` items spread evenly from first to last."""
    if not limit or len(items) <= limit:
        return items
    if limit == 1:
        return items[:1]
    step = (len(items) - 1) / (limit - 1)
    return [items[round(i * step)] for i in range(limit)]


def _voiced(article: Article, voice: str) -> set[tuple[int, int]]:
    """Spans of the rhetoric markers in `voice` ('writer': the writer's own words)."""
    from workbook.rhetoric import marker_records

    return {(record["start"], record["end"]) for record in marker_records(article, voice=voice)}


def task_items(task: Mapping[str, Any], article: Article, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The items to label, with the machine's label and reason for each.

    Columns: item (a stable id), start, end, text (the words to mark: for the source task, the
    source's own words), context (the sentence), mark_at (where `text` starts in `context`, or None
    when the whole sentence is the item), machine, reason.
    """
    machine = task.get("machine", {})
    if task["items"] == "sentences":
        if table is None:
            table = find_all(article, [c for c in CATEGORY_NAMES if any(r.get("category") == c for r in machine.get("rule", []))])
        roles = set(task.get("roles", ["body"]))
        sentences = [s for s in article.sentence_list if article.block_list[s.block].role in roles]
        min_words = int(task.get("min_words", 6))
        sentences = [s for s in sentences if len(s.text.split()) >= min_words]
        sentences = _spread(sentences, task.get("limit"))
        rows = []
        for sentence in sentences:
            inside = table[(table["start"] >= sentence.start) & (table["end"] <= sentence.end)] if len(table) else table
            label, reason = machine.get("default"), machine.get("default_reason", "no rule matched, so the default label")
            for rule in machine.get("rule", []):
                if "pattern" in rule and re.search(rule["pattern"], sentence.text, flags=re.IGNORECASE):
                    label, reason = rule["label"], rule.get("reason", f"the sentence matches {rule['pattern']!r}")
                    break
                if "category" in rule and len(inside) and (inside["category"] == rule["category"]).any():
                    hits = inside[inside["category"] == rule["category"]]
                    if "labels" in rule:
                        hits = hits[hits["label"].isin(rule["labels"])]
                    if rule.get("voice"):  # e.g. only the writer's own rhetoric, not a quoted speaker's
                        hits = hits[[span in _voiced(article, rule["voice"]) for span in zip(hits["start"], hits["end"])]]
                    if hits.empty:
                        continue
                    first = hits.iloc[0]
                    label = rule["label"]
                    reason = f"{rule.get('reason', 'the machine found ' + rule['category'])}: “{first['text']}”"
                    break
            rows.append({"item": f"s{sentence.index}", "start": sentence.start, "end": sentence.end, "text": sentence.text,
                         "context": sentence.text, "mark_at": None, "machine": label, "reason": reason})
    else:
        if table is None:
            table = find_all(article, [task["category"]])
        table = table[table["category"] == task["category"]]
        mapping = dict(machine.get("map", {}))
        picked = _spread(list(table.to_dict("records")), task.get("limit"))
        mentions = _source_mentions(article) if task["category"] == "sources" else {}
        rows = []
        for row in picked:
            found = article.sentence_list[int(row["sentence"])] if pd.notna(row.get("sentence")) else None
            sentence, offset = (found.text, found.start) if found is not None else (row["text"], int(row["start"]))
            shown, at = row["text"], int(row["start"])
            # the source task asks who speaks, so the source's own words ("Marco Rubio", "he") are marked
            mention = mentions.get((int(row["start"]), int(row["end"])))
            if mention is not None and offset <= mention[0] and mention[1] <= offset + len(sentence):
                at, shown = mention[0], article.text[mention[0] : mention[1]]
            rows.append({"item": f"{row['start']}-{row['end']}", "start": row["start"], "end": row["end"], "text": shown,
                         "context": sentence, "mark_at": at - offset if 0 <= at - offset < len(sentence) else None,
                         "machine": mapping.get(str(row["label"]), machine.get("default")), "reason": row.get("reason")})
    frame = pd.DataFrame(rows, columns=["item", "start", "end", "text", "context", "mark_at", "machine", "reason"])
    for column in ("mark_at", "machine", "reason"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame



def _source_mentions(article: Article) -> dict[tuple[int, int], tuple[int, int]]:
    """Where the words naming each attribution's source stand, by the (start, end) of what it reports."""
    from workbook.sourcing.tables import attribution_rows

    return {
        (int(row["start"]), int(row["end"])): (int(row["source_start"]), int(row["source_end"]))
        for row in attribution_rows(article)
        if row.get("source_start") is not None and row.get("source_end") is not None
    }


def marked_context(item: Mapping[str, Any]) -> tuple[str, str, str]:
    """An item's sentence cut into (before, the words to mark, after); nothing marked for a whole sentence.

    The words are found where the item says they stand (``mark_at``), so a short item such as
    "he" is never marked inside another word ("the").
    """
    context, text, at = item["context"], item["text"], item.get("mark_at")
    if text == context:
        return context, "", ""
    if at is not None and context[int(at) : int(at) + len(text)] == text:
        at = int(at)
        return context[:at], text, context[at + len(text) :]
    found = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", context)
    if found is None:
        return context, "", ""
    return context[: found.start()], text, context[found.end() :]


#: The old private name, kept for callers that used it.
_normalise_text = normalise_text
