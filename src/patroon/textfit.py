"""Breaking text into lines that fit a width: Dutch hyphenation and greedy wrapping.

Pure Python. The width of a piece of text comes from a function the caller
supplies (in the layout, a :class:`patroon.layout.TextMeasure` at one size), so
the same code serves the real font and the tests' fake one.

Long Dutch compounds ("domeinoverstijgende", "maatwerkbudgetten") break only at
the hyphenation points of pyphen's ``nl_NL`` dictionary, leaving at least three
letters on each side, or after a hyphen or slash the text already has; the
first part then ends with "-". Where the words of a compound join
(:mod:`patroon.compounds`) is the break a Dutch reader expects: such a point
is taken before any other that fits ("maatwerk-" / "budgetten", not
"maatwerkbud-" / "getten"). A paragraph does not end in one short word when
moving a word down avoids it.

>>> fixed = lambda text: 10.0 * len(text)
>>> wrap_text("Er is geen domeinoverstijgende aanpak", 120, fixed)
['Er is geen', 'domeinover-', 'stijgende', 'aanpak']
>>> wrap_text("De maatwerkbudgetten", 130, fixed)
['De maatwerk-', 'budgetten']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, NamedTuple

from patroon.compounds import MAIN, seams

WidthFn = Callable[[str], float]

# A word's letters without the punctuation around them: "(botsende)," -> "(", "botsende", "),".
_CORE_RE = re.compile(r"^(\W*)(.*?)(\W*)$", re.UNICODE | re.DOTALL)
# A line is worth filling by hyphenating the next word when it is emptier than this.
_FILL_BEFORE_HYPHENATING = 0.5
# Only words at least this long are hyphenated just to fill a line.
_MIN_HYPHENATED = 8
# A last line of one word with fewer letters than this looks left behind ("stroom.").
_SHORT_LAST_WORD = 8


class Wrapped(NamedTuple):
    """The lines of a wrapped text, whether each of them fits the width, and whether every break reads well.

    ``clean`` is False when a word had to break leaving fewer than
    ``MIN_PART`` letters on a side ("beheerstrate-" / "gie."): a slightly
    wider line would read better.
    """

    lines: list[str]
    fits: bool
    clean: bool = True


# A hyphenated word keeps at least this many letters on each line, when it can; at a seam between
# two words of a compound ("dag-besteding") and always, at least MIN_LETTERS.
MIN_PART = 4
MIN_LETTERS = 3


@lru_cache(maxsize=1)
def _dictionary():
    """pyphen's ``nl_NL`` dictionary, loaded the first time a word needs breaking."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("nl_NL")]
    if path not in pyphen.hdcache:
        patterns = _cached_patterns(pyphen, path)
        if patterns is not None:
            # Parsing the dictionary's text takes longer than the whole layout of a
            # sheet: a program that starts often reads the patterns it parsed before.
            hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
            hd.patterns, hd.cache, hd.maxlen = patterns, {}, max(map(len, patterns))
            pyphen.hdcache[path] = hd
    return pyphen.Pyphen(lang="nl_NL", left=MIN_LETTERS, right=MIN_LETTERS)


def _cached_patterns(pyphen, path) -> dict | None:
    """The dictionary's parsed patterns from the user's cache folder (written there the first time).

    ``marshal`` holds plain strings, numbers and tuples only, so reading it runs
    no code. Any problem (no folder, a stale or damaged file, a dictionary with
    patterns that are not plain numbers) means: parse the dictionary as usual.
    """
    import marshal
    import os
    from pathlib import Path

    try:
        stat = os.stat(path)
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        version = getattr(pyphen, "__version__", "0")
        cache = Path(base) / "patroon" / f"hyph-{Path(path).stem}-{version}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
        try:
            patterns = marshal.loads(cache.read_bytes())
            if isinstance(patterns, dict) and patterns:
                return patterns
        except (OSError, ValueError, EOFError, TypeError):
            pass
        hd = pyphen.HyphDict(Path(path))
        # The patterns share their values (16,000 patterns, 1,400 values for Dutch): one object
        # per value, which marshal writes once and refers to after, halves the file and the
        # time to read it.
        shared: dict[tuple, tuple] = {}
        patterns = {}
        for k, (start, values) in hd.patterns.items():
            value = (int(start), tuple(int(v) for v in values))
            patterns[k] = shared.setdefault(value, value)
        if any(type(v) is not int for _, values in hd.patterns.values() for v in values):
            pyphen.hdcache[path] = hd  # alternatives in the patterns: keep pyphen's own objects
            return None
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(patterns))
        os.replace(tmp, cache)
        return patterns
    except Exception:  # the cache is only a speed-up
        return None


