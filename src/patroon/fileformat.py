"""Reading and writing pattern files (YAML, format version 1).

Reading is defensive: the file is size-checked, decoded as UTF-8 (with or
without BOM; any other bytes are refused, never guessed) and read as plain
YAML only (:mod:`patroon.yamlread`: no tags, aliases, complex keys or deep
nesting, every value text, so ``region: NO`` stays "NO" and nothing can run
code). Every problem, in the YAML or in the pattern it holds, ends in one
:class:`~patroon.errors.PatternError` naming the file and, where there is
one, the line.

Writing puts the keys in the documented order, leaves out what is empty or
default, and keeps Unicode readable; ``loads(dumps(p)) == p``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import yaml

from patroon.errors import PatternError, file_problem
from patroon.i18n import pick
from patroon.limits import MAX_FILE_BYTES
from patroon.model import DEFAULT_QUESTIONS, FORMAT_VERSION, Pattern, Placement, validate
from patroon.yamlread import Marks, place_of, read_plain_yaml
from patroon.yamlwords import line_and_column, unprintable

#: What a key with nothing after it reads as (``meta:``, ``meta: ~``): the part is absent.
EMPTY = (None, "", "~", "null")

KEY_ORDER = ("patroon", "title", "context", "description", "steps", "breakthroughs", "questions", "meta", "layout")


def _too_large(size: int) -> PatternError:
    return PatternError(
        pick(
            f"het bestand is {_kib(size)} KiB groot; een patroon is hoogstens {MAX_FILE_BYTES // 1024} KiB",
            f"the file is {_kib(size)} KiB; a pattern is at most {MAX_FILE_BYTES // 1024} KiB",
        )
    )


def _kib(size: int) -> int:
    return -(-size // 1024)  # rounded up, so a file just over the limit never reads as the limit


def decode(data: bytes) -> str:
    """The text of a pattern file: UTF-8 with or without BOM, or PatternError."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        valid = data[: exc.start].decode("utf-8")  # all before the first bad byte
        raise PatternError(
            pick(
                "het bestand is geen UTF-8-tekst (sla het op als UTF-8, of is het een ander soort bestand?)",
                "the file is not UTF-8 text (save it as UTF-8, or is it another kind of file?)",
            ),
            line=line_and_column(valid, len(valid))[0],
        ) from None
    if "\x00" in text:  # a binary file that happens to be UTF-8
        raise unprintable("\x00", *line_and_column(text, text.index("\x00")), in_file=True)
    return text


def loads(source: str | bytes, path: str | Path | None = None) -> Pattern:
    """Parse a pattern from YAML text or bytes; errors name ``path`` when given.

    Any input at all gives a :class:`Pattern` or a :class:`PatternError`
    that says what is wrong and, where it can, on which line.
    """
    try:
        text = decode(source if isinstance(source, bytes) else _encoded(source))
        data, marks = read_plain_yaml(text)
        return from_data(data, marks)
    except PatternError as exc:
        raise exc.with_path(path) if path is not None else exc from None


