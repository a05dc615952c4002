"""The circle's geometry, without Qt: a fake font with fixed character widths measures the text."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patroon.fileformat import load_pattern
from patroon.layout import MIN_GAP, PatternLayout, Rect, layout_pattern, layout_worksheet
from patroon.layout.types import CharacterMeasure
from patroon.model import Pattern, set_breakthrough, set_offset
from patroon.textfit import break_points, is_valid_break, wrap, wrap_text

from conftest import PATTERNS

A3_LANDSCAPE = (1190.55, 841.89)
TABLE_DIAGRAM = (780.0, 780.0)

LONG = (
    "Door de domeinoverstijgende opgave moeten maatwerkbudgetten telkens opnieuw worden verdeeld, "
    "waardoor uitvoeringsorganisaties en gemeenten langdurig onderhandelen over verantwoordelijkheden, "
    "terwijl de inwoner wacht en niemand de regie neemt over het geheel van zorg en wonen."
)


# Every character is as wide as a share of the size: a stand-in for a real font.
FixedMeasure = CharacterMeasure


MEASURE = FixedMeasure()


def make_pattern(texts: list[str], title: str = "Een patroon", context: str = "", **extra) -> Pattern:
    return Pattern(title=title, context=context, steps=[{"text": t} for t in texts], **extra)


def long_texts(n: int, chars: int = 250) -> list[str]:
    text = (LONG * 2)[:chars].rstrip()
    return [f"{i + 1}. {text}"[:chars] for i in range(n)]


# --------------------------------------------------------------------------
# The checks every layout must pass


def check_layout(layout: PatternLayout, measure=MEASURE, min_font: float = 9.0) -> None:
    """Everything the print and the screen rely on, for any pattern."""
    boxes = [s.box for s in layout.steps]
    page = Rect(0, 0, layout.width, layout.height)
    assert layout.step_font_size >= min_font - 1e-9

    # Boxes: apart by at least 2 mm.
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a.distance(b) >= MIN_GAP - 1e-6, (a, b)

    # Text: every line fits inside its box at the one step size.
    for s in layout.steps:
        assert s.text.size == layout.step_font_size
        assert _inside(s.text.rect, s.box)
        assert len(s.text.lines) * measure.line_height(s.text.size) <= s.box.h + 1e-6
        for line in s.text.lines:
            assert measure.width(line, s.text.size) <= s.text.rect.w + 1e-6, line
        assert s.text.rect.w <= s.box.w - 2 * 0.5 * layout.step_font_size, "padding left and right"

    # The title area touches no box, and the title and context lie in it.
    assert not any(layout.title_area.intersects(b) for b in boxes)
    for block in (layout.title, layout.context):
        if block is None:
            continue
        assert _inside(block.rect, layout.title_area)
        for line in block.lines:
            assert measure.width(line, block.size, block.bold) <= block.rect.w + 1e-6

    # Arrows: run outside the boxes; the head is wholly outside every box.
    for a in layout.arrows:
        for p in a.head:
            assert not any(b.contains(*p) for b in boxes), (a.source, p)
        for p in a.path:
            assert not any(b.contains(*p) for b in boxes), (a.source, p)
        assert math.dist(a.path[0], a.path[-1]) > 0
        assert a.head[0] == a.path[-1]

    # Breakthroughs: the note overlaps no box, no other note and no title.
    notes = [b.note_box for b in layout.breakthroughs]
    for b in layout.breakthroughs:
        assert not any(b.note_box.intersects(box) for box in boxes)
        assert not b.note_box.intersects(layout.title_area)
        assert sum(b.note_box.intersects(o) for o in notes) == 1
        assert _inside(b.note.rect, b.note_box)
        for line in b.note.lines:
            assert measure.width(line, b.note.size) <= b.note.rect.w + 1e-6
        # The note lies outside the ring of arrows.
        cx, cy = layout.centre
        assert math.dist(layout.centre, b.note_box.centre) > layout.radius
        assert b.leader[1][0] >= b.note_box.x - 1e-6 and b.leader[1][0] <= b.note_box.right + 1e-6
        # The leader line crosses no box.
        (x0, y0), (x1, y1) = b.leader
        for k in range(21):
            p = (x0 + (x1 - x0) * k / 20, y0 + (y1 - y0) * k / 20)
            assert not any(box.contains(*p) for box in boxes), (b.after, p)

    # Everything inside the page.
    assert _inside(layout.bounds(), page), (layout.bounds(), page)


def _inside(inner: Rect, outer: Rect, tol: float = 1e-6) -> bool:
    return (
        inner.x >= outer.x - tol
        and inner.y >= outer.y - tol
        and inner.right <= outer.right + tol
        and inner.bottom <= outer.bottom + tol
    )


def angle_of(layout: PatternLayout, point: tuple[float, float]) -> float:
    cx, cy = layout.centre
    return math.degrees(math.atan2(-(point[1] - cy), point[0] - cx)) % 360.0


def all_breaks_valid(lines: tuple[str, ...], original: str) -> bool:
    """Lines only break between words or at hyphenation points, and keep every word."""
    for a, b in zip(lines, lines[1:]):
        if not is_valid_break(a, b, original):
            return False
    joined = ""
    for line in lines:
        if joined.endswith("-") and not joined.endswith(" -"):
            last = joined.split(" ")[-1]
            # A hyphen the text had stays; one added at a break goes.
            word_with_hyphen = last + line.split(" ")[0]
            if word_with_hyphen in original.split():
                joined += line
                continue
            joined = joined[:-1] + line
        else:
            joined = f"{joined} {line}" if joined else line
    return joined.split() == original.split()


# --------------------------------------------------------------------------
# The shipped patterns


@pytest.mark.parametrize("path", PATTERNS, ids=lambda p: p.stem)
def test_shipped_patterns_on_a_table_sheet_are_large_and_clean(path):
    pattern = load_pattern(path)
    layout = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    check_layout(layout)
    assert layout.step_font_size >= 14.0
    assert layout.title.size > layout.step_font_size
    for step, s in zip(pattern.steps, layout.steps):
        assert s.id == step.id
        assert all_breaks_valid(s.text.lines, step.text), s.text.lines


def test_the_title_keeps_its_words_whole_even_when_one_step_fills_its_box():
    """Three steps, one very long: big boxes leave a narrow middle; the circle opens up rather
    than break "Samenwerking" into "Samenwer-" "king"."""
    pattern = make_pattern(["Er is een vraagstuk.", LONG, "Niemand pakt het op."],
                           title="Samenwerking in het sociaal domein")
    layout = layout_pattern(pattern, MEASURE, 780.0, 780.0)
    check_layout(layout)
    words = pattern.title.split()
    assert [w for line in layout.title.lines for w in line.split()] == words, layout.title.lines


def test_steps_stand_on_the_circle_clockwise_from_the_top_with_arrows_alike():
    layout = layout_pattern(load_pattern(PATTERNS[0]), MEASURE, *TABLE_DIAGRAM)
    angles = [s.angle for s in layout.steps]
    assert angles[0] == pytest.approx(90.0)
    # Clockwise: each step further round than the one before, all the way round once.
    turns = [(a - b) % 360.0 for a, b in zip(angles, angles[1:] + angles[:1])]
    assert all(t > 0 for t in turns) and sum(turns) == pytest.approx(360.0)
    for s in layout.steps:
        assert angle_of(layout, s.box.centre) == pytest.approx(s.angle, abs=1e-6)
        assert math.dist(s.box.centre, layout.centre) == pytest.approx(layout.radius)
    # The first box is the topmost one, centred.
    top = layout.steps[0].box
    assert top.centre[0] == pytest.approx(layout.centre[0])
    assert top.y == min(s.box.y for s in layout.steps)
    # An even rhythm: the boxes sit where every arrow gets as long.
    lengths = [sum(math.dist(p, q) for p, q in zip(a.path, a.path[1:])) for a in layout.arrows]
    assert max(lengths) < 1.05 * min(lengths)


def test_arrows_run_clockwise_from_each_step_to_the_next():
    layout = layout_pattern(load_pattern(PATTERNS[1]), MEASURE, *TABLE_DIAGRAM)
    n = len(layout.steps)
    for i, a in enumerate(layout.arrows):
        assert a.source == layout.steps[i].id
        assert a.target == layout.steps[(i + 1) % n].id
        start, tip = angle_of(layout, a.path[0]), angle_of(layout, a.path[-1])
        source, target = layout.steps[i].angle, layout.steps[(i + 1) % n].angle
        # Clockwise: the angle falls from the source through the arrow to the target.
        assert _cw(source, start) < _cw(source, tip) < _cw(source, target)
        # The tip is near the target box and the start near the source box.
        assert layout.steps[(i + 1) % n].box.distance(Rect(*a.path[-1], 0, 0)) < 0.6 * layout.step_font_size + 1
        assert layout.steps[i].box.distance(Rect(*a.path[0], 0, 0)) < 0.6 * layout.step_font_size + 1
        # Arrowheads are clearly visible.
        tip_, left, right = a.head
        assert math.dist(left, right) >= 6.0


def _cw(origin: float, angle: float) -> float:
    """How far clockwise ``angle`` lies from ``origin``, in degrees [0, 360)."""
    return (origin - angle) % 360.0


def test_start_angle_and_direction_are_honoured():
    pattern = load_pattern(PATTERNS[2])
    turned = pattern.model_copy(update={"placement": pattern.placement.model_copy(update={"start_angle": 0.0, "direction": "counterclockwise"})})
    layout = layout_pattern(turned, MEASURE, *TABLE_DIAGRAM)
    angles = [angle_of(layout, s.box.centre) for s in layout.steps]
    assert angles[0] == pytest.approx(0.0, abs=1e-6)
    # Counterclockwise: each step further round the other way, all the way round once.
    turns = [(b - a) % 360.0 for a, b in zip(angles, angles[1:] + angles[:1])]
    assert all(t > 0 for t in turns) and sum(turns) == pytest.approx(360.0)
    check_layout(layout)


# --------------------------------------------------------------------------
# Full patterns: the floor holds


@pytest.mark.parametrize("n", [8, 12])
def test_many_long_steps_on_a3_landscape_stay_above_the_floor(n):
    pattern = make_pattern(long_texts(n), title="Een lang patroon met veel stappen", context="Tafel 3:")
    layout = layout_pattern(pattern, MEASURE, *A3_LANDSCAPE)
    assert layout.step_font_size >= 9.0
    assert layout.fits
    check_layout(layout)
    for step, s in zip(pattern.steps, layout.steps):
        assert all_breaks_valid(s.text.lines, step.text)


def test_eight_long_steps_on_the_table_sheet_area_stay_above_the_floor():
    layout = layout_pattern(make_pattern(long_texts(8)), MEASURE, *TABLE_DIAGRAM)
    assert layout.fits
    check_layout(layout)


def test_many_short_steps_still_make_a_clean_ring():
    layout = layout_pattern(make_pattern(long_texts(24, 60)), MEASURE, *A3_LANDSCAPE)
    assert layout.fits
    check_layout(layout)


def test_a_pattern_too_full_for_its_area_says_so_and_keeps_the_floor():
    layout = layout_pattern(make_pattern(long_texts(12)), MEASURE, 400, 400)
    assert not layout.fits
    assert layout.step_font_size == 9.0
    assert all(s.text.size == 9.0 for s in layout.steps)
    assert layout.title.lines == ("Een patroon",)
    # Still inside the area, every line inside its box.
    assert _inside(layout.bounds(), Rect(0, 0, 400, 400))
    for s in layout.steps:
        assert all(MEASURE.width(line, 9.0) <= s.text.rect.w + 1e-6 for line in s.text.lines)


def test_a_full_pattern_on_a_wide_page_rounds_its_ring_out_to_the_corners():
    """A rounded-square ring holds more than a circle: larger type for the same steps."""
    pattern = make_pattern(long_texts(12, 250))
    layout = layout_pattern(pattern, MEASURE, 1000, 842)
    assert layout.fits and layout.step_font_size >= 9.0
    rx, ry = layout.radii
    # The corner boxes reach further out than a circle or ellipse of those radii would put them.
    corner = max(layout.steps, key=lambda s: abs(s.box.centre[0] - layout.centre[0]) * abs(s.box.centre[1] - layout.centre[1]))
    dx = abs(corner.box.centre[0] - layout.centre[0]) / rx
    dy = abs(corner.box.centre[1] - layout.centre[1]) / ry
    assert dx**2 + dy**2 > 1.05
    check_layout(layout)


@pytest.mark.parametrize("area", [(794.0, 547.0), (547.0, 794.0)], ids=["A4-landscape", "A4-portrait"])
def test_twelve_long_steps_fit_an_a4_diagram_as_rows_along_its_edges(area):
    """12 x 250 characters at 9 pt on A4: rows across the top and bottom, boxes between them at the sides."""
    layout = layout_pattern(make_pattern(long_texts(12, 250)), MEASURE, *area)
    assert layout.fits and layout.step_font_size == 9.0
    check_layout(layout)
    # The first step in the middle of the top row; the steps run clockwise.
    cx, cy = layout.centre
    first = layout.steps[0].box
    assert abs(first.centre[0] - cx) < 1.0
    assert first.y <= min(s.box.y for s in layout.steps) + 1.0
    angles = [angle_of(layout, s.box.centre) for s in layout.steps]
    turns = [(a - b) % 360.0 for a, b in zip(angles, angles[1:] + angles[:1])]
    assert all(0 < t < 180 for t in turns), turns
    # Every arrow shows: longer than its head.
    for a in layout.arrows:
        length = sum(math.dist(p, q) for p, q in zip(a.path, a.path[1:]))
        assert length > math.dist(a.head[0], a.head[1]), a.source


# The diagram areas of an A3 and an A4 landscape page (5 mm margins).
A3_DIAGRAM = (1156.0, 808.0)
A4_DIAGRAM = (794.0, 547.0)


def shafts(layout: PatternLayout) -> list[float]:
    """How much of each arrow's line shows before its head."""
    out = []
    for a in layout.arrows:
        length = sum(math.dist(p, q) for p, q in zip(a.path, a.path[1:]))
        base = ((a.head[1][0] + a.head[2][0]) / 2, (a.head[1][1] + a.head[2][1]) / 2)
        out.append(length - math.dist(a.head[0], base))
    return out


