"""Plain YAML to plain data, remembering where each part stood.

A pattern file needs only YAML's plain parts: blocks (mappings) with text
keys, lists, and texts. This reader builds exactly those from PyYAML's parse
events and refuses everything else with the line and column where it stands:
explicit tags (``!!int``, ``!!binary``, ``!!python/...``), lists or blocks
as keys, aliases (what "billion laughs" files multiply), a second document,
nesting deeper than :data:`~patroon.yamlwords.MAX_DEPTH`, duplicate keys,
and characters that cannot be printed. No PyYAML constructor runs, so no
tag can build an object or run code, and every plain value is read as text
(``region: NO`` stays "NO").

Lines are counted as editors count them: PyYAML also breaks lines at NEL
(U+0085), the line separator (U+2028) and the paragraph separator (U+2029),
which editors show inside a line (a title pasted from Word often holds
U+2028). So those three are read as characters of the text they stand in,
and every line number said is the one the editor shows.

Beside the data it returns where each part began: ``marks[("steps", 2,
"id")]`` is the 1-based line and column of the third step's ``id:``, so a
problem found later in the data can name its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Union

import yaml

from patroon.yamlwords import (
    HIDDEN_BREAKS,
    MAX_DEPTH,
    alias,
    complex_key,
    duplicate_key,
    hidden_break_in_key,
    invalid_yaml,
    line_and_column,
    more_documents,
    tag,
    too_deep,
    unprintable,
)

try:  # libyaml is much faster where it is installed; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[Union[str, int], ...]
Marks = dict[Path, tuple[int, int]]

# The model's unprintable characters, less carriage return and NEL: a carriage return ends
# a line (Windows and old Mac line endings), NEL is read inside its line (see the module's
# docstring), and in a text the model makes both plain newlines.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

_NO_KEY = object()


@dataclass
class _Open:
    """A block or list being read, and for a block the key whose value comes next."""

    value: dict | list
    path: Path
    key: Any = _NO_KEY


def read_plain_yaml(text: str) -> tuple[Any, Marks]:
    """The data in ``text`` and where its parts stood; :class:`PatternError` for anything else.

    >>> data, marks = read_plain_yaml("title: Wereldvrede\\nsteps:\\n  - text: a\\n")
    >>> data
    {'title': 'Wereldvrede', 'steps': [{'text': 'a'}]}
    >>> marks[("steps", 0, "text")]
    (3, 5)
    """
    found = _UNPRINTABLE.search(text)
    if found:
        raise unprintable(found.group(), *line_and_column(text, found.start()), in_file=True)
    masked, restore = _mask_hidden_breaks(text)
    try:
        return _build(yaml.parse(masked, Loader=_Loader), restore)
    except yaml.YAMLError as exc:
        raise invalid_yaml(exc, text) from None


def _mask_hidden_breaks(text: str) -> tuple[str, dict[int, str]]:
    """``text`` with each of :data:`HIDDEN_BREAKS` it holds replaced by a private-use character
    it does not hold, so PyYAML reads them inside the line as editors show them; and the table
    that puts them back. Replacing one character by one keeps every position the same."""
    present = [c for c in HIDDEN_BREAKS if c in text]
    if not present:
        return text, {}
    used = set(text)
    free = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in used)
    masks = {ord(c): next(free) for c in present}  # a file too small to hold all 6,400 of them
    return text.translate(masks), {ord(mask): chr(c) for c, mask in masks.items()}


def _build(events: Iterable[yaml.Event], restore: dict[int, str]) -> tuple[Any, Marks]:
    marks: Marks = {}
    root: Any = None
    stack: list[_Open] = []
    documents = 0
    for event in events:
        mark = event.start_mark
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise more_documents(mark)
        elif isinstance(event, yaml.AliasEvent):
            raise alias(mark)
        elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            if event.tag is not None:
                raise tag(event.tag, mark)
            where = (mark.line + 1, mark.column + 1)
            parent = stack[-1] if stack else None
            if parent is not None and isinstance(parent.value, dict) and parent.key is _NO_KEY:
                _take_key(parent, event, where, marks, restore)
                continue
            value = _value(event, where, restore)
            if parent is None:
                path: Path = ()
                root = value
            elif isinstance(parent.value, dict):
                path = parent.path + (parent.key,)
                parent.value[parent.key] = value
                parent.key = _NO_KEY
            else:
                path = parent.path + (len(parent.value),)
                marks[path] = where
                parent.value.append(value)
            if isinstance(value, (dict, list)):
                stack.append(_Open(value, path))
                if len(stack) > MAX_DEPTH:
                    raise too_deep(mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
    return root, marks


def _take_key(block: _Open, event: yaml.Event, where: tuple[int, int], marks: Marks, restore: dict[int, str]) -> None:
    if not isinstance(event, yaml.ScalarEvent):
        raise complex_key(event.start_mark)
    key = _text(event.value, where, restore)
    for char in HIDDEN_BREAKS:
        if char in key:
            raise hidden_break_in_key(char, *where)
    if key in block.value:
        raise duplicate_key(key, event.start_mark)
    block.key = key
    marks[block.path + (key,)] = where


def _value(event: yaml.Event, where: tuple[int, int], restore: dict[int, str]) -> Any:
    if isinstance(event, yaml.ScalarEvent):
        return _text(event.value, where, restore)
    return {} if isinstance(event, yaml.MappingStartEvent) else []


def _text(value: str, where: tuple[int, int], restore: dict[int, str]) -> str:
    found = _UNPRINTABLE.search(value)
    if found:
        raise unprintable(found.group(), *where, in_file=False)
    return value.translate(restore) if restore else value


def place_of(marks: Marks, path: Iterable[Any]) -> tuple[int, int] | None:
    """Where the part at ``path`` stood, or its nearest enclosing part that has a place."""
    path = tuple(path)
    while path:
        if path in marks:
            return marks[path]
        path = path[:-1]
    return None

