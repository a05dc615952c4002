"""Laying out a whole pattern: choosing the ring, placing what the plan decided, and the worksheet."""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING, Sequence

from patroon.layout.arrows import arrow_head, arrow_path
from patroon.layout.memo import memo_for
from patroon.layout.notes import breakthrough_layout, note_sizes, notes_outgrow
from patroon.layout.nudge import Nudger
from patroon.layout.ring import Frame, circle_frame, even_gaps, ring_boxes, rows_frame, spacing_ok
from patroon.layout.screen import screen_layout
from patroon.layout.solver import Plan, Solver
from patroon.layout.style import NOTE_SCALE, Style, default_max_font, derived_size
from patroon.layout.title import title_blocks, title_choice, title_fits
from patroon.layout.types import MIN_GAP, ArrowLayout, PatternLayout, Point, Rect, StepLayout, TextBlock, TextMeasure

if TYPE_CHECKING:
    from patroon.model import Pattern


def _opened(solver: Solver, plan: Plan, style: Style, notes: dict, width: float, height: float):
    """The radius, boxes and arrows (path, length) once the arrows are checked exactly.

    Where an arrow came out short the ring opens a little more, while the page allows.
    """
    frame, sizes, radius = solver.frame, plan.box_sizes, plan.radius
    for _ in range(6):
        boxes = ring_boxes(frame, radius, sizes)
        arrows = [arrow_path(frame, i, radius, boxes, style) for i in range(solver.n)]
        need = style.head_len + 0.5 * style.shaft
        short = [length for (_, length) in arrows if length < need]
        if not short:
            break
        room = solver.extent(radius * 1.04, sizes, style, notes)
        if room.w > width - 2 * style.margin or room.h > height - 2 * style.margin:
            break
        radius *= 1.04
    return radius, boxes, arrows


def build(solver: Solver, plan: Plan, step_ids: Sequence[str], width: float, height: float) -> PatternLayout:
    """Place everything the plan decided, centred in the area."""
    s = plan.step_font_size
    style = Style(s)
    frame = solver.frame
    n = solver.n
    m = solver.memo
    sizes = plan.box_sizes
    notes = solver.note_texts(s)
    key = ("opened", solver.frame, sizes, plan.radius, s, note_sizes(notes), width, height)
    radius, boxes, arrows = m.recall(key, lambda: _opened(solver, plan, style, notes, width, height))
    # Every arrow must show a line before its head; one that does not means the ring is too full.
    visible = style.head_len + 0.2 * style.shaft
    stubs = any(length < visible for _, length in arrows)
    # Centre what is actually drawn in the area (the page check above was generous).
    ext = solver.extent(radius, sizes, style, notes)
    drawn = [Rect.around(path + list(arrow_head(path, style))).inflated(style.stroke) for path, _ in arrows if len(path) > 1]
    drawn += boxes + list(solver.note_boxes(radius, boxes, style, notes).values())
    tight = drawn[0]
    for r in drawn[1:]:
        tight = tight.united(r)
    if tight.w <= ext.w and tight.h <= ext.h:
        ext = tight
    cx = (width - ext.w) / 2 - ext.x
    cy = (height - ext.h) / 2 - ext.y

    lh = m.measure.line_height(s)
    steps = []
    for i, sid in enumerate(step_ids):
        box = boxes[i].translated(cx, cy)
        lines = plan.step_lines[i]
        th = len(lines) * lh
        text_rect = Rect(box.x + style.pad_x, box.y + (box.h - th) / 2, box.w - 2 * style.pad_x, th)
        steps.append(
            StepLayout(
                sid, i, box, TextBlock(lines, s, False, text_rect), degrees(frame.unit(frame.angles[i])), box.centre
            )
        )

    arrow_layouts = []
    for i, (path, length) in enumerate(arrows):
        pts = tuple((x + cx, y + cy) for x, y in path)
        if len(pts) < 2 or math.dist(pts[0], pts[-1]) < 1e-6:
            pts = (pts[0], (pts[0][0] + 1e-3, pts[0][1]))
        arrow_layouts.append(ArrowLayout(step_ids[i], step_ids[(i + 1) % n], pts, arrow_head(pts, style)))

    note_boxes = solver.note_boxes(radius, boxes, style, notes)
    note_size = derived_size(NOTE_SCALE, s, solver.min_font)
    breakthroughs = [
        breakthrough_layout(step_ids[i], arrow_layouts[i].path, notes[i], note_boxes[i].translated(cx, cy), note_size, style)
        for i in sorted(notes)
    ]

    # The title block, centred in the largest free rectangle around the middle.
    centre = (cx, cy)
    opt = title_choice(solver, plan, radius)
    area, title_block, context_block = title_blocks(m, opt, [st.box for st in steps], centre, radius, style, frame)

    return PatternLayout(
        width=width,
        height=height,
        centre=centre,
        radius=radius,
        steps=tuple(steps),
        arrows=tuple(arrow_layouts),
        title=title_block,
        context=context_block,
        title_area=area,
        breakthroughs=tuple(breakthroughs),
        step_font_size=s,
        radii=(radius * frame.ax, radius * frame.ay),
        fits=plan.feasible and not stubs,
    )



