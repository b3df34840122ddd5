# A faked system clock for a whole test run (ops/test.sh --at): Debian's libfaketime, preloaded into every process
# started after faketime_start (the throwaway PostgreSQL, whose clock stamps recorded_at, the test hosts, Chromium).
# Source this file, then:
#   faketime_ensure_installed        -> installs the Debian package 'faketime' with apt-get when it is missing (as root only)
#   faketime_epoch INSTANT           -> the instant in seconds since 1970; fails with a message on what `date -d` cannot read
#   faketime_start INSTANT           -> from now on the clock reads INSTANT (any UTC instant `date -d` reads, such as
#                                       2027-03-28T00:55Z) and runs on from there; sets FAKETIME_LIBRARY, exports
#                                       LD_PRELOAD and FAKETIME; fails with a message on an instant it cannot read

# shellcheck source=ops/lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

faketime_library() {
  local lib
  for lib in /usr/lib/*/faketime/libfaketimeMT.so.1 /usr/lib/faketime/libfaketimeMT.so.1; do
    [ -f "$lib" ] && { echo "$lib"; return 0; }
  done
  return 1
}

faketime_ensure_installed() {
  faketime_library >/dev/null && return 0
  apt_install faketime libfaketime || return 1
  faketime_library >/dev/null || { echo "the 'faketime' package is installed but its library is not where expected" >&2; return 1; }
}

faketime_epoch() {
  TZ=UTC date -d "$1" +%s 2>/dev/null || { echo "--at: '$1' is not an instant (give a UTC time such as 2027-03-28T00:55Z)" >&2; return 1; }
}

faketime_start() {
  local target now
  target=$(faketime_epoch "$1") || return 1
  now=$(date +%s)
  FAKETIME_LIBRARY=$(faketime_library) || return 1
  # A relative offset, so that every process started later reads the same clock (an absolute start time would
  # make each process start at INSTANT when it starts). The monotonic clock stays real, and timed waits are left
  # alone: .NET waits on condition variables of the monotonic clock, and libfaketime's "monotonic fix" would shift
  # their deadlines by the offset, so that every Thread.Sleep and timed wait returned at once.
  if [ "$target" -ge "$now" ]; then FAKETIME="+$((target - now))"; else FAKETIME="-$((now - target))"; fi
  export FAKETIME FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0
  export LD_PRELOAD="$FAKETIME_LIBRARY${LD_PRELOAD:+:$LD_PRELOAD}"
}
