#!/bin/sh
# Install Patroon for the current user, without root: the program, its menu
# entry, its icon and the file type of pattern files, all under ~/.local.
#
#   ./install.sh                 from the unpacked build (patroon/install.sh), or
#                                packaging/linux/install.sh after packaging/build.sh
#   ./install.sh --desktop-only  only the menu entry, icon and file type, for a
#                                `patroon` command installed with pip or pipx
#   ./install.sh --uninstall     remove all of it again
#
# Where things go (XDG_DATA_HOME is ~/.local/share unless set):
#   ~/.local/lib/patroon/                 the program (a copy of the build)
#   ~/.local/bin/patroon                  a link to it
#   $XDG_DATA_HOME/applications/          nl.patroon.Patroon.desktop
#   $XDG_DATA_HOME/icons/hicolor/*/apps/  nl.patroon.Patroon.png / .svg
#   $XDG_DATA_HOME/mime/packages/         nl.patroon.Patroon.xml (pattern files)
#   $XDG_DATA_HOME/metainfo/              nl.patroon.Patroon.metainfo.xml (software centres)
set -eu

APP_ID=nl.patroon.Patroon
MIME_TYPE=application/x-patroon+yaml

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
lib=$HOME/.local/lib/patroon

say() { printf '%s\n' "install.sh: $*"; }
die() { printf '%s\n' "install.sh: $*" >&2; exit 1; }

refresh() {
    # Each cache is optional: without it the desktop finds the files a little later.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache --quiet --force "$data/icons/hicolor" >/dev/null 2>&1 || true
    fi
    touch "$data/icons/hicolor" 2>/dev/null || true  # tells icon caches that watch the folder
}

uninstall() {
    rm -f "$data/applications/$APP_ID.desktop" "$data/mime/packages/$APP_ID.xml" \
        "$data/metainfo/$APP_ID.metainfo.xml" "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
    for png in "$data"/icons/hicolor/*/apps/"$APP_ID".png; do
        rm -f "$png"
    done
    if [ -L "$bin/patroon" ] && [ "$(readlink "$bin/patroon")" = "$lib/patroon" ]; then
        rm -f "$bin/patroon"
    fi
    rm -rf "$lib"
    refresh
    say "removed Patroon's program and desktop integration (your pattern files stay where they are)"
}

mode=app
case "${1:-}" in
    --uninstall) uninstall; exit 0 ;;
    --desktop-only) mode=desktop ;;
    "") ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
esac

# The build, the desktop files and the icons: inside an unpacked build they sit
# next to this script; in a source checkout they are spread over the repository.
if [ -x "$here/patroon" ] && [ -d "$here/_internal" ]; then
    build=$here
    share=$here/share
    icons=$here/_internal/patroon/icons
else
    root=$(dirname "$(dirname "$here")")
    build=$root/dist/patroon
    share=$here
    icons=$root/src/patroon/icons
fi
[ -f "$share/$APP_ID.desktop" ] || die "cannot find $APP_ID.desktop next to this script"
[ -f "$icons/patroon.svg" ] || die "cannot find Patroon's icons in $icons"

if [ "$mode" = app ]; then
    [ -x "$build/patroon" ] || die "no build in $build: run packaging/build.sh first, or use --desktop-only"
    mkdir -p "$bin" "$(dirname "$lib")"
    rm -rf "$lib.new"
    cp -R "$build" "$lib.new"
    rm -rf "$lib"
    mv "$lib.new" "$lib"
    ln -sfn "$lib/patroon" "$bin/patroon"
    command=$bin/patroon
    say "installed the program in $lib and linked it as $command"
else
    command=$(command -v patroon) || die "no patroon command on PATH: install it first (pipx install patroon)"
    say "using the patroon command at $command"
fi

mkdir -p "$data/applications" "$data/mime/packages" "$data/metainfo" "$data/icons/hicolor/scalable/apps"

# The menu entry starts the command by its full path: ~/.local/bin is not on
# every desktop session's PATH.
quoted=$(printf '%s' "$command" | sed 's/["`$\\]/\\&/g')
sed -e "s|^Exec=patroon |Exec=\"$quoted\" |" -e "s|^TryExec=patroon\$|TryExec=$command|" \
    "$share/$APP_ID.desktop" > "$data/applications/$APP_ID.desktop"
cp "$share/$APP_ID.xml" "$data/mime/packages/$APP_ID.xml"
cp "$share/$APP_ID.metainfo.xml" "$data/metainfo/$APP_ID.metainfo.xml"
cp "$icons/patroon.svg" "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in "$icons"/patroon-*.png; do
    size=$(basename "$png" .png | sed 's/^patroon-//')
    mkdir -p "$data/icons/hicolor/${size}x$size/apps"
    cp "$png" "$data/icons/hicolor/${size}x$size/apps/$APP_ID.png"
done
refresh
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$APP_ID.desktop" "$MIME_TYPE" 2>/dev/null || true
fi

say "Patroon is in your applications menu; files named *.patroon.yaml open in it"
case ":$PATH:" in
    *":$bin:"*) ;;
    *) [ "$mode" = app ] && say "note: $bin is not on your PATH; add it to use 'patroon' in a terminal" ;;
esac
exit 0
