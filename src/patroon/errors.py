"""The one error a user meets when a file is not a valid pattern."""

from __future__ import annotations

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
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column

    def with_path(self, path: str | Path) -> "PatternError":
        """The same error, now naming ``path``."""
        return PatternError(self.message, path=path, line=self.line, column=self.column)

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
