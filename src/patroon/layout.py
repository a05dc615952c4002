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

import math
import weakref
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, Sequence

from patroon.textfit import wrap

if TYPE_CHECKING:
    from patroon.model import Pattern

Point = tuple[float, float]

# Every text size the layout picks is a whole number of points: Qt sets type
# at whole pixel sizes, so whole points measure and draw alike on every device.

# Clear space between two boxes, and between a box and anything else: 2 mm.
MIN_GAP = 2.0 * 72.0 / 25.4
# How much bigger than the step text the title is, at most and at least.
TITLE_SCALE = (1.6, 1.05)
CONTEXT_SCALE = 0.9
NOTE_SCALE = 0.85


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle: top-left corner ``x, y``, width ``w``, height ``h``."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> Point:
        return (self.x + self.w / 2.0, self.y + self.h / 2.0)

    def contains(self, x: float, y: float) -> bool:
        """Whether the point lies inside or on the edge."""
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def intersects(self, other: "Rect") -> bool:
        """Whether the two rectangles overlap (touching edges do not count)."""
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def inflated(self, d: float) -> "Rect":
        """This rectangle grown by ``d`` on every side (shrunk for negative ``d``)."""
        return Rect(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def translated(self, dx: float, dy: float) -> "Rect":
        return Rect(self.x + dx, self.y + dy, self.w, self.h)

    def united(self, other: "Rect") -> "Rect":
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)

    def distance(self, other: "Rect") -> float:
        """The clear distance between two rectangles (0 when they touch or overlap)."""
        dx = max(other.x - self.right, self.x - other.right, 0.0)
        dy = max(other.y - self.bottom, self.y - other.bottom, 0.0)
        return math.hypot(dx, dy)

    @staticmethod
    def around(points: Iterable[Point]) -> "Rect":
        xs, ys = zip(*points)
        return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    @staticmethod
    def centred(cx: float, cy: float, w: float, h: float) -> "Rect":
        return Rect(cx - w / 2.0, cy - h / 2.0, w, h)


class TextMeasure(Protocol):
    """Measures text in the font the painter will use (supplied by the Qt side)."""

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Advance width of ``text`` in points at font size ``size`` pt."""
        ...

    def line_height(self, size: float, bold: bool = False) -> float:
        """Baseline-to-baseline distance in points."""
        ...

    def ascent(self, size: float, bold: bool = False) -> float: ...


@dataclass(frozen=True)
class TextBlock:
    """Text already broken into lines; the lines are centred horizontally in ``rect``."""

    lines: tuple[str, ...]
    size: float
    bold: bool
    rect: Rect


@dataclass(frozen=True)
class StepLayout:
    id: str
    index: int
    box: Rect
    text: TextBlock
    angle: float  # of the box's place on the circle, degrees, 90 = top
    # Where the box's centre sits on the ring without a manual offset (None: where it is).
    # A nudge is the box's centre minus this point, in radii.
    home: Point | None = None


@dataclass(frozen=True)
class ArrowLayout:
    source: str
    target: str
    path: tuple[Point, ...]  # from just outside the source box to the tip
    head: tuple[Point, Point, Point]  # tip, left, right


@dataclass(frozen=True)
class BreakthroughLayout:
    after: str
    marker: Point
    marker_radius: float
    note: TextBlock
    note_box: Rect
    leader: tuple[Point, Point]  # from the marker to the note


@dataclass(frozen=True)
class PatternLayout:
    width: float
    height: float
    center: Point
    radius: float
    steps: tuple[StepLayout, ...]
    arrows: tuple[ArrowLayout, ...]
    title: TextBlock
    context: TextBlock | None
    title_area: Rect
    breakthroughs: tuple[BreakthroughLayout, ...]
    step_font_size: float
    # The ring's horizontal and vertical radius: equal (a circle) unless a very
    # full pattern needed a landscape or portrait page's extra room.
    radii: tuple[float, float] = (0.0, 0.0)
    # False when even ``min_font`` could not make everything fit the area
    # (the boxes then crowd each other): the caller should give it more room.
    fits: bool = True

    def step(self, step_id: str) -> StepLayout:
        """The layout of step ``step_id`` (KeyError if there is none)."""
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def bounds(self) -> Rect:
        """The smallest rectangle around everything drawn."""
        rect = self.steps[0].box
        for s in self.steps:
            rect = rect.united(s.box)
        for a in self.arrows:
            rect = rect.united(Rect.around(a.path + a.head))
        for b in self.breakthroughs:
            rect = rect.united(b.note_box)
            m = b.marker_radius
            rect = rect.united(Rect(b.marker[0] - m, b.marker[1] - m, 2 * m, 2 * m))
        if self.title.lines:
            rect = rect.united(self.title.rect)
        if self.context is not None:
            rect = rect.united(self.context.rect)
        return rect


# --------------------------------------------------------------------------
# Sizes that follow from the step text size


@dataclass(frozen=True)
class _Style:
    """Every length of the drawing that depends on the step text size ``s``."""

    s: float

    @property
    def pad_x(self) -> float:
        return 0.75 * self.s

    @property
    def pad_y(self) -> float:
        return 0.6 * self.s

    @property
    def stroke(self) -> float:
        return max(1.2, 0.11 * self.s)

    @property
    def head_len(self) -> float:
        return min(18.0, max(7.0, 0.8 * self.s))

    @property
    def head_half(self) -> float:
        return 0.5 * self.head_len

    @property
    def clearance(self) -> float:
        """Space between a box and the start or tip of an arrow."""
        return max(3.0, 0.3 * self.s)

    @property
    def shaft(self) -> float:
        """The least visible arrow line before the head."""
        return max(12.0, 1.4 * self.s)

    @property
    def marker_radius(self) -> float:
        return min(11.0, max(5.0, 0.55 * self.s))

    @property
    def margin(self) -> float:
        return max(MIN_GAP, 0.35 * self.s)


def _derived_size(scale: float, s: float, min_font: float) -> int:
    """A whole-point size in proportion to the step size, never under the floor."""
    return max(math.ceil(min_font - 1e-9), round(scale * s))


def _default_max_font(width: float, height: float, n: int) -> float:
    # A comfortable reading size for the area: large on a poster, modest on A4.
    return min(width, height) / (36.0 + 1.5 * min(n, 16))


# --------------------------------------------------------------------------
# Text helpers


class _Measurer:
    """Memoises a TextMeasure: the layout measures and wraps the same texts many times.

    One per measure (see :func:`_measurer`), so the editor's re-flow after an
    edit only measures what changed.
    """

    def __init__(self, measure: TextMeasure):
        self.measure = measure
        self._widths: dict[tuple[str, float, bool], float] = {}
        self._blocks: dict[tuple[str, float, bool, float], tuple[tuple[str, ...], float, float, bool, bool]] = {}
        self._heights: dict[tuple[float, bool], float] = {}
        # The last few layouts: undo, redo and a presenter going back and forth ask for them again.
        self.layouts: dict[tuple, "PatternLayout"] = {}
        # The same without the manual nudges, with the solver and plan that made them:
        # dragging a box only places the box again.
        self.bases: dict[tuple, tuple] = {}

    def remember(self, key: tuple, layout: "PatternLayout") -> "PatternLayout":
        self.layouts[key] = layout
        while len(self.layouts) > 16:
            del self.layouts[next(iter(self.layouts))]
        return layout

    def remember_base(self, key: tuple, base: tuple) -> tuple:
        self.bases[key] = base
        while len(self.bases) > 16:
            del self.bases[next(iter(self.bases))]
        return base

    def line_height(self, size: float, bold: bool = False) -> float:
        key = (size, bold)
        h = self._heights.get(key)
        if h is None:
            h = self._heights[key] = self.measure.line_height(size, bold)
        return h

    def width_fn(self, size: float, bold: bool = False) -> Callable[[str], float]:
        cache = self._widths
        measure = self.measure

        def width(text: str) -> float:
            key = (text, size, bold)
            w = cache.get(key)
            if w is None:
                w = cache[key] = measure.width(text, size, bold)
            return w

        return width

    def block(
        self, text: str, size: float, bold: bool, max_width: float, *, strict: bool = False
    ) -> tuple[tuple[str, ...], float, float, bool]:
        """Wrap ``text``; return the lines, their widest width, their height, and whether they fit.

        ``strict``: a word broken with fewer than four letters on a line
        counts as not fitting (a wider box reads better).
        """
        lines, widest, height, fits, clean = self._block(text, size, bold, max_width)
        return lines, widest, height, fits and (clean or not strict)

    def _block(self, text: str, size: float, bold: bool, max_width: float):
        key = (text, size, bold, max_width)
        found = self._blocks.get(key)
        if found is not None:
            return found
        if len(self._blocks) > 50_000 or len(self._widths) > 200_000:
            self._blocks.clear()
            self._widths.clear()
        width = self.width_fn(size, bold)
        wrapped = wrap(text, max_width, width)
        lines = tuple(wrapped.lines) if text.strip() else ()
        widest = max((width(line) for line in lines), default=0.0)
        found = self._blocks[key] = (lines, widest, len(lines) * self.line_height(size, bold), wrapped.fits, wrapped.clean)
        return found


_MEASURERS: "weakref.WeakKeyDictionary[object, _Measurer]" = weakref.WeakKeyDictionary()


def _measurer(measure: TextMeasure) -> _Measurer:
    """The memo for ``measure``, kept as long as the measure lives."""
    try:
        m = _MEASURERS.get(measure)
        if m is None:
            m = _MEASURERS[measure] = _Measurer(measure)
        return m
    except TypeError:  # not weakly referenceable
        return _Measurer(measure)


# --------------------------------------------------------------------------
# The circle


@dataclass(frozen=True)
class _Frame:
    """Where box ``i``'s centre is for a radius, relative to the ring's centre.

    The ring is a circle, or for very full patterns an ellipse (``ax``,
    ``ay``) or a squarer superellipse (``power`` 4) that reaches into the
    area's corners. A point of the ring is found by its angle parameter.
    """

    angles: tuple[float, ...]  # radians, maths convention (y up), 90° = top
    sweeps: tuple[float, ...]  # signed angle from each step to the next: negative is clockwise
    offsets: tuple[Point, ...]  # manual nudges, in radii, screen convention (y down)
    ax: float = 1.0  # the ring's horizontal and vertical radius, in radii: 1, 1 is a circle
    ay: float = 1.0
    power: float = 2.0  # 2: circle or ellipse; 4: a rounded square

    @cached_property
    def places(self) -> tuple[Point, ...]:
        """Every box's centre for radius 1 (nudges included)."""
        out = []
        for a, (ox, oy) in zip(self.angles, self.offsets):
            ux, uy = self.unit(a)
            out.append((ux + ox, uy + oy))
        return tuple(out)

    @property
    def forward(self) -> bool:
        """Whether the steps follow increasing angles (counterclockwise)."""
        return self.sweeps[0] > 0

    def unit(self, a: float) -> Point:
        """The ring's point at angle parameter ``a`` for radius 1, screen convention (y down)."""
        c, s = math.cos(a), math.sin(a)
        if self.power != 2.0:
            # A high power magnifies rounding errors near zero: cos(pi/2) is 6e-17, not 0.
            c = 0.0 if abs(c) < 1e-12 else c
            s = 0.0 if abs(s) < 1e-12 else s
            e = 2.0 / self.power
            c = math.copysign(abs(c) ** e, c)
            s = math.copysign(abs(s) ** e, s)
        return (self.ax * c, -self.ay * s)

    def centre(self, i: int, radius: float) -> Point:
        ux, uy = self.places[i]
        return (radius * ux, radius * uy)

    def arc_point(self, i: int, t: float, radius: float) -> Point:
        """A point on the arrow from box ``i`` to the next: on the ring, bent by both boxes' nudges."""
        n = len(self.angles)
        j = (i + 1) % n
        ux, uy = self.unit(self.angles[i] + t * self.sweeps[i])
        ox = (1 - t) * self.offsets[i][0] + t * self.offsets[j][0]
        oy = (1 - t) * self.offsets[i][1] + t * self.offsets[j][1]
        return (radius * (ux + ox), radius * (uy + oy))

    def inside(self, x: float, y: float, rx: float, ry: float) -> bool:
        """Whether (x, y), relative to the centre, lies inside the ring of half sizes ``rx``, ``ry``."""
        return (abs(x) / rx) ** self.power + (abs(y) / ry) ** self.power < 1.0

    def half_height(self, half_w: float, rx: float, ry: float) -> float:
        """Half the ring's height at ``half_w`` from its centre (ring of half sizes ``rx``, ``ry``)."""
        if half_w >= rx:
            return 0.0
        return ry * (1.0 - (half_w / rx) ** self.power) ** (1.0 / self.power)


