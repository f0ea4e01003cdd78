#!/usr/bin/env bash
# Adds every public API of the library projects that is missing from their PublicAPI.Unshipped.txt (the RS0016
# code fix), so that a change to the public surface shows up in review as a diff of that file. Removed APIs
# (RS0017) must be deleted from the file by hand. On release, move the Unshipped lines to PublicAPI.Shipped.txt.
# Usage: .ci/update-public-api.sh        (about 1-2 minutes per project)
set -euo pipefail
cd "$(dirname "$0")/.."
for p in Doorbraak.Rules Doorbraak.Rules.Hosting Doorbraak.Rules.Monitoring Doorbraak.Rules.AspNetCore; do
  dotnet format analyzers "src/$p/$p.csproj" --diagnostics RS0016 --severity warn -v q || true
  # Keep the file sorted (ordinal) after the header, so diffs stay small.
  f="src/$p/PublicAPI.Unshipped.txt"
  { head -1 "$f"; tail -n +2 "$f" | grep -v '^$' | LC_ALL=C sort -u; } > "$f.tmp" && mv "$f.tmp" "$f"
done
git --no-pager diff --stat -- 'src/*/PublicAPI.*.txt' || true
