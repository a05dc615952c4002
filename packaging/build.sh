#!/bin/sh
# Build the standalone Patroon on Linux: a one-folder program in dist/patroon/.
#
#   packaging/build.sh                 build with the Python on PATH (or $PYTHON)
#   packaging/build.sh --archive       also pack it as dist/patroon-VERSION-linux-ARCH.tar.gz
#   DIST=/tmp/out packaging/build.sh   build somewhere else (WORK= for the scratch folder)
#
# Uses the Python environment Patroon's dependencies are installed in (an active
# virtual environment, else ./.venv, else python3) and installs PyInstaller into
# it when it is missing. Prints where the build is and its size on disk.
set -eu

archive=no
case "${1:-}" in
    --archive) archive=yes ;;
    "") ;;
    *) echo "usage: $0 [--archive]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

if [ -n "${PYTHON:-}" ]; then
    python=$PYTHON
elif [ -n "${VIRTUAL_ENV:-}" ]; then
    python=$VIRTUAL_ENV/bin/python
elif [ -x "$root/.venv/bin/python" ]; then
    python=$root/.venv/bin/python
else
    python=python3
fi

dist=${DIST:-$root/dist}
work=${WORK:-$root/build/pyinstaller}

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')"
    "$python" -m pip install --quiet "pyinstaller>=6.10"
fi
"$python" -c "import PySide6, pydantic, networkx, yaml, pyphen" 2>/dev/null || {
    echo "build.sh: Patroon's dependencies are missing; first run: $python -m pip install -e \"$root\"" >&2
    exit 1
}

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" "$here/patroon.spec"
seconds=$(( $(date +%s) - start ))

app=$dist/patroon
# The desktop integration travels with the build: unpack it anywhere and run
# patroon/install.sh to get a menu entry and the file type of pattern files.
mkdir -p "$app/share"
cp "$here/linux/install.sh" "$app/install.sh"
cp "$here"/linux/nl.patroon.Patroon.* "$app/share/"
bytes=$(du -sb "$app" | cut -f1)
mib=$(awk "BEGIN { printf \"%.1f\", $bytes / 1048576 }")
echo "build.sh: built $app in ${seconds}s: $mib MiB on disk ($(find "$app" -type f | wc -l) files)"
echo "build.sh: try  $app/patroon validate $root/patterns/wereldvrede.yaml"
if [ "$archive" = yes ]; then
    version=$("$app/patroon" --version | cut -d' ' -f2)
    tarball=$dist/patroon-$version-linux-$(uname -m).tar.gz
    tar -C "$dist" -czf "$tarball" patroon
    echo "build.sh: packed $tarball ($(du -h "$tarball" | cut -f1)); users unpack it and run patroon/install.sh"
fi
