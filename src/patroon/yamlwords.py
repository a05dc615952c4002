"""YAML's problems in the user's words.

PyYAML reports a broken file in its own English (``did not find expected
key``, ``while scanning a simple key``), and its C parser (libyaml) words the
same problems differently from its pure-Python one. A person editing a
pattern by hand needs the slip in plain Dutch or English, with its line and
column. Every problem that PyYAML's reader, scanner, parser and composer can
report, in either implementation, falls into one of the kinds below; one that
none matches still reads as a plain sentence, never as PyYAML's text.
"""

from __future__ import annotations

import re

import yaml

from patroon.errors import PatternError
from patroon.i18n import pick
from patroon.model import unprintable_words

#: How deep a pattern file may nest blocks and lists (a pattern needs four).
MAX_DEPTH = 20

#: What PyYAML takes for line breaks but editors show inside a line, with their names.
HIDDEN_BREAKS = {
    "\x85": ("volgende regel", "next line"),
    "\u2028": ("regelscheiding", "line separator"),
    "\u2029": ("alineascheiding", "paragraph separator"),
}
#: A line break as editors count them: Windows, old Mac and Unix line endings.
_LINE_BREAK = re.compile("\r\n|\r|\n")

_NOT_TEXT = (
    "het bestand bevat tekens die niet in een tekstbestand horen (is het een ander soort bestand?)",
    "the file holds characters that do not belong in a text file (is it another kind of file?)",
)
_TOO_DEEP = (
    f"het bestand is dieper genest dan een patroon ooit is (meer dan {MAX_DEPTH} niveaus)",
    f"the file is nested deeper than a pattern ever is (over {MAX_DEPTH} levels)",
)
_ALIASES = (
    "het bestand gebruikt YAML-verwijzingen (*naam); een patroon schrijft alles uit",
    "the file uses YAML aliases (*name); a pattern spells everything out",
)
_MORE_DOCUMENTS = (
    "het bestand bevat meer dan één document (een regel ‘---’ halverwege); een patroon is één document",
    "the file holds more than one document (a ‘---’ line halfway); a pattern is one document",
)
_TAB = (
    "een tab in de inspringing; YAML springt alleen in met spaties",
    "a tab in the indentation; YAML indents with spaces only",
)

