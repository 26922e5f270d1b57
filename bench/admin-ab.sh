#!/usr/bin/env bash
# An editor's most frequent request, the item editor page (GET /admin/content/item/ID, signed in: the cookie's
# checks, the item, the form), on two published builds side by side: both set up from the same recipe, each
# measured in turn for ROUNDS rounds (wrk, 1 thread, 4 connections, 8 s, after 15 s of warm-up each and one
# round each left out), so that a change of the machine's speed falls on both. Prints requests/s per round
# and B's ratio to A.
# Needs: wrk. Usage: bench/admin-ab.sh PUBLISHED_A PUBLISHED_B [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
rounds=${3:-6}
servers_begin admin-ab
builds=("$1" "$2"); cookies=(); urls=()
for i in 0 1; do
  port=$((5141 + i))
  mkdir -p "$work/data$i"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is already in use" >&2; exit 1; fi
  (cd "${builds[$i]}" && exec env SysRift__DataPath="$work/data$i" "${setup_env[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning ./SysRift.Web > "$work/node$i.log" 2>&1) &
  pids+=($!)
  wait_200 "http://127.0.0.1:$port/health/ready"
  sign_in "http://127.0.0.1:$port" "$work/jar$i"
  cookies[i]=$(awk '(!/^#/ || /^#HttpOnly_/) && NF==7 {printf "%s=%s; ", $6, $7}' "$work/jar$i")
  item=$(curl -sf -H "Cookie: ${cookies[i]}" "http://127.0.0.1:$port/admin/content/Principle" | grep -o 'href="/admin/content/item/[A-Za-z0-9]*"' | head -1 | sed 's|href="||; s|"$||')
  urls[i]="http://127.0.0.1:$port$item"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${cookies[i]}" "${urls[i]}")" = 200 ] || { echo "build $i: ${urls[i]} does not answer 200 when signed in" >&2; exit 1; }
  wrk -t1 -c4 -d15s -H "Cookie: ${cookies[i]}" "${urls[i]}" >/dev/null
done

rps() { wrk -t1 -c4 -d8s -H "Cookie: ${cookies[$1]}" "${urls[$1]}" | awk '/Non-2xx/ {bad=1} /Requests\/sec/ {r=$2} END {if (bad) {print "non-2xx answers" > "/dev/stderr"; exit 1} printf "%d\n", r}'; }
# Once more for both before measuring: the second node's start and warm-up ran beside the first one's.
rps 0 >/dev/null; rps 1 >/dev/null
a=(); b=(); ratios=()
echo "| round | A (req/s) | B (req/s) | B / A |"
echo "| --- | --- | --- | --- |"
for round in $(seq "$rounds"); do
  ra=$(rps 0); rb=$(rps 1); a+=("$ra"); b+=("$rb")
  ratios+=("$(ratio "$rb" "$ra")")
  echo "| $round | $ra | $rb | ${ratios[-1]} |"
done
echo "| median | $(printf '%s\n' "${a[@]}" | median) | $(printf '%s\n' "${b[@]}" | median) | $(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f (%.2f-%.2f)", m, a[1], a[NR]}') |"
