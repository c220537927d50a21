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

# A Python with openpyxl, the independent reader the workbook tests check the
# exported files with. It lives in a virtual environment outside the clone;
# CCHC_PYTHON tells the tests where it is.
setup_python() {
    command -v python3 >/dev/null 2>&1 || install_apt_packages python3
    local venv="${CCHC_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/cchc-venv}"
    if [ ! -x "$venv/bin/python" ]; then
        echo "== Making the Python environment for the workbook checks: $venv"
        if ! python3 -m venv "$venv" 2>/dev/null; then
            rm -rf "$venv"
            install_apt_packages python3-venv
            python3 -m venv "$venv"
        fi
    fi
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r tests/xlsx_check/requirements.txt
    export CCHC_PYTHON="$venv/bin/python"
}

# What building, running and end-to-end testing the desktop app needs: WebKitGTK
# and GTK headers, Node.js with npm, Xvfb and WebKitWebDriver, fonts with
# Vietnamese, and ImageMagick/xdotool for screenshots.
setup_app() {
    install_apt_packages libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev \
        libjavascriptcoregtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev \
        file curl xvfb xauth dbus webkit2gtk-driver fonts-dejavu-core imagemagick xdotool
    # Debian 12's nodejs (18) is enough; a newer Node already installed is kept.
    command -v node >/dev/null 2>&1 || install_apt_packages nodejs
    command -v npm >/dev/null 2>&1 || install_apt_packages npm
    echo "== npm ci (versions pinned by package-lock.json)"
    npm ci --no-audit --no-fund
}

# Builds the app binary with the front end embedded (debug profile, no bundle).
build_app() {
    echo "== tauri build --debug --no-bundle"
    npx tauri build --debug --no-bundle
    APP_BIN="$CARGO_TARGET_DIR/debug/cchc-app"
}
