"""What the facilitator view draws, and where: its geometry and its painting.

:class:`PresenterView` lays the pattern out for the size of the
:class:`~patroon.gui.present.PresenterWindow` (a layout point is a screen
pixel), finds the corner where the table timer hides the least, sizes the
questions to fit, and paints the state the window is in. The window keeps
the state, the keys and the timer; this only reads them, so paint() only draws.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from patroon.gui.accessibility import Spoken
from patroon.layout import PatternLayout, layout_pattern
from patroon.render.fonts import ensure_fonts, ensure_fonts_for_pattern
from patroon.render.measure import QtTextMeasure
from patroon.render.painter import paint_arrow, paint_breakthrough, paint_step, paint_title
from patroon.render.palette import HIGH_CONTRAST, Palette

if TYPE_CHECKING:
    from patroon.gui.present import PresenterWindow

_TRACE_STARTUP = bool(os.environ.get("PATROON_TRACE_STARTUP"))
# Projectors crop the edges of the picture: nothing is drawn in the outer 5% on any side.
MARGIN_SHARE = 0.05
# The opening screen's title: at most this share of the screen height per line.
OPENING_TITLE_SHARE = 0.15
# The step text may grow up to this share of the screen height (few, short steps).
MAX_FONT_SHARE = 0.06


@dataclass(frozen=True)
class _Geometry:
    """Everything paint() needs that depends on the widget's size and the pattern."""

    size: tuple[int, int]
    timer_shown: bool  # the timer is on: the pattern leaves its corner free
    layout: PatternLayout
    offset: tuple[float, float]  # where the layout's (0, 0) goes on the widget
    questions_title_px: int
    questions_px: int
    timer_px: int
    timer: QRectF  # the countdown's box, in the corner where it hides the least of the diagram
    timer_label: QRectF  # beside it, "paused"
    timer_top_right: tuple[QRectF, QRectF]  # box and label in the questions view (the title leaves room there)


