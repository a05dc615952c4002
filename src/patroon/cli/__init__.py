"""The ``patroon`` command: open the editor, or validate, create, export and present patterns.

``patroon [FILE]`` opens the editor; the subcommands need no display except
``present``. Exit status: 0 ok, 1 bad input, 2 usage.

This module reads the command line (the parser, the language of its
messages) and hands over to one module per command: :mod:`.validate`,
:mod:`.new`, :mod:`.export`; the editor and ``present`` are
:func:`patroon.gui.app.run_gui`. A command prints and returns the exit
status; what it does with patterns lives in the layers below.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from contextlib import contextmanager
from typing import Iterator, Sequence

from patroon import __version__
from patroon.i18n import LANGUAGES, language, pick, set_language
from patroon.limits import MAX_STEPS, MIN_STEPS

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

COMMANDS = ("validate", "new", "export", "present")
SHEETS = ("diagram", "table", "worksheet")
FORMATS = ("pdf", "svg", "png", "json", "pptx", "graphml")
PAPERS = ("A3", "A4", "slide")
ORIENTATIONS = ("landscape", "portrait")


# argparse writes its own words (usage, the help option, its error messages) through the
# gettext function it keeps as ``argparse._``; these are the Dutch ones, used unless English
# is asked for.
_ARGPARSE_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "optie %(option)s is niet eenduidig: %(matches)s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
}


def _argparse_text(message: str) -> str:
    return message if language() == "en" else _ARGPARSE_DUTCH.get(message, message)


@contextmanager
def _argparse_speaking() -> Iterator[None]:
    """argparse's own words in the language in force, while our parsers are built and used."""
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit 2 with one plain line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def _whole(low: int, high: int):
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise argparse.ArgumentTypeError(pick(
                f"‘{value}’: kies een geheel getal van {low} tot en met {high}",
                f"‘{value}’: choose a whole number from {low} to {high}",
            ))
        return number

    return parse


def _paper(value: str) -> str:
    """An argparse type: a paper's name in any case, spelt as :data:`PAPERS` spells it."""
    return next((name for name in PAPERS if name.lower() == value.lower()), value)


_step_count = _whole(MIN_STEPS, MAX_STEPS)
_png_width = _whole(16, 16000)  # 16000 px is a poster at 300 dpi; more would take gigabytes


