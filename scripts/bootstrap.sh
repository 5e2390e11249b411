#!/usr/bin/env bash
# Installs what the local host and the tests need that a fresh machine lacks: Azurite, pinned in package.json, and
# Chromium (apt) for the panic page's browser tests.
# Sourced by run-local.sh and test.sh; safe to run again (it does nothing when both are in place).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# The panic page's browser tests drive Debian's Chromium through Playwright; the browser comes from apt, never from a
# Playwright download (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD keeps it that way).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium (apt-get) for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium (/usr/bin/chromium) is missing: the browser tests need it. As root: apt-get update && apt-get install -y chromium" >&2
  fi
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js and npm are required to install Azurite (the Azure Storage emulator)." >&2
  exit 1
fi

if [ ! -x "$repo_root/node_modules/.bin/azurite" ] || [ "$repo_root/package-lock.json" -nt "$repo_root/node_modules/.package-lock.json" ]; then
  echo "Installing Azurite (npm ci)…"
  (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
fi
# Idempotent; also here for a node_modules installed before the patch existed.
node "$repo_root/scripts/patch-azurite.js" >/dev/null
