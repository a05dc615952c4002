"""Accessibility: every control named, the canvas and the presenter speak, every text readable.

In process through Qt's accessibility interfaces (what Orca, NVDA and
VoiceOver read), and once over AT-SPI on a real X server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

ROOT = Path(__file__).resolve().parent.parent
WERELDVREDE = ROOT / "patterns" / "wereldvrede.yaml"
INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView, QComboBox,
               QAbstractSpinBox, QGraphicsView, QTabBar, QSlider)


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name).strip()


def unnamed(root: QWidget) -> list[str]:
    """The interactive widgets under ``root`` that a screen reader could only call "button" or "list"."""
    return [f"{type(w).__name__} in {type(w.parent()).__name__}" for w in [root, *root.findChildren(QWidget)]
            if isinstance(w, INTERACTIVE) and not name_of(w)]


@pytest.fixture
def window(qtbot, monkeypatch):
    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    w = MainWindow()
    w.show()
    assert w.files.open_path(WERELDVREDE)
    yield w
    if shiboken6.isValid(w):  # a window deletes itself on close; close it unmodified, asking nothing
        w.document.reset(w.document.pattern, w.document.path)
        w.close()


def test_every_control_of_the_editor_has_a_name(window):
    assert unnamed(window) == []
    for tab in range(window.panel.count()):  # every page of the side panel, shown in turn
        window.panel.setCurrentIndex(tab)
        assert unnamed(window) == []


def test_every_control_of_the_export_dialog_has_a_name(window, qtbot):
    from patroon.gui.exporting import ExportDialog

    dialog = ExportDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []


def test_the_canvas_says_which_pattern_and_which_step(window, qtbot, monkeypatch):
    import patroon.gui.accessibility as accessibility

    said: list[str] = []
    monkeypatch.setattr(accessibility, "announce", lambda widget, words: said.append(words))
    view = window.view
    interface = QAccessible.queryAccessibleInterface(view)
    assert interface.text(QAccessible.Text.Name) == "Patroon: Wereldvrede, 6 stappen"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    second = window.document.pattern.steps[1].text
    assert interface.text(QAccessible.Text.Description) == f"Stap 2 van 6: {second}"
    assert interface.text(QAccessible.Text.Value) == second
    assert said[-1] == f"Stap 2 van 6: {second}"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert said[-1].startswith("Stap 1 van 6: Er doet zich een complex vraagstuk voor.")


def test_a_step_with_a_breakthrough_says_so(window, qtbot, monkeypatch):
    from patroon import model

    import patroon.gui.accessibility as accessibility

    said: list[str] = []
    monkeypatch.setattr(accessibility, "announce", lambda widget, words: said.append(words))
    first = window.document.pattern.steps[0].id
    window.document.apply(model.set_breakthrough(window.document.pattern, first, "Samen verkennen."), "doorbraak")
    window.scene.select_step(window.document.pattern.steps[1].id)
    window.scene.select_step(first)
    assert said[-1].endswith("; doorbraak: Samen verkennen.")


def test_editing_in_place_is_an_editable_text_with_its_content(window, qtbot):
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    interface = QAccessible.queryAccessibleInterface(view)
    assert interface.role() == QAccessible.Role.EditableText
    assert interface.text(QAccessible.Text.Value) == window.document.pattern.steps[0].text
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert QAccessible.queryAccessibleInterface(view).role() == QAccessible.Role.Canvas


def test_each_reveal_in_the_presenter_is_announced(window, qtbot, monkeypatch):
    import patroon.gui.present as present

    said: list[str] = []
    monkeypatch.setattr(present, "announce", lambda widget, words: said.append(words))
    presenter = present.PresenterWindow(window.document)
    qtbot.addWidget(presenter)
    presenter.show()
    assert unnamed(presenter) == []
    assert name_of(presenter) == "Presentatie: Wereldvrede"
    steps = window.document.pattern.steps
    for number, step in enumerate(steps, start=1):
        qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
        assert said[-1] == f"Stap {number} van 6: {step.text}"
        description = QAccessible.queryAccessibleInterface(presenter).text(QAccessible.Text.Description)
        assert description == said[-1]
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    assert said[-1].startswith("De cirkel is rond")
    qtbot.keyClick(presenter, Qt.Key.Key_Q)
    assert said[-1].startswith("Vragen voor de tafel: 1. Vind je het patroon herkenbaar?")
    presenter.close()


def test_every_text_colour_reads_on_its_background():
    from patroon.render.palette import PALETTES, contrast_ratio, text_pairs

    for palette in PALETTES.values():
        for what, text, back in text_pairs(palette):
            assert contrast_ratio(text, back) >= 4.5, (palette.name, what, text, back)
    from patroon.render.sheets import INK, SECONDARY

    for colour in (INK, SECONDARY):  # the table sheet's column: title, text, context, labels, footer
        assert contrast_ratio(colour, "#ffffff") >= 4.5, colour


def test_the_widgets_palette_reads_at_4_5_to_1(window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from patroon.render.palette import contrast_ratio

    palette, role = QApplication.palette(), QPalette.ColorRole
    for text, back in ((role.WindowText, role.Window), (role.Text, role.Base), (role.ButtonText, role.Button),
                       (role.PlaceholderText, role.Base), (role.HighlightedText, role.Highlight),
                       (role.ToolTipText, role.ToolTipBase)):
        fore = palette.color(text)
        assert fore.alpha() == 255, text
        assert contrast_ratio(fore.name(), palette.color(back).name()) >= 4.5, (text, back)


def test_the_presenters_colours_read_on_their_backgrounds():
    from patroon.gui.present_view import PROJECTOR
    from patroon.render.palette import contrast_ratio

    c = PROJECTOR
    pairs = [(c.text, c.background), (c.title, c.background), (c.muted, c.background), (c.accent, c.background)]
    for text, back in pairs:
        assert contrast_ratio(text.name(), back.name()) >= 4.5, (text.name(), back.name())


# The running program over AT-SPI, as Orca sees it ---------------------------------------

WALK = r'''
import sys, time, pyatspi
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "combo box", "text", "list",
               "tree", "table", "page tab", "slider", "spin button", "entry", "canvas", "editbar",
               "menu", "menu item", "check menu item", "radio menu item"}
app = None
for _ in range(100):
    app = next((a for a in pyatspi.Registry.getDesktop(0) if a is not None and a.name == "Patroon"), None)
    if app is not None and app.childCount:
        break
    time.sleep(0.1)
if app is None:
    sys.exit("no Patroon on the accessibility bus")
found = 0
def walk(node):
    global found
    role = node.getRoleName()
    if role in INTERACTIVE:
        found += 1
        if not (node.name or "").strip():
            print("UNNAMED", role, node.parent.getRoleName() if node.parent else "")
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child)
walk(app)
print("INTERACTIVE", found)
'''


@pytest.mark.slow
def test_the_running_editor_has_no_unnamed_control_over_at_spi(tmp_path):
    from xserver import x_server

    system_python = "/usr/bin/python3"
    launcher = "/usr/libexec/at-spi-bus-launcher"
    if not (Path(launcher).exists() and shutil.which("dbus-run-session")):
        pytest.fail("this test needs at-spi2-core and dbus (apt-get install at-spi2-core dbus-daemon)")
    if subprocess.run([system_python, "-c", "import pyatspi"], capture_output=True).returncode:
        pytest.fail("this test needs python3-pyatspi (apt-get install python3-pyatspi)")
    script = tmp_path / "walk.py"
    script.write_text(WALK, encoding="utf-8")
    with x_server("1600x1000", tmp_path) as env:
        env = {**env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "LANGUAGE": "nl"}
        inner = (f"{launcher} --launch-immediately & sleep 1; "
                 f"{sys.executable} -m patroon {WERELDVREDE} & app=$!; "
                 f"{system_python} {script}; status=$?; kill $app; exit $status")
        result = subprocess.run(["dbus-run-session", "--", "sh", "-c", inner], env=env,
                                capture_output=True, text=True, timeout=120)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line for line in lines if line.startswith("UNNAMED")] == []
    count = int(next(line for line in lines if line.startswith("INTERACTIVE")).split()[1])
    assert count >= 60, result.stdout  # the menus' items, the toolbar, the side panel, the canvas


def test_tab_walks_out_of_every_text_field_and_the_canvas_shows_its_focus(window, qtbot):
    from PySide6.QtWidgets import QApplication

    panel = window.panel
    for edit in (panel.note_edit, panel.description_edit, panel.questions_edit):
        panel.setCurrentWidget(edit.parentWidget())
        edit.setFocus()
        before = edit.toPlainText()
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not edit and edit.toPlainText() == before
    view = window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    focused = view.viewport().grab().toImage()
    window.panel.step_list.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    unfocused = view.viewport().grab().toImage()
    highlight = QApplication.palette().color(QPalette.ColorRole.Highlight).rgb()
    assert focused.pixel(1, focused.height() // 2) == highlight
    assert unfocused.pixel(1, unfocused.height() // 2) != highlight


def test_a_box_is_nudged_by_keyboard_as_by_a_drag(window, qtbot):
    view, scene = window.view, window.scene
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the second step, at the right: room towards the middle
    step = scene.current_step()
    before = scene.steps[step].layout.box
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    after = scene.steps[step].layout.box
    assert after.x < before.x and after.y > before.y
    assert step in window.document.pattern.placement.offsets and scene.current_step() == step
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.document.pattern.placement.offsets == {}
