# TCP ports for the processes the scripts start (PostgreSQL, silos).
#
# A fixed port inside the kernel's ephemeral range (ip_local_port_range, 32768-60999 by default) can be
# taken at any moment by the local end of an outgoing connection, and a listener then fails with "address
# already in use". The ports chosen here therefore lie below that range, and each is checked against every
# TCP socket of the machine (listening, connected or closing), not only against listeners. Sockets in
# TIME_WAIT do not count: the silos and PostgreSQL bind with SO_REUSEADDR, which lets them past those.

# The lowest ephemeral port of this machine (32768 when it cannot be read).
ephemeral_low() {
  local low
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
  echo "${low:-32768}"
}

# port_busy P: true when a TCP socket (IPv4 or IPv6) other than one in TIME_WAIT has P as its local port.
port_busy() {
  local hex
  hex=$(printf ':%04X ' "$1")
  grep -qs -- "$hex" <(awk 'FNR > 1 && $4 != "06" { print $2 " " }' /proc/net/tcp /proc/net/tcp6 2>/dev/null)
}

# ports_busy P...: prints the given ports that are busy; true when there is at least one.
ports_busy() {
  local port found=1
  for port in "$@"; do
    if port_busy "$port"; then echo "$port"; found=0; fi
  done
  return $found
}

# free_port FROM TO: a free port in [FROM, TO), chosen at random so that concurrent callers rarely meet.
free_port() {
  local from="$1" to="$2" port
  for _ in $(seq 1 200); do
    port=$(( from + (RANDOM * 32768 + RANDOM) % (to - from) ))
    if ! port_busy "$port"; then echo "$port"; return 0; fi
  done
  echo "no free TCP port in $from-$to" >&2
  return 1
}
