"""A document's life on disk: opening, atomic saves, watching, recovery copies, recent files.

:class:`DocumentFiles` does all of it for one editor window; the functions
below it are the parts that need no window.

A save goes through :class:`QSaveFile`: the new text is written next to the
file and renamed over it only when all of it is on disk, so a failed save
(read-only folder, full disk) leaves the old file as it was. Saving through
a symbolic link writes the file the link points to, so the link stays.

While a pattern has unsaved changes the window writes a *recovery copy* to
the application data folder every minute. A recovery copy is a normal
pattern file whose first line is a comment saying where the pattern came
from, which process wrote it and when; the next start after a crash finds
copies whose process is gone and offers to restore them.
"""

from __future__ import annotations

import errno
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QFileSystemWatcher,
    QLocale,
    QLockFile,
    QObject,
    QSaveFile,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from patroon.errors import PatternError, file_problem, internal_error

if TYPE_CHECKING:
    from patroon.gui.mainwindow import MainWindow
    from patroon.model import Pattern

RECOVERY_MARK = "# patroon-recovery: "
MAX_RECENT = 10
AUTOSAVE_MS = 60_000

Button = QMessageBox.StandardButton


class SaveError(OSError):
    """A save that did not happen; the message says why in the words Qt gives.

    ``errno`` is the system's error number where it could be found out
    (QSaveFile itself only gives a text).
    """

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(code, message) if code is not None else super().__init__(message)


def _error_number(target: Path, payload: bytes) -> int | None:
    """Why writing next to ``target`` fails, as an errno: the same write done by hand, then undone."""
    probe = target.with_name(f".{target.name}.patroon-probe-{os.getpid()}")
    fd = None
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, payload)
        os.fsync(fd)
    except OSError as exc:
        return exc.errno
    finally:
        if fd is not None:
            os.close(fd)
            try:
                probe.unlink()
            except OSError:
                pass
    return None


