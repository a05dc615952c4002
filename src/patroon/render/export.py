"""Export patterns as PDF, SVG, PNG, JSON, PowerPoint or GraphML, for ``patroon export`` and the editor's export.

Every format paints the same sheet (:mod:`patroon.render.sheets`) on a Qt
paint device whose units are points: ``QPdfWriter`` (text stays text, fonts
embedded), ``QSvgGenerator`` (texts as glyph outlines over ``<text>``, see
:mod:`patroon.render.svgfonts`), ``QImage`` (PNG). Nothing
here opens a dialog or asks a screen anything, so the command line and the
editor write the same bytes; PDFs carry no timestamps, so exporting twice
gives identical files.

A PowerPoint deck (:mod:`patroon.render.deck`) and GraphML
(:mod:`patroon.graphml`) are built from the same layout, not painted.

Every file is written to a temporary name beside its target and then renamed
over it: a reader sees the old file or the whole new one, never half.
"""

from __future__ import annotations

import os
import re
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from patroon.errors import PatternError
from patroon.fileformat import pattern_stem, write_atomically
from patroon.i18n import pick
from patroon.limits import MAX_PRINTED_STEPS, MIN_STEPS
from patroon.render.pdftext import complete_to_unicode
from patroon.layout.sheet import notes_problem
from patroon.render.subsettags import tag_subsets
from patroon.render.sheets import (
    SHEETS, SLIDE, layout_sheet, page_size, paint_sheet_layout, paper_name, points_to_px, sheet_title,
)

if TYPE_CHECKING:
    from patroon.model import Pattern

FORMATS = ("pdf", "svg", "png", "json", "pptx", "graphml")
#: The formats that hold several patterns in one file (a PDF table set, a slide deck).
MULTI_FORMATS = ("pdf", "pptx")

#: The width of a PNG when none is asked: sharp on a projector, fine in a slide deck.
DEFAULT_WIDTH_PX = 2000
#: QPdfWriter's resolution; the painter is scaled so that one unit is one point.
PDF_RESOLUTION = 1200
CREATOR = "Patroon"

# Keep the app alive for the whole process once ensure_app() made it.
_APP: Any = None


class UsageError(ValueError):
    """An export asked in a way that cannot work (a usage error, exit 2), e.g. two patterns into one SVG."""


@dataclass(frozen=True)
class Page:
    """The page a sheet is painted on: its size in points and, for PNG, in pixels."""

    sheet: str
    width: float
    height: float
    paper: str
    orientation: str
    steps: int = 6
    width_px: int = DEFAULT_WIDTH_PX
    format: str = "pdf"
    reveal: bool = False  # a deck: the presenter's reveal, one slide per step
    numbers: bool | None = None  # the steps' numbers; None: on table sheets and worksheets
    breakthroughs: bool | None = None  # prepared breakthroughs; None: on diagrams only


def page_for(sheet: str, fmt: str, paper: str | None = None, orientation: str | None = None,
             width_px: int | None = None, steps: int = 6, reveal: bool = False, *,
             numbers: bool | None = None, breakthroughs: bool | None = None) -> Page:
    """The page of an export with its defaults filled in.

    Table sheets and worksheets are A3 landscape unless asked otherwise;
    diagrams A4 landscape (a PNG diagram gets that page's aspect at the asked
    width). A PowerPoint deck is always a diagram on 16:9 slides.
    """
    if sheet not in SHEETS:
        raise UsageError(pick(f"onbekend blad ‘{sheet}’", f"unknown sheet ‘{sheet}’"))
    _check_deck_options(sheet, fmt, paper, orientation, reveal)
    paper = paper_name(paper or (SLIDE if fmt == "pptx" else "A4" if sheet == "diagram" else "A3"))
    orientation = orientation or "landscape"
    try:
        w, h = page_size(paper, orientation)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return Page(sheet, w, h, paper, orientation, max(2, steps), width_px or DEFAULT_WIDTH_PX, fmt, reveal,
                numbers, breakthroughs)


