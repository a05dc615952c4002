"""Fonts that travel: an SVG looks like its PDF on a machine without Open Sans; SVG bytes repeat."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from patroon.fileformat import load_pattern
from patroon.render import export, svgfonts
from printcheck import need

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "patterns").glob("*.yaml"))
SVG = "{http://www.w3.org/2000/svg}"
#: Rendering width of the comparison; A3 at about 90 dpi, where step text is 20 pixels high.
WIDTH = 1500
#: A pixel differs when it is this far (of 255) outside what the other picture has within one
#: pixel of it: two rasterisers never agree on antialiasing and sub-pixel glyph placement.
TOLERANCE = 40
MOST_DIFFERING = 0.005


def fontconfig_without_open_sans(folder: Path) -> dict[str, str]:
    """Environment for librsvg on this machine's fonts, with Open Sans refused even where it is installed."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        "  <selectfont><rejectfont><pattern><patelt name=\"family\"><string>Open Sans</string></patelt>"
        "</pattern></rejectfont></selectfont>\n"
        f"  <cachedir>{folder / 'fontcache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def share_differing(one, other) -> float:
    """The share of pixels of two same-sized QImages that differ by more than antialiasing explains."""
    from PySide6.QtGui import QImage

    differ = _lightest(_outside(one, other), _outside(other, one)).convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(differ.constBits())[:differ.bytesPerLine() * differ.height()]
    # Count bytes over the tolerance without a loop per pixel: one count per grey value.
    over = sum(data.count(bytes([value])) for value in range(TOLERANCE + 1, 256))
    return over / (differ.width() * differ.height())


def _composed(base, top, mode, dx: int = 0, dy: int = 0):
    from PySide6.QtGui import QPainter

    out = base.copy()
    painter = QPainter(out)
    painter.setCompositionMode(mode)
    painter.drawImage(dx, dy, top)
    painter.end()
    return out


def _outside(image, reference):
    """Per pixel and channel: how far ``image`` lies outside the range ``reference`` has within one pixel."""
    from PySide6.QtGui import QPainter

    mode = QPainter.CompositionMode
    low, high = reference, reference
    for dx, dy in ((dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy):
        low = _composed(low, reference, mode.CompositionMode_Darken, dx, dy)
        high = _composed(high, reference, mode.CompositionMode_Lighten, dx, dy)
    # max(low, x) - x is how far x lies below low; x - min(high, x) how far above high.
    below = _composed(_composed(low, image, mode.CompositionMode_Lighten), image, mode.CompositionMode_Difference)
    above = _composed(_composed(high, image, mode.CompositionMode_Darken), image, mode.CompositionMode_Difference)
    return _lightest(below, above)


def _lightest(one, other):
    from PySide6.QtGui import QPainter

    return _composed(one, other, QPainter.CompositionMode.CompositionMode_Lighten)


def svg_against_pdf(svg: bytes, pdf: bytes, folder: Path) -> float:
    """Render ``svg`` with librsvg (no Open Sans) and ``pdf`` with poppler at one size; the share that differs."""
    from PySide6.QtGui import QImage

    (folder / "sheet.svg").write_bytes(svg)
    (folder / "sheet.pdf").write_bytes(pdf)
    subprocess.run(["rsvg-convert", "-w", str(WIDTH), "-b", "white", "-o", str(folder / "svg.png"),
                    str(folder / "sheet.svg")], check=True, env=fontconfig_without_open_sans(folder))
    drawn = QImage(str(folder / "svg.png")).convertToFormat(QImage.Format.Format_RGB32)
    subprocess.run(["pdftoppm", "-png", "-singlefile", "-scale-to-x", str(drawn.width()), "-scale-to-y",
                    str(drawn.height()), str(folder / "sheet.pdf"), str(folder / "pdf")], check=True)
    printed = QImage(str(folder / "pdf.png")).convertToFormat(QImage.Format.Format_RGB32)
    assert (printed.width(), printed.height()) == (drawn.width(), drawn.height())
    return share_differing(drawn, printed)


@pytest.mark.parametrize("sheet", ["diagram", "table"])
def test_an_svg_looks_like_its_pdf_where_open_sans_is_not_installed(qapp, tmp_path, sheet, monkeypatch):
    need("rsvg-convert", "pdftoppm")
    export.ensure_fonts_loaded()
    page = export.page_for(sheet, "svg")
    shares = {}
    for source in SHIPPED:
        pattern = load_pattern(source)
        shares[source.stem] = svg_against_pdf(export.render_svg(pattern, page), export.render_pdf([pattern], page),
                                              tmp_path)
    print(sheet, {name: f"{share:.2%}" for name, share in shares.items()})
    assert max(shares.values()) < MOST_DIFFERING, shares
    # The comparison sees a wrong font: the same SVG with its texts left to the viewer differs.
    monkeypatch.setattr(svgfonts, "with_travelling_fonts", lambda svg, device: svg)
    pattern = load_pattern(SHIPPED[-1])
    plain = svg_against_pdf(export.render_svg(pattern, page), export.render_pdf([pattern], page), tmp_path)
    assert plain > 1.5 * MOST_DIFFERING, plain


def test_the_svg_embeds_the_subsets_it_uses_and_repeats_its_bytes(qapp, tmp_path):
    from fontTools.ttLib import TTFont

    export.ensure_fonts_loaded()
    source = tmp_path / "emoji.yaml"
    source.write_text("patroon: 1\ntitle: Samen 🙂 verder\nsteps:\n  - text: Iedereen 👍 zegt ja.\n"
                      "  - text: Niemand doet iets & <zwijgt>.\n", encoding="utf-8")
    page = export.page_for("diagram", "svg")
    svg = export.render_svg(load_pattern(source), page)
    assert svg == export.render_svg(load_pattern(source), page)
    root = ET.fromstring(svg)
    style = "".join(e.text or "" for e in root.iter(f"{SVG}style"))
    faces = re.findall(r"@font-face \{ font-family: '([^']+)'; font-weight: (\d+);.*?base64,([A-Za-z0-9+/=]+)\)",
                       style)
    assert {(family, weight) for family, weight, _ in faces} == {("Open Sans", "400"), ("Open Sans", "700"),
                                                                 ("Symbola", "400")}
    import base64
    import io

    for family, weight, data in faces:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        characters = {chr(code) for code in font.getBestCmap()}
        if family == "Symbola":
            assert {"🙂", "👍"} <= characters
        else:
            assert len(font.getGlyphOrder()) < 60  # a subset, not the whole font (938 glyphs)
            assert set("Samen verder" if weight == "700" else "Iedereen zegt ja.Niemand doet iets&<>") <= characters
    # The words stay text, for search, copying and screen readers; they lie over their outlines.
    texts = list(root.iter(f"{SVG}text"))
    assert "Niemand doet iets & <zwijgt>." in " ".join("".join(t.itertext()) for t in texts)
    assert all(t.get("fill-opacity") == "0" for t in texts)
    uses = list(root.iter(f"{SVG}use"))
    ids = {e.get("id") for e in root.iter(f"{SVG}path") if e.get("id")}
    assert uses and {u.get("{http://www.w3.org/1999/xlink}href")[1:] for u in uses} == ids
