"""The editor's editing actions, driven through the real widgets, each checked with its undo and redo
on the model (the document's pattern) AND on the canvas (the scene's items)."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QMessageBox

from patroon import model
from patroon.fileformat import load_pattern
from patroon.layout import MIN_GAP

ROOT = Path(__file__).resolve().parent.parent
WERELDVREDE = ROOT / "patterns" / "wereldvrede.yaml"


@pytest.fixture
def window(qtbot, monkeypatch):
    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    answers: list = []
    asked: list = []

    def ask(self, icon, title, text, buttons, default=QMessageBox.StandardButton.NoButton, labels=None, details=""):
        asked.append((icon, title, text, details))
        return answers.pop(0) if answers else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(MainWindow, "ask", ask)
    w = MainWindow()
    w.answers, w.asked = answers, asked
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(WERELDVREDE)
    w.view.setFocus()
    yield w
    if shiboken6.isValid(w):  # the window deletes itself on close
        w.document.reset(w.document.pattern, None)
        w.close()


def ids(w) -> list[str]:
    return [s.id for s in w.document.pattern.steps]


def scene_ids(w) -> list[str]:
    """The steps on the canvas in cycle order, read from the items' own layouts."""
    return [item.step_id for item in sorted(w.scene.steps.values(), key=lambda i: i.layout.index)]


def scene_cycle(w) -> list[tuple[str, str]]:
    return sorted((a.layout.source, a.layout.target) for a in w.scene.arrows.values())


def model_cycle(w) -> list[tuple[str, str]]:
    steps = w.document.pattern.steps
    return sorted((s.id, steps[(i + 1) % len(steps)].id) for i, s in enumerate(steps))


def assert_in_sync(w) -> None:
    """The picture shows exactly the pattern: same steps, same order, same texts, a closed cycle."""
    assert scene_ids(w) == ids(w)
    assert scene_cycle(w) == model_cycle(w)
    for step in w.document.pattern.steps:
        drawn = " ".join(w.scene.steps[step.id].layout.text.lines)
        assert drawn.replace("- ", "").replace("-", "").split()[:1] == step.text.replace("-", "").split()[:1]
    assert sorted(w.scene.breakthroughs) == sorted(b.after for b in w.document.pattern.breakthroughs)
    assert [w.panel.step_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(w.panel.step_list.count())] == ids(w)


def undo(w):
    w.menus.act_undo.trigger()


def redo(w):
    w.menus.act_redo.trigger()


# Selecting --------------------------------------------------------------------------------


def test_selection_follows_between_canvas_and_list(window, qtbot):
    w = window
    w.panel.step_list.setCurrentRow(2)
    assert w.current_step() == ids(w)[2]
    assert w.scene.steps[ids(w)[2]].isSelected()
    item = w.scene.steps[ids(w)[4]]
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=_view_pos(w, item))
    assert w.current_step() == ids(w)[4]
    assert w.panel.step_list.currentRow() == 4
    qtbot.keyClick(w.view, Qt.Key.Key_Right)
    assert w.current_step() == ids(w)[5]
    qtbot.keyClick(w.view, Qt.Key.Key_Right)
    assert w.current_step() == ids(w)[0]  # round the circle
    qtbot.keyClick(w.view, Qt.Key.Key_Left)
    assert w.current_step() == ids(w)[5]


# Text in place ------------------------------------------------------------------------------


