#!/usr/bin/env bash
# Runs every test project in Release and prints one closing line summed over all of them:
#   N passed, N failed, N skipped
# Starts PostgreSQL first (eng/postgres.sh) unless PRIVACYKIT_TEST_POSTGRES is already set.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PRIVACYKIT_TEST_POSTGRES:-}" ]; then
  PRIVACYKIT_TEST_POSTGRES=$(bash eng/postgres.sh) || { echo "PostgreSQL could not be started"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
  export PRIVACYKIT_TEST_POSTGRES
fi

results=$(mktemp -d)
dotnet build PrivacyKit.sln -c Release -warnaserror 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" 2>&1 |
    grep -vE '^\s*$' | tail -n 40
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

# Sum the counters of every TRX file.
attr() { grep -oh '<Counters [^>]*>' "$results"/*.trx 2>/dev/null | grep -oE " $1=\"[0-9]+\"" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
sum() { local t=0 n; for n in "$@"; do t=$((t + ${n:-0})); done; echo "$t"; }
passed=$(sum "$(attr passed)")
failed=$(sum "$(attr failed)" "$(attr error)" "$(attr timeout)" "$(attr aborted)")
skipped=$(sum "$(attr notExecuted)" "$(attr inconclusive)")
rm -rf "$results"
[ "$failed" -eq 0 ] || status=1
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
