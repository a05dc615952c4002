"""Regenerate the README's images from Patroon's own export: ``python scripts/readme_images.py``.

Writes ``docs/images/table-sheet.png``: the table sheet (A3 landscape) of the
shipped example ‘Wereldvrede’, exactly as ``patroon export --sheet table``
draws it; and ``docs/images/deck-slide.png``: the first slide of its
PowerPoint deck as LibreOffice Impress draws it (``soffice`` and
``pdftoppm`` are needed for that one). Run it after changing the layout,
the renderer or the sheets, and commit the images with the change.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
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
    deck_image("wereldvrede.yaml", "deck-slide.png", 1400)
    return 0


def deck_image(name: str, image: str, width: int) -> None:
    """The deck's first slide, opened by LibreOffice Impress with the bundled fonts, as a PNG."""
    from patroon.fileformat import load_pattern
    from patroon.render.export import export_patterns

    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print(f"{image}: skipped (needs soffice and pdftoppm)")
        return
    source = ROOT / "patterns" / name
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (deck,) = export_patterns([(source, load_pattern(source))], folder / "deck.pptx", fmt="pptx")
        conf = folder / "fonts.conf"
        conf.write_text('<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf'
                        f'</include><dir>{ROOT / "src" / "patroon" / "fonts"}</dir></fontconfig>\n', encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
        subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
                       check=True, capture_output=True, env=env)
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to-x", str(width),
                        "-scale-to-y", "-1", str(folder / "deck.pdf"), str(IMAGES / Path(image).stem)], check=True)
    print(f"docs/images/{image}: the first slide of the deck of {name}, as Impress draws it, {width} px wide")


if __name__ == "__main__":
    sys.exit(main())
