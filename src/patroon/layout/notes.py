"""Breakthrough notes: placed outside the ring beside their marker, clear of everything else."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from patroon.layout.arrows import point_along
from patroon.layout.memo import Memo
from patroon.layout.ring import Frame
from patroon.layout.style import NOTE_SCALE, Style, derived_size
from patroon.layout.types import BreakthroughLayout, Point, Rect, TextBlock


@dataclass(frozen=True)
class NoteText:
    lines: tuple[str, ...]
    width: float
    height: float


def place_note(
    marker: Point,
    centre: Point,
    note: NoteText,
    pad: float,
    obstacles: Sequence[Rect],
    radius: float,
    clear: float,
    frame: Frame,
) -> Rect:
    """A box for a note outside the circle, on the ray from the centre through the marker, clear of obstacles."""
    ux, uy = marker[0] - centre[0], marker[1] - centre[1]
    d = math.hypot(ux, uy) or 1.0
    ux, uy = ux / d, uy / d
    w, h = note.width + 2 * pad, note.height + 2 * pad

    def at(dist: float) -> Rect:
        return Rect.centred(marker[0] + ux * dist, marker[1] + uy * dist, w, h)

    # Out of the ring first (the arrows run on it): the least distance, exactly on a
    # circle, else by bisection.
    dist = 0.0
    exact = _circle_exit(marker, centre, ux, uy, w, h, radius, clear, frame)
    if exact is not None and outside_ring(at(exact + 1e-6), centre, radius, clear, frame):
        dist = exact + 1e-6
    elif not outside_ring(at(0.0), centre, radius, clear, frame):
        # The marker is on the ring: half the box's diagonal and the clearance take it out.
        lo, hi = 0.0, (w + h) / 2 + clear + 1.0
        while not outside_ring(at(hi), centre, radius, clear, frame) and hi < 1e5:
            lo, hi = hi, 2 * hi
        for _ in range(8):
            mid = (lo + hi) / 2
            if outside_ring(at(mid), centre, radius, clear, frame):
                hi = mid
            else:
                lo = mid
        dist = hi
    # Then clear of every obstacle: jump straight past those in the way. Each is
    # in the way for one stretch of the ray, so the first clear place is found exactly.
    if ux == 0.0 and uy == 0.0:
        return at(dist)  # a ring of no size: the note cannot move out, whatever is in the way
    # Only what the box meets somewhere further out along the ray can be in the way.
    start = at(dist)
    grown = [o.inflated(clear) for o in _across(start, obstacles, ux, uy, clear)]
    ahead = [o for o in grown if _met_ahead(start, o, ux, uy)]
    for _ in range(4 * len(obstacles) + 4):
        rect = at(dist)
        jump = 0.0
        for o in ahead:
            if rect.intersects(o):
                jump = max(jump, _clearing_distance(rect, o, ux, uy))
        if jump <= 0.0:
            if outside_ring(rect, centre, radius, clear, frame):
                return rect
            jump = max(2.0, 0.02 * radius)
        dist += jump + 1e-6
    return at(dist)


def _across(rect: Rect, obstacles: Sequence[Rect], ux: float, uy: float, clear: float) -> list[Rect]:
    """The obstacles that ``rect``, moved forward along the unit (ux, uy), might meet once grown by ``clear``.

    A quick and generous first look for :func:`_met_ahead`: moving along the
    ray, the box keeps its shadow across the ray, and its back only moves
    forward; an obstacle whose shadow misses it, or that lies wholly behind
    it, is never met (the margin of a point and more is far beyond rounding).
    """
    ax, ay = abs(ux), abs(uy)
    cx, cy = rect.x + rect.w / 2, rect.y + rect.h / 2
    grow = (ax + ay) * clear + 1.0 + 1e-5 * (abs(cx) + abs(cy) + rect.w + rect.h)
    across = (ay * rect.w + ax * rect.h) / 2 + grow
    back = (ax * rect.w + ay * rect.h) / 2 + grow
    out = []
    for o in obstacles:
        dx, dy = o.x + o.w / 2 - cx, o.y + o.h / 2 - cy
        slack = 1e-5 * (abs(dx) + abs(dy) + o.w + o.h)
        if (abs(dx * uy - dy * ux) <= across + (ay * o.w + ax * o.h) / 2 + slack
                and dx * ux + dy * uy >= -back - (ax * o.w + ay * o.h) / 2 - slack):
            out.append(o)
    return out


def _met_ahead(rect: Rect, o: Rect, ux: float, uy: float) -> bool:
    """Whether ``rect``, moved forward along (ux, uy), could still meet ``o`` (generously: near misses count)."""
    lo, hi = 0.0, math.inf
    for p0, p1, d, a, b in ((rect.x, rect.right, ux, o.x, o.right), (rect.y, rect.bottom, uy, o.y, o.bottom)):
        slack = 1e-6 * (1.0 + abs(a) + abs(b) + abs(p0) + abs(p1))
        if abs(d) < 1e-12:
            if p1 < a - slack or p0 > b + slack:
                return False
            continue
        # The distances t at which the moved rectangle overlaps o on this axis.
        t0, t1 = (a - p1) / d, (b - p0) / d
        if t0 > t1:
            t0, t1 = t1, t0
        lo, hi = max(lo, t0 - slack), min(hi, t1 + slack)
    return lo <= hi


def _circle_exit(
    marker: Point, centre: Point, ux: float, uy: float, w: float, h: float, radius: float, clear: float, frame: Frame
) -> float | None:
    """How far a ``w`` x ``h`` box centred on a marker on a circular ring moves out along (ux, uy) to clear it.

    The box's point nearest the centre is its near edge or its near corner;
    each gives a closed form. None when the ring is not a plain circle through the marker.
    """
    if frame.power != 2.0 or frame.ax != frame.ay:
        return None
    r0 = math.hypot(marker[0] - centre[0], marker[1] - centre[1])
    if abs(r0 - radius * frame.ax) > 1e-6 * max(1.0, r0):
        return None
    big_r = radius * frame.ax + clear
    a, b = abs(ux), abs(uy)
    hw, hh = w / 2, h / 2
    options = []
    if b > 1e-12:
        t = (big_r + hh) / b  # the near horizontal edge touches
        if t * a <= hw:
            options.append(t)
    if a > 1e-12:
        t = (big_r + hw) / a  # the near vertical edge touches
        if t * b <= hh:
            options.append(t)
    p = a * w + b * h
    disc = p * p - (w * w + h * h) + 4 * big_r * big_r
    if disc >= 0:
        t = (p + math.sqrt(disc)) / 2  # the near corner touches
        if t * a >= hw - 1e-9 and t * b >= hh - 1e-9:
            options.append(t)
    if not options:
        return None
    return max(0.0, min(options) - r0)


def _clearing_distance(rect: Rect, o: Rect, ux: float, uy: float) -> float:
    """How far ``rect`` must move along (ux, uy) to stop overlapping ``o``."""
    best = math.inf
    if ux > 1e-9:
        best = min(best, (o.right - rect.x) / ux)
    elif ux < -1e-9:
        best = min(best, (o.x - rect.right) / ux)
    if uy > 1e-9:
        best = min(best, (o.bottom - rect.y) / uy)
    elif uy < -1e-9:
        best = min(best, (o.y - rect.bottom) / uy)
    return best if best != math.inf else 0.0


def outside_ring(rect: Rect, centre: Point, radius: float, clear: float, frame: Frame) -> bool:
    """Whether ``rect`` lies outside the ring (grown by ``clear``), where the arrows run."""
    # The rectangle's point nearest the centre, coordinate by coordinate, must lie outside.
    x0, x1 = rect.x - centre[0], rect.right - centre[0]
    y0, y1 = rect.y - centre[1], rect.bottom - centre[1]
    nx = min(max(0.0, x0), x1)
    ny = min(max(0.0, y0), y1)
    return not frame.inside(nx, ny, frame.ax * radius + clear, frame.ay * radius + clear)


def nearest_on_rect(rect: Rect, p: Point) -> Point:
    return (min(max(p[0], rect.x), rect.right), min(max(p[1], rect.y), rect.bottom))




def breakthrough_layout(
    after: str, path: Sequence[Point], note: "NoteText", nb: Rect, note_size: float, style: Style
) -> BreakthroughLayout:
    """A breakthrough's marker in the middle of its arrow's visible line, and its note in ``nb``."""
    total = sum(math.dist(path[k], path[k + 1]) for k in range(len(path) - 1))
    marker, _ = point_along(path, max(0.0, (total - style.head_len) / 2))
    text_rect = Rect(nb.x + style.pad_y, nb.y + style.pad_y, nb.w - 2 * style.pad_y, note.height)
    start = toward(marker, nearest_on_rect(nb, marker), style.marker_radius)
    return BreakthroughLayout(
        after,
        marker,
        style.marker_radius,
        TextBlock(note.lines, note_size, False, text_rect),
        nb,
        (start, nearest_on_rect(nb, marker)),
    )



def toward(a: Point, b: Point, d: float) -> Point:
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = math.hypot(dx, dy) or 1.0
    return (a[0] + dx / L * d, a[1] + dy / L * d)



def note_text(memo: Memo, text: str, step_font_size: float, min_font: float) -> NoteText:
    """A note's text set beside steps of ``step_font_size``: its lines, widest line and height."""
    size = derived_size(NOTE_SCALE, step_font_size, min_font)
    total = memo.width_fn(size)(text)
    limit = min(14.0 * size, max(8.0 * size, total / 3.0))
    lines, widest, h, _ = memo.block(text, size, False, limit)
    return NoteText(lines, widest, h)


def note_sizes(notes: dict[int, NoteText]) -> tuple[tuple[int, float, float], ...]:
    """What of the notes the ring's geometry depends on: after which step each is, and its size (not its words)."""
    return tuple((i, note.width, note.height) for i, note in notes.items())


def notes_outgrow(memo: Memo, texts: Sequence[str], width: float, height: float, min_font: float) -> bool:
    """Whether the notes, even in the smallest type, take more room than the whole area has.

    Then they cannot stand clear of each other and of the circle at any
    size: the layout leaves them out (and does not fit) rather than drawing
    them over each other.
    """
    step_font_size = math.ceil(min_font - 1e-9)
    pad = Style(step_font_size).pad_y
    room = 0.0
    for text in texts:
        note = note_text(memo, text, step_font_size, min_font)
        room += (note.width + 2 * pad) * (note.height + 2 * pad)
        if room > width * height:
            return True
    return False
