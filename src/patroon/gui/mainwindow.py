"""The editor window: canvas, side panel, menus, files, and the guards that keep work safe.

Every edit goes through :class:`~patroon.gui.document.Document` as one undo
command; the canvas and the side panel only redraw from the document. The
window owns the file side: opening (with a readable message when a file is
not a pattern), atomic saving, the unsaved-changes guard, recovery copies and
noticing when another program changed the file.

Dialogs go through :meth:`MainWindow.ask`, :meth:`MainWindow.ask_open_path`
and :meth:`MainWindow.ask_save_path` so tests can answer them.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QDateTime,
    QFileSystemWatcher,
    QLocale,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from patroon.errors import PatternError, file_problem, internal_error
from patroon.gui.document import Document
from patroon.gui.files import (
    SaveError,
    file_name_for,
    new_recovery_file,
    orphaned_recoveries,
    save_pattern_atomic,
    save_target,
    write_recovery,
)
from patroon.gui.icons import icon
from patroon.gui.lazy import fileformat, model
from patroon.limits import MAX_PRINTED_STEPS

if TYPE_CHECKING:
    from patroon.gui.canvas import PatternScene, PatternView
    from patroon.gui.sidepanel import SidePanel

MAX_RECENT = 10
AUTOSAVE_MS = 60_000
FILE_FILTER_SUFFIXES = ("*.yaml", "*.yml", "*.patroon")

Button = QMessageBox.StandardButton

# Why a save failed, in the user's language rather than the system's English (errno -> text).
FAILURE_REASONS = {
    errno.EACCES: QT_TRANSLATE_NOOP("MainWindow", "you are not allowed to write in this folder"),
    errno.EPERM: QT_TRANSLATE_NOOP("MainWindow", "the system does not allow writing this file"),
    errno.EROFS: QT_TRANSLATE_NOOP("MainWindow", "the disk or folder is read-only"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("MainWindow", "the disk is full"),
    errno.ENOENT: QT_TRANSLATE_NOOP("MainWindow", "the folder does not exist (any more)"),
}

_SYSTEM_WORDS = {  # the C library's English texts, whatever the locale
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on device",
    errno.ENOENT: "no such file or directory",
}


def failure_reason(exc: OSError) -> str:
    """The reason an OSError gives, translated for the common cases.

    QSaveFile reports only the system's text (``Read-only file system``), so
    that text is matched too when the error carries no number.
    """
    code = exc.errno
    if code not in FAILURE_REASONS:
        text = str(exc).lower()
        code = next((c for c in FAILURE_REASONS
                     if os.strerror(c).lower() in text or _SYSTEM_WORDS[c] in text), None)
    if code in FAILURE_REASONS:
        return QCoreApplication.translate("MainWindow", FAILURE_REASONS[code])
    return exc.strerror or str(exc) or QCoreApplication.translate("MainWindow", "unknown error")


def presenting() -> bool:
    """True while any editor window's pattern is on a presentation screen.

    While the room is looking, nothing of the editor may come to the front:
    questions the editor has for the user wait until the presentation ends.
    """
    return any(isinstance(w, MainWindow) and w._presenter is not None for w in QApplication.topLevelWidgets())


# A folder shown on one line of a message stays narrower than this (in average characters).
FOLDER_LINE_CHARS = 60


def folder_line(folder: Path) -> str:
    """``folder`` for one line of a message: shortened in the middle when long, so it never wraps
    and the end, which tells folders apart, stays."""
    metrics = QFontMetrics(QApplication.font("QMessageBox"))
    return metrics.elidedText(str(folder), Qt.TextElideMode.ElideMiddle,
                              metrics.averageCharWidth() * FOLDER_LINE_CHARS)


DESK = "#dfe3e6"  # the grey around the page, also behind the canvas while it is being built


class MainWindow(QMainWindow):
    """One editor window on one pattern."""

    def __init__(self, document: Document | None = None, parent=None, *, lazy: bool = False) -> None:
        """``lazy``: build the canvas and the side panel and read the pattern only in
        :meth:`finish_start` or :meth:`open_path`, so the window can be on screen first (start-up)."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.document = document or Document(parent=self)
        self._disk_bytes: bytes | None = None  # what the file held when we last read or wrote it
        self._checking_disk = False
        self._presenter = None
        self._held: set[str] = set()  # checks that wait until no pattern is presented (method names)
        self.scene: PatternScene | None = None
        self.view: PatternView | None = None
        self.panel: SidePanel | None = None

        self.dock = QDockWidget(self.tr("Pattern"), self)
        self.dock.setObjectName("sidepanel")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        placeholder = QWidget(self)
        placeholder.setStyleSheet(f"background: {DESK};")
        self.setCentralWidget(placeholder)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()

        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)

        self.recovery_file = new_recovery_file()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

        self.document.changed.connect(self._update_actions)
        self.document.modifiedChanged.connect(self._on_modified_changed)
        self.document.pathChanged.connect(self._update_title)
        self.document.selectRequested.connect(self.select_step)

        self._restore_settings()
        if not lazy:
            self.finish_start()

    def _build_workspace(self) -> None:
        """The canvas and the side panel (once; a lazy window builds them after it is shown)."""
        if self.scene is not None:
            return
        from patroon.gui.canvas import PatternScene, PatternView
        from patroon.gui.sidepanel import SidePanel
        from patroon.render.fonts import ensure_fonts

        # All the bundled fonts, the symbol font too: the side panel's fields show texts
        # (questions, description) that the diagram never measures, emoji included.
        ensure_fonts()
        self._create_statusbar()
        self.scene = PatternScene(self.document, self)
        self.view = PatternView(self.scene, self)
        self.view.setAcceptDrops(False)
        self.setCentralWidget(self.view)
        self.panel = SidePanel(self.document, self, refresh=False)
        self.dock.setWidget(self.panel)
        # Shown now, not at the next event, so the layout below shares the width between them.
        self.view.setVisible(True)
        self.panel.setVisible(True)
        self.scene.currentStepChanged.connect(self._on_scene_step)
        self.scene.addRequested.connect(self.add_step)
        self.panel.currentStepChanged.connect(self._on_panel_step)
        self.panel.moveRequested.connect(self.move_step_to)
        self.view.zoomChanged.connect(self._show_zoom)
        self._limit_step_shortcuts()
        self.panel.add_step_tools((self.act_add, self.act_delete, self.act_earlier, self.act_later,
                                   self.act_breakthrough))
        self.scene.editingChanged.connect(self._show_hint)
        self.scene.problem.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self._restore_state()
        self.view.setFocus()

    def _commit_editing(self) -> None:
        if self.scene is not None:
            self.scene.commit_editing()

    def finish_start(self) -> None:
        """Show the document's pattern everywhere (what a lazy window leaves for after it is shown)."""
        self._build_workspace()
        self.panel.refresh()
        self.scene.schedule_rebuild()
        self._update_title()
        self._update_actions()
        self.select_step(self.document.pattern.steps[0].id)

    # Dialogs (one place, so tests can answer them) ------------------------------

    def ask(self, icon_kind: QMessageBox.Icon, title: str, text: str, buttons: Button,
            default: Button = Button.NoButton, labels: dict | None = None, details: str = "") -> Button:
        """Show a message box and return the button pressed."""
        box = QMessageBox(icon_kind, title, text, buttons, self)
        if details:
            box.setInformativeText(details)
        if default != Button.NoButton:
            box.setDefaultButton(default)
        for button, label in (labels or {}).items():
            if box.button(button) is not None:
                box.button(button).setText(label)
        return Button(box.exec())

    def ask_open_path(self) -> Path | None:
        """Ask for a pattern file to open."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open pattern"), self._last_dir(), self._file_filter())
        return Path(name) if name else None

    def ask_save_path(self, suggested: Path) -> Path | None:
        """Ask where to save the pattern."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save pattern as"), str(suggested), self._file_filter())
        if not name:
            return None
        path = Path(name)
        return fileformat.with_pattern_suffix(path)

    def _file_filter(self) -> str:
        return self.tr("Pattern files (%1)").replace("%1", " ".join(FILE_FILTER_SUFFIXES)) + ";;" + self.tr("All files (*)")

    # Actions ------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, icon_name: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _step_actions(self) -> tuple[QAction, ...]:
        return (self.act_edit, self.act_add, self.act_delete, self.act_earlier, self.act_later,
                self.act_breakthrough, self.act_remove_breakthrough)

    def _limit_step_shortcuts(self) -> None:
        """Step keys (Insert, Delete, F2, Ctrl+arrows...) work on the canvas and the step list only,
        so typing in a text field of the side panel never moves or deletes a step."""
        for action in self._step_actions():
            self.removeAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
            self.panel.step_list.addAction(action)

    def _create_actions(self) -> None:
        S = QKeySequence.StandardKey
        a = self._action
        self.act_new = a(self.tr("&New"), self.new_pattern, S.New, "document-new", self.tr("Start a new pattern"))
        self.act_open = a(self.tr("&Open…"), self.open_file, S.Open, "document-open", self.tr("Open a pattern file"))
        self.act_save = a(self.tr("&Save"), self.save, S.Save, "document-save", self.tr("Save the pattern"))
        self.act_save_as = a(self.tr("Save &as…"), self.save_as, S.SaveAs)
        self.act_export = a(self.tr("&Export…"), self.export, "Ctrl+E", "document-export",
                            self.tr("Export as PDF, SVG or PNG"))
        self.act_print = a(self.tr("&Print…"), self.print_preview, S.Print, "document-print",
                           self.tr("Print with preview"))
        self.act_quit = a(self.tr("&Quit"), self.quit, "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.act_undo = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence(S.Undo)])
        self.act_undo.setIcon(icon("edit-undo"))
        self.act_redo = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_redo.setIcon(icon("edit-redo"))
        for act in (self.act_undo, self.act_redo):
            act.triggered.connect(self._commit_editing)
            self.addAction(act)

        self.act_edit = a(self.tr("&Edit step text"), self.edit_step, "F2", None, self.tr("Edit the text of the selected step"))
        self.act_add = a(self.tr("&Add step after"), self.add_step, ["Ins", "Ctrl+Return"], "list-add", self.tr("Add a step after the selected one"))
        self.act_delete = a(self.tr("&Delete step"), self.delete_step, "Del", "list-remove", self.tr("Delete the selected step; the circle closes"))
        self.act_earlier = a(self.tr("Move step &earlier"), lambda: self.move_step(-1), "Ctrl+Up", "go-up")
        self.act_later = a(self.tr("Move step &later"), lambda: self.move_step(+1), "Ctrl+Down", "go-down")
        self.act_breakthrough = a(self.tr("&Breakthrough on arrow…"), self.edit_breakthrough, "Ctrl+B", "breakthrough",
                                  self.tr("Add or edit the breakthrough on the arrow leaving the selected step"))
        self.act_remove_breakthrough = a(self.tr("&Remove breakthrough"), self.remove_breakthrough)
        self.act_title = a(self.tr("Edit &title"), self.edit_title, "Ctrl+T", None, self.tr("Edit the title in the centre"))
        self.act_reset_layout = a(self.tr("&Reset layout"), self.reset_layout, None, None,
                                  self.tr("Put every box back in its place on the circle"))
        self.act_copy = a(self.tr("&Copy diagram as image"), self.copy_image, "Ctrl+Shift+C", "edit-copy",
                          self.tr("Copy the diagram to the clipboard, for slides"))

        self.act_zoom_in = a(self.tr("Zoom &in"), lambda: self.view.zoom_in(), S.ZoomIn, "zoom-in")
        self.act_zoom_out = a(self.tr("Zoom &out"), lambda: self.view.zoom_out(), S.ZoomOut, "zoom-out")
        self.act_fit = a(self.tr("&Fit to window"), lambda: self.view.fit(), "Ctrl+0", "zoom-fit-best")
        self.act_present = a(self.tr("&Present"), self.start_presenting, "F5", "x-office-presentation",
                             self.tr("Show the pattern full screen for the room"))
        self.act_shortcuts = a(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self.act_about = a(self.tr("&About Patroon"), self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self.act_new)
        self.examples_menu = m.addMenu(self.tr("E&xamples"))
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        m.addAction(self.act_open)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        m.addAction(self.act_save)
        m.addAction(self.act_save_as)
        m.addSeparator()
        m.addAction(self.act_export)
        m.addAction(self.act_print)
        m.addSeparator()
        m.addAction(self.act_quit)

        m = bar.addMenu(self.tr("&Edit"))
        m.addAction(self.act_undo)
        m.addAction(self.act_redo)
        m.addSeparator()
        m.addAction(self.act_edit)
        m.addAction(self.act_add)
        m.addAction(self.act_delete)
        m.addAction(self.act_earlier)
        m.addAction(self.act_later)
        m.addSeparator()
        m.addAction(self.act_breakthrough)
        m.addAction(self.act_remove_breakthrough)
        m.addAction(self.act_title)
        m.addAction(self.act_reset_layout)
        m.addSeparator()
        m.addAction(self.act_copy)

        m = bar.addMenu(self.tr("&View"))
        m.addAction(self.act_zoom_in)
        m.addAction(self.act_zoom_out)
        m.addAction(self.act_fit)
        m.addSeparator()
        toggle = self.dock.toggleViewAction()
        toggle.setText(self.tr("Side &panel"))
        toggle.setShortcut(QKeySequence("Ctrl+K"))
        m.addAction(toggle)
        m.addSeparator()
        m.addAction(self.act_present)

        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self.act_shortcuts)
        m.addAction(self.act_about)

    def _create_toolbar(self) -> None:
        tb = QToolBar(self.tr("Toolbar"), self)
        tb.setObjectName("toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.act_new, self.act_open, self.act_save, None, self.act_undo, self.act_redo, None,
                    self.act_add, self.act_delete, self.act_earlier, self.act_later, self.act_breakthrough, None,
                    self.act_fit, self.act_present):
            if act is None:
                tb.addSeparator()
            else:
                tb.addAction(act)
        for act in (self.act_open, self.act_save, self.act_undo, self.act_redo, self.act_earlier, self.act_later,
                    self.act_breakthrough, self.act_fit, self.act_delete):
            button = tb.widgetForAction(act)
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                button.setToolTip(f"{act.text().replace('&', '')} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.addToolBar(tb)
        self.toolbar = tb

    def _create_statusbar(self) -> None:
        self.hint_label = QLabel(self)
        self.statusBar().addWidget(self.hint_label, 1)
        # showMessage() draws over normal widgets without hiding them: make way for the message.
        self.statusBar().messageChanged.connect(lambda message: self.hint_label.setVisible(not message))
        # The table timer of facilitator mode keeps running while the editor is in front: show it here too.
        from patroon.gui.present_timer import timer_for

        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("tableTimer")
        self.timer_label.setMargin(2)
        self.statusBar().addPermanentWidget(self.timer_label)
        self.steps_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.steps_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.timer = timer_for(self.document)
        self.timer.changed.connect(self._show_timer)
        self.timer.finished.connect(self._timer_finished)
        self._show_timer()

    def _show_hint(self, *_args) -> None:
        """What the keys do now, in the status bar (for those who do not read menus)."""
        if self.scene is not None and self.scene.is_editing():
            text = self.tr("Enter: done · Shift+Enter: new line · Ctrl+Enter: done, next step · Esc: cancel")
        elif self.current_step() is not None:
            text = self.tr("F2: edit · Insert: add step · Delete: remove · Ctrl+↑/↓: move · Ctrl+B: breakthrough"
                           " · ←/→: other step")
        else:
            text = self.tr("Click a step or press → to select one · Ctrl+T: edit the title")
        self.hint_label.setText(text)

    def _show_timer(self) -> None:
        """The table timer in the status bar: hidden until started, red with "Time!" at the end."""
        timer = self.timer
        if timer.idle:
            self.timer_label.hide()
            return
        if timer.is_finished:
            self.timer_label.setText(self.tr("Time!"))
            self.timer_label.setStyleSheet("QLabel { background: #c8102e; color: white; font-weight: bold; "
                                           "padding: 0 8px; border-radius: 3px; }")
        else:
            text = self.tr("Table timer %1").replace("%1", timer.text())
            if not timer.running:
                text += " " + self.tr("(paused)")
            self.timer_label.setText(text)
            self.timer_label.setStyleSheet("")
        self.timer_label.show()

    def _timer_finished(self) -> None:
        self._show_timer()
        if self._presenter is None:  # the presenter sounds its own end signal
            QApplication.beep()
        self.statusBar().showMessage(self.tr("The table timer has run out."), 10000)

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)} %")

    # State of actions and title -------------------------------------------------

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.document.display_name()}[*] — Patroon")
        self.setWindowModified(self.document.is_modified())

    def _on_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if not modified:
            self._remove_recovery()

    def _update_actions(self) -> None:
        if self.scene is None:
            return
        pattern = self.document.pattern
        step = self.current_step()
        has = step is not None
        index = pattern.index(step) if has else -1
        self.act_edit.setEnabled(has)
        self.act_delete.setEnabled(has and len(pattern.steps) > model.MIN_STEPS)
        self.act_add.setEnabled(len(pattern.steps) < model.MAX_STEPS)
        self.act_earlier.setEnabled(has and index > 0)
        self.act_later.setEnabled(has and index < len(pattern.steps) - 1)
        self.act_breakthrough.setEnabled(has)
        self.act_remove_breakthrough.setEnabled(has and pattern.breakthrough(step) is not None)
        self.act_reset_layout.setEnabled(bool(pattern.layout.offsets))
        n = len(pattern.steps)
        self.steps_label.setText(self.tr("%n step(s)", "", n))
        self._show_hint()
        if self.document.path is None:
            self._update_title()

    # Selection -------------------------------------------------------------------

    def current_step(self) -> str | None:
        """The id of the selected step, if any."""
        if self.scene is None:
            return None
        step = self.scene.current_step()
        if step is not None and any(s.id == step for s in self.document.pattern.steps):
            return step
        return None

    def select_step(self, step_id: str | None) -> None:
        """Select ``step_id`` on the canvas and in the list."""
        if self.scene is None:
            return
        self.scene.select_step(step_id)
        self.panel.select_step(step_id)
        self._update_actions()

    def _on_scene_step(self, step_id: str) -> None:
        self.panel.select_step(step_id or None)
        self._update_actions()

    def _on_panel_step(self, step_id: str) -> None:
        self.scene.select_step(step_id or None)
        self._update_actions()

    # Editing ------------------------------------------------------------------------

    def edit_step(self) -> None:
        step = self.current_step()
        if step is not None:
            self.view.ensure_visible_step(step)
            self.scene.start_editing(step)

    def add_step(self) -> None:
        """Insert a blank step after the selected one (or at the end) and start typing in it."""
        self._commit_editing()
        pattern = self.document.pattern
        after = self.current_step() or pattern.steps[-1].id
        try:
            new, new_id = model.insert_step(pattern, after, "")
        except PatternError as exc:
            self.statusBar().showMessage(exc.message, 5000)
            return
        self.document.apply(new, self.tr("Add step"), merge=("add", new_id), select=new_id, select_before=after)
        self.select_step(new_id)
        self.view.ensure_visible_step(new_id)
        self.scene.start_editing(new_id, adding=True)
        if len(new.steps) > MAX_PRINTED_STEPS:
            self.statusBar().showMessage(
                self.tr("More than %1 steps rarely fit on paper: export and print may refuse this pattern.")
                .replace("%1", str(MAX_PRINTED_STEPS)), 10000)

    def delete_step(self) -> None:
        """Delete the selected step; its predecessor now leads to its successor."""
        self._commit_editing()
        step = self.current_step()
        pattern = self.document.pattern
        if step is None or len(pattern.steps) <= model.MIN_STEPS:
            return
        index = pattern.index(step)
        neighbour = pattern.steps[index - 1].id if index > 0 else pattern.steps[1].id
        self.document.apply(model.remove_step(pattern, step), self.tr("Delete step"), select=neighbour, select_before=step)
        self.select_step(neighbour)

    def move_step(self, delta: int) -> None:
        step = self.current_step()
        if step is None:
            return
        self.move_step_to(step, self.document.pattern.index(step) + delta)

    def move_step_to(self, step_id: str, new_index: int) -> None:
        """Move ``step_id`` to position ``new_index`` in the cycle (one undo command)."""
        self._commit_editing()
        pattern = self.document.pattern
        if not 0 <= new_index < len(pattern.steps) or pattern.index(step_id) == new_index:
            return
        text = self.tr("Move step earlier") if new_index < pattern.index(step_id) else self.tr("Move step later")
        self.document.apply(model.move_step(pattern, step_id, new_index), text, select=step_id, select_before=step_id)
        self.select_step(step_id)

    def edit_breakthrough(self, step_id: str | None = None) -> None:
        step = step_id or self.current_step()
        if step is not None:
            self.scene.start_editing_breakthrough(step)

    def remove_breakthrough(self, step_id: str | None = None) -> None:
        step = step_id or self.current_step()
        if step is None or self.document.pattern.breakthrough(step) is None:
            return
        self.document.apply(model.set_breakthrough(self.document.pattern, step, None), self.tr("Remove breakthrough"),
                            select=step, select_before=step)

    def edit_title(self) -> None:
        self.scene.start_editing_title()

    def reset_layout(self) -> None:
        pattern = self.document.pattern
        if pattern.layout.offsets:
            layout = {**pattern.layout.model_dump(), "offsets": {}}
            self.document.apply(model.update(pattern, layout=layout), self.tr("Reset layout"))

    def copy_image(self) -> None:
        """Put the diagram on the clipboard as an image (white background, about 2000 px wide)."""
        image = self.scene.render_image(2000)
        QGuiApplication.clipboard().setImage(image)
        self.statusBar().showMessage(self.tr("The diagram is on the clipboard."), 4000)

    # Files ------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False when the user cancels (or the save fails)."""
        self._commit_editing()
        if not self.document.is_modified():
            return True
        answer = self.ask(
            QMessageBox.Icon.Warning,
            self.tr("Unsaved changes"),
            self.tr("‘%1’ has changes that are not saved. Save them first?").replace("%1", self.document.display_name()),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
            {Button.Save: self.tr("Save"), Button.Discard: self.tr("Don’t save"), Button.Cancel: self.tr("Cancel")},
        )
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def new_pattern(self, pattern: model.Pattern | None = None) -> None:
        """Start a new, unsaved pattern (blank, or a copy of ``pattern``)."""
        if not self.maybe_save():
            return
        self._build_workspace()
        self._unwatch()
        self._disk_bytes = None
        self.document.reset(pattern or model.blank_pattern(), None)
        self.select_step(self.document.pattern.steps[0].id)
        self.view.fit()

    def open_file(self) -> None:
        if not self.maybe_save():
            return
        path = self.ask_open_path()
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open the pattern file at ``path``; on a problem show it and keep the current pattern."""
        path = Path(path)
        try:
            data = save_target(path).read_bytes() if path.exists() else None
            pattern = fileformat.loads(data, path) if data is not None else fileformat.load_pattern(path)
        except PatternError as exc:
            self.show_load_error(path, exc)
            return False
        except OSError as exc:
            self.show_load_error(path, PatternError(file_problem(exc), path=path))
            return False
        except Exception as exc:  # noqa: BLE001 - never a traceback on stderr and nothing else
            self.show_load_error(path, internal_error(exc, path))
            return False
        self._build_workspace()
        self._unwatch()
        self._disk_bytes = data
        self.document.reset(pattern, path.absolute())
        self._watch()
        self._add_recent(path.absolute())
        self.select_step(pattern.steps[0].id)
        self.view.fit()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(path)), 4000)
        return True

    def show_load_error(self, path: Path, exc: PatternError) -> None:
        self._update_title()  # the pattern still shown, not the file that failed (run_gui names it early)
        self.ask(QMessageBox.Icon.Critical, self.tr("Cannot open file"),
                 self.tr("‘%1’ is not a pattern Patroon can open.").replace("%1", path.name),
                 Button.Ok, details=str(exc))

    def save(self) -> bool:
        """Save to the current file (asking for a name if there is none); True on success."""
        self._commit_editing()
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        self._commit_editing()
        current = self.document.path
        suggested = current if current else Path(self._last_dir()) / f"{file_name_for(self.document.pattern.title)}.patroon.yaml"
        path = self.ask_save_path(suggested)
        if path is None:
            return False
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the pattern to ``path`` atomically; say plainly when it fails."""
        path = Path(path).absolute()
        self._unwatch()
        try:
            payload = save_pattern_atomic(self.document.pattern, path)
        except (SaveError, OSError) as exc:
            self._watch()
            reason = failure_reason(exc)
            self.ask(QMessageBox.Icon.Critical, self.tr("Not saved"),
                     self.tr("The pattern could not be saved to ‘%1’.").replace("%1", str(path)),
                     Button.Ok,
                     details=self.tr("Reason: %1\n\nThe file on disk is unchanged and your changes are still here. "
                                     "Choose another folder with “Save as…”.").replace("%1", reason))
            self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", reason), 8000)
            return False
        self._disk_bytes = payload
        self.document.mark_saved(path)
        self._watch()
        self._add_recent(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(path)), 4000)
        return True

    def quit(self) -> None:
        QApplication.closeAllWindows()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        self._save_settings()
        self.autosave_timer.stop()
        self._remove_recovery()
        self._unwatch()
        self._held.clear()  # questions about a file that is no longer open: nobody to ask
        if self._presenter is not None:
            self._presenter.close()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self._open_dropped(files[0]))

    def _open_dropped(self, path: Path) -> None:
        if self.maybe_save():
            self.open_path(path)

    # Watching the file on disk -------------------------------------------------------------

    def _watch(self) -> None:
        path = self.document.path
        if path is not None:
            target = str(save_target(path))
            if os.path.exists(target) and target not in self.watcher.files():
                self.watcher.addPath(target)

    def _unwatch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())

    def _on_file_changed(self, _path: str) -> None:
        # Other programs replace a file in several steps: look once things settle.
        QTimer.singleShot(200, self.check_disk)

    def check_disk(self) -> None:
        """Compare the file on disk with what we last read or wrote; let the user choose if it moved on."""
        path = self.document.path
        if path is None or self._checking_disk:
            return
        if presenting():
            self._watch()
            self._hold("check_disk")  # looked at once, whatever happened to the file meanwhile
            return
        self._checking_disk = True
        try:
            self._watch()  # a replaced file drops out of the watcher: watch the new one
            try:
                data = save_target(path).read_bytes()
            except OSError:
                data = None
            if data == self._disk_bytes:
                return
            if data is None:
                self._disk_bytes = None
                self.document.mark_modified()
                self.ask(QMessageBox.Icon.Warning, self.tr("File removed"),
                         self.tr("‘%1’ was removed or renamed by another program. Save to keep the pattern.")
                         .replace("%1", str(path)), Button.Ok)
                return
            answer = self.ask(
                QMessageBox.Icon.Question,
                self.tr("File changed on disk"),
                self.tr("‘%1’ was changed by another program.").replace("%1", str(path)),
                Button.Yes | Button.No,
                Button.No if self.document.is_modified() else Button.Yes,
                {Button.Yes: self.tr("Load the version on disk"), Button.No: self.tr("Keep my version")},
                details=self.tr("Your unsaved changes would be lost if you load the version on disk.")
                if self.document.is_modified() else "",
            )
            if answer == Button.Yes:
                try:
                    pattern = fileformat.loads(data, path)
                except PatternError as exc:
                    self.show_load_error(path, exc)
                    self._disk_bytes = data
                    self.document.mark_modified()
                    return
                self._disk_bytes = data
                self.document.reset(pattern, path)
                self.select_step(pattern.steps[0].id)
            else:
                self._disk_bytes = data
                self.document.mark_modified()
        finally:
            self._checking_disk = False

    # Recovery copies ------------------------------------------------------------------------------

    def autosave(self) -> None:
        """Write a recovery copy while there are unsaved changes (the timer calls this every minute)."""
        if not self.document.is_modified():
            self._remove_recovery()
            return
        try:
            write_recovery(self.recovery_file, self.document.pattern, self.document.path)
        except (SaveError, OSError) as exc:
            self.statusBar().showMessage(self.tr("Could not write the recovery copy: %1")
                                         .replace("%1", failure_reason(exc)), 8000)

    def _remove_recovery(self) -> None:
        try:
            self.recovery_file.unlink(missing_ok=True)
        except OSError:
            pass

    def offer_recovery_later(self) -> None:
        """After the window is shown, offer to restore what a crashed Patroon left behind."""
        QTimer.singleShot(0, self.offer_recovery)

    def offer_recovery(self) -> int:
        """Offer each recovery copy left by a Patroon that stopped unexpectedly; return how many were restored."""
        restored = 0
        if presenting():  # ``patroon present`` after a crash: ask once the room no longer looks
            self._hold("offer_recovery")
            return restored
        for recovery in orphaned_recoveries():
            # The file's name in the sentence, its folder on a line of its own: a path in a
            # sentence wraps anywhere; and two copies may belong to files of the same name.
            name = f"‘{recovery.source.name}’" if recovery.source else f"‘{recovery.pattern.title}’"
            when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(recovery.written)), "d MMM yyyy HH:mm")
            answer = self.ask(
                QMessageBox.Icon.Question,
                self.tr("Restore unsaved work"),
                self.tr("Patroon was not closed properly. There is a recovery copy of %1 from %2. "
                        "Restore it?").replace("%1", name).replace("%2", when),
                Button.Yes | Button.Discard,
                Button.Yes,
                {Button.Yes: self.tr("Restore"), Button.Discard: self.tr("Discard")},
                details=self.tr("Folder: %1").replace("%1", folder_line(recovery.source.parent))
                if recovery.source else "",
            )
            if answer == Button.Yes:
                target = self if restored == 0 and not self.document.is_modified() else MainWindow()
                target.show()
                target.restore(recovery)
                restored += 1
            recovery.file.unlink(missing_ok=True)
        return restored

    def restore(self, recovery) -> None:
        """Show a recovery copy: on top of its file (so undo goes back to the saved version) where it can."""
        self._build_workspace()
        source = recovery.source
        if source is not None and source.exists():
            try:
                data = save_target(source).read_bytes()
                on_disk = fileformat.loads(data, source)
            except (OSError, PatternError):
                on_disk = None
            if on_disk is not None:
                self._unwatch()
                self._disk_bytes = data
                self.document.reset(on_disk, source)
                self._watch()
                self.document.apply(recovery.pattern, self.tr("Restore unsaved changes"))
                if not self.document.is_modified():
                    self.document.mark_modified()
                self.select_step(self.document.pattern.steps[0].id)
                self.view.fit()
                return
        self._unwatch()
        self._disk_bytes = None
        self.document.reset(recovery.pattern, source, modified=True)
        self.select_step(self.document.pattern.steps[0].id)
        self.view.fit()

    # Settings and recent files ------------------------------------------------------------------------

    def _settings(self) -> QSettings:
        return QSettings()

    def _restore_settings(self) -> None:
        """Size and place of the window (the panel layout follows in :meth:`_restore_state`)."""
        settings = self._settings()
        geometry = settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and not geometry.isEmpty() and self.restoreGeometry(geometry)):
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                # The first start: most of the screen, centred, so the diagram is large.
                area = screen.availableGeometry()
                self.resize(int(area.width() * 0.8), int(area.height() * 0.8))
                self.move(area.center() - self.rect().center())

    def _restore_state(self) -> None:
        """The toolbar and side panel as they were, once the workspace exists.

        Restored on a window without its canvas, Qt's saved layout gives the
        panel the whole width; and however it was left, the panel never starts
        wider than a third of the window, so the diagram keeps most of it.
        """
        settings = self._settings()
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        try:
            wanted = int(settings.value("window/panelWidth", 0) or 0)
        except (TypeError, ValueError):
            wanted = 0
        self._fit_panel(wanted)

    def _fit_panel(self, wanted: int = 0) -> None:
        """Give the side panel ``wanted`` pixels (or its default), at most a third of the window."""
        if self.dock.isHidden() or self.dock.isFloating():
            return
        self.layout().activate()  # a dock that just got its widget only takes a size once laid out
        default = max(self.panel.sizeHint().width() if self.panel is not None else 0, 320)
        width = min(wanted or default, self.width() // 3)
        self.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    def _save_settings(self) -> None:
        if self.scene is None:
            return  # closed before its workspace was built: nothing worth keeping
        settings = self._settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        if not self.dock.isHidden() and not self.dock.isFloating():
            settings.setValue("window/panelWidth", self.dock.width())

    def recent_files(self) -> list[str]:
        value = self._settings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: Path) -> None:
        name = str(path)
        files = [name] + [f for f in self.recent_files() if f != name]
        settings = self._settings()
        settings.setValue("recentFiles", files[:MAX_RECENT])
        settings.setValue("lastDir", str(path.parent))

    def _last_dir(self) -> str:
        return str(self._settings().value("lastDir", str(Path.home())))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [f for f in self.recent_files() if os.path.exists(f)]
        for number, name in enumerate(files, start=1):
            act = self.recent_menu.addAction(f"&{number % 10} {Path(name).name}")
            act.setStatusTip(name)
            act.triggered.connect(lambda _c=False, n=name: self._open_recent(n))
        if not files:
            act = self.recent_menu.addAction(self.tr("(none)"))
            act.setEnabled(False)

    def _open_recent(self, name: str) -> None:
        if self.maybe_save():
            self.open_path(Path(name))

    def _fill_examples(self) -> None:
        self.examples_menu.clear()
        for title, pattern in examples():
            act = self.examples_menu.addAction(title)
            act.triggered.connect(lambda _c=False, p=pattern: self.new_pattern(p))

    # Export, print, present, help ------------------------------------------------------------------

    def export(self) -> None:
        self._commit_editing()
        from patroon.gui.exporting import ExportDialog

        dialog = ExportDialog(self.document, self)
        dialog.exec()

    def print_preview(self) -> None:
        self._commit_editing()
        from patroon.gui.exporting import print_with_preview

        print_with_preview(self.document, self)

    def start_presenting(self) -> None:
        """Show the pattern full screen (facilitator mode); Esc comes back here."""
        self._commit_editing()
        try:
            from patroon.gui.present import PresenterWindow
        except ImportError:
            self.statusBar().showMessage(self.tr("Facilitator mode is not available in this version."), 5000)
            return
        try:  # the facilitator mode knows which screen is the projector
            from patroon.gui.present import choose_screen

            screen = choose_screen()
        except ImportError:
            screen = self.screen()
        self._presenter = PresenterWindow(self.document, screen)
        self._presenter.closed.connect(self._presenter_closed)
        if hasattr(self._presenter, "stepShown"):
            # On the laptop's screen the editor follows the room, with that step's note in the side panel.
            self._presenter.stepShown.connect(lambda step: step and self.select_step(step))
        self._presenter.start()

    def _presenter_closed(self) -> None:
        self._presenter = None
        self.activateWindow()
        self.raise_()
        if not presenting():
            for window in QApplication.topLevelWidgets():
                if isinstance(window, MainWindow):
                    window._release_held()

    def _hold(self, check: str) -> None:
        """Run the method named ``check`` once the presentation ends (once, however often it was held)."""
        self._held.add(check)

    def _release_held(self) -> None:
        held, self._held = sorted(self._held), set()
        for check in held:
            QTimer.singleShot(0, self, getattr(self, check))

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in shortcut_table(self))
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          f"<table cellspacing='4'>{rows}</table>", Button.Close, self)
        box.exec()

    def show_about(self) -> None:
        from patroon import __version__

        QMessageBox.about(self, self.tr("About Patroon"),
                          self.tr("<h3>Patroon %1</h3><p>Draw, present and print the obstructing patterns "
                                  "(belemmerende patronen) of a patroonanalyse.</p>").replace("%1", __version__))


