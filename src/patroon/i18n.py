"""The language of the messages the Qt-free core writes (Dutch or English).

The GUI translates its own texts with Qt's translator; the core cannot load
Qt, so its few messages (file problems, CLI output) carry both languages and
this module picks one: Dutch unless English is asked for, by
:func:`set_language` or by an English system locale.
"""

from __future__ import annotations

import os

LANGUAGES = ("nl", "en")

_chosen: str | None = None


def system_language() -> str:
    """The language the environment asks for: ``"en"`` for an English locale, else ``"nl"``."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


def set_language(language: str | None) -> None:
    """Choose the language of core messages; ``None`` goes back to the system's."""
    global _chosen
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _chosen = language


def language() -> str:
    """The language core messages are written in now."""
    return _chosen or system_language()


def pick(nl: str, en: str) -> str:
    """Return the Dutch or the English text, whichever is in force."""
    return en if language() == "en" else nl
