#!/bin/sh
# Build the standalone Patroon on Linux: a one-folder program in dist/patroon/.
#
#   packaging/build.sh                 build with the Python on PATH (or $PYTHON)
#   packaging/build.sh --archive       also pack it as dist/patroon-VERSION-linux-ARCH.tar.gz
#   DIST=/tmp/out packaging/build.sh   build somewhere else (WORK= for the scratch folder)
#
# Builds from the exact releases in packaging/requirements.lock (made by
# packaging/lock.sh), installed into build/env the first time; PYTHON=... builds
# with that Python environment instead. Prints where the build is and its size.
set -eu

archive=no
case "${1:-}" in
    --archive) archive=yes ;;
    "") ;;
    *) echo "usage: $0 [--archive]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

dist=${DIST:-$root/dist}
work=${WORK:-$root/build/pyinstaller}
lock=$here/requirements.lock

if [ -n "${PYTHON:-}" ]; then
    # An environment chosen by hand (a developer's, or the tests'): used as it is.
    python=$PYTHON
    "$python" -c "import PyInstaller, PySide6, pydantic, networkx, yaml, pyphen, pptx" 2>/dev/null || {
        echo "build.sh: $python lacks PyInstaller or Patroon's dependencies; install them, or unset PYTHON" >&2
        echo "build.sh: to build from the exact releases in $lock" >&2
        exit 1
    }
else
    # The exact releases of the lock file, in an environment of the build's own: the
    # same source and lock give the same app. Made again whenever the lock changes.
    env=${BUILD_ENV:-$root/build/env}
    if ! cmp -s "$lock" "$env/requirements.lock" 2>/dev/null; then
        echo "build.sh: installing the releases of $lock into $env"
        python3 -m venv --clear "$env"
        "$env/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$lock"
        cp "$lock" "$env/requirements.lock"
    fi
    python=$env/bin/python
fi

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
