"""Editing a step's text in place leaves the canvas as it was when it ends (what is on screen, not a fresh render)."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
WERELDVREDE = ROOT / "patterns" / "wereldvrede.yaml"


@pytest.fixture
def window(qtbot):
    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    w = MainWindow()
    w.resize(1100, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(WERELDVREDE)
    yield w
    if shiboken6.isValid(w):
        w.document.reset(w.document.pattern, w.document.path)
        w.close()


def _on_screen(w, qtbot):
    """What the window shows now: the screen's copy of it, not a fresh paint."""
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(50)
    QApplication.processEvents()
    return w.screen().grabWindow(w.winId()).toImage()


def _box_on_screen(w, step_id: str) -> QRect:
    item = w.scene.steps[step_id]
    rect = w.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return rect.translated(w.view.viewport().mapTo(w, rect.topLeft()) - rect.topLeft()).adjusted(-6, -6, 6, 6)


@pytest.mark.parametrize("step_index", [0, 2])
def test_escape_after_f2_leaves_the_box_as_it_was(window, qtbot, step_index):
    w = window
    step = w.document.pattern.steps[step_index].id
    w.select_step(step)
    w.view.setFocus()
    before = _on_screen(w, qtbot)
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    assert w.scene.is_editing()
    w.view.viewport().update()  # anything that repaints the canvas meanwhile (a window passing over it)
    during = _on_screen(w, qtbot)
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not w.scene.is_editing()
    after = _on_screen(w, qtbot)
    area = _box_on_screen(w, step).adjusted(-30, -40, 30, 40).intersected(before.rect())
    assert during.copy(area) != before.copy(area)  # the editor was on screen
    if before.copy(area) != after.copy(area):
        before.copy(area).save("/tmp/shots/before.png")
        after.copy(area).save("/tmp/shots/after.png")
    assert after.copy(area) == before.copy(area)
