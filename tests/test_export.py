"""``patroon export``: formats, sheets, table sets, folders, bad input and files written whole."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from patroon.cli import main
from patroon.render import export as export_module
from patroon.fileformat import write_atomically
from patroon.render.export import UsageError, export_patterns
from printcheck import letters, pdf_page_sizes, pdf_pages

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "patterns").glob("*.yaml"))


def run(*argv: object) -> int:
    return main(["--lang", "nl", *map(str, argv)])


@pytest.fixture
def bad_file(tmp_path) -> Path:
    path = tmp_path / "kapot.yaml"
    path.write_text("patroon: 1\ntitle: Kapot\nsteps:\n  - text: [niet af\n", encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted write would leave."""
    return [p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".part"]


def test_several_files_into_one_pdf_make_a_table_set(qapp, tmp_path, capsys):
    target = tmp_path / "tafelset.pdf"
    assert run("export", *SHIPPED, "-o", target, "--sheet", "table") == 0
    assert "5 pagina's" in capsys.readouterr().out
    pages = pdf_pages(target)
    assert len(pages) == len(SHIPPED)
    for page, source in zip(pages, SHIPPED):
        title = next(line for line in source.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
        assert letters(title.split(":", 1)[1].strip()) in letters(page.text())
    assert leftovers(tmp_path) == []


def test_a_folder_gets_one_file_per_pattern_named_after_it(qapp, tmp_path):
    folder = tmp_path / "uit"
    assert run("export", *SHIPPED[:3], "-o", f"{folder}/", "--format", "svg") == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{p.stem}.svg" for p in SHIPPED[:3])
    # An existing folder works without the trailing slash, and the format defaults to PDF.
    assert run("export", SHIPPED[0], "-o", folder) == 0
    assert (folder / f"{SHIPPED[0].stem}.pdf").read_bytes().startswith(b"%PDF-")
    # The editor saves 'x.patroon.yaml': its export is 'x.pdf', not 'x.patroon.pdf'.
    saved = tmp_path / "mijn patroon.patroon.yaml"
    saved.write_bytes(SHIPPED[0].read_bytes())
    assert run("export", saved, "-o", folder) == 0
    assert (folder / "mijn patroon.pdf").exists() and not (folder / "mijn patroon.patroon.pdf").exists()


def test_the_format_follows_the_extension_unless_given(qapp, tmp_path):
    for name in ("a.pdf", "a.svg", "a.png", "a.json"):
        assert run("export", SHIPPED[0], "-o", tmp_path / name) == 0
    assert (tmp_path / "a.pdf").read_bytes()[:5] == b"%PDF-"
    assert b"<svg" in (tmp_path / "a.svg").read_bytes()[:500]
    assert (tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["page"]["width"] == pytest.approx(841.89)
    assert run("export", SHIPPED[0], "-o", tmp_path / "plaatje.dat", "--format", "png") == 0
    assert (tmp_path / "plaatje.dat").read_bytes()[:4] == b"\x89PNG"


def test_sheets_have_their_default_paper_and_take_the_asked_one(qapp, tmp_path):
    cases = [
        (("--sheet", "table"), (1190.55, 841.89)),
        (("--sheet", "worksheet"), (1190.55, 841.89)),
        ((), (841.89, 595.28)),
        (("--sheet", "table", "--paper", "A4"), (841.89, 595.28)),
        (("--paper", "a3", "--orientation", "portrait"), (841.89, 1190.55)),
    ]
    for number, (options, size) in enumerate(cases):
        pdf, layout = tmp_path / f"{number}.pdf", tmp_path / f"{number}.json"
        assert run("export", SHIPPED[0], "-o", pdf, *options) == 0
        assert run("export", SHIPPED[0], "-o", layout, *options) == 0
        assert pdf_page_sizes(pdf) == [pytest.approx(size, abs=1.0)]
        page = json.loads(layout.read_text(encoding="utf-8"))["page"]
        assert (page["width"], page["height"]) == pytest.approx(size, abs=0.01)


def test_worksheet_has_the_asked_number_of_boxes(qapp, tmp_path):
    target = tmp_path / "werkblad.json"
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "9") == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))["steps"]) == 9


def test_json_lists_every_step_in_cycle_order(qapp, tmp_path):
    target = tmp_path / "w.json"
    assert run("export", ROOT / "patterns" / "wereldvrede.yaml", "-o", target, "--sheet", "table") == 0
    layout = json.loads(target.read_text(encoding="utf-8"))
    assert [s["id"] for s in layout["steps"]] == [
        "complex-vraagstuk", "abstract-eens", "opdracht-uitgezet", "botsende-perspectieven", "visie-ontbreekt",
        "niet-opgelost"]
    assert all(len(s["box"]) == 4 for s in layout["steps"]) and len(layout["title"]["box"]) == 4


