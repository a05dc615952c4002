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


SEVEN = """Boodschappenlijst van de week:
- Er komt een nieuw signaal binnen
- Ieder team pakt het op eigen wijze op
* Niemand overziet het geheel
• De burger krijgt tegenstrijdige antwoorden
1. Er volgt een klacht
2) Het management vraagt om een rapportage

3. De rapportage leidt tot een nieuw signaal
"""


def test_a_pasted_list_becomes_a_titled_pattern_by_keyboard_alone(window, qtbot, tmp_path, monkeypatch):
    w = window
    target = tmp_path / "signalen.patroon.yaml"
    monkeypatch.setattr(type(w), "ask_save_path", lambda self, suggested: target)
    lines = SEVEN.splitlines()[1:]
    QApplication.clipboard().setText("\n".join(lines))
    assert QApplication.focusWidget() is w.view
    keys(qtbot, (K.Key_V, M.ControlModifier), (K.Key_T, M.ControlModifier), "Signalen die rondgaan", K.Key_Return,
         (K.Key_S, M.ControlModifier))
    saved = load_pattern(target)
    assert saved.title == "Signalen die rondgaan"
    assert [s.text for s in saved.steps] == [
        "Er komt een nieuw signaal binnen", "Ieder team pakt het op eigen wijze op", "Niemand overziet het geheel",
        "De burger krijgt tegenstrijdige antwoorden", "Er volgt een klacht",
        "Het management vraagt om een rapportage", "De rapportage leidt tot een nieuw signaal"]
    assert len({s.id for s in saved.steps}) == 7 and not any(s.id.startswith("stap-") for s in saved.steps)


def test_pasting_into_a_pattern_inserts_after_the_selected_step_as_one_undo(window, qtbot, tmp_path):
    w = window
    path = tmp_path / "p.yaml"
    shutil.copy(WERELDVREDE, path)
    w.files.open_path(path)
    before = [s.text for s in w.document.pattern.steps]
    QApplication.clipboard().setText("- Een\n- Twee\n\n- Drie")
    keys(qtbot, K.Key_Right, (K.Key_V, M.ControlModifier))
    after = [s.text for s in w.document.pattern.steps]
    assert after == before[:2] + ["Een", "Twee", "Drie"] + before[2:]
    assert "3" in w.statusBar().currentMessage()
    assert len(w.scene.steps) == len(after)
    keys(qtbot, (K.Key_Z, M.ControlModifier))
    assert [s.text for s in w.document.pattern.steps] == before
    w.panel.step_list.setFocus()  # the step list pastes the same way
    keys(qtbot, (K.Key_V, M.ControlModifier))
    assert len(w.document.pattern.steps) == len(before) + 3


def test_a_multi_line_paste_while_typing_splits_at_the_line_breaks(window, qtbot):
    w = window
    keys(qtbot, K.Key_Return)  # edit the first empty step
    QApplication.clipboard().setText("Eerste regel\nTweede regel\nDerde regel")
    keys(qtbot, (K.Key_V, M.ControlModifier))
    texts = [s.text for s in w.document.pattern.steps]
    assert texts[:3] == ["Eerste regel", "Tweede regel", "Derde regel"]
    assert "3" in w.statusBar().currentMessage()
    QApplication.clipboard().setText("Eén regel")
    keys(qtbot, K.Key_F2, (K.Key_V, M.ControlModifier), K.Key_Return)
    assert [s.text for s in w.document.pattern.steps][2] == "Eén regel"


def test_a_text_list_opens_as_a_new_unsaved_pattern(window, tmp_path):
    w = window
    notes = tmp_path / "overleg_dinsdag.txt"
    notes.write_text(SEVEN.split("\n", 1)[1], encoding="utf-8")
    assert w.files.open_path(notes)
    assert [s.text for s in w.document.pattern.steps][0] == "Er komt een nieuw signaal binnen"
    assert len(w.document.pattern.steps) == 7 and w.document.pattern.title == "Overleg dinsdag"
    assert w.document.path is None and w.document.is_modified()


def test_typing_flows_through_the_empty_steps(window, qtbot, tmp_path, monkeypatch):
    w = window
    target = tmp_path / "flow.patroon.yaml"
    monkeypatch.setattr(type(w), "ask_save_path", lambda self, suggested: target)
    assert [s.text for s in w.document.pattern.steps] == ["", "", "", ""]
    keys(qtbot, K.Key_Return, "Een", (K.Key_Return, M.ControlModifier), "Twee", K.Key_Tab, "Drie",
         K.Key_Backtab, "Twee bis", K.Key_Tab, K.Key_Tab, "Vier", K.Key_Tab, "Vijf", K.Key_Return,
         (K.Key_S, M.ControlModifier))
    saved = load_pattern(target)
    assert [s.text for s in saved.steps] == ["Een", "Twee bis", "Drie", "Vier", "Vijf"]
    assert [s.id for s in saved.steps][:2] == ["een", "twee"]  # named by the first text, kept after


