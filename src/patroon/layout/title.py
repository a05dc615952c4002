"""The title and its context line in the middle of the ring."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from patroon.layout.memo import Memo
from patroon.layout.ring import Frame, Sizes, ring_boxes
from patroon.layout.style import CONTEXT_SCALE, TITLE_SCALE, Style, derived_size
from patroon.layout.types import Point, Rect, TextBlock

if TYPE_CHECKING:
    from patroon.layout.solver import Plan, Solver


@dataclass(frozen=True)
class TitleOption:
    title_size: float
    context_size: float
    title_lines: tuple[str, ...]
    context_lines: tuple[str, ...]
    width: float
    height: float
    gap: float  # between the context and the title


def title_options(m: Memo, title: str, context: str, s: float, min_font: float) -> list[TitleOption]:
    """Ways to set the title block, best first: larger type, then fewer lines."""
    options: list[TitleOption] = []
    if not title.strip() and not context.strip():
        return [TitleOption(s, s, (), (), 0.0, 0.0, 0.0)]
    hi, lo = TITLE_SCALE
    top = max(math.floor(hi * s), math.ceil(min_font))
    bottom = max(math.ceil(lo * s), math.ceil(min_font))
    sizes = list(range(top, bottom - 1, -1)) or [top]
    csize = derived_size(CONTEXT_SCALE, s, min_font)
    for size in sizes:
        title_width = m.width_fn(size, True)
        one_line = title_width(title)
        ctx_line = m.width_fn(csize, False)(context)
        widest = max(one_line, ctx_line)
        # A title's words stay whole: "Samenwer-king" in the middle of the circle reads badly,
        # and a wider title block makes the circle open up rather than squeeze it.
        longest_word = max((title_width(word) for word in title.split()), default=0.0)
        for parts in (1, 2, 3, 4):
            limit = max(widest / parts, 6.0 * size, longest_word) * (1.0 if parts == 1 else 1.12)
            t_lines, t_w, t_h, t_fits = m.block(title, size, True, limit)
            c_lines, c_w, c_h, c_fits = m.block(context, csize, False, limit)
            if not (t_fits and c_fits):
                continue
            gap = 0.35 * csize if (t_lines and c_lines) else 0.0
            opt = TitleOption(size, csize, t_lines, c_lines, max(t_w, c_w), t_h + c_h + gap, gap)
            if not options or (opt.width, opt.height) != (options[-1].width, options[-1].height):
                options.append(opt)
    return options


def free_height(
    boxes: Sequence[Rect],
    cx: float,
    cy: float,
    half_w: float,
    radius: float,
    clearance: float,
    frame: Frame,
) -> float:
    """Half the height of the tallest rectangle of half-width ``half_w`` centred at (cx, cy) that touches no box."""
    rx, ry = frame.ax * radius - clearance, frame.ay * radius - clearance
    b = frame.half_height(half_w, rx, ry)  # stay inside the ring of arrows
    if b <= 0.0:
        return 0.0
    left, right = cx - half_w, cx + half_w
    for box in boxes:
        # The box grown by the clearance (as Rect.inflated, without making one: this runs often).
        x, y = box.x - clearance, box.y - clearance
        if x + (box.w + 2 * clearance) <= left or x >= right:
            continue
        bottom = y + (box.h + 2 * clearance)
        if bottom <= cy:
            b = min(b, cy - bottom)
        elif y >= cy:
            b = min(b, y - cy)
        else:
            return 0.0
    return max(b, 0.0)


def title_fits(frame: Frame, radius: float, sizes: Sizes, options: Sequence[TitleOption], clearance: float):
    """The first title option that fits in the middle at this radius; or None."""
    boxes = ring_boxes(frame, radius, sizes)
    for opt in options:
        half_w = opt.width / 2 + clearance
        free = free_height(boxes, 0.0, 0.0, half_w, radius, clearance, frame)
        if free >= opt.height / 2:
            return opt
    return None



def title_choice(solver: "Solver", plan: "Plan", radius: float) -> "TitleOption":
    """How the title block is set: the plan's choice, else what fits at ``radius``, else the smallest."""
    s = plan.step_font_size
    options = title_options(solver.memo, solver.title, solver.context, s, solver.min_font)
    opt = plan.title or title_fits(solver.frame, radius, plan.box_sizes, options, Style(s).clearance)
    if opt is None:
        # Nothing fits (a crowded best effort): the title still shows, as small as it may be.
        opt = options[-1] if options else TitleOption(s, s, (), (), 0.0, 0.0, 0.0)
    return opt


def title_blocks(
    m: "Memo",
    opt: "TitleOption",
    boxes: Sequence[Rect],
    centre: Point,
    radius: float,
    style: Style,
    frame: "Frame",
) -> tuple[Rect, TextBlock, TextBlock | None]:
    """The title area (the roomiest free rectangle in the middle that holds the title), the title and the context."""
    cx, cy = centre
    half_w = max(opt.width / 2 + style.clearance, _widest_free_half(boxes, centre, radius, style.clearance, opt, frame))
    half_h = free_height(boxes, cx, cy, half_w, radius, style.clearance, frame)
    area = Rect(cx - half_w, cy - half_h, 2 * half_w, 2 * half_h)
    top = cy - opt.height / 2
    context_block = None
    if opt.context_lines:
        c_h = len(opt.context_lines) * m.measure.line_height(opt.context_size)
        context_block = TextBlock(opt.context_lines, opt.context_size, False, Rect(area.x, top, area.w, c_h))
        top += c_h + opt.gap
    t_h = len(opt.title_lines) * m.measure.line_height(opt.title_size, True)
    title_block = TextBlock(opt.title_lines, opt.title_size, True, Rect(area.x, top, area.w, t_h))
    return area, title_block, context_block


def _widest_free_half(
    boxes: Sequence[Rect], centre: Point, radius: float, clearance: float, opt: TitleOption, frame: Frame
) -> float:
    """The half-width of the roomiest free rectangle in the middle that still holds the title block."""
    need = opt.height / 2
    lo = opt.width / 2 + clearance
    hi = radius * frame.ax
    best, best_area = lo, -1.0
    for k in range(41):
        half_w = lo + (hi - lo) * k / 40
        half_h = free_height(boxes, centre[0], centre[1], half_w, radius, clearance, frame)
        if half_h >= need and half_w * half_h > best_area:
            best, best_area = half_w, half_w * half_h
    return best

