"""The editor as a program: its language, and the real program on a real X server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from xserver import x_server

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "src" / "patroon" / "translations"
WERELDVREDE = ROOT / "patterns" / "wereldvrede.yaml"


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


@pytest.mark.parametrize("lang, expected", [("nl", "&Bestand"), ("en", "&File")])
def test_ui_language(qtbot, lang, expected):
    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang=lang)
    try:
        w = MainWindow()
        assert _menu_titles(w)[0] == expected
        assert w.statusBar().steps_label.text() == ("4 stappen" if lang == "nl" else "4 steps")
        w.close()
    finally:
        make_application(lang="nl")


def test_english_system_locale_gives_english(qtbot, monkeypatch):
    from patroon.gui.app import install_translator
    from PySide6.QtWidgets import QApplication

    monkeypatch.setenv("LANGUAGE", "en_GB:en")
    try:
        assert install_translator(QApplication.instance(), None) == "en"
    finally:
        monkeypatch.setenv("LANGUAGE", "nl")
        install_translator(QApplication.instance(), "nl")


def test_every_ui_text_has_a_dutch_translation():
    tree = ET.parse(TRANSLATIONS / "patroon_nl.ts")
    unfinished = [m.find("source").text for m in tree.getroot().iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert unfinished == []
    qm = TRANSLATIONS / "patroon_nl.qm"
    assert qm.exists() and qm.stat().st_mtime >= (TRANSLATIONS / "patroon_nl.ts").stat().st_mtime - 1


@pytest.mark.skipif(not shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)), reason="no Qt tools")
def test_translation_source_is_up_to_date(tmp_path):
    """Every text the GUI code asks to translate is in the .ts file (run lupdate when this fails)."""
    fresh = tmp_path / "fresh.ts"
    lupdate = str(Path(sys.executable).parent / "pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "src" / "patroon" / "gui").glob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def texts(path):
        return {(c.find("name").text, m.find("source").text)
                for c in ET.parse(path).getroot().iter("context") for m in c.iter("message")}

    assert texts(fresh) <= texts(TRANSLATIONS / "patroon_nl.ts")


def test_run_gui_opens_the_files_given(qtbot, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from patroon.gui import app as app_module

    seen = {}

    def fake_exec():
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow" and w.isVisible()]
        seen["paths"] = [w.document.path for w in windows]
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec, raising=False)
    assert app_module.run_gui([str(WERELDVREDE)], lang="nl") == 0
    assert seen["paths"] == [WERELDVREDE.absolute()]


def _visible_main_windows():
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow" and w.isVisible()]


@pytest.fixture
def bad_pattern(tmp_path) -> Path:
    path = tmp_path / "kapot.yaml"
    path.write_text("title: Kapot\nsteps:\n  - text: alleen één stap\n", encoding="utf-8")
    return path


def test_present_with_a_bad_file_says_why_and_opens_nothing(qtbot, monkeypatch, capsys, bad_pattern):
    from PySide6.QtWidgets import QApplication

    from patroon.gui import app as app_module

    def no_exec():
        raise AssertionError("no window may open")

    monkeypatch.setattr(QApplication.instance(), "exec", no_exec, raising=False)
    before = len(_visible_main_windows())
    assert app_module.run_gui([str(bad_pattern)], present=True, lang="nl") == 1
    err = capsys.readouterr().err
    assert err.startswith("FOUT") and "kapot.yaml" in err
    assert len(_visible_main_windows()) == before


@pytest.mark.parametrize("present", [False, True])
def test_no_display_gives_a_clear_message(monkeypatch, capsys, present):
    from patroon.gui import app as app_module

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert app_module.run_gui([str(WERELDVREDE)], present=present, lang="nl") == 1
    err = capsys.readouterr().err
    assert "geen beeldscherm gevonden" in err and "patroon export" in err


def test_the_program_without_a_display_exits_1_with_a_clear_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["LANGUAGE"] = "en"
    result = subprocess.run([sys.executable, "-m", "patroon", str(WERELDVREDE)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "no display found" in result.stderr and "xcb" not in result.stderr


def test_load_error_dialog_does_not_name_the_failed_file_in_the_title(qtbot, monkeypatch, bad_pattern):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from patroon.gui import app as app_module
    from patroon.gui.mainwindow import MainWindow

    titles = []

    def ask(self, *args, **kwargs):
        titles.append(self.windowTitle())
        return QMessageBox.StandardButton.Ok

    def fake_exec():
        for w in _visible_main_windows():
            w.close()
        return 0

    monkeypatch.setattr(MainWindow, "ask", ask)
    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec, raising=False)
    assert app_module.run_gui([str(bad_pattern)], lang="nl") == 0
    assert titles and all("kapot" not in t for t in titles)



# The real program on a real X server -------------------------------------------------------


@pytest.fixture
def xserver(tmp_path):
    """A private 1600x1000 X server with a window manager; yields its environment."""
    with x_server("1600x1000", tmp_path) as env:
        yield env


def wait_for_window(name: str, env: dict, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], env=env,
                               capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.1)
    raise AssertionError(f"no window named {name!r} appeared")


def _read_line(proc: subprocess.Popen, timeout: float) -> str:
    """The next line the program writes to stderr, or "" after ``timeout`` seconds."""
    import select

    ready, _, _ = select.select([proc.stderr], [], [], timeout)
    return proc.stderr.readline().strip() if ready else ""


@pytest.mark.slow
def test_real_program_opens_a_file_and_quits_with_ctrl_q(xserver, tmp_path):
    pattern = tmp_path / "wereldvrede.yaml"
    shutil.copy(WERELDVREDE, pattern)
    proc = subprocess.Popen([sys.executable, "-m", "patroon", str(pattern)],
                            env={**xserver, "PATROON_TRACE_STARTUP": "1"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = wait_for_window("wereldvrede.yaml — Patroon", xserver)
        # the window comes first, the diagram a moment later: wait for it to be painted
        assert _read_line(proc, 30) == "patroon: diagram painted"
        # The key goes to the focused window: a just-mapped window may not have the focus yet, so
        # focus it and press again until the program ends (a window that ignores Ctrl+Q fails).
        for _attempt in range(10):
            subprocess.run(["xdotool", "windowactivate", "--sync", window], env=xserver, capture_output=True, timeout=5)
            subprocess.run(["xdotool", "windowfocus", "--sync", window], env=xserver, capture_output=True, timeout=5)
            subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+q"], env=xserver, check=True)
            try:
                proc.wait(timeout=2)
                break
            except subprocess.TimeoutExpired:
                continue
        assert proc.wait(timeout=5) == 0, proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert pattern.read_bytes() == WERELDVREDE.read_bytes()  # nothing written on a plain quit
    assert not any((Path(xserver["XDG_DATA_HOME"])).rglob("recovery-*.yaml"))


# A fresh process: fonts registered by earlier tests would hide the fault.
_EDITOR_FONTS = """
import sys
from PySide6.QtGui import QFontDatabase
from patroon.gui.app import make_application
from patroon.gui.mainwindow import MainWindow

