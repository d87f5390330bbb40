#!/usr/bin/env bash
# Sets up what is missing, then runs every test layer. CI runs exactly this (.ci/run).
#   1. lint: rustfmt, leptosfmt (view! macros, leptosfmt.toml) and clippy
#   2. native: the core crate, the CLI, and the pages rendered natively (cargo test)
#   3. components: wasm-bindgen-test in headless Chromium
#   4. end to end: playwright-core driving Chromium against the release dist/, served from a sub-path
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
scripts/setup.sh --browser

echo "== 1/4 lint"
cargo fmt --all --check
leptosfmt --check --quiet src
cargo clippy --locked -p ruxue-core -p ruxue-cli --all-targets -- -D warnings
cargo clippy --locked -p ruxue-web --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --locked -p ruxue-web --target wasm32-unknown-unknown --all-targets --features test-hooks -- -D warnings
cargo clippy --locked -p ruxue-web --no-default-features --features ssr --all-targets -- -D warnings
# The release build's split points (src/page_code.rs), in a target folder of their own so
# the flags do not rebuild the others.
RUSTFLAGS="--cfg erase_components --cfg ruxue_split" cargo clippy --locked -p ruxue-web \
    --target wasm32-unknown-unknown --target-dir target/split -- -D warnings

echo "== 2/4 native tests: core and CLI"
cargo test --locked -p ruxue-core -p ruxue-cli
# The pages rendered natively from the app's own components (the prerendered markup).
cargo test --locked -p ruxue-web --no-default-features --features ssr --lib
# The documented way editors run the CLI, from the repository root.
cargo run -q --locked --release --bin ruxue -- check

echo "== 3/4 component tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked -p ruxue-web --target wasm32-unknown-unknown

echo "== 4/4 end-to-end tests against the release build"
scripts/build.sh
node --test --test-concurrency=1 tests/e2e/
