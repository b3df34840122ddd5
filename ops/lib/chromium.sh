# The system's Chromium for the browser tests (Playwright drives it; it never downloads a browser of its own).
# Source this file, then:
#   chromium_ensure_installed PATH   -> installs the Debian package 'chromium' with apt-get when PATH is missing
#                                       (as root only); fails with a message when PATH is still not an executable

chromium_ensure_installed() {
  local path="$1"
  [ -x "$path" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is not installed at $path and this is not root: install the 'chromium' package" >&2
    return 1
  fi
  echo "Installing Chromium (apt-get)..." >&2
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2; }; then
    echo "apt-get could not install the 'chromium' package" >&2
    return 1
  fi
  # The package is installed but its launcher is elsewhere: the tests would not find it either.
  [ -x "$path" ] || { echo "the 'chromium' package is installed but $path is not there" >&2; return 1; }
}
