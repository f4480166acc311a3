// Wall-clock time as the server stores it: whole seconds since the epoch, UTC.
#pragma once

#include "model/dates.h"

#include <chrono>
#include <cstdint>

namespace fieldbook::server {

inline std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

inline std::int64_t nowMillis()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The UTC calendar day of an instant in seconds.
inline Date dayOf(std::int64_t seconds)
{
    return Date::fromDays(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
}

} // namespace fieldbook::server
