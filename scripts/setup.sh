#!/usr/bin/env bash
# Installs what building and testing Ruxue needs, from the registries these machines reach
# (crates.io, npm, Debian). Idempotent: anything already present at the right version is skipped.
#
#   scripts/setup.sh            tools to build and serve the portal
#   scripts/setup.sh --browser  also what the tests need: Chromium, chromedriver, brotli, and
#                               leptosfmt for the lint
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"

TRUNK_VERSION=0.21.14
# Cuts the wasm into the main part and one part per page (scripts/split-wasm.mjs); it must
# speak the protocol of the wasm_split_helpers 0.2 that Leptos links (Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
LEPTOSFMT_VERSION=0.1.33
want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

say() { printf 'setup: %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        say "need root to run: $*"; exit 1; fi
}

# The wasm-bindgen CLI must be exactly the library version that Cargo.lock pins.
wasm_bindgen_locked() {
    awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
else
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
else
    say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
fi

wb="$(wasm_bindgen_locked)"
[ -n "$wb" ] || { say "Cargo.lock names no wasm-bindgen version"; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wb" ]; then
    say "wasm-bindgen-cli $wb: present"
else
    # Without --locked: its own lock pins a crate version the registry no longer serves.
    say "installing wasm-bindgen-cli $wb (about 4 minutes)"
    cargo install --force "wasm-bindgen-cli@$wb"
fi

if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
    cargo install --locked --force "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.ruxue-lock-hash 2>/dev/null)" = "$lock_hash" ]; then
    say "npm dev dependencies: present"
else
    say "installing npm dev dependencies (binaryen 132, terser, playwright-core, axe-core)"
    npm ci --no-audit --no-fund
    echo "$lock_hash" > node_modules/.ruxue-lock-hash
fi
case "$(wasm-opt --version 2>/dev/null)" in
    *"version 132"*) ;;
    *) say "wasm-opt on PATH is not version 132: $(command -v wasm-opt || echo none)"; exit 1 ;;
esac

# trunk runs cargo with --offline, so every crate must already be in the local cache.
say "fetching crates named in Cargo.lock"
cargo fetch --locked

if [ "$want_browser" = 1 ]; then
    if [ "$(leptosfmt --version 2>/dev/null)" = "leptosfmt $LEPTOSFMT_VERSION" ]; then
        say "leptosfmt $LEPTOSFMT_VERSION: present"
    else
        say "installing leptosfmt $LEPTOSFMT_VERSION (about 2 minutes)"
        cargo install --locked "leptosfmt@$LEPTOSFMT_VERSION"
    fi
    missing=()
    for package in chromium chromium-driver brotli; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ "${#missing[@]}" = 0 ]; then
        say "chromium, chromium-driver, brotli: present"
    else
        say "installing ${missing[*]} from Debian"
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    fi
fi
say "done"
