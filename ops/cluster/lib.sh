# Shared by ops/cluster/*.sh: where a cluster's state lives and how one silo is started and stopped.
# A cluster directory holds: cluster.env (what start.sh chose), silo-N.pid, silo-N.log, data-N/,
# and postgres/ when start.sh started a throwaway PostgreSQL.

cluster_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=ops/lib/postgres.sh
source "$cluster_repo/ops/lib/postgres.sh"

cluster_default_dir() { echo "${PROVMON_CLUSTER_DIR:-${TMPDIR:-/tmp}/provmon-cluster}"; }

# The silo binary: the one a running cluster was started with (SILO_DLL in cluster.env), else
# PROVMON_SILO_DLL, else the Release build.
cluster_silo_dll() { echo "${SILO_DLL:-${PROVMON_SILO_DLL:-$cluster_repo/silo/ProvincialMonitor.Silo/bin/Release/net10.0/ProvincialMonitor.Silo.dll}}"; }

# silo_ports I -> "HTTP SILO GATEWAY" for silo I (1-based) from BASE_PORT in cluster.env
silo_ports() {
  local i="$1"
  echo "$((BASE_PORT + i)) $((BASE_PORT + 1000 + i)) $((BASE_PORT + 2000 + i))"
}

silo_pid() {
  local dir="$1" i="$2"
  [ -f "$dir/silo-$i.pid" ] && cat "$dir/silo-$i.pid"
}

silo_running() {
  local pid
  pid=$(silo_pid "$1" "$2") || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# silo_start DIR I: starts silo I in the background with the settings of DIR/cluster.env.
# Silo NETNS_SILO runs in the network namespace NETNS with address NETNS_ADDRESS and reaches the
# others and PostgreSQL through NETNS_GATEWAY (the network partition scenario of ops/faults).
silo_start() {
  local dir="$1" i="$2" http silo gateway ns_cmd=() address connection
  # shellcheck source=/dev/null
  source "$dir/cluster.env"
  read -r http silo gateway <<<"$(silo_ports "$i")"
  address="${ADVERTISED_ADDRESS:-127.0.0.1}"
  connection="$CONNECTION"
  if [ -n "${NETNS_SILO:-}" ] && [ "$NETNS_SILO" = "$i" ]; then
    ns_cmd=(ip netns exec "$NETNS")
    address="$NETNS_ADDRESS"
    connection="${CONNECTION/Host=127.0.0.1/Host=$NETNS_GATEWAY}"
  fi
  mkdir -p "$dir/data-$i"
  # The silos share one anchor folder and one signing key (made by the first to start, in $dir/config), outside
  # every silo's data folder and the user's home.
  (
    export Store=Postgres ConnectionStrings__EventStore="$connection" Cluster__Mode=Postgres \
      Cluster__AdvertisedAddress="$address" Orleans__ClusterId="$CLUSTER_ID" Orleans__ServiceId=provincialmonitor \
      Orleans__SiloPort="$silo" Orleans__GatewayPort="$gateway" Auth__BootstrapApiKey="$API_KEY" \
      Cluster__Membership__ProbeTimeout="${PROBE_TIMEOUT:-00:00:02}" \
      Cluster__Membership__IAmAliveTablePublishTimeout="${ALIVE_PUBLISH:-00:00:05}" \
      RateLimits__PerSecond=100000 DOTNET_gcServer=0 \
      Anchors__Folder="$dir/anchors" XDG_CONFIG_HOME="$dir/config"
    # From the binary's folder, so that its appsettings.json (log levels and defaults) is the one read.
    cd "$(dirname "$(cluster_silo_dll)")"
    exec "${ns_cmd[@]}" dotnet "$(cluster_silo_dll)" --data "$dir/data-$i" --urls "http://0.0.0.0:$http" --no-demo-data
  ) >>"$dir/silo-$i.log" 2>&1 &
  echo $! >"$dir/silo-$i.pid"
}

# silo_wait_ready DIR I [SECONDS]: waits until /health/ready of silo I answers 200.
silo_wait_ready() {
  local dir="$1" i="$2" limit="${3:-120}" http host
  # shellcheck source=/dev/null
  source "$dir/cluster.env"
  read -r http _ _ <<<"$(silo_ports "$i")"
  host=127.0.0.1
  if [ -n "${NETNS_SILO:-}" ] && [ "$NETNS_SILO" = "$i" ]; then host="$NETNS_ADDRESS"; fi
  for _ in $(seq 1 "$limit"); do
    if ! silo_running "$dir" "$i"; then
      echo "silo $i exited; the end of $dir/silo-$i.log:" >&2
      tail -n 30 "$dir/silo-$i.log" >&2
      return 1
    fi
    if curl -fsS -o /dev/null "http://$host:$http/health/ready" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "silo $i is not ready after ${limit}s; see $dir/silo-$i.log" >&2
  return 1
}

# silo_stop DIR I [SIGNAL]: TERM (or the given signal), then KILL after 20 s.
silo_stop() {
  local dir="$1" i="$2" signal="${3:-TERM}" pid
  pid=$(silo_pid "$dir" "$i") || return 0
  [ -n "$pid" ] || return 0
  kill -s "$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -s KILL "$pid" 2>/dev/null
  rm -f "$dir/silo-$i.pid"
}
