"""Reading and writing pattern files: the shipped patterns, round trips, and every kind of bad input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patroon.errors import PatternError
from patroon.fileformat import KEY_ORDER, dumps, load_pattern, loads, save_pattern
from patroon.limits import MAX_FILE_BYTES
from patroon.model import DEFAULT_QUESTIONS, Pattern

GOOD = """\
patroon: 1
title: Wereldvrede
steps:
  - text: Er doet zich een complex vraagstuk voor.
  - text: Een gezamenlijke visie ontbreekt.
"""


def load_text(tmp_path: Path, content: str | bytes, name: str = "patroon.yaml") -> Pattern:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load_pattern(path)


def error_for(tmp_path: Path, content: str | bytes, name: str = "kapot.yaml") -> PatternError:
    """Load ``content`` from a file, expect a PatternError naming that file, quickly."""
    start = time.monotonic()
    with pytest.raises(PatternError) as info:
        load_text(tmp_path, content, name)
    assert time.monotonic() - start < 1.0, "a bad file must be refused at once"
    assert name in str(info.value)
    return info.value


def test_shipped_patterns_load_and_round_trip(pattern_files):
    assert len(pattern_files) == 5
    for path in pattern_files:
        pattern = load_pattern(path)
        assert len(pattern.steps) >= 5
        assert list(pattern.questions) == list(DEFAULT_QUESTIONS)
        assert loads(dumps(pattern)) == pattern


def test_ids_are_generated_from_text_and_kept_on_save(tmp_path):
    pattern = load_text(tmp_path, GOOD)
    assert [s.id for s in pattern.steps] == ["complex-vraagstuk", "gezamenlijke-visie-ontbreekt"]
    saved = dumps(pattern)
    assert "id: complex-vraagstuk" in saved
    assert loads(saved).steps[0].id == "complex-vraagstuk"


def test_save_writes_documented_key_order_readable_unicode_and_no_defaults(tmp_path):
    pattern = loads(
        GOOD.replace("title: Wereldvrede", "title: Café ‘één’ — ✓\ncontext: \"Woon-zorg opgave:\"")
        .replace("steps:", "meta: {author: Zoë}\nsteps:")
        + "breakthroughs:\n  - after: complex-vraagstuk\n    text: Samen kijken.\n"
    )
    text = dumps(pattern)
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith(" ")]
    assert keys == [k for k in KEY_ORDER if k in keys]
    assert keys == ["patroon", "title", "context", "steps", "breakthroughs", "meta"]
    assert "Café ‘één’ — ✓" in text and "\\u" not in text
    assert "questions" not in text and "layout" not in text and "description" not in text


def test_bom_and_crlf_are_accepted(tmp_path):
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8")
    pattern = load_text(tmp_path, data)
    assert pattern.title == "Wereldvrede"
    assert pattern.steps[1].text == "Een gezamenlijke visie ontbreekt."


def test_plain_scalars_stay_text(tmp_path):
    pattern = load_text(tmp_path, GOOD.replace("Wereldvrede", "1984") + "meta:\n  region: NO\n  date: 2024-06-01\n")
    assert pattern.title == "1984"
    assert pattern.meta.region == "NO"
    assert pattern.meta.date == "2024-06-01"
    assert loads(dumps(pattern)) == pattern


def test_save_is_atomic_and_keeps_symlinks(tmp_path):
    pattern = loads(GOOD)
    real = tmp_path / "echt.yaml"
    link = tmp_path / "link.yaml"
    save_pattern(pattern, real)
    link.symlink_to(real)
    save_pattern(loads(GOOD.replace("Wereldvrede", "Anders")), link)
    assert link.is_symlink()
    assert load_pattern(real).title == "Anders"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["echt.yaml", "link.yaml"]


# Bad input: each ends in a PatternError that names the file, at once. ------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "leeg"),
        ("   \n# alleen commentaar\n", "leeg"),
        ("- een\n- lijst\n", "geen patroon"),
        ("gewoon tekst", "geen patroon"),
        ("title: x\nsteps: [a, b]\n", "patroon: 1"),
        ("patroon: 2\n" + GOOD.split("\n", 1)[1], "versie 2"),
        ("patroon: 1\nsteps:\n  - text: a\n  - text: b\n", "titel"),
        ("patroon: 1\ntitle: x\n", "stappen"),
        ("patroon: 1\ntitle: x\nsteps: veel\n", "lijst"),
        ("patroon: 1\ntitle: x\nsteps: {a: b}\n", "lijst"),
        ("patroon: 1\ntitle: x\nsteps: []\n", "minstens 2"),
        ("patroon: 1\ntitle: x\nsteps:\n  - text: alleen\n", "minstens 2"),
        ("patroon: 1\ntitle: x\nsteps:\n  - {id: a, text: een}\n  - {id: a, text: twee}\n", "twee keer"),
        (GOOD + "breakthroughs:\n  - after: nergens\n    text: hier\n", "nergens"),
        (GOOD + "kleur: rood\n", "kleur"),
        ("patroon: 1\ntitle: x\nsteps:\n  - [a, b]\n  - text: b\n", "stap 1"),
        ("patroon: 1\ntitle: " + "x" * 201 + "\nsteps:\n  - text: a\n  - text: b\n", "200"),
        ("patroon: 1\ntitle: x\nsteps:\n  - text: " + "y" * 1001 + "\n  - text: b\n", "1000"),
        ("patroon: 1\ntitle: x\nsteps:\n" + "  - text: stap\n" * 61, "60"),
        ("patroon: 1\ntitle: x\ntitle: y\nsteps:\n  - text: a\n  - text: b\n", "twee keer"),
    ],
)
def test_invalid_patterns_are_refused_in_plain_words(tmp_path, content, words):
    error = error_for(tmp_path, content)
    assert words in str(error)
    assert "Traceback" not in str(error) and "pydantic" not in str(error).lower()


def test_yaml_syntax_error_names_line_and_column(tmp_path):
    error = error_for(tmp_path, "patroon: 1\ntitle: x\nsteps:\n  - text: a\n  - text: [b\n  - c: d: e\n")
    assert error.line is not None and error.line >= 5
    assert f"regel {error.line}" in str(error)


def test_tab_indentation_gets_its_own_message(tmp_path):
    error = error_for(tmp_path, "patroon: 1\ntitle: x\nsteps:\n\t- text: a\n")
    assert "tab" in str(error) and error.line == 4


def test_binary_junk_is_not_a_pattern(tmp_path):
    junk = bytes(range(256)) * 8
    error = error_for(tmp_path, junk)
    assert "UTF-8" in str(error) or "tekstbestand" in str(error)


def test_png_file_is_not_a_pattern(tmp_path):
    error = error_for(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    assert "bestand" in str(error)


def test_other_encodings_are_refused_not_guessed(tmp_path):
    latin1 = GOOD.replace("Wereldvrede", "Café").encode("latin-1")
    error = error_for(tmp_path, latin1)
    assert "UTF-8" in str(error)
    assert error.line == 2


def test_file_over_the_size_limit(tmp_path):
    error = error_for(tmp_path, GOOD + "#" * (MAX_FILE_BYTES + 100 * 1024) + "\n")
    assert "1125 KiB" in str(error) and "hoogstens 1024 KiB" in str(error)


def test_devices_and_pipes_are_refused_without_reading(tmp_path):
    import os

    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    start = time.monotonic()
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(PatternError, match="geen gewoon bestand") as info:
            load_pattern(path)
        assert str(path) in str(info.value)
    assert time.monotonic() - start < 1.0


def test_billion_laughs_is_refused_at_once(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "patroon: 1\ntitle: x\n" + "\n".join(lines) + "\nsteps: *i\n"
    error = error_for(tmp_path, bomb)
    assert "verwijzingen" in str(error)


def test_deep_nesting_is_refused(tmp_path):
    error = error_for(tmp_path, "patroon: 1\ntitle: x\nsteps: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "genest" in str(error)


def test_python_tags_never_run(tmp_path):
    marker = tmp_path / "ran"
    evil = (
        "patroon: 1\ntitle: !!python/object/apply:os.system ['touch " + str(marker) + "']\n"
        "steps:\n  - text: a\n  - text: b\n"
    )
    error = error_for(tmp_path, evil)
    assert "tag" in str(error)
    assert not marker.exists()


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PatternError, match="bestaat niet"):
        load_pattern(tmp_path / "weg.yaml")
    with pytest.raises(PatternError, match="map"):
        load_pattern(tmp_path)


def test_english_messages_when_asked(tmp_path):
    from patroon.i18n import set_language

    set_language("en")
    try:
        error = error_for(tmp_path, "patroon: 1\ntitle: x\nsteps: []\n")
        assert "at least 2 steps" in str(error)
    finally:
        set_language(None)


# Round trip over generated patterns -------------------------------------------------

# Printable texts: no control characters (tab and line breaks come from _odd_space), no
# surrogates, none of XML's non-characters.
_printable = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
_text = st.text(alphabet=_printable, max_size=80)
_odd_space = st.sampled_from(["", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", " \n "])


@st.composite
def patterns(draw) -> Pattern:
    n = draw(st.integers(min_value=2, max_value=8))
    steps = []
    for i in range(n):
        text = draw(_odd_space) + draw(_text) + draw(_odd_space)
        step = {"text": text}
        if draw(st.booleans()):
            step["id"] = f"s{i}-" + draw(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True))
        if draw(st.booleans()):
            step["note"] = draw(_text)
        steps.append(step)
    data = {
        "title": draw(_text),
        "context": draw(_text),
        "description": draw(st.text(alphabet=st.one_of(_printable, st.sampled_from("\t\n")), max_size=200)),
        "steps": steps,
    }
    if draw(st.booleans()):
        data["questions"] = draw(st.lists(_text, max_size=4))
    if draw(st.booleans()):
        data["meta"] = {"author": draw(_text), "date": draw(st.sampled_from(["", "2024-06-01", "juni 2024"]))}
    pattern = Pattern.model_validate(data)
    if draw(st.booleans()):
        first = pattern.steps[0].id
        pattern = Pattern.model_validate(
            {**pattern.model_dump(), "breakthroughs": [{"after": first, "text": draw(_text)}],
             "placement": {"start_angle": 45.0, "offsets": {first: (0.1, -0.25)}}}
        )
    return pattern


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(patterns())
def test_load_save_load_is_the_identity(pattern):
    text = dumps(pattern)
    again = loads(text)
    assert again == pattern
    assert dumps(again) == text


@pytest.mark.parametrize(("content", "line", "words"), [
    (GOOD + "  - text: [b, c\n  - text: d\n", 7,
     "een lijst tussen [ ] is niet afgesloten: er ontbreekt een komma of de ‘]’ (geopend op regel 6)"),
    (GOOD + '  - text: "Niet af\n  - text: d\n', 8, "het sluitende aanhalingsteken ontbreekt (geopend op regel 6)"),
    (GOOD + "  - text: Let op: dit\n", 6, "een dubbele punt waar die niet kan"),
    ("patroon: 1\ntitle: Wereldvrede\n  context: x\nsteps: []\n", 3, "een dubbele punt waar die niet kan"),
    (GOOD + "   - text: scheef\n", 6, "de inspringing klopt niet"),
    ("patroon: 1\ntitle Wereldvrede\nsteps: []\n", 3, "hier ontbreekt een dubbele punt"),
    (GOOD + "  - text: @gemeente\n", 6, "een waarde kan niet met dit teken beginnen"),
    (GOOD + '  - text: "Wij" zeggen\n', 6, "de inspringing klopt niet"),
])
def test_yaml_mistakes_are_told_in_plain_dutch_with_their_place(tmp_path, content, line, words):
    error = error_for(tmp_path, content)
    assert error.line == line and error.column is not None
    assert f"kapot.yaml, regel {line}, kolom {error.column}: dit is geen geldige YAML: " in str(error)
    assert words in str(error)
    assert not [w for w in ("found", "expected", "allowed", "could not") if w in str(error)], str(error)


def test_an_unknown_yaml_problem_still_reads_as_a_sentence_in_the_users_language():
    import yaml

    from patroon.i18n import set_language
    from patroon.yamlwords import invalid_yaml

    mark = yaml.Mark("kapot.yaml", 0, 2, 4, None, None)
    exc = yaml.scanner.ScannerError(None, None, "something new went wrong", mark)
    error = invalid_yaml(exc, "a\nb\nc\n")
    assert (error.line, error.column) == (3, 5)
    assert error.message.startswith("dit is geen geldige YAML: de opbouw klopt hier niet")
    assert "something" not in error.message
    set_language("en")
    try:
        assert invalid_yaml(exc, "a\nb\nc\n").message.startswith("this is not valid YAML: the structure is off")
    finally:
        set_language(None)
