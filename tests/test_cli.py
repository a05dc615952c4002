"""The command line without a display: validate and new."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from patroon.cli import main
from patroon.fileformat import load_pattern


def test_validate_the_shipped_patterns(pattern_files, capsys):
    assert main(["validate", *map(str, pattern_files)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 5 and all(line.startswith("ok") for line in out)


def test_validate_reports_each_bad_file_and_exits_1(pattern_files, tmp_path, capsys):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("patroon: 1\ntitle: x\nsteps:\n  - text: a\n  - text: [b\n", encoding="utf-8")
    assert main(["validate", str(pattern_files[0]), str(bad), str(tmp_path / "weg.yaml")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok")
    assert "kapot.yaml" in out[1] and "regel" in out[1]
    assert "weg.yaml" in out[2] and "bestaat niet" in out[2]


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["export", "x.yaml", "-o", "y.pdf", "--sheet", "poster"])
    assert info.value.code == 2


def test_usage_and_help_speak_the_users_language(capsys):
    """argparse's own words too: Dutch by default, English with --lang en (also in the help)."""
    with pytest.raises(SystemExit):
        main(["export", "x.yaml"])
    err = capsys.readouterr().err
    assert err.startswith("gebruik: patroon export") and "deze argumenten ontbreken: -o/--output" in err
    with pytest.raises(SystemExit):
        main(["export", "x.yaml", "-o", "y.pdf", "--sheet", "poster"])
    assert "ongeldige keuze: 'poster'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "export", "x.yaml"])
    err = capsys.readouterr().err
    assert err.startswith("usage: patroon export") and "the following arguments are required: -o/--output" in err
    with pytest.raises(SystemExit):
        main(["--lang=en", "export", "--help"])
    out = capsys.readouterr().out
    assert "output file, or a folder" in out and "show this help message" in out and "uitvoerbestand" not in out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "opties:" in out and "toon deze hulp en stop" in out and "toon het versienummer" in out
    with pytest.raises(SystemExit):  # --lang belongs before the command: after it, an error in Dutch
        main(["export", "x.yaml", "-o", "y.pdf", "--lang", "en"])
    assert "onbekende argumenten: --lang en" in capsys.readouterr().err
    # argparse speaks Dutch for patroon only, not for whoever else uses it in the process.
    import argparse

    with pytest.raises(SystemExit):
        argparse.ArgumentParser(prog="ander").parse_args(["--onbekend"])
    assert "unrecognized arguments" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["new", "-o", "x.yaml", "--steps", "1"],
        ["new", "-o", "x.yaml", "--steps", "61"],
        ["new", "-o", "x.yaml", "--steps", "veel"],
        ["export", "x.yaml", "-o", "x.png", "--width", "100000"],
        ["export", "x.yaml", "-o", "x.png", "--width", "0"],
        ["export", "x.yaml", "-o", "x.pdf", "--sheet", "worksheet", "--steps", "1"],
    ],
)
def test_numbers_out_of_range_are_usage_errors(args, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "kies een geheel getal" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_new_writes_a_blank_template(tmp_path, capsys):
    out = tmp_path / "nieuw.yaml"
    assert main(["new", "-o", str(out), "--title", "Ons patroon"]) == 0
    pattern = load_pattern(out)
    assert pattern.title == "Ons patroon" and len(pattern.steps) == 4
    assert main(["new", "-o", str(out)]) == 1  # never overwrite by accident
    assert "bestaat al" in capsys.readouterr().err


def test_new_from_a_plain_list(tmp_path):
    steps = tmp_path / "stappen.txt"
    steps.write_text(
        "\ufeff- Er is een complexe casus.\r\n\r\n2. Organisaties kijken naar elkaar.\n"
        "  * De druk loopt op.\n• Iemand moet iets doen.\n",
        encoding="utf-8",
    )
    out = tmp_path / "casus.yaml"
    assert main(["new", "--from-text", str(steps), "--title", "Wat is voorliggend?", "-o", str(out)]) == 0
    pattern = load_pattern(out)
    assert pattern.title == "Wat is voorliggend?"
    assert [s.text for s in pattern.steps] == [
        "Er is een complexe casus.",
        "Organisaties kijken naar elkaar.",
        "De druk loopt op.",
        "Iemand moet iets doen.",
    ]


def test_new_from_a_list_with_one_line_is_refused(tmp_path, capsys):
    steps = tmp_path / "een.txt"
    steps.write_text("Alleen deze stap\n", encoding="utf-8")
    assert main(["new", "--from-text", str(steps), "-o", str(tmp_path / "x.yaml")]) == 1
    err = capsys.readouterr().err
    assert "een.txt" in err and "minstens 2" in err
    assert not (tmp_path / "x.yaml").exists()


def test_python_dash_m_runs_the_same_command(pattern_files):
    result = subprocess.run(
        [sys.executable, "-m", "patroon", "validate", str(pattern_files[0])],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0 and result.stdout.startswith("ok")


# File problems: one wording, in the user's language, for every command -----------------


def test_missing_and_folder_inputs_read_alike_in_every_command(tmp_path, capsys, monkeypatch):
    from patroon import i18n

    monkeypatch.setattr(i18n, "_chosen", None)
    missing = tmp_path / "weg.txt"
    assert main(["new", "--from-text", str(missing), "-o", str(tmp_path / "x.yaml")]) == 1
    assert capsys.readouterr().err.strip() == f"FOUT  {missing}: dit bestand bestaat niet"
    assert main(["validate", str(missing), str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"FOUT  {missing}: dit bestand bestaat niet", f"FOUT  {tmp_path}: dit is een map, geen bestand"]
    assert main(["new", "--from-text", str(tmp_path), "-o", str(tmp_path / "x.yaml")]) == 1
    assert capsys.readouterr().err.strip() == f"FOUT  {tmp_path}: dit is een map, geen bestand"
    assert main(["--lang", "en", "new", "--from-text", str(missing), "-o", str(tmp_path / "x.yaml")]) == 1
    assert capsys.readouterr().err.strip() == f"ERROR {missing}: this file does not exist"
    assert not (tmp_path / "x.yaml").exists()


def test_an_unreadable_list_says_so_in_dutch(tmp_path, capsys, monkeypatch):
    listing = tmp_path / "lijst.txt"
    listing.write_text("een\ntwee\n", encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["new", "--from-text", str(listing), "-o", str(tmp_path / "x.yaml")]) == 1
    assert capsys.readouterr().err.strip() == f"FOUT  {listing}: geen toestemming om dit bestand te lezen"


@pytest.mark.parametrize(("code", "words"), [
    (28, "de schijf is vol"),  # ENOSPC
    (30, "deze schijf is alleen-lezen"),  # EROFS
    (13, "geen toestemming om hier te schrijven"),  # EACCES
])
def test_a_failed_write_says_why_in_dutch(tmp_path, capsys, monkeypatch, code, words):
    import os

    def fail(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    target = tmp_path / "nieuw.yaml"
    assert main(["new", "-o", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"FOUT  {target}: kan niet schrijven: {words}"
    assert os.strerror(code) not in err and not target.exists()


def test_a_missing_output_folder_is_named_as_such(tmp_path, capsys):
    target = tmp_path / "nergens" / "nieuw.yaml"
    assert main(["new", "-o", str(target)]) == 1
    assert capsys.readouterr().err.strip() == f"FOUT  {target}: kan niet schrijven: de map bestaat niet"


def test_every_argument_of_export_validate_and_present_has_help(capsys, monkeypatch):
    from patroon import i18n

    monkeypatch.setattr(i18n, "_chosen", None)
    expected = {
        "export": ["een of meer patroonbestanden", "tafelblad met de vragen", "papierformaat", "staand (portrait)"],
        "validate": ["een of meer patroonbestanden (.yaml)"],
        "present": ["het patroonbestand"],
    }
    for command, words in expected.items():
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert all(w in out for w in words), (command, out)
    with pytest.raises(SystemExit):
        main(["--lang", "en", "export", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert all(w in out for w in ["one or more pattern files", "table sheet with the questions", "paper size",
                                  "landscape (default) or portrait"]), out


def test_validate_tells_a_too_long_step_in_one_sentence(tmp_path, capsys):
    path = tmp_path / "lang.yaml"
    path.write_text("patroon: 1\ntitle: x\nsteps:\n  - text: " + "y" * 1001 + "\n  - text: b\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.strip() == (
        f"FOUT  {path}, regel 4, kolom 5: stap 1, tekst: de tekst van een stap is 1001 tekens lang;"
        " het maximum is 1000")
