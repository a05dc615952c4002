"""``--format json``: the layout dump lists boxes, arrows, notes and the title, and they keep clear of each other."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from patroon.cli import main
from patroon.fileformat import save_pattern
from patroon.model import Pattern

from conftest import PATTERNS

WORDS = "gemeente zorgaanbieder wachtlijst budget verantwoording regels inwoner overleg".split()


def made(n: int, notes: tuple[int, ...] = ()) -> Pattern:
    steps = [{"id": f"s{i}", "text": f"De {WORDS[i % 8]} reageert op de {WORDS[(i + 2) % 8]} met meer {WORDS[(i + 4) % 8]}."}
             for i in range(n)]
    breakthroughs = [{"after": f"s{i}", "text": f"Doorbraak: de {WORDS[i % 8]} praat eerst met de inwoner."}
                     for i in notes]
    return Pattern(title=f"{n} stappen", steps=steps, breakthroughs=breakthroughs)


def dump(path: Path, tmp_path: Path, sheet: str, *options: str) -> dict:
    target = tmp_path / f"{path.stem}.{sheet}.json"
    assert main(["--lang", "nl", "export", str(path), "-o", str(target), "--sheet", sheet, *options]) == 0
    return json.loads(target.read_text(encoding="utf-8"))


def inside(p: list[float], box: list[float], margin: float = 0.0) -> bool:
    x, y, w, h = box
    return x + margin < p[0] < x + w - margin and y + margin < p[1] < y + h - margin


def crosses(a: list[float], b: list[float], box: list[float]) -> bool:
    """Whether the segment from ``a`` to ``b`` passes through the inside of ``box``."""
    x, y, w, h = box
    lo, hi = 0.0, 1.0
    for p, d, r0, r1 in ((a[0], b[0] - a[0], x, x + w), (a[1], b[1] - a[1], y, y + h)):
        if abs(d) < 1e-12:
            if not r0 < p < r1:
                return False
            continue
        t0, t1 = sorted(((r0 - p) / d, (r1 - p) / d))
        lo, hi = max(lo, t0), min(hi, t1)
    return hi - lo > 1e-9


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def check_dump(layout: dict) -> None:
    steps = {s["id"]: s["box"] for s in layout["steps"]}
    notes = [b["box"] for b in layout["breakthroughs"]]
    assert [(a["from"], a["to"]) for a in layout["arrows"]] == list(zip(steps, list(steps)[1:] + list(steps)[:1]))
    for arrow in layout["arrows"]:
        line = arrow["points"] + [arrow["head"][0]]
        assert len(arrow["points"]) >= 2 and len(arrow["head"]) == 3
        for box in list(steps.values()) + notes:
            for a, b in zip(line, line[1:]):
                assert not crosses(a, b, box), f"the arrow from {arrow['from']} crosses {box}"
    for k, note in enumerate(notes):
        marker = layout["breakthroughs"][k]["marker"]
        assert len(marker) == 2 and layout["breakthroughs"][k]["marker_radius"] > 0
        assert not any(overlap(note, box) for box in steps.values()), "a note covers a step"
        assert not any(overlap(note, other) for other in notes[k + 1:]), "two notes overlap"
        if "text" in layout["title"]:
            assert not overlap(note, layout["title"]["text"]), "a note covers the title"
    text = layout["title"].get("text")
    if text is not None:
        assert not any(overlap(text, box) for box in steps.values()), "a step covers the title"


@pytest.mark.parametrize("sheet", ["diagram", "table"])
def test_the_shipped_patterns_dump_arrows_notes_and_title_clear_of_each_other(qapp, tmp_path, sheet):
    for path in PATTERNS:
        layout = dump(path, tmp_path, sheet)
        check_dump(layout)
        assert len(layout["arrows"]) == len(layout["steps"]) and len(layout["title"]["box"]) == 4


@pytest.mark.parametrize("n", [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40])
def test_made_patterns_dump_arrows_and_notes_clear_of_everything(qapp, tmp_path, n):
    notes = (0, n // 2) if n <= 12 else ()
    path = tmp_path / f"p{n}.patroon.yaml"
    save_pattern(made(n, notes), path)
    for sheet in ("diagram", "table") if n <= 12 else ("table",):
        layout = dump(path, tmp_path, sheet)
        check_dump(layout)
        assert len(layout["breakthroughs"]) == len(notes)
        for b in layout["breakthroughs"]:
            # The marker sits on its arrow: on the line between two of its points, give or take a point.
            arrow = next(a for a in layout["arrows"] if a["from"] == b["after"])
            assert min(_distance_to_segment(b["marker"], p, q) for p, q in zip(arrow["points"], arrow["points"][1:])) < 1.0


def _distance_to_segment(p: list[float], a: list[float], b: list[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def test_the_check_finds_an_arrow_through_a_box():
    # The checks must be able to fail: an arrow drawn straight through a step's box.
    layout = {"steps": [{"id": "a", "box": [0, 0, 10, 10]}, {"id": "b", "box": [30, 0, 10, 10]}],
              "breakthroughs": [], "title": {"box": [0, 0, 1, 1]},
              "arrows": [{"from": "a", "to": "b", "points": [[-5, 5], [20, 5]], "head": [[25, 5], [20, 4], [20, 6]]},
                         {"from": "b", "to": "a", "points": [[35, 12], [5, 12]], "head": [[5, 12], [6, 11], [6, 13]]}]}
    with pytest.raises(AssertionError, match="crosses"):
        check_dump(layout)


MM = 72.0 / 25.4


def visible_lengths(layout: dict) -> list[float]:
    """Each arrow's line before its head: the polyline's length less the head's."""
    out = []
    for a in layout["arrows"]:
        tip, left, right = a["head"]
        head = math.dist(tip, ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2))
        out.append(sum(math.dist(p, q) for p, q in zip(a["points"], a["points"][1:])) - head)
    return out


@pytest.mark.parametrize("n", [4, 5, 6, 7, 8, 9, 10])
def test_a_few_steps_keep_an_even_rhythm_of_readable_arrows_on_a3(qapp, tmp_path, n):
    path = tmp_path / f"p{n}.patroon.yaml"
    save_pattern(made(n), path)
    for sheet in ("diagram", "table"):
        lengths = visible_lengths(dump(path, tmp_path, sheet, "--paper", "A3"))
        assert max(lengths) <= 1.5 * min(lengths), f"{sheet}: {[round(x / MM, 1) for x in lengths]} mm"
        assert min(lengths) >= 8 * MM


def test_twelve_long_steps_stand_in_exact_rows_and_columns(qapp, tmp_path):
    text = "wacht op de inwoner, want niemand durft de eerste stap te zetten zonder dekking van de gemeente."
    pattern = Pattern(title="Twaalf lange stappen", steps=[{"text": f"Stap {i + 1}: de {WORDS[i % 8]} {text}"}
                                                          for i in range(12)])
    path = tmp_path / "lang.patroon.yaml"
    save_pattern(pattern, path)
    for sheet in ("diagram", "table"):
        layout = dump(path, tmp_path, sheet)
        check_dump(layout)
        centres = [(x + w / 2, y + h / 2) for x, y, w, h in (s["box"] for s in layout["steps"])]
        for axis, outer in ((1, min), (1, max), (0, min), (0, max)):
            # The three boxes of a side (its corners included) on one line.
            values = sorted((c[axis] for c in centres), reverse=outer is max)[:3]
            assert max(values) - min(values) < 0.02, (sheet, axis, values)