def check_full_ring(layout: PatternLayout, n: int) -> None:
    """A full ring that fits: every guarantee, every text at 9 pt or more, every arrow a line and a head."""
    assert layout.fits
    assert len(layout.steps) == n
    check_layout(layout)
    assert all(shaft >= 2.0 for shaft in shafts(layout)), min(shafts(layout))
    # It uses the page: the ring spans most of the area's width and height.
    ring = layout.steps[0].box
    for s in layout.steps:
        ring = ring.united(s.box)
    assert ring.w >= 0.8 * layout.width and ring.h >= 0.7 * layout.height, (ring, layout.width, layout.height)


@pytest.mark.parametrize(
    "n, area", [(40, A3_DIAGRAM), (60, A3_DIAGRAM), (40, A4_DIAGRAM)], ids=["40-A3", "60-A3", "40-A4"]
)
def test_many_short_steps_fill_a_landscape_page(n, area):
    """Short texts in a long ring: boxes as small as their text, on a ring as large as the page."""
    pattern = make_pattern([f"Stap {i}." for i in range(n)], title="Veel stappen")
    check_full_ring(layout_pattern(pattern, MEASURE, *area), n)


def test_forty_steps_of_seventy_characters_fit_an_a3_landscape_page():
    texts = [f"Stap {i}: iemand doet iets waardoor de volgende partij moet reageren." for i in range(40)]
    check_full_ring(layout_pattern(make_pattern(texts, title="Veertig"), MEASURE, *A3_DIAGRAM), 40)


