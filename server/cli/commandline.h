// fieldbook-server's command line: `serve` and `admin` (server/api/openapi.yaml and the README
// describe both). Answers go to stdout, one per line; diagnostics to stderr. Exit codes: 0 done,
// 1 failed, 2 wrong usage.
#pragma once

#include <string>
#include <vector>

namespace fieldbook::server {

int runCommandLine(int argc, char** argv);

int runServe(const std::vector<std::string>& args);
// `serve --help`: every option with its default.
std::string serveUsage();
// `admin --help`: every command and option with its default.
std::string adminUsage();
int runAdmin(const std::vector<std::string>& args);

} // namespace fieldbook::server
