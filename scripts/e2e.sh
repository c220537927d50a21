#!/usr/bin/env bash
# Runs the end-to-end test against the real app binary: tauri-driver with
# WebKitWebDriver under Xvfb, a fresh data folder for this run.
# Usage: scripts/e2e.sh APP_BINARY [SCREENSHOT_DIR]; CCHC_CLI names the `cchc`
# command line (default: beside the app binary, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
app="$1"
shots="${2:-}"
[ -x "$app" ] || { echo "e2e: no app binary at $app" >&2; exit 1; }
command -v tauri-driver >/dev/null || export PATH="$HOME/.cargo/bin:$PATH"

run_dir="$(mktemp -d)"
export XDG_DATA_HOME="$run_dir/data" XDG_CACHE_HOME="$run_dir/cache" XDG_CONFIG_HOME="$run_dir/config"
export E2E_WORK="$run_dir/work"
mkdir -p "$XDG_DATA_HOME" "$E2E_WORK"
export CCHC_APP="$(realpath "$app")"
# The command line makes the agency workbook the Tổng hợp test collects.
cli="${CCHC_CLI:-$(dirname "$CCHC_APP")/cchc}"
if [ ! -x "$cli" ]; then
    cargo build --locked -p cchc --bin cchc --quiet
    cli="${CARGO_TARGET_DIR:-target}/debug/cchc"
fi
export CCHC_CLI="$(realpath "$cli")"
[ -n "$shots" ] && export SCREENSHOTS="$(realpath -m "$shots")"
# A port pair of its own, so two runs on one machine (CI and a developer) never meet.
port="${E2E_PORT:-$(( 20000 + RANDOM % 20000 * 2 ))}"
export WEBDRIVER_URL="http://127.0.0.1:$port"

driver_pid=""
xvfb_pid=""
cleanup() {
    if [ -n "$driver_pid" ]; then kill "$driver_pid" 2>/dev/null || true; fi
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$run_dir"
}
trap cleanup EXIT

# One X server for the driver and the app it starts; 1366×768 is the office screen.
display=":$(( 90 + RANDOM % 400 ))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$run_dir/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY="$display"
# WebKitGTK draws a blank page under Xvfb without this (no GPU buffers there).
export WEBKIT_DISABLE_DMABUF_RENDERER=1
sleep 1
# A home of its own with no Documents folder, as on some office machines: the
# default save paths must then still be full paths in a real folder.
export HOME="$run_dir/home"
mkdir -p "$HOME"
tauri-driver --port "$port" --native-port "$((port + 1))" --native-driver /usr/bin/WebKitWebDriver >"$run_dir/driver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 50); do
    curl -fs "$WEBDRIVER_URL/status" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fs "$WEBDRIVER_URL/status" >/dev/null || { cat "$run_dir/driver.log"; exit 1; }

test_file="${E2E_TEST:-e2e/app.test.mjs}"
echo "== $test_file (data in $XDG_DATA_HOME)"
if [ "$test_file" = e2e/app.test.mjs ]; then run=(node --test "$test_file"); else run=(node "$test_file"); fi
if ! "${run[@]}"; then
    echo "== tauri-driver log" >&2
    tail -50 "$run_dir/driver.log" >&2
    exit 1
fi
