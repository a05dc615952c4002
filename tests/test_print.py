"""The print guarantees, checked on real exported files with the tools a reader or print shop uses.

PDF: the asked paper, fonts embedded, every step, title and question is real
text, no two words overlap, nothing within 5 mm of the edge, step text at
least 14 pt on an A3 table sheet, never below 9 pt for long patterns, and the
JSON layout agrees with the PDF. SVG: well-formed, texts as ``<text>``, no
script, renders in librsvg as Qt draws it. PNG: the asked width.

Files are exported once per module (module-scoped fixtures) and shared.
"""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from patroon.cli import main
from patroon.fileformat import load_pattern, save_pattern
from patroon.model import validate
from printcheck import (
    MM,
    OPEN_SANS_BOX,
    fontconfig_with_bundled_fonts,
    ink_near_edge,
    letters,
    need,
    overlapping_words,
    pdf_fonts,
    pdf_page_sizes,
    pdf_pages,
    rect_gap,
)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "patterns").glob("*.yaml"))
A3_LANDSCAPE = (1190.55, 841.89)
A4_LANDSCAPE = (841.89, 595.28)
A4_PORTRAIT = (595.28, 841.89)
SVG = "{http://www.w3.org/2000/svg}"

# Dutch sentences of the seed's kind, with the long compounds that must hyphenate.
_SENTENCES = [
    "De domeinoverstijgende casus blijft liggen omdat niemand zich eigenaar voelt.",
    "Maatwerkbudgetten zijn op en de wachtlijsten voor jeugdhulp groeien verder.",
    "Organisaties verwijzen naar elkaar en de inwoner valt tussen wal en schip.",
    "Bestuurders spreken gezamenlijke ambities uit, maar de uitvoering blijft achter.",
    "Professionals ervaren werkdruk en trekken zich terug op hun eigen taak.",
    "Het vertrouwen tussen gemeente, zorgaanbieder en woningcorporatie neemt af.",
]


def long_text(number: int, length: int = 250) -> str:
    """A step text of at most ``length`` characters, at least ``length`` - 20."""
    words = " ".join(_SENTENCES[(number + k) % len(_SENTENCES)] for k in range(6)).split()
    text = f"Stap {number}:"
    for word in words:
        if len(text) + 1 + len(word) > length:
            break
        text += " " + word
    assert length - 20 <= len(text) <= length
    return text


def run(*argv: str) -> int:
    return main(["--lang", "nl", *map(str, argv)])


# Exports shared by the tests ------------------------------------------------------


@pytest.fixture(scope="module")
def out(tmp_path_factory, qapp) -> Path:
    return tmp_path_factory.mktemp("print")


@pytest.fixture(scope="module")
def long_patterns(out) -> dict[str, Path]:
    """16, 12 and 8 steps of 250 characters, and 12 steps of an ordinary length, as pattern files."""
    files = {}
    for name, n, length in (("long16", 16, 250), ("long12", 12, 250), ("long8", 8, 250), ("twelve", 12, 90)):
        pattern = validate({
            "title": f"Patroon van {n} stappen",
            "context": "Proef op de som:",
            "steps": [{"text": long_text(i + 1, length)} for i in range(n)],
        })
        path = out / f"{name}.yaml"
        save_pattern(pattern, path)
        files[name] = path
    return files


@pytest.fixture(scope="module")
def table_set(out) -> Path:
    """The five shipped patterns as one A3 table-sheet PDF (the default paper)."""
    target = out / "tafelset.pdf"
    assert run("export", *SHIPPED, "-o", target, "--sheet", "table") == 0
    return target


@pytest.fixture(scope="module")
def table_json(out) -> list[dict]:
    folder = out / "table-json"
    assert run("export", *SHIPPED, "-o", f"{folder}/", "--sheet", "table", "--format", "json") == 0
    return [json.loads((folder / f"{p.stem}.json").read_text(encoding="utf-8")) for p in SHIPPED]


