"""Where a Dutch word is made of words: the seams a reader expects a compound to break at.

Dutch writes compounds as one word ("maatwerkbudgetten"). Hyphenation
patterns know its syllables but not which of them joins two words, so a
line may end in "maat-" and start with "werkbudgetten", where a Dutch reader
expects "maatwerk-" / "budgetten". The OpenTaal dictionary (bundled, gzipped, in
``patroon/dictionaries``) knows Dutch words and how they combine; Hunspell
(the ``chunspell`` package) reads it. A cut is a seam when both sides are
Dutch words, the first perhaps with the linking "s" ("beleids|medewerkers"):

- a *main* seam when both sides are words the dictionary lists whole
  ("maatwerk|budgetten");
- a *minor* seam when a side is itself a compound ("maat|werkbudgetten").

Pure Python apart from Hunspell, and without it (a build without the
package) every word simply has no seams: lines break at syllables as before.
"""

from __future__ import annotations

import atexit
import os
from functools import lru_cache
from pathlib import Path

from patroon import PACKAGE_DIR

MAIN, MINOR = 2, 1
#: A seam's first part has at least this many letters (shorter "words" are mostly prefixes: "be", "ge"),
#: its last part one more: three-letter words there are mostly endings ("budget|ten", "gebie|den").
MIN_HEAD, MIN_TAIL = 3, 4


@lru_cache(maxsize=1)
def _speller():
    """Hunspell with the bundled Dutch dictionary, loaded the first time a word is asked about; None without it."""
    try:
        import hunspell
    except ImportError:
        return None
    try:
        folder = _unpacked_dictionary()
        return hunspell.Hunspell("nl", hunspell_data_dir=str(folder), system_encoding="utf-8")
    except Exception:  # no place to unpack it, or a damaged dictionary: break at syllables only
        return None


def _unpacked_dictionary() -> Path:
    """A folder holding ``nl.aff`` and ``nl.dic``: the bundled dictionary, unpacked once into the cache folder.

    It is bundled gzipped (a third of its size); Hunspell reads plain files only.
    """
    import gzip
    import hashlib

    bundled = PACKAGE_DIR / "dictionaries"
    packed = (bundled / "nl.dic.gz").read_bytes()
    key = hashlib.sha256(packed).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "patroon" / f"hunspell-nl-{key}"
    if not (folder / "nl.dic").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in (("nl.aff", (bundled / "nl.aff").read_bytes()), ("nl.dic", gzip.decompress(packed))):
            # Written beside and renamed: another Patroon starting at once never reads half a file.
            tmp = folder / f"{name}.{os.getpid()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, folder / name)
    return folder


@lru_cache(maxsize=8192)
def _word(part: str) -> int:
    """0: not a Dutch word; MINOR: a word only as a compound of words; MAIN: a word the dictionary lists."""
    speller = _speller()
    if len(part) < MIN_HEAD or not speller.spell(part):
        return 0
    analyses = speller.analyze(part)
    return MAIN if not analyses or any("pa:" not in a for a in analyses) else MINOR


def _first_part(head: str) -> int:
    """Like :func:`_word`, for a compound's first part, which may end in the linking "s" (beleid-s-)."""
    found = _word(head)
    if not found and head.endswith("s") and len(head) > MIN_HEAD:
        found = _word(head[:-1])
    return found


@lru_cache(maxsize=4096)
def seams(word: str) -> dict[int, int]:
    """The cuts of ``word`` (a position: the length of the first part) that join two words, with their rank.

    >>> seams("maatwerkbudgetten")[8] == MAIN  # maatwerk|budgetten
    True
    >>> seams("maatwerkbudgetten")[4] == MINOR  # maat|werkbudgetten
    True
    """
    if not word.isalpha():
        return {}
    lower = word.lower()
    known = _known_seams()
    if lower in known:
        return known[lower]
    if _speller() is None:
        return {}
    found = {}
    for cut in range(MIN_HEAD, len(lower) - MIN_TAIL + 1):
        head, tail = _first_part(lower[:cut]), _word(lower[cut:])
        if head and tail:
            found[cut] = min(head, tail)
    known[lower] = found
    _NEW.add(lower)
    return found


def save_new_seams() -> None:
    """Keep the seams found since the last save in the user's cache folder (at exit, or earlier when asked).

    The editor asks once its first diagram is drawn, so a program that is
    ended without exiting (a killed process, a session logging out) has kept
    them too, and its next start finds its words without loading Hunspell.
    """
    if _NEW:
        _save_seams(_known_seams())
        _NEW.clear()


atexit.register(save_new_seams)


# The seams found before, kept in the user's cache folder: loading Hunspell's dictionary takes
# longer than laying out a sheet, and the same words come back export after export.
_NEW: set[str] = set()
#: Raised whenever the rules that find seams change.
_RULES = 1


def _seams_file() -> Path:
    bundled = PACKAGE_DIR / "dictionaries"
    size = os.stat(str(bundled / "nl.dic.gz")).st_size
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # The name changes with the dictionary and with the rules: a stale file is never read.
    return Path(base) / "patroon" / f"seams-nl-{size}-{MIN_HEAD}{MIN_TAIL}-{_RULES}.marshal"


@lru_cache(maxsize=1)
def _known_seams() -> dict[str, dict[int, int]]:
    """Word → seams, as found by earlier runs ({} without a usable file; ``marshal`` runs no code)."""
    import marshal

    try:
        known = marshal.loads(_seams_file().read_bytes())
        if isinstance(known, dict) and all(isinstance(v, dict) for v in known.values()):
            return known
    except Exception:  # no file yet, or a damaged one: find the seams again
        pass
    return {}


def _save_seams(known: dict[str, dict[int, int]]) -> None:
    """Write the seams known now; a cache that cannot be written is simply not kept."""
    import marshal

    try:
        path = _seams_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(dict(sorted(known.items()))))
        os.replace(tmp, path)
    except Exception:
        pass