def build_parser() -> argparse.ArgumentParser:
    """The parser for the subcommands (``patroon validate|new|export|present ...``)."""
    parser = _Parser(
        prog="patroon",
        description=pick(
            "Teken, presenteer en print belemmerende patronen. Zonder opdracht opent de editor.",
            "Draw, present and print obstructing patterns. Without a command the editor opens.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"patroon {__version__}",
                        help=pick("toon het versienummer en stop", "show the version number and exit"))
    parser.add_argument("--lang", choices=LANGUAGES, help=pick("taal van de meldingen", "language of messages"))
    parser.add_argument("--debug", action="store_true", help=pick(
        "toon de details van een interne fout", "show the details of an internal error"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("validate", help=pick("controleer patroonbestanden", "check pattern files"))
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=pick(
        "een of meer patroonbestanden (.yaml)", "one or more pattern files (.yaml)"))

    p = sub.add_parser("new", help=pick("maak een nieuw patroonbestand", "make a new pattern file"))
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help=pick(
        "het nieuwe patroonbestand (.yaml)", "the new pattern file (.yaml)"))
    p.add_argument("--from-text", type=Path, metavar="LIST.txt", help=pick(
        "een tekstbestand met één stap per regel", "a text file with one step per line"))
    p.add_argument("--title", help=pick("de titel van het patroon", "the pattern's title"))
    p.add_argument("--steps", type=_step_count, default=4, help=pick(
        "aantal lege stappen (zonder --from-text)", "number of blank steps (without --from-text)"))
    p.add_argument("--force", action="store_true", help=pick("overschrijf een bestaand bestand", "overwrite an existing file"))

    p = sub.add_parser("export", help=pick("exporteer naar PDF, SVG, PNG, JSON, PowerPoint of GraphML",
                                           "export to PDF, SVG, PNG, JSON, PowerPoint or GraphML"))
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=pick(
        "een of meer patroonbestanden; meer dan één naar één PDF geeft een tafelset, naar één .pptx één presentatie",
        "one or more pattern files; several into one PDF make a table set, into one .pptx one deck"))
    p.add_argument("-o", "--output", required=True, metavar="OUT", help=pick(
        "uitvoerbestand, of een map (eindigend op /) voor één bestand per patroon",
        "output file, or a folder (ending in /) for one file per pattern"))
    p.add_argument("--format", choices=FORMATS, help=pick("standaard: volgens de extensie van OUT", "default: from OUT's extension"))
    p.add_argument("--sheet", choices=SHEETS, default="diagram", help=pick(
        "diagram (standaard): het patroon; table: tafelblad met de vragen; worksheet: leeg werkblad",
        "diagram (default): the pattern; table: table sheet with the questions; worksheet: blank worksheet"))
    p.add_argument("--paper", choices=PAPERS, type=_paper, default=None, help=pick(
        "papierformaat; standaard A4 voor een diagram, A3 voor een tafelblad of werkblad; slide: een dia van 16:9",
        "paper size; default A4 for a diagram, A3 for a table sheet or worksheet; slide: a 16:9 slide"))
    p.add_argument("--orientation", choices=ORIENTATIONS, default=None, help=pick(
        "liggend (landscape, standaard) of staand (portrait)", "landscape (default) or portrait"))
    p.add_argument("--width", type=_png_width, default=None, metavar="PX", help=pick("breedte van een PNG in pixels", "width of a PNG in pixels"))
    p.add_argument("--steps", type=_step_count, default=6, metavar="N", help=pick(
        "aantal vakken op een werkblad", "number of boxes on a worksheet"))
    p.add_argument("--reveal", action="store_true", help=pick(
        "PowerPoint: het patroon stap voor stap, zoals de presentatiemodus", "PowerPoint: the pattern step by step, as the presenter reveals it"))
    p.add_argument("--numbers", action=argparse.BooleanOptionalAction, default=None, help=pick(
        "nummers bij de stappen (standaard aan op een tafelblad en werkblad, uit op een diagram)",
        "numbers at the steps (default on for a table sheet and worksheet, off for a diagram)"))
    p.add_argument("--breakthroughs", action=argparse.BooleanOptionalAction, default=None, help=pick(
        "de voorbereide doorbraken tonen (standaard alleen op een diagram: op een tafelblad verklappen ze vraag 3)",
        "show the prepared breakthroughs (default on a diagram only: on a table sheet they give away question 3)"))

    p = sub.add_parser("present", help=pick("presenteer een patroon op volledig scherm", "present a pattern full screen"))
    p.add_argument("file", type=Path, metavar="FILE", help=pick("het patroonbestand", "the pattern file"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (``patroon validate ... | head``): not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # The language first: the help and the usage errors are written in it.
    set_language(_asked_language(args_list))
    if not any(a in COMMANDS for a in args_list if not a.startswith("-")) and not _asks_help(args_list):
        return _open_editor(args_list)
    with _argparse_speaking():
        args = build_parser().parse_args(args_list)
    set_language(args.lang)
    _log_details(args.debug)
    if args.command == "validate":
        from patroon.cli.validate import validate_files

        return validate_files(args.files)
    if args.command == "new":
        from patroon.cli.new import new_file

        return new_file(args)
    if args.command == "export":
        import gc

        # An export is a short run that keeps what it imports (pydantic, the model, the
        # renderer) until it exits: no collections while importing, and those objects set
        # aside afterwards so the collector does not scan them again, nor at exit. What the
        # export makes is mostly freed by reference counting: the collector looks only every
        # 50,000 new objects (by default every 700, some fifty times for five sheets).
        gc.disable()
        from patroon.cli.export import run_export

        gc.freeze()
        gc.set_threshold(50_000, 10, 10)
        gc.enable()
        return run_export(args)
    if args.command == "present":
        return _start_gui([str(args.file)], present=True, lang=args.lang)
    with _argparse_speaking():
        build_parser().print_help()
    return EXIT_USAGE


def _log_details(debug: bool) -> None:
    """With ``--debug``, the details of an internal error go to stderr; without, nowhere."""
    if debug:
        import logging

        log = logging.getLogger("patroon")
        log.setLevel(logging.DEBUG)
        log.addHandler(logging.StreamHandler(sys.stderr))


def _asked_language(args: list[str]) -> str | None:
    """The language ``--lang`` asks for, read before the rest is parsed; ``None`` without a valid one.

    Only before the command: after it, ``--lang`` is not an option (argparse says so).
    """
    for i, arg in enumerate(args):
        if arg in COMMANDS:
            break
        if arg.startswith("--lang="):
            value = arg[len("--lang="):]
        elif arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        else:
            continue
        if value in LANGUAGES:
            return value
    return None


def _asks_help(args: list[str]) -> bool:
    return any(a in ("-h", "--help", "--version") for a in args)


def _open_editor(args: list[str]) -> int:
    with _argparse_speaking():
        parser = _Parser(prog="patroon", description=pick("Open de editor.", "Open the editor."))
        parser.add_argument("files", nargs="*", type=Path, metavar="FILE")
        parser.add_argument("--lang", choices=LANGUAGES)
        parser.add_argument("--debug", action="store_true")
        opts = parser.parse_args(args)
    set_language(opts.lang)
    _log_details(opts.debug)
    return _start_gui([str(f) for f in opts.files], present=False, lang=opts.lang)


def _start_gui(files: list[str], present: bool, lang: str | None) -> int:
    """Hand over to the editor or the presenter (:func:`patroon.gui.app.run_gui`)."""
    import gc

    # No collections while the start imports and builds what stays for the whole run (the
    # first paint collects once and enables them again: patroon.gui.app.after_first_paint).
    gc.disable()
    if files:
        # With a file to show, the model and the file format are read before Qt: PySide6 reads
        # the source of every module imported after it (to find its __feature__ users) and
        # keeps those lines, some 6 MB for pydantic alone.
        import patroon.fileformat  # noqa: F401
    from patroon.gui.app import run_gui

    return run_gui(files, present=present, lang=lang)
