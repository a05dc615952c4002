"""The solver: the largest step text size, box sizes and radius at which everything fits."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

from patroon.layout.memo import memo_for
from patroon.layout.notes import NoteText, note_text
from patroon.layout.radius import RadiusSearch
from patroon.layout.ring import Frame
from patroon.layout.style import Style
from patroon.layout.title import TitleOption, title_fits, title_options
from patroon.layout.types import TextMeasure


@dataclass(frozen=True)
class Plan:
    """One way to set the steps: their text size, every box's size, the ring's radius and the texts' lines."""

    step_font_size: float
    box_sizes: tuple[tuple[float, float], ...]
    radius: float
    step_lines: tuple[tuple[str, ...], ...]
    title: TitleOption | None
    score: float  # lower is better
    feasible: bool = True


# For a few steps, the box width that fills the area well, as a share of its smaller side.
_TARGET_BOX_WIDTH = {2: 0.34, 3: 0.3, 4: 0.27, 5: 0.24, 6: 0.21}


class Solver(RadiusSearch):
    """Finds the plan for one ring: the largest whole step text size at which everything fits, and how."""

    def __init__(
        self,
        texts: Sequence[str],
        title: str,
        context: str,
        notes: dict[int, str],
        frame: Frame,
        measure: TextMeasure,
        width: float,
        height: float,
        min_font: float,
        min_lines: int,
    ):
        self.texts = texts
        self.title = title
        self.context = context
        self.notes = notes
        self.frame = frame
        self.memo = memo_for(measure)
        self.width = width
        self.height = height
        self.min_font = min_font
        self.min_lines = min_lines
        self.n = len(texts)
        # Set when nothing fits even at the floor size: arrows may then be only a head long.
        self.crowded = False
        # Rows of boxes on a rounded rectangle (a very full pattern): short arrows, like many steps have.
        self.short_arrows = False
        # Rows of boxes: how many across the top, and down each side.
        self.rows: tuple[int, int] | None = None
        self._searched: dict[tuple, Any] = {}  # sizes searched, and what every search asks again

    # -- one size --------------------------------------------------------

    def note_texts(self, s: float) -> dict[int, NoteText]:
        return {i: note_text(self.memo, text, s, self.min_font) for i, text in self.notes.items()}

    def plans(self, s: float, *, flared: bool = False, best_effort: bool = False) -> list[Plan]:
        """Every way to set the steps at size ``s`` that fits the area, best first.

        ``flared``: boxes wider at the sides and narrower at the top and
        bottom, which fits a full ring better (the sides' boxes stack, the
        top's sit side by side). ``best_effort``: if nothing fits, arrows may
        shrink to their heads, and failing that the boxes may crowd.
        """
        plans = self._plans(s, (0.4, 0.8) if flared else (0.0,), best_effort=False)
        if not plans and best_effort:
            plans = self.crowded_plans(s)
            if not plans:
                plans = self._plans(s, (0.0,), best_effort=True)
        return plans

    def crowded_plans(self, s: float) -> list[Plan]:
        """The plans at size ``s`` whose arrows may be only a head long (and the solver then stays crowded)."""
        self.crowded = True
        plans = self._plans(s, (0.0, 0.4, 0.8), best_effort=False)
        if not plans:
            self.crowded = False
        return plans

    def _plans(self, s: float, flares: Sequence[float], *, best_effort: bool) -> list[Plan]:
        """The plans at size ``s``, best first: only the best when one works.

        A plan's score follows from its box sizes alone, so the candidates are
        ranked first and the (costly) radius search runs best first, stopping
        at the first that works: every later one would rank lower.
        """
        style = Style(s)
        lh = self.memo.line_height(s)
        widths: tuple[float, ...] = (7.0, 8.0, 9.0, 10.0, 11.0, 12.5, 14.0, 16.0, 18.0, 21.0)
        least_lines = (self.min_lines,)
        if self.n > 12:
            # Many steps need small boxes: start narrower, down to the short texts' own width.
            own = self._own_width(s)
            widths = tuple(sorted({5.0, 6.0, *(w for w in (own, own * 1.1) if w < 5.0)})) + widths
            # ... and boxes only as tall as their text: a ring of many boxes is long enough as it is.
            least_lines = (self.min_lines, 1)
        if self.n > 12 and not best_effort and not self._may_fit(s, style, lh, widths, least_lines, flares):
            return []
        candidates, least = self._candidates(s, style, lh, widths, least_lines, flares)
        if not candidates:
            return []
        if self.n > 12 and not best_effort and not self._sizes_may_fit(s, least):
            return []  # as _may_fit, with the boxes as small as the candidates really have them
        return self._ranked_plans(s, style, candidates, best_effort)

    def _candidates(
        self, s: float, style: Style, lh: float, widths: Sequence[float], least_lines: Sequence[int],
        flares: Sequence[float],
    ) -> tuple[list, tuple[tuple[float, float], ...]]:
        """The candidate box sizes, ranked, and every box's least width and height over them.

        They follow from the texts and the ring, not from the notes: remembered
        for the rings of one size and for a pattern asked again with other notes.
        """
        texts = tuple(self.texts)
        if self.rows is not None and flares != (0.0,):
            key = ("row candidates", texts, self.rows, self.width, self.height, s, widths)
            return self.memo.recall(key, lambda: _with_least(self._row_candidates(s, style, lh, widths)))
        key = ("ring candidates", texts, self.frame.angles, self.width, self.height, s, widths, least_lines,
               flares, self.min_lines)
        return self.memo.recall(key, lambda: _with_least(self._ring_candidates(s, style, lh, widths, least_lines,
                                                                                flares)))

    def _may_fit(
        self, s: float, style: Style, lh: float, widths: Sequence[float], least_lines: Sequence[int],
        flares: Sequence[float],
    ) -> bool:
        """Whether boxes as small as any candidate's could be, box by box, find a ring (no text wrapped).

        Every candidate's boxes are at least this large, and a larger box only
        makes every check harder: if these find no ring, no candidate does.
        The notes are left out here (they only take room), their markers' room
        on the arrows is not. (Once the candidates are known, their own least
        sizes are checked with the notes roughly placed too: see :meth:`_plans`.)
        """
        full = all(t.strip() for t in self.texts)
        key = ("least", self.frame, self.rows, s, lh, tuple(widths), tuple(least_lines), tuple(flares), full)
        least = self.memo.recall(key, lambda: self._least_sizes(s, style, lh, widths, least_lines, flares, full))
        options = title_options(self.memo, self.title, self.context, s, self.min_font)
        return not self.bare_fails(s, least, options)

    def _sizes_may_fit(self, s: float, least: Sequence[tuple[float, float]]) -> bool:
        """Whether boxes of these sizes could find a ring: if not, no larger ones can (see :meth:`_may_fit`).

        The notes first left out, then placed roughly, as the radius search first places them.
        """
        options = title_options(self.memo, self.title, self.context, s, self.min_font)
        # Without notes a ring is found exactly when the boxes work at the largest radius the room allows;
        # with notes, not unless they work with the notes roughly placed too.
        if self.bare_fails(s, least, options):
            return False
        return not self.notes or not self.rough_fails(s, least, options, self.note_texts(s))

    def _least_sizes(
        self, s: float, style: Style, lh: float, widths: Sequence[float], least_lines: Sequence[int],
        flares: Sequence[float], full: bool,
    ) -> tuple[tuple[float, float], ...]:
        """Every box's least width and height over the candidates at size ``s`` (see :meth:`_may_fit`)."""
        pad_x2, pad_y2 = 2 * style.pad_x, 2 * style.pad_y
        least = []
        if self.rows is not None and flares != (0.0,):
            # Rows: a box a line tall if every text has one; the sides' boxes may be flatter (see _row_candidates).
            w = min(widths) * s + pad_x2
            line = lh if full else 0.0
            least = [(w, max(line + pad_y2, w / (3.4 if sided else 2.6))) for sided in self._in_side()]
        # Each flare's factor is positive and a product rounds monotonically: the narrowest width is the least.
        ems = min(widths)
        for a in () if least else self.frame.angles:
            c = abs(math.cos(a))
            w = min(ems * s * (1.0 + flare * (c * c - 0.5)) for flare in flares) + pad_x2
            least.append((w, max(min(least_lines) * lh + pad_y2, w / 2.6)))
        return tuple(least)

    def _ring_candidates(
        self, s: float, style: Style, lh: float, widths: Sequence[float], least_lines: Sequence[int],
        flares: Sequence[float],
    ) -> list:
        """Box sizes for a ring of boxes: equal boxes (flare 0), or wider at the sides; unranked."""
        side = [abs(math.cos(a)) for a in self.frame.angles]
        # Boxes placed alike (mirror images on the circle) get the same size.
        kinds = [round(c, 3) for c in side]
        # Few steps: boxes large enough to hold the eye in a big area.
        target = _TARGET_BOX_WIDTH.get(self.n, 0.0) * min(self.width, self.height)
        candidates: list = []
        pad_x2, pad_y2 = 2 * style.pad_x, 2 * style.pad_y
        for flare in flares:
            for ems in widths:
                inners = [ems * s * (1.0 + flare * (c * c - 0.5)) for c in side]
                # The widest boxes take any text (it may break badly); the others only texts that fit.
                blocks = self.memo.blocks(self.texts, s, inners, all_or_none=ems < 21.0)
                if blocks is None:
                    continue
                for min_lines in least_lines:
                    counts = [max(len(b[0]), min_lines) for b in blocks]
                    if min_lines < self.min_lines and counts == [max(len(b[0]), self.min_lines) for b in blocks]:
                        continue  # the same as with more lines
                    if flare == 0.0:
                        counts = [max(counts)] * self.n
                    else:
                        most: dict[float, int] = {}
                        for c, k in zip(counts, kinds):
                            most[k] = max(most.get(k, 0), c)
                        counts = [most[k] for k in kinds]
                    # Long, flat boxes look like banners: keep them at least this tall.
                    if flare == 0.0:
                        box_w = inners[0] + pad_x2
                        sizes = [(box_w, max(counts[0] * lh + pad_y2, box_w / 2.6))] * self.n
                    else:
                        sizes = [(inner + pad_x2, max(lines * lh + pad_y2, (inner + pad_x2) / 2.6))
                                 for inner, lines in zip(inners, counts)]
                    score = sum([abs(math.log(w / h / 1.75)) for w, h in sizes]) / self.n
                    score += 0.08 * max(0, max(counts) - 6) + 0.3 * flare
                    box_w = min(w for w, _ in sizes)
                    if box_w < target:
                        score += 1.2 * math.log(target / box_w)
                    candidates.append((score, len(candidates), tuple(sizes), tuple(b[0] for b in blocks)))
        return candidates

    def _ranked_plans(self, s: float, style: Style, candidates: list, best_effort: bool) -> list[Plan]:
        """The ranked candidates' plans, best first, up to the first that works."""
        options = title_options(self.memo, self.title, self.context, s, self.min_font)
        notes = self.note_texts(s)
        plans = []
        room_w = self.width - 2 * style.margin
        room_h = self.height - 2 * style.margin
        # Box sizes that found no ring: a candidate with every box as large or larger fails too
        # (a larger box leaves a smaller ring, and every check only gets harder), so it is not searched.
        failed: list[tuple[tuple[float, float], ...]] = []
        for score, _, sizes, lines in candidates:
            if plans and score + 100 >= plans[0].score:
                # Only plans that do not work come here (with ``best_effort``, after the same boxes
                # failed with shorter arrows): each scores at least 100 worse than its sizes, so none later wins.
                break
            if not best_effort and any(_dominates(sizes, f) for f in failed):
                continue
            if notes and not best_effort and (self.bare_fails(s, sizes, options)
                                              or self.rough_fails(s, sizes, options, notes)):
                # The radius search's first checks (quicker alone, and known across edits of the notes' words).
                failed.append(sizes)
                continue
            # Search with the notes roughly placed; place them properly once a ring works.
            # (A failure that cannot rank first is not measured to the end.)
            beat = self._to_beat(plans, score) if best_effort else None
            if beat is not None and self.off_beyond(s, sizes, options, beat):
                continue  # a failure further off than the best one known: it cannot rank first
            choice = self.radius_choice(s, sizes, notes, options, best_effort=best_effort, rough=bool(notes),
                                        worse_than=beat)
            if choice is not None and notes:
                e = self.extent(choice[0], sizes, style, notes)
                if e.w > room_w or e.h > room_h:
                    choice = self.radius_choice(s, sizes, notes, options, best_effort=best_effort, worse_than=beat)
            if choice is None:
                # With notes, only boxes that fail before the notes are placed properly tell about larger boxes.
                if not notes:
                    failed.append(sizes)
                continue
            radius, r_min, r_max = choice
            feasible = r_min <= r_max
            title = title_fits(self.frame, radius, sizes, options, style.clearance)
            if feasible:
                plans.append(Plan(s, sizes, radius, lines, title, score, True))
                break
            score += 100 + (r_min - r_max) / max(r_max, 1.0)
            plan = Plan(s, sizes, radius, lines, title, score, False)
            # The best first (the earlier of equals, as a stable sort would keep them).
            plans.insert(0 if not plans or score < plans[0].score else len(plans), plan)
        plans.sort(key=lambda p: p.score)
        return plans

    @staticmethod
    def _to_beat(plans: list[Plan], score: float) -> float | None:
        """How far off a failing candidate of this ``score`` may be and still rank first; None: any."""
        return None if not plans else plans[0].score - score - 100

    def _own_width(self, s: float) -> float:
        """The widest text's width at size ``s``, in ems (remembered: every ring asks for every size)."""
        key = ("own width", s)
        if key not in self._searched:
            width_of = self.memo.width_fn(s)
            self._searched[key] = max(width_of(t) for t in self.texts) / s
        return self._searched[key]

    def _in_side(self) -> list[bool]:
        """For rows of boxes: whether each box stands in a side (else in the top or bottom row)."""
        assert self.rows is not None
        key = ("in side", self.rows)
        if key not in self._searched:
            top, side = self.rows
            first, n = top - top // 2, self.n
            self._searched[key] = [first <= i < first + side or n - top // 2 - side <= i < n - top // 2 for i in range(n)]
        return self._searched[key]

    def _row_candidates(self, s: float, style: Style, lh: float, widths: Sequence[float]) -> list:
        """Box sizes for rows of boxes on a rounded rectangle: one width for the rows, another for the sides.

        The rows' boxes stand side by side, so they are narrow and tall; the
        sides' boxes stack, so they are wide and low. Pairs that cannot fit
        the room even packed as tightly as the arrows allow are left out
        before the costly radius search.
        """
        top, side = self.rows
        in_side = self._in_side()
        bottom = self.n - top - 2 * side
        gap = style.head_len + 0.4 * style.shaft + 2 * style.clearance
        room_w = self.width - 2 * style.margin
        room_h = self.height - 2 * style.margin
        sets, lines_of = {}, {}
        for ems in widths:
            for sided in (False, True):
                texts = [t for t, sd in zip(self.texts, in_side) if sd == sided]
                blocks = [self.memo.block(t, s, False, ems * s, strict=True) for t in texts]
                if not all(b[3] for b in blocks):
                    continue
                lines_of[(ems, sided)] = [b[0] for b in blocks]
                lines = max(len(b[0]) for b in blocks)
                box_w = ems * s + 2 * style.pad_x
                # The sides' boxes may be a little flatter than a ring's: they stack.
                box_h = max(lines * lh + 2 * style.pad_y, box_w / (3.4 if sided else 2.6))
                sets[(ems, sided)] = (box_w, box_h, lines)
        candidates = []
        for ems_r in widths:
            for ems_s in widths:
                row, col = sets.get((ems_r, False)), sets.get((ems_s, True))
                if row is None or col is None:
                    continue
                # The rows run between the corners, the sides' boxes stand out beyond them;
                # the sides' boxes stack between the rows' corner boxes (a little slack: the ring's corners are round).
                if (max(top, bottom) - 1) * (row[0] + gap) + max(row[0], col[0]) > 1.05 * room_w:
                    continue
                if (side - 1) * (col[1] + gap) + col[1] + 2 * (row[1] + gap) > 1.05 * room_h:
                    continue
                sizes = tuple(col[:2] if sd else row[:2] for sd in in_side)
                # Each text's lines as wrapped above, the rows' and the sides' in the steps' order.
                rows_lines, sides_lines = iter(lines_of[(ems_r, False)]), iter(lines_of[(ems_s, True)])
                lines = tuple(next(sides_lines) if sd else next(rows_lines) for sd in in_side)
                score = sum(abs(math.log(w / h / 1.75)) for w, h in sizes) / self.n
                score += 0.08 * max(0, max(row[2], col[2]) - 6) + 0.1 * abs(math.log(ems_s / ems_r))
                candidates.append((score, len(candidates), sizes, lines))
        return candidates

    # -- the size ----------------------------------------------------------

    def solve(self, max_font: float, *, best_effort: bool = True, at_least: int | None = None) -> Plan | None:
        """The plan with the largest whole-point step size that fits.

        Equal boxes first; flared boxes only when they set the text clearly
        larger, or when equal boxes cannot fit at all. When nothing fits: a
        crowded plan at the floor size, or None without ``best_effort``.
        ``at_least``: only sizes from this one up are of interest (None if none fits).
        """
        floor = math.ceil(self.min_font - 1e-9)
        top = max(floor, math.floor(max_font + 1e-9))
        low = floor if at_least is None else max(floor, at_least)
        if low > top:
            return None
        plain = self._search(low, top, flared=False)
        if plain is not None and plain.step_font_size >= min(top, floor + 2):
            return plain
        flared = self._search(low, top, flared=True)
        if flared is not None and (plain is None or flared.step_font_size >= plain.step_font_size + 2):
            return flared
        if plain is not None:
            return plain
        if not best_effort or at_least is not None:
            return None
        return self.plans(floor, best_effort=True)[0]

    def _search(self, lo: int, hi: int, *, flared: bool) -> Plan | None:
        """The largest whole size in [lo, hi] with a plan, and that plan.

        The answer is most often the top size or the one below it: those are
        tried first, then a binary search over the rest. Remembered: the
        circle asked again for its best effort searches no more.
        """
        key = (lo, hi, flared)
        if key not in self._searched:
            self._searched[key] = self._search_sizes(lo, hi, flared=flared)
        return self._searched[key]

    def _search_sizes(self, lo: int, hi: int, *, flared: bool) -> Plan | None:
        for size in (hi, hi - 1):
            if size < lo:
                return None
            found = self.plans(size, flared=flared)
            if found:
                return found[0]
        hi -= 1  # known not to work
        found = self.plans(lo, flared=flared)
        if not found:
            return None
        best_plan = found[0]
        while hi - lo > 1:
            mid = (lo + hi) // 2
            ps = self.plans(mid, flared=flared)
            if ps:
                lo, best_plan = mid, ps[0]
            else:
                hi = mid
        return best_plan



def _with_least(candidates: list) -> tuple[list, tuple[tuple[float, float], ...]]:
    """The candidates ranked, and every box's least width and height over them."""
    candidates.sort()
    columns = zip(*(sizes for _, _, sizes, _ in candidates))
    least = tuple((min(w for w, _ in column), min(h for _, h in column)) for column in columns)
    return candidates, least


def _dominates(sizes: Sequence[tuple[float, float]], other: Sequence[tuple[float, float]]) -> bool:
    """Whether every box of ``sizes`` is at least as wide and as tall as the same box of ``other``."""
    return all(w >= ow and h >= oh for (w, h), (ow, oh) in zip(sizes, other))
