# Cross-compiling for arm64 with Debian's toolchain (crossbuild-essential-arm64)
# and the arm64 multiarch libraries in /usr/lib/aarch64-linux-gnu
# (scripts/arm64.sh). Tests run under qemu-user.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
# the arm64 loader (libc6:arm64, multiarch) named explicitly: Debian 12's
# qemu 7.2 hangs in the first pthread_create of a dynamic binary it loads
# itself on this kernel, not when it runs the loader as the program
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static /lib/ld-linux-aarch64.so.1)
# pkg-config must read the arm64 .pc files, not the build machine's
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /usr/lib/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
