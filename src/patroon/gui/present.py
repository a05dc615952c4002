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

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from patroon.gui.present_awake import KeepAwake
from patroon.gui.present_timer import DEFAULT_MINUTES, TableTimer, timer_for
from patroon.i18n import pick
from patroon.layout import PatternLayout, layout_pattern
from patroon.model import Pattern, set_breakthrough
from patroon.render.fonts import ensure_fonts
from patroon.render.measure import QtTextMeasure
from patroon.render.painter import paint_arrow, paint_breakthrough, paint_step, paint_title
from patroon.render.palette import HIGH_CONTRAST, Palette

if TYPE_CHECKING:
    from patroon.gui.document import Document

# The layout keeps its own small margin; the presenter adds only a little, so
# the circle uses the whole height of the projector.
MARGIN_SHARE = 0.008
# The step text may grow up to this share of the screen height (few, short steps).
MAX_FONT_SHARE = 0.06
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


@dataclass(frozen=True)
class _Geometry:
    """Everything paint() needs that depends on the widget's size and the pattern."""

    size: tuple[int, int]
    layout: PatternLayout
    offset: tuple[float, float]  # where the layout's (0, 0) goes on the widget
    questions_title_px: int
    questions_px: int
    timer_px: int
    timer: QRectF  # the countdown's box, in the corner where it hides the least of the diagram
    timer_label: QRectF  # beside it, "paused"
    timer_top_right: tuple[QRectF, QRectF]  # box and label in the questions view (the title leaves room there)


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
        self._geometry: _Geometry | None = None
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

        self._fonts = ensure_fonts()
        self._palette = PROJECTOR
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
    def pattern_layout(self) -> PatternLayout:
        """The layout the window paints now (widget pixels = layout points)."""
        return self._ensure_geometry().layout

    def diagram_rect(self) -> QRectF:
        """Where the diagram's bounds fall on the widget, in widget pixels."""
        geometry = self._ensure_geometry()
        bounds = geometry.layout.bounds()
        return QRectF(bounds.x + geometry.offset[0], bounds.y + geometry.offset[1], bounds.w, bounds.h)

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
        pattern = self.pattern
        prepared = self._note(target) if self._hidden_note(target) else ""
        if prepared:
            # Typed on an arrow whose prepared note is still hidden: the room's words join it
            # (an arrow holds one note) and an empty text leaves it as it was.
            if not text:
                return
            text = f"{prepared} {text}"
        had = bool(self._note(target))
        self._live_breakthroughs.add(target)
        if text:
            self.document.apply(set_breakthrough(pattern, target, text), self.tr("Add breakthrough"))
        elif had:
            self.document.apply(set_breakthrough(pattern, target, None), self.tr("Remove breakthrough"))

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
        self.prompt.set_scale(h, self._fonts)
        width = min(w - 40, max(560, round(w * 0.6)))
        self.prompt.setFixedWidth(width)
        self.prompt.setFixedHeight(self.prompt.layout().heightForWidth(width))
        # Away from the step the breakthrough follows, so the room still sees it.
        y = h - self.prompt.height() - round(h * 0.04)
        if self._prompt_target is not None:
            geometry = self._ensure_geometry()
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
        self._relayout()
        if self.prompt.isVisible():
            self._place_prompt()
        super().resizeEvent(event)

    def _pattern_changed(self) -> None:
        steps = self.pattern.steps
        self._position = min(self._position, self.last_position)
        if self._prompt_target is not None and all(s.id != self._prompt_target for s in steps):
            self._close_prompt()
        self.setWindowTitle(self.pattern.title)
        self._relayout()
        self._moved()

    def _timer_changed(self) -> None:
        self.update()

    # Geometry ----------------------------------------------------------------

    def _relayout(self) -> None:
        """Lay the pattern out for the window's size now, so paint() only draws."""
        self._geometry = None
        if self.isVisible():
            self._ensure_geometry()

    def _ensure_geometry(self) -> _Geometry:
        size = (max(self.width(), 1), max(self.height(), 1))
        if self._geometry is None or self._geometry.size != size:
            self._geometry = self._compute_geometry(*size)
        return self._geometry

    def _compute_geometry(self, w: int, h: int) -> _Geometry:
        margin = round(min(w, h) * MARGIN_SHARE)
        # One layout point is one widget pixel: the layout's step font size is the text height the room sees.
        # (Undo, redo and presenting again find a layout of moments ago in the layout's memo.)
        layout = layout_pattern(
            self.pattern, QtTextMeasure(), w - 2 * margin, h - 2 * margin, max_font=max(12.0, h * MAX_FONT_SHARE)
        )
        bounds = layout.bounds()
        # Centre what is drawn (the layout may not use all the height it was given).
        dx = margin + (w - 2 * margin - bounds.w) / 2 - bounds.x
        dy = margin + (h - 2 * margin - bounds.h) / 2 - bounds.y
        title_px, question_px = self._fit_questions(w, h)
        timer_px = max(24, round(h * 0.085))
        corners = self._timer_corners(w, h, timer_px)
        timer, label = self._least_covering(corners, layout, (dx, dy))
        return _Geometry((w, h), layout, (dx, dy), title_px, question_px, timer_px, timer, label, corners[0])

    def _timer_corners(self, w: int, h: int, px: int) -> list[tuple[QRectF, QRectF]]:
        """The timer's box and label in each corner: top right, top left, bottom right, bottom left."""
        metrics = QFontMetricsF(self._font(px, True))
        text_w = max(metrics.horizontalAdvance("88:88"), metrics.horizontalAdvance(self.tr("Time!")))
        pad = px * 0.35
        box_w, box_h = text_w + 2 * pad, metrics.height() + 1.2 * pad
        label_h = px * 0.4
        margin = min(w, h) * 0.02
        corners = []
        for right, top in ((True, True), (False, True), (True, False), (False, False)):
            x = w - box_w - margin if right else margin
            y = margin + (0 if top else h - 2 * margin - box_h - label_h)
            box = QRectF(x, y + (0 if top else label_h), box_w, box_h)
            label = QRectF(x, box.bottom() + 2 if top else y, box_w, label_h)
            corners.append((box, label))
        return corners

    @staticmethod
    def _least_covering(corners, layout, offset: tuple[float, float]) -> tuple[QRectF, QRectF]:
        """The first corner that hides the least of the diagram's boxes, notes and title."""
        drawn = [s.box for s in layout.steps] + [b.note_box for b in layout.breakthroughs] + [layout.title.rect]
        drawn = [QRectF(r.x + offset[0], r.y + offset[1], r.w, r.h) for r in drawn]
        best = None
        for box, label in corners:
            area = box.united(label)
            covered = sum(_area(area.intersected(r)) for r in drawn)
            if best is None or covered < best[0] - 1:
                best = (covered, box, label)
        return best[1], best[2]

    def _questions_rects(self, w: int, h: int) -> tuple[QRectF, QRectF]:
        side = w * 0.08
        top = h * 0.06
        # The title stops short of the timer's place at the top right; the questions start below it.
        timer_w = self._timer_corners(w, h, max(24, round(h * 0.085)))[0][0].width()
        title = QRectF(side, top, w - 2 * side - timer_w, h * 0.18)
        body_top = title.bottom() + h * 0.05
        body = QRectF(side, body_top, w - 2 * side, h * 0.95 - body_top)
        return title, body

    def _fit_questions(self, w: int, h: int) -> tuple[int, int]:
        """The largest font sizes at which the title and every question fit their area.

        The questions are never set larger than the title above them.
        """
        title_rect, body_rect = self._questions_rects(w, h)
        title_px = max(12, round(h * 0.075))
        while title_px > 12 and self._text_height(self.pattern.title, title_px, True, title_rect.width()) > title_rect.height():
            title_px -= 1
        questions = self.pattern.questions or []
        px = max(12, min(round(h * 0.055), title_px))
        while px > 12:
            needed = sum(self._text_height(q, px, False, body_rect.width() - px * 1.6) for q in questions)
            needed += px * 0.9 * max(0, len(questions) - 1)
            if needed <= body_rect.height():
                break
            px -= 1
        return title_px, px

    def _text_height(self, text: str, px: int, bold: bool, width: float) -> float:
        metrics = QFontMetricsF(self._font(px, bold))
        rect = metrics.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text)
        return rect.height()

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self._fonts)
        font.setPixelSize(max(1, int(px)))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    # Painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        if self._blank is not None:
            painter.fillRect(rect, QColor("black") if self._blank == "black" else QColor("white"))
            painter.end()
            return
        painter.fillRect(rect, self._palette.background)
        geometry = self._ensure_geometry()
        if self._questions:
            self._paint_questions(painter, geometry)
        else:
            self._paint_pattern(painter, geometry)
        self._paint_timer(painter, geometry)
        if self._hint:
            self._paint_hint(painter)
        if self._help:
            self._paint_help(painter)
        painter.end()

    def _paint_pattern(self, painter: QPainter, geometry: _Geometry) -> None:
        painter.save()
        painter.translate(*geometry.offset)
        paint_reveal(
            painter,
            geometry.layout,
            self._palette.render,
            position=self._position,
            highlight=self._prompt_target or self.highlight,
            open_arrows=self._live_breakthroughs,
            notes=self.breakthroughs_shown,
        )
        painter.restore()

    def _paint_questions(self, painter: QPainter, geometry: _Geometry) -> None:
        w, h = geometry.size
        title_rect, body_rect = self._questions_rects(w, h)
        colours = self._palette
        painter.setPen(colours.title)
        painter.setFont(self._font(geometry.questions_title_px, True))
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap), self.pattern.title)
        painter.setPen(QPen(colours.accent, max(2, h * 0.004)))
        line_y = title_rect.bottom() + h * 0.02
        painter.drawLine(QPointF(body_rect.left(), line_y), QPointF(body_rect.right(), line_y))
        px = geometry.questions_px
        font = self._font(px)
        painter.setFont(font)
        y = body_rect.top()
        indent = px * 1.6
        for number, question in enumerate(self.pattern.questions or [], start=1):
            painter.setPen(colours.accent)
            painter.setFont(self._font(px, True))
            painter.drawText(QRectF(body_rect.left(), y, indent, px * 2), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), f"{number}.")
            painter.setFont(font)
            painter.setPen(colours.text)
            text_rect = QRectF(body_rect.left() + indent, y, body_rect.width() - indent, body_rect.bottom() - y)
            used = painter.boundingRect(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), question)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), question)
            y += used.height() + px * 0.9

    def timer_rect(self) -> QRectF:
        """Where the timer shows: a corner, sized for the back of the room."""
        return QRectF(self._timer_place(self._ensure_geometry())[0])

    def _timer_place(self, geometry: _Geometry) -> tuple[QRectF, QRectF]:
        """The timer's box and label in the view shown now."""
        return geometry.timer_top_right if self._questions else (geometry.timer, geometry.timer_label)

    def _paint_timer(self, painter: QPainter, geometry: _Geometry) -> None:
        timer = self.timer
        if timer.idle:
            return
        rect = self.timer_rect()
        colours = self._palette
        if timer.is_finished:
            on = timer.blink_on()
            back, fore, text = (colours.alarm, QColor("white"), self.tr("Time!")) if on else (QColor("white"), colours.alarm, self.tr("Time!"))
            border = colours.alarm
        else:
            back = QColor(colours.background)
            fore = colours.text if timer.running else colours.muted
            text = timer.text()
            border = colours.accent if timer.running else colours.muted
        painter.save()
        painter.setPen(QPen(border, max(2.0, geometry.timer_px * 0.06)))
        painter.setBrush(back)
        radius = geometry.timer_px * 0.25
        painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(fore)
        painter.setFont(self._font(geometry.timer_px, True))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        if not timer.running and not timer.is_finished:
            small = self._font(max(10, round(geometry.timer_px * 0.22)))
            painter.setFont(small)
            painter.setPen(colours.muted)
            painter.drawText(self._timer_place(geometry)[1], int(Qt.AlignmentFlag.AlignCenter), self.tr("paused — T"))
        painter.restore()

    def _paint_hint(self, painter: QPainter) -> None:
        h = self.height()
        font = self._font(max(12, round(h * 0.028)))
        metrics = QFontMetricsF(font)
        pad = metrics.height() * 0.5
        w = metrics.horizontalAdvance(self._hint) + 2 * pad
        box_h = metrics.height() + pad
        # Beside the timer's corner (the corner that hides the least), not over the steps.
        geometry = self._ensure_geometry()
        box, label = self._timer_place(geometry)
        timer = box.united(label)
        x = timer.right() - w if timer.center().x() > self.width() / 2 else timer.left()
        y = timer.bottom() + pad if timer.center().y() < h / 2 else timer.top() - pad - box_h
        rect = QRectF(max(0.0, x), y, w, box_h)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(40, 40, 40, 220))
        painter.drawRoundedRect(rect, pad, pad)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self._hint)
        painter.restore()

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

    def _help_metrics(self):
        h = self.height()
        px = max(11, round(h * 0.018))
        key_font, text_font = self._font(px, True), self._font(px)
        key_metrics, text_metrics = QFontMetricsF(key_font), QFontMetricsF(text_font)
        lines = self.help_lines()
        key_w = max(key_metrics.horizontalAdvance(k) for k, _ in lines)
        text_w = max(text_metrics.horizontalAdvance(t) for _, t in lines)
        line_h = key_metrics.height() * 1.35
        pad = px * 1.2
        w = key_w + text_w + px * 1.5 + 2 * pad
        box_h = line_h * (len(lines) + 1.3) + 2 * pad
        margin = min(self.width(), h) * 0.02
        rect = QRectF(margin, h - box_h - margin, w, box_h)
        return rect, px, pad, key_font, text_font, key_w, text_w, line_h, lines

    def help_rect(self) -> QRectF:
        """Where the help overlay's panel is, in widget pixels."""
        return self._help_metrics()[0]

    def _paint_help(self, painter: QPainter) -> None:
        rect, px, pad, key_font, text_font, key_w, text_w, line_h, lines = self._help_metrics()
        w = rect.width()
        heading = self.tr("Keys")
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HELP_PANEL)  # opaque: the pattern must not show through the keys
        painter.drawRoundedRect(rect, pad * 0.6, pad * 0.6)
        painter.setPen(QColor("white"))
        painter.setFont(self._font(round(px * 1.15), True))
        y = rect.top() + pad
        painter.drawText(QRectF(rect.left() + pad, y, w, line_h), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), heading)
        y += line_h * 1.3
        for keys, what in lines:
            painter.setFont(key_font)
            painter.setPen(QColor(255, 214, 102))
            painter.drawText(QRectF(rect.left() + pad, y, key_w, line_h), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), keys)
            painter.setFont(text_font)
            painter.setPen(QColor("white"))
            painter.drawText(QRectF(rect.left() + pad + key_w + px * 1.5, y, text_w + 2, line_h), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), what)
            y += line_h
        painter.restore()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1280, 720)


