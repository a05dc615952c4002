"""Editing a text in place on the canvas (a step, the title, a breakthrough).

Loaded on the first edit, so the editor window appears without it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent, QPainter, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem, QWidget

from patroon.gui.lazy import palette
from patroon.render.fonts import ensure_fonts, make_font


class InlineEditor(QGraphicsTextItem):
    """Edits a text in place: Enter commits, Shift+Enter breaks the line, Esc cancels.

    Leaving the editor (clicking elsewhere) commits too. Its own typing
    history starts empty; the document gets exactly one command on commit.
    """

    def __init__(self, rect: QRectF, text: str, size: float, bold: bool,
                 on_commit: Callable[[str], None], on_cancel: Callable[[], None], multiline: bool = True,
                 device=None) -> None:
        super().__init__()
        self._rect = rect
        self._on_commit = on_commit
        self._on_cancel = on_cancel
        self._multiline = multiline
        self._done = False
        self.setZValue(10)
        # The same size as the drawing's text: scene units are points on the view's device.
        ensure_fonts()  # with the symbol font: the text typed here was never measured
        self.setFont(make_font(size, bold, device))
        self.setDefaultTextColor(QColor(palette.DEFAULT.text))
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(4)
        self.setPlainText(text)
        self.setTextWidth(max(rect.width(), 60))
        self._recentre()
        self.document().contentsChanged.connect(self._recentre)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.document().setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(True)  # start with an empty typing history

    def text(self) -> str:
        return self.toPlainText().replace("\u2028", "\n").replace("\u2029", "\n")

    def _recentre(self) -> None:
        """Keep the text centred on the box it edits, growing both ways as lines are added."""
        height = super().boundingRect().height()
        self.prepareGeometryChange()  # the box's place relative to the text moves with it
        self.setPos(self._rect.x(), self._rect.center().y() - height / 2)

    def _frame(self) -> QRectF:
        """The white panel with its border, in item coordinates: the box edited and the text, whichever is larger."""
        box = QRectF(0, self._rect.y() - self.y(), self._rect.width(), self._rect.height())
        return super().boundingRect().united(box)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        # Everything paint() draws, border and antialiasing included: what Qt repaints when the editor closes.
        return self._frame().adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self._frame()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(palette.DEFAULT.selected_border), 2))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRoundedRect(rect, 4, 4)
        painter.restore()
        # No dashed focus frame: the orange border already says "editing".
        option.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, option, widget)

    def select_all(self) -> None:
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def commit(self) -> None:
        if not self._done:
            self._done = True
            self._on_commit(self.text())

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self._on_cancel()

    def sceneEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Keys that edit text belong to the editor, not to the window's shortcuts (Del, Ins, Ctrl+Z...).
        if event.type() == QEvent.Type.ShortcutOverride:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            mods = key_event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
            editing_combo = key_event.key() in (Qt.Key.Key_Z, Qt.Key.Key_Y, Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_V,
                                                Qt.Key.Key_X, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
                                                Qt.Key.Key_End, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
            if mods == Qt.KeyboardModifier.NoModifier or (mods == Qt.KeyboardModifier.ControlModifier and editing_combo):
                event.accept()
                return True
        return super().sceneEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and self._multiline:
                self.textCursor().insertText("\n")
            elif not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.commit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        # A dialog or another window taking focus is no reason to stop editing.
        if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            self.commit()

    def place_cursor_at_start(self) -> None:
        self.setTextCursor(QTextCursor(self.document()))
