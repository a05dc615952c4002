"""Sizes of the drawing that follow from the step text size."""

from __future__ import annotations

import math
from dataclasses import dataclass

from patroon.layout.types import MIN_GAP

# Every text size the layout picks is a whole number of points: Qt sets type
# at whole pixel sizes, so whole points measure and draw alike on every device.
# How much bigger than the step text the title is, at most and at least.
TITLE_SCALE = (1.6, 1.05)
CONTEXT_SCALE = 0.9
NOTE_SCALE = 0.85


@dataclass(frozen=True)
class Style:
    """Every length of the drawing that depends on the step text size."""

    step_font_size: float

    @property
    def pad_x(self) -> float:
        return 0.75 * self.step_font_size

    @property
    def pad_y(self) -> float:
        return 0.6 * self.step_font_size

    @property
    def stroke(self) -> float:
        return max(1.2, 0.11 * self.step_font_size)

    @property
    def head_len(self) -> float:
        return min(18.0, max(7.0, 0.8 * self.step_font_size))

    @property
    def head_half(self) -> float:
        return 0.5 * self.head_len

    @property
    def clearance(self) -> float:
        """Space between a box and the start or tip of an arrow."""
        return max(3.0, 0.3 * self.step_font_size)

    @property
    def shaft(self) -> float:
        """The least visible arrow line before the head."""
        return max(12.0, 1.4 * self.step_font_size)

    @property
    def marker_radius(self) -> float:
        return min(11.0, max(5.0, 0.55 * self.step_font_size))

    @property
    def margin(self) -> float:
        return max(MIN_GAP, 0.35 * self.step_font_size)


def derived_size(scale: float, s: float, min_font: float) -> int:
    """A whole-point size in proportion to the step size, never under the floor."""
    return max(math.ceil(min_font - 1e-9), round(scale * s))


def default_max_font(width: float, height: float, n: int) -> float:
    # A comfortable reading size for the area: large on a poster, modest on A4.
    return min(width, height) / (36.0 + 1.5 * min(n, 16))