def save_target(path: Path) -> Path:
    """The file a save to ``path`` really writes: a symbolic link's target, so the link stays."""
    return Path(os.path.realpath(path))


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` whole or not at all (QSaveFile); SaveError on failure."""
    target = save_target(path)
    existing_mode = target.stat().st_mode & 0o7777 if target.exists() else None
    saver = QSaveFile(str(target))
    if not saver.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise SaveError(saver.errorString(), _error_number(target, payload))
    if saver.write(payload) != len(payload):
        message = saver.errorString()
        saver.cancelWriting()
        raise SaveError(message, _error_number(target, payload))
    if not saver.commit():
        raise SaveError(saver.errorString(), _error_number(target, payload))
    if existing_mode is not None:
        try:  # QSaveFile keeps permissions on most systems; make sure of it
            os.chmod(target, existing_mode)
        except OSError:
            pass


def save_pattern_atomic(pattern: Pattern, path: Path) -> bytes:
    """Save ``pattern`` to ``path`` atomically; return the bytes written (SaveError on failure)."""
    from patroon.fileformat import dumps

    payload = dumps(pattern).encode("utf-8")
    write_atomic(path, payload)
    return payload


def file_name_for(title: str) -> str:
    """A file name (without extension) made from a pattern's title: ``Van loket naar loket`` ->
    ``van-loket-naar-loket``."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", plain)
    return "-".join(words)[:60].strip("-") or "patroon"


def examples_folder() -> Path | None:
    """The folder of the shipped example patterns (in the installed program, or a source checkout's
    ``patterns/``), or None."""
    from importlib.resources import files

    try:
        return Path(str(files("patroon.examples")))
    except (ModuleNotFoundError, TypeError):
        folder = Path(__file__).resolve().parents[3] / "patterns"
        return folder if folder.is_dir() else None


def writing_folder(path: Path | None) -> Path:
    """Where a save or an export of the pattern at ``path`` goes first: its own folder, except for a
    pattern without a file or one of the program's examples: then the last folder saved to, or
    the user's documents folder."""
    examples = examples_folder()
    if path is not None and not (examples is not None and Path(path).absolute().parent == examples.absolute()):
        return Path(path).absolute().parent
    last = QSettings().value("saveDir", "")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


# Recovery copies -------------------------------------------------------------


def recovery_dir() -> Path:
    """The folder recovery copies live in (created on demand)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base or Path.home() / ".patroon") / "recovery"
    return folder


@dataclass(frozen=True)
class Recovery:
    """A recovery copy on disk: which file it belongs to, when it was written, the pattern."""

    file: Path
    source: Path | None
    written: float
    pid: int
    pattern: Pattern


def write_recovery(file: Path, pattern: Pattern, source: Path | None) -> None:
    """Write a recovery copy of ``pattern`` (opened from ``source``) to ``file``."""
    import json

    from patroon.fileformat import dumps

    header = {"path": str(source) if source else None, "time": time.time(), "pid": os.getpid()}
    # ASCII (\u escapes): a path holding U+2028 or NEL must not break the comment line in two.
    text = RECOVERY_MARK + json.dumps(header) + "\n" + dumps(pattern)
    file.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(file, text.encode("utf-8"))


def read_recovery(file: Path) -> Recovery | None:
    """The recovery copy in ``file``, or None when it is unreadable (then it is of no use)."""
    import json

    from patroon.fileformat import loads

    try:
        data = file.read_bytes()
        first, _, _rest = data.decode("utf-8").partition("\n")
        header = json.loads(first[len(RECOVERY_MARK):]) if first.startswith(RECOVERY_MARK) else {}
        pattern = loads(data, file)
    except (OSError, UnicodeDecodeError, ValueError, PatternError):
        return None
    source = header.get("path")
    return Recovery(
        file=file,
        source=Path(source) if source else None,
        written=float(header.get("time") or file.stat().st_mtime),
        pid=int(header.get("pid") or 0),
        pattern=pattern,
    )


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recovery_lock(file: Path) -> QLockFile:
    """The lock that says a running window owns the recovery copy ``file``.

    Qt's lock file names the process holding it and counts as stale once that
    process is gone, however it ended; age alone never makes it stale.
    """
    lock = QLockFile(str(file) + ".lock")
    lock.setStaleLockTime(0)
    return lock


def _owned(file: Path, pid: int) -> bool:
    """True while a running window owns the copy ``file``: its lock is held (or, for a copy
    written without a lock, its process still runs)."""
    if not Path(str(file) + ".lock").exists():
        return _alive(pid)
    lock = recovery_lock(file)
    if lock.tryLock(0):
        lock.unlock()  # its owner is gone: the copy is free to offer (and the lock file goes)
        return False
    return True


def orphaned_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Recovery copies whose window is gone (newest first), while other windows still run.

    Copies that cannot be read are removed: nothing could restore them.
    """
    folder = folder or recovery_dir()
    found = []
    for file in sorted(folder.glob("*.yaml")):
        recovery = read_recovery(file)
        if recovery is None:
            file.unlink(missing_ok=True)
            continue
        if not _owned(file, recovery.pid):
            found.append(recovery)
    return sorted(found, key=lambda r: r.written, reverse=True)


_counter = 0


def new_recovery_file() -> Path:
    """A fresh name for one window's recovery copy."""
    global _counter
    _counter += 1
    return recovery_dir() / f"recovery-{os.getpid()}-{_counter}-{int(time.time())}.yaml"


# Why a save failed, in the user's language rather than the system's English (errno -> text).
FAILURE_REASONS = {
    errno.EACCES: QT_TRANSLATE_NOOP("DocumentFiles", "you are not allowed to write in this folder"),
    errno.EPERM: QT_TRANSLATE_NOOP("DocumentFiles", "the system does not allow writing this file"),
    errno.EROFS: QT_TRANSLATE_NOOP("DocumentFiles", "the disk or folder is read-only"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("DocumentFiles", "the disk is full"),
    errno.ENOENT: QT_TRANSLATE_NOOP("DocumentFiles", "the folder does not exist (any more)"),
}

_SYSTEM_WORDS = {  # the C library's English texts, whatever the locale
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on device",
    errno.ENOENT: "no such file or directory",
}


def failure_reason(exc: OSError) -> str:
    """The reason an OSError gives, translated for the common cases.

    QSaveFile reports only the system's text (``Read-only file system``), so
    that text is matched too when the error carries no number.
    """
    code = exc.errno
    if code not in FAILURE_REASONS:
        text = str(exc).lower()
        code = next((c for c in FAILURE_REASONS
                     if os.strerror(c).lower() in text or _SYSTEM_WORDS[c] in text), None)
    if code in FAILURE_REASONS:
        return QCoreApplication.translate("DocumentFiles", FAILURE_REASONS[code])
    return exc.strerror or str(exc) or QCoreApplication.translate("DocumentFiles", "unknown error")


def presenting() -> bool:
    """True while any editor window's pattern is on a presentation screen.

    While the room is looking, nothing of the editor may come to the front:
    questions the editor has for the user wait until the presentation ends.
    """
    return any(getattr(w, "presenter", None) is not None for w in QApplication.topLevelWidgets())


# A folder shown on one line of a message stays narrower than this (in average characters).
FOLDER_LINE_CHARS = 60


def folder_line(folder: Path) -> str:
    """``folder`` for one line of a message: shortened in the middle when long, so it never wraps
    and the end, which tells folders apart, stays."""
    metrics = QFontMetrics(QApplication.font("QMessageBox"))
    return metrics.elidedText(str(folder), Qt.TextElideMode.ElideMiddle,
                              metrics.averageCharWidth() * FOLDER_LINE_CHARS)


# The document's life on disk ------------------------------------------------------------------


class DocumentFiles(QObject):
    """One editor window's document on disk: open, save, watch, recovery copies and recent files.

    It keeps what the file held when it was last read or written, so a change
    by another program is noticed (and our own save is not); while there are
    unsaved changes it writes a recovery copy every minute. Questions go
    through the window's :meth:`~patroon.gui.mainwindow.MainWindow.ask`, and
    while a pattern is presented they wait (:meth:`MainWindow.hold`).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self._disk_bytes: bytes | None = None  # what the file held when we last read or wrote it
        self._checking_disk = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self.recovery_file = new_recovery_file()
        self._recovery_lock = recovery_lock(self.recovery_file)  # held while this window has a copy
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.document.modifiedChanged.connect(self._on_modified_changed)

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:  # saved, or undone back to the saved state: nothing left to recover
            self.remove_recovery()

    def close(self) -> None:
        """The window closes: stop the recovery copies and the watching."""
        self.autosave_timer.stop()
        self.remove_recovery()
        self.unwatch()

    # Open and save ------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False when the user cancels (or the save fails)."""
        self.window.commit_editing()
        if not self.document.is_modified():
            return True
        answer = self.window.ask(
            QMessageBox.Icon.Warning,
            self.tr("Unsaved changes"),
            self.tr("‘%1’ has changes that are not saved. Save them first?").replace("%1", self.document.display_name()),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
            {Button.Save: self.tr("Save"), Button.Discard: self.tr("Don’t save"), Button.Cancel: self.tr("Cancel")},
        )
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def new_pattern(self, pattern: Pattern | None = None) -> None:
        """Start a new, unsaved pattern (blank, or a copy of ``pattern``)."""
        if not self.maybe_save():
            return
        self.window.build_workspace()
        self.unwatch()
        self._disk_bytes = None
        from patroon.model import blank_pattern

        self.document.reset(pattern or blank_pattern(), None)
        self.window.select_step(self.document.pattern.steps[0].id)
        self.window.view.fit()
        self.window.focus_canvas()

    def open_file(self) -> None:
        if not self.maybe_save():
            return
        path = self.window.ask_open_path()
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open the pattern file at ``path``; on a problem show it and keep the current pattern."""
        from patroon.fileformat import load_pattern, loads
        from patroon.gui.drafting import is_list_file

        path = Path(path)
        if is_list_file(path):
            return self.open_list(path)
        try:
            data = save_target(path).read_bytes() if path.exists() else None
            pattern = loads(data, path) if data is not None else load_pattern(path)
        except PatternError as exc:
            self.show_load_error(path, exc)
            return False
        except OSError as exc:
            self.show_load_error(path, PatternError(file_problem(exc), path=path))
            return False
        except Exception as exc:  # noqa: BLE001 - never a traceback on stderr and nothing else
            self.show_load_error(path, internal_error(exc, path))
            return False
        self.window.build_workspace()
        self.unwatch()
        self._disk_bytes = data
        self.document.reset(pattern, path.absolute())
        self.watch()
        self.add_recent(path.absolute())
        self.window.select_step(pattern.steps[0].id)
        self.window.view.fit()
        self.window.focus_canvas()
        self.window.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(path)), 4000)
        return True

    def adopt(self, data: bytes) -> None:
        """The document's pattern was read from its file (``data``) without this window: watch the
        file from now on, and notice when another program changes it."""
        self._disk_bytes = data
        self.watch()
        if self.document.path is not None:
            self.add_recent(self.document.path)

    def open_list(self, path: Path) -> bool:
        """A new, unsaved pattern made from the lines of a ``.txt`` or ``.md`` list."""
        from patroon.gui.drafting import pattern_from_list_file

        try:
            pattern = pattern_from_list_file(path)
        except PatternError as exc:
            self.show_load_error(path, exc.with_path(path))
            return False
        except OSError as exc:
            self.show_load_error(path, PatternError(file_problem(exc), path=path))
            return False
        self.window.build_workspace()
        self.unwatch()
        self._disk_bytes = None
        self.document.reset(pattern, None, modified=True)
        self.window.select_step(pattern.steps[0].id)
        self.window.view.fit()
        self.window.focus_canvas()
        self.window.statusBar().showMessage(self.tr("%n step(s) made from the list in %1", "", len(pattern.steps))
                                            .replace("%1", path.name), 5000)
        return True

    def show_load_error(self, path: Path, exc: PatternError) -> None:
        self.window.update_title()  # the pattern still shown, not the file that failed (run_gui names it early)
        self.window.ask(QMessageBox.Icon.Critical, self.tr("Cannot open file"),
                        self.tr("‘%1’ is not a pattern Patroon can open.").replace("%1", path.name),
                        Button.Ok, details=str(exc))

    def save(self) -> bool:
        """Save to the current file (asking for a name if there is none); True on success."""
        self.window.commit_editing()
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        self.window.commit_editing()
        current = self.document.path
        name = current.name if current else f"{file_name_for(self.document.pattern.title)}.patroon.yaml"
        suggested = writing_folder(current) / name
        path = self.window.ask_save_path(suggested)
        if path is None:
            return False
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the pattern to ``path`` atomically; say plainly when it fails."""
        path = Path(path).absolute()
        self.unwatch()
        try:
            payload = save_pattern_atomic(self.document.pattern, path)
        except (SaveError, OSError) as exc:
            self.watch()
            reason = failure_reason(exc)
            self.window.ask(QMessageBox.Icon.Critical, self.tr("Not saved"),
                            self.tr("The pattern could not be saved to ‘%1’.").replace("%1", str(path)),
                            Button.Ok,
                            details=self.tr("Reason: %1\n\nThe file on disk is unchanged and your changes are still "
                                            "here. Choose another folder with “Save as…”.").replace("%1", reason))
            self.window.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", reason), 8000)
            return False
        self._disk_bytes = payload
        QSettings().setValue("saveDir", str(path.parent))
        self.document.mark_saved(path)
        self.watch()
        self.add_recent(path)
        self.window.update_title()
        self.window.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(path)), 4000)
        return True

    # Watching the file on disk -------------------------------------------------------------

    def watch(self) -> None:
        path = self.document.path
        if path is not None:
            target = str(save_target(path))
            if os.path.exists(target) and target not in self.watcher.files():
                self.watcher.addPath(target)

    def unwatch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())

    def _on_file_changed(self, _path: str) -> None:
        # Other programs replace a file in several steps: look once things settle.
        QTimer.singleShot(200, self.check_disk)

    def check_disk(self) -> None:
        """Compare the file on disk with what we last read or wrote; let the user choose if it moved on."""
        path = self.document.path
        if path is None or self._checking_disk:
            return
        if presenting():
            self.watch()
            self.window.hold(self.check_disk)  # looked at once, whatever happened to the file meanwhile
            return
        self._checking_disk = True
        try:
            self.watch()  # a replaced file drops out of the watcher: watch the new one
            try:
                data = save_target(path).read_bytes()
            except OSError:
                data = None
            if data == self._disk_bytes:
                return
            if data is None:
                self._disk_bytes = None
                self.document.mark_modified()
                self.window.ask(QMessageBox.Icon.Warning, self.tr("File removed"),
                                self.tr("‘%1’ was removed or renamed by another program. Save to keep the pattern.")
                                .replace("%1", str(path)), Button.Ok)
                return
            answer = self.window.ask(
                QMessageBox.Icon.Question,
                self.tr("File changed on disk"),
                self.tr("‘%1’ was changed by another program.").replace("%1", str(path)),
                Button.Yes | Button.No,
                Button.No if self.document.is_modified() else Button.Yes,
                {Button.Yes: self.tr("Load the version on disk"), Button.No: self.tr("Keep my version")},
                details=self.tr("Your unsaved changes would be lost if you load the version on disk.")
                if self.document.is_modified() else "",
            )
            if answer == Button.Yes:
                from patroon.fileformat import loads

                try:
                    pattern = loads(data, path)
                except PatternError as exc:
                    self.show_load_error(path, exc)
                    self._disk_bytes = data
                    self.document.mark_modified()
                    return
                self._disk_bytes = data
                self.document.reset(pattern, path)
                self.window.select_step(pattern.steps[0].id)
            else:
                self._disk_bytes = data
                self.document.mark_modified()
        finally:
            self._checking_disk = False

    # Recovery copies ------------------------------------------------------------------------------

    def autosave(self) -> None:
        """Write a recovery copy while there are unsaved changes (the timer calls this every minute)."""
        if not self.document.is_modified():
            self.remove_recovery()
            return
        try:
            self.recovery_file.parent.mkdir(parents=True, exist_ok=True)
            if not self._recovery_lock.isLocked():
                self._recovery_lock.tryLock(0)
            write_recovery(self.recovery_file, self.document.pattern, self.document.path)
        except (SaveError, OSError) as exc:
            self.window.statusBar().showMessage(self.tr("Could not write the recovery copy: %1")
                                                .replace("%1", failure_reason(exc)), 8000)

    def remove_recovery(self) -> None:
        try:
            self.recovery_file.unlink(missing_ok=True)
        except OSError:
            pass
        if self._recovery_lock.isLocked():
            self._recovery_lock.unlock()

    def offer_recovery_later(self) -> None:
        """After the window is shown, offer to restore what a crashed Patroon left behind."""
        QTimer.singleShot(0, self.offer_recovery)

    def offer_recovery(self) -> int:
        """Offer each recovery copy left by a Patroon that stopped unexpectedly; return how many were restored."""
        restored = 0
        if presenting():  # ``patroon present`` after a crash: ask once the room no longer looks
            self.window.hold(self.offer_recovery)
            return restored
        for recovery in orphaned_recoveries():
            # The file's name in the sentence, its folder on a line of its own: a path in a
            # sentence wraps anywhere; and two copies may belong to files of the same name.
            name = f"‘{recovery.source.name}’" if recovery.source else f"‘{recovery.pattern.title}’"
            when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(recovery.written)), "d MMM yyyy HH:mm")
            answer = self.window.ask(
                QMessageBox.Icon.Question,
                self.tr("Restore unsaved work"),
                self.tr("Patroon was not closed properly. There is a recovery copy of %1 from %2. "
                        "Restore it?").replace("%1", name).replace("%2", when),
                Button.Yes | Button.Discard,
                Button.Yes,
                {Button.Yes: self.tr("Restore"), Button.Discard: self.tr("Discard")},
                details=self.tr("Folder: %1").replace("%1", folder_line(recovery.source.parent))
                if recovery.source else "",
            )
            if answer == Button.Yes:
                target = self if restored == 0 and not self.document.is_modified() else type(self.window)().files
                target.window.show()
                target.restore(recovery)
                restored += 1
            recovery.file.unlink(missing_ok=True)
        return restored

    def restore(self, recovery) -> None:
        """Show a recovery copy: on top of its file (so undo goes back to the saved version) where it can."""
        from patroon.fileformat import loads

        self.window.build_workspace()
        source = recovery.source
        if source is not None and source.exists():
            try:
                data = save_target(source).read_bytes()
                on_disk = loads(data, source)
            except (OSError, PatternError):
                on_disk = None
            if on_disk is not None:
                self.unwatch()
                self._disk_bytes = data
                self.document.reset(on_disk, source)
                self.watch()
                self.document.apply(recovery.pattern, self.tr("Restore unsaved changes"))
                if not self.document.is_modified():
                    self.document.mark_modified()
                self.window.select_step(self.document.pattern.steps[0].id)
                self.window.view.fit()
                self.window.focus_canvas()
                return
        self.unwatch()
        self._disk_bytes = None
        self.document.reset(recovery.pattern, source, modified=True)
        self.window.select_step(self.document.pattern.steps[0].id)
        self.window.view.fit()
        self.window.focus_canvas()

    # Settings and recent files ------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = QSettings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: Path) -> None:
        name = str(path)
        files = [name] + [f for f in self.recent_files() if f != name]
        settings = QSettings()
        settings.setValue("recentFiles", files[:MAX_RECENT])
        settings.setValue("lastDir", str(path.parent))

    def last_dir(self) -> str:
        return str(QSettings().value("lastDir", str(Path.home())))

    def fill_recent_menu(self, menu: QMenu) -> None:
        """List the recent files that still exist in ``menu`` (numbered, for the keyboard)."""
        menu.clear()
        files = [f for f in self.recent_files() if os.path.exists(f)]
        for number, name in enumerate(files, start=1):
            act = menu.addAction(f"&{number % 10} {Path(name).name}")
            act.setStatusTip(name)
            act.triggered.connect(lambda _c=False, n=name: self._open_recent(n))
        if not files:
            act = menu.addAction(self.tr("(none)"))
            act.setEnabled(False)

    def _open_recent(self, name: str) -> None:
        if self.maybe_save():
            self.open_path(Path(name))