def test_sixty_short_steps_do_not_fit_an_a4_page_and_say_so():
    """60 boxes with 2 mm and an arrow between them need more ring than A4 has at 9 pt: no false promise."""
    layout = layout_pattern(make_pattern([f"Stap {i}." for i in range(60)]), MEASURE, *A4_DIAGRAM)
    assert not layout.fits
    assert layout.step_font_size == 9.0


@pytest.mark.parametrize("start", [90.0, 30.0])
@pytest.mark.parametrize("area", [(547.0, 794.0), (520.0, 760.0), (595.0, 842.0), (794.0, 547.0)])
def test_a_layout_that_fits_never_has_a_stub_arrow(area, start):
    """Nine long steps in a tall area: either every arrow gets a line before its head, or fits is False."""
    pattern = make_pattern(long_texts(9), layout={"start_angle": start})
    layout = layout_pattern(pattern, MEASURE, *area)
    if layout.fits:
        assert all(shaft >= 2.0 for shaft in shafts(layout)), (area, start, shafts(layout))
        check_layout(layout)
    else:
        assert any(shaft < 2.0 for shaft in shafts(layout)) or any(
            a.box.distance(b.box) < MIN_GAP for i, a in enumerate(layout.steps) for b in layout.steps[i + 1 :]
        )
    # The tall A4 area: nine long steps fit there with room for every arrow.
    if area == (547.0, 794.0) and start == 90.0:
        assert layout.fits


