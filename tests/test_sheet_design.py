"""The sheets as a designer signs them, read back from the PDF (pdftotext -bbox) and the layout dump.

One title at full weight, a readable context line, a one-line footer with the
date once in words, writing lines for markers, step numbers, labelled
breakthroughs clear of everything (and off table sheets unless asked) and a
worksheet that works with markers: for the five patterns, a pattern with two
breakthroughs, a 12-step pattern and the worksheet, at A3 and A4.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from patroon.cli import main
from patroon.fileformat import load_pattern, save_pattern
from patroon.model import validate
from printcheck import OPEN_SANS_BOX, letters, need, pdf_page_sizes, pdf_pages, rect_gap

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "patterns").glob("*.yaml"))
MM = 72.0 / 25.4
PAPERS = ["A3", "A4"]

pytestmark = pytest.mark.usefixtures("qapp")


def run(*argv: object, lang: str = "nl") -> int:
    return main(["--lang", lang, *map(str, argv)])


def export(source: Path, out: Path, sheet: str, paper: str, *options: str, lang: str = "nl") -> tuple[Path, dict]:
    """The PDF and the layout dump of one sheet."""
    stem = f"{source.stem}-{sheet}-{paper}-{lang}{''.join(options)}"
    pdf, dump = out / f"{stem}.pdf", out / f"{stem}.json"
    for target in (pdf, dump):
        assert run("export", source, "-o", target, "--sheet", sheet, "--paper", paper, *options, lang=lang) == 0
    return pdf, json.loads(dump.read_text(encoding="utf-8"))


def points_size(word) -> float:
    """The type size of a word from the height of its box in pdftotext's output."""
    return word.height / OPEN_SANS_BOX


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    need("pdftotext")
    return tmp_path_factory.mktemp("design")


@pytest.fixture(scope="module")
def two_breakthroughs(out) -> Path:
    data = load_pattern(ROOT / "patterns" / "wereldvrede.yaml").model_dump()
    data["breakthroughs"] = [
        {"after": "visie-ontbreekt", "text": "Begin klein: één casus, één tafel, één gezamenlijke vraag."},
        {"after": "abstract-eens", "text": "Maak het meteen concreet: wie doet wat, vóór wanneer?"},
    ]
    path = out / "twee-doorbraken.yaml"
    save_pattern(validate(data), path)
    return path


@pytest.fixture(scope="module")
def twelve(out) -> Path:
    words = "gemeente zorgaanbieder wachtlijst budget verantwoording regels inwoner overleg".split()
    steps = [{"id": f"s{i}", "text": f"De {words[i % 8]} reageert op de {words[(i + 2) % 8]}."} for i in range(12)]
    path = out / "twaalf.yaml"
    save_pattern(validate({"title": "Twaalf stappen", "context": "Proef:", "steps": steps,
                           "meta": {"source": "Werksessie", "date": "2024-06"}}), path)
    return path


# One title, the context line, the footer ----------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("source", SHIPPED, ids=lambda p: p.stem)
def test_the_title_stands_once_at_full_weight_and_the_context_reads(out, source, paper):
    pdf, layout = export(source, out, "table", paper)
    pattern = load_pattern(source)
    words = [w for page in pdf_pages(pdf) for w in page.words]
    title_words = pattern.title.split()
    # Every word of the title once (a title word that also stands in the description aside).
    text = " ".join(w.text for w in words)
    assert letters(text).count(letters(pattern.title)) == 1
    title_box = layout["title"]["box"]
    inside = [w for w in pdf_pages(pdf)[0].words if w.inside(title_box)]
    assert letters(" ".join(w.text for w in inside)).endswith(letters(pattern.title))
    biggest = max(points_size(w) for w in words)
    assert all(points_size(w) == pytest.approx(biggest, abs=0.3) for w in inside if w.text in title_words)
    if pattern.context:
        context = pattern.context.rstrip(":").split()
        shown = [w for w in inside if w.text.rstrip(":") in context]
        assert shown and not any(w.text.endswith(":") for w in shown)
        assert min(points_size(w) for w in shown) >= (12.0 if paper == "A3" else 9.0) - 0.1


@pytest.mark.parametrize("lang, date", [("nl", "juni 2024"), ("en", "June 2024")])
@pytest.mark.parametrize("paper", PAPERS)
def test_the_footer_is_one_line_with_the_date_once_in_words(out, paper, lang, date):
    source = SHIPPED[0]  # its source names the date too: "(…, juni 2024)"
    pdf, layout = export(source, out, "table", paper, lang=lang)
    pages = layout["columns"]
    footer = [line for column in pages for line in column["lines"] if line["role"] == "footer"]
    assert len(footer) == 1
    assert footer[0]["text"].count(date) == 1 and "2024-06" not in footer[0]["text"]
    text = " ".join(page.text() for page in pdf_pages(pdf))
    assert letters(text).count(letters(date)) == 1 and "2024-06" not in text


