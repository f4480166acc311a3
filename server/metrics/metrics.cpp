#include "metrics/metrics.h"

#include <cstdio>

namespace fieldbook::server {

namespace {

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

// Label values here are ASCII from closed sets; quotes and backslashes are escaped all the same.
std::string label(const std::string& value)
{
    std::string out;
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
        }
        if (c != '\n') {
            out.push_back(c);
        }
    }
    return out;
}

template <typename Histogram, typename Buckets>
void renderHistogram(std::string& out, const std::string& name, const std::string& labels, const Histogram& histogram,
                     const Buckets& buckets)
{
    const std::string prefix = labels.empty() ? "" : labels + ",";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        cumulative += histogram.counts[i];
        out += name + "_bucket{" + prefix + "le=\"" + number(buckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + std::to_string(histogram.total) + "\n";
    const std::string braces = labels.empty() ? "" : "{" + labels + "}";
    out += name + "_sum" + braces + " " + number(histogram.sum) + "\n";
    out += name + "_count" + braces + " " + std::to_string(histogram.total) + "\n";
}

template <typename Histogram, typename Buckets>
void observe(Histogram& histogram, const Buckets& buckets, double value)
{
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        if (value <= buckets[i]) {
            ++histogram.counts[i];
            break;
        }
    }
    ++histogram.total;
    histogram.sum += value;
}

} // namespace

Metrics::Metrics(std::set<std::string> routes) : m_routes(std::move(routes)) {}

std::string Metrics::routeLabel(const std::string& path) const
{
    return m_routes.count(path) > 0 ? path : "other";
}

void Metrics::recordResponse(const std::string& method, const std::string& path, int status, double seconds)
{
    const std::string route = routeLabel(path);
    const std::string verb = method == "GET" || method == "POST" || method == "PUT" || method == "DELETE" ||
                                     method == "HEAD" || method == "PATCH" || method == "OPTIONS"
                                 ? method
                                 : "other";
    const std::lock_guard lock(m_mutex);
    ++m_requests[{verb, route, status}];
    observe(m_latency[route], kLatencyBuckets, seconds);
}

void Metrics::recordPushOutcome(const PushResult& result)
{
    // invalid:<field> names a form field: counted by kind, not by field.
    std::pair<std::string, std::string> key{pushStatusName(result.status), result.reason.kind()};
    const std::lock_guard lock(m_mutex);
    ++m_pushOutcomes[std::move(key)];
}

void Metrics::recordPullSize(std::size_t changes)
{
    const std::lock_guard lock(m_mutex);
    observe(m_pullSizes, kPullBuckets, static_cast<double>(changes));
}

void Metrics::setOpenConnections(std::size_t open)
{
    const std::lock_guard lock(m_mutex);
    m_openConnections = open;
}

std::string Metrics::render() const
{
    std::string out;
    const std::int64_t databaseBytes = m_databaseSize ? m_databaseSize() : 0;
    const std::lock_guard lock(m_mutex);
    out += "# HELP fieldbook_http_requests_total HTTP requests answered, by method, route and status.\n";
    out += "# TYPE fieldbook_http_requests_total counter\n";
    for (const auto& [key, count] : m_requests) {
        const auto& [method, route, status] = key;
        out += "fieldbook_http_requests_total{method=\"" + label(method) + "\",route=\"" + label(route) +
               "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP fieldbook_http_request_duration_seconds Time from the request's headers to its answer.\n";
    out += "# TYPE fieldbook_http_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : m_latency) {
        renderHistogram(out, "fieldbook_http_request_duration_seconds", "route=\"" + label(route) + "\"", histogram,
                        kLatencyBuckets);
    }
    out += "# HELP fieldbook_push_changes_total Pushed changes, by outcome and reason.\n";
    out += "# TYPE fieldbook_push_changes_total counter\n";
    for (const auto& [key, count] : m_pushOutcomes) {
        out += "fieldbook_push_changes_total{status=\"" + label(key.first) + "\",reason=\"" + label(key.second) +
               "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP fieldbook_pull_changes Changes in one pull answer.\n";
    out += "# TYPE fieldbook_pull_changes histogram\n";
    renderHistogram(out, "fieldbook_pull_changes", "", m_pullSizes, kPullBuckets);
    out += "# HELP fieldbook_open_connections Connections open now.\n";
    out += "# TYPE fieldbook_open_connections gauge\n";
    out += "fieldbook_open_connections " + std::to_string(m_openConnections) + "\n";
    out += "# HELP fieldbook_database_bytes Size of the database on disk (main file and write-ahead log).\n";
    out += "# TYPE fieldbook_database_bytes gauge\n";
    out += "fieldbook_database_bytes " + std::to_string(databaseBytes) + "\n";
    return out;
}

} // namespace fieldbook::server
