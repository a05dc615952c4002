"""``patroon new -o FILE``: a blank pattern file, or one made from a list of steps."""

from __future__ import annotations

import argparse
import sys

from patroon.cli import EXIT_BAD_INPUT, EXIT_OK
from patroon.errors import PatternError, failed, file_problem
from patroon.i18n import pick


def new_file(args: argparse.Namespace) -> int:
    """``patroon new``: write a blank template, or a pattern from a list of steps."""
    from patroon.fileformat import decode, save_pattern
    from patroon.model import blank_pattern, pattern_from_text, validate

    if args.output.exists() and not args.force:
        print(pick(
            f"{args.output}: bestaat al; kies een andere naam of gebruik --force",
            f"{args.output}: already exists; choose another name or use --force",
        ), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if args.from_text is None:
            pattern = blank_pattern(args.steps, labelled=True)
            if args.title:
                pattern = validate({**pattern.model_dump(), "title": args.title})
        else:
            try:
                text = decode(args.from_text.read_bytes())
            except OSError as exc:
                raise PatternError(file_problem(exc), path=args.from_text) from None
            except PatternError as exc:
                raise exc.with_path(args.from_text) from None
            title = args.title or args.from_text.stem.replace("-", " ").replace("_", " ").capitalize()
            try:
                pattern = pattern_from_text(text, title)
            except PatternError as exc:
                raise exc.with_path(args.from_text) from None
        save_pattern(pattern, args.output)
    except PatternError as exc:
        print(failed(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(failed(PatternError(file_problem(exc, writing=True), path=args.output)), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(pick(
        f"{args.output}: nieuw patroon ‘{pattern.title}’ met {len(pattern.steps)} stappen",
        f"{args.output}: new pattern ‘{pattern.title}’ with {len(pattern.steps)} steps",
    ))
    return EXIT_OK
