"""Make emoji and other characters beyond Unicode's first plane extractable from Qt's PDFs.

Qt's PDF writer embeds each font as a subset and writes a ToUnicode map that
tells a text extractor (copy and paste, search, ``pdftotext``, screen
readers) which character each glyph stands for. It builds that map by asking
the font for every code point up to U+FFFF only, so a glyph drawn for 👍
(U+1F44D) gets no entry and the character is lost when the text is copied.

:func:`complete_to_unicode` repairs that after the fact. A glyph that has no
entry is identified by its outline: Qt writes each subset glyph from the
font's own outline, so its on-curve points are the original's (rounded to
font units). The outline is compared with those of the characters outside
the first plane that the painted texts hold, in the bundled fonts that have
them; the best match gets its entry. The corrected map is appended as an
incremental update, the standard way to change a PDF without rewriting it,
so every byte offset in the original stays valid and the output stays
reproducible.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from patroon import PACKAGE_DIR
from patroon.render.pdffile import REF, PdfFile

#: A glyph is taken for a character when nearly all its on-curve points lie on
#: the character's outline and most of the character's points lie on the glyph:
#: Qt drops a point here and there when it writes a subset (seen: 70-100% of an
#: emoji's points kept, all of the subset glyph's points found in the original).
_GLYPH_IN_CHARACTER = 0.95
_CHARACTER_IN_GLYPH = 0.6
#: Points may differ by rounding: this many font units either way.
_TOLERANCE = 1



def complete_to_unicode(pdf: bytes, texts: Iterable[str]) -> bytes:
    """``pdf`` with ToUnicode entries added for the glyphs of characters beyond U+FFFF in ``texts``.

    Returns ``pdf`` unchanged when no text holds such a character or every
    glyph already has its entry.
    """
    wanted = sorted({ch for text in texts for ch in text if ord(ch) > 0xFFFF})
    if not wanted:
        return pdf
    try:
        document = PdfFile(pdf)
        updates = {}
        for font in _type0_fonts(document):
            missing = font.unmapped_glyphs()
            found = _identify(missing, wanted) if missing else {}
            if found:
                updates[font.to_unicode] = font.to_unicode_with(found)
    except (ValueError, IndexError, KeyError, struct.error, zlib.error):
        # A PDF laid out otherwise than this reader knows (a newer Qt): the sheet prints
        # the same without the repair; only copying its emoji would lose them.
        return pdf
    return document.updated(updates) if updates else pdf


# The PDF side ------------------------------------------------------------------


def _type0_fonts(document: PdfFile) -> list[_Font]:
    fonts = []
    for number in document.fonts(b"Type0"):
        body = document.body(number)
        to_unicode = re.search(rb"/ToUnicode" + REF, body)
        descendant = re.search(rb"/DescendantFonts\s*\[" + REF, body)
        if not (to_unicode and descendant):
            continue
        descriptor = re.search(rb"/FontDescriptor" + REF, document.body(int(descendant.group(1))))
        file = descriptor and re.search(rb"/FontFile2" + REF, document.body(int(descriptor.group(1))))
        if file:
            fonts.append(_Font(document, int(to_unicode.group(1)), int(file.group(1))))
    return fonts


@dataclass
class _Font:
    document: PdfFile
    to_unicode: int
    font_file: int

    def mapped(self) -> set[int]:
        """The glyphs (CIDs) the ToUnicode map gives a character."""
        cmap = self.document.stream(self.to_unicode).decode("latin-1")
        cids: set[int] = set()
        for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
            ranges = re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<[0-9A-Fa-f]*>|\[[^\]]*\])", block)
            for low, high in ranges:
                cids.update(range(int(low, 16), int(high, 16) + 1))
        for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
            cids.update(int(cid, 16) for cid, _ in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block))
        return cids

    def unmapped_glyphs(self) -> dict[int, _Outline]:
        """The subset's glyphs without a character, by CID (= glyph index in the subset), with their outlines."""
        font = _TrueType(self.document.stream(self.font_file))
        mapped = self.mapped()
        missing = {}
        for cid in range(1, font.glyph_count):
            if cid not in mapped:
                outline = font.outline(cid)
                if outline.points:
                    missing[cid] = outline
        return missing

    def to_unicode_with(self, characters: dict[int, str]) -> bytes:
        """The ToUnicode map with entries for ``characters`` (CID → character) added."""
        cmap = self.document.stream(self.to_unicode)
        lines = [b"<%04X> <%s>" % (cid, ch.encode("utf-16-be").hex().upper().encode())
                 for cid, ch in sorted(characters.items())]
        blocks = b"".join(b"%d beginbfchar\n%s\nendbfchar\n" % (len(chunk), b"\n".join(chunk))
                          for chunk in (lines[i:i + 100] for i in range(0, len(lines), 100)))
        head, end, tail = cmap.rpartition(b"endcmap")
        return head + blocks + end + tail


# Glyph outlines ------------------------------------------------------------------


class _Outline:
    """A glyph's on-curve points in font units, y up."""

    def __init__(self, points: Iterable[tuple[int, int]] = ()) -> None:
        self.points = frozenset(points)
        steps = range(-_TOLERANCE, _TOLERANCE + 1)
        self.near = frozenset((x + dx, y + dy) for x, y in self.points for dx in steps for dy in steps)

    def share_on(self, other: _Outline) -> float:
        """The share of this outline's points that lie on ``other`` (give or take rounding)."""
        return len(self.points & other.near) / len(self.points) if self.points else 0.0


