"""The geometry of a printed sheet, without Qt: where the pattern goes and the side column's text.

Three sheets serve a workshop:

- *diagram*: the pattern fitted to the page;
- *table* (tafelblad): the pattern large on the left, and in a column beside
  it the title, context, description and the discussion questions, each with
  ruled lines to write on, and a small footer with the source and date;
- *worksheet* (werkblad): an empty circle of N boxes for a table that draws
  its own pattern, a line for its title and the questions with writing lines.

The side column is composed first (:func:`compose_column`, given a text
measure) and painted afterwards by :mod:`patroon.render.sheets`, so painting
never changes geometry. A table sheet whose pattern is too full to leave room
beside it continues on a second page (see :class:`SheetLayout`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from patroon.i18n import pick
from patroon.layout.pattern import hopeless, layout_pattern, layout_unless_hopeless
from patroon.layout.marks import StepNumber, footer_line, footer_parts, step_numbers
from patroon.layout.types import CharacterMeasure, Rect
from patroon.layout.worksheet import WorksheetMarks, layout_marker_circle, worksheet_marks
from patroon.model import DEFAULT_QUESTIONS

if TYPE_CHECKING:
    from patroon.layout.types import PatternLayout, TextMeasure
    from patroon.model import Pattern

SHEETS = ("diagram", "table", "worksheet")

#: A rectangle on the page as (x, y, width, height), in points.
Box = tuple[float, float, float, float]

#: The 16:9 paper of a slide deck (338.67 x 190.5 mm, PowerPoint's "widescreen"), by its name.
SLIDE = "slide"
# Portrait width and height in points (ISO 216; a slide turned upright).
PAPER_SIZES_PT: dict[str, tuple[float, float]] = {"A3": (841.89, 1190.55), "A4": (595.28, 841.89), SLIDE: (540.0, 960.0)}
#: The step text on a slide: never smaller than this (read from the back of the room) ...
SLIDE_MIN_FONT = 14.0
#: ... and at most this large.
SLIDE_MAX_FONT = 20.0

MM = 72.0 / 25.4
#: Printers cannot print up to the edge; nothing we draw comes closer than this.
SAFE_EDGE = 5.0 * MM
#: The margin of the table sheet and the worksheet: well inside the safe edge.
SHEET_MARGIN = 12.0 * MM
#: Step text on an A3 table sheet: at most this large (calm, few hyphenations) ...
TABLE_MAX_FONT = 16.0
#: ... and when it would be smaller than this, the circle gets more of the page's width.
TABLE_GOOD_FONT = 14.0
#: The smallest type on any sheet.
MIN_TEXT = 9.0


def page_size(paper: str, orientation: str) -> tuple[float, float]:
    """Width and height in points of ``paper`` ("A3"/"A4") turned to ``orientation``.

    >>> page_size("A4", "landscape")
    (841.89, 595.28)
    >>> page_size("slide", "landscape")
    (960.0, 540.0)
    """
    try:
        short, long = PAPER_SIZES_PT[paper_name(paper)]
    except KeyError:
        raise ValueError(f"unknown paper {paper!r}; choose one of {', '.join(PAPER_SIZES_PT)}") from None
    if orientation == "landscape":
        return long, short
    if orientation == "portrait":
        return short, long
    raise ValueError(f"unknown orientation {orientation!r}; choose landscape or portrait")


def paper_name(paper: str) -> str:
    """The paper's name as :data:`PAPER_SIZES_PT` spells it ("a3" -> "A3", "Slide" -> "slide");
    an unknown name comes back as it was.

    >>> paper_name("a4"), paper_name("SLIDE")
    ('A4', 'slide')
    """
    for name in PAPER_SIZES_PT:
        if name.lower() == paper.lower():
            return name
    return paper


def is_slide(page_w: float, page_h: float) -> bool:
    """Whether a page of ``page_w`` x ``page_h`` points is a slide (either way up)."""
    short, long = PAPER_SIZES_PT[SLIDE]
    return {round(page_w, 2), round(page_h, 2)} == {short, long}


def diagram_margin(page_w: float, page_h: float) -> float:
    """The margin around a diagram: 10 mm on paper, never less than the safe edge."""
    return max(SAFE_EDGE + 1.0, min(10.0 * MM, 0.04 * min(page_w, page_h)))


# Text wrapping -------------------------------------------------------------


def wrap_text(text: str, measure: TextMeasure, size: float, bold: bool, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points, as the steps' boxes break it.

    Long Dutch compounds break at their hyphenation points (the line ends in
    "-"); line breaks in the text are kept, trailing empty lines dropped.
    """
    from patroon.textfit import wrap_text as wrap

    lines = wrap(text, width, lambda piece: measure.width(piece, size, bold))
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


