"""Patroon: draw, present and print the vicious circles of patroonanalyse.

The package is layered: :mod:`patroon.model` and :mod:`patroon.fileformat`
(pure Python) hold and read the pattern, :mod:`patroon.layout` computes the
drawing's geometry, :mod:`patroon.render` paints it with Qt, and
:mod:`patroon.gui` and :mod:`patroon.cli` sit on top.
"""

from pathlib import Path

__version__ = "0.1.0"

#: The package's own folder: its fonts and dictionaries are beside its modules (also in the
#: standalone build). Cheaper to reach than through importlib.resources, which a short export pays for.
PACKAGE_DIR = Path(__file__).parent
