"""What a screen reader hears: the canvas and the presenter described in words.

The canvas is a ``QGraphicsView``, which Qt presents to assistive technology as
one unnamed object. Patroon gives it an interface of its own (installed as a
Qt accessibility factory): its name says which pattern it shows ("Patroon:
Wereldvrede, 6 stappen"), its description and value say which step is
selected ("Stap 2 van 6: Op abstract niveau ..., doorbraak: ..."), and while a
step is edited in place it is an editable text holding what is being typed.
Every change of selection is also announced, so moving through the pattern
with the arrow keys reads it step by step; the presenter announces each step
it reveals the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAccessibleWidget, QWidget

if TYPE_CHECKING:  # the model loads after the window is on screen
    from patroon.model import Pattern


class Spoken(QObject):
    """The words a screen reader says about a pattern (in the UI's language)."""

    def pattern_name(self, pattern: Pattern) -> str:
        """The canvas' name: ``Patroon: Wereldvrede, 6 stappen``."""
        steps = self.tr("%n step(s)", "", len(pattern.steps))
        return self.tr("Pattern: %1, %2").replace("%1", pattern.title).replace("%2", steps)

    def step(self, pattern: Pattern, step_id: str) -> str:
        """One step: ``Stap 2 van 6: <text>``, and ``doorbraak: <text>`` where its arrow has one."""
        index = pattern.index(step_id)
        words = self.tr("Step %1 of %2: %3").replace("%1", str(index + 1)).replace("%2", str(len(pattern.steps)))
        words = words.replace("%3", pattern.steps[index].text or self.tr("(empty)"))
        breakthrough = pattern.breakthrough(step_id)
        if breakthrough is not None:
            words += "; " + self.tr("breakthrough: %1").replace("%1", breakthrough.text)
        return words

    def editing(self, text: str | None = None) -> str:
        """While a step is edited in place; with ``text``, as announced when editing starts."""
        if text is None:
            return self.tr("Editing the text of the step; Enter: done, Escape: cancel")
        return self.tr("Edit text: %1").replace("%1", text or self.tr("(empty)"))

    def nothing_selected(self) -> str:
        return self.tr("No step selected; the arrow keys select one")

    def closed_circle(self, pattern: Pattern) -> str:
        """The presenter's closed circle, with the breakthroughs it shows."""
        words = self.tr("The circle is closed: the last step leads back to the first")
        for b in pattern.breakthroughs:
            words += "; " + self.tr("breakthrough after step %1: %2").replace(
                "%1", str(pattern.index(b.after) + 1)).replace("%2", b.text)
        return words

    def questions(self, pattern: Pattern) -> str:
        numbered = " ".join(f"{n}. {q}" for n, q in enumerate(pattern.questions, start=1))
        return self.tr("Questions for the table: %1").replace("%1", numbered)


def announce(widget: QObject, words: str) -> None:
    """Have a screen reader say ``words`` now, about ``widget``."""
    if words:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, words))


class CanvasInterface(QAccessibleWidget):
    """The accessible face of the pattern canvas (see the module's docstring)."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view, QAccessible.Role.Canvas)
        self._view = view

    def _speaker(self) -> "CanvasSpeaker | None":
        return getattr(self._view, "speaker", None)

    def role(self) -> QAccessible.Role:
        speaker = self._speaker()
        if speaker is not None and speaker.editing_text is not None:
            return QAccessible.Role.EditableText
        return QAccessible.Role.Canvas

    def text(self, kind: QAccessible.Text) -> str:
        speaker = self._speaker()
        if speaker is not None:
            if kind == QAccessible.Text.Name:
                return speaker.name()
            if kind == QAccessible.Text.Description:
                return speaker.description()
            if kind == QAccessible.Text.Value:
                return speaker.value()
        return super().text(kind)


class CanvasSpeaker(QObject):
    """Keeps the canvas' words current and announces each change of selection or editing."""

    def __init__(self, view: QWidget, scene, document) -> None:
        super().__init__(view)
        self._view, self._scene, self._document = view, scene, document
        self.editing_text: str | None = None
        self.words = Spoken(self)
        view.speaker = self  # read by CanvasInterface
        scene.currentStepChanged.connect(self._selected)
        scene.editingChanged.connect(self._editing)
        document.changed.connect(self._changed)

    def name(self) -> str:
        return self.words.pattern_name(self._document.pattern)

    def _current(self) -> str | None:
        """The selected step, if it is still in the pattern (the scene may not have caught up yet)."""
        step = self._scene.current_step()
        return step if step is not None and step in {s.id for s in self._document.pattern.steps} else None

    def description(self) -> str:
        step = self._current()
        if self.editing_text is not None:
            return self.words.editing()
        if step is None:
            return self.words.nothing_selected()
        return self.words.step(self._document.pattern, step)

    def value(self) -> str:
        if self.editing_text is not None:
            editor = getattr(self._scene, "editor", None)
            return editor.toPlainText() if editor is not None else self.editing_text
        step = self._current()
        return self._document.pattern.step(step).text if step is not None else ""

    def _selected(self, step_id: str) -> None:
        self._tell(QAccessible.Event.DescriptionChanged)
        if step_id and step_id in {s.id for s in self._document.pattern.steps}:
            announce(self._view, self.words.step(self._document.pattern, step_id))

    def _editing(self, editing: bool) -> None:
        editor = getattr(self._scene, "editor", None)
        self.editing_text = editor.toPlainText() if editing and editor is not None else None
        # Focus again: a screen reader reads the focused object anew, now (no longer) an editable text.
        self._tell(QAccessible.Event.Focus)
        if self.editing_text is not None:
            announce(self._view, self.words.editing(self.editing_text))

    def _changed(self) -> None:
        self._tell(QAccessible.Event.NameChanged)

    def _tell(self, kind: QAccessible.Event) -> None:
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(self._view, kind))


def name_overflow_buttons(bar: QWidget) -> None:
    """Name the "»" button Qt adds to a tool or menu bar too narrow for all it holds."""
    from PySide6.QtWidgets import QToolButton

    for button in bar.findChildren(QToolButton):
        if button.objectName() in ("qt_toolbar_ext_button", "qt_menubar_ext_button"):
            more = QCoreApplication.translate("Accessibility", "More")
            button.setAccessibleName(more)
            button.setToolTip(more)


def name_inner_parts(root: QWidget) -> None:
    """Give the parts Qt builds inside combo and spin boxes (the pop-up list, the text field)
    the name of the box they belong to, so no part of a dialog is read out as just "list"."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    for box in [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]:
        name = QAccessible.queryAccessibleInterface(box).text(QAccessible.Text.Name)
        inner = box.view() if isinstance(box, QComboBox) else box.lineEdit()
        if name and inner is not None and not inner.accessibleName():
            inner.setAccessibleName(name)


_interfaces: dict[int, CanvasInterface] = {}


def _factory(key: str, obj: QObject) -> QAccessibleWidget | None:
    if getattr(obj, "speaker", None) is None or not isinstance(obj, QWidget):
        return None
    # Qt keeps the interface for the object's life; Python must keep the wrapper as long.
    interface = _interfaces.get(id(obj))
    if interface is None:
        interface = _interfaces[id(obj)] = CanvasInterface(obj)
        obj.destroyed.connect(lambda *_a, k=id(obj): _interfaces.pop(k, None))
    return interface


_installed = False


def speak_for_canvas(view: QWidget, scene, document) -> CanvasSpeaker:
    """Give the canvas ``view`` its accessible interface; returns what keeps its words current."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
    return CanvasSpeaker(view, scene, document)
