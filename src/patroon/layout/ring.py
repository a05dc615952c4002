"""The ring the boxes sit on: a circle, an ellipse, a rounded square or rows on a rounded rectangle."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterator, Sequence

from patroon.layout.types import MIN_GAP, Point, Rect


@dataclass(frozen=True)
class Frame:
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

    @cached_property
    def short_hint(self) -> list[int]:
        """The arrow found short last (a hint for the spacing check; not part of the ring)."""
        return [0]

    @cached_property
    def trig(self) -> tuple[Point, ...]:
        """Every box's angle's cosine and sine."""
        return tuple((math.cos(a), math.sin(a)) for a in self.angles)

    @cached_property
    def warped_trig(self) -> tuple[Point, ...]:
        """Every box's angle's cosine and sine as a superellipse's coordinates take them (see exit_angle)."""
        e = 2.0 / self.power

        def warp(c: float) -> float:
            return 0.0 if abs(c) < 1e-12 else math.copysign(abs(c) ** e, c)

        return tuple((warp(math.cos(a)), warp(math.sin(a))) for a in self.angles)

    @property
    def forward(self) -> bool:
        """Whether the steps follow increasing angles (counterclockwise)."""
        return self.sweeps[0] > 0

    @cached_property
    def still(self) -> bool:
        """Whether no box is nudged (the arrows then run on the ring itself)."""
        return not any(ox or oy for ox, oy in self.offsets)

    def unit(self, a: float) -> Point:
        """The ring's point at angle parameter ``a`` for radius 1, screen convention (y down)."""
        c, s = math.cos(a), math.sin(a)
        if self.power != 2.0:
            # A high power magnifies rounding errors near zero: cos(pi/2) is 6e-17, not 0.
            e = 2.0 / self.power
            c = 0.0 if -1e-12 < c < 1e-12 else math.copysign(abs(c) ** e, c)
            s = 0.0 if -1e-12 < s < 1e-12 else math.copysign(abs(s) ** e, s)
        return (self.ax * c, -self.ay * s)

    def centre(self, i: int, radius: float) -> Point:
        ux, uy = self.places[i]
        return (radius * ux, radius * uy)

    def arc_point(self, i: int, t: float, radius: float) -> Point:
        """A point on the arrow from box ``i`` to the next: on the ring, bent by both boxes' nudges."""
        ux, uy = self.unit(self.angles[i] + t * self.sweeps[i])
        if self.still:
            return (radius * ux, radius * uy)
        j = (i + 1) % len(self.angles)
        ox = (1 - t) * self.offsets[i][0] + t * self.offsets[j][0]
        oy = (1 - t) * self.offsets[i][1] + t * self.offsets[j][1]
        return (radius * (ux + ox), radius * (uy + oy))

    def units(self, params: Sequence[float]) -> list[Point]:
        """``unit(a)`` for each of ``params``, computed as it does (the same floats), without a call each."""
        if self.power == 2.0:
            return [(self.ax * math.cos(a), -self.ay * math.sin(a)) for a in params]
        e, ax, ay, copysign = 2.0 / self.power, self.ax, self.ay, math.copysign
        out = []
        for a in params:
            c, s = math.cos(a), math.sin(a)
            c = 0.0 if -1e-12 < c < 1e-12 else copysign(abs(c) ** e, c)
            s = 0.0 if -1e-12 < s < 1e-12 else copysign(abs(s) ** e, s)
            out.append((ax * c, -ay * s))
        return out

    def arc_points(self, i: int, ts: Sequence[float], radius: float) -> list[Point]:
        """``arc_point(i, t, radius)`` for each of ``ts``, computed as it does (the same floats), without a call each."""
        a0, sweep, ax, ay = self.angles[i], self.sweeps[i], self.ax, self.ay
        warped = self.power != 2.0
        e = 2.0 / self.power
        cos, sin, copysign = math.cos, math.sin, math.copysign
        still = self.still
        (oxi, oyi), (oxj, oyj) = self.offsets[i], self.offsets[(i + 1) % len(self.angles)]
        out = []
        for t in ts:
            a = a0 + t * sweep
            c, s = cos(a), sin(a)
            if warped:
                c = 0.0 if -1e-12 < c < 1e-12 else copysign(abs(c) ** e, c)
                s = 0.0 if -1e-12 < s < 1e-12 else copysign(abs(s) ** e, s)
            ux, uy = ax * c, -ay * s
            if still:
                out.append((radius * ux, radius * uy))
            else:
                ox = (1 - t) * oxi + t * oxj
                oy = (1 - t) * oyi + t * oyj
                out.append((radius * (ux + ox), radius * (uy + oy)))
        return out

    def inside(self, x: float, y: float, rx: float, ry: float) -> bool:
        """Whether (x, y), relative to the centre, lies inside the ring of half sizes ``rx``, ``ry``."""
        return (abs(x) / rx) ** self.power + (abs(y) / ry) ** self.power < 1.0

    def half_height(self, half_w: float, rx: float, ry: float) -> float:
        """Half the ring's height at ``half_w`` from its centre (ring of half sizes ``rx``, ``ry``)."""
        if half_w >= rx:
            return 0.0
        return ry * (1.0 - (half_w / rx) ** self.power) ** (1.0 / self.power)