# The side column ----------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of text: drawn left-aligned from ``x`` on ``baseline``; ``top``/``bottom`` bound its line box."""

    text: str
    x: float
    baseline: float
    top: float
    bottom: float
    size: float
    bold: bool
    role: str  # "context" | "title" | "body" | "label" | "question" | "footer"


@dataclass(frozen=True)
class Rule:
    """A ruled line to write on, from (x1, y) to (x2, y)."""

    x1: float
    x2: float
    y: float


@dataclass(frozen=True)
class Column:
    """The composed side column: its lines of text and the ruled lines, inside ``rect`` (x, y, w, h)."""

    rect: tuple[float, float, float, float]
    lines: tuple[Line, ...]
    rules: tuple[Rule, ...]
    scale: float
    complete: bool  # False when texts were cut: the smallest type could not hold them, or the footer took > 2 lines


@dataclass(frozen=True)
class _Block:
    """A run of text in the column before it is placed: its lines at one size."""

    role: str
    lines: tuple[str, ...]
    size: float
    bold: bool
    space_before: float
    write_lines: int = 0  # writing lines that follow the text
    marker: str = ""  # a question's number, hanging left of its text
    indent: float = 0.0  # where the text (and its writing lines) start, right of the marker
    field: float = 0.0  # a field to fill in: its first line starts this far right of its label


# Base type sizes (points) at scale 1; each shrinks towards its floor.
_SIZES = {"context": (13.0, MIN_TEXT), "title": (26.0, 14.0), "body": (12.0, MIN_TEXT),
          "label": (10.0, MIN_TEXT), "question": (13.0, MIN_TEXT), "footer": (MIN_TEXT, MIN_TEXT)}
_BOLD = {"context": False, "title": True, "body": False, "label": True, "question": True, "footer": False}
#: Below this scale every size is at its floor.
_MIN_SCALE = min(floor / base for base, floor in _SIZES.values())
#: Distance between writing lines: room for a marker's handwriting.
WRITE_GAP = 10.0 * MM
#: Writing lines a table sheet keeps under every question; else the questions go on a page of their own.
TABLE_MIN_LINES = 4
_ELLIPSIS = "…"


def _size(role: str, scale: float) -> float:
    # Whole sizes only: Qt sets type at whole pixel sizes, so a fractional size would
    # draw at a size other than the one measured (see patroon.render.fonts.make_font).
    base, floor = _SIZES[role]
    return float(max(floor, round(base * scale)))


def column_texts(pattern: Pattern | None, sheet: str, with_title: bool = False) -> list[tuple[str, str]]:
    """The texts of the side column as (role, text), top to bottom, without the footer.

    The title and its context stand in the middle of the circle, so the column
    of a table sheet starts at the description (``with_title``: a page of its
    own repeats them). A question of several starts with its number and a tab
    ("2.\tHoe ..."): the number hangs left of the text.
    """
    texts: list[tuple[str, str]] = []
    if sheet == "worksheet":
        texts.append(("title", pick("Werkblad: ons patroon", "Worksheet: our pattern")))
        texts.append(("body", pick(
            "Begin bij vak 1 en schrijf in elk vak één stap. Elke stap leidt tot de volgende, de laatste weer"
            " tot de eerste. Geef het patroon in het midden een titel. Zie je een doorbraak? Omcirkel de"
            " bliksem op die pijl.",
            "Start at box 1 and write one step in each box. Each step leads to the next, the last back to the"
            " first. Give the pattern a title in the middle. See a breakthrough? Circle the lightning on that"
            " arrow.",
        )))
        texts.append(("field", pick("Tafel", "Table")))
        texts.append(("field", pick("Namen", "Names")))
    else:
        assert pattern is not None
        if with_title and pattern.context:
            texts.append(("context", context_words(pattern.context)))
        if with_title:
            texts.append(("title", _untabbed(pattern.title)))
        if pattern.description:
            texts.append(("body", _untabbed(pattern.description)))
    questions = [_untabbed(q) for q in (pattern.questions if pattern is not None else DEFAULT_QUESTIONS)]
    if questions:
        texts.append(("label", pick("Vragen voor het gesprek", "Questions for the conversation")))
        for number, question in enumerate(questions, start=1):
            texts.append(("question", f"{number}.\t{question}" if len(questions) > 1 else question))
    return texts