def _frame(
    n: int,
    start_angle: float,
    clockwise: bool,
    offsets: Sequence[Point],
    ax: float = 1.0,
    ay: float = 1.0,
    power: float = 2.0,
    box_aspect: float = 1.0,
) -> _Frame:
    sign = -1.0 if clockwise else 1.0
    start = math.radians(start_angle)
    if power == 2.0:
        angles = [start + sign * i * 2.0 * math.pi / n for i in range(n)]
    else:
        angles = _even_along(n, start, sign, ax, ay, power, box_aspect)
    sweeps = []
    for i in range(n):
        d = (angles[(i + 1) % n] - angles[i]) * sign % (2.0 * math.pi)
        sweeps.append(sign * (d or 2.0 * math.pi))
    return _Frame(tuple(angles), tuple(sweeps), tuple(offsets), ax, ay, power)


def _even_along(
    n: int, start: float, sign: float, ax: float, ay: float, power: float, box_aspect: float = 1.0
) -> list[float]:
    """Angle parameters that space ``n`` points evenly by length along a superellipse.

    Boxes ``box_aspect`` times as wide as tall take that much more of the
    ring where it runs across than where it runs down: lengths across count
    that much less, so the gaps between the boxes come out alike.
    """
    probe = _Frame((0.0,), (1.0,), ((0.0, 0.0),), ax, ay, power)
    samples = 1440
    params = [start + sign * 2.0 * math.pi * k / samples for k in range(samples + 1)]
    pts = [probe.unit(a) for a in params]
    lengths = [0.0]
    for k in range(samples):
        lengths.append(lengths[-1] + math.hypot((pts[k + 1][0] - pts[k][0]) / box_aspect, pts[k + 1][1] - pts[k][1]))
    total = lengths[-1]
    angles, k = [], 0
    for i in range(n):
        goal = total * i / n
        while lengths[k + 1] < goal:
            k += 1
        f = (goal - lengths[k]) / ((lengths[k + 1] - lengths[k]) or 1.0)
        angles.append(params[k] + f * (params[k + 1] - params[k]))
    return angles


def _rows_frame(
    n: int,
    top: int,
    side: int,
    clockwise: bool,
    offsets: Sequence[Point],
    ax: float,
    ay: float,
    power: float,
    corner: float = 1.0,
) -> _Frame:
    """A rounded-rectangle ring with ``top`` boxes across its top, ``side`` down each side and the rest across its bottom.

    The first box is in the middle of the top row (``top`` is odd). For a
    very full pattern on a page: rows of boxes fill the page's width, and the
    boxes at the sides sit between the rows, which a ring of evenly spaced
    boxes cannot do. ``corner``: how much longer than the others the step
    from a row's end down to the first box of a side is (the rows' boxes
    may be taller than the sides').
    """
    bottom = n - top - 2 * side
    e = power / 2.0

    def across(f: float, upper: bool) -> float:  # the ring's parameter at x = f * ax on the top or bottom
        c = math.copysign(abs(f) ** e, f)
        sn = math.sqrt(max(0.0, 1.0 - c * c))
        return math.atan2(sn if upper else -sn, c)

    def down(g: float, right: bool) -> float:  # ... at y = g * ay (maths convention, up) on a side
        sn = math.copysign(abs(g) ** e, g)
        c = math.sqrt(max(0.0, 1.0 - sn * sn))
        return math.atan2(sn, c if right else -c)

    # Clockwise from the top's middle: top row to the right, down the right side,
    # the bottom row to the left, up the left side, the top row's left half.
    half = top // 2
    # The rows reach into the ring's (rounded) corners: where it crosses the diagonal.
    reach = 0.5 ** (1.0 / power)
    tops = [reach * (2 * i - (top - 1)) / max(1, top - 1) for i in range(top)]  # left to right, the middle one 0
    bottoms = [reach * (2 * i - (bottom - 1)) / max(1, bottom - 1) for i in range(bottom)][::-1]  # right to left
    # Down the sides between the rows' ends (which sit in the corners), not between the ring's top and bottom:
    # the corners' arrows then get as much room as the others.
    pitch = 2.0 / (side - 1 + 2 * corner)
    sides = [reach * (1.0 - pitch * (corner + j)) for j in range(side)]  # top to bottom
    angles = [across(f, True) for f in tops[half:]]
    angles += [down(g, True) for g in sides]
    angles += [across(f, False) for f in bottoms]
    angles += [down(g, False) for g in sides[::-1]]
    angles += [across(f, True) for f in tops[:half]]
    if not clockwise:
        angles = [math.pi - a for a in angles]
    # Unwrap so that the angles run monotonically, then the signed sweeps.
    sign = -1.0 if clockwise else 1.0
    sweeps = []
    for i in range(n):
        d = (angles[(i + 1) % n] - angles[i]) * sign % (2.0 * math.pi)
        sweeps.append(sign * (d or 2.0 * math.pi))
    return _Frame(tuple(angles), tuple(sweeps), tuple(offsets), ax, ay, power)


Sizes = Sequence[tuple[float, float]]  # every box's width and height


def _box_at(frame: _Frame, i: int, radius: float, sizes: Sizes) -> Rect:
    cx, cy = frame.centre(i, radius)
    return Rect.centred(cx, cy, *sizes[i])


def _boxes(frame: _Frame, radius: float, sizes: Sizes) -> list[Rect]:
    return [_box_at(frame, i, radius, sizes) for i in range(len(frame.angles))]


def _exit_angle(theta: float, forward: bool, radius: float, hw: float, hh: float, power: float = 2.0) -> float:
    """The angle the ring's parameter turns through from a box's centre (at ``theta``) until it leaves the box.

    The box (half-width ``hw``, half-height ``hh``, in units of the unstretched
    ring) is centred on the ring; ``forward`` means the direction of
    increasing angle. On a superellipse a coordinate is ``sign(c) |c|^(2/power)``
    of the cosine or sine, so the same roots apply to warped targets.
    """
    best = 2.0 * math.pi
    two_pi = 2.0 * math.pi
    e = 2.0 / power

    def warp(c: float) -> float:
        if power == 2.0:
            return c
        # As the ring's points do (see _Frame.unit): cos(pi/2) is 6e-17, not 0, and its root is far from 0.
        return 0.0 if abs(c) < 1e-12 else math.copysign(abs(c) ** e, c)

    def unwarp(v: float) -> float:
        return math.copysign(abs(v) ** (1.0 / e), v) if power != 2.0 else v

    for base, half, trig in ((warp(math.cos(theta)), hw, "cos"), (warp(math.sin(theta)), hh, "sin")):
        for v in (base + half / radius, base - half / radius):
            if not -1.0 <= v <= 1.0:
                continue
            v = unwarp(v)
            if trig == "cos":
                a0 = math.acos(v)
                roots = (a0, -a0)
            else:
                a0 = math.asin(v)
                roots = (a0, math.pi - a0)
            for alpha in roots:
                phi = (alpha - theta) if forward else (theta - alpha)
                phi %= two_pi
                if phi > 1e-14:  # a squarish ring leaves a box within 1e-11 of its centre
                    best = min(best, phi)
    return best


def _arc_gaps(frame: "_Frame", radius: float, sizes: Sizes, clearance: float) -> Iterator[float]:
    """The free length of ring between each box and the next (boxes without nudges), one by one."""
    n = len(frame.angles)
    forward = frame.forward
    # Measure in the ring before it was stretched.
    half = [((w / 2 + clearance) / frame.ax, (h / 2 + clearance) / frame.ay) for w, h in sizes]
    if frame.power != 2.0:
        for i in range(n):
            j = (i + 1) % n
            leave = _exit_angle(frame.angles[i], forward, radius, *half[i], frame.power)
            enter = _exit_angle(frame.angles[j], not forward, radius, *half[j], frame.power)
            free = abs(frame.sweeps[i]) - leave - enter
            if free <= 0:
                yield radius * free
                continue
            a0 = frame.angles[i] + math.copysign(leave, frame.sweeps[i])
            da = math.copysign(free, frame.sweeps[i]) / 8
            pts = [frame.unit(a0 + k * da) for k in range(9)]
            yield radius * sum(math.dist(pts[k], pts[k + 1]) for k in range(8))
        return
    for i in range(n):
        j = (i + 1) % n
        leave = _exit_angle(frame.angles[i], forward, radius, *half[i])
        enter = _exit_angle(frame.angles[j], not forward, radius, *half[j])
        free = abs(frame.sweeps[i]) - leave - enter
        mid = frame.angles[i] + math.copysign(leave + free / 2, frame.sweeps[i])
        speed = math.hypot(frame.ax * math.sin(mid), frame.ay * math.cos(mid))
        yield radius * free * speed


