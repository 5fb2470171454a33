/* The studio's web page (src/studio/web/: HTML, CSS, JavaScript, no build
 * step), embedded in the program at build time by
 * cmake/embed_web.cmake, so an installed studio needs no files besides
 * itself and nothing is loaded from elsewhere. */
#ifndef LF_STUDIO_WEB_ASSETS_H
#define LF_STUDIO_WEB_ASSETS_H

#include <stddef.h>

struct lf_web_asset {
    const char *path;          /* "/app.js" */
    const char *type;          /* Content-Type */
    const unsigned char *data;
    size_t len;
};

extern const struct lf_web_asset lf_web_assets[];
extern const size_t lf_web_n_assets;

#endif
