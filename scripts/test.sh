#!/usr/bin/env bash
# Everything CI checks, in order: typecheck, lint, unit tests, build, e2e in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/ensure-chromium.mjs
node scripts/ensure-torch.mjs
node scripts/ensure-redis.mjs
node scripts/prepare-data.mjs
echo "== typecheck" && npm run -s typecheck
echo "== lint" && npm run -s lint
rm -rf .test-reports
echo "== unit" && npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/unit.json
echo "== build" && npx vite build
echo "== e2e" && npx playwright test
node scripts/summary.mjs
