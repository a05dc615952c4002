"""Loading never crashes: any bytes give a pattern or one PatternError with file, line and plain words.

The cases the loader once answered with a traceback, run through every
command and the editor; a fuzz of the loader over generated YAML; the
translation of every problem PyYAML can report; control characters; and
batches that give every file its verdict.
"""

from __future__ import annotations

import ast
import os
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patroon.cli import main
from patroon.errors import PatternError
from patroon.fileformat import loads
from patroon.i18n import set_language

ROOT = Path(__file__).resolve().parent.parent
HEAD = "patroon: 1\ntitle: Wereldvrede\n"
STEPS = "steps:\n  - text: Een.\n  - text: Twee.\n"

#: Files that once escaped the loader as ValueError, TypeError, AttributeError, KeyError,
#: IndexError or were accepted, with the line each message must name and a word it must say.
CASES = {
    "int-tag": (HEAD.replace("Wereldvrede", "!!int twee") + STEPS, 2, "!!int"),
    "complex-key": (HEAD + "? [x, y]\n: Een.\n" + STEPS, 3, "sleutel"),
    "timestamp-key": (HEAD + "!!timestamp morgen: 1\n" + STEPS, 3, "!!timestamp"),
    "map-tag": (HEAD + "meta: !!map [a]\n" + STEPS, 3, "!!map"),
    "bool-only": ("!!bool \n", 1, "!!bool"),
    "float-only": ("!!float \n", 1, "!!float"),
    "binary": (HEAD + "steps:\n  - text: !!binary aGFsbG8=\n  - text: Twee.\n", 4, "!!binary"),
    "vertical-tab": (HEAD + 'steps:\n  - text: "Een\\vtwee"\n  - text: Twee.\n', 4, "U+000B"),
    "nul": (HEAD + 'steps:\n  - text: "Een\\0"\n  - text: Twee.\n', 4, "U+0000"),
    "escape": (HEAD + 'steps:\n  - text: Een.\n  - text: "\\e[31mTwee"\n', 5, "U+001B"),
    "c1": (HEAD + 'context: "\\x85\\x9b"\n' + STEPS, 3, "U+009B"),
    "deep": (HEAD + "steps: " + "[" * 5000 + "]" * 5000 + "\n", 3, "genest"),
    "duplicate-id": (HEAD + "steps:\n  - {id: a, text: een}\n  - {id: a, text: twee}\n", 5, "twee keer"),
    "dangling-after": (HEAD + STEPS + "breakthroughs:\n  - after: nergens\n    text: hier\n", 7, "nergens"),
    "steps-not-a-list": (HEAD + "steps: abc\n", 3, "lijst"),
    "unhashable-id": (HEAD + "steps:\n  - {id: [a], text: een}\n  - {text: twee}\n", 4, "tekst"),
}

#: Words of PyYAML's own English that a Dutch message never holds.
PARSER_WORDS = ("expected", "found", "while", "scanning", "parsing", "allowed", "could not", "mapping",
                "scalar", "token", "stream", "character", "nesting", "exceeded", "escape", "indentation")
DUTCH_WORDS = (" het ", " een ", "regel ", "bestand", " niet ", " staat ", " tekst ")


def write_cases(folder: Path) -> dict[str, Path]:
    paths = {}
    for name, (content, _line, _word) in CASES.items():
        paths[name] = folder / f"{name}.yaml"
        paths[name].write_text(content, encoding="utf-8")
    return paths


