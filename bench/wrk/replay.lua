-- Replays prepared POSTs, each once: every wrk thread takes its own share of the lines of the requests file
-- ("path<TAB>body"), so concurrent connections never send the same request. Prints one JSON line when done.
-- Arguments (after --): requests-file threads expected-status expected-body [function-key]
local threads = {}
local started = 0
codes = { 200, 201, 400, 401, 404, 409, 429, 500, 502, 503, 504 }

function setup(thread)
  thread:set("id", started)
  started = started + 1
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  expected_status, expected_body = tonumber(args[3]), args[4]
  local headers = { ["Content-Type"] = "application/json" }
  if args[5] and args[5] ~= "" then headers["x-functions-key"] = args[5] end
  prepared, position, wrapped, unacknowledged, sent = {}, 1, 0, 0, 0
  for _, code in ipairs(codes) do _G["status_" .. code] = 0 end
  local line_number = 0
  for line in io.lines(file) do
    if line_number % count == id then
      local path, body = line:match("^([^\t]+)\t(.*)$")
      prepared[#prepared + 1] = wrk.format("POST", path, headers, body)
    end
    line_number = line_number + 1
  end
end

function request()
  local next = prepared[position]
  position, sent = position + 1, sent + 1
  if position > #prepared then
    position, wrapped = 1, wrapped + 1
  end
  return next
end

function response(status, headers, body)
  local counter = "status_" .. status
  if _G[counter] ~= nil then _G[counter] = _G[counter] + 1 end
  if status ~= expected_status or (expected_body ~= "-" and body ~= expected_body) then
    unacknowledged = unacknowledged + 1
  end
end

function done(summary, latency, requests)
  local wrapped_total, unacknowledged_total, sent_total, statuses = 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    wrapped_total = wrapped_total + thread:get("wrapped")
    unacknowledged_total = unacknowledged_total + thread:get("unacknowledged")
    sent_total = sent_total + thread:get("sent")
    for _, code in ipairs(codes) do
      statuses[code] = (statuses[code] or 0) + thread:get("status_" .. code)
    end
  end
  local parts = {}
  for _, code in ipairs(codes) do
    if statuses[code] > 0 then parts[#parts + 1] = code .. ":" .. statuses[code] end
  end
  io.write(string.format(
    'WRK-RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"socketErrors":%d,"unacknowledged":%d,"wrapped":%d,"sent":%d,"statuses":"%s"}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    unacknowledged_total, wrapped_total, sent_total, table.concat(parts, " ")))
end