@pytest.fixture(scope="module")
def long_exports(out, long_patterns) -> dict[str, tuple[Path, dict, Path]]:
    """Every long pattern as a table sheet (A3) and a diagram (A4, A3; A4 portrait): (pdf, json, pattern file).

    Keys: name-sheet-paper, "-portrait" added for portrait.
    """
    result = {}
    for name, source in long_patterns.items():
        for sheet, paper, orientation in (("table", "A3", "landscape"), ("diagram", "A4", "landscape"),
                                          ("diagram", "A3", "landscape"), ("diagram", "A4", "portrait")):
            if name == "long16" and sheet != "table":
                continue
            if (paper == "A3" or orientation == "portrait") and sheet == "diagram" and name != "long12":
                continue
            key = f"{name}-{sheet}-{paper}" + ("-portrait" if orientation == "portrait" else "")
            pdf = out / f"{key}.pdf"
            layout = out / f"{key}.json"
            for target in (pdf, layout):
                assert run("export", source, "-o", target, "--sheet", sheet, "--paper", paper,
                           "--orientation", orientation) == 0
            result[key] = (pdf, json.loads(layout.read_text(encoding="utf-8")), source)
    return result


@pytest.fixture(scope="module")
def diagrams(out) -> Path:
    target = out / "diagrams.pdf"
    assert run("export", *SHIPPED, "-o", target) == 0
    return target


