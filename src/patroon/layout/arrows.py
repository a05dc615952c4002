"""The arrows along the ring from box to box, and their heads."""

from __future__ import annotations

import math
from typing import Sequence

from patroon.layout.ring import Frame
from patroon.layout.style import Style
from patroon.layout.types import Point, Rect


def arrow_path(frame: Frame, i: int, radius: float, boxes: Sequence[Rect], style: Style) -> tuple[list[Point], float]:
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


def _even_ts(frame: Frame, i: int, radius: float, samples: int) -> list[float]:
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


def _fine_ts(frame: Frame, i: int, radius: float, ts: list[float], step: float = 3.0) -> list[float]:
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


def point_along(path: Sequence[Point], distance: float, from_end: bool = False) -> tuple[Point, int]:
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


def arrow_head(path: Sequence[Point], style: Style) -> tuple[Point, Point, Point]:
    tip = path[-1]
    base, _ = point_along(path, style.head_len, from_end=True)
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    d = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / d * style.head_half, dx / d * style.head_half
    # Base points pulled straight back from the tip, so the head is symmetric on a curve.
    bx, by = tip[0] - dx / d * style.head_len, tip[1] - dy / d * style.head_len
    return tip, (bx + nx, by + ny), (bx - nx, by - ny)



def path_length(path: Sequence[Point]) -> float:
    return sum(math.dist(path[k], path[k + 1]) for k in range(len(path) - 1))

