#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine, builds the desktop app and launches it
# on the built-in plan (Hưng Yên 2024). Without a display it runs once under
# Xvfb and saves a screenshot instead, to show that it starts.
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
setup_build
setup_app
build_app
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "== Launching $APP_BIN (data in the app-data folder, e.g. ~/.local/share/cchc)"
    exec "$APP_BIN"
fi
shot="${TMPDIR:-/tmp}/cchc-app.png"
echo "== No display: running the app under Xvfb for 10 s and saving $shot"
export WEBKIT_DISABLE_DMABUF_RENDERER=1
xvfb-run -a -s "-screen 0 1366x768x24" bash -c "
    '$APP_BIN' & app=\$!
    sleep 10
    import -window root '$shot'
    kill \$app
"
echo "Ảnh chụp màn hình đầu tiên: $shot"
