#!/usr/bin/env bash
# Builds litfass for arm64 (Raspberry Pi 4/5 and other 64-bit ARM boards)
# with Debian's cross toolchain and Debian's own arm64 libraries
# (multiarch), then runs the unit tests (tests/test_*.c) under qemu-user.
# scripts/test.sh runs it as its last step (CI).
#
#   scripts/arm64.sh            install what is missing, build, test
#   ARM64_BUILD_ONLY=1 ...      build only (no qemu run)
#
# Needs root (or sudo) the first time: it adds the arm64 architecture to
# dpkg and installs the -dev packages of scripts/debian-packages.txt as
# :arm64 next to the native ones (all are Multi-Arch: same). The
# command-line tests (tests/cli_*.sh) start servers and the program
# itself and stay with the native build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# the libraries the build links, as arm64 packages (from the one list)
mapfile -t libs < <(grep -E '^lib[a-z0-9.+-]*-dev$' scripts/debian-packages.txt | grep -v '^libclang')
want=(crossbuild-essential-arm64 qemu-user-static)
for p in "${libs[@]}"; do want+=("$p:arm64"); done

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $sudo dpkg --add-architecture arm64
  need_update=1
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "arm64: installing ${missing[*]}"
  if [ -n "${need_update:-}" ] || ! ls /var/lib/apt/lists/*_binary-arm64_Packages* >/dev/null 2>&1; then
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

bdir=${ARM64_BUILD_DIR:-build-arm64}
cmake -S . -B "$bdir" -DCMAKE_TOOLCHAIN_FILE="$root/scripts/arm64-toolchain.cmake" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLITFASS_WERROR=ON >/dev/null
cmake --build "$bdir" -j"$(nproc)" >/dev/null
file "$bdir/litfass" | sed 's/^[^:]*: /arm64 build: /'
[ -n "${ARM64_BUILD_ONLY:-}" ] && exit 0

# The unit tests, each run by qemu-aarch64 through the arm64 loader
# (CMAKE_CROSSCOMPILING_EMULATOR in scripts/arm64-toolchain.cmake) against
# the arm64 libraries in /usr/lib/aarch64-linux-gnu. Left out, and run
# natively in the two builds before this: test_kiosk and test_render
# (a visitor's whole session and every slide in every language: each takes
# many minutes under emulation), test_worker (it starts the program and a
# web server, which would need binfmt_misc).
skip='^(test_kiosk|test_render|test_worker)$'
cd "$bdir"
ctest --output-on-failure -j"$(nproc)" -R '^test_' -E "$skip"
