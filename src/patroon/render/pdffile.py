"""Just enough of a PDF written by Qt to read its objects and change a few of them.

Changes are appended as an incremental update, the standard way to change a
PDF without rewriting it: every byte offset in the original stays valid, and
the same input gives the same output. The reader follows the chain of
cross-reference sections, so a file already updated once can be updated again.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_START = re.compile(rb"(\d+) 0 obj\s*")
_FONT = re.compile(rb"/Type\s*/Font\b")
REF = rb"\s*(\d+)\s+0\s+R"


class PdfFile:
    """The objects of a PDF (as Qt writes it: plain cross-reference tables, no object streams)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.objects = self._read_xref()

    def _read_xref(self) -> dict[int, int]:
        offsets: dict[int, int] = {}
        start: int | None = int(re.findall(rb"startxref\s+(\d+)", self.data)[-1])
        seen = set()
        while start is not None and start not in seen:
            seen.add(start)
            section = self._read_section(start)
            for number, offset in section.items():
                offsets.setdefault(number, offset)  # a newer section overrides an older one
            trailer = self.data[start:self.data.index(b"startxref", start)]
            previous = re.search(rb"/Prev\s+(\d+)", trailer)
            start = int(previous.group(1)) if previous else None
        return offsets

    def _read_section(self, start: int) -> dict[int, int]:
        match = re.compile(rb"xref\s+").match(self.data, start)
        if match is None:
            raise ValueError("no cross-reference table")
        offsets: dict[int, int] = {}
        pos = match.end()
        while True:
            header = re.compile(rb"(\d+) (\d+)\s+").match(self.data, pos)
            if header is None:
                break
            first, count = int(header.group(1)), int(header.group(2))
            pos = header.end()
            for number in range(first, first + count):
                entry = self.data[pos:pos + 20]
                if entry[17:18] == b"n":
                    offsets[number] = int(entry[:10])
                pos += 20
        return offsets

    def body(self, number: int) -> bytes:
        """What object ``number`` holds between ``obj`` and ``endobj`` (a stream with its dictionary)."""
        match = _OBJ.match(self.data, self.objects[number])
        if match is None or int(match.group(1)) != number:
            raise ValueError(f"object {number} is not where the cross-reference table says")
        return match.group(2)

    def stream(self, number: int) -> bytes:
        """The (decompressed) content of stream object ``number``, cut by its /Length, not by a search."""
        offset = self.objects[number]
        start = self.data.index(b"stream", offset)
        head = self.data[offset:start]
        length = int_entry(head, b"Length")
        if length is None:  # an indirect length: "/Length 23 0 R"
            ref = re.search(rb"/Length" + REF, head)
            if ref is None:
                raise ValueError(f"stream {number} has no length")
            length = int(self.body(int(ref.group(1))))
        begin = start + len(b"stream")
        begin += 2 if self.data.startswith(b"\r\n", begin) else 1
        content = self.data[begin:begin + length]
        return zlib.decompress(content) if b"/FlateDecode" in head else content

    def fonts(self, subtype: bytes) -> list[int]:
        """The numbers of the font objects of ``subtype`` (``b"Type0"``, ``b"CIDFontType2"``), in order."""
        kind = re.compile(rb"/Subtype\s*/" + subtype + rb"\b")
        return [number for number in sorted(self.objects)
                if _FONT.search(head := self.head(number)) and kind.search(head)]

    def head(self, number: int, size: int = 400) -> bytes:
        """The first ``size`` bytes of what object ``number`` holds (as :meth:`body`, without reading
        a long stream to its end)."""
        offset = self.objects[number]
        start = _START.match(self.data, offset)
        if start is None or int(start.group(1)) != number:
            raise ValueError(f"object {number} is not where the cross-reference table says")
        window = self.data[start.end():start.end() + size + len(b"endobj")]
        return window.split(b"endobj", 1)[0].rstrip()[:size]

    def updated(self, streams: dict[int, bytes] | None = None, objects: dict[int, bytes] | None = None) -> bytes:
        """The document with changes appended as an incremental update.

        ``streams``: object number → new (uncompressed) stream content;
        ``objects``: object number → the new object (a dictionary, no stream).
        """
        changes = {number: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
                   for number, content in (streams or {}).items()}
        changes.update(objects or {})
        out = bytearray(self.data)
        if not out.endswith(b"\n"):
            out += b"\n"
        offsets = {}
        for number, body in sorted(changes.items()):
            offsets[number] = len(out)
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n"
        for number, offset in offsets.items():
            out += b"%d 1\n%010d 00000 n \n" % (number, offset)
        trailer = self.data[self.data.rindex(b"trailer"):self.data.rindex(b"startxref")]
        previous = re.findall(rb"startxref\s+(\d+)", self.data)[-1]
        entries = re.search(rb"<<(.*)>>", trailer, re.S).group(1)
        entries = re.sub(rb"/Prev\s+\d+", b"", entries)
        out += b"trailer\n<<%s/Prev %s\n>>\nstartxref\n%d\n%%%%EOF\n" % (entries, previous, xref)
        return bytes(out)


def int_entry(dictionary: bytes, key: bytes) -> int | None:
    """The direct integer value of ``/key`` in ``dictionary`` (not an indirect reference), or None."""
    match = re.search(rb"/" + key + rb"\s+(\d+)\b(?!\s+\d+\s+R)", dictionary)
    return int(match.group(1)) if match else None
