#!/usr/bin/env bash
# HTTP throughput of POST /api/v1/meetings/check as a ratio to a trivial JSON endpoint with the same middleware
# and auth (POST /api/v1/meetings/echo), measured in one run on this machine. Method: docs/benchmarks.md.
#
#   bench/http-ratio.sh [--auth demo|jwt|both] [--draft clear|blocked] [--rounds 10] [--duration 10] [--warmup 30]
#   bench/http-ratio.sh --smoke      # one short round, no warm-up: proves the script works, measures nothing
#
# Release build; the API with a synthetic org of 5 RSMs, 200 calendar items per RSM in every read and a fixed clock
# (Bench:* and Clock:FixedInstant settings), pinned to core 0; wrk pinned to core 1 (-t1 -c16 --latency); each
# endpoint warmed up; then alternating rounds (echo, check). Prints the median per-round throughput ratio with
# its range, and p50/p99 latency of both. Loopback only; every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

auth=demo draft=clear rounds=10 duration=10 warmup=30 smoke=false
while [ $# -gt 0 ]; do
  case "$1" in
    --auth) auth=$2; shift 2 ;;
    --draft) draft=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --smoke) smoke=true; rounds=1; duration=2; warmup=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$auth" in demo|jwt|both) ;; *) echo "--auth must be demo, jwt or both" >&2; exit 2 ;; esac
case "$draft" in clear|blocked) ;; *) echo "--draft must be clear or blocked" >&2; exit 2 ;; esac

