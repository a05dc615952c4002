"""The one error a user meets when a file is not a valid pattern."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from patroon.i18n import pick


class PatternError(ValueError):
    """A file (or text) that is not a valid pattern.

    Carries what a person needs to fix it: the file's name, a plain-language
    message and, where YAML knows it, the line and column (1-based).
    ``str(error)`` gives the whole message, e.g.
    ``wereldvrede.yaml, regel 4, kolom 3: ...``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        part: tuple[str | int, ...] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column
        #: Where in the pattern's data the problem is (``("steps", 2, "id")``), when known:
        #: the file format turns it into a line.
        self.part = part

    def with_path(self, path: str | Path) -> "PatternError":
        """The same error, now naming ``path``."""
        return PatternError(self.message, path=path, line=self.line, column=self.column, part=self.part)

    def at(self, line: int, column: int | None = None) -> "PatternError":
        """The same error, now naming the line (and column) it is on."""
        return PatternError(self.message, path=self.path, line=line, column=column, part=self.part)

    @property
    def where(self) -> str:
        """The file name with line and column, as far as they are known."""
        parts = []
        if self.path:
            parts.append(self.path)
        if self.line is not None:
            parts.append(pick(f"regel {self.line}", f"line {self.line}"))
            if self.column is not None:
                parts.append(pick(f"kolom {self.column}", f"column {self.column}"))
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.message}" if where else self.message


def failed(exc: PatternError) -> str:
    """The verdict line of a file that failed, as every command prints it: ``FOUT  file, regel 3: ...``."""
    return pick(f"FOUT  {exc}", f"ERROR {exc}")


def internal_error(exc: BaseException, path: str | Path | None = None) -> PatternError:
    """What is said of a file when handling it failed in a way Patroon did not foresee: a bug of ours.

    One plain line for the user, so a batch goes on with the next file; the
    details go to the ``patroon`` log, which ``--debug`` shows.
    """
    logging.getLogger("patroon").debug("unexpected error with %s", path or "a pattern", exc_info=exc)
    return PatternError(
        pick(
            "interne fout: Patroon kon dit bestand niet verwerken (een fout in Patroon;"
            " ‘patroon --debug’ toont de details)",
            "internal error: Patroon could not handle this file (a fault in Patroon;"
            " ‘patroon --debug’ shows the details)",
        ),
        path=path,
    )


def file_problem(exc: OSError, *, writing: bool = False) -> str:
    """What went wrong with a file, in plain words, for every command that reads or writes one.

    The common cases (missing, no permission, a folder, a full or read-only
    disk) get their own wording in the user's language; any other keeps the
    system's text.

    >>> from patroon.i18n import set_language
    >>> set_language("nl")
    >>> file_problem(FileNotFoundError(2, "No such file or directory"))
    'dit bestand bestaat niet'
    >>> file_problem(PermissionError(13, "Permission denied"), writing=True)
    'kan niet schrijven: geen toestemming om hier te schrijven'
    >>> set_language(None)
    """
    code = exc.errno
    if code is None:  # raised by hand, e.g. IsADirectoryError(path): the class says which
        for kind, number in ((FileNotFoundError, errno.ENOENT), (PermissionError, errno.EACCES),
                             (IsADirectoryError, errno.EISDIR), (NotADirectoryError, errno.ENOTDIR)):
            if isinstance(exc, kind):
                code = number
    if writing:
        reason = _WRITE_WORDS.get(code) or _PATH_WORDS.get(code)
        words = pick(*reason) if reason else _system_words(exc)
        return pick(f"kan niet schrijven: {words}", f"cannot write: {words}")
    reason = _READ_WORDS.get(code) or _PATH_WORDS.get(code)
    if reason:
        return pick(*reason)
    words = _system_words(exc)
    return pick(f"kan het bestand niet lezen ({words})", f"cannot read the file ({words})")


_PATH_WORDS = {
    errno.EISDIR: ("dit is een map, geen bestand", "this is a folder, not a file"),
    errno.ENOTDIR: ("een deel van het pad is geen map", "part of the path is not a folder"),
    errno.ENAMETOOLONG: ("de naam is te lang", "the name is too long"),
}
_READ_WORDS = {
    errno.ENOENT: ("dit bestand bestaat niet", "this file does not exist"),
    errno.EACCES: ("geen toestemming om dit bestand te lezen", "no permission to read this file"),
    errno.EPERM: ("geen toestemming om dit bestand te lezen", "no permission to read this file"),
}
_WRITE_WORDS = {
    errno.ENOENT: ("de map bestaat niet", "the folder does not exist"),
    errno.EACCES: ("geen toestemming om hier te schrijven", "no permission to write here"),
    errno.EPERM: ("geen toestemming om hier te schrijven", "no permission to write here"),
    errno.ENOSPC: ("de schijf is vol", "the disk is full"),
    errno.EDQUOT: ("de schijf is vol (quotum bereikt)", "the disk is full (quota reached)"),
    errno.EROFS: ("deze schijf is alleen-lezen", "this disk is read-only"),
}


def _system_words(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
