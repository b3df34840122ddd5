#!/usr/bin/env bash
# Applies ops/postgres/orleans.sql (Orleans' ADO.NET schema and queries, and the Data Protection keys table)
# to a PostgreSQL database. The silo does the same at every start with Cluster:Mode=Postgres; this is for
# operators who create schemas before the silos run, or with another user than the silos'.
#
#   ops/postgres/apply.sh --connection "Host=…;Port=5432;Username=…;Password=…;Database=…"
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=ops/lib/store.sh
source "$repo/ops/lib/store.sh"

[ "${1:-}" = "--connection" ] && [ -n "${2:-}" ] || die "usage: ops/postgres/apply.sh --connection CONNECTION_STRING" 2
pg_tools_find
pg_env_from_connection "$2"
log "Applying $repo/ops/postgres/orleans.sql to $PGDATABASE on $PGHOST:$PGPORT"
output=$("$PSQL" -v ON_ERROR_STOP=1 -q -f "$repo/ops/postgres/orleans.sql" 2>&1) || { printf '%s\n' "$output" >&2; die "orleans.sql was not applied"; }
printf '%s\n' "$output" | grep -v "already exists, skipping" >&2 || true
"$PSQL" -v ON_ERROR_STOP=1 -qtAc "SELECT count(*) || ' Orleans queries in orleansquery' FROM orleansquery"
