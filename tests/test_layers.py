"""The layers of the code hold: the import contracts in pyproject.toml (lint-imports), and the
core (model, file format, layout) runs without Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports())"


def lint_imports(cwd: Path, src: Path) -> subprocess.CompletedProcess:
    """Run ``lint-imports`` with the contracts of ``cwd``/pyproject.toml on the package in ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", LINT], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_import_contracts_hold():
    result = lint_imports(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_contracts_catch_an_import_upwards_and_qt_in_the_model(tmp_path):
    """A copy of the code with two wrong imports added: both contracts break."""
    shutil.copytree(ROOT / "src" / "patroon", tmp_path / "src" / "patroon",
                    ignore=shutil.ignore_patterns("__pycache__", "fonts", "icons", "translations", "dictionaries"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    palette = tmp_path / "src" / "patroon" / "render" / "palette.py"
    palette.write_text(palette.read_text(encoding="utf-8") + "\nfrom patroon.gui import document\n",
                       encoding="utf-8")
    model = tmp_path / "src" / "patroon" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom PySide6 import QtCore\n", encoding="utf-8")
    result = lint_imports(tmp_path, tmp_path / "src")
    assert result.returncode != 0
    assert "0 kept, 2 broken" in result.stdout, result.stdout
    assert "patroon.render.palette -> patroon.gui.document" in result.stdout
    assert "patroon.model -> PySide6" in result.stdout


SCRIPT = """
import io, sys, glob
from patroon.graphml import graphml_bytes, pattern_from_graphml
from patroon.fileformat import load_pattern, dumps, loads
from patroon.model import insert_step, remove_step, move_step, to_graph, from_graph
from patroon.layout import layout_pattern
from patroon.textfit import wrap
from patroon.cli import main
for path in sorted(glob.glob(sys.argv[1] + "/*.yaml")):
    p = load_pattern(path)
    p, new = insert_step(p, p.steps[0].id, "Nieuw.")
    p = move_step(remove_step(p, p.steps[2].id), new, 3)
    assert from_graph(to_graph(p)) == loads(dumps(p)) == p
    assert pattern_from_graphml(io.BytesIO(graphml_bytes(p))) == p
assert main(["validate", *sorted(glob.glob(sys.argv[1] + "/*.yaml"))]) == 0
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
assert not loaded, loaded
print("no Qt")
"""


def test_model_file_format_and_layout_run_without_pyside(pattern_files):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(pattern_files[0].parent)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("no Qt")


def test_every_module_has_a_layer():
    """A module missing from the layers contract would escape it: each one under patroon is named."""
    try:
        import tomllib
    except ImportError:  # Python 3.10: import-linter brings tomli
        import tomli as tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    named = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    package = ROOT / "src" / "patroon"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {p.name for p in package.iterdir() if (p / "__init__.py").exists()}
    assert modules - named == set()
