"""Slides and graph tools: PowerPoint decks read back with python-pptx, ``--paper slide``, and GraphML."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import networkx as nx
from lxml import etree
import pytest
from pptx import Presentation
from pptx.util import Emu

from patroon.cli import main
from patroon.fileformat import load_pattern, save_pattern
from patroon.graphml import pattern_from_graphml
from patroon.model import set_breakthrough, set_step_note, to_graph, from_graph, update
from printcheck import fontconfig_with_bundled_fonts, letters, pdf_page_sizes, pdf_pages

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "patterns").glob("*.yaml"))
EMU_PER_PT = 12700
HALF_MM_EMU = 0.5 * 72.0 / 25.4 * EMU_PER_PT


def run(*argv: object, lang: str = "nl") -> int:
    return main(["--lang", lang, *map(str, argv)])


@pytest.fixture
def annotated(tmp_path) -> Path:
    """Wereldvrede with a context line, a facilitator note on every step and two breakthroughs."""
    pattern = load_pattern(ROOT / "patterns" / "wereldvrede.yaml")
    pattern = update(pattern, context="Woon-zorg opgave:")
    for number, step in enumerate(pattern.steps, start=1):
        pattern = set_step_note(pattern, step.id, f"Notitie {number}: vraag door op {step.id}.")
    pattern = set_breakthrough(pattern, pattern.steps[1].id, "Maak het concreet met één casus.")
    pattern = set_breakthrough(pattern, pattern.steps[4].id, "Schrijf samen een visie van één zin.")
    path = tmp_path / "wereldvrede-notities.yaml"
    save_pattern(pattern, path)
    return path


def slide_json(tmp_path: Path, source: Path) -> dict:
    target = tmp_path / f"{source.stem}.json"
    assert run("export", source, "-o", target, "--paper", "slide") == 0
    return json.loads(target.read_text(encoding="utf-8"))


def step_shapes(slide) -> dict[str, object]:
    """The slide's shapes holding text, by their text's letters (line breaks and hyphens left out)."""
    found: dict[str, list] = {}
    for shape in slide.shapes:
        if shape.has_text_frame and shape.text_frame.text.strip():
            found.setdefault(letters(shape.text_frame.text), []).append(shape)
    return found


def has_arrowhead(shape) -> bool:
    ends = shape._element.xpath(".//a:ln/a:tailEnd")
    return bool(ends) and ends[0].get("type") == "triangle"


def path_points(shape) -> list[tuple[float, float]]:
    """A freeform's points on the slide (EMU)."""
    return [(shape.left + int(pt.get("x")), shape.top + int(pt.get("y"))) for pt in shape._element.xpath(".//a:pt")]


def distance(point: tuple[float, float], box: list[float]) -> float:
    x, y, w, h = box
    dx = max(x - point[0], 0.0, point[0] - (x + w))
    dy = max(y - point[1], 0.0, point[1] - (y + h))
    return (dx * dx + dy * dy) ** 0.5


