#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh, then verifies the restored store (docs/operations.md "Backup and restore").
#
#   ops/restore.sh --from DIR --data DIR [--force]          the embedded store (stop the silo first)
#   ops/restore.sh --from DIR --connection CS [--force]     PostgreSQL (stop the silos first)
#
# The anchor signing key is not in a backup (it lives outside the data folder, docs/audit.md "Anchors"): keep it apart.
# Checks the backup's SHA256SUMS, refuses a target that holds a store unless --force, restores, and ends with
# `verify` of the restored store against its hash chain, the signed anchors in the backup and the head the
# manifest recorded at backup time. Any mismatch fails loudly (exit 1).
# Exit codes: 0 restored and verified, 1 failed or NOT verified, 2 usage or refused target, 3 a tool is missing.
set -euo pipefail
# shellcheck source=ops/lib/store.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/store.sh"

usage() {
  cat >&2 <<'USAGE'
usage: ops/restore.sh --from DIR (--data DIR | --connection CS) [--force]
USAGE
  [ -n "${1:-}" ] && printf 'error: %s\n' "$1" >&2
  exit 2
}

from="" data="" connection="" force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --from) [ $# -ge 2 ] || usage "--from needs a value"; from="$2"; shift 2 ;;
    --data) [ $# -ge 2 ] || usage "--data needs a value"; data="$2"; shift 2 ;;
    --connection) [ $# -ge 2 ] || usage "--connection needs a value"; connection="$2"; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage ;;
    *) usage "unknown argument: $1" ;;
  esac
done
[ -n "$from" ] || usage "--from is required"
if { [ -n "$data" ] && [ -n "$connection" ]; } || { [ -z "$data" ] && [ -z "$connection" ]; }; then usage "give exactly one of --data or --connection"; fi
[ -f "$from/manifest.json" ] || die "$from has no manifest.json: not a backup of ops/backup.sh" 1
from=$(cd "$from" && pwd)
manifest="$from/manifest.json"
store=$(grep -o '"store": *"[a-z]*"' "$manifest" | grep -o '"[a-z]*"$' | tr -d '"')
head=$(tr -d '\n ' <"$manifest" | grep -o '"head":{[^}]*}' || true)
log "Backup $from: store $store, head ${head:-?}"

log "Checking the backup's checksums..."
(cd "$from" && sha256sum --quiet -c SHA256SUMS) || die "the backup's files do not match SHA256SUMS: the backup is damaged or was altered" 1

if [ -n "$data" ]; then
  [ "$store" = sqlite ] || die "this is a $store backup; restore it with --connection" 2
  if [ -e "$data" ] && [ -n "$(ls -A "$data" 2>/dev/null)" ]; then
    [ "$force" -eq 1 ] || die "$data is not empty; restore into an empty folder, or give --force to replace what is there (stop the silo first)" 2
    log "--force: removing the store and anchors in $data"
    rm -f -- "$data/events.db" "$data/events.db-wal" "$data/events.db-shm"
    rm -rf -- "$data/anchors"
  fi
  mkdir -p "$data"
  log "Copying the store and the data folder's files into $data..."
  (cd "$from" && find . -mindepth 1 -maxdepth 1 ! -name manifest.json ! -name SHA256SUMS -exec cp -a {} "$data/" \;)
  # Backups no longer hold the signing key; an older one does, and the silo moves it out of the data folder at start.
  if [ -f "$from/anchor-signing-key.pem" ]; then
    log "This backup holds the anchor signing key (an older backup): the silo moves it out of $data at its next start"
  fi
  log "Verifying the restored store..."
  if ! silo_cmd verify --data "$data" --manifest "$manifest"; then
    die "THE RESTORED STORE DID NOT VERIFY against the anchors and the head recorded at backup time; do not start a silo on it" 1
  fi
else
  [ "$store" = postgres ] || die "this is a $store backup; restore it with --data" 2
  pg_tools_find
  pg_env_from_connection "$connection"
  tables=$("$PSQL" -X -A -t -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')") \
    || die "cannot connect to database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432}" 1
  clean=()
  if [ "$tables" -gt 0 ]; then
    [ "$force" -eq 1 ] || die "database $PGDATABASE has $tables table(s); restore into an empty database, or give --force to replace them (stop the silos first)" 2
    log "--force: replacing the $tables table(s) of $PGDATABASE"
    clean=(--clean --if-exists)
  fi
  log "pg_restore into $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432} ($PG_RESTORE)..."
  "$PG_RESTORE" --no-owner --no-privileges --exit-on-error --single-transaction "${clean[@]}" --dbname="$PGDATABASE" "$from/events.pgdump" \
    || die "pg_restore failed" 1
  anchors=()
  if [ -f "$from/anchor-public-key.pem" ]; then
    anchors=(--anchors "$from/anchors" --public-key "$from/anchor-public-key.pem")
    log "The backup holds anchors: put $from/anchors back into the cluster's Anchors:Folder if it was lost."
  fi
  log "Verifying the restored store..."
  if ! silo_cmd verify --connection "$connection" --manifest "$manifest" "${anchors[@]}"; then
    die "THE RESTORED STORE DID NOT VERIFY against the anchors and the head recorded at backup time; do not start silos on it" 1
  fi
fi
log "Restored and verified."
