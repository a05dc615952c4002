"""The open pattern of a window: one immutable Pattern, an undo stack, a file path.

The document is the one source of truth the canvas, the side panel and the
presenter read from. Every change is a :class:`ReplacePatternCommand` on the
undo stack that swaps one immutable :class:`~patroon.model.Pattern` for
another, so every state undo can return to is a whole, valid cycle; views
listen to :attr:`Document.changed` and redraw from :attr:`Document.pattern`.
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from patroon.model import Pattern


class ReplacePatternCommand(QUndoCommand):
    """One undoable change: the pattern before and after.

    Commands with the same ``merge`` key (for example ``("title",)`` or
    ``("step-text", "stap-2")``) merge, so typing in one field is one undo
    step. ``select`` names the step to select after redo (and after undo, the
    step that was selected before), so the views can follow the change.
    """

    MERGE_ID = 0x5041  # one id for all merging replacements; the key decides

    def __init__(
        self,
        document: "Document",
        before: Pattern,
        after: Pattern,
        text: str,
        *,
        merge: tuple | None = None,
        select: str | None = None,
        select_before: str | None = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self.before = before
        self.after = after
        self.merge_key = merge
        self.select = select
        self.select_before = select_before

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, ReplacePatternCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.select = other.select
        # Typing back to where it started leaves nothing to undo.
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        self._document._set_pattern(self.after, self.select)

    def undo(self) -> None:
        self._document._set_pattern(self.before, self.select_before or self.select)


class Document(QObject):
    """A pattern being edited: the current pattern, its undo stack and its file.

    Signals:
        changed: after every change of the pattern (edit, undo, redo, load, revert).
        modifiedChanged(bool): when the document becomes modified or saved.
        pathChanged: when the document gets another file (open, save as, new).
        selectRequested(str): an undo command asks the views to select a step.
    """

    changed = Signal()
    modifiedChanged = Signal(bool)
    pathChanged = Signal()
    selectRequested = Signal(str)

    def __init__(self, pattern: Pattern | None = None, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._pattern = pattern  # None: a blank pattern, made when first read
        self._path: Path | None = Path(path) if path is not None else None
        self._dirty = False  # modified without an undo step (a restored recovery copy)
        self._modified = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_modified)

    # Reading ---------------------------------------------------------------

    @property
    def pattern(self) -> Pattern:
        """The current pattern (immutable; change it with :meth:`apply`)."""
        if self._pattern is None:
            from patroon.model import blank_pattern

            self._pattern = blank_pattern()
        return self._pattern

    @property
    def path(self) -> Path | None:
        """The file the pattern was opened from or last saved to; None for a new pattern."""
        return self._path

    def is_modified(self) -> bool:
        """True when the pattern differs from what was last opened or saved."""
        return self._dirty or not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The file's name, or the pattern's title for an unsaved pattern."""
        return self._path.name if self._path is not None else self.pattern.title

    # Changing --------------------------------------------------------------

    def apply(
        self,
        new_pattern: Pattern,
        text: str,
        *,
        merge: tuple | None = None,
        select: str | None = None,
        select_before: str | None = None,
    ) -> None:
        """Push one undoable command that replaces the pattern; ``text`` is the undo menu text.

        Nothing is pushed when ``new_pattern`` equals the current pattern.
        """
        if new_pattern == self.pattern:
            return
        self.undo_stack.push(
            ReplacePatternCommand(
                self, self.pattern, new_pattern, text, merge=merge, select=select, select_before=select_before
            )
        )

    def reset(self, pattern: Pattern, path: Path | None = None, *, modified: bool = False) -> None:
        """Start over with ``pattern`` (open, new, revert): empty undo history.

        ``modified`` marks the document unsaved with nothing to undo, as a
        restored recovery copy is.
        """
        self.undo_stack.clear()
        self._pattern = pattern
        if path != self._path:
            self._path = Path(path) if path is not None else None
            self.pathChanged.emit()
        self._dirty = modified
        self.undo_stack.setClean()
        self._update_modified()
        self.changed.emit()

    def mark_saved(self, path: Path) -> None:
        """Record a successful save to ``path``: the document is no longer modified."""
        if path != self._path:
            self._path = Path(path)
            self.pathChanged.emit()
        self._dirty = False
        self.undo_stack.setClean()
        self._update_modified()

    def mark_modified(self) -> None:
        """Mark the document unsaved although nothing changed here (the file on disk moved on)."""
        self._dirty = True
        self._update_modified()

    def _set_pattern(self, pattern: Pattern, select: str | None = None) -> None:
        self._pattern = pattern
        self.changed.emit()
        if select is not None and any(s.id == select for s in pattern.steps):
            self.selectRequested.emit(select)

    def _update_modified(self, *_args: object) -> None:
        modified = self.is_modified()
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)
