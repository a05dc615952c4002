"""Guard against a PySide6 build that loses references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to None in every Qt method
that returns nothing; after a few thousand calls Python aborts with
"none_dealloc". pyproject.toml keeps that pair out; this test fails on any
future upgrade that brings the fault back (on 3.12+ None is immortal and its
count does not move).
"""

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter, QPainterPath


def test_void_qt_calls_keep_none_alive():
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    path = QPainterPath()
    before = sys.getrefcount(None)
    for i in range(2500):
        path.moveTo(QPointF(i, 0))
        path.lineTo(1.0, 1.0)
        painter.drawLine(0, 0, 1, 1)
        painter.setOpacity(1.0)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 50, f"None lost {before - after} references in 10,000 void Qt calls"