class _TrueType:
    """The glyph outlines of a TrueType font file (as Qt writes its subsets: simple glyphs only)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        count = struct.unpack_from(">H", data, 4)[0]
        self.tables = {}
        for i in range(count):
            tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            self.tables[tag.decode("latin-1")] = (offset, length)
        self.glyph_count = struct.unpack_from(">H", data, self.tables["maxp"][0] + 4)[0]
        long_offsets = struct.unpack_from(">h", data, self.tables["head"][0] + 50)[0]
        offset, _ = self.tables["loca"]
        if long_offsets:
            self.loca = struct.unpack_from(f">{self.glyph_count + 1}I", data, offset)
        else:
            self.loca = tuple(2 * x for x in struct.unpack_from(f">{self.glyph_count + 1}H", data, offset))

    def outline(self, glyph: int) -> _Outline:
        start, end = self.loca[glyph], self.loca[glyph + 1]
        if end <= start:
            return _Outline()
        base = self.tables["glyf"][0] + start
        contours = struct.unpack_from(">h", self.data, base)[0]
        if contours <= 0:  # a composite glyph: Qt's subsets have none
            return _Outline()
        ends = struct.unpack_from(f">{contours}H", self.data, base + 10)
        count = ends[-1] + 1
        pos = base + 10 + 2 * contours
        pos += 2 + struct.unpack_from(">H", self.data, pos)[0]  # skip the instructions
        flags: list[int] = []
        while len(flags) < count:
            flag = self.data[pos]
            pos += 1
            repeat = 1
            if flag & 8:
                repeat += self.data[pos]
                pos += 1
            flags.extend([flag] * repeat)
        xs, pos = _coordinates(self.data, pos, flags, short=2, same=16)
        ys, pos = _coordinates(self.data, pos, flags, short=4, same=32)
        return _Outline((x, y) for f, x, y in zip(flags, xs, ys) if f & 1)


def _coordinates(data: bytes, pos: int, flags: list[int], *, short: int, same: int) -> tuple[list[int], int]:
    """Decode one axis of a simple glyph's points (delta-coded, as the 'glyf' table stores them)."""
    values, value = [], 0
    for flag in flags:
        if flag & short:
            delta = data[pos]
            pos += 1
            value += delta if flag & same else -delta
        elif not flag & same:
            value += struct.unpack_from(">h", data, pos)[0]
            pos += 2
        values.append(value)
    return values, pos


# The candidates ------------------------------------------------------------------


def _identify(glyphs: dict[int, _Outline], characters: list[str]) -> dict[int, str]:
    """Which of ``characters`` each glyph draws, where the outlines say so clearly.

    Each character has one glyph in a font and each glyph stands for one
    character: the closest pairs are taken first, so a face is not mistaken
    for the next face that shares its circle.
    """
    candidates = [(ch, outline) for ch in characters for outline in _bundled_outlines(ch)]
    pairs = []
    for cid, glyph in glyphs.items():
        for ch, outline in candidates:
            inside, covered = glyph.share_on(outline), outline.share_on(glyph)
            if inside >= _GLYPH_IN_CHARACTER and covered >= _CHARACTER_IN_GLYPH:
                pairs.append((inside + covered, cid, ch))
    found: dict[int, str] = {}
    for _, cid, ch in sorted(pairs, key=lambda pair: -pair[0]):
        if cid not in found and ch not in found.values():
            found[cid] = ch
    return found


def _bundled_outlines(character: str) -> list[_Outline]:
    """The outlines of ``character`` in each bundled font that has it, in font units."""
    return [outline for font in _bundled_fonts() if (outline := _outline_of(font, character)) is not None]


@lru_cache(maxsize=None)
def _bundled_fonts() -> tuple:
    from PySide6.QtGui import QFont, QRawFont

    folder = PACKAGE_DIR / "fonts"
    fonts = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.lower().endswith(".ttf"):
            font = QRawFont(entry.read_bytes(), 12.0, QFont.HintingPreference.PreferNoHinting)
            if font.isValid():
                # At a pixel size of one em, a glyph's path is in font units.
                font.setPixelSize(font.unitsPerEm())
                fonts.append(font)
    return tuple(fonts)


def _outline_of(font, character: str) -> _Outline | None:
    from PySide6.QtGui import QPainterPath

    if not font.supportsCharacter(ord(character)):
        return None
    glyphs = font.glyphIndexesForString(character)
    if len(glyphs) != 1 or not glyphs[0]:
        return None
    path = font.pathForGlyph(glyphs[0])
    kinds = [path.elementAt(i).type for i in range(path.elementCount())]
    move, line, curve = (QPainterPath.ElementType.MoveToElement, QPainterPath.ElementType.LineToElement,
                         QPainterPath.ElementType.CurveToElement)
    points = set()
    for i, kind in enumerate(kinds):
        # Moves, lines and each cubic's last point are on the outline; control points are not.
        if kind in (move, line) or (i >= 2 and kinds[i - 2] == curve):
            element = path.elementAt(i)
            points.add((round(element.x), round(-element.y)))
    return _Outline(points)
