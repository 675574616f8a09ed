#!/usr/bin/env bash
# Soak: 60 s of mixed load (checks, suggestions, owner lookups, admin lists) on the Release API with the demo org,
# reporting the server's memory (RSS and managed heap after a full GC) before and after, throughput and errors.
#   bench/soak.sh [--duration 60] [--connections 32]
# Loopback only; a free port; the server is stopped afterwards. Method and latest figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=60 connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if ! command -v wrk >/dev/null; then
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null || { echo "could not install wrk" >&2; exit 1; }
fi
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== Release build"
dotnet publish api/Handoff.Api -c Release -o "$work/app" -p:SkipAddInBuild=true -nologo -clp:ErrorsOnly >"$work/publish.log" 2>&1 ||
  { cat "$work/publish.log"; exit 1; }
for _ in $(seq 1 50); do port=$((20000 + RANDOM % 30000)); (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break; done
base="http://127.0.0.1:$port"
(cd "$work/app" && ASPNETCORE_URLS=$base ConnectionStrings__Handoff="Data Source=$work/soak.db" exec dotnet Handoff.Api.dll >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "$base/healthz" && break; sleep 0.2; done

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$(pgrep -P "$server_pid" -f Handoff.Api.dll || echo "$server_pid")/status"; }
export SOAK_DAY
SOAK_DAY=$(date -u -d "next thursday" +%F)
echo "== warm-up 10 s"
wrk -t2 -c"$connections" -d10s -s bench/soak.lua "$base" >/dev/null
before=$(rss)
echo "== soak ${duration} s, $connections connections (RSS before: $before MB)"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/soak.lua "$base" | tee "$work/wrk.txt" | grep -E 'Requests/sec|Latency|50%|99%|soak:|Non-2xx|Socket'
after=$(rss)
server_errors=$(grep -c '^fail:' "$work/server.log" || true)
log_bytes=$(wc -c <"$work/server.log")
echo "soak: RSS before $before MB, after $after MB; server error log lines: $server_errors; server log: $log_bytes bytes"
