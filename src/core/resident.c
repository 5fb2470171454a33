#include "core/resident.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct mapping {
    unsigned long start, end;
    bool candidate; /* file-backed and not writable */
    unsigned long rss, anonymous, private_dirty, shared_dirty; /* kB */
};

static size_t drop(const struct mapping *m)
{
    if (!m->candidate || m->rss == 0 || m->anonymous || m->private_dirty || m->shared_dirty)
        return 0;
    if (madvise((void *)m->start, m->end - m->start, MADV_DONTNEED) != 0)
        return 0; /* locked pages, say: left as they are */
    return m->rss;
}

static unsigned long field_kb(const char *line, const char *name)
{
    size_t n = strlen(name);
    return strncmp(line, name, n) == 0 ? strtoul(line + n, NULL, 10) : (unsigned long)-1;
}

size_t lf_resident_drop_clean(void)
{
    FILE *f = fopen("/proc/self/smaps", "re");
    if (!f)
        return 0;
    /* madvise between reading lines changes nothing that is yet to be
     * read: only the pages of a mapping already read are dropped */
    struct mapping m = {0};
    size_t dropped = 0;
    char line[4096];
    while (fgets(line, sizeof(line), f)) {
        unsigned long start, end, v;
        char perms[8];
        int path_at = 0;
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %n", &start, &end, perms, &path_at) == 3 &&
            path_at > 0) {
            dropped += drop(&m);
            m = (struct mapping){start, end, line[path_at] == '/' && perms[1] != 'w', 0, 0, 0, 0};
        } else if ((v = field_kb(line, "Rss:")) != (unsigned long)-1) {
            m.rss = v;
        } else if ((v = field_kb(line, "Anonymous:")) != (unsigned long)-1) {
            m.anonymous = v;
        } else if ((v = field_kb(line, "Private_Dirty:")) != (unsigned long)-1) {
            m.private_dirty = v;
        } else if ((v = field_kb(line, "Shared_Dirty:")) != (unsigned long)-1) {
            m.shared_dirty = v;
        }
    }
    dropped += drop(&m);
    fclose(f);
    return dropped;
}
