"""Print pip constraints that pin every dependency to the lowest release pyproject.toml allows.

    python scripts/lower_bounds.py > lowest.txt
    pip install -c lowest.txt -e '.[test]'

Installs the oldest allowed release of each direct dependency (the runtime ones
and the test extra), so the test suite shows whether the lower bounds in
pyproject.toml are true. A requirement keeps its environment marker, so a
bound that holds only for some Pythons is pinned only there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    sys.exit("lower_bounds.py needs Python 3.11 or newer (tomllib)")

ROOT = Path(__file__).resolve().parent.parent
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?$")


def lowest_pins(requirements: list[str]) -> list[str]:
    """``name==lowest`` (with the marker kept) for each requirement that has a ``>=`` bound.

    >>> lowest_pins(["PyYAML>=6.0.1", "pytest", "PySide6-Essentials>=6.8,<6.12; python_version < '3.12'"])
    ['PyYAML==6.0.1', "PySide6-Essentials==6.8 ; python_version < '3.12'"]
    """
    pins = []
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement)
        if not match:
            raise ValueError(f"cannot read the requirement {requirement!r}")
        name, _extras, spec, marker = match.groups()
        lower = re.search(r">=\s*([^,\s]+)", spec or "")
        if lower:
            pins.append(f"{name}=={lower.group(1)}" + (f" {marker}" if marker else ""))
    return pins


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    print("\n".join(lowest_pins(requirements)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
