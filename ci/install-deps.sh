#!/usr/bin/env bash
# Installs what Fieldbook needs on Debian 12 with apt, and nothing when it is all there already.
#   ci/install-deps.sh          build and test dependencies
#   ci/install-deps.sh --run    also what the demo needs to show the app without a display (Xvfb)
#   ci/install-deps.sh --bench  also what the benchmarks need (Node.js and npm for the peer server)
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config python3
    qt6-base-dev libqt6sql6-sqlite qt6-declarative-dev
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
    qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qttest
    libboost1.81-dev libboost-json1.81-dev libssl-dev libsqlite3-dev openssl
    # The monthly report's PDF (cairo) and the tests that read it back (pdftotext, pdftoppm).
    libcairo2-dev poppler-utils
    # Translations: lupdate and lrelease, and the CMake package (LinguistTools) for qt_add_translations.
    qt6-l10n-tools qt6-tools-dev
    # --db postgresql://...: libpq to build against, and a server for the pg_* suites (ci/pg-cluster.sh).
    libpq-dev postgresql
    clang-14 libclang-rt-14-dev
    # Quick Tests and screenshots render with real OpenGL under Xvfb when it is there.
    libgl1-mesa-dri fonts-dejavu-core
)
for arg in "$@"; do
    case "$arg" in
        --run) packages+=(xvfb xauth x11-apps imagemagick) ;;
        --bench)
            # A machine may carry its own Node.js build, which conflicts with Debian's npm package.
            command -v node >/dev/null || packages+=(nodejs)
            command -v npm >/dev/null || packages+=(npm)
            ;;
        *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
    esac
done

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
