#!/usr/bin/env bash
# Configures and builds Fieldbook with Ninja into build/ (or $FIELDBOOK_BUILD_DIR).
#   BUILD_TYPE=Release ci/build.sh     a different build type (default RelWithDebInfo)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FIELDBOOK_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" -DFIELDBOOK_WERROR=ON "$@"
cmake --build "$build" -j "$(nproc)"