def circle_frame(
    n: int,
    start_angle: float,
    clockwise: bool,
    offsets: Sequence[Point],
    ax: float = 1.0,
    ay: float = 1.0,
    power: float = 2.0,
    box_aspect: float = 1.0,
) -> Frame:
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
    return Frame(tuple(angles), tuple(sweeps), tuple(offsets), ax, ay, power)


@lru_cache(maxsize=32)
def _even_along(
    n: int, start: float, sign: float, ax: float, ay: float, power: float, box_aspect: float = 1.0
) -> tuple[float, ...]:
    """Angle parameters that space ``n`` points evenly by length along a superellipse.

    Boxes ``box_aspect`` times as wide as tall take that much more of the
    ring where it runs across than where it runs down: lengths across count
    that much less, so the gaps between the boxes come out alike. Remembered:
    every layout of a pattern on a page asks for the same ring.
    """
    probe = Frame((0.0,), (1.0,), ((0.0, 0.0),), ax, ay, power)
    samples = 1440
    params = [start + sign * 2.0 * math.pi * k / samples for k in range(samples + 1)]
    pts = probe.units(params)
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
    return tuple(angles)


def forget_rings() -> None:
    """Drop the remembered rings (for measuring a cold layout)."""
    _even_along.cache_clear()


def rows_frame(
    n: int,
    top: int,
    side: int,
    clockwise: bool,
    offsets: Sequence[Point],
    ax: float,
    ay: float,
    power: float,
    corner: float = 1.0,
) -> Frame:
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
    return Frame(tuple(angles), tuple(sweeps), tuple(offsets), ax, ay, power)


Sizes = Sequence[tuple[float, float]]  # every box's width and height


def box_at(frame: Frame, i: int, radius: float, sizes: Sizes) -> Rect:
    cx, cy = frame.centre(i, radius)
    return Rect.centred(cx, cy, *sizes[i])


def ring_boxes(frame: Frame, radius: float, sizes: Sizes) -> list[Rect]:
    return [box_at(frame, i, radius, sizes) for i in range(len(frame.angles))]


def exit_angle(theta: float, forward: bool, radius: float, hw: float, hh: float, power: float = 2.0) -> float:
    """The angle the ring's parameter turns through from a box's centre (at ``theta``) until it leaves the box.

    The box (half-width ``hw``, half-height ``hh``, in units of the unstretched
    ring) is centred on the ring; ``forward`` means the direction of
    increasing angle. On a superellipse a coordinate is ``sign(c) |c|^(2/power)``
    of the cosine or sine, so the same roots apply to warped targets.
    """
    c, s = math.cos(theta), math.sin(theta)
    if power != 2.0:
        # As the ring's points do (see Frame.unit): cos(pi/2) is 6e-17, not 0, and its root is far from 0.
        e = 2.0 / power
        c = 0.0 if abs(c) < 1e-12 else math.copysign(abs(c) ** e, c)
        s = 0.0 if abs(s) < 1e-12 else math.copysign(abs(s) ** e, s)
    return _exit_from(theta, (c, s), forward, radius, (hw, hh), power)


_TWO_PI = 2.0 * math.pi


