#!/usr/bin/env bash
# Installs what the tests need, builds twice and runs every test headless:
#   1. warnings as errors, all tests;
#   2. -fsanitize=address,undefined, all tests again.
# This is README's second command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy

cmake -S . -B build-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLITFASS_WERROR=ON >/dev/null
cmake --build build-ci -j"$jobs"
(cd build-ci && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLITFASS_WERROR=ON -DLITFASS_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
# fontconfig and SDL keep caches alive until exit; leaks are checked by the
# soak benchmark, here ASan looks for memory errors and UBSan for UB.
(cd build-asan && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -j"$jobs")
