"""The editor window's status bar: what the keys do now, the table timer, the number of steps, the zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QStatusBar

from patroon.gui.present_timer import timer_for

if TYPE_CHECKING:
    from patroon.gui.mainwindow import MainWindow


class EditorStatusBar(QStatusBar):
    """The status bar of one editor window.

    The table timer of facilitator mode keeps running while the editor is in
    front, so it shows here too: hidden until started, red at the end.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        # As QMainWindow.statusBar() makes its own: the hint never sets the window's width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._window = window
        self.hint_label = QLabel(self)
        self.addWidget(self.hint_label, 1)
        # showMessage() draws over normal widgets without hiding them: make way for the message.
        self.messageChanged.connect(lambda message: self.hint_label.setVisible(not message))
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("tableTimer")
        self.timer_label.setMargin(2)
        self.addPermanentWidget(self.timer_label)
        self.steps_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.addPermanentWidget(self.steps_label)
        self.addPermanentWidget(self.zoom_label)
        self.timer = timer_for(window.document)
        self.timer.changed.connect(self._show_timer)
        self.timer.finished.connect(self._timer_finished)
        self._show_timer()

    def show_hint(self, editing: bool, selected: bool) -> None:
        """What the keys do now (for those who do not read menus): while ``editing`` a text in place,
        with a step ``selected``, or with nothing selected."""
        if editing:
            text = self.tr("Enter: done · Tab or Ctrl+Enter: next step · Shift+Tab: step before · Shift+Enter: new line · Esc: cancel")
        elif selected:
            text = self.tr("F2: edit · Insert: add step · Ctrl+V: paste a list · Delete: remove · Ctrl+↑/↓: move"
                           " · Ctrl+B: breakthrough · ←/→: other step")
        else:
            text = self.tr("Click a step or press → to select one · Ctrl+T: edit the title")
        self.hint_label.setText(text)

    def show_steps(self, count: int) -> None:
        self.steps_label.setText(self.tr("%n step(s)", "", count))

    def show_pasted(self, count: int) -> None:
        self.showMessage(self.tr("%n step(s) pasted", "", count), 5000)

    def show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)} %")

    def _show_timer(self) -> None:
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
        if self._window.presenter is None:  # the presenter sounds its own end signal
            QApplication.beep()
        self.showMessage(self.tr("The table timer has run out."), 10000)
