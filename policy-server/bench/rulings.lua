-- wrk script: POST the example incident to the rulings endpoint with an API key.
-- KEY and INCIDENT come from the environment (run-wrk.sh sets them).
local key = os.getenv("KEY")
local file = assert(io.open(os.getenv("INCIDENT"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

local non2xx = 0
response = function(status, headers, body)
  if status ~= 201 then
    non2xx = non2xx + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("rulings/s %.0f  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
