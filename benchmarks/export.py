"""How fast is ``patroon export``? Run by hand: ``python benchmarks/export.py [--runs N]``.

Measures, in one run on this machine:

1. the floor: a bare process that only creates a QApplication;
2. the libraries: a process that only imports PySide6's QtGui, creates a
   QGuiApplication and imports the model with pydantic and PyYAML;
3. a process exporting the five shipped patterns as A3 table-sheet PDFs
   (``patroon export patterns/*.yaml -o DIR/ --sheet table``);
4. the export's ratios: to the floor (target: at most 2x) and to the
   libraries (goal: at most 1.2x);
5. Qt's own share: a process that reads the five files, registers the font and
   has Qt write the five sheets' very paint commands (recorded beforehand) to
   five PDFs, with no layout and none of Patroon's painting code;
6. where an export process spends its CPU, stage by stage;
7. one 40-step pattern: a table sheet and a diagram PDF, as a process and
   in process (layout and painting only, the app already running).

Each process is started ``--runs`` times; the median counts. The processes take
turns, so a machine that gets busier slows them all alike. Each is timed by the
clock and by the CPU it used (user and system, its threads included): the goals
are judged on CPU, which other work on a busy machine disturbs far less.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = sorted((ROOT / "patterns").glob("*.yaml"))
BARE = "from PySide6.QtWidgets import QApplication; app = QApplication([])"
# What any export needs before it reads a file: Qt's painting module and an app, and the model
# with its libraries (pydantic, PyYAML). The export's goal: at most 1.2x this.
LIBRARIES = ("import gc; gc.disable(); from PySide6.QtGui import QGuiApplication; "
             "app = QGuiApplication([]); import patroon.fileformat")
# Qt's own share of the export: the five files read and the font registered as the export does, then
# the sheets' paint commands, recorded by record_sheets(), played into five PDFs by Qt alone.
QT_ALONE = r"""
import gc, sys
from pathlib import Path
gc.disable()
import patroon.fileformat
patterns = [patroon.fileformat.load_pattern(p) for p in sys.argv[2:]]
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPicture
app = QGuiApplication([])
fonts = patroon.PACKAGE_DIR / "fonts"
for name in ("OpenSans-Regular.ttf", "OpenSans-Bold.ttf"):
    QFontDatabase.addApplicationFontFromData((fonts / name).read_bytes())
for number in range(len(patterns)):
    picture = QPicture()
    picture.load(f"{sys.argv[1]}/{number}.pic")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A3), QPageLayout.Orientation.Landscape,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    picture.play(painter)
    painter.end()
    Path(f"{sys.argv[1]}/{number}.pdf").write_bytes(bytes(buffer.data()))
"""
# Where an export process spends its time, stage by stage (run in a fresh process).
STAGES = r"""
import gc, sys, time
from pathlib import Path
stages = []
t = time.process_time()
def stage(name):
    global t
    now = time.process_time()
    stages.append((name, now - t))
    t = now
import PySide6.QtGui
stage("import PySide6.QtGui")
gc.disable()  # as the export command does (patroon.cli): no collections while importing,
import patroon.fileformat
gc.freeze(); gc.enable()  # and what it imported set aside
stage("import the model and file format (pydantic, PyYAML)")
from patroon.render.export import ensure_app, ensure_fonts_loaded, page_for, render_pdf, sheet_of
ensure_app()
stage("import the renderer, create the app")
ensure_fonts_loaded()
stage("register the bundled font")
patterns = [patroon.fileformat.load_pattern(p) for p in sys.argv[1:]]
stage("read the five pattern files")
from patroon.textfit import _dictionary
_dictionary()
stage("load the Dutch hyphenation dictionary (pyphen; cached patterns after the first run)")
page = page_for("table", "pdf")
for pattern in patterns:
    sheet_of(pattern, page)
stage("lay out five A3 table sheets")
for pattern in patterns:
    render_pdf([pattern], page)
stage("paint and write five PDFs")
for name, seconds in stages:
    print(f"  {seconds * 1000:6.0f} ms  {name}")
