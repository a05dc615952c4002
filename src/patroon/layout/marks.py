"""The small marks of a printed sheet, without Qt: step numbers, the footer's date and line.

Step numbers let a table say "stap 4": a small numbered disc on the outer
corner of every box, 1 at the first step (at the top) and on in the cycle's
direction. The footer names the source and the date once, the date in words
("juni 2024"), on one line that never wraps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from patroon.i18n import pick

if TYPE_CHECKING:
    from patroon.layout.types import PatternLayout, TextMeasure
    from patroon.model import Pattern

_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")


def date_words(date: str) -> str:
    """An ISO date ("2024-06", "2024-06-12", "2024") in words of the language in force; other text as it is.

    >>> from patroon.i18n import set_language
    >>> set_language("nl"); date_words("2024-06"), date_words("2024-06-03"), date_words("voorjaar 2024")
    ('juni 2024', '3 juni 2024', 'voorjaar 2024')
    >>> set_language("en"); date_words("2024-06"); set_language(None)
    'June 2024'
    """
    found = _ISO.match(date)
    if not found or (found.group(2) and not 1 <= int(found.group(2)) <= 12):
        return date.strip()
    year, month, day = found.groups()
    if month is None:
        return year
    name = pick(_MONTHS_NL[int(month) - 1], _MONTHS_EN[int(month) - 1])
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def footer_parts(pattern: Pattern | None) -> tuple[str, str]:
    """The footer's two parts: the source (else organisation and region) and the date in words.

    A source that names the date already loses it there ("(…, juni 2024)" -> "(…)"):
    the date stands once, at the end.
    """
    if pattern is None:
        return "", ""
    meta = pattern.meta
    lead = meta.source or " · ".join(p for p in (meta.organisation, meta.region) if p)
    when = date_words(meta.date) if meta.date else ""
    if when and lead:
        for words in {when, date_words(meta.date[:7]) if len(meta.date) > 7 else when}:
            lead = re.sub(rf"[,;]?\s*{re.escape(words)}", "", lead, flags=re.IGNORECASE)
        lead = re.sub(r"\(\s*\)", "", lead).strip(" ,;·")
    return lead, when


def footer_line(lead: str, when: str, measure: TextMeasure, size: float, width: float) -> str:
    """The footer as one line no wider than ``width``: the source cut with an ellipsis if need be, the date whole."""
    tail = f" · {when}" if lead and when else when
    text = lead + tail
    if measure.width(text, size, False) <= width:
        return text
    # First without what the source says in brackets, then word by word.
    bare = re.sub(r"\s*\([^)]*\)", "", lead).strip(" ,;·")
    if bare != lead and measure.width(bare + tail, size, False) <= width:
        return bare + tail
    words = bare.split()
    while words:
        words.pop()
        text = " ".join(words).rstrip(" ,;·(") + "…" + tail
        if measure.width(text, size, False) <= width:
            return text
    return when


@dataclass(frozen=True)
class StepNumber:
    """A step's number on a sheet: a disc of ``radius`` around ``centre`` (points, in the pattern's area)."""

    step: str
    number: int
    centre: tuple[float, float]
    radius: float
    size: float  # of the digits


def step_numbers(layout: PatternLayout, min_size: float) -> tuple[StepNumber, ...]:
    """A number for every box, on the box's corner that faces away from the circle's middle."""
    numbers = []
    cx, cy = layout.centre
    for k, step in enumerate(layout.steps, start=1):
        box = step.box
        size = max(min_size, round(0.72 * step.text.size))
        radius = 0.78 * size if k < 10 else 0.95 * size
        bx, by = box.x + box.w / 2, box.y + box.h / 2
        # The outer corner; a box straight above or below the middle takes its left corner.
        right = bx - cx > 0.15 * box.w
        below = by - cy > 0
        # Inset, so the disc sits on the corner's rounding rather than beyond it.
        inset = 0.35 * radius
        x = box.x + box.w - inset if right else box.x + inset
        y = box.y + box.h - inset if below else box.y + inset
        numbers.append(StepNumber(step.id, k, (x, y), radius, float(size)))
    return tuple(numbers)

