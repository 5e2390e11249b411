#!/usr/bin/env bash
# Runs the whole test suite (unit, storage against Azurite, end to end through the local host),
# installing what it needs first. Ends with one line: "N passed, N failed[, N skipped]".
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo_root/scripts/bootstrap.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$repo_root"
results="$repo_root/artifacts/test-results"
rm -rf "$results" "$repo_root/artifacts/test-logs"
mkdir -p "$results"

dotnet build RapidResponse.sln -c Release --nologo -clp:ErrorsOnly

set +e
dotnet test RapidResponse.sln -c Release --no-build --nologo \
  --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" "$@"
test_status=$?
set -e

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(attr total); p=$(attr passed); f=$(attr failed); e=$(attr error)
  passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + total - p - f - e))
done

if [ "$failed" -gt 0 ]; then
  # Name the failures again at the end, where a truncated CI log still shows them.
  echo "Failed tests:"
  awk '
    /<UnitTestResult / && /outcome="Failed"/ {
      match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next
    }
    want && /<Message>/ {
      line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
      printf "  %s\n    %s\n", name, substr(line, 1, 400); want = 0
    }
  ' "$results"/*.trx
  echo "What the hosts under test logged: artifacts/test-logs/"
fi

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the runner failed without a result to count (a crash or a build problem): never report green
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