def test_several_files_into_one_non_pdf_file_is_a_usage_error(qapp, tmp_path, capsys):
    assert run("export", *SHIPPED[:2], "-o", tmp_path / "twee.svg") == 2
    assert "map" in capsys.readouterr().err
    assert run("export", SHIPPED[0], "-o", tmp_path / "raar.txt") == 2
    assert "--format" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_two_inputs_with_one_name_into_a_folder_is_a_usage_error(qapp, tmp_path, capsys):
    twin = tmp_path / "elders" / SHIPPED[0].name
    twin.parent.mkdir()
    twin.write_bytes(SHIPPED[0].read_bytes())
    assert run("export", SHIPPED[0], twin, "-o", f"{tmp_path / 'uit'}/") == 2
    assert "verschillende namen" in capsys.readouterr().err


def test_a_bad_file_among_good_ones_exits_1_and_the_good_ones_are_whole(qapp, tmp_path, bad_file, capsys):
    folder = tmp_path / "uit"
    assert run("export", SHIPPED[0], bad_file, SHIPPED[1], "-o", f"{folder}/", "--sheet", "table") == 1
    err = capsys.readouterr().err
    assert "kapot.yaml" in err and "regel" in err  # the validate message, naming the file and the line
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{p.stem}.pdf" for p in SHIPPED[:2])
    for source in SHIPPED[:2]:
        assert len(pdf_pages(folder / f"{source.stem}.pdf")) == 1  # complete, readable PDFs
    assert leftovers(folder) == []


def test_a_bad_file_in_a_table_set_leaves_the_old_set_untouched(qapp, tmp_path, bad_file):
    target = tmp_path / "tafelset.pdf"
    assert run("export", *SHIPPED[:2], "-o", target, "--sheet", "table") == 0
    before = target.read_bytes()
    assert run("export", SHIPPED[0], bad_file, "-o", target, "--sheet", "table") == 1
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_an_unwritable_place_is_reported_not_a_traceback(qapp, tmp_path, capsys):
    assert run("export", SHIPPED[0], "-o", tmp_path / "bestaat-niet" / "x.pdf") == 1
    assert "kan niet schrijven" in capsys.readouterr().err


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "blad.pdf"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_export_patterns_is_the_api_the_editor_uses(qapp, tmp_path):
    from patroon.fileformat import load_pattern

    patterns = [(p, load_pattern(p)) for p in SHIPPED[:2]]
    written = export_patterns(patterns, tmp_path / "set.pdf", fmt="pdf", sheet="table")
    assert written == [tmp_path / "set.pdf"] and len(pdf_pages(written[0])) == 2
    with pytest.raises(UsageError):
        export_patterns(patterns, tmp_path / "set.png", fmt="png")
    blank = export_patterns([], tmp_path / "leeg.json", fmt="json", sheet="worksheet", steps=5)
    assert len(json.loads(blank[0].read_text(encoding="utf-8"))["steps"]) == 5


def test_exports_are_reproducible(qapp, tmp_path):
    for fmt in ("pdf", "svg", "png"):
        first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        assert run("export", SHIPPED[0], "-o", first, "--sheet", "table", "--width", "800") == 0
        assert run("export", SHIPPED[0], "-o", second, "--sheet", "table", "--width", "800") == 0
        assert first.read_bytes() == second.read_bytes(), fmt
    assert b"CreationDate" not in (tmp_path / "1.pdf").read_bytes()


def test_the_command_needs_no_display_and_repeats_its_bytes(tmp_path):
    """Real ``patroon export`` processes with no display at all (as on a server or in CI).

    Two processes write the same bytes: nothing depends on the time, the machine's
    display or the process (Qt seeds its hash tables at random per process).
    """
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    outputs = []
    for run_number in (1, 2):
        folder = tmp_path / str(run_number)
        folder.mkdir()
        result = subprocess.run(
            [sys.executable, "-m", "patroon", "export", *map(str, SHIPPED[:2]), "-o", str(folder / "set.pdf"),
             "--sheet", "table"],
            env=env, capture_output=True, text=True, timeout=60,
        )
        assert result.returncode == 0, result.stderr
        outputs.append((folder / "set.pdf").read_bytes())
    assert outputs[0][:5] == b"%PDF-"
    assert outputs[0] == outputs[1]


