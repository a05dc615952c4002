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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from patroon.i18n import pick
from patroon.layout.pattern import hopeless, layout_pattern, layout_worksheet
from patroon.layout.types import CharacterMeasure, Rect
from patroon.model import DEFAULT_QUESTIONS

if TYPE_CHECKING:
    from patroon.layout.types import PatternLayout, TextMeasure
    from patroon.model import Pattern

SHEETS = ("diagram", "table", "worksheet")

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


# Base type sizes (points) at scale 1; each shrinks towards its floor.
_SIZES = {"context": (13.0, MIN_TEXT), "title": (26.0, 14.0), "body": (12.0, MIN_TEXT),
          "label": (10.0, MIN_TEXT), "question": (13.0, MIN_TEXT), "footer": (MIN_TEXT, MIN_TEXT)}
_BOLD = {"context": False, "title": True, "body": False, "label": True, "question": True, "footer": False}
#: Below this scale every size is at its floor.
_MIN_SCALE = min(floor / base for base, floor in _SIZES.values())
#: Distance between writing lines: room for handwriting.
WRITE_GAP = 8.5 * MM
_ELLIPSIS = "…"


def _size(role: str, scale: float) -> float:
    # Whole sizes only: Qt sets type at whole pixel sizes, so a fractional size would
    # draw at a size other than the one measured (see patroon.render.fonts.make_font).
    base, floor = _SIZES[role]
    return float(max(floor, round(base * scale)))


def column_texts(pattern: Pattern | None, sheet: str) -> list[tuple[str, str]]:
    """The texts of the side column as (role, text), top to bottom, without the footer.

    A question of several starts with its number and a tab ("2.\tHoe ..."): the
    number hangs left of the text.
    """
    texts: list[tuple[str, str]] = []
    if sheet == "worksheet":
        texts.append(("label", pick("Werkblad — ons patroon", "Worksheet — our pattern")))
        texts.append(("body", pick(
            "Schrijf in elk vak één stap. Elke stap leidt tot de volgende, de laatste weer tot de eerste."
            " Geef het patroon een titel:",
            "Write one step in each box. Each step leads to the next, the last back to the first."
            " Give the pattern a title:",
        )))
        texts.append(("title-line", ""))
    else:
        assert pattern is not None
        if pattern.context:
            texts.append(("context", _untabbed(pattern.context)))
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


def footer_text(pattern: Pattern | None) -> str:
    """The footer of a table sheet: source and date, else organisation and region."""
    if pattern is None:
        return ""
    meta = pattern.meta
    parts = [meta.source] if meta.source else [p for p in (meta.organisation, meta.region) if p]
    if meta.date:
        parts.append(meta.date)
    return " · ".join(parts)


def compose_column(
    texts: Sequence[tuple[str, str]],
    footer: str,
    measure: TextMeasure,
    rect: tuple[float, float, float, float],
    max_scale: float = 1.0,
) -> Column:
    """Place the column's texts and writing lines inside ``rect``.

    Type starts at a calm size and shrinks (to 9 pt at the least) until all
    text and at least two writing lines per question fit; the height left
    over becomes more writing lines, shared evenly by the questions. If even
    the smallest type cannot hold everything, the longest texts are cut with
    an ellipsis so that nothing ever leaves the column.
    """
    x, y, w, h = rect
    footer_all = wrap_text(footer, measure, MIN_TEXT, False, w) if footer else []
    footer_lines = footer_all[:2]
    footer_h = len(footer_lines) * measure.line_height(MIN_TEXT) + (0.6 * WRITE_GAP if footer_lines else 0.0)
    body_h = h - footer_h

    blocks: list[_Block] = []
    scale = 1.0
    for min_lines in (3, 2, 1):
        scale = max_scale
        while True:
            blocks = _blocks(texts, measure, scale, w, min_lines)
            if _height(blocks, measure) <= body_h or scale <= _MIN_SCALE:
                break
            scale = max(_MIN_SCALE, scale - 0.04)
        if _height(blocks, measure) <= body_h:
            break
    complete = _height(blocks, measure) <= body_h and len(footer_all) <= len(footer_lines)
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
        for _ in range(block.write_lines):
            cursor += WRITE_GAP
            rules.append(Rule(x + block.indent, x + w, cursor))
        if block.role == "title-line":
            cursor += WRITE_GAP * 1.3
            rules.append(Rule(x, x + w, cursor))
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
        if role == "title-line":
            blocks.append(_Block(role, (), _size("body", scale), False, 0.0))
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
        blocks.append(_Block(role, lines, size, bold, space, min_lines if role == "question" else 0, marker, indent))
        first = False
    return blocks


def _height(blocks: Iterable[_Block], measure: TextMeasure) -> float:
    total = 0.0
    for b in blocks:
        total += b.space_before + len(b.lines) * measure.line_height(b.size, b.bold) + b.write_lines * WRITE_GAP
        if b.role == "title-line":
            total += WRITE_GAP * 1.3
    return total


