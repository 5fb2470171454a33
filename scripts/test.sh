#!/usr/bin/env bash
# Installs what the tests need, builds twice and runs every test headless:
#   1. warnings as errors, all tests;
#   2. -fsanitize=address,undefined, all tests again;
#   3. with clang, each libFuzzer target in fuzz/ (manifest, config, ics,
#      signature) for 20 s from its seeds in tests/fuzz/ (a crash, leak
#      or UB fails the script);
#   4. scripts/arm64.sh: cross-built for arm64 (Raspberry Pi 4/5), the
#      unit tests under qemu-user.
# This is README's second command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy

# ctest's resources: one "cpus" slot per core. Every test takes one except
# those that mostly wait (tests/CMakeLists.txt), so with twice as many jobs
# as cores the waiting ones run beside the CPU-bound ones, never more of
# those than cores.
spec=$(mktemp)
trap 'rm -f "$spec"' EXIT
printf '{"version": {"major": 1, "minor": 0}, "local": [{"cpus": [{"id": "0", "slots": %d}]}]}\n' \
  "$jobs" >"$spec"
run_ctest() { ctest --output-on-failure -j"$((2 * jobs))" --resource-spec-file "$spec" "$@"; }

cmake -S . -B build-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLITFASS_WERROR=ON >/dev/null
cmake --build build-ci -j"$jobs"
(cd build-ci && run_ctest)

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLITFASS_WERROR=ON -DLITFASS_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
# fontconfig and SDL keep caches alive until exit; leaks are checked by the
# soak benchmark, here ASan looks for memory errors and UBSan for UB.
(cd build-asan && ASAN_OPTIONS=detect_leaks=0 run_ctest -LE heavy)

# A short fuzz run per target: new inputs go to a temporary corpus, never
# into tests/; a crashing input is kept there and its path printed.
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLITFASS_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
fuzz_seconds=${LITFASS_FUZZ_SECONDS:-20}
fuzz_tmp=$(mktemp -d)
targets=()
for src in fuzz/fuzz_*.c; do targets+=("$(basename "$src" .c)"); done
cmake --build build-fuzz -j"$jobs" --target "${targets[@]}"
# fuzz_one TARGET: its run, its output in $fuzz_tmp/TARGET.log
fuzz_one() {
  mkdir -p "$fuzz_tmp/$1"
  TMPDIR="$fuzz_tmp" build-fuzz/fuzz/"$1" -max_total_time="$fuzz_seconds" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$fuzz_tmp/$1-" "$fuzz_tmp/$1" "tests/fuzz/${1#fuzz_}" \
    >"$fuzz_tmp/$1.log" 2>&1
}
# a libFuzzer run is one process on one core: as many targets at once as
# there are cores, each for its full time
for ((first = 0; first < ${#targets[@]}; first += jobs)); do
  batch=("${targets[@]:first:jobs}") pids=()
  for target in "${batch[@]}"; do
    echo "fuzzing $target for ${fuzz_seconds}s (seeds: tests/fuzz/${target#fuzz_})"
    fuzz_one "$target" &
    pids+=($!)
  done
  failed=""
  for i in "${!batch[@]}"; do
    target=${batch[$i]}
    if wait "${pids[$i]}"; then
      echo "$target: $(grep -E '^stat::number_of_executed_units' "$fuzz_tmp/$target.log" || true)"
    else
      tail -n 60 "$fuzz_tmp/$target.log"
      echo "$target: FAILED; the input is in $fuzz_tmp (kept)" >&2
      failed=yes
    fi
  done
  [ -z "$failed" ] || exit 1
done
rm -rf "$fuzz_tmp"

# arm64 (Raspberry Pi 4/5): Debian's cross compiler and arm64 libraries,
# the unit tests under qemu-user (about 3 minutes with the first install)
scripts/arm64.sh
