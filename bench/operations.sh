#!/usr/bin/env bash
# Operations figures, each beside a reference measured in the same run (loopback, bounded runs):
#  - cold start to first served page (published build, set-up SQLite site) vs nginx start to first page;
#  - working set after 10,000+ requests;
#  - requests/s of the home page: one node (PostgreSQL) direct, and two nodes behind nginx, both against
#    the same HTML served as a static file by that nginx.
# Writes bench/results/operations.md. Needs PostgreSQL on 127.0.0.1 (postgres/postgres), nginx, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
work=$(mktemp -d /tmp/sysrift-ops-XXXX)
chmod 755 "$work" # nginx workers run as nobody
db="sysrift_bench_$RANDOM$RANDOM"
pg="host=127.0.0.1 port=5432 user=postgres password=postgres"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 0.5; psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_200() { # bounded: 60 s at the most
  local deadline=$(( $(now_ms) + 60000 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "no answer from $1 within 60 s" >&2; tail -20 "$work"/*.log >&2; exit 1; }
    sleep 0.01
  done
}

dotnet publish src/SysRift.Web -c Release -o "$work/app" --nologo -v q >/dev/null
setup_env=(SysRift__Setup__SiteName=SysRift SysRift__Setup__Recipe=sysrift SysRift__Setup__AdminUserName=admin SysRift__Setup__AdminEmail=a@example.com "SysRift__Setup__AdminPassword=bench passphrase 1")
run() { # name port env...
  local name=$1 port=$2; shift 2
  (cd "$work/app" && exec env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning ./SysRift.Web > "$work/$name.log" 2>&1) &
  pids+=($!); echo $!
}

# Cold start: set the SQLite site up once, stop it, then time a start from process launch to the first page.
pid=$(run setup 5151 SysRift__DataPath="$work/sqlite" "${setup_env[@]}"); wait_200 http://127.0.0.1:5151/health/ready; kill "$pid"; wait "$pid" 2>/dev/null || true
start=$(now_ms); pid=$(run cold 5151 SysRift__DataPath="$work/sqlite"); wait_200 http://127.0.0.1:5151/; cold=$(( $(now_ms) - start ))

mkdir -p "$work/static" "$work/tmp"; curl -sf http://127.0.0.1:5151/ > "$work/static/home.html"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off; default_type text/html;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  upstream two { server 127.0.0.1:5152; server 127.0.0.1:5153; keepalive 64; }
  server { listen 127.0.0.1:5150; root $work/static; location /node/ { proxy_pass http://two/; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
start=$(now_ms); nginx -c "$work/nginx.conf"; wait_200 http://127.0.0.1:5150/home.html; nginx_cold=$(( $(now_ms) - start ))

# Memory after 10,000+ requests on the SQLite node.
out=$(wrk -t2 -c16 -d5s http://127.0.0.1:5151/); served=$(echo "$out" | awk '/requests in/ {print $1}')
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
kill "$pid"

measure() { wrk -t2 -c64 -d2s "$1" >/dev/null; wrk -t2 -c64 -d"${duration}s" --latency "$1" | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r, p}'; }

# One node and two nodes on PostgreSQL.
psql "$pg dbname=postgres" -qc "CREATE DATABASE $db"
pgenv=(SysRift__Database__Provider=Postgres "SysRift__Database__ConnectionString=Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=$db")
run one 5152 SysRift__DataPath="$work/n1" "${pgenv[@]}" "${setup_env[@]}" >/dev/null; wait_200 http://127.0.0.1:5152/health/ready
run two 5153 SysRift__DataPath="$work/n2" "${pgenv[@]}" >/dev/null; wait_200 http://127.0.0.1:5153/health/ready
read -r static_rps static_p99 <<<"$(measure http://127.0.0.1:5150/home.html)"
read -r one_rps one_p99 <<<"$(measure http://127.0.0.1:5152/)"
read -r two_rps two_p99 <<<"$(measure http://127.0.0.1:5150/node/)"

{
  echo "# Operations benchmark (bench/operations.sh $duration)"
  echo
  echo "Loopback, 2 cores shared by everything, Release build, $(date -u +%Y-%m-%d). wrk: 2 threads, 64 connections, ${duration} s after a 2 s warm-up."
  echo
  echo "| measure | SysRift | reference (same run) |"
  echo "| --- | --- | --- |"
  echo "| cold start to first served page (SQLite, set up) | ${cold} ms | nginx start to first page: ${nginx_cold} ms |"
  echo "| working set after ${served} requests | $(( rss_kb / 1024 )) MB | |"
  echo "| home page, one node (PostgreSQL), direct | ${one_rps} req/s, p99 ${one_p99} | nginx static: ${static_rps} req/s, p99 ${static_p99} |"
  echo "| home page, two nodes behind nginx | ${two_rps} req/s, p99 ${two_p99} | nginx static: ${static_rps} req/s, p99 ${static_p99} |"
  echo
  echo "Two nodes on one 2-core machine share its cores with nginx and wrk: the two-node figure shows the proxy's"
  echo "cost and that nothing breaks across nodes, not the capacity of two machines."
} | tee bench/results/operations.md
