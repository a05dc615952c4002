"""Test setup shared by every test: Qt offscreen, and no test touches the user's real settings."""

import os
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


@pytest.fixture
def pattern_files() -> list[Path]:
    """The five shipped example patterns."""
    return list(PATTERNS)
