#!/usr/bin/env bash
# Load run: 500 SDRs' worth of checks (each re-checks about every 5 s, ~100 checks/s, with 2-s bursts every 15 s)
# for 60 s against the Release API reading a synthetic org's 20 RSMs from the loopback Graph fake (tools/graph-fake)
# with 100 ms added latency: the real Graph SDK path (single flight, read-ahead, cache). Prints p50/p90/p99, errors
# (non-2xx, CALENDAR_UNAVAILABLE, socket), the server's RSS before and after, and the Graph calls the fake received.
#   bench/load.sh [--duration 60] [--sdrs 500] [--latency 100] [--counters FILE]
# --counters FILE: dotnet-counters (installed as a global tool when missing) samples the server every second during the
# measured minute into FILE (CSV: thread pool, GC, requests, Graph cache) and the run prints their peaks.
# Loopback only, free ports, both servers stopped afterwards. Not part of tools/test.sh (too long). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=60 sdrs=500 latency=100 counters=
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --sdrs) sdrs=$2; shift 2 ;;
    --latency) latency=$2; shift 2 ;;
    --counters) counters=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if ! command -v wrk >/dev/null; then
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null || { echo "could not install wrk" >&2; exit 1; }
fi
work=$(mktemp -d)
server_pid= fake_pid= counters_pid=
cleanup() { for p in $counters_pid $server_pid $fake_pid; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { local p; for _ in $(seq 1 50); do p=$((20000 + RANDOM % 30000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; exit 1; }

echo "== Release build (API, Graph fake)"
dotnet publish api/Handoff.Api -c Release -o "$work/app" -p:SkipAddInBuild=true -nologo -clp:ErrorsOnly >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build tools/graph-fake -c Release -o "$work/fake" -nologo -clp:ErrorsOnly >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

# The synthetic org's 20 mailboxes (Bench:Rsms=20), six items each weekday in Pacific Time, half at customer sites.
{
  echo '{ "mailboxes": ['
  for i in $(seq -w 1 20); do
    [ "$i" = 01 ] || echo ','
    echo "{ \"email\": \"bench.rsm$i@example.com\", \"workingHours\": { \"days\": [\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\"], \"start\": \"08:00\", \"end\": \"17:00\", \"timeZone\": \"Pacific Standard Time\" }, \"weekly\": ["
    first=1
    for day in monday tuesday wednesday thursday friday; do
      for slot in "08:00 08:30" "09:30 10:30" "11:00 11:30" "13:00 14:00" "14:30 15:00" "16:00 16:30"; do
        set -- $slot
        where=$([ $(( (10#$i + ${#day} + 10#${1:0:2}) % 2 )) = 0 ] && echo "Microsoft Teams Meeting" || echo "Customer site, Fresno, CA 93706")
        [ $first = 1 ] || echo ','
        first=0
        echo "{ \"day\": \"$day\", \"start\": \"$1\", \"end\": \"$2\", \"status\": \"busy\", \"subject\": \"Customer meeting\", \"location\": \"$where\" }"
      done
    done
    echo '] }'
  done
  echo '] }'
} >"$work/calendars.json"

fake_port=$(free_port)
(exec taskset -c 1 dotnet "$work/fake/GraphFake.dll" --port "$fake_port" --calendars "$work/calendars.json" >"$work/fake.log" 2>&1) &
fake_pid=$!
for _ in $(seq 1 150); do curl -fs -o /dev/null "http://127.0.0.1:$fake_port/fake/mailboxes" && break; sleep 0.2; done
curl -fs -X POST "http://127.0.0.1:$fake_port/fake/latency/$latency"

port=$(free_port)
base="http://127.0.0.1:$port"
(cd "$work/app" && ASPNETCORE_URLS=$base ConnectionStrings__Handoff="Data Source=$work/load.db" \
  Graph__BaseUrl="http://127.0.0.1:$fake_port/v1.0" Graph__AccessToken=load-run Bench__Enabled=true Bench__Rsms=20 \
  exec taskset -c 0 dotnet Handoff.Api.dll >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "$base/healthz" && break; sleep 0.2; done

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status"; }
# The next 10 business days (UTC dates; the checks are 08:00-16:00 Pacific on them).
LOAD_DAYS=$(for d in $(seq 1 16); do date -u -d "+$d day" +'%F %u'; done | awk '$2 < 6 {print $1}' | head -10 | tr '\n' ' ')
export LOAD_DAYS
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), .NET $(dotnet --version), load: $(uptime | sed 's/.*load average: //')"
echo "== warm-up 10 s, 50 SDRs"
taskset -c 1 wrk -t1 -c50 -d10s -s bench/load.lua "$base" >/dev/null
before=$(rss)
curl -fs -X POST "http://127.0.0.1:$fake_port/fake/reset" && curl -fs -X POST "http://127.0.0.1:$fake_port/fake/latency/$latency"
if [ -n "$counters" ]; then
  command -v dotnet-counters >/dev/null || export PATH="$PATH:$HOME/.dotnet/tools"
  command -v dotnet-counters >/dev/null || dotnet tool install -g dotnet-counters >/dev/null
  rm -f "$counters"
  # On the client's core, so the sampling does not take the API's.
  taskset -c 1 dotnet-counters collect -p "$server_pid" --format csv -o "$counters" --refresh-interval 1 \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Server.Kestrel,Handoff.Graph >/dev/null 2>&1 &
  counters_pid=$!
  sleep 2
fi
echo "== load ${duration} s, $sdrs SDRs, Graph latency $latency ms (RSS before: $before MB)"
taskset -c 1 wrk -t2 -c"$sdrs" -d"${duration}s" --timeout 10s --latency -s bench/load.lua "$base" | tee "$work/wrk.txt" | grep -E '^load:'
after=$(rss)
if [ -n "$counters_pid" ]; then
  kill "$counters_pid" 2>/dev/null || true; wait "$counters_pid" 2>/dev/null || true; counters_pid=
  # Peaks over the run, per counter (CSV: Timestamp,Provider,Counter Name,Counter Type,Mean/Increment).
  awk -F, 'NR > 1 && $5 != "" { key = $3; if (!(key in max) || $5 + 0 > max[key]) max[key] = $5 + 0; sum[key] += $5 } END {
    for (k in max) if (k ~ /queue.length|thread.count|gc.collections|pause.time|heap.size|active_requests|queued|working_set|cache.lookups|lock.contentions/) printf "counters: %s max %s, sum %s\n", k, max[k], sum[k] }' "$counters" | sort
fi
graph=$(curl -fs "http://127.0.0.1:$fake_port/fake/requests" | grep -o '"scheduleCalls":[0-9]*,"maxInFlight":[0-9]*')
echo "load: RSS before $before MB, after $after MB; Graph fake: $graph; server error log lines: $(grep -c '^fail:' "$work/server.log" || true); end load: $(uptime | sed 's/.*load average: //')"
