// The server's counters for `GET /metrics` (Prometheus text format 0.0.4), served on a separate
// listener bound to localhost. Labels come from closed sets only (known routes, statuses, the
// push vocabulary), so that no client can grow them. Thread-safe.
#pragma once

#include "sync/protocol.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <tuple>

namespace fieldbook::server {

class Metrics
{
public:
    // `routes`: the paths the router knows; any other path is counted as "other".
    explicit Metrics(std::set<std::string> routes);

    void recordResponse(const std::string& method, const std::string& path, int status, double seconds);
    void recordPushOutcome(const PushResult& result);
    void recordPullSize(std::size_t changes);
    void setOpenConnections(std::size_t open);
    // Read when the metrics are rendered: the database's size on disk in bytes.
    void setDatabaseSize(std::function<std::int64_t()> size) { m_databaseSize = std::move(size); }

    std::string render() const;

private:
    static constexpr std::array<double, 11> kLatencyBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                            0.5,   1.0,  2.5,   5.0,  10.0};
    static constexpr std::array<double, 8> kPullBuckets{0, 1, 10, 50, 100, 250, 500, 1000};
    template <std::size_t N>
    struct Histogram
    {
        std::array<std::uint64_t, N> counts{};
        std::uint64_t total = 0;
        double sum = 0;
    };

    std::string routeLabel(const std::string& path) const;

    const std::set<std::string> m_routes;
    mutable std::mutex m_mutex; // guards every member below
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> m_requests;
    std::map<std::string, Histogram<kLatencyBuckets.size()>> m_latency;
    std::map<std::pair<std::string, std::string>, std::uint64_t> m_pushOutcomes;
    Histogram<kPullBuckets.size()> m_pullSizes;
    std::size_t m_openConnections = 0;
    std::function<std::int64_t()> m_databaseSize;
};

} // namespace fieldbook::server
