# The system's Chromium for the browser tests (Playwright drives it; it never downloads a browser of its own).
# Source this file, then:
#   chromium_ensure_installed PATH   -> installs the Debian package 'chromium' with apt-get when PATH is missing
#                                       (as root only); fails with a message when PATH is still not an executable

# shellcheck source=ops/lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

chromium_ensure_installed() {
  local path="$1"
  [ -x "$path" ] && return 0
  apt_install chromium "Chromium (at $path)" || return 1
  # The package is installed but its launcher is elsewhere: the tests would not find it either.
  [ -x "$path" ] || { echo "the 'chromium' package is installed but $path is not there" >&2; return 1; }
}
