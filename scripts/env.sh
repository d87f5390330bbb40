# Sourced by the other scripts: tools the project installed come first on PATH.
# npm's binaryen@132 must shadow any Debian wasm-opt (version 108 builds pages that crash).
RUXUE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$RUXUE_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export RUXUE_CHROMIUM="${RUXUE_CHROMIUM:-/usr/bin/chromium}"