def _share_writing_lines(blocks: list[_Block], measure: TextMeasure, body_h: float) -> list[_Block]:
    """Give the questions the height left over as extra writing lines, evenly."""
    questions = [i for i, b in enumerate(blocks) if b.role == "question"]
    if not questions:
        return blocks
    spare = body_h - _height(blocks, measure)
    extra = max(0, int(spare // (WRITE_GAP * len(questions))))
    blocks = list(blocks)
    for i in questions:
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
    pattern: Pattern | None, sheet: str, page_w: float, page_h: float, steps: int, measure: TextMeasure
) -> SheetLayout:
    """Lay out one sheet on a page of ``page_w`` x ``page_h`` points with ``measure`` (no painting)."""
    check_sheet(pattern, sheet)
    if sheet == "diagram":
        m = diagram_margin(page_w, page_h)
        area = (m, m, page_w - 2 * m, page_h - 2 * m)
        # A slide is seen from across a room: its steps' text stays large.
        fonts = {"min_font": SLIDE_MIN_FONT, "max_font": SLIDE_MAX_FONT} if is_slide(page_w, page_h) else {}
        return SheetLayout(sheet, (page_w, page_h), area,
                           layout_pattern(pattern, measure, area[2], area[3], **fonts), None)

    m = SHEET_MARGIN
    content_w, content_h = page_w - 2 * m, page_h - 2 * m
    gutter = 10.0 * MM
    # Type sizes scale with the paper: an A4 sheet is an A3 sheet reduced.
    paper_scale = min(page_w, page_h) / PAPER_SIZES_PT["A3"][0]
    cap = max(MIN_TEXT, math.floor(TABLE_MAX_FONT * paper_scale))
    good = max(MIN_TEXT, round(TABLE_GOOD_FONT * paper_scale))
    texts = column_texts(pattern, sheet)
    footer = footer_text(pattern) if sheet == "table" else ""
    max_scale = min(1.0, paper_scale)
    best: tuple[tuple[bool, float], tuple[float, float, float, float], tuple[float, float, float, float], Any] | None = None
    for share in _PATTERN_SHARES:
        if page_w >= page_h:
            area_w = round(content_w * share, 2)
            area = (m, m, area_w, content_h)
            column_rect = (m + area_w + gutter, m, content_w - area_w - gutter, content_h)
        else:
            area_h = round(min(content_w, content_h * (share - 0.04)), 2)
            area = (m, m, content_w, area_h)
            column_rect = (m, m + area_h + gutter, content_w, content_h - area_h - gutter)
        if sheet == "worksheet":
            layout = layout_worksheet(max(2, steps), measure, area[2], area[3])
        elif hopeless(pattern, measure, area[2], area[3], max_font=cap):
            # Its layout would be the best effort at the smallest size: laid out only if it is chosen.
            layout = None
        else:
            # Read from across a table: the steps' text may grow larger than on a diagram.
            layout = layout_pattern(pattern, measure, area[2], area[3], max_font=cap)
        score = (False, math.ceil(MIN_TEXT - 1e-9)) if layout is None else (_fits(layout), layout.step_font_size)
        if share > _WIDE_SHARE and not (
                score[0] and layout.step_font_size >= good
                and compose_column(texts, footer, measure, column_rect, max_scale=max_scale).complete):
            continue  # a narrow column only buys the steps their good size, and holds its texts whole
        if best is None or score > best[0]:
            best = (score, area, column_rect, layout)
        # A wider circle only when it is needed: the questions want their room too.
        if sheet == "worksheet" or (score[0] and layout.step_font_size >= good):
            break
    assert best is not None
    (fits, _), area, column_rect, layout = best
    if not fits and sheet == "table":
        # Too full to share the page: the circle takes the whole page, if that is enough,
        # and the questions go on the next page (a column of a comfortable reading width).
        full_area = (m, m, content_w, content_h)
        full = layout_pattern(pattern, measure, content_w, content_h, max_font=cap)
        if _fits(full):
            column_w = min(content_w, 200.0 * MM * paper_scale)
            rect = ((page_w - column_w) / 2.0, m, column_w, content_h)
            questions = SheetLayout(sheet, (page_w, page_h), rect, None,
                                    compose_column(texts, footer, measure, rect, max_scale=max_scale))
            return SheetLayout(sheet, (page_w, page_h), full_area, full, None, questions)
    if layout is None:
        layout = layout_pattern(pattern, measure, area[2], area[3], max_font=cap)
    column = compose_column(texts, footer, measure, column_rect, max_scale=max_scale)
    return SheetLayout(sheet, (page_w, page_h), area, layout, column)


#: The circle's share of a table sheet's width (landscape; of its height in portrait), tried in turn
#: while the steps' text stays small or the boxes crowd (a breakthrough's note beside the circle
#: takes room from it). Beyond the wide share the questions' column is narrow: taken only when
#: that brings the steps to their good size and the column's texts still fit whole.
_PATTERN_SHARES = (0.62, 0.70, 0.76)
_WIDE_SHARE = 0.70


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
