"""The canvas: the pattern drawn on a QGraphicsScene, edited in place.

The scene never changes the pattern itself: it asks the
:class:`~patroon.gui.document.Document` for one undo command per action and
rebuilds its items from the new layout when :attr:`Document.changed` fires.
So undo and redo can never leave the picture and the data disagreeing.

Items paint with the shared renderer (:mod:`patroon.render.painter`), one
item per step, arrow and breakthrough, on the geometry of
:func:`patroon.layout.layout_pattern`. Scene units are points.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPalette, QPen,
                           QPolygonF, QTransform)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsScene, QGraphicsView

from patroon.errors import PatternError
from patroon.gui import editing
from patroon.gui.add_button import AddButtonItem, HoverHighlight
from patroon.gui.document import Document
from patroon.gui.inline_editor import InlineEditing, InlineEditor
from patroon.layout import layout_pattern
from patroon.render.painter import paint_arrow, paint_breakthrough, paint_layout, paint_step, paint_title, step_path
from patroon.render.palette import DEFAULT, Palette, palette_named

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QKeyEvent
    from PySide6.QtWidgets import (
        QGraphicsSceneContextMenuEvent,
        QGraphicsSceneMouseEvent,
        QStyleOptionGraphicsItem,
        QWidget,
    )

    from patroon.layout import ArrowLayout, BreakthroughLayout, PatternLayout, Rect, StepLayout
    from patroon.model import Pattern

# Only what the window needs to appear is imported here; the in-place editor,
# menus and image export load on first use.

_TRACE_STARTUP = bool(os.environ.get("PATROON_TRACE_STARTUP"))

# The page the editor lays the diagram out on: A3 landscape, as the diagram sheet prints it.
PAGE_W, PAGE_H = 1190.55, 841.89
PAGE_MARGIN = 28.0
# Clear space around the ＋ beside the selected step (points), so it never touches a note or a box.
ADD_BUTTON_CLEARANCE = 4.0


def margin_shift() -> QTransform:
    """The transform that puts layout coordinates inside the page margin."""
    return QTransform.fromTranslate(PAGE_MARGIN, PAGE_MARGIN)


def _qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


def colours_of(item: QGraphicsItem) -> Palette:
    """The colours ``item`` draws in: those its scene's pattern asks for (``layout: palette:``)."""
    scene = item.scene()
    return scene.colours if isinstance(scene, PatternScene) else DEFAULT


class _LaidOutItem(QGraphicsObject):
    """An item drawn from one part of the layout; a new layout replaces that part (and the cached shape)."""

    def __init__(self, layout) -> None:
        super().__init__()
        self._layout = layout
        self._shape: QPainterPath | None = None

    @property
    def layout(self):
        """The part of the layout this item draws."""
        return self._layout

    def set_layout(self, layout) -> None:
        if layout != self._layout:
            self.prepareGeometryChange()
            self._layout = layout
            self._shape = None
            self.update()


class StepItem(_LaidOutItem):
    """One step's box. Click selects, double-click edits, drag nudges (or moves onto another step's place)."""

    def __init__(self, step_id: str, layout: StepLayout) -> None:
        super().__init__(layout)
        self.step_id = step_id
        self.drop_target = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)

    def set_layout(self, layout: StepLayout) -> None:
        super().set_layout(layout)
        if self.pos() != QPointF(0, 0):
            self.setPos(0, 0)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return _qrect(self._layout.box).adjusted(-4, -4, 4, 4)

    def shape(self) -> QPainterPath:
        return step_path(self._layout)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        state = "highlight" if self.drop_target else ("selected" if self.isSelected() else "normal")
        paint_step(painter, self._layout, colours_of(self), state)
        if not any(line.strip() for line in self._layout.text.lines):
            self._paint_hint(painter)

    def _paint_hint(self, painter: QPainter) -> None:
        """An empty step says where to type, in grey (only on screen: the hint is never the step's text)."""
        from patroon.render.fonts import make_font

        hint = self.tr("Step %1 — type here").replace("%1", str(self._layout.index + 1))
        painter.save()
        painter.setPen(QColor(colours_of(self).hint_text))
        painter.setFont(make_font(max(8.0, self._layout.text.size * 0.9), False, painter.device()))
        painter.drawText(_qrect(self._layout.box).adjusted(6, 4, -6, -4),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), hint)
        painter.restore()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseMoveEvent(event)
        scene = self.scene()
        if isinstance(scene, PatternScene):
            scene.drag_moved(self)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        scene = self.scene()
        if isinstance(scene, PatternScene) and self.pos() != QPointF(0, 0):
            scene.drag_finished(self)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        scene = self.scene()
        if isinstance(scene, PatternScene):
            scene.start_editing(self.step_id)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        scene = self.scene()
        if isinstance(scene, PatternScene):
            scene.select_step(self.step_id)
            scene.contextMenuRequested.emit("step", self.step_id, event.screenPos())


