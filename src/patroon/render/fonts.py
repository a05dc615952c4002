"""The bundled font, and fonts that measure the same on every paint device.

Patroon draws in point units on every device (screen, PDF, SVG, image,
printer). A QFont's point size is turned into pixels with the *device's*
logical DPI, and the painter's own scale then applies on top; so a font for
a painter whose units are points must have the point size ``size * 72 / dpi``
of its device. Hinting is off so glyph advances scale linearly and text
measured once fits everywhere.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase, QPaintDevice

FAMILY_FALLBACK = "Open Sans"
_FILES = ("OpenSans-Regular.ttf", "OpenSans-Bold.ttf")


@lru_cache(maxsize=1)
def _register() -> str:
    family = ""
    folder = resources.files("patroon") / "fonts"
    for name in _FILES:
        data = (folder / name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else ""
    return family or FAMILY_FALLBACK


def ensure_fonts() -> str:
    """Register the bundled font with Qt (once; needs a QGuiApplication) and return its family name."""
    return _register()


def device_dpi(device: QPaintDevice | None) -> float:
    """The logical DPI Qt uses to turn point sizes into pixels on ``device`` (72 without one)."""
    if device is None:
        return 72.0
    dpi = float(device.logicalDpiY())
    return dpi if dpi > 0 else 72.0


def make_font(size_pt: float, bold: bool = False, device: QPaintDevice | None = None) -> QFont:
    """A font in the bundled family whose glyphs measure ``size_pt`` units in a painter whose units are points.

    ``device`` is the painter's device (``painter.device()``); without one the
    font is for a 72 dpi device, where one point is one unit. Qt sets type at
    whole pixel sizes, so a fractional ``size_pt`` draws at the nearest whole
    size: the layout only uses whole sizes.
    """
    font = QFont(ensure_fonts())
    font.setPointSizeF(size_pt * 72.0 / device_dpi(device))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    font.setKerning(True)
    return font
