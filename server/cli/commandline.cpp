#include "cli/commandline.h"

#include "cli/options.h"
#include "store/schema.h"
#include "util/buildinfo.h"

#include <algorithm>

#include <cstdio>
#include <exception>

namespace fieldbook::server {

namespace {

constexpr const char* kUsage = R"(usage:
  fieldbook-server serve --db PATH|URI [--listen HOST:PORT] [--cert PEM --key PEM] [options]
  fieldbook-server admin --db PATH|URI [--key-file PATH] COMMAND ...
  fieldbook-server --version
  fieldbook-server serve --help      every serve option with its default
  fieldbook-server admin --help      every admin command and option
)";

bool wantsHelp(const std::vector<std::string>& args)
{
    return std::any_of(args.begin(), args.end(), [](const std::string& arg) { return arg == "--help" || arg == "-h"; });
}

} // namespace

int runCommandLine(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && (args[0] == "--version" || args[0] == "version")) {
        std::printf("fieldbook-server %s (schema %d, contract 1.2)\n", std::string(serverVersion()).c_str(),
                    kSchemaVersion);
        return 0;
    }
    if (args.size() >= 2 && (args[0] == "serve" || args[0] == "admin") && wantsHelp(args)) {
        std::fputs((args[0] == "serve" ? serveUsage() : adminUsage()).c_str(), stdout);
        return 0;
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "serve") {
            return runServe(args);
        }
        if (command == "admin") {
            return runAdmin(args);
        }
        throw UsageError("unknown command " + command + " (serve or admin)");
    } catch (const UsageError& e) {
        std::fprintf(stderr, "fieldbook-server: %s\n%s", e.what(), kUsage);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fieldbook-server: error: %s\n", e.what());
        return 1;
    }
}

} // namespace fieldbook::server
