"""Facilitator mode: keys, reveal, blank screens, questions, timer, live breakthroughs, legibility."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage

from conftest import PATTERNS
from patroon.fileformat import load_pattern
from patroon.gui.document import Document
from patroon.gui.present import PresenterWindow, choose_screen
from patroon.gui.present_timer import TableTimer, format_remaining

WERELDVREDE = next(p for p in PATTERNS if p.stem == "wereldvrede")


class FakeClock:
    """A clock tests move by hand: no sleeping for minutes."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def document() -> Document:
    return Document(load_pattern(WERELDVREDE), WERELDVREDE)


@pytest.fixture
def window(qtbot, document, clock) -> PresenterWindow:
    win = PresenterWindow(document, clock=clock)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.setFocus()
    return win


def press(qtbot, window, key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    for _ in range(times):
        qtbot.keyClick(window, key, modifier)


def grab(window) -> QImage:
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def share_of(image: QImage, rect: QRect, predicate) -> float:
    """The share of the pixels in ``rect`` (sampled every 3 px) for which ``predicate(QColor)`` holds."""
    rect = rect.intersected(image.rect())
    hits = total = 0
    for y in range(rect.top(), rect.bottom() + 1, 3):
        for x in range(rect.left(), rect.right() + 1, 3):
            total += 1
            hits += bool(predicate(QColor(image.pixel(x, y))))
    return hits / max(total, 1)


def is_colour(colour: QColor, tolerance: int = 12):
    return lambda c: (
        abs(c.red() - colour.red()) <= tolerance
        and abs(c.green() - colour.green()) <= tolerance
        and abs(c.blue() - colour.blue()) <= tolerance
    )


def circle_closed(window) -> bool:
    """Every step and every arrow shown, the last one back to the first (position n + 1 or beyond)."""
    return window.position > len(window.pattern.steps)


def step_rect(window, index: int, inset: int = 12) -> QRect:
    """Where step ``index``'s box is on the widget, shrunk by ``inset`` to stay inside its rounded border."""
    box = window.view.pattern_layout().steps[index].box
    dx, dy = window.view.geometry().offset
    return QRect(round(box.x + dx + inset), round(box.y + dy + inset), round(box.w - 2 * inset), round(box.h - 2 * inset))


# Reveal --------------------------------------------------------------------------------------


def test_starts_with_the_title_only(window):
    assert window.position == 0
    assert window.revealed == 0
    assert window.highlight is None
    assert not circle_closed(window)


@pytest.mark.parametrize(
    "key",
    [Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter],
)
def test_next_keys_reveal_one_step_at_a_time(qtbot, window, key):
    steps = window.pattern.steps
    for k in range(1, len(steps) + 1):
        press(qtbot, window, key)
        assert window.revealed == k
        assert window.highlight == steps[k - 1].id


@pytest.mark.parametrize("key", [Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace])
def test_previous_keys_go_back(qtbot, window, key):
    press(qtbot, window, Qt.Key.Key_PageDown, 3)
    press(qtbot, window, key)
    assert window.revealed == 2
    assert window.highlight == window.pattern.steps[1].id
    press(qtbot, window, key, 5)
    assert window.position == 0  # never below the title


def test_the_last_next_closes_the_circle_then_shows_the_questions(qtbot, window):
    n = len(window.pattern.steps)
    press(qtbot, window, Qt.Key.Key_Space, n)
    assert window.highlight == window.pattern.steps[-1].id and not circle_closed(window)
    before = grab(window)
    press(qtbot, window, Qt.Key.Key_Space)
    assert circle_closed(window) and window.revealed == n
    assert window.highlight is None  # every step at full strength
    assert grab(window) != before  # the closing arrow appears, the softened steps brighten
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.questions_shown
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.questions_shown and circle_closed(window)  # the end: nothing more
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert not window.questions_shown and circle_closed(window)


def test_home_and_end(qtbot, window):
    press(qtbot, window, Qt.Key.Key_End)
    assert circle_closed(window) and window.highlight is None
    press(qtbot, window, Qt.Key.Key_Home)
    assert window.position == 0


def test_clicks_go_forward_and_back(qtbot, window):
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    assert window.revealed == 2
    qtbot.mouseClick(window, Qt.MouseButton.RightButton)
    assert window.revealed == 1


def test_title_only_has_no_box_where_step_one_will_be(qtbot, window):
    background = window.view.palette.background
    area = step_rect(window, 0)
    assert share_of(grab(window), area, is_colour(background)) > 0.98
    press(qtbot, window, Qt.Key.Key_Right)
    assert share_of(grab(window), area, is_colour(background)) < 0.9  # a filled box with text now


def test_the_revealed_step_stands_out_from_the_softened_ones(qtbot, window):
    def dark(c: QColor) -> bool:  # black text and borders; softened steps are grey
        return max(c.red(), c.green(), c.blue()) < 60

    press(qtbot, window, Qt.Key.Key_Right, 2)
    image = grab(window)
    assert share_of(image, step_rect(window, 0, inset=0), dark) == 0  # softened
    assert share_of(image, step_rect(window, 1, inset=0), dark) > 0.01  # highlighted
    assert QColor(image.pixel(step_rect(window, 1).topLeft())) == QColor(window.view.palette.render.highlight_fill)
    press(qtbot, window, Qt.Key.Key_End)
    closed = grab(window)
    assert all(share_of(closed, step_rect(window, i, inset=0), dark) > 0.01 for i in range(len(window.pattern.steps)))


# Blank screens, questions, help -------------------------------------------------------------


def test_b_blanks_black_and_any_key_returns_without_moving_on(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_B)
    assert window.blank == "black"
    assert share_of(grab(window), window.rect(), is_colour(QColor("black"), 0)) == 1.0
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.blank is None and window.revealed == 1
    press(qtbot, window, Qt.Key.Key_B)
    press(qtbot, window, Qt.Key.Key_B)
    assert window.blank is None


def test_w_blanks_white(qtbot, window):
    press(qtbot, window, Qt.Key.Key_W)
    assert window.blank == "white"
    assert share_of(grab(window), window.rect(), is_colour(QColor("white"), 0)) == 1.0
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    assert window.blank is None and window.position == 0


def test_q_shows_the_questions_large(qtbot, window):
    diagram = grab(window)
    press(qtbot, window, Qt.Key.Key_Q)
    assert window.questions_shown
    geometry = window.view.geometry()
    assert geometry.questions_px >= 0.04 * window.height()
    assert grab(window) != diagram
    press(qtbot, window, Qt.Key.Key_Q)
    assert not window.questions_shown


def test_help_overlay_on_question_mark_and_f1(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.help_shown
    press(qtbot, window, Qt.Key.Key_Escape)  # Esc first closes the help
    assert not window.help_shown and window.isVisible()
    qtbot.keyClick(window, "?")
    assert window.help_shown
    press(qtbot, window, Qt.Key.Key_F1)
    assert not window.help_shown


def test_help_overlay_hides_the_pattern_behind_it(qtbot, window):
    from patroon.gui.present_view import HELP_PANEL

    press(qtbot, window, Qt.Key.Key_End)  # everything shown: steps under the help's corner
    press(qtbot, window, Qt.Key.Key_F1)
    full = grab(window)
    press(qtbot, window, Qt.Key.Key_F1)
    press(qtbot, window, Qt.Key.Key_Home)  # the title only: nothing under the help
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.help_shown
    empty = grab(window)
    area = window.view.help_rect().toAlignedRect().adjusted(4, 4, -4, -4)
    assert area.width() > 200 and area.height() > 200
    assert full.copy(area) == empty.copy(area)  # nothing of the pattern shows through
    press(qtbot, window, Qt.Key.Key_F1)
    assert grab(window).copy(area) != full.copy(area)  # (the pattern is there without the help)
    corner = area.topLeft() + QPoint(2, 2)
    assert QColor(full.pixel(corner)) == HELP_PANEL  # an opaque panel behind the text


def test_escape_leaves_and_says_so(qtbot, window):
    with qtbot.waitSignal(window.closed, timeout=1000):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_escape_leaves_from_a_blank_screen(qtbot, window):
    press(qtbot, window, Qt.Key.Key_B)
    with qtbot.waitSignal(window.closed, timeout=1000):
        press(qtbot, window, Qt.Key.Key_Escape)


def test_start_goes_full_screen_on_the_given_screen_with_the_title_only(qtbot, document):
    win = PresenterWindow(document, screen=choose_screen())
    qtbot.addWidget(win)
    for _ in range(3):  # a window shown before: it starts again from the title
        win.go_next()
    win.start()
    qtbot.waitExposed(win)
    assert win.isFullScreen()
    assert win.screen() is choose_screen()
    assert win.position == 0


# Timer --------------------------------------------------------------------------------------


def test_timer_starts_pauses_and_counts_down(qtbot, window, clock):
    assert window.timer.idle and window.timer.duration == 25 * 60
    press(qtbot, window, Qt.Key.Key_T)
    assert window.timer.running
    clock.advance(61)
    window.timer.poll()
    assert window.timer.text() == "23:59"
    press(qtbot, window, Qt.Key.Key_T)
    assert not window.timer.running
    clock.advance(300)
    assert window.timer.text() == "23:59"


def test_timer_is_set_with_digits_then_t_and_plus_minus(qtbot, window, clock):
    qtbot.keyClicks(window, "10")
    press(qtbot, window, Qt.Key.Key_T)
    assert window.timer.running and window.timer.duration == 600
    press(qtbot, window, Qt.Key.Key_Plus)
    assert window.timer.text() == "11:00"
    press(qtbot, window, Qt.Key.Key_Minus, 2)
    assert window.timer.text() == "9:00"
    press(qtbot, window, Qt.Key.Key_R)
    assert window.timer.idle and not window.timer.running


def test_digits_followed_by_another_key_do_not_set_the_timer(qtbot, window):
    qtbot.keyClicks(window, "5")
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_T)
    assert window.timer.duration == 25 * 60 and window.revealed == 1


def test_timer_shows_in_a_corner_and_signals_the_end(qtbot, window, clock):
    corner = window.view.timer_rect().toAlignedRect()
    background = window.view.palette.background
    assert share_of(grab(window), corner, is_colour(background)) > 0.98  # hidden until used
    qtbot.keyClicks(window, "1")
    press(qtbot, window, Qt.Key.Key_T)
    assert share_of(grab(window), corner, is_colour(background)) < 0.98  # the countdown shows
    assert corner.right() <= window.width() and corner.top() >= 0
    assert window.view.timer_rect().height() >= 0.08 * window.height()  # readable from the back
    with qtbot.waitSignal(window.timer.finished, timeout=1000):
        clock.advance(61)
        window.timer.poll()
    assert window.timer.is_finished and window.timer.text() == "0:00"
    alarm = window.view.palette.alarm
    red = []
    for _half_second in range(2):  # it blinks: red on white, then white on red
        red.append(share_of(grab(window), corner, is_colour(alarm, 30)))
        clock.advance(0.5)
    assert min(red) > 0.02 and max(red) > 0.5


def test_table_timer_alone(qtbot, clock):
    timer = TableTimer(2, clock=clock)
    timer.start()
    clock.advance(30)
    assert timer.remaining() == 90
    timer.add_minutes(-5)
    assert timer.is_finished and timer.remaining() == 0
    timer.toggle()  # after the end: a full countdown again, paused
    assert not timer.is_finished and not timer.running and timer.remaining() == 120
    assert format_remaining(59.1) == "1:00" and format_remaining(0) == "0:00"


# Live breakthrough ---------------------------------------------------------------------------


def test_d_adds_a_breakthrough_after_the_highlighted_step(qtbot, window, document):
    press(qtbot, window, Qt.Key.Key_Right, 2)
    target = window.highlight
    press(qtbot, window, Qt.Key.Key_D)
    assert window.prompt.isVisible() and window.prompt_target == target
    qtbot.keyClicks(window.prompt.edit, "Samen een visie maken")
    press(qtbot, window.prompt.edit, Qt.Key.Key_Return)
    assert not window.prompt.isVisible()
    assert [(b.after, b.text) for b in document.pattern.breakthroughs] == [(target, "Samen een visie maken")]
    assert document.is_modified()
    assert document.undo_stack.undoText()
    assert len(window.view.pattern_layout().breakthroughs) == 1  # laid out and painted at once
    assert window.revealed == 2  # the reveal stays where it was
    document.undo_stack.undo()
    assert document.pattern.breakthroughs == [] and not document.is_modified()
    assert len(window.view.pattern_layout().breakthroughs) == 0


def test_breakthrough_prompt_escape_cancels_and_stays(qtbot, window, document):
    press(qtbot, window, Qt.Key.Key_End)
    press(qtbot, window, Qt.Key.Key_D)
    assert window.prompt_target == document.pattern.steps[-1].id  # the last revealed step
    press(qtbot, window.prompt.edit, Qt.Key.Key_Up)
    assert window.prompt_target == document.pattern.steps[-2].id
    qtbot.keyClicks(window.prompt.edit, "x")
    press(qtbot, window.prompt.edit, Qt.Key.Key_Escape)
    assert not window.prompt.isVisible() and window.isVisible()
    assert document.pattern.breakthroughs == [] and not document.is_modified()


def test_breakthrough_needs_a_revealed_step(qtbot, window, document):
    press(qtbot, window, Qt.Key.Key_D)
    assert not window.prompt.isVisible()


def test_ctrl_z_undoes_in_the_presenter(qtbot, window, document):
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_D)
    qtbot.keyClicks(window.prompt.edit, "Doorbraak")
    press(qtbot, window.prompt.edit, Qt.Key.Key_Enter)
    press(qtbot, window, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert document.pattern.breakthroughs == []
    press(qtbot, window, Qt.Key.Key_Y, modifier=Qt.KeyboardModifier.ControlModifier)
    assert len(document.pattern.breakthroughs) == 1


def test_follows_changes_made_in_the_editor(qtbot, window, document):
    from patroon.model import remove_step

    press(qtbot, window, Qt.Key.Key_End)
    pattern = document.pattern
    document.apply(remove_step(pattern, pattern.steps[0].id), "remove")
    assert circle_closed(window) and window.revealed == len(pattern.steps) - 1
    assert len(window.view.pattern_layout().steps) == len(pattern.steps) - 1


@pytest.mark.parametrize("steps", [2, 4])
def test_breakthrough_prompt_leaves_the_step_visible(qtbot, window, steps):
    press(qtbot, window, Qt.Key.Key_Right, steps)
    press(qtbot, window, Qt.Key.Key_D)
    assert window.prompt.isVisible()
    prompt = window.prompt.geometry()
    assert window.rect().contains(prompt)
    assert not prompt.intersects(step_rect(window, steps - 1))


def test_the_timer_keeps_running_when_the_presenter_is_left_and_opened_again(qtbot, window, document, clock):
    press(qtbot, window, Qt.Key.Key_T)
    clock.advance(90)
    press(qtbot, window, Qt.Key.Key_Escape)
    clock.advance(30)
    again = PresenterWindow(document)
    qtbot.addWidget(again)
    assert again.timer is window.timer
    assert again.timer.running and again.timer.text() == "23:00"


def test_choose_screen_prefers_a_second_screen(qtbot, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    primary = QGuiApplication.primaryScreen()
    assert choose_screen() is primary  # one screen here
    projector = object()
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [primary, projector]))
    assert choose_screen() is projector
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [projector, primary]))
    assert choose_screen() is projector  # the one that is not the primary


