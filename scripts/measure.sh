#!/usr/bin/env bash
# Measures the built app on a profile with a year of data: from the process's
# start to the dashboard's data (the app's own log), the driver's launch to the
# chart, and the memory after 10 s idle (docs/performance.md, "Ứng dụng (desktop)").
# Usage: scripts/measure.sh APP_BINARY   (e.g. target/release/cchc-app)
#   RUNS, MEM_RUNS: see e2e/measure.mjs; CCHC_CLI: the `cchc` that fills the
#   profile (default: the release build of this tree, built here).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CCHC_CLI:-}" ]; then
    cargo build --release --locked -p cchc --bin cchc --quiet
    export CCHC_CLI="${CARGO_TARGET_DIR:-target}/release/cchc"
fi
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
E2E_TEST=e2e/measure.mjs bash scripts/e2e.sh "$1"
