"""The editor window: canvas, side panel, menus, toolbar and status bar.

Every edit goes through :class:`~patroon.gui.document.Document` as one undo
command (:mod:`patroon.gui.editing`); the canvas and the side panel only
redraw from the document. The document's life on disk (opening, saving, the
unsaved-changes guard, recovery copies, noticing when another program
changed the file) is the window's :attr:`MainWindow.files`
(:class:`~patroon.gui.files.DocumentFiles`).

Dialogs go through :meth:`MainWindow.ask`, :meth:`MainWindow.ask_open_path`
and :meth:`MainWindow.ask_save_path` so tests can answer them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
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

from patroon.errors import PatternError
from patroon.gui import editing
from patroon.gui.document import Document
from patroon.gui.files import DocumentFiles, presenting
from patroon.gui.icons import icon
from patroon.gui.lazy import fileformat, model
from patroon.limits import MAX_PRINTED_STEPS

if TYPE_CHECKING:
    from patroon.gui.canvas import PatternScene, PatternView
    from patroon.gui.sidepanel import SidePanel

FILE_FILTER_SUFFIXES = ("*.yaml", "*.yml", "*.patroon")

Button = QMessageBox.StandardButton

DESK = "#dfe3e6"  # the grey around the page, also behind the canvas while it is being built


class MainWindow(QMainWindow):
    """One editor window on one pattern."""

    def __init__(self, document: Document | None = None, parent=None, *, lazy: bool = False) -> None:
        """``lazy``: build the canvas and the side panel and read the pattern only in
        :meth:`finish_start` or :meth:`DocumentFiles.open_path`, so the window can be on screen first (start-up)."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.document = document or Document(parent=self)
        self.presenter = None  # the facilitator view while this window's pattern is presented
        self._held: dict[str, Callable[[], object]] = {}  # checks that wait until no pattern is presented
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

        self.files = DocumentFiles(self)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()

        self.document.changed.connect(self._update_actions)
        self.document.modifiedChanged.connect(self.setWindowModified)
        self.document.pathChanged.connect(self.update_title)
        self.document.selectRequested.connect(self.select_step)

        self._restore_settings()
        if not lazy:
            self.finish_start()

    def build_workspace(self) -> None:
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

    def commit_editing(self) -> None:
        if self.scene is not None:
            self.scene.commit_editing()

    def finish_start(self) -> None:
        """Show the document's pattern everywhere (what a lazy window leaves for after it is shown)."""
        self.build_workspace()
        self.panel.refresh()
        self.scene.schedule_rebuild()
        self.update_title()
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
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open pattern"), self.files.last_dir(), self._file_filter())
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
        files = self.files
        self.act_new = a(self.tr("&New"), files.new_pattern, S.New, "document-new", self.tr("Start a new pattern"))
        self.act_open = a(self.tr("&Open…"), files.open_file, S.Open, "document-open", self.tr("Open a pattern file"))
        self.act_save = a(self.tr("&Save"), files.save, S.Save, "document-save", self.tr("Save the pattern"))
        self.act_save_as = a(self.tr("Save &as…"), files.save_as, S.SaveAs)
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
            act.triggered.connect(self.commit_editing)
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
        files = self.files
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self.act_new)
        self.examples_menu = m.addMenu(self.tr("E&xamples"))
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        m.addAction(self.act_open)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(lambda: files.fill_recent_menu(self.recent_menu))
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
        if self.presenter is None:  # the presenter sounds its own end signal
            QApplication.beep()
        self.statusBar().showMessage(self.tr("The table timer has run out."), 10000)

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)} %")

    # State of actions and title -------------------------------------------------

    def update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.document.display_name()}[*] — Patroon")
        self.setWindowModified(self.document.is_modified())

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
            self.update_title()

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
        self.commit_editing()
        after = self.current_step() or self.document.pattern.steps[-1].id
        try:
            new_id = editing.add_step(self.document, after)
        except PatternError as exc:
            self.statusBar().showMessage(exc.message, 5000)
            return
        self.select_step(new_id)
        self.view.ensure_visible_step(new_id)
        self.scene.start_editing(new_id, adding=True)
        if len(self.document.pattern.steps) > MAX_PRINTED_STEPS:
            self.statusBar().showMessage(
                self.tr("More than %1 steps rarely fit on paper: export and print may refuse this pattern.")
                .replace("%1", str(MAX_PRINTED_STEPS)), 10000)

    def delete_step(self) -> None:
        """Delete the selected step; its predecessor now leads to its successor."""
        self.commit_editing()
        step = self.current_step()
        if step is not None:
            neighbour = editing.delete_step(self.document, step)
            if neighbour is not None:
                self.select_step(neighbour)

    def move_step(self, delta: int) -> None:
        step = self.current_step()
        if step is None:
            return
        self.move_step_to(step, self.document.pattern.index(step) + delta)

    def move_step_to(self, step_id: str, new_index: int) -> None:
        """Move ``step_id`` to position ``new_index`` in the cycle (one undo command)."""
        self.commit_editing()
        if editing.move_step_to(self.document, step_id, new_index):
            self.select_step(step_id)

    def edit_breakthrough(self, step_id: str | None = None) -> None:
        step = step_id or self.current_step()
        if step is not None:
            self.scene.start_editing_breakthrough(step)

    def remove_breakthrough(self, step_id: str | None = None) -> None:
        step = step_id or self.current_step()
        if step is not None:
            editing.remove_breakthrough(self.document, step)

    def edit_title(self) -> None:
        self.scene.start_editing_title()

    def reset_layout(self) -> None:
        editing.reset_layout(self.document)

    def copy_image(self) -> None:
        """Put the diagram on the clipboard as an image (white background, about 2000 px wide)."""
        image = self.scene.render_image(2000)
        QGuiApplication.clipboard().setImage(image)
        self.statusBar().showMessage(self.tr("The diagram is on the clipboard."), 4000)

    # Files ------------------------------------------------------------------------------

    def quit(self) -> None:
        QApplication.closeAllWindows()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.files.maybe_save():
            event.ignore()
            return
        self._save_settings()
        self.files.close()
        self._held.clear()  # questions about a file that is no longer open: nobody to ask
        if self.presenter is not None:
            self.presenter.close()
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
        if self.files.maybe_save():
            self.files.open_path(path)

    # Settings -------------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        """Size and place of the window (the panel layout follows in :meth:`_restore_state`)."""
        settings = QSettings()
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
        settings = QSettings()
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        try:
            wanted = int(settings.value("window/panelWidth", 0) or 0)
        except (TypeError, ValueError):
            wanted = 0
        self._fit_panel(wanted)

    def _save_settings(self) -> None:
        if self.scene is None:
            return  # closed before its workspace was built: nothing worth keeping
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        if not self.dock.isHidden() and not self.dock.isFloating():
            settings.setValue("window/panelWidth", self.dock.width())

    def _fit_panel(self, wanted: int = 0) -> None:
        """Give the side panel ``wanted`` pixels (or its default), at most a third of the window."""
        if self.dock.isHidden() or self.dock.isFloating():
            return
        self.layout().activate()  # a dock that just got its widget only takes a size once laid out
        default = max(self.panel.sizeHint().width() if self.panel is not None else 0, 320)
        width = min(wanted or default, self.width() // 3)
        self.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    def _fill_examples(self) -> None:
        self.examples_menu.clear()
        for title, pattern in examples():
            act = self.examples_menu.addAction(title)
            act.triggered.connect(lambda _c=False, p=pattern: self.files.new_pattern(p))

    # Export, print, present, help ------------------------------------------------------------------

    def export(self) -> None:
        self.commit_editing()
        from patroon.gui.exporting import ExportDialog

        dialog = ExportDialog(self.document, self)
        dialog.exec()

    def print_preview(self) -> None:
        self.commit_editing()
        from patroon.gui.exporting import print_with_preview

        print_with_preview(self.document, self)

    def start_presenting(self) -> None:
        """Show the pattern full screen (facilitator mode); Esc comes back here."""
        self.commit_editing()
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
        self.presenter = PresenterWindow(self.document, screen)
        self.presenter.closed.connect(self._presenter_closed)
        if hasattr(self.presenter, "stepShown"):
            # On the laptop's screen the editor follows the room, with that step's note in the side panel.
            self.presenter.stepShown.connect(lambda step: step and self.select_step(step))
        self.presenter.start()

    def _presenter_closed(self) -> None:
        self.presenter = None
        self.activateWindow()
        self.raise_()
        if not presenting():
            for window in QApplication.topLevelWidgets():
                if isinstance(window, MainWindow):
                    window.release_held()

    def hold(self, check: Callable[[], object]) -> None:
        """Run ``check`` once the presentation ends (once, however often it was held)."""
        self._held[check.__name__] = check

    def release_held(self) -> None:
        held, self._held = [self._held[name] for name in sorted(self._held)], {}
        for check in held:
            QTimer.singleShot(0, self, check)

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
