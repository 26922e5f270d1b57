#!/usr/bin/env bash
# Uncached rendering: the home page and an article with the page cache switched off
# (SysRift__PageCache__Enabled=false, so every request renders), against nginx serving the same HTML as static
# files in the same run. RUNS rounds (default 3), median and spread. Loopback, 16 connections, DURATION s each
# after the same warm-up for both servers. Writes bench/results/render.md.
# Needs: wrk, nginx. Usage: bench/render.sh [DURATION] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
duration=${1:-10}; runs=${2:-3}
site_port=5191; nginx_port=5192
servers_begin render
publish_site
start_node setup "$site_port" SysRift__DataPath="$work/data" "${setup_env[@]}"; wait_200 "http://127.0.0.1:$site_port/health/ready"
article=$(curl -sf "http://127.0.0.1:$site_port/articles" | grep -o 'href="/articles/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')
mkdir -p "$work/static"
curl -sf "http://127.0.0.1:$site_port/" > "$work/static/home.html"
curl -sf "http://127.0.0.1:$site_port$article" > "$work/static/article.html"
kill "$last_pid"; wait "$last_pid" 2>/dev/null || true
start_node uncached "$site_port" SysRift__DataPath="$work/data" SysRift__PageCache__Enabled=false; wait_200 "http://127.0.0.1:$site_port/"
start_nginx "server { listen 127.0.0.1:$nginx_port; root $work/static; }"

rps() { # url: requests/s over $duration s after a 5 s warm-up
  wrk -t2 -c16 -d5s "$1" >/dev/null
  wrk -t2 -c16 -d"${duration}s" "$1" | awk '/Requests\/sec/ {printf "%d\n", $2}'
}

# Past the runtime's tier-1 recompilation of the hot paths before the first round (the 5 s warm-up of each
# measurement is not enough for it on 2 shared cores: the first round came out at half the others).
wrk -t2 -c16 -d15s "http://127.0.0.1:$site_port/" >/dev/null
wrk -t2 -c16 -d15s "http://127.0.0.1:$site_port$article" >/dev/null

home=(); art=(); nhome=(); nart=()
for _ in $(seq "$runs"); do
  home+=("$(rps "http://127.0.0.1:$site_port/")"); nhome+=("$(rps "http://127.0.0.1:$nginx_port/home.html")")
  art+=("$(rps "http://127.0.0.1:$site_port$article")"); nart+=("$(rps "http://127.0.0.1:$nginx_port/article.html")")
done
h=$(printf '%s\n' "${home[@]}" | median); a=$(printf '%s\n' "${art[@]}" | median)
nh=$(printf '%s\n' "${nhome[@]}" | median); na=$(printf '%s\n' "${nart[@]}" | median)
{
  echo "# Uncached rendering (bench/render.sh $duration $runs)"
  echo
  echo "Every request rendered (page cache off), SQLite, published Release output, loopback, 2 cores shared with wrk and nginx,"
  echo "$(date -u +%Y-%m-%d). wrk: 2 threads, 16 connections, $duration s after a 5 s warm-up (15 s for each page before the first round). Requests/s, median (min-max) of $runs runs."
  echo
  echo "| page | SysRift, rendered each time | nginx, the same HTML as a file (same run) | ratio |"
  echo "| --- | --- | --- | --- |"
  echo "| home | $h | $nh | $(ratio "$h" "$nh") |"
  echo "| article | $a | $na | $(ratio "$a" "$na") |"
} | tee "$work/result.md"
mkdir -p bench/results
cp "$work/result.md" bench/results/render.md