def _check_deck_options(sheet: str, fmt: str, paper: str | None, orientation: str | None, reveal: bool) -> None:
    """UsageError for options a deck or a graph cannot follow."""
    if reveal and fmt != "pptx":
        raise UsageError(pick("--reveal maakt een PowerPoint-presentatie (.pptx) stap voor stap",
                              "--reveal makes a PowerPoint deck (.pptx) step by step"))
    if fmt == "pptx" and sheet != "diagram":
        raise UsageError(pick("een PowerPoint-presentatie toont het patroon en de vragen; laat --sheet weg",
                              "a PowerPoint deck shows the pattern and the questions; leave out --sheet"))
    if fmt == "pptx" and ((paper and paper_name(paper) != SLIDE) or orientation == "portrait"):
        raise UsageError(pick("een PowerPoint-presentatie heeft liggende dia's van 16:9; laat --paper en"
                              " --orientation weg",
                              "a PowerPoint deck has landscape 16:9 slides; leave out --paper and --orientation"))
    if fmt == "graphml" and sheet == "worksheet":
        raise UsageError(pick("een leeg werkblad heeft geen stappen voor een graaf; kies een patroon",
                              "a blank worksheet has no steps for a graph; choose a pattern"))


def format_of(out: str | Path, fmt: str | None) -> str:
    """The export format: ``fmt`` when given, else from OUT's extension; UsageError when neither says."""
    if fmt:
        if fmt.lower() not in FORMATS:
            raise UsageError(pick(f"onbekend formaat ‘{fmt}’", f"unknown format ‘{fmt}’"))
        return fmt.lower()
    suffix = Path(out).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise UsageError(pick(
        f"{out}: aan de extensie is het formaat niet te zien; gebruik .pdf, .svg, .png, .json, .pptx of .graphml,"
        " of --format",
        f"{out}: the extension does not tell the format; use .pdf, .svg, .png, .json, .pptx or .graphml,"
        " or --format",
    ))


# Rendering to bytes ------------------------------------------------------------


def render_pdf(patterns: Sequence[Pattern | None], page: Page) -> bytes:
    """One PDF page per pattern (``None``: a blank worksheet), as the bytes of a PDF file."""
    from PySide6.QtCore import QBuffer, QHashSeed, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The PDF engine keeps its fonts in hash tables, and Qt seeds hashes at random per
    # process: the fonts' objects would come out in a different order from run to run.
    QHashSeed.setDeterministicGlobalSeed()
    try:
        pdf = _without_dates(_write_pdf(buffer, patterns, page))
    finally:
        QHashSeed.resetRandomGlobalSeed()
    # Qt names its font subsets as whole fonts; tagged, preflight tools and merged files tell them apart.
    pdf = tag_subsets(pdf)
    # Qt maps no glyph of an emoji to its character; without this, copying or searching loses them.
    return complete_to_unicode(pdf, (text for p in patterns if p is not None for text in _texts(p.model_dump())))


def _texts(value: Any) -> Iterable[str]:
    """Every string in a pattern's data: whatever a sheet may print."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def _write_pdf(buffer, patterns: Sequence[Pattern | None], page: Page) -> bytes:
    from PySide6.QtCore import QMarginsF, QSizeF, QUuid
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(buffer)
    real = [p for p in patterns if p is not None]
    writer.setTitle(sheet_title(real, page.sheet))
    writer.setCreator(CREATOR)
    if len(real) == 1 and real[0].meta.author:
        writer.setAuthor(real[0].meta.author)
    writer.setDocumentId(QUuid(str(_document_id(patterns, page))))
    writer.setResolution(PDF_RESOLUTION)
    # A page size in points, named when it is a standard paper (so viewers show "A3").
    portrait = QSizeF(min(page.width, page.height), max(page.width, page.height))
    size = QPageSize(portrait, QPageSize.Unit.Point, page.paper, QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if page.width > page.height
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    painter = QPainter(writer)
    try:
        scale = PDF_RESOLUTION / 72.0
        pages = [p for pattern in patterns
                 for p in sheet_of(pattern, page).pages()]
        for number, layout in enumerate(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            paint_sheet_layout(painter, layout)
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data())


def sheet_of(pattern: Pattern | None, page: Page):  # -> SheetLayout
    """The laid-out sheet of ``pattern`` on ``page``, with the page's choices of numbers and breakthroughs."""
    return layout_sheet(pattern, page.sheet, page.width, page.height, steps=page.steps, numbers=page.numbers,
                        breakthroughs=page.breakthroughs)


