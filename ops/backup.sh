#!/usr/bin/env bash
# Backs up the event store with the chain head at backup time (docs/operations.md "Backup and restore").
#
#   ops/backup.sh --data DIR --out DIR [--keep N]
#       the embedded store: SQLite's online backup of DIR/events.db (safe while the silo runs), and every other
#       file of the data folder (anchors/, the anchors' public key, keys/) copied first, so no anchor names a later
#       event. Never the anchor signing key: a data folder that still holds one (anchor-signing-key.pem, from before
#       the silo moved it out) is backed up without it.
#   ops/backup.sh --connection CS --out DIR [--anchors DIR --public-key FILE] [--keep N]
#       PostgreSQL: pg_dump in custom format; the anchors folder and public key of the cluster when given
#
# --out must not exist or be empty. It receives manifest.json (store, time, head position and hash) and SHA256SUMS.
# --keep N: afterwards, removes the oldest backups beside --out (folders of the same parent with a manifest.json)
#           so that N remain. Name the folders by date so that they sort (e.g. /backups/daily/2026-11-29).
# Exit codes: 0 done, 1 failed, 2 usage, 3 a tool is missing.
set -euo pipefail
# shellcheck source=ops/lib/store.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/store.sh"

usage() {
  cat >&2 <<'USAGE'
usage: ops/backup.sh (--data DIR | --connection CS) --out DIR [--anchors DIR --public-key FILE] [--keep N]
USAGE
  [ -n "${1:-}" ] && printf 'error: %s\n' "$1" >&2
  exit 2
}

data="" connection="" out="" anchors="" public_key="" keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data) [ $# -ge 2 ] || usage "--data needs a value"; data="$2"; shift 2 ;;
    --connection) [ $# -ge 2 ] || usage "--connection needs a value"; connection="$2"; shift 2 ;;
    --out) [ $# -ge 2 ] || usage "--out needs a value"; out="$2"; shift 2 ;;
    --anchors) [ $# -ge 2 ] || usage "--anchors needs a value"; anchors="$2"; shift 2 ;;
    --public-key) [ $# -ge 2 ] || usage "--public-key needs a value"; public_key="$2"; shift 2 ;;
    --keep) [ $# -ge 2 ] || usage "--keep needs a value"; keep="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) usage "unknown argument: $1" ;;
  esac
done
if { [ -n "$data" ] && [ -n "$connection" ]; } || { [ -z "$data" ] && [ -z "$connection" ]; }; then usage "give exactly one of --data or --connection"; fi
[ -n "$out" ] || usage "--out is required"
if [ -n "$keep" ] && ! [[ "$keep" =~ ^[1-9][0-9]*$ ]]; then usage "--keep must be a whole number of at least 1"; fi
if { [ -n "$anchors" ] && [ -z "$public_key" ]; } || { [ -z "$anchors" ] && [ -n "$public_key" ]; }; then usage "--anchors and --public-key go together"; fi
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then die "$out is not empty; a backup goes into a new folder" 2; fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -n "$data" ]; then
  [ -f "$data/events.db" ] || die "no store at $data/events.db" 1
  store=sqlite
  log "Copying the data folder's other files (anchors, the anchors' public key) from $data..."
  (cd "$data" && find . -mindepth 1 -maxdepth 1 ! -name 'events.db' ! -name 'events.db-wal' ! -name 'events.db-shm' \
    ! -name 'anchor-signing-key.pem' -exec cp -a {} "$out/" \;)
  log "Online backup of $data/events.db..."
  head_line=$(silo_cmd backup-sqlite --data "$data" --out "$out/events.db" | grep '^head ' | tail -n 1) \
    || die "the SQLite backup failed" 1
else
  store=postgres
  pg_tools_find
  pg_env_from_connection "$connection"
  if [ -n "$anchors" ]; then
    log "Copying the anchors from $anchors and the public key $public_key..."
    mkdir -p "$out/anchors"
    cp -a "$anchors"/. "$out/anchors/"
    cp "$public_key" "$out/anchor-public-key.pem"
  fi
  # The head first: the dump (one consistent snapshot, taken after) holds at least this event.
  head_line=$(silo_cmd store-head --connection "$connection" | grep '^head ' | tail -n 1) \
    || die "cannot read the head of the PostgreSQL store" 1
  log "pg_dump of database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432} ($PG_DUMP)..."
  "$PG_DUMP" --format=custom --no-owner --no-privileges --file="$out/events.pgdump" \
    || die "pg_dump failed" 1
fi

read -r _ position hash <<<"$head_line"
[[ "$position" =~ ^[0-9]+$ ]] && [[ "$hash" =~ ^[0-9a-f]{64}$ ]] || die "could not read the head (got: $head_line)" 1
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cat >"$out/manifest.json" <<JSON
{
  "format": "provmon-backup/1",
  "store": "$store",
  "createdAt": "$created",
  "head": { "position": $position, "hash": "$hash" }
}
JSON
(cd "$out" && find . -type f ! -name SHA256SUMS -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum >SHA256SUMS)
log "Backup in $out: $store, head $position:$hash, $(du -sh "$out" | cut -f1)."

if [ -n "$keep" ]; then
  parent=$(dirname "$out")
  mapfile -t backups < <(find "$parent" -mindepth 2 -maxdepth 2 -name manifest.json -printf '%h\n' | LC_ALL=C sort)
  remove=$(( ${#backups[@]} - keep ))
  for ((i = 0; i < remove; i++)); do
    [ "${backups[$i]}" = "$out" ] && continue
    log "Removing the old backup ${backups[$i]} (--keep $keep)"
    rm -rf -- "${backups[$i]}"
  done
fi
echo "$out"
