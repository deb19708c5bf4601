#!/bin/sh
# Lighthouse (mobile) on the home page and a guide page of a running server (issue 15).
# Not part of `make test` (a minute per page). Needs node/npm and chromium:
#   make lighthouse                      # installs the pinned lighthouse into data/lighthouse/
#   LIGHTHOUSE_URL=http://127.0.0.1:8000 bench/lighthouse.sh
# The server must run (`make run`); the demo loader sets the Site to its port, so that the
# canonical links and hreflang the SEO audits check carry the address served.
# Prints the four category scores per page; the JSON reports go to bench/results/ (git-ignored).
set -eu
BASE=${LIGHTHOUSE_URL:-http://127.0.0.1:8000}
LH=${LIGHTHOUSE_BIN:-data/lighthouse/node_modules/.bin/lighthouse}
OUT=bench/results
mkdir -p "$OUT"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
for path in /de/ /de/sprache/kursabbruch/; do
    name=$(echo "$path" | tr '/' '_')
    "$LH" "$BASE$path" --quiet --form-factor=mobile \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" \
        --output=json --output-path="$OUT/lighthouse$name.json"
    node -e '
const r = require(process.argv[1]);
const s = Object.values(r.categories).map(c => `${c.id} ${Math.round(c.score * 100)}`).join(", ");
console.log(`${r.finalDisplayedUrl}: ${s}`);
for (const c of Object.values(r.categories)) {
  if (c.id === "performance" || c.score === 1) continue;
  for (const ref of c.auditRefs) {
    const a = r.audits[ref.id];
    if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`  ${c.id}: ${a.id} (${a.title})`);
  }
}' "$PWD/$OUT/lighthouse$name.json"
done
