"""Text measuring for the layout, with the bundled font as every device will draw it."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QImage

from patroon.render.fonts import ensure_fonts_for, make_font

class QtTextMeasure:
    """Implements :class:`patroon.layout.TextMeasure` with the bundled font (needs a QGuiApplication).

    Measures on a 72 dpi image, where a point is a pixel, with the fonts of
    :func:`patroon.render.fonts.make_font`: what it measures at a size is what
    a painter in point units draws at that size on any device. (Qt sets type
    at whole pixel sizes, which is why the layout only picks whole sizes.)
    """

    # Shared by every instance: the presenter makes one per resize, and a
    # width once measured is the same for all of them.
    _device: QImage | None = None
    _metrics: dict[tuple[float, bool], QFontMetricsF] = {}
    _widths: dict[tuple[str, float, bool], float] = {}

    def __init__(self) -> None:
        cls = type(self)
        if cls._device is None:
            device = QImage(1, 1, QImage.Format.Format_ARGB32)
            dpm = round(72.0 / 0.0254)
            device.setDotsPerMeterX(dpm)
            device.setDotsPerMeterY(dpm)
            cls._device = device
        self._device = cls._device

    @property
    def memo_key(self) -> type:
        """Every instance measures alike: they share one layout memo (see patroon.layout.memo.memo_for)."""
        return type(self)

    def metrics(self, size: float, bold: bool = False) -> QFontMetricsF:
        """Qt's metrics of the bundled font at ``size`` points."""
        key = (size, bold)
        fm = self._metrics.get(key)
        if fm is None:
            fm = self._metrics[key] = QFontMetricsF(make_font(size, bold, self._device), self._device)
        return fm

    def width(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, size, bold)
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > 100_000:
                self._widths.clear()
            ensure_fonts_for(text)
            w = self._widths[key] = self.metrics(size, bold).horizontalAdvance(text)
        return w

    def line_height(self, size: float, bold: bool = False) -> float:
        return self.metrics(size, bold).lineSpacing()

    def ascent(self, size: float, bold: bool = False) -> float:
        return self.metrics(size, bold).ascent()

    def descent(self, size: float, bold: bool = False) -> float:
        return self.metrics(size, bold).descent()
