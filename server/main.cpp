// fieldbook-server: the sync server's entry point. Everything else is in fieldbook-server-lib.
#include "cli/commandline.h"

int main(int argc, char** argv)
{
    return fieldbook::server::runCommandLine(argc, argv);
}