def _spacing_ok(frame: _Frame, radius: float, sizes: Sizes, gap_needed: Sequence[float], clearance: float) -> bool:
    """Whether, at this radius, no two boxes come closer than MIN_GAP and every arrow has its room."""
    n = len(frame.angles)
    if not all(g >= need for g, need in zip(_arc_gaps(frame, radius, sizes, clearance), gap_needed)):
        return False
    boxes = _boxes(frame, radius, sizes)
    # On a ring that leaves room for the arrows, only near neighbours can touch.
    reach = n if n <= 8 else 3
    for i in range(n):
        for k in range(1, min(reach, n - 1) + 1):
            j = (i + k) % n
            if boxes[i].distance(boxes[j]) < MIN_GAP:
                return False
    return True


# --------------------------------------------------------------------------
# Arrows


def _arrow(frame: _Frame, i: int, radius: float, boxes: Sequence[Rect], style: _Style) -> tuple[list[Point], float]:
    """The polyline of arrow ``i`` (relative to the circle's centre) between its two boxes, and its length."""
    n = len(frame.angles)
    j = (i + 1) % n
    src = boxes[i].inflated(style.clearance)
    dst = boxes[j].inflated(style.clearance)
    samples = max(24, int(abs(frame.sweeps[i]) * radius * max(frame.ax, frame.ay) / 3.0))
    samples = min(samples, 400)
    ts = [k / samples for k in range(samples + 1)]
    if frame.power != 2.0:
        ts = _fine_ts(frame, i, radius, _even_ts(frame, i, radius, samples))
    pts = [frame.arc_point(i, t, radius) for t in ts]
    samples = len(ts) - 1

    # Leave the source box: the first sample outside it (then refine).
    k0 = next((k for k, p in enumerate(pts) if not src.contains(*p)), None)
    k1 = next((k for k in range(samples, -1, -1) if not dst.contains(*pts[k])), None)
    if k0 is None or k1 is None or k1 <= k0:
        # The boxes swallow the arc: a short stub between their closest edges.
        a = frame.arc_point(i, 0.5, radius)
        return [a, a], 0.0

    def refine(lo: float, hi: float, inside: Rect) -> float:
        # lo inside the box, hi outside: bisect to the edge.
        for _ in range(18):
            mid = (lo + hi) / 2
            if inside.contains(*frame.arc_point(i, mid, radius)):
                lo = mid
            else:
                hi = mid
        return hi

    t0 = refine(ts[k0 - 1], ts[k0], src) if k0 > 0 else 0.0
    t1 = refine(ts[k1 + 1], ts[k1], dst) if k1 < samples else 1.0
    inner = [p for t, p in zip(ts, pts) if t0 < t < t1]
    path = [frame.arc_point(i, t0, radius)] + inner + [frame.arc_point(i, t1, radius)]
    length = sum(math.dist(path[k], path[k + 1]) for k in range(len(path) - 1))
    return path, length


def _even_ts(frame: _Frame, i: int, radius: float, samples: int) -> list[float]:
    """Parameters along arrow ``i`` at even distances: a squarish ring moves fast near its corners' parameters."""
    fine = 8 * samples
    pts = [frame.arc_point(i, k / fine, radius) for k in range(fine + 1)]
    lengths = [0.0]
    for k in range(fine):
        lengths.append(lengths[-1] + math.dist(pts[k], pts[k + 1]))
    total = lengths[-1] or 1.0
    ts, k = [0.0], 0
    for j in range(1, samples):
        goal = total * j / samples
        while k < fine - 1 and lengths[k + 1] < goal:
            k += 1
        f = (goal - lengths[k]) / ((lengths[k + 1] - lengths[k]) or 1.0)
        ts.append((k + min(max(f, 0.0), 1.0)) / fine)
    ts.append(1.0)
    return ts


def _fine_ts(frame: _Frame, i: int, radius: float, ts: list[float], step: float = 3.0) -> list[float]:
    """``ts`` with parameters added wherever two neighbouring points lie more than ``step`` apart.

    A squarish ring's point moves with a high root of its parameter's sine or
    cosine near the middle of a side: evenly spaced parameters can leap over a
    whole gap between two boxes there, and the arrow would seem to have no room.
    """
    out = [ts[0]]
    for t1 in ts[1:]:
        stack = [t1]
        t0 = out[-1]
        p0 = frame.arc_point(i, t0, radius)
        while stack:
            t = stack[-1]
            p = frame.arc_point(i, t, radius)
            if math.dist(p0, p) > step and t - t0 > 1e-13 and len(out) < 4000:
                stack.append((t0 + t) / 2)
            else:
                out.append(stack.pop())
                t0, p0 = t, p
    return out


def _point_along(path: Sequence[Point], distance: float, from_end: bool = False) -> tuple[Point, int]:
    """The point ``distance`` along the polyline (from its start or end) and the segment index."""
    pts = list(reversed(path)) if from_end else list(path)
    left = distance
    for k in range(len(pts) - 1):
        seg = math.dist(pts[k], pts[k + 1])
        if seg >= left and seg > 0:
            f = left / seg
            p = (pts[k][0] + f * (pts[k + 1][0] - pts[k][0]), pts[k][1] + f * (pts[k + 1][1] - pts[k][1]))
            return p, (len(pts) - 2 - k if from_end else k)
        left -= seg
    return pts[-1], (0 if from_end else len(pts) - 2)


def _head(path: Sequence[Point], style: _Style) -> tuple[Point, Point, Point]:
    tip = path[-1]
    base, _ = _point_along(path, style.head_len, from_end=True)
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    d = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / d * style.head_half, dx / d * style.head_half
    # Base points pulled straight back from the tip, so the head is symmetric on a curve.
    bx, by = tip[0] - dx / d * style.head_len, tip[1] - dy / d * style.head_len
    return tip, (bx + nx, by + ny), (bx - nx, by - ny)


# --------------------------------------------------------------------------
# The title in the middle


@dataclass(frozen=True)
class _TitleOption:
    title_size: float
    context_size: float
    title_lines: tuple[str, ...]
    context_lines: tuple[str, ...]
    width: float
    height: float
    gap: float  # between the context and the title


def _title_options(m: _Measurer, title: str, context: str, s: float, min_font: float) -> list[_TitleOption]:
    """Ways to set the title block, best first: larger type, then fewer lines."""
    options: list[_TitleOption] = []
    if not title.strip() and not context.strip():
        return [_TitleOption(s, s, (), (), 0.0, 0.0, 0.0)]
    hi, lo = TITLE_SCALE
    top = max(math.floor(hi * s), math.ceil(min_font))
    bottom = max(math.ceil(lo * s), math.ceil(min_font))
    sizes = list(range(top, bottom - 1, -1)) or [top]
    csize = _derived_size(CONTEXT_SCALE, s, min_font)
    for size in sizes:
        title_width = m.width_fn(size, True)
        one_line = title_width(title)
        ctx_line = m.width_fn(csize, False)(context)
        widest = max(one_line, ctx_line)
        # A title's words stay whole: "Samenwer-king" in the middle of the circle reads badly,
        # and a wider title block makes the circle open up rather than squeeze it.
        longest_word = max((title_width(word) for word in title.split()), default=0.0)
        for parts in (1, 2, 3, 4):
            limit = max(widest / parts, 6.0 * size, longest_word) * (1.0 if parts == 1 else 1.12)
            t_lines, t_w, t_h, t_fits = m.block(title, size, True, limit)
            c_lines, c_w, c_h, c_fits = m.block(context, csize, False, limit)
            if not (t_fits and c_fits):
                continue
            gap = 0.35 * csize if (t_lines and c_lines) else 0.0
            opt = _TitleOption(size, csize, t_lines, c_lines, max(t_w, c_w), t_h + c_h + gap, gap)
            if not options or (opt.width, opt.height) != (options[-1].width, options[-1].height):
                options.append(opt)
    return options


def _free_height(
    boxes: Sequence[Rect],
    cx: float,
    cy: float,
    half_w: float,
    radius: float,
    clearance: float,
    frame: _Frame,
) -> float:
    """Half the height of the tallest rectangle of half-width ``half_w`` centred at (cx, cy) that touches no box."""
    rx, ry = frame.ax * radius - clearance, frame.ay * radius - clearance
    b = frame.half_height(half_w, rx, ry)  # stay inside the ring of arrows
    if b <= 0.0:
        return 0.0
    for box in boxes:
        r = box.inflated(clearance)
        if r.right <= cx - half_w or r.x >= cx + half_w:
            continue
        if r.bottom <= cy:
            b = min(b, cy - r.bottom)
        elif r.y >= cy:
            b = min(b, r.y - cy)
        else:
            return 0.0
    return max(b, 0.0)


def _title_fits(frame: _Frame, radius: float, sizes: Sizes, options: Sequence[_TitleOption], clearance: float):
    """The first title option that fits in the middle at this radius; or None."""
    boxes = _boxes(frame, radius, sizes)
    for opt in options:
        half_w = opt.width / 2 + clearance
        free = _free_height(boxes, 0.0, 0.0, half_w, radius, clearance, frame)
        if free >= opt.height / 2:
            return opt
    return None


# --------------------------------------------------------------------------
# Breakthrough notes


@dataclass(frozen=True)
class _NoteText:
    lines: tuple[str, ...]
    width: float
    height: float


