#!/usr/bin/env bash
# Lighthouse (mobile profile: simulated slow 4G and a 4× slower CPU) on the release build,
# served compressed as a static host would: home, a clause page, the guide and search. Each
# page is measured RUNS times (default 3) and the median run by performance score is printed,
# as Lighthouse's own guidance on variability advises: category scores, then LCP, FCP, TBT and
# CLS. Not part of `make test`: its numbers are measurements, not pass/fail. Lighthouse comes
# from npm on first use.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
[ -f dist/policies/mh-2023-6/4-9-16/index.html ] || scripts/build.sh
port=8097
runs="${RUNS:-3}"
PORT=$port node scripts/serve.mjs dist >/dev/null &
server=$!
out="$(mktemp -d)"
trap 'kill $server; rm -rf "$out"' EXIT
sleep 1
for page in "" "policies/mh-2023-6/4-9-16/" "guide/" "search/"; do
    for run in $(seq "$runs"); do
        CHROME_PATH="$RUXUE_CHROMIUM" npm exec --yes --package=lighthouse@13.5.0 -- lighthouse \
            "http://127.0.0.1:$port/$page" --quiet --form-factor=mobile --output=json \
            --output-path="$out/report-$run.json" \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1
    done
    node -e '
      const fs = require("fs");
      const [dir, page, runs] = process.argv.slice(1);
      const reports = Array.from({ length: Number(runs) }, (_, i) =>
        JSON.parse(fs.readFileSync(`${dir}/report-${i + 1}.json`, "utf8")));
      reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const r = reports[Math.floor(reports.length / 2)];
      const all = reports.map((x) => Math.round(x.categories.performance.score * 100)).join("/");
      const scores = Object.entries(r.categories).filter(([k]) => k !== "agentic-browsing")
        .map(([k, c]) => `${k} ${Math.round(c.score * 100)}`).join(", ");
      const a = r.audits;
      const metric = (id) => a[id].displayValue.replace(/\s/g, " ");
      console.log(`${page || "home"}: ${scores} (runs: ${all}); LCP ${metric("largest-contentful-paint")}, FCP ${metric("first-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`);
    ' "$out" "$page" "$runs"
done