# Each kind: a regular expression over PyYAML's problem and context (both implementations'
# wordings), and the Dutch and English sentence. ``{opened}`` becomes the line where an
# unclosed quote or bracket began, which is where the slip is. The first that matches wins.
_KINDS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), nl, en) for pattern, nl, en in (
        (r"nesting (depth|level)",
         _TOO_DEEP[0], _TOO_DEEP[1]),
        (r"tab character",
         _TAB[0], _TAB[1]),
        (r"special characters|control characters|unacceptable character|octet|invalid unicode character(?! escape)"
         r"|invalid (leading|trailing)|incomplete utf-(8|16)|utf-8 sequence|surrogate|input is too long|input error",
         _NOT_TEXT[0], _NOT_TEXT[1]),
        (r"',' or '\]'",
         "een lijst tussen [ ] is niet afgesloten: er ontbreekt een komma of de ‘]’{opened}",
         "a list in [ ] is not closed: a comma or the ‘]’ is missing{opened}"),
        (r"',' or '\}'",
         "een blok tussen {{ }} is niet afgesloten: er ontbreekt een komma of de ‘}}’{opened}",
         "a block in {{ }} is not closed: a comma or the ‘}}’ is missing{opened}"),
        (r"unexpected end of stream.*quoted scalar",
         "het sluitende aanhalingsteken ontbreekt{opened}",
         "the closing quote is missing{opened}"),
        (r"unexpected end of stream",
         "het bestand houdt op voordat alles is afgesloten{opened}",
         "the file ends before everything is closed{opened}"),
        (r"document (indicator|separator)",
         "een regel met ‘---’ of ‘...’ midden in een tekst tussen aanhalingstekens; sluit de tekst eerst af",
         "a line with ‘---’ or ‘...’ inside a text in quotes; close the text first"),
        (r"mapping values are not allowed|unexpected ':'",
         "een dubbele punt waar die niet kan: zet een tekst met ‘: ’ erin tussen aanhalingstekens,"
         " of kijk of deze regel goed inspringt",
         "a colon where none can be: put a text containing ‘: ’ in quotes, or check this line's indentation"),
        (r"could not find expected ':'",
         "hier ontbreekt een dubbele punt (‘sleutel: waarde’), of een tekst over meer regels springt niet in",
         "a colon is missing here (‘key: value’), or a text over several lines is not indented"),
        (r"mapping keys are not allowed|complex key",
         "een regel die met ‘? ’ begint is in YAML een bijzondere sleutel; zet de tekst tussen aanhalingstekens",
         "a line starting with ‘? ’ is a special key in YAML; put the text in quotes"),
        (r"node content|expected scalar|expected the node",
         "hier ontbreekt een waarde", "a value is missing here"),
        (r"expected '-' indicator|expected <block end>, but found '(<block sequence start>|\?)'"
         r"|sequence entries are not allowed",
         "de inspringing klopt niet: de regels van een lijst beginnen met ‘- ’, recht onder elkaar",
         "the indentation is off: the lines of a list start with ‘- ’, straight below each other"),
        (r"did not find expected key|expected <block end>|block (mapping|collection)",
         "de inspringing klopt niet (deze regel springt anders in dan de regels erboven),"
         " of er staat tekst achter een afgesloten aanhalingsteken",
         "the indentation is off (this line is indented unlike the lines above it),"
         " or there is text after a closing quote"),
        (r"cannot start any token",
         "een waarde kan niet met dit teken beginnen (zoals @ of `); zet de tekst tussen aanhalingstekens",
         "a value cannot start with this character (such as @ or `); put the text in quotes"),
        (r"unicode character escape|escape sequence of|hexa?decimal number",
         "een code met \\x, \\u of \\U in een tekst tussen dubbele aanhalingstekens is geen geldig teken;"
         " gebruik enkele aanhalingstekens of schrijf \\\\",
         "a \\x, \\u or \\U code in a text in double quotes is not a valid character;"
         " use single quotes or write \\\\"),
        (r"unknown escape character|quoted scalar",
         "een onbekende code met \\ in een tekst tussen dubbele aanhalingstekens;"
         " gebruik enkele aanhalingstekens of schrijf \\\\",
         "an unknown code with \\ in a text in double quotes; use single quotes or write \\\\"),
        (r"directive|version number|expected a digit|digit or|non-alphabetical|yaml document|document start|stream-start|expected '<document start>'",
         "een regel die met % begint is in YAML een instructie; zet de tekst tussen aanhalingstekens",
         "a line starting with % is an instruction in YAML; put the text in quotes"),
        (r"an? (alias|anchor)|undefined alias|duplicate anchor|second occurrence"
         r"|alphabetic or numeric",
         "na & of * hoort in YAML een naam; zet de tekst tussen aanhalingstekens",
         "in YAML a name follows & or *; put the text in quotes"),
        (r"block scalar|indentation indicator|chomping",
         "na | of > mag op dezelfde regel alleen een cijfer of + of - staan; de tekst begint op de volgende regel",
         "after | or > only a digit, + or - may follow on the same line; the text starts on the next line"),
        (r"tag|expected '!'|\buri\b|expected '>'",
         "een waarde die met ! begint is in YAML een tag; zet de tekst tussen aanhalingstekens",
         "a value starting with ! is a tag in YAML; put the text in quotes"),
        (r"another document|single document|document-end|stream-end", *_MORE_DOCUMENTS),
        (r"comment or (a )?line break|whitespace|expected ' '",
         "hier hoort de regel op te houden (of een spatie te staan); zet de tekst tussen aanhalingstekens",
         "the line should end here (or a space should follow); put the text in quotes"),
    )
)

#: Sentences that say all by themselves, without "this is not valid YAML".
_STANDALONE = (_TOO_DEEP, _TAB, _NOT_TEXT)

#: Said of a problem no kind describes: still a sentence in the user's language.
_UNKNOWN = (
    "de opbouw klopt hier niet (kijk naar aanhalingstekens, dubbele punten en de inspringing)",
    "the structure is off here (look at quotes, colons and the indentation)",
)


