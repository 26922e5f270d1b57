#!/usr/bin/env bash
# Operations figures, each beside a reference measured in the same run (loopback, bounded runs):
#  - cold start to first served page (published build, set-up SQLite site) vs nginx start to first page;
#  - working set after 10,000+ requests;
#  - requests/s of the home page: one node (PostgreSQL) direct, and two nodes behind nginx, both against
#    the same HTML served as a static file by that nginx.
# Writes bench/results/operations.md. Needs PostgreSQL on 127.0.0.1 (postgres/postgres), nginx, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
duration=${1:-10}
# A freshly started .NET process reaches its optimised code (tiered compilation with PGO) only after some
# seconds under load: every node gets the same 20 s warm-up, so nodes started at different times compare.
warmup=20
servers_begin ops
publish_site

# Cold start: set the SQLite site up once, stop it, then time a start from process launch to the first page.
start_node setup 5151 SysRift__DataPath="$work/sqlite" "${setup_env[@]}"; wait_200 http://127.0.0.1:5151/health/ready; kill "$last_pid"; wait "$last_pid" 2>/dev/null || true
start=$(now_ms); start_node cold 5151 SysRift__DataPath="$work/sqlite"; pid=$last_pid; wait_200 http://127.0.0.1:5151/; cold=$(( $(now_ms) - start ))

mkdir -p "$work/static"; curl -sf http://127.0.0.1:5151/ > "$work/static/home.html"
start=$(now_ms)
start_nginx "upstream two { server 127.0.0.1:5152; server 127.0.0.1:5153; keepalive 64; }
  server { listen 127.0.0.1:5150; root $work/static; location /node/ { proxy_pass http://two/; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"
wait_200 http://127.0.0.1:5150/home.html; nginx_cold=$(( $(now_ms) - start ))

# Memory after 10,000+ requests on the SQLite node.
out=$(wrk -t2 -c16 -d5s http://127.0.0.1:5151/); served=$(echo "$out" | awk '/requests in/ {print $1}')
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

# One node and two nodes on PostgreSQL.
create_database "sysrift_bench_$RANDOM$RANDOM"
pgenv=(SysRift__Database__Provider=Postgres "SysRift__Database__ConnectionString=$connection")
start_node one 5152 SysRift__DataPath="$work/n1" "${pgenv[@]}" "${setup_env[@]}"; wait_200 http://127.0.0.1:5152/health/ready
start_node two 5153 SysRift__DataPath="$work/n2" "${pgenv[@]}"; wait_200 http://127.0.0.1:5153/health/ready
read -r static_rps static_p99 <<<"$(measure http://127.0.0.1:5150/home.html)"
read -r one_rps one_p99 <<<"$(measure http://127.0.0.1:5152/)"
# The SQLite node, still running beside them: the same page under the same conditions, to tell the database
# apart from the machine (a hit touches no database on either provider).
read -r sqlite_rps sqlite_p99 <<<"$(measure http://127.0.0.1:5151/)"
kill "$pid"
read -r two_rps two_p99 <<<"$(measure http://127.0.0.1:5150/node/)"

{
  echo "# Operations benchmark (bench/operations.sh $duration)"
  echo
  echo "Loopback, 2 cores shared by everything, Release build, $(date -u +%Y-%m-%d). wrk: 2 threads, 64 connections, ${duration} s after a ${warmup} s warm-up."
  echo
  echo "| measure | SysRift | reference (same run) |"
  echo "| --- | --- | --- |"
  echo "| cold start to first served page (SQLite, set up) | ${cold} ms | nginx start to first page: ${nginx_cold} ms |"
  echo "| working set after ${served} requests | $(( rss_kb / 1024 )) MB | |"
  echo "| home page, one node (PostgreSQL), direct | ${one_rps} req/s, p99 ${one_p99} ($(awk -v a="$one_rps" -v b="$static_rps" 'BEGIN {printf "%.2f", a / b}') of nginx) | nginx static: ${static_rps} req/s, p99 ${static_p99} |"
  echo "| home page, one node (SQLite), direct, same run | ${sqlite_rps} req/s, p99 ${sqlite_p99} ($(awk -v a="$sqlite_rps" -v b="$static_rps" 'BEGIN {printf "%.2f", a / b}') of nginx) | nginx static: ${static_rps} req/s, p99 ${static_p99} |"
  echo "| home page, two nodes behind nginx | ${two_rps} req/s, p99 ${two_p99} | nginx static: ${static_rps} req/s, p99 ${static_p99} |"
  echo
  echo "Two nodes on one 2-core machine share its cores with nginx and wrk: the two-node figure shows the proxy's"
  echo "cost and that nothing breaks across nodes, not the capacity of two machines."
} | tee bench/results/operations.md
