"""Laying out a shipped pattern with and without a nudged box (the editor's drop).

For each shipped pattern: a fresh layout (nothing remembered), and a nudge of
one box when the pattern without nudges was laid out before (as in the
editor, where the drop re-flows a pattern already on screen).

    QT_QPA_PLATFORM=offscreen python benchmarks/nudge.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - the measure needs it
    from patroon import layout
    from patroon.fileformat import load_pattern
    from patroon.model import set_offset
    from patroon.render.measure import QtTextMeasure

    width, height = 1190.55 - 56, 841.89 - 56  # the editor's page: A3 landscape inside its margin

    def median_ms(pattern, keep_plain: bool) -> float:
        times = []
        for _ in range(15):
            measure = QtTextMeasure()
            if keep_plain:
                for step_id in pattern.layout.offsets:
                    layout.layout_pattern(set_offset(pattern, step_id, None), measure, width, height)
            t0 = time.perf_counter()
            layout.layout_pattern(pattern, measure, width, height)
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1000

    for path in sorted((ROOT / "patterns").glob("*.yaml")):
        pattern = load_pattern(path)
        nudged = set_offset(pattern, pattern.steps[1].id, (0.15, -0.1))
        print(f"{path.stem:32s} fresh {median_ms(pattern, False):5.1f} ms, fresh with a nudge "
              f"{median_ms(nudged, False):5.1f} ms, a drop {median_ms(nudged, True):5.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
