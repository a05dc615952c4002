"""A pattern laid out for a screen (``fill``): the ring that sets the text largest, notes clear (no Qt)."""

from __future__ import annotations

import pytest

from conftest import PATTERNS
from patroon.fileformat import load_pattern
from patroon.layout import Rect, layout_pattern
from patroon.layout.screen import notes_clear, segments_cross
from patroon.model import set_breakthrough
from test_layout import MEASURE, check_layout

WIDE = (1728.0, 972.0)  # a 16:9 screen's safe area
SQUARISH = (921.6, 691.2)  # a 4:3 projector's


@pytest.mark.parametrize("area", [WIDE, SQUARISH], ids=["16:9", "4:3"])
@pytest.mark.parametrize("path", PATTERNS, ids=lambda p: p.stem)
def test_a_screen_sets_the_text_at_least_as_large_as_a_sheet_and_everything_holds(path, area):
    pattern = load_pattern(path)
    ids = [s.id for s in pattern.steps]
    for p in (pattern, set_breakthrough(pattern, ids[2], "Begin klein: een gezamenlijke casus.")):
        sheet = layout_pattern(p, MEASURE, *area, max_font=60)
        screen = layout_pattern(p, MEASURE, *area, max_font=60, fill=True)
        assert screen.step_font_size >= sheet.step_font_size
        check_layout(screen)
        assert screen.fits and notes_clear(screen)


def test_a_wide_screen_takes_a_wide_ring_and_much_larger_text():
    pattern = load_pattern(next(p for p in PATTERNS if p.stem == "wereldvrede"))
    sheet = layout_pattern(pattern, MEASURE, *WIDE, max_font=60)
    screen = layout_pattern(pattern, MEASURE, *WIDE, max_font=60, fill=True)
    assert screen.step_font_size >= 1.2 * sheet.step_font_size
    assert screen.radii[0] > 1.5 * screen.radii[1]  # as wide as the screen, where the sheet's circle is round
    assert screen.bounds().w > 0.8 * WIDE[0]
    assert layout_pattern(pattern, MEASURE, *WIDE, max_font=60, fill=False) is sheet  # a sheet is as it was


def test_segments_and_rectangles():
    box = Rect(0, 0, 10, 10)
    assert box.crossed_by((-5, 5), (15, 5))  # straight through
    assert box.crossed_by((5, 5), (6, 6))  # inside
    assert not box.crossed_by((-5, -1), (15, -1))  # above it
    assert not box.crossed_by((-5, 0), (15, 0))  # along its edge: touching is not meeting
    assert not box.crossed_by((-5, 5), (-1, 5))  # short of it
    assert not box.crossed_by((12, -5), (20, 3))  # past its corner
    assert segments_cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not segments_cross((0, 0), (10, 10), (0, 10), (4, 6))  # stops short
    assert not segments_cross((0, 0), (10, 0), (0, 1), (10, 1))  # parallel
