#include "support/bundle_folder.h"

#include <stdio.h>
#include <stdlib.h>

int bundle_folder_write(char *dir, size_t size, const char *content_json)
{
    if (snprintf(dir, size, "/tmp/litfass-kiosk-XXXXXX") >= (int)size || !mkdtemp(dir))
        return -1;
    char path[128];
    snprintf(path, sizeof(path), "%s/content.json", dir);
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    fputs(content_json, fp);
    return fclose(fp) == 0 ? 0 : -1;
}