def test_f2_edits_text_in_place_enter_commits_and_undo_restores(window, qtbot):
    w = window
    first = ids(w)[0]
    old = w.document.pattern.step(first).text
    w.select_step(first)
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    assert w.scene.editor is not None
    qtbot.keyClicks(w.view, "Iets nieuws gebeurt")
    qtbot.keyClick(w.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(w.view, "op twee regels")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.scene.editor is None
    assert w.document.pattern.step(first).text == "Iets nieuws gebeurt\nop twee regels"
    assert w.scene.steps[first].layout.text.lines[0].startswith("Iets nieuws")
    assert w.document.undo_stack.count() == 1
    assert w.isWindowModified()
    undo(w)
    assert w.document.pattern.step(first).text == old
    assert w.scene.steps[first].layout.text.lines[0].startswith("Er doet")
    assert not w.isWindowModified()
    redo(w)
    assert w.document.pattern.step(first).text.startswith("Iets nieuws")
    assert_in_sync(w)


def test_escape_cancels_in_place_editing(window, qtbot):
    w = window
    first = ids(w)[0]
    old = w.document.pattern.step(first).text
    w.select_step(first)
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    qtbot.keyClicks(w.view, "weg ermee")
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert w.scene.editor is None
    assert w.document.pattern.step(first).text == old
    assert w.document.undo_stack.count() == 0


def test_double_click_on_a_box_edits_it(window, qtbot):
    w = window
    step = ids(w)[3]
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=_view_pos(w, w.scene.steps[step]))
    assert w.scene.editor is not None
    qtbot.keyClicks(w.view, "Gedubbelklikt")
    qtbot.keyClick(w.view, Qt.Key.Key_Enter)
    assert w.document.pattern.step(step).text == "Gedubbelklikt"


def test_insert_adds_a_step_after_the_selected_one_as_one_command(window, qtbot):
    w = window
    before = ids(w)
    w.select_step(before[1])
    qtbot.keyClick(w.view, Qt.Key.Key_Insert)
    assert w.scene.editor is not None
    qtbot.keyClicks(w.view, "Een nieuwe stap")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    after = ids(w)
    assert len(after) == len(before) + 1
    new_id = after[2]
    assert w.document.pattern.step(new_id).text == "Een nieuwe stap"
    assert w.current_step() == new_id
    assert new_id in w.scene.steps
    assert w.document.undo_stack.count() == 1  # insertion and its text are one undo step
    assert_in_sync(w)
    undo(w)
    assert ids(w) == before
    assert new_id not in w.scene.steps
    assert_in_sync(w)
    redo(w)
    assert w.document.pattern.step(new_id).text == "Een nieuwe stap"
    assert_in_sync(w)


def test_escape_on_a_new_step_takes_it_back(window, qtbot):
    w = window
    before = ids(w)
    w.select_step(before[0])
    qtbot.keyClick(w.view, Qt.Key.Key_Insert)
    assert len(ids(w)) == len(before) + 1
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert ids(w) == before
    assert w.document.undo_stack.count() == 0 and not w.menus.act_redo.isEnabled()
    assert_in_sync(w)


def test_plus_button_beside_the_selected_step_adds_a_step(window, qtbot):
    w = window
    w.select_step(ids(w)[0])
    assert w.scene.add_button.isVisible()
    pos = w.view.mapFromScene(w.scene.add_button.scenePos())
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert len(ids(w)) == 7 and w.scene.editor is not None


def _plus_disc(w, grow: float = 0.0):
    from PySide6.QtGui import QPainterPath

    button = w.scene.add_button
    disc = QPainterPath()
    disc.addEllipse(button.scenePos(), button.RADIUS + grow, button.RADIUS + grow)
    return disc


def test_plus_button_keeps_clear_of_breakthrough_notes_and_other_boxes(window, qtbot):
    # A note right beside the second step's bottom-right corner, where the ＋ used to sit on it.
    w = window
    assert w.files.open_path(ROOT / "patterns" / "het-probleem-niet-opgelost.yaml")
    step = ids(w)[1]
    w.document.apply(model.set_breakthrough(w.document.pattern, step, "Hier kan het patroon doorbroken worden "
                                            "door samen te werken."), "doorbraak")
    w.scene.flush()
    for selected in ids(w):
        w.select_step(selected)
        assert w.scene.add_button.isVisible()
        disc = _plus_disc(w, grow=3)
        others = [i for i in w.scene.steps.values() if i.step_id != selected] + list(w.scene.breakthroughs.values())
        assert not [i for i in others if disc.intersects(i.mapToScene(i.shape()))], selected
        assert _plus_disc(w).intersects(w.scene.steps[selected].mapToScene(w.scene.steps[selected].shape()))
    # ... and it still adds after the selected step
    w.select_step(step)
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=w.view.mapFromScene(w.scene.add_button.scenePos()))
    assert ids(w)[1] == step and len(ids(w)) == 8 and w.scene.editor is not None


