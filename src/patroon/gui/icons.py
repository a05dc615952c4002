"""Icons for the window and the toolbar.

The theme's icon is used where the desktop has one; otherwise a small icon is
drawn here, so the toolbar looks the same on every system without shipping
image files.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

INK = QColor("#2f3b4c")
ACCENT = QColor("#2a7ab0")


def app_icon() -> QIcon:
    """The application icon: the packaged PNGs (read when needed), else a drawn cycle of boxes."""
    folder = Path(__file__).resolve().parent.parent / "icons"
    sizes = [n for n in (16, 24, 32, 48, 64, 128, 256) if (folder / f"patroon-{n}.png").exists()]
    if sizes:
        packaged = QIcon()
        for n in sizes:
            packaged.addFile(str(folder / f"patroon-{n}.png"), QSize(n, n))
        return packaged
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_cycle_pixmap(size))
    return icon


def _cycle_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 64, size / 64)
    p.setPen(QPen(ACCENT, 4))
    p.drawEllipse(QPointF(32, 32), 20, 20)
    p.setPen(QPen(INK, 2))
    p.setBrush(QColor("#fdf6e3"))
    for k in range(4):
        a = math.radians(90 - k * 90)
        cx, cy = 32 + 20 * math.cos(a), 32 - 20 * math.sin(a)
        p.drawRoundedRect(QRectF(cx - 10, cy - 7, 20, 14), 4, 4)
    p.end()
    return pixmap


# Toolbar icons: the theme's name, and a drawing for systems without a theme.
_FALLBACK = {
    "document-new", "document-open", "document-save", "edit-undo", "edit-redo", "list-add",
    "list-remove", "go-up", "go-down", "zoom-fit-best", "zoom-in", "zoom-out",
    "x-office-presentation", "document-export", "document-print", "breakthrough", "edit-copy",
}


class _DrawnIcon(QIconEngine):
    """Draws a stand-in icon at the size asked, when it is first shown (nothing at start-up)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._cache: dict[tuple[int, int, bool], QPixmap] = {}
        self._themed: QIcon | None = None
        self._looked = False

    def clone(self) -> QIconEngine:
        return _DrawnIcon(self._name)

    def _theme(self) -> QIcon | None:
        # Looked up when first shown: searching the icon theme is slow for start-up.
        if not self._looked:
            self._looked = True
            if QIcon.themeName() and QIcon.hasThemeIcon(self._name):
                self._themed = QIcon.fromTheme(self._name)
        return self._themed

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        themed = self._theme()
        if themed is not None:
            return themed.pixmap(size, mode, state)
        side = max(1, min(size.width(), size.height()))
        key = (side, 1, mode == QIcon.Mode.Disabled)
        if key not in self._cache:
            self._cache[key] = _draw(self._name, side, disabled=mode == QIcon.Mode.Disabled)
        return self._cache[key]

    def paint(self, painter: QPainter, rect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        side = round(min(rect.width(), rect.height()) * ratio)
        pixmap = self.pixmap(QSize(side, side), mode, state)
        painter.drawPixmap(rect, pixmap)


_ICONS: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """The desktop theme's icon ``name`` where it has one, else a drawn stand-in."""
    if name not in _ICONS:
        _ICONS[name] = QIcon(_DrawnIcon(name)) if name in _FALLBACK else QIcon.fromTheme(name)
    return _ICONS[name]


def _draw(name: str, size: int, disabled: bool = False) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if disabled:
        p.setOpacity(0.35)
    p.scale(size / 24, size / 24)
    pen = QPen(INK, 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    if name == "document-new":
        p.drawPolyline(QPolygonF([QPointF(6, 3), QPointF(14, 3), QPointF(19, 8), QPointF(19, 21), QPointF(6, 21), QPointF(6, 3)]))
        p.drawPolyline(QPolygonF([QPointF(14, 3), QPointF(14, 8), QPointF(19, 8)]))
    elif name == "document-open":
        p.drawPolyline(QPolygonF([QPointF(3, 19), QPointF(3, 5), QPointF(9, 5), QPointF(11, 7), QPointF(19, 7), QPointF(19, 10)]))
        p.drawPolygon(QPolygonF([QPointF(3, 19), QPointF(6, 10), QPointF(22, 10), QPointF(19, 19)]))
    elif name == "document-save":
        p.drawRoundedRect(QRectF(4, 4, 16, 16), 2, 2)
        p.drawRect(QRectF(8, 4, 8, 5))
        p.drawRect(QRectF(7, 13, 10, 7))
    elif name in ("edit-undo", "edit-redo"):
        if name == "edit-redo":
            p.translate(24, 0)
            p.scale(-1, 1)
        path = QPainterPath(QPointF(6, 10))
        path.cubicTo(QPointF(11, 5), QPointF(20, 7), QPointF(19, 15))
        p.drawPath(path)
        p.drawPolyline(QPolygonF([QPointF(5, 5), QPointF(6, 10), QPointF(11, 11)]))
    elif name == "list-add":
        p.setPen(QPen(ACCENT, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(12, 5), QPointF(12, 19))
        p.drawLine(QPointF(5, 12), QPointF(19, 12))
    elif name == "list-remove":
        p.setPen(QPen(QColor("#b03a2e"), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(5, 12), QPointF(19, 12))
    elif name in ("go-up", "go-down"):
        if name == "go-down":
            p.translate(0, 24)
            p.scale(1, -1)
        p.drawLine(QPointF(12, 19), QPointF(12, 5))
        p.drawPolyline(QPolygonF([QPointF(6, 11), QPointF(12, 5), QPointF(18, 11)]))
    elif name == "zoom-fit-best":
        for a, b, c in (((4, 9), (4, 4), (9, 4)), ((15, 4), (20, 4), (20, 9)), ((20, 15), (20, 20), (15, 20)), ((9, 20), (4, 20), (4, 15))):
            p.drawPolyline(QPolygonF([QPointF(*a), QPointF(*b), QPointF(*c)]))
    elif name in ("zoom-in", "zoom-out"):
        p.drawEllipse(QPointF(10, 10), 6, 6)
        p.drawLine(QPointF(14.5, 14.5), QPointF(20, 20))
        p.drawLine(QPointF(7, 10), QPointF(13, 10))
        if name == "zoom-in":
            p.drawLine(QPointF(10, 7), QPointF(10, 13))
    elif name == "x-office-presentation":
        p.drawRect(QRectF(3, 4, 18, 12))
        p.drawLine(QPointF(12, 16), QPointF(12, 21))
        p.drawLine(QPointF(8, 21), QPointF(16, 21))
        p.setBrush(ACCENT)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(QPolygonF([QPointF(10, 7), QPointF(15, 10), QPointF(10, 13)]))
    elif name == "document-export":
        p.drawPolyline(QPolygonF([QPointF(14, 4), QPointF(5, 4), QPointF(5, 20), QPointF(17, 20), QPointF(17, 15)]))
        p.drawLine(QPointF(10, 11), QPointF(21, 11))
        p.drawPolyline(QPolygonF([QPointF(17, 7), QPointF(21, 11), QPointF(17, 15)]))
    elif name == "document-print":
        p.drawRect(QRectF(7, 3, 10, 6))
        p.drawRoundedRect(QRectF(3, 9, 18, 8), 2, 2)
        p.drawRect(QRectF(7, 14, 10, 7))
    elif name == "breakthrough":
        p.setPen(QPen(INK, 1.8))
        p.drawArc(QRectF(3, 3, 18, 18), 30 * 16, 300 * 16)
        p.setBrush(QColor("#e08a00"))
        p.setPen(QPen(QColor("#e08a00"), 1))
        p.drawEllipse(QPointF(19.5, 12), 3.5, 3.5)
    elif name == "edit-copy":
        p.drawRoundedRect(QRectF(8, 8, 12, 13), 2, 2)
        p.drawPolyline(QPolygonF([QPointF(5, 16), QPointF(4, 16), QPointF(4, 3), QPointF(15, 3), QPointF(15, 5)]))
    p.end()
    return pixmap
