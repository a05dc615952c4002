"""The ring the boxes sit on: a circle, an ellipse, a rounded square or rows on a rounded rectangle."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
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


def _even_along(
    n: int, start: float, sign: float, ax: float, ay: float, power: float, box_aspect: float = 1.0
) -> list[float]:
    """Angle parameters that space ``n`` points evenly by length along a superellipse.

    Boxes ``box_aspect`` times as wide as tall take that much more of the
    ring where it runs across than where it runs down: lengths across count
    that much less, so the gaps between the boxes come out alike.
    """
    probe = Frame((0.0,), (1.0,), ((0.0, 0.0),), ax, ay, power)
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
    best = 2.0 * math.pi
    two_pi = 2.0 * math.pi
    e = 2.0 / power

    def warp(c: float) -> float:
        if power == 2.0:
            return c
        # As the ring's points do (see Frame.unit): cos(pi/2) is 6e-17, not 0, and its root is far from 0.
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


def arc_gaps(frame: "Frame", radius: float, sizes: Sizes, clearance: float) -> Iterator[float]:
    """The free length of ring between each box and the next (boxes without nudges), one by one."""
    n = len(frame.angles)
    forward = frame.forward
    # Measure in the ring before it was stretched.
    half = [((w / 2 + clearance) / frame.ax, (h / 2 + clearance) / frame.ay) for w, h in sizes]
    if frame.power != 2.0:
        for i in range(n):
            j = (i + 1) % n
            leave = exit_angle(frame.angles[i], forward, radius, *half[i], frame.power)
            enter = exit_angle(frame.angles[j], not forward, radius, *half[j], frame.power)
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
        leave = exit_angle(frame.angles[i], forward, radius, *half[i])
        enter = exit_angle(frame.angles[j], not forward, radius, *half[j])
        free = abs(frame.sweeps[i]) - leave - enter
        mid = frame.angles[i] + math.copysign(leave + free / 2, frame.sweeps[i])
        speed = math.hypot(frame.ax * math.sin(mid), frame.ay * math.cos(mid))
        yield radius * free * speed


def spacing_ok(frame: Frame, radius: float, sizes: Sizes, gap_needed: Sequence[float], clearance: float) -> bool:
    """Whether, at this radius, no two boxes come closer than MIN_GAP and every arrow has its room."""
    n = len(frame.angles)
    if not all(g >= need for g, need in zip(arc_gaps(frame, radius, sizes, clearance), gap_needed)):
        return False
    boxes = ring_boxes(frame, radius, sizes)
    # On a ring that leaves room for the arrows, only near neighbours can touch.
    reach = n if n <= 8 else 3
    for i in range(n):
        for k in range(1, min(reach, n - 1) + 1):
            j = (i + k) % n
            if boxes[i].distance(boxes[j]) < MIN_GAP:
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
