-- wrk script: map viewports over the Sahel — a 4° × 4° box and a 31-day period drawn at
-- random (seeded) within the synthetic record's span (1985 on) — as the page asks them.
-- VIGIE_BOX (degrees) and VIGIE_DAYS (span of the record in days) change the draw.
local box = tonumber(os.getenv("VIGIE_BOX") or "4")
local days = tonumber(os.getenv("VIGIE_DAYS") or "14000")
local epoch_1985 = 473385600
math.randomseed(5)

request = function()
  local lon = -12 + math.random() * (28 - box)
  local lat = 10 + math.random() * (14 - box)
  local day = math.random(0, days - 31)
  local from = os.date("!%Y-%m-%d", epoch_1985 + day * 86400)
  local to = os.date("!%Y-%m-%d", epoch_1985 + (day + 30) * 86400)
  local path = string.format("/api/events?bbox=%.3f,%.3f,%.3f,%.3f&from=%s&to=%s",
    lon, lat, lon + box, lat + box, from, to)
  return wrk.format("GET", path)
end
