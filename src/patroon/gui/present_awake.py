"""Keep the screen awake while presenting.

A table conversation lasts 25 minutes with nobody touching the laptop: long
enough for the screen saver or power saving to blank the projector, timer and
all. While the presenter is open it asks the system not to: on Windows with
``SetThreadExecutionState``, on macOS with ``caffeinate``, elsewhere through the
desktop's ``org.freedesktop.ScreenSaver`` D-Bus service (GNOME, KDE, Xfce...).
Every way is best effort: where none works, presenting goes on as before.

On D-Bus the request is made over a connection of its own, and let go by
closing that connection: the service drops the requests of a client that
leaves (so nothing lingers after a crash either), and no cookie has to be
sent back as the unsigned integer PySide cannot marshal.
"""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QObject

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"

# Windows SetThreadExecutionState flags
_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001
_ES_DISPLAY_REQUIRED = 0x00000002


class KeepAwake(QObject):
    """Holds off the screen saver between :meth:`acquire` and :meth:`release`.

    ``bus_address`` is the D-Bus bus to ask (the session bus unless another
    is given, e.g. in tests). :attr:`held` says whether a request is in force
    (on D-Bus: answered by the service).
    """

    _count = 0

    def __init__(self, reason: str, parent: QObject | None = None, *, bus_address: str | None = None):
        super().__init__(parent)
        self._reason = reason
        self._address = bus_address
        self._connection_name: str | None = None
        self._cookie: int | None = None
        self._watcher = None
        self.client = ""  # our unique name on the bus while a request is made there
        self._caffeinate: subprocess.Popen | None = None
        self._windows = False
        self._wanted = False

    @property
    def held(self) -> bool:
        return self._cookie is not None or self._caffeinate is not None or self._windows

    def acquire(self) -> None:
        if self._wanted:
            return
        self._wanted = True
        try:
            if sys.platform == "win32":
                self._acquire_windows()
            elif sys.platform == "darwin":
                self._caffeinate = subprocess.Popen(
                    ["caffeinate", "-d", "-w", str(os.getpid())],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            else:
                self._acquire_dbus()
        except (OSError, AttributeError, ImportError):  # no such service here: present anyway
            pass

    def release(self) -> None:
        if not self._wanted:
            return
        self._wanted = False
        if self._windows:
            import ctypes

            ctypes.windll.kernel32.SetThreadExecutionState(_ES_CONTINUOUS)  # type: ignore[attr-defined]
            self._windows = False
        if self._caffeinate is not None:
            self._caffeinate.terminate()
            self._caffeinate = None
        if self._connection_name is not None:
            from PySide6.QtDBus import QDBusConnection

            QDBusConnection.disconnectFromBus(self._connection_name)
            self._connection_name = None
            self._cookie = None
            if self._watcher is not None:
                self._watcher.deleteLater()
                self._watcher = None

    # Windows -----------------------------------------------------------------

    def _acquire_windows(self) -> None:
        import ctypes

        flags = _ES_CONTINUOUS | _ES_DISPLAY_REQUIRED | _ES_SYSTEM_REQUIRED
        self._windows = bool(ctypes.windll.kernel32.SetThreadExecutionState(flags))  # type: ignore[attr-defined]

    # D-Bus (freedesktop) ---------------------------------------------------------

    def _acquire_dbus(self) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

        KeepAwake._count += 1
        name = f"patroon-keep-awake-{os.getpid()}-{KeepAwake._count}"
        if self._address is not None:
            bus = QDBusConnection.connectToBus(self._address, name)
        else:
            bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        self._connection_name = name
        if not bus.isConnected():
            return
        self.client = bus.baseService()
        message = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "Inhibit")
        message.setArguments(["Patroon", self._reason])
        # Asynchronous: a slow or missing service never holds up the presenter.
        self._watcher = QDBusPendingCallWatcher(bus.asyncCall(message), self)
        self._watcher.finished.connect(self._inhibited)

    def _inhibited(self, watcher) -> None:
        if watcher is not self._watcher:  # answer to a request already let go
            return
        reply = watcher.reply()
        arguments = reply.arguments()
        if reply.type() == reply.MessageType.ReplyMessage and arguments:
            self._cookie = int(arguments[0])
