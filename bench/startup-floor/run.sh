#!/usr/bin/env bash
# The platform's floor beside the app (docs/performance.md, "Ứng dụng (desktop)"):
# starts the bare Tauri window (src-tauri/examples/bare_window.rs) and the app in
# turn, RUNS times each (default 10), under the same Xvfb, software drawing and
# fresh data folder as scripts/measure.sh, but without a WebDriver; prints each
# one's start (its own clock), CPU time and memory after 10 s idle.
# Usage: bash bench/startup-floor/run.sh APP_BINARY [APP_B_BINARY]
#   (e.g. "$CARGO_TARGET_DIR/release/cchc-app"; APP_B for an A/B of two builds)
#   FLOOR: the bare window's binary (default: built here, release).
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${CARGO_TARGET_DIR:-target}"
if [ -z "${FLOOR:-}" ]; then
    cargo build --release --locked -p cchc-app --example bare_window --features custom-protocol --quiet
    export FLOOR="$(realpath "$target/release/examples/bare_window")"
fi
if [ -z "${CCHC_CLI:-}" ]; then
    cargo build --release --locked -p cchc --bin cchc --quiet
    export CCHC_CLI="$target/release/cchc"
fi
[ -n "${2:-}" ] && export APP_B="$(realpath "$2")"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
E2E_TEST=bench/startup-floor/launch.mjs bash scripts/e2e.sh "$1"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
