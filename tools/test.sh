#!/usr/bin/env bash
# Runs every test of Handoff: the .NET suites (scheduling core, API, adapters) and the add-in's suites.
# Installs or starts what they need. Ends with one line: "total: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/.artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
passed=0
failed=0
status=0

add_counts() { passed=$((passed + $1)); failed=$((failed + $2)); }

# The store and API suites run against SQLite and a real PostgreSQL (a throwaway cluster unless one is given).
source tools/postgres.sh
trap handoff_pg_stop EXIT
handoff_pg_start || true

echo "== .NET test suites"
dotnet build Handoff.sln -c Debug -nologo -clp:ErrorsOnly || { echo "total: 0 passed, 1 failed"; exit 1; }
export HANDOFF_BUILT=1 # suites under tools/test.d may skip their own build
dotnet test Handoff.sln --no-build -nologo --logger "trx" --results-directory "$results/dotnet" 2>&1 | tee "$results/dotnet.log"
dotnet_status=${PIPESTATUS[0]}
# Each project prints "Passed!  - Failed: 0, Passed: 42, Skipped: 0, Total: 42" (or "Failed! - …").
before=$failed
while read -r f p; do add_counts "$p" "$f"; done < <(
  grep -E '^(Passed|Failed)! +- +Failed: ' "$results/dotnet.log" |
  sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+).*/\1 \2/')
if [ "$dotnet_status" -ne 0 ]; then
  status=1
  # A test host that crashed or never ran reports no counts: that is a failure too.
  [ "$failed" -gt "$before" ] || add_counts 0 1
fi

for suite in tools/test.d/*.sh; do
  [ -e "$suite" ] || continue
  echo "== $(basename "$suite" .sh)"
  out="$results/$(basename "$suite" .sh).log"
  bash "$suite" 2>&1 | tee "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  # Each extra suite ends with a line "<name>: N passed, N failed".
  line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
  if [ -n "$line" ]; then
    add_counts "$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")" "$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")"
  else
    add_counts 0 1
    status=1
  fi
done

[ "$failed" -eq 0 ] || status=1
echo "total: $passed passed, $failed failed"
exit $status
