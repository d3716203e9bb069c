-- POST /api/v1/concerns with a unique Idempotency-Key per request and a random code from a list file.
-- env: CODES (file of active codes). Categories: the city-wide list (every code offers it).
local codes = {}
for line in io.lines(os.getenv("CODES")) do
  if #line > 0 then codes[#codes + 1] = line end
end
local cats = {"基础设施", "生活环境", "停车出行", "供暖供气", "教育医疗", "其他"}
local counter = 0
local nthreads = 0
setup = function(thread)
  nthreads = nthreads + 1
  thread:set("tid", nthreads)
end
init = function(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  prefix = string.format("bench%d%d", os.time(), math.random(1000000))
end
request = function()
  counter = counter + 1
  local key = string.format("%s-%d-%d", prefix, tid or 0, counter)
  local body = string.format(
    '{"code":"%s","category":"%s","content":"压测反映 %s：小区路灯不亮已经一周，晚上出行不安全，请协调维修。","consent":true}',
    codes[math.random(#codes)], cats[math.random(#cats)], key)
  return wrk.format("POST", "/api/v1/concerns",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = key}, body)
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
