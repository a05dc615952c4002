"""Edges found in review: typing kept through Undo in the menu, lists pasted while typing, stale
selections read out, recovery copies of odd paths, hand-written empty keys, plain words for numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QApplication

from patroon.errors import PatternError
from patroon.fileformat import loads

BASE = "patroon: 1\ntitle: x\nsteps:\n  - {id: a, text: Een.}\n  - text: Twee.\n"


@pytest.fixture
def new_window(qtbot):
    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    w = MainWindow()
    w.show()
    w.finish_start()
    yield w
    if shiboken6.isValid(w):
        w.document.reset(w.document.pattern, w.document.path)
        w.close()


def focused():
    return QApplication.focusWidget()


def test_undo_from_the_menu_while_typing_keeps_the_typing_to_redo(new_window, qtbot):
    w = new_window
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    for text in "abcd":
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Een zin die ik net typte")
    w.menus.act_undo.trigger()
    assert [s.text for s in w.document.pattern.steps] == ["a", "b", "c", "d"]
    w.menus.act_redo.trigger()
    assert [s.text for s in w.document.pattern.steps][-1] == "Een zin die ik net typte"


def test_a_list_pasted_in_the_first_step_of_a_new_pattern_replaces_its_empty_steps(new_window, qtbot):
    w = new_window
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    QGuiApplication.clipboard().setText("een\ntwee\ndrie\nvier\nvijf")
    qtbot.keyClick(focused(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [s.text for s in w.document.pattern.steps] == ["een", "twee", "drie", "vier", "vijf"]


def test_a_list_too_long_to_paste_while_typing_is_said_not_raised(new_window, qtbot):
    w = new_window
    said: list[str] = []
    w.scene.problem.connect(said.append)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    QGuiApplication.clipboard().setText("\n".join(f"regel {i}" for i in range(100)))
    qtbot.keyClick(focused(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert said and "maximum is 60" in said[-1]
    assert len(w.document.pattern.steps) <= 60


def test_the_canvas_reads_nothing_stale_when_the_selected_step_went_away(new_window):
    from patroon import model

    w = new_window
    pattern = model.pattern_from_text("\n".join(f"Stap nummer {i}" for i in range(50)), "Groot")
    w.document.reset(pattern, None)
    w.scene.flush()
    chosen = pattern.steps[10].id
    w.scene.select_step(chosen)
    w.document.reset(model.remove_step(pattern, chosen), None)  # the scene lays out later
    interface = QAccessible.queryAccessibleInterface(w.view)
    assert "Stap 11 van" not in interface.text(QAccessible.Text.Description)
    assert isinstance(interface.text(QAccessible.Text.Value), str)


def test_a_recovery_copy_of_a_path_with_a_line_separator_reads_back(tmp_path):
    from patroon.gui.files import read_recovery, write_recovery
    from patroon.model import blank_pattern

    copy = tmp_path / "herstel.yaml"
    source = Path(f"/tmp/verslag\u2028juni.yaml")
    write_recovery(copy, blank_pattern(), source)
    recovered = read_recovery(copy)
    assert recovered is not None and recovered.source == source


@pytest.mark.parametrize("extra", ["breakthroughs:\n", "questions:\n", "meta:\n", "layout:\n", "layout: ~\n"])
def test_a_key_with_nothing_after_it_is_left_out(extra):
    assert [s.text for s in loads(BASE + extra).steps] == ["Een.", "Twee."]


def test_an_empty_format_line_reads_as_missing():
    with pytest.raises(PatternError, match="‘patroon: 1’ ontbreekt"):
        loads("patroon:\n" + BASE.split("\n", 1)[1])


@pytest.mark.parametrize(("layout", "words"), [
    ("{start_angle: 400}", "mag hoogstens 360"),
    ("{start_angle: veel}", "moet een getal zijn"),
    ("{offsets: {a: [0, 1, 0]}}", "moet een paar getallen zijn"),
    ("{direction: linksom}", "'clockwise' of 'counterclockwise'"),
    ("{offsets: {a: [nan, 0]}}", "moet uit twee getallen bestaan"),
])
def test_numbers_and_choices_are_told_in_dutch(layout, words):
    with pytest.raises(PatternError) as info:
        loads(BASE + f"layout: {layout}\n", "k.yaml")
    assert words in str(info.value) and "regel 6" in str(info.value)
    assert not [w for w in ("Input", "should", "valid", "tuple") if w in str(info.value)]


def _colours_on_canvas(w) -> set[str]:
    """The colours of the pixels the canvas shows, as ``#rrggbb``, from an offscreen grab."""
    image = w.view.viewport().grab().toImage()
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


def test_the_canvas_draws_in_the_palette_the_file_asks_for(new_window, tmp_path):
    from patroon.model import update
    from patroon.render.palette import DEFAULT, HIGH_CONTRAST

    path = tmp_path / "contrast.yaml"
    path.write_text(BASE + "  - text: Drie.\nlayout:\n  palette: high-contrast\n", encoding="utf-8")
    w = new_window
    assert w.files.open_path(path)
    QApplication.processEvents()
    shown = _colours_on_canvas(w)
    assert HIGH_CONTRAST.selected_border in shown and DEFAULT.box_fill not in shown  # white boxes, black text

    pattern = w.document.pattern
    placement = {**pattern.placement.model_dump(), "palette": "default"}
    w.document.apply(update(pattern, placement=placement), "palette")
    QApplication.processEvents()
    assert w.scene.colours == DEFAULT
    assert DEFAULT.box_fill in _colours_on_canvas(w)
    w.document.undo_stack.undo()  # back to the file's high contrast, drawn again at once
    QApplication.processEvents()
    assert w.scene.colours == HIGH_CONTRAST
    assert DEFAULT.box_fill not in _colours_on_canvas(w)
    assert w.scene.render_image(400).pixelColor(200, 10).name() == HIGH_CONTRAST.background


@pytest.mark.parametrize(("lang", "words", "blame"), [
    ("nl", "de titel past niet in het midden van de cirkel op dia 16:9", "te veel tekst"),
    ("en", "the title does not fit in the middle of the circle on slide 16:9", "too much text"),
])
def test_a_title_too_long_for_a_slide_is_blamed_not_the_steps(qapp, tmp_path, capsys, lang, words, blame):
    from patroon.cli import main

    path = tmp_path / "emoji.yaml"
    path.write_text(f"patroon: 1\ntitle: {'😀' * 50}\nsteps:\n  - text: Een.\n  - text: Twee.\n  - text: Drie.\n",
                    encoding="utf-8")
    for out, paper in (("deck.pptx", []), ("dia.pdf", ["--paper", "slide"])):
        assert main(["--lang", lang, "export", str(path), "-o", str(tmp_path / out), *paper]) == 1
        said = "".join(capsys.readouterr())
        assert words in said and blame not in said, said
        assert "spaties" in said or "spaces" in said  # a word without spaces cannot break
    path.write_text(path.read_text(encoding="utf-8").replace("😀" * 50, "😀"), encoding="utf-8")
    assert main(["--lang", lang, "export", str(path), "-o", str(tmp_path / "deck.pptx")]) == 0  # the steps fit


def test_a_window_closed_in_one_test_saves_its_settings(new_window):
    from PySide6.QtCore import QSettings

    new_window.close()  # saves its size, toolbar and panel width, as on quitting
    assert QSettings().value("window/panelWidth") is not None


def test_the_next_test_starts_with_the_settings_of_a_first_start():
    # Runs right after the test above: what that window saved must not shape this test's windows.
    from PySide6.QtCore import QSettings

    assert QSettings().allKeys() == []
