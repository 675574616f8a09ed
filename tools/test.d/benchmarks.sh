#!/usr/bin/env bash
# Smoke run of every micro-benchmark: each runs once, in-process, to prove it still works.
# Timing is not judged here (see docs/benchmarks.md for real runs).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
HANDOFF_BENCH_REPORT_ROWS=${HANDOFF_BENCH_REPORT_ROWS:-2000} dotnet run -c Release --project tests/Handoff.Benchmarks -- --filter '*' --job Dry --inProcess --artifacts "$out" 2>&1 |
  grep -E '^benchmarks: |[Ee]xception|has failed' | grep -v '^// Exceptions:'
status=${PIPESTATUS[0]}
rm -rf "$out"
exit "$status"
