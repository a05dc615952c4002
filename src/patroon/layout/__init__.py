"""The geometry of a pattern's circle: where every box, arrow, title and note goes.

Pure Python (no Qt): given a pattern, a :class:`TextMeasure` for the font and
an area in points, :func:`layout_pattern` returns a :class:`PatternLayout`
that a painter only has to draw. The canvas, the exporters and the presenter
all draw from it, so a pattern looks the same everywhere.

The layout puts the steps as equal rounded boxes on a circle, the first at the
top, clockwise; arrows run along the circle from box to box; the title (under
its context line) stands in the middle. It picks the box size, the circle's
radius and one text size for all steps so that every text fits: the largest
size that fits the area, shrinking towards ``min_font`` only when it must.
Only a very full pattern gets more room another way, each when it sets the
text clearly larger: boxes wider at the sides than at the top, an ellipse on
a wide or tall area, or a rounded-square ring that reaches into the corners;
and one that fits none of these, rows of boxes along the edges of a rounded
rectangle that fills the page (the first step in the middle of the top row).

A box the user dragged (a manual offset) is placed after all that, on the
finished ring: everything else stays exactly where it was.

Layout runs on every edit and every resize, so it is quick: measured words
and wrapped texts are remembered per text measure, candidate box sizes are
ranked before the (costly) radius search, the radius comes from Newton's
method on the piecewise-linear overshoot, and breakthrough notes are placed
roughly while searching and properly once a ring works.

All coordinates are points (1/72 inch), origin top-left, y down.
"""

from __future__ import annotations

from patroon.layout.pattern import layout_pattern, layout_worksheet
from patroon.layout.style import CONTEXT_SCALE, NOTE_SCALE, TITLE_SCALE
from patroon.layout.types import (
    MIN_GAP,
    ArrowLayout,
    BreakthroughLayout,
    PatternLayout,
    Point,
    Rect,
    StepLayout,
    TextBlock,
    TextMeasure,
)

__all__ = [
    "MIN_GAP",
    "CONTEXT_SCALE",
    "NOTE_SCALE",
    "TITLE_SCALE",
    "ArrowLayout",
    "BreakthroughLayout",
    "PatternLayout",
    "Point",
    "Rect",
    "StepLayout",
    "TextBlock",
    "TextMeasure",
    "layout_pattern",
    "layout_worksheet",
]