def _untabbed(text: str) -> str:
    return text.replace("\t", " ")


def context_words(context: str) -> str:
    """The context line as a sheet sets it: a kicker above the title, without a trailing colon.

    >>> context_words("Woon-zorg opgave:")
    'Woon-zorg opgave'
    """
    return _untabbed(context).strip().rstrip(":").rstrip()


def compose_column(
    texts: Sequence[tuple[str, str]],
    footer: tuple[str, str],
    measure: TextMeasure,
    rect: tuple[float, float, float, float],
    max_scale: float = 1.0,
    min_lines: Sequence[int] = (3, 2, 1),
) -> Column:
    """Place the column's texts and writing lines inside ``rect``.

    Type starts at a calm size and shrinks (to 9 pt at the least) until all
    text and at least two writing lines per question fit; the height left
    over becomes more writing lines, shared evenly by the questions. If even
    the smallest type cannot hold everything, the longest texts are cut with
    an ellipsis so that nothing ever leaves the column.
    """
    x, y, w, h = rect
    footer_text = footer_line(*footer, measure, MIN_TEXT, w) if any(footer) else ""
    footer_lines = [footer_text] if footer_text else []
    footer_h = len(footer_lines) * measure.line_height(MIN_TEXT) + (0.6 * WRITE_GAP if footer_lines else 0.0)
    body_h = h - footer_h

    blocks: list[_Block] = []
    scale = 1.0
    for least in min_lines:
        scale = max_scale
        while True:
            blocks = _blocks(texts, measure, scale, w, least)
            if _height(blocks, measure) <= body_h or scale <= _MIN_SCALE:
                break
            scale = max(_MIN_SCALE, scale - 0.04)
        if _height(blocks, measure) <= body_h:
            break
    complete = _height(blocks, measure) <= body_h
    if not complete:
        blocks = _cut(blocks, measure, body_h)
    blocks = _share_writing_lines(blocks, measure, body_h)

    lines: list[Line] = []
    rules: list[Rule] = []
    cursor = y
    for block in blocks:
        cursor += block.space_before
        lh = measure.line_height(block.size, block.bold)
        ascent = measure.ascent(block.size, block.bold)
        if block.marker:
            lines.append(Line(block.marker, x, cursor + ascent, cursor, cursor + lh, block.size, block.bold, block.role))
        for text in block.lines:
            lines.append(Line(text, x + block.indent, cursor + ascent, cursor, cursor + lh,
                              block.size, block.bold, block.role))
            cursor += lh
        if block.field:
            # The label's own line is the field's first writing line.
            rules.append(Rule(x + block.field, x + w, cursor))
        for _ in range(block.write_lines):
            cursor += WRITE_GAP
            rules.append(Rule(x + block.indent, x + w, cursor))
    if footer_lines:
        lh = measure.line_height(MIN_TEXT)
        ascent = measure.ascent(MIN_TEXT)
        cursor = y + h - len(footer_lines) * lh
        for text in footer_lines:
            lines.append(Line(text, x, cursor + ascent, cursor, cursor + lh, MIN_TEXT, False, "footer"))
            cursor += lh
    return Column(rect, tuple(lines), tuple(rules), scale, complete)