def _exit_from(theta: float, trig: Point, forward: bool, radius: float, half: Point, power: float) -> float:
    """:func:`exit_angle` with ``theta``'s cosine and sine known (warped as the ring's points are, see
    :attr:`Frame.warped_trig`): the same arithmetic in the same order, so the same angle to the last bit."""
    best = _TWO_PI
    hw, hh = half
    c, s = trig
    inverse = None if power == 2.0 else 1.0 / (2.0 / power)
    for k, (base, step) in enumerate(((c, hw / radius), (s, hh / radius))):
        for v in (base + step, base - step):
            if -1.0 <= v <= 1.0:
                if inverse is not None:
                    v = math.copysign(abs(v) ** inverse, v)
                if k == 0:
                    a0 = math.acos(v)
                    roots = (a0, -a0)
                else:
                    a0 = math.asin(v)
                    roots = (a0, math.pi - a0)
                for alpha in roots:
                    phi = ((alpha - theta) if forward else (theta - alpha)) % _TWO_PI
                    if 1e-14 < phi < best:
                        best = phi
    return best


def _exits_both(theta: float, trig: Point, radius: float, half: Point, power: float) -> Point:
    """:func:`_exit_from` forward and backward (towards increasing angles first) at once.

    Both directions use the same roots: each is found as ``_exit_from`` finds
    it (the same arithmetic in the same order), for about the price of one.
    """
    c, s = trig
    x, y = half[0] / radius, half[1] / radius
    roots = []
    inverse = None if power == 2.0 else 1.0 / (2.0 / power)
    for v in (c + x, c - x):
        if -1.0 <= v <= 1.0:
            a0 = math.acos(v if inverse is None else math.copysign(abs(v) ** inverse, v))
            roots += (a0, -a0)
    for v in (s + y, s - y):
        if -1.0 <= v <= 1.0:
            a0 = math.asin(v if inverse is None else math.copysign(abs(v) ** inverse, v))
            roots += (a0, math.pi - a0)
    ahead = back = _TWO_PI
    for alpha in roots:
        phi = (alpha - theta) % _TWO_PI
        if 1e-14 < phi < ahead:
            ahead = phi
        phi = (theta - alpha) % _TWO_PI
        if 1e-14 < phi < back:
            back = phi
    return ahead, back


def _box_exits(frame: Frame, k: int, radius: float, half: Sequence[Point], known: list) -> Point:
    """How far the ring's parameter turns from box ``k``'s centre until it leaves the box: towards the next box,
    and towards the one before (remembered in ``known``, one place per box)."""
    found = known[k]
    if found is None:
        trig = frame.trig if frame.power == 2.0 else frame.warped_trig
        ahead, back = _exits_both(frame.angles[k], trig[k], radius, half[k], frame.power)
        found = known[k] = (ahead, back) if frame.forward else (back, ahead)
    return found


def _ring_points(frame: Frame, a0: float, da: float, ks: Sequence[int] = range(9)) -> list[Point]:
    """``frame.unit(a0 + k * da)`` for each k of ``ks``, computed as it does (the same floats)."""
    e = 2.0 / frame.power
    ax, ay = frame.ax, frame.ay
    cos, sin, copysign = math.cos, math.sin, math.copysign
    pts = []
    for k in ks:
        a = a0 + k * da
        c, s = cos(a), sin(a)
        c = 0.0 if -1e-12 < c < 1e-12 else copysign(abs(c) ** e, c)
        s = 0.0 if -1e-12 < s < 1e-12 else copysign(abs(s) ** e, s)
        pts.append((ax * c, -ay * s))
    return pts


def arc_gaps(frame: "Frame", radius: float, sizes: Sizes, clearance: float) -> Iterator[float]:
    """The free length of ring between each box and the next (boxes without nudges), one by one."""
    half = _halves(frame, sizes, clearance)
    for i in range(len(frame.angles)):
        yield _arc_gap(frame, i, radius, half)


def _halves(frame: Frame, sizes: Sizes, clearance: float) -> list[Point]:
    """Every box's half sizes with its clearance, measured in the ring before it was stretched."""
    return [((w / 2 + clearance) / frame.ax, (h / 2 + clearance) / frame.ay) for w, h in sizes]


def _arc_gap(
    frame: Frame, i: int, radius: float, half: Sequence[Point], need: float | None = None, known: list | None = None
) -> float:
    """The free length of ring between box ``i`` and the next (see :func:`arc_gaps`).

    With ``need``: on a superellipse, once the straight line across the free
    arc is clearly that long (the arc is never shorter), that line's length.
    ``known``: the boxes' exits found so far at this radius (see :func:`_box_exits`).
    """
    n = len(frame.angles)
    j = (i + 1) % n
    angles, sweep = frame.angles, frame.sweeps[i]
    if known is None:
        known = [None] * n
    leave = _box_exits(frame, i, radius, half, known)[0]
    enter = _box_exits(frame, j, radius, half, known)[1]
    if frame.power != 2.0:
        free = abs(sweep) - leave - enter
        if free <= 0:
            return radius * free
        a0, da = angles[i] + math.copysign(leave, sweep), math.copysign(free, sweep) / 8
        if need is not None:
            chord = radius * math.dist(*_ring_points(frame, a0, da, (0, 8)))
            if chord > need * (1.0 + 1e-9):
                return chord
        pts = _ring_points(frame, a0, da)
        return radius * sum([math.dist(pts[k], pts[k + 1]) for k in range(8)])
    free = abs(sweep) - leave - enter
    mid = angles[i] + math.copysign(leave + free / 2, sweep)
    speed = math.hypot(frame.ax * math.sin(mid), frame.ay * math.cos(mid))
    return radius * free * speed


