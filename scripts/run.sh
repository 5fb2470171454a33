#!/usr/bin/env bash
# README's first command: installs the Debian packages, builds, and starts
# the kiosk full screen on the bundled sample content. Extra arguments go
# to `litfass run` (e.g. --windowed --size 1280x720).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
exec build/litfass run --config config/litfass.conf --content assets/content "$@"
