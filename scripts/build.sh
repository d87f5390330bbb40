#!/usr/bin/env bash
# Release build of the portal into dist/: a folder of static files for any host and sub-path.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
trunk build --release --locked
node scripts/csp.mjs dist
