-- wrk script for bench/load.sh: every connection is one SDR who re-checks a draft about every 5 s (2.5-7.5 s,
-- seeded), so 500 connections make ~100 checks/s; for 2 s in every 15 all of them re-check every 0.25-0.75 s (a burst
-- on top). Each check invites 1-3 of the synthetic org's 20 RSMs for a random hour of one of the next 10 business
-- days (LOAD_DAYS), so schedules are read cold, coalesced and cached as in real use. A non-2xx answer, or a check
-- that could not read a calendar (CALENDAR_UNAVAILABLE: fast for the wrong reason), counts as an error.
local days = {}
for d in string.gmatch(assert(os.getenv("LOAD_DAYS"), "set LOAD_DAYS (space-separated yyyy-mm-dd)"), "%S+") do days[#days + 1] = d end
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(16000 + id)
  errors, unavailable = 0, 0
end

function delay()
  if os.time() % 15 < 2 then return math.random(250, 750) end
  return math.random(2500, 7500)
end

function request()
  local day = days[math.random(#days)]
  local hour = math.random(16, 23) -- 08:00-15:00 Pacific (UTC-8 in winter)
  local rsms, seen = {}, {}
  for _ = 1, math.random(1, 3) do
    local n = math.random(1, 20)
    if not seen[n] then seen[n] = true; rsms[#rsms + 1] = string.format('"bench.rsm%02d@example.com"', n) end
  end
  local body = string.format('{"start":"%sT%02d:00:00Z","end":"%sT%02d:00:00Z","organizerTimeZone":"Eastern Standard Time",' ..
    '"organizerEmail":"sdr@example.com","attendees":[%s,"cfo@acme-metals.example"],"location":"Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706"}',
    day, hour, day, hour + 1, table.concat(rsms, ","))
  return wrk.format("POST", "/api/v1/meetings/check", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
  elseif string.find(body, "CALENDAR_UNAVAILABLE", 1, true) then
    unavailable = unavailable + 1
  end
end

function done(summary, latency, requests)
  local errs, unav = 0, 0
  for _, t in ipairs(threads) do
    errs = errs + t:get("errors")
    unav = unav + t:get("unavailable")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("load: %d checks in %.1f s (%.1f/s), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; non-2xx %d, calendar unavailable %d, socket errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errs, unav, socket))
end