"""


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The wall time and the CPU time (user and system) of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_time(argv: list[str], env: dict[str, str], runs: int) -> float:
    """The median wall time of ``argv``."""
    timed(argv, env)  # warm the file cache once
    return statistics.median(timed(argv, env)[0] for _ in range(runs))


def turn_times(commands: list[list[str]], env: dict[str, str], runs: int) -> list[tuple[float, float]]:
    """Median (wall, CPU) times of commands run in turn, so a busy machine slows them all alike."""
    for argv in commands:
        timed(argv, env)  # warm the file cache once
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for argv, seconds in zip(commands, times):
            seconds.append(timed(argv, env))
    return [(statistics.median(w for w, _ in seconds), statistics.median(c for _, c in seconds)) for seconds in times]


def record_sheets(folder: Path) -> None:
    """Record the paint commands of the five A3 table sheets (``N.pic`` in ``folder``) for QT_ALONE."""
    from PySide6.QtGui import QPainter, QPicture

    from patroon.fileformat import load_pattern
    from patroon.render.export import ensure_app, ensure_fonts_loaded, page_for, sheet_of
    from patroon.render.sheets import paint_sheet_layout

    ensure_app()
    ensure_fonts_loaded()
    page = page_for("table", "pdf")
    for number, path in enumerate(PATTERNS):
        picture = QPicture()
        painter = QPainter(picture)
        for sheet in sheet_of(load_pattern(path), page).pages():
            paint_sheet_layout(painter, sheet)
        painter.end()
        picture.save(str(folder / f"{number}.pic"))


def forty_steps(folder: Path) -> Path:
    from patroon.fileformat import save_pattern
    from patroon.model import validate

    pattern = validate({
        "title": "Veertig stappen",
        "steps": [{"text": f"Stap {i + 1}: iedereen wacht af."}
                  for i in range(40)],
    })
    path = folder / "veertig.yaml"
    save_pattern(pattern, path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    patroon = [sys.executable, "-m", "patroon"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        # An installed program has its bytecode compiled (pip does it); let both programs keep theirs
        # (in a private folder) even where the environment says not to write it. A private cache
        # folder too: the first (warm-up) export writes the parsed hyphenation patterns there,
        # as a user's first export does.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        env["XDG_CACHE_HOME"] = str(folder / "cache")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        record_sheets(folder)
        bare, libraries, five, qt_alone = turn_times([
            [sys.executable, "-c", BARE],
            [sys.executable, "-c", LIBRARIES],
            patroon + ["export", *map(str, PATTERNS), "-o", f"{folder}/tafel/", "--sheet", "table"],
            [sys.executable, "-c", QT_ALONE, str(folder), *map(str, PATTERNS)],
        ], env, args.runs)
        big = forty_steps(folder)
        forty_table = median_time(patroon + ["export", str(big), "-o", str(folder / "veertig.pdf"), "--sheet", "table"],
                                  env, args.runs)

        from patroon.layout import memo
        from patroon.fileformat import load_pattern
        from patroon.render import sheets
        from patroon.render.export import Page, ensure_app, ensure_fonts_loaded, page_for, render_pdf

        ensure_app()
        ensure_fonts_loaded()
        pattern = load_pattern(big)
        inside: dict[str, float] = {}
        for sheet in ("table", "diagram"):
            page: Page = page_for(sheet, "pdf")
            render_pdf([pattern], page)  # warm up
            sheets._RECENT.clear()  # time the layout too, not only the painting
            memo.forget_all()
            start = time.perf_counter()
            render_pdf([pattern], page)
            inside[sheet] = time.perf_counter() - start

        print("where an export process spends its CPU (one run, without Python's own start):")
        subprocess.run([sys.executable, "-c", STAGES, *map(str, PATTERNS)], check=True, env=env)
    print("                                    wall        CPU")
    for name, (wall, cpu) in (("bare QApplication process", bare), ("QtGui, app, pydantic and PyYAML", libraries),
                              ("export 5 A3 table-sheet PDFs", five), ("Qt alone writing the same 5 PDFs", qt_alone)):
        print(f"{name:34s} {wall * 1000:5.0f} ms   {cpu * 1000:5.0f} ms")
    to_floor = five[1] / bare[1]
    to_libraries = five[1] / libraries[1]
    print(f"export / bare QApplication         {five[0] / bare[0]:5.2f}x     {to_floor:5.2f}x   target <= 2x")
    print(f"export / QtGui, app, pydantic and PyYAML "
          f"{five[0] / libraries[0]:.2f}x {to_libraries:5.2f}x   goal <= 1.2x (on CPU)")
    print(f"Qt alone / QtGui, app, pydantic and PyYAML {qt_alone[1] / libraries[1]:.2f}x on CPU; the export costs "
          f"{(five[1] - qt_alone[1]) * 1000:.0f} ms more (Patroon's imports, layout and painting code)")
    print(f"export 40-step table sheet       {forty_table * 1000:7.0f} ms   (process, wall)")
    print(f"40-step table sheet, in process  {inside['table'] * 1000:7.0f} ms")
    print(f"40-step diagram, in process      {inside['diagram'] * 1000:7.0f} ms")
    return 0 if to_floor <= 2.0 and to_libraries <= 1.2 else 1


if __name__ == "__main__":
    sys.exit(main())