def test_a_deck_holds_the_pattern_as_native_shapes_where_the_layout_puts_them(qapp, tmp_path, annotated, capsys):
    target = tmp_path / "deck.pptx"
    assert run("export", annotated, "-o", target) == 0
    assert "2 dia's (PowerPoint, 16:9)" in capsys.readouterr().out
    layout = slide_json(tmp_path, annotated)
    pattern = load_pattern(annotated)
    deck = Presentation(str(target))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 338.67 x 190.5 mm
    assert deck.slide_width * 9 == deck.slide_height * 16
    circle, questions = deck.slides
    shapes = step_shapes(circle)
    for step, geometry in zip(pattern.steps, layout["steps"]):
        (shape,) = shapes[letters(step.text)]  # exactly one shape holds each step's text
        assert shape.auto_shape_type is not None and "ROUNDED_RECTANGLE" in str(shape.auto_shape_type)
        x, y, w, h = (v * EMU_PER_PT for v in geometry["box"])
        assert abs(shape.left - x) <= HALF_MM_EMU and abs(shape.top - y) <= HALF_MM_EMU
        assert abs(shape.width - w) <= HALF_MM_EMU and abs(shape.height - h) <= HALF_MM_EMU
        runs = [r for p in shape.text_frame.paragraphs for r in p.runs]
        assert runs and all(r.font.size.pt >= 14 and r.font.size.pt == geometry["font_size"] for r in runs)
        assert {r.font.name for r in runs} == {"Open Sans"}
    arrows = [s for s in circle.shapes if s.name.startswith("!!pijl")]
    assert len(arrows) == len(pattern.steps) and all(has_arrowhead(a) for a in arrows)
    boxes = [[v * EMU_PER_PT for v in geometry["box"]] for geometry in layout["steps"]]
    for number, arrow in enumerate(arrows):  # from each box to the next, the last back to the first
        start, *_, tip = path_points(arrow)
        assert distance(start, boxes[number]) < 12 * EMU_PER_PT
        assert distance(tip, boxes[(number + 1) % len(boxes)]) < 12 * EMU_PER_PT
    # The title in the middle, the context line above it.
    title, context = shapes[letters(pattern.title)][0], shapes[letters(pattern.context)][0]
    assert context.top + context.height <= title.top + HALF_MM_EMU
    middle = (title.left + title.width / 2) / deck.slide_width
    assert middle == pytest.approx(0.5, abs=0.05)
    # Breakthroughs: a group each, with its note and the lightning marker.
    groups = [s for s in circle.shapes if s.name.startswith("!!doorbraak")]
    assert len(groups) == 2
    for group, b in zip(groups, pattern.breakthroughs):
        texts = [s.text_frame.text for s in group.shapes if s.has_text_frame and s.text_frame.text]
        assert [letters(t) for t in texts] == [letters(b.text)]
        assert any("OVAL" in str(getattr(s, "auto_shape_type", "")) for s in group.shapes if s.shape_type == 1)
    # The notes in the presenter's view, the questions on the last slide.
    notes = circle.notes_slide.notes_text_frame.text
    assert all(step.note in notes for step in pattern.steps)
    assert "Vind je het patroon herkenbaar?" in questions.shapes[-1].text_frame.text
    assert len(questions.shapes[-1].text_frame.paragraphs) == len(pattern.questions)


def test_a_reveal_deck_adds_one_step_per_slide_as_the_presenter_does(qapp, tmp_path, annotated, capsys):
    target = tmp_path / "reveal.pptx"
    assert run("export", annotated, "-o", target, "--reveal") == 0
    pattern = load_pattern(annotated)
    n = len(pattern.steps)
    assert f"{n + 4} dia's" in capsys.readouterr().out
    slides = list(Presentation(str(target)).slides)
    assert len(slides) == 1 + n + 1 + 1 + 1  # title, steps, closed circle, breakthroughs, questions
    texts = [set(step_shapes(slide)) for slide in slides]
    steps = [letters(s.text) for s in pattern.steps]
    assert texts[0] == {letters(pattern.title), letters(pattern.context)}
    for k in range(1, n + 1):
        assert {t for t in texts[k] if t in steps} == set(steps[:k]), k
        newest = step_shapes(slides[k])[steps[k - 1]][0]
        older = [step_shapes(slides[k])[t][0] for t in steps[: k - 1]]
        assert all(newest.line.width > o.line.width for o in older)  # the newest highlighted
        assert slides[k].notes_slide.notes_text_frame.text == pattern.steps[k - 1].note
    closed, with_breakthroughs, questions = slides[n + 1], slides[n + 2], slides[n + 3]
    assert len([s for s in closed.shapes if s.name.startswith("!!pijl")]) == n
    assert not [s for s in closed.shapes if s.name.startswith("!!doorbraak")]
    assert len([s for s in with_breakthroughs.shapes if s.name.startswith("!!doorbraak")]) == 2
    assert "Vind je het patroon herkenbaar?" in "".join(s.text_frame.text for s in questions.shapes)
    # One name per part on every slide, so Morph pairs them; and a Morph transition with a fallback.
    names = [{s.name for s in slide.shapes} for slide in slides[:n + 3]]
    assert all(first <= later for first, later in zip(names, names[1:]))
    assert all(slide._element.xpath(".//p:transition") for slide in slides)


def test_several_files_make_one_deck_with_a_section_per_pattern_in_order(qapp, tmp_path):
    target = tmp_path / "alles.pptx"
    order = [SHIPPED[3], SHIPPED[0], SHIPPED[4], SHIPPED[1], SHIPPED[2]]
    assert run("export", *order, "-o", target) == 0
    deck = Presentation(str(target))
    titles = [load_pattern(p).title for p in order]
    assert len(deck.slides) == 2 * len(order)
    ns = {"p14": "http://schemas.microsoft.com/office/powerpoint/2010/main"}
    with zipfile.ZipFile(target) as package:
        sections = etree.fromstring(package.read("ppt/presentation.xml")).xpath(".//p14:section", namespaces=ns)
    assert [s.get("name") for s in sections] == titles
    ids = [s.slide_id for s in deck.slides]
    for number, section in enumerate(sections):
        listed = [int(i) for i in section.xpath(".//p14:sldId/@id", namespaces=ns)]
        assert listed == ids[2 * number: 2 * number + 2]
        assert letters(titles[number]) in step_shapes(deck.slides[2 * number])


