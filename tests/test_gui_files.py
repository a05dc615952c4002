"""Files in the editor: save and open, the unsaved-changes guard, recovery after a crash,
changes on disk, load errors, failed saves and symbolic links. Checked on disk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from patroon import model
from patroon.fileformat import dumps, load_pattern

ROOT = Path(__file__).resolve().parent.parent
WERELDVREDE = ROOT / "patterns" / "wereldvrede.yaml"
B = QMessageBox.StandardButton


@pytest.fixture
def make_window(qtbot, monkeypatch):
    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    answers: list = []
    asked: list = []

    def ask(self, icon, title, text, buttons, default=B.NoButton, labels=None, details=""):
        asked.append({"icon": icon, "title": title, "text": text, "details": details})
        return answers.pop(0) if answers else B.Cancel

    monkeypatch.setattr(MainWindow, "ask", ask)

    made: list = []

    def make():
        w = MainWindow()
        w.answers, w.asked = answers, asked
        made.append(w)
        w.show()
        return w

    yield make
    for w in made:  # windows delete themselves on close; close the ones still open
        if shiboken6.isValid(w):
            w.document.reset(w.document.pattern, w.document.path)
            w.close()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def pattern_file(tmp_path) -> Path:
    path = tmp_path / "wereldvrede.yaml"
    shutil.copy(WERELDVREDE, path)
    return path


def change_title(w, title: str) -> None:
    w.document.apply(model.update(w.document.pattern, title=title), "title")


def test_save_then_open_round_trip(window, make_window, tmp_path, monkeypatch):
    w = window
    w.files.new_pattern()
    change_title(w, "Eigen patroon")
    assert w.windowTitle().startswith("Eigen patroon[*]") and w.isWindowModified()
    target = tmp_path / "eigen.yaml"
    monkeypatch.setattr(type(w), "ask_save_path", lambda self, suggested: target)
    assert w.menus.act_save.isEnabled()
    w.menus.act_save.trigger()
    assert target.exists()
    assert load_pattern(target) == w.document.pattern
    assert not w.isWindowModified()
    assert w.windowTitle() == "eigen.yaml[*] — Patroon"
    assert str(target) in w.files.recent_files()
    other = make_window()
    assert other.files.open_path(target)
    assert other.document.pattern == w.document.pattern
    assert other.document.path == target
    assert not other.document.is_modified()


@pytest.mark.parametrize(("typed", "saved"), [
    ("versie 1.2", "versie 1.2.patroon.yaml"),  # a number after the dot is not an extension
    ("wereldvrede", "wereldvrede.patroon.yaml"),
    ("eigen.yaml", "eigen.yaml"),
    ("Overleg St.Jan", "Overleg St.Jan.patroon.yaml"),
    ("plan.txt", "plan.txt.patroon.yaml"),  # a pattern file the Open dialog lists
    ("x.", "x.patroon.yaml"),
])
def test_save_as_adds_the_pattern_extension_where_the_name_has_none(window, tmp_path, monkeypatch, typed, saved):
    from PySide6.QtWidgets import QFileDialog

    w = window
    w.files.new_pattern()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / typed), ""))
    w.menus.act_save.trigger()
    assert [p.name for p in tmp_path.iterdir()] == [saved]
    assert w.document.path == tmp_path / saved


def test_save_keeps_the_file_whole_and_readable(window, pattern_file):
    w = window
    w.files.open_path(pattern_file)
    change_title(w, "Wereldvrede — herzien")
    assert w.files.save()
    text = pattern_file.read_text(encoding="utf-8")
    assert "Wereldvrede — herzien" in text and "\\u" not in text
    assert not list(pattern_file.parent.glob("*.tmp")) and not list(pattern_file.parent.glob(".*"))


@pytest.mark.parametrize("answer", [B.Cancel, B.Discard, B.Save])
def test_unsaved_changes_guard_on_new(window, pattern_file, answer):
    w = window
    w.files.open_path(pattern_file)
    change_title(w, "Gewijzigd")
    w.answers.append(answer)
    w.menus.act_new.trigger()
    assert w.asked and w.asked[-1]["icon"] == QMessageBox.Icon.Warning
    if answer == B.Cancel:
        assert w.document.pattern.title == "Gewijzigd" and w.document.path == pattern_file
        assert load_pattern(pattern_file).title == "Wereldvrede"
    elif answer == B.Discard:
        assert w.document.path is None and w.document.pattern.title == model.blank_pattern().title
        assert load_pattern(pattern_file).title == "Wereldvrede"
    else:
        assert w.document.path is None
        assert load_pattern(pattern_file).title == "Gewijzigd"


def test_unsaved_changes_guard_on_close_and_open(window, pattern_file, tmp_path, monkeypatch):
    w = window
    w.files.open_path(pattern_file)
    change_title(w, "Gewijzigd")
    w.answers.append(B.Cancel)
    assert not w.close()
    assert w.isVisible()
    opened = []
    monkeypatch.setattr(type(w), "ask_open_path", lambda self: opened.append(1) or WERELDVREDE)
    w.answers.append(B.Cancel)
    w.menus.act_open.trigger()
    assert not opened and w.document.pattern.title == "Gewijzigd"
    w.answers.append(B.Discard)
    assert w.close()
    assert load_pattern(pattern_file).title == "Wereldvrede"


def test_no_question_without_changes(window, pattern_file):
    w = window
    w.files.open_path(pattern_file)
    assert w.close()
    assert w.asked == []


def test_load_error_is_shown_and_the_current_pattern_stays(window, pattern_file, tmp_path):
    w = window
    w.files.open_path(pattern_file)
    change_title(w, "Bezig")
    bad = tmp_path / "kapot.yaml"
    bad.write_text("patroon: 1\ntitle: Kapot\nsteps:\n  - text: een\n\t- text: twee\n", encoding="utf-8")
    assert not w.files.open_path(bad)
    message = w.asked[-1]
    assert message["icon"] == QMessageBox.Icon.Critical
    assert "kapot.yaml" in message["text"]
    assert "regel 5" in message["details"] and "tab" in message["details"]
    assert w.document.pattern.title == "Bezig" and w.document.path == pattern_file
    assert w.document.is_modified()


def test_a_file_that_cannot_be_read_is_explained_in_the_users_words(window, pattern_file, tmp_path):
    w = window
    w.files.open_path(pattern_file)
    folder = tmp_path / "map.patroon.yaml"
    folder.mkdir()
    assert not w.files.open_path(folder)
    message = w.asked[-1]
    assert message["icon"] == QMessageBox.Icon.Critical and "map.patroon.yaml" in message["text"]
    assert "dit is een map, geen bestand" in message["details"] and "Is a directory" not in message["details"]
    assert w.document.path == pattern_file


def test_failed_save_leaves_the_file_and_keeps_the_changes(window, pattern_file):
    w = window
    w.files.open_path(pattern_file)
    before = pattern_file.read_bytes()
    change_title(w, "Niet op te slaan")
    folder = pattern_file.parent
    undo_lock = _make_unwritable(folder)
    try:
        assert not w.files.save()
    finally:
        undo_lock()
    assert pattern_file.read_bytes() == before
    assert w.document.is_modified() and w.isWindowModified()
    message = w.asked[-1]
    assert message["icon"] == QMessageBox.Icon.Critical and "onveranderd" in message["details"].lower() or \
        "unchanged" in message["details"].lower()
    assert sorted(p.name for p in folder.iterdir()) == [pattern_file.name]
    assert w.files.save()  # once the folder is writable again, saving works
    assert load_pattern(pattern_file).title == "Niet op te slaan"


def _make_unwritable(folder: Path):
    """Make ``folder`` refuse new files, also for root (then with the immutable attribute)."""
    os.chmod(folder, 0o555)
    if _writable(folder):
        os.chmod(folder, 0o755)
        if shutil.which("chattr") and subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
            if not _writable(folder):
                return lambda: subprocess.run(["chattr", "-i", str(folder)], check=True)
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        pytest.skip("cannot make a folder read-only here (root without chattr)")
    return lambda: os.chmod(folder, 0o755)


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except OSError:
        return False
    probe.unlink()
    return True


def test_save_through_a_symlink_keeps_the_link(window, pattern_file, tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(pattern_file)
    w = window
    assert w.files.open_path(link)
    change_title(w, "Via een link")
    assert w.files.save()
    assert link.is_symlink() and os.readlink(link) == str(pattern_file)
    assert load_pattern(pattern_file).title == "Via een link"


def test_external_change_is_noticed_and_can_be_loaded(window, pattern_file, qtbot):
    w = window
    w.files.open_path(pattern_file)
    w.answers.append(B.Yes)
    changed = load_pattern(pattern_file)
    changed = model.update(changed, title="Door iemand anders")
    # replace the file the way editors and sync tools do: write beside it, rename over it
    tmp = pattern_file.with_suffix(".new")
    tmp.write_text(dumps(changed), encoding="utf-8")
    os.replace(tmp, pattern_file)
    qtbot.waitUntil(lambda: w.document.pattern.title == "Door iemand anders", timeout=5000)
    assert w.asked[-1]["icon"] == QMessageBox.Icon.Question
    assert not w.document.is_modified()
    # ... and it keeps watching after the file was replaced
    w.answers.append(B.Yes)
    pattern_file.write_text(dumps(model.update(changed, title="Nog eens anders")), encoding="utf-8")
    qtbot.waitUntil(lambda: w.document.pattern.title == "Nog eens anders", timeout=5000)


def test_external_change_can_be_ignored_and_own_saves_are_not_reported(window, pattern_file, qtbot):
    w = window
    w.files.open_path(pattern_file)
    change_title(w, "Mijn versie")
    assert w.files.save()
    qtbot.wait(500)
    assert w.asked == []  # our own save is not "another program"
    change_title(w, "Mijn versie 2")
    w.answers.append(B.No)
    pattern_file.write_text(dumps(model.update(load_pattern(pattern_file), title="Hun versie")), encoding="utf-8")
    qtbot.waitUntil(lambda: len(w.asked) == 1, timeout=5000)
    assert w.document.pattern.title == "Mijn versie 2"
    assert w.document.is_modified()
    assert w.files.save()
    assert load_pattern(pattern_file).title == "Mijn versie 2"
    qtbot.wait(500)
    assert len(w.asked) == 1


def test_autosave_writes_a_recovery_copy_only_while_modified(window, pattern_file):
    from patroon.gui.files import read_recovery

    w = window
    w.files.open_path(pattern_file)
    assert w.files.autosave_timer.interval() == 60_000 and w.files.autosave_timer.isActive()
    w.files.autosave()
    assert not w.files.recovery_file.exists()
    change_title(w, "Nog niet bewaard")
    w.files.autosave()
    recovery = read_recovery(w.files.recovery_file)
    assert recovery is not None and recovery.pattern.title == "Nog niet bewaard"
    assert recovery.source == pattern_file
    assert w.files.save()
    assert not w.files.recovery_file.exists()


def test_recovery_after_a_crash_is_offered_and_restores(make_window, pattern_file):
    from patroon.gui.files import RECOVERY_MARK, recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    crashed = model.update(load_pattern(pattern_file), title="Wat ik typte voor de crash")
    dead_pid = _dead_pid()
    header = {"path": str(pattern_file), "time": time.time() - 90, "pid": dead_pid}
    leftover = folder / f"recovery-{dead_pid}-1-0.yaml"
    leftover.write_text(RECOVERY_MARK + json.dumps(header) + "\n" + dumps(crashed), encoding="utf-8")

    w = make_window()
    w.answers.append(B.Yes)
    assert w.files.offer_recovery() == 1
    assert "wereldvrede.yaml" in w.asked[-1]["text"]
    assert w.document.pattern.title == "Wat ik typte voor de crash"
    assert w.document.path == pattern_file
    assert w.document.is_modified()
    assert not leftover.exists()
    # undo goes back to the version on disk
    w.menus.act_undo.trigger()
    assert w.document.pattern.title == "Wereldvrede"
    # a second start finds nothing to offer
    other = make_window()
    assert other.files.offer_recovery() == 0


def _leave_a_recovery_copy() -> Path:
    """A recovery copy of a new pattern, left by a Patroon that is gone (the only one in the folder)."""
    from patroon.gui.files import recovery_dir, write_recovery

    folder = recovery_dir()
    for old in folder.glob("*.yaml"):
        old.unlink()
    leftover = folder / "recovery-x.yaml"
    write_recovery(leftover, model.blank_pattern(), None)
    data = leftover.read_text(encoding="utf-8").replace(f'"pid": {os.getpid()}', f'"pid": {_dead_pid()}')
    leftover.write_text(data, encoding="utf-8")
    return leftover


def test_recovery_can_be_discarded(make_window):
    leftover = _leave_a_recovery_copy()
    w = make_window()
    w.answers.append(B.Discard)
    assert w.files.offer_recovery() == 0
    assert not leftover.exists()
    assert not w.document.is_modified()


def _empty_recovery_folder() -> Path:
    from patroon.gui.files import recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    return folder


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_examples_menu_makes_an_untitled_copy(window):
    w = window
    w.menus.examples_menu.aboutToShow.emit()
    actions = [a for a in w.menus.examples_menu.actions() if a.text()]
    assert len(actions) == 5
    wanted = next(a for a in actions if a.text() == "Wereldvrede")
    wanted.trigger()
    assert w.document.pattern == load_pattern(WERELDVREDE)
    assert w.document.path is None
    assert len(w.scene.steps) == 6


def test_recent_files_menu(window, pattern_file):
    w = window
    w.files.open_path(pattern_file)
    w.menus.recent_menu.aboutToShow.emit()
    entries = [a for a in w.menus.recent_menu.actions() if a.statusTip() == str(pattern_file)]
    assert entries
    w.files.new_pattern()
    entries[0].trigger()
    assert w.document.path == pattern_file


def test_dropping_a_file_opens_it(window, pattern_file, qtbot):
    w = window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pattern_file))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    qtbot.waitUntil(lambda: w.document.path == pattern_file, timeout=2000)


def test_window_geometry_is_remembered(make_window):
    w = make_window()
    w.resize(700, 500)
    w.dock.hide()
    assert w.close()
    other = make_window()
    assert other.size().width() == 700
    assert other.dock.isHidden()
    other.dock.show()
    other.close()


def test_file_removed_on_disk_is_said_and_the_pattern_kept(window, pattern_file, qtbot):
    w = window
    w.files.open_path(pattern_file)
    pattern = w.document.pattern
    w.answers.append(B.Ok)
    pattern_file.unlink()
    qtbot.waitUntil(lambda: len(w.asked) == 1, timeout=5000)
    assert w.asked[0]["icon"] == QMessageBox.Icon.Warning and "wereldvrede.yaml" in w.asked[0]["text"]
    assert w.document.pattern == pattern and w.document.is_modified()
    assert w.files.save()  # saving puts it back
    assert load_pattern(pattern_file) == pattern


def test_a_change_on_disk_while_presenting_is_asked_once_after_the_presentation(window, pattern_file, qtbot):
    # Nothing of the editor may come over the pattern on the projector: the question waits for Esc.
    w = window
    w.files.open_path(pattern_file)
    w.menus.act_present.trigger()
    presenter = w.presenter
    qtbot.keyClick(presenter, Qt.Key.Key_End)
    for title in ("Eerste wijziging", "Tweede wijziging"):
        with qtbot.waitSignal(w.files.watcher.fileChanged, timeout=5000):
            pattern_file.write_text(dumps(model.update(load_pattern(WERELDVREDE), title=title)), encoding="utf-8")
        w.files.check_disk()  # what the watcher's timer calls
    assert w.asked == []
    assert presenter.isVisible() and presenter.position > len(presenter.pattern.steps) and w.document.pattern.title == "Wereldvrede"
    w.answers.append(B.Yes)
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(w.asked) == 1, timeout=5000)
    assert not presenter.isVisible()
    assert w.asked[0]["title"] == "Bestand op schijf gewijzigd"
    assert w.document.pattern.title == "Tweede wijziging" and not w.document.is_modified()
    w.files.check_disk()
    assert len(w.asked) == 1  # several changes, one question


def test_closing_the_editor_while_presenting_drops_the_held_question(window, pattern_file, qtbot):
    w = window
    w.files.open_path(pattern_file)
    w.menus.act_present.trigger()
    presenter = w.presenter
    with qtbot.waitSignal(w.files.watcher.fileChanged, timeout=5000):
        pattern_file.write_text(dumps(model.update(load_pattern(WERELDVREDE), title="Elders gewijzigd")),
                                encoding="utf-8")
    w.files.check_disk()
    assert w.close()
    qtbot.waitUntil(lambda: not presenter.isVisible(), timeout=5000)
    qtbot.wait(50)  # what was held would run now
    assert w.asked == []


def test_recovery_offer_waits_until_the_presentation_ends(make_window, qtbot):
    # ``patroon present FILE`` after a crash: the offer comes in the editor, after Esc.
    leftover = _leave_a_recovery_copy()
    w = make_window()
    w.files.open_path(WERELDVREDE)
    w.menus.act_present.trigger()
    assert w.files.offer_recovery() == 0
    assert w.asked == [] and leftover.exists()
    w.answers.append(B.Discard)
    qtbot.keyClick(w.presenter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(w.asked) == 1, timeout=5000)
    assert not leftover.exists()


def test_new_patterns_are_saved_as_patroon_yaml(window, tmp_path, monkeypatch):
    """The double-click file type (packaging/linux) matches *.patroon.yaml: suggest that name."""
    from PySide6.QtWidgets import QFileDialog

    w = window
    w.files.new_pattern()
    change_title(w, "Tussen wal en schip")
    seen: list[str] = []

    def dialog(parent, caption, suggested, filters):
        seen.append(suggested)
        return str(tmp_path / "zonder-extensie"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert w.files.save()
    assert seen[0].endswith(".patroon.yaml")
    saved = tmp_path / "zonder-extensie.patroon.yaml"
    assert load_pattern(saved).title == "Tussen wal en schip"


def _start_like_run_gui():
    """A window started the way ``patroon`` starts one: shown first, the workspace built after."""
    from PySide6.QtWidgets import QApplication

    from patroon.gui.mainwindow import MainWindow

    w = MainWindow(lazy=True)
    w.show()
    QApplication.processEvents()
    w.finish_start()
    for _ in range(3):
        QApplication.processEvents()
    return w


def test_second_start_keeps_the_canvas_large(make_window, qtbot):
    from PySide6.QtCore import QSettings

    QSettings().clear()
    first = _start_like_run_gui()
    qtbot.waitExposed(first)
    assert first.view.width() > first.dock.width()
    first.resize(1280, 800)
    first.close()  # saves the window's settings
    second = _start_like_run_gui()
    qtbot.waitExposed(second)
    try:
        assert second.view.width() > second.dock.width() > 100
        assert second.dock.width() <= second.width() // 3 + 2
        assert second.statusBar().zoom_label.text() == f"{round(second.view.zoom() * 100)} %"
        assert second.view.zoom() > 0.3  # the diagram readable, not a stamp at 4 %
    finally:
        second.close()


def test_panel_never_starts_wider_than_a_third(make_window, qtbot):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings().clear()
    first = _start_like_run_gui()
    first.resize(1280, 800)
    first.resizeDocks([first.dock], [1000], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert first.dock.width() > 640
    first.close()
    second = _start_like_run_gui()
    try:
        assert second.dock.width() <= second.width() // 3 + 2
        assert second.view.width() > second.width() // 2
    finally:
        second.close()


def test_status_message_does_not_overlap_the_key_hint(make_window, pattern_file, qtbot):
    from PySide6.QtWidgets import QApplication

    from patroon.gui.mainwindow import MainWindow

    w = MainWindow(lazy=True)  # as run_gui starts with a file: shown, then the file read
    w.show()
    QApplication.processEvents()
    try:
        assert w.files.open_path(pattern_file)
        for _ in range(3):
            QApplication.processEvents()
        assert "geopend" in w.statusBar().currentMessage()
        assert not w.statusBar().hint_label.isVisible()  # the message alone, not drawn over the hint
        w.statusBar().clearMessage()
        QApplication.processEvents()
        assert w.statusBar().hint_label.isVisible() and w.statusBar().hint_label.text()
    finally:
        w.close()


def test_recovery_offer_names_the_file_its_folder_and_the_time(make_window, tmp_path):
    from PySide6.QtCore import QDateTime, QLocale

    from patroon.gui.files import RECOVERY_MARK, recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    dead_pid = _dead_pid()
    sources = []
    for number, where in enumerate(("werk", "thuis"), start=1):
        source = tmp_path / where / "patroon.yaml"
        source.parent.mkdir()
        shutil.copy(WERELDVREDE, source)
        written = time.time() - 3600 * number
        header = {"path": str(source), "time": written, "pid": dead_pid}
        (folder / f"recovery-{dead_pid}-{number}-0.yaml").write_text(
            RECOVERY_MARK + json.dumps(header) + "\n" + dumps(load_pattern(source)), encoding="utf-8")
        sources.append((source, written))
    w = make_window()
    w.answers.extend([B.Discard, B.Discard])
    assert w.files.offer_recovery() == 0
    texts = [a["text"] for a in w.asked]
    assert len(texts) == 2
    for (source, written), asked in zip(sources, w.asked):  # newest first
        text = asked["text"]
        # The file's name in the sentence; the folder, which tells the two apart, on its own line.
        assert "‘patroon.yaml’" in text and str(source.parent) not in text
        assert asked["details"].startswith("Map: /") and asked["details"].endswith(f"/{source.parent.name}")
        assert QDateTime.fromSecsSinceEpoch(int(written)).toString("HH:mm") in text
        month = QLocale(QLocale.Language.Dutch).toString(QDateTime.fromSecsSinceEpoch(int(written)), "MMM")
        assert f" {month} " in text  # the month in Dutch, as the rest of the sentence


def test_a_long_folder_is_shortened_in_the_middle_to_stay_on_one_line(make_window, tmp_path):
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from patroon.gui.files import FOLDER_LINE_CHARS, folder_line

    make_window()
    folder = tmp_path / "Regio Noord-Holland" / "bijeenkomsten" / "juni 2024 gemeenten en zorgverzekeraar" / "tafel 3"
    line = folder_line(folder)
    metrics = QFontMetrics(QApplication.font("QMessageBox"))
    assert "…" in line and line.endswith("tafel 3") and line.startswith(str(tmp_path)[:8])
    assert metrics.horizontalAdvance(line) <= metrics.averageCharWidth() * FOLDER_LINE_CHARS
    assert folder_line(Path("/srv/werk")) == "/srv/werk"


def test_table_timer_shows_in_the_status_bar_and_signals_the_end(make_window, monkeypatch, qtbot):
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QApplication

    from patroon.gui.document import Document
    from patroon.gui.mainwindow import MainWindow
    from patroon.gui.present_timer import timer_for

    now = [1000.0]
    document = Document(load_pattern(WERELDVREDE), WERELDVREDE)
    timer = timer_for(document, minutes=25, clock=lambda: now[0])
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    w = MainWindow(document)
    w.show()
    qtbot.waitExposed(w)
    try:
        label = w.statusBar().timer_label
        assert not label.isVisible()  # nothing to show before the timer is started
        timer.start()  # as T in the presenter does
        now[0] += 60
        timer.poll()
        assert label.isVisible() and "24:00" in label.text()
        now[0] += 24 * 60 + 1
        timer.poll()
        assert timer.is_finished
        assert label.text() == "Tijd!"
        assert beeps == [1]
        QApplication.processEvents()
        image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        reds = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                   if QColor(image.pixel(x, y)).name() == "#c8102e")
        assert reds > image.width() * image.height() / 8  # the item turns red
    finally:
        document.reset(document.pattern, document.path)
        w.close()


def test_save_failure_reason_is_in_dutch(window, tmp_path):
    w = window
    change_title(w, "Nergens heen")
    missing = tmp_path / "weg" / "patroon.yaml"
    assert not w.files.save_to(missing)
    details = w.asked[-1]["details"]
    assert "de map bestaat niet" in details and "No such file" not in details
    assert "de map bestaat niet" in w.statusBar().currentMessage()
    assert not missing.exists() and w.document.is_modified()


@pytest.mark.parametrize("error, words", [
    (OSError(30, "Read-only file system"), "alleen-lezen"),
    (OSError(28, "No space left on device"), "schijf is vol"),
    (OSError(13, "Permission denied"), "geen toestemming"),
])
def test_save_failure_reasons_from_the_system_are_translated(make_window, error, words):
    from patroon.gui.files import SaveError
    from patroon.gui.files import failure_reason

    make_window()  # the Dutch translation installed
    assert words in failure_reason(error)
    assert words in failure_reason(SaveError(error.strerror))  # QSaveFile gives only the text


def test_file_dialog_speaks_dutch(make_window):
    from PySide6.QtWidgets import QFileDialog, QLabel

    make_window()
    dialog = QFileDialog(None, "Open")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    try:
        # Qt's own Dutch differs a little between releases ("Bestands&type:", "Bestanden van type:").
        labels = [label.text().replace("&", "") for label in dialog.findChildren(QLabel)]
        assert "Zoeken in:" in labels and any(text.startswith("Bestand") and "type" in text for text in labels)
        assert not any("Look in" in text or "Files of" in text for text in labels)
    finally:
        dialog.deleteLater()


def test_recovery_is_per_window_while_other_windows_run(make_window, tmp_path):
    """A copy whose window was killed is offered at once; a copy a running window owns never is."""
    import sys
    import textwrap

    from patroon.gui.files import orphaned_recoveries

    folder = _empty_recovery_folder()
    running = make_window()
    change_title(running, "Nog open in een ander venster")
    running.files.autosave()  # this window owns its copy
    assert running.files.recovery_file.exists()
    killed = folder / "recovery-killed.yaml"
    script = textwrap.dedent(f"""
        import os, sys
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication(sys.argv)
        from patroon import model
        from pathlib import Path
        from patroon.gui.files import recovery_lock, write_recovery
        copy = Path({str(killed)!r})
        lock = recovery_lock(copy)
        assert lock.tryLock(0)
        write_recovery(copy, model.update(model.blank_pattern(), title="Gekild venster"), None)
        os._exit(9)  # killed: the lock is never released
    """)
    subprocess.run([sys.executable, "-c", script], check=False, env={**os.environ})
    assert killed.exists() and Path(str(killed) + ".lock").exists()
    offered = [r.pattern.title for r in orphaned_recoveries()]
    assert offered == ["Gekild venster"]
    # Leave no orphan behind: a program started later by another test would be offered it.
    for leftover in (killed, Path(str(killed) + ".lock")):
        leftover.unlink(missing_ok=True)
