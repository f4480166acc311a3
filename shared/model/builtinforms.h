// The form definition documents compiled into the library (generated from shared/forms/*.json by
// shared/cmake/embedforms.cmake). Internal to the core: others use FormRegistry::builtin().
#pragma once

#include <string_view>
#include <vector>

namespace fieldbook::detail {

struct BuiltinFormDocument
{
    std::string_view fileName;
    std::string_view text;
};

const std::vector<BuiltinFormDocument>& builtinFormDocuments();

} // namespace fieldbook::detail
