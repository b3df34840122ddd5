#!/usr/bin/env bash
# Runs the fault scenarios of a cluster on PostgreSQL (issue #9) and prints their figures:
#
#   ops/faults/run.sh (kill-silo | stop-postgres | kill-projector-host | partition | all) \
#       [--silos 3] [--seconds 20] [--rate 100] [--base-port 15100] [--dir DIR]
#
# Each scenario builds nothing twice: the silo and this tool are built in Release first; then it starts
# its own cluster with ops/cluster/start.sh (a throwaway PostgreSQL), runs the load, injects the fault,
# checks, and stops the cluster (logs are kept in DIR). The partition scenario needs root (ip netns).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building the silo and the fault tool (Release)..."
dotnet build "$repo/silo/ProvincialMonitor.Silo" -c Release -v quiet -nologo >/dev/null
dotnet build "$repo/ops/faults/ProvincialMonitor.Faults" -c Release -v quiet -nologo >/dev/null
export PROVMON_SILO_DLL="$repo/silo/ProvincialMonitor.Silo/bin/Release/net10.0/ProvincialMonitor.Silo.dll"
exec dotnet "$repo/ops/faults/ProvincialMonitor.Faults/bin/Release/net10.0/ProvincialMonitor.Faults.dll" "$@"
