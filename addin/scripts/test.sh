#!/usr/bin/env bash
# Every test of the Outlook add-in, from a fresh clone: installs what it needs (npm deps; Debian's chromium and
# xmllint when missing), builds the add-in and the API, starts the API in demo mode on a free loopback port, runs the
# type check and the unit, manifest and browser suites, stops the API. Last line: "addin: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
addin=$(pwd)
repo=$(cd .. && pwd)
work=$(mktemp -d -t addin-test.XXXXXX)
api_pid=""

finish() {
  local status=$?
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  rm -rf "$work"
  exit "$status"
}
trap finish EXIT

fail_setup() {
  echo "addin setup failed: $1" >&2
  echo "addin: 0 passed, 1 failed"
  exit 1
}

echo "== add-in: dependencies"
# npm ci when node_modules is missing or older than the lock file (the API's msbuild target uses the same rule).
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1 || { cat "$work/npm.log"; fail_setup "npm ci"; }
fi
if [ ! -x /usr/bin/chromium ] || ! command -v xmllint >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libxml2-utils) >"$work/apt.log" 2>&1 ||
    { tail -20 "$work/apt.log"; fail_setup "apt-get install chromium libxml2-utils"; }
fi

echo "== add-in: build"
node scripts/build.mjs || fail_setup "add-in build"
# The API's build runs the same add-in build into wwwroot/addin when its sources are newer (here: up to date).
dotnet build "$repo/api/Handoff.Api" -nologo -clp:ErrorsOnly -v:q >"$work/dotnet.log" 2>&1 || { cat "$work/dotnet.log"; fail_setup "dotnet build"; }

# The type check runs beside the API start and the tests (it is the slowest single step).
npx tsc --noEmit >"$work/tsc.log" 2>&1 &
tsc_pid=$!

echo "== add-in: API in demo mode"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
api="http://127.0.0.1:$port"
ConnectionStrings__Handoff="Data Source=$work/handoff.db" dotnet run --project "$repo/api/Handoff.Api" --no-build --urls "$api" >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -sf "$api/healthz" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$work/api.log"; fail_setup "the API exited"; }
  sleep 0.5
done
curl -sf "$api/addin/taskpane.html" >/dev/null || { tail -30 "$work/api.log"; fail_setup "the API does not serve the add-in at $api/addin/"; }
echo "API at $api"

echo "== add-in: unit, manifest and browser tests"
rm -rf test-results && mkdir -p test-results
HANDOFF_API_URL="$api" npx vitest run --reporter=default --reporter=json --outputFile.json="$work/vitest.json"
vitest_status=$?

echo "== add-in: type check (strict)"
typecheck_failed=0
wait "$tsc_pid" || typecheck_failed=1
grep -v "Unknown user config" "$work/tsc.log"
[ "$typecheck_failed" -eq 0 ] && echo "tsc: no errors"

read -r passed failed skipped < <(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(r.numPassedTests, r.numFailedTests + (r.numFailedTestSuites || 0), r.numPendingTests + (r.numTodoTests || 0));
' "$work/vitest.json" 2>/dev/null || echo "0 1 0")
passed=$((passed + 1 - typecheck_failed))
failed=$((failed + typecheck_failed))
[ "$vitest_status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1

echo "screenshots: $addin/test-results/"
if [ "$skipped" -gt 0 ]; then echo "addin: $passed passed, $failed failed, $skipped skipped"; else echo "addin: $passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
