#!/usr/bin/env bash
# Adds every symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, and removes entries for symbols that no longer exist (RS0017).
# Usage: eng/update-public-api.sh src/PrivacyKit [more project folders...]
# Review the diff: every added line is a promise to users.
set -euo pipefail
for dir in "$@"; do
  proj=$(ls "$dir"/*.csproj)
  file="$dir/PublicAPI.Unshipped.txt"
  log=$(mktemp)
  dotnet build "$proj" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 >"$log" || true
  grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u >>"$file" || true
  grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" "$log" | sort -u |
    while IFS= read -r sym; do grep -vxF -- "$sym" "$file" >"$file.tmp" || true; mv "$file.tmp" "$file"; done || true
  { head -n1 "$file"; tail -n +2 "$file" | sort -u; } >"$file.tmp" && mv "$file.tmp" "$file"
  rm -f "$log"
  echo "$file: $(($(wc -l <"$file") - 1)) entries"
done
