"""The side panel: the steps as a list, and the pattern's properties, questions, breakthroughs and meta.

The panel edits only through the document (one undo command per action;
typing in one field merges into one command until the field loses focus)
and refreshes itself from :attr:`Document.changed`, so it always shows what
the canvas shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from patroon.errors import PatternError
from patroon.gui import editing
from patroon.gui.document import Document
from patroon.model import Pattern, set_step_note, update

ID_ROLE = Qt.ItemDataRole.UserRole
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1


class _NumberedDelegate(QStyledItemDelegate):
    """Shows "3. text" (first line) in the step list; editing gets the plain text."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        text = (index.data(Qt.ItemDataRole.DisplayRole) or "").replace("\n", " ")
        if not text.strip():  # an empty step shows the canvas' grey hint (never its text)
            text = QCoreApplication.translate("StepItem", "Step %1 — type here").replace("%1", str(index.row() + 1))
            option.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.PlaceholderText))
        option.text = f"{index.row() + 1}.  {text}"


class _BreakthroughDelegate(QStyledItemDelegate):
    """Shows which arrow a breakthrough is on ("Na stap 3: ..."); editing gets the plain text."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        where = index.data(PLACE_ROLE) or ""
        option.text = f"{where}  {option.text}" if where else option.text


class QuestionsEdit(QPlainTextEdit):
    """The discussion questions, one per paragraph.

    Each question is numbered beside its first line and every other one has a
    tinted background, as the rows of a list: a question that wraps onto two
    lines reads as one question, not two. Empty lines are no question (the
    model drops them) and get no number.
    """

    PAD = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._numbers = _QuestionNumbers(self)
        self.updateRequest.connect(self._follow)
        self._fit_margin()

    def number_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("99.") + 2 * self.PAD

    def _fit_margin(self) -> None:
        self.setViewportMargins(self.number_width(), 0, 0, 0)

    def _follow(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_margin()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        area = self.contentsRect()
        self._numbers.setGeometry(area.left(), area.top(), self.number_width(), area.height())

    def shown_questions(self) -> list[tuple[int, QRectF, float]]:
        """(number, the question's paragraph and the top of its first line, in viewport
        coordinates) for the questions in view."""
        shown = []
        number = 0
        offset = self.contentOffset()
        bottom = self.viewport().height()
        block = self.document().firstBlock()
        while block.isValid():
            if block.text().strip():
                number += 1
                rect = self.blockBoundingGeometry(block).translated(offset)
                if rect.top() > bottom:
                    break
                if rect.bottom() >= 0:
                    text = block.layout()
                    first = rect.top() + text.position().y() + (text.lineAt(0).y() if text.lineCount() else 0)
                    shown.append((number, rect, first))
            block = block.next()
        return shown

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self.viewport())
        tint = self.palette().color(QPalette.ColorRole.AlternateBase)
        for number, rect, _first in self.shown_questions():
            if number % 2 == 0:
                painter.fillRect(QRectF(0, rect.top(), self.viewport().width(), rect.height()), tint)
        painter.end()  # the text goes on top
        super().paintEvent(event)


class _QuestionNumbers(QWidget):
    """The margin of a :class:`QuestionsEdit` with the questions' numbers."""

    def __init__(self, edit: QuestionsEdit) -> None:
        super().__init__(edit)
        self._edit = edit

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        edit = self._edit
        painter = QPainter(self)
        painter.fillRect(event.rect(), edit.palette().color(QPalette.ColorRole.Base))
        tint = edit.palette().color(QPalette.ColorRole.AlternateBase)
        painter.setPen(edit.palette().color(QPalette.ColorRole.Text))
        line = edit.fontMetrics().height()
        for number, rect, first in edit.shown_questions():
            if number % 2 == 0:
                painter.fillRect(QRectF(0, rect.top(), self.width(), rect.height()), tint)
            painter.drawText(QRectF(0, first, self.width() - edit.PAD, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"{number}.")


class StepList(QListWidget):
    """The steps in cycle order; drag a step to move it (the move goes through the document)."""

    moveRequested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setItemDelegate(_NumberedDelegate(self))

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        item = self.currentItem()
        if item is None:
            event.ignore()
            return
        source = self.row(item)
        target_item = self.itemAt(event.position().toPoint())
        if target_item is None:
            target = self.count() - 1
        else:
            target = self.row(target_item)
            rect = self.visualItemRect(target_item)
            below = event.position().y() > rect.center().y()
            if below and target < source:
                target += 1
            elif not below and target > source:
                target -= 1
        # The list never moves its own rows: the document does, and the list follows.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if target != source:
            self.moveRequested.emit(item.data(ID_ROLE), target)


class SidePanel(QTabWidget):
    """Tabs: Steps (list + note), Pattern (title, context, description, meta), Questions, Breakthroughs."""

    currentStepChanged = Signal(str)
    moveRequested = Signal(str, int)

    def __init__(self, document: Document, parent: QWidget | None = None, refresh: bool = True) -> None:
        super().__init__(parent)
        self.document = document
        self._session = 0  # bumped when a field gains or loses focus: a new undo command starts
        self._refreshing = False
        self.setMinimumWidth(260)
        self._add_steps_tab()
        self._add_details_tab()
        self._add_questions_tab()
        self._add_breakthroughs_tab()
        if parent is not None:  # the window: as it resizes, the tabs' room follows (see fit_tabs)
            self.fit_tabs(parent.width() // 3)
            parent.installEventFilter(self)
        for widget in (self.title_edit, self.context_edit, self.description_edit, self.questions_edit,
                       self.note_edit, *self.meta_edits.values()):
            widget.installEventFilter(self)
        document.changed.connect(self.refresh)
        if refresh:
            self.refresh()

    def fit_tabs(self, most: int) -> None:
        """Be at least as wide as the four tab labels where ``most`` pixels allow it: a tab hidden
        behind scroll arrows (a panel once dragged narrow stays so) is a tab a newcomer never finds."""
        frame = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        self.setMinimumWidth(max(260, min(self.tabBar().sizeHint().width() + frame, most)))

    def _add_steps_tab(self) -> None:
        steps_page = QWidget(self)
        layout = QVBoxLayout(steps_page)
        self.step_list = StepList(steps_page)
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.setAccessibleDescription(self.tr("The steps in the order of the circle; "
                                                        "Ctrl+Up and Ctrl+Down move the selected step"))
        self.step_list.moveRequested.connect(self.moveRequested)
        self.step_list.currentItemChanged.connect(self._on_current_item)
        self.step_list.itemChanged.connect(self._on_item_edited)
        layout.addWidget(self.step_list, 3)
        self._steps_layout = layout
        self.note_label = QLabel(self.tr("Facilitator note for this step (not printed):"), steps_page)
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        self.note_edit = QPlainTextEdit(steps_page)
        self.note_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field: no keyboard trap
        self.note_edit.setAccessibleName(self.tr("Facilitator note"))
        self.note_label.setBuddy(self.note_edit)
        self.note_edit.setPlaceholderText(self.tr("Only you see this note."))
        self.note_edit.textChanged.connect(self._on_note)
        layout.addWidget(self.note_edit, 1)
        self.addTab(steps_page, self.tr("Steps"))

    def _add_details_tab(self) -> None:
        props = QWidget(self)
        form = QFormLayout(props)
        self.title_edit = QLineEdit(props)
        self.context_edit = QLineEdit(props)
        self.context_edit.setPlaceholderText(self.tr("e.g. Housing and care:"))
        self.description_edit = QPlainTextEdit(props)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(self.tr("Shown on the table sheet, not in the circle."))
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Context"), self.context_edit)
        form.addRow(self.tr("&Description"), self.description_edit)
        self.meta_edits: dict[str, QLineEdit] = {}
        for key, label in (("author", self.tr("Author")), ("organisation", self.tr("Organisation")),
                           ("region", self.tr("Region")), ("date", self.tr("Date")), ("source", self.tr("Source"))):
            edit = QLineEdit(props)
            edit.textEdited.connect(lambda text, k=key: self._on_meta(k, text))
            self.meta_edits[key] = edit
            form.addRow(label, edit)
        self.title_edit.textEdited.connect(lambda text: self._on_field("title", text, self.tr("Edit title")))
        self.context_edit.textEdited.connect(lambda text: self._on_field("context", text, self.tr("Edit context")))
        self.description_edit.textChanged.connect(
            lambda: self._on_field("description", self.description_edit.toPlainText(), self.tr("Edit description")))
        self.addTab(props, self.tr("Details"))

    def _add_questions_tab(self) -> None:
        questions_page = QWidget(self)
        qlayout = QVBoxLayout(questions_page)
        hint = QLabel(self.tr("The questions for the table, one per line:"), questions_page)
        hint.setWordWrap(True)
        qlayout.addWidget(hint)
        self.questions_edit = QuestionsEdit(questions_page)
        self.questions_edit.setTabChangesFocus(True)
        self.questions_edit.setAccessibleName(self.tr("Questions for the table, one per line"))
        hint.setBuddy(self.questions_edit)
        self.questions_edit.textChanged.connect(self._on_questions)
        qlayout.addWidget(self.questions_edit)
        self.addTab(questions_page, self.tr("Questions"))

    def _add_breakthroughs_tab(self) -> None:
        bt_page = QWidget(self)
        blayout = QVBoxLayout(bt_page)
        bhint = QLabel(self.tr("Where the room sees a way to break the pattern. Select a step and press "
                               "Ctrl+B to add one on its arrow; double-click to edit; clear the text to remove."),
                       bt_page)
        bhint.setWordWrap(True)
        blayout.addWidget(bhint)
        self.breakthrough_list = QListWidget(bt_page)
        self.breakthrough_list.setAccessibleName(self.tr("Breakthroughs"))
        self.breakthrough_list.setAccessibleDescription(bhint.text())
        self.breakthrough_list.setWordWrap(True)
        self.breakthrough_list.setItemDelegate(_BreakthroughDelegate(self.breakthrough_list))
        self.breakthrough_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                               | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.breakthrough_list.itemChanged.connect(self._on_breakthrough_edited)
        self.breakthrough_list.currentItemChanged.connect(self._on_breakthrough_current)
        blayout.addWidget(self.breakthrough_list)
        self.addTab(bt_page, self.tr("Breakthroughs"))

    def add_step_tools(self, actions) -> None:
        """A row of buttons under the step list for the window's step actions (add, delete, move)."""
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QToolBar

        from patroon.gui.accessibility import name_overflow_buttons

        bar = QToolBar(self)
        bar.setIconSize(QSize(18, 18))
        bar.setAccessibleName(self.tr("Step tools"))
        for action in actions:
            bar.addAction(action)
        name_overflow_buttons(bar)
        self._steps_layout.insertWidget(1, bar)

    # Keeping undo commands per field -------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._session += 1
        elif event.type() == QEvent.Type.Resize and watched is self.window():
            self.fit_tabs(self.window().width() // 3)
        return super().eventFilter(watched, event)

    def _apply(self, new: Pattern, text: str, field: tuple) -> None:
        self._refreshing = True  # the field being typed in already shows the text
        try:
            self.document.apply(new, text, merge=(*field, self._session))
        finally:
            self._refreshing = False
        self.refresh(keep_focus_field=True)

    def _on_field(self, name: str, value: str, text: str) -> None:
        if self._refreshing:
            return
        try:
            new = update(self.document.pattern, **{name: value})
        except PatternError as exc:
            self._complain(exc)
            return
        self._apply(new, text, (name,))

    def _on_meta(self, key: str, value: str) -> None:
        if self._refreshing:
            return
        meta = {**self.document.pattern.meta.model_dump(), key: value}
        try:
            new = update(self.document.pattern, meta=meta)
        except PatternError as exc:
            self._complain(exc)
            return
        self._apply(new, self.tr("Edit details"), ("meta", key))

    def _on_questions(self) -> None:
        if self._refreshing:
            return
        questions = [q.strip() for q in self.questions_edit.toPlainText().splitlines() if q.strip()]
        try:
            new = update(self.document.pattern, questions=questions)
        except PatternError as exc:
            self._complain(exc)
            return
        self._apply(new, self.tr("Edit questions"), ("questions",))

    def _on_note(self) -> None:
        if self._refreshing:
            return
        step = self.current_step()
        if step is None:
            return
        try:
            new = set_step_note(self.document.pattern, step, self.note_edit.toPlainText())
        except PatternError as exc:
            self._complain(exc)
            return
        self._apply(new, self.tr("Edit note"), ("note", step))

    def _on_item_edited(self, item: QListWidgetItem) -> None:
        if not self._refreshing:
            self._edit_item(item, editing.set_step_text, item.text())

    def _on_breakthrough_edited(self, item: QListWidgetItem) -> None:
        if not self._refreshing:
            self._edit_item(item, editing.set_breakthrough, item.text().strip())

    def _edit_item(self, item: QListWidgetItem, edit, text: str) -> None:
        """A list item's text edited in place: one command, or the list put back and the reason said."""
        try:
            edit(self.document, item.data(ID_ROLE), text)
        except PatternError as exc:
            self._complain(exc)
            self.refresh()

    def _on_breakthrough_current(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None and not self._refreshing:
            self.currentStepChanged.emit(item.data(ID_ROLE))

    def _complain(self, exc: PatternError) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(exc.message, 6000)

    # Selection -----------------------------------------------------------------------

    def current_step(self) -> str | None:
        item = self.step_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select_step(self, step_id: str | None) -> None:
        """Show ``step_id`` as the current step (no signal back)."""
        self._refreshing = True
        try:
            for row in range(self.step_list.count()):
                item = self.step_list.item(row)
                if item.data(ID_ROLE) == step_id:
                    self.step_list.setCurrentItem(item)
                    self.step_list.scrollToItem(item)
                    break
            else:
                self.step_list.setCurrentItem(None)
            self._show_note()
        finally:
            self._refreshing = False

    def _on_current_item(self, item: QListWidgetItem | None, _previous=None) -> None:
        if self._refreshing:
            return
        self._session += 1
        self._refreshing = True
        try:
            self._show_note()
        finally:
            self._refreshing = False
        self.currentStepChanged.emit(item.data(ID_ROLE) if item is not None else "")

    def _show_note(self) -> None:
        step = self.current_step()
        note = self.document.pattern.step(step).note if step and self._has(step) else ""
        _set_plain(self.note_edit, note)
        self.note_edit.setEnabled(step is not None)

    def _has(self, step_id: str) -> bool:
        return any(s.id == step_id for s in self.document.pattern.steps)

    # Refreshing from the document -------------------------------------------------------

    def _shown_selection(self) -> tuple[int, list[int]]:
        """The step list's current row and selected rows."""
        return self.step_list.currentRow(), sorted(self.step_list.row(i) for i in self.step_list.selectedItems())

    def refresh(self, keep_focus_field: bool = False) -> None:
        """Show the document's pattern; a field being typed in keeps its cursor."""
        if self._refreshing and not keep_focus_field:
            return
        pattern = self.document.pattern
        was_refreshing, self._refreshing = self._refreshing, True
        try:
            current = self.current_step()
            self.step_list.blockSignals(True)
            # A row changed here is not repainted unless asked (see test_the_step_list_shows_a_changed_text_
            # after_an_edit): ask when anything in the list changed, and only then, not for every edit elsewhere.
            changed = False
            if [self.step_list.item(r).data(ID_ROLE) for r in range(self.step_list.count())] != [s.id for s in pattern.steps]:
                changed = True
                self.step_list.clear()
                for s in pattern.steps:
                    item = QListWidgetItem(s.text)
                    item.setData(ID_ROLE, s.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
                    self.step_list.addItem(item)
            else:
                for r, s in enumerate(pattern.steps):
                    item = self.step_list.item(r)
                    if item.text() != s.text:
                        changed = True
                        item.setText(s.text)
            if current is not None and self._has(current):
                shown = self._shown_selection()
                self.step_list.setCurrentRow(pattern.index(current))
                changed = changed or shown != self._shown_selection()
            self.step_list.blockSignals(False)
            if changed:
                self.step_list.viewport().update()

            _set_line(self.title_edit, pattern.title)
            _set_line(self.context_edit, pattern.context)
            _set_plain(self.description_edit, pattern.description)
            for key, edit in self.meta_edits.items():
                _set_line(edit, getattr(pattern.meta, key))
            questions = "\n".join(pattern.questions)
            current_questions = [q.strip() for q in self.questions_edit.toPlainText().splitlines() if q.strip()]
            if current_questions != list(pattern.questions):
                _set_plain(self.questions_edit, questions)
            self._show_note()

            self.breakthrough_list.blockSignals(True)
            self.breakthrough_list.clear()
            for b in pattern.breakthroughs:
                number = pattern.index(b.after) + 1
                item = QListWidgetItem(b.text)
                item.setData(ID_ROLE, b.after)
                item.setToolTip(self.tr("On the arrow after step %1").replace("%1", str(number)))
                item.setData(PLACE_ROLE, self.tr("After step %1:").replace("%1", str(number)))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.breakthrough_list.addItem(item)
            self.breakthrough_list.blockSignals(False)
        finally:
            self._refreshing = was_refreshing


def _set_line(edit: QLineEdit, text: str) -> None:
    # The model strips texts: a field that differs only by the space just typed keeps its cursor.
    if edit.text().strip() != text:
        edit.setText(text)


def _set_plain(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText().replace("\r\n", "\n").strip() != text:
        edit.setPlainText(text)
