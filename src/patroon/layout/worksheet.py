"""A worksheet's circle for markers, without Qt: large empty boxes, a title field and marks to circle.

A table draws its own pattern on the worksheet with markers, so its boxes
are sized for a 76 mm sticky note and two or three lines of handwriting
(about 90 x 60 mm for six steps on A3; the largest that fit for more). The
middle holds a field for the pattern's title; beside every arrow stands an open
lightning marker to circle where the table sees a breakthrough, and step 1
says where to begin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from patroon.layout.pattern import build
from patroon.layout.ring import circle_frame
from patroon.layout.solver import Solver
from patroon.layout.style import Style, default_max_font
from patroon.layout.types import PatternLayout, Rect, StepLayout, TextBlock

if TYPE_CHECKING:
    from patroon.layout.types import ArrowLayout, TextMeasure

#: What sizes a worksheet's boxes, largest first: lines of "x" as wide and as many as a box of about
#: 3 : 2 holds (about 93 x 64 mm for six boxes on A3), and the title field in the middle. The first
#: that fits is taken; the last is the smallest box that still holds three lines of handwriting.
_SIZINGS = (
    ("\n".join(["x" * 26] * 7), "\n".join(["x" * 14] * 2), 7),
    ("\n".join(["x" * 22] * 6), "\n".join(["x" * 14] * 2), 6),
    ("\n".join(["x" * 20] * 5), "\n".join(["x" * 16] * 3), 5),
    (" ".join(["xxxxxxxx"] * 14), "\n".join(["x" * 22] * 4), 4),
)


@dataclass(frozen=True)
class WorksheetMarks:
    """The worksheet's own marks, in the circle's area (points)."""

    title_field: Rect  # where the table writes its pattern's title
    bolts: tuple[tuple[float, float], ...]  # an open lightning marker beside every arrow
    bolt_radius: float
    start: tuple[float, float]  # the top-left of the "start here" words in step 1's box
    start_size: float


def layout_marker_circle(n_steps: int, measure: TextMeasure, width: float, height: float) -> PatternLayout:
    """``n_steps`` empty boxes as large as fit on a circle, arrows between them and a free middle."""
    n = max(2, n_steps)
    # A ring a little wider than tall holds the wide boxes best; a circle when that does not fit.
    frames = [circle_frame(n, 90.0, True, [(0.0, 0.0)] * n, ax=ax) for ax in (1.15, 1.0)]
    for box_text, title_text, lines in _SIZINGS:
        for frame in frames:
            solver = Solver([box_text] * n, title_text, "", {}, frame, measure, width, height, 9.0, min_lines=lines)
            plan = solver.solve(default_max_font(width, height, n) * 1.1)
            laid = build(solver, plan, [f"stap-{i + 1}" for i in range(n)], width, height)
            if laid.fits:
                break
        if laid.fits:
            break
    pad = Style(plan.step_font_size).pad_x
    steps = tuple(StepLayout(s.id, s.index, s.box, TextBlock((), s.text.size, False, s.box.inflated(-pad)),
                             s.angle, s.home) for s in laid.steps)
    return PatternLayout(
        width=laid.width, height=laid.height, centre=laid.centre, radius=laid.radius, steps=steps,
        arrows=laid.arrows, title=TextBlock((), laid.title.size, True, laid.title_area), context=None,
        title_area=laid.title_area, breakthroughs=(), step_font_size=laid.step_font_size, radii=laid.radii,
        fits=laid.fits,
    )


def worksheet_marks(layout: PatternLayout, min_size: float) -> WorksheetMarks:
    """The title field, the arrows' open markers and where "start here" goes."""
    style = Style(layout.step_font_size)
    area = layout.title_area
    inset = style.clearance
    field = Rect(area.x + inset, area.y + inset, max(0.0, area.w - 2 * inset), max(0.0, area.h - 2 * inset))
    # At most as tall as three lines of large handwriting, centred.
    tallest = 3.2 * 10.0 * 72.0 / 25.4
    if field.h > tallest:
        field = Rect(field.x, layout.centre[1] - tallest / 2, field.w, tallest)
    first = layout.steps[0].box
    size = max(min_size, round(0.8 * layout.step_font_size))
    start = (first.x + 2.2 * size, first.y + 0.5 * size)
    radius = 0.7 * style.marker_radius
    # Beside the arrow, on the side away from the middle: the arrow stays whole to see.
    bolts = tuple(_away(_middle(a), layout.centre, radius + 0.4 * style.stroke + 2.0) for a in layout.arrows)
    return WorksheetMarks(field, bolts, radius, start, float(size))


def _away(point: tuple[float, float], centre: tuple[float, float], distance: float) -> tuple[float, float]:
    """``point`` moved ``distance`` further from ``centre``."""
    dx, dy = point[0] - centre[0], point[1] - centre[1]
    length = math.hypot(dx, dy) or 1.0
    return (point[0] + distance * dx / length, point[1] + distance * dy / length)


def _middle(arrow: ArrowLayout) -> tuple[float, float]:
    """The point a little before halfway along the arrow's line, clear of its head."""
    points = list(arrow.path)
    lengths = [math.dist(p, q) for p, q in zip(points, points[1:])]
    half = 0.45 * sum(lengths)  # a little before the middle: clear of the head
    for (p, q), length in zip(zip(points, points[1:]), lengths):
        if half <= length and length > 0:
            f = half / length
            return (p[0] + f * (q[0] - p[0]), p[1] + f * (q[1] - p[1]))
        half -= length
    return points[len(points) // 2]
