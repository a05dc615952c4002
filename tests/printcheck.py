"""Reading real export output for the print tests: PDF words and fonts (poppler), SVG rendering (librsvg).

Every helper runs the tool a print shop or a reader would meet: ``pdftotext``,
``pdffonts``, ``pdfinfo``, ``pdftoppm`` and ``rsvg-convert``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

MM = 72.0 / 25.4
XHTML = "{http://www.w3.org/1999/xhtml}"
# Open Sans: (ascender + descender) / units per em, the height poppler gives a word's box.
OPEN_SANS_BOX = (2189 + 600) / 2048
FONTS_DIR = Path(__file__).resolve().parent.parent / "src" / "patroon" / "fonts"


def need(*tools: str) -> None:
    """Fail (not skip) when a tool the print guarantees are checked with is missing."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: install poppler-utils and librsvg2-bin")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def inside(self, box: list[float] | tuple[float, ...], tolerance: float = 0.75) -> bool:
        x, y, w, h = box
        return (self.x0 >= x - tolerance and self.y0 >= y - tolerance
                and self.x1 <= x + w + tolerance and self.y1 <= y + h + tolerance)


@dataclass(frozen=True)
class PdfPage:
    width: float
    height: float
    words: tuple[Word, ...]

    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def pdf_pages(path: Path) -> list[PdfPage]:
    """Every page's size and words with their boxes (points from the top-left), as pdftotext finds them."""
    need("pdftotext")
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True).stdout
    # pdftotext copies the document title into <head> unescaped: drop the head, keep the words.
    root = ET.fromstring(re.sub(rb"<head>.*?</head>", b"", xml, flags=re.DOTALL))
    pages = []
    for page in root.iter(f"{XHTML}page"):
        words = tuple(
            Word(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")))
            for w in page.iter(f"{XHTML}word")
        )
        pages.append(PdfPage(float(page.get("width")), float(page.get("height")), words))
    return pages


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """``pdffonts``' table: one dict per font with name, type, emb, sub, uni."""
    need("pdffonts")
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object-id generation
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def pdf_page_sizes(path: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page, as pdfinfo reads them."""
    need("pdfinfo")
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], check=True, capture_output=True, text=True).stdout
    return [(float(m.group(1)), float(m.group(2)))
            for m in re.finditer(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.MULTILINE)]


def pdf_grey_pixels(path: Path, page: int, dpi: int = 36) -> tuple[int, int, bytes]:
    """One page rendered to 8-bit grey pixels by pdftoppm: (width, height, row-major bytes)."""
    need("pdftoppm")
    data = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", str(path)],
                          check=True, capture_output=True).stdout
    return _read_pgm(data)


def _read_pgm(data: bytes) -> tuple[int, int, bytes]:
    # Binary PGM: "P5 <w> <h> <max>" then one byte per pixel (comments are not written by pdftoppm).
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    assert fields[0] == b"P5", fields[0]
    w, h = int(fields[1]), int(fields[2])
    pixels = data[pos + 1: pos + 1 + w * h]
    return w, h, pixels


def ink_near_edge(path: Path, page: int, edge_pt: float, dpi: int = 36) -> list[tuple[int, int]]:
    """Pixels darker than white within ``edge_pt`` of the page's edge (pdftoppm at ``dpi``)."""
    w, h, pixels = pdf_grey_pixels(path, page, dpi)
    band = int(edge_pt * dpi / 72.0)  # rounds inward: a pixel only partly in the band is not counted
    dark = []
    for y in range(h):
        row = pixels[y * w:(y + 1) * w]
        for x in range(w):
            if (x < band or x >= w - band or y < band or y >= h - band) and row[x] < 250:
                dark.append((x, y))
    return dark


def overlapping_words(words: tuple[Word, ...], tolerance: float = 0.3) -> list[tuple[Word, Word]]:
    """Pairs of words whose boxes overlap by more than ``tolerance`` points both ways."""
    found = []
    ordered = sorted(words, key=lambda w: w.x0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.x0 >= a.x1 - tolerance:
                break
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance:
                found.append((a, b))
    return found


def letters(text: str) -> str:
    """A text with spaces and hyphens removed: hyphenation and line breaks do not change it."""
    return re.sub(r"[\s\-\u00ad]", "", text)


def rect_gap(a: list[float], b: list[float]) -> float:
    """The distance between two boxes (x, y, w, h); 0 when they touch or overlap."""
    dx = max(0.0, max(a[0], b[0]) - min(a[0] + a[2], b[0] + b[2]))
    dy = max(0.0, max(a[1], b[1]) - min(a[1] + a[3], b[1] + b[3]))
    return (dx * dx + dy * dy) ** 0.5


def fontconfig_with_bundled_fonts(folder: Path) -> dict[str, str]:
    """Environment for a librsvg run that finds the bundled font as Qt does (it is not installed)."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FONTS_DIR}</dir>\n"
        f"  <cachedir>{folder / 'fontcache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(conf)}
