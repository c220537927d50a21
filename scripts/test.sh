#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and runs every check and test: Rust
# format, lints and tests; the TypeScript bindings staleness check; the UI's
# type check and unit tests; the end-to-end test of the real app binary.
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
setup_build
setup_python
setup_app

echo "== UI type check and build (ui/dist is embedded by the shell)"
npm run build

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo doc (a broken or private link in the docs fails)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet

echo "== TypeScript bindings are up to date (ui/src/bindings)"
fresh="$(mktemp -d)"
CCHC_BINDINGS_DIR="$fresh" cargo test -p cchc-app --locked --lib -- bindings --quiet
if ! diff -r "$fresh" ui/src/bindings; then
    echo "ui/src/bindings is stale: run 'cargo test -p cchc-app bindings' and commit the result." >&2
    exit 1
fi
rm -rf "$fresh"

echo "== cargo test"
cargo test --workspace --all-targets --locked

echo "== UI unit tests (Vitest)"
npm test

if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "== cargo install tauri-driver"
    cargo install tauri-driver --locked
fi
build_app
bash scripts/e2e.sh "$APP_BIN"
E2E_TEST=e2e/shell.test.mjs bash scripts/e2e.sh "$APP_BIN"
echo "== Single instance"
bash e2e/single-instance.sh "$APP_BIN"
echo "== All checks passed"
