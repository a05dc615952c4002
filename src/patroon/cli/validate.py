"""``patroon validate FILE...``: one line per file, ok or what is wrong with it."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from patroon.cli import EXIT_BAD_INPUT, EXIT_OK
from patroon.errors import PatternError, failed, internal_error
from patroon.i18n import pick
from patroon.limits import MAX_PRINTED_STEPS


def validate_files(files: Sequence[Path]) -> int:
    """Print one line per file (ok, or its problem); 1 if any file is not a valid pattern."""
    from patroon.fileformat import load_pattern

    status = EXIT_OK
    for path in files:
        try:
            pattern = load_pattern(path)
        except PatternError as exc:
            print(failed(exc))
            status = EXIT_BAD_INPUT
        except Exception as exc:  # noqa: BLE001 - a fault of ours must not stop the other files
            print(failed(internal_error(exc, path)))
            status = EXIT_BAD_INPUT
        else:
            n = len(pattern.steps)
            title = pattern.title.replace("\n", " ")  # one verdict line per file, whatever the title
            line = pick(f"ok    {path}: ‘{title}’, {n} stappen", f"ok    {path}: ‘{title}’, {n} steps")
            if pattern.breakthroughs:
                from patroon.layout.sheet import notes_outgrow_paper, notes_problem

                if notes_outgrow_paper(pattern):
                    # Valid, but no sheet can hold the notes: say so in the words the export would use.
                    line += pick("; let op: ", "; note: ") + notes_problem("A3 " + pick("liggend", "landscape"))
            if n > MAX_PRINTED_STEPS:
                # Valid, but the sheets would refuse it: say so before the export does.
                line += pick(
                    f"; let op: meer dan {MAX_PRINTED_STEPS} stappen passen zelden op papier (patroon export weigert het dan)",
                    f"; note: more than {MAX_PRINTED_STEPS} steps rarely fit on paper (patroon export then refuses it)",
                )
            print(line)
    return status
