"""The editor in daily use, driven by real key events: opening a recent file and typing on,
pasting a list, the typing flow through empty steps. Checked in the saved file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from patroon.fileformat import load_pattern

ROOT = Path(__file__).resolve().parent.parent
WERELDVREDE = ROOT / "patterns" / "wereldvrede.yaml"
B = QMessageBox.StandardButton
K = Qt.Key
M = Qt.KeyboardModifier


@pytest.fixture
def window(qtbot, monkeypatch):
    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    monkeypatch.setattr(MainWindow, "ask", lambda self, *args, **kwargs: B.Cancel)
    w = MainWindow()
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    if shiboken6.isValid(w):
        w.document.reset(w.document.pattern, w.document.path)
        w.close()


def keys(qtbot, *presses) -> None:
    """Press keys on whatever has the keyboard (a menu that is open, else the focus widget)."""
    for press in presses:
        target = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard"
        if isinstance(press, str):
            qtbot.keyClicks(target, press)
        else:
            key, mods = press if isinstance(press, tuple) else (press, M.NoModifier)
            qtbot.keyClick(target, key, mods)
        qtbot.wait(10)


def test_typing_after_opening_a_recent_file_lands_in_the_new_step(window, qtbot, tmp_path):
    w = window
    first, second = tmp_path / "eerste.yaml", tmp_path / "tweede.yaml"
    shutil.copy(WERELDVREDE, first)
    shutil.copy(WERELDVREDE, second)
    w.files.open_path(first)
    w.files.open_path(second)  # the most recent; the first file is second in the menu
    w.panel.step_list.setFocus()  # where the keyboard was last: the step list of the side panel
    keys(qtbot, (K.Key_B, M.AltModifier), K.Key_R, K.Key_Down, K.Key_Return)
    assert w.document.path == first
    assert QApplication.focusWidget() is w.view
    keys(qtbot, K.Key_Right, K.Key_Right, K.Key_Insert, "Niemand neemt het over", K.Key_Return,
         (K.Key_S, M.ControlModifier))
    saved = load_pattern(first)
    original = load_pattern(WERELDVREDE)
    assert [s.text for s in saved.steps] == ([s.text for s in original.steps[:3]] + ["Niemand neemt het over"]
                                             + [s.text for s in original.steps[3:]])
    assert QApplication.focusWidget() is w.view and not w.scene.is_editing()


def test_an_inline_editor_always_gets_the_keys(window, qtbot, tmp_path):
    w = window
    path = tmp_path / "p.yaml"
    shutil.copy(WERELDVREDE, path)
    w.files.open_path(path)
    w.panel.step_list.setFocus()
    w.menus.act_add.trigger()  # the toolbar's ＋, say: the keyboard was elsewhere
    keys(qtbot, "Getypt", K.Key_Return)
    steps = [s.text for s in w.document.pattern.steps]
    assert steps[1] == "Getypt" and not w.scene.is_editing()