# Writing space -------------------------------------------------------------------------------


def _rules_per_question(column: dict) -> list[list[list[float]]]:
    """The writing lines under each question, in order."""
    starts = [line["box"][1] for line in column["lines"] if line["role"] == "question" and line["box"][0] > column["box"][0] + 1]
    tops = sorted({round(y, 1) for y in starts})
    firsts = [tops[0]] + [b for a, b in zip(tops, tops[1:]) if b - a > 40]
    groups: list[list[list[float]]] = [[] for _ in firsts]
    for rule in column["rules"]:
        k = max(i for i, top in enumerate(firsts) if top < rule[1])
        groups[k].append(rule)
    return groups


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("source", SHIPPED, ids=lambda p: p.stem)
def test_writing_lines_are_10_mm_apart_and_question_3_gets_the_most(out, source, paper):
    pdf, layout = export(source, out, "table", paper)
    column = next(c for c in layout["columns"] if c["rules"])
    groups = _rules_per_question(column)
    assert len(groups) == 3
    for rules in groups:
        ys = [r[1] for r in rules]
        assert all(b - a >= 10 * MM - 0.01 for a, b in zip(ys, ys[1:]))
        assert len(rules) >= 4
    assert len(groups[2]) > max(len(groups[0]), len(groups[1]))
    if layout["pages"] == 2:
        # The questions on the next page: the first says so.
        assert len(pdf_page_sizes(pdf)) == 2
        assert "volgende pagina" in pdf_pages(pdf)[0].text()
    assert paper == "A4" or layout["pages"] == 1


# Step numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_step_numbers_on_table_sheets_and_worksheets_not_on_diagrams(out, twelve, paper):
    for sheet, source, shown in (("table", SHIPPED[1], True), ("worksheet", SHIPPED[1], True),
                                 ("diagram", SHIPPED[1], False), ("table", twelve, True)):
        pdf, layout = export(source, out, sheet, paper)
        numbers = layout["numbers"]
        assert bool(numbers) == shown
        if not shown:
            continue
        steps = layout["steps"]
        assert [n["number"] for n in numbers] == list(range(1, len(steps) + 1))
        # 1 at the top, then clockwise (the second step right of the first).
        centres = [(s["box"][0] + s["box"][2] / 2, s["box"][1] + s["box"][3] / 2) for s in steps]
        assert centres[0][1] == pytest.approx(min(c[1] for c in centres), abs=1.0)
        assert centres[1][0] > centres[0][0]
        page = pdf_pages(pdf)[0]
        for n, step in zip(numbers, steps):
            # On the box's corner, and printed there.
            x, y, w, h = step["box"]
            corner = min(math.dist(n["centre"], c) for c in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)))
            assert corner < n["radius"]
            digits = [wd for wd in page.words if wd.text == str(n["number"])
                      and math.dist(((wd.x0 + wd.x1) / 2, (wd.y0 + wd.y1) / 2), n["centre"]) < n["radius"]]
            assert digits and points_size(digits[0]) >= 9.0 - 0.1
            # Clear of every arrow, and of every other box.
            for arrow in layout["arrows"]:
                line = arrow["points"] + [arrow["head"][0]]
                assert all(_point_to_segment(n["centre"], a, b) > n["radius"] + 1 * MM for a, b in zip(line, line[1:]))
            disc = [n["centre"][0] - n["radius"], n["centre"][1] - n["radius"], 2 * n["radius"], 2 * n["radius"]]
            assert all(rect_gap(disc, other["box"]) > 0 for other in steps if other is not step)
    _pdf, plain = export(SHIPPED[1], out, "table", paper, "--no-numbers")
    assert plain["numbers"] == []
    _pdf, asked = export(SHIPPED[1], out, "diagram", paper, "--numbers")
    assert len(asked["numbers"]) == len(asked["steps"])