def test_f5_in_the_editor_presents_its_document_and_esc_returns(qtbot):
    from PySide6.QtWidgets import QApplication

    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    editor = MainWindow()
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.files.open_path(WERELDVREDE)
    try:
        editor.menus.act_present.trigger()
        presenters = [w for w in QApplication.topLevelWidgets() if isinstance(w, PresenterWindow) and w.isVisible()]
        assert len(presenters) == 1
        presenter = presenters[0]
        assert presenter.document is editor.document and presenter.isFullScreen() and presenter.position == 0
        press(qtbot, presenter, Qt.Key.Key_Right)
        press(qtbot, presenter, Qt.Key.Key_D)
        qtbot.keyClicks(presenter.prompt.edit, "Live")
        press(qtbot, presenter.prompt.edit, Qt.Key.Key_Return)
        assert editor.document.pattern.breakthroughs[0].text == "Live" and editor.document.is_modified()
        with qtbot.waitSignal(presenter.closed, timeout=1000):
            press(qtbot, presenter, Qt.Key.Key_Escape)
        assert editor.isVisible() and not presenter.isVisible()
    finally:
        editor.document.reset(editor.document.pattern, None)
        editor.close()


def test_shift_alone_neither_returns_from_black_nor_forgets_typed_minutes(qtbot, window):
    qtbot.keyClicks(window, "15")
    press(qtbot, window, Qt.Key.Key_Shift)
    press(qtbot, window, Qt.Key.Key_T)
    assert window.timer.duration == 15 * 60
    press(qtbot, window, Qt.Key.Key_B)
    press(qtbot, window, Qt.Key.Key_Shift)
    assert window.blank == "black"


