"""The public geometry of a laid-out pattern: rectangles, text blocks, steps, arrows, notes."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Protocol

Point = tuple[float, float]

# Clear space between two boxes, and between a box and anything else: 2 mm.
MIN_GAP = 2.0 * 72.0 / 25.4


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
    def centre(self) -> Point:
        return (self.x + self.w / 2.0, self.y + self.h / 2.0)

    def contains(self, x: float, y: float) -> bool:
        """Whether the point lies inside or on the edge."""
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def intersects(self, other: "Rect") -> bool:
        """Whether the two rectangles overlap (touching edges do not count)."""
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def crossed_by(self, p: Point, q: Point, *, touching: bool = False) -> bool:
        """Whether the segment from ``p`` to ``q`` passes through the inside of this rectangle;
        with ``touching``, also whether it only meets its edge."""
        t0, t1 = 0.0, 1.0
        for d, lo, hi, start in ((q[0] - p[0], self.x, self.right, p[0]), (q[1] - p[1], self.y, self.bottom, p[1])):
            if abs(d) < 1e-12:  # parallel to these two edges: between them, or never in
                if not (lo <= start <= hi if touching else lo < start < hi):
                    return False
                continue
            a, b = (lo - start) / d, (hi - start) / d
            t0, t1 = max(t0, min(a, b)), min(t1, max(a, b))
        return t1 >= t0 if touching else t1 - t0 > 1e-9

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


class CharacterMeasure:
    """A :class:`TextMeasure` that counts characters, each a fixed share of the size wide.

    For a rough measure where no font is at hand (``patroon validate``), and a
    stand-in for a real font in tests.
    """

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return len(text) * size * (0.6 if bold else 0.53)

    def line_height(self, size: float, bold: bool = False) -> float:
        return 1.36 * size

    def ascent(self, size: float, bold: bool = False) -> float:
        return 1.07 * size


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
    centre: Point
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
    # False when the breakthroughs' notes need more room than the whole area has: they are
    # left out (never drawn over each other or over a box), and ``fits`` is False too.
    notes_fit: bool = True

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

