"""The standalone build and the desktop integration (everything in packaging/).

The quick tests check the files a desktop reads: the menu entry, the AppStream
metainfo, the MIME type of pattern files (through the real shared-mime-info
database and GIO's detection) and the icons. The slow tests build the one-folder
program with PyInstaller, as packaging/build.sh does, and use it as a user would:
export from another folder, open the editor under a real X server, and measure
its size on disk.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "src" / "patroon" / "icons"
APP_ID = "nl.patroon.Patroon"
MIME_TYPE = "application/x-patroon+yaml"
PATTERN = ROOT / "patterns" / "wereldvrede.yaml"
# About 93 MiB of Python, Qt and fonts; PowerPoint decks add python-pptx with lxml and
# Pillow's core (which python-pptx imports), about 13 MiB; Dutch compounds add Hunspell
# and its dictionary, fontTools the SVG font subsets, about 5 MiB.
MAX_BUILD_MIB = 115

sys.path.insert(0, str(PACKAGING))
import icu_trim  # noqa: E402
import make_icons  # noqa: E402


def _run(cmd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=kwargs.pop("timeout", 120), **kwargs)


# --- the desktop files ------------------------------------------------------------


def test_desktop_entry_starts_patroon_with_the_files_and_claims_pattern_files():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "patroon %F"
    assert desktop["Icon"] == APP_ID
    assert MIME_TYPE in desktop["MimeType"].split(";")
    assert desktop["Name"] == "Patroon"
    assert desktop["Comment[nl]"] and desktop["Comment"] != desktop["Comment[nl]"]
    assert desktop["GenericName[nl]"] and desktop["Keywords[nl]"]
    if shutil.which("desktop-file-validate"):
        result = _run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")])
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_describes_the_same_app_and_file_type():
    path = LINUX / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == "patroon"
    assert {s.get(lang) for s in root.findall("summary")} == {None, "nl"}
    if shutil.which("appstreamcli"):
        result = _run(["appstreamcli", "validate", "--no-net", str(path)])
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def mime_database(tmp_path_factory) -> dict[str, str]:
    """An environment whose shared-mime-info database holds Patroon's file type."""
    if not (shutil.which("update-mime-database") and shutil.which("gio")):
        pytest.skip("needs update-mime-database (shared-mime-info) and gio (libglib2.0-bin)")
    data = tmp_path_factory.mktemp("xdg-data")
    (data / "mime" / "packages").mkdir(parents=True)
    shutil.copy(LINUX / f"{APP_ID}.xml", data / "mime" / "packages")
    result = _run(["update-mime-database", str(data / "mime")])
    assert result.returncode == 0, result.stderr
    return {**os.environ, "XDG_DATA_HOME": str(data), "XDG_DATA_DIRS": f"{data}:/usr/share"}


