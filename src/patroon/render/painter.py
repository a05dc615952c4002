"""Paints a :class:`patroon.layout.PatternLayout` on any QPainter whose units are points.

One renderer for the screen, QPdfWriter, QSvgGenerator, QImage and QPrinter:
the caller scales the painter so that one unit is one point (and may translate
it); these functions only draw what the layout says, they never move anything.
The canvas editor paints one step or one arrow at a time with
:func:`paint_step` and :func:`paint_arrow`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from patroon.layout import ArrowLayout, BreakthroughLayout, PatternLayout, Rect, StepLayout, TextBlock
from patroon.render.fonts import ensure_fonts_for, make_font
from patroon.render.palette import DEFAULT, Palette

#: The lightning bolt of a breakthrough's marker, in units of the marker's radius around its centre.
BOLT = ((0.18, -0.72), (-0.38, 0.1), (-0.02, 0.1), (-0.2, 0.74), (0.4, -0.12), (0.04, -0.12), (0.22, -0.72))


def _rectf(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


def corner_radius(box: Rect, size: float) -> float:
    """The rounding of a step box's corners (also for hit-testing the shape on the canvas)."""
    return min(0.7 * size, 0.2 * min(box.w, box.h))


def step_path(step: StepLayout) -> QPainterPath:
    """The drawn outline of a step's box."""
    path = QPainterPath()
    r = corner_radius(step.box, step.text.size)
    path.addRoundedRect(_rectf(step.box), r, r)
    return path


def draw_text_block(painter: QPainter, block: TextBlock, color) -> None:
    """Draw the block's lines, each centred horizontally in ``block.rect``, top line at its top."""
    if not block.lines:
        return
    ensure_fonts_for("".join(block.lines))
    font = make_font(block.size, block.bold, painter.device())
    fm = QFontMetricsF(font, painter.device())
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(QColor(color)))
    line_height = fm.lineSpacing()
    ascent = fm.ascent()
    rect = block.rect
    for k, line in enumerate(block.lines):
        w = fm.horizontalAdvance(line)
        x = rect.x + (rect.w - w) / 2.0
        painter.drawText(QPointF(x, rect.y + k * line_height + ascent), line)
    painter.restore()


def step_style(size: float, palette: Palette = DEFAULT, state: str = "normal") -> tuple[str, str, str, float]:
    """A step box's fill, border and text colours and its border's width in ``state``, for text of ``size`` pt."""
    fill, border, text = palette.box_fill, palette.box_border, palette.text
    width = palette.box_border_width * line_unit(size)
    if state == "highlight":
        fill, border = palette.highlight_fill, palette.highlight_border
        width = palette.highlight_border_width * line_unit(size)
    elif state == "dimmed":
        fill, border, text = palette.dimmed_fill, palette.dimmed_border, palette.dimmed_text
    elif state == "selected":
        border = palette.selected_border
        width = palette.highlight_border_width * line_unit(size)
    return fill, border, text, width


