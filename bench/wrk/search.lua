-- wrk script: GET /api/search?q=WORD over the words of the synthetic store written by `serve-load` with
-- PARALLAX_SERVE_LOAD_KEEP=DIR: 5,000 different words, drawn uniformly. The server keeps a search page per query until
-- the next write, so after the first few thousand requests most words are answered from memory.
-- wrk -t2 -c50 -d30s --latency -s bench/wrk/search.lua http://127.0.0.1:5080 -- DIR/words.txt
local words = {}
function init(args)
  for line in io.lines(args[1]) do words[#words + 1] = line end
  math.randomseed(11 + os.time())
end
function request()
  return wrk.format("GET", "/api/search?q=" .. words[math.random(#words)])
end
