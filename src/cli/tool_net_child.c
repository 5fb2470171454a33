/* `litfass net-child` (hidden): the kiosk's sync cycle or report to the
 * studio, run in a short-lived child so that the display process never
 * maps libcurl (sync/net_child.h). It reads its request from stdin. */
#include "cli/cli.h"

int lf_tool_net_child(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return lf_net_child_serve();
}
