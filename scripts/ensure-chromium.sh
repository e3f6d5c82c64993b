#!/usr/bin/env bash
# Makes sure Chromium is installed: the end-to-end tests and screenshots drive /usr/bin/chromium.
# On Debian, as root, installs it with apt-get; anywhere else, says how to install it and fails.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

# Debian's wrapper script prints a harmless "[: ... unexpected operator" line on stderr.
version() { "$chromium" --version 2>/dev/null | tail -n 1; }

if [ -x "$chromium" ]; then
  echo "Chromium found: $(version)"
  exit 0
fi

if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  echo "Chromium is missing; installing it with apt-get (about 30 s)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  if [ -x "$chromium" ]; then
    echo "Chromium installed: $(version)"
    exit 0
  fi
fi

cat >&2 <<MESSAGE
Chromium was not found at $chromium, and it could not be installed here.
The end-to-end tests need it. To install it:
  - Debian:            sudo apt-get update && sudo apt-get install -y chromium
  - Ubuntu and others: install Chromium or Google Chrome, then run the tests with
                       CHROMIUM_PATH=/path/to/chromium npm test
MESSAGE
exit 1
