#!/usr/bin/env bash
# Requests per second and p99 latency with wrk (64 connections) for the home page and an article page,
# against nginx serving the same HTML as static files in the same run. Then the same with 10,000 extra
# articles imported. Loopback only; every run is bounded (DURATION seconds per measurement).
# Needs: wrk, nginx (Debian packages). Usage: bench/http.sh [DURATION] [EXTRA_ARTICLES]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
extra=${2:-10000}
work=$(mktemp -d /tmp/sysrift-http-XXXX)
chmod 755 "$work" # nginx workers run as nobody
site_port=5111; nginx_port=5112
cleanup() { [ -n "${site_pid:-}" ] && kill "$site_pid" 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish src/SysRift.Web -c Release -o "$work/app" --nologo -v q >/dev/null
dotnet build bench/SysRift.Bench -c Release --nologo -v q >/dev/null

start_site() {
  SysRift__DataPath="$work/data" SysRift__Setup__SiteName=SysRift SysRift__Setup__Recipe=sysrift \
  SysRift__Setup__AdminUserName=admin SysRift__Setup__AdminEmail=admin@example.com SysRift__Setup__AdminPassword="bench passphrase 1" \
  Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$site_port" \
    "$work/app/SysRift.Web" > "$work/site.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$site_port/health/ready" >/dev/null && return 0; sleep 0.5; done
  cat "$work/site.log"; exit 1
}

start_nginx() {
  mkdir -p "$work/static"
  curl -sf "http://127.0.0.1:$site_port/" > "$work/static/home.html"
  curl -sf "http://127.0.0.1:$site_port/articles/why-distributed-systems-fail" > "$work/static/article.html"
  cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
CONF
  mkdir -p "$work/tmp"
  nginx -c "$work/nginx.conf"
}

measure() { # name url -> "rps p99ms"
  local out rps p99
  wrk -t2 -c64 -d2s "$2" >/dev/null # warm-up (JIT, caches), the same for both servers
  out=$(wrk -t2 -c64 -d"${duration}s" --latency "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$rps $p99"
}

to_ms() { case "$1" in *us) echo "$1" | sed 's/us//' | awk '{printf "%.2f", $1/1000}';; *ms) echo "$1" | sed 's/ms//';; *s) echo "$1" | sed 's/s//' | awk '{printf "%.0f", $1*1000}';; esac; }

report() { # label sysrift nginx
  read -r s_rps s_p99 <<<"$2"; read -r n_rps n_p99 <<<"$3"
  awk -v l="$1" -v s="$s_rps" -v n="$n_rps" -v sp="$(to_ms "$s_p99")" -v np="$(to_ms "$n_p99")" \
    'BEGIN { printf "| %s | %.0f req/s, p99 %s ms | %.0f req/s, p99 %s ms | %.0f%% |\n", l, s, sp, n, np, 100*s/n }'
}

start_site
start_nginx
echo "| page | SysRift | nginx static (same HTML, same run) | SysRift / nginx |"
echo "| --- | --- | --- | --- |"
report "home" "$(measure home "http://127.0.0.1:$site_port/")" "$(measure home "http://127.0.0.1:$nginx_port/home.html")"
report "article" "$(measure article "http://127.0.0.1:$site_port/articles/why-distributed-systems-fail")" "$(measure article "http://127.0.0.1:$nginx_port/article.html")"

if [ "$extra" -gt 0 ]; then
  dotnet bench/SysRift.Bench/bin/Release/net10.0/SysRift.Bench.dll generate "$extra" "$work/extra.recipe.json"
  SysRift__DataPath="$work/data" Logging__LogLevel__Default=Warning "$work/app/SysRift.Web" recipe import "$work/extra.recipe.json" 2>/dev/null | tail -1
  kill "$site_pid"; wait "$site_pid" 2>/dev/null || true
  start_site
  report "home, +$extra articles" "$(measure home "http://127.0.0.1:$site_port/")" "$(measure home "http://127.0.0.1:$nginx_port/home.html")"
  report "article, +$extra articles" "$(measure article "http://127.0.0.1:$site_port/articles/why-distributed-systems-fail")" "$(measure article "http://127.0.0.1:$nginx_port/article.html")"
  report "articles list page 500, +$extra" "$(measure list "http://127.0.0.1:$site_port/articles?page=500")" "$(measure home "http://127.0.0.1:$nginx_port/home.html")"
fi
