"""Export and print from the editor: the same sheets and the same bytes as ``patroon export``.

The dialog only gathers the options the command line has (format, sheet,
paper, orientation, PNG width, worksheet boxes, a deck's reveal) and hands them to
:func:`patroon.render.export.export_patterns`; printing paints the same
sheets with :func:`patroon.render.sheets.paint_sheet_pages` on the printer.
Loaded only when first used, so start-up stays quick.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSettings
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolBar,
    QWidget,
)

from patroon.gui.accessibility import name_inner_parts
from patroon.gui.document import Document
from patroon.fileformat import pattern_stem
from patroon.limits import MAX_STEPS
from patroon.gui.files import file_name_for

FORMAT_KEYS = ("pdf", "png", "svg", "pptx")
PAPER_KEYS = ("A3", "A4", "slide")


def _sheet_names() -> dict[str, str]:
    return {
        "diagram": QCoreApplication.translate("ExportDialog", "Diagram (the pattern alone)"),
        "table": QCoreApplication.translate("ExportDialog", "Table sheet (pattern, questions, room to write)"),
        "worksheet": QCoreApplication.translate("ExportDialog", "Worksheet (an empty circle of boxes)"),
    }


class ExportDialog(QDialog):
    """Export the document as PDF, PNG, SVG or PowerPoint with the options of ``patroon export``."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(560)
        self.written: list[Path] = []
        form = QFormLayout(self)

        self.format_box = QComboBox(self)
        for key, label in zip(FORMAT_KEYS, (self.tr("PDF (for print)"), self.tr("PNG (image, for slides)"),
                                            self.tr("SVG (drawing, for editing)"),
                                            self.tr("PowerPoint (slides with shapes to edit)"))):
            self.format_box.addItem(label, key)
        self.sheet_box = QComboBox(self)
        for key, label in _sheet_names().items():
            self.sheet_box.addItem(label, key)
        self.paper_box = QComboBox(self)
        for key, label in zip(PAPER_KEYS, ("A3", "A4", self.tr("Slide 16:9"))):
            self.paper_box.addItem(label, key)
        self.orientation_box = QComboBox(self)
        self.orientation_box.addItem(self.tr("Landscape"), "landscape")
        self.orientation_box.addItem(self.tr("Portrait"), "portrait")
        self.width_box = QSpinBox(self)
        self.width_box.setRange(200, 10000)
        self.width_box.setSingleStep(100)
        self.width_box.setValue(2000)
        self.width_box.setSuffix(" px")
        self.steps_box = QSpinBox(self)
        self.steps_box.setRange(2, MAX_STEPS)
        self.steps_box.setValue(6)
        self.reveal_box = QCheckBox(self.tr("Step by step, as in the presenter: one slide per step"), self)
        self.numbers_box, self.breakthroughs_box = _sheet_choices(self)

        self.path_edit = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)

        form.addRow(self.tr("&Format"), self.format_box)
        form.addRow(self.tr("&Sheet"), self.sheet_box)
        form.addRow(self.tr("&Paper"), self.paper_box)
        form.addRow(self.tr("&Orientation"), self.orientation_box)
        form.addRow(self.tr("&Width"), self.width_box)
        form.addRow(self.tr("&Boxes"), self.steps_box)
        form.addRow(self.tr("&Reveal"), self.reveal_box)
        form.addRow(self.tr("Show"), self.numbers_box)
        form.addRow("", self.breakthroughs_box)
        label = QLabel(self.tr("Save &to"), self)
        label.setBuddy(self.path_edit)
        form.addRow(label, row)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        settings = QSettings()
        self._select(self.format_box, settings.value("export/format", "pdf"))
        self._select(self.sheet_box, settings.value("export/sheet", "table"))
        self.format_box.currentIndexChanged.connect(self._update)
        self.sheet_box.currentIndexChanged.connect(self._update)
        self._update()
        name_inner_parts(self)

    @staticmethod
    def _select(box: QComboBox, key) -> None:
        index = box.findData(key)
        if index >= 0:
            box.setCurrentIndex(index)

    def options(self) -> dict:
        """The export options as keyword arguments of ``export_patterns``."""
        fmt = self.format_box.currentData()
        if fmt == "pptx":  # a deck: the pattern on 16:9 slides, whatever the sheet boxes say
            return {"fmt": fmt, "sheet": "diagram", "reveal": self.reveal_box.isChecked()}
        return {
            "fmt": fmt,
            "sheet": self.sheet_box.currentData(),
            "paper": self.paper_box.currentData(),
            "orientation": self.orientation_box.currentData(),
            "width_px": self.width_box.value() if fmt == "png" else None,
            "steps": self.steps_box.value(),
            "numbers": self.numbers_box.isChecked(),
            "breakthroughs": self.breakthroughs_box.isChecked(),
        }

    def _default_path(self) -> Path:
        from patroon.gui.files import writing_folder

        folder = writing_folder(self.document.path)
        fmt = self.format_box.currentData()
        sheet = "diagram" if fmt == "pptx" else self.sheet_box.currentData()
        return folder / f"{sheet_name(self.document, sheet)}.{fmt}"

    def _update(self) -> None:
        fmt = self.format_box.currentData()
        sheet = self.sheet_box.currentData()
        deck = fmt == "pptx"
        for box in (self.sheet_box, self.paper_box, self.orientation_box):
            box.setEnabled(not deck)
        self.width_box.setEnabled(fmt == "png")
        self.steps_box.setEnabled(sheet == "worksheet" and not deck)
        self.reveal_box.setEnabled(deck)
        _sheet_defaults(self.numbers_box, self.breakthroughs_box, sheet, deck)
        self._select(self.paper_box, "slide" if deck else "A4" if sheet == "diagram" else "A3")
        self.path_edit.setText(str(self._default_path()))
        if deck:
            self.note.setText(self.tr("Boxes, arrows and texts stay editable in PowerPoint; the steps' notes"
                                      " become speaker notes."))
        else:
            self.note.setText(self.tr("Text stays text in PDF and SVG; fonts are embedded.") if fmt != "png" else "")

    def _browse(self) -> None:
        fmt = self.format_box.currentData()
        kind = "PowerPoint" if fmt == "pptx" else fmt.upper()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path_edit.text(), f"{kind} (*.{fmt})")
        if name:
            self.path_edit.setText(name)

    def export(self) -> bool:
        """Write the file; on a problem say so and keep the dialog open."""
        from patroon.render.export import UsageError, export_patterns

        options = self.options()
        out = Path(self.path_edit.text()).expanduser()
        if out.suffix.lower() != f".{options['fmt']}":
            out = out.with_suffix(f".{options['fmt']}")
        source = self.document.path or Path(f"{file_name_for(self.document.pattern.title)}.yaml")
        try:
            self.written = export_patterns([(source, self.document.pattern)], out, **options)
        except (UsageError, OSError, ValueError) as exc:
            self.complain(self.tr("Could not export to ‘%1’:\n%2").replace("%1", str(out)).replace("%2", str(exc)))
            return False
        settings = QSettings()
        settings.setValue("saveDir", str(Path(out).absolute().parent))  # where the next save or export goes first
        settings.setValue("export/format", options["fmt"])
        if options["fmt"] != "pptx":  # a deck has no sheet of its own to remember
            settings.setValue("export/sheet", options["sheet"])
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(out)), 6000)
        self.accept()
        return True

    def complain(self, text: str) -> None:
        """Say why the export failed (the dialog stays open to try again)."""
        QMessageBox.critical(self, self.tr("Export failed"), text)