def test_every_case_is_one_line_naming_file_and_line_in_validate(tmp_path, capsys):
    paths = write_cases(tmp_path)
    assert main(["validate", *map(str, paths.values())]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(CASES)
    for line, (name, (_content, number, word)) in zip(out, CASES.items()):
        assert line.startswith(f"FOUT  {paths[name]}, regel {number}"), line
        message = line.replace(str(paths[name]), "")
        assert word in message, line
        assert not [w for w in PARSER_WORDS if w in message], line


def test_every_case_is_english_with_lang_en(tmp_path, capsys):
    paths = write_cases(tmp_path)
    assert main(["--lang", "en", "validate", *map(str, paths.values())]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(CASES)
    for line, (name, (_content, number, _word)) in zip(out, CASES.items()):
        assert line.startswith(f"ERROR {paths[name]}, line {number}"), line
        message = line.replace(str(paths[name]), "")
        assert not [w for w in DUTCH_WORDS if w in f" {message} "], line


def test_every_case_is_refused_by_export_and_the_good_file_still_exported(qapp, tmp_path, capsys):
    paths = write_cases(tmp_path)
    good = ROOT / "patterns" / "wereldvrede.yaml"
    out = tmp_path / "uit"
    assert main(["export", str(good), *map(str, paths.values()), "-o", f"{out}/", "--format", "json"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == len(CASES) and "Traceback" not in "\n".join(err)
    for line, (name, (_content, number, _word)) in zip(err, CASES.items()):
        assert line.startswith(f"FOUT  {paths[name]}, regel {number}"), line
    assert sorted(p.name for p in out.iterdir()) == ["wereldvrede.json"]


@pytest.mark.parametrize("name", ["int-tag", "complex-key", "bool-only", "vertical-tab"])
def test_present_says_why_in_one_line(qtbot, monkeypatch, capsys, tmp_path, name):
    from PySide6.QtWidgets import QApplication

    from patroon.gui import app as app_module

    monkeypatch.setattr(QApplication.instance(), "exec", lambda: pytest.fail("no window may open"), raising=False)
    path = write_cases(tmp_path)[name]
    assert app_module.run_gui([str(path)], present=True, lang="nl") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"FOUT  {path}, regel {CASES[name][1]}") and "\n" not in err


def test_the_editor_explains_every_case_in_its_dialog(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from patroon.gui.app import make_application
    from patroon.gui.mainwindow import MainWindow

    make_application(lang="nl")
    asked = []
    monkeypatch.setattr(MainWindow, "ask", lambda self, icon, title, text, buttons, *a, details="", **k:
                        asked.append((icon, text, details)) or QMessageBox.StandardButton.Ok)
    window = MainWindow()
    qtbot.addWidget(window)
    for name, path in write_cases(tmp_path).items():
        assert not window.files.open_path(path)
        icon, text, details = asked[-1]
        assert icon == QMessageBox.Icon.Critical and path.name in text
        assert f"regel {CASES[name][1]}" in details and CASES[name][2] in details, details
    assert len(asked) == len(CASES)
    assert window.document.path is None


def test_an_unexpected_fault_with_one_file_does_not_stop_the_batch(tmp_path, monkeypatch, capsys):
    import patroon.fileformat as fileformat

    real = fileformat.load_pattern

    def faulty(path):
        if Path(path).name == "stuk.yaml":
            raise RuntimeError("a bug")
        return real(path)

    monkeypatch.setattr(fileformat, "load_pattern", faulty)
    good = ROOT / "patterns" / "wereldvrede.yaml"
    broken = tmp_path / "stuk.yaml"
    broken.write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["validate", str(good), str(broken), str(good)]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert [line[:5] for line in out] == ["ok   ", "FOUT ", "ok   "]
    assert "stuk.yaml" in out[1] and "interne fout" in out[1]
    assert "Traceback" not in captured.out + captured.err

    assert main(["--debug", "validate", str(broken)]) == 1
    assert "RuntimeError: a bug" in capsys.readouterr().err


def _mutate(text: str, rng: random.Random) -> str:
    """A copy of ``text`` with a few of the slips and oddities files meet in mail."""
    junk = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!int ", "!!binary ", "? ", "'", '"', "\\", "\t",
            "\n", "  ", "#", "|", ">", "%", "@", "`", "---\n", "...", "\\x1b", "\\ud800", "é", "🙂", ",", "!"]
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(chars) + 1)
        kind = rng.random()
        if kind < 0.5:
            chars[at:at] = list(rng.choice(junk))
        elif kind < 0.8 and chars:
            del chars[at: at + rng.randint(1, 8)]
        else:
            lines = "".join(chars).split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            chars = list("\n".join(lines))
    return "".join(chars)


def test_validate_gives_every_mutated_file_its_verdict(tmp_path, capsys):
    rng = random.Random(20261204)
    originals = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "patterns").glob("*.yaml"))]
    count = int(os.environ.get("PATROON_MUTANTS", "300"))
    files = []
    for n in range(count):
        path = tmp_path / f"m{n:04d}.yaml"
        path.write_text(_mutate(originals[n % len(originals)], rng), encoding="utf-8", errors="surrogatepass")
        files.append(str(path))
    main(["validate", *files])
    out = capsys.readouterr().out.splitlines()
    assert len(out) == count
    assert all(line.startswith(("ok    ", "FOUT  ")) for line in out)
    assert not [line for line in out if "interne fout" in line]


