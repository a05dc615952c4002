"""Start the editor: the QApplication, its language, its fonts and the first window.

Kept light on purpose: only Qt and the model load before the window is on
screen; layout, export and printing code load when first needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QEventLoop, QLocale, QObject, QTimer,
                            QTranslator)
from PySide6.QtWidgets import QApplication

from patroon import i18n

APP_NAME = "Patroon"
# When the start lets go of what only it needed (:func:`after_first_paint`) if no pattern was painted before.
SETTLE_AT_THE_LATEST_MS = 5000
ORG_NAME = "Patroon"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"

# Qt's own Dutch translation (qtbase_nl.qm) lacks these labels of its file dialog, since Qt 6
# gave them a shortcut letter; patroon_nl.ts fills the gap, so they are marked here for lupdate.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def install_translator(app: QCoreApplication, lang: str | None = None) -> str:
    """Load the Dutch UI translation unless English is asked for; return the language used.

    The UI's source strings are English; Dutch is the default. ``lang``
    ("nl"/"en") wins over the system locale (LANGUAGE, LC_ALL, LANG...).
    """
    i18n.set_language(lang)
    language = i18n.language()
    for old in getattr(app, "_patroon_translators", []):
        app.removeTranslator(old)
    app._patroon_translators = []  # type: ignore[attr-defined]
    if language == "nl":
        files = (("patroon_nl", str(TRANSLATIONS)), ("qtbase_nl", _qt_translations()))
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    else:
        # English needs only its plural forms ("1 step", "2 steps").
        files = (("patroon_en", str(TRANSLATIONS)),)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for name, folder in files:
        translator = QTranslator(app)
        if folder and translator.load(name, folder):
            app.installTranslator(translator)
            app._patroon_translators.append(translator)  # type: ignore[attr-defined]
    return language


def _qt_translations() -> str:
    """Qt's own translations (standard buttons such as Save/Cancel), where installed."""
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def make_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """The one QApplication (created on first call), with names, language and fonts set."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("nl.patroon.Patroon")  # matches packaging/linux/*.desktop
    install_translator(app, lang)
    _readable_palette(app)
    # The bundled font is registered when the diagram is first measured (render.fonts.make_font).
    # The icon's files are read after the first window is on screen.
    QTimer.singleShot(0, _set_icon)
    return app  # type: ignore[return-value]


def _readable_palette(app: QApplication) -> None:
    """Make every text colour of the widgets' palette read at 4.5:1 (WCAG AA) on its background.

    Qt's defaults set hints in empty fields at half-transparent black (about 4:1)
    and selected items white on a mid blue (about 3.7:1); a desktop theme may be
    lower still. Only what falls short changes.
    """
    from PySide6.QtGui import QColor, QPalette

    from patroon.render.palette import readable

    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = app.palette()
    for colour_group in (group.Active, group.Inactive):
        for text, back in ((role.WindowText, role.Window), (role.Text, role.Base), (role.ButtonText, role.Button),
                           (role.PlaceholderText, role.Base), (role.ToolTipText, role.ToolTipBase),
                           (role.HighlightedText, role.Highlight), (role.Link, role.Base)):
            fore, base = palette.color(colour_group, text), palette.color(colour_group, back)
            # A half-transparent text colour is seen blended over its background.
            seen = QColor.fromRgbF(*(f * fore.alphaF() + b * (1 - fore.alphaF()) for f, b in
                                     ((fore.redF(), base.redF()), (fore.greenF(), base.greenF()),
                                      (fore.blueF(), base.blueF()))))
            better = readable(seen.name(), base.name())
            if better != seen.name() or fore.alpha() < 255:
                if text == role.HighlightedText and better != seen.name():
                    # White on a light selection: darken the selection rather than the text.
                    palette.setColor(colour_group, back, QColor(readable(base.name(), seen.name())))
                else:
                    palette.setColor(colour_group, text, QColor(better))
    app.setPalette(palette)


def _set_icon() -> None:
    from patroon.gui.icons import app_icon

    app = QApplication.instance()
    if app is not None:
        app.setWindowIcon(app_icon())


def no_display() -> bool:
    """True on Linux without an X or Wayland display and without a Qt platform chosen (a server, ssh)."""
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def run_gui(files: list[str], present: bool = False, lang: str | None = None) -> int:
    """Open the editor (or, with ``present``, the presenter) on ``files``; return the exit status.

    Without a screen, or when ``present`` is given a file that is not a
    pattern, say why on stderr and return 1 without opening a window.
    """
    i18n.set_language(lang)
    if no_display():
        # Qt would abort with a message about its xcb plugin that tells a user nothing.
        return _fail(i18n.pick(
            "patroon: geen beeldscherm gevonden: de editor heeft een grafische omgeving nodig; "
            "gebruik ‘patroon export’ of ‘patroon validate’ zonder scherm",
            "patroon: no display found: the editor needs a graphical desktop; "
            "use ‘patroon export’ or ‘patroon validate’ without a screen",
        ))
    first = None
    if present:
        from patroon.errors import PatternError, failed, internal_error
        from patroon.fileformat import read_pattern

        for name in files:
            try:
                read = read_pattern(Path(name))
            except PatternError as exc:  # the same words as ``patroon validate``
                return _fail(failed(exc))
            except Exception as exc:  # noqa: BLE001 - said in one line, as validate does
                return _fail(failed(internal_error(exc, name)))
            first = first or read
    app = make_application(sys.argv[:1], lang)
    # A start that paints no pattern (a file that did not open) lets go all the same.
    QTimer.singleShot(SETTLE_AT_THE_LATEST_MS, after_first_paint)
    if present and first is not None:
        return _present_first(app, files, *first)
    if not _open_editors(app, files):
        return 0
    if present:
        _editors()[0].start_presenting()
    return app.exec()


def _editors() -> list:
    from patroon.gui.mainwindow import MainWindow

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and shiboken6.isValid(w) and w.isVisible()]


def _open_editors(app: QApplication, files: list[str]) -> bool:
    """Open an editor window on each of ``files`` (a new pattern without any); False when none stayed open."""
    from patroon.gui.mainwindow import MainWindow

    # The first window reaches the screen before the model and the file are read:
    # show it, let it paint its menus and toolbar, then load (see MainWindow's lazy).
    if not files:
        window = MainWindow(lazy=True)
        window.setWindowTitle(f"{i18n.pick('Nieuw patroon', 'New pattern')}[*] — {APP_NAME}")
        _show_now(app, window)
        if shiboken6.isValid(window) and window.isVisible():
            window.finish_start()
            window.files.offer_recovery_later()
    for index, name in enumerate(files):
        window = MainWindow(lazy=True)
        if index:
            window.move(window.pos() + _cascade(index))
        window.setWindowTitle(f"{Path(name).name}[*] — {APP_NAME}")
        _show_now(app, window)
        if not shiboken6.isValid(window) or not window.isVisible():
            continue  # closed while it was being shown (Ctrl+Q at once)
        if not window.files.open_path(Path(name)):
            window.finish_start()
        if index == 0:
            window.files.offer_recovery_later()
    return bool(_editors())


def _present_first(app: QApplication, files: list[str], pattern, data: bytes) -> int:
    """``patroon present FILE``: the pattern goes full screen at once; its editor appears on Esc,
    with what was changed while presenting, and the other files' editors with it.

    Only the presentation is made before the room sees it: the first file's
    editor (the host of its document) is made once the pattern is painted
    full screen, or at Esc if that comes first.
    """
    from patroon.gui.document import Document
    from patroon.gui.present import PresenterWindow, choose_screen

    path = Path(files[0]).absolute()
    document = Document(parent=app)
    document.reset(pattern, path)
    presenter = PresenterWindow(document, choose_screen())
    hosts: list = []

    def host():
        if not hosts:
            from patroon.gui.mainwindow import MainWindow

            window = MainWindow(document, lazy=True)
            window.setWindowTitle(f"{path.name}[*] — {APP_NAME}")
            window.follow(presenter)
            hosts.append(window)
        return hosts[0]

    def to_the_editor() -> None:
        from patroon.gui.mainwindow import MainWindow

        window = host()
        window.presenter_closed()
        window.show()
        window.finish_start()
        window.files.adopt(data)
        window.focus_canvas()
        window.files.offer_recovery_later()
        for index, name in enumerate(files[1:], start=1):
            other = MainWindow()
            other.move(window.pos() + _cascade(index))
            other.show()
            if not other.files.open_path(Path(name)):
                other.close()

    presenter.closed.connect(to_the_editor)
    when_painted(presenter, lambda: (host(), after_first_paint()))
    presenter.start()
    return app.exec()


class _FirstPaint(QObject):
    """Calls ``then`` once, after the first paint of a window that is full screen (or of any
    window without ``full_screen``), when that paint has reached the screen."""

    def __init__(self, window, then, full_screen: bool) -> None:
        super().__init__(window)
        self._then = then
        self._full_screen = full_screen
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and (not self._full_screen or watched.isFullScreen()):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def when_painted(window, then, full_screen: bool = True) -> None:
    """Run ``then`` once ``window`` has been painted (full screen, unless ``full_screen`` is False)."""
    _FirstPaint(window, then, full_screen)


_settled = False


def after_first_paint() -> None:
    """Once the first pattern is on screen, let go of what only the start needed (once per run).

    - PySide6 reads the source of every module imported after it (to find the
      modules that use its ``__feature__`` switches), and :mod:`linecache`
      keeps all those lines (3 MB; 8 MB had pydantic loaded after Qt) for no
      one to read again: Python uses their memory for what comes next.
    - The seams of compound words the first layout looked up are kept in the
      cache folder now, not only at a clean exit.
    - Garbage collections, held off while the start imports and builds
      (patroon.cli), run again, starting with one now.
    """
    global _settled
    if _settled:
        return
    _settled = True
    import gc
    import linecache

    from patroon.compounds import save_new_seams

    linecache.clearcache()
    save_new_seams()
    gc.collect()
    gc.enable()


def _show_now(app: QApplication, window) -> None:
    """Show ``window`` and get it painted on the screen before anything slow happens."""
    window.show()
    app.sync()
    # Paint, but keep keys and clicks until the pattern is loaded.
    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def _cascade(index: int):
    from PySide6.QtCore import QPoint

    return QPoint(28 * index, 28 * index)
