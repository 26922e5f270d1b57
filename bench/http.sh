#!/usr/bin/env bash
# Requests per second and p99 latency with wrk (64 connections) for the home page and an article page,
# against nginx serving the same HTML as static files in the same run. Then the same with 10,000 extra
# articles imported. Loopback only; every run is bounded (DURATION seconds per measurement).
# Needs: wrk, nginx (Debian packages). Usage: bench/http.sh [DURATION] [EXTRA_ARTICLES]
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
duration=${1:-15}
extra=${2:-10000}
site_port=5111; nginx_port=5112
servers_begin http
publish_site
dotnet build bench/SysRift.Bench -c Release --nologo -v q >/dev/null

start_site() {
  start_node site "$site_port" SysRift__DataPath="$work/data" "${setup_env[@]}"
  wait_200 "http://127.0.0.1:$site_port/health/ready"
}

serve_static_copies() {
  mkdir -p "$work/static"
  curl -sf "http://127.0.0.1:$site_port/" > "$work/static/home.html"
  curl -sf "http://127.0.0.1:$site_port/articles/why-distributed-systems-fail" > "$work/static/article.html"
  start_nginx "server { listen 127.0.0.1:$nginx_port; root $work/static; }"
}

to_ms() { case "$1" in *us) echo "$1" | sed 's/us//' | awk '{printf "%.2f", $1/1000}';; *ms) echo "$1" | sed 's/ms//';; *s) echo "$1" | sed 's/s//' | awk '{printf "%.0f", $1*1000}';; esac; }

report() { # label sysrift nginx
  read -r s_rps s_p99 <<<"$2"; read -r n_rps n_p99 <<<"$3"
  awk -v l="$1" -v s="$s_rps" -v n="$n_rps" -v sp="$(to_ms "$s_p99")" -v np="$(to_ms "$n_p99")" \
    'BEGIN { printf "| %s | %.0f req/s, p99 %s ms | %.0f req/s, p99 %s ms | %.0f%% |\n", l, s, sp, n, np, 100*s/n }'
}

start_site
serve_static_copies
echo "| page | SysRift | nginx static (same HTML, same run) | SysRift / nginx |"
echo "| --- | --- | --- | --- |"
report "home" "$(measure "http://127.0.0.1:$site_port/")" "$(measure "http://127.0.0.1:$nginx_port/home.html")"
report "article" "$(measure "http://127.0.0.1:$site_port/articles/why-distributed-systems-fail")" "$(measure "http://127.0.0.1:$nginx_port/article.html")"

if [ "$extra" -gt 0 ]; then
  dotnet bench/SysRift.Bench/bin/Release/net10.0/SysRift.Bench.dll generate "$extra" "$work/extra.recipe.json"
  site SysRift__DataPath="$work/data" -- recipe import "$work/extra.recipe.json" 2>/dev/null | tail -1
  kill "$last_pid"; wait "$last_pid" 2>/dev/null || true
  start_site
  report "home, +$extra articles" "$(measure "http://127.0.0.1:$site_port/")" "$(measure "http://127.0.0.1:$nginx_port/home.html")"
  report "article, +$extra articles" "$(measure "http://127.0.0.1:$site_port/articles/why-distributed-systems-fail")" "$(measure "http://127.0.0.1:$nginx_port/article.html")"
  report "articles list page 500, +$extra" "$(measure "http://127.0.0.1:$site_port/articles?page=500")" "$(measure "http://127.0.0.1:$nginx_port/home.html")"
fi
