#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("litfass: not yet\n", stderr);
    return 1;
}
