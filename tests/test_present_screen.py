"""Facilitator mode on a screen: the pattern as large as fits, inside the safe margin, nothing over anything.

Legibility from the back of the room: the step text of every shipped pattern at least 36 px on a
1920x1080 screen; breakthrough notes nearly as large and clear of the arrows and boxes; few and many
steps on full HD, HD and a 4:3 projector; the running timer hiding nothing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from conftest import PATTERNS
from patroon.fileformat import load_pattern
from patroon.gui.document import Document
from patroon.gui.present import PresenterWindow

SCREENS = [(1920, 1080), (1280, 720), (1024, 768)]  # full HD, HD, a 4:3 projector


def presenter_at(qtbot, pattern, size) -> PresenterWindow:
    win = PresenterWindow(Document(pattern, None))
    qtbot.addWidget(win)
    win.resize(*size)
    return win


def widget_rects(window) -> dict[str, list]:
    """What the presenter draws, in widget pixels: step boxes, note boxes, title and context, arrows' lines."""
    from patroon.layout import Rect

    layout = window.view.pattern_layout()
    dx, dy = window.view.geometry().offset

    def moved(r: Rect) -> Rect:
        return r.translated(dx, dy)

    def points(ps):
        return [(x + dx, y + dy) for x, y in ps]

    return {
        "steps": [moved(s.box) for s in layout.steps],
        "notes": [moved(b.note_box) for b in layout.breakthroughs],
        "titles": [moved(b.rect) for b in (layout.title, layout.context) if b is not None and b.lines],
        "arrows": [(points(a.path), points(a.head + a.head[:1]), a.source) for a in layout.arrows],
        "leaders": [(points(b.leader), b.after) for b in layout.breakthroughs],
    }


def check_on_screen(window, size) -> None:
    """Inside the 5% safe margin, nothing over anything else, every text in its box, notes clear of the arrows."""
    from patroon.layout import Rect
    from patroon.layout.screen import segments_cross
    from patroon.render.measure import QtTextMeasure

    w, h = size
    safe = Rect(0.05 * w - 1, 0.05 * h - 1, 0.9 * w + 2, 0.9 * h + 2)
    drawn = window.view.diagram_rect()
    assert safe.x <= drawn.left() and safe.y <= drawn.top(), (drawn, size)
    assert drawn.right() <= safe.right and drawn.bottom() <= safe.bottom, (drawn, size)
    layout, parts = window.view.pattern_layout(), widget_rects(window)
    assert layout.fits
    boxes, notes, titles = parts["steps"], parts["notes"], parts["titles"]
    solid = boxes + notes + titles
    for i, a in enumerate(solid):
        assert not any(a.intersects(b) for b in solid[i + 1:]), a  # nothing over anything else
    measure = QtTextMeasure()
    for step in layout.steps:  # every step's lines fit its box at the one size
        assert step.text.size == layout.step_font_size
        assert len(step.text.lines) * measure.line_height(step.text.size) <= step.box.h + 1e-6
        assert all(measure.width(line, step.text.size) <= step.text.rect.w + 1e-6 for line in step.text.lines)
        assert step.box.x <= step.text.rect.x and step.text.rect.right <= step.box.right
    for b in layout.breakthroughs:
        assert b.note.size >= 0.8 * layout.step_font_size  # notes nearly as large as the steps
        assert all(measure.width(line, b.note.size) <= b.note.rect.w + 1e-6 for line in b.note.lines)
    for (leader, after), note in zip(parts["leaders"], notes):
        for path, head, source in parts["arrows"]:
            lines = list(zip(path, path[1:])) + list(zip(head, head[1:]))
            assert not any(note.crossed_by(p, q) for p, q in lines), (note, source)  # clear of the arrows
            if source != after:
                assert not any(segments_cross(*leader, p, q) for p, q in lines)
        assert not any(box.crossed_by(*leader) for box in boxes)  # the leader crosses no box


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("path", PATTERNS, ids=lambda p: p.stem)
def test_legible_and_nothing_cropped(qtbot, path, size):
    win = presenter_at(qtbot, load_pattern(path), size)
    check_on_screen(win, size)
    w, h = size
    drawn = win.view.diagram_rect()
    assert drawn.width() >= 0.8 * w or drawn.height() >= 0.85 * h  # it fills the safe area
    layout = win.view.pattern_layout()
    assert layout.title.size >= 1.3 * layout.step_font_size  # the title clearly larger
    if size == (1920, 1080):  # legible from the back of the room
        assert layout.step_font_size >= 36
        assert all(step.text.size >= 36 for step in layout.steps)
    win.show()
    assert win.view.opening_title_px() >= 0.12 * h  # the opening screen's title is large
    assert win.view.opening_title_px() >= 1.5 * layout.title.size


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("path", PATTERNS, ids=lambda p: p.stem)
def test_breakthrough_notes_are_large_and_clear_of_the_arrows(qtbot, path, size):
    from patroon.model import set_breakthrough

    pattern = load_pattern(path)
    ids = [s.id for s in pattern.steps]
    pattern = set_breakthrough(pattern, ids[1], "Benoem eerst het gedeelde belang.")
    pattern = set_breakthrough(pattern, ids[-2], "Begin klein: een gezamenlijke casus als vertrekpunt.")
    win = presenter_at(qtbot, pattern, size)
    layout = win.view.pattern_layout()
    assert len(layout.breakthroughs) == 2 and layout.notes_fit
    check_on_screen(win, size)


def _texts(n: int) -> list[str]:
    words = "de inwoner wacht op een antwoord terwijl elke partner naar de eigen regels kijkt".split()
    return [" ".join(words[i % 5:i % 5 + 4 + i % 6]).capitalize() + f" ({i + 1})." for i in range(n)]


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("steps", [3, 12])
def test_few_and_many_steps_fit_the_screen(qtbot, steps, size):
    from patroon.model import Pattern, set_breakthrough

    pattern = Pattern(title="Een patroon op het scherm", context="Voorbeeld", steps=[{"text": t} for t in _texts(steps)])
    pattern = set_breakthrough(pattern, pattern.steps[0].id, "Vraag door naar de bedoeling.")
    win = presenter_at(qtbot, pattern, size)
    check_on_screen(win, size)
    assert win.view.pattern_layout().step_font_size >= (16 if steps == 12 else 30) * size[1] / 1080


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("path", PATTERNS, ids=lambda p: p.stem)
def test_the_running_timer_hides_nothing(qtbot, path, size):
    win = PresenterWindow(Document(load_pattern(path), path), clock=lambda: 1000.0)  # a still clock
    qtbot.addWidget(win)
    win.resize(*size)
    corner = win.view.timer_rect()
    win.go_end()
    win.toggle_timer()
    assert win.timer.running and win.view.timer_rect() == corner  # where it was going to be
    timer = win.view.timer_rect()
    parts = widget_rects(win)
    for r in parts["steps"] + parts["notes"] + parts["titles"]:
        assert not timer.intersects(QRectF(r.x, r.y, r.w, r.h)), r
    check_on_screen(win, size)
