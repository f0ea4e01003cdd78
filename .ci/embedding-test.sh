#!/usr/bin/env bash
# Embedding test: packs Doorbraak.Rules, Doorbraak.Rules.Hosting, .Monitoring, .AspNetCore, .NRules and the policy-pack packages
# into artifacts/local-feed, checks their metadata, then builds a fresh console app OUTSIDE the repository that references
# them from that feed only (nuget.org for third-party packages), registers with DI, evaluates
# samples/households/s1-kostendelersnorm.yaml, prints the proposals and uses the monitoring and problem-details helpers.
# Usage: .ci/embedding-test.sh            (about 1.5-3 minutes; needs nuget.org for YamlDotNet and Microsoft.Extensions.*)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FEED=$ROOT/artifacts/local-feed
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
SECONDS=0

rm -rf "$FEED"
mkdir -p "$FEED"
echo "== pack into $FEED"
LIBS="Doorbraak.Rules Doorbraak.Rules.Hosting Doorbraak.Rules.Monitoring Doorbraak.Rules.AspNetCore Doorbraak.Rules.NRules"
for lib in $LIBS; do
  dotnet pack "src/$lib/$lib.csproj" -c Release -o "$FEED" -p:ContinuousIntegrationBuild=true --nologo -v:q
done
for proj in src/PolicyPacks/*/*.csproj; do
  dotnet pack "$proj" -c Release -o "$FEED" --nologo -v:q
done
ls -1 "$FEED"
pack_seconds=$SECONDS

lib=$(ls "$FEED"/Doorbraak.Rules.[0-9]*.nupkg | grep -v '\.snupkg$' | head -1)
pp=$(ls "$FEED"/Doorbraak.PolicyPack.NlSociaalDomein.*.nupkg | head -1)
lib_version=$(basename "$lib" .nupkg); lib_version=${lib_version#Doorbraak.Rules.}
pp_version=$(basename "$pp" .nupkg); pp_version=${pp_version#Doorbraak.PolicyPack.NlSociaalDomein.}
gv=$(ls "$FEED"/Doorbraak.PolicyPack.GemeenteVlaardingen.*.nupkg | head -1)
gv_version=$(basename "$gv" .nupkg); gv_version=${gv_version#Doorbraak.PolicyPack.GemeenteVlaardingen.}
# Every library package: symbols, README, XML docs, licence, tags.
for id in $LIBS; do
  nupkg="$FEED/$id.$lib_version.nupkg"
  test -f "$nupkg" || { echo "FAIL: no package $id $lib_version"; exit 1; }
  test -f "$FEED/$id.$lib_version.snupkg" || { echo "FAIL: no symbol package for $id"; exit 1; }
  contents=$(unzip -l "$nupkg")
  grep -q 'PACKAGE.md' <<<"$contents" || { echo "FAIL: no README in $id"; exit 1; }
  grep -q "lib/net10.0/$id.xml" <<<"$contents" || { echo "FAIL: no XML docs in $id"; exit 1; }
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<license type="expression">EUPL-1.2</license>' <<<"$nuspec" || { echo "FAIL: no licence expression in $id"; exit 1; }
  grep -q '<tags>doorbraak ' <<<"$nuspec" || { echo "FAIL: no tags in $id"; exit 1; }
  if [ "$id" != Doorbraak.Rules ]; then
    grep -q "<dependency id=\"Doorbraak.Rules\" version=\"$lib_version\"" <<<"$nuspec" || { echo "FAIL: $id does not depend on Doorbraak.Rules $lib_version"; exit 1; }
  fi
done
# The core has no Microsoft.Extensions dependency; the synthetic pilot generator is not shipped.
grep -q 'Microsoft.Extensions' <<<"$(unzip -p "$lib" Doorbraak.Rules.nuspec)" && { echo "FAIL: the core package depends on Microsoft.Extensions"; exit 1; }
grep -q 'SyntheticPilot' <<<"$(unzip -p "$FEED/Doorbraak.Rules.Monitoring.$lib_version.nupkg" lib/net10.0/Doorbraak.Rules.Monitoring.xml)" \
  && { echo "FAIL: the synthetic pilot is in the Monitoring package"; exit 1; }
# Policy-pack packages declare the library versions they need.
for p in "$FEED"/Doorbraak.PolicyPack.*.nupkg; do
  id=$(basename "$p" .nupkg); id=${id%%.[0-9]*}
  grep -qE '<dependency id="Doorbraak.Rules" version="\[[0-9.]+, [0-9.]+\)"' <<<"$(unzip -p "$p" "$id.nuspec")" \
    || { echo "FAIL: $id does not declare a Doorbraak.Rules version range"; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/doorbraak-embed.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/app"
cp tests/Doorbraak.Rules.EmbeddingTest/Doorbraak.Rules.EmbeddingTest.csproj tests/Doorbraak.Rules.EmbeddingTest/Program.cs "$WORK/app/"
# Stop MSBuild from looking further up for build settings.
echo '<Project />' > "$WORK/Directory.Build.props"
echo '<Project />' > "$WORK/Directory.Build.targets"
cat > "$WORK/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$FEED" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="Doorbraak.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML
# A private package cache, so a stale Doorbraak.Rules of the same version in ~/.nuget/packages is never used.
export NUGET_PACKAGES="$WORK/packages"

echo "== publish the host app (Doorbraak.Rules $lib_version, NlSociaalDomein $pp_version)"
(cd "$WORK/app" && dotnet publish -c Release -o "$WORK/out" --nologo -v:q \
  -p:DoorbraakRulesVersion="$lib_version" -p:NlSociaalDomeinVersion="$pp_version" -p:GemeenteVlaardingenVersion="$gv_version")
test -f "$WORK/out/policypacks/Doorbraak.PolicyPack.NlSociaalDomein/pack.yaml" || { echo "FAIL: the pack was not copied to the output"; exit 1; }

echo "== run"
output=$(cd "$WORK" && dotnet "$WORK/out/Doorbraak.Rules.EmbeddingTest.dll" "$ROOT/samples/households/s1-kostendelersnorm.yaml" 2026-03-01)
echo "$output"
grep -q '^OK$' <<<"$output" || { echo "FAIL: the host app did not finish"; exit 1; }

echo "== the README's web host (samples/Doorbraak.Rules.MinimalHost): a household in, an HTML doorbraakplan out"
mkdir -p "$WORK/web"
cp samples/Doorbraak.Rules.MinimalHost/Program.cs samples/Doorbraak.Rules.MinimalHost/Doorbraak.Rules.MinimalHost.csproj "$WORK/web/"
(cd "$WORK/web" && dotnet publish -c Release -o "$WORK/webout" --nologo -v:q \
  -p:DoorbraakRulesVersion="$lib_version" -p:NlSociaalDomeinVersion="$pp_version")
port=5187
(cd "$WORK/webout" && ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet Doorbraak.Rules.MinimalHost.dll > "$WORK/web.log" 2>&1) &
web_pid=$!
html=""
for _ in $(seq 1 60); do
  if html=$(curl -sf -X POST "http://127.0.0.1:$port/plan?date=2026-03-01" -H 'Content-Type: application/json' \
      --data-binary @samples/households/s1-kostendelersnorm.json); then break; fi
  sleep 1
done
kill "$web_pid" 2>/dev/null || true
wait "$web_pid" 2>/dev/null || true
grep -q '<html' <<<"$html" && grep -q 'Z-2026-001' <<<"$html" || { echo "FAIL: the web host gave no doorbraakplan"; cat "$WORK/web.log"; exit 1; }
echo "web host: $(wc -c <<<"$html") bytes of HTML doorbraakplan"
echo "== embedding test passed in ${SECONDS}s (pack ${pack_seconds}s)"