# Fixed inputs: Monday 2026-11-23 14:00 UTC; the draft is Thursday 2026-12-03, 1 PM Eastern (clear of the synthetic
# calendars' items, which leave 17:00-19:00 UTC open) or 10 AM Eastern (overlapping some of them).
now=2026-11-23T14:00:00Z
if [ "$draft" = clear ]; then start=2026-12-03T18:00:00Z end=2026-12-03T19:00:00Z expect='"verdict":"ok"'
else start=2026-12-03T15:00:00Z end=2026-12-03T16:00:00Z expect='"verdict":"blocked"'; fi
# A free loopback port each run (never a fixed one: other engineers' servers share the machine).
free_port() { local p; for _ in $(seq 1 50); do p=$((20000 + RANDOM % 30000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; exit 1; }
port=${BENCH_PORT:-$(free_port)}
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)"
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null || { echo "could not install wrk: run as root or install it" >&2; exit 1; }
fi
command -v taskset >/dev/null || { echo "taskset (util-linux) is required" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "needs 2 cores: the server on core 0, wrk on core 1" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Release build"
dotnet publish api/Handoff.Api -c Release -o "$work/app" -p:SkipAddInBuild=true -nologo -clp:ErrorsOnly >"$work/publish.log" 2>&1 ||
  { cat "$work/publish.log"; exit 1; }

cat >"$work/body.json" <<EOF
{"start":"$start","end":"$end","organizerTimeZone":"Eastern Standard Time","organizerEmail":"sdr@example.com",
 "attendees":["bench.rsm01@example.com","bench.rsm02@example.com","bench.rsm03@example.com","bench.rsm04@example.com",
              "bench.rsm05@example.com","cfo@acme-metals.example"],
 "location":"Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706"}
EOF

# start_server MODE: the published API on core 0, configured for MODE (demo|jwt); sets server_pid and token.
token=
start_server() {
  local mode=$1
  local -a env=(
    ASPNETCORE_ENVIRONMENT=Production
    Logging__LogLevel__Default=Warning
    Bench__Enabled=true Bench__Rsms=5 Bench__EventsPerRsm=200
    Clock__FixedInstant=$now
    ConnectionStrings__Handoff="Data Source=$work/handoff-$mode.db"
  )
  token=
  if [ "$mode" = jwt ]; then
    [ -x tools/mint-jwt.sh ] || { echo "--auth jwt needs tools/mint-jwt.sh (the admin branch's LocalJwt sign-in)" >&2; exit 1; }
    local key; key=$(openssl rand -base64 32)
    env+=(Auth__Mode=LocalJwt Auth__LocalJwt__Issuer=handoff-bench Auth__LocalJwt__Audience=handoff-api Auth__LocalJwt__SigningKey="$key")
    token=$(HANDOFF_JWT_KEY=$key HANDOFF_JWT_ISSUER=handoff-bench HANDOFF_JWT_AUDIENCE=handoff-api tools/mint-jwt.sh --role Handoff.Sdr --name "Bench SDR" --minutes 120)
  fi
  (cd "$work" && exec env "${env[@]}" taskset -c 0 dotnet "$work/app/Handoff.Api.dll" --urls "$base") >"$work/server-$mode.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 60); do
    curl -sf "$base/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 1
  done
  echo "the API did not start:" >&2; cat "$work/server-$mode.log" >&2; exit 1
}

stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=; }

post() { curl -s -o "$work/answer.json" -w '%{http_code}' -X POST "$base/api/v1/meetings/$1" -H 'content-type: application/json' ${token:+-H "Authorization: Bearer $token"} --data-binary "@$work/body.json"; }

# run_wrk ENDPOINT SECONDS OUT: one wrk run on core 1; fails on errors or non-2xx answers (they would fake speed).
run_wrk() {
  BENCH_BODY="$work/body.json" BENCH_TOKEN="$token" taskset -c 1 wrk -t1 -c16 -d"${2}s" --latency -s bench/post.lua "$base/api/v1/meetings/$1" >"$3"
  if grep -qE 'Non-2xx|Socket errors' "$3"; then echo "wrk saw errors on /$1:" >&2; cat "$3" >&2; exit 1; fi
}

# Latency "808.00us" / "2.85ms" / "1.02s" in milliseconds.
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.3f", v }'; }
field() { case "$2" in rps) awk '/Requests\/sec/ {print $2}' "$1" ;; p50) awk '$1=="50%" {print $2}' "$1" | to_ms ;; p99) awk '$1=="99%" {print $2}' "$1" | to_ms ;; esac; }
median() { sort -g | awk '{ a[NR]=$1 } END { if (NR%2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
range() { sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }

measure() {
  local mode=$1
  echo "== $mode sign-in: starting the API (core 0)"
  start_server "$mode"
  local code
  code=$(post check); grep -q "$expect" "$work/answer.json" && [ "$code" = 200 ] ||
    { echo "the check did not answer 200 with $expect (HTTP $code):" >&2; cat "$work/answer.json" >&2; exit 1; }
  code=$(post echo); [ "$code" = 200 ] || { echo "the echo endpoint answered HTTP $code (Bench:Enabled off?)" >&2; exit 1; }
  if [ "$warmup" -gt 0 ]; then
    echo "   warming up: ${warmup}s per endpoint"
    run_wrk echo "$warmup" "$work/warm-echo.txt"
    run_wrk check "$warmup" "$work/warm-check.txt"
  fi
  : >"$work/rounds-$mode.tsv"
  for i in $(seq 1 "$rounds"); do
    run_wrk echo "$duration" "$work/echo.txt"
    run_wrk check "$duration" "$work/check.txt"
    local e c
    e=$(field "$work/echo.txt" rps); c=$(field "$work/check.txt" rps)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$e" "$c" "$(awk -v a="$c" -v b="$e" 'BEGIN{printf "%.3f", a/b}')" \
      "$(field "$work/echo.txt" p50)" "$(field "$work/echo.txt" p99)" "$(field "$work/check.txt" p50)" "$(field "$work/check.txt" p99)" >>"$work/rounds-$mode.tsv"
    printf '   round %2d: echo %8.0f req/s, check %8.0f req/s, ratio %s\n' "$i" "$e" "$c" "$(cut -f3 "$work/rounds-$mode.tsv" | tail -n1)"
  done
  stop_server
  local t="$work/rounds-$mode.tsv"
  echo "-- $mode: $rounds rounds of ${duration}s, draft '$draft' (5 RSMs x 200 items), load: $(uptime | sed 's/.*load average: //')"
  printf '   check / echo throughput: median %s (range %s)\n' "$(cut -f3 "$t" | median)" "$(cut -f3 "$t" | range)"
  printf '   echo : median %7.0f req/s, p50 %s ms, p99 %s ms\n' "$(cut -f1 "$t" | median)" "$(cut -f4 "$t" | median)" "$(cut -f5 "$t" | median)"
  printf '   check: median %7.0f req/s, p50 %s ms, p99 %s ms\n' "$(cut -f2 "$t" | median)" "$(cut -f6 "$t" | median)" "$(cut -f7 "$t" | median)"
  echo "http-ratio $mode: median $(cut -f3 "$t" | median) (target >= 0.8)"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), .NET $(dotnet --version), load: $(uptime | sed 's/.*load average: //')"
case "$auth" in
  demo) measure demo ;;
  jwt) measure jwt ;;
  both) measure demo; measure jwt ;;
esac
