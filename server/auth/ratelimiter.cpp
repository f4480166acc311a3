#include "auth/ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace fieldbook::server {

namespace {
constexpr std::size_t kMaxBuckets = 10000;
}

RateLimiter::RateLimiter(double perMinute, double burst)
    : m_perSecond(std::max(perMinute, 0.001) / 60.0)
    , m_burst(std::max(burst, 1.0))
{
}

void RateLimiter::refill(Bucket& bucket, Clock::time_point now) const
{
    const double seconds = std::chrono::duration<double>(now - bucket.updated).count();
    if (seconds > 0) {
        bucket.tokens = std::min(m_burst, bucket.tokens + seconds * m_perSecond);
        bucket.updated = now;
    }
}

void RateLimiter::forgetFullBuckets(Clock::time_point now)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(it->second, now);
        if (it->second.tokens >= m_burst) {
            it = m_buckets.erase(it);
        } else {
            ++it;
        }
    }
}

bool RateLimiter::allow(std::string_view key, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    auto found = m_buckets.find(std::string(key));
    if (found == m_buckets.end()) {
        if (m_buckets.size() >= kMaxBuckets) {
            forgetFullBuckets(now);
        }
        found = m_buckets.emplace(std::string(key), Bucket{m_burst, now}).first;
    }
    Bucket& bucket = found->second;
    refill(bucket, now);
    if (bucket.tokens < 1.0) {
        return false;
    }
    bucket.tokens -= 1.0;
    return true;
}

int RateLimiter::retryAfter(std::string_view key, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_buckets.find(std::string(key));
    if (found == m_buckets.end()) {
        return 1;
    }
    refill(found->second, now);
    const double missing = std::max(0.0, 1.0 - found->second.tokens);
    return std::max(1, static_cast<int>(std::ceil(missing / m_perSecond)));
}

} // namespace fieldbook::server
