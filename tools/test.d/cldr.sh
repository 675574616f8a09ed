#!/usr/bin/env bash
# The committed time data (api/Handoff.Scheduling/Time/Data/*) must be exactly what tools/cldr/generate.mjs
# makes from its pinned npm packages (CLDR, date-holidays).
set -uo pipefail
cd "$(dirname "$0")/../cldr"
if npm ci --no-audit --no-fund --loglevel=error && node generate.mjs --check; then
  echo "cldr: 1 passed, 0 failed"
else
  echo "cldr: 0 passed, 1 failed"
  exit 1
fi