# Breakthroughs -------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_breakthroughs_are_labelled_and_clear_of_everything_by_3_mm(out, two_breakthroughs, paper):
    for sheet, options in (("diagram", ()), ("table", ("--breakthroughs",))):
        pdf, layout = export(two_breakthroughs, out, sheet, paper, *options)
        notes = layout["breakthroughs"]
        assert len(notes) == 2
        page = pdf_pages(pdf)[0]
        assert [w.text for w in page.words].count("Doorbraak") == 2
        title = layout["title"]["text"]
        first_page_columns = [c["box"] for c in layout["columns"][:1]] if layout["pages"] == 1 else []
        for b in notes:
            x, y = b["marker"]
            r = b["marker_radius"]
            marker = [x - r, y - r, 2 * r, 2 * r]
            # A marker one sees on a copy (it was 6 mm across on A3, 4 mm on A4).
            assert 2 * r >= (7.0 if paper == "A3" else 5.5) * MM
            for box in (b["box"], marker):
                assert rect_gap(box, title) >= 3 * MM
                assert all(rect_gap(box, s["box"]) >= 3 * MM for s in layout["steps"])
            assert all(rect_gap(b["box"], c) >= 3 * MM for c in first_page_columns)
            for arrow in layout["arrows"]:
                for p, q in zip(arrow["points"], arrow["points"][1:]):
                    assert _segment_gap(p, q, b["box"]) >= 3 * MM
            label = next(w for w in page.words if w.text == "Doorbraak" and w.inside(b["box"]))
            assert label is not None


def _point_to_segment(p: list[float], a: list[float], b: list[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _segment_gap(p: list[float], q: list[float], box: list[float], steps: int = 40) -> float:
    return min(rect_gap([p[0] + (q[0] - p[0]) * t / steps, p[1] + (q[1] - p[1]) * t / steps, 0, 0], box)
               for t in range(steps + 1))


def test_table_sheets_leave_prepared_breakthroughs_out_unless_asked(out, two_breakthroughs):
    pdf, layout = export(two_breakthroughs, out, "table", "A3")
    assert layout["breakthroughs"] == [] and "Doorbraak" not in pdf_pages(pdf)[0].text()
    assert "klein" not in pdf_pages(pdf)[0].text()
    _pdf, english = export(two_breakthroughs, out, "diagram", "A3", lang="en")
    assert len(english["breakthroughs"]) == 2
    assert "Breakthrough" in pdf_pages(_pdf)[0].text()


# The worksheet -------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_the_worksheet_works_with_markers(out, paper):
    pdf, layout = export(SHIPPED[0], out, "worksheet", paper)
    page = pdf_pages(pdf)[0]
    scale = 1.0 if paper == "A3" else math.sqrt(0.5)
    for step in layout["steps"]:
        w, h = step["box"][2] / MM, step["box"][3] / MM
        # Room for a 76 mm sticky note and marker handwriting (on A4: the A3 sheet reduced).
        assert (w >= 90 and h >= 60) if paper == "A3" else (w >= 50 and h >= 35), (w, h)
        assert not any(wd.inside(step["box"]) for wd in page.words if wd.text not in ("Begin", "hier", "→"))
    text = page.text()
    assert "Titel van ons patroon" in text and "Tafel" in text and "Namen" in text
    begin = next(w for w in page.words if w.text == "Begin" and w.inside(layout["steps"][0]["box"]))
    assert begin is not None
    heading = [w for w in page.words if w.text in ("Werkblad:", "ons", "patroon")]
    assert heading and min(points_size(w) for w in heading[:3]) >= 14.0 - 0.1
    assert [n["number"] for n in layout["numbers"]] == list(range(1, 7))
    # An open lightning marker on every arrow: one more drawing per arrow than the steps' outlines.
    assert len(layout["worksheet"]["bolts"]) == len(layout["arrows"]) == 6
    r = layout["worksheet"]["bolt_radius"]
    for x, y in layout["worksheet"]["bolts"]:
        assert all(rect_gap([x - r, y - r, 2 * r, 2 * r], s["box"]) > 0 for s in layout["steps"])
    field = layout["worksheet"]["title_field"]
    assert all(rect_gap(field, s["box"]) > 0 for s in layout["steps"])


@pytest.mark.parametrize("steps", [4, 8])
def test_a_worksheet_of_n_boxes_takes_the_largest_that_fit(out, steps):
    six = json.loads(_worksheet_dump(out, 6))
    other = json.loads(_worksheet_dump(out, steps))
    area = lambda d: d["steps"][0]["box"][2] * d["steps"][0]["box"][3]  # noqa: E731
    assert (area(other) > area(six)) == (steps < 6)


def _worksheet_dump(out: Path, steps: int) -> str:
    target = out / f"werkblad-{steps}.json"
    assert run("export", SHIPPED[0], "-o", target, "--sheet", "worksheet", "--steps", steps) == 0
    return target.read_text(encoding="utf-8")


def test_a_title_that_would_crowd_the_arrows_may_break_at_a_compound_boundary():
    from patroon.layout.memo import memo_for
    from patroon.layout.title import hyphenated_options
    from patroon.layout.types import CharacterMeasure

    options = hyphenated_options(memo_for(CharacterMeasure()), "Gemeenschappelijkeregelingsoverleg", "", 14, 9)
    assert options[0].title_lines == ("Gemeenschappelijke-", "regelingsoverleg")
    assert all(len(line.rstrip("-")) >= 3 for opt in options for line in opt.title_lines)