def invalid_yaml(exc: yaml.YAMLError, text: str) -> PatternError:
    """The :class:`PatternError` for a problem PyYAML found in ``text``, with its line and column."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = column = None
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    elif isinstance(exc, yaml.reader.ReaderError):
        line, column = line_and_column(text, exc.position)
    if _indented_with_tab(text, mark):
        return PatternError(pick(*_TAB), line=line, column=column)
    nl, en = yaml_problem_words(exc)
    hidden = _hidden_break_on(text, line)
    if hidden:
        nl, en = f"{nl}. {hidden[0]}", f"{en}. {hidden[1]}"
    return PatternError(pick(nl, en), line=line, column=column)


def _hidden_break_on(text: str, line: int | None) -> tuple[str, str] | None:
    """What to say of an invisible line break on ``line`` (1-based), which may be the slip; or None."""
    lines = _LINE_BREAK.split(text)
    if line is None or not 1 <= line <= len(lines):
        return None
    for char in HIDDEN_BREAKS:
        if char in lines[line - 1]:
            nl, en = hidden_break_words(char)
            return f"Op deze regel staat {nl}", f"This line holds {en}"
    return None


def hidden_break_words(char: str) -> tuple[str, str]:
    """The Dutch and English words for ``char``, one of :data:`HIDDEN_BREAKS`, and how to be rid of it."""
    code = f"U+{ord(char):04X}"
    name_nl, name_en = HIDDEN_BREAKS[char]
    return (f"het onzichtbare teken {code} ({name_nl}, vaak meegekomen uit Word); haal het weg of typ de regel opnieuw",
            f"the invisible character {code} ({name_en}, often pasted from Word); remove it or type the line again")


def hidden_break_in_key(char: str, line: int, column: int) -> PatternError:
    """A key holding one of :data:`HIDDEN_BREAKS`: in the editor it looked like a key and a value on one line."""
    nl, en = hidden_break_words(char)
    return PatternError(pick(f"midden in een sleutel staat {nl}", f"a key holds {en}"), line=line, column=column)


def yaml_problem_words(exc: yaml.YAMLError) -> tuple[str, str]:
    """The Dutch and English sentence for what PyYAML reports in ``exc``."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _NOT_TEXT
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    described = f"{problem} | {context}" if problem or context else str(exc)
    start = getattr(exc, "context_mark", None)
    opened = (f" (geopend op regel {start.line + 1})", f" (opened on line {start.line + 1})") if start else ("", "")
    for pattern, nl, en in _KINDS:
        if pattern.search(described):
            if (nl, en) in _STANDALONE:
                return nl, en
            return (f"dit is geen geldige YAML: {nl.format(opened=opened[0])}",
                    f"this is not valid YAML: {en.format(opened=opened[1])}")
    return f"dit is geen geldige YAML: {_UNKNOWN[0]}", f"this is not valid YAML: {_UNKNOWN[1]}"


def _indented_with_tab(text: str, mark: yaml.Mark | None) -> bool:
    if mark is None:
        return False
    lines = _LINE_BREAK.split(text)  # not splitlines(): that also breaks where editors do not
    if mark.line >= len(lines):
        return False
    source = lines[mark.line]
    return "\t" in source[: len(source) - len(source.lstrip())]


def line_and_column(text: str, index: int) -> tuple[int, int]:
    r"""The 1-based line and column of ``text[index]``, counting lines as editors do.

    >>> line_and_column("a\r\nb\u2028c", 5)
    (2, 3)
    """
    lines = _LINE_BREAK.split(text[:index])
    return len(lines), len(lines[-1]) + 1


# What the loader itself refuses, in the same voice. -----------------------------------


def _at(mark: yaml.Mark, nl: str, en: str) -> PatternError:
    return PatternError(pick(nl, en), line=mark.line + 1, column=mark.column + 1)


def too_deep(mark: yaml.Mark) -> PatternError:
    return _at(mark, *_TOO_DEEP)


def alias(mark: yaml.Mark) -> PatternError:
    return _at(mark, *_ALIASES)


def tag(name: str, mark: yaml.Mark) -> PatternError:
    shown = name.replace("tag:yaml.org,2002:", "!!")
    return _at(
        mark,
        f"het bestand gebruikt de YAML-tag ‘{shown}’; een patroon bevat alleen gewone tekst,"
        " lijsten en blokken (haal de tag weg of zet de tekst tussen aanhalingstekens)",
        f"the file uses the YAML tag ‘{shown}’; a pattern holds only plain text, lists and blocks"
        " (remove the tag or put the text in quotes)",
    )


def complex_key(mark: yaml.Mark) -> PatternError:
    return _at(mark, "een sleutel moet een gewoon woord zijn (zoals ‘title’), geen lijst of blok",
               "a key must be a plain word (such as ‘title’), not a list or block")


def duplicate_key(key: str, mark: yaml.Mark) -> PatternError:
    return _at(mark, f"de sleutel ‘{key}’ staat twee keer in hetzelfde blok",
               f"the key ‘{key}’ appears twice in one block")


def more_documents(mark: yaml.Mark) -> PatternError:
    return _at(mark, *_MORE_DOCUMENTS)


def unprintable(char: str, line: int | None, column: int | None, *, in_file: bool) -> PatternError:
    """A character that cannot be printed: a control character, a lone surrogate, or one XML forbids."""
    code = f"U+{ord(char):04X}"
    if in_file:
        words = (f"het bestand bevat het teken {code}, dat niet in een tekstbestand hoort"
                 " (is het een ander soort bestand?)",
                 f"the file holds the character {code}, which does not belong in a text file"
                 " (is it another kind of file?)")
        return PatternError(pick(*words), line=line, column=column)
    return PatternError(unprintable_words(char), line=line, column=column)