def degrees(unit: Point) -> float:
    """The direction of a point on the ring seen from its centre: degrees, 90 = top, [0, 360)."""
    return round(math.degrees(math.atan2(-unit[1], unit[0])), 9) % 360.0



def layout_pattern(
    pattern: "Pattern",
    measure: TextMeasure,
    width: float,
    height: float,
    *,
    min_font: float = 9.0,
    max_font: float | None = None,
    fill: bool = False,
) -> PatternLayout:
    """Lay out ``pattern`` to fit inside the area (0, 0, ``width``, ``height``), in points.

    Picks one step text size between ``min_font`` and ``max_font`` (default:
    a comfortable size for the area), the box size and the circle's radius so
    that every step's text fits its box, no two boxes come closer than 2 mm,
    every arrow shows its head between the boxes and the title fits in the
    middle. Honours ``pattern.layout``: ``start_angle`` (degrees, 90 = top),
    ``direction`` and ``offsets``: a box's nudge in radii from its place on
    the ring. The ring, the sizes and the type are those of the pattern
    without nudges, so a nudge moves only its box (and its arrows and notes);
    a nudged box stays inside the page and 2 mm clear of everything else
    (see :class:`Nudger`). If even ``min_font`` cannot make everything
    fit, the text stays at ``min_font``, the boxes may come closer than
    they should and the layout's ``fits`` is False: give it a larger area.

    ``fill``: for a screen seen from afar, where the text matters more than
    the round look: whichever ring sets the text largest is taken, a wide
    ellipse or a rounded rectangle that spans a wide screen as readily as
    the circle (a sheet keeps the circle unless another ring wins clearly).
    """
    found = _layout(pattern, measure, width, height, min_font, max_font, unless_hopeless=False, fill=fill)
    assert found is not None
    return found


def layout_unless_hopeless(
    pattern: "Pattern", measure: TextMeasure, width: float, height: float, *, min_font: float = 9.0,
    max_font: float | None = None,
) -> PatternLayout | None:
    """:func:`layout_pattern`, or None where :func:`hopeless` says so: one search answers both.

    The rings tried for the verdict are the ones the layout starts from, so a
    caller that lays out whatever is not hopeless (a table sheet trying how
    wide its circle should be) searches once, not twice.
    """
    return _layout(pattern, measure, width, height, min_font, max_font, unless_hopeless=True)