def _place_note(
    marker: Point,
    centre: Point,
    note: _NoteText,
    pad: float,
    obstacles: Sequence[Rect],
    radius: float,
    clear: float,
    frame: _Frame,
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
    if exact is not None and _outside_ring(at(exact + 1e-6), centre, radius, clear, frame):
        dist = exact + 1e-6
    elif not _outside_ring(at(0.0), centre, radius, clear, frame):
        # The marker is on the ring: half the box's diagonal and the clearance take it out.
        lo, hi = 0.0, (w + h) / 2 + clear + 1.0
        while not _outside_ring(at(hi), centre, radius, clear, frame) and hi < 1e5:
            lo, hi = hi, 2 * hi
        for _ in range(8):
            mid = (lo + hi) / 2
            if _outside_ring(at(mid), centre, radius, clear, frame):
                hi = mid
            else:
                lo = mid
        dist = hi
    # Then clear of every obstacle: jump straight past those in the way. Each is
    # in the way for one stretch of the ray, so the first clear place is found exactly.
    grown = [o.inflated(clear) for o in obstacles]
    for _ in range(4 * len(grown) + 4):
        rect = at(dist)
        jump = 0.0
        for o in grown:
            if rect.intersects(o):
                jump = max(jump, _clearing_distance(rect, o, ux, uy))
        if jump <= 0.0:
            if _outside_ring(rect, centre, radius, clear, frame):
                return rect
            jump = max(2.0, 0.02 * radius)
        dist += jump + 1e-6
    return at(dist)


def _circle_exit(
    marker: Point, centre: Point, ux: float, uy: float, w: float, h: float, radius: float, clear: float, frame: _Frame
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


def _outside_ring(rect: Rect, centre: Point, radius: float, clear: float, frame: _Frame) -> bool:
    """Whether ``rect`` lies outside the ring (grown by ``clear``), where the arrows run."""
    # The rectangle's point nearest the centre, coordinate by coordinate, must lie outside.
    x0, x1 = rect.x - centre[0], rect.right - centre[0]
    y0, y1 = rect.y - centre[1], rect.bottom - centre[1]
    nx = min(max(0.0, x0), x1)
    ny = min(max(0.0, y0), y1)
    return not frame.inside(nx, ny, frame.ax * radius + clear, frame.ay * radius + clear)


def _nearest_on_rect(rect: Rect, p: Point) -> Point:
    return (min(max(p[0], rect.x), rect.right), min(max(p[1], rect.y), rect.bottom))


# --------------------------------------------------------------------------
# Putting it together


@dataclass(frozen=True)
class _Plan:
    s: float
    sizes: tuple[tuple[float, float], ...]
    radius: float
    lines: tuple[tuple[str, ...], ...]
    title: _TitleOption | None
    score: float
    feasible: bool = True


# For a few steps, the box width that fills the area well, as a share of its smaller side.
_TARGET_BOX_WIDTH = {2: 0.34, 3: 0.3, 4: 0.27, 5: 0.24, 6: 0.21}


class _Solver:
    def __init__(
        self,
        texts: Sequence[str],
        title: str,
        context: str,
        notes: dict[int, str],
        frame: _Frame,
        measure: TextMeasure,
        width: float,
        height: float,
        min_font: float,
        min_lines: int,
    ):
        self.texts = texts
        self.title = title
        self.context = context
        self.notes = notes
        self.frame = frame
        self.m = _measurer(measure)
        self.width = width
        self.height = height
        self.min_font = min_font
        self.min_lines = min_lines
        self.n = len(texts)
        # Set when nothing fits even at the floor size: arrows may then be only a head long.
        self.crowded = False
        # Rows of boxes on a rounded rectangle (a very full pattern): short arrows, like many steps have.
        self.short_arrows = False
        # Rows of boxes: how many across the top, and down each side.
        self.rows: tuple[int, int] | None = None

    # -- one size --------------------------------------------------------

    def note_texts(self, s: float) -> dict[int, _NoteText]:
        size = _derived_size(NOTE_SCALE, s, self.min_font)
        out = {}
        for i, text in self.notes.items():
            total = self.m.width_fn(size)(text)
            limit = min(14.0 * size, max(8.0 * size, total / 3.0))
            lines, widest, h, _ = self.m.block(text, size, False, limit)
            out[i] = _NoteText(lines, widest, h)
        return out

    def extent(
        self, radius: float, sizes: Sizes, style: _Style, notes: dict[int, _NoteText], *, rough: bool = False
    ) -> Rect:
        """Everything drawn at this radius, relative to the circle's centre.

        ``rough``: the notes just outside the ring, not yet moved clear of the
        boxes and each other (quick, for searching; the layout checks them placed).
        """
        frame = self.frame
        reach = style.head_half + style.stroke
        rx, ry = radius * frame.ax + reach, radius * frame.ay + reach
        x0, y0, x1, y1 = -rx, -ry, rx, ry
        for (ux, uy), (w, h) in zip(frame.places, sizes):
            cx, cy = radius * ux, radius * uy
            x0, y0 = min(x0, cx - w / 2), min(y0, cy - h / 2)
            x1, y1 = max(x1, cx + w / 2), max(y1, cy + h / 2)
        if not notes:
            return Rect(x0, y0, x1 - x0, y1 - y0)
        boxes = _boxes(frame, radius, sizes)
        for b in self._note_boxes(radius, boxes, style, notes, rough=rough).values() if notes else ():
            x0, y0 = min(x0, b.x), min(y0, b.y)
            x1, y1 = max(x1, b.right), max(y1, b.bottom)
        return Rect(x0, y0, x1 - x0, y1 - y0)

    def _note_boxes(
        self, radius: float, boxes: Sequence[Rect], style: _Style, notes: dict[int, _NoteText], *, rough: bool = False
    ) -> dict[int, Rect]:
        placed: dict[int, Rect] = {}
        for i, note in notes.items():
            marker = self.frame.arc_point(i, 0.5, radius)
            obstacles = () if rough else list(boxes) + list(placed.values())
            placed[i] = _place_note(
                marker,
                (0.0, 0.0),
                note,
                style.pad_y,
                obstacles,
                radius,
                style.clearance + style.marker_radius,
                self.frame,
            )
        return placed

    def radius_choice(
        self, s: float, sizes: Sizes, notes: dict[int, _NoteText], options, *, best_effort: bool, rough: bool = False
    ) -> tuple[float, float, float] | None:
        """The radius to use, the least that works and the largest the area allows; None if none works.

        With ``best_effort``, a layout that does not work is still returned
        (at the largest radius the area allows, least > largest).
        """
        style = _Style(s)
        # A circle of many steps has short arrows: the head, and a little line before it.
        shaft = style.shaft if self.n <= 12 and not self.short_arrows else 0.4 * style.shaft
        if self.crowded:
            shaft = 0.0
        gaps = [
            style.head_len + shaft + (2 * style.marker_radius + shaft if i in self.notes else 0)
            for i in range(self.n)
        ]
        smallest = 0.25 * max(w + h for w, h in sizes)

        def works(r: float) -> bool:
            # Boxes apart, arrows with room, and the title in the middle.
            return (
                r >= smallest
                and _spacing_ok(self.frame, r, sizes, gaps, style.clearance)
                and _title_fits(self.frame, r, sizes, options, style.clearance) is not None
            )

        # The page: the largest radius at which everything stays inside.
        room_w = self.width - 2 * style.margin
        room_h = self.height - 2 * style.margin

        # Without the notes first (cheap): the notes only add to what is drawn.
        lo = self._largest_bare_radius(max(self.width, self.height), sizes, style, room_w, room_h)
        rough_done = False
        if notes and rough and lo > 0:
            # Roughly placed notes move with the radius too: one more Newton search.
            lo = self._largest_bare_radius(lo, sizes, style, room_w, room_h, notes)
            rough_done = True
        r_max = lo
        if not best_effort and not (r_max > 0 and works(r_max)):
            # Too crowded even with all the room the notes could leave (works
            # only gets easier with a larger radius): no need to place them.
            return None
        if notes and r_max > 0:
            # Placed properly, clear of the boxes and of each other, the notes may need a little more room.
            r_max = self._shrink_for_notes(r_max, sizes, style, notes, room_w, room_h, rough and not rough_done)
        if r_max > 0 and works(r_max):
            # Spread out into the room there is, but not so far that the boxes drift apart.
            if works(0.9 * r_max / 1.18):
                return 0.9 * r_max, 0.0, r_max
            lo, hi = 0.9 * r_max / 1.18, r_max
            for _ in range(12):
                mid = (lo + hi) / 2
                if works(mid):
                    hi = mid
                else:
                    lo = mid
            return min(r_max, 1.18 * hi), hi, r_max
        if not best_effort:
            return None
        # How far off: the least radius that would work, for ranking the failures.
        lo, hi = max(r_max, 1.0), max(r_max, 1.0) * 2
        while not works(hi) and hi < 1e5:
            lo, hi = hi, hi * 2
        for _ in range(7):
            mid = (lo + hi) / 2
            if works(mid):
                hi = mid
            else:
                lo = mid
        return max(r_max, 1.0), hi, r_max

    def _largest_bare_radius(
        self, hi: float, sizes: Sizes, style: _Style, room_w: float, room_h: float, notes: dict[int, _NoteText] | None = None
    ) -> float:
        """The largest radius up to ``hi`` at which the ring and its boxes fit the room (boxes not nudged).

        Every edge of what is drawn moves linearly with the radius, so the
        overshoot is convex and piecewise linear in it: Newton's method from
        above lands on the answer in a few steps. With ``notes``: each note
        roughly placed too, just outside the ring on the ray through its marker.
        """
        frame = self.frame
        reach = style.head_half + style.stroke
        terms_x = [(frame.ax, reach, -frame.ax, -reach)]
        terms_y = [(frame.ay, reach, -frame.ay, -reach)]
        for (ux, uy), (w, h) in zip(frame.places, sizes):
            terms_x.append((ux, w / 2, ux, -w / 2))
            terms_y.append((uy, h / 2, uy, -h / 2))
        clear = style.clearance + style.marker_radius
        for i, note in (notes or {}).items():
            mx, my = frame.unit(frame.angles[i] + 0.5 * frame.sweeps[i])
            d = math.hypot(mx, my) or 1.0
            dx, dy = mx / d, my / d
            w, h = note.width + 2 * style.pad_y, note.height + 2 * style.pad_y
            # Far enough along the ray that the note's nearest edge clears the ring.
            out = clear + abs(dx) * w / 2 + abs(dy) * h / 2
            terms_x.append((mx, out * dx + w / 2, mx, out * dx - w / 2))
            terms_y.append((my, out * dy + h / 2, my, out * dy - h / 2))

        def span(terms, r: float) -> tuple[float, float]:
            # (extent, slope) of max(a r + b) - min(c r + d)
            top = max(terms, key=lambda t: t[0] * r + t[1])
            low = min(terms, key=lambda t: t[2] * r + t[3])
            return (top[0] * r + top[1]) - (low[2] * r + low[3]), top[0] - low[2]

        r = hi
        for _ in range(12):
            w, sw = span(terms_x, r)
            h, sh = span(terms_y, r)
            over_w, over_h = w - room_w, h - room_h
            over, slope = (over_w, sw) if over_w >= over_h else (over_h, sh)
            if over <= 1e-9:
                return r
            if slope <= 1e-12:
                return 0.0
            r = max(0.0, r - over / slope)
            if r == 0.0:
                return 0.0
        # Not settled (it always does): a bisection below the last point.
        lo, hi = 0.0, r
        for _ in range(18):
            mid = (lo + hi) / 2
            e = self.extent(mid, sizes, style, {})
            if e.w <= room_w and e.h <= room_h:
                lo = mid
            else:
                hi = mid
        return lo

    def _shrink_for_notes(
        self, r: float, sizes: Sizes, style: _Style, notes: dict[int, _NoteText], room_w: float, room_h: float, rough: bool
    ) -> float:
        """The largest radius up to ``r`` at which the notes fit the room too.

        What is drawn grows about linearly with the radius, so a few secant
        steps on the overshoot find it (bisection if they do not).
        """

        def over(radius: float) -> float:
            e = self.extent(radius, sizes, style, notes, rough=rough)
            return max(e.w - room_w, e.h - room_h)

        hi, f_hi = r, over(r)
        if f_hi <= 0:
            return r
        lo, f_lo = None, 0.0
        slope = 2.0  # a first guess: both sides of the ring move out
        guess = r - f_hi / slope
        prev = (r, f_hi)
        for _ in range(6):
            guess = max(guess, 0.0)
            f = over(guess)
            if abs(prev[0] - guess) > 1e-6:
                slope = min(4.0, max(0.3, (prev[1] - f) / (prev[0] - guess)))
            prev = (guess, f)
            if f <= 0:
                lo, f_lo = guess, f
                if f > -1.0:  # within a point of the page's edge: close enough
                    return guess
            else:
                hi, f_hi = guess, f
            if lo is None:
                guess = hi - f_hi / slope - 0.5
            else:
                # Aim a little inside the bracket's zero.
                guess = lo + (hi - lo) * (-f_lo) / (f_hi - f_lo) - 0.25
                guess = min(max(guess, lo), hi)
        if lo is not None:
            return lo
        lo = 0.0
        for _ in range(10):
            mid = (lo + hi) / 2
            if over(mid) <= 0:
                lo = mid
            else:
                hi = mid
        return lo

    def plans(self, s: float, *, flared: bool = False, best_effort: bool = False) -> list[_Plan]:
        """Every way to set the steps at size ``s`` that fits the area, best first.

        ``flared``: boxes wider at the sides and narrower at the top and
        bottom, which fits a full ring better (the sides' boxes stack, the
        top's sit side by side). ``best_effort``: if nothing fits, arrows may
        shrink to their heads, and failing that the boxes may crowd.
        """
        plans = self._plans(s, (0.4, 0.8) if flared else (0.0,), best_effort=False)
        if not plans and best_effort:
            self.crowded = True
            plans = self._plans(s, (0.0, 0.4, 0.8), best_effort=False)
            if not plans:
                self.crowded = False
                plans = self._plans(s, (0.0,), best_effort=True)
        return plans

    def _plans(self, s: float, flares: Sequence[float], *, best_effort: bool) -> list[_Plan]:
        """The plans at size ``s``, best first: only the best when one works.

        A plan's score follows from its box sizes alone, so the candidates are
        ranked first and the (costly) radius search runs best first, stopping
        at the first that works: every later one would rank lower.
        """
        style = _Style(s)
        lh = self.m.measure.line_height(s)
        side = [abs(math.cos(a)) for a in self.frame.angles]
        # Boxes placed alike (mirror images on the circle) get the same size.
        kinds = [round(c, 3) for c in side]
        # Few steps: boxes large enough to hold the eye in a big area.
        target = _TARGET_BOX_WIDTH.get(self.n, 0.0) * min(self.width, self.height)
        candidates = []
        widths: tuple[float, ...] = (7.0, 8.0, 9.0, 10.0, 11.0, 12.5, 14.0, 16.0, 18.0, 21.0)
        least_lines = (self.min_lines,)
        if self.n > 12:
            # Many steps need small boxes: start narrower, down to the short texts' own width.
            width_of = self.m.width_fn(s)
            own = max(width_of(t) for t in self.texts) / s
            widths = tuple(sorted({5.0, 6.0, *(w for w in (own, own * 1.1) if w < 5.0)})) + widths
            # ... and boxes only as tall as their text: a ring of many boxes is long enough as it is.
            least_lines = (self.min_lines, 1)
        if self.rows is not None and flares != (0.0,):
            candidates = self._row_candidates(s, style, lh, widths)
            flares = ()
        for flare, ems, min_lines in [(f, e, k) for f in flares for e in widths for k in least_lines]:
            if True:
                inners = [ems * s * (1.0 + flare * (c * c - 0.5)) for c in side]
                blocks = [self.m.block(t, s, False, inner, strict=True) for t, inner in zip(self.texts, inners)]
                if not all(b[3] for b in blocks) and ems < 21.0:
                    continue
                counts = [max(len(b[0]), min_lines) for b in blocks]
                if min_lines < self.min_lines and counts == [max(len(b[0]), self.min_lines) for b in blocks]:
                    continue  # the same as with more lines
                if flare == 0.0:
                    counts = [max(counts)] * self.n
                else:
                    most: dict[float, int] = {}
                    for c, k in zip(counts, kinds):
                        most[k] = max(most.get(k, 0), c)
                    counts = [most[k] for k in kinds]
                sizes = []
                for inner, lines in zip(inners, counts):
                    box_w = inner + 2 * style.pad_x
                    # Long, flat boxes look like banners: keep them at least this tall.
                    box_h = max(lines * lh + 2 * style.pad_y, box_w / 2.6)
                    sizes.append((box_w, box_h))
                score = sum(abs(math.log(w / h / 1.75)) for w, h in sizes) / self.n
                score += 0.08 * max(0, max(counts) - 6) + 0.3 * flare
                box_w = min(w for w, _ in sizes)
                if box_w < target:
                    score += 1.2 * math.log(target / box_w)
                candidates.append((score, len(candidates), tuple(sizes), tuple(b[0] for b in blocks)))
        if not candidates:
            return []
        candidates.sort()
        options = _title_options(self.m, self.title, self.context, s, self.min_font)
        notes = self.note_texts(s)
        plans = []
        room_w = self.width - 2 * style.margin
        room_h = self.height - 2 * style.margin
        for score, _, sizes, lines in candidates:
            # Search with the notes roughly placed; place them properly once a ring works.
            choice = self.radius_choice(s, sizes, notes, options, best_effort=best_effort, rough=bool(notes))
            if choice is not None and notes:
                e = self.extent(choice[0], sizes, style, notes)
                if e.w > room_w or e.h > room_h:
                    choice = self.radius_choice(s, sizes, notes, options, best_effort=best_effort)
            if choice is None:
                continue
            radius, r_min, r_max = choice
            feasible = r_min <= r_max
            title = _title_fits(self.frame, radius, sizes, options, style.clearance)
            if feasible:
                plans.append(_Plan(s, sizes, radius, lines, title, score, True))
                break
            score += 100 + (r_min - r_max) / max(r_max, 1.0)
            plans.append(_Plan(s, sizes, radius, lines, title, score, False))
        plans.sort(key=lambda p: p.score)
        return plans

    def _row_candidates(self, s: float, style: _Style, lh: float, widths: Sequence[float]) -> list:
        """Box sizes for rows of boxes on a rounded rectangle: one width for the rows, another for the sides.

        The rows' boxes stand side by side, so they are narrow and tall; the
        sides' boxes stack, so they are wide and low. Pairs that cannot fit
        the room even packed as tightly as the arrows allow are left out
        before the costly radius search.
        """
        top, side = self.rows
        first = top - top // 2
        in_side = [first <= i < first + side or self.n - top // 2 - side <= i < self.n - top // 2 for i in range(self.n)]
        bottom = self.n - top - 2 * side
        gap = style.head_len + 0.4 * style.shaft + 2 * style.clearance
        room_w = self.width - 2 * style.margin
        room_h = self.height - 2 * style.margin
        sets = {}
        for ems in widths:
            for sided in (False, True):
                texts = [t for t, sd in zip(self.texts, in_side) if sd == sided]
                blocks = [self.m.block(t, s, False, ems * s, strict=True) for t in texts]
                if not all(b[3] for b in blocks):
                    continue
                lines = max(len(b[0]) for b in blocks)
                box_w = ems * s + 2 * style.pad_x
                # The sides' boxes may be a little flatter than a ring's: they stack.
                box_h = max(lines * lh + 2 * style.pad_y, box_w / (3.4 if sided else 2.6))
                sets[(ems, sided)] = (box_w, box_h, lines)
        candidates = []
        for ems_r in widths:
            for ems_s in widths:
                row, col = sets.get((ems_r, False)), sets.get((ems_s, True))
                if row is None or col is None:
                    continue
                # The rows run between the corners, the sides' boxes stand out beyond them;
                # the sides' boxes stack between the rows' corner boxes (a little slack: the ring's corners are round).
                if (max(top, bottom) - 1) * (row[0] + gap) + max(row[0], col[0]) > 1.05 * room_w:
                    continue
                if (side - 1) * (col[1] + gap) + col[1] + 2 * (row[1] + gap) > 1.05 * room_h:
                    continue
                inners = [(ems_s if sd else ems_r) * s for sd in in_side]
                sizes = tuple(col[:2] if sd else row[:2] for sd in in_side)
                blocks = [self.m.block(t, s, False, inner, strict=True) for t, inner in zip(self.texts, inners)]
                score = sum(abs(math.log(w / h / 1.75)) for w, h in sizes) / self.n
                score += 0.08 * max(0, max(row[2], col[2]) - 6) + 0.1 * abs(math.log(ems_s / ems_r))
                candidates.append((score, len(candidates), sizes, tuple(b[0] for b in blocks)))
        return candidates

    # -- the size ----------------------------------------------------------

    def solve(self, max_font: float, *, best_effort: bool = True, at_least: int | None = None) -> _Plan | None:
        """The plan with the largest whole-point step size that fits.

        Equal boxes first; flared boxes only when they set the text clearly
        larger, or when equal boxes cannot fit at all. When nothing fits: a
        crowded plan at the floor size, or None without ``best_effort``.
        ``at_least``: only sizes from this one up are of interest (None if none fits).
        """
        floor = math.ceil(self.min_font - 1e-9)
        top = max(floor, math.floor(max_font + 1e-9))
        low = floor if at_least is None else max(floor, at_least)
        if low > top:
            return None
        plain = self._search(low, top, flared=False)
        if plain is not None and plain.s >= min(top, floor + 2):
            return plain
        flared = self._search(low, top, flared=True)
        if flared is not None and (plain is None or flared.s >= plain.s + 2):
            return flared
        if plain is not None:
            return plain
        if not best_effort or at_least is not None:
            return None
        return self.plans(floor, best_effort=True)[0]

    def _search(self, lo: int, hi: int, *, flared: bool) -> _Plan | None:
        """The largest whole size in [lo, hi] with a plan, and that plan.

        The answer is most often the top size or the one below it: those are
        tried first, then a binary search over the rest.
        """
        for size in (hi, hi - 1):
            if size < lo:
                return None
            found = self.plans(size, flared=flared)
            if found:
                return found[0]
        hi -= 1  # known not to work
        found = self.plans(lo, flared=flared)
        if not found:
            return None
        best_plan = found[0]
        while hi - lo > 1:
            mid = (lo + hi) // 2
            ps = self.plans(mid, flared=flared)
            if ps:
                lo, best_plan = mid, ps[0]
            else:
                hi = mid
        return best_plan


def _build(solver: _Solver, plan: _Plan, step_ids: Sequence[str], width: float, height: float) -> PatternLayout:
    """Place everything the plan decided, centred in the area."""
    s = plan.s
    style = _Style(s)
    frame = solver.frame
    n = solver.n
    m = solver.m
    sizes, radius = plan.sizes, plan.radius
    notes = solver.note_texts(s)
    # Arrows checked exactly: open the circle a little more where an arrow came out short.
    for _ in range(6):
        boxes = _boxes(frame, radius, sizes)
        arrows = [_arrow(frame, i, radius, boxes, style) for i in range(n)]
        need = style.head_len + 0.5 * style.shaft
        short = [length for (_, length) in arrows if length < need]
        if not short:
            break
        room = solver.extent(radius * 1.04, sizes, style, notes)
        if room.w > width - 2 * style.margin or room.h > height - 2 * style.margin:
            break
        radius *= 1.04
    # Every arrow must show a line before its head; one that does not means the ring is too full.
    visible = style.head_len + 0.2 * style.shaft
    stubs = any(length < visible for _, length in arrows)
    # Centre what is actually drawn in the area (the page check above was generous).
    ext = solver.extent(radius, sizes, style, notes)
    drawn = [Rect.around(path + list(_head(path, style))).inflated(style.stroke) for path, _ in arrows if len(path) > 1]
    drawn += boxes + list(solver._note_boxes(radius, boxes, style, notes).values())
    tight = drawn[0]
    for r in drawn[1:]:
        tight = tight.united(r)
    if tight.w <= ext.w and tight.h <= ext.h:
        ext = tight
    cx = (width - ext.w) / 2 - ext.x
    cy = (height - ext.h) / 2 - ext.y

    lh = m.measure.line_height(s)
    steps = []
    for i, sid in enumerate(step_ids):
        box = boxes[i].translated(cx, cy)
        lines = plan.lines[i]
        th = len(lines) * lh
        text_rect = Rect(box.x + style.pad_x, box.y + (box.h - th) / 2, box.w - 2 * style.pad_x, th)
        steps.append(
            StepLayout(
                sid, i, box, TextBlock(lines, s, False, text_rect), _degrees(frame.unit(frame.angles[i])), box.center
            )
        )

    arrow_layouts = []
    for i, (path, length) in enumerate(arrows):
        pts = tuple((x + cx, y + cy) for x, y in path)
        if len(pts) < 2 or math.dist(pts[0], pts[-1]) < 1e-6:
            pts = (pts[0], (pts[0][0] + 1e-3, pts[0][1]))
        arrow_layouts.append(ArrowLayout(step_ids[i], step_ids[(i + 1) % n], pts, _head(pts, style)))

    note_boxes = solver._note_boxes(radius, boxes, style, notes)
    note_size = _derived_size(NOTE_SCALE, s, solver.min_font)
    breakthroughs = [
        _breakthrough(step_ids[i], arrow_layouts[i].path, notes[i], note_boxes[i].translated(cx, cy), note_size, style)
        for i in sorted(notes)
    ]

    # The title block, centred in the largest free rectangle around the middle.
    centre = (cx, cy)
    opt = _title_choice(solver, plan, radius)
    area, title_block, context_block = _title_blocks(m, opt, [st.box for st in steps], centre, radius, style, frame)

    return PatternLayout(
        width=width,
        height=height,
        center=centre,
        radius=radius,
        steps=tuple(steps),
        arrows=tuple(arrow_layouts),
        title=title_block,
        context=context_block,
        title_area=area,
        breakthroughs=tuple(breakthroughs),
        step_font_size=s,
        radii=(radius * frame.ax, radius * frame.ay),
        fits=plan.feasible and not stubs,
    )


def _breakthrough(
    after: str, path: Sequence[Point], note: "_NoteText", nb: Rect, note_size: float, style: _Style
) -> BreakthroughLayout:
    """A breakthrough's marker in the middle of its arrow's visible line, and its note in ``nb``."""
    total = sum(math.dist(path[k], path[k + 1]) for k in range(len(path) - 1))
    marker, _ = _point_along(path, max(0.0, (total - style.head_len) / 2))
    text_rect = Rect(nb.x + style.pad_y, nb.y + style.pad_y, nb.w - 2 * style.pad_y, note.height)
    start = _toward(marker, _nearest_on_rect(nb, marker), style.marker_radius)
    return BreakthroughLayout(
        after,
        marker,
        style.marker_radius,
        TextBlock(note.lines, note_size, False, text_rect),
        nb,
        (start, _nearest_on_rect(nb, marker)),
    )


def _title_choice(solver: "_Solver", plan: "_Plan", radius: float) -> "_TitleOption":
    """How the title block is set: the plan's choice, else what fits at ``radius``, else the smallest."""
    s = plan.s
    options = _title_options(solver.m, solver.title, solver.context, s, solver.min_font)
    opt = plan.title or _title_fits(solver.frame, radius, plan.sizes, options, _Style(s).clearance)
    if opt is None:
        # Nothing fits (a crowded best effort): the title still shows, as small as it may be.
        opt = options[-1] if options else _TitleOption(s, s, (), (), 0.0, 0.0, 0.0)
    return opt


def _title_blocks(
    m: "_Measurer",
    opt: "_TitleOption",
    boxes: Sequence[Rect],
    centre: Point,
    radius: float,
    style: _Style,
    frame: "_Frame",
) -> tuple[Rect, TextBlock, TextBlock | None]:
    """The title area (the roomiest free rectangle in the middle that holds the title), the title and the context."""
    cx, cy = centre
    half_w = max(opt.width / 2 + style.clearance, _widest_free_half(boxes, centre, radius, style.clearance, opt, frame))
    half_h = _free_height(boxes, cx, cy, half_w, radius, style.clearance, frame)
    area = Rect(cx - half_w, cy - half_h, 2 * half_w, 2 * half_h)
    top = cy - opt.height / 2
    context_block = None
    if opt.context_lines:
        c_h = len(opt.context_lines) * m.measure.line_height(opt.context_size)
        context_block = TextBlock(opt.context_lines, opt.context_size, False, Rect(area.x, top, area.w, c_h))
        top += c_h + opt.gap
    t_h = len(opt.title_lines) * m.measure.line_height(opt.title_size, True)
    title_block = TextBlock(opt.title_lines, opt.title_size, True, Rect(area.x, top, area.w, t_h))
    return area, title_block, context_block


def _widest_free_half(
    boxes: Sequence[Rect], centre: Point, radius: float, clearance: float, opt: _TitleOption, frame: _Frame
) -> float:
    """The half-width of the roomiest free rectangle in the middle that still holds the title block."""
    need = opt.height / 2
    lo = opt.width / 2 + clearance
    hi = radius * frame.ax
    best, best_area = lo, -1.0
    for k in range(41):
        half_w = lo + (hi - lo) * k / 40
        half_h = _free_height(boxes, centre[0], centre[1], half_w, radius, clearance, frame)
        if half_h >= need and half_w * half_h > best_area:
            best, best_area = half_w, half_w * half_h
    return best


def _degrees(unit: Point) -> float:
    """The direction of a point on the ring seen from its centre: degrees, 90 = top, [0, 360)."""
    return round(math.degrees(math.atan2(-unit[1], unit[0])), 9) % 360.0


def _toward(a: Point, b: Point, d: float) -> Point:
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = math.hypot(dx, dy) or 1.0
    return (a[0] + dx / L * d, a[1] + dy / L * d)


def layout_pattern(
    pattern: "Pattern",
    measure: TextMeasure,
    width: float,
    height: float,
    *,
    min_font: float = 9.0,
    max_font: float | None = None,
) -> PatternLayout:
    """Lay out ``pattern`` to fit inside the area (0, 0, ``width``, ``height``), in points.

    Picks one step text size between ``min_font`` and ``max_font`` (default:
    a comfortable size for the area), the box size and the circle's radius so
    that every step's text fits its box, no two boxes come closer than 2 mm,
    every arrow shows its head between the boxes and the title fits in the
    middle. Honours ``pattern.layout``: ``start_angle`` (degrees, 90 = top),
    ``direction`` and ``offsets``: a box's nudge in radii from its place on
    the ring. The ring, the sizes and the type are those of the pattern
    without nudges, so a nudge moves only its box (and its arrows and notes);
    a nudged box stays inside the page and 2 mm clear of everything else
    (see :class:`_Nudger`). If even ``min_font`` cannot make everything
    fit, the text stays at ``min_font``, the boxes may come closer than
    they should and the layout's ``fits`` is False: give it a larger area.
    """
    memo = _measurer(measure)
    key = (pattern.model_dump_json(), width, height, min_font, max_font)
    known = memo.layouts.get(key)
    if known is not None:
        return known
    # The ring, the sizes and the type come from the pattern without its nudges,
    # so nudging one box leaves every other box where it was.
    base_key = (pattern.model_dump_json(exclude={"layout": {"offsets"}}), width, height, min_font, max_font)
    base = memo.bases.get(base_key)
    if base is None:
        base = memo.remember_base(base_key, _layout_plain(pattern, measure, width, height, min_font, max_font))
    solver, plan, plain = base
    offsets = [tuple(pattern.layout.offsets.get(s.id, (0.0, 0.0))) for s in pattern.steps]
    if not any(o != (0.0, 0.0) for o in offsets):
        return memo.remember(key, plain)
    return memo.remember(key, _Nudger(solver, plan, plain).apply(offsets))


def _layout_plain(
    pattern: "Pattern", measure: TextMeasure, width: float, height: float, min_font: float, max_font: float | None
) -> "tuple[_Solver, _Plan, PatternLayout]":
    """The layout of ``pattern`` as if no box were nudged, with the solver and plan that made it."""
    n = len(pattern.steps)
    still = [(0.0, 0.0)] * n
    index = {s.id: i for i, s in enumerate(pattern.steps)}
    notes = {index[b.after]: b.text for b in pattern.breakthroughs if b.text.strip()}
    cap = max(min_font, max_font if max_font is not None else _default_max_font(width, height, n))

    clockwise = pattern.layout.direction == "clockwise"

    def solve(
        ax: float,
        ay: float,
        power: float = 2.0,
        rows: tuple[int, int, float] | None = None,
        at_least: int | None = None,
        best_effort: bool = True,
    ):
        if rows is None:
            frame = _frame(n, pattern.layout.start_angle, clockwise, still, ax, ay, power)
        else:
            frame = _rows_frame(n, rows[0], rows[1], clockwise, still, ax, ay, power, rows[2])
        texts = [s.text for s in pattern.steps]
        min_lines = 3 if n <= 12 else 2
        solver = _Solver(texts, pattern.title, pattern.context, notes, frame, measure, width, height, min_font, min_lines)
        solver.short_arrows = rows is not None
        solver.rows = None if rows is None else rows[:2]
        plan = solver.solve(cap, best_effort=best_effort and rows is None, at_least=at_least)
        return None if plan is None else (solver, plan)

    # Rows of boxes need the first step in the middle of the top row.
    rows = _row_counts(n, width / height) if abs(pattern.layout.start_angle % 360.0 - 90.0) < 1e-9 else []
    solver, plan = _choose_ring(solve, width, height, cap, min_font, rows)
    return solver, plan, _build(solver, plan, [s.id for s in pattern.steps], width, height)


# --------------------------------------------------------------------------
# Manual nudges


def _chunks(path: Sequence[Point], d: float, k: int = 6) -> list[Rect]:
    """Rectangles that together cover the polyline ``path`` grown by ``d``: one per ``k`` segments."""
    out = []
    for a in range(0, max(1, len(path) - 1), k):
        out.append(Rect.around(path[a : a + k + 1]).inflated(d))
    return out


def _blocked(home: Point, v: Point, w: float, h: float, o: Rect) -> tuple[float, float] | None:
    """The open interval of t for which a ``w`` x ``h`` box centred at ``home + t v`` overlaps ``o``; or None."""
    lo, hi = -math.inf, math.inf
    for p, d, a, b in ((home[0], v[0], o.x - w / 2, o.right + w / 2), (home[1], v[1], o.y - h / 2, o.bottom + h / 2)):
        if abs(d) < 1e-12:
            if not a < p < b:
                return None
            continue
        t0, t1 = (a - p) / d, (b - p) / d
        if t0 > t1:
            t0, t1 = t1, t0
        lo, hi = max(lo, t0), min(hi, t1)
    return (lo, hi) if lo < hi else None


def _last_clear(intervals: Sequence[tuple[float, float]], t: float) -> float:
    """The largest t' <= ``t`` in none of the open ``intervals`` (0 if it would go below 0)."""
    moved = True
    while moved and t > 0.0:
        moved = False
        for a, b in intervals:
            if a < t < b:
                t, moved = a, True
    return max(t, 0.0)


def _crosses(a: Point, b: Point, rect: Rect) -> bool:
    """Whether the segment from ``a`` to ``b`` enters ``rect`` (touching its edge counts)."""
    lo, hi = 0.0, 1.0
    for p, d, r0, r1 in ((a[0], b[0] - a[0], rect.x, rect.right), (a[1], b[1] - a[1], rect.y, rect.bottom)):
        if abs(d) < 1e-12:
            if not r0 <= p <= r1:
                return False
            continue
        t0, t1 = (r0 - p) / d, (r1 - p) / d
        if t0 > t1:
            t0, t1 = t1, t0
        lo, hi = max(lo, t0), min(hi, t1)
        if lo > hi:
            return False
    return True


def _miss(home: Point, v: Point, t: float, goal: Point) -> float:
    """How far ``home + t v`` is from ``goal``."""
    return math.dist((home[0] + t * v[0], home[1] + t * v[1]), goal)


def _path_length(path: Sequence[Point]) -> float:
    return sum(math.dist(path[k], path[k + 1]) for k in range(len(path) - 1))


class _Nudger:
    """Puts nudged boxes where the user dropped them, on a finished plain layout.

    Every other box, the ring, the sizes and the type stay as they are. A
    nudged box goes to its place on the ring plus its offset (in radii); kept
    inside the page's margin, and pushed back towards its place on the ring
    (along the way it was dragged) as far as it must to keep 2 mm from every
    other box, the title's text, the notes and the arrows it does not touch;
    if only one direction of the move is in the way, only that part of the
    move is refused, whichever lands nearer the drop. Its two arrows are
    drawn anew to follow it, with the notes on them; a place where they would
    not show (shorter than the plain ring allows, through a box, off the
    page) is given up for one nearer the ring. Several nudged boxes are
    placed in cycle order, each clear of those placed before.
    The blocked stretches of a straight move are found exactly (a box meets a
    rectangle over one interval of the way), so placing a box costs about a
    millisecond.
    """

    def __init__(self, solver: "_Solver", plan: "_Plan", plain: PatternLayout):
        self.solver, self.plan, self.plain = solver, plan, plain
        self.style = style = _Style(plan.s)
        self.radius = plain.radius
        self.n = n = len(plain.steps)
        cx, cy = self.centre = plain.center
        # Everything is worked out relative to the ring's centre, as the plan is.
        self.boxes = [st.box.translated(-cx, -cy) for st in plain.steps]
        self.homes = [b.center for b in self.boxes]
        self.paths = [tuple((x - cx, y - cy) for x, y in a.path) for a in plain.arrows]
        self.notes = solver.note_texts(plan.s)
        self.note_boxes = {i: b.note_box.translated(-cx, -cy) for i, b in zip(sorted(self.notes), plain.breakthroughs)}
        # Each note's marker and the end of its leader line.
        self.leaders = {
            i: ((b.marker[0] - cx, b.marker[1] - cy), (b.leader[1][0] - cx, b.leader[1][1] - cy))
            for i, b in zip(sorted(self.notes), plain.breakthroughs)
        }
        margin = style.margin
        self.area = Rect(margin - cx, margin - cy, plain.width - 2 * margin, plain.height - 2 * margin)
        self.eff = [(0.0, 0.0)] * n
        self.changed: set[int] = set()  # arrows drawn anew
        opt = _title_choice(solver, plan, self.radius)
        self.title_opt = opt
        self.title_core = None
        if opt.title_lines or opt.context_lines:
            # Boxes keep clear of where the title text stands, so the title area can still hold it.
            core = Rect.centred(0.0, 0.0, opt.width + 2 * style.clearance, opt.height)
            self.title_core = core.inflated(max(style.clearance, MIN_GAP) + 0.01)
        need = style.head_len + 0.5 * style.shaft  # as the plain ring asks of every arrow
        # No shorter than on the plain ring (a crowded best effort may have had no room at all).
        self.need = [min(need, 0.9 * length) if length > 1.0 else 0.0 for length in map(_path_length, self.paths)]
        # Arrows that show whole on the plain ring must stay so (a crowded best effort may not).
        notes = list(self.note_boxes.values())
        self.sound = [self._clear(p, self.boxes, notes) for p in self.paths]

    def _clear(self, path: Sequence[Point], boxes: Sequence[Rect], notes: Sequence[Rect]) -> bool:
        """Whether an arrow shows whole: on the page, in no box, note or title."""
        area, core = self.area, self.title_core
        for p in list(path) + list(_head(path, self.style)):
            if not area.contains(*p) or (core is not None and core.contains(*p)):
                return False
            if any(b.contains(*p) for b in boxes) or any(nb.contains(*p) for nb in notes):
                return False
        return True

    def apply(self, offsets: Sequence[Point]) -> PatternLayout:
        for i, (ox, oy) in enumerate(offsets):
            if (ox, oy) != (0.0, 0.0):
                self._place(i, (ox, oy))
        return self._result()

    # -- one box -------------------------------------------------------------

    def _place(self, i: int, offset: Point) -> None:
        n, r, style = self.n, self.radius, self.style
        home = self.homes[i]
        w, h = self.boxes[i].w, self.boxes[i].h
        # Where it was dropped, kept inside the page's margin.
        area = self.area
        gx = min(max(home[0] + offset[0] * r, area.x + w / 2), area.right - w / 2)
        gy = min(max(home[1] + offset[1] * r, area.y + h / 2), area.bottom - h / 2)
        v = (gx - home[0], gy - home[1])
        if math.hypot(*v) < 1e-9:
            return
        mine = {(i - 1) % n, i}
        gap = MIN_GAP + 0.01
        obstacles = [b.inflated(gap) for k, b in enumerate(self.boxes) if k != i]
        if self.title_core is not None:
            obstacles.append(self.title_core)
        obstacles += [nb.inflated(gap) for k, nb in self.note_boxes.items() if k not in mine]
        reach = style.marker_radius + style.clearance
        obstacles += [Rect.around(line).inflated(reach) for k, line in self.leaders.items() if k not in mine]
        for k, path in enumerate(self.paths):
            if k not in mine:
                obstacles += _chunks(path, style.clearance + style.stroke)
                obstacles.append(Rect.around(_head(path, style)).inflated(style.clearance))
        here = Rect.centred(home[0], home[1], w, h)
        kept = []
        for k, o in enumerate(obstacles):
            if here.intersects(o):
                # Already this close on the ring (a full ring packs its boxes 2 mm apart, a
                # crowded one closer): the box may move away, not closer. A box 2 mm away
                # diagonally stays in the way (sliding past its corner would come closer).
                depth = min(here.right - o.x, o.right - here.x, here.bottom - o.y, o.bottom - here.y)
                if k < n - 1 and depth > 0.011 and here.distance(o.inflated(-gap)) >= MIN_GAP - 1e-6:
                    kept.append(o)
                    continue
                o = o.inflated(-depth - 1e-6)
                if o.w <= 0 or o.h <= 0:
                    continue
            kept.append(o)

        best = self._along(i, home, v, kept)
        if best is None or best[0] < 1.0:
            # Pushed back: perhaps only one direction of the drag is in the way; refuse just that part.
            for part in ((v[0], 0.0), (0.0, v[1])):
                if abs(part[0]) + abs(part[1]) < 1e-9:
                    continue
                other = self._along(i, home, part, kept)
                if other is None:
                    continue
                goal = (gx, gy)
                if best is None or _miss(home, part, other[0], goal) < _miss(home, best[2], best[0], goal) - 1e-6:
                    best = other
        if best is not None:
            self._commit(i, best[1])

    def _along(self, i: int, home: Point, v: Point, obstacles: Sequence[Rect]):
        """How far (t) box ``i`` gets towards ``home + v``, what it looks like there, and ``v``; or None."""
        w, h = self.boxes[i].w, self.boxes[i].h
        intervals = [iv for o in obstacles if (iv := _blocked(home, v, w, h, o)) is not None]
        t = _last_clear(intervals, 1.0)
        found = self._try(i, home, v, t) if t > 0 else None
        if found is None and t > 0:
            # The arrows or notes do not work there: nearer the ring, then back out as far as works.
            bad = t
            step = 1.0 / 16
            while t > 0:
                t = _last_clear(intervals, t - step)
                found = self._try(i, home, v, t) if t > 0 else None
                if found is not None:
                    break
                bad = t
            if found is not None:
                for _ in range(4):
                    mid = (t + bad) / 2
                    if _last_clear(intervals, mid) != mid:
                        bad = mid
                        continue
                    trial = self._try(i, home, v, mid)
                    if trial is None:
                        bad = mid
                    else:
                        t, found = mid, trial
        return None if found is None else (t, found, v)

    def _try(self, i: int, home: Point, v: Point, t: float):
        """Box ``i`` at ``home + t v``: its two arrows and their notes, or None if they would not work there."""
        n, r, style = self.n, self.radius, self.style
        c = (home[0] + t * v[0], home[1] + t * v[1])
        box = Rect.centred(c[0], c[1], self.boxes[i].w, self.boxes[i].h)
        boxes = list(self.boxes)
        boxes[i] = box
        # The arrows bend by every box's nudge as drawn (``home`` is the box's place on the ring).
        eff = list(self.eff)
        eff[i] = ((c[0] - home[0]) / r, (c[1] - home[1]) / r)
        f = self.solver.frame
        frame = _Frame(f.angles, f.sweeps, tuple(eff), f.ax, f.ay, f.power)
        area = self.area
        core = self.title_core
        paths = {}
        others_notes = [nb for k, nb in self.note_boxes.items() if k not in ((i - 1) % n, i)]
        for k in {(i - 1) % n, i}:
            path, length = _arrow(frame, k, r, boxes, style)
            if length < self.need[k] or len(path) < 2:
                return None
            if math.dist(path[0], path[-1]) < 1e-6:  # no room at all (as on the plain ring): a stub, drawn as one
                path = [path[0], (path[0][0] + 1e-3, path[0][1])]
            if self.sound[k] and not self._clear(path, boxes, others_notes):
                return None
            paths[k] = tuple(path)
        notes, leaders = {}, {}
        for k in sorted(paths):
            if k not in self.notes:
                continue
            note = self.notes[k]
            marker = frame.arc_point(k, 0.5, r)
            obstacles = boxes + others_notes + list(notes.values())
            for p in paths.values():
                obstacles += _chunks(p, style.stroke)
            nb = _place_note(marker, (0.0, 0.0), note, style.pad_y, obstacles, r,
                             style.clearance + style.marker_radius, frame)
            if not (area.contains(nb.x, nb.y) and area.contains(nb.right, nb.bottom)):
                return None
            if any(nb.intersects(b) for b in boxes) or (core is not None and nb.intersects(core)):
                return None
            b = _breakthrough("", paths[k], note, nb, 0.0, style)
            if any(_crosses(b.leader[0], b.leader[1], bx) for bx in boxes):
                return None
            notes[k] = nb
            leaders[k] = (b.marker, b.leader[1])
        return eff[i], box, paths, notes, leaders

    def _commit(self, i: int, found) -> None:
        eff_i, box, paths, notes, leaders = found
        self.leaders.update(leaders)
        self.eff[i] = eff_i
        self.boxes[i] = box
        for k, p in paths.items():
            self.paths[k] = p
            self.changed.add(k)
        self.note_boxes.update(notes)

    # -- the layout --------------------------------------------------------------

    def _result(self) -> PatternLayout:
        plain, style = self.plain, self.style
        cx, cy = self.centre
        steps = []
        moved = False
        for st, box in zip(plain.steps, self.boxes):
            box = box.translated(cx, cy)
            dx, dy = box.x - st.box.x, box.y - st.box.y
            if abs(dx) < 1e-9 and abs(dy) < 1e-9:
                steps.append(st)
                continue
            moved = True
            text = st.text
            block = TextBlock(text.lines, text.size, text.bold, text.rect.translated(dx, dy))
            steps.append(StepLayout(st.id, st.index, box, block, st.angle, st.home))
        if not moved:
            return plain
        arrows = list(plain.arrows)
        for k in self.changed:
            pts = tuple((x + cx, y + cy) for x, y in self.paths[k])
            if math.dist(pts[0], pts[-1]) < 1e-6:  # no room at all (as on the plain ring): a stub
                pts = (pts[0], (pts[0][0] + 1e-3, pts[0][1]))
            arrows[k] = ArrowLayout(arrows[k].source, arrows[k].target, pts, _head(pts, style))
        breakthroughs = []
        note_size = _derived_size(NOTE_SCALE, plain.step_font_size, self.solver.min_font)
        for i, b in zip(sorted(self.notes), plain.breakthroughs):
            if i in self.changed:
                b = _breakthrough(b.after, arrows[i].path, self.notes[i], self.note_boxes[i].translated(cx, cy),
                                  note_size, style)
            breakthroughs.append(b)
        area, title, context = plain.title_area, plain.title, plain.context
        boxes = [st.box for st in steps]
        if any(area.intersects(b) for b in boxes):
            # A box nudged into the middle: the title keeps to what is still free.
            area, title, context = _title_blocks(
                self.solver.m, self.title_opt, boxes, plain.center, self.radius, style, self.solver.frame
            )
        return PatternLayout(
            width=plain.width,
            height=plain.height,
            center=plain.center,
            radius=plain.radius,
            steps=tuple(steps),
            arrows=tuple(arrows),
            title=title,
            context=context,
            title_area=area,
            breakthroughs=tuple(breakthroughs),
            step_font_size=plain.step_font_size,
            radii=plain.radii,
            fits=plain.fits,
        )


# A ring is stretched into an ellipse at most this much.
_MAX_STRETCH = 1.35


def _row_counts(n: int, aspect: float) -> list[tuple[int, int]]:
    """The three likeliest ways to set ``n`` steps as rows on a rounded rectangle in an area of ``aspect``.

    Each is (boxes across the top, boxes down each side). The top row is odd
    (the first step in its middle) and holds at least three; the bottom row
    holds about as many. Likeliest: the share of boxes across closest to the
    area's share of width.
    """
    out = []
    for top in range(3, n, 2):
        for side in range(1, n):
            bottom = n - top - 2 * side
            if bottom >= 1 and abs(bottom - top) <= 1:
                out.append((top, side))
    share = aspect / (1.0 + aspect)
    out.sort(key=lambda ts: abs(ts[0] / (ts[0] + ts[1]) - share))
    return out[:3]


def _choose_ring(solve, width: float, height: float, cap: float, min_font: float, rows: Sequence[tuple[int, int]] = ()):
    """The circle, unless the pattern is so full that another ring sets its text clearly larger.

    A landscape or portrait area can take an ellipse; an area that cannot
    hold the steps even so takes a rounded square ring, which reaches into
    the corners; and one that cannot hold them either, rows of boxes on a
    rounded rectangle that fills the page. Each must win by a clear margin:
    the circle is the look.
    """
    # Every ring is first asked for a plan that works; only if none has one does
    # the circle make its best (crowded) effort.
    best = solve(1.0, 1.0, best_effort=False)
    if best is not None and best[1].s >= cap - 1e-6:
        return best
    aspect = width / height

    def gain(k: int) -> int | None:
        # Another ring must set the text at least k points larger than a circle that fits.
        return int(round(best[1].s)) + k if best is not None else None

    def better(other, k: float) -> bool:
        return other is not None and (best is None or _better(other[1], best[1], k))

    if not 1 / 1.15 < aspect < 1.15:
        stretch = min(_MAX_STRETCH, max(aspect, 1 / aspect) ** 0.75)
        ax, ay = (stretch, 1.0) if aspect > 1 else (1.0, stretch)
        other = solve(ax, ay, at_least=gain(1), best_effort=False)
        if better(other, 1.0):
            best = other
    if best is None or best[1].s <= math.ceil(min_font - 1e-9) + 1:
        ax, ay = (aspect**0.9, 1.0) if aspect >= 1 else (1.0, (1 / aspect) ** 0.9)
        other = solve(ax, ay, 4.0, at_least=gain(2), best_effort=False)
        if better(other, 2.0):
            best = other
    if best is None:
        # The ring stretched beyond the area's shape: the rows then run along its edges.
        # (power, stretch, corner): see _rows_frame.
        shapes = ((16.0, 1.4, 1.0), (16.0, 1.6, 1.0), (12.0, 1.2, 1.0), (16.0, 1.8, 1.0))
        many = bool(len(rows)) and sum(rows[0]) > 10
        if many:
            # Very many steps: few tries (each costs about as much as the whole layout of a short pattern).
            # Then squarer rings, the last with more room at the corners for the rows' tall boxes.
            shapes = ((16.0, 1.4, 1.0), (16.0, 1.2, 1.0), (16.0, 1.2, 1.5))
        else:
            rows = rows[:2]
        for counts in rows:
            for power, stretch, corner in shapes:
                ax, ay = (aspect**stretch, 1.0) if aspect >= 1 else (1.0, (1 / aspect) ** stretch)
                other = solve(ax, ay, power, (*counts, corner), best_effort=False)
                if other is not None and (best is None or other[1].s > best[1].s):
                    best = other
                    break
            if many and best is not None:
                break  # the first that works: each further try costs as much again
    if best is None:
        best = solve(1.0, 1.0)
    return best


def _better(plan: _Plan, than: _Plan, gain: float) -> bool:
    if plan.feasible and not than.feasible:
        return True
    return plan.feasible and plan.s >= than.s + gain


# Text that sizes a worksheet's empty boxes: room for about three lines of handwriting.
_WORKSHEET_TEXT = " ".join(["xxxxxxxx"] * 14)


def layout_worksheet(n_steps: int, measure: TextMeasure, width: float, height: float) -> PatternLayout:
    """``n_steps`` empty boxes on a circle with arrows between them and an empty centre.

    For a table that draws its own pattern: the boxes are sized for handwriting,
    the centre is left free for a title (``title_area``).
    """
    n = max(2, n_steps)
    frame = _frame(n, 90.0, True, [(0.0, 0.0)] * n)
    # Room in the middle for a handwritten title of a line or two.
    placeholder = "\n".join(["x" * 22] * 4)
    solver = _Solver([_WORKSHEET_TEXT] * n, placeholder, "", {}, frame, measure, width, height, 9.0, min_lines=4)
    plan = solver.solve(_default_max_font(width, height, n))
    layout = _build(solver, plan, [f"stap-{i + 1}" for i in range(n)], width, height)
    steps = tuple(
        StepLayout(
            s.id, s.index, s.box, TextBlock((), s.text.size, False, s.box.inflated(-_Style(plan.s).pad_x)), s.angle, s.home
        )
        for s in layout.steps
    )
    empty_title = TextBlock((), layout.title.size, True, layout.title_area)
    return PatternLayout(
        width=layout.width,
        height=layout.height,
        center=layout.center,
        radius=layout.radius,
        steps=steps,
        arrows=layout.arrows,
        title=empty_title,
        context=None,
        title_area=layout.title_area,
        breakthroughs=(),
        step_font_size=layout.step_font_size,
        radii=layout.radii,
        fits=layout.fits,
    )
