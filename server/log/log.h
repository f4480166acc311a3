// Structured logs: one JSON object per line on stderr. Callers pass ids, codes, counts and
// durations only; never bodies, tokens, codes, names or other personal data. Thread-safe.
#pragma once

#include <boost/json/object.hpp>

#include <string_view>

namespace fieldbook::server {

// Levels, least to most severe: debug, info, warning, error. Lines below the minimum are dropped.
void logLine(std::string_view level, boost::json::object fields);

// "debug", "info", "warning" or "error"; false (and no change) for another word.
bool setLogLevel(std::string_view level);

// While it lives, every log line written on this thread carries "request": id.
class LogRequestScope
{
public:
    explicit LogRequestScope(std::string_view requestId);
    ~LogRequestScope();
    LogRequestScope(const LogRequestScope&) = delete;
    LogRequestScope& operator=(const LogRequestScope&) = delete;
};

// Switches the request log off (benchmarks); errors are always written.
void setRequestLogEnabled(bool enabled);
bool requestLogEnabled();

} // namespace fieldbook::server
