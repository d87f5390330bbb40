#!/usr/bin/env bash
# Prints raw, gzip (-9) and brotli (-q 11) bytes for every file in dist/ and the total.
# What a parent's phone downloads is the compressed column the host serves.
set -euo pipefail
source "$(dirname "$0")/env.sh"
dist="${1:-$RUXUE_ROOT/dist}"
[ -d "$dist" ] || { echo "size-report: $dist does not exist; run scripts/build.sh first" >&2; exit 1; }
command -v brotli >/dev/null || { echo "size-report: brotli is missing; run scripts/setup.sh --browser" >&2; exit 1; }
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
while IFS= read -r file; do
    raw=$(wc -c < "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    br=$(brotli -q 11 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '%-44s %10d %10d %10d\n' "${file#"$dist"/}" "$raw" "$gz" "$br"
done < <(find "$dist" -type f ! -name '*.br' ! -name '*.gz' | sort)
printf '%-44s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"

# The precompressed copies (scripts/precompress.mjs) are left out above: they are the same
# files, and their sizes are the gzip and brotli columns.
