# Shared by the scripts that start real servers on loopback (tests/smoke, tests/multinode, bench/):
# a work folder that is removed at exit, every process started is stopped at exit, bounded waits.
# Source it from the repository root: . tests/lib/servers.sh; then call servers_begin PREFIX.

servers_begin() { # prefix: creates $work, stops everything and removes it at exit
  work=$(mktemp -d "/tmp/sysrift-$1-XXXX")
  chmod 755 "$work" # nginx workers run as nobody and must read static files here
  pids=()
  drop_database=""
  trap servers_end EXIT
}

servers_end() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 0.5
  if [ -n "$drop_database" ]; then
    psql "$postgres_libpq dbname=postgres" -qc "DROP DATABASE IF EXISTS $drop_database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}

postgres_libpq="host=127.0.0.1 port=5432 user=postgres password=postgres"

create_database() { # name: a fresh PostgreSQL database, dropped at exit; sets $connection (Npgsql form)
  psql "$postgres_libpq dbname=postgres" -qc "CREATE DATABASE $1"
  drop_database=$1
  connection="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=$1"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The whole body first, then the match: "curl | grep -q" fails under pipefail when grep stops early.
contains() { local body; body=$(curl -sf "$1") || return 1; [[ "$body" == *"$2"* ]]; }

wait_200() { # url: bounded, 60 s at the most
  local deadline=$(( $(now_ms) + 60000 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "no answer from $1 within 60 s" >&2; tail -20 "$work"/*.log >&2; exit 1; }
    sleep 0.01
  done
}

# The published site in $work/app. SYSRIFT_PUBLISHED=DIR reuses an earlier `dotnet publish` output (benchmarks
# run one after another on the same build; a publish takes minutes). The copy keeps runs from sharing files.
publish_site() {
  if [ -n "${SYSRIFT_PUBLISHED:-}" ]; then cp -r "$SYSRIFT_PUBLISHED" "$work/app"; return; fi
  dotnet publish src/SysRift.Web -c Release -o "$work/app" --nologo -v q >/dev/null
}

# Unattended setup of the sysrift recipe (add to start_node's environment).
setup_env=(SysRift__Setup__SiteName=SysRift SysRift__Setup__PublicUrl=http://localhost SysRift__Setup__Recipe=sysrift SysRift__Setup__AdminUserName=admin
           SysRift__Setup__AdminEmail=admin@example.com "SysRift__Setup__AdminPassword=server scripts passphrase")

start_node() { # name port [VAR=value ...]: the published site on 127.0.0.1:port; sets $last_pid
  local name=$1 port=$2; shift 2
  # A node that cannot bind its port exits, and whatever else listens there would answer for it.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is already in use; stop what listens there first" >&2; exit 1; fi
  (cd "$work/app" && exec env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning ./SysRift.Web > "$work/$name.log" 2>&1) &
  last_pid=$!
  pids+=("$last_pid")
}

site() { # VAR=value ... -- args: runs the published binary's command line once
  local env=()
  while [ "$1" != "--" ]; do env+=("$1"); shift; done
  shift
  (cd "$work/app" && env "${env[@]}" Logging__LogLevel__Default=Warning ./SysRift.Web "$@")
}

start_nginx() { # http-body [main-context directives, such as load_module]: nginx with its files in $work
  mkdir -p "$work/tmp"
  cat > "$work/nginx.conf" <<CONF
${2:-}
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  $1
}
CONF
  nginx -c "$work/nginx.conf"
}

median() { # numbers on stdin, one a line: "median (min-max)", for benchmarks run several times
  sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2); printf "%d (%d-%d)", m, a[1], a[NR]}'
}

ratio() { # a b: a / b of two figures (each may be "median (min-max)"), two decimals
  awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN {printf "%.2f", a / b}'
}

measure() { # url: "requests/s p99" from wrk (64 connections, $duration s after a warm-up of ${warmup:-5} s, the same for every server)
  wrk -t2 -c64 -d"${warmup:-5}s" "$1" >/dev/null
  wrk -t2 -c64 -d"${duration}s" --latency "$1" | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r, p}'
}

sign_in() { # base-url jar: signs the administrator of setup_env in, cookies in the jar
  local token
  token=$(curl -sf -c "$2" "$1/login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
  curl -sf -b "$2" -c "$2" -o /dev/null -X POST "$1/login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "UserName=admin" --data-urlencode "Password=server scripts passphrase" --data-urlencode "ReturnUrl=/admin"
}

make_png() { # file: a small real PNG (a 2x2 image), made by base64 so no image tool is needed
  printf '%s' 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==' | base64 -d > "$1"
}

upload_media() { # base-url jar file alt: uploads through the media library as an editor would; prints the stored /media/ URL
  local token
  token=$(curl -sf -b "$2" -c "$2" "$1/admin/media" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -sf -b "$2" -c "$2" -o /dev/null -X POST "$1/admin/media" -F "__RequestVerificationToken=$token" -F "file=@$3;type=image/png" -F "altText=$4"
  curl -sf -b "$2" "$1/admin/media" | grep -o '/media/[a-z0-9-]*\.png' | head -n 1
}
