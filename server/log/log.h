// Structured logs: one JSON object per line on stderr. Callers pass ids, codes, counts and
// durations only; never bodies, tokens, codes, names or other personal data. Thread-safe.
#pragma once

#include <boost/json/object.hpp>

#include <string_view>

namespace fieldbook::server {

void logLine(std::string_view level, boost::json::object fields);

// Switches the request log off (benchmarks); errors are always written.
void setRequestLogEnabled(bool enabled);
bool requestLogEnabled();

} // namespace fieldbook::server
