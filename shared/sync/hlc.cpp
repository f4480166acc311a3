#include "sync/hlc.h"

#include "model/ids.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <tuple>

namespace fieldbook {

namespace {

constexpr std::int64_t kMaxMillis = 9'999'999'999'999;
constexpr int kMaxCounter = 999'999;
constexpr std::size_t kStampLength = 13 + 1 + 6 + 1 + 32;

} // namespace

std::optional<HlcStamp> HlcStamp::parse(std::string_view text)
{
    if (text.size() != kStampLength || text[13] != '-' || text[20] != '-') {
        return std::nullopt;
    }
    HlcStamp stamp;
    for (std::size_t i = 0; i < 13; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        stamp.millis = stamp.millis * 10 + (text[i] - '0');
    }
    for (std::size_t i = 14; i < 20; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        stamp.counter = stamp.counter * 10 + (text[i] - '0');
    }
    const std::string_view node = text.substr(21);
    if (!isId(node)) {
        return std::nullopt;
    }
    stamp.node = std::string(node);
    return stamp;
}

std::string HlcStamp::toString() const
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%013lld-%06d-", static_cast<long long>(millis), counter);
    return buffer + node;
}

bool isHlc(std::string_view text)
{
    return HlcStamp::parse(text).has_value();
}

HybridClock::HybridClock(std::string node, std::string_view lastIssued) : m_node(std::move(node))
{
    if (!isId(m_node)) {
        throw std::invalid_argument("HybridClock: the node id must be 32 lowercase hex characters");
    }
    if (const auto last = HlcStamp::parse(lastIssued)) {
        m_millis = last->millis;
        m_counter = last->counter;
    }
}

std::string HybridClock::tick(std::int64_t nowMillis)
{
    if (nowMillis > m_millis && nowMillis <= kMaxMillis) {
        m_millis = nowMillis;
        m_counter = 0;
    } else if (m_counter < kMaxCounter) {
        ++m_counter;
    } else {
        // A million stamps in one millisecond: borrow the next millisecond rather than wrap.
        ++m_millis;
        m_counter = 0;
    }
    return last();
}

void HybridClock::observe(std::string_view stamp, std::int64_t nowMillis)
{
    const auto seen = HlcStamp::parse(stamp);
    if (!seen) {
        return;
    }
    // Keep the greater of (local, seen); the next tick then sorts after both. The wall clock only
    // moves the clock forward in tick(), so observe() never loses what was already issued.
    (void)nowMillis;
    if (std::tie(seen->millis, seen->counter) > std::tie(m_millis, m_counter)) {
        m_millis = seen->millis;
        m_counter = seen->counter;
    }
}

std::string HybridClock::last() const
{
    return HlcStamp{m_millis, m_counter, m_node}.toString();
}

std::int64_t wallClockMillis()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace fieldbook
