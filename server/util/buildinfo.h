// What this binary is: its version (the project's, from CMake) and the documents built into it.
#pragma once

#include <string_view>

namespace fieldbook::server {

std::string_view serverVersion();
// server/api/openapi.yaml as it was when the server was built.
std::string_view openApiDocument();

} // namespace fieldbook::server
