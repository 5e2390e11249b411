#!/usr/bin/env bash
# Installs what the local host and the tests need that a fresh machine lacks: Azurite, pinned in package.json.
# Sourced by run-local.sh and test.sh; safe to run again (it does nothing when Azurite is in place).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js and npm are required to install Azurite (the Azure Storage emulator)." >&2
  exit 1
fi

if [ ! -x "$repo_root/node_modules/.bin/azurite" ] || [ "$repo_root/package-lock.json" -nt "$repo_root/node_modules/.package-lock.json" ]; then
  echo "Installing Azurite (npm ci)…"
  (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
fi