def test_announces_the_step_shown_for_the_editor_to_follow(qtbot, window):
    shown: list[str] = []
    window.stepShown.connect(shown.append)
    press(qtbot, window, Qt.Key.Key_Right, 2)
    press(qtbot, window, Qt.Key.Key_B)  # blanking changes nothing shown in the pattern
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_End)
    steps = window.pattern.steps
    assert shown == [steps[0].id, steps[1].id, ""]


# The real program -----------------------------------------------------------------------------


@pytest.fixture
def x_display(tmp_path):
    """A private 1024x768 (4:3) X server with a window manager; yields the environment to run programs in."""
    from xserver import x_server

    with x_server("1024x768", tmp_path) as env:
        yield env


GRAB_SCREEN = (
    "import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication(sys.argv[:1]); "
    "app.primaryScreen().grabWindow(0).save(sys.argv[1])"
)


class XSession:
    """Drives programs on the private X server the way a user (or a presenter clicker) does."""

    def __init__(self, env: dict[str, str], log) -> None:
        self.env = env
        self.log = log  # the program's output, shown when a window does not come

    def run(self, *args: str):
        import subprocess

        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=30)

    def windows(self, name: str) -> list[str]:
        """Visible windows whose title is ``name``, with or without the program's name after it.

        (xdotool's own pattern match ignores case and cannot match the bytes of "—".)
        """
        found = self.run("xdotool", "search", "--onlyvisible", "--name", name.split()[0]).stdout.split()
        titles = {name, f"{name} — Patroon"}
        return [w for w in found if self.run("xdotool", "getwindowname", w).stdout.strip() in titles]

    def window(self, name: str) -> str:
        import time

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = self.windows(name)
            if found:
                return found[0]
            time.sleep(0.2)
        raise AssertionError(f"no window {name!r}: {self.log.read_text()[-2000:]}")

    def screen(self, tmp_path) -> QImage:
        """What the X server shows, grabbed by a small Qt program of its own."""
        import sys

        shot = tmp_path / "screen.png"
        self.run(sys.executable, "-c", GRAB_SCREEN, str(shot))
        return QImage(str(shot)).convertToFormat(QImage.Format.Format_RGB32)

    def until(self, tmp_path, condition, what: str) -> QImage:
        import time

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            image = self.screen(tmp_path)
            if condition(image):
                return image
            time.sleep(0.3)
        raise AssertionError(what)


