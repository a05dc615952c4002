"""Hyphenation on the shipped patterns' sheets, read back from the exported SVG's lines."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from patroon.fileformat import load_pattern
from patroon.render import export

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "patterns").glob("*.yaml"))
SVG = "{http://www.w3.org/2000/svg}"
SHEETS = [("diagram", "A4", None), ("diagram", "A3", None), ("table", "A3", None), ("table", "A4", None),
          ("table", "A4", "portrait")]


def blocks(svg: bytes) -> list[list[str]]:
    """The lines of each text block: the ``<text>`` elements one group holds."""
    root = ET.fromstring(svg)
    found = []
    for group in root.iter(f"{SVG}g"):
        lines = ["".join(t.itertext()) for t in group.findall(f"{SVG}text")]
        if lines:
            found.append(lines)
    return found


def breaks(svg: bytes, words: set[str]) -> list[tuple[str, str, list[str]]]:
    """Every word a line break hyphenated: (head with its "-", tail, the block's lines)."""
    found = []
    for lines in blocks(svg):
        for above, below in zip(lines, lines[1:]):
            head, tail = above.split(" ")[-1], below.split(" ")[0]
            if head.endswith("-") and tail and head + tail not in words:
                found.append((head, tail, lines))
    return found


@pytest.mark.parametrize("sheet,paper,orientation", SHEETS)
def test_shipped_sheets_break_words_where_a_dutch_reader_expects(qapp, sheet, paper, orientation):
    export.ensure_fonts_loaded()
    page = export.page_for(sheet, "svg", paper, orientation)
    seen = []
    for source in SHIPPED:
        pattern = load_pattern(source)
        words = set(" ".join(export._texts(pattern.model_dump())).split())
        for head, tail, lines in breaks(export.render_svg(pattern, page), words):
            seen.append(head + tail)
            letters = lambda text: sum(c.isalpha() for c in text)  # noqa: E731
            assert letters(head) >= 3 and letters(tail) >= 3, (head, tail)
            # Not a fragment alone at the end of a block ("door-" / "stroom.").
            assert not (lines[-1] == tail and letters(tail) < 8), lines
        assert "maat-" not in [line.split(" ")[-1] for block in blocks(export.render_svg(pattern, page))
                               for line in block], source.name
    print(sheet, paper, orientation, seen)
