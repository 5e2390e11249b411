#!/usr/bin/env bash
# Runs RapidResponse locally: embedded Azurite, recording Twilio/SendGrid stand-ins and demo data,
# on http://127.0.0.1:7071 (override with --urls). It prints the demo organizer token, the admin key
# and a ready curl line that presses panic. Extra arguments go to the local host.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo_root/scripts/bootstrap.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$repo_root"
dotnet build src/RapidResponse.LocalHost -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet run --no-build -c Release --project src/RapidResponse.LocalHost -- --demo "$@"