class _OnArrow:
    """Mouse handling shared by an arrow and the breakthrough on it: both stand for the step they leave.

    Click selects that step, double-click edits the breakthrough, right-click
    opens the arrow's menu. Subclasses say which step with ``arrow_step``.
    """

    arrow_step: str

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        scene = self.scene()
        if isinstance(scene, PatternScene):
            scene.select_step(self.arrow_step)
        event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        scene = self.scene()
        if isinstance(scene, PatternScene):
            scene.start_editing_breakthrough(self.arrow_step)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        scene = self.scene()
        if isinstance(scene, PatternScene):
            scene.select_step(self.arrow_step)
            scene.contextMenuRequested.emit("arrow", self.arrow_step, event.screenPos())


class ArrowItem(HoverHighlight, _OnArrow, _LaidOutItem):
    """The arrow leaving a step. Click selects its step, double-click edits its breakthrough."""

    def __init__(self, arrow: ArrowLayout) -> None:
        super().__init__(arrow)
        self._hover = False
        self._bounds: tuple[ArrowLayout, QRectF] | None = None  # for which layout
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self.setToolTip(self.tr("Double-click to add a breakthrough on this arrow"))

    @property
    def source(self) -> str:
        return self._layout.source

    arrow_step = source

    def _path(self) -> QPainterPath:
        points = self._layout.path
        path = QPainterPath(QPointF(*points[0]))
        for p in points[1:]:
            path.lineTo(QPointF(*p))
        return path

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        # From the points (the shape's stroke reaches 7 beyond them): uniting the shape is costly.
        if self._bounds is None or self._bounds[0] is not self._layout:
            xs, ys = zip(*self._layout.path, *self._layout.head)
            self._bounds = (self._layout, QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(-9, -9, 9, 9))
        return self._bounds[1]

    def shape(self) -> QPainterPath:
        if self._shape is None:
            # Generous, so a thin arrow is easy to hit.
            stroker = QPainterPathStroker()
            stroker.setWidth(14)
            stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
            shape = stroker.createStroke(self._path())
            head = QPainterPath()
            head.addPolygon(QPolygonF([QPointF(*p) for p in self._layout.head]))
            head.closeSubpath()
            self._shape = shape.united(head)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_arrow(painter, self._layout, colours_of(self), "selected" if self._hover else "normal")


class BreakthroughItem(_OnArrow, _LaidOutItem):
    """A breakthrough's marker and note. Click selects the step before it, double-click edits."""

    def __init__(self, b: BreakthroughLayout) -> None:
        super().__init__(b)
        self.setZValue(3)

    @property
    def after(self) -> str:
        return self._layout.after

    arrow_step = after

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        b = self._layout
        m = b.marker_radius
        rect = _qrect(b.note_box).united(QRectF(b.marker[0] - m, b.marker[1] - m, 2 * m, 2 * m))
        for x, y in b.leader:
            rect = rect.united(QRectF(x - 1, y - 1, 2, 2))
        return rect.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        b = self._layout
        path = QPainterPath()
        path.addRect(_qrect(b.note_box))
        path.addEllipse(QPointF(*b.marker), b.marker_radius + 3, b.marker_radius + 3)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_breakthrough(painter, self._layout, colours_of(self))


class TitleItem(QGraphicsObject):
    """The title (and context line) in the centre; double-click edits the title."""

    def __init__(self, layout: PatternLayout) -> None:
        super().__init__()
        self._layout = layout
        self.setZValue(1)
        self.setToolTip(self.tr("Double-click to edit the title"))

    def set_layout(self, layout: PatternLayout) -> None:
        old = self.boundingRect()
        self._layout = layout
        if self.boundingRect() != old:
            self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        rect = _qrect(self._layout.title.rect)
        if self._layout.context is not None:
            rect = rect.united(_qrect(self._layout.context.rect))
        return rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_title(painter, self._layout, colours_of(self))

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        scene = self.scene()
        if isinstance(scene, PatternScene):
            scene.start_editing_title()