class PresenterView(QObject):
    """The geometry and the painting of one presenter window."""

    def __init__(self, window: PresenterWindow) -> None:
        super().__init__(window)
        self.window = window
        # The symbol font only when a text of the pattern needs it (see MainWindow.build_workspace).
        self.fonts = ensure_fonts(symbols=False)
        self._symbols_for_texts()
        window.document.changed.connect(self._symbols_for_texts)
        self.palette = PROJECTOR
        self._geometry: _Geometry | None = None
        self._reported = False
        self.words = Spoken(self)

    def _symbols_for_texts(self) -> None:
        ensure_fonts_for_pattern(self.window.pattern)

    def spoken(self) -> str:
        """What the room sees now, in words, for a facilitator who presents with a screen reader."""
        window, words = self.window, self.words
        if window.questions_shown:
            return words.questions(window.pattern)
        if window.highlight:
            return words.step(window.pattern, window.highlight)
        if window.position == 0:
            return words.pattern_name(window.pattern)
        return words.closed_circle(window.pattern)

    def pattern_layout(self) -> PatternLayout:
        """The layout painted now (widget pixels = layout points)."""
        return self.geometry().layout

    def diagram_rect(self) -> QRectF:
        """Where the diagram's bounds fall on the window, in widget pixels."""
        geometry = self.geometry()
        bounds = geometry.layout.bounds()
        return QRectF(bounds.x + geometry.offset[0], bounds.y + geometry.offset[1], bounds.w, bounds.h)

    def opening(self) -> bool:
        """True while the room sees the opening screen (the title alone)."""
        window = self.window
        return window.position == 0 and not window.questions_shown and not window.prompt_target

    def relayout(self) -> None:
        """Lay the pattern out for the window's size now, so paint() only draws (on the opening
        screen just after it is painted: the title needs no layout)."""
        self._geometry = None
        if self.window.isVisible() and not self.opening():
            self.geometry()

    def geometry(self) -> _Geometry:
        """The geometry for the window's size now (laid out again when the size changed)."""
        size = (max(self.window.width(), 1), max(self.window.height(), 1))
        timer_shown = not self.window.timer.idle
        if self._geometry is None or (self._geometry.size, self._geometry.timer_shown) != (size, timer_shown):
            self._geometry = self._compute_geometry(*size, timer_shown)
        return self._geometry

    def _compute_geometry(self, w: int, h: int, timer_shown: bool = False) -> _Geometry:
        mx, my = round(w * MARGIN_SHARE), round(h * MARGIN_SHARE)
        safe = QRectF(mx, my, w - 2 * mx, h - 2 * my)
        layout, offset = self._laid_out(safe, h)
        title_px, question_px = self._fit_questions(w, h)
        timer_px = max(24, round(h * 0.085))
        corners = self._timer_corners(w, h, timer_px)
        timer, label, covered = _least_covering(corners, layout, offset)
        if timer_shown and covered > 0:
            # The pattern fills the corners (a wide ring on a wide screen): it makes room for the
            # timer, a band across the top or the bottom, rather than have the timer hide a step.
            band = timer.united(label).height() + h * 0.02
            top = timer.top() < h / 2
            layout, offset = self._laid_out(safe.adjusted(0, band if top else 0, 0, 0 if top else -band), h)
        return _Geometry((w, h), timer_shown, layout, offset, title_px, question_px, timer_px, timer, label, corners[0])

    def _laid_out(self, area: QRectF, h: int) -> tuple[PatternLayout, tuple[float, float]]:
        """The pattern laid out in ``area`` of the widget, and where the layout's (0, 0) goes to centre it there."""
        # One layout point is one widget pixel: the layout's step font size is the text height the room sees.
        # (Undo, redo and presenting again find a layout of moments ago in the layout's memo.)
        # ``fill``: the ring that sets the text largest, a wide one on a wide screen.
        layout = layout_pattern(
            self.window.pattern, QtTextMeasure(), area.width(), area.height(), max_font=max(12.0, h * MAX_FONT_SHARE),
            fill=True,
        )
        bounds = layout.bounds()
        # Centre what is drawn (the layout may not use all the room it was given).
        dx = area.left() + (area.width() - bounds.w) / 2 - bounds.x
        dy = area.top() + (area.height() - bounds.h) / 2 - bounds.y
        return layout, (dx, dy)

    def _timer_corners(self, w: int, h: int, px: int) -> list[tuple[QRectF, QRectF]]:
        """The timer's box and label in each corner: top right, top left, bottom right, bottom left."""
        metrics = QFontMetricsF(self._font(px, True))
        text_w = max(metrics.horizontalAdvance("88:88"), metrics.horizontalAdvance(self.tr("Time!")))
        pad = px * 0.35
        box_w, box_h = text_w + 2 * pad, metrics.height() + 1.2 * pad
        label_h = px * 0.4
        mx, my = w * MARGIN_SHARE, h * MARGIN_SHARE  # inside the safe area, as everything else
        corners = []
        for right, top in ((True, True), (False, True), (True, False), (False, False)):
            x = w - box_w - mx if right else mx
            y = my + (0 if top else h - 2 * my - box_h - label_h)
            box = QRectF(x, y + (0 if top else label_h), box_w, box_h)
            label = QRectF(x, box.bottom() + 2 if top else y, box_w, label_h)
            corners.append((box, label))
        return corners

    def questions_rects(self, w: int, h: int) -> tuple[QRectF, QRectF]:
        side = w * 0.08
        top = h * 0.06
        # The title stops short of the timer's place at the top right; the questions start below it.
        timer_w = self._timer_corners(w, h, max(24, round(h * 0.085)))[0][0].width()
        title = QRectF(side, top, w - 2 * side - timer_w, h * 0.18)
        body_top = title.bottom() + h * 0.05
        body = QRectF(side, body_top, w - 2 * side, h * 0.95 - body_top)
        return title, body

    def _fit_questions(self, w: int, h: int) -> tuple[int, int]:
        """The largest font sizes at which the title and every question fit their area.

        The questions are never set larger than the title above them.
        """
        title_rect, body_rect = self.questions_rects(w, h)
        title_px = max(12, round(h * 0.075))
        while title_px > 12 and self._text_height(self.window.pattern.title, title_px, True, title_rect.width()) > title_rect.height():
            title_px -= 1
        questions = self.window.pattern.questions or []
        px = max(12, min(round(h * 0.055), title_px))
        while px > 12:
            needed = sum(self._text_height(q, px, False, body_rect.width() - px * 1.6) for q in questions)
            needed += px * 0.9 * max(0, len(questions) - 1)
            if needed <= body_rect.height():
                break
            px -= 1
        return title_px, px

    def _text_height(self, text: str, px: int, bold: bool, width: float) -> float:
        metrics = QFontMetricsF(self._font(px, bold))
        rect = metrics.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text)
        return rect.height()

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.fonts)
        font.setPixelSize(max(1, int(px)))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    # Painting --------------------------------------------------------------------

    def paint(self, painter: QPainter) -> None:
        """Paint what the room sees now on the window (``painter`` is open on it; this ends it)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.window.rect())
        if self.window.blank is not None:
            painter.fillRect(rect, QColor("black") if self.window.blank == "black" else QColor("white"))
            painter.end()
            return
        painter.fillRect(rect, self.palette.background)
        if self.opening() and self.window.timer.idle:
            # The title alone needs no layout: the room sees it at once, the circle is laid out next.
            self._paint_opening(painter)
            if self._geometry is None:
                QTimer.singleShot(0, self.window, self.geometry)
        else:
            geometry = self.geometry()
            if self.window.questions_shown:
                self._paint_questions(painter, geometry)
            else:
                self._paint_pattern(painter, geometry)
            self._paint_timer(painter, geometry)
        if self.window.hint:
            self._paint_hint(painter)
        if self.window.help_shown:
            self._paint_help(painter)
        painter.end()
        if _TRACE_STARTUP and not self._reported and self.window.isFullScreen():
            self._reported = True  # for benchmarks/startup.py: the room sees the pattern
            print("patroon: presentation painted", file=sys.stderr, flush=True)

    def opening_title_px(self) -> int:
        """The opening screen's title size: as large as fits three lines in the safe area's width,
        with the context below it inside the safe area's height."""
        w, h = self.window.width(), self.window.height()
        width = w * (1 - 2 * MARGIN_SHARE) * 0.9
        px = max(16, round(h * OPENING_TITLE_SHARE))
        while px > 16 and (self._text_height(self.window.pattern.title, px, True, width) > px * 1.3 * 3
                           or self._opening_height(px, width) > h * (1 - 2 * MARGIN_SHARE)):
            px -= 2
        return px

    def _opening_height(self, px: int, width: float) -> float:
        """The height of the opening screen's title, rule and context at title size ``px``."""
        pattern = self.window.pattern
        height = self._text_height(pattern.title, px, True, width)
        if pattern.context:
            height += px * 0.95 + self._text_height(pattern.context, self._context_px(px), False, width)
        return height

    @staticmethod
    def _context_px(title_px: int) -> int:
        return max(14, round(title_px * 0.4))

    def _paint_opening(self, painter: QPainter) -> None:
        """Position 0: the pattern's name, large in the middle of the screen, its context below it."""
        w, h = self.window.width(), self.window.height()
        px = self.opening_title_px()
        width = w * (1 - 2 * MARGIN_SHARE) * 0.9
        title_h = self._text_height(self.window.pattern.title, px, True, width)
        # The whole block centred (a little above the middle when it is short), inside the safe area.
        top = max(h * MARGIN_SHARE, (h - self._opening_height(px, width)) / 2 - h * 0.04)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        painter.setPen(self.palette.title)
        painter.setFont(self._font(px, True))
        painter.drawText(QRectF((w - width) / 2, top, width, title_h + px), flags, self.window.pattern.title)
        rule_y = top + title_h + px * 0.45
        painter.setPen(QPen(self.palette.accent, max(3, h * 0.005)))
        painter.drawLine(QPointF(w / 2 - w * 0.08, rule_y), QPointF(w / 2 + w * 0.08, rule_y))
        context = self.window.pattern.context
        if context:
            painter.setPen(self.palette.text)
            painter.setFont(self._font(self._context_px(px)))
            painter.drawText(QRectF((w - width) / 2, rule_y + px * 0.5, width, h * (1 - MARGIN_SHARE) - rule_y - px * 0.5), flags,
                             context)

    def _paint_pattern(self, painter: QPainter, geometry: _Geometry) -> None:
        if self.opening():
            self._paint_opening(painter)
            return
        painter.save()
        painter.translate(*geometry.offset)
        paint_reveal(
            painter,
            geometry.layout,
            self.palette.render,
            position=self.window.position,
            highlight=self.window.prompt_target or self.window.highlight,
            open_arrows=self.window.prompt.typed,
            notes=self.window.breakthroughs_shown,
        )
        painter.restore()

    def _paint_questions(self, painter: QPainter, geometry: _Geometry) -> None:
        w, h = geometry.size
        title_rect, body_rect = self.questions_rects(w, h)
        colours = self.palette
        painter.setPen(colours.title)
        painter.setFont(self._font(geometry.questions_title_px, True))
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap), self.window.pattern.title)
        painter.setPen(QPen(colours.accent, max(2, h * 0.004)))
        line_y = title_rect.bottom() + h * 0.02
        painter.drawLine(QPointF(body_rect.left(), line_y), QPointF(body_rect.right(), line_y))
        px = geometry.questions_px
        font = self._font(px)
        painter.setFont(font)
        y = body_rect.top()
        indent = px * 1.6
        for number, question in enumerate(self.window.pattern.questions or [], start=1):
            painter.setPen(colours.accent)
            painter.setFont(self._font(px, True))
            painter.drawText(QRectF(body_rect.left(), y, indent, px * 2), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), f"{number}.")
            painter.setFont(font)
            painter.setPen(colours.text)
            text_rect = QRectF(body_rect.left() + indent, y, body_rect.width() - indent, body_rect.bottom() - y)
            used = painter.boundingRect(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), question)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), question)
            y += used.height() + px * 0.9

    def timer_rect(self) -> QRectF:
        """Where the timer shows: a corner, sized for the back of the room."""
        return QRectF(self._timer_place(self.geometry())[0])

    def _timer_place(self, geometry: _Geometry) -> tuple[QRectF, QRectF]:
        """The timer's box and label in the view shown now."""
        return geometry.timer_top_right if self.window.questions_shown else (geometry.timer, geometry.timer_label)

    def _paint_timer(self, painter: QPainter, geometry: _Geometry) -> None:
        timer = self.window.timer
        if timer.idle:
            return
        rect = self.timer_rect()
        colours = self.palette
        if timer.is_finished:
            on = timer.blink_on()
            back, fore, text = (colours.alarm, QColor("white"), self.tr("Time!")) if on else (QColor("white"), colours.alarm, self.tr("Time!"))
            border = colours.alarm
        else:
            back = QColor(colours.background)
            fore = colours.text if timer.running else colours.muted
            text = timer.text()
            border = colours.accent if timer.running else colours.muted
        painter.save()
        painter.setPen(QPen(border, max(2.0, geometry.timer_px * 0.06)))
        painter.setBrush(back)
        radius = geometry.timer_px * 0.25
        painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(fore)
        painter.setFont(self._font(geometry.timer_px, True))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        if not timer.running and not timer.is_finished:
            small = self._font(max(10, round(geometry.timer_px * 0.22)))
            painter.setFont(small)
            painter.setPen(colours.muted)
            painter.drawText(self._timer_place(geometry)[1], int(Qt.AlignmentFlag.AlignCenter), self.tr("paused — T"))
        painter.restore()

    def _paint_hint(self, painter: QPainter) -> None:
        h = self.window.height()
        font = self._font(max(12, round(h * 0.028)))
        metrics = QFontMetricsF(font)
        pad = metrics.height() * 0.5
        w = metrics.horizontalAdvance(self.window.hint) + 2 * pad
        box_h = metrics.height() + pad
        # Beside the timer's corner (the corner that hides the least), not over the steps.
        geometry = self.geometry()
        box, label = self._timer_place(geometry)
        timer = box.united(label)
        x = timer.right() - w if timer.center().x() > self.window.width() / 2 else timer.left()
        y = timer.bottom() + pad if timer.center().y() < h / 2 else timer.top() - pad - box_h
        rect = QRectF(max(0.0, x), y, w, box_h)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(40, 40, 40, 220))
        painter.drawRoundedRect(rect, pad, pad)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.window.hint)
        painter.restore()

    def help_lines(self) -> list[tuple[str, str]]:
        """The presenter's keys, as the help overlay lists them (? or F1)."""
        return [
            (self.tr("PageDown, →, ↓, Space, Enter, click"), self.tr("next step (after the circle: the prepared breakthroughs)")),
            (self.tr("PageUp, ←, ↑, Backspace, right-click"), self.tr("previous step")),
            (self.tr("Home / End"), self.tr("title only / everything")),
            (self.tr("B / W"), self.tr("black / white screen (any key brings the pattern back)")),
            (self.tr("Q"), self.tr("discussion questions")),
            (self.tr("T"), self.tr("start / pause the table timer")),
            (self.tr("digits, then T"), self.tr("timer for that many minutes (0 T: hide)")),
            (self.tr("+ / −"), self.tr("one minute more / less")),
            (self.tr("R"), self.tr("reset and hide the timer")),
            (self.tr("D"), self.tr("add a breakthrough after the current step")),
            (self.tr("Ctrl+Z / Ctrl+Y"), self.tr("undo / redo")),
            (self.tr("? or F1"), self.tr("this help")),
            (self.tr("Esc"), self.tr("back to the editor")),
        ]

    def _help_metrics(self):
        h = self.window.height()
        px = max(11, round(h * 0.018))
        key_font, text_font = self._font(px, True), self._font(px)
        key_metrics, text_metrics = QFontMetricsF(key_font), QFontMetricsF(text_font)
        lines = self.help_lines()
        key_w = max(key_metrics.horizontalAdvance(k) for k, _ in lines)
        text_w = max(text_metrics.horizontalAdvance(t) for _, t in lines)
        line_h = key_metrics.height() * 1.35
        pad = px * 1.2
        w = key_w + text_w + px * 1.5 + 2 * pad
        box_h = line_h * (len(lines) + 1.3) + 2 * pad
        rect = QRectF(self.window.width() * MARGIN_SHARE, h * (1 - MARGIN_SHARE) - box_h, w, box_h)
        return rect, px, pad, key_font, text_font, key_w, text_w, line_h, lines

    def help_rect(self) -> QRectF:
        """Where the help overlay's panel is, in widget pixels."""
        return self._help_metrics()[0]

    def _paint_help(self, painter: QPainter) -> None:
        rect, px, pad, key_font, text_font, key_w, text_w, line_h, lines = self._help_metrics()
        w = rect.width()
        heading = self.tr("Keys")
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HELP_PANEL)  # opaque: the pattern must not show through the keys
        painter.drawRoundedRect(rect, pad * 0.6, pad * 0.6)
        painter.setPen(QColor("white"))
        painter.setFont(self._font(round(px * 1.15), True))
        y = rect.top() + pad
        painter.drawText(QRectF(rect.left() + pad, y, w, line_h), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), heading)
        y += line_h * 1.3
        for keys, what in lines:
            painter.setFont(key_font)
            painter.setPen(QColor(255, 214, 102))
            painter.drawText(QRectF(rect.left() + pad, y, key_w, line_h), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), keys)
            painter.setFont(text_font)
            painter.setPen(QColor("white"))
            painter.drawText(QRectF(rect.left() + pad + key_w + px * 1.5, y, text_w + 2, line_h), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), what)
            y += line_h
        painter.restore()


