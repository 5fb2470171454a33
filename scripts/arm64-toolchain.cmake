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
# -dev packages scripts/arm64.sh had to unpack apart (not co-installable)
if(DEFINED ENV{LITFASS_ARM64_DEV})
  set(ENV{PKG_CONFIG_LIBDIR} "$ENV{LITFASS_ARM64_DEV}/pkgconfig:$ENV{PKG_CONFIG_LIBDIR}")
  set(CMAKE_EXE_LINKER_FLAGS_INIT "-L$ENV{LITFASS_ARM64_DEV}")
  set(CMAKE_SHARED_LINKER_FLAGS_INIT "-L$ENV{LITFASS_ARM64_DEV}")
  link_directories($ENV{LITFASS_ARM64_DEV})
endif()
set(ENV{PKG_CONFIG_PATH} "")
# multiarch: arm64 libraries in /usr/lib/aarch64-linux-gnu, headers shared
# in /usr/include (libraries without a .pc file, e.g. libhyphen, are found
# with find_library/find_path)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
