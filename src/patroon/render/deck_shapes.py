"""A pattern's parts as native PowerPoint shapes (python-pptx): boxes, arrows, texts, breakthroughs.

Each function draws one part of a :class:`~patroon.layout.PatternLayout` on
a slide's shape tree, where the layout says (points from the slide's top-left
after ``origin``), in the colours the painter uses: a step is a rounded
rectangle holding its text, an arrow a freeform line along the circle with
an arrowhead at its tip. Texts keep the layout's line breaks and its size, in
the bundled font's family, so they wrap as on every other sheet; the slack
around them is the box's padding.

Every shape gets no theme style: its fill, line and text colours are set
here, so PowerPoint's theme adds no shadow, bevel or accent colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu

from patroon.i18n import pick
from patroon.render.painter import BOLT, arrow_stroke, corner_radius, line_unit, step_style

if TYPE_CHECKING:
    from pptx.shapes.shapetree import SlideShapes

    from patroon.layout import ArrowLayout, BreakthroughLayout, Rect, StepLayout, TextBlock
    from patroon.render.palette import Palette

Point = tuple[float, float]
#: English Metric Units in a point: PowerPoint's unit of length.
EMU_PER_PT = 12700
#: The language of the pattern's texts, so PowerPoint spell-checks them in Dutch.
TEXT_LANGUAGE = "nl-NL"


def emu(points: float) -> Emu:
    """A length in points as PowerPoint's EMU."""
    return Emu(int(round(points * EMU_PER_PT)))


def rgb(colour: str) -> RGBColor:
    """``#rrggbb`` as python-pptx's colour."""
    return RGBColor.from_string(colour.lstrip("#"))


