"""Rooms a newcomer can hold in their head: no module in src/ over 800 lines, no class over 400,
no function over 80."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "patroon"
MODULE_LINES, CLASS_LINES, FUNCTION_LINES = 800, 400, 80


def oversized(path: Path) -> list[str]:
    """What in ``path`` is over its limit, as ``name: lines`` lines."""
    text = path.read_text(encoding="utf-8")
    found = []
    if len(text.splitlines()) > MODULE_LINES:
        found.append(f"{path.name}: {len(text.splitlines())} lines")
    for node in ast.walk(ast.parse(text)):
        limit = CLASS_LINES if isinstance(node, ast.ClassDef) else FUNCTION_LINES if isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if limit is not None and node.end_lineno - node.lineno + 1 > limit:
            found.append(f"{path.name}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines")
    return found


def test_modules_classes_and_functions_stay_small():
    found = [line for path in sorted(SRC.rglob("*.py")) for line in oversized(path)]
    assert found == []


def test_the_size_check_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_LINES))
    (tmp_path / "long.py").write_text(f"def long():\n{body}\n", encoding="utf-8")
    assert oversized(tmp_path / "long.py") == [f"long.py:1 long: {FUNCTION_LINES + 1} lines"]
