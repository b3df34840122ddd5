#!/usr/bin/env bash
# Starts a ProvincialMonitor cluster on this machine: PostgreSQL (a throwaway one, or the one given with
# --connection) and N silos on distinct ports, each serving the API, the hub and the dashboard.
# Prints the silos' URLs and an admin API key. ops/cluster/stop.sh stops exactly what this started.
#
#   ops/cluster/start.sh N [--connection CS] [--dir DIR] [--base-port P] [--no-build]
#
#   --connection CS  use this PostgreSQL (Npgsql connection string) instead of starting one
#   --dir DIR        where the cluster keeps its state, logs and data (default /tmp/provmon-cluster)
#   --base-port P    silo I listens on HTTP P+I, silo port P+1000+I, gateway P+2000+I (default 5100)
#   --no-build       use the silo as built (PROVMON_SILO_DLL, or the Release build)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ops/cluster/lib.sh
source "$here/lib.sh"

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
count="$1"; shift
[[ "$count" =~ ^[1-9][0-9]?$ ]] || { echo "N must be a number of silos (1-99), not '$count'" >&2; usage; }
connection="" dir=$(cluster_default_dir) base_port=5100 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --connection) connection="${2:?--connection needs a connection string}"; shift 2 ;;
    --dir) dir="${2:?--dir needs a folder}"; shift 2 ;;
    --base-port) base_port="${2:?--base-port needs a number}"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done

[[ "$base_port" =~ ^[0-9]+$ ]] && [ "$base_port" -ge 1024 ] && [ "$base_port" -le 60000 ] \
  || { echo "--base-port must be a number from 1024 to 60000, not '$base_port'" >&2; exit 2; }

if [ -f "$dir/cluster.env" ]; then
  echo "A cluster already runs from $dir (stop it with ops/cluster/stop.sh --dir $dir)" >&2
  exit 1
fi
mkdir -p "$dir"
chmod 755 "$dir"

if [ "$build" -eq 1 ]; then
  echo "Building the silo (Release)..."
  dotnet build "$cluster_repo/silo/ProvincialMonitor.Silo" -c Release -nologo -v quiet >"$dir/build.log" 2>&1 \
    || { tail -n 30 "$dir/build.log" >&2; rm -rf "$dir"; exit 1; }
fi
[ -f "$(cluster_silo_dll)" ] || { echo "No silo build at $(cluster_silo_dll): run without --no-build" >&2; rm -rf "$dir"; exit 1; }

# Every port of every silo must be free before anything starts: a silo that cannot bind its port dies at start.
wanted=()
for i in $(seq 1 "$count"); do
  wanted+=($((base_port + i)) $((base_port + 1000 + i)) $((base_port + 2000 + i)))
done
if busy=$(ports_busy "${wanted[@]}"); then
  echo "These ports are in use: $(echo $busy | tr ' ' ','); choose other ports with --base-port" >&2
  rm -rf "$dir"; exit 1
fi
if [ "$((base_port + 2000 + count))" -ge "$(ephemeral_low)" ]; then
  echo "warning: ports from $(ephemeral_low) up are the kernel's ephemeral ports (outgoing connections may take them at any moment); a --base-port below $(( $(ephemeral_low) - 2100 )) avoids that" >&2
fi

started_postgres=0
if [ -z "$connection" ]; then
  pg_ensure_installed
  echo "Starting a throwaway PostgreSQL..."
  pg_throwaway_start "$dir/postgres"
  started_postgres=1
  connection="$PG_CONNECTION"
fi

api_key="pmk_cluster-$(od -An -N20 -tx1 /dev/urandom | tr -d ' \n')"
cat >"$dir/cluster.env" <<ENV
COUNT=$count
BASE_PORT=$base_port
CONNECTION='$connection'
STARTED_POSTGRES=$started_postgres
CLUSTER_ID=provmon-$(date +%s)
API_KEY=$api_key
SILO_DLL=$(cluster_silo_dll)
ENV
# Settings for the fault scenarios (ops/faults), kept for restarts of single silos.
for name in ADVERTISED_ADDRESS NETNS_SILO NETNS NETNS_ADDRESS NETNS_GATEWAY PROBE_TIMEOUT ALIVE_PUBLISH; do
  [ -n "${!name:-}" ] && echo "$name=${!name}" >>"$dir/cluster.env"
done
chmod 600 "$dir/cluster.env"

on_error() {
  echo "The cluster did not start; stopping what was started" >&2
  "$here/stop.sh" --dir "$dir" >&2 || true
}
trap on_error ERR

# The first silo creates the schemas; the others join it.
for i in $(seq 1 "$count"); do
  silo_start "$dir" "$i"
  [ "$i" -eq 1 ] && silo_wait_ready "$dir" 1
done
for i in $(seq 2 "$count"); do silo_wait_ready "$dir" "$i"; done
trap - ERR

echo
echo "ProvincialMonitor cluster: $count silos on PostgreSQL ($dir)"
for i in $(seq 1 "$count"); do
  read -r http silo gateway <<<"$(silo_ports "$i")"
  echo "  silo $i: http://localhost:$http  (silo port $silo, gateway $gateway, log $dir/silo-$i.log)"
done
echo "  admin API key: $api_key"
echo "  for the CLI: export PROVMON_API_KEY=$api_key"
echo "Stop it with: ops/cluster/stop.sh --dir $dir"