def _unstyled(shape) -> None:
    """Drop the theme's style from a new shape: its colours are ours alone."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def _line(shape, colour: str | None, width: float) -> None:
    if colour is None:
        shape.line.fill.background()
        return
    shape.line.color.rgb = rgb(colour)
    shape.line.width = emu(width)


def _fill(shape, colour: str | None) -> None:
    if colour is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(colour)


class Placer:
    """Draws layout parts on one slide's shapes, shifted by ``origin`` (where the layout's area starts)."""

    def __init__(self, shapes: SlideShapes, origin: Point, family: str) -> None:
        self.shapes = shapes
        self.dx, self.dy = origin
        self.family = family

    def at(self, point: Point) -> tuple[Emu, Emu]:
        return emu(point[0] + self.dx), emu(point[1] + self.dy)

    # Texts -----------------------------------------------------------------

    def write(self, frame, lines: Sequence[str], size: float, bold: bool, colour: str,
              align=PP_ALIGN.CENTER) -> None:
        """Put ``lines`` in a text frame as one paragraph with line breaks, at ``size`` pt."""
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        paragraph = frame.paragraphs[0]
        paragraph.alignment = align
        for k, line in enumerate(lines):
            if k:
                paragraph.add_line_break()
            run = paragraph.add_run()
            run.text = line
            self.font(run.font, size, bold, colour)

    def font(self, font, size: float, bold: bool, colour: str) -> None:
        font.name = self.family
        font.size = emu(size)
        font.bold = bold
        font.color.rgb = rgb(colour)
        font._element.set("lang", TEXT_LANGUAGE)

    def insets(self, frame, outer: Rect, inner: Rect, slack: float) -> None:
        """Margins that put the text where the layout has it inside ``outer``, ``slack`` points wider each side."""
        frame.margin_left = emu(max(0.0, inner.x - outer.x - slack))
        frame.margin_right = emu(max(0.0, outer.right - inner.right - slack))
        frame.margin_top = emu(max(0.0, inner.y - outer.y))
        frame.margin_bottom = emu(max(0.0, outer.bottom - inner.bottom))
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE

    def text_box(self, name: str, block: TextBlock, colour: str, slack: float = 0.0):
        """A text box holding ``block`` where the layout has it (``slack`` points wider each side)."""
        rect = block.rect
        box = self.shapes.add_textbox(*self.at((rect.x - slack, rect.y)), emu(rect.w + 2 * slack), emu(rect.h))
        box.name = name
        frame = box.text_frame
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Emu(0)
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        self.write(frame, block.lines, block.size, block.bold, colour)
        return box

    # The pattern's parts -----------------------------------------------------

    def rounded_box(self, name: str, box: Rect, radius: float, fill: str, border: str, width: float):
        shape = self.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *self.at((box.x, box.y)), emu(box.w), emu(box.h))
        _unstyled(shape)
        shape.name = name
        shape.adjustments[0] = radius / min(box.w, box.h) if min(box.w, box.h) > 0 else 0.0
        _fill(shape, fill)
        _line(shape, border, width)
        return shape

    def step(self, name: str, step: StepLayout, palette: Palette, state: str = "normal"):
        """A step's rounded box with its text in it."""
        fill, border, text, width = step_style(step.text.size, palette, state)
        shape = self.rounded_box(name, step.box, corner_radius(step.box, step.text.size), fill, border, width)
        frame = shape.text_frame
        # Half the padding is slack: a font a little wider than the layout's still breaks where it did.
        self.insets(frame, step.box, step.text.rect, slack=0.5 * (step.text.rect.x - step.box.x))
        self.write(frame, step.text.lines, step.text.size, step.text.bold, text)
        return shape

    def polyline(self, name: str, points: Sequence[Point], closed: bool = False):
        """A freeform through ``points`` (in layout points)."""
        start = self.at(points[0])
        builder = self.shapes.build_freeform(start[0], start[1], scale=1.0)
        builder.add_line_segments([self.at(p) for p in points[1:]], close=closed)
        shape = builder.convert_to_shape()
        _unstyled(shape)
        shape.name = name
        return shape

    def arrow(self, name: str, arrow: ArrowLayout, colour: str, scale: float = 1.0):
        """An arrow: a line along the layout's path, its arrowhead at the tip as PowerPoint draws one."""
        shape = self.polyline(name, arrow.path)
        _fill(shape, None)
        _line(shape, colour, arrow_stroke(arrow) * scale)
        line = shape.line._get_or_add_ln()
        line.set("cap", "rnd")
        line.append(line.makeelement(qn("a:round"), {}))
        # PowerPoint sizes a head by the line's width; "lg" comes nearest the layout's head.
        line.append(line.makeelement(qn("a:tailEnd"), {"type": "triangle", "w": "lg", "len": "lg"}))
        return shape

    def breakthrough(self, name: str, b: BreakthroughLayout, palette: Palette):
        """A breakthrough as one group: its note card with the text, the leader and the lightning marker."""
        group = self.shapes.add_group_shape()
        group.name = name
        inner = Placer(group.shapes, (self.dx, self.dy), self.family)
        unit = line_unit(b.note.size)
        leader = group.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *self.at(b.leader[0]), *self.at(b.leader[1]))
        _unstyled(leader)
        leader.name = f"{name} {pick('lijn', 'line')}"
        _line(leader, palette.marker_stroke, 1.0 * unit)
        leader.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        radius = min(0.5 * b.note.size, 0.2 * min(b.note_box.w, b.note_box.h))
        card = inner.rounded_box(f"{name} {pick('tekst', 'text')}", b.note_box, radius,
                                 palette.note_fill, palette.note_border, 1.1 * unit)
        inner.insets(card.text_frame, b.note_box, b.note.rect, slack=0.5 * (b.note.rect.x - b.note_box.x))
        inner.write(card.text_frame, b.note.lines, b.note.size, b.note.bold, palette.note_text)
        (mx, my), m = b.marker, b.marker_radius
        ring = group.shapes.add_shape(MSO_SHAPE.OVAL, *self.at((mx - m, my - m)), emu(2 * m), emu(2 * m))
        _unstyled(ring)
        ring.name = f"{name} {pick('teken', 'marker')}"
        _fill(ring, palette.marker_fill)
        _line(ring, palette.marker_stroke, max(1.2, 0.16 * m))
        bolt = inner.polyline(f"{name} {pick('bliksem', 'lightning')}",
                              [(mx + x * m, my + y * m) for x, y in BOLT], closed=True)
        _fill(bolt, palette.marker_stroke)
        _line(bolt, None, 0.0)
        return group
