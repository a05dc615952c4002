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
    note_fill="#fbf1e6",
    note_border="#b8560f",
    note_text="#3b2410",
    highlight_fill="#cfe5f0",
    highlight_border="#0d4a66",
    selected_border="#d07a1e",
    dimmed_fill="#f3f5f6",
    dimmed_border="#b4c2c9",
    dimmed_text="#8a979d",
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
    dimmed_text="#7a7a7a",
    box_border_width=2.6,
    highlight_border_width=4.5,
    arrow_scale=1.5,
)

PALETTES = {p.name: p for p in (DEFAULT, HIGH_CONTRAST)}


def palette_named(name: str | None) -> Palette:
    """The palette called ``name`` (as in a pattern's ``layout.palette``); the default for unknown names."""
    return PALETTES.get(name or "default", DEFAULT)
