"""A pattern on a screen: the ring that sets the text largest, with the notes clear of everything.

A printed sheet keeps the circle unless a very full pattern needs another
ring (see :func:`patroon.layout.pattern.layout_pattern`). A screen seen from
the back of a room needs large text more than the round look, and a wide
screen leaves a circle's sides empty: an ellipse as wide as the screen, or
a rounded rectangle that sets the steps in two rows with a box at either
side, sets the text a good deal larger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Collection, Sequence

from patroon.layout.types import PatternLayout, Point, Rect

if TYPE_CHECKING:
    from patroon.layout.solver import Plan, Solver

# The rings a screen tries: (power, stretch as a share of the area's aspect), roundest first,
# so that of two that set the text alike the rounder is kept.
SCREEN_RINGS = ((2.0, 1.0), (4.0, 1.2), (8.0, 1.0), (8.0, 1.2), (4.0, 1.45), (8.0, 1.45))
# The title in the middle stays clearly the largest text: squeezed between two rows of boxes, it is not.
SCREEN_TITLE = 1.3


def screen_layout(
    solve: Callable[..., tuple["Solver", "Plan"] | None],
    aspect: float,
    chosen: "Plan | None",
    finish: Callable[["Solver", "Plan"], tuple["Plan", PatternLayout]],
    tried: Collection[tuple],
) -> tuple["Solver", "Plan", PatternLayout] | None:
    """The ring of :data:`SCREEN_RINGS` that sets the text larger than ``chosen`` (the sheet's choice), laid out.

    ``solve(ax, ay, power, at_least=..., best_effort=False)`` finds a ring's
    plan; ``finish`` lays a plan out. A ring wins only if its title stays
    :data:`SCREEN_TITLE` times the step size and its breakthrough notes stand
    clear (see :func:`notes_clear`). ``tried``: the rings the sheet's choice
    already tried (their solvers are used up). None when none wins.
    """
    size = chosen.step_font_size if chosen is not None and chosen.feasible else None
    found = None
    for power, share in SCREEN_RINGS:
        stretch = max(1.0, max(aspect, 1.0 / aspect) * share)
        ax, ay = (stretch, 1.0) if aspect >= 1.0 else (1.0, stretch)
        if (ax, ay, power, None) in tried:
            continue
        other = solve(ax, ay, power, at_least=None if size is None else int(round(size)) + 1, best_effort=False)
        if other is None:
            continue
        solver, plan = other
        if plan.title is not None and plan.title.title_size < SCREEN_TITLE * plan.step_font_size:
            continue
        plan, layout = finish(solver, plan)
        if not layout.fits or not notes_clear(layout):
            continue
        found, size = (solver, plan, layout), plan.step_font_size
    return found


def notes_clear(layout: PatternLayout) -> bool:
    """Whether every breakthrough's note stands clear of the boxes, the arrows, the title and the other notes,
    and its leader line crosses no box and no other arrow."""
    boxes = [s.box for s in layout.steps]
    titles = [b.rect for b in (layout.title, layout.context) if b is not None and b.lines]
    notes = [b.note_box for b in layout.breakthroughs]
    for k, b in enumerate(layout.breakthroughs):
        if any(b.note_box.intersects(r) for r in boxes + titles + notes[:k] + notes[k + 1:]):
            return False
        for arrow in layout.arrows:
            lines = _segments(arrow.path) + _segments(arrow.head + arrow.head[:1])
            if any(b.note_box.crossed_by(p, q) for p, q in lines):
                return False
            if arrow.source != b.after and any(segments_cross(*b.leader, p, q) for p, q in lines):
                return False
        # The leader runs from the marker's edge to the note's: it may touch the note, never a box.
        if any(r.crossed_by(*b.leader) for r in boxes):
            return False
    return True


def _segments(points: Sequence[Point]) -> list[tuple[Point, Point]]:
    return list(zip(points, points[1:]))


def segments_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether the segments ``p``-``q`` and ``r``-``s`` cross (properly: each has the other's ends on either side)."""
    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0
