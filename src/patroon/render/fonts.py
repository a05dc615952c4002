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

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QPaintDevice

from patroon import PACKAGE_DIR

FAMILY_FALLBACK = "Open Sans"
_FILES = ("OpenSans-Regular.ttf", "OpenSans-Bold.ttf")
#: Emoji and symbols Open Sans lacks come from here, on every machine alike.
_SYMBOL_FILE = "Symbola.ttf"
SYMBOL_FAMILY = "Symbola"


@lru_cache(maxsize=1)
def _register() -> str:
    """Register the bundled text fonts; return their family."""
    family = ""
    folder = PACKAGE_DIR / "fonts"
    for name in _FILES:
        data = (folder / name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else ""
    return family or FAMILY_FALLBACK


@lru_cache(maxsize=1)
def _register_symbols() -> None:
    """Register the symbol font (3 MB, so only once some text needs it)."""
    data = (PACKAGE_DIR / "fonts" / _SYMBOL_FILE).read_bytes()
    symbols = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFontFromData(data))
    if symbols and hasattr(QFontDatabase, "addApplicationEmojiFontFamily"):
        # Qt 6.9+ sets emoji sequences in the system's emoji font, not by the family list;
        # a colour font (or none) there would leave empty boxes in a PDF.
        QFontDatabase.addApplicationEmojiFontFamily(symbols[0])


def ensure_fonts(*, symbols: bool = True) -> str:
    """Register the bundled fonts with Qt (once; needs a QGuiApplication) and return the text family's name.

    ``symbols=False`` leaves the symbol font until a text needs it (see
    :func:`ensure_fonts_for`): an export measures every text before it draws
    it, while an editor the user types emoji in needs the font from the start.
    """
    family = _register()
    if symbols:
        _register_symbols()  # after the text fonts: the order of registering shows in a PDF
    return family


def ensure_fonts_for(text: str) -> None:
    """Register the symbol font before ``text`` is measured or drawn, if it has a character Open Sans lacks."""
    if text.isascii() or _register_symbols.cache_info().currsize:  # nothing to check, or done
        return
    new = set(text) - _COVERED
    if not new:
        return
    metrics = QFontMetricsF(QFont(_register()))  # Open Sans alone: its own characters, no fallback
    for char in new:
        if not metrics.inFontUcs4(ord(char)):
            _register_symbols()
            return
        _COVERED.add(char)


def ensure_fonts_for_pattern(pattern) -> None:
    """Register the symbol font if any text of ``pattern`` (shown or not: notes, questions) needs it."""
    ensure_fonts_for("".join(_strings(pattern.model_dump())))


def _strings(data) -> list[str]:
    """Every string in ``data`` (a pattern's plain data: dicts, lists, tuples)."""
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, (list, tuple)) else ()
    return [text for value in values for text in _strings(value)]


#: Characters found in Open Sans (a text of them needs no symbol font).
_COVERED: set[str] = set()


def bundled_font_file(family: str, bold: bool) -> str | None:
    """The name of the bundled font file of ``family`` (in ``patroon/fonts``), or None for another font."""
    if family == FAMILY_FALLBACK:
        return _FILES[1] if bold else _FILES[0]
    if family == SYMBOL_FAMILY:
        return _SYMBOL_FILE
    return None


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
    font = QFont()
    font.setFamilies([_register(), SYMBOL_FAMILY])
    font.setPointSizeF(size_pt * 72.0 / device_dpi(device))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    font.setKerning(True)
    return font
