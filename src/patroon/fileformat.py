"""Reading and writing pattern files (YAML, format version 1).

Reading is defensive: the file is size-checked, decoded as UTF-8 (with or
without BOM; any other bytes are refused, never guessed), scanned for YAML
aliases and deep nesting before anything is built, and parsed with a safe
loader that reads every plain scalar as text, so ``region: NO`` stays "NO"
and no tag can run code. Every problem ends in one
:class:`~patroon.errors.PatternError` naming the file.

Writing puts the keys in the documented order, leaves out what is empty or
default, and keeps Unicode readable; ``loads(dumps(p)) == p``.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

import yaml

from patroon.errors import PatternError, file_problem
from patroon.i18n import pick
from patroon.limits import MAX_FILE_BYTES
from patroon.model import DEFAULT_QUESTIONS, FORMAT_VERSION, Layout, Pattern, validate

MAX_DEPTH = 20

try:  # libyaml is much faster where it is installed; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

KEY_ORDER = ("patroon", "title", "context", "description", "steps", "breakthroughs", "questions", "meta", "layout")


class _TextLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that reads every plain scalar as a string and refuses duplicate keys."""

    yaml_implicit_resolvers: dict = {}

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise PatternError(
                    pick(f"de sleutel ‘{key}’ staat twee keer in hetzelfde blok", f"the key ‘{key}’ appears twice in one block"),
                    line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1,
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


_TextLoader.add_constructor("tag:yaml.org,2002:map", _TextLoader.construct_mapping)


def _yaml_error(exc: yaml.YAMLError, text: str) -> PatternError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    problem = str(getattr(exc, "problem", "") or "")
    source_line = text.splitlines()[mark.line] if mark is not None and mark.line < len(text.splitlines()) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip())]
    if "\t" in indent or "\\t" in problem:
        message = pick(
            "een tab in de inspringing; YAML springt alleen in met spaties",
            "a tab in the indentation; YAML indents with spaces only",
        )
    elif isinstance(exc, yaml.reader.ReaderError):
        message = pick(
            "het bestand bevat tekens die niet in een tekstbestand horen (is het een ander soort bestand?)",
            "the file holds characters that do not belong in a text file (is it another kind of file?)",
        )
    elif isinstance(exc, yaml.constructor.ConstructorError):
        message = pick(
            "het bestand gebruikt een YAML-tag (zoals !!python/...) die een patroon niet kent",
            "the file uses a YAML tag (such as !!python/...) that a pattern does not know",
        )
    else:
        detail = _yaml_problem_words(exc, problem)
        if detail:
            message = pick(f"dit is geen geldige YAML: {detail[0]}", f"this is not valid YAML: {detail[1]}")
        else:
            detail_text = problem or str(exc).splitlines()[0]
            message = pick(f"dit is geen geldige YAML ({detail_text})", f"this is not valid YAML ({detail_text})")
    return PatternError(message, line=line, column=column)


#: PyYAML's problems for the usual slips, in plain words. Each pattern matches the text of
#: libyaml (``did not find expected ...``) and of the pure-Python parser (``expected ..., but found``).
_YAML_PROBLEMS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), nl, en) for pattern, nl, en in (
        (r"expected ',' or '\]'",
         "een lijst tussen [ ] is niet afgesloten: er ontbreekt een komma of de ‘]’{nl_start}",
         "a list in [ ] is not closed: a comma or the ‘]’ is missing{en_start}"),
        (r"expected ',' or '\}'",
         "een blok tussen {{ }} is niet afgesloten: er ontbreekt een komma of de ‘}}’{nl_start}",
         "a block in {{ }} is not closed: a comma or the ‘}}’ is missing{en_start}"),
        (r"^found unexpected end of stream.*quoted scalar",
         "het sluitende aanhalingsteken ontbreekt{nl_start}",
         "the closing quote is missing{en_start}"),
        (r"^found unexpected end of stream",
         "het bestand houdt op voordat alles is afgesloten{nl_start}",
         "the file ends before everything is closed{en_start}"),
        (r"^mapping values are not allowed",
         "een dubbele punt waar die niet kan: zet een tekst met ‘: ’ erin tussen aanhalingstekens,"
         " of kijk of deze regel goed inspringt",
         "a colon where none can be: put a text containing ‘: ’ in quotes, or check this line's indentation"),
        (r"^could not find expected ':'",
         "hier ontbreekt een dubbele punt (‘sleutel: waarde’), of een tekst over meer regels springt niet in",
         "a colon is missing here (‘key: value’), or a text over several lines is not indented"),
        (r"expected '-' indicator|^expected <block end>, but found '(<block sequence start>|\?)'",
         "de inspringing klopt niet: de regels van een lijst beginnen met ‘- ’, recht onder elkaar",
         "the indentation is off: the lines of a list start with ‘- ’, straight below each other"),
        (r"^did not find expected key|^expected <block end>",
         "de inspringing klopt niet (deze regel springt anders in dan de regels erboven),"
         " of er staat tekst achter een afgesloten aanhalingsteken",
         "the indentation is off (this line is indented unlike the lines above it),"
         " or there is text after a closing quote"),
        (r"that cannot start any token",
         "een waarde kan niet met dit teken beginnen (zoals @ of `); zet de tekst tussen aanhalingstekens",
         "a value cannot start with this character (such as @ or `); put the text in quotes"),
        (r"^found unknown escape character",
         "een onbekende code met \\ in een tekst tussen dubbele aanhalingstekens;"
         " gebruik enkele aanhalingstekens of schrijf \\\\",
         "an unknown code with \\ in a text in double quotes; use single quotes or write \\\\"),
        (r"expected alphabetic or numeric character",
         "na & of * hoort in YAML een naam; zet de tekst tussen aanhalingstekens",
         "in YAML a name follows & or *; put the text in quotes"),
        (r"node content",
         "hier ontbreekt een waarde", "a value is missing here"),
        (r"^found unknown directive name|^expected '<document start>'",
         "een regel die met % begint is in YAML een instructie; zet de tekst tussen aanhalingstekens",
         "a line starting with % is an instruction in YAML; put the text in quotes"),
        (r"^found undefined tag handle",
         "een waarde die met ! begint is in YAML een tag; zet de tekst tussen aanhalingstekens",
         "a value starting with ! is a tag in YAML; put the text in quotes"),
        (r"^but found another document|^expected a single document",
         "het bestand bevat meer dan één document (een regel ‘---’ halverwege); een patroon is één document",
         "the file holds more than one document (a ‘---’ line halfway); a pattern is one document"),
    )
)


