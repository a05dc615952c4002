"""Drafting from a list: a pasted list or a ``.txt``/``.md`` file becomes steps.

One rule makes the steps wherever the list comes from
(:func:`patroon.model.steps_from_text`): one step per non-empty line, list
markers dropped; ``patroon new --from-text`` uses it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from patroon.errors import PatternError
from patroon.gui import editing

if TYPE_CHECKING:
    from patroon.gui.mainwindow import MainWindow
    from patroon.model import Pattern

# Files whose lines are the steps of a new pattern.
LIST_SUFFIXES = (".txt", ".md")


def paste_list(window: MainWindow, text: str | None = None) -> list[str]:
    """Insert the lines of ``text`` (the clipboard's text by default) as steps after the selected
    step, as one undo command; the status bar says how many. Returns the new ids."""
    from patroon.model import steps_from_text

    window.commit_editing()
    if text is None:
        text = QGuiApplication.clipboard().text()
    texts = steps_from_text(text)
    if not texts:
        window.statusBar().showMessage(
            QCoreApplication.translate("Drafting", "Nothing to paste: the clipboard holds no text."), 5000)
        return []
    try:
        ids = editing.paste_steps(window.document, window.current_step(), texts)
    except PatternError as exc:
        window.statusBar().showMessage(exc.message, 8000)
        return []
    window.select_step(ids[0])
    window.focus_canvas()
    window.statusBar().show_pasted(len(ids))
    return ids


def is_list_file(path: Path) -> bool:
    """True for a file whose lines are steps (a ``.txt`` or ``.md`` list) rather than a pattern file."""
    return path.suffix.lower() in LIST_SUFFIXES


def pattern_from_list_file(path: Path) -> Pattern:
    """A new pattern from the lines of the list in ``path``, titled after the file's name
    (PatternError or OSError when it cannot be read or makes no pattern)."""
    from patroon.fileformat import decode
    from patroon.model import pattern_from_text

    text = decode(path.read_bytes())
    title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Patroon"
    return pattern_from_text(text, title)