def test_decks_are_reproducible_and_carry_no_template_traces(qapp, tmp_path, annotated):
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    assert run("export", annotated, "-o", first, "--reveal") == 0
    assert run("export", annotated, "-o", second, "--reveal") == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    assert "Wereldvrede" in core and "python-pptx" not in core and "created" not in core


def test_deck_options_and_refusals_speak_the_users_language(qapp, tmp_path, capsys):
    deck = tmp_path / "deck.pptx"
    assert run("export", SHIPPED[0], "-o", deck, "--paper", "A4") == 2
    assert "16:9" in capsys.readouterr().err
    assert run("export", SHIPPED[0], "-o", deck, "--sheet", "table") == 2
    assert "--sheet" in capsys.readouterr().err
    assert run("export", SHIPPED[0], "-o", tmp_path / "a.pdf", "--reveal") == 2
    assert "PowerPoint" in capsys.readouterr().err
    assert run("export", SHIPPED[0], "-o", tmp_path / "geen-map" / "deck.pptx") == 1
    assert "de map bestaat niet" in capsys.readouterr().err
    assert run("export", SHIPPED[0], "-o", tmp_path / "geen-map" / "deck.pptx", lang="en") == 1
    assert "the folder does not exist" in capsys.readouterr().err
    assert run("export", SHIPPED[0], "-o", tmp_path / "deck.ppt") == 2
    assert ".pptx" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_pattern_too_full_for_a_slide_is_refused_with_the_sheets_advice(qapp, tmp_path, capsys):
    many = tmp_path / "lang.yaml"
    many.write_text("patroon: 1\ntitle: Lang patroon\nsteps:\n" + "".join(
        f'  - text: "Stap {i}: een zin die de ruimte van een dia vult."\n' for i in range(1, 31)), encoding="utf-8")
    assert run("export", many, "-o", tmp_path / "lang.pptx") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"FOUT  {many}: dit patroon (30 stappen) heeft te veel tekst voor dia 16:9")
    assert err.endswith("Kort de teksten in of voeg stappen samen")  # a deck's slide has one size: no --paper
    assert run("export", many, "-o", tmp_path / "lang.pptx", lang="en") == 1
    assert "too much text for slide 16:9" in capsys.readouterr().err
    assert run("export", many, "-o", tmp_path / "lang.pdf", "--paper", "slide") == 1
    assert "--paper A3" in capsys.readouterr().err  # on paper a larger sheet does help
    assert not (tmp_path / "lang.pptx").exists()


def test_slide_paper_for_pdf_png_svg_and_json(qapp, tmp_path):
    source = SHIPPED[0]
    for fmt in ("pdf", "png", "svg", "json"):
        assert run("export", source, "-o", tmp_path / f"dia.{fmt}", "--paper", "slide") == 0
    assert pdf_page_sizes(tmp_path / "dia.pdf") == [pytest.approx((960.0, 540.0), abs=0.5)]
    png = (tmp_path / "dia.png").read_bytes()
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (2000, 1125)
    assert b'width="338.667mm" height="190.500mm"' in (tmp_path / "dia.svg").read_bytes()
    layout = json.loads((tmp_path / "dia.json").read_text(encoding="utf-8"))
    assert layout["page"] == {"width": 960.0, "height": 540.0} and layout["paper"] == "slide"
    assert min(s["font_size"] for s in layout["steps"]) >= 14


def test_graphml_reads_back_as_the_same_cycle_with_the_layouts_positions(qapp, tmp_path, annotated):
    for source in [*SHIPPED, annotated]:
        target = tmp_path / f"{source.stem}.graphml"
        assert run("export", source, "-o", target, "--paper", "slide") == 0
        pattern = load_pattern(source)
        graph = nx.read_graphml(target)
        assert list(graph.nodes) == [s.id for s in pattern.steps]
        assert [graph.nodes[s.id]["order"] for s in pattern.steps] == list(range(1, len(pattern.steps) + 1))
        assert [graph.nodes[s.id]["text"] for s in pattern.steps] == [s.text for s in pattern.steps]
        # An empty note may be left out (networkx 3.0 reads an empty data element as no data).
        assert [graph.nodes[s.id].get("note", "") for s in pattern.steps] == [s.note for s in pattern.steps]
        assert {(a, b): d["breakthrough"] for a, b, d in graph.edges(data=True) if "breakthrough" in d} == {
            (b.after, pattern.next_step(b.after).id): b.text for b in pattern.breakthroughs}
        for step, geometry in zip(pattern.steps, slide_json(tmp_path, source)["steps"]):
            x, y, w, h = geometry["box"]
            node = graph.nodes[step.id]
            assert (node["x"], node["y"]) == pytest.approx((x + w / 2, y + h / 2), abs=0.02)
        assert pattern_from_graphml(target) == pattern
        assert from_graph(to_graph(pattern)) == pattern


