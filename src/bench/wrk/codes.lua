-- GET a path template for a random code from a list file.
-- env: CODES (file, one code per line), PATH_TEMPLATE (e.g. /api/v1/codes/%s or /api/v1/codes/%s/qr.png?size=512)
local codes = {}
local template = os.getenv("PATH_TEMPLATE") or "/api/v1/codes/%s"
for line in io.lines(os.getenv("CODES")) do
  if #line > 0 then codes[#codes + 1] = line end
end
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
request = function()
  return wrk.format("GET", string.format(template, codes[math.random(#codes)]))
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