class PatternScene(InlineEditing, QGraphicsScene):
    """The pattern as graphics items, rebuilt from the layout whenever the document changes."""

    currentStepChanged = Signal(str)
    editingChanged = Signal(bool)
    problem = Signal(str)  # a plain-language message for the status bar
    pasted = Signal(int)  # a list pasted while typing made this many steps
    addRequested = Signal()
    contextMenuRequested = Signal(str, str, object)  # kind ("step"/"arrow"), step id, screen pos

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.setSceneRect(0, 0, PAGE_W, PAGE_H)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._layout: PatternLayout | None = None
        self._steps: dict[str, StepItem] = {}
        self._arrows: dict[str, ArrowItem] = {}
        self._breakthroughs: dict[str, BreakthroughItem] = {}
        self._dirty = True
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.timeout.connect(self.flush)
        self._layout_delay_ms = 0
        self.title_item: TitleItem | None = None
        self.editor: InlineEditor | None = None
        self._editing: tuple[str, str | None] | None = None  # (kind, step id)
        self._current: str | None = None
        self._measure = None
        # The colours the pattern asks for (its file's ``layout: palette:``); set on every layout.
        self.colours: Palette = DEFAULT
        self.add_button = AddButtonItem()
        self.add_button.clicked.connect(self.addRequested)
        self.add_button.setVisible(False)
        self.addItem(self.add_button)
        document.changed.connect(self.schedule_rebuild)
        self.selectionChanged.connect(self._on_selection_changed)
        # The first layout waits for the window (MainWindow.finish_start) or for a read.

    # Layout and items ----------------------------------------------------------------
    #
    # Changes are laid out once per turn of the event loop (several changes in one
    # turn cost one layout), and at once when anything reads the items or the layout.
    # At start-up this lets the window reach the screen before the first layout.

    def schedule_rebuild(self) -> None:
        """Lay out again in the next turn of the event loop (or when the items are read).

        When laying out takes long (a big pattern), changes that come quickly one
        after another (typing in the side panel) wait for a pause and are laid out once.
        """
        self._dirty = True
        self._layout_timer.start(self._layout_delay_ms)

    def flush(self) -> None:
        """Bring the items up to date now if the document changed since the last layout."""
        if self._dirty:
            self.rebuild()

    @property
    def pattern_layout(self) -> PatternLayout:
        """The layout the items show (laid out now if the document changed)."""
        self.flush()
        return self._layout  # type: ignore[return-value]

    @property
    def steps(self) -> dict[str, StepItem]:
        """The step items by step id."""
        self.flush()
        return self._steps

    @property
    def arrows(self) -> dict[str, ArrowItem]:
        """The arrow items by the id of the step they leave."""
        self.flush()
        return self._arrows

    @property
    def breakthroughs(self) -> dict[str, BreakthroughItem]:
        """The breakthrough items by the id of the step before them."""
        self.flush()
        return self._breakthroughs

    def measure(self):
        if self._measure is None:
            from patroon.render.measure import QtTextMeasure

            self._measure = QtTextMeasure()
        return self._measure

    def compute_layout(self, pattern: Pattern) -> PatternLayout:
        layout = layout_pattern(pattern, self.measure(), PAGE_W - 2 * PAGE_MARGIN, PAGE_H - 2 * PAGE_MARGIN)
        return layout

    def rebuild(self) -> None:
        """Bring the items in line with the document's pattern (called on every change)."""
        pattern = self.document.pattern
        self._dirty = False
        self._layout_timer.stop()
        started = time.perf_counter()
        layout = self.compute_layout(pattern)
        cost = time.perf_counter() - started
        self._layout_delay_ms = 0 if cost < 0.04 else int(min(0.5, 1.5 * cost) * 1000)
        if not layout.fits and (self._layout is None or self._layout.fits):
            # Said once, when it happens: the boxes then crowd each other, and an export refuses the sheet.
            self.problem.emit(self.tr("This pattern no longer fits an A3 sheet: its boxes crowd each other and "
                                      "it cannot be printed like this. Fewer or shorter steps or breakthroughs "
                                      "make it fit again."))
        self._layout = layout
        self._set_colours(palette_named(pattern.placement.palette))
        if self._editing is not None:
            kind, step = self._editing
            if step is not None and not any(s.id == step for s in pattern.steps):
                self._close_editor()
        self.blockSignals(True)
        try:
            self._sync(self._steps, {s.id: s for s in layout.steps}, lambda key, s: StepItem(key, s))
            self._sync(self._arrows, {a.source: a for a in layout.arrows}, lambda key, a: ArrowItem(a))
            self._sync(self._breakthroughs, {b.after: b for b in layout.breakthroughs}, lambda key, b: BreakthroughItem(b))
            if self.title_item is None:
                self.title_item = TitleItem(layout)
                self.title_item.setPos(PAGE_MARGIN, PAGE_MARGIN)
                self.addItem(self.title_item)
            else:
                self.title_item.set_layout(layout)
            for item in self._steps.values():
                item.setSelected(item.step_id == self._current)
        finally:
            self.blockSignals(False)
        if self._current is not None and self._current not in self._steps:
            self._current = None
            self.currentStepChanged.emit("")
        self._place_add_button()

    def _set_colours(self, colours: Palette) -> None:
        """Draw in ``colours`` from now on; the items already drawn (and cached) are drawn again."""
        if colours != self.colours:
            self.colours = colours
            for item in self.items():
                item.update()
            for view in self.views():
                view.resetCachedContent()
                view.viewport().update()

    def _sync(self, items: dict, layouts: dict, make) -> None:
        for key in list(items):
            if key not in layouts:
                self.removeItem(items.pop(key))
        for key, lay in layouts.items():
            item = items.get(key)
            if item is None:
                item = make(key, lay)
                item.setPos(0, 0)
                # The layout is drawn inside the page margin.
                item.setTransform(margin_shift())
                items[key] = item
                self.addItem(item)
            else:
                item.set_layout(lay)

    def _place_add_button(self) -> None:
        item = self._steps.get(self._current) if self._current and not self._dirty else None
        spot = self._add_button_spot(item) if item is not None and self.editor is None else None
        if spot is None:
            self.add_button.setVisible(False)
            return
        self.add_button.setPos(self.to_scene(spot.x(), spot.y()))
        self.add_button.setVisible(True)

    def _add_button_spot(self, item: StepItem) -> QPointF | None:
        """Where the ＋ of ``item`` goes (layout coordinates): the first of its box's corners
        (bottom right first) where it keeps clear of every other box, breakthrough note and the
        title, and preferably of the arrows too; None when no corner is free (Insert still adds)."""
        from PySide6.QtGui import QPainterPathStroker

        box = item.layout.box
        corners = [QPointF(box.right, box.bottom), QPointF(box.right, box.y),
                   QPointF(box.x, box.bottom), QPointF(box.x, box.y)]
        blocking = [other.shape() for other in self._steps.values() if other is not item]
        blocking += [b.shape() for b in self._breakthroughs.values()]
        if self.title_item is not None:
            blocking.append(self.title_item.shape())
        stroker = QPainterPathStroker()
        stroker.setWidth(2.0)
        arrows = [stroker.createStroke(a._path()) for a in self._arrows.values()]
        reach = AddButtonItem.RADIUS + ADD_BUTTON_CLEARANCE

        def free(corner: QPointF, shapes: list[QPainterPath]) -> bool:
            disc = QPainterPath()
            disc.addEllipse(corner, reach, reach)
            return not any(disc.intersects(shape) for shape in shapes)

        for shapes in (blocking + arrows, blocking):
            for corner in corners:
                if free(corner, shapes):
                    return corner
        return None

    def to_scene(self, x: float, y: float) -> QPointF:
        """A point of the layout in scene coordinates."""
        return QPointF(x + PAGE_MARGIN, y + PAGE_MARGIN)

    def layout_rect(self, rect: Rect) -> QRectF:
        return _qrect(rect).translated(PAGE_MARGIN, PAGE_MARGIN)

    # Selection -------------------------------------------------------------------------

    def current_step(self) -> str | None:
        return self._current

    def select_step(self, step_id: str | None) -> None:
        """Make ``step_id`` the selected step (None: nothing selected)."""
        if step_id is not None and not any(s.id == step_id for s in self.document.pattern.steps):
            step_id = None
        changed = step_id != self._current
        self._current = step_id
        self.blockSignals(True)
        try:  # (items not yet laid out get their selection when they are)
            for item in self._steps.values():
                item.setSelected(item.step_id == step_id)
        finally:
            self.blockSignals(False)
        self._place_add_button()
        if changed:
            self.currentStepChanged.emit(step_id or "")

    def _on_selection_changed(self) -> None:
        selected = [i for i in self.selectedItems() if isinstance(i, StepItem)]
        step_id = selected[0].step_id if selected else None
        if step_id != self._current:
            self._current = step_id
            self._place_add_button()
            self.currentStepChanged.emit(step_id or "")

    # Dragging ---------------------------------------------------------------------------

    def _drop_target(self, item: StepItem) -> StepItem | None:
        box = item.layout.box
        cx, cy = box.x + box.w / 2 + item.pos().x(), box.y + box.h / 2 + item.pos().y()
        for other in self.steps.values():
            if other is not item and other.layout.box.contains(cx, cy):
                return other
        return None

    def drag_moved(self, item: StepItem) -> None:
        target = self._drop_target(item)
        for other in self.steps.values():
            if other.drop_target != (other is target):
                other.drop_target = other is target
                other.update()
        self.add_button.setVisible(False)

    def offset_for_drop(self, step_id: str, dx: float, dy: float) -> tuple[float, float]:
        """The manual offset (in radii) that puts step ``step_id``'s box ``dx``, ``dy`` points from where it is shown.

        Measured from the box's place on the ring in the layout on screen, so
        the box lands under the pointer whatever nudge it had before (the layout
        may still keep it inside the page or clear of other boxes).
        """
        layout = self.pattern_layout  # laid out now if a change waits (keys come quicker than layouts)
        shown = layout.step(step_id) if layout is not None else None
        if shown is None:
            return (0.0, 0.0)
        cx, cy = shown.box.centre
        hx, hy = shown.home or shown.box.centre
        radius = layout.radius or 1.0
        return (
            max(-2.0, min(2.0, (cx + dx - hx) / radius)),
            max(-2.0, min(2.0, (cy + dy - hy) / radius)),
        )

    def drag_finished(self, item: StepItem) -> None:
        """Record a drag as one command: onto another step's place moves the step there, else a nudge."""
        target = self._drop_target(item)
        for other in self.steps.values():
            if other.drop_target:
                other.drop_target = False
                other.update()
        step = item.step_id
        try:
            if target is not None:
                editing.drop_step_on(self.document, step, target.step_id)
            else:
                editing.nudge_step(self.document, step, self.offset_for_drop(step, item.pos().x(), item.pos().y()))
        except PatternError:
            pass
        item.setPos(0, 0)  # the new layout (or the old one, if nothing changed) is the truth
        self._place_add_button()

    # Pictures -----------------------------------------------------------------------------

    def render_image(self, width_px: int) -> QImage:
        """The diagram alone (no selection, no page) as an image ``width_px`` wide, white background."""
        from PySide6.QtGui import QImage

        layout = self.pattern_layout or self.compute_layout(self.document.pattern)
        bounds = layout.bounds().inflated(12)
        scale = width_px / bounds.w
        image = QImage(width_px, max(1, round(bounds.h * scale)), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ffffff"))
        image.setDotsPerMeterX(round(72 * scale / 0.0254))
        image.setDotsPerMeterY(round(72 * scale / 0.0254))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        painter.translate(-bounds.x, -bounds.y)
        paint_layout(painter, layout, self.colours)
        painter.end()
        return image


#: Alt+arrow nudges the selected box this far (points, 2 mm), the keyboard's way to drag it.
NUDGE_PT = 72 / 25.4 * 2
NUDGE_KEYS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}

