#!/usr/bin/env bash
# Compiles and lints infra/ with the real Bicep CLI, offline apart from NuGet.
#
# The CLI comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 (it ships the native
# `bicep` executable). A throwaway project outside the repo restores it with a PackageDownload,
# so the repo's Directory.*.props (central package management) and RapidResponse.sln never see it.
# Exits non-zero on any compile error, any linter finding or unformatted file (infra/bicepconfig.json makes every
# rule an error, and the SARIF output is checked as well, in case a rule reports below that).
set -euo pipefail

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
BICEP_PACKAGE="Azure.Bicep.CommandLine.linux-x64"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${TMPDIR:-/tmp}/rapidresponse-bicep"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

restore_bicep() {
  mkdir -p "$work"
  # Empty Directory.* files stop MSBuild's walk up the tree (an ImportDirectory*=false in the
  # project body would come too late: the SDK reads those switches before the body).
  printf '<Project />\n' > "$work/Directory.Build.props"
  printf '<Project />\n' > "$work/Directory.Build.targets"
  printf '<Project />\n' > "$work/Directory.Packages.props"
  cat > "$work/bicep-restore.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$BICEP_PACKAGE" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
EOF
  # global.json in the repo pins the SDK; the temp dir is outside it, so no pin applies there.
  (cd "$work" && dotnet restore bicep-restore.csproj --nologo --verbosity quiet) >&2
}

find_bicep() {
  local packages
  packages="$(dotnet nuget locals global-packages --list | sed -E 's/^[^:]*global-packages: *//')"
  local pkg_dir="${packages%/}/$(echo "$BICEP_PACKAGE" | tr '[:upper:]' '[:lower:]')/$BICEP_VERSION"
  find "$pkg_dir" -type f -name bicep 2>/dev/null | head -n 1
}

bicep="$(find_bicep || true)"
if [[ -z "$bicep" ]]; then
  restore_bicep
  bicep="$(find_bicep || true)"
fi
if [[ -z "$bicep" ]]; then
  echo "check-bicep: could not find the bicep executable in $BICEP_PACKAGE $BICEP_VERSION" >&2
  exit 1
fi
chmod +x "$bicep"

cd "$repo_root"
"$bicep" --version >&2

sarif_findings() {
  # Counts results in a SARIF log (each carries a ruleId) without needing jq or python.
  grep -c '"ruleId"' "$1" || true
}

# A .bicepparam reads its secrets with readEnvironmentVariable('NAME') and fails to compile when one
# is unset (on purpose: a deployment must not go out with empty secrets). The check gives each such
# variable a placeholder, long enough for any @minLength, and never sees a real secret.
placeholder_env() {
  local file="$1" name
  for name in $(grep -oE "readEnvironmentVariable\('[A-Za-z_][A-Za-z0-9_]*'" "$file" | sed -E "s/.*\('//; s/'$//" | sort -u); do
    printf '%s=%s\n' "$name" "check-bicep-placeholder-not-a-secret-0000000000"
  done
}

run_bicep() {
  # Runs the CLI on one file, with placeholders for a .bicepparam's environment variables.
  local file="$1"
  shift
  local -a vars=()
  if [[ "$file" == *.bicepparam ]]; then
    mapfile -t vars < <(placeholder_env "$file")
  fi
  env "${vars[@]}" "$bicep" "$@"
}

status=0
lint_total=0
files=0
shopt -s nullglob
for template in infra/*.bicep infra/*.bicepparam; do
  files=$((files + 1))
  echo "== $template" >&2
  if [[ "$template" == *.bicepparam ]]; then
    run_bicep "$template" build-params "$template" --no-restore --stdout > /dev/null || status=1
  else
    run_bicep "$template" build "$template" --no-restore --stdout > /dev/null || status=1
  fi
  # Formatting, like dotnet format --verify-no-changes: the file must be as bicep format writes it.
  if ! "$bicep" format "$template" --stdout | diff -u "$template" - >&2; then
    echo "check-bicep: $template is not formatted (run: bicep format $template)" >&2
    status=1
  fi
  sarif="$(mktemp)"
  # lint exits non-zero on error-level findings only; warnings and infos are caught from the SARIF.
  run_bicep "$template" lint "$template" --no-restore --diagnostics-format sarif > "$sarif" || status=1
  found="$(sarif_findings "$sarif")"
  if [[ "$found" -gt 0 ]]; then
    status=1
    lint_total=$((lint_total + found))
    run_bicep "$template" lint "$template" --no-restore >&2 || true
  fi
  rm -f "$sarif"
done

if [[ "$files" -eq 0 ]]; then
  echo "check-bicep: no Bicep files under infra/" >&2
  exit 1
fi
if [[ "$status" -ne 0 ]]; then
  echo "check-bicep: FAILED ($lint_total lint finding(s); see above)" >&2
  exit 1
fi
echo "check-bicep: OK, $files file(s) formatted, compiled and linted with Bicep $BICEP_VERSION, 0 findings"
