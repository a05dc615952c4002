"""What laying a pattern out for the presenter's screen costs, against laying it out as a sheet does.

    QT_QPA_PLATFORM=offscreen python benchmarks/present_layout.py [--runs N]

For every shipped pattern on a 1920x1080 screen's safe area: the CPU of a cold layout (nothing
remembered) as the presenter makes it (``fill``: the ring that sets the text largest) and as a
sheet would (the circle unless another ring wins clearly), and of the layout again after a
breakthrough is added live (D), with the step text size each sets. The presenter draws its
opening title before it lays out, so the cold layout is hidden behind the title; the live one is
what the room waits for after Enter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
AREA = (1728.0, 972.0)  # 1920x1080 less the 5% safe margin on every side
MAX_FONT = 1080 * 0.06


def cpu_ms(work) -> float:
    start = time.process_time()
    work()
    return (time.process_time() - start) * 1000


def measure(pattern, fill: bool, runs: int) -> tuple[float, float, float]:
    """Median CPU ms of a cold layout and of the layout after a live breakthrough, and the step size."""
    from patroon.layout import layout_pattern
    from patroon.layout.memo import forget_all
    from patroon.model import set_breakthrough
    from patroon.render.measure import QtTextMeasure

    live = set_breakthrough(pattern, pattern.steps[2].id, "Samen een visie maken")
    cold, after = [], []
    size = 0.0
    for _ in range(runs):
        forget_all()
        cold.append(cpu_ms(lambda: layout_pattern(pattern, QtTextMeasure(), *AREA, max_font=MAX_FONT, fill=fill)))
        after.append(cpu_ms(lambda: layout_pattern(live, QtTextMeasure(), *AREA, max_font=MAX_FONT, fill=fill)))
        size = layout_pattern(pattern, QtTextMeasure(), *AREA, max_font=MAX_FONT, fill=fill).step_font_size
    return statistics.median(cold), statistics.median(after), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    from PySide6.QtGui import QGuiApplication

    from patroon.fileformat import load_pattern
    from patroon.render.fonts import ensure_fonts

    app = QGuiApplication([])  # noqa: F841 - the text measure needs it
    ensure_fonts()
    print(f"{'pattern':28} {'screen px':>9} {'sheet px':>8} {'cold ms':>15} {'live D ms':>15}")
    for path in sorted((ROOT / "patterns").glob("*.yaml")):
        pattern = load_pattern(path)
        screen = measure(pattern, True, args.runs)
        sheet = measure(pattern, False, args.runs)
        print(f"{path.stem[:28]:28} {screen[2]:9.0f} {sheet[2]:8.0f} "
              f"{screen[0]:6.0f} ({screen[0] / sheet[0]:.1f}x) {screen[1]:6.0f} ({screen[1] / sheet[1]:.1f}x)")
    print("(cold: nothing remembered; live D: the layout again after a breakthrough is added; CPU ms, median;"
          " the ratio is against the same layout as a sheet)")


if __name__ == "__main__":
    main()
