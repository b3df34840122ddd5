#!/usr/bin/env bash
# The side-by-side benchmark of issue #11: ops/bench/run.sh [--quick] [--out FILE.json]
# Builds ops/bench/ProvincialMonitor.Bench in Release, starts a throwaway PostgreSQL, and runs every figure in one
# process (an in-process silo on Kestrel, embedded SQLite in a temporary folder). Prints a table; --out writes JSON.
# A full or --quick run then measures the page weight (ops/bench/pages.sh: the silo as the README runs it and published,
# in Chromium) and adds its keys to the JSON; --only pages measures only that.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../lib/postgres.sh
source "$root/ops/lib/postgres.sh"

args=()
only=""
out=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick|--tiny) args+=("$1") ;;
    --only) [ $# -ge 2 ] || { echo "--only needs a part (ingest, log, sqlite, asof or pages)" >&2; exit 2; }; only="$2"; [ "$2" = pages ] || args+=("--only" "$2"); shift ;;
    --out) [ $# -ge 2 ] || { echo "--out needs a file" >&2; exit 2; }; out=("--out" "$(realpath -m "$2")"); args+=("${out[@]}"); shift ;;
    -h|--help) echo "usage: ops/bench/run.sh [--quick] [--out FILE.json] [--only ingest|log|sqlite|asof|pages]"; exit 0 ;;
    *) echo "unknown argument: $1 (usage: ops/bench/run.sh [--quick] [--out FILE.json] [--only ingest|log|sqlite|asof|pages])" >&2; exit 2 ;;
  esac
  shift
done

if [ "$only" = pages ]; then exec "$here/pages.sh" "${out[@]}"; fi

echo "Building ops/bench/ProvincialMonitor.Bench (Release)..."
dotnet build "$here/ProvincialMonitor.Bench" -c Release -v quiet -nologo >/tmp/provmon-bench-build.log 2>&1 \
  || { cat /tmp/provmon-bench-build.log >&2; exit 1; }

pg_dir="$(mktemp -d /tmp/provmon-bench-pg.XXXXXX)"
cleanup() { pg_throwaway_stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
pg_throwaway_start "$pg_dir"
echo "PostgreSQL on port $PG_PORT (fsync on, defaults of initdb)"

cd "$here/ProvincialMonitor.Bench"
PG_CONNECTION="$PG_CONNECTION" dotnet "bin/Release/net10.0/ProvincialMonitor.Bench.dll" "${args[@]}"
# The page weight after the other figures: it adds its keys to the JSON they wrote.
if [ -z "$only" ] && [[ " ${args[*]} " != *" --tiny "* ]]; then "$here/pages.sh" "${out[@]}"; fi