HELP_PANEL = QColor(25, 25, 25)


def paint_reveal(
    painter: QPainter,
    layout: PatternLayout,
    palette: Palette,
    *,
    position: int,
    highlight: str | None = None,
    open_arrows: frozenset[str] | set[str] = frozenset(),
    notes: bool = True,
) -> None:
    """Paint the pattern as far as it is revealed, in layout units.

    ``position`` 0 paints the title only; k (1..n) the first k steps and the
    arrows leading to steps 2..k, with ``highlight`` emphasised and the other
    steps softened; n + 1 (or more) the whole closed circle at full strength.
    A breakthrough shows with its arrow, but only with ``notes`` unless it
    is on one of ``open_arrows``: steps whose outgoing arrow (and its
    breakthrough) shows as soon as the step does, where a breakthrough was
    just added live, ahead of the reveal.

    :func:`patroon.render.painter.paint_layout` closes the circle as soon as
    the last step shows; the presenter keeps one more "next" for that, so
    it composes the same primitives itself.
    """
    n = len(layout.steps)
    position = max(0, min(position, n + 1))
    if position > n:
        highlight = None
    shown_ids = {s.id for s in layout.steps[:position]}
    with_note = {b.after for b in layout.breakthroughs}
    shown_arrows = [
        a
        for i, a in enumerate(layout.arrows)
        if i + 1 < position or position > n or (a.source in open_arrows and a.source in with_note and a.source in shown_ids)
    ]

    def state(*ids: str) -> str:
        if highlight is None or highlight in ids:
            return "normal"
        return "dimmed"

    for arrow in shown_arrows:
        paint_arrow(painter, arrow, palette, state(arrow.source, arrow.target))
    sources = {a.source for a in shown_arrows}
    for b in layout.breakthroughs:
        if b.after in sources and (notes or b.after in open_arrows):
            paint_breakthrough(painter, b, palette)
    for step in layout.steps:
        if step.id in shown_ids:
            paint_step(painter, step, palette, "highlight" if step.id == highlight else state(step.id))
    paint_title(painter, layout, palette)


