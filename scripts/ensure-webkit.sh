#!/usr/bin/env bash
# Makes sure WebKit can be driven: the WebKit end-to-end tests drive WebKitGTK's MiniBrowser (the
# engine of Safari on iPad) through WebKitWebDriver, on a virtual display from Xvfb.
# On Debian, as root, installs them with apt-get; anywhere else, says how to install them and fails.
set -euo pipefail

driver="${WEBKIT_DRIVER:-WebKitWebDriver}"
# Debian puts MiniBrowser under the architecture's library folder (x86_64-linux-gnu, aarch64-linux-gnu, …).
find_minibrowser() {
  local found
  for found in /usr/lib/*/webkit2gtk-4.1/MiniBrowser; do
    [ -x "$found" ] && { echo "$found"; return; }
  done
  echo /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
}
minibrowser="${MINIBROWSER_PATH:-$(find_minibrowser)}"
xvfb="${XVFB_PATH:-Xvfb}"

installed() { command -v "$driver" >/dev/null && [ -x "$minibrowser" ] && command -v "$xvfb" >/dev/null; }
version() { dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null || echo 'version unknown'; }

if installed; then
  echo "WebKitWebDriver found: webkit2gtk-driver $(version)"
  exit 0
fi

if [ -z "${WEBKIT_DRIVER:-}${MINIBROWSER_PATH:-}${XVFB_PATH:-}" ] && [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] \
  && command -v apt-get >/dev/null; then
  echo "WebKitWebDriver or Xvfb is missing; installing webkit2gtk-driver and xvfb with apt-get (about 30-60 s)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq webkit2gtk-driver xvfb >/dev/null
  minibrowser="$(find_minibrowser)"
  if installed; then
    echo "WebKitWebDriver installed: webkit2gtk-driver $(version)"
    exit 0
  fi
fi

cat >&2 <<MESSAGE
WebKitWebDriver, MiniBrowser or Xvfb was not found, and they could not be installed here.
Looked for: $driver, $minibrowser, $xvfb.
The WebKit end-to-end tests need them. To install them:
  - Debian or Ubuntu:  sudo apt-get update && sudo apt-get install -y webkit2gtk-driver xvfb
  - elsewhere:         install WebKitGTK's WebKitWebDriver and MiniBrowser and Xvfb, then run the tests with
                       WEBKIT_DRIVER=/path/to/WebKitWebDriver MINIBROWSER_PATH=/path/to/MiniBrowser \\
                       XVFB_PATH=/path/to/Xvfb npm test
MESSAGE
exit 1