def test_plus_button_hides_where_no_corner_is_free(window, qtbot, monkeypatch):
    from patroon.gui import canvas

    w = window
    monkeypatch.setattr(canvas, "ADD_BUTTON_CLEARANCE", 1000.0)  # no room anywhere
    w.select_step(ids(w)[1])
    assert not w.scene.add_button.isVisible()
    qtbot.keyClick(w.view, Qt.Key.Key_Insert)  # the key still adds
    assert len(ids(w)) == 7


# Delete and move ---------------------------------------------------------------------------------


def test_delete_closes_the_cycle_and_undo_brings_the_step_back(window, qtbot):
    w = window
    before = ids(w)
    w.select_step(before[2])
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert ids(w) == before[:2] + before[3:]
    assert (before[1], before[3]) in scene_cycle(w)  # the predecessor now leads to the successor
    assert w.current_step() == before[1]
    assert_in_sync(w)
    undo(w)
    assert ids(w) == before
    assert w.current_step() == before[2]
    assert_in_sync(w)
    redo(w)
    assert ids(w) == before[:2] + before[3:]


def test_delete_is_disabled_at_two_steps(window, qtbot):
    w = window
    while len(ids(w)) > 2:
        w.select_step(ids(w)[0])
        w.menus.act_delete.trigger()
    assert not w.menus.act_delete.isEnabled()
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert len(ids(w)) == 2
    assert_in_sync(w)


