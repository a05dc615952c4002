"""D in facilitator mode: the prompt in which a breakthrough is typed live, in front of the room."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout

from patroon.gui import editing

if TYPE_CHECKING:
    from patroon.gui.present import PresenterWindow


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
    """A one-line text prompt over the presenter (above or below the step it is about): the breakthrough being typed.

    Enter adds it to the pattern (one undo command), Esc closes the prompt,
    Up/Down move it to the arrow of another step the room has seen.
    """

    def __init__(self, presenter: PresenterWindow):
        super().__init__(presenter)
        self._presenter = presenter
        self.target: str | None = None  # the step whose outgoing arrow the text goes on
        # Steps whose breakthrough was typed here: their arrow shows at once, even ahead of the reveal.
        self.typed: set[str] = set()
        self.setObjectName("breakthroughPrompt")
        self.label = QLabel(self)
        self.edit = _PromptEdit(self)
        self.edit.setAccessibleName(self.tr("Breakthrough"))
        self.label.setBuddy(self.edit)
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
        self.edit.accepted.connect(self.commit)
        self.edit.cancelled.connect(self.close_prompt)
        self.edit.stepDelta.connect(self._move_target)
        self.hide()

    def set_scale(self, height: int, family: str) -> None:
        """Fonts in proportion to the screen: readable on the projector too."""
        px = max(14, round(height * 0.03))
        for widget, size in ((self.label, px), (self.edit, px), (self.hint, max(11, round(px * 0.6)))):
            font = QFont(family)
            font.setPixelSize(size)
            widget.setFont(font)

    def open_on(self, target: str) -> None:
        """Open the prompt on the arrow after step ``target``."""
        self.target = target
        self._update()
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        pattern = self._presenter.pattern
        index = pattern.index(self.target)
        nxt = (index + 1) % len(pattern.steps)
        self.label.setText(
            self.tr("Breakthrough on the arrow from step %1 to step %2:").replace("%1", str(index + 1)).replace(
                "%2", str(nxt + 1)
            )
        )
        # A note the room has not seen yet (prepared in the file) stays off the screen.
        self.edit.setText("" if self._hidden_note(self.target) else self._note(self.target))
        self.edit.selectAll()
        self.hint.setText(
            self.tr("Enter: add   ·   Esc: cancel   ·   Up/Down: another arrow   ·   empty: remove")
        )
        self.place()

    def _move_target(self, delta: int) -> None:
        presenter = self._presenter
        steps = presenter.pattern.steps[: max(1, presenter.revealed)]  # only arrows of steps the room has seen
        index = presenter.pattern.index(self.target)
        self.target = steps[(index + delta) % len(steps)].id
        self._update()
        presenter.update()

    def commit(self) -> None:
        """Enter: put the text on the arrow (joined to a prepared note the room has not seen yet)."""
        presenter = self._presenter
        target, text = self.target, self.edit.text().strip()
        self.close_prompt()
        if target is None:
            return
        presenter.repaint()  # the prompt goes at once; laying out the new note can take a moment
        prepared = self._note(target) if self._hidden_note(target) else ""
        if prepared:
            # Typed on an arrow whose prepared note is still hidden: the room's words join it
            # (an arrow holds one note) and an empty text leaves it as it was.
            if not text:
                return
            text = f"{prepared} {text}"
        self.typed.add(target)
        # Typed in front of the room, it is always "added", even where it replaces a note.
        editing.set_breakthrough(presenter.document, target, text, label=self.tr("Add breakthrough") if text else None)

    def _note(self, step: str | None) -> str:
        """The breakthrough note on the arrow after ``step`` ("" without one)."""
        return next((b.text for b in self._presenter.pattern.breakthroughs if b.after == step), "")

    def _hidden_note(self, step: str | None) -> bool:
        """Whether the arrow after ``step`` has a prepared note the reveal has not shown yet."""
        presenter = self._presenter
        return (bool(self._note(step)) and step not in self.typed
                and not presenter.breakthroughs_shown)

    def close_prompt(self) -> None:
        """Close the prompt (if open) without adding anything; the presenter has the keys again."""
        if self.isVisible():
            self.hide()
            self.target = None
            self._presenter.setFocus(Qt.FocusReason.OtherFocusReason)
            self._presenter.update()

    def place(self) -> None:
        """Size and place the prompt for the presenter's size: away from the step it is about."""
        presenter = self._presenter
        w, h = presenter.width(), presenter.height()
        self.set_scale(h, presenter.view.fonts)
        width = min(w - 40, max(560, round(w * 0.6)))
        self.setFixedWidth(width)
        self.setFixedHeight(self.layout().heightForWidth(width))
        # Away from the step the breakthrough follows, so the room still sees it.
        y = h - self.height() - round(h * 0.04)
        if self.target is not None:
            geometry = presenter.view.geometry()
            box = geometry.layout.step(self.target).box
            if box.y + box.h / 2 + geometry.offset[1] > h / 2:
                y = round(h * 0.04)
        self.move((w - width) // 2, y)
