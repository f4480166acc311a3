#include "sync/cursor.h"

#include <cstdio>

namespace fieldbook {

namespace {

constexpr std::string_view kPrefix = "c1.";
constexpr std::size_t kHexDigits = 16;

} // namespace

// "c1." + 16 lowercase hex digits of the sequence: fixed length, versioned, never a bare number.
std::string encodeCursor(std::int64_t sequence)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%016llx",
                  static_cast<unsigned long long>(sequence < 0 ? 0 : sequence));
    return std::string(kPrefix) + buffer;
}

std::optional<std::int64_t> decodeCursor(std::string_view cursor)
{
    if (cursor.empty()) {
        return 0;
    }
    if (cursor.size() != kPrefix.size() + kHexDigits || cursor.substr(0, kPrefix.size()) != kPrefix) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (const char c : cursor.substr(kPrefix.size())) {
        int digit = 0;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            digit = c - 'a' + 10;
        } else {
            return std::nullopt;
        }
        value = value * 16 + static_cast<std::uint64_t>(digit);
    }
    if (value > static_cast<std::uint64_t>(INT64_MAX)) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(value);
}

} // namespace fieldbook
