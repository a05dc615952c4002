"""The radius search: the largest ring that fits the area, and the least at which the boxes and arrows work."""

from __future__ import annotations

import math
from typing import Sequence

from patroon.layout.notes import NoteText, note_sizes, place_note
from patroon.layout.ring import Sizes, ring_boxes, spacing_ok
from patroon.layout.style import Style
from patroon.layout.title import title_fits
from patroon.layout.types import Rect


class RadiusSearch:
    """The radius search of :class:`patroon.layout.solver.Solver` (its frame, area, notes and steps)."""

    def extent(
        self, radius: float, sizes: Sizes, style: Style, notes: dict[int, NoteText], *, rough: bool = False
    ) -> Rect:
        """Everything drawn at this radius, relative to the circle's centre.

        ``rough``: the notes just outside the ring, not yet moved clear of the
        boxes and each other (quick, for searching; the layout checks them placed).
        """
        frame = self.frame
        reach = style.head_half + style.stroke
        rx, ry = radius * frame.ax + reach, radius * frame.ay + reach
        x0, y0, x1, y1 = -rx, -ry, rx, ry
        for (ux, uy), (w, h) in zip(frame.places, sizes):
            cx, cy = radius * ux, radius * uy
            x0, y0 = min(x0, cx - w / 2), min(y0, cy - h / 2)
            x1, y1 = max(x1, cx + w / 2), max(y1, cy + h / 2)
        if not notes:
            return Rect(x0, y0, x1 - x0, y1 - y0)
        boxes = ring_boxes(frame, radius, sizes)
        for b in self.note_boxes(radius, boxes, style, notes, rough=rough).values() if notes else ():
            x0, y0 = min(x0, b.x), min(y0, b.y)
            x1, y1 = max(x1, b.right), max(y1, b.bottom)
        return Rect(x0, y0, x1 - x0, y1 - y0)

    def note_boxes(
        self, radius: float, boxes: Sequence[Rect], style: Style, notes: dict[int, NoteText], *, rough: bool = False
    ) -> dict[int, Rect]:
        placed: dict[int, Rect] = {}
        for i, note in notes.items():
            marker = self.frame.arc_point(i, 0.5, radius)
            obstacles = () if rough else list(boxes) + list(placed.values())
            placed[i] = place_note(
                marker,
                (0.0, 0.0),
                note,
                style.pad_y,
                obstacles,
                radius,
                style.clearance + style.marker_radius,
                self.frame,
            )
        return placed

    def gaps_needed(self, style: Style) -> list[float]:
        """The free length of ring each arrow needs: its head, a line before it, and room for a marker."""
        # A circle of many steps has short arrows: the head, and a little line before it.
        shaft = style.shaft if self.n <= 12 and not self.short_arrows else 0.4 * style.shaft
        if self.crowded:
            shaft = 0.0
        return [
            style.head_len + shaft + (2 * style.marker_radius + shaft if i in self.notes else 0)
            for i in range(self.n)
        ]

    def radius_choice(
        self, s: float, sizes: Sizes, notes: dict[int, NoteText], options, *, best_effort: bool, rough: bool = False,
        worse_than: float | None = None,
    ) -> tuple[float, float, float] | None:
        """The radius to use, the least that works and the largest the area allows; None if none works.

        With ``best_effort``, a layout that does not work is still returned
        (at the largest radius the area allows, least > largest); with
        ``worse_than`` too, None once it is clear that (least - largest) /
        max(largest, 1) exceeds it (a failure that ranks lower than one known).
        Remembered in the memo: it follows from the ring, the area and the sizes alone
        (the notes' sizes, not their words: a note reworded to the same size finds it).
        """
        key = ("radius", self.frame, self.width, self.height, self.n, tuple(self.notes), self.crowded,
               self.short_arrows, s, tuple(sizes), note_sizes(notes), tuple(options), best_effort, rough,
               worse_than)
        return self.memo.recall(key, lambda: self._radius_choice(
            s, sizes, notes, options, best_effort=best_effort, rough=rough, worse_than=worse_than))

    def bare_fails(self, s: float, sizes: Sizes, options) -> bool:
        """Whether the boxes fail even at the largest radius the room allows before any note takes room.

        The notes only take room, so a ring that fails so fails with them too,
        and so does one of boxes as large or larger (a smaller ring, every check harder).
        """
        key = ("bare fails", self.frame, self.width, self.height, self.n, tuple(self.notes), self.crowded,
               self.short_arrows, s, tuple(sizes), tuple(options))

        def fails() -> bool:
            r = self.largest_radius(s, sizes)
            return not (r > 0 and self._works(s, sizes, options)(r))

        return self.memo.recall(key, fails)

    def largest_radius(self, s: float, sizes: Sizes) -> float:
        """The largest radius at which the ring and its boxes fit the room, before any note takes room."""
        key = ("largest radius", self.frame, self.width, self.height, s, tuple(sizes))

        def largest() -> float:
            style = Style(s)
            room_w, room_h = self.width - 2 * style.margin, self.height - 2 * style.margin
            return self._largest_bare_radius(max(self.width, self.height), sizes, style, room_w, room_h)

        return self.memo.recall(key, largest)

    def off_beyond(self, s: float, sizes: Sizes, options, off: float) -> bool:
        """Whether the least radius that works is certainly more than ``off`` (a share of the largest) too large.

        The largest radius the room allows is at most :meth:`largest_radius`,
        whatever the notes take: if the boxes do not work even at a radius
        that far (and a little) beyond it, a best effort with them is further
        off than ``off`` and ranks lower (see :meth:`radius_choice`).
        """
        key = ("off beyond", self.frame, self.width, self.height, self.n, tuple(self.notes), self.crowded,
               self.short_arrows, s, tuple(sizes), tuple(options), off)

        def beyond_off() -> bool:
            r_max = self.largest_radius(s, sizes)
            beyond = r_max + (off + 1e-6) * max(r_max, 1.0) + 1e-6
            return beyond < 5e4 and not self._works(s, sizes, options)(beyond)

        return self.memo.recall(key, beyond_off)

    def rough_fails(self, s: float, sizes: Sizes, options, notes: dict[int, NoteText]) -> bool:
        """Whether the boxes fail even with the notes only roughly placed, at the largest radius the room then allows.

        As :meth:`bare_fails`, with each note just outside the ring on the ray
        through its marker: the first check of :meth:`radius_choice`'s search,
        so boxes that fail it find no ring with these notes, nor do larger ones.
        """
        key = ("rough fails", self.frame, self.width, self.height, self.n, self.crowded, self.short_arrows, s,
               tuple(sizes), tuple(options), note_sizes(notes))

        def fails() -> bool:
            r = self.largest_radius(s, sizes)
            if r > 0:
                style = Style(s)
                room_w, room_h = self.width - 2 * style.margin, self.height - 2 * style.margin
                r = self._largest_bare_radius(r, sizes, style, room_w, room_h, notes)
            return not (r > 0 and self._works(s, sizes, options)(r))

        return self.memo.recall(key, fails)

    def _works(self, s: float, sizes: Sizes, options):
        """Whether a radius works: boxes apart, arrows with room, and the title in the middle."""
        style = Style(s)
        gaps = self.gaps_needed(style)
        smallest = 0.25 * max(w + h for w, h in sizes)

        def works(r: float) -> bool:
            return (
                r >= smallest
                and spacing_ok(self.frame, r, sizes, gaps, style.clearance)
                and title_fits(self.frame, r, sizes, options, style.clearance) is not None
            )

        return works

    def _radius_choice(
        self, s: float, sizes: Sizes, notes: dict[int, NoteText], options, *, best_effort: bool, rough: bool = False,
        worse_than: float | None = None,
    ) -> tuple[float, float, float] | None:
        style = Style(s)
        works = self._works(s, sizes, options)

        # The page: the largest radius at which everything stays inside.
        room_w = self.width - 2 * style.margin
        room_h = self.height - 2 * style.margin

        # Without the notes first (cheap): the notes only add to what is drawn.
        lo = self._largest_bare_radius(max(self.width, self.height), sizes, style, room_w, room_h)
        rough_done = False
        if notes and rough and lo > 0:
            # Roughly placed notes move with the radius too: one more Newton search.
            lo = self._largest_bare_radius(lo, sizes, style, room_w, room_h, notes)
            rough_done = True
        r_max = lo
        if not best_effort and not (r_max > 0 and works(r_max)):
            # Too crowded even with all the room the notes could leave (works
            # only gets easier with a larger radius): no need to place them.
            return None
        if notes and r_max > 0:
            # Placed properly, clear of the boxes and of each other, the notes may need a little more room.
            r_max = self._shrink_for_notes(r_max, sizes, style, notes, room_w, room_h, rough and not rough_done)
        if r_max > 0 and works(r_max):
            # Spread out into the room there is, but not so far that the boxes drift apart.
            if works(0.9 * r_max / 1.18):
                return 0.9 * r_max, 0.0, r_max
            lo, hi = 0.9 * r_max / 1.18, r_max
            for _ in range(12):
                mid = (lo + hi) / 2
                if works(mid):
                    hi = mid
                else:
                    lo = mid
            return min(r_max, 1.18 * hi), hi, r_max
        if not best_effort:
            return None
        # How far off: the least radius that would work, for ranking the failures. It ends above
        # every radius found not to work: once one of those ranks worse than ``worse_than``, so does it.
        scale = max(r_max, 1.0)
        worst = math.inf if worse_than is None else worse_than + 1e-9
        if rough and notes and worst < math.inf:
            # Roughly placed notes: the answer stands only if the notes placed properly fit at its radius
            # (else the caller asks again without ``rough``), and only then may it be cut short.
            e = self.extent(scale, sizes, style, notes)
            if e.w > room_w or e.h > room_h:
                worst = math.inf

        lo, hi = scale, scale * 2
        while not works(hi) and hi < 1e5:
            lo, hi = hi, hi * 2
            if (lo - r_max) / scale > worst:
                return None
        for _ in range(7):
            mid = (lo + hi) / 2
            if works(mid):
                hi = mid
            else:
                lo = mid
                if (lo - r_max) / scale > worst:
                    return None
        return scale, hi, r_max

    def _largest_bare_radius(
        self, hi: float, sizes: Sizes, style: Style, room_w: float, room_h: float, notes: dict[int, NoteText] | None = None
    ) -> float:
        """The largest radius up to ``hi`` at which the ring and its boxes fit the room (boxes not nudged).

        Every edge of what is drawn moves linearly with the radius, so the
        overshoot is convex and piecewise linear in it: Newton's method from
        above lands on the answer in a few steps. With ``notes``: each note
        roughly placed too, just outside the ring on the ray through its marker.
        """
        frame = self.frame
        reach = style.head_half + style.stroke
        terms_x = [(frame.ax, reach, -frame.ax, -reach)]
        terms_y = [(frame.ay, reach, -frame.ay, -reach)]
        for (ux, uy), (w, h) in zip(frame.places, sizes):
            terms_x.append((ux, w / 2, ux, -w / 2))
            terms_y.append((uy, h / 2, uy, -h / 2))
        clear = style.clearance + style.marker_radius
        for i, note in (notes or {}).items():
            mx, my = frame.unit(frame.angles[i] + 0.5 * frame.sweeps[i])
            d = math.hypot(mx, my) or 1.0
            dx, dy = mx / d, my / d
            w, h = note.width + 2 * style.pad_y, note.height + 2 * style.pad_y
            # Far enough along the ray that the note's nearest edge clears the ring.
            out = clear + abs(dx) * w / 2 + abs(dy) * h / 2
            terms_x.append((mx, out * dx + w / 2, mx, out * dx - w / 2))
            terms_y.append((my, out * dy + h / 2, my, out * dy - h / 2))

        highs_x, lows_x = _outermost(terms_x)
        highs_y, lows_y = _outermost(terms_y)

        def span(highs, lows, r: float) -> tuple[float, float]:
            # (extent, slope) of max(a r + b) - min(c r + d); the first of equals, as max and min keep it
            top, top_v = highs[0], highs[0][0] * r + highs[0][1]
            for a, b in highs:
                if a * r + b > top_v:
                    top, top_v = (a, b), a * r + b
            low, low_v = lows[0], lows[0][0] * r + lows[0][1]
            for c, d in lows:
                if c * r + d < low_v:
                    low, low_v = (c, d), c * r + d
            return top_v - low_v, top[0] - low[0]

        r = hi
        for _ in range(12):
            w, sw = span(highs_x, lows_x, r)
            h, sh = span(highs_y, lows_y, r)
            over_w, over_h = w - room_w, h - room_h
            over, slope = (over_w, sw) if over_w >= over_h else (over_h, sh)
            if over <= 1e-9:
                return r
            if slope <= 1e-12:
                return 0.0
            r = max(0.0, r - over / slope)
            if r == 0.0:
                return 0.0
        # Not settled (it always does): a bisection below the last point.
        lo, hi = 0.0, r
        for _ in range(18):
            mid = (lo + hi) / 2
            e = self.extent(mid, sizes, style, {})
            if e.w <= room_w and e.h <= room_h:
                lo = mid
            else:
                hi = mid
        return lo

    def _shrink_for_notes(
        self, r: float, sizes: Sizes, style: Style, notes: dict[int, NoteText], room_w: float, room_h: float, rough: bool
    ) -> float:
        """The largest radius up to ``r`` at which the notes fit the room too.

        What is drawn grows about linearly with the radius, so a few secant
        steps on the overshoot find it (bisection if they do not).
        """

        def over(radius: float) -> float:
            e = self.extent(radius, sizes, style, notes, rough=rough)
            return max(e.w - room_w, e.h - room_h)

        hi, f_hi = r, over(r)
        if f_hi <= 0:
            return r
        lo, f_lo = None, 0.0
        slope = 2.0  # a first guess: both sides of the ring move out
        guess = r - f_hi / slope
        prev = (r, f_hi)
        for _ in range(6):
            guess = max(guess, 0.0)
            f = over(guess)
            if abs(prev[0] - guess) > 1e-6:
                slope = min(4.0, max(0.3, (prev[1] - f) / (prev[0] - guess)))
            prev = (guess, f)
            if f <= 0:
                lo, f_lo = guess, f
                if f > -1.0:  # within a point of the page's edge: close enough
                    return guess
            else:
                hi, f_hi = guess, f
            if lo is None:
                guess = hi - f_hi / slope - 0.5
            else:
                # Aim a little inside the bracket's zero.
                guess = lo + (hi - lo) * (-f_lo) / (f_hi - f_lo) - 0.25
                guess = min(max(guess, lo), hi)
        if lo is not None:
            return lo
        lo = 0.0
        for _ in range(10):
            mid = (lo + hi) / 2
            if over(mid) <= 0:
                lo = mid
            else:
                hi = mid
        return lo


def _outermost(terms: list[tuple[float, float, float, float]]) -> tuple[list, list]:
    """The terms (a, b) of max(a r + b) and (c, d) of min(c r + d) that can be outermost for r > 0.

    Of the terms with the same offset only the one with the largest slope can
    be the maximum (the least, the minimum): many boxes share a size, so this
    leaves a few terms of many. Their order is kept.
    """
    highs: dict[float, tuple[int, float]] = {}
    lows: dict[float, tuple[int, float]] = {}
    for k, (a, b, c, d) in enumerate(terms):
        if b not in highs or a > highs[b][1]:
            highs[b] = (k, a)
        if d not in lows or c < lows[d][1]:
            lows[d] = (k, c)
    return ([(a, b) for b, (k, a) in sorted(highs.items(), key=lambda item: item[1][0])],
            [(c, d) for d, (k, c) in sorted(lows.items(), key=lambda item: item[1][0])])

