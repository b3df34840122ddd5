#!/usr/bin/env bash
# Stops or starts again the throwaway PostgreSQL of a cluster made by ops/cluster/start.sh, on the same
# port, without touching the silos (the fault scenarios use it to take the database away for a while).
#
#   ops/cluster/postgres.sh stop|start [--dir DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ops/cluster/lib.sh
source "$here/lib.sh"

verb="${1:-}"; shift || true
dir=$(cluster_default_dir)
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="${2:?--dir needs a folder}"; shift 2 ;;
    *) echo "usage: ops/cluster/postgres.sh stop|start [--dir DIR]" >&2; exit 2 ;;
  esac
done
[ -f "$dir/cluster.env" ] || { echo "No cluster runs from $dir" >&2; exit 1; }
# shellcheck source=/dev/null
source "$dir/cluster.env"
[ "$STARTED_POSTGRES" = 1 ] || { echo "This cluster uses a PostgreSQL it did not start; stop that one yourself" >&2; exit 1; }
case "$verb" in
  stop) pg_throwaway_stop "$dir/postgres"; echo "PostgreSQL stopped" ;;
  start) pg_throwaway_resume "$dir/postgres"; echo "PostgreSQL started" ;;
  *) echo "usage: ops/cluster/postgres.sh stop|start [--dir DIR]" >&2; exit 2 ;;
esac
