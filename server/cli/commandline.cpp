#include "cli/commandline.h"

#include "cli/options.h"

#include <cstdio>
#include <exception>

namespace fieldbook::server {

namespace {

constexpr const char* kUsage = R"(usage:
  fieldbook-server serve --db PATH [--listen HOST:PORT] [--cert PEM --key PEM] [--key-file PATH]
        [--workers N] [--max-connections N] [--rate-enrol N] [--rate-token N]
        [--access-token-seconds N] [--read-timeout SECONDS] [--synchronous-normal] [--quiet]
  fieldbook-server admin --db PATH [--key-file PATH] COMMAND ...
      add-user --name NAME --role ROLE [--role ROLE ...] [--team TEAM]   prints the user id
      enrol-code --user USER_ID [--valid-hours N]                         prints a one-time code
      revoke-device --device DEVICE_ID
      list-users                                                          one JSON object a line
      list-devices [--user USER_ID]                                       one JSON object a line
      export --person PERSON_ID                                           one JSON object
      audit --since INSTANT [--limit N]                                   one JSON object a line
      rotate-key                                                          (server stopped)
      seed-demo                                                           one JSON object
      report monthly --month YYYY-MM [--format json|csv|pdf] [--out FILE] [--suppress-below N]
      import-population --establishment NAME --file CSV                   rows: ethnicity,count
roles: befriender play_volunteer prison_visitor mentor practitioner coordinator
       safeguarding_officer manager admin
)";

} // namespace

int runCommandLine(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
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