@pytest.mark.slow
def test_a_real_display_gives_the_same_bytes(tmp_path):
    """Export under an X server (as from the editor's desktop) and offscreen: byte for byte the same."""
    import shutil

    if shutil.which("xvfb-run") is None:
        pytest.fail("missing xvfb-run: install xvfb")
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    source = str(ROOT / "patterns" / "wereldvrede.yaml")
    for where, prefix in (("offscreen", []), ("x11", ["xvfb-run", "-a"])):
        for fmt in ("pdf", "svg", "png"):
            out = tmp_path / f"{where}.{fmt}"
            argv = prefix + [sys.executable, "-m", "patroon", "export", source, "-o", str(out), "--sheet", "table",
                             "--width", "900"]
            result = subprocess.run(argv, env=base, capture_output=True, text=True, timeout=120)
            assert result.returncode == 0, result.stderr
    for fmt in ("pdf", "svg", "png"):
        assert (tmp_path / f"offscreen.{fmt}").read_bytes() == (tmp_path / f"x11.{fmt}").read_bytes(), fmt


def test_a_sheet_that_cannot_keep_its_boxes_apart_is_refused(qapp, tmp_path, capsys):
    """Print never puts text on text: a worksheet with more boxes than the paper holds is refused."""
    target = tmp_path / "werkblad.pdf"
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "40") == 1
    err = capsys.readouterr().err
    assert SHIPPED[0].name in err and "40 vakken" in err and "--steps" in err
    assert not target.exists() and leftovers(tmp_path) == []
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "8") == 0
    assert target.exists()


def test_the_editor_api_refuses_an_overfull_sheet_naming_the_file(qapp, tmp_path):
    from patroon.errors import PatternError
    from patroon.fileformat import load_pattern

    source = SHIPPED[0]
    with pytest.raises(PatternError, match="vakken") as info:
        export_patterns([(source, load_pattern(source))], tmp_path / "w.pdf", fmt="pdf", sheet="worksheet",
                        paper="A4", steps=40)
    assert source.name in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_emoji_and_symbols_print_with_the_bundled_symbol_font(qapp, tmp_path):
    """Emoji never print as empty boxes, whatever fonts the machine has: Symbola is embedded."""
    source = tmp_path / "emoji.yaml"
    source.write_text(
        "patroon: 1\ntitle: Samen 🙂 verder\nsteps:\n  - text: Iedereen 👍 zegt ja.\n"
        "  - text: Niemand ✋ doet iets.\n  - text: Het blijft ⚠ liggen.\n",
        encoding="utf-8",
    )
    target = tmp_path / "emoji.pdf"
    assert run("export", source, "-o", target) == 0
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    symbola = [line for line in fonts.splitlines() if line.split(" ")[0].endswith("+Symbola")]
    assert symbola and symbola[0].split()[-5] == "yes"  # embedded
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "✋" in text and "⚠" in text and "Iedereen" in text
    # Characters beyond U+FFFF too: Qt's own map leaves them out, the exporter adds them.
    assert "Iedereen 👍 zegt ja." in text and "Samen 🙂 verder" in text


def test_emoji_that_look_alike_are_each_extracted_as_themselves(qapp, tmp_path):
    """Faces share their circle; each glyph is still told apart by its outline, not taken for its neighbour."""
    faces = ["🙂", "🙁", "😀", "😃", "😐", "😑", "😶", "😮", "😯", "😕", "👍", "👎"]
    source = tmp_path / "gezichten.yaml"
    steps = "".join(f"  - text: Stap {i} {faces[2 * i]} en {faces[2 * i + 1]}\n" for i in range(6))
    source.write_text(f"patroon: 1\ntitle: Gezichten\nsteps:\n{steps}", encoding="utf-8")
    target = tmp_path / "gezichten.pdf"
    assert run("export", source, "-o", target, "--sheet", "diagram") == 0
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    words = " ".join(text.split())
    for i in range(6):
        assert f"Stap {i} {faces[2 * i]} en {faces[2 * i + 1]}" in words
    # The repaired file is still one well-formed PDF: poppler reads its page without complaint.
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout and not info.stderr


