#include "log/log.h"

#include "model/dates.h"

#include <boost/json/serialize.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace fieldbook::server {

namespace {
std::mutex logMutex;
std::atomic<bool> requestLog{true};
} // namespace

void logLine(std::string_view level, boost::json::object fields)
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    boost::json::object line;
    line["t"] = formatInstant(std::chrono::duration_cast<std::chrono::seconds>(now).count());
    line["level"] = level;
    for (auto& field : fields) {
        line[field.key()] = std::move(field.value());
    }
    const std::string text = boost::json::serialize(line);
    const std::lock_guard lock(logMutex);
    std::fputs(text.c_str(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void setRequestLogEnabled(bool enabled)
{
    requestLog = enabled;
}

bool requestLogEnabled()
{
    return requestLog;
}

} // namespace fieldbook::server
