"""Help at hand: the built-in guide (Handleiding), the list of keys and About.

The guide is short and in the UI's language: drafting, presenting, printing,
the file format, and the workshop's flow it serves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from patroon import i18n

if TYPE_CHECKING:
    from patroon.gui.mainwindow import MainWindow

GUIDE_NL = """
<h2>Handleiding</h2>
<p>Patroon tekent de <i>belemmerende patronen</i> van een patroonanalyse: een kringloop van stappen die
elkaar in stand houden, met doorbraken op de pijlen.</p>
<h3>De werkvorm</h3>
<p>Een tafel van vijf tot acht mensen krijgt een patroon op A3 en praat er <b>25 minuten</b> over, aan de hand
van drie vragen: <b>Herken je dit patroon?</b> <b>Wat is jouw rol erin?</b> <b>Waar kun jij het doorbreken?</b>
De begeleider toont het patroon op het scherm; de tafeltimer loopt mee.</p>
<h3>Opstellen</h3>
<ul>
<li>Begin met <b>Ctrl+N</b>: vier lege stappen. Druk <b>Enter</b> en typ; <b>Tab</b> of <b>Ctrl+Enter</b> gaat naar
de volgende stap (na de laatste komt er een bij), <b>Shift+Tab</b> terug.</li>
<li>Heb je een lijst (uit een mail of notitie)? Kopieer hem en druk <b>Ctrl+V</b> op de tekening: elke regel
wordt een stap. Een <code>.txt</code>- of <code>.md</code>-bestand openen werkt net zo.</li>
<li><b>Ctrl+T</b> bewerkt de titel, <b>Ctrl+B</b> zet een doorbraak op de pijl na de gekozen stap,
<b>Insert</b> voegt een stap toe, <b>Delete</b> haalt hem weg, <b>Ctrl+↑/↓</b> verplaatst hem.</li>
<li>In het zijpaneel staan de context, de vragen en per stap een notitie die alleen jij ziet.</li>
</ul>
<h3>Presenteren</h3>
<p><b>F5</b> (of <code>patroon present bestand</code>) toont het patroon meteen schermvullend. <b>→</b> toont
de volgende stap, <b>B</b> de doorbraken, <b>T</b> start de tafeltimer, <b>?</b> toont alle toetsen en
<b>Esc</b> brengt je terug in de editor.</p>
<h3>Afdrukken en exporteren</h3>
<p><b>Ctrl+P</b> drukt het patroon af op A3 (met voorbeeld); <b>Ctrl+E</b> exporteert als PDF, SVG, PNG of
PowerPoint. Voorbeelden bewaar je standaard in je map Documenten.</p>
<h3>Het bestand</h3>
<p>Een patroon is een leesbaar tekstbestand (<code>.patroon.yaml</code>): een titel, de stappen in volgorde
en de doorbraken. Je kunt het met elke teksteditor bekijken; <code>patroon validate</code> controleert het.</p>
"""

GUIDE_EN = """
<h2>Guide</h2>
<p>Patroon draws the <i>obstructing patterns</i> of a pattern analysis: a cycle of steps that keep each other
going, with breakthroughs on the arrows.</p>
<h3>The workshop</h3>
<p>A table of five to eight people gets a pattern on A3 and talks about it for <b>25 minutes</b>, along three
questions: <b>Do you recognise this pattern?</b> <b>What is your part in it?</b> <b>Where can you break
it?</b> The facilitator shows the pattern on the screen; the table timer runs along.</p>
<h3>Drafting</h3>
<ul>
<li>Start with <b>Ctrl+N</b>: four empty steps. Press <b>Enter</b> and type; <b>Tab</b> or <b>Ctrl+Enter</b>
goes to the next step (after the last one a new one is added), <b>Shift+Tab</b> goes back.</li>
<li>Have a list (from a mail or a note)? Copy it and press <b>Ctrl+V</b> on the drawing: every line becomes a
step. Opening a <code>.txt</code> or <code>.md</code> file works the same way.</li>
<li><b>Ctrl+T</b> edits the title, <b>Ctrl+B</b> puts a breakthrough on the arrow after the selected step,
<b>Insert</b> adds a step, <b>Delete</b> removes it, <b>Ctrl+↑/↓</b> moves it.</li>
<li>The side panel holds the context, the questions and for each step a note only you see.</li>
</ul>
<h3>Presenting</h3>
<p><b>F5</b> (or <code>patroon present file</code>) shows the pattern full screen at once. <b>→</b> shows the
next step, <b>B</b> the breakthroughs, <b>T</b> starts the table timer, <b>?</b> shows every key and
<b>Esc</b> takes you back to the editor.</p>
<h3>Printing and exporting</h3>
<p><b>Ctrl+P</b> prints the pattern on A3 (with a preview); <b>Ctrl+E</b> exports PDF, SVG, PNG or PowerPoint.
Examples are saved to your Documents folder by default.</p>
<h3>The file</h3>
<p>A pattern is a readable text file (<code>.patroon.yaml</code>): a title, the steps in order and the
breakthroughs. Any text editor shows it; <code>patroon validate</code> checks it.</p>
"""


def guide_html() -> str:
    """The guide in the UI's language."""
    return i18n.pick(GUIDE_NL, GUIDE_EN)


def show_guide(window: MainWindow) -> QDialog:
    """Open the guide beside the editor (not modal: you can try what it says)."""
    dialog = QDialog(window)
    dialog.setObjectName("guide")
    dialog.setWindowTitle(QCoreApplication.translate("Help", "Guide"))
    browser = QTextBrowser(dialog)
    browser.setAccessibleName(QCoreApplication.translate("Help", "Guide"))
    browser.setHtml(guide_html())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(640, 720)
    dialog.show()
    return dialog


def show_shortcuts(window: MainWindow) -> None:
    rows = "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in window.menus.shortcut_table())
    box = QMessageBox(QMessageBox.Icon.NoIcon, QCoreApplication.translate("Help", "Keyboard shortcuts"),
                      f"<table cellspacing='4'>{rows}</table>", QMessageBox.StandardButton.Close, window)
    box.exec()


def show_about(window: MainWindow) -> None:
    from patroon import __version__

    QMessageBox.about(window, QCoreApplication.translate("Help", "About Patroon"),
                      QCoreApplication.translate("Help", "<h3>Patroon %1</h3><p>Draw, present and print the obstructing patterns "
                          "(belemmerende patronen) of a patroonanalyse.</p>").replace("%1", __version__))