def _blocks(texts: Sequence[tuple[str, str]], measure: TextMeasure, scale: float, width: float, min_lines: int) -> list[_Block]:
    blocks = []
    first = True
    for role, text in texts:
        if role == "field":
            size = _size("question", scale)
            space = 0.9 * WRITE_GAP
            # "Tafel" one line to write on; "Namen" two more.
            extra = 1 if text == pick("Namen", "Names") else 0
            blocks.append(_Block(role, (text,), size, True, space, extra, field=measure.width(text, size, True) + 0.5 * size))
            continue
        size, bold = _size(role, scale), _BOLD[role]
        space = 0.0 if first else {"title": 0.25, "body": 0.8, "label": 1.8, "question": 1.1}.get(role, 0.5) * size
        if role == "label":
            text = text.upper()
        marker, indent = "", 0.0
        if role == "question" and "\t" in text:
            marker, text = text.split("\t", 1)
            # One indent for every number, so the questions' texts align.
            widest = max((t.split("\t", 1)[0] for r, t in texts if r == "question" and "\t" in t),
                         key=lambda m: measure.width(m, size, bold))
            indent = measure.width(widest, size, bold) + 0.45 * size
        lines = tuple(wrap_text(text, measure, size, bold, width - indent))
        # The third question (the first step out of the pattern) is the one a table writes down: a line more.
        write = (min_lines + (1 if marker == "3." else 0)) if role == "question" else 0
        blocks.append(_Block(role, lines, size, bold, space, write, marker, indent))
        first = False
    return blocks


def _height(blocks: Iterable[_Block], measure: TextMeasure) -> float:
    total = 0.0
    for b in blocks:
        total += b.space_before + len(b.lines) * measure.line_height(b.size, b.bold) + b.write_lines * WRITE_GAP
    return total


