#include "system/drm_power.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

bool lf_drm_dpms(int fd, bool on, char *err, size_t n)
{
    drmModeRes *res = drmModeGetResources(fd);
    if (!res) {
        snprintf(err, n, "DRM resources: %s", strerror(errno));
        return false;
    }
    int done = 0, failed = 0;
    for (int i = 0; i < res->count_connectors; i++) {
        drmModeConnector *c = drmModeGetConnector(fd, res->connectors[i]);
        if (!c)
            continue;
        if (c->connection == DRM_MODE_CONNECTED) {
            for (int p = 0; p < c->count_props; p++) {
                drmModePropertyRes *prop = drmModeGetProperty(fd, c->props[p]);
                if (!prop)
                    continue;
                if (strcmp(prop->name, "DPMS") == 0) {
                    if (drmModeConnectorSetProperty(fd, c->connector_id, prop->prop_id,
                                                    on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) == 0)
                        done++;
                    else
                        failed++;
                }
                drmModeFreeProperty(prop);
            }
        }
        drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
    if (done == 0)
        snprintf(err, n, "%s", failed ? "the DRM driver refused the connector's DPMS property"
                                      : "no connected connector with a DPMS property");
    return done > 0;
}
