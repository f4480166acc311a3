// Hybrid logical clock: "<13-digit milliseconds>-<6-digit counter>-<node id>", so that string
// order is clock order. Each device ticks its own clock and observes the stamps it pulls, so a
// later edit anywhere sorts after everything it has seen, even with a wrong wall clock.
// Not thread-safe: one clock per device, used from one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fieldbook {

struct HlcStamp
{
    std::int64_t millis = 0;
    int counter = 0;
    std::string node; // 32 hex

    static std::optional<HlcStamp> parse(std::string_view text);
    std::string toString() const;
};

bool isHlc(std::string_view text);

class HybridClock
{
public:
    explicit HybridClock(std::string node, std::string_view lastIssued = {});

    // The next stamp for a local write at wall-clock time `nowMillis`.
    std::string tick(std::int64_t nowMillis);
    // Moves the clock past a stamp seen from elsewhere (ignored if unparsable).
    void observe(std::string_view stamp, std::int64_t nowMillis);
    std::string last() const;

private:
    std::int64_t m_millis = 0;
    int m_counter = 0;
    std::string m_node;
};

std::int64_t wallClockMillis();

} // namespace fieldbook