def shortcut_table(window: MainWindow) -> list[tuple[str, str]]:
    """(keys, action) for every action with a shortcut, in menu order."""
    rows = []
    for act in (window.act_new, window.act_open, window.act_save, window.act_save_as, window.act_export, window.act_print,
                window.act_undo, window.act_redo, window.act_edit, window.act_add, window.act_delete,
                window.act_earlier, window.act_later, window.act_breakthrough, window.act_title, window.act_copy,
                window.act_zoom_in, window.act_zoom_out, window.act_fit, window.act_present, window.act_quit):
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts())
        if keys:
            rows.append((keys, act.text().replace("&", "").rstrip("…")))
    return rows


def examples() -> list[tuple[str, model.Pattern]]:
    """The shipped example patterns (title, pattern), sorted by title."""
    from importlib.resources import files

    try:
        folder = files("patroon.examples")
    except ModuleNotFoundError:
        # An editable install of a source checkout: the examples are in patterns/ at its top.
        folder = Path(__file__).resolve().parents[3] / "patterns"
        if not folder.is_dir():
            return []
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            try:
                found.append(fileformat.loads(entry.read_bytes(), entry.name))
            except PatternError:
                continue
    return sorted(((p.title, p) for p in found), key=lambda tp: tp[0].lower())
