"""Regenerate Patroon's application icons from their SVG sources.

    python packaging/make_icons.py

The sources live in ``src/patroon/icons/``: ``patroon.svg`` (the icon, drawn for
48 px and up), ``patroon-small.svg`` (bolder, for 32 px) and ``patroon-16.svg``
(two boxes in a loop, for 16 and 24 px, where four boxes would blur). This
writes next to them ``patroon-N.png`` for every size a desktop asks for, the
Windows ``patroon.ico`` and the macOS ``patroon.icns`` (both hold PNG images).
Rendering uses Qt's own SVG renderer, so nothing but Patroon's dependencies is
needed, and the icons look as the running program draws its SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "src" / "patroon" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types for Retina).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def source_for(size: int) -> Path:
    """The SVG drawn for a pixel size."""
    if size <= 24:
        return ICONS / "patroon-16.svg"
    if size <= 32:
        return ICONS / "patroon-small.svg"
    return ICONS / "patroon.svg"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered at size x size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon file holding the given PNG images (Windows Vista and later read PNG entries)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = images[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon file holding the given PNG images."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    rendered = {size: render_png(source_for(size), size) for size in {*PNG_SIZES, *ICO_SIZES, 1024}}
    for size in PNG_SIZES:
        (ICONS / f"patroon-{size}.png").write_bytes(rendered[size])
    (ICONS / "patroon.ico").write_bytes(ico({size: rendered[size] for size in ICO_SIZES}))
    (ICONS / "patroon.icns").write_bytes(icns(rendered))
    print(f"{ICONS}: patroon-{{{','.join(map(str, PNG_SIZES))}}}.png, patroon.ico, patroon.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
