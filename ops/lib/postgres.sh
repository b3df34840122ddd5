# Throwaway PostgreSQL servers for tests and local clusters. Source this file, then:
#   pg_throwaway_start DIR   -> starts a server in DIR on a free port; sets PG_PORT and PG_CONNECTION
#   pg_throwaway_stop DIR    -> stops the server in DIR (fast shutdown) if it runs
# Root cannot run the server, so as root it runs as the postgres user.

# shellcheck source=ops/lib/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"
# shellcheck source=ops/lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

pg_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_ensure_installed() {
  pg_bin_dir >/dev/null && return 0
  apt_install postgresql PostgreSQL
}

# A port for a throwaway PostgreSQL: below the ephemeral range (ops/lib/ports.sh), above the silos' ports.
pg_free_port() {
  local low
  low=$(ephemeral_low)
  if [ "$low" -gt 21000 ]; then free_port 20000 "$low"; else free_port 20000 60000; fi
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_throwaway_start() {
  local dir="$1" bin
  bin=$(pg_bin_dir) || return 1
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  # PG_TRUST_NET (a CIDR) lets clients of that network in too, e.g. a silo in its own network namespace.
  [ -n "${PG_TRUST_NET:-}" ] && echo "host all all $PG_TRUST_NET trust" >>"$dir/data/pg_hba.conf"
  PG_PORT=$(pg_free_port) || return 1
  echo "$PG_PORT" >"$dir/port"
  echo "${PG_LISTEN:-127.0.0.1}" >"$dir/listen"
  pg_throwaway_resume "$dir" || return 1
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  export PG_PORT PG_CONNECTION
}

# pg_throwaway_resume DIR: starts again a server that pg_throwaway_start made (same port and addresses).
# PG_LISTEN (for pg_throwaway_start) lists the addresses to listen on, default 127.0.0.1.
pg_throwaway_resume() {
  local dir="$1" bin port listen
  bin=$(pg_bin_dir) || return 1
  port=$(cat "$dir/port") && listen=$(cat "$dir/listen") || return 1
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=$listen -k $dir -c max_connections=200 -c fsync=on" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
}

pg_throwaway_stop() {
  local dir="$1" bin
  [ -f "$dir/data/postmaster.pid" ] || return 0
  bin=$(pg_bin_dir) || return 0
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}
