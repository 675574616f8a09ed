#!/usr/bin/env bash
# The OpenAPI document, as a running API in demo mode serves it, linted by Redocly's CLI with its recommended rules:
# zero errors and zero warnings. The CLI is pinned in tools/openapi/package-lock.json (npm ci on first run; offline
# after that: telemetry and update checks are off). Last line: "openapi: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=$(mktemp -d -t openapi-lint.XXXXXX)
api_pid=""
finish() {
  local status=$?
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  rm -rf "$work"
  exit "$status"
}
trap finish EXIT
fail() { echo "openapi: $1" >&2; echo "openapi: 0 passed, 1 failed"; exit 1; }

tools=tools/openapi
if [ ! "$tools/node_modules/.package-lock.json" -nt "$tools/package-lock.json" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1 || { cat "$work/npm.log"; fail "npm ci in $tools"; }
fi
if [ -z "${HANDOFF_BUILT:-}" ]; then
  dotnet build api/Handoff.Api -nologo -clp:ErrorsOnly -v:q -p:SkipAddInBuild=true >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "dotnet build"; }
fi

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
api="http://127.0.0.1:$port"
ConnectionStrings__Handoff="Data Source=$work/handoff.db" \
  dotnet api/Handoff.Api/bin/Debug/net10.0/Handoff.Api.dll --urls "$api" --contentRoot "$repo/api/Handoff.Api" >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -sf "$api/healthz" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$work/api.log"; fail "the API exited"; }
  sleep 0.5
done
curl -sf "$api/swagger/v1/swagger.json" -o "$work/openapi.json" || { tail -30 "$work/api.log"; fail "no document at $api/swagger/v1/swagger.json"; }
mkdir -p .artifacts && cp "$work/openapi.json" .artifacts/openapi.json

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
"$tools/node_modules/.bin/redocly" lint "$work/openapi.json" --extends=recommended --format=stylish >"$work/lint.log" 2>&1
lint_status=$?
grep -v '[║╔╚]' "$work/lint.log" | sed '/^\s*$/d'
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ops = Object.values(d.paths).flatMap(p => Object.values(p));
  const statuses = ops.reduce((n, o) => n + Object.keys(o.responses).length, 0);
  const examples = ops.filter(o => o.requestBody && Object.values(o.requestBody.content).every(c => c.example !== undefined)).length;
  console.log(`document: ${ops.length} operations, ${statuses} declared statuses, ${examples}/${ops.filter(o => o.requestBody).length} request bodies with examples`);
' "$work/openapi.json"
# Redocly exits 0 with warnings; the contract is zero of either.
if [ "$lint_status" -eq 0 ] && ! grep -qiE '[0-9]+ (warning|error)' "$work/lint.log"; then
  echo "openapi: 1 passed, 0 failed"
else
  echo "openapi: 0 passed, 1 failed"
  exit 1
fi
