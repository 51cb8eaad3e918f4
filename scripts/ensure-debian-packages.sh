#!/usr/bin/env bash
# ensure-debian-packages.sh COMMAND PACKAGE...: install the Debian PACKAGEs unless COMMAND is already on PATH.
# Shared by install-node.sh and install-chromium.sh; exits 3 when apt-get is missing so callers decide how bad that is.
set -euo pipefail
cmd=$1; shift
if command -v "$cmd" >/dev/null 2>&1; then
  echo "$cmd present: $("$cmd" --version 2>/dev/null | head -n 1 || echo unknown version)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  exit 3
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
echo "installed: $("$cmd" --version 2>/dev/null | head -n 1)"
