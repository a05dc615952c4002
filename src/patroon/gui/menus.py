"""The editor window's actions, with their keys and icons, in its menus and its toolbar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from patroon.gui import help
from patroon.gui.accessibility import name_overflow_buttons
from patroon.gui.icons import icon

if TYPE_CHECKING:
    from patroon.gui.mainwindow import MainWindow
    from patroon.model import Pattern


class EditorMenus(QObject):
    """Every action of one editor window (``act_*``), its menu bar and its toolbar.

    The actions call the window (editing, presenting), its files
    (:class:`~patroon.gui.files.DocumentFiles`) and its view (zoom).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._create_actions()
        self._create_menus()
        self._create_toolbar()

    def _action(self, text: str, slot, shortcut=None, icon_name: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        if shortcut is not None:  # the tooltip names the key: "Stap verwijderen (Delete)"
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def step_actions(self) -> tuple[QAction, ...]:
        return (self.act_paste, self.act_edit, self.act_add, self.act_delete, self.act_earlier, self.act_later,
                self.act_breakthrough, self.act_remove_breakthrough)

    def limit_step_shortcuts(self, view: QWidget, step_list: QWidget) -> None:
        """Step keys (Insert, Delete, F2, Ctrl+arrows...) work on the canvas and the step list only,
        so typing in a text field of the side panel never moves or deletes a step."""
        for action in self.step_actions():
            self.window.removeAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
            step_list.addAction(action)

    def enable_for(self, pattern: Pattern, step: str | None) -> None:
        """Enable the actions that make sense for ``pattern`` with ``step`` selected (or none)."""
        from patroon.model import MAX_STEPS, MIN_STEPS

        has = step is not None
        index = pattern.index(step) if has else -1
        self.act_edit.setEnabled(has)
        self.act_delete.setEnabled(has and len(pattern.steps) > MIN_STEPS)
        self.act_add.setEnabled(len(pattern.steps) < MAX_STEPS)
        self.act_earlier.setEnabled(has and index > 0)
        self.act_later.setEnabled(has and index < len(pattern.steps) - 1)
        self.act_breakthrough.setEnabled(has)
        self.act_remove_breakthrough.setEnabled(has and pattern.breakthrough(step) is not None)
        self.act_reset_layout.setEnabled(bool(pattern.placement.offsets))

    def _create_actions(self) -> None:
        S = QKeySequence.StandardKey
        a = self._action
        window = self.window
        files = window.files
        self.act_new = a(self.tr("&New"), files.new_pattern, S.New, "document-new", self.tr("Start a new pattern"))
        self.act_open = a(self.tr("&Open…"), files.open_file, S.Open, "document-open", self.tr("Open a pattern file"))
        self.act_save = a(self.tr("&Save"), files.save, S.Save, "document-save", self.tr("Save the pattern"))
        self.act_save_as = a(self.tr("Save &as…"), files.save_as, S.SaveAs)
        self.act_export = a(self.tr("&Export…"), window.export, "Ctrl+E", "document-export",
                            self.tr("Export as PDF, SVG or PNG"))
        self.act_print = a(self.tr("&Print…"), window.print_preview, S.Print, "document-print",
                           self.tr("Print with preview"))
        self.act_quit = a(self.tr("&Quit"), window.quit, "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.act_undo = window.document.undo_stack.createUndoAction(window, self.tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence(S.Undo)])
        self.act_undo.setIcon(icon("edit-undo"))
        self.act_redo = window.document.undo_stack.createRedoAction(window, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_redo.setIcon(icon("edit-redo"))
        stack = window.document.undo_stack
        for act, step in ((self.act_undo, stack.undo), (self.act_redo, stack.redo)):
            # What is being typed in place becomes a command first, then it is undone (and can be
            # redone): undoing the step before it while the editor stays open would lose the typing.
            act.triggered.disconnect()
            act.triggered.connect(lambda _checked=False, step=step: (window.commit_editing(), step()))
            window.addAction(act)

        self.act_paste = a(self.tr("&Paste list as steps"), window.paste_steps, S.Paste, "edit-paste",
                           self.tr("Paste a list: one step per line, after the selected step"))
        self.act_edit = a(self.tr("&Edit step text"), window.edit_step, "F2", None, self.tr("Edit the text of the selected step"))
        self.act_add = a(self.tr("&Add step after"), window.add_step, ["Ins", "Ctrl+Return"], "list-add", self.tr("Add a step after the selected one"))
        self.act_delete = a(self.tr("&Delete step"), window.delete_step, "Del", "list-remove", self.tr("Delete the selected step; the circle closes"))
        self.act_earlier = a(self.tr("Move step &earlier"), lambda: window.move_step(-1), "Ctrl+Up", "go-up")
        self.act_later = a(self.tr("Move step &later"), lambda: window.move_step(+1), "Ctrl+Down", "go-down")
        self.act_breakthrough = a(self.tr("&Breakthrough on arrow…"), window.edit_breakthrough, "Ctrl+B", "breakthrough",
                                  self.tr("Add or edit the breakthrough on the arrow leaving the selected step"))
        self.act_remove_breakthrough = a(self.tr("&Remove breakthrough"), window.remove_breakthrough)
        self.act_title = a(self.tr("Edit &title"), window.edit_title, "Ctrl+T", None, self.tr("Edit the title in the centre"))
        self.act_reset_layout = a(self.tr("&Reset layout"), window.reset_layout, None, None,
                                  self.tr("Put every box back in its place on the circle"))
        self.act_copy = a(self.tr("&Copy diagram as image"), window.copy_image, "Ctrl+Shift+C", "edit-copy",
                          self.tr("Copy the diagram to the clipboard, for slides"))

        self.act_zoom_in = a(self.tr("Zoom &in"), lambda: window.view.zoom_in(), S.ZoomIn, "zoom-in")
        self.act_zoom_out = a(self.tr("Zoom &out"), lambda: window.view.zoom_out(), S.ZoomOut, "zoom-out")
        self.act_fit = a(self.tr("&Fit to window"), lambda: window.view.fit(), "Ctrl+0", "zoom-fit-best")
        self.act_present = a(self.tr("&Present"), window.start_presenting, "F5", "x-office-presentation",
                             self.tr("Show the pattern full screen for the room"))
        self.act_guide = a(self.tr("&Guide"), lambda: setattr(window, "guide", help.show_guide(window)), "Shift+F1",
                           "help-contents", self.tr("A short guide: drafting, presenting, printing, the file"))
        self.act_shortcuts = a(self.tr("&Keyboard shortcuts"), lambda: help.show_shortcuts(window), "F1")
        self.act_about = a(self.tr("&About Patroon"), lambda: help.show_about(window))

    def _create_menus(self) -> None:
        window = self.window
        bar = window.menuBar()
        files = window.files
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self.act_new)
        self.examples_menu = m.addMenu(self.tr("E&xamples"))
        self.examples_menu.aboutToShow.connect(window.fill_examples)
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
        m.addAction(self.act_paste)
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
        toggle = window.dock.toggleViewAction()
        toggle.setText(self.tr("Side &panel"))
        toggle.setShortcut(QKeySequence("Ctrl+K"))
        m.addAction(toggle)
        m.addSeparator()
        m.addAction(self.act_present)

        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self.act_guide)
        m.addAction(self.act_shortcuts)
        m.addAction(self.act_about)

    def _create_toolbar(self) -> None:
        tb = QToolBar(self.tr("Toolbar"), self.window)
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
        self.window.addToolBar(tb)
        name_overflow_buttons(tb)
        name_overflow_buttons(self.window.menuBar())
        self.toolbar = tb

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(keys, action) for every action with a shortcut, in menu order."""
        rows = []
        for act in (self.act_new, self.act_open, self.act_save, self.act_save_as, self.act_export, self.act_print,
                    self.act_undo, self.act_redo, self.act_paste, self.act_edit, self.act_add, self.act_delete,
                    self.act_earlier, self.act_later, self.act_breakthrough, self.act_title, self.act_copy,
                    self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_present, self.act_quit):
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts())
            if keys:
                rows.append((keys, act.text().replace("&", "").rstrip("…")))
        return rows
