"""Printed sheets: one page painted in point units, for PDF, SVG, PNG and the printer.

The sheets' geometry (the diagram, the table sheet with its column of
questions, the worksheet) is worked out without Qt by
:mod:`patroon.layout.sheet`; this module measures text with the bundled font,
remembers the last few sheets and paints them. :func:`paint_sheet` returns
the page's geometry as the ``--format json`` export writes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from patroon.i18n import language, pick
from patroon.layout import sheet as _geometry
from patroon.layout.sheet import (
    MIN_TEXT,
    SHEETS,
    SLIDE,
    SheetLayout,
    is_slide,
    page_size,
    paper_name,
    sheet_fits,
    wrap_text,
)

# Where the exporters, the slide decks and the printer have always found them.
__all__ = ["MIN_TEXT", "SHEETS", "SLIDE", "SheetLayout", "is_slide", "layout_sheet", "page_size", "paint_sheet",
           "paint_sheet_layout", "paint_sheet_pages", "paper_name", "points_to_px", "sheet_fits", "sheet_title",
           "wrap_text"]

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

    from patroon.layout import TextMeasure
    from patroon.model import Pattern

# Greys that print the same on a colour or a black-and-white printer.
INK = "#1f2328"
SECONDARY = "#57606a"
RULE = "#a8b0b8"


def _measure() -> TextMeasure:
    from patroon.render.measure import QtTextMeasure

    global _MEASURE
    if _MEASURE is None:
        _MEASURE = QtTextMeasure()
    return _MEASURE


_MEASURE: Any = None


def layout_sheet(
    pattern: Pattern | None, sheet: str, page_w: float, page_h: float, *, steps: int = 6,
    measure: TextMeasure | None = None,
) -> SheetLayout:
    """Lay out one sheet on a page of ``page_w`` x ``page_h`` points (no painting).

    The last few sheets are remembered: exporting one pattern as PDF and as
    JSON, or printing after a preview, lays it out once.
    """
    _geometry.check_sheet(pattern, sheet)
    if measure is not None:
        return _geometry.layout_sheet(pattern, sheet, page_w, page_h, steps, measure)
    # The pattern's full content (quick: pydantic writes it without YAML).
    # The language too: the column's headings are in it.
    key = (pattern.model_dump_json() if pattern is not None else "", sheet, page_w, page_h,
           steps if sheet == "worksheet" else 0, language())
    cached = _RECENT.get(key)
    if cached is None:
        cached = _RECENT[key] = _geometry.layout_sheet(pattern, sheet, page_w, page_h, steps, _measure())
        while len(_RECENT) > 16:
            del _RECENT[next(iter(_RECENT))]
    return cached


_RECENT: dict[tuple[Any, ...], SheetLayout] = {}


def paint_sheet(
    painter: QPainter, pattern: Pattern | None, sheet: str, page_w_pt: float, page_h_pt: float, *, steps: int = 6
) -> dict[str, Any]:
    """Paint one page (``"diagram"``, ``"table"`` or ``"worksheet"``) on a painter whose units are points.

    Returns the page's geometry, the ``--format json`` export: the page size,
    every step's box in cycle order and the title's area, in points from the
    page's top-left. A table sheet too full for one page paints its first
    page here (the circle); :func:`paint_sheet_pages` paints them all.
    """
    layout = layout_sheet(pattern, sheet, page_w_pt, page_h_pt, steps=steps)
    paint_sheet_layout(painter, layout)
    return layout.geometry()


def paint_sheet_pages(
    painter: QPainter, pattern: Pattern | None, sheet: str, page_w_pt: float, page_h_pt: float,
    new_page: Callable[[], Any], *, steps: int = 6,
) -> int:
    """Paint every page of a sheet, calling ``new_page()`` (e.g. ``printer.newPage``) between them.

    Returns the number of pages (2 for a table sheet whose questions did not
    fit beside a very full pattern, else 1).
    """
    pages = layout_sheet(pattern, sheet, page_w_pt, page_h_pt, steps=steps).pages()
    for number, page in enumerate(pages):
        if number:
            new_page()
        paint_sheet_layout(painter, page)
    return len(pages)


def paint_sheet_layout(painter: QPainter, layout: SheetLayout) -> None:
    """Paint a laid-out sheet; changes no geometry."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QPen

    from patroon.render.fonts import ensure_fonts_for, make_font
    from patroon.render.painter import paint_layout
    from patroon.render.palette import DEFAULT

    if layout.pattern is not None:
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        painter.setRenderHint(painter.RenderHint.TextAntialiasing, True)
        painter.translate(layout.area[0], layout.area[1])
        paint_layout(painter, layout.pattern, DEFAULT)
        painter.restore()

    column = layout.column
    if column is None:
        return
    painter.save()
    pen = QPen(QColor(RULE), 0.6)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    for rule in column.rules:
        painter.drawLine(QPointF(rule.x1, rule.y), QPointF(rule.x2, rule.y))
    colours = {"context": SECONDARY, "label": SECONDARY, "footer": SECONDARY}
    ensure_fonts_for("".join(line.text for line in column.lines))
    for line in column.lines:
        painter.setFont(make_font(line.size, line.bold, painter.device()))
        painter.setPen(QColor(colours.get(line.role, INK)))
        painter.drawText(QPointF(line.x, line.baseline), line.text)
    painter.restore()


def sheet_title(patterns: Sequence[Pattern], sheet: str) -> str:
    """The document title a sheet file carries (PDF/SVG metadata)."""
    if sheet == "worksheet" and not patterns:
        return pick("Werkblad", "Worksheet")
    names = ", ".join(p.title for p in patterns[:3]) + (" …" if len(patterns) > 3 else "")
    if sheet == "table":
        return pick(f"Tafelblad: {names}", f"Table sheet: {names}")
    if sheet == "worksheet":
        return pick(f"Werkblad: {names}", f"Worksheet: {names}")
    return names


def points_to_px(width_pt: float, height_pt: float, width_px: int) -> tuple[int, int, float]:
    """The pixel size of an image ``width_px`` wide with the page's aspect, and the points-to-pixels scale."""
    scale = width_px / width_pt
    return width_px, max(1, round(height_pt * scale)), scale
