-- wrk script: POST the JSON body in the file named by $BENCH_BODY, with a bearer token from $BENCH_TOKEN if set.
-- Used by bench/http-ratio.sh for both endpoints, so they receive identical requests.
local file = assert(io.open(assert(os.getenv("BENCH_BODY"), "set BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
