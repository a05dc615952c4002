"""The ring's geometry: the quick paths of the spacing check answer as the plain computation does."""

from __future__ import annotations

import math
import random

import pytest


from patroon.layout.notes import _across, _met_ahead
from patroon.layout.ring import Frame, _exit_from, _exits_both, arc_gaps, circle_frame, ring_boxes, rows_frame, spacing_ok
from patroon.layout.types import MIN_GAP, Rect


def _plain_spacing_ok(frame: Frame, radius: float, sizes, needed, clearance: float) -> bool:
    """The spacing check spelled out: every free arc long enough, no two near boxes too close."""
    if not all(g >= need for g, need in zip(arc_gaps(frame, radius, sizes, clearance), needed)):
        return False
    boxes = ring_boxes(frame, radius, sizes)
    n = len(boxes)
    reach = min(n if n <= 8 else 3, n - 1)
    return all(boxes[i].distance(boxes[(i + k) % n]) >= MIN_GAP for i in range(n) for k in range(1, reach + 1))


def _frames(n: int) -> list[Frame]:
    still = [(0.0, 0.0)] * n
    frames = [circle_frame(n, 90.0, True, still), circle_frame(n, 90.0, False, still, 1.3, 1.0),
              circle_frame(n, 90.0, True, still, 1.4, 1.0, 4.0)]
    if n >= 12:
        frames.append(rows_frame(n, 5, (n - 8) // 2, True, still, 1.6, 1.0, 16.0))
    return frames


@pytest.mark.parametrize("n", [3, 6, 8, 12, 40])
def test_spacing_check_agrees_with_the_plain_computation_at_every_radius(n: int) -> None:
    rng = random.Random(n)
    checked = {True: 0, False: 0}
    for frame in _frames(n):
        for _ in range(60):
            w = rng.uniform(30.0, 160.0)
            sizes = [(w * rng.uniform(0.9, 1.1), w / 2.2) for _ in range(n)]
            radius = rng.uniform(0.5, 3.0) * n * w / (2 * math.pi) + 40.0
            # Arrows that need about the room they have: the answer turns on the last digits.
            gaps = list(arc_gaps(frame, radius, sizes, 4.0))
            needed = [max(1.0, g * rng.choice((0.999, 1.0, 0.95))) for g in gaps]
            if rng.random() < 0.5:
                short = rng.randrange(n)
                needed[short] = max(needed[short], gaps[short] * 1.001)
            answer = spacing_ok(frame, radius, sizes, needed, 4.0)
            assert answer == _plain_spacing_ok(frame, radius, sizes, needed, 4.0)
            checked[answer] += 1
    assert checked[True] and checked[False]  # both answers were put to the test


def test_many_arc_points_are_the_single_points() -> None:
    rng = random.Random(5)
    for power in (2.0, 4.0, 16.0):
        offsets = tuple((rng.uniform(-0.1, 0.1), 0.0) for _ in range(5))
        frame = circle_frame(5, 90.0, True, offsets, 1.2, 1.0, power)
        ts = [0.0, 0.5, 1.0] + [rng.random() for _ in range(20)]
        assert frame.arc_points(2, ts, 300.0) == [frame.arc_point(2, t, 300.0) for t in ts]
        params = [rng.uniform(-7.0, 7.0) for _ in range(20)] + [0.0, math.pi / 2]
        assert frame.units(params) == [frame.unit(a) for a in params]


def test_both_exits_at_once_are_each_exit_found_alone() -> None:
    rng = random.Random(11)
    for power in (2.0, 4.0, 16.0):
        frame = circle_frame(9, 90.0, True, [(0.0, 0.0)] * 9, 1.3, 1.0, power)
        trig = frame.trig if power == 2.0 else frame.warped_trig
        for _ in range(300):
            k = rng.randrange(9)
            radius = rng.uniform(20.0, 900.0)
            half = (rng.uniform(5.0, 200.0), rng.uniform(5.0, 120.0))
            alone = tuple(_exit_from(frame.angles[k], trig[k], ahead, radius, half, power) for ahead in (True, False))
            assert _exits_both(frame.angles[k], trig[k], radius, half, power) == alone


def test_a_note_looks_only_past_what_it_could_never_meet() -> None:
    """The quick first look across a note's way keeps everything the exact look keeps."""
    rng = random.Random(3)
    kept = left_out = 0
    for _ in range(3000):
        a = rng.uniform(0.0, 2 * math.pi)
        ux, uy = math.cos(a), math.sin(a)
        if rng.random() < 0.1:  # straight along an axis
            ux, uy = rng.choice(((1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)))
        note = Rect(rng.uniform(-400, 400), rng.uniform(-400, 400), rng.uniform(10, 300), rng.uniform(10, 200))
        obstacles = [Rect(rng.uniform(-600, 600), rng.uniform(-600, 600), rng.uniform(1, 200), rng.uniform(1, 120))
                     for _ in range(8)]
        clear = rng.uniform(0.0, 20.0)
        quick = _across(note, obstacles, ux, uy, clear)
        exact = [o for o in obstacles if _met_ahead(note, o.inflated(clear), ux, uy)]
        assert all(o in quick for o in exact)
        kept += len(exact)
        left_out += len(obstacles) - len(quick)
    assert kept and left_out  # both ways put to the test
