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

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from patroon.errors import PatternError
from patroon.gui import editing
from patroon.gui.document import Document
from patroon.gui.files import DocumentFiles, presenting
from patroon.gui.menus import EditorMenus
from patroon.limits import MAX_PRINTED_STEPS

if TYPE_CHECKING:
    from patroon.gui.canvas import PatternScene, PatternView
    from patroon.gui.sidepanel import SidePanel
    from patroon.model import Pattern

FILE_FILTER_SUFFIXES = ("*.yaml", "*.yml", "*.patroon")
LIST_FILTER_SUFFIXES = ("*.txt", "*.md")

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
        self.menus = EditorMenus(self)

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
        from patroon.gui.accessibility import speak_for_canvas
        from patroon.gui.canvas import PatternScene, PatternView
        from patroon.gui.sidepanel import SidePanel
        from patroon.gui.statusbar import EditorStatusBar
        from patroon.render.fonts import ensure_fonts

        # The text fonts now; the symbol font (3 MB) once any text of the pattern needs it (_symbols_for).
        ensure_fonts(symbols=False)
        _symbols_for(self.document)
        self.document.changed.connect(partial(_symbols_for, self.document))
        self.setStatusBar(EditorStatusBar(self))
        self.scene = PatternScene(self.document, self)
        self.view = PatternView(self.scene, self)
        self.view.setAcceptDrops(False)
        self.setCentralWidget(self.view)
        speak_for_canvas(self.view, self.scene, self.document)
        self.panel = SidePanel(self.document, self, refresh=False)
        self.dock.setWidget(self.panel)
        # Shown now, not at the next event, so the layout below shares the width between them.
        self.view.setVisible(True)
        self.panel.setVisible(True)
        self.scene.currentStepChanged.connect(self._on_scene_step)
        self.scene.addRequested.connect(self.add_step)
        self.panel.currentStepChanged.connect(self._on_panel_step)
        self.panel.moveRequested.connect(self.move_step_to)
        self.view.zoomChanged.connect(self.statusBar().show_zoom)
        self.menus.limit_step_shortcuts(self.view, self.panel.step_list)
        menus = self.menus
        self.panel.add_step_tools((menus.act_add, menus.act_delete, menus.act_earlier, menus.act_later,
                                   menus.act_breakthrough))
        self.scene.editingChanged.connect(self._show_hint)
        self.scene.problem.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self.scene.pasted.connect(lambda count: self.statusBar().show_pasted(count))
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
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open pattern"), self.files.last_dir(),
                                              self._file_filter(lists=True))
        return Path(name) if name else None

    def ask_save_path(self, suggested: Path) -> Path | None:
        """Ask where to save the pattern."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save pattern as"), str(suggested), self._file_filter())
        if not name:
            return None
        from patroon.fileformat import with_pattern_suffix

        return with_pattern_suffix(Path(name))

    def _file_filter(self, lists: bool = False) -> str:
        patterns = self.tr("Pattern files (%1)").replace("%1", " ".join(FILE_FILTER_SUFFIXES))
        if lists:  # opening a list makes a new pattern of its lines
            patterns += ";;" + self.tr("Lists of steps (%1)").replace("%1", " ".join(LIST_FILTER_SUFFIXES))
        return patterns + ";;" + self.tr("All files (*)")

    def _show_hint(self, *_args) -> None:
        if self.scene is not None:
            self.statusBar().show_hint(self.scene.is_editing(), self.current_step() is not None)

    # State of actions and title -------------------------------------------------

    def update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.document.display_name()}[*] — Patroon")
        self.setWindowModified(self.document.is_modified())

    def _update_actions(self) -> None:
        if self.scene is None:
            return
        pattern = self.document.pattern
        self.menus.enable_for(pattern, self.current_step())
        self.statusBar().show_steps(len(pattern.steps))
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

    def focus_canvas(self) -> None:
        """Give the keys to the canvas with the first step selected: after a file is opened or a
        pattern started, whichever way (a menu, a dialog, a drop), the keys do what the status bar says."""
        if self.scene is None:
            return
        steps = self.document.pattern.steps
        if self.current_step() is None and steps:
            self.select_step(steps[0].id)
        self.activateWindow()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

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

    def paste_steps(self) -> None:
        """Ctrl+V on the canvas or the step list: a list becomes steps after the selected one."""
        from patroon.gui.drafting import paste_list

        paste_list(self)

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

    def fill_examples(self) -> None:
        self.menus.examples_menu.clear()
        for title, pattern in examples():
            act = self.menus.examples_menu.addAction(title)
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
        presenter = PresenterWindow(self.document, screen)
        self.follow(presenter)
        presenter.closed.connect(self.presenter_closed)
        presenter.start()

    def follow(self, presenter) -> None:
        """Hold back this window's questions while ``presenter`` shows its pattern; select the step shown."""
        self.presenter = presenter
        presenter.stepShown.connect(lambda step: step and self.select_step(step))

    def presenter_closed(self) -> None:
        """The presentation ended: back to this window, and the questions it held back."""
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


def _symbols_for(document: Document) -> None:
    """Register the symbol font once any text of the pattern has a character Open Sans lacks, the texts the
    diagram never measures too (questions and description, shown in the side panel)."""
    from patroon.render.fonts import ensure_fonts_for_pattern

    ensure_fonts_for_pattern(document.pattern)


def examples() -> list[tuple[str, Pattern]]:
    """The shipped example patterns (title, pattern), sorted by title."""
    from patroon.fileformat import loads
    from patroon.gui.files import examples_folder

    folder = examples_folder()
    if folder is None:
        return []
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            try:
                found.append(loads(entry.read_bytes(), entry.name))
            except PatternError:
                continue
    return sorted(((p.title, p) for p in found), key=lambda tp: tp[0].lower())