def test_text_shrinks_only_when_it_must():
    short = layout_pattern(make_pattern(["Kort."] * 6), MEASURE, *TABLE_DIAGRAM)
    full = layout_pattern(make_pattern(long_texts(6, 200)), MEASURE, *TABLE_DIAGRAM)
    assert full.step_font_size < short.step_font_size
    # A larger area gives larger type, up to the comfortable size for it.
    big = layout_pattern(make_pattern(long_texts(6, 200)), MEASURE, 1600, 1600)
    assert big.step_font_size > full.step_font_size
    capped = layout_pattern(make_pattern(["Kort."] * 6), MEASURE, *TABLE_DIAGRAM, max_font=12)
    assert capped.step_font_size == 12


@pytest.mark.parametrize("n", [2, 3])
def test_few_steps_are_balanced_and_use_the_area(n):
    texts = ["Er is schaarste aan woningen.", "Iedereen houdt vast wat hij heeft.", "De inwoner valt ertussen."][:n]
    layout = layout_pattern(make_pattern(texts, title="Schaarste"), MEASURE, *TABLE_DIAGRAM)
    check_layout(layout)
    b = layout.bounds()
    # Centred, and filling most of the area.
    assert b.centre[0] == pytest.approx(TABLE_DIAGRAM[0] / 2, abs=2)
    assert b.centre[1] == pytest.approx(TABLE_DIAGRAM[1] / 2, abs=2)
    assert max(b.w / TABLE_DIAGRAM[0], b.h / TABLE_DIAGRAM[1]) >= 0.85
    # Boxes large enough to read from across a table.
    assert all(s.box.w >= 0.25 * TABLE_DIAGRAM[0] for s in layout.steps)


def test_a_long_title_wraps_and_still_touches_no_box():
    title = "Een bijzonder lange titel voor een patroon dat over meerdere regels moet lopen"
    layout = layout_pattern(make_pattern(long_texts(6, 120), title=title, context="Woon-zorg opgave:"), MEASURE, *TABLE_DIAGRAM)
    check_layout(layout)
    assert len(layout.title.lines) >= 2
    assert layout.context is not None and layout.context.size < layout.title.size
    assert layout.context.rect.bottom <= layout.title.rect.y + 1e-6


def test_the_layout_fits_any_area_shape():
    pattern = load_pattern(PATTERNS[3])
    for w, h in [(595, 842), (842, 595), (500, 500), (1920, 1080)]:
        layout = layout_pattern(pattern, MEASURE, w, h)
        check_layout(layout)


# --------------------------------------------------------------------------
# Breakthroughs and nudges


