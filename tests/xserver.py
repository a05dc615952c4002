"""A private X server (Xvfb, with openbox when installed) for the tests that start the real program."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest


@contextmanager
def x_server(size: str, home: Path) -> Iterator[dict[str, str]]:
    """Start Xvfb on a free display with a ``size`` screen ("1600x1000"); yield the environment to run in.

    The environment points Qt at that display and the XDG folders under
    ``home``, so a program started in it never touches the user's settings.
    """
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.fail("these tests need Xvfb and xdotool (apt-get install xvfb xdotool)")
    read_end, write_end = os.pipe()
    # -displayfd: Xvfb picks a free display itself and writes its number once it accepts clients.
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=[write_end], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    wm = None
    try:
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read_end, 16)
            if not chunk:
                pytest.fail("Xvfb did not start")
            number += chunk
        env = {**os.environ, "DISPLAY": f":{number.decode().strip()}", "QT_QPA_PLATFORM": "xcb"}
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[var] = str(home / var.lower())
        if shutil.which("openbox"):
            wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        yield env
    finally:
        os.close(read_end)
        for proc in (wm, server):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
