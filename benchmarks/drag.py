"""Dragging a box in a 40-step pattern: time per mouse move (with the repaint) and for the drop.

A drag moves one cached item; nothing is laid out until the mouse is
released, when the nudge becomes one undo command and the pattern is laid out
once. Smooth means well under a frame (16 ms) per move.

    QT_QPA_PLATFORM=offscreen python benchmarks/drag.py [--steps 40]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--moves", type=int, default=120)
    args = parser.parse_args()

    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from patroon.gui.app import make_application
    from patroon.model import Pattern

    app = make_application(sys.argv[:1], "nl")
    from patroon.gui.mainwindow import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    pattern = Pattern(title="Veertig stappen",
                      steps=[{"text": f"Stap {i + 1}: iemand doet iets waardoor een ander iets laat"} for i in range(args.steps)])
    window.document.reset(pattern, None)
    app.processEvents()
    view, scene = window.view, window.scene
    item = scene.steps[pattern.steps[0].id]
    viewport = view.viewport()
    start = view.mapFromScene(item.sceneBoundingRect().center())

    def send(kind, pos, button, buttons):
        event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons,
                            Qt.KeyboardModifier.NoModifier)
        app.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    times = []
    for k in range(1, args.moves + 1):
        pos = start + QPointF(k * 0.15, k * 0.1).toPoint()
        t0 = time.perf_counter()
        send(QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton)
        viewport.repaint()
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    send(QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
    scene.flush()
    viewport.repaint()
    drop = time.perf_counter() - t0
    assert window.document.undo_stack.count() == 1, "the drag was not recorded as one command"

    ms = sorted(t * 1000 for t in times)
    print(f"{args.steps} steps, {args.moves} moves: median {statistics.median(ms):.1f} ms per move "
          f"(95th percentile {ms[int(0.95 * len(ms)) - 1]:.1f} ms, worst {ms[-1]:.1f} ms)")
    print(f"drop (one undo command, one layout, repaint): {drop * 1000:.0f} ms")
    window.document.reset(window.document.pattern, None)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