def paint_step(painter: QPainter, step: StepLayout, palette: Palette = DEFAULT, state: str = "normal") -> None:
    """A step: its rounded box and its text. ``state``: normal, highlight, dimmed or selected."""
    fill, border, text, width = step_style(step.text.size, palette, state)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(QBrush(QColor(fill)))
    # The border is drawn inside the box, so the box is exactly what the layout says.
    inset = width / 2.0
    r = corner_radius(step.box, step.text.size)
    painter.setPen(QPen(QColor(border), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawRoundedRect(_rectf(step.box.inflated(-inset)), max(0.0, r - inset), max(0.0, r - inset))
    painter.restore()
    draw_text_block(painter, step.text, text)


def line_unit(size: float) -> float:
    """Line widths grow gently with the text size (1 at 14 pt)."""
    return max(0.75, min(1.6, size / 14.0))


def arrow_stroke(arrow: ArrowLayout) -> float:
    """The width of an arrow's line, in proportion to its head."""
    tip, left, right = arrow.head
    base = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
    return max(1.2, 0.16 * math.dist(tip, base))


def paint_arrow(painter: QPainter, arrow: ArrowLayout, palette: Palette = DEFAULT, state: str = "normal") -> None:
    """An arrow: its curved line along the circle and a filled head at the tip."""
    color = QColor(palette.dimmed_border if state == "dimmed" else palette.arrow)
    if state in ("highlight", "selected"):
        color = QColor(palette.selected_border if state == "selected" else palette.highlight_border)
    stroke = arrow_stroke(arrow) * palette.arrow_scale
    tip, left, right = arrow.head
    head_len = math.dist(tip, ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2))
    # Stop the line inside the head, so its end never shows beside the sharp tip.
    points = _trim_end(arrow.path, 0.6 * head_len)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if len(points) >= 2:
        path = QPainterPath(QPointF(*points[0]))
        for p in points[1:]:
            path.lineTo(QPointF(*p))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(path)
    painter.setPen(QPen(color, 0.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.MiterJoin))
    painter.setBrush(QBrush(color))
    painter.drawPolygon(QPolygonF([QPointF(*tip), QPointF(*left), QPointF(*right)]))
    painter.restore()


def _trim_end(path, cut: float) -> list[tuple[float, float]]:
    pts = list(path)
    while len(pts) >= 2 and cut > 0:
        seg = math.dist(pts[-2], pts[-1])
        if seg > cut:
            f = (seg - cut) / seg
            pts[-1] = (pts[-2][0] + f * (pts[-1][0] - pts[-2][0]), pts[-2][1] + f * (pts[-1][1] - pts[-2][1]))
            return pts
        cut -= seg
        pts.pop()
    return pts


def paint_title(painter: QPainter, layout: PatternLayout, palette: Palette = DEFAULT) -> None:
    """The context line (smaller) and the title (bold) in the middle of the circle."""
    if layout.context is not None:
        draw_text_block(painter, layout.context, palette.context)
    draw_text_block(painter, layout.title, palette.title)


def paint_breakthrough(painter: QPainter, b: BreakthroughLayout, palette: Palette = DEFAULT, label: str = "") -> None:
    """A breakthrough: a lightning marker on its arrow, a dashed leader and the note outside the circle.

    The note is a white card with a dashed border, apart from the tinted,
    solid steps also on a black-and-white copy. With ``label`` the note's
    first line (the label, as the sheet's layout put it there) is set in the
    accent colour, bold and a little smaller.
    """
    unit = line_unit(b.note.size)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    accent = QColor(palette.marker_stroke)
    leader = QPen(accent, 1.2 * unit, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap)
    painter.setPen(leader)
    painter.drawLine(QPointF(*b.leader[0]), QPointF(*b.leader[1]))
    r = min(0.5 * b.note.size, 0.2 * min(b.note_box.w, b.note_box.h))
    border = QPen(QColor(palette.note_border), 1.6 * unit, Qt.PenStyle.CustomDashLine, Qt.PenCapStyle.FlatCap)
    border.setDashPattern([4.0, 2.5])
    painter.setPen(border)
    painter.setBrush(QBrush(QColor(palette.note_fill)))
    painter.drawRoundedRect(_rectf(b.note_box.inflated(-0.8 * unit)), r, r)
    paint_marker(painter, b.marker, b.marker_radius, palette)
    painter.restore()
    lines = b.note.lines
    if label and lines and lines[0] == label:
        line_h = QFontMetricsF(make_font(b.note.size, False, painter.device()), painter.device()).lineSpacing()
        head = TextBlock((label,), b.note.size, True,
                         Rect(b.note.rect.x, b.note.rect.y, b.note.rect.w, line_h))
        draw_text_block(painter, head, palette.note_border)
        rest = Rect(b.note.rect.x, b.note.rect.y + line_h, b.note.rect.w, b.note.rect.h - line_h)
        draw_text_block(painter, TextBlock(lines[1:], b.note.size, b.note.bold, rest), palette.note_text)
        return
    draw_text_block(painter, b.note, palette.note_text)


def paint_marker(painter: QPainter, centre: tuple[float, float], m: float, palette: Palette = DEFAULT,
                 filled: bool = True) -> None:
    """The lightning marker of a breakthrough: a ring with a bolt (``filled=False``: the bolt's outline only,
    a worksheet's invitation to circle it)."""
    mx, my = centre
    accent = QColor(palette.marker_stroke)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(accent, max(1.2, 0.14 * m)))
    painter.setBrush(QBrush(QColor(palette.marker_fill)))
    painter.drawEllipse(QPointF(mx, my), m, m)
    bolt = QPolygonF([QPointF(mx + 1.12 * x * m, my + 1.12 * y * m) for x, y in BOLT])
    if filled:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(accent))
    else:
        painter.setPen(QPen(accent, max(0.8, 0.08 * m), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolygon(bolt)
    painter.restore()


def paint_step_numbers(painter: QPainter, numbers, palette: Palette = DEFAULT) -> None:
    """The steps' numbers: white discs with a thin border on the boxes' outer corners."""
    if not numbers:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    ensure_fonts_for("0123456789")
    for n in numbers:
        x, y = n.centre
        painter.setPen(QPen(QColor(palette.box_border), max(1.0, 0.09 * n.size)))
        painter.setBrush(QBrush(QColor(palette.background)))
        painter.drawEllipse(QPointF(x, y), n.radius, n.radius)
        font = make_font(n.size, True, painter.device())
        fm = QFontMetricsF(font, painter.device())
        text = str(n.number)
        painter.setFont(font)
        painter.setPen(QColor(palette.box_border))
        painter.drawText(QPointF(x - fm.horizontalAdvance(text) / 2, y + (fm.ascent() - fm.descent()) / 2), text)
    painter.restore()


def paint_layout(
    painter: QPainter,
    layout: PatternLayout,
    palette: Palette = DEFAULT,
    *,
    revealed: int | None = None,
    highlight: str | None = None,
    show_breakthroughs: bool = True,
    label: str = "",
) -> None:
    """Paint the whole pattern: arrows, steps, breakthroughs and the title.

    ``revealed=k`` paints only the first ``k`` steps and the arrows between
    them (with ``k`` equal to the number of steps the circle closes);
    ``highlight`` emphasises one step and softens the others.
    """
    n = len(layout.steps)
    k = n if revealed is None else max(0, min(revealed, n))
    shown_arrows = [a for i, a in enumerate(layout.arrows) if (i + 1 < k) or (k == n)]
    shown_ids = {s.id for s in layout.steps[:k]}

    def arrow_state(a: ArrowLayout) -> str:
        if highlight is None or highlight in (a.source, a.target):
            return "normal"
        return "dimmed"

    for a in shown_arrows:
        paint_arrow(painter, a, palette, arrow_state(a))
    if show_breakthroughs:
        shown_sources = {a.source for a in shown_arrows}
        for b in layout.breakthroughs:
            if b.after in shown_sources:
                paint_breakthrough(painter, b, palette, label)
    for s in layout.steps:
        if s.id not in shown_ids:
            continue
        state = "normal" if highlight is None else ("highlight" if s.id == highlight else "dimmed")
        paint_step(painter, s, palette, state)
    paint_title(painter, layout, palette)