@pytest.fixture
def patroon_on_x(x_display, tmp_path):
    """Start ``patroon ARGS...`` on the private X server; yields (start, XSession); stops it after."""
    import subprocess
    import sys

    log_file = tmp_path / "patroon.log"
    procs = []

    def start(*args: str) -> None:
        log = log_file.open("w")
        procs.append(subprocess.Popen([sys.executable, "-m", "patroon", *args], env=x_display,
                                      stdout=log, stderr=log))

    yield start, XSession(x_display, log_file)
    for proc in procs:
        proc.kill()
        proc.wait()


@pytest.mark.slow
def test_patroon_present_full_screen_at_1024x768(patroon_on_x, tmp_path):
    import shutil
    import time

    start, x = patroon_on_x
    pattern = tmp_path / "wereldvrede.yaml"
    shutil.copy(WERELDVREDE, pattern)
    start("present", str(pattern))
    presenter = x.window("Wereldvrede")
    geometry = x.run("xdotool", "getwindowgeometry", presenter).stdout
    assert "1024x768" in geometry  # the whole screen
    x.run("xdotool", "windowactivate", "--sync", presenter)
    title_only = x.until(tmp_path, lambda im: im.width() == 1024 and im.pixelColor(5, 5) == QColor("white"),
                         "the presenter does not cover the screen")
    highlight = QColor(window_palette_highlight())
    assert share_of(title_only, title_only.rect(), is_colour(highlight, 8)) == 0
    x.run("xdotool", "key", "Right")
    x.until(tmp_path, lambda im: share_of(im, im.rect(), is_colour(highlight, 8)) > 0.01, "no step revealed")
    x.run("xdotool", "key", "b")
    x.until(tmp_path, lambda im: share_of(im, im.rect(), is_colour(QColor("black"), 0)) == 1.0, "no black screen")
    x.run("xdotool", "key", "Escape")
    x.window("wereldvrede.yaml")  # the editor, where it was
    deadline = time.monotonic() + 10
    while x.windows("Wereldvrede"):
        assert time.monotonic() < deadline, "the presenter did not close"
        time.sleep(0.2)