def spacing_ok(frame: Frame, radius: float, sizes: Sizes, gap_needed: Sequence[float], clearance: float) -> bool:
    """Whether, at this radius, no two boxes come closer than MIN_GAP and every arrow has its room."""
    n = len(frame.angles)
    half = _halves(frame, sizes, clearance)
    # The arrow that was short last time on this ring is the likeliest to be short again: asked first.
    hint = frame.short_hint
    first = hint[0] if hint[0] < n else 0
    known: list = [None] * n
    if not _arc_gap(frame, first, radius, half, gap_needed[first], known) >= gap_needed[first]:
        return False
    for i in range(n):
        if i != first and not _arc_gap(frame, i, radius, half, gap_needed[i], known) >= gap_needed[i]:
            hint[0] = i
            return False
    # Every box's edges, as Rect.centred and Rect.distance compute them (the same floats).
    edges = []
    for (ux, uy), (w, h) in zip(frame.places, sizes):
        x, y = radius * ux - w / 2.0, radius * uy - h / 2.0
        edges.append((x, y, x + w, y + h))
    # On a ring that leaves room for the arrows, only near neighbours can touch.
    reach = min(n if n <= 8 else 3, n - 1)
    for i in range(n):
        x0, y0, x1, y1 = edges[i]
        for k in range(1, reach + 1):
            ox0, oy0, ox1, oy1 = edges[(i + k) % n]
            dx = max(ox0 - x1, x0 - ox1, 0.0)
            dy = max(oy0 - y1, y0 - oy1, 0.0)
            if math.hypot(dx, dy) < MIN_GAP:
                return False
    return True



def even_gaps(frame: Frame, radius: float, sizes: Sizes, clearance: float, rounds: int = 8) -> Frame:
    """The circle ``frame`` with its boxes moved along it so that the free arcs between them are alike.

    Boxes wider than tall take more of a circle where it runs across (top and
    bottom) than where it runs down (the sides): evenly spaced, the arrows
    near the diagonals come out short and those at the sides long. The first
    box stays where it is.
    """
    n = len(frame.angles)
    forward = frame.forward
    half = [((w / 2 + clearance) / frame.ax, (h / 2 + clearance) / frame.ay) for w, h in sizes]
    angles = list(frame.angles)
    sign = 1.0 if forward else -1.0
    for _ in range(rounds):
        leave = [exit_angle(angles[i], forward, radius, *half[i]) for i in range(n)]
        enter = [exit_angle(angles[i], not forward, radius, *half[i]) for i in range(n)]
        taken = [leave[i] + enter[(i + 1) % n] for i in range(n)]
        # On an ellipse the ring runs faster in some places: the same length is less angle there.
        mids = [angles[i] + sign * (leave[i] + (sweep - taken[i]) / 2)
                for i, sweep in enumerate(_sweeps(angles, sign))]
        slow = [1.0 / math.hypot(frame.ax * math.sin(a), frame.ay * math.cos(a)) for a in mids]
        length = (2.0 * math.pi - sum(taken)) / sum(slow)
        if length <= 0.0:
            return frame
        moved = [angles[0]]
        for i in range(n - 1):
            moved.append(moved[-1] + sign * (taken[i] + length * slow[i]))
        angles = moved
    return Frame(tuple(angles), tuple(sign * d for d in _sweeps(angles, sign)), frame.offsets, frame.ax, frame.ay,
                 frame.power)


def _sweeps(angles: Sequence[float], sign: float) -> list[float]:
    """The unsigned angle from each of ``angles`` to the next, going the ring's way (``sign``)."""
    n = len(angles)
    return [((angles[(i + 1) % n] - angles[i]) * sign % (2.0 * math.pi)) or 2.0 * math.pi for i in range(n)]
