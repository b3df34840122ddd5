#!/usr/bin/env bash
# The one test command. Installs what the tests need and is missing (PostgreSQL, Chromium), starts a
# throwaway PostgreSQL on a free port, runs every test project of the solution against it and
# against SQLite, stops what it started (also on failure or Ctrl+C), and ends with the line
# "N passed, N failed, N skipped" counted from the test results and the lint of the OpenAPI document (one more
# check, ops/lib/openapi.sh). Exits non-zero on any failure.
# Extra arguments go to `dotnet test` (for example: ops/test.sh --filter FullyQualifiedName~Verify).
#
#   ops/test.sh --at <UTC instant> [...]   (--at first) runs the suite under a faked system clock that reads that
#                                         instant just before the throwaway PostgreSQL starts and runs on from there
#                                         (for example --at 2027-03-28T00:55Z, five minutes before the clocks go forward
#                                         in Brussels). Everything the run starts reads it: PostgreSQL (its clock stamps
#                                         recorded_at), the test hosts and Chromium (Debian's libfaketime, installed when
#                                         missing, as root). The build runs first on the real clock. Some tests record
#                                         facts on fixed dates of 2026: give an instant after November 2026.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo" || exit 1
# shellcheck source=ops/lib/postgres.sh
source "$repo/ops/lib/postgres.sh"
# shellcheck source=ops/lib/chromium.sh
source "$repo/ops/lib/chromium.sh"
# shellcheck source=ops/lib/faketime.sh
source "$repo/ops/lib/faketime.sh"
# shellcheck source=ops/lib/openapi.sh
source "$repo/ops/lib/openapi.sh"

at=""
if [ "${1:-}" = "--at" ]; then
  [ -n "${2:-}" ] || { echo "--at needs a UTC instant, such as 2027-03-28T00:55Z" >&2; exit 2; }
  at="$2"
  shift 2
  faketime_epoch "$at" >/dev/null || exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/provmon-test.XXXXXX")
chmod 755 "$work" # the postgres user must reach its folder inside
cleanup() {
  pg_throwaway_stop "$work/postgres"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is not installed" >&2; exit 1; }
pg_ensure_installed || exit 1
# The browser tests (tests/ProvincialMonitor.Browser.Tests) read PROVMON_CHROMIUM.
chromium_ensure_installed /usr/bin/chromium || exit 1
export PROVMON_CHROMIUM=/usr/bin/chromium

test_args=()
if [ -n "$at" ]; then
  faketime_ensure_installed || exit 1
  # Built (and restored) on the real clock, in the configuration the run asks for; only the run is faked.
  build_args=()
  for ((i = 1; i <= $#; i++)); do
    case "${!i}" in
      -c | --configuration) j=$((i + 1)); build_args+=(--configuration "${!j}") ;;
      -c=* | --configuration=*) build_args+=("--configuration=${!i#*=}") ;;
    esac
  done
  dotnet build ProvincialMonitor.sln "${build_args[@]}" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
  test_args=(--no-build)
  faketime_start "$at" || exit 1
  echo "The clock reads $(date -u '+%Y-%m-%dT%H:%M:%SZ') (Brussels: $(TZ=Europe/Brussels date '+%Y-%m-%d %H:%M %Z'))"
fi

echo "Starting a throwaway PostgreSQL..."
pg_throwaway_start "$work/postgres" || { echo "PostgreSQL did not start" >&2; exit 1; }
echo "PostgreSQL listens on 127.0.0.1:$PG_PORT"
export PROVMON_TEST_POSTGRES="$PG_CONNECTION"

results="$work/results"
dotnet test ProvincialMonitor.sln "${test_args[@]}" --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

projects=$(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | wc -l)
if [ "$files" -lt "$projects" ]; then
  echo "only $files of $projects test projects reported results (a build error or a crashed test host); see above" >&2
  failed=$((failed + projects - files))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status; see above" >&2
  failed=1
fi
# The document the generated-client test used is also the one a standard validator reads without an error.
if openapi_lint "$repo"; then
  passed=$((passed + 1))
else
  echo "the OpenAPI lint reports errors; see above" >&2
  failed=$((failed + 1))
fi
# The failed tests by name with their message and the top of their stack, last, where a reader of the run's tail sees them.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk -f ops/lib/trx-failures.awk "$trx"
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
