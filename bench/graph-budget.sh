#!/usr/bin/env bash
# Graph budget of a check: Graph requests per check (cold, and warm within Graph:CacheTtl) and what the check adds to
# Graph's latency, through the real HTTP API and the real Graph SDK pipeline against the Graph-shaped fake on a
# loopback port with 100 ms added latency, for 1, 5 and 20 RSMs. Method and figures: docs/benchmarks.md.
#
#   bench/graph-budget.sh [--latency 100] [--samples 20] [--warm 3] [--rsms 1,5,20] [--items-per-day 8] [--warmup 300]
#   bench/graph-budget.sh --smoke     # two samples each: proves the run works, measures nothing
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== Release build"
dotnet publish api/Handoff.Api -c Release -o "$work/app" -p:SkipAddInBuild=true -nologo -clp:ErrorsOnly >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build bench/GraphBudget -c Release -nologo -clp:ErrorsOnly >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), .NET $(dotnet --version), load: $(uptime | sed 's/.*load average: //')"
# The API runs on core 0 (pinned by the runner); this client and the fake on core 1.
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=(taskset -c 1); fi
"${pin[@]}" dotnet bench/GraphBudget/bin/Release/net10.0/GraphBudget.dll --api "$work/app/Handoff.Api.dll" "$@"
