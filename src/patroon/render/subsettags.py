"""Name each font subset in Qt's PDFs with a subset tag, as PDF readers and print shops expect.

A font embedded as a subset (only the glyphs a document uses) is named with a
six-letter tag: ``ABCDEF+OpenSans``. Qt's PDF writer embeds subsets but tags
only the font descriptor's name, with a tag counted up per document
(``QRAAAA``); the font's own ``/BaseFont`` goes untagged, so ``pdffonts`` and
preflight tools report a full font, and two Patroon PDFs merged into one hold
two different fonts of the same name. :func:`tag_subsets` gives every subset
one tag derived from the subset's own bytes, in all three places, as an
incremental update: the same subset gets the same tag in every file.
"""

from __future__ import annotations

import hashlib
import re
import zlib

from patroon.render.pdffile import REF, PdfFile

_NAME = rb"/%s\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)"


def tag_subsets(pdf: bytes) -> bytes:
    """``pdf`` with a content-derived subset tag on every embedded TrueType subset; unchanged if none needs one."""
    try:
        document = PdfFile(pdf)
        changes: dict[int, bytes] = {}
        for number in document.fonts(b"Type0"):
            changes.update(_tagged(document, number))
    except (ValueError, IndexError, KeyError, zlib.error):
        # A PDF laid out otherwise than this reader knows (a newer Qt): it prints the same untagged.
        return pdf
    return document.updated(objects=changes) if changes else pdf


def _tagged(document: PdfFile, type0: int) -> dict[int, bytes]:
    """The Type0 font, its CIDFont and their descriptor, each with the tagged name (or nothing to change)."""
    body = document.body(type0)
    descendant = re.search(rb"/DescendantFonts\s*\[" + REF, body)
    cid_font = int(descendant.group(1)) if descendant else None
    descriptor_ref = cid_font is not None and re.search(rb"/FontDescriptor" + REF, document.body(cid_font))
    if not descriptor_ref:
        return {}
    descriptor = int(descriptor_ref.group(1))
    font_file = re.search(rb"/FontFile2" + REF, document.body(descriptor))
    if not font_file:
        return {}
    tag = subset_tag(document.stream(int(font_file.group(1))))
    changes = {}
    for number, key in ((type0, b"BaseFont"), (cid_font, b"BaseFont"), (descriptor, b"FontName")):
        old = document.body(number)
        new = re.sub(_NAME % key, lambda m: b"/" + key + b" /" + tag + b"+" + m.group(1), old, count=1)
        if new != old:
            changes[number] = new
    return changes


def subset_tag(font_program: bytes) -> bytes:
    """Six capital letters that depend only on the subset's bytes.

    >>> subset_tag(b"")
    b'TUOOWS'
    """
    digest = hashlib.sha256(font_program).digest()
    return bytes(ord("A") + byte % 26 for byte in digest[:6])
