"""Keeping work safe on disk: atomic saves and recovery copies.

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

import os
import time
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QSaveFile, QStandardPaths

from patroon.errors import PatternError
from patroon.gui.lazy import fileformat

if TYPE_CHECKING:
    from patroon.model import Pattern

RECOVERY_MARK = "# patroon-recovery: "


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
    payload = fileformat.dumps(pattern).encode("utf-8")
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

    header = {"path": str(source) if source else None, "time": time.time(), "pid": os.getpid()}
    text = RECOVERY_MARK + json.dumps(header, ensure_ascii=False) + "\n" + fileformat.dumps(pattern)
    file.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(file, text.encode("utf-8"))


def read_recovery(file: Path) -> Recovery | None:
    """The recovery copy in ``file``, or None when it is unreadable (then it is of no use)."""
    import json

    try:
        data = file.read_bytes()
        first, _, _rest = data.decode("utf-8").partition("\n")
        header = json.loads(first[len(RECOVERY_MARK):]) if first.startswith(RECOVERY_MARK) else {}
        pattern = fileformat.loads(data, file)
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


def orphaned_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Recovery copies left by a Patroon that is no longer running (newest first).

    Copies that cannot be read are removed: nothing could restore them.
    """
    folder = folder or recovery_dir()
    found = []
    for file in sorted(folder.glob("*.yaml")):
        recovery = read_recovery(file)
        if recovery is None:
            file.unlink(missing_ok=True)
            continue
        if not _alive(recovery.pid):
            found.append(recovery)
    return sorted(found, key=lambda r: r.written, reverse=True)


_counter = 0


def new_recovery_file() -> Path:
    """A fresh name for one window's recovery copy."""
    global _counter
    _counter += 1
    return recovery_dir() / f"recovery-{os.getpid()}-{_counter}-{int(time.time())}.yaml"
