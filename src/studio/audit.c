#include "studio/audit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/durable.h"
#include "core/xalloc.h"

void lf_audit(const char *data_dir, const char *user, const char *action, const char *item,
              const char *detail)
{
    char at[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
    json_t *e = json_pack("{s:s, s:s, s:s, s:s?, s:s?}", "at", at, "user", user ? user : "-",
                          "action", action, "item", item, "detail", detail);
    char *line = json_dumps(e, JSON_COMPACT);
    json_decref(e);
    char *path = lf_xasprintf("%s/%s", data_dir, LF_AUDIT_FILE);
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    size_t len = strlen(line);
    line[len] = '\n'; /* json_dumps's terminator becomes the newline */
    if (fd < 0 || !lf_write_all(fd, line, len + 1) || fsync(fd) != 0)
        lf_error("%s: cannot append: %s", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    free(line);
    free(path);
}

json_t *lf_audit_list(const char *data_dir, size_t max)
{
    char *path = lf_xasprintf("%s/%s", data_dir, LF_AUDIT_FILE);
    FILE *f = fopen(path, "r");
    free(path);
    json_t *all = json_array();
    if (!f)
        return all;
    char line[8192];
    while (fgets(line, sizeof(line), f)) {
        json_error_t je;
        json_t *e = json_loads(line, 0, &je);
        if (!e)
            continue;
        json_array_insert_new(all, 0, e);
        if (json_array_size(all) > max)
            json_array_remove(all, json_array_size(all) - 1);
    }
    fclose(f);
    return all;
}
