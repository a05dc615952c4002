"""Regenerate the README's images from Patroon's own export: ``python scripts/readme_images.py``.

Writes ``docs/images/table-sheet.png``: the table sheet (A3 landscape) of the
shipped example ‘Wereldvrede’, exactly as ``patroon export --sheet table``
draws it. Run it after changing the layout, the renderer or the sheets, and
commit the image with the change.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
# (pattern, sheet, image name, width in pixels)
IMAGES_TO_MAKE = [
    ("wereldvrede.yaml", "table", "table-sheet.png", 1400),
]


def main() -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from patroon.fileformat import load_pattern
    from patroon.render.export import ensure_app, export_patterns

    ensure_app()
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, sheet, image, width in IMAGES_TO_MAKE:
        source = ROOT / "patterns" / name
        (written,) = export_patterns([(source, load_pattern(source))], IMAGES / image, fmt="png",
                                     sheet=sheet, width_px=width)
        print(f"{written.relative_to(ROOT)}: {sheet} of {name}, {width} px wide")
    return 0


if __name__ == "__main__":
    sys.exit(main())
