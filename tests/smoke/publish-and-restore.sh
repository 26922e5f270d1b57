#!/usr/bin/env bash
# What the Dockerfile does, without Docker (no engine runs on our machines): publish exactly as its build
# stage does, start the output with unattended setup as its runtime stage would, check the HEALTHCHECK
# command, then back up the live SQLite database, restore it into an empty data folder and prove that the
# restored instance serves identical pages. Loopback only; everything it starts, it stops.
set -euo pipefail
contains() { local body; body=$(curl -sf "$1") || return 1; [[ "$body" == *"$2"* ]]; }
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/sysrift-smoke-XXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "== dotnet publish (as the Dockerfile's build stage)"
dotnet publish src/SysRift.Web -c Release -o "$work/app" --nologo -v q >/dev/null

start() { # data-folder port [setup]
  local env=(SysRift__DataPath="$1" ASPNETCORE_URLS="http://127.0.0.1:$2" Logging__LogLevel__Default=Warning)
  if [ "${3:-}" = setup ]; then
    env+=(SysRift__Setup__SiteName=SysRift SysRift__Setup__Recipe=sysrift SysRift__Setup__AdminUserName=admin
          SysRift__Setup__AdminEmail=admin@example.com "SysRift__Setup__AdminPassword=smoke test passphrase")
  fi
  (cd "$work/app" && exec env "${env[@]}" ./SysRift.Web > "$1.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 120); do
    if "$work/app/SysRift.Web" health --url "http://127.0.0.1:$2" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "instance on port $2 never became ready:"; cat "$1.log"; exit 1
}

echo "== start the published output with unattended setup"
start "$work/data" 5131 setup
"$work/app/SysRift.Web" health --url http://127.0.0.1:5131
contains http://127.0.0.1:5131/ "I build systems to understand them." || { echo "home page lacks the seed headline"; exit 1; }
curl -sf http://127.0.0.1:5131/_content/SysRift.Theme/css/site.css >/dev/null || { echo "theme stylesheet missing from the published output"; exit 1; }

echo "== back up while serving, restore into an empty data folder"
(cd "$work/app" && SysRift__DataPath="$work/data" ./SysRift.Web backup --out "$work/backup/sysrift.db")
mkdir -p "$work/restored"
cp "$work/backup/sysrift.db" "$work/restored/sysrift.db"
cat > "$work/restored/site.json" <<JSON
{ "Running": true, "Provider": "Sqlite", "ConnectionString": "Data Source=$work/restored/sysrift.db" }
JSON
start "$work/restored" 5132

for path in / /about /articles /articles/why-distributed-systems-fail /feed.xml /sitemap.xml; do
  a=$(curl -sf "http://127.0.0.1:5131$path" | sed "s/127.0.0.1:5131/HOST/g")
  b=$(curl -sf "http://127.0.0.1:5132$path" | sed "s/127.0.0.1:5132/HOST/g")
  [ "$a" = "$b" ] || { echo "restored instance differs at $path"; diff <(echo "$a") <(echo "$b") | head -20; exit 1; }
done
echo "smoke: publish, unattended setup, HEALTHCHECK, backup and restore: 1 passed, 0 failed"