def test_help_names_keys_and_opens_the_guide_in_the_ui_language(window, qtbot):
    w = window
    assert w.menus.act_delete.toolTip() == "Stap verwijderen (Del)"
    keys(qtbot, (K.Key_F1, M.ShiftModifier))
    qtbot.waitUntil(lambda: getattr(w, "guide", None) is not None and w.guide.isVisible(), timeout=2000)
    from PySide6.QtWidgets import QTextBrowser

    text = w.guide.findChild(QTextBrowser).toPlainText()
    assert "Handleiding" in text and "25 minuten" in text and "Herken je dit patroon?" in text
    w.guide.close()


def test_an_example_is_saved_to_the_documents_folder_then_to_the_last_folder(window, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings, QStandardPaths

    QSettings().remove("saveDir")  # nothing saved yet
    w = window
    asked = []
    monkeypatch.setattr(type(w), "ask_save_path", lambda self, suggested: asked.append(suggested) or None)
    w.files.new_pattern(load_pattern(WERELDVREDE))  # Bestand → Voorbeelden
    w.files.save_as()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked[-1].parent == Path(documents)
    w.files.save_to(tmp_path / "eigen.patroon.yaml")
    w.files.new_pattern(load_pattern(WERELDVREDE))
    w.files.save_as()
    assert asked[-1].parent == tmp_path


def test_present_goes_full_screen_first_and_the_editor_appears_on_esc(qtbot, monkeypatch, tmp_path):
    from patroon.gui import app as app_module
    from patroon.gui.mainwindow import MainWindow
    from patroon.gui.present import PresenterWindow

    path = tmp_path / "wereldvrede.yaml"
    shutil.copy(WERELDVREDE, path)
    seen = {}

    def fake_exec():
        tops = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen["first"] = [type(w).__name__ for w in tops]
        presenter = next(w for w in tops if isinstance(w, PresenterWindow))
        seen["full screen"] = presenter.isFullScreen()
        qtbot.keyClick(presenter, K.Key_Escape)
        editors = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["after"] = [(w.document.path, len(w.scene.steps), w.focusWidget() is w.view) for w in editors]
        for w in editors:
            w.close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec, raising=False)
    assert app_module.run_gui([str(path)], present=True, lang="nl") == 0
    assert seen["first"] == ["PresenterWindow"] and seen["full screen"]
    assert seen["after"] == [(path, 6, True)]


def test_present_makes_the_editor_only_after_the_room_sees_the_pattern(qtbot, monkeypatch, tmp_path):
    """The presentation is painted full screen before the file's editor is made; that editor (hidden)
    then follows the room, and Esc shows it."""
    from PySide6.QtCore import Qt as K
    from PySide6.QtWidgets import QApplication

    from patroon.gui import app as app_module
    from patroon.gui.mainwindow import MainWindow
    from patroon.gui.present import PresenterWindow

    path = tmp_path / "wereldvrede.yaml"
    shutil.copy(WERELDVREDE, path)
    seen = {}

    def editors() -> list:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.document.path == path]

    def fake_exec():
        presenter = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PresenterWindow) and w.isVisible())
        seen["before paint"] = len(editors())
        qtbot.waitUntil(lambda: len(editors()) == 1, timeout=5000)
        host = editors()[0]
        seen["hidden"] = not host.isVisible()
        qtbot.keyClick(presenter, K.Key_Right)
        seen["follows"] = host.presenter is presenter
        qtbot.keyClick(presenter, K.Key_Escape)
        seen["after"] = (host.isVisible(), host.presenter, len(host.scene.steps))
        host.close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec, raising=False)
    assert app_module.run_gui([str(path)], present=True, lang="nl") == 0
    assert seen == {"before paint": 0, "hidden": True, "follows": True, "after": (True, None, 6)}


def test_every_tab_of_the_side_panel_shows_whole_however_narrow_the_panel(window, qtbot):
    """A panel once dragged narrow (its width is kept for the next start) still shows all four tabs."""
    window.resize(1400, 900)
    qtbot.wait(50)
    window._fit_panel(200)  # narrower than any panel may be
    qtbot.wait(50)
    bar = window.panel.tabBar()
    shown = bar.rect()
    for index in range(bar.count()):
        tab = bar.tabRect(index)
        assert shown.contains(tab), f"tab {bar.tabText(index)!r} is cut off: {tab} outside {shown}"
        assert bar.fontMetrics().horizontalAdvance(bar.tabText(index)) < tab.width()
    assert [bar.tabText(i) for i in range(bar.count())] == ["Stappen", "Gegevens", "Vragen", "Doorbraken"]
