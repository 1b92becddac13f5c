#!/bin/sh
# Chromium for the browser test of the scanner's HTML report
# (packages/secret-scanner/test/e2e/html-report.browser.test.ts): Debian's package, never a
# browser downloaded by playwright. Installed when missing and when this runs as root with
# apt-get (CI, containers); otherwise a note says how, and the test skips (or fails when CI is set).
set -eu
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium (apt-get install -y chromium) for the HTML report's browser test" >&2
  export DEBIAN_FRONTEND=noninteractive
  # a fresh image may have no package lists yet: read them once, then try again
  apt-get install -y -q chromium >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
  [ -x "$CHROMIUM" ] || { echo "apt-get installed chromium, but $CHROMIUM is missing" >&2; exit 1; }
  exit 0
fi

echo "note: $CHROMIUM not found and not installed (that needs root and apt-get): the HTML report's browser test will be skipped, or fail when CI is set. Install it with: sudo apt-get install -y chromium" >&2
