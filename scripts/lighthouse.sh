#!/usr/bin/env bash
# Lighthouse (mobile profile: simulated slow 4G and a 4× slower CPU) on the release build,
# served as a static host would: home, a clause page, the guide and search. Prints each
# page's category scores, LCP, FCP and CLS. Not part of `make test`: its numbers are
# measurements, not pass/fail. Lighthouse comes from npm on first use.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RUXUE_ROOT"
[ -f dist/policies/mh-2023-6/4-9-16/index.html ] || scripts/build.sh
port=8097
PORT=$port node scripts/serve.mjs dist >/dev/null &
server=$!
trap 'kill $server' EXIT
sleep 1
out="$(mktemp -d)"
for page in "" "policies/mh-2023-6/4-9-16/" "guide/" "search/"; do
    CHROME_PATH="$RUXUE_CHROMIUM" npm exec --yes --package=lighthouse@13.5.0 -- lighthouse \
        "http://127.0.0.1:$port/$page" --quiet --form-factor=mobile --output=json \
        --output-path="$out/report.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const scores = Object.entries(r.categories).filter(([k]) => k !== "agentic-browsing")
        .map(([k, c]) => `${k} ${Math.round(c.score * 100)}`).join(", ");
      const a = r.audits;
      console.log(`${process.argv[2] || "home"}: ${scores}; LCP ${a["largest-contentful-paint"].displayValue}, FCP ${a["first-contentful-paint"].displayValue}, CLS ${a["cumulative-layout-shift"].displayValue}`);
    ' "$out/report.json" "$page"
done
