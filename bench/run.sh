#!/usr/bin/env bash
# CgtAtlas end-to-end benchmark. Usage: bench/run.sh [--docs 10000,100000] [other options, see --help]
# Writes bench/results/latest.md (and latest.json). Not run in CI: the 100k run takes ~15 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec dotnet run -c Release --project "$root/bench/CgtAtlas.Benchmarks" -- "$@"