# The loader over generated YAML: only PatternError leaves it. ---------------------------

_piece = st.one_of(
    st.sampled_from([
        "patroon: 1\n", "title: ", "steps:\n", "  - text: ", "  - ", "id: ", "after: ", "meta: ", "layout: ",
        "breakthroughs:\n", "questions: ", "offsets: ", "start_angle: ", ": ", "- ", "? ", "[", "]", "{", "}",
        ", ", "&anker ", "*anker", "!!int ", "!!str ", "!!binary ", "!!map ", "!!seq ", "!!timestamp ",
        "!!python/object:os.system ", "!lokaal ", "!<tag:yaml.org,2002:str> ", "%YAML 1.1\n", "---\n", "...\n",
        "|\n", ">-\n", "'", '"', '"\\x1b"', '"\\v"', '"\\0"', '"\\ud800"', '"\\udfff"', '"\\U0001F642"',
        '"\\N"', '"\\_"', "\\", "\t", "\r\n", "\n", "  ", "    ", "#", "@", "`", "1", "0.5", "nan", "-", "ja",
    ]),
    st.text(max_size=6),
    st.characters(),
)


@settings(max_examples=int(os.environ.get("PATROON_FUZZ_EXAMPLES", "2000")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_piece, max_size=40).map("".join), st.sampled_from(["nl", "en"]))
def test_only_pattern_errors_leave_the_loader(text, lang):
    set_language(lang)
    try:
        loads(text.encode("utf-8", "surrogatepass"), "kapot.yaml")
    except PatternError as exc:
        message = re.sub(r"‘[^’]*’", "‘…’", exc.message)  # what the file itself says is left out
        other_language = PARSER_WORDS if lang == "nl" else DUTCH_WORDS
        assert not [w for w in other_language if w in f" {message} "], message
    finally:
        set_language(None)


# Every problem PyYAML can report, in either implementation, has words of ours. ----------