def test_ctrl_up_and_down_move_the_step_and_undo_moves_it_back(window, qtbot):
    w = window
    before = ids(w)
    w.select_step(before[2])
    qtbot.keyClick(w.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ids(w) == [before[0], before[1], before[3], before[2], before[4], before[5]]
    assert_in_sync(w)
    qtbot.keyClick(w.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert ids(w)[1] == before[2]
    assert w.document.undo_stack.count() == 3
    undo(w)
    undo(w)
    undo(w)
    assert ids(w) == before
    assert_in_sync(w)
    w.select_step(before[0])
    assert not w.menus.act_earlier.isEnabled()
    w.select_step(before[-1])
    assert not w.menus.act_later.isEnabled()


def test_drag_in_the_list_moves_the_step(window):
    w = window
    before = ids(w)
    w.panel.step_list.moveRequested.emit(before[0], 3)
    assert ids(w) == [before[1], before[2], before[3], before[0], before[4], before[5]]
    assert_in_sync(w)
    undo(w)
    assert ids(w) == before


def test_drop_in_the_list_asks_the_document_to_move(window, qtbot):
    """A real drop event on the list: the list does not move its own rows, the document does."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QDropEvent

    w = window
    before = ids(w)
    lst = w.panel.step_list
    lst.setCurrentRow(0)
    target = lst.visualItemRect(lst.item(3)).center() + QPoint(0, 2)
    mime = lst.model().mimeData([lst.model().index(0, 0)]) or QMimeData()
    event = QDropEvent(QPointF(target), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    lst.dropEvent(event)
    assert ids(w) == [before[1], before[2], before[3], before[0], before[4], before[5]]
    assert_in_sync(w)


# Dragging on the canvas --------------------------------------------------------------------------


def _view_pos(w, item) -> QPoint:
    return w.view.mapFromScene(item.sceneBoundingRect().center())


def _drag(w, start: QPoint, end: QPoint, steps: int = 6) -> None:
    viewport = w.view.viewport()
    app = QGuiApplication.instance()

    def send(kind, pos, button, buttons):
        event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons,
                            Qt.KeyboardModifier.NoModifier)
        app.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    for k in range(1, steps + 1):
        p = start + (end - start) * (k / steps)
        send(QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)


def _relative(w, box, layout) -> tuple[float, float]:
    """A box's centre relative to the circle's centre, in radii."""
    cx, cy = box.centre
    return (cx - layout.centre[0]) / layout.radius, (cy - layout.centre[1]) / layout.radius


def test_dragging_a_box_nudges_it_as_one_command(window):
    w = window
    step = ids(w)[0]
    item = w.scene.steps[step]
    box_before = item.layout.box
    layout_before = w.scene.pattern_layout
    start = _view_pos(w, item)
    _drag(w, start, start + QPoint(28, 25))
    offset = w.document.pattern.placement.offsets[step]
    assert offset[0] > 0 and offset[1] > 0
    assert w.document.undo_stack.count() == 1
    item = w.scene.steps[step]
    assert item.pos() == QPointF(0, 0)  # the layout, not the drag, places the box
    # the box sits further right and lower on the circle (the layout may re-fit the whole drawing)
    rel_before, rel_after = _relative(w, box_before, layout_before), _relative(w, item.layout.box, w.scene.pattern_layout)
    assert rel_after[0] > rel_before[0] + 0.05 and rel_after[1] > rel_before[1] + 0.02
    assert w.menus.act_reset_layout.isEnabled()
    undo(w)
    assert step not in w.document.pattern.placement.offsets
    assert w.scene.steps[step].layout.box == box_before
    redo(w)
    w.menus.act_reset_layout.trigger()
    assert w.document.pattern.placement.offsets == {}
    assert w.scene.steps[step].layout.box == box_before
    assert not w.menus.act_reset_layout.isEnabled()
    undo(w)
    assert step in w.document.pattern.placement.offsets


def _scene_box(w, step) -> QRectF:
    item = w.scene.steps[step]
    return item.mapRectToScene(QRectF(*(lambda b: (b.x, b.y, b.w, b.h))(item.layout.box)))


def test_a_dragged_box_lands_where_it_was_dropped_and_nothing_else_moves(window):
    w = window
    step = ids(w)[1]  # on the right: room to move out towards the page's side
    others = {s: _scene_box(w, s) for s in ids(w) if s != step}
    font = w.scene.pattern_layout.step_font_size
    before = _scene_box(w, step)
    start = _view_pos(w, w.scene.steps[step])
    end = start + QPoint(50, 30)
    moved = w.view.mapToScene(end) - w.view.mapToScene(start)
    _drag(w, start, end)
    assert w.document.undo_stack.count() == 1
    after = _scene_box(w, step)
    assert abs(after.center().x() - (before.center().x() + moved.x())) < 3
    assert abs(after.center().y() - (before.center().y() + moved.y())) < 3
    assert {s: _scene_box(w, s) for s in ids(w) if s != step} == others
    assert w.scene.pattern_layout.step_font_size == font
    # Its arrows follow it: the one in ends at it, the one out starts at it.
    box = w.scene.steps[step].layout.box
    arrow_in = next(a.layout for a in w.scene.arrows.values() if a.layout.target == step)
    arrow_out = w.scene.arrows[step].layout
    for point in (arrow_in.head[0], arrow_out.path[0]):
        assert box.inflated(font).contains(*point) and not box.contains(*point)

    # Dragged again: it lands under the pointer again (the offset counts from its place on the ring).
    start = _view_pos(w, w.scene.steps[step])
    end = start + QPoint(-20, 15)
    moved2 = w.view.mapToScene(end) - w.view.mapToScene(start)
    _drag(w, start, end)
    again = _scene_box(w, step)
    assert abs(again.center().x() - (after.center().x() + moved2.x())) < 3
    assert abs(again.center().y() - (after.center().y() + moved2.y())) < 3
    assert w.document.undo_stack.count() == 2
    undo(w)
    undo(w)
    assert _scene_box(w, step) == before
    assert step not in w.document.pattern.placement.offsets


def test_a_box_dragged_off_the_page_or_onto_a_neighbour_stays_clear(window):
    w = window
    step = ids(w)[1]
    page = w.scene.sceneRect()
    start = _view_pos(w, w.scene.steps[step])
    _drag(w, start, w.view.mapFromScene(QPointF(page.right() + 400, page.top() - 300)))
    box = _scene_box(w, step)
    assert page.contains(box)
    layout = w.scene.pattern_layout
    for s in layout.steps:
        if s.id != step:
            assert s.box.distance(layout.step(step).box) >= MIN_GAP - 1e-6
    undo(w)
    # Dropped just short of the next box (not on it, which would move the step there).
    nxt = w.scene.steps[ids(w)[2]].layout.box
    own = w.scene.steps[step].layout.box
    target = w.scene.to_scene(own.centre[0], nxt.y - own.h / 2 + 10)
    _drag(w, _view_pos(w, w.scene.steps[step]), w.view.mapFromScene(target))
    assert step in w.document.pattern.placement.offsets
    layout = w.scene.pattern_layout
    assert layout.step(step).box.distance(layout.step(ids(w)[2]).box) >= MIN_GAP - 1e-6
    assert layout.step(step).box.centre[1] > own.centre[1] + 5, "it moved as far as it could"


def test_dragging_a_box_onto_another_moves_it_to_that_place(window):
    w = window
    before = ids(w)
    source, target = w.scene.steps[before[0]], w.scene.steps[before[2]]
    _drag(w, _view_pos(w, source), _view_pos(w, target))
    assert ids(w) == [before[1], before[2], before[0], before[3], before[4], before[5]]
    assert w.document.pattern.placement.offsets == {}
    assert w.document.undo_stack.count() == 1
    assert_in_sync(w)
    undo(w)
    assert ids(w) == before
    assert_in_sync(w)


# Breakthroughs and title ----------------------------------------------------------------------


def test_breakthrough_on_an_arrow_add_edit_remove(window, qtbot):
    w = window
    step = ids(w)[1]
    w.select_step(step)
    qtbot.keyClick(w.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert w.scene.editor is not None
    qtbot.keyClicks(w.view, "Samen een visie maken")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.document.pattern.breakthrough(step).text == "Samen een visie maken"
    assert step in w.scene.breakthroughs
    assert w.panel.breakthrough_list.count() == 1
    # edit it by double-clicking its note
    note = w.scene.breakthroughs[step]
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=w.view.mapFromScene(w.scene.layout_rect(note.layout.note_box).center()))
    assert w.scene.editor is not None
    qtbot.keyClick(w.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(w.view, " met iedereen")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.document.pattern.breakthrough(step).text == "Samen een visie maken met iedereen"
    # remove it
    w.menus.act_remove_breakthrough.trigger()
    assert w.document.pattern.breakthrough(step) is None
    assert step not in w.scene.breakthroughs
    undo(w)
    assert w.document.pattern.breakthrough(step).text.endswith("met iedereen")
    assert step in w.scene.breakthroughs
    undo(w)
    undo(w)
    assert w.document.pattern.breakthroughs == []
    assert w.scene.breakthroughs == {}
    assert_in_sync(w)


def test_double_click_on_an_arrow_adds_a_breakthrough(window, qtbot):
    w = window
    step = ids(w)[0]
    arrow = w.scene.arrows[step]
    points = arrow.layout.path
    mid = w.scene.to_scene(*points[len(points) // 2])
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=w.view.mapFromScene(mid))
    assert w.scene.editor is not None
    qtbot.keyClicks(w.view, "Doorbreek hier")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.document.pattern.breakthrough(step).text == "Doorbreek hier"


def test_title_is_edited_in_place(window, qtbot):
    w = window
    qtbot.keyClick(w.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert w.scene.editor is not None
    qtbot.keyClicks(w.view, "Vrede op aarde")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.document.pattern.title == "Vrede op aarde"
    assert " ".join(w.scene.pattern_layout.title.lines).replace("-", "") == "Vrede op aarde"
    assert w.panel.title_edit.text() == "Vrede op aarde"
    undo(w)
    assert w.document.pattern.title == "Wereldvrede"
    assert w.scene.pattern_layout.title.lines == ("Wereldvrede",)


# The side panel ------------------------------------------------------------------------------------


def test_typing_in_the_panel_is_one_command_per_field(window, qtbot):
    w = window
    edit = w.panel.title_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Vastgelopen")
    assert w.document.pattern.title == "Vastgelopen"
    assert w.scene.pattern_layout.title.lines == ("Vastgelopen",)
    assert w.document.undo_stack.count() == 1
    w.panel.context_edit.setFocus()
    qtbot.keyClicks(w.panel.context_edit, "Woon-zorg:")
    assert w.document.pattern.context == "Woon-zorg:"
    assert w.scene.pattern_layout.context is not None
    assert w.document.undo_stack.count() == 2
    undo(w)
    assert w.document.pattern.context == "" and w.scene.pattern_layout.context is None
    undo(w)
    assert w.document.pattern.title == "Wereldvrede"
    assert edit.text() == "Wereldvrede"


def test_questions_meta_and_notes_from_the_panel(window, qtbot):
    w = window
    w.panel.questions_edit.setFocus()
    w.panel.questions_edit.setPlainText("Eerste vraag?\nTweede vraag?")
    assert w.document.pattern.questions == ["Eerste vraag?", "Tweede vraag?"]
    w.panel.meta_edits["author"].setFocus()
    qtbot.keyClicks(w.panel.meta_edits["author"], "An")
    assert w.document.pattern.meta.author == "An"
    w.select_step(ids(w)[0])
    w.panel.note_edit.setFocus()
    qtbot.keyClicks(w.panel.note_edit, "Vraag door")
    assert w.document.pattern.steps[0].note == "Vraag door"
    count = w.document.undo_stack.count()
    assert count == 3
    undo(w)
    assert w.document.pattern.steps[0].note == ""
    assert w.panel.note_edit.toPlainText() == ""


def test_a_question_that_wraps_reads_as_one_question(window, qtbot):
    # Numbered beside its first line only, and every other question tinted, as the rows of a list.
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    w = window
    w.panel.setCurrentIndex(w.panel.indexOf(w.panel.questions_edit.parentWidget()))
    edit = w.panel.questions_edit
    edit.setPlainText("Hoe draag jij of jouw organisatie (onbedoeld) bij aan het in stand houden van dit patroon?"
                      "\n\nWelk eerste stapje zie je?")
    QApplication.processEvents()
    assert w.document.pattern.questions[1] == "Welk eerste stapje zie je?"
    shown = edit.shown_questions()
    assert [number for number, _rect, _first in shown] == [1, 2]  # the empty line is no question
    line = edit.fontMetrics().lineSpacing()
    (_n, first_rect, first_top), (_m, second_rect, _second_top) = shown
    assert first_rect.height() >= 2 * line  # it wraps in the panel
    image = edit.grab().toImage()
    left, top = edit.contentsRect().left(), edit.viewport().y()

    def ink_in_margin(y: float) -> bool:
        """Text-coloured pixels in the number margin on the line starting at viewport ``y``."""
        text = edit.palette().color(QPalette.ColorRole.Text)
        return any(image.pixelColor(x, int(top + y + dy)).lightness() < (text.lightness() + 255) // 2
                   for x in range(left, left + edit.number_width()) for dy in range(2, line - 2))

    assert ink_in_margin(first_top)  # "1."
    assert not ink_in_margin(first_top + line)  # the second line of the same question: no number
    base, alternate = (edit.palette().color(role) for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase))
    assert base != alternate
    right = edit.viewport().geometry().right() - 3  # inside the document's margin: no text there
    assert image.pixelColor(right, int(top + first_rect.center().y())) == base
    assert image.pixelColor(right, int(top + second_rect.center().y())) == alternate


def test_editing_a_step_in_the_list(window, qtbot):
    w = window
    item = w.panel.step_list.item(1)
    item.setText("Anders gezegd")
    assert w.document.pattern.steps[1].text == "Anders gezegd"
    assert w.scene.steps[ids(w)[1]].layout.text.lines == ("Anders gezegd",)
    undo(w)
    assert w.panel.step_list.item(1).text().startswith("Op abstract")


# View ---------------------------------------------------------------------------------------------


def test_ctrl_wheel_zooms_and_ctrl_0_fits(window, qtbot):
    w = window
    fitted = w.view.transform().m11()
    pos = QPointF(w.view.viewport().rect().center())
    event = QWheelEvent(pos, QPointF(w.view.viewport().mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QGuiApplication.instance().sendEvent(w.view.viewport(), event)
    assert w.view.transform().m11() > fitted * 1.2
    qtbot.keyClick(w.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(w.view.transform().m11() - fitted) < 1e-6


def test_copy_diagram_as_image(window, qtbot):
    w = window
    QGuiApplication.clipboard().clear()
    w.menus.act_copy.trigger()
    image = QGuiApplication.clipboard().image()
    assert image.width() == 2000
    # not blank: the boxes' border colour is in it
    colours = {image.pixelColor(x, y).name() for x in range(0, 2000, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 10


def test_every_change_is_undoable_back_to_the_file(window, qtbot):
    w = window
    original = load_pattern(WERELDVREDE)
    w.select_step(ids(w)[0])
    w.add_step()
    qtbot.keyClicks(w.view, "X")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    w.menus.act_later.trigger()
    w.menus.act_delete.trigger()
    w.edit_breakthrough(ids(w)[0])
    qtbot.keyClicks(w.view, "B")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    while w.document.undo_stack.canUndo():
        undo(w)
    assert w.document.pattern == original
    assert not w.document.is_modified()
    assert_in_sync(w)


def test_forty_steps_stay_in_sync(window, qtbot):
    w = window
    pattern = model.Pattern(title="Groot", steps=[{"text": f"Stap nummer {i} met wat tekst"} for i in range(40)])
    w.document.reset(pattern, None)
    assert len(w.scene.steps) == 40
    w.select_step(ids(w)[10])
    w.menus.act_delete.trigger()
    assert len(w.scene.steps) == 39
    assert_in_sync(w)


def test_ctrl_enter_while_typing_commits_and_adds_the_next_step(window, qtbot):
    """Drafting step after step: Ctrl+Enter keeps the text and opens a new step after it."""
    w = window
    before = ids(w)
    w.select_step(before[0])
    qtbot.keyClick(w.view, Qt.Key.Key_Insert)
    qtbot.keyClicks(w.view, "Eerste nieuwe")
    qtbot.keyClick(w.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(w.view, "Tweede nieuwe")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    texts = [s.text for s in w.document.pattern.steps]
    assert texts[1:3] == ["Eerste nieuwe", "Tweede nieuwe"]
    assert w.document.undo_stack.count() == 2
    assert_in_sync(w)


def test_quick_changes_to_a_slow_pattern_are_laid_out_once(window, qtbot, monkeypatch):
    """Typing in the side panel of a pattern that takes long to lay out waits for a pause."""
    import time as _time

    w = window
    scene = w.scene
    real = scene.compute_layout
    calls = []

    def slow(pattern):
        calls.append(pattern.title)
        _time.sleep(0.1)
        return real(pattern)

    monkeypatch.setattr(scene, "compute_layout", slow)
    w.document.apply(model.update(w.document.pattern, title="A"), "t")
    scene.flush()  # one slow layout: from now on quick changes wait for a pause
    calls.clear()
    for title in ("AB", "ABC", "ABCD"):
        w.document.apply(model.update(w.document.pattern, title=title), "t", merge=("title",))
        qtbot.wait(10)
    qtbot.waitUntil(lambda: not scene._dirty, timeout=3000)
    assert calls == ["ABCD"]
    assert scene.pattern_layout.title.lines == ("ABCD",)


def test_text_the_model_refuses_is_given_back_not_lost(window, qtbot):
    w = window
    step = ids(w)[0]
    old = w.document.pattern.step(step).text
    w.select_step(step)
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    too_long = "lang " * (model.MAX_TEXT // 5 + 1)
    w.scene.editor.setPlainText(too_long)
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.document.pattern.step(step).text == old
    qtbot.waitUntil(lambda: w.scene.editor is not None, timeout=2000)
    assert w.scene.editor.text() == too_long  # still there to shorten
    assert "1000" in w.statusBar().currentMessage()
    w.scene.editor.setPlainText("Kort")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.document.pattern.step(step).text == "Kort"


def test_step_keys_do_nothing_to_steps_while_typing_in_the_panel(window, qtbot):
    w = window
    before = ids(w)
    w.select_step(before[1])
    w.activateWindow()
    edit = w.panel.description_edit
    w.panel.setCurrentIndex(1)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    for key in (Qt.Key.Key_Insert, Qt.Key.Key_Delete, Qt.Key.Key_F2):
        qtbot.keyClick(edit, key)
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ids(w) == before and w.scene.editor is None
    # ... while in the step list they work
    w.panel.setCurrentIndex(0)
    w.panel.step_list.setFocus()
    qtbot.waitUntil(w.panel.step_list.hasFocus, timeout=2000)
    qtbot.keyClick(w.panel.step_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ids(w)[2] == before[1]


def test_editor_follows_the_step_the_presenter_shows(window, qtbot):
    from PySide6.QtWidgets import QApplication

    from patroon.gui.present import PresenterWindow

    w = window
    w.select_step(ids(w)[4])
    w.menus.act_present.trigger()
    presenter = next(t for t in QApplication.topLevelWidgets() if isinstance(t, PresenterWindow) and t.isVisible())
    try:
        qtbot.keyClick(presenter, Qt.Key.Key_Right)
        assert w.current_step() == ids(w)[0]
        assert w.panel.current_step() == ids(w)[0]
        qtbot.keyClick(presenter, Qt.Key.Key_Right)
        assert w.current_step() == ids(w)[1]
    finally:
        qtbot.keyClick(presenter, Qt.Key.Key_Escape)


def test_adding_a_step_beyond_what_paper_holds_says_so(window, qtbot):
    """Past 40 steps the editor warns, before the export refuses."""
    from patroon.limits import MAX_PRINTED_STEPS
    from patroon.model import validate

    w = window
    many = validate({"title": "Veel", "steps": [{"text": f"Stap {i}"} for i in range(MAX_PRINTED_STEPS - 1)]})
    w.document.apply(many, "many")
    w.select_step(ids(w)[-1])
    w.add_step()
    qtbot.keyClicks(w.view, "Nog een")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert len(ids(w)) == MAX_PRINTED_STEPS and "stappen passen" not in w.statusBar().currentMessage()
    w.add_step()
    assert len(ids(w)) == MAX_PRINTED_STEPS + 1
    assert f"Meer dan {MAX_PRINTED_STEPS} stappen" in w.statusBar().currentMessage()


def test_the_cached_desk_and_page_look_as_painted_straight_onto_the_view(window, qtbot):
    # The view keeps its background (desk, page, the page's shadow) in a pixmap, so an edit repaints only
    # the diagram; that pixmap must show the same pixels as the view's own antialiased painting.
    from PySide6.QtWidgets import QApplication, QGraphicsView

    w = window
    QApplication.processEvents()
    view = w.view  # the whole page in sight, its edges between pixels
    assert view.cacheMode() & QGraphicsView.CacheModeFlag.CacheBackground
    cached = view.viewport().grab().toImage()
    view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
    straight = view.viewport().grab().toImage()
    assert cached == straight


def test_the_step_list_shows_a_changed_text_after_an_edit(window, qtbot):
    # What reached the window (its backing store), not a fresh render: the list repaints the row itself.
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    w = window
    listed = w.panel.step_list.viewport()
    area = QRect(listed.mapTo(w, listed.rect().topLeft()), listed.size())

    def shown():
        QApplication.processEvents()
        return w.screen().grabWindow(w.winId()).copy(area).toImage()

    before = shown()
    p = w.document.pattern
    w.document.apply(model.set_step_text(p, p.steps[0].id, "Heel iets anders"), "t")
    assert w.panel.step_list.item(0).text() == "Heel iets anders"
    after = shown()
    assert after != before
    undo(w)
    assert shown() == before


def test_a_pattern_that_outgrows_a3_is_said_once_in_the_status_bar(window):
    """Forty steps fit the editor's A3 page; four long breakthroughs make the boxes crowd, and the
    user is told so (and what to do), in Dutch, when it happens."""
    w = window
    steps = [{"text": f"Stap {i + 1}: iedereen wacht af tot de ander beweegt."} for i in range(40)]
    w.document.reset(model.validate({"title": "Veertig", "steps": steps}), None)
    w.scene.flush()
    assert w.scene._layout.fits
    assert "A3" not in w.statusBar().currentMessage()
    pattern = w.document.pattern
    for step in pattern.steps[::10]:
        pattern = model.set_breakthrough(pattern, step.id, "Hier kan het patroon doorbroken worden " * 4)
    w.document.apply(pattern, "doorbraken")
    w.scene.flush()
    assert not w.scene._layout.fits
    message = w.statusBar().currentMessage()
    assert "past niet meer op een A3-vel" in message and "Minder of kortere stappen" in message
    w.statusBar().clearMessage()
    w.document.apply(model.update(w.document.pattern, title="Veertig stappen"), "titel")
    w.scene.flush()
    assert w.statusBar().currentMessage() == ""  # said once, not on every edit while it lasts
