#!/usr/bin/env bash
# Sets up what is missing, builds the portal (every page prerendered) and serves dist/ at
# http://127.0.0.1:8080/ as a plain static host would. After a change, run it again.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs dist
