"""``patroon export FILE... -o OUT``: the export command, over :mod:`patroon.render.export`.

It reads what argparse found, exports every file it can, and says per file
what was written or what was wrong, in the user's language: a batch never
stops at the first bad file.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from patroon.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE
from patroon.errors import PatternError, failed, file_problem, internal_error
from patroon.fileformat import write_atomically
from patroon.i18n import pick
from patroon.render.export import (
    Page,
    UsageError,
    ensure_app,
    ensure_fonts_loaded,
    format_of,
    page_for,
    page_words,
    pages_of,
    paper_words,
    plan_outputs,
    render,
    sheet_name,
    sheet_problem,
)
from patroon.render.sheets import points_to_px

if TYPE_CHECKING:
    from patroon.model import Pattern


def run_export(args: argparse.Namespace) -> int:
    """``patroon export FILE... -o OUT``: 0 when every file was exported, 1 bad input, 2 usage."""
    out_text = str(args.output)
    out = Path(out_text)
    to_folder = out_text.endswith(("/", os.sep)) or out.is_dir()
    try:
        fmt = format_of(out, args.format) if not to_folder else (args.format or "pdf")
        page = page_for(args.sheet, fmt, args.paper, args.orientation, args.width, args.steps,
                        getattr(args, "reveal", False), numbers=getattr(args, "numbers", None),
                        breakthroughs=getattr(args, "breakthroughs", None))
        plan = plan_outputs(list(args.files), out, fmt, to_folder)
    except UsageError as exc:
        print(f"patroon export: {exc}", file=sys.stderr)
        return EXIT_USAGE

    from patroon.fileformat import load_pattern

    status = EXIT_OK
    loaded: dict[int, Pattern] = {}
    for index, source in enumerate(args.files):
        try:
            loaded[index] = load_pattern(source)
        except PatternError as exc:
            print(failed(exc), file=sys.stderr)
            status = EXIT_BAD_INPUT
        except Exception as exc:  # noqa: BLE001 - a fault of ours must not stop the other files
            print(failed(internal_error(exc, source)), file=sys.stderr)
            status = EXIT_BAD_INPUT

    if to_folder:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(_cannot_write(out, exc), file=sys.stderr)
            return EXIT_BAD_INPUT

    ensure_app()
    ensure_fonts_loaded()
    for index in sorted(loaded):
        try:
            problem = sheet_problem(loaded[index], page)
        except Exception as exc:  # noqa: BLE001 - a fault of ours must not stop the other files
            problem = internal_error(exc, args.files[index]).message
        if problem:
            print(failed(PatternError(problem, path=args.files[index])), file=sys.stderr)
            del loaded[index]
            status = EXIT_BAD_INPUT
    for target, indexes in plan:
        if any(i not in loaded for i in indexes):
            continue  # a file with a bad input is not written (a table set with a page missing would mislead)
        try:
            write_atomically(target, render([loaded[i] for i in indexes], fmt, page))
        except OSError as exc:
            print(_cannot_write(target, exc), file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        except Exception as exc:  # noqa: BLE001 - a fault of ours must not stop the other outputs
            print(failed(internal_error(exc, target)), file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        pages = pages_of([loaded[i] for i in indexes], page)
        print(_done(target, pages, fmt, page))
        if pages > len(indexes) and fmt in ("svg", "png"):
            print(pick(
                f"{target}: de vragen passen niet naast dit volle patroon; in een PDF staan ze op een tweede pagina",
                f"{target}: the questions do not fit beside this full pattern; a PDF puts them on a second page",
            ), file=sys.stderr)
    return status


def _cannot_write(path: Path, exc: OSError) -> str:
    reason = file_problem(exc, writing=True)
    return failed(PatternError(reason, path=path))


def _done(target: Path, pages: int, fmt: str, page: Page) -> str:
    """The line that says what was written to ``target``."""
    if fmt == "pptx":
        slides = pick("dia" if pages == 1 else "dia's", "slide" if pages == 1 else "slides")
        return f"{target}: {pages} {slides} (PowerPoint, 16:9)"
    if fmt == "graphml":
        return pick(f"{target}: GraphML (stappen op hun plaats op {paper_words(page)})",
                    f"{target}: GraphML (steps where they are on {paper_words(page)})")
    if fmt == "png":
        width, height, _ = points_to_px(page.width, page.height, page.width_px)
        return f"{target}: {sheet_name(page.sheet)}, {width} × {height} px"
    what = page_words(page)
    if fmt == "pdf" and pages > 1:
        return pick(f"{target}: {pages} pagina's ({what})", f"{target}: {pages} pages ({what})")
    return f"{target}: {what}"
