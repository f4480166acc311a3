// Wall-clock time as the server stores it: whole seconds since the epoch, UTC.
#pragma once

#include "model/dates.h"

#include <atomic>
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

// The clock the request handlers read, injected through the ServerContext so that a test can
// run the server as at a later time (break-the-glass grants expire after four hours). The offset
// is fixed at start (`serve --test-clock-offset`) or moved in process; production runs with 0.
class Clock
{
public:
    explicit Clock(std::int64_t offsetSeconds = 0) : m_offset(offsetSeconds) {}

    std::int64_t seconds() const { return nowSeconds() + m_offset.load(std::memory_order_relaxed); }
    // The monotonic clock moved by the same offset, for what counts intervals (the rate limiters),
    // so that a test that moves the clock on refills their buckets too.
    std::chrono::steady_clock::time_point steady() const
    {
        return std::chrono::steady_clock::now() + std::chrono::seconds(m_offset.load(std::memory_order_relaxed));
    }
    void advance(std::int64_t seconds) { m_offset.fetch_add(seconds, std::memory_order_relaxed); }
    std::int64_t offset() const { return m_offset.load(std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> m_offset;
};

// The UTC calendar day of an instant in seconds.
inline Date dayOf(std::int64_t seconds)
{
    return Date::fromEpochSeconds(seconds);
}

} // namespace fieldbook::server
