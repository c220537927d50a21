#!/usr/bin/env bash
# Measures launch-to-first-screen-with-data and memory of the built app
# (docs/performance.md, section "Ứng dụng (desktop)").
# Usage: scripts/measure.sh APP_BINARY   (e.g. target/release/cchc-app)
set -euo pipefail
cd "$(dirname "$0")/.."
E2E_TEST=e2e/measure.mjs bash scripts/e2e.sh "$1"
