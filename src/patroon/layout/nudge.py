"""Manual nudges: a box the user dragged, placed on the finished ring."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from patroon.layout.arrows import arrow_head, arrow_path, path_length
from patroon.layout.notes import breakthrough_layout, place_note
from patroon.layout.ring import Frame
from patroon.layout.style import NOTE_SCALE, Style, derived_size
from patroon.layout.title import title_blocks, title_choice
from patroon.layout.types import MIN_GAP, ArrowLayout, PatternLayout, Point, Rect, StepLayout, TextBlock

if TYPE_CHECKING:
    from patroon.layout.solver import Plan, Solver


def _chunks(path: Sequence[Point], d: float, k: int = 6) -> list[Rect]:
    """Rectangles that together cover the polyline ``path`` grown by ``d``: one per ``k`` segments."""
    out = []
    for a in range(0, max(1, len(path) - 1), k):
        out.append(Rect.around(path[a : a + k + 1]).inflated(d))
    return out


def _blocked(home: Point, v: Point, w: float, h: float, o: Rect) -> tuple[float, float] | None:
    """The open interval of t for which a ``w`` x ``h`` box centred at ``home + t v`` overlaps ``o``; or None."""
    lo, hi = -math.inf, math.inf
    for p, d, a, b in ((home[0], v[0], o.x - w / 2, o.right + w / 2), (home[1], v[1], o.y - h / 2, o.bottom + h / 2)):
        if abs(d) < 1e-12:
            if not a < p < b:
                return None
            continue
        t0, t1 = (a - p) / d, (b - p) / d
        if t0 > t1:
            t0, t1 = t1, t0
        lo, hi = max(lo, t0), min(hi, t1)
    return (lo, hi) if lo < hi else None


def _last_clear(intervals: Sequence[tuple[float, float]], t: float) -> float:
    """The largest t' <= ``t`` in none of the open ``intervals`` (0 if it would go below 0)."""
    moved = True
    while moved and t > 0.0:
        moved = False
        for a, b in intervals:
            if a < t < b:
                t, moved = a, True
    return max(t, 0.0)


def _miss(home: Point, v: Point, t: float, goal: Point) -> float:
    """How far ``home + t v`` is from ``goal``."""
    return math.dist((home[0] + t * v[0], home[1] + t * v[1]), goal)


