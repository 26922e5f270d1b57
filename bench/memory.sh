#!/usr/bin/env bash
# Working set under visitors: 80,000 requests over the site's pages, then 20,000 with random query strings
# (each a URL the page cache must not keep), on the published site (SQLite), for the garbage collector the
# site ships with and for the other one, in the same run. Reference: the same node's working set when it has
# served its first page. Writes bench/results/memory.md. Needs: wrk. Usage: bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
port=5193
servers_begin memory
publish_site
start_node setup "$port" SysRift__DataPath="$work/data" "${setup_env[@]}"; wait_200 "http://127.0.0.1:$port/health/ready"
article=$(curl -sf "http://127.0.0.1:$port/articles" | grep -o 'href="/articles/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')
kill "$last_pid"; wait "$last_pid" 2>/dev/null || true

cat > "$work/pages.lua" <<LUA
local paths = { "/", "/about", "/articles", "$article", "/feed.xml", "/sitemap.xml" }
local i = 0
request = function() i = i + 1; return wrk.format(nil, paths[(i % #paths) + 1]) end
LUA
cat > "$work/random.lua" <<LUA
math.randomseed(42)
local paths = { "/", "/articles", "$article", "/search" }
request = function()
  local p = paths[math.random(#paths)]
  return wrk.format(nil, p .. "?q=" .. math.random(1e9) .. "&utm_source=" .. math.random(1e9) .. "&page=" .. math.random(50))
end
LUA

rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
requests() { # script count: about COUNT requests (wrk runs by time: 1 s probes, then the rest)
  local done=0
  while [ "$done" -lt "$2" ]; do
    local n; n=$(wrk -t2 -c16 -d1s -s "$1" "http://127.0.0.1:$port" | awk '/requests in/ {print $1}')
    done=$((done + n))
  done
  echo "$done"
}

rows=()
for gc in server workstation; do
  flag=$([ "$gc" = server ] && echo 1 || echo 0)
  start_node "$gc" "$port" SysRift__DataPath="$work/data" DOTNET_gcServer="$flag"; pid=$last_pid
  wait_200 "http://127.0.0.1:$port/"
  first=$(rss_mb "$pid")
  pages=$(requests "$work/pages.lua" 80000)
  after_pages=$(rss_mb "$pid")
  random=$(requests "$work/random.lua" 20000)
  after=$(rss_mb "$pid")
  rows+=("| $gc GC | $first MB | $after_pages MB after $pages requests | $after MB after $random more, with random query strings | $(ratio "$after" "$first") |")
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

{
  echo "# Working set under visitors (bench/memory.sh)"
  echo
  echo "Published Release output, SQLite, loopback, 2 cores shared with wrk, $(date -u +%Y-%m-%d). wrk: 2 threads, 16 connections."
  echo "Resident set size (ps) of the node. The site ships with the $(grep -q '<ServerGarbageCollection>false' src/SysRift.Web/SysRift.Web.csproj && echo workstation || echo server) garbage collector."
  echo
  echo "| collector | after its first page (reference) | after the site's pages | after random query strings | ratio to reference |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
} | tee "$work/result.md"
mkdir -p bench/results
cp "$work/result.md" bench/results/memory.md
