#!/usr/bin/env bash
# Release build of the portal into dist/: a folder of static files for any host and sub-path.
# RUXUE_DIST=<folder> writes it elsewhere; RUXUE_DATA_DIR=<folder> builds from another data
# folder (see build.rs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
dist="${RUXUE_DIST:-dist}"
# Each page's code in a part of the wasm of its own, fetched when the page opens
# (src/page_code.rs): `ruxue_split` marks the split points, `--emit-relocs` keeps what the
# splitter reads, and the wasm stays unstripped until wasm-opt has run on every part.
# RUSTFLAGS replaces .cargo/config.toml's flags for this build, so it repeats them.
RUSTFLAGS="--cfg erase_components --cfg ruxue_split -Clink-args=--emit-relocs" \
    CARGO_PROFILE_RELEASE_STRIP=false trunk build --release --locked --dist "$dist"
export RUXUE_PARTS_MAP="${CARGO_TARGET_DIR:-target}/ruxue-parts.json"
node scripts/split-wasm.mjs "$dist" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/ruxue-web.wasm" "$RUXUE_PARTS_MAP"
node scripts/csp.mjs "$dist"
# Every page as a real file, rendered natively from the app's components (src/prerender.rs),
# naming the files of its part of the wasm (RUXUE_PARTS_MAP).
cargo run -q --locked --no-default-features --features ssr --bin ruxue-prerender -- "$dist"
# Brotli and gzip copies of the hashed files and the data file, for hosts that serve them.
node scripts/precompress.mjs "$dist"
# The service worker, with the finished dist's precache list (scripts/service-worker.js).
node scripts/offline.mjs "$dist"
