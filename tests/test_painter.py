"""The renderer: what it paints on images, PDF and SVG, and that text is the same size on every device."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from patroon.fileformat import load_pattern
from patroon.layout import Rect, TextBlock, layout_pattern
from patroon.model import set_breakthrough

from conftest import PATTERNS

pytestmark = pytest.mark.usefixtures("qapp")

SIZE = 780.0


@pytest.fixture(scope="module")
def measure():
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    from patroon.render.measure import QtTextMeasure

    return QtTextMeasure()


def render(layout, dpi: float = 96.0, scale: float | None = None, **kwargs):
    """Paint ``layout`` on a white image of ``dpi`` with the painter scaled to points."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from patroon.render.painter import paint_layout

    k = scale if scale is not None else dpi / 72.0
    image = QImage(round(layout.width * k), round(layout.height * k), QImage.Format.Format_RGB32)
    dpm = round(dpi / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(k, k)
    paint_layout(painter, layout, **kwargs)
    painter.end()
    return image


def pixels(image, rect: Rect, k: float):
    """The colours (as #rrggbb) inside ``rect`` (points) on an image scaled by ``k``."""
    x0, y0 = max(0, int(rect.x * k)), max(0, int(rect.y * k))
    x1, y1 = min(image.width(), int(rect.right * k)), min(image.height(), int(rect.bottom * k))
    return [image.pixelColor(x, y).name() for y in range(y0, y1) for x in range(x0, x1)]


def dark(colour: str) -> bool:
    r, g, b = int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    return 0.299 * r + 0.587 * g + 0.114 * b < 110


# --------------------------------------------------------------------------
# Every shipped pattern, painted


@pytest.mark.parametrize("path", PATTERNS, ids=lambda p: p.stem)
def test_each_shipped_pattern_paints_its_boxes_text_and_arrows(path, measure):
    from patroon.render.palette import DEFAULT

    layout = layout_pattern(load_pattern(path), measure, SIZE, SIZE)
    k = 96.0 / 72.0
    image = render(layout)
    for step in layout.steps:
        inside = pixels(image, step.text.rect, k)
        # Text: dark glyph pixels inside the text area, on the box's fill.
        assert sum(map(dark, inside)) > 0.03 * len(inside), step.id
        assert DEFAULT.box_fill in inside
        # Nothing of the text spills out: a thin band just outside each side is blank.
        b = step.box
        for band in (
            Rect(b.x + 0.25 * b.w, b.y - 2.2, 0.5 * b.w, 1.2),
            Rect(b.x + 0.25 * b.w, b.bottom + 1.0, 0.5 * b.w, 1.2),
            Rect(b.x - 2.2, b.y + 0.25 * b.h, 1.2, 0.5 * b.h),
            Rect(b.right + 1.0, b.y + 0.25 * b.h, 1.2, 0.5 * b.h),
        ):
            assert set(pixels(image, band, k)) <= {"#ffffff"}, (step.id, band)
    for arrow in layout.arrows:
        # Every arrowhead shows in the arrow colour at its centroid.
        cx = sum(p[0] for p in arrow.head) / 3
        cy = sum(p[1] for p in arrow.head) / 3
        assert image.pixelColor(int(cx * k), int(cy * k)).name() == DEFAULT.arrow
    # The title is painted in the middle.
    assert sum(map(dark, pixels(image, layout.title.rect, k))) > 20


def test_reveal_paints_the_first_steps_and_the_arrows_between_them(measure):
    from patroon.render.palette import DEFAULT

    layout = layout_pattern(load_pattern(PATTERNS[0]), measure, SIZE, SIZE)
    image = render(layout, revealed=2)
    k = 96.0 / 72.0

    def at(point):
        return image.pixelColor(int(point[0] * k), int(point[1] * k)).name()

    def head_centre(a):
        return (sum(p[0] for p in a.head) / 3, sum(p[1] for p in a.head) / 3)

    assert DEFAULT.box_fill in pixels(image, layout.steps[1].box.inflated(-3), k)
    assert set(pixels(image, layout.steps[2].box, k)) == {"#ffffff"}
    assert at(head_centre(layout.arrows[0])) == DEFAULT.arrow
    assert at(head_centre(layout.arrows[1])) == "#ffffff"
    assert at(head_centre(layout.arrows[-1])) == "#ffffff"
    # The title shows from the start.
    blank = render(layout, revealed=0)
    assert sum(map(dark, pixels(blank, layout.title.rect, k))) > 20
    assert set(pixels(blank, layout.steps[0].box, k)) == {"#ffffff"}


def test_highlight_emphasises_one_step_and_softens_the_others(measure):
    from patroon.render.palette import DEFAULT

    layout = layout_pattern(load_pattern(PATTERNS[0]), measure, SIZE, SIZE)
    chosen = layout.steps[1]
    image = render(layout, highlight=chosen.id)
    k = 96.0 / 72.0
    assert DEFAULT.highlight_fill in pixels(image, chosen.box.inflated(-4), k)
    assert DEFAULT.dimmed_fill in pixels(image, layout.steps[3].box.inflated(-4), k)
    assert DEFAULT.highlight_fill not in pixels(image, layout.steps[3].box.inflated(-4), k)


def test_a_breakthrough_shows_its_marker_and_note(measure):
    from patroon.render.palette import DEFAULT

    pattern = load_pattern(PATTERNS[4])
    pattern = set_breakthrough(pattern, pattern.steps[3].id, "Begin klein: een gezamenlijke casus als vertrekpunt.")
    layout = layout_pattern(pattern, measure, SIZE, SIZE)
    (b,) = layout.breakthroughs
    k = 96.0 / 72.0
    image = render(layout)
    marker = Rect(b.marker[0] - b.marker_radius, b.marker[1] - b.marker_radius, 2 * b.marker_radius, 2 * b.marker_radius)
    assert DEFAULT.marker_stroke in pixels(image, marker, k)
    note = pixels(image, b.note.rect, k)
    assert DEFAULT.note_fill in note and sum(map(dark, note)) > 20
    # The note's dashed border, in the accent colour: the note reads as a breakthrough on a copy too.
    assert DEFAULT.note_border in pixels(image, b.note_box, k)
    hidden = render(layout, show_breakthroughs=False)
    assert DEFAULT.note_border not in pixels(hidden, b.note_box, k)


# --------------------------------------------------------------------------
# One size on every device


def glyph_extent(image, k: float) -> Rect:
    """The box around every non-white pixel, in points."""
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y).lightness() < 200:
                xs.append(x)
                ys.append(y)
    return Rect(min(xs) / k, min(ys) / k, (max(xs) + 1 - min(xs)) / k, (max(ys) + 1 - min(ys)) / k)