def break_points(word: str) -> tuple[tuple[str, str], ...]:
    """Every way to break ``word`` over two lines, shortest head first.

    Each is ``(head, tail)`` where ``head`` is what ends the first line
    (with the "-" a hyphenation adds) and ``tail`` starts the next.

    >>> [h for h, t in break_points("maatwerkbudgetten")]
    ['maat-', 'maatwerk-', 'maatwerkbud-', 'maatwerkbudget-']
    >>> break_points("woon-zorg")
    (('woon-', 'zorg'),)
    """
    return tuple((head, tail) for head, tail, _ in ranked_break_points(word))


@lru_cache(maxsize=4096)
def ranked_break_points(word: str) -> tuple[tuple[str, str, int], ...]:
    """:func:`break_points` with the rank of each: how much a reader expects the word to break there.

    2 after a hyphen or slash the text has and where two words of a compound
    join; 1 at a seam where one side is a compound itself; 0 at any other
    syllable.

    >>> [(h, rank) for h, t, rank in ranked_break_points("maatwerkbudgetten")]
    [('maat-', 1), ('maatwerk-', 2), ('maatwerkbud-', 0), ('maatwerkbudget-', 0)]
    """
    points: list[tuple[str, str, int]] = []
    start = 0
    # Hyphens, slashes and dashes the text already has: break after them, add nothing.
    pieces = re.split(r"(?<=[-/\u2013\u2014])(?=\w)", word)
    for i, piece in enumerate(pieces):
        lead, core, trail = _CORE_RE.match(piece).groups()
        # Only plain words are hyphenated: not numbers, codes or addresses.
        core_points = list(_dictionary().positions(core)) if core.isalpha() else []
        ranks = seams(core) if core_points else {}
        for pos in core_points:
            cut = start + len(lead) + pos
            points.append((word[:cut] + "-", word[cut:], ranks.get(pos, 0)))
        start += len(piece)
        if i < len(pieces) - 1:
            points.append((word[:start], word[start:], MAIN))
    return tuple(points)


def wrap_text(text: str, max_width: float, width: WidthFn) -> list[str]:
    """``text`` broken into lines of at most ``max_width`` (see :func:`wrap`)."""
    return wrap(text, max_width, width).lines


def wrap(text: str, max_width: float, width: WidthFn) -> Wrapped:
    """Break ``text`` into lines no wider than ``max_width`` as measured by ``width``.

    Greedy: words go on the line while they fit. A word that does not fit is
    hyphenated to fill the line when the line would otherwise stay rather
    empty, and a word wider than a whole line is split over as many lines as
    it needs, always at hyphenation points. Line breaks in ``text`` are kept.
    ``fits`` is False when some piece has no break point that makes it fit
    (the caller then needs a wider box or a smaller size); that piece is then
    broken between letters as a last resort so nothing sticks out.
    """
    lines: list[str] = []
    fits = clean = True
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        para, para_fits, para_clean = _wrap_paragraph(words, max_width, width)
        lines.extend(_without_short_last_line(para, words, max_width, width))
        fits, clean = fits and para_fits, clean and para_clean
    return Wrapped(lines, fits, clean)


def _wrap_paragraph(words: list[str], max_width: float, width: WidthFn,
                    look_ahead: bool = True) -> tuple[list[str], bool, bool]:
    """One paragraph's lines, greedy (see :func:`wrap`), with whether they fit and read well.

    ``look_ahead``: where a word too long for any line would break only
    inside a word of a compound to fill the line ("maat-" / "werkbudgetten"),
    starting it on the next line instead is tried too, and taken when the
    paragraph does not get longer for it ("maatwerk-" / "budgetten").
    """
    lines: list[str] = []
    fits = clean = True
    line = ""
    for index, word in enumerate(words):
        candidate = f"{line} {word}" if line else word
        if width(candidate) <= max_width:
            line = candidate
            continue
        # The word does not fit on this line: fill the line with its head
        # when the line is short, or when the word cannot fit any line whole.
        too_long = width(word) > max_width
        if line and (
            too_long or (len(word) >= _MIN_HYPHENATED and width(line) < _FILL_BEFORE_HYPHENATING * max_width)
        ):
            # Only where the words of a compound join, when the word would fit the next line whole.
            head, rest = _best_head(word, max_width, width, prefix=line + " ", least_rank=0 if too_long else MAIN)
            if head and look_ahead and too_long and _rank(word, head) < MAIN:
                filled = _wrap_paragraph([rest, *words[index + 1:]], max_width, width, False)
                fresh = _wrap_paragraph(words[index:], max_width, width, False)
                if len(fresh[0]) <= len(filled[0]) and _first_rank(fresh[0], word) > _rank(word, head):
                    return [*lines, line, *fresh[0]], fits and fresh[1], clean and fresh[2]
            if head:
                lines.append(f"{line} {head}")
                line, word = "", rest
        if line:
            lines.append(line)
            line = ""
        # Now on an empty line: split what is left of the word until the rest fits.
        while width(word) > max_width:
            head, rest = _best_head(word, max_width, width, prefix="")
            if not head:
                # Only a break that leaves a short part: take it, and say so.
                head, rest = _best_head(word, max_width, width, prefix="", any_break=True)
                clean = clean and not head
            if not head:
                fits = False
                head, rest = _force_split(word, max_width, width)
            lines.append(head)
            word = rest
        line = word
    lines.append(line)
    return lines, fits, clean