@dataclass(frozen=True)
class _Colours:
    """The presenter's colours: the projector palette for the diagram, and its own for timer, questions, hints."""

    render: Palette
    background: QColor
    text: QColor
    title: QColor
    muted: QColor  # a paused timer
    accent: QColor  # a running timer's frame, question numbers, the rule under the title
    alarm: QColor  # time is up


PROJECTOR = _Colours(
    render=HIGH_CONTRAST,
    background=QColor(HIGH_CONTRAST.background),
    text=QColor(HIGH_CONTRAST.text),
    title=QColor(HIGH_CONTRAST.title),
    muted=QColor("#6b6b6b"),
    accent=QColor("#1f4e9e"),
    alarm=QColor("#c8102e"),
)


def _least_covering(corners, layout, offset: tuple[float, float]) -> tuple[QRectF, QRectF, float]:
    """The first corner that hides the least of the diagram's boxes, notes and title, and how much it hides."""
    drawn = [s.box for s in layout.steps] + [b.note_box for b in layout.breakthroughs] + [layout.title.rect]
    drawn = [QRectF(r.x + offset[0], r.y + offset[1], r.w, r.h) for r in drawn]
    best = None
    for box, label in corners:
        area = box.united(label)
        covered = sum(_area(area.intersected(r)) for r in drawn)
        if best is None or covered < best[0] - 1:
            best = (covered, box, label)
    return best[1], best[2], best[0]


def _area(rect: QRectF) -> float:
    return rect.width() * rect.height() if rect.isValid() else 0.0
