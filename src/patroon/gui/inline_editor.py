"""Editing a text in place on the canvas (a step, the title, a breakthrough).

:class:`InlineEditor` is the text field over the drawing; :class:`InlineEditing`
is what the canvas' scene does with it: open it on a step, the title or an
arrow, and turn what was typed into one command (:mod:`patroon.gui.editing`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent, QKeySequence, QPainter, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from patroon.errors import PatternError
from patroon.gui import editing
from patroon.layout import Rect
from patroon.render.fonts import ensure_fonts, make_font
from patroon.render.palette import DEFAULT as PALETTE

if TYPE_CHECKING:
    from patroon.gui.document import Document


class InlineEditor(QGraphicsTextItem):
    """Edits a text in place: Enter commits, Shift+Enter breaks the line, Esc cancels.

    Leaving the editor (clicking elsewhere) commits too. Its own typing
    history starts empty; the document gets exactly one command on commit.
    """

    def __init__(self, rect: QRectF, text: str, size: float, bold: bool,
                 on_commit: Callable[[str], None], on_cancel: Callable[[], None], multiline: bool = True,
                 device=None, on_next: Callable[[str, int], None] | None = None,
                 on_lines: Callable[[str, list[str]], None] | None = None) -> None:
        """``on_next(text, delta)``: Ctrl+Enter or Tab (+1), Shift+Tab (-1) commit and go on;
        ``on_lines(text, more)``: a pasted list's first line was typed here, ``more`` become steps after it."""
        super().__init__()
        self._rect = rect
        self._on_next = on_next
        self._on_lines = on_lines
        self._on_commit = on_commit
        self._on_cancel = on_cancel
        self._multiline = multiline
        self._done = False
        self.setZValue(10)
        # The same size as the drawing's text: scene units are points on the view's device.
        ensure_fonts()  # with the symbol font: the text typed here was never measured
        self.setFont(make_font(size, bold, device))
        self.setDefaultTextColor(QColor(PALETTE.text))
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
        painter.setPen(QPen(QColor(getattr(self.scene(), "colours", PALETTE).selected_border), 2))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRoundedRect(rect, 4, 4)
        painter.restore()
        # No dashed focus frame: the orange border already says "editing".
        from PySide6.QtWidgets import QStyle  # its many enums take a while to load: not before editing

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
                                                Qt.Key.Key_End, Qt.Key.Key_Backspace, Qt.Key.Key_Delete,
                                                Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if mods == Qt.KeyboardModifier.NoModifier or (mods == Qt.KeyboardModifier.ControlModifier and editing_combo):
                event.accept()
                return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.keyPressEvent(event)  # the text item would type a tab: Tab goes on to the next step
            return True
        return super().sceneEvent(event)

    def _go_on(self, delta: int) -> None:
        if self._on_next is None:
            self.commit()
        elif not self._done:
            self._done = True
            self._on_next(self.text(), delta)

    def _paste(self) -> bool:
        """A pasted list: its first line here, the rest as steps after this one (True when handled)."""
        from PySide6.QtGui import QGuiApplication

        from patroon.model import steps_from_text

        lines = steps_from_text(QGuiApplication.clipboard().text())
        if len(lines) < 2:
            return False
        if self._on_lines is None or not self._multiline:
            self.textCursor().insertText(" ".join(lines))
            return True
        self.textCursor().insertText(lines[0])
        if not self._done:
            self._done = True
            self._on_lines(self.text(), lines[1:])
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return
        if event.matches(QKeySequence.StandardKey.Paste) and self._paste():
            return
        if key == Qt.Key.Key_Tab or key == Qt.Key.Key_Backtab:
            self._go_on(-1 if key == Qt.Key.Key_Backtab or mods & Qt.KeyboardModifier.ShiftModifier else +1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ControlModifier:
            self._go_on(+1)
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


class InlineEditing:
    """The in-place editing of :class:`~patroon.gui.canvas.PatternScene` (mixed into it).

    One editor at a time (:attr:`editor`); opening another commits the first.
    A text the model refuses is said in :attr:`problem` and given back to edit.
    """

    document: Document
    editor: InlineEditor | None
    _editing: tuple[str, str | None] | None  # (kind, step id)

    def is_editing(self) -> bool:
        """True while a text is being edited in place."""
        return self.editor is not None

    def _open_editor(self, kind: str, step: str | None, rect: QRectF, text: str, size: float, bold: bool,
                     commit: Callable[[str], None], cancel: Callable[[], None] | None = None,
                     multiline: bool = True, select_all: bool = True,
                     advance: Callable[[int], None] | None = None,
                     more: Callable[[list[str]], None] | None = None) -> InlineEditor:
        """``advance(delta)`` goes on to the next (+1) or previous (-1) text after a commit;
        ``more(lines)`` puts a pasted list's other lines after the text committed."""
        self.commit_editing()

        def done_commit(value: str) -> bool:
            self._close_editor()
            try:
                commit(value)
            except PatternError as exc:
                # The model refuses it (too long, say): say why and give the text back to edit.
                self.problem.emit(exc.message)
                QTimer.singleShot(0, lambda: self._open_editor(kind, step, rect, value, size, bold, commit, cancel,
                                                               multiline, select_all=False, advance=advance,
                                                               more=more))
                return False
            return True

        def done_next(value: str, delta: int) -> None:
            if done_commit(value) and advance is not None:
                advance(delta)

        def done_lines(value: str, lines: list[str]) -> None:
            if done_commit(value) and more is not None:
                more(lines)

        def done_cancel() -> None:
            self._close_editor()
            if cancel is not None:
                cancel()

        views = self.views()
        device = views[0].viewport() if views else None
        if views:  # the keys reach the editor only through the view: it must have them
            views[0].setFocus(Qt.FocusReason.OtherFocusReason)
        editor = InlineEditor(rect, text, size, bold, done_commit, done_cancel, multiline, device,
                              on_next=done_next if advance is not None else None,
                              on_lines=done_lines if more is not None else None)
        self.editor = editor
        self._editing = (kind, step)
        self.addItem(editor)
        editor.setDefaultTextColor(QColor(getattr(self, "colours", PALETTE).text))  # the pattern's palette
        if select_all:
            editor.select_all()
        else:
            editor.place_cursor_at_start()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.add_button.setVisible(False)
        self.editingChanged.emit(True)
        return editor

    def _close_editor(self) -> None:
        editor, self.editor, self._editing = self.editor, None, None
        if editor is not None:
            editor.clearFocus()
            self.removeItem(editor)
            editor.deleteLater()
        for view in self.views():
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._place_add_button()
        if editor is not None:
            self.editingChanged.emit(False)

    def commit_editing(self) -> None:
        """Finish any in-place edit, keeping what was typed."""
        if self.editor is not None:
            self.editor.commit()

    def start_editing(self, step_id: str, adding: bool = False) -> InlineEditor | None:
        """Edit a step's text in place; with ``adding`` the new step's insertion and text are one command."""
        item = self.steps.get(step_id)
        if item is None:
            return None
        self.select_step(step_id)
        layout = item.layout
        rect = self.layout_rect(layout.box)

        named = [step_id]  # the step's id once it has its text (a placeholder id is replaced)
        # A list pasted into the first step of a new pattern takes the place of its empty steps.
        from patroon.model import is_untouched

        fresh = is_untouched(self.document.pattern)

        def commit(text: str) -> None:
            named[0] = editing.set_step_text(self.document, step_id, text, adding=adding) or step_id

        def cancel() -> None:
            if adding:
                editing.take_back_added_step(self.document, step_id)

        def more(lines: list[str]) -> None:
            try:
                ids = editing.paste_steps(self.document, named[0], lines, replace_empty=fresh)
            except PatternError as exc:  # too many steps, a line too long: said, and the typed line stays
                self.problem.emit(exc.message)
                return
            self.select_step(ids[-1] if ids else named[0])
            self.pasted.emit(len(ids) + 1)

        return self._open_editor("step", step_id, rect, self.document.pattern.step(step_id).text,
                                 layout.text.size, layout.text.bold, commit, cancel, select_all=not adding,
                                 advance=lambda delta: self.advance(named[0], delta), more=more)

    def advance(self, step_id: str, delta: int) -> None:
        """Go on typing in the next step (``delta`` +1) or the one before (-1); after the last step a
        new one is added (the window's Insert)."""
        steps = self.document.pattern.steps
        ids = [s.id for s in steps]
        if step_id not in ids:
            return
        index = ids.index(step_id) + delta
        if index >= len(ids):
            self.select_step(step_id)
            self.addRequested.emit()
            return
        self.start_editing(ids[max(0, index)])

    def start_editing_title(self) -> InlineEditor | None:
        """Edit the title in the middle of the circle (one line)."""
        if self.pattern_layout is None:
            return None
        block = self.pattern_layout.title
        area = self.pattern_layout.title_area
        rect = self.layout_rect(Rect(area.x, block.rect.y, area.w, max(block.rect.h, 30)))

        def commit(text: str) -> None:
            editing.set_title(self.document, text)

        return self._open_editor("title", None, rect, self.document.pattern.title, block.size, True, commit,
                                 multiline=False)

    def start_editing_breakthrough(self, step_id: str) -> InlineEditor | None:
        """Edit (or add) the breakthrough on the arrow leaving ``step_id``; an empty text removes it."""
        if self.pattern_layout is None or step_id not in self.arrows:
            return None
        self.select_step(step_id)
        existing = self.document.pattern.breakthrough(step_id)
        size = max(9.0, self.pattern_layout.step_font_size * 0.85)
        if step_id in self.breakthroughs:
            rect = self.layout_rect(self.breakthroughs[step_id].layout.note_box)
        else:
            points = self.arrows[step_id].layout.path
            mx, my = points[len(points) // 2]
            w = max(150.0, 11 * size)
            rect = self.layout_rect(Rect(mx - w / 2, my - 2 * size, w, 4 * size))

        def commit(text: str) -> None:
            editing.set_breakthrough(self.document, step_id, text.strip())

        return self._open_editor("breakthrough", step_id, rect, existing.text if existing else "", size, False, commit)
