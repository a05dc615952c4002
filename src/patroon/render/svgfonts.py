"""SVG text that looks the same on every machine, with or without the fonts installed.

QSvgGenerator writes each line as a ``<text>`` that only names its font
(``'Open Sans', Symbola, ...``): a viewer without Open Sans sets it in another
font, and centred lines shift. :func:`with_travelling_fonts` makes the file
carry its type in two ways, because viewers differ in what they honour:

- every line is drawn as the glyph outlines Qt itself set (each glyph once in
  ``<defs>``, placed with ``<use>``), exactly as in the PDF. librsvg and
  Inkscape ignore embedded web fonts, so only outlines look the same there;
- the ``<text>`` stays, transparent, above its outlines and set in the subset
  of the font it uses, embedded as ``@font-face`` with a ``data:`` URI (made
  with fontTools): searching, copying and screen readers get the words, and
  in a browser a selection lies over the glyphs it selects.

Everything is derived from the text and the bundled fonts only, so the same
sheet gives the same bytes.
"""

from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPaintDevice, QPainterPath, QRawFont, QTextLayout

from patroon import PACKAGE_DIR

from patroon.render.fonts import bundled_font_file, make_font

_TEXT = re.compile(rb"<text (?P<attrs>[^>]*)>(?P<content>[^<]*)</text>")
_ATTR = re.compile(rb'([\w:-]+)="([^"]*)"')
_EMPTY_DEFS = b"<defs>\n</defs>"


@dataclass
class _FontUse:
    """One font the sheet's lines were set in: its outlines by glyph, and what the subset must hold."""

    key: str
    raw: QRawFont  # at one pixel per font unit
    file: str | None  # the bundled file, or None for a font of the machine (outlines only)
    glyphs: dict[int, str] = field(default_factory=dict)  # glyph index -> path data ("" when blank)
    characters: set[str] = field(default_factory=set)


def with_travelling_fonts(svg: bytes, device: QPaintDevice) -> bytes:
    """``svg`` (as QSvgGenerator wrote it on ``device``) with outlines and embedded subsets for its texts.

    ``device`` is the generator the sheet was painted on: the lines are set
    again with the fonts Qt used there, so the outlines are the glyphs it drew.
    """
    fonts: dict[str, _FontUse] = {}

    def outlined(match: re.Match) -> bytes:
        attrs = dict(_ATTR.findall(match.group("attrs")))
        text = html.unescape(match.group("content").decode("utf-8"))
        outline = _outline(text, attrs, device, fonts)
        invisible = re.sub(rb'fill-opacity="[^"]*"', b'fill-opacity="0"', match.group("attrs"), count=1)
        return outline + b"<text " + invisible + b">" + match.group("content") + b"</text>"

    body = _TEXT.sub(outlined, svg)
    if not fonts:
        return svg
    defs = b"<defs>\n" + _style(fonts.values()) + _glyph_defs(fonts.values()) + b"</defs>"
    return body.replace(_EMPTY_DEFS, defs, 1)


def _outline(text: str, attrs: dict[bytes, bytes], device: QPaintDevice, fonts: dict[str, _FontUse]) -> bytes:
    """A group drawing ``text`` as glyph outlines where the ``<text>`` with ``attrs`` would draw it."""
    x, y = float(attrs.get(b"x", b"0")), float(attrs.get(b"y", b"0"))
    size = float(attrs.get(b"font-size", b"12"))
    bold = int(float(attrs.get(b"font-weight", b"400"))) >= 600
    parts = [b'<g fill="%s" fill-opacity="1" stroke="none" fill-rule="nonzero" aria-hidden="true">'
             % attrs.get(b"fill", b"#000000")]
    for raw, indexes, positions in _glyph_runs(text, size, bold, device):
        use = _font_use(raw, fonts)
        use.characters.update(text)
        scale = raw.pixelSize() / use.raw.unitsPerEm()
        placed = []
        for index, (gx, gy) in zip(indexes, positions):
            if _glyph(use, index):
                offset = b' y="%s"' % _num(gy / scale) if gy else b""
                placed.append(b'<use xlink:href="#%s-%d" x="%s"%s/>' % (use.key.encode(), index, _num(gx / scale), offset))
        if placed:
            parts.append(b'<g transform="translate(%s,%s) scale(%s)">' % (_num(x), _num(y), _num(scale, 8)))
            parts.extend(placed)
            parts.append(b"</g>")
    parts.append(b"</g>\n")
    return b"".join(parts)


