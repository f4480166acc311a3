// Token-bucket rate limiting per key (the peer address): `perMinute` calls refill evenly, up to
// `burst` at once. Guards enrolment and token calls against guessing. Thread-safe; memory is
// bounded by forgetting buckets that have refilled.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fieldbook::server {

class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double perMinute, double burst);

    // True when the call may go ahead (and counts it); false when the caller must wait.
    bool allow(std::string_view key, Clock::time_point now = Clock::now());
    // Whole seconds until the next call for `key` would be allowed (at least 1).
    int retryAfter(std::string_view key, Clock::time_point now = Clock::now());

private:
    struct Bucket
    {
        double tokens = 0;
        Clock::time_point updated;
    };
    void refill(Bucket& bucket, Clock::time_point now) const;
    void forgetFullBuckets(Clock::time_point now);

    double m_perSecond;
    double m_burst;
    std::mutex m_mutex; // guards m_buckets
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace fieldbook::server