def _content_type(path: Path, env: dict[str, str]) -> str:
    result = _run(["gio", "info", "--attributes=standard::content-type", str(path)], env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("standard::content-type:")[1].strip()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("wereldvrede.patroon.yaml", PATTERN.read_bytes()),  # by name
        ("wereldvrede", PATTERN.read_bytes()),  # by the "patroon:" header
        ("met-bom", b"\xef\xbb\xbf" + PATTERN.read_bytes()),
        ("met-crlf", PATTERN.read_bytes().replace(b"\n", b"\r\n")),
        ("met-documentteken", b"---\n" + PATTERN.read_bytes()),
        ("titel-eerst.patroon.yaml", b"title: Wereldvrede\npatroon: 1\n"),  # by name, whatever the order
    ],
)
def test_pattern_files_are_recognised(mime_database, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert _content_type(path, mime_database) == MIME_TYPE


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("boodschappen", b"melk\nbrood\n"),
        ("config", b"title: iets anders\npatroon: 1\n"),  # the header must come first
        ("instellingen.yaml", b"patroonen: 2\n"),
    ],
)
def test_other_files_are_not_pattern_files(mime_database, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert _content_type(path, mime_database) != MIME_TYPE


def test_every_shipped_example_starts_with_the_header_the_mime_type_looks_for():
    for example in sorted((ROOT / "patterns").glob("*.yaml")):
        assert example.read_bytes().startswith(b"patroon:"), example.name


# --- the icon ---------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_icons_have_their_sizes_and_show_white_boxes_on_the_tile():
    from PySide6.QtGui import QColor, QImage

    for size in make_icons.PNG_SIZES:
        path = ICONS / f"patroon-{size}.png"
        assert _png_size(path.read_bytes()) == (size, size), path.name
        image = QImage(str(path))
        colors = [QColor(image.pixel(x, y)) for x in range(size) for y in range(size)]
        # Legible at every size: bright white boxes and the blue-teal tile both present.
        assert sum(c.lightness() > 230 and c.alpha() == 255 for c in colors) > size * size * 0.06, path.name
        assert sum(c.blue() > c.red() + 60 and c.alpha() == 255 for c in colors) > size * size * 0.3, path.name


def test_windows_and_macos_icons_hold_every_size():
    data = (ICONS / "patroon.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert _png_size(data[offset:offset + length]) == (width or 256, height or 256)
        sizes.add(width or 256)
    assert sizes == set(make_icons.ICO_SIZES)

    data = (ICONS / "patroon.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    pos, kinds = 8, {}
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        kinds[kind] = _png_size(data[pos + 8:pos + length])[0]
        pos += length
    assert kinds == {kind: size for kind, size in make_icons.ICNS_TYPES}


def test_icon_sources_are_valid_square_svgs():
    from PySide6.QtSvg import QSvgRenderer

    for name in ("patroon.svg", "patroon-small.svg", "patroon-16.svg"):
        renderer = QSvgRenderer(str(ICONS / name))
        assert renderer.isValid(), name
        box = renderer.viewBoxF()
        assert box.width() == box.height() > 0, name


# --- the trimmed ICU data ---------------------------------------------------------


def test_icu_trim_keeps_root_dutch_and_english_only():
    keep = icu_trim.keep_item
    for name in ("icudt73l/coll/nl.res", "icudt73l/coll/root.res", "icudt73l/en_GB.res", "icudt73l/pool.res",
                 "icudt73l/nl_BE.res", "icudt73l/coll/ucadata.icu", "icudt73l/brkitr/line.brk",
                 "icudt73l/zoneinfo64.res", "icudt73l/uprops.icu", "icudt73l/res_index.res"):
        assert keep(name), name
    for name in ("icudt73l/coll/de.res", "icudt73l/zh_Hant_TW.res", "icudt73l/brkitr/cjdict.dict",
                 "icudt73l/translit/root.res", "icudt73l/ibm-1390_P110-2003.cnv", "icudt73l/coll/de_.res"):
        assert not keep(name), name


def test_icu_trim_makes_a_smaller_package_icu_can_still_search():
    from PySide6.QtCore import QLibraryInfo

    libs = sorted(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)).glob("libicudata.so.*"))
    if not libs:
        pytest.skip("this Qt does not bring its own ICU (only Linux wheels do)")
    library = libs[0].read_bytes()
    _, offset, size = icu_trim.read_symbol(library)
    trimmed = icu_trim.filter_package(library[offset:offset + size])
    assert len(trimmed) < size * 0.25

    header_size = struct.unpack_from("<H", trimmed)[0]
    count = struct.unpack_from("<I", trimmed, header_size)[0]
    names = []
    for i in range(count):
        name_offset, data_offset = struct.unpack_from("<II", trimmed, header_size + 4 + 8 * i)
        start = header_size + name_offset
        names.append(trimmed[start:trimmed.index(b"\0", start)].decode())
        assert (header_size + data_offset) % 16 == 0
    assert names == sorted(names)  # ICU finds items by binary search
    short = {n.split("/", 1)[1] for n in names}
    assert {"coll/nl.res", "coll/root.res", "nl.res", "en.res", "coll/ucadata.icu"} <= short
    assert "coll/de.res" not in short


# --- the standalone build (slow) --------------------------------------------------


@pytest.fixture(scope="module")
def built_app(tmp_path_factory) -> Path:
    """The one-folder program, built with packaging/build.sh into a temporary folder."""
    out = tmp_path_factory.mktemp("pyinstaller")
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(out / "dist"), "WORK": str(out / "work")}
    start = time.monotonic()
    result = _run(["sh", str(PACKAGING / "build.sh")], env=env, cwd=out, timeout=900)
    assert result.returncode == 0, f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
    print(f"\nbuilt the standalone Patroon in {time.monotonic() - start:.0f} s: {result.stdout.strip().splitlines()[-2]}")
    return out / "dist" / "patroon"


