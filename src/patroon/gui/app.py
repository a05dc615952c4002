"""Start the editor: the QApplication, its language, its fonts and the first window.

Kept light on purpose: only Qt and the model load before the window is on
screen; layout, export and printing code load when first needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from patroon import i18n

APP_NAME = "Patroon"
ORG_NAME = "Patroon"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


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
    app.setDesktopFileName("patroon")
    install_translator(app, lang)
    _ensure_fonts()
    from patroon.gui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def _ensure_fonts() -> None:
    try:
        from patroon.render.fonts import ensure_fonts
    except ImportError:  # the renderer is not there yet (early development)
        return
    ensure_fonts()


def run_gui(files: list[str], present: bool = False, lang: str | None = None) -> int:
    """Open the editor (or, with ``present``, the presenter) on ``files``; return the exit status."""
    app = make_application(sys.argv[:1], lang)
    from patroon.gui.mainwindow import MainWindow

    windows: list[MainWindow] = []
    if not files:
        window = MainWindow()
        window.show()
        window.offer_recovery_later()
        windows.append(window)
    for index, name in enumerate(files):
        window = MainWindow()
        if index:
            window.move(window.pos() + window.rect().topLeft() + _cascade(index))
        window.show()
        window.open_path(Path(name))
        if index == 0:
            window.offer_recovery_later()
        windows.append(window)
    if present and windows:
        windows[0].start_presenting()
    return app.exec()


def _cascade(index: int):
    from PySide6.QtCore import QPoint

    return QPoint(28 * index, 28 * index)
