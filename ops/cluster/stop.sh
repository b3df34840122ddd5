#!/usr/bin/env bash
# Stops what ops/cluster/start.sh started from its folder: the silos, and the throwaway PostgreSQL if it
# started one (a PostgreSQL given with --connection is left running). Removes the folder unless --keep.
#
#   ops/cluster/stop.sh [--dir DIR] [--keep]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ops/cluster/lib.sh
source "$here/lib.sh"

dir=$(cluster_default_dir) keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="${2:?--dir needs a folder}"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: ops/cluster/stop.sh [--dir DIR] [--keep]" >&2; exit 2 ;;
  esac
done
[ -f "$dir/cluster.env" ] || { echo "No cluster runs from $dir" >&2; exit 1; }
# shellcheck source=/dev/null
source "$dir/cluster.env"

for f in "$dir"/silo-*.pid; do
  [ -f "$f" ] || continue
  i=$(basename "$f" .pid); i=${i#silo-}
  echo "Stopping silo $i..."
  silo_stop "$dir" "$i"
done
if [ "$STARTED_POSTGRES" = 1 ]; then
  echo "Stopping PostgreSQL..."
  pg_throwaway_stop "$dir/postgres"
fi
if [ "$keep" -eq 1 ]; then
  rm -f "$dir/cluster.env"
  echo "Stopped; logs and data kept in $dir"
else
  rm -rf "$dir"
  echo "Stopped"
fi
