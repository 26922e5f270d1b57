#!/usr/bin/env bash
# 64 concurrent visitors for DURATION seconds (default 60) on loopback, spread over the home page, the
# articles list, an article, the About page and a tag, while two editors keep publishing a principle and an
# article (each publish commits, writes the audit trail and retires the cached pages that read the item, on
# every node). Prints requests/s, p50/p99 latency, responses that were not 2xx/3xx and the editors' publish
# count, beside the same visitors with no editors in the same run as the reference (both after a 60 s
# warm-up). Exits 1 if any visitor or editor request failed.
# Needs: wrk (Debian package). Usage: bench/load-while-publishing.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
duration=${1:-60}
port=5121
servers_begin load
publish_site
start_node site "$port" SysRift__DataPath="$work/data" "${setup_env[@]}"
base="http://127.0.0.1:$port"
wait_200 "$base/health/ready"

# Editors are bench/SysRift.Bench's "editor": one process each with a keep-alive connection (see Editor.cs).
dotnet build bench/SysRift.Bench -c Release --nologo -v q >/dev/null
editor() { # content type: publishes an item of the type again and again until $work/stop; prints "published failed"
  dotnet bench/SysRift.Bench/bin/Release/net10.0/SysRift.Bench.dll editor "$base" admin "server scripts passphrase" "$1" "$work/stop"
}

cat > "$work/paths.lua" <<'LUA'
local paths = { "/", "/articles", "/articles/why-distributed-systems-fail", "/about", "/articles?tag=queues" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

visitors() { # seconds: wrk's summary line "req/s p50 p99 non2xx3xx"
  wrk -t2 -c64 -d"$1s" --latency -s "$work/paths.lua" "$base" |
    awk '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx or 3xx/ {bad=$NF} /Socket errors/ {err=$0} END {print r, p50, p99, (bad==""?0:bad), (err==""?"none":err)}'
}

start_editors() {
  rm -f "$work/stop"
  editor Principle > "$work/editor1.out" &
  e1=$!
  editor Article > "$work/editor2.out" &
  e2=$!
}
stop_editors() { touch "$work/stop"; wait "$e1" "$e2"; read -r ok1 failed1 < "$work/editor1.out"; read -r ok2 failed2 < "$work/editor2.out"; }

# A fresh process reaches its optimised code only after a while (tiered compilation: ReadyToRun code is
# compiled again once a method is hot, and PGO compiles it twice). Visitors' paths get there in seconds; the
# editors' paths run once per publish and take some 600 rounds, during which the JIT thread alone takes a
# core (measured: about 38 ms of server CPU per round while it compiles, 12 ms after). Warm both for 60 s, so
# the run measures a node that has been editing for a minute, not the first minute of a fresh process.
start_editors
wrk -t2 -c64 -d60s -s "$work/paths.lua" "$base" >/dev/null
stop_editors
warm_rounds=$((ok1 + ok2))
# Where the machine's CPU goes during a window, in clock ticks (1/100 s): the whole machine busy, the server,
# the editors' client processes (on a real site they run in browsers elsewhere; here they share the two cores).
cpu() {
  local busy server=0 editors=0 p t
  busy=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)
  for p in $(pgrep -f 'SysRift.Web$|SysRift.Bench.dll editor'); do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    if grep -q SysRift.Bench "/proc/$p/cmdline" 2>/dev/null; then editors=$((editors + t)); else server=$((server + t)); fi
  done
  echo "$busy $server $editors"
}
ticks() { paste -d' ' "$1" "$2" | awk '{print $4 - $1, $5 - $2, $6 - $3}'; }

cpu > "$work/c0"; read -r ref_rps ref_p50 ref_p99 ref_bad ref_err <<<"$(visitors "$duration")"; cpu > "$work/c1"

start_editors
cpu > "$work/c2"; read -r rps p50 p99 bad err <<<"$(visitors "$duration")"; cpu > "$work/c3"
stop_editors
read -r ref_busy ref_server _ <<<"$(ticks "$work/c0" "$work/c1")"
read -r busy server editors <<<"$(ticks "$work/c2" "$work/c3")"

echo "| run ($duration s, 64 connections) | requests/s | p50 | p99 | visitor responses not 2xx/3xx | editor publishes (failed) |"
echo "| --- | --- | --- | --- | --- | --- |"
echo "| visitors only (reference) | $ref_rps | $ref_p50 | $ref_p99 | $ref_bad | – |"
echo "| visitors while two editors publish | $rps | $p50 | $p99 | $bad | $((ok1 + ok2)) ($((failed1 + failed2))) |"
awk -v a="$rps" -v b="$ref_rps" 'BEGIN { printf "\nWith editors publishing, visitors get %.0f%% of the requests/s they get alone.\n", 100*a/b }'
echo "(The editors published $warm_rounds times during the 60 s warm-up.)"
# The server's CPU per visitor request alone, applied to the requests served with editors: the rest of the
# server's CPU is the editors' work (their pages, the publishes, the pages those retire being rendered again).
awk -v rb="$ref_busy" -v rs="$ref_server" -v rr="$ref_rps" -v b="$busy" -v s="$server" -v e="$editors" -v r="$rps" -v d="$duration" -v n="$((ok1 + ok2))" 'BEGIN {
  per = rs / (rr * d); editing = s - per * r * d
  printf "CPU of the machine (ticks of 1/100 s): alone, %d busy, server %d; with editors, %d busy, server %d, of which about %d (%.0f%%) for the editors (%.1f ms a publish), and the editors'"'"' client processes %d (%.0f%%).\n", rb, rs, b, s, editing, 100 * editing / b, 10 * editing / n, e, 100 * e / b }'

[ "$err" = none ] || echo "wrk: $err"
if [ "$bad" != 0 ] || [ "$ref_bad" != 0 ] || [ "$((failed1 + failed2))" != 0 ] || [ "$((ok1 + ok2))" = 0 ]; then
  echo "FAILED: some requests did not succeed" >&2
  exit 1
fi