def test_breakthroughs_sit_on_their_arrow_with_the_note_outside():
    pattern = load_pattern(PATTERNS[4])
    ids = [s.id for s in pattern.steps]
    pattern = set_breakthrough(pattern, ids[0], "Benoem eerst het gedeelde belang.")
    pattern = set_breakthrough(pattern, ids[3], "Begin klein: een gezamenlijke casus als vertrekpunt voor de visie.")
    layout = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    check_layout(layout)
    assert [b.after for b in layout.breakthroughs] == [ids[0], ids[3]]
    for b in layout.breakthroughs:
        arrow = next(a for a in layout.arrows if a.source == b.after)
        # The marker lies on its arrow's line, before the head.
        assert min(math.dist(b.marker, p) for p in arrow.path) < 2.0
        assert math.dist(b.marker, arrow.head[0]) > b.marker_radius
        assert b.leader[0] != b.leader[1]
        assert math.dist(b.leader[0], b.marker) == pytest.approx(b.marker_radius, abs=0.01)
        assert b.note.lines


@pytest.mark.parametrize("n", [6, 40])
def test_a_note_reworded_to_the_same_size_shows_its_new_words_where_a_fresh_layout_puts_it(n: int):
    """The search remembers what a note's size gave, not its words: remembered and fresh layouts agree."""
    measure = FixedMeasure()  # its own memo
    pattern = make_pattern([f"Stap {i + 1}: de inwoner wacht op de gemeente" for i in range(n)])
    ids = [s.id for s in pattern.steps]
    first = set_breakthrough(pattern, ids[1], "Doorbraak 1: praat eerst met de inwoner.")
    other = set_breakthrough(pattern, ids[1], "Doorbraak 2: bel eerst met de wijkteams.")
    layout_pattern(pattern, measure, *A3_LANDSCAPE)
    layout_pattern(first, measure, *A3_LANDSCAPE)
    remembered = layout_pattern(other, measure, *A3_LANDSCAPE)
    assert remembered == layout_pattern(other, FixedMeasure(), *A3_LANDSCAPE)
    assert remembered.breakthroughs[0].note.lines != layout_pattern(first, measure, *A3_LANDSCAPE).breakthroughs[0].note.lines
    assert " ".join(remembered.breakthroughs[0].note.lines).startswith("Doorbraak 2")


def _nudge_check(plain: PatternLayout, nudged: PatternLayout, moved: set[str]) -> None:
    """A nudge moves only the nudged boxes: the ring, the type and every other box stay put."""
    check_layout(nudged)
    assert nudged.step_font_size == plain.step_font_size
    assert (nudged.centre, nudged.radius, nudged.radii) == (plain.centre, plain.radius, plain.radii)
    for a, b in zip(plain.steps, nudged.steps):
        assert b.home == a.home == a.box.centre
        if a.id not in moved:
            assert b == a
        else:
            assert (b.box.w, b.box.h, b.text.lines) == (a.box.w, a.box.h, a.text.lines)
    for a, b in zip(plain.arrows, nudged.arrows):
        if a.source not in moved and a.target not in moved:
            assert b == a
    page = Rect(0, 0, nudged.width, nudged.height).inflated(-MIN_GAP + 1e-6)
    for s in nudged.steps:
        assert _inside(s.box, page)
    for text in _title_text(nudged):
        for s in nudged.steps:
            if s.id in moved:
                # 2 mm from the title's text, or no nearer than on the ring.
                at_home = Rect.centred(*s.home, s.box.w, s.box.h).distance(text)
                assert s.box.distance(text) >= min(MIN_GAP, at_home) - 1e-6


def _title_text(layout: PatternLayout) -> list[Rect]:
    """Where the title's and the context's lines stand (centred in their blocks)."""
    out = []
    for blk in (layout.title, layout.context):
        if blk is not None and blk.lines:
            widest = max(MEASURE.width(line, blk.size, blk.bold) for line in blk.lines)
            out.append(Rect(blk.rect.centre[0] - widest / 2, blk.rect.y, widest, blk.rect.h))
    return out


def _ends_at(box: Rect, point, layout: PatternLayout) -> bool:
    """The arrow's end lies just outside the box."""
    return box.distance(Rect(point[0], point[1], 0, 0)) < 0.6 * layout.step_font_size + 1


def test_a_nudged_box_lands_at_its_place_plus_the_offset_and_nothing_else_moves():
    pattern = load_pattern(PATTERNS[0])
    sid = pattern.steps[2].id
    plain = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    nudged = layout_pattern(set_offset(pattern, sid, (-0.08, 0.12)), MEASURE, *TABLE_DIAGRAM)
    _nudge_check(plain, nudged, {sid})
    home, box = plain.step(sid).box.centre, nudged.step(sid).box
    assert box.centre[0] == pytest.approx(home[0] - 0.08 * plain.radius, abs=1e-6)
    assert box.centre[1] == pytest.approx(home[1] + 0.12 * plain.radius, abs=1e-6)
    assert nudged.step(sid).home == home
    incoming = next(a for a in nudged.arrows if a.target == sid)
    outgoing = next(a for a in nudged.arrows if a.source == sid)
    assert _ends_at(box, incoming.head[0], nudged) and _ends_at(box, outgoing.path[0], nudged)
    assert incoming != next(a for a in plain.arrows if a.target == sid)