class Nudger:
    """Puts nudged boxes where the user dropped them, on a finished plain layout.

    Every other box, the ring, the sizes and the type stay as they are. A
    nudged box goes to its place on the ring plus its offset (in radii); kept
    inside the page's margin, and pushed back towards its place on the ring
    (along the way it was dragged) as far as it must to keep 2 mm from every
    other box, the title's text, the notes and the arrows it does not touch;
    if only one direction of the move is in the way, only that part of the
    move is refused, whichever lands nearer the drop. Its two arrows are
    drawn anew to follow it, with the notes on them; a place where they would
    not show (shorter than the plain ring allows, through a box, off the
    page) is given up for one nearer the ring. Several nudged boxes are
    placed in cycle order, each clear of those placed before.
    The blocked stretches of a straight move are found exactly (a box meets a
    rectangle over one interval of the way), so placing a box costs about a
    millisecond.
    """

    def __init__(self, solver: "Solver", plan: "Plan", plain: PatternLayout):
        self.solver, self.plan, self.plain = solver, plan, plain
        self.style = style = Style(plan.step_font_size)
        self.radius = plain.radius
        self.n = len(plain.steps)
        cx, cy = self.centre = plain.centre
        # Everything is worked out relative to the ring's centre, as the plan is.
        self.boxes = [st.box.translated(-cx, -cy) for st in plain.steps]
        self.homes = [b.centre for b in self.boxes]
        self.paths = [tuple((x - cx, y - cy) for x, y in a.path) for a in plain.arrows]
        self.notes = solver.note_texts(plan.step_font_size)
        self.note_boxes = {i: b.note_box.translated(-cx, -cy) for i, b in zip(sorted(self.notes), plain.breakthroughs)}
        # Each note's marker and the end of its leader line.
        self.leaders = {
            i: ((b.marker[0] - cx, b.marker[1] - cy), (b.leader[1][0] - cx, b.leader[1][1] - cy))
            for i, b in zip(sorted(self.notes), plain.breakthroughs)
        }
        margin = style.margin
        self.area = Rect(margin - cx, margin - cy, plain.width - 2 * margin, plain.height - 2 * margin)
        # Each box's offset from the ring as the arrows bend by it: the plain layout's own
        # (boxes aligned in rows and columns), and a nudged box's nudge on top.
        self.eff = list(solver.frame.offsets)
        self.changed: set[int] = set()  # arrows drawn anew
        opt = title_choice(solver, plan, self.radius)
        self.title_opt = opt
        self.title_core = None
        if opt.title_lines or opt.context_lines:
            # Boxes keep clear of where the title text stands, so the title area can still hold it.
            core = Rect.centred(0.0, 0.0, opt.width + 2 * style.clearance, opt.height)
            self.title_core = core.inflated(max(style.clearance, MIN_GAP) + 0.01)
        need = style.head_len + 0.5 * style.shaft  # as the plain ring asks of every arrow
        # No shorter than on the plain ring (a crowded best effort may have had no room at all).
        self.need = [min(need, 0.9 * length) if length > 1.0 else 0.0 for length in map(path_length, self.paths)]
        # Arrows that show whole on the plain ring must stay so (a crowded best effort may not).
        notes = list(self.note_boxes.values())
        self.sound = [self._clear(p, self.boxes, notes) for p in self.paths]

    def _clear(self, path: Sequence[Point], boxes: Sequence[Rect], notes: Sequence[Rect]) -> bool:
        """Whether an arrow shows whole: on the page, in no box, note or title."""
        area, core = self.area, self.title_core
        for p in list(path) + list(arrow_head(path, self.style)):
            if not area.contains(*p) or (core is not None and core.contains(*p)):
                return False
            if any(b.contains(*p) for b in boxes) or any(nb.contains(*p) for nb in notes):
                return False
        return True

    def apply(self, offsets: Sequence[Point]) -> PatternLayout:
        for i, (ox, oy) in enumerate(offsets):
            if (ox, oy) != (0.0, 0.0):
                self._place(i, (ox, oy))
        return self._result()

    # -- one box -------------------------------------------------------------

    def _place(self, i: int, offset: Point) -> None:
        n, r, style = self.n, self.radius, self.style
        home = self.homes[i]
        w, h = self.boxes[i].w, self.boxes[i].h
        # Where it was dropped, kept inside the page's margin.
        area = self.area
        gx = min(max(home[0] + offset[0] * r, area.x + w / 2), area.right - w / 2)
        gy = min(max(home[1] + offset[1] * r, area.y + h / 2), area.bottom - h / 2)
        v = (gx - home[0], gy - home[1])
        if math.hypot(*v) < 1e-9:
            return
        mine = {(i - 1) % n, i}
        gap = MIN_GAP + 0.01
        obstacles = [b.inflated(gap) for k, b in enumerate(self.boxes) if k != i]
        if self.title_core is not None:
            obstacles.append(self.title_core)
        obstacles += [nb.inflated(gap) for k, nb in self.note_boxes.items() if k not in mine]
        reach = style.marker_radius + style.clearance
        obstacles += [Rect.around(line).inflated(reach) for k, line in self.leaders.items() if k not in mine]
        for k, path in enumerate(self.paths):
            if k not in mine:
                obstacles += _chunks(path, style.clearance + style.stroke)
                obstacles.append(Rect.around(arrow_head(path, style)).inflated(style.clearance))
        here = Rect.centred(home[0], home[1], w, h)
        kept = []
        for k, o in enumerate(obstacles):
            if here.intersects(o):
                # Already this close on the ring (a full ring packs its boxes 2 mm apart, a
                # crowded one closer): the box may move away, not closer. A box 2 mm away
                # diagonally stays in the way (sliding past its corner would come closer).
                depth = min(here.right - o.x, o.right - here.x, here.bottom - o.y, o.bottom - here.y)
                if k < n - 1 and depth > 0.011 and here.distance(o.inflated(-gap)) >= MIN_GAP - 1e-6:
                    kept.append(o)
                    continue
                o = o.inflated(-depth - 1e-6)
                if o.w <= 0 or o.h <= 0:
                    continue
            kept.append(o)

        best = self._along(i, home, v, kept)
        if best is None or best[0] < 1.0:
            # Pushed back: perhaps only one direction of the drag is in the way; refuse just that part.
            for part in ((v[0], 0.0), (0.0, v[1])):
                if abs(part[0]) + abs(part[1]) < 1e-9:
                    continue
                other = self._along(i, home, part, kept)
                if other is None:
                    continue
                goal = (gx, gy)
                if best is None or _miss(home, part, other[0], goal) < _miss(home, best[2], best[0], goal) - 1e-6:
                    best = other
        if best is not None:
            self._commit(i, best[1])

    def _along(self, i: int, home: Point, v: Point, obstacles: Sequence[Rect]):
        """How far (t) box ``i`` gets towards ``home + v``, what it looks like there, and ``v``; or None."""
        w, h = self.boxes[i].w, self.boxes[i].h
        intervals = [iv for o in obstacles if (iv := _blocked(home, v, w, h, o)) is not None]
        t = _last_clear(intervals, 1.0)
        found = self._try(i, home, v, t) if t > 0 else None
        if found is None and t > 0:
            # The arrows or notes do not work there: nearer the ring, then back out as far as works.
            bad = t
            step = 1.0 / 16
            while t > 0:
                t = _last_clear(intervals, t - step)
                found = self._try(i, home, v, t) if t > 0 else None
                if found is not None:
                    break
                bad = t
            if found is not None:
                for _ in range(4):
                    mid = (t + bad) / 2
                    if _last_clear(intervals, mid) != mid:
                        bad = mid
                        continue
                    trial = self._try(i, home, v, mid)
                    if trial is None:
                        bad = mid
                    else:
                        t, found = mid, trial
        return None if found is None else (t, found, v)

    def _try(self, i: int, home: Point, v: Point, t: float):
        """Box ``i`` at ``home + t v``: its two arrows and their notes, or None if they would not work there."""
        n, r, style = self.n, self.radius, self.style
        c = (home[0] + t * v[0], home[1] + t * v[1])
        box = Rect.centred(c[0], c[1], self.boxes[i].w, self.boxes[i].h)
        boxes = list(self.boxes)
        boxes[i] = box
        # The arrows bend by every box's nudge as drawn (``home`` is the box's place on the ring).
        eff = list(self.eff)
        base = self.solver.frame.offsets[i]
        eff[i] = (base[0] + (c[0] - home[0]) / r, base[1] + (c[1] - home[1]) / r)
        f = self.solver.frame
        frame = Frame(f.angles, f.sweeps, tuple(eff), f.ax, f.ay, f.power)
        area = self.area
        core = self.title_core
        paths = {}
        others_notes = [nb for k, nb in self.note_boxes.items() if k not in ((i - 1) % n, i)]
        for k in {(i - 1) % n, i}:
            path, length = arrow_path(frame, k, r, boxes, style)
            if length < self.need[k] or len(path) < 2:
                return None
            if math.dist(path[0], path[-1]) < 1e-6:  # no room at all (as on the plain ring): a stub, drawn as one
                path = [path[0], (path[0][0] + 1e-3, path[0][1])]
            if self.sound[k] and not self._clear(path, boxes, others_notes):
                return None
            paths[k] = tuple(path)
        notes, leaders = {}, {}
        for k in sorted(paths):
            if k not in self.notes:
                continue
            note = self.notes[k]
            marker = frame.arc_point(k, 0.5, r)
            obstacles = boxes + others_notes + list(notes.values())
            for p in paths.values():
                obstacles += _chunks(p, style.stroke)
            nb = place_note(marker, (0.0, 0.0), note, style.pad_y, obstacles, r,
                             style.clearance + style.marker_radius, frame)
            if not (area.contains(nb.x, nb.y) and area.contains(nb.right, nb.bottom)):
                return None
            if any(nb.intersects(b) for b in boxes) or (core is not None and nb.intersects(core)):
                return None
            b = breakthrough_layout("", paths[k], note, nb, 0.0, style)
            if any(bx.crossed_by(*b.leader, touching=True) for bx in boxes):
                return None
            notes[k] = nb
            leaders[k] = (b.marker, b.leader[1])
        return eff[i], box, paths, notes, leaders

    def _commit(self, i: int, found) -> None:
        eff_i, box, paths, notes, leaders = found
        self.leaders.update(leaders)
        self.eff[i] = eff_i
        self.boxes[i] = box
        for k, p in paths.items():
            self.paths[k] = p
            self.changed.add(k)
        self.note_boxes.update(notes)

    # -- the layout --------------------------------------------------------------

    def _result(self) -> PatternLayout:
        plain, style = self.plain, self.style
        cx, cy = self.centre
        steps = []
        moved = False
        for st, box in zip(plain.steps, self.boxes):
            box = box.translated(cx, cy)
            dx, dy = box.x - st.box.x, box.y - st.box.y
            if abs(dx) < 1e-9 and abs(dy) < 1e-9:
                steps.append(st)
                continue
            moved = True
            text = st.text
            block = TextBlock(text.lines, text.size, text.bold, text.rect.translated(dx, dy))
            steps.append(StepLayout(st.id, st.index, box, block, st.angle, st.home))
        if not moved:
            return plain
        arrows = list(plain.arrows)
        for k in self.changed:
            pts = tuple((x + cx, y + cy) for x, y in self.paths[k])
            if math.dist(pts[0], pts[-1]) < 1e-6:  # no room at all (as on the plain ring): a stub
                pts = (pts[0], (pts[0][0] + 1e-3, pts[0][1]))
            arrows[k] = ArrowLayout(arrows[k].source, arrows[k].target, pts, arrow_head(pts, style))
        breakthroughs = []
        note_size = derived_size(NOTE_SCALE, plain.step_font_size, self.solver.min_font)
        for i, b in zip(sorted(self.notes), plain.breakthroughs):
            if i in self.changed:
                b = breakthrough_layout(b.after, arrows[i].path, self.notes[i], self.note_boxes[i].translated(cx, cy),
                                  note_size, style)
            breakthroughs.append(b)
        area, title, context = plain.title_area, plain.title, plain.context
        boxes = [st.box for st in steps]
        if any(area.intersects(b) for b in boxes):
            # A box nudged into the middle: the title keeps to what is still free.
            area, title, context = title_blocks(
                self.solver.memo, self.title_opt, boxes, plain.centre, self.radius, style, self.solver.frame
            )
        # The plain layout's page, ring and sizes; the boxes, arrows, notes and title as nudged.
        return replace(plain, steps=tuple(steps), arrows=tuple(arrows), title=title, context=context,
                       title_area=area, breakthroughs=tuple(breakthroughs))

