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
bdir=${ARM64_BUILD_DIR:-build-arm64}
sysroot=$root/$bdir/dev-arm64
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  # apt reads its package lists into one cache file here, kept for the
  # thirty-odd apt calls below: Debian's container images switch that
  # cache off (Dir::Cache::pkgcache ""), and each call then spent about
  # 2 s of CPU reading every list again
  aptcache=$(mktemp -d)
  trap 'rm -rf "$aptcache"' EXIT
  apt_cache_opts=(-o Dir::Cache::pkgcache="$aptcache/pkgcache.bin"
    -o Dir::Cache::srcpkgcache="$aptcache/srcpkgcache.bin")
  if [ -n "${need_update:-}" ] || ! ls /var/lib/apt/lists/*_binary-arm64_Packages* >/dev/null 2>&1; then
    $sudo apt-get "${apt_cache_opts[@]}" -o DPkg::Lock::Timeout=600 update -qq
  fi
  # Installed beside the native ones only where apt removes nothing: a
  # -dev package whose own dependencies are not Multi-Arch: same (e.g.
  # libical-dev needs libdb5.3-dev) would replace the native one. Those
  # are unpacked into $sysroot instead (their .pc file and .so link) and
  # only their run-time libraries are installed.
  together=() apart=()
  for p in "${missing[@]}"; do
    if apt-get "${apt_cache_opts[@]}" -s -o Debug::NoLocking=1 install --no-install-recommends "$p" 2>/dev/null | grep -q '^Remv'; then
      apart+=("$p")
    else
      together+=("$p")
    fi
  done
  for p in "${apart[@]}"; do
    # the lib<name><N> run-time packages it depends on
    together+=($(apt-cache "${apt_cache_opts[@]}" depends "$p" 2>/dev/null | sed -n 's/^ *Depends: \(lib[a-z0-9.+-]*[0-9][a-z0-9.+-]*\)\(:arm64\)\{0,1\}$/\1:arm64/p' |
      grep -v -- '-dev:' || true))
  done
  if [ ${#together[@]} -gt 0 ]; then
    echo "arm64: installing ${together[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_cache_opts[@]}" -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends --no-remove "${together[@]}" >/dev/null
  fi
  for p in "${apart[@]}"; do
    echo "arm64: unpacking $p into $sysroot (it cannot be installed beside the native one)"
    mkdir -p "$sysroot"
    (cd "$sysroot" && apt-get "${apt_cache_opts[@]}" download -qq "$p" && dpkg-deb -x ./*.deb . && rm -f ./*.deb)
  done
fi
# the unpacked packages' .so links point at the installed run-time libraries
if [ -d "$sysroot/usr/lib/aarch64-linux-gnu" ]; then
  for l in "$sysroot"/usr/lib/aarch64-linux-gnu/*.so; do
    [ -L "$l" ] && ln -sfn "/usr/lib/aarch64-linux-gnu/$(readlink "$l" | xargs basename)" "$l"
  done
  # and their .pc files name that folder as libdir (headers: /usr/include)
  sed -i "s|^libdir=.*|libdir=$sysroot/usr/lib/aarch64-linux-gnu|" \
    "$sysroot"/usr/lib/aarch64-linux-gnu/pkgconfig/*.pc
  export LITFASS_ARM64_DEV="$sysroot/usr/lib/aarch64-linux-gnu"
fi

cmake -S . -B "$bdir" -DCMAKE_TOOLCHAIN_FILE="$root/scripts/arm64-toolchain.cmake" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLITFASS_WERROR=ON >/dev/null
cmake --build "$bdir" -j"$(nproc)" >/dev/null
file "$bdir/litfass" | sed 's/^[^:]*: /arm64 build: /'
[ -n "${ARM64_BUILD_ONLY:-}" ] && exit 0

# The unit tests, each run by qemu-aarch64 through the arm64 loader
# (CMAKE_CROSSCOMPILING_EMULATOR in scripts/arm64-toolchain.cmake) against
# the arm64 libraries in /usr/lib/aarch64-linux-gnu. Left out, and run
# natively in the two builds before this: the tests that drive a whole
# kiosk or render every slide in every language (test_kiosk*,
# test_render, test_languages, test_layout_property, test_read_aloud:
# minutes each under emulation, or timing-bound) and test_worker (it
# starts the program and a web server, which would need binfmt_misc).
# LITFASS_TEST_SMALL_MATRIX=1: test_touch lays out each screen size in one
# language (6 of its 16 layouts, every size and language still seen), not
# every size in every language (over 100 s under emulation); the full
# matrix runs natively in both builds of scripts/test.sh.
skip='^test_(kiosk.*|render|languages|layout_property|read_aloud|worker)$'
cd "$bdir"
LITFASS_TEST_SMALL_MATRIX=1 ctest --output-on-failure -j"$(nproc)" -R '^test_' -E "$skip"
