#!/usr/bin/env bash
# Where an uncached page's CPU goes: perf samples the published node (page cache off) while wrk requests the
# page, and prints the methods with the most samples, inclusive and exclusive. perf reads the JIT's symbols from
# /tmp/perf-PID.map (DOTNET_PerfMapEnabled=1); W^X is off so that JIT-compiled code sits in anonymous memory,
# where perf looks those symbols up. Use this rather than dotnet-trace's sampled thread time for CPU: that
# profiler suspends the runtime to sample, and threads stopping for it show up as GC polls and lock waits.
# Needs: wrk, perf. Usage: bench/profile-render.sh [PATH] [SECONDS]   (PATH defaults to /)
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
page=${1:-/}; seconds=${2:-8}
port=5195
servers_begin profile
publish_site
start_node setup "$port" SysRift__DataPath="$work/data" "${setup_env[@]}"; wait_200 "http://127.0.0.1:$port/health/ready"
kill "$last_pid"; wait "$last_pid" 2>/dev/null || true
start_node uncached "$port" SysRift__DataPath="$work/data" SysRift__PageCache__Enabled=false DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
pid=$last_pid; wait_200 "http://127.0.0.1:$port$page"
wrk -t2 -c16 -d15s "http://127.0.0.1:$port$page" >/dev/null # past tier-1 recompilation
wrk -t2 -c16 -d"$((seconds + 2))s" "http://127.0.0.1:$port$page" | awk '/Requests\/sec/ {print "requests/s while sampled:", $2}' &
load=$!
sleep 1
perf record -q -F 999 -g -p "$pid" -o "$work/perf.data" -- sleep "$seconds" 2>/dev/null
wait "$load"
echo "== inclusive (a method and what it calls), 1.5% and up"
perf report -i "$work/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | awk '/%/ && $1+0 >= 1.5 && !/\] 0x/' | cut -c1-200
echo "== exclusive, top 40"
perf report -i "$work/perf.data" --no-children --sort symbol --stdio -g none 2>/dev/null | awk '/%/ && n++ < 40' | cut -c1-200
rm -f "/tmp/perf-$pid.map"
