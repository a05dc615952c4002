"""Colours of the drawing: a calm default that prints well in greyscale, and one for projectors."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    """Colours as ``#rrggbb`` strings (Qt-free, so the layout and tests can read them).

    Boxes, arrows and text differ in lightness, not only in hue, so a
    greyscale print keeps them apart.
    """

    name: str
    background: str
    box_fill: str
    box_border: str
    text: str
    arrow: str
    title: str
    context: str
    marker_fill: str
    marker_stroke: str
    note_fill: str
    note_border: str
    note_text: str
    highlight_fill: str
    highlight_border: str
    selected_border: str
    dimmed_fill: str
    dimmed_border: str
    dimmed_text: str
    box_border_width: float = 1.6
    highlight_border_width: float = 3.0
    arrow_scale: float = 1.0  # line width of arrows relative to the default
    hint_text: str = "#56626a"  # the editor's grey "Stap 1 — typ hier" in an empty step (4.5:1 on any fill)


DEFAULT = Palette(
    name="default",
    background="#ffffff",
    box_fill="#e7f0f5",  # a light blue tint: dark text on it reads in any light
    box_border="#1f5f7a",  # deep teal-blue
    text="#1b2a33",
    arrow="#48545c",  # dark grey, lighter than the text and darker than the boxes' fill
    title="#123a4d",
    context="#4c6470",
    marker_fill="#ffffff",
    marker_stroke="#b8560f",  # a warm accent for breakthroughs; also darker than the fill
    note_fill="#ffffff",  # white with a dashed border: apart from the tinted steps on any copier
    note_border="#b8560f",
    note_text="#3b2410",
    highlight_fill="#cfe5f0",
    highlight_border="#0d4a66",
    selected_border="#d07a1e",
    dimmed_fill="#f3f5f6",
    dimmed_border="#b4c2c9",
    dimmed_text="#5e6a70",  # softened, yet 4.5:1 on its fill (WCAG AA)
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    background="#ffffff",
    box_fill="#ffffff",
    box_border="#000000",
    text="#000000",
    arrow="#000000",
    title="#000000",
    context="#1a1a1a",
    marker_fill="#ffd400",
    marker_stroke="#000000",
    note_fill="#fff6bf",
    note_border="#000000",
    note_text="#000000",
    highlight_fill="#fff2a8",
    highlight_border="#000000",
    selected_border="#c05000",
    dimmed_fill="#ffffff",
    dimmed_border="#9a9a9a",
    dimmed_text="#666666",
    box_border_width=2.6,
    highlight_border_width=4.5,
    arrow_scale=1.5,
)

PALETTES = {p.name: p for p in (DEFAULT, HIGH_CONTRAST)}


def text_pairs(palette: Palette) -> list[tuple[str, str, str]]:
    """Every (what, text colour, background) pair the drawing sets text in."""
    p = palette
    return [("step", p.text, p.box_fill), ("step, highlighted", p.text, p.highlight_fill),
            ("step, softened", p.dimmed_text, p.dimmed_fill), ("title", p.title, p.background),
            ("context", p.context, p.background), ("breakthrough note", p.note_text, p.note_fill),
            ("breakthrough label", p.note_border, p.note_fill), ("step number", p.box_border, p.background),
            ("sheet text", p.text, p.background),
            ("hint in an empty step", p.hint_text, p.box_fill), ("hint, selected", p.hint_text, p.highlight_fill)]


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1's contrast ratio of two ``#rrggbb`` colours, from 1 (none) to 21 (black on white).

    >>> round(contrast_ratio("#000000", "#ffffff"), 1)
    21.0
    """
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(foreground: str, background: str, minimum: float = 4.5) -> str:
    """``foreground``, or the nearest colour toward black or white that reads on ``background``."""
    if contrast_ratio(foreground, background) >= minimum:
        return foreground
    towards = 0 if relative_luminance(background) > 0.18 else 255
    rgb = [int(foreground.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(1, 21):
        mixed = "#" + "".join(f"{round(c + (towards - c) * step / 20):02x}" for c in rgb)
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return "#000000" if towards == 0 else "#ffffff"


def palette_named(name: str | None) -> Palette:
    """The palette called ``name`` (as in a pattern's ``layout.palette``); the default for unknown names."""
    return PALETTES.get(name or "default", DEFAULT)
