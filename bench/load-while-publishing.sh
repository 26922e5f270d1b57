#!/usr/bin/env bash
# 64 concurrent visitors for DURATION seconds (default 60) on loopback, spread over the home page, the
# articles list and an article, while two editors keep publishing (each publish commits, writes the audit
# trail and drops every cache, so visitors keep hitting fresh renders). Prints requests/s, p50/p99 latency,
# responses that were not 2xx/3xx, and the editors' publish count; then the same visitors with no editors
# in the same run as the reference. Exits 1 if any visitor or editor request failed.
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

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

sign_in() { # jar
  local token
  token=$(curl -sf -c "$1" -b "$1" "$base/login" | token_of)
  curl -sf -o /dev/null -c "$1" -b "$1" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "UserName=admin" \
    --data-urlencode "Password=server scripts passphrase" --data-urlencode "ReturnUrl=/admin" "$base/login"
}

item_id() { # type: the first item of the type in the admin list
  curl -sf -b "$work/editor1.jar" "$base/admin/content/$1" | grep -o 'href="/admin/content/item/[A-Za-z0-9]*"' | head -1 | sed 's/.*item\///; s/"$//'
}

editor() { # jar item: publishes the item again and again until stopped; counts successes and failures
  local jar=$1 id=$2 ok=0 failed=0 token status
  while [ ! -f "$work/stop" ]; do
    token=$(curl -sf -b "$jar" -c "$jar" "$base/admin/content/item/$id" | token_of) || { failed=$((failed + 1)); continue; }
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" "$base/admin/content/item/$id/publish")
    if [ "$status" = 302 ]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
    sleep 0.05
  done
  echo "$ok $failed"
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

sign_in "$work/editor1.jar"
sign_in "$work/editor2.jar"
principle=$(item_id Principle)
article=$(item_id Article)
[ -n "$principle" ] && [ -n "$article" ] || { echo "could not find items to publish" >&2; exit 1; }

# A fresh process reaches its optimised code only after some seconds under load (tiered compilation): warm it
# for 20 s so the reference is not measured on colder code than the run after it.
wrk -t2 -c64 -d20s -s "$work/paths.lua" "$base" >/dev/null
read -r ref_rps ref_p50 ref_p99 ref_bad ref_err <<<"$(visitors "$duration")"

rm -f "$work/stop"
editor "$work/editor1.jar" "$principle" > "$work/editor1.out" &
e1=$!
editor "$work/editor2.jar" "$article" > "$work/editor2.out" &
e2=$!
read -r rps p50 p99 bad err <<<"$(visitors "$duration")"
touch "$work/stop"
wait "$e1" "$e2"
read -r ok1 failed1 < "$work/editor1.out"
read -r ok2 failed2 < "$work/editor2.out"

echo "| run ($duration s, 64 connections) | requests/s | p50 | p99 | visitor responses not 2xx/3xx | editor publishes (failed) |"
echo "| --- | --- | --- | --- | --- | --- |"
echo "| visitors only (reference) | $ref_rps | $ref_p50 | $ref_p99 | $ref_bad | – |"
echo "| visitors while two editors publish | $rps | $p50 | $p99 | $bad | $((ok1 + ok2)) ($((failed1 + failed2))) |"
awk -v a="$rps" -v b="$ref_rps" 'BEGIN { printf "\nWith editors publishing, visitors get %.0f%% of the requests/s they get alone.\n", 100*a/b }'
[ "$err" = none ] || echo "wrk: $err"
if [ "$bad" != 0 ] || [ "$ref_bad" != 0 ] || [ "$((failed1 + failed2))" != 0 ] || [ "$((ok1 + ok2))" = 0 ]; then
  echo "FAILED: some requests did not succeed" >&2
  exit 1
fi
