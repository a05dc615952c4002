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
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from patroon.gui.accessibility import announce
from patroon.gui.present_awake import KeepAwake
from patroon.gui.present_prompt import BreakthroughPrompt
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


class PresenterWindow(QWidget):
    """The full-screen facilitator view of a document's pattern.

    It keeps the state the room sees (:attr:`position`, :attr:`blank`, the
    questions, the help, the :attr:`timer`) and handles the keys; its
    :attr:`view` (:class:`~patroon.gui.present_view.PresenterView`) draws it.
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
        self.setAccessibleName(self.tr("Presentation: %1").replace("%1", document.pattern.title))
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

        self.view = PresenterView(self)
        self.setAccessibleDescription(self.view.spoken())
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
        prepared = any(b.after not in self.prompt.typed for b in self.pattern.breakthroughs)
        return len(self.pattern.steps) + (2 if prepared else 1)

    @property
    def breakthroughs_shown(self) -> bool:
        """True when the prepared breakthroughs (those not typed during this presentation) show."""
        return self._position > len(self.pattern.steps) + 1

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
    def hint(self) -> str:
        """The short message shown for a moment ("" when none is)."""
        return self._hint

    @property
    def prompt_target(self) -> str | None:
        """The step whose outgoing arrow the open prompt writes on."""
        return self.prompt.target if self.prompt.isVisible() else None

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
        self.prompt.close_prompt()
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

    def _moved(self) -> None:
        self.update()
        shown = self.highlight or ""
        if shown != self._shown_step:
            self._shown_step = shown
            self.stepShown.emit(shown)
        self._speak()

    def _speak(self) -> None:
        """Say what the room now sees, for a facilitator who presents with a screen reader."""
        said = self.view.spoken()
        if said != self.accessibleDescription():
            self.setAccessibleDescription(said)
            announce(self, said)

    # Aids -------------------------------------------------------------------

    def toggle_blank(self, colour: str) -> None:
        """Black or white screen; the same key again (or any other key) brings the pattern back."""
        self._blank = None if self._blank == colour else colour
        self.update()

    def toggle_questions(self) -> None:
        self._questions = not self._questions
        self.update()
        self._speak()

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
        self.prompt.open_on(target)
        self.update()

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
        action = self._key_actions().get(key)
        if action is not None:
            action()
        else:
            event.ignore()

    def _key_actions(self) -> dict[int, Callable[[], object]]:
        """What each single key does; a presenter clicker sends PageDown/PageUp, arrows, Space or B."""
        actions: dict[int, Callable[[], object]] = {key: self.go_next for key in NEXT_KEYS}
        actions.update({key: self.go_previous for key in PREVIOUS_KEYS})
        actions.update({key: self.toggle_help for key in HELP_KEYS})
        K = Qt.Key
        actions.update({
            K.Key_Home: self.go_home, K.Key_End: self.go_end,
            K.Key_B: lambda: self.toggle_blank("black"), K.Key_Period: lambda: self.toggle_blank("black"),
            K.Key_W: lambda: self.toggle_blank("white"), K.Key_Comma: lambda: self.toggle_blank("white"),
            K.Key_Q: self.toggle_questions, K.Key_T: self.toggle_timer, K.Key_R: self.timer.reset,
            K.Key_Plus: lambda: self.timer.add_minutes(1), K.Key_Equal: lambda: self.timer.add_minutes(1),
            K.Key_Minus: lambda: self.timer.add_minutes(-1), K.Key_Underscore: lambda: self.timer.add_minutes(-1),
            K.Key_D: self.ask_breakthrough, K.Key_N: self.ask_breakthrough,
        })
        return actions

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
            self.prompt.place()
        super().resizeEvent(event)

    def _pattern_changed(self) -> None:
        steps = self.pattern.steps
        self._position = min(self._position, self.last_position)
        if self.prompt_target is not None and all(s.id != self.prompt_target for s in steps):
            self.prompt.close_prompt()
        self.setWindowTitle(self.pattern.title)
        self.view.relayout()
        self._moved()

    def _timer_changed(self) -> None:
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.view.paint(QPainter(self))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1280, 720)


