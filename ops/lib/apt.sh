# Debian packages the scripts need, installed when missing. Source this file, then:
#   apt_install PACKAGE WHAT   -> installs PACKAGE with apt-get (as root only; the package lists are refreshed first);
#                                 WHAT names the missing thing in the messages. Fails with a message otherwise.

apt_install() {
  local package="$1" what="$2"
  if [ "$(id -u)" -ne 0 ]; then
    echo "$what is not installed and this is not root: install the '$package' package" >&2
    return 1
  fi
  echo "Installing $what (apt-get)..." >&2
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2; } \
    || { echo "apt-get could not install the '$package' package" >&2; return 1; }
}