def _layout(
    pattern: "Pattern", measure: TextMeasure, width: float, height: float, min_font: float, max_font: float | None,
    *, unless_hopeless: bool, fill: bool = False,
) -> PatternLayout | None:
    memo = memo_for(measure)
    # The ring, the sizes and the type come from the pattern without its nudges,
    # so nudging one box leaves every other box where it was.
    plain_json = pattern.model_dump_json(exclude={"layout": {"offsets"}})
    verdict_key = ("hopeless", plain_json, width, height, min_font, max_font)
    if unless_hopeless and memo.known(verdict_key) is True:
        return None
    key = (pattern.model_dump_json(), width, height, min_font, max_font, fill)
    known = memo.layouts.get(key)
    if known is not None:
        return known
    base_key = (plain_json, width, height, min_font, max_font, fill)
    base = memo.bases.get(base_key)
    if base is None:
        base = _layout_plain(pattern, measure, width, height, min_font, max_font, unless_hopeless=unless_hopeless,
                             fill=fill)
        if unless_hopeless:
            memo.recall(verdict_key, lambda: base is None)  # told, as hopeless() would
        if base is None:
            return None
        base = memo.remember_base(base_key, base)
    solver, plan, plain = base
    offsets = [tuple(pattern.placement.offsets.get(s.id, (0.0, 0.0))) for s in pattern.steps]
    if not any(o != (0.0, 0.0) for o in offsets):
        return memo.remember(key, plain)
    return memo.remember(key, Nudger(solver, plan, plain).apply(offsets))


def hopeless(
    pattern: "Pattern", measure: TextMeasure, width: float, height: float, *, min_font: float = 9.0,
    max_font: float | None = None,
) -> bool:
    """Whether no ring holds ``pattern`` in the area, not even with arrows only a head long.

    Its layout is then the best effort at the smallest size and does not fit:
    a caller that only needs to know that (a table sheet trying how wide the
    circle should be) is spared laying it out. False when unsure.
    """
    key = ("hopeless", pattern.model_dump_json(exclude={"layout": {"offsets"}}), width, height, min_font, max_font)
    return memo_for(measure).recall(key, lambda: _layout_plain(pattern, measure, width, height, min_font, max_font,
                                                               verdict_only=True))


def _layout_plain(
    pattern: "Pattern", measure: TextMeasure, width: float, height: float, min_font: float, max_font: float | None,
    *, verdict_only: bool = False, unless_hopeless: bool = False, fill: bool = False,
):
    """The layout of ``pattern`` as if no box were nudged, with the solver and plan that made it.

    ``verdict_only``: only whether it is hopeless (see :func:`hopeless`);
    ``unless_hopeless``: None when it is; ``fill``: see :func:`layout_pattern`.
    """
    n = len(pattern.steps)
    still = [(0.0, 0.0)] * n
    index = {s.id: i for i, s in enumerate(pattern.steps)}
    notes = {index[b.after]: b.text for b in pattern.breakthroughs if b.text.strip()}
    cap = max(min_font, max_font if max_font is not None else default_max_font(width, height, n))
    # Notes that need more room than the area has are left out: never drawn over each other.
    notes_left_out = bool(notes) and notes_outgrow(memo_for(measure), list(notes.values()), width, height, min_font)
    if notes_left_out:
        notes = {}

    clockwise = pattern.placement.direction == "clockwise"
    # One solver per ring: the circle asked again for its best effort knows what failed.
    solvers: dict[tuple, Solver] = {}

    def solve(
        ax: float,
        ay: float,
        power: float = 2.0,
        rows: tuple[int, int, float] | None = None,
        at_least: int | None = None,
        best_effort: bool = True,
    ):
        solver = solvers.get((ax, ay, power, rows))
        if solver is None:
            if rows is None:
                frame = circle_frame(n, pattern.placement.start_angle, clockwise, still, ax, ay, power)
            else:
                frame = rows_frame(n, rows[0], rows[1], clockwise, still, ax, ay, power, rows[2])
            texts = [s.text for s in pattern.steps]
            min_lines = 3 if n <= 12 else 2
            solver = Solver(texts, pattern.title, pattern.context, notes, frame, measure, width, height, min_font, min_lines)
            solver.short_arrows = rows is not None
            solver.rows = None if rows is None else rows[:2]
            solvers[(ax, ay, power, rows)] = solver
        plan = solver.solve(cap, best_effort=best_effort and rows is None, at_least=at_least)
        return None if plan is None else (solver, plan)

    # Rows of boxes need the first step in the middle of the top row.
    rows = _row_counts(n, width / height) if abs(pattern.placement.start_angle % 360.0 - 90.0) < 1e-9 else []
    if (verdict_only or unless_hopeless) and not notes_left_out and (
            _choose_ring(solve, width, height, cap, min_font, rows, best_effort=False) is None):
        circle = solvers[(1.0, 1.0, 2.0, None)]
        if not circle.crowded_plans(math.ceil(min_font - 1e-9)):
            return True if verdict_only else None
        circle.crowded = False  # as before the question: the best effort below asks it again
    if verdict_only:
        return False
    # (After the question above, the rings it tried answer again from what they remember.)
    solver, plan = _choose_ring(solve, width, height, cap, min_font, rows)
    ids = [s.id for s in pattern.steps]

    def finish(ring: Solver, chosen: Plan) -> tuple[Plan, PatternLayout]:
        chosen = _even_out(ring, chosen)
        key = ("grid", ring.frame, ring.rows, chosen, tuple(ring.notes.items()), width, height)
        ring.frame = memo_for(measure).recall(key, lambda: _align_grid(ring, chosen))
        return chosen, build(ring, chosen, ids, width, height)

    # A screen: a wider or squarer ring may set the text larger still.
    found = screen_layout(solve, width / height, plan, finish, set(solvers)) if fill else None
    if found is None:
        plan, layout = finish(solver, plan)
    else:
        solver, plan, layout = found
    if notes_left_out:
        layout = dataclasses.replace(layout, fits=False, notes_fit=False)
    return solver, plan, layout



