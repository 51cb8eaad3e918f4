#!/usr/bin/env bash
# Install Debian's chromium for the end-to-end test of the rendered site (tests/test_site_browser.py).
# Idempotent: does nothing when a chromium binary is already on PATH.
set -uo pipefail
bash "$(dirname "$0")/ensure-debian-packages.sh" chromium chromium fonts-dejavu-core
status=$?
if [ "$status" -eq 3 ]; then
  echo "apt-get not found: install Chromium by hand; the browser test is skipped without it" >&2
  exit 0
fi
exit "$status"
