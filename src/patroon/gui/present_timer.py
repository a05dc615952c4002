"""The table timer of facilitator mode: a countdown the whole room can see.

The workshop sends the tables to talk for 25 minutes; the facilitator starts,
pauses and adjusts the countdown with single keys. The timer keeps no time of
its own: it reads a clock (``time.monotonic`` unless another is injected), so
tests can drive it with a fake clock instead of sleeping.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

DEFAULT_MINUTES = 25
MAX_MINUTES = 180
TICK_MS = 250


def format_remaining(seconds: float) -> str:
    """Minutes and seconds as the timer shows them, rounded up: ``25:00``, ``0:59``, ``0:00``.

    >>> format_remaining(25 * 60), format_remaining(59.2), format_remaining(0)
    ('25:00', '1:00', '0:00')
    """
    whole = max(0, int(-(-seconds // 1)))  # ceil: the display reaches 0:00 only at the end
    return f"{whole // 60}:{whole % 60:02d}"


class TableTimer(QObject):
    """A countdown that can be started, paused, adjusted and reset.

    States: *idle* (never started since the last reset; hidden in the
    presenter), *running*, *paused* and *finished* (reached zero). ``changed``
    fires on every change the view must show, including each visible second;
    ``finished`` fires once when the countdown reaches zero.
    """

    changed = Signal()
    finished = Signal()

    def __init__(self, minutes: float = DEFAULT_MINUTES, clock: Callable[[], float] | None = None, parent=None):
        super().__init__(parent)
        self._clock = clock or time.monotonic
        self._duration = float(minutes) * 60.0
        self._left = self._duration  # seconds left when last paused
        self._started_at: float | None = None  # clock time of the last start while running
        self._idle = True
        self._done = False
        self._shown = format_remaining(self._left)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.poll)

    # State -----------------------------------------------------------------

    @property
    def duration(self) -> float:
        """The length of a full countdown, in seconds."""
        return self._duration

    def remaining(self) -> float:
        """Seconds left now (0 when finished)."""
        if self._started_at is None:
            return max(0.0, self._left)
        return max(0.0, self._left - (self._clock() - self._started_at))

    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def idle(self) -> bool:
        """True before the first start after a reset: nothing to show yet."""
        return self._idle

    @property
    def is_finished(self) -> bool:
        return self._done

    def text(self) -> str:
        """The remaining time as shown: ``m:ss``."""
        return format_remaining(self.remaining())

    # Actions ---------------------------------------------------------------

    def start(self) -> None:
        if self.running or self._done:
            return
        self._idle = False
        self._started_at = self._clock()
        self._ticker.start()
        self.changed.emit()

    def pause(self) -> None:
        if not self.running:
            return
        self._left = self.remaining()
        self._started_at = None
        self._ticker.stop()
        self.changed.emit()

    def toggle(self) -> None:
        """Start, pause, or after the end go back to a full countdown, paused."""
        if self._done:
            self.reset(keep_visible=True)
        elif self.running:
            self.pause()
        else:
            self.start()

    def reset(self, keep_visible: bool = False) -> None:
        """Back to a full countdown, stopped; hidden again unless ``keep_visible``."""
        self._ticker.stop()
        self._started_at = None
        self._left = self._duration
        self._done = False
        self._idle = not keep_visible
        self._shown = self.text()
        self.changed.emit()

    def set_minutes(self, minutes: float) -> None:
        """A new duration; the countdown starts over from it (stopped)."""
        self._duration = float(min(max(minutes, 1), MAX_MINUTES)) * 60.0
        self.reset(keep_visible=True)

    def add_minutes(self, minutes: float) -> None:
        """More (or, negative, less) time on the running or paused countdown.

        Before the first start this changes the duration itself. Time never
        drops below zero; taking the last minute away ends the countdown.
        """
        if self._idle:
            self._duration = float(min(max(self._duration + minutes * 60.0, 60.0), MAX_MINUTES * 60.0))
            self._left = self._duration
            self._idle = False  # show what was set
            self._shown = self.text()
            self.changed.emit()
            return
        left = min(max(self.remaining() + minutes * 60.0, 0.0), MAX_MINUTES * 60.0)
        if self.running:
            self._left, self._started_at = left, self._clock()
        else:
            self._left = left
        if self._done and left > 0:
            self._done = False
            self._started_at = self._clock()
            self._ticker.start()
        self._shown = self.text()
        self.changed.emit()
        if left <= 0:
            self.poll()

    def poll(self) -> None:
        """Look at the clock: signal a new visible second, and the end once."""
        if self._done:
            self.changed.emit()  # keeps the end signal blinking
            return
        if self.remaining() <= 0 and (self.running or not self._idle):
            self._left, self._started_at = 0.0, None
            self._done = True
            self._shown = self.text()
            self.changed.emit()
            self.finished.emit()
            self._ticker.start()  # keep ticking so the view can blink
            return
        shown = self.text()
        if shown != self._shown:
            self._shown = shown
            self.changed.emit()

    def blink_on(self) -> bool:
        """During the end signal: which half of the blink we are in (twice a second)."""
        return int(self._clock() * 2) % 2 == 0


TIMER_NAME = "patroon-table-timer"


def timer_for(document: QObject, minutes: float = DEFAULT_MINUTES, clock: Callable[[], float] | None = None) -> TableTimer:
    """The table timer of ``document``, made on first use.

    The timer lives with the document rather than with a presenter window: a
    facilitator who steps back into the editor while the tables talk finds it
    still running when presenting again, and the editor can show it too.
    ``minutes`` and ``clock`` only apply when the timer is made.
    """
    timer = document.findChild(TableTimer, TIMER_NAME)
    if timer is None:
        timer = TableTimer(minutes, clock=clock, parent=document)
        timer.setObjectName(TIMER_NAME)
    return timer