def _even_out(solver: Solver, plan: Plan) -> Plan:
    """On a circle or ellipse of 5 to 10 boxes, move the boxes along it so that every arrow gets as long.

    All the way if everything still holds (every arrow's room, the title in
    the middle, the page: the ring may shrink a little so that no box leaves
    it), else part of the way. Returns the plan to build (its radius may be
    smaller) and leaves the frame to build with in the solver.
    """
    frame = solver.frame
    if not 5 <= solver.n <= 10 or solver.rows is not None or frame.power != 2.0 or not plan.feasible:
        return plan
    style = Style(plan.step_font_size)
    even = even_gaps(frame, plan.radius, plan.box_sizes, style.clearance)
    if even is frame:
        return plan
    notes = solver.note_texts(plan.step_font_size)
    for share in (1.0, 0.75, 0.5, 0.25):
        solver.frame = even if share == 1.0 else _between(frame, even, share)
        radius = _still_fits(solver, plan, style, notes)
        if radius is not None:
            return dataclasses.replace(plan, radius=radius)
    solver.frame = frame
    return plan


def _align_grid(solver: Solver, plan: Plan) -> Frame:
    """On a rounded square of 8 or more boxes, line the boxes up in rows and columns.

    Spaced along the ring, the boxes near its corners stand a little inside
    the side columns and below the top row's middle: each box of the top and
    bottom rows moves out to the row's outermost line, each box of the sides
    to the column's. Kept when every box keeps its distance and every arrow
    its room, and the title and the page still hold.
    """
    frame = solver.frame
    if frame.power == 2.0 or solver.rows is not None or solver.n < 8 or not plan.feasible:
        return frame
    places = [frame.unit(a) for a in frame.angles]
    across = [abs(uy) / frame.ay >= abs(ux) / frame.ax for ux, uy in places]  # in the top or bottom row
    lines: dict[tuple[bool, bool], float] = {}
    for (ux, uy), row in zip(places, across):
        side = (row, (uy if row else ux) > 0)
        value = uy if row else ux
        lines[side] = max(lines.get(side, value), value) if side[1] else min(lines.get(side, value), value)
    offsets = tuple((0.0, lines[(True, uy > 0)] - uy) if row else (lines[(False, ux > 0)] - ux, 0.0)
                    for (ux, uy), row in zip(places, across))
    aligned = Frame(frame.angles, frame.sweeps, offsets, frame.ax, frame.ay, frame.power)
    style = Style(plan.step_font_size)
    sizes, radius = plan.box_sizes, plan.radius
    boxes = ring_boxes(aligned, radius, sizes)
    if any(boxes[i].distance(boxes[(i + 1) % solver.n]) < MIN_GAP for i in range(solver.n)):
        return frame
    before = [arrow_path(frame, i, radius, ring_boxes(frame, radius, sizes), style)[1] for i in range(solver.n)]
    after = [arrow_path(aligned, i, radius, boxes, style)[1] for i in range(solver.n)]
    if any(a < min(b, style.head_len + 0.5 * style.shaft) for a, b in zip(after, before)):
        return frame
    if plan.title and title_fits(aligned, radius, sizes, [plan.title], style.clearance) is None:
        return frame
    solver.frame = aligned
    room = solver.extent(radius, sizes, style, solver.note_texts(plan.step_font_size))
    solver.frame = frame
    # (Boxes moved out to the outermost line reach exactly as far: allow for rounding.)
    if room.w > solver.width - 2 * style.margin + 1e-6 or room.h > solver.height - 2 * style.margin + 1e-6:
        return frame
    return aligned


