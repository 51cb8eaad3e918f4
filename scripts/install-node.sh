#!/usr/bin/env bash
# Install Node.js and npm, which `make venv` uses to fetch the pinned registry packages the collection
# reads offline (world-atlas for the origin map). Idempotent: does nothing when npm is on PATH.
set -euo pipefail
if command -v npm >/dev/null 2>&1; then
  echo "npm present: $(npm --version)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-get not found: install Node.js and npm by hand (https://nodejs.org); make venv needs npm" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
echo "installed: node $(node --version), npm $(npm --version)"