def _share_writing_lines(blocks: list[_Block], measure: TextMeasure, body_h: float) -> list[_Block]:
    """Give the questions the height left over as extra writing lines.

    The third question (the first step out of the pattern, what a table writes
    down) gets a double share and whatever is left; the others share evenly.
    """
    questions = [i for i, b in enumerate(blocks) if b.role == "question"]
    if not questions:
        return blocks
    spare = max(0, int((body_h - _height(blocks, measure)) // WRITE_GAP))
    first_step = questions[2] if len(questions) >= 3 else None
    shares = len(questions) + (1 if first_step is not None else 0)
    each = spare // shares
    blocks = list(blocks)
    for i in questions:
        extra = each
        if i == first_step:
            extra = spare - each * (len(questions) - 1)
        blocks[i] = _replace(blocks[i], write_lines=blocks[i].write_lines + extra)
    return blocks


def _replace(block: _Block, **changes: Any) -> _Block:
    from dataclasses import replace

    return replace(block, **changes)


def _cut(blocks: list[_Block], measure: TextMeasure, body_h: float) -> list[_Block]:
    """Shorten the column until it fits, least important first; an ellipsis marks cut text.

    In turn: the description down to two lines; the writing lines, evenly,
    down to one per question; the questions down to two lines; every text
    down to one line; the last writing lines; at last whole questions from
    the end.
    """
    blocks = list(blocks)

    def too_tall() -> bool:
        return _height(blocks, measure) > body_h

    def shorten(roles: tuple[str, ...], keep: int) -> bool:
        texts = [i for i, b in enumerate(blocks) if b.role in roles and len(b.lines) > keep]
        if not texts:
            return False
        i = max(texts, key=lambda k: (len(blocks[k].lines), k))
        blocks[i] = _without_last_line(blocks[i], measure)
        return True

    def fewer_writing_lines(keep: int) -> bool:
        # All questions lose a line together: every question gets as much room to write.
        questions = [i for i, b in enumerate(blocks) if b.role == "question" and b.write_lines > keep]
        if not questions:
            return False
        for i in questions:
            blocks[i] = _replace(blocks[i], write_lines=blocks[i].write_lines - 1)
        return True

    steps = (
        lambda: shorten(("body",), 2),
        lambda: fewer_writing_lines(1),
        lambda: shorten(("question",), 2),
        lambda: shorten(("body", "question", "context", "title"), 1),
        lambda: fewer_writing_lines(0),
    )
    for step in steps:
        while too_tall() and step():
            pass
    while too_tall() and blocks:
        blocks.pop()
    return blocks


def _without_last_line(block: _Block, measure: TextMeasure) -> _Block:
    """The block one line shorter, its new last line ending in an ellipsis (no wider than it was)."""
    kept = block.lines[:-1]
    line = kept[-1]
    last = line.rstrip("-")
    while last and measure.width(last.rstrip() + _ELLIPSIS, block.size, block.bold) > measure.width(line, block.size, block.bold):
        last = last[:-1]
    return _replace(block, lines=kept[:-1] + (last.rstrip() + _ELLIPSIS,))




@dataclass(frozen=True)
class SheetLayout:
    """Everything a sheet draws, placed: the pattern's area and layout, and the side column.

    A table sheet whose pattern is too full to share its page with the
    questions continues on a second page (``continued``): the circle gets the
    whole first page, the column the second.
    """

    sheet: str
    page: tuple[float, float]
    area: tuple[float, float, float, float]  # where the circle is laid out (x, y, w, h)
    pattern: PatternLayout | None
    column: Column | None
    continued: "SheetLayout | None" = None
    numbers: tuple[StepNumber, ...] = ()  # the steps' numbers, in the pattern's area
    worksheet: WorksheetMarks | None = None  # a worksheet's title field, open markers and start
    label: str = ""  # the word over every breakthrough's note ("Doorbraak"); empty when they have none
    palette: str = "default"  # the colours the pattern asks for (its file's ``layout: palette:``)

    def pages(self) -> list["SheetLayout"]:
        """This page and the ones it continues on."""
        return [self] + (self.continued.pages() if self.continued is not None else [])

    def geometry(self) -> dict[str, Any]:
        """The sheet's geometry as ``--format json`` writes it (points, from the page's top-left).

        Every box is ``[x, y, width, height]``, every point ``[x, y]``: the
        steps' boxes in cycle order; each arrow as the polyline it is drawn
        along (from just outside its step's box to its tip) and its head;
        each breakthrough's note box, marker and leader line; the title's
        area and the box its text takes.
        """
        assert self.pattern is not None, "the first page of a sheet holds the pattern"
        layout = self.pattern
        ax, ay = self.area[0], self.area[1]

        def box(rect: Any) -> list[float]:
            return [_r(ax + rect.x), _r(ay + rect.y), _r(rect.w), _r(rect.h)]

        def points(pts: Iterable[tuple[float, float]]) -> list[list[float]]:
            return [[_r(ax + x), _r(ay + y)] for x, y in pts]

        title = {"box": box(layout.title_area)}
        texts = [block.rect for block in (layout.context, layout.title) if block is not None and block.lines]
        if texts:
            top, bottom = min(r.y for r in texts), max(r.bottom for r in texts)
            title["text"] = box(Rect(texts[0].x, top, texts[0].w, bottom - top))
        return {
            "page": {"width": _r(self.page[0]), "height": _r(self.page[1])},
            "pages": len(self.pages()),
            "sheet": self.sheet,
            "steps": [
                {"id": s.id, "box": box(s.box), "font_size": _r(s.text.size)}
                for s in layout.steps
            ],
            "title": title,
            "arrows": [
                {"from": a.source, "to": a.target, "points": points(a.path), "head": points(a.head)}
                for a in layout.arrows
            ],
            "breakthroughs": [
                {"after": b.after, "box": box(b.note_box), "marker": points([b.marker])[0],
                 "marker_radius": _r(b.marker_radius), "leader": points(b.leader)}
                for b in layout.breakthroughs
            ],
            "numbers": [
                {"step": n.step, "number": n.number, "centre": points([n.centre])[0], "radius": _r(n.radius),
                 "font_size": _r(n.size)}
                for n in self.numbers
            ],
            "columns": [page.column_geometry() for page in self.pages() if page.column is not None],
            **({"worksheet": {"title_field": box(self.worksheet.title_field), "bolts": points(self.worksheet.bolts),
                              "bolt_radius": _r(self.worksheet.bolt_radius)}} if self.worksheet is not None else {}),
        }

    def column_geometry(self) -> dict[str, Any]:
        """This page's column: its box, its lines of text (role, size, box) and its writing lines."""
        assert self.column is not None
        return {
            "box": [_r(v) for v in self.column.rect],
            "lines": [{"text": line.text, "role": line.role, "size": _r(line.size), "bold": line.bold,
                       "box": [_r(line.x), _r(line.top), _r(self.column.rect[0] + self.column.rect[2] - line.x),
                               _r(line.bottom - line.top)]}
                      for line in self.column.lines],
            "rules": [[_r(r.x1), _r(r.y), _r(r.x2), _r(r.y)] for r in self.column.rules],
        }


def _r(value: float) -> float:
    return round(float(value), 2)



def check_sheet(pattern: Pattern | None, sheet: str) -> None:
    """Raise ValueError for an unknown sheet, or a pattern's sheet without a pattern."""
    if sheet not in SHEETS:
        raise ValueError(f"unknown sheet {sheet!r}; choose one of {', '.join(SHEETS)}")
    if sheet != "worksheet" and pattern is None:
        raise ValueError(f"a {sheet} sheet needs a pattern")


def layout_sheet(
    pattern: Pattern | None, sheet: str, page_w: float, page_h: float, steps: int, measure: TextMeasure,
    *, numbers: bool | None = None, breakthroughs: bool | None = None,
) -> SheetLayout:
    """Lay out one sheet on a page of ``page_w`` x ``page_h`` points with ``measure`` (no painting).

    ``numbers``: the steps' numbers (default: on table sheets and worksheets);
    ``breakthroughs``: the pattern's prepared breakthroughs (default: on
    diagrams only, for a table sheet would give away the third question).
    """
    check_sheet(pattern, sheet)
    numbers = sheet != "diagram" if numbers is None else numbers
    breakthroughs = sheet == "diagram" if breakthroughs is None else breakthroughs
    label, palette = "", "default"
    if pattern is not None:
        palette = pattern.placement.palette
        pattern, label = _with_breakthroughs(pattern, breakthroughs)
        if pattern.context:
            pattern = pattern.model_copy(update={"context": context_words(pattern.context)})
    layout = _layout_sheet(pattern, sheet, page_w, page_h, steps, measure)
    first = layout.pattern
    assert first is not None
    marks = step_numbers(first, _number_size(page_w, page_h)) if numbers else ()
    extra = worksheet_marks(first, _number_size(page_w, page_h)) if sheet == "worksheet" else None
    return replace(layout, numbers=marks, label=label, worksheet=extra, palette=palette)


def _with_breakthroughs(pattern: Pattern, shown: bool) -> tuple[Pattern, str]:
    """The pattern as the sheet shows it: without its breakthroughs, or each note headed by its label."""
    if not shown or not pattern.breakthroughs:
        return (pattern if shown else pattern.model_copy(update={"breakthroughs": []})), ""
    label = breakthrough_label()
    notes = [b.model_copy(update={"text": f"{label}\n{_unlabelled(b.text, label)}"}) if b.text.strip() else b
             for b in pattern.breakthroughs]
    return pattern.model_copy(update={"breakthroughs": notes}), label


def breakthrough_label() -> str:
    """The word over a breakthrough's note."""
    return pick("Doorbraak", "Breakthrough")


def _unlabelled(text: str, label: str) -> str:
    """A note's text without a label its author wrote already ("Doorbraak: ...")."""
    stripped = text.strip()
    if stripped.lower().startswith(label.lower()):
        rest = stripped[len(label):].lstrip(" :—-–")
        if rest:
            return rest[0].upper() + rest[1:]
    return stripped


def _number_size(page_w: float, page_h: float) -> float:
    """The least size of the steps' numbers: 9 pt on A4, more on larger paper."""
    return max(MIN_TEXT, round(11.0 * min(page_w, page_h) / PAPER_SIZES_PT["A3"][0]))


def _layout_sheet(
    pattern: Pattern | None, sheet: str, page_w: float, page_h: float, steps: int, measure: TextMeasure
) -> SheetLayout:
    if sheet == "diagram":
        m = diagram_margin(page_w, page_h)
        area = (m, m, page_w - 2 * m, page_h - 2 * m)
        # A slide is seen from across a room: its steps' text stays large.
        fonts = {"min_font": SLIDE_MIN_FONT, "max_font": SLIDE_MAX_FONT} if is_slide(page_w, page_h) else {}
        return SheetLayout(sheet, (page_w, page_h), area,
                           layout_pattern(pattern, measure, area[2], area[3], **fonts), None)

    # Type sizes scale with the paper: an A4 sheet is an A3 sheet reduced.
    paper_scale = min(page_w, page_h) / PAPER_SIZES_PT["A3"][0]
    cap = max(MIN_TEXT, math.floor(TABLE_MAX_FONT * paper_scale))
    good = max(MIN_TEXT, round(TABLE_GOOD_FONT * paper_scale))
    texts = column_texts(pattern, sheet)
    footer = footer_parts(pattern) if sheet == "table" else ("", "")
    least = (TABLE_MIN_LINES,) if sheet == "table" else (3, 2, 1)
    max_scale = min(1.0, paper_scale)

    def column(rect: Box, page_texts: Sequence[tuple[str, str]] = texts) -> Column:
        return compose_column(page_texts, footer, measure, rect, max_scale=max_scale, min_lines=least)

    best: tuple[tuple[bool, float], Box, Box, Any] | None = None
    splits = [_split((page_w, page_h), share) for share in ((_WORKSHEET_SHARE,) if sheet == "worksheet" else _PATTERN_SHARES)]
    # The cheaper answer first. A hopeless verdict costs most (every ring is tried), and an area no
    # larger than a hopeless one, as every share's is beside the widest's, is hopeless too: many steps
    # ask the widest share first. A few steps mostly fit the narrowest, whose layout then answers for
    # the widest as well; the widest is asked only when they do not.
    widest = splits[-1][1]

    def widest_hopeless() -> bool:
        return hopeless(pattern, measure, widest[2], widest[3], max_font=cap)

    all_hopeless = sheet == "table" and len(pattern.steps) > 12 and widest_hopeless()
    for share, area, column_rect in splits:
        if sheet == "worksheet":
            layout = layout_marker_circle(max(2, steps), measure, area[2], area[3])
        else:
            # Read from across a table: the steps' text may grow larger than on a diagram. A hopeless
            # layout would be the best effort at the smallest size: laid out only if it is chosen.
            layout = None if all_hopeless else layout_unless_hopeless(pattern, measure, area[2], area[3], max_font=cap)
            if layout is None and not all_hopeless:  # (only a table sheet gets here)
                all_hopeless = widest_hopeless()
        score = (False, math.ceil(MIN_TEXT - 1e-9)) if layout is None else (_fits(layout), layout.step_font_size)
        if sheet == "table" and share > _WIDE_SHARE and not (
                score[0] and layout.step_font_size >= good and column(column_rect).complete):
            continue  # a narrow column only buys the steps their good size, and holds its texts whole
        if best is None or score > best[0]:
            best = (score, area, column_rect, layout)
        # A wider circle only when it is needed: the questions want their room too.
        if sheet == "worksheet" or (score[0] and layout.step_font_size >= good):
            break
    assert best is not None
    (fits, _), area, column_rect, layout = best
    beside = column(column_rect) if layout is not None and fits else None
    if sheet == "table" and (beside is None or not beside.complete):
        two = _on_two_pages(pattern, (page_w, page_h), measure, cap, _size("body", max_scale), column)
        if two is not None:
            return two
    if layout is None:
        layout = layout_pattern(pattern, measure, area[2], area[3], max_font=cap)
    return SheetLayout(sheet, (page_w, page_h), area, layout, beside or column(column_rect))


def _split(page: tuple[float, float], share: float) -> tuple[float, Box, Box]:
    """The circle's area and the column's rect (x, y, w, h) when the circle takes ``share`` of the page's
    content: of its width in landscape, of its height in portrait (the column then below it)."""
    page_w, page_h = page
    m = SHEET_MARGIN
    content_w, content_h = page_w - 2 * m, page_h - 2 * m
    gutter = 10.0 * MM
    if page_w >= page_h:
        area_w = round(content_w * share, 2)
        return share, (m, m, area_w, content_h), (m + area_w + gutter, m, content_w - area_w - gutter, content_h)
    area_h = round(min(content_w, content_h * (share - 0.04)), 2)
    return share, (m, m, content_w, area_h), (m, m + area_h + gutter, content_w, content_h - area_h - gutter)


def _on_two_pages(pattern: Pattern, page: tuple[float, float], measure: TextMeasure, cap: float, size: float,
                  column: Any) -> SheetLayout | None:
    """A table sheet too full to share its page: the circle on the first page, with a line that says
    where the questions are, and the column on the next at a comfortable reading width; None when
    even the whole first page cannot hold the circle."""
    page_w, page_h = page
    m = SHEET_MARGIN
    content_w, content_h = page_w - 2 * m, page_h - 2 * m
    notice = pick("De vragen voor het gesprek staan op de volgende pagina.",
                  "The questions for the conversation are on the next page.")
    line_h = measure.line_height(size)
    area = (m, m, content_w, content_h - line_h - 0.5 * WRITE_GAP)
    full = layout_pattern(pattern, measure, area[2], area[3], max_font=cap)
    spot = (m, page_h - m - line_h)
    if not _fits(full):
        # The whole page then, and the line in a corner the circle leaves free (else in the margin below it).
        area = (m, m, content_w, content_h)
        full = layout_pattern(pattern, measure, content_w, content_h, max_font=cap)
        spot = _free_corner(full, measure.width(notice, size, False), line_h, area) or (
            m, page_h - m + max(0.0, (m - SAFE_EDGE - line_h) / 2))
    if not _fits(full):
        return None
    column_w = min(content_w, 200.0 * MM)
    rect = ((page_w - column_w) / 2.0, m, column_w, content_h)
    questions = SheetLayout("table", page, rect, None, column(rect))
    left, top = spot
    note = Line(notice, left, top + measure.ascent(size), top, top + line_h, size, False, "notice")
    return SheetLayout("table", page, area, full, Column((left, top, content_w, line_h), (note,), (), 1.0, True),
                       questions)


def _free_corner(layout: PatternLayout, width: float, height: float,
                 area: tuple[float, float, float, float]) -> tuple[float, float] | None:
    """The top-left of a ``width`` x ``height`` line in a corner of ``area`` that no box comes near."""
    x, y, w, h = area
    gap = 2.0 * MM
    for left, top in ((x, y + h - height), (x + w - width, y + h - height), (x, y), (x + w - width, y)):
        line = Rect(left - x - gap, top - y - gap, width + 2 * gap, height + 2 * gap)
        if not any(step.box.intersects(line) for step in layout.steps):
            return left, top
    return None


#: The circle's share of a table sheet's width (landscape; of its height in portrait), tried in turn
#: while the steps' text stays small or the boxes crowd (a breakthrough's note beside the circle
#: takes room from it). Beyond the wide share the questions' column is narrow: taken only when
#: that brings the steps to their good size and the column's texts still fit whole.
_PATTERN_SHARES = (0.62, 0.70, 0.76)
_WIDE_SHARE = 0.70
#: A worksheet's circle takes more of the page: its boxes are for markers and sticky notes.
_WORKSHEET_SHARE = 0.74


def _fits(layout: PatternLayout) -> bool:
    """Whether the layout keeps its promises: boxes 2 mm apart, the title area clear of every box,
    and (the layout's own verdict) every arrow with room for its line and head."""
    if not layout.fits:
        return False
    steps = layout.steps
    for i, a in enumerate(steps):
        if a.box.intersects(layout.title_area):
            return False
        for b in steps[i + 1:]:
            if a.box.distance(b.box) < 2.0 * MM - 0.01:
                return False
    return True


def sheet_fits(layout: SheetLayout) -> bool:
    """Whether ``layout`` can be printed as promised: no boxes that crowd or overlap.

    Exports refuse a sheet that cannot (and say what would help) rather than
    print text on text.
    """
    return layout.pattern is None or _fits(layout.pattern)



def notes_problem(where: str) -> str:
    """Why a pattern's breakthroughs cannot be printed on ``where`` (e.g. "A3 liggend"), in the user's words."""
    return pick(
        f"de doorbraken hebben te veel tekst voor {where}: hun notities kunnen niet naast de cirkel staan"
        " zonder elkaar of de vakken te raken. Kort de doorbraken in",
        f"the breakthroughs have too much text for {where}: their notes cannot stand beside the circle"
        " without touching each other or the boxes. Shorten the breakthroughs",
    )


def notes_outgrow_paper(pattern: Pattern) -> bool:
    """Whether the breakthroughs' notes, roughly measured, need more room than a diagram on A3 has.

    For ``patroon validate``, which measures no text: the export then refuses
    every sheet (see :func:`notes_problem`).
    """
    from patroon.layout.memo import memo_for
    from patroon.layout.notes import notes_outgrow

    texts = [b.text for b in pattern.breakthroughs if b.text.strip()]
    if not texts:
        return False
    page_w, page_h = page_size("A3", "landscape")
    m = diagram_margin(page_w, page_h)
    return notes_outgrow(memo_for(_ESTIMATE), texts, page_w - 2 * m, page_h - 2 * m, MIN_TEXT)


# Open Sans averages about half an em a character.
_ESTIMATE = CharacterMeasure()
