-- GET paths with bearer tokens. env: TOKENS (file: "<token> <path>" per line; each request picks a random line).
local lines = {}
for line in io.lines(os.getenv("TOKENS")) do
  local token, path = line:match("^(%S+)%s+(%S+)$")
  if token then lines[#lines + 1] = {token, path} end
end
math.randomseed(os.time())
request = function()
  local l = lines[math.random(#lines)]
  return wrk.format("GET", l[2], {["Authorization"] = "Bearer " .. l[1]})
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
