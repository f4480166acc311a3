// Bounds on everything that crosses the wire. The server enforces them on input; the app keeps
// its own output within them so that nothing it writes can be refused for size.
#pragma once

#include <cstddef>

namespace fieldbook::limits {

inline constexpr std::size_t kMaxBodyBytes = std::size_t{4} * 1024 * 1024; // one HTTP request body
inline constexpr std::size_t kMaxChangesPerPush = 500;
inline constexpr std::size_t kMaxChangeBytes = std::size_t{64} * 1024; // one encoded change
inline constexpr std::size_t kMaxJsonDepth = 8;
inline constexpr std::size_t kMaxFieldsPerRecord = 64;
inline constexpr std::size_t kMaxStringBytes = std::size_t{16} * 1024; // any one string value
inline constexpr std::size_t kMaxArrayItems = 64;
inline constexpr std::size_t kDefaultPullLimit = 200;
inline constexpr std::size_t kMaxPullLimit = 1000;

} // namespace fieldbook::limits