def test_a_nudge_off_the_page_is_clamped_to_the_margin():
    pattern = load_pattern(PATTERNS[0])
    top = pattern.steps[0].id
    plain = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    nudged = layout_pattern(set_offset(pattern, top, (0.0, -2.0)), MEASURE, *TABLE_DIAGRAM)
    _nudge_check(plain, nudged, {top})
    before, after = plain.step(top).box, nudged.step(top).box
    assert after.x == pytest.approx(before.x)
    assert after.y == pytest.approx(MIN_GAP, abs=1.0) and after.y <= before.y


@pytest.mark.parametrize("k", [1, 3])
def test_a_box_dropped_on_its_neighbour_stops_two_millimetres_short(k):
    pattern = load_pattern(PATTERNS[1])
    sid, other = pattern.steps[k].id, pattern.steps[k + 1].id
    plain = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    home, there = plain.step(sid).box.centre, plain.step(other).box.centre
    offset = ((there[0] - home[0]) / plain.radius, (there[1] - home[1]) / plain.radius)
    nudged = layout_pattern(set_offset(pattern, sid, offset), MEASURE, *TABLE_DIAGRAM)
    _nudge_check(plain, nudged, {sid})
    c = nudged.step(sid).box.centre
    # Pushed back (or the part of the move that collides refused): some way towards the drop, not onto it.
    assert math.dist(c, there) < math.dist(home, there) - 1.0
    assert (c[0] - home[0]) * (there[0] - home[0]) >= -1e-6 and (c[1] - home[1]) * (there[1] - home[1]) >= -1e-6
    assert nudged.step(sid).box.distance(plain.step(other).box) >= MIN_GAP - 1e-6


def test_a_box_dropped_on_the_title_keeps_clear_of_it():
    pattern = load_pattern(PATTERNS[2])
    sid = pattern.steps[0].id
    plain = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    nudged = layout_pattern(set_offset(pattern, sid, (0.0, 1.0)), MEASURE, *TABLE_DIAGRAM)
    _nudge_check(plain, nudged, {sid})
    box = nudged.step(sid).box
    assert box.y > plain.step(sid).box.y + 5
    assert box.centre[0] == pytest.approx(plain.step(sid).box.centre[0])
    assert all(box.distance(text) >= MIN_GAP for text in _title_text(nudged))


def test_a_nudge_keeps_its_meaning_when_other_steps_change():
    from patroon.model import set_step_text

    pattern = load_pattern(PATTERNS[3])
    sid = pattern.steps[2].id
    pattern = set_offset(pattern, sid, (-0.03, -0.03))
    edited = set_step_text(pattern, pattern.steps[4].id, LONG)
    radii = set()
    for p in (pattern, edited):
        layout = layout_pattern(p, MEASURE, *TABLE_DIAGRAM)
        step = layout.step(sid)
        radii.add(layout.radius)
        assert step.box.centre[0] == pytest.approx(step.home[0] - 0.03 * layout.radius, abs=1e-6)
        assert step.box.centre[1] == pytest.approx(step.home[1] - 0.03 * layout.radius, abs=1e-6)
    assert len(radii) == 2, "the edit re-flowed the circle"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.integers(0, len(PATTERNS) - 1),
    nudges=st.dictionaries(
        st.integers(0, 5), st.tuples(st.floats(-2, 2), st.floats(-2, 2)), min_size=1, max_size=3
    ),
    note=st.booleans(),
)
def test_any_nudges_keep_every_guarantee(which, nudges, note):
    pattern = load_pattern(PATTERNS[which])
    if note:
        pattern = set_breakthrough(pattern, pattern.steps[1].id, "Een gezamenlijke casus als begin.")
    plain = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    for k, (dx, dy) in nudges.items():
        pattern = set_offset(pattern, pattern.steps[k % len(pattern.steps)].id, (dx, dy))
    nudged = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    _nudge_check(plain, nudged, set(pattern.placement.offsets))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    nudges=st.dictionaries(
        st.integers(0, 11), st.tuples(st.floats(-0.5, 0.5), st.floats(-0.5, 0.5)), min_size=1, max_size=3
    ),
)
def test_nudges_in_a_full_pattern_keep_every_guarantee(nudges):
    # Twelve long steps on A4: the rows along a rounded rectangle, packed 2 mm apart.
    pattern = make_pattern(long_texts(12))
    plain = layout_pattern(pattern, MEASURE, 595.28 - 40, 841.89 - 40)
    for k, (dx, dy) in nudges.items():
        pattern = set_offset(pattern, pattern.steps[k].id, (dx, dy))
    nudged = layout_pattern(pattern, MEASURE, 595.28 - 40, 841.89 - 40)
    _nudge_check(plain, nudged, set(pattern.placement.offsets))


# --------------------------------------------------------------------------
# Worksheet


@pytest.mark.parametrize("n", [3, 6, 10])
def test_worksheet_has_empty_boxes_and_an_empty_centre(n):
    layout = layout_worksheet(n, MEASURE, *TABLE_DIAGRAM)
    assert len(layout.steps) == n and len(layout.arrows) == n
    assert all(not s.text.lines for s in layout.steps)
    assert not layout.title.lines and layout.context is None
    assert layout.title_area.w > 100 and layout.title_area.h > 40
    check_layout(layout)
    # Room to write: boxes of a reasonable size.
    assert all(s.box.w >= 90 and s.box.h >= 60 for s in layout.steps)


