// Pull cursors: opaque to clients, a server sequence inside. Encoded so that a client cannot
// confuse them with numbers, and validated on the way in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fieldbook {

std::string encodeCursor(std::int64_t sequence);
// nullopt for anything not produced by encodeCursor; "" decodes to 0 (from the start).
std::optional<std::int64_t> decodeCursor(std::string_view cursor);

} // namespace fieldbook
