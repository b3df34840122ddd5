#!/usr/bin/env bash
# Starts, stops or kills one silo of a cluster made by ops/cluster/start.sh (the fault scenarios use it).
#
#   ops/cluster/silo.sh start I [--dir DIR]          start silo I again and wait until it is ready
#   ops/cluster/silo.sh stop I [--dir DIR]           stop it gracefully (SIGTERM)
#   ops/cluster/silo.sh kill I [--dir DIR]           kill -9: no shutdown at all
#   ops/cluster/silo.sh status I [--dir DIR]         "running PID" or "stopped" (exit 1)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ops/cluster/lib.sh
source "$here/lib.sh"

usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
verb="$1" i="$2"; shift 2
[[ "$i" =~ ^[1-9][0-9]?$ ]] || usage
dir=$(cluster_default_dir)
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="${2:?--dir needs a folder}"; shift 2 ;;
    *) usage ;;
  esac
done
[ -f "$dir/cluster.env" ] || { echo "No cluster runs from $dir" >&2; exit 1; }

case "$verb" in
  start)
    if silo_running "$dir" "$i"; then echo "silo $i already runs (pid $(silo_pid "$dir" "$i"))"; exit 0; fi
    silo_start "$dir" "$i"
    silo_wait_ready "$dir" "$i"
    echo "silo $i is ready (pid $(silo_pid "$dir" "$i"))" ;;
  stop) silo_stop "$dir" "$i" TERM; echo "silo $i stopped" ;;
  kill) silo_stop "$dir" "$i" KILL; echo "silo $i killed" ;;
  status)
    if silo_running "$dir" "$i"; then echo "running $(silo_pid "$dir" "$i")"; else echo "stopped"; exit 1; fi ;;
  *) usage ;;
esac
