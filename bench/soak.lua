-- wrk script for bench/soak.sh: a mixed load. Each request picks, in turn: a check (3 of 6), suggestions (1 of 6),
-- an owner lookup (1 of 6), an admin list (1 of 6). Counts non-2xx answers per kind in the summary.
local day = assert(os.getenv("SOAK_DAY"), "set SOAK_DAY (yyyy-mm-dd)")
local check = '{"start":"' .. day .. 'T18:00:00Z","end":"' .. day .. 'T19:00:00Z","organizerTimeZone":"Eastern Standard Time",' ..
  '"organizerEmail":"sdr@example.com","attendees":["rsm.west@example.com","cfo@acme-metals.example"],"location":"Acme Metals, Fresno, CA 93706"}'
local suggest = check:sub(1, -2) .. ',"maxResults":3}'
local n = 0
request = function()
  n = n + 1
  local k = n % 6
  if k == 4 then
    return wrk.format("POST", "/api/v1/meetings/suggestions", { ["Content-Type"] = "application/json" }, suggest)
  elseif k == 5 then
    return wrk.format("GET", "/api/v1/territories/owner?location=Fresno%2C%20CA%2093706")
  elseif k == 0 then
    return wrk.format("GET", "/api/v1/admin/rsms?pageSize=20")
  end
  return wrk.format("POST", "/api/v1/meetings/check", { ["Content-Type"] = "application/json" }, check)
end
local errors = 0
response = function(status)
  if status >= 400 then errors = errors + 1 end
end
done = function(summary)
  io.write(string.format("soak: %d requests, %d non-2xx/3xx answers, %d socket errors\n", summary.requests, errors,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
