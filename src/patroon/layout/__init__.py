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

Once the sizes are chosen, 5 to 10 boxes on a circle move along it until
every arrow between them is as long (an even rhythm), and many boxes on a
rounded square line up in exact rows and columns. A box the user dragged (a
manual offset) is placed after all that, on the finished ring: everything
else stays exactly where it was.

Layout runs on every edit and every resize, so it is quick: measured words
and wrapped texts, and the rings tried and arrows drawn for a set of box
sizes, are remembered per text measure (:mod:`patroon.layout.memo`), so an
edit that leaves the sizes as they were finds most of its work done; a ring
is only searched if boxes as small as any candidate's could fit it;
candidate box sizes are ranked before the (costly) radius search, the radius
comes from Newton's method on the piecewise-linear overshoot, and
breakthrough notes are placed roughly while searching and properly once a
ring works.

The modules: :mod:`~patroon.layout.types` (the public geometry),
:mod:`~patroon.layout.style` (lengths that follow the text size),
:mod:`~patroon.layout.memo`, :mod:`~patroon.layout.ring`,
:mod:`~patroon.layout.arrows`, :mod:`~patroon.layout.title`,
:mod:`~patroon.layout.notes`, :mod:`~patroon.layout.radius` and
:mod:`~patroon.layout.solver` (the search), :mod:`~patroon.layout.pattern`
(putting it together), :mod:`~patroon.layout.nudge` (dragged boxes),
:mod:`~patroon.layout.screen` (a screen's wider rings, ``fill``) and
:mod:`~patroon.layout.sheet` (the printed sheets' geometry, without Qt).

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