def _between(a: Frame, b: Frame, share: float) -> Frame:
    """The ring ``a`` with its boxes ``share`` of the way to where ``b`` has them."""
    angles = tuple((1.0 - share) * x + share * y for x, y in zip(a.angles, b.angles))
    sweeps = tuple((1.0 - share) * x + share * y for x, y in zip(a.sweeps, b.sweeps))
    return Frame(angles, sweeps, a.offsets, a.ax, a.ay, a.power)


def _still_fits(solver: Solver, plan: Plan, style: Style, notes: dict) -> float | None:
    """The radius up to the plan's at which the plan holds on the solver's frame; None if none near it does."""
    sizes, radius = plan.box_sizes, plan.radius
    for _ in range(12):
        room = solver.extent(radius, sizes, style, notes)
        if room.w <= solver.width - 2 * style.margin and room.h <= solver.height - 2 * style.margin:
            break
        radius *= 0.985
    else:
        return None
    frame = solver.frame
    if not spacing_ok(frame, radius, sizes, solver.gaps_needed(style), style.clearance):
        return None
    if plan.title and title_fits(frame, radius, sizes, [plan.title], style.clearance) is None:
        return None
    return radius


# A ring is stretched into an ellipse at most this much.
_MAX_STRETCH = 1.35


def _row_counts(n: int, aspect: float) -> list[tuple[int, int]]:
    """The three likeliest ways to set ``n`` steps as rows on a rounded rectangle in an area of ``aspect``.

    Each is (boxes across the top, boxes down each side). The top row is odd
    (the first step in its middle) and holds at least three; the bottom row
    holds about as many. Likeliest: the share of boxes across closest to the
    area's share of width.
    """
    out = []
    for top in range(3, n, 2):
        for side in range(1, n):
            bottom = n - top - 2 * side
            if bottom >= 1 and abs(bottom - top) <= 1:
                out.append((top, side))
    share = aspect / (1.0 + aspect)
    out.sort(key=lambda ts: abs(ts[0] / (ts[0] + ts[1]) - share))
    return out[:3]


