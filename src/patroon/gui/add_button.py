"""The small "+" the canvas shows beside the selected step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsObject

from patroon.render.palette import DEFAULT as PALETTE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget


class HoverHighlight:
    """An item drawn highlighted while the pointer is over it (``_hover``)."""

    _hover = False

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._hover = False
        self.update()


class AddButtonItem(HoverHighlight, QGraphicsObject):
    """The small "+" beside the selected step: adds a step after it."""

    clicked = Signal()

    RADIUS = 11.0

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(5)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Add a step after this one (Insert)"))
        self._hover = False

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        r = self.RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.RADIUS + 2, self.RADIUS + 2)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(getattr(self.scene(), "colours", PALETTE).selected_border)
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(QBrush(color if self._hover else QColor("#ffffff")))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        painter.setPen(QPen(QColor("#ffffff") if self._hover else color, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        k = self.RADIUS * 0.5
        painter.drawLine(QPointF(-k, 0), QPointF(k, 0))
        painter.drawLine(QPointF(0, -k), QPointF(0, k))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.boundingRect().contains(event.pos()):
            self.clicked.emit()
