"""Modules the editor needs only once a pattern is read, imported on first use.

The model (pydantic), the file format (YAML), the layout and the renderer
together take longer to import than Qt takes to show a window, so the
editor's modules refer to them through these stand-ins: the window reaches
the screen first, the pattern follows a moment later.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands in for the module ``name`` and imports it on the first attribute read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        value = getattr(self._module, attr)
        setattr(self, attr, value)  # the next read is a plain attribute
        return value


model: Any = LazyModule("patroon.model")
fileformat: Any = LazyModule("patroon.fileformat")
layout: Any = LazyModule("patroon.layout")
painter: Any = LazyModule("patroon.render.painter")
palette: Any = LazyModule("patroon.render.palette")