def _pyyaml_problems() -> set[str]:
    """The problems PyYAML's reader, scanner, parser and composer can raise, read from its source."""
    root = Path(yaml.__file__).parent
    found: set[str] = set()
    for name in ("reader.py", "scanner.py", "parser.py", "composer.py"):
        for node in ast.walk(ast.parse((root / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "").endswith("Error"):
                for sub in (s for arg in node.args for s in ast.walk(arg)):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and " " in sub.value:
                        found.add(re.sub(r"%[rsd]", "x", sub.value))
    # libyaml's messages, for the C parser, as compiled into PyYAML's extension module.
    for module in root.glob("_yaml*"):
        for match in re.finditer(rb"\x00((?:did not|found|could not|expected|mapping|block|exceeded|control|"
                                 rb"special|invalid|incomplete)[ a-zA-Z0-9'<>\-,.%:!()\]\[{}]+)\x00",
                                 module.read_bytes()):
            words = match.group(1).decode()
            if " " in words and not any(s in words for s in ("&&", "vtable", "%")):
                found.add(words)
    return {p for p in found if not p.startswith("while ")}


def test_every_problem_pyyaml_can_report_is_translated():
    from patroon.yamlwords import yaml_problem_words

    problems = _pyyaml_problems()
    assert len(problems) > 60  # both implementations were read
    unknown = []
    for problem in sorted(problems):
        nl, en = yaml_problem_words(yaml.scanner.ScannerError(None, None, problem, None))
        if "de opbouw klopt hier niet" in nl:
            unknown.append(problem)
        assert not [w for w in PARSER_WORDS if w in nl], (problem, nl)
        assert not [w for w in DUTCH_WORDS if w in f" {en} "], (problem, en)
    assert unknown == []


# Texts are printable, and whatever is accepted exports to well-formed SVG. --------------

_any_text = st.text(st.characters(), min_size=1, max_size=40)


@settings(max_examples=int(os.environ.get("PATROON_SVG_EXAMPLES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(_any_text, min_size=2, max_size=6), _any_text, st.sampled_from(["diagram", "table"]))
def test_every_accepted_file_exports_to_well_formed_svg(qapp, texts, title, sheet):
    from patroon.render.export import page_for, render_svg, sheet_problem

    quoted = [yaml.safe_dump(t, allow_unicode=False, default_style='"').strip() for t in [title, *texts]]
    text = f"patroon: 1\ntitle: {quoted[0]}\nsteps:\n" + "".join(f"  - text: {q}\n" for q in quoted[1:])
    try:
        pattern = loads(text, "gemaakt.yaml")
    except PatternError as exc:
        assert exc.line is not None
        return
    page = page_for(sheet, "svg")
    if sheet_problem(pattern, page) is None:
        ET.fromstring(render_svg(pattern, page))  # raises on anything that is not well-formed XML


def test_control_characters_are_refused_with_their_code_point(tmp_path):
    for char in ["\x01", "\x0b", "\x1b", "\x7f", "\x9b", "\ufffe"]:
        escaped = f"\\u{ord(char):04x}"
        with pytest.raises(PatternError) as info:
            loads(f'{HEAD}steps:\n  - text: "a{escaped}b"\n  - text: Twee.\n', "t.yaml")
        assert f"U+{ord(char):04X}" in str(info.value) and info.value.line == 4
    loads(f'{HEAD}steps:\n  - text: "een\\ttab en\\neen regel"\n  - text: Twee.\n', "t.yaml")


# Lines as editors count them: NEL, U+2028 and U+2029 are no line breaks there. ----------

HIDDEN = ["\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("char", HIDDEN)
def test_a_hidden_line_break_does_not_move_later_problems_down(char):
    plain = f"{HEAD}# een opmerking\nsteps:\n  - text: Een.\n  - {{id: x, text: Twee.}}\n  - {{id: x, text: Drie.}}\n"
    hidden = plain.replace("een opmerking", f"een{char}opmerking").replace("Twee.", f"Twee{char}en meer.")
    for text in (plain, hidden):
        with pytest.raises(PatternError) as info:
            loads(text, "t.yaml")
        assert (info.value.line, info.value.column) == (7, 6)  # the second ‘id’, as the editor numbers it
    with pytest.raises(PatternError) as info:
        loads(f"{HEAD}# a{char}b\nsteps: [Een, Twee\n", "t.yaml")  # a problem PyYAML finds itself
    assert info.value.line == 5 and "(geopend op regel 4)" in info.value.message


def test_old_mac_line_endings_count_as_lines():
    with pytest.raises(PatternError) as info:
        loads(f"{HEAD}steps:\r  - text: Een.\r  - text: \x01\r".encode(), "t.yaml")
    assert info.value.line == 5


def test_a_title_pasted_from_word_with_a_line_separator_is_read_as_it_shows(tmp_path, capsys):
    path = tmp_path / "word.yaml"
    path.write_text(f"patroon: 1\ntitle: Wereld\u2028vrede\n{STEPS}  - text: Drie\u2028regels\n", encoding="utf-8")
    pattern = loads(path.read_bytes(), "word.yaml")
    assert pattern.title == "Wereld\nvrede"  # a manual line break, as Word's Shift+Enter meant
    assert pattern.steps[2].text == "Drie\nregels" and pattern.steps[2].id == "drie-regels"
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"ok    {path}: ‘Wereld vrede’, 3 stappen"]  # one line


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", "Op deze regel staat het onzichtbare teken U+2028 (regelscheiding, vaak meegekomen uit Word);"
           " haal het weg of typ de regel opnieuw"),
    ("en", "This line holds the invisible character U+2028 (line separator, often pasted from Word);"
           " remove it or type the line again"),
])
def test_a_line_the_parser_refuses_names_the_invisible_separator_on_it(lang, words):
    set_language(lang)
    try:
        with pytest.raises(PatternError) as info:
            loads(f"{HEAD}steps:\n  - text: Een.\u2028  - text: Twee: drie\n", "t.yaml")
        assert info.value.line == 4 and words in str(info.value)
        with pytest.raises(PatternError) as info:
            loads(f"{HEAD}steps:\u2028  - text: Een.\n", "t.yaml")  # looked like a key and a list
        assert info.value.line == 3 and "U+2028" in str(info.value)
    finally:
        set_language(None)