HELP_PANEL = QColor(25, 25, 25)


def paint_reveal(
    painter: QPainter,
    layout: PatternLayout,
    palette: Palette,
    *,
    position: int,
    highlight: str | None = None,
    open_arrows: frozenset[str] | set[str] = frozenset(),
    notes: bool = True,
) -> None:
    """Paint the pattern as far as it is revealed, in layout units.

    ``position`` 0 paints the title only; k (1..n) the first k steps and the
    arrows leading to steps 2..k, with ``highlight`` emphasised and the other
    steps softened; n + 1 (or more) the whole closed circle at full strength.
    A breakthrough shows with its arrow, but only with ``notes`` unless it
    is on one of ``open_arrows``: steps whose outgoing arrow (and its
    breakthrough) shows as soon as the step does, where a breakthrough was
    just added live, ahead of the reveal.

    :func:`patroon.render.painter.paint_layout` closes the circle as soon as
    the last step shows; the presenter keeps one more "next" for that, so
    it composes the same primitives itself.
    """
    n = len(layout.steps)
    position = max(0, min(position, n + 1))
    if position > n:
        highlight = None
    shown_ids = {s.id for s in layout.steps[:position]}
    with_note = {b.after for b in layout.breakthroughs}
    shown_arrows = [
        a
        for i, a in enumerate(layout.arrows)
        if i + 1 < position or position > n or (a.source in open_arrows and a.source in with_note and a.source in shown_ids)
    ]

    def state(*ids: str) -> str:
        if highlight is None or highlight in ids:
            return "normal"
        return "dimmed"

    for arrow in shown_arrows:
        paint_arrow(painter, arrow, palette, state(arrow.source, arrow.target))
    sources = {a.source for a in shown_arrows}
    for b in layout.breakthroughs:
        if b.after in sources and (notes or b.after in open_arrows):
            paint_breakthrough(painter, b, palette)
    for step in layout.steps:
        if step.id in shown_ids:
            paint_step(painter, step, palette, "highlight" if step.id == highlight else state(step.id))
    paint_title(painter, layout, palette)


@dataclass(frozen=True)
class _Colours:
    """The presenter's colours: the projector palette for the diagram, and its own for timer, questions, hints."""

    render: Palette
    background: QColor
    text: QColor
    title: QColor
    muted: QColor  # a paused timer
    accent: QColor  # a running timer's frame, question numbers, the rule under the title
    alarm: QColor  # time is up


PROJECTOR = _Colours(
    render=HIGH_CONTRAST,
    background=QColor(HIGH_CONTRAST.background),
    text=QColor(HIGH_CONTRAST.text),
    title=QColor(HIGH_CONTRAST.title),
    muted=QColor("#6b6b6b"),
    accent=QColor("#1f4e9e"),
    alarm=QColor("#c8102e"),
)


def _area(rect: QRectF) -> float:
    return rect.width() * rect.height() if rect.isValid() else 0.0