# --------------------------------------------------------------------------
# Line breaking


def test_dutch_compounds_break_only_at_hyphenation_points():
    heads = [h for h, _ in break_points("domeinoverstijgende")]
    assert heads == ["domein-", "domeinover-", "domeinoverstij-"]  # never fewer than three letters
    fixed = lambda text: 10.0 * len(text)  # noqa: E731
    for width in range(60, 200, 10):
        wrapped = wrap("De domeinoverstijgende maatwerkbudgetten", width, fixed)
        lines = wrapped.lines
        assert all(fixed(line) <= width for line in lines), (width, lines)
        # Too narrow for "domein-": no break leaves fewer than three letters, so the text says it does not fit.
        assert wrapped.fits == (width >= 70), (width, lines)
        if wrapped.fits:
            assert all_breaks_valid(tuple(lines), "De domeinoverstijgende maatwerkbudgetten"), (width, lines)


def test_a_compound_breaks_where_its_words_join():
    """The OpenTaal dictionary tells where the words of a compound join; such a break comes first."""
    from patroon.compounds import MAIN, MINOR, seams

    assert seams("maatwerkbudgetten") == {4: MINOR, 8: MAIN}  # maat|werkbudgetten, maatwerk|budgetten
    assert seams("beleidsmedewerkers")[7] == MAIN  # the linking s stays with the first word
    assert seams("Organisaties") == {}
    fixed = lambda text: 10.0 * len(text)  # noqa: E731
    assert wrap_text("Gebruik maatwerkbudgetten", 170, fixed) == ["Gebruik maatwerk-", "budgetten"]
    # Starting the compound on the next line, when that costs no line, rather than "maat-" / "werkbudgetten".
    wide = lambda text: sum(16 if c in "mwMW" else 6 if c in "iljtf. " else 10 for c in text)  # noqa: E731
    text = "Gebruik van maatwerkbudgetten en druk op de organisaties neemt verder toe."
    assert wrap_text(text, 160, wide) == [
        "Gebruik van", "maatwerk-", "budgetten en druk", "op de organisaties", "neemt verder toe."]
    assert wide("Gebruik van maat-") <= 160  # where greedy filling would have broken
    assert wrap_text("Het perspectief", 120, fixed) == ["Het", "perspectief"]