def _rank(word: str, head: str) -> int:
    """The rank of the break of ``word`` after ``head`` (-1 for none of its break points)."""
    return next((rank for h, _, rank in ranked_break_points(word) if h == head), -1)


def _first_rank(lines: list[str], word: str) -> int:
    """The rank of the break ``word`` got at the end of the first of ``lines`` (-1 when not broken there)."""
    return _rank(word, lines[0]) if lines and lines[0] != word else -1


def _without_short_last_line(lines: list[str], words: list[str], max_width: float, width: WidthFn) -> list[str]:
    """``lines`` with words moved down so the paragraph does not end in one short word, where they fit.

    "Focus op bevorderen door-" / "stroom." becomes "Focus op bevorderen" /
    "doorstroom.": the same number of lines, no fragment left alone. A short
    whole word gets the word before it ("de" / "zaak." becomes "...de zaak.")
    when the line above stays at least half full. Returns ``lines`` unchanged
    when no move helps.
    """
    if len(lines) < 2 or " " in lines[-1] or _letters(lines[-1]) >= _SHORT_LAST_WORD:
        return lines
    above, last = lines[-2].split(" "), lines[-1]
    while len(above) >= 2:
        moved = above.pop()
        if not moved.endswith(("-", "/")):
            last = f"{moved} {last}"
        elif moved.endswith("-") and moved[:-1] + last in words:
            last = moved[:-1] + last  # a word the break hyphenated goes down whole
        elif moved + last in words:
            last = moved + last  # a hyphen or slash the text had stays
        else:
            break  # a piece of a word broken more than once: leave it
        if width(last) > max_width:
            break
        # A whole word alone is fine; words moved down must not leave the line above rather empty.
        if (" " not in last and _letters(last) >= _SHORT_LAST_WORD) or (
                " " in last and width(" ".join(above)) >= _FILL_BEFORE_HYPHENATING * max_width):
            return [*lines[:-2], " ".join(above), last]
    return lines


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _reads_well(head: str, tail: str, rank: int = 0) -> bool:
    """Whether a break leaves enough of the word on both lines (a hyphen the text had always does).

    At a seam between two words of a compound, a short word reads well ("dag-"); elsewhere
    each side keeps ``MIN_PART`` letters.
    """
    if not head.endswith("-") or tail.startswith("-"):
        return True
    core_head = head[:-1].rsplit("-", 1)[-1].rsplit("/", 1)[-1]
    core_tail = tail.split("-", 1)[0].split("/", 1)[0]
    least = MIN_LETTERS if rank else MIN_PART
    return _letters(core_head) >= least and _letters(core_tail) >= least


def _best_head(word: str, max_width: float, width: WidthFn, prefix: str, any_break: bool = False,
               least_rank: int = 0) -> tuple[str, str]:
    """The best hyphenated head of ``word`` that fits after ``prefix``; ("", word) if none.

    The best leaves a rest that fits one line (no extra line for a nicer
    break), then is at the highest-ranked break point (where the words of a
    compound join), then is the longest. Only breaks that leave enough
    letters on each side (:func:`_reads_well`), unless ``any_break``, and
    ranked at least ``least_rank``.
    """
    best, best_key = ("", word), (False, -1, -1)
    for head, tail, rank in ranked_break_points(word):
        if width(prefix + head) > max_width:
            break
        key = (width(tail) <= max_width, rank, len(head))
        if rank >= least_rank and (any_break or _reads_well(head, tail, rank)) and key > best_key:
            best, best_key = (head, tail), key
    return best


def _force_split(word: str, max_width: float, width: WidthFn) -> tuple[str, str]:
    """Split a piece with no usable break point between two letters (never less than one letter)."""
    cut = 1
    while cut < len(word) - 1 and width(word[: cut + 1] + "-") <= max_width:
        cut += 1
    return word[:cut] + "-", word[cut:]


def is_valid_break(line_end: str, next_start: str, text: str | None = None) -> bool:
    """Whether a line ending in ``line_end`` followed by a line starting ``next_start`` is a good break.

    True for a break between words, after a hyphen the text had, or at a
    hyphenation point of the joined word (for tests and checks). ``text``,
    the unbroken text, tells a hyphen the text had from one the break added.
    """
    last = line_end.split(" ")[-1] if line_end else ""
    first = next_start.split(" ")[0] if next_start else ""
    if not last.endswith("-") or not first:
        return True
    words = text.split() if text is not None else None
    soft = last[:-1] + first
    hard = last + first
    if words is None or soft in words or soft not in words and hard not in words:
        if any(head == last and tail == first for head, tail in break_points(soft)):
            return True
    if words is None or hard in words:
        return any(head == last and tail == first for head, tail in break_points(hard))
    return False
