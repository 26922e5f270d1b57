#!/usr/bin/env bash
# What the Dockerfile does, without Docker (no engine runs on our machines): publish exactly as its build
# stage does, start the output with unattended setup as its runtime stage would, check the HEALTHCHECK
# command, upload an image, then back up the live SQLite database, restore it into an empty data folder and
# prove that the restored instance serves identical pages and the same image bytes. Loopback only; everything
# it starts, it stops.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/lib/servers.sh
servers_begin smoke

if [ -n "${SYSRIFT_PUBLISHED:-}" ]; then echo "== the published site from $SYSRIFT_PUBLISHED (dotnet publish, as the Dockerfile's build stage)"
else echo "== dotnet publish (as the Dockerfile's build stage)"; fi
publish_site

healthy() { # port: the container HEALTHCHECK command, retried for 60 s at the most
  for _ in $(seq 1 120); do "$work/app/SysRift.Web" health --url "http://127.0.0.1:$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "instance on port $1 never became ready:"; tail -20 "$work"/*.log; exit 1
}

echo "== start the published output with unattended setup"
start_node data 5131 SysRift__DataPath="$work/data" "${setup_env[@]}"
healthy 5131
"$work/app/SysRift.Web" health --url http://127.0.0.1:5131
contains http://127.0.0.1:5131/ "I build systems to understand them." || { echo "home page lacks the seed headline"; exit 1; }
curl -sf http://127.0.0.1:5131/_content/SysRift.Theme/css/site.css >/dev/null || { echo "theme stylesheet missing from the published output"; exit 1; }

echo "== upload an image (media lives in the database, so the backup holds it)"
make_png "$work/pixel.png"
sign_in http://127.0.0.1:5131 "$work/cookies"
# The published runtimeconfig.json bounds the collector's youngest generation (SysRift.Web.csproj says why).
curl -sf -b "$work/cookies" http://127.0.0.1:5131/admin/system | grep -q "gen0 budget at most 6 MB" \
  || { echo "the published node does not run with its 6 MB gen0 budget (System.GC.Gen0MaxBudget)"; exit 1; }
image=$(upload_media http://127.0.0.1:5131 "$work/cookies" "$work/pixel.png" "A test pixel")
[ -n "$image" ] || { echo "the upload did not appear in the library"; exit 1; }

echo "== back up while serving, restore into an empty data folder"
site SysRift__DataPath="$work/data" -- backup --out "$work/backup/sysrift.db"
mkdir -p "$work/restored"
site SysRift__DataPath="$work/restored" -- restore --from "$work/backup/sysrift.db"
# A folder that holds a site is not overwritten without --force.
if site SysRift__DataPath="$work/restored" -- restore --from "$work/backup/sysrift.db" 2>/dev/null; then echo "restore replaced a site without --force"; exit 1; fi
start_node restored 5132 SysRift__DataPath="$work/restored"
healthy 5132

for path in / /about /articles /articles/why-distributed-systems-fail /feed.xml /sitemap.xml; do
  a=$(curl -sf "http://127.0.0.1:5131$path" | sed "s/127.0.0.1:5131/HOST/g")
  b=$(curl -sf "http://127.0.0.1:5132$path" | sed "s/127.0.0.1:5132/HOST/g")
  [ "$a" = "$b" ] || { echo "restored instance differs at $path"; diff <(echo "$a") <(echo "$b") | head -20; exit 1; }
done
curl -sf -o "$work/restored.png" "http://127.0.0.1:5132$image" && cmp -s "$work/pixel.png" "$work/restored.png" || { echo "the restored instance lacks $image or serves other bytes"; exit 1; }
echo "smoke: publish, unattended setup, HEALTHCHECK, backup and restore (pages and media): 1 passed, 0 failed"
