"""Colours, tags and line patterns for highlights (WCAG AA: text contrast at least 4.5:1)."""

from __future__ import annotations

from collections.abc import Iterable

from workbook.findings import CATEGORY_NAMES
from workbook.plainwords import PLAIN_LABELS, plain_label  # noqa: F401  (re-exported)

#: Text colour on highlights, and the light backgrounds behind it (all >= 12:1 with the text).
TEXT_COLOUR = "#111111"
BACKGROUNDS = ("#FFE08A", "#BDE0FE", "#C7F0C2", "#FFD1DC", "#E0D4FF", "#FFD8B0", "#CFF3F0", "#EDEDED")
#: Per category: tag colour (white text on it, >= 7:1), underline pattern, a letter for the category.
CATEGORY_STYLES: dict[str, dict[str, str]] = {
    "quotes": {"tag": "#1F4E79", "border": "solid", "prefix": "Q"},
    "sources": {"tag": "#2D5A27", "border": "dashed", "prefix": "S"},
    "figures": {"tag": "#7A1F1F", "border": "double", "prefix": "F"},
    "time": {"tag": "#5B2C83", "border": "dotted", "prefix": "T"},
    "rhetoric": {"tag": "#8A4B00", "border": "wavy", "prefix": "R"},
}
_OTHER_STYLE = {"tag": "#404040", "border": "solid", "prefix": "X"}
#: Categories whose toggles go label by label (the others have one toggle).
BY_LABEL = ("quotes", "sources", "rhetoric")


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#rrggbb`` colour."""
    colour = colour.lstrip("#")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21; AA needs 4.5 for text)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def group_of(category: str, label: str, voice: str | None = None, strength: str | None = None) -> str:
    """The toggle a finding belongs to: ``"quotes: scare"``, or ``"figures"``.

    Rhetoric in someone else's words (``voice`` "quoted" or "reported") goes to
    ``"rhetoric: quoted"``, and weak rhetoric markers to ``"rhetoric: weak"``,
    so a lesson can show the writer's own strong markers first.
    """
    if category == "rhetoric" and voice in ("quoted", "reported"):
        return "rhetoric: quoted"
    if category == "rhetoric" and strength == "weak":
        return "rhetoric: weak"
    return f"{category}: {label}" if category in BY_LABEL else category


def group_name(group: str) -> str:
    """A learner's name for a toggle group: ``"Quotes: scare quotes"``, ``"Time references"``."""
    category, _, label = group.partition(": ")
    name = CATEGORY_NAMES.get(category, category.capitalize())
    return f"{name}: {plain_label(label)}" if label else name


def tag_text(group: str) -> str:
    """The words on a highlight's tag, never cut: ``"loaded words"``, ``"figure"``."""
    category, _, label = group.partition(": ")
    if label:
        return plain_label(label)
    return {"figures": "figure", "time": "time"}.get(category, CATEGORY_NAMES.get(category, category).lower())


def group_styles(groups: Iterable[str]) -> dict[str, dict[str, str]]:
    """A style for each group: background, tag colour, border pattern and tag text."""
    styles = {}
    counters: dict[str, int] = {}
    for index, group in enumerate(sorted(set(groups), key=_group_order)):
        category, _, label = group.partition(": ")
        base = CATEGORY_STYLES.get(category, _OTHER_STYLE)
        counters[category] = counters.get(category, 0) + 1
        styles[group] = {
            "background": BACKGROUNDS[index % len(BACKGROUNDS)],
            "tag": base["tag"],
            "border": base["border"],
            "code": tag_text(group),
        }
    return styles


def _group_order(group: str) -> tuple[int, int, str]:
    category = group.partition(": ")[0]
    order = list(CATEGORY_STYLES)
    apart = group in ("rhetoric: quoted", "rhetoric: weak")
    return (order.index(category) if category in order else len(order), int(apart), group)

