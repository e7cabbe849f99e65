#!/usr/bin/env bash
# Serves a store and loads it with wrk as docs/benchmarks.md describes: 50 connections, 2 threads, 30 s per
# endpoint after a warm-up, search then story JSON.
# usage: bench/wrk/run.sh PARALLAX_BIN_DIR DB_PATH PORT LABEL [KEEP_DIR]
#   PARALLAX_BIN_DIR: a Release build of the CLI (src/Parallax.Cli/bin/Release/net10.0)
#   KEEP_DIR: the folder `PARALLAX_SERVE_LOAD_KEEP=DIR bench serve-load 100000 30 50` wrote (words.txt, stories.txt);
#             defaults to the database's folder
set -euo pipefail
bin=$1; db=$2; port=$3; label=$4; keep=${5:-$(dirname "$db")}
here=$(cd "$(dirname "$0")" && pwd)
"$bin/parallax" serve --db "$db" --urls "http://127.0.0.1:$port" > "/tmp/serve-$label.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$port/api/stories?limit=1" && break; sleep 1; done
sleep 8
wrk -t2 -c50 -d10s -s "$here/search.lua" "http://127.0.0.1:$port" -- "$keep/words.txt" > /dev/null
echo "== $label search"
wrk -t2 -c50 -d30s --latency -s "$here/search.lua" "http://127.0.0.1:$port" -- "$keep/words.txt" | grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket"
wrk -t2 -c50 -d5s -s "$here/story.lua" "http://127.0.0.1:$port" -- "$keep/stories.txt" > /dev/null
echo "== $label story"
wrk -t2 -c50 -d30s --latency -s "$here/story.lua" "http://127.0.0.1:$port" -- "$keep/stories.txt" | grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket"
echo "load: $(cat /proc/loadavg)"
