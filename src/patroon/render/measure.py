"""Text measuring for the layout, with the bundled font as every device will draw it."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QImage

from patroon.render.fonts import make_font

# Sizes are measured at this size and scaled: unhinted advances are linear in the size.
_REFERENCE = 100.0


class QtTextMeasure:
    """Implements :class:`patroon.layout.TextMeasure` with the bundled font (needs a QGuiApplication).

    Measures on a 72 dpi image, where a point is a pixel, with hinting off:
    the widths match what a painter in point units draws on any device.
    """

    def __init__(self) -> None:
        self._device = QImage(1, 1, QImage.Format.Format_ARGB32)
        dpm = round(72.0 / 0.0254)
        self._device.setDotsPerMeterX(dpm)
        self._device.setDotsPerMeterY(dpm)
        self._metrics: dict[bool, QFontMetricsF] = {}
        self._widths: dict[tuple[str, bool], float] = {}

    def _fm(self, bold: bool) -> QFontMetricsF:
        fm = self._metrics.get(bold)
        if fm is None:
            fm = self._metrics[bold] = QFontMetricsF(make_font(_REFERENCE, bold, self._device), self._device)
        return fm

    def width(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, bold)
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > 50000:
                self._widths.clear()
            w = self._widths[key] = self._fm(bold).horizontalAdvance(text)
        return w * size / _REFERENCE

    def line_height(self, size: float, bold: bool = False) -> float:
        return self._fm(bold).lineSpacing() * size / _REFERENCE

    def ascent(self, size: float, bold: bool = False) -> float:
        return self._fm(bold).ascent() * size / _REFERENCE

    def descent(self, size: float, bold: bool = False) -> float:
        return self._fm(bold).descent() * size / _REFERENCE
