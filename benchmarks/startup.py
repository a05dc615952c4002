"""How long `patroon FILE` and `patroon present FILE` take, against a bare PySide6 window.

Each is started as a new process on the same X server, in turns, and timed
from the start of the process until the window is mapped (found with
``xdotool search --onlyvisible``), until the editor's diagram is painted and
until the presentation is painted full screen (Patroon says both on stderr
with PATROON_TRACE_STARTUP). Memory: each process's resident size (VmRSS)
once it has drawn. The goals: each time and the editor's memory within 1.5
times the bare window's. Also lists heavy modules that should not load at start-up, the CPU time
of each start (steadier than the times on a busy machine) and where the editor's memory goes
(benchmarks/memory.py).

    python benchmarks/startup.py [--runs 7] [FILE]

Starts its own Xvfb (and needs xdotool) unless DISPLAY is set and
``--use-display`` is given.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import memory  # noqa: E402 - benchmarks/memory.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.5

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle(sys.argv[1])
window.resize(1200, 800)
window.show()
app.exec()
"""

HEAVY = ("networkx", "patroon.render.export", "patroon.render.sheets", "patroon.gui.exporting",
         "PySide6.QtPrintSupport", "PySide6.QtSvg")


def start_x(env: dict) -> list[subprocess.Popen]:
    for number in range(150, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env["DISPLAY"] = f":{number}"
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline:
            raise SystemExit("Xvfb did not start")
        time.sleep(0.02)
    procs = [xvfb]
    if shutil.which("openbox"):
        procs.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(0.5)
    return procs


def resident_mb(pid: int) -> float:
    """The resident memory of process ``pid`` in MB (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_ms(pid: int) -> float:
    """The CPU time process ``pid``'s main thread has used so far, in ms (Linux; from /proc/PID/schedstat).

    Unlike the wall-clock times it hardly depends on what else the machine is
    doing, so it shows what a change saved on a busy machine too.
    """
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e6
    except (OSError, ValueError, IndexError):
        return float("nan")


CPU: dict[str, list[float]] = {"bare": [], "diagram": [], "present": []}


def time_to_present(cmd: list[str], env: dict, timeout: float = 30.0) -> float:
    """Seconds from starting ``cmd`` (``patroon present FILE``) until the presentation is painted full screen."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**env, "PATROON_TRACE_STARTUP": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([proc.stderr], [], [], timeout)
            line = proc.stderr.readline() if ready else ""
            if "presentation painted" in line:
                CPU["present"].append(cpu_ms(proc.pid))
                return time.perf_counter() - start
            if not line and proc.poll() is not None:
                break
        raise SystemExit(f"no presentation from {cmd}")
    finally:
        proc.kill()
        proc.wait()


MEMORY: dict[str, list[float]] = {"bare": [], "patroon": []}


def time_to_window(cmd: list[str], title: str, env: dict, timeout: float = 30.0) -> tuple[float, float | None]:
    """Seconds from starting ``cmd`` until a visible window named ``title`` exists, and (for
    Patroon, which says so on stderr with PATROON_TRACE_STARTUP) until its diagram is painted.
    The process's memory once it has drawn goes into :data:`MEMORY`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**env, "PATROON_TRACE_STARTUP": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        while True:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                                   capture_output=True, text=True)
            if found.returncode == 0 and found.stdout.strip():
                shown = time.perf_counter() - start
                if "patroon" not in cmd:
                    CPU["bare"].append(cpu_ms(proc.pid))
                break
            if time.perf_counter() - start > timeout or proc.poll() is not None:
                raise SystemExit(f"no window {title!r} from {cmd}")
            time.sleep(0.005)
        painted = None
        if "patroon" in cmd:
            ready, _, _ = select.select([proc.stderr], [], [], timeout)
            if ready and "diagram painted" in proc.stderr.readline():
                painted = time.perf_counter() - start
                CPU["diagram"].append(cpu_ms(proc.pid))
        time.sleep(0.3)  # what a window holds once it has settled
        MEMORY["patroon" if "patroon" in cmd else "bare"].append(resident_mb(proc.pid))
        return shown, painted
    finally:
        proc.kill()
        proc.wait()


def loaded_modules(env: dict, pattern: Path) -> list[str]:
    """The heavy modules loaded once the editor window shows ``pattern`` (offscreen)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from patroon.gui.app import make_application\n"
        "app = make_application(sys.argv[:1])\n"
        "from patroon.gui.mainwindow import MainWindow\n"
        "w = MainWindow(); w.show(); w.files.open_path(Path(sys.argv[1])); app.processEvents()\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(pattern)], env={**env, "QT_QPA_PLATFORM": "offscreen"},
                         capture_output=True, text=True, check=True)
    return out.stdout.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "patterns" / "wereldvrede.yaml")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--use-display", action="store_true", help="use $DISPLAY instead of a private Xvfb")
    parser.add_argument("--no-breakdown", action="store_true", help="leave out where the memory goes (benchmarks/memory.py)")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="patroon-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    # An installed program has its bytecode compiled (pip does it); let both programs keep theirs
    # (in a private folder) even where the environment says not to write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    procs = [] if args.use_display and os.environ.get("DISPLAY") else start_x(env)
    pattern = home / args.file.name
    shutil.copy(args.file, pattern)
    try:
        bare_cmd = [sys.executable, "-c", BARE, "bare-window-bench"]
        patroon_cmd = [sys.executable, "-m", "patroon", str(pattern)]
        # one warm-up each, so both read their files from the page cache
        time_to_window(bare_cmd, "bare-window-bench", env)
        time_to_window(patroon_cmd, f"{pattern.name} — Patroon", env)
        present_cmd = [sys.executable, "-m", "patroon", "present", str(pattern)]
        time_to_present(present_cmd, env)
        for figures in (*MEMORY.values(), *CPU.values()):
            figures.clear()
        bare, patroon, diagram, present = [], [], [], []
        for _ in range(args.runs):
            bare.append(time_to_window(bare_cmd, "bare-window-bench", env)[0])
            shown, painted = time_to_window(patroon_cmd, f"{pattern.name} — Patroon", env)
            patroon.append(shown)
            if painted is not None:
                diagram.append(painted)
            present.append(time_to_present(present_cmd, env))
        heavy = loaded_modules(env, pattern)
        breakdown = None if args.no_breakdown else memory.report(memory.measure(pattern, env, runs=3))
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait()
        shutil.rmtree(home, ignore_errors=True)

    b, p = statistics.median(bare), statistics.median(patroon)
    print(f"bare PySide6 window : median {b * 1000:6.0f} ms  (min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})")
    print(f"patroon {args.file.name:<12}: median {p * 1000:6.0f} ms  (min {min(patroon) * 1000:.0f}, max {max(patroon) * 1000:.0f})")
    ratios = {"window": p / b}
    if diagram:
        d = statistics.median(diagram)
        ratios["diagram"] = d / b
        print(f"  ... diagram painted: median {d * 1000:6.0f} ms  ({d / b:.2f}x the bare window)")
    s = statistics.median(present)
    ratios["present"] = s / b
    print(f"patroon present     : median {s * 1000:6.0f} ms to the full-screen pattern  ({s / b:.2f}x the bare window)")
    mb, mp = statistics.median(MEMORY["bare"]), statistics.median(MEMORY["patroon"])
    ratios["memory"] = mp / mb
    print(f"memory (VmRSS)      : bare {mb:.0f} MB, patroon editor {mp:.0f} MB  ({mp / mb:.2f}x)")
    print(f"ratio               : window {p / b:.2f}x, start-to-drawn-pattern {ratios.get('diagram', float('nan')):.2f}x, "
          f"present-to-full-screen {s / b:.2f}x, memory {mp / mb:.2f}x  (goal <= {GOAL}x each)")
    cb, cd, cs = (statistics.median(CPU[k]) for k in ("bare", "diagram", "present"))
    print(f"CPU time (main thread): bare window {cb:.0f} ms, to the drawn pattern {cd:.0f} ms ({cd / cb:.2f}x), "
          f"to the full-screen pattern {cs:.0f} ms ({cs / cb:.2f}x)")
    print(f"heavy modules loaded at start-up: {', '.join(heavy) or 'none'}")
    if breakdown:
        print(breakdown)
    return 0 if all(r <= GOAL for r in ratios.values()) and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