@pytest.mark.slow
def test_a_file_changed_while_presenting_is_asked_about_in_the_editor_after_esc(patroon_on_x, tmp_path):
    # F5 in the editor, End, another program saves the file: the room keeps seeing only the pattern.
    import shutil
    import time

    start, x = patroon_on_x
    pattern = tmp_path / "wereldvrede.yaml"
    shutil.copy(WERELDVREDE, pattern)
    start(str(pattern))
    editor = x.window("wereldvrede.yaml")
    x.run("xdotool", "windowactivate", "--sync", editor)
    x.run("xdotool", "key", "F5")
    presenter = x.window("Wereldvrede")
    x.run("xdotool", "windowactivate", "--sync", presenter)
    x.run("xdotool", "key", "End")
    highlight = QColor(window_palette_highlight())
    whole = x.until(tmp_path, lambda im: im.pixelColor(5, 5) == QColor("white")
                    and share_of(im, im.rect(), is_colour(QColor("black"), 0)) > 0.01
                    and share_of(im, im.rect(), is_colour(highlight, 8)) == 0, "the whole circle is not shown")
    # The opening title meets that test too and stays until the circle is laid out: wait for a still screen.
    deadline = time.monotonic() + 10
    while True:
        time.sleep(1.0)
        again = x.screen(tmp_path)
        if again == whole:
            break
        assert time.monotonic() < deadline, "the presenter's screen does not settle"
        whole = again
    for old, new in (("Er doet zich", "Er speelt zich"), ("complex vraagstuk", "lastig vraagstuk")):
        pattern.write_text(pattern.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        time.sleep(1)  # the editor looks at a changed file after 0.2 s
    assert not x.windows("Bestand op schijf gewijzigd")
    assert x.screen(tmp_path) == whole  # nothing of the editor came over the pattern
    x.run("xdotool", "key", "Escape")
    question = x.window("Bestand op schijf gewijzigd")
    x.run("xdotool", "windowactivate", "--sync", question)
    x.run("xdotool", "key", "Return")  # "Versie op schijf laden"
    deadline = time.monotonic() + 10
    while x.windows("Bestand op schijf gewijzigd"):
        assert time.monotonic() < deadline, "the question did not close"
        time.sleep(0.2)
    time.sleep(1)
    assert not x.windows("Bestand op schijf gewijzigd")  # two changes, one question


def window_palette_highlight() -> str:
    from patroon.render.palette import HIGH_CONTRAST

    return HIGH_CONTRAST.highlight_fill


def test_timer_on_the_questions_view_stays_clear_of_the_questions(qtbot, window):
    press(qtbot, window, Qt.Key.Key_T)
    press(qtbot, window, Qt.Key.Key_Q)
    title, body = window.view.questions_rects(window.width(), window.height())
    timer = window.view.timer_rect()
    assert not timer.intersects(title) and not timer.intersects(body)
    assert window.rect().contains(timer.toAlignedRect())


def note_rect(window) -> QRect:
    """Where the first breakthrough's note is on the widget, inside its border."""
    note = window.view.pattern_layout().breakthroughs[0].note_box
    dx, dy = window.view.geometry().offset
    return QRect(round(note.x + dx + 4), round(note.y + dy + 4), round(note.w - 8), round(note.h - 8))


def test_breakthroughs_in_the_file_wait_for_the_end_of_the_reveal_and_live_ones_show_at_once(qtbot, window, document):
    """The room finds its own ways out first: prepared notes show one "next" after the closed circle."""
    from patroon.model import set_breakthrough

    steps = document.pattern.steps
    document.apply(set_breakthrough(document.pattern, steps[1].id, "Uit het bestand"), "file")
    background = window.view.palette.background

    def note_shown() -> bool:
        return share_of(grab(window), note_rect(window), is_colour(background)) < 0.9

    press(qtbot, window, Qt.Key.Key_Right, 3)  # the arrow from step 2 to 3 is shown; its note is not
    assert window.revealed == 3 and not note_shown()
    press(qtbot, window, Qt.Key.Key_Right, len(steps) - 2)  # the circle closes, still without the note
    assert circle_closed(window) and not window.breakthroughs_shown and not note_shown()
    press(qtbot, window, Qt.Key.Key_Right)  # one more: the prepared breakthroughs
    assert window.breakthroughs_shown and note_shown() and not window.questions_shown
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.questions_shown
    press(qtbot, window, Qt.Key.Key_Home)
    press(qtbot, window, Qt.Key.Key_End)  # End is everything, the notes included
    assert window.breakthroughs_shown and note_shown()

    press(qtbot, window, Qt.Key.Key_Home)
    press(qtbot, window, Qt.Key.Key_Right, 2)
    press(qtbot, window, Qt.Key.Key_D)  # the prompt does not show the hidden note
    assert window.prompt.isVisible() and window.prompt.edit.text() == ""
    press(qtbot, window.prompt.edit, Qt.Key.Key_Return)  # nothing typed: the prepared note stays
    assert document.pattern.breakthroughs[0].text == "Uit het bestand" and not note_shown()
    press(qtbot, window, Qt.Key.Key_D)
    qtbot.keyClicks(window.prompt.edit, "en live")  # typed live on the same arrow: joins it, shows at once
    press(qtbot, window.prompt.edit, Qt.Key.Key_Return)
    assert document.pattern.breakthroughs[0].text == "Uit het bestand en live"
    assert window.highlight == steps[1].id
    assert note_shown()
    press(qtbot, window, Qt.Key.Key_D)  # now the room has seen it: the prompt holds it to edit
    assert window.prompt.edit.text() == "Uit het bestand en live"
    press(qtbot, window.prompt.edit, Qt.Key.Key_Escape)
    # Nothing prepared is left to show: the closed circle ends the reveal again.
    press(qtbot, window, Qt.Key.Key_End)
    assert window.position == len(steps) + 1


def test_a_click_beside_the_prompt_keeps_the_typing_in_it(qtbot, window, document):
    from PySide6.QtWidgets import QApplication

    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_D)
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=window.rect().topLeft() + QPoint(5, 5))
    assert window.prompt.isVisible() and window.revealed == 1  # the click did not move on
    assert QApplication.focusWidget() is window.prompt.edit  # and what is typed next goes into the prompt


