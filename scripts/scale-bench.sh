#!/usr/bin/env bash
# `make scale-bench`: the portal at 100 times today's corpus (500 documents), beside Pagefind
# over the same documents' pages, in one run. Not part of `make test`: its figures are
# measurements, printed and written to target/scale-bench/report.md.
#   1. scale_corpus: the real corpus, each document repeated 100 times (copies perturbed so
#      they compress as real text would; see crates/ruxue-core/examples/scale_corpus.rs).
#   2. The release site built from it (clause pages left out: none is measured).
#   3. Pagefind (npm, extended build, --force-language zh-cn) over the 500 document pages.
#   4. scripts/scale-bench.mjs measures both in headless Chromium.
# Pagefind comes from npm on first use. TIMES=1 measures today's corpus the same way.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
scripts/setup.sh --browser
work="target/scale-bench"
rm -rf "$work"
mkdir -p "$work"
cargo run -q --locked --release -p ruxue-core --example scale_corpus -- "${TIMES:-100}" "$work/corpus.bin" \
    | tee "$work/corpus.log"
index_ms=$(sed -n 's/^index_build_ms=//p' "$work/corpus.log")
now_ms() { date +%s%3N; }
start=$(now_ms)
RUXUE_DIST="$work/dist" RUXUE_BUNDLE="$work/corpus.bin" RUXUE_PRERENDER_CLAUSES=0 scripts/build.sh >/dev/null
portal_ms=$(( $(now_ms) - start ))
start=$(now_ms)
npm exec --yes --package=pagefind@1.6.0 -- pagefind --site "$work/dist" --glob 'policies/*/index.html' \
    --force-language zh-cn --quiet
pagefind_ms=$(( $(now_ms) - start ))
documents=$(find "$work/dist/policies" -mindepth 2 -maxdepth 2 -name index.html | wc -l)
node scripts/scale-bench.mjs "$work" "$pagefind_ms" "$portal_ms" "${TIMES:-100}" "$documents" "$index_ms"
