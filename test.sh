#!/usr/bin/env bash
# Runs every test of Verivius: unit, HTTP, command-line and browser tests, on real SQLite, PostgreSQL and Chromium.
# Installs what the tests need first if it is missing (Debian's chromium, postgresql, LibreOffice and poppler).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Debian's packages the tests need: chromium for the browser tests; postgresql's server, of which
# the PostgreSQL tests start a throwaway cluster of their own (a private port and data directory);
# LibreOffice, which converts every kind of document to PDF, and poppler, whose pdftotext reads it back.
missing=()
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if ! command -v soffice >/dev/null 2>&1; then missing+=(libreoffice-writer-nogui); fi
if ! command -v pdftotext >/dev/null 2>&1; then missing+=(poppler-utils); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the tests..."
  sudo_if_needed=""
  if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core, which the browser tests inject into pages to check accessibility.
if [ ! -f tools/axe/node_modules/axe-core/axe.min.js ]; then
  echo "Installing axe-core for the accessibility checks..."
  npm ci --prefix tools/axe --no-audit --no-fund --silent
fi

dotnet tool restore >/dev/null
dotnet build Verivius.sln -c Debug -nologo -clp:ErrorsOnly
# The build already fails on code-style and analyser warnings (EnforceCodeStyleInBuild, warnings as
# errors); what only dotnet format checks is the layout, and its whitespace pass needs no second compile.
dotnet format whitespace Verivius.sln --verify-no-changes

results="$(mktemp -d)"
status=0
dotnet test Verivius.sln --no-build -nologo --logger "trx;LogFileName=results.trx" --results-directory "$results" || status=$?

# The tests whose answers depend on what day it is, again on days that have caught date bugs: a
# month end, the day after a bank holiday (Easter Monday 2027) and a leap day. The three days run
# side by side, as one keeps only about one and a half of two cores busy; each day's output is shown
# when all have finished, in order.
days=(2027-01-31 2027-03-30 2028-02-29)
day_runs=()
for today in "${days[@]}"; do
  VERIVIUS_TEST_TODAY="$today" dotnet test Verivius.Tests --no-build -nologo --filter "Category=DateSensitive" \
    --logger "trx;LogFileName=as-of-$today.trx" --results-directory "$results" > "$results/as-of-$today.log" 2>&1 &
  day_runs+=($!)
done
for i in "${!days[@]}"; do
  wait "${day_runs[$i]}" || status=$?
  echo "Date-sensitive tests as if today were ${days[$i]}:"
  cat "$results/as-of-${days[$i]}.log"
done

# The benchmarks on a tiny data set, only to prove they still run: their times mean nothing here.
# Each uses about one core, so they run in two lanes at once; a failure's log is printed once both
# lanes have finished, so that two failures do not interleave.
benchmark() {
  local log="$results/benchmark-${1//[^a-z0-9]/_}.log"
  # shellcheck disable=SC2086 # each mode is a list of arguments
  if ! dotnet run --no-build --project Verivius.Benchmarks -- $1 > "$log" 2>&1; then
    { echo "The benchmark '$1' no longer runs:"; tail -n 30 "$log"; } > "$log.failed"
    return 1
  fi
}
lane() {
  local failed=0 mode
  for mode in "$@"; do benchmark "$mode" || failed=1; done
  return "$failed"
}
if [ "$status" -eq 0 ]; then
  lane "board-pack --sites 2 --months 2 --runs 1" "views --sites 2 --months 2 --runs 1 --seconds 1" "sign-in --runs 2" &
  first=$!
  lane "--runs 1 --rows 200" "challenges --sites 2 --months 2 --runs 1" "trail-audit --sites 2 --months 2 --runs 1" "template --runs 1" &
  second=$!
  wait "$first" || status=1
  wait "$second" || status=1
  cat "$results"/*.failed 2>/dev/null || true
fi

# One plain closing line that any CI can read, summed from the runs' own results files.
passed=0
failed=0
for trx in $(find "$results" -name '*.trx'); do
  passed=$((passed + $(grep -o 'passed="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*' || echo 0)))
  failed=$((failed + $(grep -o 'failed="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*' || echo 0)))
done
echo "$passed passed, $failed failed"
rm -rf "$results"
exit "$status"
