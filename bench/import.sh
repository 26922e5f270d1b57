#!/usr/bin/env bash
# Recipe import of 10,000 generated articles into SQLite, then lookups by path and paged listings,
# each printed against a reference measured in the same run. Usage: bench/import.sh [ITEMS]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/SysRift.Bench -- "${1:-10000}"
