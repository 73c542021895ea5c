#!/usr/bin/env bash
# README command 2: install what the tests need, then run every test.
# The tests need the .NET SDK, NuGet packages (restored below) and, for the web workspace's browser tests, Debian's
# chromium (driven by Playwright through /usr/bin/chromium; Playwright never downloads a browser) plus CJK fonts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! command -v chromium >/dev/null || [[ ! -d /usr/share/fonts/opentype/noto ]]; then
  sudo=""; [[ "$(id -u)" != "0" ]] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk
fi
dotnet restore CgtAtlas.slnx -nologo
log="$(mktemp)"
set +e
dotnet test CgtAtlas.slnx --no-restore -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line, summed over the test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: ${passed:-0} passed, ${failed:-0} failed"
if [[ "${passed:-0}" == "0" ]]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