def test_graphml_of_a_worksheet_or_of_two_patterns_is_a_usage_error(qapp, tmp_path, capsys):
    assert run("export", SHIPPED[0], "-o", tmp_path / "w.graphml", "--sheet", "worksheet") == 2
    assert run("export", *SHIPPED[:2], "-o", tmp_path / "twee.graphml") == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_libreoffice_impress_shows_every_steps_words_inside_its_box(qapp, tmp_path, annotated):
    """The deck as another program draws it: Impress converts it to PDF, and every word stays in its box."""
    if shutil.which("soffice") is None:
        pytest.fail("missing soffice: install libreoffice-impress")
    deck, reveal = tmp_path / "alles.pptx", tmp_path / "reveal.pptx"
    sources = [*SHIPPED, annotated]
    assert run("export", *sources, "-o", deck) == 0
    assert run("export", annotated, "-o", reveal, "--reveal") == 0
    env = {**os.environ, **fontconfig_with_bundled_fonts(tmp_path)}
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(deck), str(reveal)],
                   check=True, capture_output=True, env=env, timeout=240)
    pages = pdf_pages(tmp_path / "alles.pdf")
    assert len(pages) == 2 * len(sources)
    for number, source in enumerate(sources):
        assert_words_in_boxes(pages[2 * number], load_pattern(source), slide_json(tmp_path, source))
    pattern = load_pattern(annotated)
    reveal_pages = pdf_pages(tmp_path / "reveal.pdf")
    layout = slide_json(tmp_path, annotated)
    assert len(reveal_pages) == len(pattern.steps) + 4
    for k in range(1, len(pattern.steps) + 1):  # slide k shows steps 1..k
        assert_words_in_boxes(reveal_pages[k], pattern, layout, only=k)


def assert_words_in_boxes(page, pattern, layout: dict, only: int | None = None) -> None:
    """Each of the first ``only`` (or all) steps: the words inside its box spell its text, and stay inside."""
    scale = page.width / layout["page"]["width"]
    for step, geometry in list(zip(pattern.steps, layout["steps"]))[:only]:
        x, y, w, h = (v * scale for v in geometry["box"])
        inside = [word for word in page.words if word.inside((x, y, w, h), tolerance=0.5)]
        assert letters("".join(word.text for word in inside)) == letters(step.text), step.id


def test_other_exports_and_start_up_do_not_load_python_pptx(tmp_path):
    script = (
        "import sys\n"
        "from patroon.cli import main\n"
        f"assert main(['export', {str(SHIPPED[0])!r}, '-o', {str(tmp_path / 'a.pdf')!r}, '--paper', 'slide']) == 0\n"
        f"assert main(['export', {str(SHIPPED[0])!r}, '-o', {str(tmp_path / 'a.graphml')!r}]) == 0\n"
        "assert 'pptx' not in sys.modules, 'python-pptx was loaded'\n"
        "print('without pptx')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("without pptx")


def test_graphml_a_tool_added_data_to_still_reads_and_an_undirected_graph_is_refused(tmp_path):
    from patroon.errors import PatternError
    from patroon.graphml import pattern_graph

    pattern = set_breakthrough(load_pattern(SHIPPED[0]), load_pattern(SHIPPED[0]).steps[0].id, "Hier breken.")
    graph = pattern_graph(pattern, {s.id: (10.0 * i, 5.0) for i, s in enumerate(pattern.steps)})
    for node in graph.nodes:  # what a graph tool writes back: colours, sizes
        graph.nodes[node].update(r=200, g=10, b=10, size=12.5)
    path = tmp_path / "bewerkt.graphml"
    nx.write_graphml(graph, path)
    assert pattern_from_graphml(path) == pattern
    nx.write_graphml(nx.Graph(graph.to_undirected()), tmp_path / "ongericht.graphml")
    with pytest.raises(PatternError, match="geen richting"):
        pattern_from_graphml(tmp_path / "ongericht.graphml")
