#!/usr/bin/env bash
# Command 2: installs what is missing, builds everything and runs every test with CTest.
# Extra arguments go to ctest, e.g. `ci/test.sh -L core` or `ci/test.sh -R sync`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FIELDBOOK_BUILD_DIR:-$root/build}
"$root/ci/install-deps.sh"
"$root/ci/build.sh"
# Two jobs: the end-to-end suites each start their own server on port 0, so they do not collide.
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "$@"