def test_embedded_fonts_are_tagged_subsets_named_by_their_content(qapp, tmp_path):
    """pdffonts reports every font as a subset (``ABCDEF+OpenSans``); the file stays valid and its text extractable."""
    from printcheck import need

    need("pdffonts", "pdftotext", "qpdf")
    source = tmp_path / "emoji.yaml"
    source.write_text("patroon: 1\ntitle: Samen 🙂 verder\nsteps:\n  - text: Iedereen 👍 zegt ja.\n"
                      "  - text: Niemand doet iets.\n", encoding="utf-8")
    one, other = tmp_path / "een.pdf", tmp_path / "ander.pdf"
    assert run("export", source, "-o", one) == 0
    assert run("export", SHIPPED[0], "-o", other) == 0
    tags = {}
    for pdf in (one, other):
        listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in listing.splitlines()[2:]]
        assert {row[0].split("+")[-1] for row in rows} >= {"OpenSans", "OpenSans-Bold"}
        for row in rows:
            assert re.fullmatch(r"[A-Z]{6}\+[A-Za-z-]+", row[0]) and row[-5:-2] == ["yes", "yes", "yes"], row
        tags[pdf] = {row[0] for row in rows}
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout
    assert any(name.endswith("+Symbola") for name in tags[one])
    # Different subsets of one font get different tags: merged files keep their fonts apart.
    assert not tags[one] & tags[other]
    text = subprocess.run(["pdftotext", str(one), "-"], capture_output=True, text=True, check=True).stdout
    assert "Iedereen 👍 zegt ja." in text and "Samen 🙂 verder" in text
    # The descriptor names the same tagged font as the font itself.
    data = one.read_bytes()
    for name in tags[one]:
        assert data.count(b"/" + name.encode()) == 3, name


# SVG ----------------------------------------------------------------------------------


def test_svg_names_a_css_font_list_has_a_white_page_and_says_its_paper_in_the_language(qapp, tmp_path, monkeypatch):
    import xml.etree.ElementTree as ET

    from patroon import i18n

    monkeypatch.setattr(i18n, "_chosen", None)  # --lang en below stays in this test

    from printcheck import fontconfig_with_bundled_fonts, need

    svg = tmp_path / "w.svg"
    assert run("export", SHIPPED[0], "-o", svg) == 0
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    families = {e.get("font-family") for e in root.iter() if e.get("font-family")}
    # Qt names the bundled font (and, from 6.11 on, the symbol font after it) before the fallbacks.
    assert any(re.fullmatch(r"'Open Sans', (Symbola, )?Arial, Helvetica, sans-serif", f) for f in families), families
    for family in families:  # every name in the list one family: quoted without a comma, or one word
        assert all(re.fullmatch(r"'[^',]+'|[A-Za-z-]+", name) for name in family.split(", ")), family
    assert root.findtext(f"{ns}desc") == "Gemaakt met Patroon (diagram, A4 liggend)"
    # The first thing drawn is a white rectangle over the whole viewBox (glyph outlines are only defined before it).
    defined = {id(e) for defs in root.iter(f"{ns}defs") for e in defs.iter()}
    first = next(e for e in root.iter()
                 if e.tag.split("}")[-1] in ("rect", "path", "text", "image", "polyline") and id(e) not in defined)
    width, height = map(float, root.get("viewBox").split()[2:])
    assert first.tag == f"{ns}rect"
    assert (float(first.get("x")), float(first.get("y"))) == (0, 0)
    assert (float(first.get("width")), float(first.get("height"))) == pytest.approx((width, height))
    # Rendered by another program on a transparent canvas, the page is opaque white edge to edge.
    need("rsvg-convert")
    from PySide6.QtGui import QImage

    png = tmp_path / "rsvg.png"
    env = {**os.environ, **fontconfig_with_bundled_fonts(tmp_path)}
    subprocess.run(["rsvg-convert", "-w", "400", "-o", str(png), str(svg)], check=True, env=env)
    image = QImage(str(png))
    rows = range(image.height() - 1)  # the last row is cut through by the page's fractional height
    corners = [image.pixelColor(x, y) for x in (0, image.width() - 1) for y in (0, rows[-1])]
    assert [c.name(c.NameFormat.HexArgb) for c in corners] == ["#ffffffff"] * 4
    assert min(image.pixelColor(x, y).alpha() for y in rows for x in range(image.width())) == 255

    assert main(["--lang", "en", "export", str(SHIPPED[0]), "-o", str(svg), "--orientation", "portrait"]) == 0
    assert ET.parse(svg).getroot().findtext(f"{ns}desc") == "Made with Patroon (diagram, A4 portrait)"