app = make_application([], lang="nl")
window = MainWindow()
assert window.files.open_path(sys.argv[1])
print("Symbola" in QFontDatabase.families())
"""


def test_the_editor_has_the_symbol_font_for_emoji_only_its_side_panel_shows(tmp_path):
    """An emoji in a question (shown in the side panel, never measured by the diagram) is no empty box."""
    source = tmp_path / "vraag.yaml"
    source.write_text("patroon: 1\ntitle: Gewoon\nsteps:\n  - text: een\n  - text: twee\n"
                      "questions:\n  - Wat zie je? 🤔\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", _EDITOR_FONTS, str(source)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_the_editor_leaves_the_symbol_font_until_a_text_needs_it(tmp_path):
    """Symbola (3 MB) is not read for a pattern of Dutch text; typing an emoji in the side panel reads it."""
    source = tmp_path / "gewoon.yaml"
    source.write_text("patroon: 1\ntitle: Gewoon één\nsteps:\n  - text: een\n  - text: twee\n", encoding="utf-8")
    script = _EDITOR_FONTS + (
        "window.panel.title_edit.setFocus()\n"
        "window.panel.title_edit.end(False)\n"
        "window.panel.title_edit.insert(' 🙂')\n"
        "window.panel.title_edit.textEdited.emit(window.panel.title_edit.text())\n"
        "print(window.document.pattern.title, 'Symbola' in QFontDatabase.families())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script, str(source)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["False", "Gewoon één 🙂 True"]


_PRESENTER_FONTS = """
import sys
from pathlib import Path
from PySide6.QtGui import QFontDatabase
from patroon.fileformat import load_pattern
from patroon.gui.app import make_application
from patroon.gui.document import Document
from patroon.gui.present import PresenterWindow

app = make_application([], lang="nl")
document = Document()
document.reset(load_pattern(sys.argv[1]), Path(sys.argv[1]))
presenter = PresenterWindow(document)
print("Symbola" in QFontDatabase.families())
"""


@pytest.mark.parametrize("question, needed", [("Wat zie je?", "False"), ("Wat zie je? 🤔", "True")])
def test_the_presenter_reads_the_symbol_font_only_for_a_pattern_that_needs_it(tmp_path, question, needed):
    source = tmp_path / "vraag.yaml"
    source.write_text(f"patroon: 1\ntitle: Gewoon\nsteps:\n  - text: een\n  - text: twee\nquestions:\n  - {question}\n",
                      encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", _PRESENTER_FONTS, str(source)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == needed
