"""The core (model, file format, layout) loads and works without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "patroon"
CORE = ["model.py", "fileformat.py", "errors.py", "i18n.py", "textfit.py",
        *sorted(str(p.relative_to(SRC)) for p in (SRC / "layout").glob("*.py"))]


def test_core_modules_do_not_import_qt():
    for name in CORE:
        path = SRC / name
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            assert not any(m.startswith(("PySide6", "shiboken6", "patroon.render", "patroon.gui")) for m in modules), (
                f"{name} imports {modules}"
            )


SCRIPT = """
import sys, glob
from patroon.fileformat import load_pattern, dumps, loads
from patroon.model import insert_step, remove_step, move_step, to_graph, from_graph
from patroon.cli import main
for path in sorted(glob.glob(sys.argv[1] + "/*.yaml")):
    p = load_pattern(path)
    p, new = insert_step(p, p.steps[0].id, "Nieuw.")
    p = move_step(remove_step(p, p.steps[2].id), new, 3)
    assert from_graph(to_graph(p)) == loads(dumps(p)) == p
try:
    import patroon.layout
except ImportError:
    pass
assert main(["validate", *sorted(glob.glob(sys.argv[1] + "/*.yaml"))]) == 0
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
assert not loaded, loaded
print("no Qt")
"""


def test_model_and_file_format_run_without_pyside(pattern_files):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(pattern_files[0].parent)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("no Qt")