def _glyph_runs(text: str, size: float, bold: bool, device: QPaintDevice):
    """(font, glyph indexes, positions relative to the baseline's start) for each run of ``text`` as Qt sets it."""
    layout = QTextLayout(text, make_font(size, bold, device), device)
    layout.beginLayout()
    line = layout.createLine()
    line.setPosition(QPointF(0, 0))
    layout.endLayout()
    baseline = line.ascent()
    for run in layout.glyphRuns():
        yield run.rawFont(), list(run.glyphIndexes()), [(p.x(), p.y() - baseline) for p in run.positions()]


def _font_use(raw: QRawFont, fonts: dict[str, _FontUse]) -> _FontUse:
    key = re.sub(r"[^A-Za-z0-9]", "", f"{raw.familyName()}-{raw.styleName()}") or "font"
    if key not in fonts:
        unit = QRawFont(raw)
        unit.setPixelSize(unit.unitsPerEm())  # a glyph's path is then in font units
        fonts[key] = _FontUse(key, unit, bundled_font_file(raw.familyName(), raw.weight() >= 600))
    return fonts[key]


def _glyph(use: _FontUse, index: int) -> str:
    """The path data of glyph ``index`` in font units, y down (cached per font)."""
    if index not in use.glyphs:
        use.glyphs[index] = _path_data(use.raw.pathForGlyph(index))
    return use.glyphs[index]


def _path_data(path: QPainterPath) -> str:
    kinds = QPainterPath.ElementType
    out: list[str] = []
    i = 0
    while i < path.elementCount():
        e = path.elementAt(i)
        if e.type == kinds.MoveToElement:
            out.append(("Z" if out else "") + f"M{_num(e.x).decode()} {_num(e.y).decode()}")
        elif e.type == kinds.LineToElement:
            out.append(f"L{_num(e.x).decode()} {_num(e.y).decode()}")
        elif e.type == kinds.CurveToElement:
            points = [path.elementAt(i + k) for k in range(3)]
            out.append("C" + " ".join(f"{_num(p.x).decode()} {_num(p.y).decode()}" for p in points))
            i += 2
        i += 1
    return "".join(out) + ("Z" if out else "")


def _glyph_defs(fonts) -> bytes:
    return b"".join(b'<path id="%s-%d" d="%s"/>\n' % (use.key.encode(), index, data.encode())
                    for use in fonts for index, data in sorted(use.glyphs.items()) if data)


def _style(fonts) -> bytes:
    """``@font-face`` rules embedding the subset of each bundled font the texts use."""
    rules = []
    for use in fonts:
        if use.file is None:
            continue
        weight = 700 if use.raw.weight() >= 600 else 400
        data = base64.b64encode(_subset(use.file, frozenset(use.glyphs), frozenset(use.characters)))
        rules.append(b"@font-face { font-family: '%s'; font-weight: %d; font-style: normal; "
                     b"src: url(data:font/woff;base64,%s) format('woff'); }\n"
                     % (use.raw.familyName().encode(), weight, data))
    if not rules:
        return b""
    return b'<style type="text/css"><![CDATA[\n' + b"".join(rules) + b"]]></style>\n"


@lru_cache(maxsize=16)
def _subset(file: str, glyphs: frozenset[int], characters: frozenset[str]) -> bytes:
    """A WOFF of the bundled font ``file`` with only ``glyphs`` and ``characters``; the same bytes every time."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False  # browsers hint themselves; the hints are most of a small subset
    options.recalc_timestamp = False  # the font's own date, not today's: same input, same bytes
    data = (PACKAGE_DIR / "fonts" / file).read_bytes()
    font = subset.load_font(io.BytesIO(data), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(glyphs), unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def _num(value: float, digits: int = 2) -> bytes:
    """A short decimal: ``12.5``, ``3``, never ``-0``."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").encode("ascii")
