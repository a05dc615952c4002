"""Shrink the ICU data library that Qt for Linux brings (32 MB) to the parts Patroon can use.

Qt Core links ICU for collation, locale names, time zones and text breaking.
ICU's data library, ``libicudata.so.NN``, holds one data package (the
``icudtNN_dat`` symbol) with every locale ICU knows, dictionaries for Chinese,
Japanese, Thai and Khmer word breaking, transliterators, Unicode character
names and 200 legacy character converters. Patroon speaks Dutch and English and
reads UTF-8 (ICU's UTF converters are code, not data), so the build gets a
package with the root, Dutch and English locales and the Unicode core data
(about 4 MB), wrapped in a new library with the same name and symbol.

Run by ``patroon.spec``; also usable by hand::

    python packaging/icu_trim.py path/to/libicudata.so.73 OUT_DIR

Needs binutils (``as`` and ``ld``, which PyInstaller needs on Linux too) or a C
compiler to wrap the package; without them the spec keeps ICU's full library.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

KEEP_LANGUAGES = ("nl", "en")

_LOCALE_BUNDLE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
_DROPPED_FILES = {"unames.icu"}


def keep_item(name: str) -> bool:
    """Whether an item of the data package (``icudt73l/coll/nl.res``) stays."""
    parts = name.split("/")[1:]
    tree, base = "/".join(parts[:-1]), parts[-1]
    if tree == "translit" or base.endswith((".dict", ".cnv")) or base in _DROPPED_FILES:
        return False
    if _LOCALE_BUNDLE.match(base) and base != "res_index.res":  # res_index: the list of locales
        return base.split(".")[0].split("_")[0] in KEEP_LANGUAGES
    return True


def read_symbol(library: bytes) -> tuple[str, int, int]:
    """The name, file offset and size of the ``icudtNN_dat`` symbol in an ELF64 library."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a little-endian 64-bit ELF file")
    e_shoff, = struct.unpack_from("<Q", library, 0x28)
    e_shentsize, e_shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, e_shoff + i * e_shentsize) for i in range(e_shnum)]
    for _, sh_type, _, _, sh_offset, sh_size, sh_link, _, _, sh_entsize in sections:
        if sh_type != 11:  # SHT_DYNSYM
            continue
        strtab = sections[sh_link][4]
        for pos in range(sh_offset, sh_offset + sh_size, sh_entsize):
            st_name, _, _, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", library, pos)
            name = library[strtab + st_name:library.index(b"\0", strtab + st_name)].decode()
            if re.fullmatch(r"icudt\d+_dat", name) and st_shndx:
                section = sections[st_shndx]
                return name, st_value - section[3] + section[4], st_size
    raise ValueError("no icudtNN_dat symbol")


def filter_package(package: bytes) -> bytes:
    """A copy of an ICU common data package (little-endian, "CmnD") holding only the kept items."""
    header_size, = struct.unpack_from("<H", package, 0)
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count, = struct.unpack_from("<I", package, header_size)
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        start = header_size + name_offset
        name = package[start:package.index(b"\0", start)].decode("ascii")
        end = header_size + entries[i + 1][1] if i + 1 < count else len(package)
        data = package[header_size + data_offset:end]
        if keep_item(name):
            items.append((name, data))

    # The table of contents stays sorted by name: ICU looks items up by binary search.
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_start = toc_size + len(names)
    data_start += -data_start % 16
    table, blobs, name_offset, offset = [], [], toc_size, data_start
    for name, data in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = data + b"\0" * (-len(data) % 16)
        blobs.append(padded)
        offset += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(table) + names
    toc += b"\0" * (data_start - len(toc))
    return package[:header_size] + toc + b"".join(blobs)


def trim_library(library_path: Path, out_dir: Path) -> Path:
    """Write a trimmed copy of ``libicudata.so.NN`` into out_dir and return its path."""
    library = library_path.read_bytes()
    symbol, offset, size = read_symbol(library)
    package = filter_package(library[offset:offset + size])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "icudata.dat").write_bytes(package)
    (out_dir / "icudata.s").write_text(
        "\t.section .rodata\n"
        "\t.balign 16\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, %object\n"
        f"{symbol}:\n"
        '\t.incbin "icudata.dat"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",%progbits\n',  # % rather than @: ARM's comment sign
        encoding="ascii",
    )
    out = out_dir / library_path.name
    out.unlink(missing_ok=True)
    soname = library_path.name
    if shutil.which("as") and shutil.which("ld"):
        # binutils, which PyInstaller needs on Linux anyway
        subprocess.run(["as", "-o", "icudata.o", "icudata.s"], cwd=out_dir, check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "--build-id=none", "-s",
                        "-o", out.name, "icudata.o"], cwd=out_dir, check=True)
    elif shutil.which("cc"):
        subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-z,noexecstack",
                        "-Wl,--build-id=none", "-s", "-o", out.name, "icudata.s"], cwd=out_dir, check=True)
    else:
        raise RuntimeError("neither binutils (as, ld) nor a C compiler to build the trimmed ICU data library")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    result = trim_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{result}: {result.stat().st_size / 1048576:.1f} MiB")
