"""Test setup shared by every test: Qt offscreen, and no test touches the user's real settings."""

import os
import sys
import tempfile
from pathlib import Path

# Set before anything imports Qt: tests never need a real display unless they
# start one themselves (see the tests marked slow).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = os.environ.get("PATROON_TEST_LANGUAGE", "nl")

# QSettings, the autosave folder and recent files all live under the XDG
# folders on Linux: point them at a throw-away place for the whole session.
_home = Path(tempfile.mkdtemp(prefix="patroon-tests-"))
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_home / _var.lower())
os.environ.setdefault("XDG_RUNTIME_DIR", str(_home / "runtime"))
(_home / "runtime").mkdir(mode=0o700, exist_ok=True)

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = sorted((ROOT / "patterns").glob("*.yaml"))


@pytest.fixture(autouse=True)
def _first_start_settings():
    """Every test starts with the settings of a first start.

    QSettings live for the whole session: without this a window one test
    closes (which saves its size, toolbar and panel width) shapes the windows
    of the next, so a test passes or fails by the order the tests run in.
    Tests without Qt never load it here.
    """
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        settings = QSettings()
        settings.clear()
        settings.sync()
    yield


@pytest.fixture
def pattern_files() -> list[Path]:
    """The five shipped example patterns."""
    return list(PATTERNS)