def test_seams_found_once_are_kept_for_the_next_run(tmp_path):
    """Loading the dictionary takes longer than a layout: a later run reads the seams it found before."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    ask = "from patroon.compounds import seams; print(sorted(seams('maatwerkbudgetten').items()))"
    first = subprocess.run([sys.executable, "-c", ask], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "[(4, 1), (8, 2)]"
    # Without Hunspell at all, the next run still knows the word.
    blocked = "import sys; sys.modules['hunspell'] = None; " + ask
    second = subprocess.run([sys.executable, "-c", blocked], env=env, capture_output=True, text=True, check=True)
    assert second.stdout == first.stdout
    other = blocked.replace("maatwerkbudgetten", "zorgverzekeraar")
    assert subprocess.run([sys.executable, "-c", other], env=env, capture_output=True, text=True,
                          check=True).stdout.strip() == "[]"


def test_a_paragraph_does_not_end_in_one_short_word_when_a_word_can_move_down():
    fixed = lambda text: 10.0 * len(text)  # noqa: E731
    text = "Focus op bevorderen doorstroom."
    # Greedy gives "Focus op bevorderen door-" / "stroom.": the word goes down whole.
    assert wrap_text(text, 250, fixed) == ["Focus op bevorderen", "doorstroom."]
    # A short whole word gets the word before it when the line above stays half full.
    assert wrap_text("Het vraagstuk blijft liggen voor de zaak.", 200, fixed) == [
        "Het vraagstuk blijft", "liggen voor de zaak."]
    assert wrap_text("Het vraagstuk blijft liggen voor iedereen.", 200, fixed) == [
        "Het vraagstuk blijft", "liggen voor", "iedereen."]


def test_a_hyphen_in_the_text_is_a_break_point_without_an_extra_hyphen():
    lines = wrap_text("Woon-zorg opgave", 60, lambda t: 10.0 * len(t))
    assert lines == ["Woon-", "zorg", "opgave"]


def test_a_piece_without_break_points_is_reported_and_never_sticks_out():
    result = wrap("https://example.org/patroon", 80, lambda t: 10.0 * len(t))
    assert not result.fits
    assert all(10.0 * len(line) <= 80 for line in result.lines)


def test_a_break_leaves_at_least_four_letters_on_each_line_when_it_can():
    fixed = lambda text: 10.0 * len(text)  # noqa: E731
    # "De organisa-" would fit, but leaves "tie." alone on the next line.
    assert wrap("De organisatie.", 110, fixed) == (["De organi-", "satie."], True, True)
    # Where the words of a compound join comes first: "beheer-" / "strategie.", not "beheerstra-" / "tegie.".
    assert wrap("De beheerstrategie.", 160, fixed) == (["De beheer-", "strategie."], True, True)
    # Only a short part fits a line this narrow: broken all the same, and reported.
    narrow = wrap("perspectief", 50, fixed)
    assert narrow.fits and not narrow.clean
    assert all(fixed(line) <= 50 for line in narrow.lines)
    # Never fewer than three letters: where only that would fit, the text does not fit at all.
    assert not wrap("beheerstrategie", 60, fixed).fits


def test_a_box_grows_rather_than_leave_three_letters_on_a_line():
    """The layout takes a wider box over a break that leaves a short part."""
    layout = layout_pattern(make_pattern(["Een beheerstrategie."] * 6), MEASURE, *TABLE_DIAGRAM)
    check_layout(layout)
    for s in layout.steps:
        for a, b in zip(s.text.lines, s.text.lines[1:]):
            if a.endswith("-"):
                assert len(a.split()[-1]) - 1 >= 4 and len(b.split()[0].strip(".")) >= 4, s.text.lines


def test_explicit_line_breaks_are_kept():
    assert wrap_text("Eerste regel.\nTweede regel.", 500, lambda t: 10.0 * len(t)) == ["Eerste regel.", "Tweede regel."]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë ", min_size=1, max_size=220).filter(lambda t: t.strip()),
        min_size=2,
        max_size=10,
    ),
    st.lists(st.integers(min_value=0, max_value=9), max_size=3, unique=True),
    st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=90).filter(lambda t: t.strip()),
)
def test_any_pattern_lays_out_cleanly(texts, arrows, note):
    pattern = make_pattern(texts)
    for i in arrows:
        if i < len(pattern.steps):
            pattern = set_breakthrough(pattern, pattern.steps[i].id, note)
    layout = layout_pattern(pattern, MEASURE, *TABLE_DIAGRAM)
    check_layout(layout)
    assert layout.fits


def test_layout_imports_without_qt():
    code = "import sys, patroon.layout, patroon.textfit; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_the_checks_catch_a_broken_layout():
    """The checks above can fail: a box moved onto its neighbour is caught."""
    import dataclasses

    layout = layout_pattern(load_pattern(PATTERNS[0]), MEASURE, *TABLE_DIAGRAM)
    first, second = layout.steps[0], layout.steps[1]
    moved = dataclasses.replace(first, box=second.box)
    broken = dataclasses.replace(layout, steps=(moved,) + layout.steps[1:])
    with pytest.raises(AssertionError):
        check_layout(broken)
    assert not all_breaks_valid(("domeinov-", "erstijgende"), "domeinoverstijgende")
    assert re.fullmatch(r"[\d.]+", f"{layout.step_font_size}")


# --------------------------------------------------------------------------
# Notes that cannot stand clear of each other


def test_notes_that_need_more_room_than_the_page_are_left_out_not_drawn_over_each_other():
    words = "de inwoner wacht terwijl de organisaties overleggen over geld en regels".split()
    note = " ".join(words * 20)[:1000]
    steps = [{"id": f"s{i}", "text": f"Stap {i + 1}: iedereen wacht af."} for i in range(60)]
    pattern = Pattern(title="Vol", steps=steps, breakthroughs=[{"after": f"s{2 * i}", "text": note} for i in range(30)])
    layout = layout_pattern(pattern, MEASURE, *A3_LANDSCAPE)
    assert not layout.notes_fit and not layout.fits
    assert layout.breakthroughs == ()
    # One short note fits as always.
    one = Pattern(title="Vol", steps=steps, breakthroughs=[{"after": "s0", "text": "Praat met de inwoner."}])
    fine = layout_pattern(one, MEASURE, *A3_LANDSCAPE)
    assert fine.notes_fit and len(fine.breakthroughs) == 1


# --------------------------------------------------------------------------
# One search for the verdict and the layout


@pytest.mark.parametrize("steps, area", [(6, TABLE_DIAGRAM), (40, (696.0, 774.0)), (40, (853.0, 774.0)),
                                         (16, (500.0, 500.0))])
def test_layout_unless_hopeless_answers_as_the_verdict_and_the_layout_do(steps, area):
    from patroon.layout.pattern import hopeless, layout_unless_hopeless

    texts = [f"Stap {i + 1}: iedereen wacht af op de ander en op het geld." for i in range(steps)]
    pattern = make_pattern(texts)
    # Each question with a measure of its own: nothing remembered from the others.
    verdict = hopeless(pattern, FixedMeasure(), *area, max_font=16)
    merged = layout_unless_hopeless(pattern, FixedMeasure(), *area, max_font=16)
    if verdict:
        assert merged is None
    else:
        assert merged == layout_pattern(pattern, FixedMeasure(), *area, max_font=16)
    # Asked again with the same measure, the remembered answers agree.
    shared = FixedMeasure()
    first = layout_unless_hopeless(pattern, shared, *area, max_font=16)
    assert hopeless(pattern, shared, *area, max_font=16) == (first is None) == verdict
    assert layout_unless_hopeless(pattern, shared, *area, max_font=16) == merged
