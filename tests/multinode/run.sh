#!/usr/bin/env bash
# Two SysRift nodes on one PostgreSQL database behind nginx, all on loopback, started from nothing:
#  - both nodes start at the same instant with unattended setup: one sets the site up, the other joins
#    (schema upgrades and setup are safe when several nodes start at once);
#  - a change committed by a third process (the command line) is timed until node two serves it
#    (must be under one second: PostgreSQL LISTEN/NOTIFY evicts the page caches);
#  - a sign-in made on node one is accepted by node two (Data Protection keys in the database);
#  - nginx round-robins over both nodes and every answer is the same page;
#  - an image uploaded through node one is served, byte for byte, by node two and through nginx at once, and
#    its deletion on node one reaches node two (media lives in the shared database).
# Needs PostgreSQL (postgres/postgres on 127.0.0.1), nginx, psql, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/lib/servers.sh
servers_begin multinode
db="sysrift_multinode_$RANDOM$RANDOM"
create_database "$db"
publish_site
pgenv=(SysRift__Database__Provider=Postgres "SysRift__Database__ConnectionString=$connection")

echo "== two nodes start at once on an empty database"
start_node one 5141 SysRift__DataPath="$work/one" "${pgenv[@]}" "${setup_env[@]}"
start_node two 5142 SysRift__DataPath="$work/two" "${pgenv[@]}" "${setup_env[@]}"
wait_200 http://127.0.0.1:5141/health/ready; wait_200 http://127.0.0.1:5142/health/ready
[ "$(psql "$postgres_libpq dbname=$db" -tAc 'SELECT COUNT(*) FROM "AspNetUsers"')" = 1 ] || { echo "setup ran twice"; exit 1; }
[ "$(psql "$postgres_libpq dbname=$db" -tAc 'SELECT COUNT(*) FROM "ContentItems"')" = 58 ] || { echo "content was not set up exactly once"; exit 1; }
echo "one site, one administrator, 58 items (the sysrift recipe's); schema v$(psql "$postgres_libpq dbname=$db" -tAc 'SELECT MAX("Version") FROM "__SysRiftSchema"')"

start_nginx 'upstream sysrift { server 127.0.0.1:5141; server 127.0.0.1:5142; keepalive 16; }
  server { listen 127.0.0.1:5140; location / { proxy_pass http://sysrift; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; } }'

echo "== warm both page caches, then change the home headline from a third process"
contains http://127.0.0.1:5141/ "I build systems to understand them." || { echo "node one lacks the home page"; exit 1; }
contains http://127.0.0.1:5142/ "I build systems to understand them." || { echo "node two lacks the home page"; exit 1; }
cat > "$work/change.recipe.json" <<'JSON'
{ "name": "change", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "homepage", "ContentType": "HomePage", "Published": true, "Latest": true,
  "TitlePart": { "Title": "Identity / Operating Manual" }, "AutoroutePart": { "Path": "", "SetHomepage": true },
  "HomePage": { "Headline": { "Text": "Changed by another process." } } } ] } ] }
JSON
site SysRift__DataPath="$work/one" "${pgenv[@]}" -- recipe import "$work/change.recipe.json" > "$work/import.out" 2>&1 || { echo "import failed:"; cat "$work/import.out"; exit 1; }
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
sign_in http://127.0.0.1:5141 "$jar"
status=$(curl -s -o "$work/system.html" -w "%{http_code}" -b "$jar" http://127.0.0.1:5142/admin/system)
[ "$status" = 200 ] && grep -q "Postgres" "$work/system.html" || { echo "node two did not accept node one's sign-in (HTTP $status)"; exit 1; }
echo "node two accepted the session made on node one"

echo "== upload an image through node one; node two and nginx serve it; a delete on node one reaches node two"
make_png "$work/pixel.png"
url=$(upload_media http://127.0.0.1:5141 "$jar" "$work/pixel.png" "Two by two pixels")
[ -n "$url" ] || { echo "the upload through node one did not appear in its library"; exit 1; }
curl -sf -o "$work/from-two.png" "http://127.0.0.1:5142$url" || { echo "node two does not serve $url"; exit 1; }
cmp -s "$work/pixel.png" "$work/from-two.png" || { echo "node two served other bytes for $url"; exit 1; }
for _ in $(seq 1 4); do
  curl -sf -o "$work/via-nginx.png" "http://127.0.0.1:5140$url" && cmp -s "$work/pixel.png" "$work/via-nginx.png" || { echo "nginx did not serve $url from every node"; exit 1; }
done
token=$(curl -sf -b "$jar" http://127.0.0.1:5141/admin/media | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -sf -b "$jar" -o /dev/null -X POST http://127.0.0.1:5141/admin/media/delete --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "name=${url#/media/}"
status=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:5142$url")
[ "$status" = 404 ] || { echo "node two still serves $url after node one deleted it (HTTP $status)"; exit 1; }
echo "node two served node one's upload byte for byte, nginx on every request, and the delete reached node two"

echo "multinode: simultaneous start, cross-node publish in ${visible_ms} ms, sign-in across nodes, nginx round-robin, media on every node: 1 passed, 0 failed"
