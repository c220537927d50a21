#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and runs every check and test.
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
setup_build
setup_python

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --all-targets --locked
