#!/usr/bin/env bash
# Cached pages against nginx: requests/s and p99 for the home page and an article, served from SysRift's page
# cache and by nginx as static files holding the very bytes SysRift produced, in the same run. Each page twice:
# without compression (wrk sends no Accept-Encoding), and with "Accept-Encoding: br, gzip", where nginx serves
# precompressed .br and .gz files (brotli_static, gzip_static) and SysRift its cached Brotli form. Then the
# same after importing EXTRA_ARTICLES more articles. RUNS rounds, median and spread; each round measures
# SysRift and nginx one after the other. Writes bench/results/http.md.
# Needs: wrk, nginx, libnginx-mod-http-brotli-static, brotli, gzip (Debian packages).
# Usage: bench/http.sh [DURATION] [EXTRA_ARTICLES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
duration=${1:-10}; extra=${2:-10000}; runs=${3:-3}
site_port=5111; nginx_port=5112
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
[ -f "$brotli_module" ] || { echo "needs nginx's brotli_static module: apt-get install libnginx-mod-http-brotli-static" >&2; exit 1; }
servers_begin http
publish_site
dotnet build bench/SysRift.Bench -c Release --nologo -v q >/dev/null

start_site() {
  start_node site "$site_port" SysRift__DataPath="$work/data" "${setup_env[@]}"
  wait_200 "http://127.0.0.1:$site_port/health/ready"
  # Past the runtime's tier-1 recompilation of the hot paths (and the cache's background compression of
  # these pages) before anything is measured; nginx gets the same warm-up before each measurement below.
  for page in / "$article"; do
    wrk -t2 -c64 -d10s "http://127.0.0.1:$site_port$page" >/dev/null
    wrk -t2 -c64 -d5s -H "Accept-Encoding: br, gzip" "http://127.0.0.1:$site_port$page" >/dev/null
  done
}

# The static copies: SysRift's HTML, and its gzip and Brotli forms made at the best levels of both tools.
serve_static_copies() {
  mkdir -p "$work/static"
  curl -sf "http://127.0.0.1:$site_port/" > "$work/static/home.html"
  curl -sf "http://127.0.0.1:$site_port$article" > "$work/static/article.html"
  for f in "$work"/static/*.html; do gzip -9 -k "$f"; brotli -q 11 -k "$f"; done
  start_nginx "server { listen 127.0.0.1:$nginx_port; root $work/static; gzip_static on; brotli_static on; }" "load_module $brotli_module;"
}

encoding_of() { # url: the Content-Encoding a "br, gzip" client gets (empty for none)
  curl -s -o /dev/null -D - -H "Accept-Encoding: br, gzip" "$1" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" {print $2}'
}

measure_with() { # url [header]: "requests/s p99-ms", wrk 64 connections, $duration s after a 5 s warm-up
  local args=(-t2 -c64); [ -n "${2:-}" ] && args+=(-H "$2")
  wrk "${args[@]}" -d5s "$1" >/dev/null
  wrk "${args[@]}" -d"${duration}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; return v * 1000 }
    /Requests\/sec/ {r = $2} $1 == "99%" {p = ms($2)} END {printf "%d %.2f\n", r, p}'
}

middle() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; } # the middle of decimals (median rounds to whole numbers)

rows=()
compare() { # label site-path static-path [header]: RUNS rounds, one table row
  local s=() n=() sp=() np=() r=() a b
  for _ in $(seq "$runs"); do
    read -r a sp_ <<<"$(measure_with "http://127.0.0.1:$site_port$2" "${4:-}")"
    read -r b np_ <<<"$(measure_with "http://127.0.0.1:$nginx_port$3" "${4:-}")"
    s+=("$a"); n+=("$b"); sp+=("$sp_"); np+=("$np_"); r+=("$(( 100 * a / b ))")
  done
  rows+=("| $1 | $(printf '%s\n' "${s[@]}" | median) req/s, p99 $(middle "${sp[@]}") ms | $(printf '%s\n' "${n[@]}" | median) req/s, p99 $(middle "${np[@]}") ms | $(printf '%s\n' "${r[@]}" | median)% |")
  echo "${rows[-1]}" >&2
}

compare_pages() { # label-suffix
  compare "home$1" / /home.html
  compare "article$1" "$article" /article.html
  compare "home$1, br, gzip" / /home.html "Accept-Encoding: br, gzip"
  compare "article$1, br, gzip" "$article" /article.html "Accept-Encoding: br, gzip"
}

start_node setup "$site_port" SysRift__DataPath="$work/data" "${setup_env[@]}"; wait_200 "http://127.0.0.1:$site_port/health/ready"
article=$(curl -sf "http://127.0.0.1:$site_port/articles" | grep -o 'href="/articles/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')
kill "$last_pid"; wait "$last_pid" 2>/dev/null || true
start_site
serve_static_copies
# A comparison of compressed pages means nothing unless both sides send the Brotli form.
for url in "http://127.0.0.1:$site_port/" "http://127.0.0.1:$site_port$article" "http://127.0.0.1:$nginx_port/home.html" "http://127.0.0.1:$nginx_port/article.html"; do
  [ "$(encoding_of "$url")" = br ] || { echo "$url did not answer a br, gzip client with its Brotli form" >&2; exit 1; }
done
sizes="home $(stat -c %s "$work/static/home.html") bytes ($(curl -s -H 'Accept-Encoding: br' "http://127.0.0.1:$site_port/" | wc -c) as SysRift's Brotli form, $(stat -c %s "$work/static/home.html.br") as nginx's .br file)"
compare_pages ""

if [ "$extra" -gt 0 ]; then
  dotnet bench/SysRift.Bench/bin/Release/net10.0/SysRift.Bench.dll generate "$extra" "$work/extra.recipe.json"
  kill "$last_pid"; wait "$last_pid" 2>/dev/null || true
  site SysRift__DataPath="$work/data" -- recipe import "$work/extra.recipe.json" 2>/dev/null | tail -1
  start_site
  # The home page now lists other articles: nginx serves its new bytes.
  curl -sf "http://127.0.0.1:$site_port/" > "$work/static/home.html"; rm -f "$work"/static/home.html.*
  gzip -9 -k "$work/static/home.html"; brotli -q 11 -k "$work/static/home.html"
  compare_pages ", +$extra articles"
fi

{
  echo "# Cached pages against nginx (bench/http.sh $duration $extra $runs)"
  echo
  echo "Published Release output, SQLite, loopback, 2 cores shared by wrk, the site and nginx, $(date -u +%Y-%m-%d)."
  echo "wrk: 2 threads, 64 connections, $duration s after a 5 s warm-up (the site warmed 15 s per page after each start)."
  echo "nginx (2 workers) serves the very HTML SysRift produced as static files; for \"br, gzip\" rows the client sends"
  echo "\`Accept-Encoding: br, gzip\` and nginx serves precompressed files (brotli_static, gzip_static; brotli -q 11,"
  echo "gzip -9), SysRift the Brotli form its cache made. $sizes."
  echo "Median (min-max) of $runs rounds, each measuring SysRift then nginx; the ratio is taken per round."
  echo
  echo "| page | SysRift (page cache) | nginx static (same bytes, same run) | SysRift / nginx |"
  echo "| --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
} | tee "$work/result.md"
mkdir -p bench/results
cp "$work/result.md" bench/results/http.md
