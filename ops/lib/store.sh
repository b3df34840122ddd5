# Shared by ops/backup.sh and ops/restore.sh. Source it; it defines:
#   silo_cmd ARGS...        runs the silo binary's offline verbs (store-head, backup-sqlite, verify --data/--connection)
#   pg_tools_find           sets PG_DUMP, PG_RESTORE, PSQL (PATH first, then /usr/lib/postgresql/*/bin, newest)
#   pg_env_from_connection CS   exports PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE from an Npgsql connection string
#
# The silo binary: $PROVMON_SILO (a command, e.g. "/opt/provincialmonitor/ProvincialMonitor.Silo" or
# "dotnet /path/ProvincialMonitor.Silo.dll"), else ProvincialMonitor.Silo on PATH, else
# /opt/provincialmonitor/ProvincialMonitor.Silo, else the build output of this repository.

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$1" >&2; exit "${2:-1}"; }

silo_cmd() {
  if [ -n "${PROVMON_SILO:-}" ]; then
    # shellcheck disable=SC2086 # PROVMON_SILO may be "dotnet path.dll"
    $PROVMON_SILO "$@"
    return
  fi
  if command -v ProvincialMonitor.Silo >/dev/null 2>&1; then ProvincialMonitor.Silo "$@"; return; fi
  if [ -x /opt/provincialmonitor/ProvincialMonitor.Silo ]; then /opt/provincialmonitor/ProvincialMonitor.Silo "$@"; return; fi
  local repo dll
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  dll=$(ls -t "$repo"/silo/ProvincialMonitor.Silo/bin/*/net10.0/ProvincialMonitor.Silo.dll 2>/dev/null | head -n 1 || true)
  [ -n "$dll" ] || die "no silo binary: set PROVMON_SILO, or build the silo (dotnet build silo/ProvincialMonitor.Silo)" 3
  dotnet "$dll" "$@"
}

pg_tools_find() {
  local dir
  PG_DUMP=$(command -v pg_dump || true)
  PG_RESTORE=$(command -v pg_restore || true)
  PSQL=$(command -v psql || true)
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -n "$PG_DUMP" ] || { [ -x "$dir/pg_dump" ] && PG_DUMP="$dir/pg_dump"; }
    [ -n "$PG_RESTORE" ] || { [ -x "$dir/pg_restore" ] && PG_RESTORE="$dir/pg_restore"; }
    [ -n "$PSQL" ] || { [ -x "$dir/psql" ] && PSQL="$dir/psql"; }
  done
  [ -n "$PG_DUMP" ] && [ -n "$PG_RESTORE" ] && [ -n "$PSQL" ] \
    || die "pg_dump, pg_restore and psql are needed (package postgresql-client); not on PATH nor in /usr/lib/postgresql/*/bin" 3
}

pg_env_from_connection() {
  local cs="$1" pair key value
  unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSSLMODE
  IFS=';' read -r -a pairs <<<"$cs"
  for pair in "${pairs[@]}"; do
    [ -n "${pair// /}" ] || continue
    key=$(printf '%s' "${pair%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    value="${pair#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd) export PGPASSWORD="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      sslmode) export PGSSLMODE=$(printf '%s' "$value" | tr '[:upper:]' '[:lower:]') ;;
      *) ;; # pool sizes, timeouts and the like mean nothing to pg_dump
    esac
  done
  [ -n "${PGDATABASE:-}" ] || die "the connection string names no Database" 2
}
