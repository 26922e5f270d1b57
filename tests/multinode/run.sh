#!/usr/bin/env bash
# Two SysRift nodes on one PostgreSQL database behind nginx, all on loopback, started from nothing:
#  - both nodes start at the same instant with unattended setup: one sets the site up, the other joins
#    (schema upgrades and setup are safe when several nodes start at once);
#  - a change committed by a third process (the command line) is timed until node two serves it
#    (must be under one second: PostgreSQL LISTEN/NOTIFY evicts the page caches);
#  - a sign-in made on node one is accepted by node two (Data Protection keys in the database);
#  - nginx round-robins over both nodes and every answer is the same page.
# Needs PostgreSQL (SYSRIFT_TEST_POSTGRES or postgres/postgres on 127.0.0.1), nginx, psql, curl.
set -euo pipefail
contains() { local body; body=$(curl -sf "$1") || return 1; [[ "$body" == *"$2"* ]]; }
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/sysrift-multinode-XXXX)
db="sysrift_multinode_$RANDOM$RANDOM"
pg="host=127.0.0.1 port=5432 user=postgres password=postgres"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 0.5
  psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql "$pg dbname=postgres" -qc "CREATE DATABASE $db"
dotnet publish src/SysRift.Web -c Release -o "$work/app" --nologo -v q >/dev/null
connection="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=$db"

node() { # name port
  (cd "$work/app" && exec env SysRift__DataPath="$work/$1" SysRift__Database__Provider=Postgres "SysRift__Database__ConnectionString=$connection" \
    SysRift__Setup__SiteName=SysRift SysRift__Setup__Recipe=sysrift SysRift__Setup__AdminUserName=admin \
    SysRift__Setup__AdminEmail=admin@example.com "SysRift__Setup__AdminPassword=multinode passphrase" \
    ASPNETCORE_URLS="http://127.0.0.1:$2" Logging__LogLevel__Default=Warning ./SysRift.Web > "$work/$1.log" 2>&1) &
  pids+=($!)
}
ready() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 0.5; done; echo "node on $1 not ready"; cat "$work"/*.log; exit 1; }

echo "== two nodes start at once on an empty database"
node one 5141
node two 5142
ready 5141; ready 5142
[ "$(psql "$pg dbname=$db" -tAc 'SELECT COUNT(*) FROM "AspNetUsers"')" = 1 ] || { echo "setup ran twice"; exit 1; }
[ "$(psql "$pg dbname=$db" -tAc 'SELECT COUNT(*) FROM "ContentItems"')" = 60 ] || { echo "content was not set up exactly once"; exit 1; }
echo "one site, one administrator, 60 items; schema v$(psql "$pg dbname=$db" -tAc 'SELECT MAX("Version") FROM "__SysRiftSchema"')"

cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  upstream sysrift { server 127.0.0.1:5141; server 127.0.0.1:5142; keepalive 16; }
  server { listen 127.0.0.1:5140; location / { proxy_pass http://sysrift; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; } }
}
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf"

echo "== warm both page caches, then change the home headline from a third process"
contains http://127.0.0.1:5141/ "I build systems to understand them." || { echo "node one lacks the home page"; exit 1; }
contains http://127.0.0.1:5142/ "I build systems to understand them." || { echo "node two lacks the home page"; exit 1; }
cat > "$work/change.recipe.json" <<'JSON'
{ "name": "change", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "homepage", "ContentType": "HomePage", "Published": true, "Latest": true,
  "TitlePart": { "Title": "Identity / Operating Manual" }, "AutoroutePart": { "Path": "", "SetHomepage": true },
  "HomePage": { "Headline": { "Text": "Changed by another process." } } } ] } ] }
JSON
(cd "$work/app" && env SysRift__DataPath="$work/one" SysRift__Database__Provider=Postgres "SysRift__Database__ConnectionString=$connection" \
   Logging__LogLevel__Default=Warning ./SysRift.Web recipe import "$work/change.recipe.json" > "$work/import.log" 2>&1) || { echo "import failed:"; cat "$work/import.log"; exit 1; }
committed=$(date +%s%N)
until contains http://127.0.0.1:5142/ "Changed by another process."; do
  [ $(( ($(date +%s%N) - committed) / 1000000 )) -lt 1000 ] || { echo "node two still serves the old page after 1 s"; exit 1; }
  sleep 0.01
done
visible_ms=$(( ($(date +%s%N) - committed) / 1000000 ))
echo "node two served the change ${visible_ms} ms after the commit returned"

for _ in $(seq 1 6); do
  contains http://127.0.0.1:5140/ "Changed by another process." || { echo "nginx served a stale page"; exit 1; }
done
echo "== sign in on node one, use the session on node two"
jar="$work/cookies"
token=$(curl -sf -c "$jar" http://127.0.0.1:5141/login | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
curl -sf -b "$jar" -c "$jar" -o /dev/null -X POST http://127.0.0.1:5141/login --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "UserName=admin" --data-urlencode "Password=multinode passphrase" --data-urlencode "ReturnUrl=/admin"
status=$(curl -s -o "$work/system.html" -w "%{http_code}" -b "$jar" http://127.0.0.1:5142/admin/system)
[ "$status" = 200 ] && grep -q "Postgres" "$work/system.html" || { echo "node two did not accept node one's sign-in (HTTP $status)"; exit 1; }
echo "node two accepted the session made on node one"

echo "multinode: simultaneous start, cross-node publish in ${visible_ms} ms, sign-in across nodes, nginx round-robin: 1 passed, 0 failed"
