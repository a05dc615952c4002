"""Patterns as a PowerPoint deck of native, editable shapes on 16:9 slides (python-pptx).

A facilitator builds a session in PowerPoint: the deck puts the pattern there
as shapes they can edit, laid out by the same layout as every other sheet
(the diagram on ``slide`` paper, so the deck's boxes are where
``patroon export --format json --paper slide`` says). Per pattern, in the
order given, one section holding

- the pattern: every step, arrow, breakthrough and the title; or, with
  ``reveal``, the presenter's order: the title alone, one slide per step
  added (the newest highlighted, the others softened), the closed circle,
  the breakthroughs (when there are any);
- the discussion questions (when it has any).

A step's facilitator note goes into the speaker notes of the slide where the
step appears (all notes on the whole pattern's slide; a reveal slide has the
note of its new step, the title slide the pattern's description). Slides of
a reveal carry the same shape names (``!!`` names, which PowerPoint's Morph
transition pairs up) and a Morph transition, falling back to a fade where
Morph is unknown.

The deck's bytes depend only on the patterns: no dates, fixed ids.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from patroon.i18n import pick
from patroon.render.sheets import MIN_TEXT, SECONDARY, SLIDE, layout_sheet, sheet_title, wrap_text

if TYPE_CHECKING:
    from patroon.layout import TextMeasure
    from patroon.model import Pattern
    from patroon.render.deck_shapes import Placer
    from patroon.render.palette import Palette
    from patroon.render.sheets import SheetLayout


@dataclass(frozen=True)
class DeckSlide:
    """One slide of a deck: the pattern (its index) and what of it shows.

    A ``"circle"`` slide shows the first ``shown`` steps and the arrows
    between them, all arrows when ``closed``, the breakthroughs when
    ``breakthroughs``, with step ``highlight`` emphasised and the rest
    softened; a ``"questions"`` slide the discussion questions.
    """

    pattern: int
    kind: str
    shown: int = 0
    closed: bool = False
    breakthroughs: bool = False
    highlight: str | None = None


def deck_slides(patterns: Sequence[Pattern], *, reveal: bool = False) -> list[DeckSlide]:
    """The slides of a deck of ``patterns``, in order (see the module's description).

    >>> from patroon.model import blank_pattern
    >>> [(s.kind, s.shown, s.closed) for s in deck_slides([blank_pattern(2)], reveal=True)]
    [('circle', 0, False), ('circle', 1, False), ('circle', 2, False), ('circle', 2, True), ('questions', 0, False)]
    """
    slides: list[DeckSlide] = []
    for index, pattern in enumerate(patterns):
        n = len(pattern.steps)
        if reveal:
            slides.append(DeckSlide(index, "circle"))
            slides += [DeckSlide(index, "circle", k, highlight=pattern.steps[k - 1].id) for k in range(1, n + 1)]
            slides.append(DeckSlide(index, "circle", n, closed=True))
            if any(b.text.strip() for b in pattern.breakthroughs):
                slides.append(DeckSlide(index, "circle", n, closed=True, breakthroughs=True))
        else:
            slides.append(DeckSlide(index, "circle", n, closed=True, breakthroughs=True))
        if pattern.questions:
            slides.append(DeckSlide(index, "questions"))
    return slides


def speaker_notes(pattern: Pattern, slide: DeckSlide, *, reveal: bool) -> str:
    """The speaker notes of ``slide``: the facilitator's notes of the steps that appear on it."""
    if slide.kind != "circle":
        return ""
    if slide.highlight is not None:
        return pattern.step(slide.highlight).note
    if reveal:
        return pattern.description if slide.shown == 0 else ""
    return "\n\n".join(f"{number}. {step.text}\n{step.note}"
                       for number, step in enumerate(pattern.steps, start=1) if step.note.strip())


def shape_name(kind: str, key: str = "") -> str:
    """A shape's name, the same on every slide of a reveal (``!!`` makes PowerPoint's Morph pair them)."""
    words = {"step": ("stap", "step"), "arrow": ("pijl", "arrow"), "title": ("titel", "title"),
             "context": ("context", "context"), "breakthrough": ("doorbraak", "breakthrough"),
             "questions": ("vragen", "questions"), "heading": ("kop", "heading")}
    name = "!!" + pick(*words[kind])
    return f"{name} {key}" if key else name


# Writing the deck --------------------------------------------------------------


def render_deck(patterns: Sequence[Pattern], page_w: float, page_h: float, *, reveal: bool = False) -> bytes:
    """The deck of ``patterns`` on slides of ``page_w`` x ``page_h`` points, as the bytes of a .pptx file.

    Needs a QGuiApplication (the layout measures text with the bundled font).
    """
    from pptx import Presentation

    from patroon.render.deck_shapes import emu
    from patroon.render.fonts import ensure_fonts
    from patroon.render.palette import DEFAULT
    from patroon.render.measure import QtTextMeasure

    family = ensure_fonts(symbols=False)
    deck = Presentation()
    deck.slide_width, deck.slide_height = emu(page_w), emu(page_h)
    # No preset name: the size is the slide's own, not 4:3 "screen".
    deck._element.find(_qn("p:sldSz")).attrib.pop("type", None)
    blank = deck.slide_layouts[6]
    plan = deck_slides(patterns, reveal=reveal)
    sections: list[tuple[str, list[int]]] = []
    for index, pattern in enumerate(patterns):
        sheet = layout_sheet(pattern, "diagram", page_w, page_h)
        ids = []
        for planned in (s for s in plan if s.pattern == index):
            slide = deck.slides.add_slide(blank)
            if planned.kind == "questions":
                _questions_slide(slide.shapes, pattern, QtTextMeasure(), family, (page_w, page_h), DEFAULT)
            else:
                _circle_slide(slide.shapes, sheet, planned, family, DEFAULT)
            notes = speaker_notes(pattern, planned, reveal=reveal)
            if notes:
                slide.notes_slide.notes_text_frame.text = notes
            if reveal:
                _morph(slide)
            ids.append(slide.slide_id)
        sections.append((pattern.title, ids))
    _sections(deck, sections, patterns)
    _properties(deck, patterns)
    _theme_and_thumbnail(deck, family, patterns[0] if patterns else None)
    buffer = io.BytesIO()
    deck.save(buffer)
    return _without_dates(buffer.getvalue())


def _qn(tag: str) -> str:
    from pptx.oxml.ns import qn

    return qn(tag)


def _circle_slide(shapes, sheet: SheetLayout, slide: DeckSlide, family: str, palette: Palette) -> None:
    """The pattern as far as ``slide`` shows it, in the painter's order: arrows, breakthroughs, steps, title."""
    from patroon.render.deck_shapes import Placer

    layout = sheet.pattern
    assert layout is not None
    place = Placer(shapes, (sheet.area[0], sheet.area[1]), family)
    shown = {s.id for s in layout.steps[: slide.shown]}

    def state(*ids: str) -> str:
        return "normal" if slide.highlight is None or slide.highlight in ids else "dimmed"

    for i, arrow in enumerate(layout.arrows):
        if slide.closed or i + 1 < slide.shown:
            colour = palette.arrow if state(arrow.source, arrow.target) == "normal" else palette.dimmed_border
            place.arrow(shape_name("arrow", arrow.source), arrow, colour, palette.arrow_scale)
    if slide.breakthroughs:
        for b in layout.breakthroughs:
            place.breakthrough(shape_name("breakthrough", b.after), b, palette)
    for step in layout.steps:
        if step.id in shown:
            place.step(shape_name("step", step.id), step, palette,
                       "highlight" if step.id == slide.highlight else state(step.id))
    _title(place, layout, palette)


def _title(place: Placer, layout, palette: Palette) -> None:
    if layout.context is not None and layout.context.lines:
        place.text_box(shape_name("context"), layout.context, palette.context, slack=0.3 * layout.context.size)
    if layout.title.lines:
        place.text_box(shape_name("title"), layout.title, palette.title, slack=0.3 * layout.title.size)


#: The questions slide: its margin (share of the slide's height), and its type sizes (points).
_QUESTIONS_MARGIN = 0.08
_HEADING_SIZE = 28.0
_LABEL_SIZE = 16.0
_QUESTION_SIZES = (28.0, MIN_TEXT)


def _questions_slide(shapes, pattern: Pattern, measure: TextMeasure, family: str, page: tuple[float, float],
                     palette: Palette) -> None:
    """The pattern's title, a label and its discussion questions, numbered when there are several."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

    from patroon.layout import Rect, TextBlock
    from patroon.render.deck_shapes import Placer, emu

    page_w, page_h = page
    margin = _QUESTIONS_MARGIN * page_h
    width = page_w - 2 * margin
    place = Placer(shapes, (0.0, 0.0), family)
    size = _HEADING_SIZE
    title_lines = wrap_text(pattern.title, measure, size, True, width)
    while len(title_lines) > 2 and size > _LABEL_SIZE:  # a long title: smaller, not cut
        size -= 2.0
        title_lines = wrap_text(pattern.title, measure, size, True, width)
    title_h = len(title_lines) * measure.line_height(size, True)
    heading = place.text_box(shape_name("title"), TextBlock(tuple(title_lines), size, True,
                                                            Rect(margin, margin, width, title_h)), palette.title)
    heading.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    label_y = margin + title_h + 0.4 * _LABEL_SIZE
    label_h = measure.line_height(_LABEL_SIZE, True)
    words = pick("Vragen voor het gesprek", "Questions for the conversation")
    label = place.text_box(shape_name("heading"),
                           TextBlock((words,), _LABEL_SIZE, True, Rect(margin, label_y, width, label_h)), SECONDARY)
    label.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    top = label_y + label_h + 0.8 * _LABEL_SIZE
    questions = [q.replace("\t", " ") for q in pattern.questions]
    size, indent = _questions_size(questions, measure, width, page_h - margin - top)
    box = shapes.add_textbox(emu(margin), emu(top), emu(width), emu(page_h - margin - top))
    box.name = shape_name("questions")
    frame = box.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for number, question in enumerate(questions):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        if number:
            paragraph.space_before = emu(0.8 * size)
        if len(questions) > 1:
            _numbered(paragraph, indent)
        run = paragraph.add_run()
        run.text = question
        place.font(run.font, size, False, palette.text)


def _questions_size(questions: Sequence[str], measure: TextMeasure, width: float, height: float) -> tuple[float, float]:
    """The largest whole size (and the numbers' indent) at which the questions fill at most ``height``.

    Measured a little narrower than the box, so that a font that wraps a
    little later than the measure still fits.
    """
    largest, smallest = _QUESTION_SIZES
    size = largest
    while True:
        indent = (measure.width(f"{len(questions)}.", size) + 0.6 * size) if len(questions) > 1 else 0.0
        lines = sum(len(wrap_text(q, measure, size, False, 0.95 * (width - indent))) for q in questions)
        needed = lines * measure.line_height(size) + (len(questions) - 1) * 0.8 * size
        if needed <= height or size <= smallest:
            return size, indent
        size -= 1.0


def _numbered(paragraph, indent: float) -> None:
    """Number the paragraph (1., 2., ...) with the text hanging ``indent`` points right of its number."""
    from patroon.render.deck_shapes import emu

    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(int(emu(indent))))
    properties.set("indent", str(-int(emu(indent))))
    properties.append(properties.makeelement(_qn("a:buAutoNum"), {"type": "arabicPeriod"}))


# The deck's package ------------------------------------------------------------

_MORPH = (
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    '<mc:Choice xmlns:p159="http://schemas.microsoft.com/office/powerpoint/2015/09/main" Requires="p159">'
    '<p:transition spd="slow"><p159:morph option="byObject"/></p:transition></mc:Choice>'
    '<mc:Fallback><p:transition spd="slow"><p:fade/></p:transition></mc:Fallback></mc:AlternateContent>'
)


def _morph(slide) -> None:
    """PowerPoint's Morph transition into ``slide`` (a fade where Morph is unknown)."""
    from pptx.oxml import parse_xml

    slide._element.find(_qn("p:clrMapOvr")).addnext(parse_xml(_MORPH))


_SECTIONS_URI = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def _sections(deck, sections: Sequence[tuple[str, Sequence[int]]], patterns: Sequence[Pattern]) -> None:
    """One section per pattern, named after its title (PowerPoint's sections; other programs ignore them)."""
    from pptx.oxml import parse_xml
    from xml.sax.saxutils import quoteattr

    parts = []
    for number, ((title, ids), pattern) in enumerate(zip(sections, patterns)):
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"patroon-section:{number}:{pattern.model_dump_json()}")
        slides = "".join(f'<p14:sldId id="{i}"/>' for i in ids)
        parts.append(f'<p14:section name={quoteattr(title)} id="{{{str(key).upper()}}}">'
                     f"<p14:sldIdLst>{slides}</p14:sldIdLst></p14:section>")
    xml = (f'<p:extLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
           f'<p:ext uri="{_SECTIONS_URI}"><p14:sectionLst xmlns:p14="{_P14}">{"".join(parts)}'
           f"</p14:sectionLst></p:ext></p:extLst>")
    deck._element.append(parse_xml(xml))


def _properties(deck, patterns: Sequence[Pattern]) -> None:
    """The document's title and author; no dates and no trace of the template's maker."""
    properties = deck.core_properties
    properties.title = sheet_title(list(patterns), "diagram")
    authors = {p.meta.author for p in patterns if p.meta.author}
    properties.author = authors.pop() if len(authors) == 1 else ""
    properties.last_modified_by = "Patroon"
    properties.comments = ""
    properties.revision = 1
    element = properties._element
    for tag in ("dcterms:created", "dcterms:modified"):
        found = element.find(_qn(tag))
        if found is not None:
            element.remove(found)


def _theme_and_thumbnail(deck, family: str, first: Pattern | None) -> None:
    """The theme's fonts made the bundled family (text a user adds matches), and the
    thumbnail a file browser shows made the first pattern, not the template's empty 4:3 page."""
    for part in deck.part.package.iter_parts():
        if str(part.partname).startswith("/ppt/theme/"):
            part._blob = part.blob.replace(b'typeface="Calibri"', f'typeface="{family}"'.encode("utf-8"))
        elif str(part.partname) == "/docProps/thumbnail.jpeg" and first is not None:
            part._blob = _thumbnail(first)


def _thumbnail(pattern: Pattern) -> bytes:
    """The pattern's slide as a small JPEG."""
    from PySide6.QtCore import QBuffer, QIODevice

    from patroon.render.export import page_for, render_image

    image = render_image(pattern, page_for("diagram", "png", SLIDE, width_px=256))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 85)
    buffer.close()
    return bytes(buffer.data())


def _without_dates(package: bytes) -> bytes:
    """The same package with every member dated 1980-01-01, so the same deck gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), source.read(info),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
