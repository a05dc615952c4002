"""The text measuring memo: words measured and texts wrapped once per text measure."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any, Callable, Sequence

from patroon.textfit import wrap

if TYPE_CHECKING:
    from patroon.layout.types import PatternLayout, TextMeasure


class Memo:
    """Memoises a TextMeasure: the layout measures and wraps the same texts many times.

    One per measure (see :func:`memo_for`), so the editor's re-flow after an
    edit only measures what changed.
    """

    def __init__(self, measure: TextMeasure):
        self.measure = measure
        self._widths: dict[tuple[str, float, bool], float] = {}
        self._blocks: dict[tuple[str, float, bool, float], tuple[tuple[str, ...], float, float, bool, bool]] = {}
        self._heights: dict[tuple[float, bool], float] = {}
        self._block_lists: dict[tuple, list] = {}
        self._geometry: dict[tuple, Any] = {}
        # The last few layouts: undo, redo and a presenter going back and forth ask for them again.
        self.layouts: dict[tuple, "PatternLayout"] = {}
        # The same without the manual nudges, with the solver and plan that made them:
        # dragging a box only places the box again.
        self.bases: dict[tuple, tuple] = {}

    def remember(self, key: tuple, layout: "PatternLayout") -> "PatternLayout":
        self.layouts[key] = layout
        while len(self.layouts) > 16:
            del self.layouts[next(iter(self.layouts))]
        return layout

    def remember_base(self, key: tuple, base: tuple) -> tuple:
        self.bases[key] = base
        while len(self.bases) > 16:
            del self.bases[next(iter(self.bases))]
        return base

    def recall(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered under ``key`` (what the geometry of one ring and box size gives).

        An edit of one text mostly leaves the box sizes as they were: the
        rings tried and the arrows drawn for them are then found here.
        """
        found = self._geometry.get(key, _MISSING)
        if found is _MISSING:
            if len(self._geometry) > 20_000:
                self._geometry.clear()
            found = self._geometry[key] = compute()
        return found

    def known(self, key: tuple) -> Any:
        """What :meth:`recall` remembers under ``key``, or None (nothing is computed)."""
        found = self._geometry.get(key, _MISSING)
        return None if found is _MISSING else found

    def line_height(self, size: float, bold: bool = False) -> float:
        key = (size, bold)
        h = self._heights.get(key)
        if h is None:
            h = self._heights[key] = self.measure.line_height(size, bold)
        return h

    def width_fn(self, size: float, bold: bool = False) -> Callable[[str], float]:
        cache = self._widths
        measure = self.measure

        def width(text: str) -> float:
            key = (text, size, bold)
            w = cache.get(key)
            if w is None:
                w = cache[key] = measure.width(text, size, bold)
            return w

        return width

    def block(
        self, text: str, size: float, bold: bool, max_width: float, *, strict: bool = False
    ) -> tuple[tuple[str, ...], float, float, bool]:
        """Wrap ``text``; return the lines, their widest width, their height, and whether they fit.

        ``strict``: a word broken with fewer than four letters on a line
        counts as not fitting (a wider box reads better).
        """
        lines, widest, height, fits, clean = self._block(text, size, bold, max_width)
        return lines, widest, height, fits and (clean or not strict)

    def blocks(self, texts: Sequence[str], size: float, widths: Sequence[float], *, all_or_none: bool = False):
        """Every text wrapped (strictly, see :meth:`block`) to its width: the solver asks again and again.

        ``all_or_none``: None as soon as one text does not fit (the rest are not wrapped).
        """
        key = (tuple(texts), size, tuple(widths), all_or_none)
        found = self._block_lists.get(key)
        if found is None:
            if len(self._block_lists) > 2_000:
                self._block_lists.clear()
            found = []
            known = self._blocks
            for t, w in zip(texts, widths):
                # As block(t, size, False, w, strict=True) does, without its calls: many texts, many widths.
                lines, widest, height, fits, clean = known.get((t, size, False, w)) or self._block(t, size, False, w)
                fits = fits and clean
                if not fits and all_or_none:
                    found = None
                    break
                found.append((lines, widest, height, fits))
            self._block_lists[key] = found
        return found

    def _block(self, text: str, size: float, bold: bool, max_width: float):
        key = (text, size, bold, max_width)
        found = self._blocks.get(key)
        if found is not None:
            return found
        if len(self._blocks) > 50_000 or len(self._widths) > 200_000:
            self._blocks.clear()
            self._widths.clear()
        width = self.width_fn(size, bold)
        wrapped = wrap(text, max_width, width)
        lines = tuple(wrapped.lines) if text.strip() else ()
        widest = max((width(line) for line in lines), default=0.0)
        found = self._blocks[key] = (lines, widest, len(lines) * self.line_height(size, bold), wrapped.fits, wrapped.clean)
        return found


_MISSING = object()
_MEASURERS: "weakref.WeakKeyDictionary[object, Memo]" = weakref.WeakKeyDictionary()


def memo_for(measure: TextMeasure) -> Memo:
    """The memo for ``measure``, kept as long as the measure lives.

    Measures that say they measure alike (the same ``memo_key``, e.g. every
    Qt measure of the bundled font) share one memo, so a caller that makes a
    new measure per call (the presenter, on every resize) still finds what
    was measured, wrapped and laid out before.
    """
    key = getattr(measure, "memo_key", measure)
    try:
        m = _MEASURERS.get(key)
        if m is None:
            m = _MEASURERS[key] = Memo(measure)
        return m
    except TypeError:  # not weakly referenceable
        return Memo(measure)


def forget_all() -> None:
    """Drop every memo and remembered ring (for measuring a cold layout)."""
    from patroon.layout.ring import forget_rings

    _MEASURERS.clear()
    forget_rings()
