#!/bin/sh
# Write packaging/requirements.lock: the exact release of every package the standalone
# build is made from (Patroon's dependencies and PyInstaller, with what they need), so
# that a shipped app can be rebuilt the same. packaging/build.sh installs from it.
#
#   packaging/lock.sh            resolve the newest releases pyproject.toml allows, now
#
# Run it after changing the dependencies in pyproject.toml, then build and test.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${PYTHON:-python3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$python" -m venv "$scratch/env"
"$scratch/env/bin/pip" install --quiet --disable-pip-version-check "$root" pyinstaller
{
    echo "# The standalone build's exact releases; made by packaging/lock.sh with"
    echo "# $("$scratch/env/bin/python" -c 'import platform; print("Python", platform.python_version(), "on", platform.system(), platform.machine())')."
    "$scratch/env/bin/pip" freeze --disable-pip-version-check --exclude patroon --all \
        | grep -v -E '^(pip|setuptools|wheel)=='
} > "$here/requirements.lock"
echo "lock.sh: wrote $here/requirements.lock ($(grep -c '==' "$here/requirements.lock") packages)"