#: The width of the frame that shows the canvas has the keyboard focus (pixels).
FOCUS_FRAME_PX = 3


class PatternView(QGraphicsView):
    """Shows the scene on a grey desk: Ctrl+wheel zooms, Ctrl+0 fits, arrow keys walk the steps."""

    zoomChanged = Signal(float)

    MIN_ZOOM, MAX_ZOOM = 0.1, 8.0

    def __init__(self, scene: PatternScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#dfe3e6"))
        # The desk and the page are drawn once per zoom into a pixmap, not again on every edit's repaint
        # (PatternScene._set_colours drops the pixmap when the page's colour changes).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._auto_fit = True
        self._reported = False
        scene.contextMenuRequested.connect(self._context_menu)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's name
        super().drawBackground(painter, rect)
        page = self.sceneRect()
        painter.save()
        # The cached background's painter has neither the view's antialiasing nor blending: ask for both,
        # so the page's edge and its shadow look as they would painted straight onto the view.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 40))
        painter.drawRect(page.translated(3, 4))
        scene = self.scene()
        painter.setBrush(QColor(scene.colours.background if isinstance(scene, PatternScene) else DEFAULT.background))
        painter.drawRect(page)
        painter.restore()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self.hasFocus():
            # A visible focus for keyboard users: a frame round the canvas while keys go to it.
            painter = QPainter(self.viewport())
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME_PX)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = FOCUS_FRAME_PX / 2
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(half, half, -half, -half))
            painter.end()
        if not self._reported:
            scene = self.scene()
            if isinstance(scene, PatternScene) and scene._layout is not None and not scene._dirty:
                self._reported = True
                if _TRACE_STARTUP:  # for benchmarks/startup.py and the start-up test: the diagram is on screen
                    print("patroon: diagram painted", file=sys.stderr, flush=True)
                from patroon.gui.app import after_first_paint

                QTimer.singleShot(0, after_first_paint)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.viewport().update()

    def zoom(self) -> float:
        """The zoom as a share of actual size (1.0: a point on screen is a point)."""
        return self.transform().m11() * 72.0 / max(1.0, self.logicalDpiX())

    def _emit_zoom(self) -> None:
        self.zoomChanged.emit(self.zoom())

    def fit(self) -> None:
        """Fit the whole page in the window (and keep fitting when the window resizes)."""
        self._auto_fit = True
        self.fitInView(self.sceneRect().adjusted(-12, -12, 12, 12), Qt.AspectRatioMode.KeepAspectRatio)
        self._emit_zoom()

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(self.MIN_ZOOM / current, min(self.MAX_ZOOM / current, factor))
        self._auto_fit = False
        self.scale(factor, factor)
        self._emit_zoom()

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def ensure_visible_step(self, step_id: str) -> None:
        item = self.scene().steps.get(step_id) if isinstance(self.scene(), PatternScene) else None
        if item is not None:
            self.ensureVisible(item, 20, 20)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._auto_fit:
            self.fit()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(1.15 ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        scene = self.scene()
        if isinstance(scene, PatternScene) and not scene.is_editing():
            key = event.key()
            if event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
                    self._walk(+1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1)
                    return
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and scene.current_step():
                    scene.start_editing(scene.current_step())
                    return
                if key == Qt.Key.Key_Escape:
                    scene.select_step(None)
                    return
            if event.modifiers() & Qt.KeyboardModifier.AltModifier and key in NUDGE_KEYS and scene.current_step():
                # What a drag does, by keyboard: Alt+arrow nudges the selected box a little.
                step = scene.current_step()
                dx, dy = NUDGE_KEYS[key]
                editing.nudge_step(scene.document, step, scene.offset_for_drop(step, dx * NUDGE_PT, dy * NUDGE_PT))
                return
        super().keyPressEvent(event)

    def _walk(self, delta: int) -> None:
        scene: PatternScene = self.scene()  # type: ignore[assignment]
        steps = scene.document.pattern.steps
        current = scene.current_step()
        index = 0 if current is None else (scene.document.pattern.index(current) + delta) % len(steps)
        scene.select_step(steps[index].id)
        self.ensure_visible_step(steps[index].id)

    def _context_menu(self, kind: str, step_id: str, screen_pos) -> None:
        window = self.window()
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        if kind == "step":
            for name in ("act_edit", "act_add", "act_delete", "act_earlier", "act_later", None, "act_breakthrough"):
                if name is None:
                    menu.addSeparator()
                elif hasattr(window, name):
                    menu.addAction(getattr(window, name))
        else:
            if hasattr(window, "act_breakthrough"):
                menu.addAction(window.act_breakthrough)
                menu.addAction(window.act_remove_breakthrough)
        if not menu.isEmpty():
            menu.exec(screen_pos)
