#!/bin/sh
# Installs Debian's Chromium for the Playwright suite when it is missing.
# Playwright's own browser download cannot work on this project's machines (no network but npm and apt).
set -eu
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium with apt-get" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
"$CHROMIUM" --version 2>/dev/null || true