def _sheet_choices(parent: QWidget) -> tuple[QCheckBox, QCheckBox]:
    """The checkboxes for the steps' numbers and the prepared breakthroughs (export dialog, print preview)."""
    numbers = QCheckBox(QCoreApplication.translate("ExportDialog", "Step numbers"), parent)
    breakthroughs = QCheckBox(QCoreApplication.translate("ExportDialog", "Prepared breakthroughs"), parent)
    breakthroughs.setToolTip(QCoreApplication.translate(
        "ExportDialog", "On a table sheet they give away the third question; the diagram shows them"))
    return numbers, breakthroughs


def _sheet_defaults(numbers: QCheckBox, breakthroughs: QCheckBox, sheet: str, deck: bool = False) -> None:
    """Each sheet's default: numbers on table sheets and worksheets, breakthroughs on diagrams only."""
    numbers.setChecked(sheet != "diagram")
    breakthroughs.setChecked(sheet == "diagram")
    numbers.setEnabled(not deck)
    breakthroughs.setEnabled(not deck and sheet != "worksheet")


def sheet_name(document: Document, sheet: str) -> str:
    """The name (no extension) an export or a print to PDF of ``sheet`` suggests:
    ``mijn patroon.patroon.yaml`` -> ``mijn patroon-tafelblad``."""
    base = pattern_stem(document.path) if document.path else file_name_for(document.pattern.title)
    return base + {"table": "-tafelblad", "worksheet": "-werkblad"}.get(sheet, "")


