#!/usr/bin/env bash
# Release build of the portal into dist/: a folder of static files for any host and sub-path.
# RUXUE_DIST=<folder> writes it elsewhere; RUXUE_DATA_DIR=<folder> builds from another data
# folder (see build.rs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
dist="${RUXUE_DIST:-dist}"
trunk build --release --locked --dist "$dist"
node scripts/csp.mjs "$dist"
# Every page as a real file, rendered natively from the app's components (src/prerender.rs).
cargo run -q --locked --no-default-features --features ssr --bin ruxue-prerender -- "$dist"
# Brotli and gzip copies of the hashed files and the data file, for hosts that serve them.
node scripts/precompress.mjs "$dist"
# The service worker, with the finished dist's precache list (scripts/service-worker.js).
node scripts/offline.mjs "$dist"
