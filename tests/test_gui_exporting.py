"""Export and print from the editor: the same sheets as the command line, checked in the files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from patroon.fileformat import load_pattern

ROOT = Path(__file__).resolve().parent.parent
WERELDVREDE = ROOT / "patterns" / "wereldvrede.yaml"


@pytest.fixture
def document(qtbot):
    from patroon.gui.app import make_application
    from patroon.gui.document import Document

    make_application(lang="nl")
    return Document(load_pattern(WERELDVREDE), WERELDVREDE)


def pdf_text(path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is needed")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())  # lines wrap where the sheet wraps them


def test_export_dialog_writes_a_table_sheet_pdf(document, tmp_path, qtbot):
    from patroon.gui.exporting import ExportDialog

    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("table"))
    assert dialog.paper_box.currentText() == "A3"
    assert dialog.path_edit.text().endswith("wereldvrede-tafelblad.pdf")
    out = tmp_path / "tafel.pdf"
    dialog.path_edit.setText(str(out))
    assert dialog.export()
    text = pdf_text(out)
    assert "Wereldvrede" in text
    assert "herkenbaar" in text  # the questions are on the table sheet


def test_export_dialog_numbers_and_breakthroughs_follow_the_sheet_and_the_choice(document, tmp_path, qtbot):
    from patroon.gui.exporting import ExportDialog
    from patroon.model import set_breakthrough

    document.reset(set_breakthrough(document.pattern, document.pattern.steps[0].id, "Begin klein met één casus."),
                   WERELDVREDE)
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("diagram"))
    assert dialog.breakthroughs_box.isChecked() and not dialog.numbers_box.isChecked()
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("table"))
    assert dialog.numbers_box.isChecked() and not dialog.breakthroughs_box.isChecked()
    out = tmp_path / "zonder.pdf"
    dialog.path_edit.setText(str(out))
    assert dialog.export()
    assert "Doorbraak" not in pdf_text(out) and "casus" not in pdf_text(out)
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("table"))
    dialog.breakthroughs_box.setChecked(True)
    dialog.numbers_box.setChecked(False)
    out = tmp_path / "met.pdf"
    dialog.path_edit.setText(str(out))
    assert dialog.export()
    text = pdf_text(out)
    assert "Doorbraak" in text and "casus" in text
    assert not any(word in text.split() for word in ("1", "2", "3", "4", "5", "6"))


def test_export_dialog_png_width(document, tmp_path, qtbot):
    from patroon.gui.exporting import ExportDialog

    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("diagram"))
    dialog.width_box.setValue(900)
    out = tmp_path / "diagram.png"
    dialog.path_edit.setText(str(out))
    assert dialog.export()
    image = QImage(str(out))
    assert image.width() == 900


def test_export_dialog_writes_a_powerpoint_deck_step_by_step(document, tmp_path, qtbot):
    from pptx import Presentation

    from patroon.gui.exporting import ExportDialog

    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    assert not dialog.reveal_box.isEnabled()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pptx"))
    assert dialog.reveal_box.isEnabled() and not dialog.sheet_box.isEnabled()
    assert dialog.paper_box.currentData() == "slide"
    assert dialog.path_edit.text().endswith("wereldvrede.pptx")
    dialog.reveal_box.setChecked(True)
    out = tmp_path / "stappen.pptx"
    dialog.path_edit.setText(str(out))
    assert dialog.export()
    steps = len(document.pattern.steps)
    assert len(Presentation(str(out)).slides) == 1 + steps + 1 + 1  # title, steps, closed circle, questions


def test_export_failure_is_said_and_the_dialog_stays(document, tmp_path, qtbot, monkeypatch):
    from patroon.gui.exporting import ExportDialog

    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    said = []
    monkeypatch.setattr(dialog, "complain", said.append)
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "x.pdf"))
    assert not dialog.export()
    assert said and "no-such-folder" in said[0]


def test_print_paints_the_chosen_sheet(document, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from patroon.gui.exporting import make_printer, paint_pages

    printer = make_printer("table")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "print.pdf"
    printer.setOutputFileName(str(out))
    paint_pages(printer, document, "table")
    text = pdf_text(out)
    assert "Wereldvrede" in text and "complex vraagstuk" in text
    size = printer.pageLayout().fullRectPoints()
    assert (size.width(), size.height()) == (1191, 842)  # A3 landscape


def test_export_action_opens_the_dialog(qtbot, monkeypatch):
    import shiboken6

    from patroon.gui.app import make_application
    from patroon.gui.exporting import ExportDialog
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    opened = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self.document) or 0)
    w = MainWindow()
    w.files.open_path(WERELDVREDE)
    w.menus.act_export.trigger()
    assert opened == [w.document]
    if shiboken6.isValid(w):
        w.close()


@pytest.mark.parametrize("name, stem", [
    ("mijn patroon.patroon.yaml", "mijn patroon"),
    ("wereldvrede.yaml", "wereldvrede"),
    ("Oud.PATROON.YML", "Oud"),
    ("versie 1.2.patroon.yaml", "versie 1.2"),
    ("notities.txt", "notities"),
])
def test_names_made_from_a_pattern_file_drop_its_whole_extension(name, stem):
    from patroon.fileformat import pattern_stem

    assert pattern_stem(Path(name)) == stem


def test_export_and_print_to_pdf_suggest_names_without_patroon_yaml(tmp_path, qtbot):
    # The README's naming: "mijn patroon.patroon.yaml" gives "mijn patroon-tafelblad.pdf".
    from patroon.gui.app import make_application
    from patroon.gui.document import Document
    from patroon.gui.exporting import ExportDialog, make_printer

    make_application(lang="nl")
    document = Document(load_pattern(WERELDVREDE), tmp_path / "mijn patroon.patroon.yaml")
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("table"))
    assert Path(dialog.path_edit.text()) == tmp_path / "mijn patroon-tafelblad.pdf"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("diagram"))
    assert Path(dialog.path_edit.text()) == tmp_path / "mijn patroon.svg"
    # Qt's print dialog offers "Print to file" as the document name up to its last dot, plus .pdf
    assert make_printer("worksheet", document).docName() == "mijn patroon-werkblad.pdf"


def test_exporting_an_example_proposes_the_documents_folder_then_the_last_folder(document, tmp_path, qtbot):
    from PySide6.QtCore import QSettings, QStandardPaths

    from patroon.gui.exporting import ExportDialog
    from patroon.gui.files import examples_folder

    QSettings().remove("saveDir")
    example = examples_folder() / "wereldvrede.yaml"
    document.reset(load_pattern(example), example)  # opened from the program's examples
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(dialog.path_edit.text()).parent == Path(documents)
    dialog.path_edit.setText(str(tmp_path / "blad.pdf"))
    assert dialog.export()
    again = ExportDialog(document)
    qtbot.addWidget(again)
    assert Path(again.path_edit.text()).parent == tmp_path
