#!/usr/bin/env bash
# Checks that a second launch of the app exits at once while the first runs
# (tauri-plugin-single-instance; on Linux it needs a D-Bus session, as every
# desktop has; e2e/session-bus.conf is one that starts no services on demand).
# Usage: e2e/single-instance.sh APP_BINARY
set -euo pipefail
app="$(realpath "$1")"
bus_config="$(realpath "$(dirname "$0")/session-bus.conf")"
run_dir="$(mktemp -d)"
trap 'rm -rf "$run_dir"' EXIT
export XDG_DATA_HOME="$run_dir/data" XDG_CACHE_HOME="$run_dir/cache" XDG_CONFIG_HOME="$run_dir/config"
export WEBKIT_DISABLE_DMABUF_RENDERER=1
status=0
xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session --config-file="$bus_config" -- bash -c '
    "$0" >/dev/null 2>&1 & first=$!
    sleep 4
    if ! kill -0 "$first" 2>/dev/null; then echo "single instance: the first launch did not stay up" >&2; exit 1; fi
    if timeout 10 "$0" >/dev/null 2>&1; then rc=0; else rc=$?; fi
    kill "$first"
    wait "$first" || true
    if [ "$rc" -ne 0 ]; then echo "single instance: the second launch did not exit at once (status $rc)" >&2; exit 1; fi
    echo "single instance: the second launch handed over to the first and exited"
' "$app" >"$run_dir/out" 2>&1 || status=$?
# The session bus and desktop portals are chatty; show only this check's lines.
grep "^single instance" "$run_dir/out" || tail -20 "$run_dir/out"
exit "$status"
