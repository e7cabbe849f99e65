-- wrk script: GET /api/stories/{id} over the latest stories written by `serve-load` with PARALLAX_SERVE_LOAD_KEEP=DIR.
-- wrk -t2 -c50 -d30s --latency -s bench/wrk/story.lua http://127.0.0.1:5080 -- DIR/stories.txt
local ids = {}
function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  math.randomseed(7 + os.time())
end
function request()
  return wrk.format("GET", "/api/stories/" .. ids[math.random(#ids)])
end