@pytest.fixture(scope="module")
def worksheet(out) -> tuple[Path, dict]:
    pdf, layout = out / "werkblad.pdf", out / "werkblad.json"
    for target in (pdf, layout):
        assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "7") == 0
    return pdf, json.loads(layout.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile(out) -> Path:
    """A pattern whose texts hold emoji, right-to-left script and markup characters."""
    pattern = validate({
        "title": "Vrede & <recht> \"nu\" 😀",
        "context": "Context ‘één’ & ander:",
        "description": "Beschrijving met <b>tags</b> & \"aanhalingstekens\" en עברית.",
        "steps": [
            {"text": "Gemeente zegt שלום עולם en wacht af 😀"},
            {"text": "Partner antwoordt مرحبا بالعالم zonder actie"},
            {"text": "</text><script>alert(1)</script> & \"dubbel\" 'enkel' <tag>"},
            {"text": "Normale stap met feest 🎉 en ampersand &"},
        ],
        "breakthroughs": [{"after": "normale-stap-feest", "text": "Doorbraak met <em> & 🎉"}],
        "questions": ["Vraag één <kort> & \"helder\"?", "Vraag twee met العربية?"],
    })
    path = out / "vreemd.yaml"
    save_pattern(pattern, path)
    return path


def check_sheet(pdf: Path, page_index: int, layout: dict, pattern_file: Path | None, *, min_step_pt: float,
                min_text_pt: float = 9.0) -> None:
    """Every print guarantee for one page against its JSON layout."""
    page = pdf_pages(pdf)[page_index]
    assert (page.width, page.height) == pytest.approx((layout["page"]["width"], layout["page"]["height"]), abs=1.0)

    # Nothing within 5 mm of the paper's edge: no word, and no ink at all. The table sheet
    # and the worksheet keep their text inside their 12 mm margin (text drawn as measured).
    edge = 12 * MM - 0.5 if layout["sheet"] in ("table", "worksheet") else 5 * MM
    for word in page.words:
        assert word.x0 >= edge and word.y0 >= edge, word
        assert word.x1 <= page.width - edge and word.y1 <= page.height - edge, word
    assert not ink_near_edge(pdf, page_index + 1, 5 * MM)

    assert not overlapping_words(page.words)
    for word in page.words:
        assert word.height >= min_text_pt * OPEN_SANS_BOX - 0.05, f"{word} is below {min_text_pt} pt"

    boxes = [s["box"] for s in layout["steps"]]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert rect_gap(a, b) >= 2 * MM - 0.01, (a, b)
    title_box = layout["title"]["box"]
    for box in boxes:
        assert rect_gap(box, title_box) > 0, "the title area touches a box"

    if pattern_file is None:
        return
    pattern = load_pattern(pattern_file)
    assert [s["id"] for s in layout["steps"]] == [s.id for s in pattern.steps]
    for step, placed in zip(pattern.steps, layout["steps"]):
        inside = [w for w in page.words if w.inside(placed["box"])]
        assert letters(" ".join(w.text for w in inside)) == letters(step.text), step.id
        for word in inside:
            assert word.height >= min_step_pt * OPEN_SANS_BOX - 0.05, f"{word} is below {min_step_pt} pt"
            # Printed at the size the layout measured (else lines may outgrow their box).
            assert word.height == pytest.approx(placed["font_size"] * OPEN_SANS_BOX, rel=0.005), word
    title_words = [w for w in page.words if w.inside(title_box)]
    assert letters(pattern.title) in letters(" ".join(w.text for w in title_words))


def column_text(page, layout: dict) -> str:
    """The words right of the circle (the side column of a landscape sheet), in reading order."""
    right = max(s["box"][0] + s["box"][2] for s in layout["steps"])
    if layout.get("columns"):
        right = layout["columns"][0]["box"][0] - 1.0
    words = [w for w in page.words if w.x0 > right]
    words.sort(key=lambda w: (round(w.y0), w.x0))
    return " ".join(w.text for w in words)


# PDF --------------------------------------------------------------------------------


def test_pdf_pages_have_the_asked_paper_size(table_set, diagrams, worksheet, out):
    assert pdf_page_sizes(table_set) == [pytest.approx(A3_LANDSCAPE, abs=1.0)] * len(SHIPPED)
    assert pdf_page_sizes(diagrams) == [pytest.approx(A4_LANDSCAPE, abs=1.0)] * len(SHIPPED)
    assert pdf_page_sizes(worksheet[0]) == [pytest.approx(A3_LANDSCAPE, abs=1.0)]
    portrait = out / "staand.pdf"
    assert run("export", SHIPPED[0], "-o", portrait, "--sheet", "table", "--paper", "a4", "--orientation", "portrait") == 0
    # The questions with four writing lines each do not fit beside the circle: a second page.
    assert pdf_page_sizes(portrait) == [pytest.approx(A4_PORTRAIT, abs=1.0)] * 2
    check_sheet(portrait, 0, _json_for(out, SHIPPED[0], "table", "A4", "portrait"), SHIPPED[0], min_step_pt=9)


def _json_for(out: Path, source: Path, sheet: str, paper: str, orientation: str) -> dict:
    target = out / f"{source.stem}-{sheet}-{paper}-{orientation}.json"
    assert run("export", source, "-o", target, "--sheet", sheet, "--paper", paper, "--orientation", orientation) == 0
    return json.loads(target.read_text(encoding="utf-8"))


def test_fonts_are_embedded(table_set, diagrams, worksheet):
    for pdf in (table_set, diagrams, worksheet[0]):
        fonts = pdf_fonts(pdf)
        assert fonts, f"{pdf.name} has no fonts: its text is not text"
        assert all(f["emb"] == "yes" for f in fonts), fonts
        assert any(f["name"].endswith(("OpenSans", "OpenSans-Bold")) for f in fonts)


def test_table_sheets_keep_every_guarantee_for_the_shipped_patterns(table_set, table_json):
    pages = pdf_pages(table_set)
    for index, (source, layout) in enumerate(zip(SHIPPED, table_json)):
        # Step text at least 14 pt on an A3 table sheet; nothing else below 9 pt.
        check_sheet(table_set, index, layout, source, min_step_pt=14.0)
        assert all(s["font_size"] >= 14.0 for s in layout["steps"])
        pattern = load_pattern(source)
        column = letters(column_text(pages[index], layout))
        # The title stands once, in the circle; the column starts at the description.
        assert letters(pattern.title) not in column
        if pattern.description:
            assert letters(pattern.description) in column
        for question in pattern.questions:
            assert letters(question) in column, question
        if pattern.meta.source:
            # The footer: the source on one line, the date once and in words.
            footer = [w for w in pages[index].words if w.y0 > pages[index].height - 12 * MM - 14]
            assert len({round(w.y0) for w in footer}) == 1, footer
            assert letters(" ".join(w.text for w in footer)).count("juni2024") == 1
            assert letters(pattern.meta.source.split(",")[0]) in column


def test_diagrams_keep_every_guarantee(diagrams, out):
    for index, source in enumerate(SHIPPED):
        check_sheet(diagrams, index, _json_for(out, source, "diagram", "A4", "landscape"), source, min_step_pt=9.0)


@pytest.mark.parametrize("name", ["long8-table-A3", "long8-diagram-A4", "twelve-table-A3", "twelve-diagram-A4",
                                  "long12-diagram-A3"])
def test_long_and_many_steps_keep_every_guarantee(long_exports, name):
    pdf, layout, source = long_exports[name]
    check_sheet(pdf, 0, layout, source, min_step_pt=9.0)


def test_a_pattern_too_full_to_share_the_page_puts_the_questions_on_a_second_page(long_exports):
    pdf, layout, source = long_exports["long16-table-A3"]
    assert layout["pages"] == 2 and len(pdf_pages(pdf)) == 2
    check_sheet(pdf, 0, layout, source, min_step_pt=9.0)
    questions = pdf_pages(pdf)[1]
    assert not overlapping_words(questions.words)
    pattern = load_pattern(source)
    text = letters(questions.text())
    # The title once, in the circle; the first page says where the questions are.
    assert letters(pattern.title) not in text
    assert "volgende pagina" in pdf_pages(pdf)[0].text()
    for question in pattern.questions:
        assert letters(question) in text
    assert all(w.height >= 9.0 * OPEN_SANS_BOX - 0.05 for w in questions.words)
    assert not ink_near_edge(pdf, 2, 5 * MM)


@pytest.mark.parametrize("name", ["long12-diagram-A4", "long12-diagram-A4-portrait", "long12-table-A3"])
def test_twelve_steps_of_250_characters_fit_at_9_pt(long_exports, name):
    """12 x 250 characters fit an A4 diagram either way and an A3 table sheet with the questions beside them.

    At least 9 pt, boxes at least 2 mm apart, every word inside its own box,
    nothing near the paper's edge (check_sheet), and the layout says it fits.
    """
    pdf, layout, source = long_exports[name]
    assert layout["pages"] == 1 and len(pdf_pages(pdf)) == 1
    check_sheet(pdf, 0, layout, source, min_step_pt=9.0)
    assert all(s["font_size"] >= 9.0 for s in layout["steps"])


@pytest.mark.parametrize("name", ["long12-table-A3", "long12-diagram-A4", "long16-table-A3"])
def test_twelve_steps_of_250_characters_never_go_below_9_pt(long_exports, name):
    """Where 12 x 250 characters cannot fit at 9 pt, the type still never shrinks below 9 pt and stays on the page."""
    pdf, layout, source = long_exports[name]
    page = pdf_pages(pdf)[0]
    for word in page.words:
        assert word.height >= 9.0 * OPEN_SANS_BOX - 0.05, word
        assert 5 * MM <= word.x0 and word.x1 <= page.width - 5 * MM, word
        assert 5 * MM <= word.y0 and word.y1 <= page.height - 5 * MM, word
    assert all(s["font_size"] >= 9.0 for s in layout["steps"])
    text = letters(page.text())
    for step in load_pattern(source).steps:
        assert all(letters(word) in text for word in step.text.split())
    assert not ink_near_edge(pdf, 1, 5 * MM)


def test_a_table_sheet_with_every_text_at_its_limit_stays_on_the_sheet(out):
    """Title, description and 20 questions as long as a file allows: cut with an ellipsis, never off the page."""
    from patroon.model import MAX_QUESTIONS, MAX_TEXT, MAX_TITLE

    words = " ".join(_SENTENCES * 40)
    pattern = validate({
        "title": ("Een titel die maar doorgaat over domeinoverstijgende samenwerking " * 4)[:MAX_TITLE].strip(),
        "context": "Context:",
        "description": words[: 2 * MAX_TEXT].strip(),
        "steps": [{"text": long_text(i + 1, 120)} for i in range(6)],
        "questions": [words[k * 7: k * 7 + MAX_TEXT].strip() for k in range(MAX_QUESTIONS)],
        "meta": {"source": words[:MAX_TITLE].strip(), "date": "2024-06"},
    })
    source = out / "tot-de-rand.yaml"
    save_pattern(pattern, source)
    pdf, layout = out / "tot-de-rand.pdf", out / "tot-de-rand.json"
    for target in (pdf, layout):
        assert run("export", source, "-o", target, "--sheet", "table") == 0
    check_sheet(pdf, 0, json.loads(layout.read_text(encoding="utf-8")), source, min_step_pt=9.0)
    pages = pdf_pages(pdf)
    assert len(pages) == 2 and "volgende pagina" in pages[0].text()
    assert "…" in pages[1].text()
    for word in pages[1].words:
        assert 12 * MM - 0.5 <= word.x0 and word.x1 <= pages[1].width - 12 * MM + 0.5, word
        assert 12 * MM - 0.5 <= word.y0 and word.y1 <= pages[1].height - 12 * MM + 0.5, word


@pytest.mark.parametrize("sheet", ["table", "diagram"])
def test_breakthrough_notes_keep_the_guarantees(out, sheet):
    source = ROOT / "patterns" / "wereldvrede.yaml"
    data = load_pattern(source).model_dump()
    data["breakthroughs"] = [
        {"after": "visie-ontbreekt", "text": "Begin klein: één casus, één tafel, één gezamenlijke vraag."},
        {"after": "abstract-eens", "text": "Maak het meteen concreet: wie doet wat, vóór wanneer?"},
    ]
    pattern = validate(data)
    path = out / f"doorbraken-{sheet}.yaml"
    save_pattern(pattern, path)
    pdf, layout = out / f"doorbraken-{sheet}.pdf", out / f"doorbraken-{sheet}.json"
    for target in (pdf, layout):
        assert run("export", path, "-o", target, "--sheet", sheet, "--breakthroughs") == 0
    check_sheet(pdf, 0, json.loads(layout.read_text(encoding="utf-8")), path, min_step_pt=9.0)
    text = letters(pdf_pages(pdf)[0].text()).lower()
    for b in pattern.breakthroughs:
        assert all(letters(word).lower() in text for word in b.text.split())
    assert pdf_pages(pdf)[0].text().count("Doorbraak") == len(pattern.breakthroughs)


def test_a_breakthrough_beside_the_circle_keeps_the_steps_at_14_pt_on_a3(out):
    """A note beside the circle takes room from it: the questions' column narrows, the steps stay 14 pt."""
    data = load_pattern(ROOT / "patterns" / "wereldvrede.yaml").model_dump()
    data["steps"].insert(1, {"id": "wachten", "text": "Iedereen wacht op elkaar"})
    data["breakthroughs"] = [{"after": "wachten", "text": "Eerst samen het vraagstuk verkennen voordat er een opdracht komt"}]
    path = out / "zeven-met-doorbraak.yaml"
    save_pattern(validate(data), path)
    pdf, layout = out / "zeven-met-doorbraak.pdf", out / "zeven-met-doorbraak.json"
    for target in (pdf, layout):
        assert run("export", path, "-o", target, "--sheet", "table", "--breakthroughs") == 0
    geometry = json.loads(layout.read_text(encoding="utf-8"))
    check_sheet(pdf, 0, geometry, path, min_step_pt=14.0)
    # The narrower column still holds every question whole, and the footer's date.
    column = letters(column_text(pdf_pages(pdf)[0], geometry))
    for question in load_pattern(path).questions:
        assert letters(question) in column
    assert "juni2024" in column and "202406" not in column


def test_a_sheet_exported_in_english_then_dutch_has_each_language_headings(out):
    """Sheets laid out once are remembered; the language is part of what is remembered."""
    source = ROOT / "patterns" / "wereldvrede.yaml"
    english, dutch = out / "english.pdf", out / "nederlands.pdf"
    assert run("--lang", "en", "export", source, "-o", english, "--sheet", "table") == 0
    assert run("--lang", "nl", "export", source, "-o", dutch, "--sheet", "table") == 0
    assert "QUESTIONS FOR THE CONVERSATION" in pdf_pages(english)[0].text()
    text = pdf_pages(dutch)[0].text()
    assert "VRAGEN VOOR HET GESPREK" in text and "QUESTIONS" not in text


def test_worksheet_has_the_asked_boxes_an_empty_centre_and_the_questions(worksheet):
    pdf, layout = worksheet
    assert len(layout["steps"]) == 7
    check_sheet(pdf, 0, layout, None, min_step_pt=9.0)
    page = pdf_pages(pdf)[0]
    boxes = [s["box"] for s in layout["steps"]] + [layout["title"]["box"]]
    # Empty but for "Begin hier" in the first box and the title field's caption in the middle.
    marks = {"Begin", "hier", "→", "Titel", "van", "ons", "patroon"}
    assert not [w for w in page.words if any(w.inside(b) for b in boxes) and w.text not in marks], "the circle is not empty"
    column = letters(column_text(page, layout))
    for question in load_pattern(SHIPPED[0]).questions:
        assert letters(question) in column


def test_same_input_gives_the_same_pdf_bytes(table_set, out):
    again = out / "nog-eens.pdf"
    assert run("export", *SHIPPED, "-o", again, "--sheet", "table") == 0
    assert again.read_bytes() == table_set.read_bytes()


# SVG -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def svg_and_png(out, hostile) -> tuple[Path, Path, Path]:
    svg, png = out / "wereldvrede.svg", out / "wereldvrede.png"
    source = ROOT / "patterns" / "wereldvrede.yaml"
    assert run("export", source, "-o", svg, "--sheet", "table") == 0
    assert run("export", source, "-o", png, "--sheet", "table", "--width", "600") == 0
    hostile_svg = out / "vreemd.svg"
    assert run("export", hostile, "-o", hostile_svg, "--sheet", "table") == 0
    return svg, png, hostile_svg


def test_svg_is_well_formed_with_texts_as_text_and_no_script(svg_and_png, hostile):
    for svg in (svg_and_png[0], svg_and_png[2]):
        root = ET.parse(svg).getroot()
        assert root.tag == f"{SVG}svg"
        assert not [e for e in root.iter() if e.tag.split("}")[-1].lower() == "script"]
        assert not [e for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
    texts = " ".join("".join(t.itertext()) for t in ET.parse(svg_and_png[2]).getroot().iter(f"{SVG}text"))
    assert "</text><script>alert(1)</script>" in texts.replace("\n", " ") or \
        letters("</text><script>alert(1)</script>") in letters(texts)
    pattern = load_pattern(ROOT / "patterns" / "wereldvrede.yaml")
    plain = letters(" ".join("".join(t.itertext()) for t in ET.parse(svg_and_png[0]).getroot().iter(f"{SVG}text")))
    for step in pattern.steps:
        assert letters(step.text) in plain or all(letters(w) in plain for w in step.text.split())
    for question in pattern.questions:
        assert letters(question) in plain


def test_svg_renders_in_librsvg_as_qt_draws_it(svg_and_png, out):
    need("rsvg-convert")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    svg, png, _ = svg_and_png
    rendered = out / "rsvg.png"
    env = {**__import__("os").environ, **fontconfig_with_bundled_fonts(out)}
    subprocess.run(["rsvg-convert", "-w", "600", "-b", "white", "-o", str(rendered), str(svg)], check=True, env=env)
    qt, rsvg = QImage(str(png)), QImage(str(rendered))
    assert qt.width() == rsvg.width() == 600
    assert abs(qt.height() - rsvg.height()) <= 1

    def small(image: QImage) -> QImage:
        return image.scaled(75, 53, Qt.AspectRatioMode.IgnoreAspectRatio,
                            Qt.TransformationMode.SmoothTransformation).convertToFormat(QImage.Format.Format_Grayscale8)

    a, b = small(qt), small(rsvg)
    diff = [abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value()) for y in range(a.height()) for x in range(a.width())]
    inked = [a.pixelColor(x, y).value() < 200 for y in range(a.height()) for x in range(a.width())]
    assert sum(inked) > 30, "the sheet looks empty"
    # The difference is small against what a blank page would differ by (most of a sheet is white).
    blank = sum(255 - a.pixelColor(x, y).value() for y in range(a.height()) for x in range(a.width()))
    print(f"librsvg vs Qt: mean difference {sum(diff) / len(diff):.2f}, blank page {blank / len(diff):.2f}")
    assert sum(diff) < 0.2 * blank and max(diff) < 48, "librsvg draws the SVG differently from Qt"


# PNG ------------------------------------------------------------------------------------


def test_png_has_the_asked_width_and_the_page_aspect(svg_and_png, out):
    from PySide6.QtGui import QImage

    image = QImage(str(svg_and_png[1]))
    assert image.width() == 600 and image.height() == round(600 * A3_LANDSCAPE[1] / A3_LANDSCAPE[0])
    default = out / "standaard.png"
    assert run("export", SHIPPED[0], "-o", default) == 0
    image = QImage(str(default))
    assert image.width() == 2000 and abs(image.height() - 2000 * A4_LANDSCAPE[1] / A4_LANDSCAPE[0]) <= 1
    assert image.pixelColor(2, 2).name() == "#ffffff"


# Odd characters ------------------------------------------------------------------------------


def test_emoji_right_to_left_and_markup_export_to_every_format(hostile, out):
    for fmt in ("pdf", "svg", "png", "json"):
        for sheet in ("diagram", "table"):
            assert run("export", hostile, "-o", out / f"vreemd-{sheet}.{fmt}", "--sheet", sheet) == 0
    page = pdf_pages(out / "vreemd-table.pdf")[0]
    words = {w.text for w in page.words}
    for latin in ("Gemeente", "Partner", "antwoordt", "Normale", "ampersand", "Vrede", "Beschrijving", "helder\"?"):
        assert any(latin in w for w in words), latin
    assert any("alert(1)" in w for w in words)
    assert any("😀" in w for w in words) and any("🎉" in w for w in words)  # beyond U+FFFF, still text
    assert not overlapping_words(page.words)
    layout = json.loads((out / "vreemd-table.json").read_text(encoding="utf-8"))
    assert len(layout["steps"]) == 4


def test_printing_paints_every_page_of_a_sheet(long_patterns):
    """The editor prints through paint_sheet_pages: a too-full table sheet gives the printer two pages."""
    from PySide6.QtGui import QImage, QPainter

    from patroon.render.sheets import paint_sheet_pages

    image = QImage(842, 595, QImage.Format.Format_ARGB32)
    calls = []
    for name, pages in (("long16", 2), ("long8", 1)):
        calls.clear()
        painter = QPainter(image)
        try:
            painter.scale(842 / 1190.55, 842 / 1190.55)
            count = paint_sheet_pages(painter, load_pattern(long_patterns[name]), "table", 1190.55, 841.89,
                                      lambda: calls.append(1))
        finally:
            painter.end()
        assert count == pages and len(calls) == pages - 1


def test_table_sheets_with_breakthroughs_break_no_word_into_a_short_part(qapp):
    """A table sheet with a note on every arrow sets its steps smaller; still no "beheerstrate-" / "gie."."""
    import re

    from patroon.render.sheets import layout_sheet

    for source in SHIPPED:
        data = load_pattern(source).model_dump(mode="json")
        data["breakthroughs"] = [{"after": s["id"], "text": "Hier kan het patroon doorbroken worden door samen te kijken."}
                                 for s in data["steps"]]
        layout = layout_sheet(validate(data), "table", 1190.55, 841.89).pattern
        assert layout.step_font_size >= 13.0, source.name
        for step in layout.steps:
            for a, b in zip(step.text.lines, step.text.lines[1:]):
                if not a.endswith("-") or re.search(r"\w-\w+-$", a):
                    continue
                head = re.split(r"[\s/-]", a[:-1])[-1]
                tail = re.split(r"[\s/-]", b)[0]
                assert sum(c.isalpha() for c in head) >= 4 and sum(c.isalpha() for c in tail) >= 4, (a, b)


def test_forty_short_steps_export_as_an_a3_diagram_with_every_guarantee(out):
    """A long ring of short steps used to crowd a small circle and be refused; it now fills the page."""
    source = out / "veertig.yaml"
    save_pattern(validate({"title": "Veertig", "steps": [{"text": f"Stap {i}."} for i in range(40)]}), source)
    pdf, layout = out / "veertig.pdf", out / "veertig.json"
    for target in (pdf, layout):
        assert run("export", source, "-o", target, "--sheet", "diagram", "--paper", "A3") == 0
    geometry = json.loads(layout.read_text(encoding="utf-8"))
    assert len(geometry["steps"]) == 40
    check_sheet(pdf, 0, geometry, source, min_step_pt=9.0)