def render_svg(pattern: Pattern | None, page: Page) -> bytes:
    """The sheet as an SVG document: viewBox in points, no date; texts drawn as their glyphs over
    ``<text>`` set in embedded font subsets, so it looks the same where Open Sans is not installed."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    from patroon.render.svgfonts import with_travelling_fonts

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(72)  # one SVG unit is one point, so width/height come out in real mm
    generator.setSize(QSize(round(page.width), round(page.height)))
    generator.setViewBox(QRectF(0, 0, page.width, page.height))
    generator.setTitle(sheet_title([pattern] if pattern else [], page.sheet))
    generator.setDescription(pick(f"Gemaakt met {CREATOR} ({page_words(page)})",
                                  f"Made with {CREATOR} ({page_words(page)})"))
    layout = sheet_of(pattern, page)
    painter = QPainter(generator)
    try:
        # A white page, as on paper and in the PNG: without it the sheet is transparent and
        # its dark text vanishes on a dark slide.
        painter.fillRect(QRectF(0, 0, page.width, page.height), Qt.GlobalColor.white)
        paint_sheet_layout(painter, layout)
    finally:
        painter.end()
    buffer.close()
    return with_travelling_fonts(_with_fallback_fonts(_with_exact_size(bytes(buffer.data()), page)), generator)


_SVG_SIZE = re.compile(rb'<svg width="[0-9.]+mm" height="[0-9.]+mm"')


def _with_exact_size(svg: bytes, page: Page) -> bytes:
    """The paper's own size in mm: QSvgGenerator takes whole points, and the viewBox (the
    exact page) fitted into a size a little off leaves thin transparent strips at its sides."""
    def mm(points: float) -> bytes:
        return f"{points * 25.4 / 72:.3f}mm".encode("ascii")

    return _SVG_SIZE.sub(lambda m: b'<svg width="' + mm(page.width) + b'" height="' + mm(page.height) + b'"', svg, count=1)


_FONT_FAMILY = re.compile(rb'font-family="([^"]*)"')
_FALLBACK_FAMILIES = ("Arial", "Helvetica", "sans-serif")
_GENERIC_FAMILIES = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"})
_CSS_WORD = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def _with_fallback_fonts(svg: bytes) -> bytes:
    """Name fallbacks after the bundled family: an SVG does not carry its font, and a
    viewer without Open Sans should pick a sans-serif of similar width, not a serif."""
    return _FONT_FAMILY.sub(lambda m: b'font-family="' + _css_family(m.group(1)) + b'"', svg)


def _css_family(value: bytes) -> bytes:
    """A CSS font-family list from what Qt writes (``Open Sans,Symbola``), with the fallbacks added.

    >>> _css_family(b"Open Sans,Symbola")
    b"'Open Sans', Symbola, Arial, Helvetica, sans-serif"
    """
    text = value.decode("utf-8").replace("&apos;", "'").replace("&quot;", '"')
    names = [name.strip().strip("'\"").strip() for name in text.split(",")]
    family: list[str] = []
    for name in [*names, *_FALLBACK_FAMILIES]:
        if name and name not in family:
            family.append(name)
    return ", ".join(_css_name(name) for name in family).encode("utf-8")


def _css_name(name: str) -> str:
    # A generic keyword stays bare; a name that is not one plain word is quoted, so that
    # spaces and commas belong to it.
    if name in _GENERIC_FAMILIES or (_CSS_WORD.match(name) and name.lower() not in _GENERIC_FAMILIES):
        return name
    return "'" + name.replace("'", "").replace('"', "") + "'"


def render_image(pattern: Pattern | None, page: Page):  # -> QImage
    """The sheet as a white QImage ``page.width_px`` pixels wide with the page's aspect."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    width, height, scale = points_to_px(page.width, page.height, page.width_px)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    # Printed at the page's size, the image has the page's physical size.
    dots_per_metre = round(scale * 72.0 / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    layout = sheet_of(pattern, page)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        paint_sheet_layout(painter, layout)
    finally:
        painter.end()
    return image


def render_png(pattern: Pattern | None, page: Page) -> bytes:
    """The sheet as the bytes of a PNG file."""
    from PySide6.QtCore import QBuffer, QIODevice

    image = render_image(pattern, page).convertToFormat(_rgb_format())
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("Qt could not encode the PNG")
    buffer.close()
    return bytes(buffer.data())


def _rgb_format():
    from PySide6.QtGui import QImage

    return QImage.Format.Format_RGB32


def render_json(pattern: Pattern | None, page: Page) -> bytes:
    """The sheet's geometry (page, step boxes, arrows, notes and title, in points) as JSON text."""
    import json

    layout = sheet_of(pattern, page)
    geometry = {**layout.geometry(), "paper": page.paper, "orientation": page.orientation,
                "pages": len(layout.pages())}
    return (json.dumps(geometry, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_DATE = re.compile(
    rb"/(?:CreationDate|ModDate) ?\(D:[0-9Z+\-']*\)"
    rb"|xmp:(?:CreateDate|ModifyDate|MetadataDate)=\"[^\"]*\""
)


def _without_dates(pdf: bytes) -> bytes:
    """The PDF with its timestamps blanked out, so the same sheet gives the same bytes.

    Each date is overwritten by spaces of the same length: every byte offset
    in the cross-reference table stays right.
    """
    return _DATE.sub(lambda m: b" " * len(m.group(0)), pdf)


def _document_id(patterns: Sequence[Pattern | None], page: Page) -> uuid.UUID:
    """A document id that depends only on what the PDF shows."""
    key = repr(page) + "\n".join(p.model_dump_json() if p is not None else "-" for p in patterns)
    return uuid.uuid5(uuid.NAMESPACE_URL, "patroon:" + key)


def render_graphml(pattern: Pattern | None, page: Page) -> bytes:
    """The cycle as GraphML, each step at the centre of its box on the page (points)."""
    from patroon.graphml import graphml_bytes

    assert pattern is not None, "a graph needs a pattern"
    layout = sheet_of(pattern, page)
    ax, ay = layout.area[0], layout.area[1]
    assert layout.pattern is not None
    centres = {s.id: (ax + s.box.centre[0], ay + s.box.centre[1]) for s in layout.pattern.steps}
    return graphml_bytes(pattern, centres)


def render(patterns: Sequence[Pattern | None], fmt: str, page: Page) -> bytes:
    """The bytes of one export file: all ``patterns`` as pages of a PDF or slides of a deck,
    or the one pattern of another format."""
    if fmt == "pdf":
        return render_pdf(patterns, page)
    if fmt == "pptx":
        from patroon.render.deck import render_deck

        return render_deck([p for p in patterns if p is not None], page.width, page.height, reveal=page.reveal)
    if len(patterns) != 1:
        raise UsageError(pick(
            f"een {fmt.upper()}-bestand bevat één patroon; exporteer er meer naar een map (-o map/) of naar één PDF",
            f"a {fmt.upper()} file holds one pattern; export several to a folder (-o folder/) or to one PDF",
        ))
    return {"svg": render_svg, "png": render_png, "json": render_json, "graphml": render_graphml}[fmt](patterns[0], page)


# Writing files -----------------------------------------------------------------


def plan_outputs(sources: Sequence[Path], out: Path, fmt: str, to_folder: bool) -> list[tuple[Path, list[int]]]:
    """Which file gets which inputs (by index): one file each in a folder, or all in one file.

    Raises UsageError for several inputs into one non-PDF file, and for two
    inputs that would get the same name in the folder.
    """
    if to_folder:
        plan: list[tuple[Path, list[int]]] = []
        seen: dict[Path, Path] = {}
        for index, source in enumerate(sources):
            target = out / f"{pattern_stem(source)}.{fmt}"
            if target in seen:
                raise UsageError(pick(
                    f"{seen[target]} en {source} zouden allebei {target} worden; geef ze verschillende namen",
                    f"{seen[target]} and {source} would both become {target}; give them different names",
                ))
            seen[target] = source
            plan.append((target, [index]))
        return plan
    if len(sources) > 1 and fmt not in MULTI_FORMATS:
        raise UsageError(pick(
            f"{len(sources)} patronen passen niet in één {fmt.upper()}-bestand; gebruik een PDF (tafelset),"
            " een PowerPoint-presentatie (.pptx) of een map (-o map/)",
            f"{len(sources)} patterns do not fit in one {fmt.upper()} file; use a PDF (table set),"
            " a PowerPoint deck (.pptx) or a folder (-o folder/)",
        ))
    return [(out, list(range(len(sources))))]


def export_patterns(
    patterns: list[tuple[Path, Pattern]],
    out: Path,
    *,
    fmt: str,
    sheet: str = "diagram",
    paper: str | None = None,
    orientation: str | None = None,
    width_px: int | None = None,
    steps: int = 6,
    reveal: bool = False,
    numbers: bool | None = None,
    breakthroughs: bool | None = None,
) -> list[Path]:
    """Export ``patterns`` (each with the path it came from) to ``out``; return the files written.

    ``out`` an existing folder: one file per pattern, named after its source
    (``wereldvrede.yaml`` -> ``wereldvrede.pdf``). Otherwise one file: a PDF
    holds every pattern as a page (a table set), a PowerPoint deck as slides
    (``reveal``: step by step); SVG, PNG, JSON and GraphML hold one.
    An empty ``patterns`` list makes one blank worksheet (``sheet="worksheet"``).
    Needs a QGuiApplication. Raises UsageError for impossible requests and
    OSError when a file cannot be written; files written before stay whole.
    """
    fmt = format_of(out, fmt)
    page = page_for(sheet, fmt, paper, orientation, width_px, steps, reveal, numbers=numbers,
                    breakthroughs=breakthroughs)
    ensure_fonts_loaded()
    sources = [source for source, _ in patterns]
    items: list[Pattern | None] = [pattern for _, pattern in patterns]
    if not items:
        if sheet != "worksheet":
            raise UsageError(pick("geen patroon om te exporteren", "no pattern to export"))
        sources, items = [Path(pick("werkblad", "worksheet"))], [None]
    written = []
    for target, indexes in plan_outputs(sources, out, fmt, out.is_dir()):
        for i in indexes:
            problem = sheet_problem(items[i], page)
            if problem:
                raise PatternError(problem, path=sources[i])
        write_atomically(target, render([items[i] for i in indexes], fmt, page))
        written.append(target)
    return written


def sheet_problem(pattern: Pattern | None, page: Page) -> str | None:
    """Why ``pattern`` cannot go on ``page`` as promised (its boxes would crowd), or None.

    The advice names only what was tried and helps: landscape paper, A3, or
    (for a worksheet) the most boxes that fit; never larger paper than A3.
    """
    if _fits_on(pattern, page):
        return None
    where = paper_words(page)
    if page.sheet != "worksheet" and not _notes_fit_on(pattern, page):
        return notes_problem(where)
    helps = []
    if page.orientation == "portrait" and _fits_on(pattern, _other_page(page, orientation="landscape")):
        helps.append(pick("kies liggend papier (--orientation landscape)", "choose landscape paper (--orientation landscape)"))
    # A deck's slides have one size: only the pattern itself can change.
    if page.format != "pptx" and page.paper != "A3" and _fits_on(pattern, _other_page(page, paper="A3")):
        helps.append(pick("kies groter papier (--paper A3)", "choose larger paper (--paper A3)"))
    if page.sheet == "worksheet":
        most = _most_boxes(page)
        if most:
            helps.append(pick(f"kies hoogstens {most} vakken (--steps {most})", f"choose at most {most} boxes (--steps {most})"))
        advice = pick(" of ", " or ").join(helps) or pick("kies minder vakken (--steps)", "choose fewer boxes (--steps)")
        return pick(f"een werkblad met {page.steps} vakken past niet op {where}; {advice}",
                    f"a worksheet with {page.steps} boxes does not fit on {where}; {advice}")
    n = len(pattern.steps) if pattern is not None else 0
    if n > MAX_PRINTED_STEPS:
        helps.append(pick(f"voeg stappen samen: meer dan {MAX_PRINTED_STEPS} stappen passen zelden op papier",
                          f"merge steps: more than {MAX_PRINTED_STEPS} steps rarely fit on paper"))
        advice = pick(" of ", " or ").join(helps)
        return pick(f"dit patroon heeft te veel stappen ({n}) voor {where}: de vakken zouden elkaar raken."
                    f" {_capital(advice)}",
                    f"this pattern has too many steps ({n}) for {where}: the boxes would touch. {_capital(advice)}")
    blamed = _centre_problem(pattern, page, where, helps) if pattern is not None else None
    if blamed:
        return blamed
    helps += [pick("kort de teksten in", "shorten the texts"), pick("voeg stappen samen", "merge steps")]
    advice = ", ".join(helps[:-1]) + pick(" of ", " or ") + helps[-1]
    return pick(f"dit patroon ({n} stappen) heeft te veel tekst voor {where}: de vakken zouden elkaar raken."
                f" {_capital(advice)}",
                f"this pattern ({n} steps) has too much text for {where}: the boxes would touch. {_capital(advice)}")


#: A word this long cannot stand on one line in the circle's middle: the title needs spaces.
_UNBREAKABLE_WORD = 24


def _centre_problem(pattern: Pattern, page: Page, where: str, helps: list[str]) -> str | None:
    """Why ``pattern`` crowds ``page`` when its title (or context line) is what does not fit; else None.

    The title stands in the middle of the circle, so a title too long pushes the boxes apart
    until they touch: a short one in its place shows whether the steps themselves would fit.
    """
    short = {"title": "x"}
    if not _fits_on(pattern.model_copy(update=short), page):
        short["context"] = ""
        if not pattern.context or not _fits_on(pattern.model_copy(update=short), page):
            return None
    what = (pick("de titel", "the title") if "context" not in short
            else pick("de titel en de contextregel", "the title and the context line"))
    helps = [*helps, pick(f"kort {what} in", f"shorten {what}")]
    if max(len(word) for word in f"{pattern.title} {pattern.context}".split()) >= _UNBREAKABLE_WORD:
        helps.append(pick("zet er spaties in (een woord zonder spaties kan niet over regels verdeeld worden)",
                          "put spaces in it (a word without spaces cannot be split over lines)"))
    advice = ", ".join(helps[:-1]) + pick(" of ", " or ") + helps[-1] if len(helps) > 1 else helps[0]
    return pick(f"{what} past niet in het midden van de cirkel op {where}: de vakken zouden elkaar raken."
                f" {_capital(advice)}",
                f"{what} does not fit in the middle of the circle on {where}: the boxes would touch."
                f" {_capital(advice)}")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fits_on(pattern: Pattern | None, page: Page) -> bool:
    from patroon.render.sheets import sheet_fits

    return sheet_fits(sheet_of(pattern, page))


def _notes_fit_on(pattern: Pattern | None, page: Page) -> bool:
    layout = sheet_of(pattern, page).pattern
    return layout is None or layout.notes_fit


def _other_page(page: Page, **changes: Any) -> Page:
    other = page_for(page.sheet, "pdf", changes.get("paper", page.paper), changes.get("orientation", page.orientation),
                     page.width_px, changes.get("steps", page.steps), numbers=page.numbers,
                     breakthroughs=page.breakthroughs)
    return other


def _most_boxes(page: Page) -> int | None:
    """The most boxes a worksheet on ``page`` holds (fewer than asked), or None when not even two fit."""
    low, high = MIN_STEPS, page.steps - 1  # a binary search: more boxes never fit where fewer do not
    if high < low or not _fits_on(None, _other_page(page, steps=low)):
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if _fits_on(None, _other_page(page, steps=middle)):
            low = middle
        else:
            high = middle - 1
    return low


# The application ------------------------------------------------------------------


def ensure_app() -> Any:
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if (sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _APP = QGuiApplication([sys.argv[0] if sys.argv else "patroon"])
    return app


def ensure_fonts_loaded() -> str:
    from patroon.render.fonts import ensure_fonts

    # The symbol font follows when a text needs it: every text is measured before it is drawn.
    return ensure_fonts(symbols=False)


_SHEET_NAMES = {"diagram": ("diagram", "diagram"), "table": ("tafelblad", "table sheet"),
                "worksheet": ("werkblad", "worksheet")}
_ORIENTATION_NAMES = {"landscape": ("liggend", "landscape"), "portrait": ("staand", "portrait")}


def page_words(page: Page) -> str:
    """The sheet and its paper in words, e.g. ``tafelblad, A3 liggend``."""
    return f"{sheet_name(page.sheet)}, {paper_words(page)}"


def paper_words(page: Page) -> str:
    """The paper in words: ``A3 liggend``, ``dia 16:9``."""
    if page.paper == SLIDE:
        return pick("dia", "slide") + (" 16:9" if page.orientation == "landscape" else " 9:16")
    return f"{page.paper} {pick(*_ORIENTATION_NAMES[page.orientation])}"


def sheet_name(sheet: str) -> str:
    """The name of a kind of sheet in the user's language (``tafelblad``)."""
    return pick(*_SHEET_NAMES[sheet])


def pages_of(patterns: Sequence[Pattern], page: Page) -> int:
    """How many pages (or slides) the export of ``patterns`` on ``page`` has."""
    if page.format == "pptx":
        from patroon.render.deck import deck_slides

        return len(deck_slides(patterns, reveal=page.reveal))
    return sum(len(sheet_of(p, page).pages()) for p in patterns)
