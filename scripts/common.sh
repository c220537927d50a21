# Shared by scripts/start.sh and scripts/test.sh: installs what building needs
# on a fresh Debian/Ubuntu machine and picks a cargo target folder outside the clone.

set -euo pipefail

sudo_if_needed() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "== Installing Debian packages: ${missing[*]}"
        sudo_if_needed apt-get update -q
        sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    fi
}

ensure_rust() {
    if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
        export PATH="$HOME/.cargo/bin:$PATH"
    fi
    if ! command -v cargo >/dev/null 2>&1; then
        echo "== Rust is missing: installing the stable toolchain with rustup"
        install_apt_packages curl ca-certificates
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
        export PATH="$HOME/.cargo/bin:$PATH"
    fi
    if command -v rustup >/dev/null 2>&1; then
        rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
        rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
    fi
}

setup_build() {
    install_apt_packages build-essential pkg-config
    ensure_rust
    # Build output lives outside the clone so repeated runs reuse it.
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cchc-target}"
    mkdir -p "$CARGO_TARGET_DIR"
}

# The collect tests edit workbooks with an independent writer (Python openpyxl)
# the way a person does in Excel. Debian 12 forbids pip into the system Python
# (PEP 668), so openpyxl goes into a virtual environment outside the clone; the
# tests find its interpreter through CCHC_PYTHON.
setup_python_for_tests() {
    install_apt_packages python3 python3-venv
    local venv="${XDG_CACHE_HOME:-$HOME/.cache}/cchc-test-venv"
    if ! "$venv/bin/python" -c 'import openpyxl' >/dev/null 2>&1; then
        echo "== Installing openpyxl with pip into $venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check 'openpyxl>=3.1,<4'
    fi
    if ! "$venv/bin/python" -c 'import openpyxl' >/dev/null 2>&1; then
        echo "error: openpyxl could not be installed in $venv; the collect tests need it." >&2
        exit 1
    fi
    export CCHC_PYTHON="$venv/bin/python"
}
