#!/usr/bin/env bash
# libvips (the site's image library) against SkiaSharp on what an upload costs: decode a 4000 x 3000 camera
# JPEG, turn it upright, strip its metadata, write WebP at 480, 960 and 1600 px. Prints each median and the
# ratio, measured in the same run. Usage: bench/images.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/SysRift.ImageBench -- "${1:-7}"
