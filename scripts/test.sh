#!/usr/bin/env bash
# Everything CI checks, in order: typecheck, lint, unit tests, build, e2e in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/ensure-chromium.mjs
node scripts/prepare-data.mjs
echo "== typecheck" && npm run -s typecheck
echo "== lint" && npm run -s lint
echo "== unit" && npx vitest run
echo "== build" && npx vite build
echo "== e2e" && npx playwright test