def _choose_ring(
    solve, width: float, height: float, cap: float, min_font: float, rows: Sequence[tuple[int, int]] = (),
    *, best_effort: bool = True,
):
    """The circle, unless the pattern is so full that another ring sets its text clearly larger.

    A landscape or portrait area can take an ellipse; an area that cannot
    hold the steps even so takes a rounded square ring, which reaches into
    the corners; and one that cannot hold them either, rows of boxes on a
    rounded rectangle that fills the page. Each must win by a clear margin:
    the circle is the look.
    """
    # Every ring is first asked for a plan that works; only if none has one does
    # the circle make its best (crowded) effort.
    best = solve(1.0, 1.0, best_effort=False)
    if best is not None and best[1].step_font_size >= cap - 1e-6:
        return best
    aspect = width / height

    def gain(k: int) -> int | None:
        # Another ring must set the text at least k points larger than a circle that fits.
        return int(round(best[1].step_font_size)) + k if best is not None else None

    def better(other, k: float) -> bool:
        return other is not None and (best is None or _better(other[1], best[1], k))

    if not 1 / 1.15 < aspect < 1.15:
        stretch = min(_MAX_STRETCH, max(aspect, 1 / aspect) ** 0.75)
        ax, ay = (stretch, 1.0) if aspect > 1 else (1.0, stretch)
        other = solve(ax, ay, at_least=gain(1), best_effort=False)
        if better(other, 1.0):
            best = other
    if best is None or best[1].step_font_size <= math.ceil(min_font - 1e-9) + 1:
        ax, ay = (aspect**0.9, 1.0) if aspect >= 1 else (1.0, (1 / aspect) ** 0.9)
        other = solve(ax, ay, 4.0, at_least=gain(2), best_effort=False)
        if better(other, 2.0):
            best = other
    if best is None:
        # The ring stretched beyond the area's shape: the rows then run along its edges.
        # (power, stretch, corner): see rows_frame.
        shapes = ((16.0, 1.4, 1.0), (16.0, 1.6, 1.0), (12.0, 1.2, 1.0), (16.0, 1.8, 1.0))
        many = bool(len(rows)) and sum(rows[0]) > 10
        if many:
            # Very many steps: few tries (each costs about as much as the whole layout of a short pattern).
            # Then squarer rings, the last with more room at the corners for the rows' tall boxes.
            shapes = ((16.0, 1.4, 1.0), (16.0, 1.2, 1.0), (16.0, 1.2, 1.5))
        else:
            rows = rows[:2]
        for counts in rows:
            for power, stretch, corner in shapes:
                ax, ay = (aspect**stretch, 1.0) if aspect >= 1 else (1.0, (1 / aspect) ** stretch)
                other = solve(ax, ay, power, (*counts, corner), best_effort=False)
                if other is not None and (best is None or other[1].step_font_size > best[1].step_font_size):
                    best = other
                    break
            if many and best is not None:
                break  # the first that works: each further try costs as much again
    if best is None and best_effort:
        best = solve(1.0, 1.0)
    return best


def _better(plan: Plan, than: Plan, gain: float) -> bool:
    if plan.feasible and not than.feasible:
        return True
    return plan.feasible and plan.step_font_size >= than.step_font_size + gain


# Text that sizes a worksheet's empty boxes: room for about three lines of handwriting.
_WORKSHEET_TEXT = " ".join(["xxxxxxxx"] * 14)


def layout_worksheet(n_steps: int, measure: TextMeasure, width: float, height: float) -> PatternLayout:
    """``n_steps`` empty boxes on a circle with arrows between them and an empty centre.

    For a table that draws its own pattern: the boxes are sized for handwriting,
    the centre is left free for a title (``title_area``).
    """
    n = max(2, n_steps)
    frame = circle_frame(n, 90.0, True, [(0.0, 0.0)] * n)
    # Room in the middle for a handwritten title of a line or two.
    placeholder = "\n".join(["x" * 22] * 4)
    solver = Solver([_WORKSHEET_TEXT] * n, placeholder, "", {}, frame, measure, width, height, 9.0, min_lines=4)
    plan = solver.solve(default_max_font(width, height, n))
    layout = build(solver, plan, [f"stap-{i + 1}" for i in range(n)], width, height)
    steps = tuple(
        StepLayout(
            s.id, s.index, s.box, TextBlock((), s.text.size, False, s.box.inflated(-Style(plan.step_font_size).pad_x)), s.angle, s.home
        )
        for s in layout.steps
    )
    empty_title = TextBlock((), layout.title.size, True, layout.title_area)
    return PatternLayout(
        width=layout.width,
        height=layout.height,
        centre=layout.centre,
        radius=layout.radius,
        steps=steps,
        arrows=layout.arrows,
        title=empty_title,
        context=None,
        title_area=layout.title_area,
        breakthroughs=(),
        step_font_size=layout.step_font_size,
        radii=layout.radii,
        fits=layout.fits,
    )