def test_file_problems_read_as_in_validate_for_inputs_and_outputs(qapp, tmp_path, capsys):
    missing = tmp_path / "weg.yaml"
    assert run("export", missing, "-o", tmp_path / "x.pdf") == 1
    assert capsys.readouterr().err.strip() == f"FOUT  {missing}: dit bestand bestaat niet"
    blocker = tmp_path / "bestand"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "x.pdf"
    assert run("export", SHIPPED[0], "-o", target) == 1
    assert capsys.readouterr().err.strip() == f"FOUT  {target}: kan niet schrijven: een deel van het pad is geen map"
    target = tmp_path / "nergens" / "x.pdf"
    assert run("export", SHIPPED[0], "-o", target) == 1
    assert capsys.readouterr().err.strip() == f"FOUT  {target}: kan niet schrijven: de map bestaat niet"


# Advice that can be followed ------------------------------------------------------------


def test_a_refused_worksheet_names_only_what_helps_and_that_helps(qapp, tmp_path, capsys):
    target = tmp_path / "werkblad.pdf"
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "16") == 1
    err = capsys.readouterr().err.strip()
    assert err == f"FOUT  {SHIPPED[0]}: een werkblad met 16 vakken past niet op A3 liggend; kies hoogstens 14 vakken (--steps 14)"
    assert "groter papier" not in err  # A3 is the largest paper there is
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "14") == 0
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "15") == 1
    capsys.readouterr()
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "13", "--orientation", "portrait") == 1
    assert "kies liggend papier (--orientation landscape) of kies hoogstens 12 vakken" in capsys.readouterr().err
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", "13") == 0


def short_steps(tmp_path: Path, n: int) -> Path:
    path = tmp_path / f"stappen-{n}.yaml"
    path.write_text("patroon: 1\ntitle: Lang patroon\nsteps:\n" + "".join(
        f'  - text: "Stap {i}: kort."\n' for i in range(1, n + 1)), encoding="utf-8")
    return path


def test_a_refused_pattern_is_offered_a3_only_when_a3_takes_it(qapp, tmp_path, capsys):
    forty = short_steps(tmp_path, 40)
    assert run("export", forty, "-o", tmp_path / "a4.pdf") == 1
    assert "Kies groter papier (--paper A3), kort de teksten in of voeg stappen samen" in capsys.readouterr().err
    for sheet in ("diagram", "table"):  # 40 short steps: the most that print on A3, both sheets
        assert run("export", forty, "-o", tmp_path / f"{sheet}.pdf", "--paper", "A3", "--sheet", sheet) == 0
    sixty = short_steps(tmp_path, 60)
    assert run("export", sixty, "-o", tmp_path / "a3.pdf", "--sheet", "table") == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"FOUT  {sixty}: dit patroon heeft te veel stappen (60) voor A3 liggend: de vakken zouden elkaar"
                   " raken. Voeg stappen samen: meer dan 40 stappen passen zelden op papier")
    assert not (tmp_path / "a3.pdf").exists()


def test_validate_warns_about_a_pattern_too_long_to_print(qapp, tmp_path, capsys):
    sixty, forty = short_steps(tmp_path, 60), short_steps(tmp_path, 40)
    assert run("validate", sixty, forty) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"ok    {sixty}: ‘Lang patroon’, 60 stappen; let op: meer dan 40 stappen passen zelden op papier"
        " (patroon export weigert het dan)",
        f"ok    {forty}: ‘Lang patroon’, 40 stappen",
    ]


def test_notes_too_long_for_any_paper_are_named_by_validate_and_export_alike(qapp, tmp_path, capsys):
    from patroon.fileformat import save_pattern
    from patroon.model import Pattern

    note = ("De inwoner wacht terwijl de organisaties overleggen over geld, regels en wie wat betaalt. " * 12)[:1000]
    steps = [{"id": f"s{i}", "text": f"Stap {i + 1}: iedereen wacht op een ander."} for i in range(60)]
    path = tmp_path / "vol.patroon.yaml"
    save_pattern(Pattern(title="Vol", steps=steps,
                         breakthroughs=[{"after": f"s{2 * i}", "text": note} for i in range(30)]), path)
    assert run("validate", path) == 0
    warning = capsys.readouterr().out
    assert "de doorbraken hebben te veel tekst voor A3 liggend" in warning
    assert run("export", path, "-o", tmp_path / "vol.pdf", "--sheet", "table") == 1
    refusal = capsys.readouterr().err
    assert "de doorbraken hebben te veel tekst voor A3 liggend" in refusal
    assert refusal.split("A3 liggend")[1].strip() in warning
    assert not (tmp_path / "vol.pdf").exists()
