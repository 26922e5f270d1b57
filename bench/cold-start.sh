#!/usr/bin/env bash
# Cold start of the published output, three runs each, median and spread, beside references measured in the
# same run:
#  - process start to the first served home page (SQLite, site already set up), against the same for the
#    smallest ASP.NET Core app (bench/SysRift.ColdStartFloor: one MapGet, published the same way), the framework's floor;
#  - `recipe validate` of a one-step recipe, against the same smallest app started with --exit
#    (it exits before building a host).
# Writes bench/results/cold-start.md. Usage: bench/cold-start.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
runs=${1:-3}
servers_begin cold
publish_site
dotnet publish bench/SysRift.ColdStartFloor -c Release -o "$work/floor" --nologo -v q >/dev/null


first_page() { # command...: ms from launch to the first 200 on :5161/, then stops the process
  local start pid
  start=$(now_ms)
  ("$@" > "$work/cold.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null http://127.0.0.1:5161/; do sleep 0.005; done
  echo $(( $(now_ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

once() { # command...: ms to run it to the end
  local start
  start=$(now_ms)
  "$@" > /dev/null 2>&1
  echo $(( $(now_ms) - start ))
}

start_node setup 5161 SysRift__DataPath="$work/data" "${setup_env[@]}"; wait_200 http://127.0.0.1:5161/health/ready
kill "$last_pid"; wait "$last_pid" 2>/dev/null || true

cat > "$work/one-step.recipe.json" <<'JSON'
{ "name": "one-step", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "bench1", "ContentType": "Principle", "DisplayText": "One",
  "TitlePart": { "Title": "One" }, "Principle": { "Statement": { "Text": "One step." }, "Order": { "Value": 9 } } } ] } ] }
JSON

site_start=(); floor_start=(); validate=(); floor_run=()
for _ in $(seq "$runs"); do
  site_start+=("$(cd "$work/app" && first_page env SysRift__DataPath="$work/data" ASPNETCORE_URLS=http://127.0.0.1:5161 Logging__LogLevel__Default=Warning ./SysRift.Web)")
  floor_start+=("$(cd "$work/floor" && first_page env ASPNETCORE_URLS=http://127.0.0.1:5161 ./SysRift.ColdStartFloor)")
  validate+=("$(cd "$work/app" && once env SysRift__DataPath="$work/data" Logging__LogLevel__Default=Warning ./SysRift.Web recipe validate "$work/one-step.recipe.json")")
  floor_run+=("$(cd "$work/floor" && once ./SysRift.ColdStartFloor --exit)")
done
(cd "$work/app" && env SysRift__DataPath="$work/data" ./SysRift.Web recipe validate "$work/one-step.recipe.json") >/dev/null || { echo "recipe validate failed" >&2; exit 1; }

s=$(printf '%s\n' "${site_start[@]}" | median); f=$(printf '%s\n' "${floor_start[@]}" | median)
v=$(printf '%s\n' "${validate[@]}" | median); r=$(printf '%s\n' "${floor_run[@]}" | median)
{
  echo "# Cold start (bench/cold-start.sh $runs)"
  echo
  echo "Published Release output, loopback, 2 cores, $(date -u +%Y-%m-%d). Milliseconds, median (min-max) of $runs runs."
  echo
  echo "| measure | SysRift | reference (same run) | ratio |"
  echo "| --- | --- | --- | --- |"
  echo "| process start to first home page (SQLite, set up) | $s | smallest ASP.NET Core app, start to first page: $f | $(ratio "$s" "$f") |"
  echo "| \`recipe validate\` of a one-step recipe | $v | smallest .NET app, start to exit: $r | $(ratio "$v" "$r") |"
} | tee "$work/result.md"
mkdir -p bench/results
cp "$work/result.md" bench/results/cold-start.md