# Keeping the screen awake ------------------------------------------------------------------------


@pytest.fixture
def session_bus():
    """A private D-Bus session bus; yields its address."""
    import shutil
    import subprocess

    if not shutil.which("dbus-daemon"):
        pytest.skip("dbus-daemon is needed")
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    yield daemon.stdout.readline().strip()
    daemon.terminate()
    daemon.wait(5)


def test_keeps_the_screen_awake_while_presenting(qtbot, session_bus, document):
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtDBus import QDBusConnection, QDBusServiceWatcher

    from patroon.gui.present_awake import PATH, SERVICE, KeepAwake

    requests: list[str] = []
    gone: list[str] = []
    bus = QDBusConnection.connectToBus(session_bus, "fake-screensaver")

    class ScreenSaver(QObject):
        """What GNOME, KDE and Xfce offer: Inhibit(application, reason) -> cookie.

        They let go of a client's requests when the client leaves the bus.
        """

        @Slot(str, str, result="uint")
        def Inhibit(self, application: str, reason: str) -> int:  # noqa: N802 - the D-Bus name
            requests.append(application)
            return len(requests)

    saver = ScreenSaver()
    watcher = QDBusServiceWatcher()
    watcher.setConnection(bus)
    watcher.setWatchMode(QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration)
    watcher.serviceUnregistered.connect(gone.append)
    assert bus.registerObject(PATH, SERVICE, saver, QDBusConnection.RegisterOption.ExportAllSlots)
    assert bus.registerService(SERVICE)
    try:
        win = PresenterWindow(document)
        qtbot.addWidget(win)
        win.awake = KeepAwake("test", win, bus_address=session_bus)
        win.start()
        qtbot.waitUntil(lambda: win.awake.held, timeout=3000)
        assert requests == ["Patroon"]
        client = win.awake.client
        watcher.addWatchedService(client)
        press(qtbot, win, Qt.Key.Key_Escape)
        assert not win.awake.held
        qtbot.waitUntil(lambda: gone == [client], timeout=3000)  # the client left: its request is let go
    finally:
        bus.unregisterService(SERVICE)
        QDBusConnection.disconnectFromBus("fake-screensaver")


def test_breakthrough_notes_are_large_and_inside_the_safe_margin(qtbot):
    from patroon import model

    pattern = load_pattern(PATTERNS[-1])
    pattern = model.set_breakthrough(pattern, pattern.steps[1].id, "Begin klein: neem samen een concrete casus door.")
    pattern = model.set_breakthrough(pattern, pattern.steps[3].id, "Vraag wat de ander nodig heeft.")
    win = PresenterWindow(Document(pattern))
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    layout = win.view.pattern_layout()
    assert len(layout.breakthroughs) == 2
    assert all(b.note.size >= 0.8 * layout.step_font_size for b in layout.breakthroughs)
    dx, dy = win.view.geometry().offset
    for b in layout.breakthroughs:
        box = b.note_box
        assert box.x + dx >= 96 - 1 and box.x + box.w + dx <= 1824 + 1
        assert box.y + dy >= 54 - 1 and box.y + box.h + dy <= 1026 + 1
