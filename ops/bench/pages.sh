#!/usr/bin/env bash
# The page weight (issue #34): ops/bench/pages.sh [--out FILE.json]; ops/bench/run.sh calls it (also as --only pages).
# Runs the silo twice as a user would, each on a fresh store with the demo data: first with the README's command
# (`dotnet run --project silo/ProvincialMonitor.Silo`, an unpublished Debug build), then published
# (`dotnet publish -c Release`, started with `dotnet ProvincialMonitor.Silo.dll`). Against each, ProvincialMonitor.PageWeight
# drives the system's Chromium and counts the bytes that travel over HTTP (docs/performance.md, "Page weight").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../lib/ports.sh
source "$root/ops/lib/ports.sh"
# shellcheck source=../lib/chromium.sh
source "$root/ops/lib/chromium.sh"

out=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { echo "--out needs a file" >&2; exit 2; }; out=("--out" "$(realpath -m "$2")"); shift ;;
    -h|--help) echo "usage: ops/bench/pages.sh [--out FILE.json]"; exit 0 ;;
    *) echo "unknown argument: $1 (usage: ops/bench/pages.sh [--out FILE.json])" >&2; exit 2 ;;
  esac
  shift
done

export PROVMON_CHROMIUM="${PROVMON_CHROMIUM:-/usr/bin/chromium}"
chromium_ensure_installed "$PROVMON_CHROMIUM"

echo "Building ops/bench/ProvincialMonitor.PageWeight (Release)..."
dotnet build "$here/ProvincialMonitor.PageWeight" -c Release -v quiet -nologo >/tmp/provmon-pages-build.log 2>&1 \
  || { cat /tmp/provmon-pages-build.log >&2; exit 1; }

work="$(mktemp -d /tmp/provmon-bench-pages.XXXXXX)"
silo_pid=""
stop_silo() {
  [ -n "$silo_pid" ] || return 0
  kill -TERM -- "-$silo_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 -- "-$silo_pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$silo_pid" 2>/dev/null || true
  silo_pid=""
}
cleanup() { stop_silo; rm -rf "$work"; }
trap cleanup EXIT

# measure SUFFIX DIR COMMAND...: starts the silo (COMMAND in DIR, in a process group of its own) on free ports with a
# fresh store, waits until it serves, measures, stops it.
measure() {
  local suffix="$1" dir="$2"; shift 2
  local http silo gateway log="$work/$suffix.log"
  http=$(free_port 15000 20000); silo=$(free_port 12000 15000); gateway=$(free_port 21000 25000)
  echo "Starting the silo ($suffix): $*"
  (cd "$dir" && exec setsid "$@" --Urls "http://127.0.0.1:$http" --DataDirectory "$work/$suffix-data" \
    --Orleans:SiloPort "$silo" --Orleans:GatewayPort "$gateway" >"$log" 2>&1) &
  silo_pid=$!
  for _ in $(seq 1 900); do
    grep -q "ProvincialMonitor is ready at" "$log" && break
    kill -0 "$silo_pid" 2>/dev/null || { cat "$log" >&2; echo "the silo ($suffix) stopped before it served" >&2; exit 1; }
    sleep 1
  done
  grep -q "ProvincialMonitor is ready at" "$log" || { tail -20 "$log" >&2; echo "the silo ($suffix) did not serve within 15 minutes" >&2; exit 1; }
  dotnet "$here/ProvincialMonitor.PageWeight/bin/Release/net10.0/ProvincialMonitor.PageWeight.dll" --url "http://127.0.0.1:$http" --suffix "$suffix" "${out[@]}"
  stop_silo
}

measure dev "$root" dotnet run --project silo/ProvincialMonitor.Silo --
echo "Publishing silo/ProvincialMonitor.Silo (Release)..."
dotnet publish "$root/silo/ProvincialMonitor.Silo" -c Release -o "$work/publish" -v quiet -nologo >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
measure published "$work/publish" dotnet ProvincialMonitor.Silo.dll