def paint_pages(printer, document: Document, sheet: str, numbers: bool | None = None,
                breakthroughs: bool | None = None) -> None:
    """Paint the sheet on ``printer`` (every page: a table sheet's questions may need a second) in points."""
    from patroon.render.sheets import paint_sheet_pages

    layout = printer.pageLayout()
    full = layout.fullRectPoints()
    painter = QPainter(printer)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scale = printer.resolution() / 72.0
        painter.scale(scale, scale)
        pattern = None if sheet == "worksheet" else document.pattern
        paint_sheet_pages(painter, pattern, sheet, float(full.width()), float(full.height()), printer.newPage,
                          numbers=numbers, breakthroughs=breakthroughs)
    finally:
        painter.end()


def make_printer(sheet: str, document: Document | None = None):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    _set_paper(printer, sheet, document)
    return printer


def _set_paper(printer, sheet: str, document: Document | None = None) -> None:
    size = QPageSize.PageSizeId.A4 if sheet == "diagram" else QPageSize.PageSizeId.A3
    printer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
    if document is not None:
        # The print dialog makes "Print to file" <docName minus its last extension>.pdf:
        # give it one, so a dot in the name itself survives.
        printer.setDocName(f"{sheet_name(document, sheet)}.pdf")


def print_with_preview(document: Document, parent: QWidget | None = None) -> None:
    """Show the print preview (with a choice of sheet) and print from it."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    printer = make_printer("table", document)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ExportDialog", "Print preview"))
    state = {"sheet": "table"}
    numbers, breakthroughs = _sheet_choices(dialog)
    _sheet_defaults(numbers, breakthroughs, "table")
    dialog.paintRequested.connect(lambda p: paint_pages(p, document, state["sheet"], numbers.isChecked(),
                                                        breakthroughs.isChecked()))
    toolbar = dialog.findChild(QToolBar)
    preview = dialog.findChild(QPrintPreviewWidget)
    if toolbar is not None and preview is not None:
        box = QComboBox(toolbar)
        for key, label in _sheet_names().items():
            box.addItem(label, key)
        box.setCurrentIndex(box.findData("table"))

        def choose(_index: int) -> None:
            state["sheet"] = box.currentData()
            _set_paper(printer, state["sheet"], document)
            _sheet_defaults(numbers, breakthroughs, state["sheet"])
            preview.updatePreview()

        box.currentIndexChanged.connect(choose)
        toolbar.addSeparator()
        toolbar.addWidget(box)
        for check in (numbers, breakthroughs):
            check.toggled.connect(lambda _on: preview.updatePreview())
            toolbar.addWidget(check)
    dialog.resize(1000, 760)
    dialog.exec()