def _yaml_problem_words(exc: yaml.YAMLError, problem: str) -> tuple[str, str] | None:
    """The Dutch and English words for a YAML problem PyYAML describes, or None when it is not a usual one."""
    start = getattr(exc, "context_mark", None)
    # Where an unclosed quote or bracket began, which is where the slip is.
    starts = ((f" (geopend op regel {start.line + 1})", f" (opened on line {start.line + 1})")
              if start is not None else ("", ""))
    described = f"{problem} | {getattr(exc, 'context', '') or ''}"
    for pattern, nl, en in _YAML_PROBLEMS:
        if pattern.search(described):
            return nl.format(nl_start=starts[0]), en.format(en_start=starts[1])
    return None


def _scan(text: str) -> None:
    """Refuse aliases and deep nesting before the loader builds anything.

    Aliases are what "billion laughs" files multiply; a pattern never needs
    them. Deep nesting would exhaust the loader's recursion.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent):
            raise PatternError(
                pick(
                    "het bestand gebruikt YAML-verwijzingen (*naam); een patroon schrijft alles uit",
                    "the file uses YAML aliases (*name); a pattern spells everything out",
                ),
                line=event.start_mark.line + 1,
                column=event.start_mark.column + 1,
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise PatternError(
                    pick(
                        f"het bestand is dieper genest dan een patroon ooit is (meer dan {MAX_DEPTH} niveaus)",
                        f"the file is nested deeper than a pattern ever is (over {MAX_DEPTH} levels)",
                    ),
                    line=event.start_mark.line + 1,
                    column=event.start_mark.column + 1,
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


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
        line = data[: exc.start].count(b"\n") + 1
        raise PatternError(
            pick(
                "het bestand is geen UTF-8-tekst (sla het op als UTF-8, of is het een ander soort bestand?)",
                "the file is not UTF-8 text (save it as UTF-8, or is it another kind of file?)",
            ),
            line=line,
        ) from None
    if "\x00" in text:
        raise PatternError(
            pick(
                "het bestand bevat tekens die niet in een tekstbestand horen (is het een ander soort bestand?)",
                "the file holds characters that do not belong in a text file (is it another kind of file?)",
            )
        )
    return text


def loads(source: str | bytes, path: str | Path | None = None) -> Pattern:
    """Parse a pattern from YAML text or bytes; errors name ``path`` when given."""
    try:
        text = decode(source) if isinstance(source, bytes) else source
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            decode(text.encode("utf-8"))
        return from_data(_parse(text))
    except PatternError as exc:
        raise exc.with_path(path) if path is not None else exc from None


def _parse(text: str) -> Any:
    try:
        _scan(text)
        return yaml.load(text, Loader=_TextLoader)  # noqa: S506 - _TextLoader is a SafeLoader
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text) from None
    except RecursionError:  # pragma: no cover - _scan refuses deep files first
        raise PatternError(pick("het bestand is te diep genest", "the file is nested too deeply")) from None


def from_data(data: Any) -> Pattern:
    """A pattern from the plain data a YAML file holds (header checked, then validated)."""
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
    if version is None:
        raise PatternError(
            pick(
                "dit is geen patroon: de regel ‘patroon: 1’ ontbreekt",
                "this is not a pattern: the line ‘patroon: 1’ is missing",
            )
        )
    if str(version).strip() != str(FORMAT_VERSION):
        raise PatternError(
            pick(
                f"dit patroon heeft formaatversie {version}; deze Patroon kent alleen versie {FORMAT_VERSION}"
                " (een nieuwere Patroon kan het openen)",
                f"this pattern has format version {version}; this Patroon knows only version {FORMAT_VERSION}"
                " (a newer Patroon can open it)",
            )
        )
    body = {k: v for k, v in data.items() if k != "patroon"}
    if "title" not in body:
        raise PatternError(pick("de titel (‘title:’) ontbreekt", "the title (‘title:’) is missing"))
    if "steps" not in body:
        raise PatternError(pick("de stappen (‘steps:’) ontbreken", "the steps (‘steps:’) are missing"))
    if body.get("questions") is None:
        body.pop("questions", None)
    for key in ("meta", "layout"):
        if body.get(key) is None:
            body.pop(key, None)
    if body.get("breakthroughs") is None:
        body.pop("breakthroughs", None)
    return validate(body)


def load_pattern(path: str | Path) -> Pattern:
    """Read the pattern file at ``path``; every problem is a PatternError naming the file."""
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
    return loads(data, path)


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
    defaults = Layout().model_dump()
    layout = {k: v for k, v in pattern.layout.model_dump().items() if v != defaults[k]}
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