def _encoded(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: no file can hold it
        raise unprintable(text[exc.start], *line_and_column(text, exc.start), in_file=True) from None


def from_data(data: Any, marks: Marks | None = None) -> Pattern:
    """A pattern from the plain data a YAML file holds (header checked, then validated).

    ``marks`` says where each part of the data stood in the file, so that a
    problem with a part (a duplicate id, ``steps: abc``) names its line.
    """
    try:
        return _from_data(data)
    except PatternError as exc:
        place = place_of(marks or {}, exc.part or ())
        if place is None or exc.line is not None:
            raise
        raise exc.at(*place) from None


def _from_data(data: Any) -> Pattern:
    if data is None:
        raise PatternError(pick("het bestand is leeg", "the file is empty"))
    if not isinstance(data, dict):
        raise PatternError(
            pick(
                "dit is geen patroon: het bestand moet beginnen met ‘patroon: 1’ en sleutels als ‘title:’ en ‘steps:’",
                "this is not a pattern: the file must start with ‘patroon: 1’ and have keys such as ‘title:’ and ‘steps:’",
            )
        )
    version = data.get("patroon")
    if version in EMPTY:
        raise PatternError(
            pick(
                "dit is geen patroon: de regel ‘patroon: 1’ ontbreekt",
                "this is not a pattern: the line ‘patroon: 1’ is missing",
            )
        )
    if not isinstance(version, str):
        raise PatternError(
            pick(f"na ‘patroon:’ hoort de formaatversie, {FORMAT_VERSION}", f"‘patroon:’ takes the format version, {FORMAT_VERSION}"),
            part=("patroon",),
        )
    if version.strip() != str(FORMAT_VERSION):
        shown = version.strip()[:20]
        raise PatternError(
            pick(
                f"dit patroon heeft formaatversie {shown}; deze Patroon kent alleen versie {FORMAT_VERSION}"
                " (een nieuwere Patroon kan het openen)",
                f"this pattern has format version {shown}; this Patroon knows only version {FORMAT_VERSION}"
                " (a newer Patroon can open it)",
            ),
            part=("patroon",),
        )
    body = {k: v for k, v in data.items() if k != "patroon"}
    if "placement" in body:  # the model's name for what a file calls "layout"
        raise PatternError(pick("‘placement’ is geen onderdeel van een patroon (typfout?)",
                                "‘placement’ is not part of a pattern (a typo?)"), part=("placement",))
    if "title" not in body:
        raise PatternError(pick("de titel (‘title:’) ontbreekt", "the title (‘title:’) is missing"))
    if "steps" not in body:
        raise PatternError(pick("de stappen (‘steps:’) ontbreken", "the steps (‘steps:’) are missing"))
    for key in ("questions", "meta", "layout", "breakthroughs"):
        if body.get(key) in EMPTY:  # ``breakthroughs:`` with nothing after it: none yet
            body.pop(key, None)
    return validate(body)


def load_pattern(path: str | Path) -> Pattern:
    """Read the pattern file at ``path``; every problem is a PatternError naming the file."""
    return read_pattern(path)[0]


def read_pattern(path: str | Path) -> tuple[Pattern, bytes]:
    """The pattern in the file at ``path`` and the file's bytes, read once (see :func:`load_pattern`)."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            # A device, pipe or socket could feed bytes for ever (/dev/zero) or never answer.
            raise PatternError(
                pick("dit is geen gewoon bestand (maar een apparaat of pijp)", "this is not a regular file (but a device or pipe)"),
                path=path,
            )
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(info.st_size).with_path(path)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may grow while it is read
    except PatternError:
        raise
    except OSError as exc:
        raise PatternError(file_problem(exc), path=path) from None
    return loads(data, path), data


# Writing -----------------------------------------------------------------


def to_data(pattern: Pattern) -> dict[str, Any]:
    """The plain data of a pattern file, keys in the documented order, empty and default parts left out."""
    data: dict[str, Any] = {"patroon": FORMAT_VERSION, "title": pattern.title}
    if pattern.context:
        data["context"] = pattern.context
    if pattern.description:
        data["description"] = pattern.description
    data["steps"] = [
        {"id": s.id, "text": s.text, **({"note": s.note} if s.note else {})} for s in pattern.steps
    ]
    if pattern.breakthroughs:
        data["breakthroughs"] = [{"after": b.after, "text": b.text} for b in pattern.breakthroughs]
    if list(pattern.questions) != list(DEFAULT_QUESTIONS):
        data["questions"] = list(pattern.questions)
    meta = {k: v for k, v in pattern.meta.model_dump().items() if v}
    if meta:
        data["meta"] = meta
    defaults = Placement().model_dump()
    layout = {k: v for k, v in pattern.placement.model_dump().items() if v != defaults[k]}
    if "offsets" in layout:
        layout["offsets"] = {k: [float(dx), float(dy)] for k, (dx, dy) in layout["offsets"].items()}
    if layout:
        data["layout"] = layout
    return data


class _Dumper(yaml.SafeDumper):
    """Writes block style, readable Unicode, and multi-line texts as ``|`` blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as people write YAML by hand.
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dumps(pattern: Pattern) -> str:
    """The pattern as the text of a pattern file."""
    return yaml.dump(
        to_data(pattern),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
        indent=2,
    )


def save_pattern(pattern: Pattern, path: str | Path) -> None:
    """Write ``pattern`` to ``path`` atomically: all of the new file, or the old one untouched.

    Saving through a symbolic link writes the file the link points to and
    keeps the link. (The GUI saves with QSaveFile; this serves the CLI.)
    """
    write_atomically(path, dumps(pattern).encode("utf-8"))


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path``: all of it, or the old file untouched.

    Writes a temporary file in the same folder, flushes it to disk and renames
    it over the target. Through a symbolic link it writes the file the link
    points to; an existing file keeps its permissions, a new one gets the
    usual ones (the umask applied).
    """
    target = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# File names -----------------------------------------------------------------

# The longest first: ``x.patroon.yaml`` is one pattern file named ``x``, not ``x.patroon``.
PATTERN_SUFFIXES = (".patroon.yaml", ".patroon.yml", ".yaml", ".yml", ".patroon")


def pattern_stem(path: Path) -> str:
    """A pattern file's name without its extension, ``.patroon.yaml`` counting as one:
    ``mijn patroon.patroon.yaml`` -> ``mijn patroon`` (the start of names made from it)."""
    name = path.name
    for suffix in PATTERN_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem


def with_pattern_suffix(path: Path) -> Path:
    """``path`` as a pattern file's name: ``.patroon.yaml`` added unless it ends in a pattern extension.

    Whatever else follows a dot is part of the name (``versie 1.2``,
    ``Overleg St.Jan``), so the file gets an extension the Open dialog lists.
    """
    if path.name.lower().endswith(PATTERN_SUFFIXES):
        return path
    return path.with_name(path.name.rstrip(".") + PATTERN_SUFFIXES[0])
