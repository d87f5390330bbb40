#!/usr/bin/env bash
# Sets up what is missing, builds the portal and serves it at http://127.0.0.1:8080/,
# rebuilding when a file changes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
scripts/setup.sh
exec trunk serve --release --locked --address 127.0.0.1 --port 8080
