#!/usr/bin/env bash
# Builds and lints every Bicep file under infra/ with the bicep CLI from the NuGet package
# Azure.Bicep.CommandLine.linux-x64 (works offline: no registry modules). Fails on any warning.
set -euo pipefail
infra_dir="$(cd "$(dirname "$0")" && pwd)"
repo_dir="$(dirname "$infra_dir")"

package="Azure.Bicep.CommandLine.linux-x64"
version="$(sed -n "s/.*Include=\"$package\" Version=\"\([^\"]*\)\".*/\1/p" "$repo_dir/Directory.Packages.props")"
if [ -z "$version" ]; then
  echo "infra/lint.sh: no version of $package in Directory.Packages.props" >&2
  exit 1
fi

packages_dir="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages_dir/$(echo "$package" | tr '[:upper:]' '[:lower:]')/$version/tools/bicep"

if [ ! -f "$bicep" ]; then
  # A throwaway project outside the repository, so restore neither sees nor touches the solution.
  restore_dir="$(mktemp -d)"
  trap 'rm -rf "$restore_dir"' EXIT
  cat >"$restore_dir/BicepTool.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$package" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
  dotnet restore "$restore_dir/BicepTool.csproj" --nologo --verbosity quiet >&2
fi
# NuGet extracts package files without the execute bit.
[ -x "$bicep" ] || chmod +x "$bicep"

out_dir="$(mktemp -d)"
log="$(mktemp)"
status=0
cd "$infra_dir"
"$bicep" build --pattern '**/*.bicep' --outdir "$out_dir" >"$log" 2>&1 || status=$?
"$bicep" lint --pattern '**/*.bicep' >>"$log" 2>&1 || status=$?
rm -rf "$out_dir"

# The parameters file must only name parameters main.bicep declares.
for name in $(grep -o '^    "[A-Za-z0-9]*": {' main.parameters.json | tr -d '" :{'); do
  grep -q "^param $name " main.bicep || { echo "main.parameters.json: '$name' is not a parameter of main.bicep" >>"$log"; status=1; }
done

if [ -s "$log" ]; then
  # bicep reports the same diagnostic once per file that reaches it; show each once.
  sort -u "$log" >&2
  status=1
fi
rm -f "$log"

if [ "$status" -ne 0 ]; then
  echo "infra/lint.sh: Bicep build or lint reported problems (zero warnings required)." >&2
  exit "$status"
fi
echo "infra/lint.sh: $(find . -name '*.bicep' | wc -l) Bicep files build and lint clean (bicep $version)."
