"""Where the editor's memory goes: its resident size (VmRSS) after each stage of a start, against a bare window.

A child process goes through the editor's start in the order ``patroon FILE``
takes it (window first, then the model, the file, the layout and the first
paint), reading its VmRSS after each stage; a second child does the same
with :mod:`tracemalloc` on, for the share of each stage that is Python objects
(its own VmRSS is not used: tracing costs memory). A bare PySide6 window is
measured the same way. Medians over ``--runs`` starts.

    python benchmarks/memory.py [--runs 3] [--cold] [FILE]

``--cold`` starts with an empty cache folder, as the first start after
installing does: Hunspell's dictionary is then read for the seams of the
pattern's compound words. Needs a display (``DISPLAY``, or QT_QPA_PLATFORM);
``benchmarks/startup.py`` runs it on its own X server.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: (key, what it holds), in the order of a start; the child reports the same keys.
EDITOR_STAGES = (
    ("python", "Python itself"),
    ("pydantic", "pydantic"),
    ("model", "the pattern model (its pydantic schemas)"),
    ("yaml", "the file format (PyYAML)"),
    ("qt", "Qt: PySide6's modules and the QApplication"),
    ("editor modules", "editor modules read before the window (menus, files, document)"),
    ("translations", "translations and palette"),
    ("window", "the window on screen: menus, toolbar, dock"),
    ("canvas modules", "canvas, side panel, layout and painter modules"),
    ("fonts", "the bundled text fonts (Open Sans)"),
    ("workspace", "canvas and side panel widgets"),
    ("open", "the file read and laid out (hyphenation, Hunspell when cold)"),
    ("paint", "the first paint (glyph caches)"),
    ("icon", "the window icon"),
    ("settled", "let go after the first paint (source lines, garbage)"),
)
BARE_STAGES = (
    ("python", "Python itself"),
    ("qt", "Qt: PySide6's modules and the QApplication"),
    ("window", "the window on screen"),
)

_CHILD = r'''
import json, os, sys, time
RESULT = {}
_TRACE = bool(os.environ.get("MEMORY_TRACE"))
if _TRACE:
    import tracemalloc
    tracemalloc.start()

def mark(key):
    """The VmRSS (MB), the Python objects traced (MB) and the symbol font's state after a stage."""
    rss = 0.0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    traced = tracemalloc.get_traced_memory()[0] / 2**20 if _TRACE else 0.0
    RESULT[key] = (rss, traced)

def settle(app, seconds=0.15):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)

mark("python")
if sys.argv[1] != "bare":
    # As patroon.cli._start_gui does with a file: no collections until the first paint,
    # the model and the file format before Qt.
    import gc
    gc.disable()
    import pydantic.main
    mark("pydantic")
    import patroon.model
    mark("model")
    import patroon.fileformat
    mark("yaml")
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
mark("qt")
if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    settle(app, 0.3)
    mark("window")
else:
    from pathlib import Path
    from patroon.gui import app as app_module
    from patroon.gui.mainwindow import MainWindow
    mark("editor modules")
    app_module.make_application(sys.argv[:1])
    mark("translations")
    pending = []
    first_paint = app_module.after_first_paint
    app_module.after_first_paint = lambda: pending.append(True)
    window = MainWindow(lazy=True)
    app_module._show_now(app, window)
    mark("window")
    import patroon.gui.canvas, patroon.gui.sidepanel, patroon.gui.statusbar, patroon.render.painter
    mark("canvas modules")
    from patroon.render.fonts import ensure_fonts
    ensure_fonts(symbols=False)
    mark("fonts")
    window.build_workspace()
    mark("workspace")
    window.files.open_path(Path(sys.argv[1]))
    window.scene.flush()
    mark("open")
    deadline = time.perf_counter() + 10
    while not pending and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    mark("paint")
    app_module._set_icon()
    settle(app)
    mark("icon")
    first_paint()
    settle(app, 0.3)
    mark("settled")
    from patroon.render import fonts
    RESULT["symbol font"] = bool(fonts._register_symbols.cache_info().currsize)
    RESULT["hunspell"] = "hunspell" in sys.modules or "chunspell" in sys.modules
print(json.dumps(RESULT))
'''


def _child(what: str, env: dict, trace: bool, cold: bool) -> dict:
    run_env = dict(env)
    if trace:
        run_env["MEMORY_TRACE"] = "1"
    with tempfile.TemporaryDirectory(prefix="patroon-memory-cache-") as cache:
        if cold:
            run_env["XDG_CACHE_HOME"] = cache
        out = subprocess.run([sys.executable, "-c", _CHILD, what], env=run_env, capture_output=True, text=True,
                             timeout=120)
    if out.returncode:
        raise SystemExit(f"memory child failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(pattern: Path, env: dict, runs: int = 3, cold: bool = False) -> dict:
    """Median VmRSS and traced Python MB per stage, for the bare window and the editor on ``pattern``.

    Without ``cold`` one start first fills the cache folder of ``env`` (the
    seams of the pattern's words), as a pattern opened before finds it.
    """
    if not cold:
        _child(str(pattern), env, trace=False, cold=False)
    result = {}
    for what, stages in (("bare", BARE_STAGES), ("editor", EDITOR_STAGES)):
        arg = "bare" if what == "bare" else str(pattern)
        plain = [_child(arg, env, trace=False, cold=cold) for _ in range(runs)]
        traced = _child(arg, env, trace=True, cold=cold)
        result[what] = {key: (statistics.median(r[key][0] for r in plain), traced[key][1]) for key, _ in stages}
        result[what + " flags"] = {k: v for k, v in plain[-1].items() if isinstance(v, bool)}
    return result


def report(result: dict) -> str:
    """The breakdown as a table: MB per stage of the start, and the totals against the bare window."""
    lines = []
    for what, stages in (("bare PySide6 window", BARE_STAGES), ("editor", EDITOR_STAGES)):
        data = result["bare" if what.startswith("bare") else "editor"]
        lines.append(f"{what}: VmRSS after each stage (MB), what it added, and of that Python objects")
        before_rss = before_py = 0.0
        for key, label in stages:
            rss, py = data[key]
            lines.append(f"  {label:<66} {rss:6.1f}  {rss - before_rss:+6.1f}  (Python {py - before_py:+5.1f})")
            before_rss, before_py = rss, py
    bare = result["bare"]["window"][0]
    editor = result["editor"]["settled"][0]
    flags = result["editor flags"]
    lines.append(f"  symbol font registered: {'yes' if flags.get('symbol font') else 'no'}; "
                 f"Hunspell loaded: {'yes' if flags.get('hunspell') else 'no'}")
    lines.append(f"memory: bare {bare:.0f} MB, editor {editor:.0f} MB ({editor / bare:.2f}x); "
                 f"1.5x would be {1.5 * bare:.0f} MB")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "patterns" / "wereldvrede.yaml")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="start with an empty cache folder")
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="patroon-memory-") as home:
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[var] = str(Path(home) / var.lower())
        print(report(measure(args.file.resolve(), env, args.runs, args.cold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
