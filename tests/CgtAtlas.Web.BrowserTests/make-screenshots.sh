#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real pages (samples/corpus library, Debian chromium via Playwright).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if ! command -v chromium >/dev/null || [[ ! -d /usr/share/fonts/opentype/noto ]]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export CGT_SCREENSHOTS="$root/docs/screenshots"
mkdir -p "$CGT_SCREENSHOTS"
dotnet test "$root/tests/CgtAtlas.Web.BrowserTests" -nologo --filter "FullyQualifiedName~Screenshots"
ls -1 "$CGT_SCREENSHOTS"