def test_text_has_the_same_size_in_points_at_every_resolution(measure):
    from PySide6.QtGui import QColor, QImage, QPainter

    from patroon.render.painter import draw_text_block

    text = "Domeinoverstijgende maatwerkbudgetten"
    size = 20.0
    advance = measure.width(text, size)
    block = TextBlock((text,), size, False, Rect(10, 10, advance, measure.line_height(size)))
    inks = []
    for dpi in (72, 96, 150, 300):
        k = dpi / 72.0
        image = QImage(round(420 * k), round(50 * k), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(k, k)
        draw_text_block(painter, block, "#000000")
        painter.end()
        ink = glyph_extent(image, k)
        # The ink spans the measured advance less the side bearings, and about the size in height.
        assert advance - 0.3 * size < ink.w <= advance + 1.0
        assert 0.9 * size < ink.h < 1.25 * size
        inks.append(ink)
    for ink in inks[1:]:
        assert ink.w == pytest.approx(inks[0].w, abs=1.5)
        assert ink.h == pytest.approx(inks[0].h, abs=1.5)
        assert ink.x == pytest.approx(inks[0].x, abs=1.5)


def test_measured_widths_match_the_font_on_any_device(measure):
    from PySide6.QtGui import QFontMetricsF, QImage

    from patroon.render.fonts import make_font

    text = "Er doet zich een complex vraagstuk voor: ‘domeinoverstijgende’ éénmaal."
    for dpi in (72, 96, 300, 1200):
        device = QImage(1, 1, QImage.Format.Format_RGB32)
        device.setDotsPerMeterX(round(dpi / 0.0254))
        device.setDotsPerMeterY(round(dpi / 0.0254))
        for size, bold in ((9.0, False), (14.0, True), (17.3, False)):
            fm = QFontMetricsF(make_font(size, bold, device), device)
            assert fm.horizontalAdvance(text) == pytest.approx(measure.width(text, size, bold), rel=0.004)
            assert fm.lineSpacing() == pytest.approx(measure.line_height(size, bold), rel=0.01)


def test_the_bundled_font_is_used_and_covers_dutch(measure):
    from PySide6.QtGui import QFontInfo, QRawFont

    from patroon.render.fonts import ensure_fonts, make_font

    family = ensure_fonts()
    assert family == "Open Sans"
    font = make_font(12)
    assert QFontInfo(font).family() == family
    raw = QRawFont.fromFont(font)
    assert all(raw.supportsCharacter(ord(c)) for c in "éëïöüèàçĳ‘’“”€–")



# A fresh process: this one's fonts are registered by the tests before.
_SYMBOLS_ON_DEMAND = """
import sys
from patroon.render import fonts
from patroon.render.export import ensure_app, render_pdf, page_for
from patroon.fileformat import load_pattern

ensure_app()
dutch, emoji, out = sys.argv[1:]
page = page_for("table", "pdf")
if out.endswith("eager.pdf"):
    fonts.ensure_fonts()
pdf = render_pdf([load_pattern(dutch)], page)
needed = fonts._register_symbols.cache_info().currsize
pdf += b"%%%%" + render_pdf([load_pattern(dutch), load_pattern(emoji)], page)
open(out, "wb").write(pdf)
print(needed)
"""


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils")
def test_the_symbol_font_is_registered_only_for_a_text_that_needs_it(tmp_path):
    """Symbola (3 MB) is read once a text has a character Open Sans lacks, before that text is measured:
    Dutch sheets come out as they did with it, and emoji still print with it."""
    import os
    import sys

    emoji = tmp_path / "emoji.yaml"
    emoji.write_text("patroon: 1\ntitle: Samen 🙂 verder\nsteps:\n  - text: Iedereen 👍 zegt ja.\n"
                     "  - text: Niemand ✋ doet iets.\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    outputs = {}
    for name in ("lazy.pdf", "eager.pdf"):
        out = tmp_path / name
        result = subprocess.run([sys.executable, "-c", _SYMBOLS_ON_DEMAND, str(PATTERNS[4]), str(emoji), str(out)],
                                env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        outputs[name] = (result.stdout.strip(), out.read_bytes())
    assert outputs["lazy.pdf"][0] == "0" and outputs["eager.pdf"][0] == "1"
    assert outputs["lazy.pdf"][1] == outputs["eager.pdf"][1]
    table_set = tmp_path / "set.pdf"
    table_set.write_bytes(outputs["lazy.pdf"][1].split(b"%%%%", 1)[1])
    fonts = subprocess.run(["pdffonts", str(table_set)], capture_output=True, text=True, check=True).stdout
    assert any(line.split(" ")[0].endswith("+Symbola") and line.split()[-5] == "yes" for line in fonts.splitlines())

@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_1200_dpi_pdf_puts_every_word_inside_its_box_at_the_right_size(tmp_path, measure):
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    from patroon.render.painter import paint_layout

    layout = layout_pattern(load_pattern(PATTERNS[4]), measure, SIZE, SIZE)
    out = tmp_path / "circle.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(1200)
    writer.setPageSize(QPageSize(QSizeF(SIZE, SIZE), QPageSize.Unit.Point))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter(writer)
    painter.scale(1200 / 72, 1200 / 72)
    paint_layout(painter, layout)
    painter.end()

    xml = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    words = [
        (float(a), float(b), float(c), float(d), w)
        for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml
        )
    ]
    s = layout.step_font_size
    height = measure.ascent(s) + measure.descent(s)
    for step in layout.steps:
        mine = [w for w in words if step.box.contains((w[0] + w[2]) / 2, (w[1] + w[3]) / 2)]
        expected = " ".join(step.text.lines).split()
        assert [w[4] for w in mine] == [x.replace("&", "&amp;") for x in expected]
        for x0, y0, x1, y1, _ in mine:
            assert step.box.contains(x0, y0) and step.box.contains(x1, y1)
            assert y1 - y0 == pytest.approx(height, rel=0.02)
        # Each line is as wide in the PDF as the layout measured it.
        first_line = step.text.lines[0].split()
        line_words = mine[: len(first_line)]
        assert line_words[-1][2] - line_words[0][0] == pytest.approx(measure.width(step.text.lines[0], s), abs=0.6)


def test_svg_text_is_text_at_the_point_size(tmp_path, measure):
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    from patroon.render.painter import paint_layout

    layout = layout_pattern(load_pattern(PATTERNS[2]), measure, SIZE, SIZE)
    out = tmp_path / "circle.svg"
    gen = QSvgGenerator()
    gen.setFileName(str(out))
    gen.setSize(QSize(int(SIZE), int(SIZE)))
    gen.setViewBox(QRectF(0, 0, SIZE, SIZE))
    painter = QPainter(gen)
    paint_layout(painter, layout)
    painter.end()
    ns = "{http://www.w3.org/2000/svg}"
    texts = [(t.text or "").strip() for t in ET.parse(out).getroot().iter(f"{ns}text")]
    sizes = {float(t.get("font-size")) for t in ET.parse(out).getroot().iter(f"{ns}text")}
    for step in layout.steps:
        for line in step.text.lines:
            assert line in texts
    assert round(layout.step_font_size, 3) in {round(x, 3) for x in sizes}


# --------------------------------------------------------------------------
# Palettes


def luminance(colour: str) -> float:
    """WCAG relative luminance: what a greyscale print keeps of a colour."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_palettes_read_in_greyscale(name):
    from patroon.render.palette import palette_named

    p = palette_named(name)
    assert p.name == name
    # Text on boxes, notes and the page: strong contrast by lightness alone.
    for fg, bg in ((p.text, p.box_fill), (p.note_text, p.note_fill), (p.title, p.background), (p.text, p.highlight_fill)):
        assert (luminance(bg) + 0.05) / (luminance(fg) + 0.05) >= 7.0, (fg, bg)
    # Box border and arrows stand out from the page; the box fill is a light tint.
    assert luminance(p.background) - luminance(p.box_border) > 0.4
    assert luminance(p.background) - luminance(p.arrow) > 0.4
    assert luminance(p.box_fill) > 0.75
    # Dimmed text is still legible, but clearly lighter than normal text.
    assert luminance(p.dimmed_text) > luminance(p.text) + 0.1


def test_unknown_palette_names_fall_back_to_the_default():
    from patroon.render.palette import DEFAULT, palette_named

    assert palette_named("neon") is DEFAULT
    assert palette_named(None) is DEFAULT
