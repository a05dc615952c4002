"""Facilitator mode: the pattern alone, full screen, revealed one step at a time.

The :class:`PresenterWindow` is what the room sees during a workshop: no
editing chrome, the diagram as large as the screen allows in the projector
palette, and the workshop aids a facilitator drives with single keys or a
presenter clicker (which sends PageDown/PageUp, arrows, Space, B):

* reveal: title only, then each step with the arrow leading to it, the
  newest step highlighted and the others softened; the next "next" closes
  the circle (the final arrow appears, every step at full strength); the
  breakthroughs the file brings wait for one more "next", so the room finds
  its own ways out before it sees the prepared ones;
* B / W blank the screen black / white, as slide shows do;
* Q shows the table questions large;
* T starts and pauses the table timer (25 minutes; digits then T set the
  minutes, + and - add or take one), shown in a corner, red at the end;
* D adds a breakthrough on the arrow after the current step, live and undoable;
* ? or F1 shows the keys; Esc goes back to the editor.

The window reads the pattern from the editor's
:class:`~patroon.gui.document.Document` and redraws when it changes, so a
breakthrough added here (or an undo in the editor) shows at once. It lays the
pattern out for its own size (a layout point is a screen pixel), keeps the
screen saver away while it is open, and leaves the table timer with the
document, so it runs on while the facilitator is back in the editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from patroon.gui import editing
from patroon.gui.present_awake import KeepAwake
from patroon.gui.present_timer import DEFAULT_MINUTES, TableTimer, timer_for
from patroon.gui.present_view import PresenterView
from patroon.i18n import pick
from patroon.model import Pattern

if TYPE_CHECKING:
    from patroon.gui.document import Document

HINT_MS = 2500  # how long a short message (typed minutes, "first reveal a step") stays
CURSOR_HIDE_MS = 2000

NEXT_KEYS = frozenset(
    {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}
)
PREVIOUS_KEYS = frozenset({Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace})
HELP_KEYS = frozenset({Qt.Key.Key_Question, Qt.Key.Key_F1})
MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_CapsLock}
)
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in "0123456789"}


def choose_screen() -> QScreen | None:
    """The screen to present on: the second when there are two or more, else the primary.

    With a projector attached as the second screen, the editor stays on the
    laptop's own screen and the room sees the pattern.
    """
    screens = QGuiApplication.screens()
    if len(screens) >= 2:
        primary = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not primary]
        return others[0] if others else screens[1]
    return QGuiApplication.primaryScreen()


class _PromptEdit(QLineEdit):
    """The breakthrough text field: Enter commits, Esc cancels, Up/Down pick another step."""

    accepted = Signal()
    cancelled = Signal()
    stepDelta = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
        elif key == Qt.Key.Key_Escape:
            self.cancelled.emit()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.stepDelta.emit(-1)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.stepDelta.emit(1)
        else:
            super().keyPressEvent(event)
        event.accept()  # never let a key fall through to the presenter (Esc would leave)


class BreakthroughPrompt(QFrame):
    """A one-line text prompt over the presenter (above or below the step it is about): the breakthrough being typed."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("breakthroughPrompt")
        self.label = QLabel(self)
        self.edit = _PromptEdit(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.label.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.setSpacing(8)
        box.addWidget(self.label)
        box.addWidget(self.edit)
        box.addWidget(self.hint)
        self.setStyleSheet(
            "#breakthroughPrompt { background: #fdf6d8; border: 3px solid #b5830f; border-radius: 12px; }"
            "QLabel { color: #202020; background: transparent; }"
            "QLineEdit { color: #000000; background: #ffffff; border: 2px solid #808080;"
            " border-radius: 6px; padding: 6px; }"
        )
        self.hide()

    def set_scale(self, height: int, family: str) -> None:
        """Fonts in proportion to the screen: readable on the projector too."""
        px = max(14, round(height * 0.03))
        for widget, size in ((self.label, px), (self.edit, px), (self.hint, max(11, round(px * 0.6)))):
            font = QFont(family)
            font.setPixelSize(size)
            widget.setFont(font)


class PresenterWindow(QWidget):
    """The full-screen facilitator view of a document's pattern.

    State the room sees, readable by tests and by the editor:
    :attr:`position` (0 = title only, 1..n = steps revealed with step n
    highlighted, n+1 = circle closed), :attr:`revealed`, :attr:`highlight`,
    :attr:`blank` (None, "black" or "white"), :attr:`questions_shown`,
    :attr:`help_shown` and the :attr:`timer`.
    """

    closed = Signal()
    #: The step just revealed (its id), or "" when none is (title only, circle closed).
    #: With a second screen the editor can follow it and show that step's facilitator note.
    stepShown = Signal(str)

    def __init__(
        self,
        document: Document,
        screen: QScreen | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] | None = None,
        timer_minutes: float = DEFAULT_MINUTES,
    ):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.document = document
        self._screen = screen
        self.setWindowTitle(document.pattern.title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setMouseTracking(True)

        self._position = 0
        self._shown_step = ""
        self._blank: str | None = None
        self._questions = False
        self._help = False
        self._digits = ""
        self._hint = ""
        self._closed_emitted = False

        # The timer belongs to the document, not to this window (F5 makes a new window each time).
        self.timer: TableTimer = timer_for(document, timer_minutes, clock)

        self._hint_timer = QTimer(self, singleShot=True, interval=HINT_MS)
        self._hint_timer.timeout.connect(self._clear_hint)
        self._cursor_timer = QTimer(self, singleShot=True, interval=CURSOR_HIDE_MS)
        self._cursor_timer.timeout.connect(lambda: self.setCursor(Qt.CursorShape.BlankCursor))

        self.prompt = BreakthroughPrompt(self)
        self.prompt.edit.accepted.connect(self._commit_breakthrough)
        self.prompt.edit.cancelled.connect(self._close_prompt)
        self.prompt.edit.stepDelta.connect(self._move_prompt_target)
        self._prompt_target: str | None = None
        # Steps whose breakthrough was typed here: their arrow shows at once, even ahead of the reveal.
        self._live_breakthroughs: set[str] = set()

        self.view = PresenterView(self)
        # No screen saver while the room is looking (or talking with the timer running).
        self.awake = KeepAwake(pick("Patroon presenteert een patroon", "Patroon is presenting a pattern"), self)
        self._listening = False
        self._listen(True)

    # The state -------------------------------------------------------------

    @property
    def pattern(self) -> Pattern:
        return self.document.pattern

    @property
    def position(self) -> int:
        """0 = title only; k = the first k steps shown, step k highlighted; n + 1 = circle closed;
        n + 2 = the prepared breakthroughs shown too (when the pattern has any)."""
        return self._position

    @property
    def revealed(self) -> int:
        """How many steps are shown."""
        return min(self._position, len(self.pattern.steps))

    @property
    def last_position(self) -> int:
        """The end of the reveal: the closed circle, or after it the prepared breakthroughs."""
        return len(self.pattern.steps) + (2 if self._prepared_breakthroughs() else 1)

    @property
    def breakthroughs_shown(self) -> bool:
        """True when the prepared breakthroughs (those not typed during this presentation) show."""
        return self._position > len(self.pattern.steps) + 1

    def _prepared_breakthroughs(self) -> bool:
        return any(b.after not in self._live_breakthroughs for b in self.pattern.breakthroughs)

    @property
    def circle_closed(self) -> bool:
        """True when every step and every arrow is shown, the last one back to the first."""
        return self._position > len(self.pattern.steps)

    @property
    def highlight(self) -> str | None:
        """The id of the step just revealed (None for the title and for the closed circle)."""
        if 1 <= self._position <= len(self.pattern.steps):
            return self.pattern.steps[self._position - 1].id
        return None

    @property
    def blank(self) -> str | None:
        return self._blank

    @property
    def questions_shown(self) -> bool:
        return self._questions

    @property
    def help_shown(self) -> bool:
        return self._help

    @property
    def prompt_shown(self) -> bool:
        return self.prompt.isVisible()

    @property
    def hint(self) -> str:
        """The short message shown for a moment ("" when none is)."""
        return self._hint

    @property
    def live_breakthroughs(self) -> frozenset[str]:
        """Steps whose breakthrough was typed during this presentation: their arrow shows at once."""
        return frozenset(self._live_breakthroughs)

    # Showing ---------------------------------------------------------------

    def start(self) -> None:
        """Show full screen on the chosen screen, title only."""
        self._position = 0
        self._blank = None
        self._questions = self._help = False
        screen = self._screen or choose_screen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self._cursor_timer.start()
        self.awake.acquire()
        self._moved()

    def leave(self) -> None:
        """Back to the editor: close the window and say so."""
        self._close_prompt()
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # A closed presenter no longer follows the document (the editor makes a new one for F5).
        self._listen(False)
        self.awake.release()
        super().closeEvent(event)
        if not self._closed_emitted:
            self._closed_emitted = True
            self.closed.emit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._listening:  # shown again after closing
            self._listen(True)
            self._pattern_changed()
        self._closed_emitted = False
        super().showEvent(event)

    def _listen(self, on: bool) -> None:
        if on == self._listening:
            return
        pairs = (
            (self.document.changed, self._pattern_changed),
            (self.timer.changed, self._timer_changed),
            (self.timer.finished, QApplication.beep),  # and a sound, where the system makes one
        )
        for signal, slot in pairs:
            if on:
                signal.connect(slot)
            else:
                signal.disconnect(slot)
        self._listening = on

    # Navigation ------------------------------------------------------------

    def go_next(self) -> None:
        """Reveal the next step; after the last step close the circle; then the prepared breakthroughs
        (if any); then the questions."""
        last = self.last_position
        if self._questions:
            if self._position < last:
                self._questions = False  # back to the unfinished reveal
        elif self._position < last:
            self._position += 1
        else:
            self._questions = True
        self._moved()

    def go_previous(self) -> None:
        """One step back; from the questions back to the diagram as it was."""
        if self._questions:
            self._questions = False
        elif self._position > 0:
            self._position -= 1
        self._moved()

    def go_home(self) -> None:
        """Only the title."""
        self._position, self._questions = 0, False
        self._moved()

    def go_end(self) -> None:
        """Everything: all steps, the circle closed, the breakthroughs."""
        self._position, self._questions = self.last_position, False
        self._moved()

    def set_position(self, position: int) -> None:
        self._position = max(0, min(position, self.last_position))
        self._moved()

    def _moved(self) -> None:
        self.update()
        shown = self.highlight or ""
        if shown != self._shown_step:
            self._shown_step = shown
            self.stepShown.emit(shown)

    # Aids -------------------------------------------------------------------

    def toggle_blank(self, colour: str) -> None:
        """Black or white screen; the same key again (or any other key) brings the pattern back."""
        self._blank = None if self._blank == colour else colour
        self.update()

    def toggle_questions(self) -> None:
        self._questions = not self._questions
        self.update()

    def toggle_help(self) -> None:
        self._help = not self._help
        self.update()

    def toggle_timer(self) -> None:
        """T: start or pause the timer; typed digits first set its minutes (``10`` then T)."""
        if self._digits:
            minutes = int(self._digits)
            self._digits = ""
            if minutes > 0:
                self.timer.set_minutes(minutes)
                self.timer.start()
                self._show_hint(self.tr("Timer: %1 min").replace("%1", str(minutes)))
                return
            self.timer.reset()  # 0 then T: put the timer away
            self._clear_hint()
            return
        self.timer.toggle()

    def ask_breakthrough(self) -> None:
        """Open the prompt for a breakthrough on the arrow after the current step."""
        target = self.highlight
        if target is None and self.revealed:
            target = self.pattern.steps[self.revealed - 1].id
        if target is None:
            self._show_hint(self.tr("First reveal a step, then press D"))
            return
        self._questions = False
        self._blank = None
        self._prompt_target = target
        self._update_prompt()
        self.prompt.show()
        self.prompt.raise_()
        self.prompt.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update()

    def _update_prompt(self) -> None:
        pattern = self.pattern
        index = pattern.index(self._prompt_target)
        nxt = (index + 1) % len(pattern.steps)
        self.prompt.label.setText(
            self.tr("Breakthrough on the arrow from step %1 to step %2:").replace("%1", str(index + 1)).replace(
                "%2", str(nxt + 1)
            )
        )
        # A note the room has not seen yet (prepared in the file) stays off the screen.
        self.prompt.edit.setText("" if self._hidden_note(self._prompt_target) else self._note(self._prompt_target))
        self.prompt.edit.selectAll()
        self.prompt.hint.setText(
            self.tr("Enter: add   ·   Esc: cancel   ·   Up/Down: another arrow   ·   empty: remove")
        )
        self._place_prompt()

    def _move_prompt_target(self, delta: int) -> None:
        steps = self.pattern.steps[: max(1, self.revealed)]  # only arrows of steps the room has seen
        index = self.pattern.index(self._prompt_target)
        self._prompt_target = steps[(index + delta) % len(steps)].id
        self._update_prompt()
        self.update()

    def _commit_breakthrough(self) -> None:
        target, text = self._prompt_target, self.prompt.edit.text().strip()
        self._close_prompt()
        if target is None:
            return
        self.repaint()  # the prompt goes at once; laying out the new note can take a moment
        prepared = self._note(target) if self._hidden_note(target) else ""
        if prepared:
            # Typed on an arrow whose prepared note is still hidden: the room's words join it
            # (an arrow holds one note) and an empty text leaves it as it was.
            if not text:
                return
            text = f"{prepared} {text}"
        self._live_breakthroughs.add(target)
        # Typed in front of the room, it is always "added", even where it replaces a note.
        editing.set_breakthrough(self.document, target, text, label=self.tr("Add breakthrough") if text else None)

    def _note(self, step: str | None) -> str:
        """The breakthrough note on the arrow after ``step`` ("" without one)."""
        return next((b.text for b in self.pattern.breakthroughs if b.after == step), "")

    def _hidden_note(self, step: str | None) -> bool:
        """Whether the arrow after ``step`` has a prepared note the reveal has not shown yet."""
        return bool(self._note(step)) and step not in self._live_breakthroughs and not self.breakthroughs_shown

    def _close_prompt(self) -> None:
        if self.prompt.isVisible():
            self.prompt.hide()
            self._prompt_target = None
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.update()

    @property
    def prompt_target(self) -> str | None:
        """The step whose outgoing arrow the open prompt writes on."""
        return self._prompt_target if self.prompt.isVisible() else None

    def _place_prompt(self) -> None:
        w, h = self.width(), self.height()
        self.prompt.set_scale(h, self.view.fonts)
        width = min(w - 40, max(560, round(w * 0.6)))
        self.prompt.setFixedWidth(width)
        self.prompt.setFixedHeight(self.prompt.layout().heightForWidth(width))
        # Away from the step the breakthrough follows, so the room still sees it.
        y = h - self.prompt.height() - round(h * 0.04)
        if self._prompt_target is not None:
            geometry = self.view.geometry()
            box = geometry.layout.step(self._prompt_target).box
            if box.y + box.h / 2 + geometry.offset[1] > h / 2:
                y = round(h * 0.04)
        self.prompt.move((w - width) // 2, y)

    def _show_hint(self, text: str) -> None:
        self._hint = text
        self._hint_timer.start()
        self.update()

    def _clear_hint(self) -> None:
        self._hint = ""
        self.update()

    # Events ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in MODIFIER_KEYS:  # Shift on its way to "?" or "+" is not a key press of its own
            event.ignore()
            return
        event.accept()
        if key == Qt.Key.Key_Escape:
            if self._help:
                self.toggle_help()
            else:
                self.leave()
            return
        if mods & Qt.KeyboardModifier.ControlModifier:
            self._control_key(key, mods)
            return
        if self._blank is not None:
            # As in slide shows: any key brings the pattern back, and does nothing else.
            self._blank = None
            self.update()
            return
        if key in DIGIT_KEYS:
            self._digits = (self._digits + DIGIT_KEYS[key])[-3:]
            self._show_hint(self.tr("%1 min — press T to start the timer").replace("%1", str(int(self._digits))))
            return
        digits_typed = bool(self._digits)
        if key != Qt.Key.Key_T:
            self._digits = ""
            if digits_typed:
                self._clear_hint()
        if key in NEXT_KEYS:
            self.go_next()
        elif key in PREVIOUS_KEYS:
            self.go_previous()
        elif key == Qt.Key.Key_Home:
            self.go_home()
        elif key == Qt.Key.Key_End:
            self.go_end()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.toggle_blank("black")
        elif key in (Qt.Key.Key_W, Qt.Key.Key_Comma):
            self.toggle_blank("white")
        elif key == Qt.Key.Key_Q:
            self.toggle_questions()
        elif key == Qt.Key.Key_T:
            self.toggle_timer()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.timer.add_minutes(1)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.timer.add_minutes(-1)
        elif key == Qt.Key.Key_R:
            self.timer.reset()
        elif key in (Qt.Key.Key_D, Qt.Key.Key_N):
            self.ask_breakthrough()
        elif key in HELP_KEYS:
            self.toggle_help()
        else:
            event.ignore()

    def _control_key(self, key: int, mods) -> None:
        """Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z): undo and redo, e.g. a breakthrough typed wrongly."""
        stack = self.document.undo_stack
        if key == Qt.Key.Key_Z and mods & Qt.KeyboardModifier.ShiftModifier or key == Qt.Key.Key_Y:
            stack.redo()
        elif key == Qt.Key.Key_Z:
            stack.undo()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.prompt.isVisible():  # a stray click must not send the typing elsewhere
            self.prompt.edit.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        if self._blank is not None:
            self._blank = None
            self.update()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.go_next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.go_previous()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        # The pointer shows while it moves and hides again, so it never sits on the pattern.
        self.unsetCursor()
        self._cursor_timer.start()
        super().mouseMoveEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta().y()
        if self.prompt.isVisible():
            pass
        elif self._blank is not None:
            self._blank = None
            self.update()
        elif delta < 0:
            self.go_next()
        elif delta > 0:
            self.go_previous()
        event.accept()

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus away from the window; a clicker never sends it.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self.view.relayout()
        if self.prompt.isVisible():
            self._place_prompt()
        super().resizeEvent(event)

    def _pattern_changed(self) -> None:
        steps = self.pattern.steps
        self._position = min(self._position, self.last_position)
        if self._prompt_target is not None and all(s.id != self._prompt_target for s in steps):
            self._close_prompt()
        self.setWindowTitle(self.pattern.title)
        self.view.relayout()
        self._moved()

    def _timer_changed(self) -> None:
        self.update()

    def help_lines(self) -> list[tuple[str, str]]:
        """The keys, as the help overlay lists them."""
        return [
            (self.tr("PageDown, →, ↓, Space, Enter, click"), self.tr("next step (after the circle: the prepared breakthroughs)")),
            (self.tr("PageUp, ←, ↑, Backspace, right-click"), self.tr("previous step")),
            (self.tr("Home / End"), self.tr("title only / everything")),
            (self.tr("B / W"), self.tr("black / white screen (any key returns)")),
            (self.tr("Q"), self.tr("discussion questions")),
            (self.tr("T"), self.tr("start / pause the table timer")),
            (self.tr("digits, then T"), self.tr("timer for that many minutes (0 T: hide)")),
            (self.tr("+ / −"), self.tr("one minute more / less")),
            (self.tr("R"), self.tr("reset and hide the timer")),
            (self.tr("D"), self.tr("add a breakthrough after the current step")),
            (self.tr("Ctrl+Z / Ctrl+Y"), self.tr("undo / redo")),
            (self.tr("? or F1"), self.tr("this help")),
            (self.tr("Esc"), self.tr("back to the editor")),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.view.paint(QPainter(self))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1280, 720)


