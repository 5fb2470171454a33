/* Giving back the clean pages of files this process has mapped (libraries'
 * code and read-only data, ICU's locale data, fontconfig's cache) that
 * only starting up touched.
 *
 * Such a page is a copy of the file's bytes: the kernel may drop it at any
 * time and reads it again from the page cache (or the file) when it is
 * touched. Until then it counts to the process's RSS. After the start
 * (every page laid out once: ICU's names and dates of every language,
 * GnuTLS's and OpenSSL's set-up, fontconfig's first lookups) most of them
 * are never touched again; lf_resident_drop_clean() unmaps them from this
 * process (madvise MADV_DONTNEED), and those still in use come back on the
 * next touch, a minor fault each. What is left is what the kiosk uses.
 *
 * Only mappings that cannot hold anything but the file's bytes are
 * touched: file-backed, not writable, and with no anonymous (copied on
 * write), private dirty or shared dirty page. Relocated data (RELRO),
 * heaps, stacks, the window's shared memory are never touched.
 * Any thread; no state. */
#ifndef LF_CORE_RESIDENT_H
#define LF_CORE_RESIDENT_H

#include <stddef.h>

/* Unmaps the clean pages of read-only file mappings (see above); returns
 * how many kB of RSS they were. 0 when /proc/self/smaps cannot be read. */
size_t lf_resident_drop_clean(void);

#endif