def _user_env(**extra: str) -> dict[str, str]:
    """The environment of a user's session: no Python or Qt settings of this test run."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "QT_", "VIRTUAL_ENV", "PYTEST")) and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return {**env, **extra}


@pytest.mark.slow
def test_build_fits_in_its_size(built_app):
    result = _run(["du", "-sk", str(built_app)])
    kib = int(result.stdout.split()[0])
    print(f"\nstandalone build: {kib / 1024:.1f} MiB on disk")
    assert kib <= MAX_BUILD_MIB * 1024, f"the build takes {kib / 1024:.1f} MiB; at most {MAX_BUILD_MIB} MiB"


@pytest.mark.slow
def test_build_carries_its_fonts_translations_examples_and_icons(built_app):
    package = built_app / "_internal" / "patroon"
    for source, inside in [
        (ROOT / "src" / "patroon" / "fonts", package / "fonts"),
        (ROOT / "src" / "patroon" / "translations", package / "translations"),
        (ICONS, package / "icons"),
        (ROOT / "patterns", package / "examples"),
    ]:
        wanted = {p.name for p in source.glob("*") if p.suffix in (".ttf", ".qm", ".yaml", ".png", ".svg", ".ico", ".icns")}
        assert wanted <= {p.name for p in inside.glob("*")}, f"missing in the build: {wanted - {p.name for p in inside.glob('*')}}"
    assert list((package / "fonts").glob("*.ttf")) and len(list((package / "examples").glob("*.yaml"))) >= 5
    # and none of the Qt parts Patroon never loads
    qt = built_app / "_internal" / "PySide6" / "Qt"
    assert not list(qt.glob("lib/libQt6Quick*")) and not list(qt.glob("lib/libQt6Network*"))
    assert not (qt / "qml").exists() and not (qt / "plugins" / "platformthemes" / "libqgtk3.so").exists()
    assert {p.name for p in (qt / "translations").glob("*.qm")} <= {"qt_nl.qm", "qtbase_nl.qm", "qt_en.qm", "qtbase_en.qm"}


@pytest.mark.slow
def test_build_exports_the_same_pdf_as_the_installed_package(built_app, tmp_path):
    elsewhere = tmp_path / "ergens"
    elsewhere.mkdir()
    # Qt seeds its hash tables at random, and the PDF writer's font table with
    # them; a fixed seed makes two runs comparable byte for byte.
    frozen = _run([str(built_app / "patroon"), "export", str(PATTERN), "-o", "bevroren.pdf"],
                  cwd=elsewhere, env=_user_env(QT_HASH_SEED="0"))
    assert frozen.returncode == 0, frozen.stdout + frozen.stderr
    assert "Traceback" not in frozen.stderr
    package = _run([sys.executable, "-m", "patroon", "export", str(PATTERN), "-o", "pakket.pdf"],
                   cwd=elsewhere, env={**os.environ, "QT_HASH_SEED": "0"})
    assert package.returncode == 0, package.stdout + package.stderr
    made, expected = (elsewhere / "bevroren.pdf").read_bytes(), (elsewhere / "pakket.pdf").read_bytes()
    assert made[:5] == b"%PDF-" and len(made) > 5000
    assert made == expected, "the standalone build's PDF differs from the installed package's"


@pytest.mark.slow
def test_build_writes_a_powerpoint_deck(built_app, tmp_path):
    from pptx import Presentation

    frozen = _run([str(built_app / "patroon"), "export", str(PATTERN), "-o", "dia.pptx", "--reveal"],
                  cwd=tmp_path, env=_user_env())
    assert frozen.returncode == 0 and "Traceback" not in frozen.stderr, frozen.stdout + frozen.stderr
    assert len(Presentation(str(tmp_path / "dia.pptx")).slides) > 3


@pytest.fixture
def x_display(tmp_path):
    """A real X server (Xvfb) on a free display number; yields its name (":N")."""
    from xserver import x_server

    with x_server("1280x800", tmp_path / "x") as env:
        yield env["DISPLAY"]


def _xdotool(display: str, *args: str) -> subprocess.CompletedProcess:
    return _run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, timeout=15)


@pytest.mark.slow
def test_build_opens_the_editor_with_a_file(built_app, x_display, tmp_path):
    pattern = tmp_path / "wereldvrede.patroon.yaml"
    shutil.copy(PATTERN, pattern)
    log = tmp_path / "patroon.log"
    with log.open("w") as out:
        # A home of its own: no recovery copy or setting another test left can ask a question first.
        home = {var: str(tmp_path / var.lower()) for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")}
        app = subprocess.Popen([str(built_app / "patroon"), str(pattern)], cwd=tmp_path, stdout=out, stderr=out,
                               env=_user_env(DISPLAY=x_display, **home))
    try:
        # The window shows first and names the file once it is open.
        window = None
        deadline = time.monotonic() + 30
        while window is None and time.monotonic() < deadline and app.poll() is None:
            found = _xdotool(x_display, "search", "--onlyvisible", "--name", "wereldvrede").stdout.split()
            window = found[0] if found else None
            time.sleep(0.2)
        names = [_xdotool(x_display, "getwindowname", w).stdout.strip()
                 for w in _xdotool(x_display, "search", "--onlyvisible", "--name", ".").stdout.split()]
        assert window, f"no window with the file appeared (exit status {app.poll()}, windows {names}):\n{log.read_text()[-3000:]}"
        assert _xdotool(x_display, "getwindowname", window).stdout.strip().endswith("Patroon"), names
        assert _xdotool(x_display, "getwindowpid", window).stdout.strip() == str(app.pid)

        _xdotool(x_display, "windowfocus", "--sync", window)
        _xdotool(x_display, "key", "--clearmodifiers", "ctrl+q")
        assert app.wait(timeout=15) == 0, log.read_text()[-3000:]
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    output = log.read_text()
    assert "Traceback" not in output and "Could not load the Qt platform plugin" not in output, output[-3000:]


# --- the user-level installer -----------------------------------------------------


def _installed_desktop_entry(data: Path) -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(data / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return entry["Desktop Entry"]


def test_installer_adds_the_menu_entry_for_a_pip_installed_patroon(tmp_path):
    home, data = tmp_path / "thuis", tmp_path / "thuis" / "gegevens"
    home.mkdir()
    command = Path(sys.executable).parent / "patroon"  # the console script pip made
    assert command.exists()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(data), "PATH": f"{command.parent}:/usr/bin:/bin"}
    result = _run(["sh", str(LINUX / "install.sh"), "--desktop-only"], env=env)
    assert result.returncode == 0, result.stdout + result.stderr

    desktop = _installed_desktop_entry(data)
    assert desktop["Exec"] == f'"{command}" %F' and desktop["TryExec"] == str(command)
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in make_icons.PNG_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    if shutil.which("update-mime-database"):
        assert MIME_TYPE in (data / "mime" / "types").read_text()
    assert not (home / ".local" / "lib" / "patroon").exists()  # no program copied

    result = _run(["sh", str(LINUX / "install.sh"), "--uninstall"], env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (data / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((data / "icons").rglob(f"{APP_ID}.*"))
    if shutil.which("update-mime-database"):
        assert MIME_TYPE not in (data / "mime" / "types").read_text()


@pytest.mark.slow
def test_unpacked_build_installs_itself_for_the_user_and_runs_from_the_menu_entry(built_app, tmp_path):
    home, data = tmp_path / "thuis", tmp_path / "thuis" / ".local" / "share"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(data)}
    result = _run(["sh", str(built_app / "install.sh")], env=env)
    assert result.returncode == 0, result.stdout + result.stderr

    link = home / ".local" / "bin" / "patroon"
    assert link.is_symlink() and link.resolve() == (home / ".local" / "lib" / "patroon" / "patroon").resolve()
    desktop = _installed_desktop_entry(data)
    assert desktop["Exec"] == f'"{link}" %F'
    # What the menu starts works, from anywhere, with the user's environment.
    checked = _run([str(link), "validate", str(PATTERN)], cwd=tmp_path, env=_user_env(HOME=str(home)))
    assert checked.returncode == 0 and "Wereldvrede" in checked.stdout, checked.stdout + checked.stderr

    result = _run(["sh", str(built_app / "install.sh"), "--uninstall"], env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not link.exists() and not (home / ".local" / "lib" / "patroon").exists()
    assert not (data / "applications" / f"{APP_ID}.desktop").exists()
    assert built_app.joinpath("patroon").is_file()  # the build it came from stays


def test_the_lock_pins_every_dependency_within_the_bounds_of_pyproject():
    """packaging/requirements.lock, which build.sh installs, agrees with pyproject.toml."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and newer

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    lock = {}
    for line in (PACKAGING / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            lock[canonicalize_name(name)] = version.strip()
    project = tomllib.loads((PACKAGING.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = [Requirement(r) for r in project["dependencies"]]
    needed += [Requirement(r) for r in project["optional-dependencies"]["test"] if r.startswith("pyinstaller")]
    for requirement in needed:
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        pinned = lock.get(canonicalize_name(requirement.name))
        assert pinned is not None, f"{requirement.name} is not in the lock"
        assert requirement.specifier.contains(pinned, prereleases=True), f"{requirement.name}=={pinned} vs {requirement}"
