#!/usr/bin/env bash
# Install Node.js and npm, which `make venv` uses to fetch the pinned registry packages the collection
# reads offline (world-atlas for the origin map). Idempotent: does nothing when npm is on PATH.
set -uo pipefail
bash "$(dirname "$0")/ensure-debian-packages.sh" npm nodejs npm
status=$?
if [ "$status" -eq 3 ]; then
  echo "apt-get not found: install Node.js and npm by hand (https://nodejs.org); make venv needs npm" >&2
  exit 1
fi
exit "$status"
