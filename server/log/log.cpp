#include "log/log.h"

#include "model/dates.h"

#include <boost/json/serialize.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace fieldbook::server {

namespace {
std::mutex logMutex;
std::atomic<bool> requestLog{true};
std::atomic<int> minimumLevel{1};
thread_local std::string currentRequest;

int levelRank(std::string_view level)
{
    if (level == "debug") {
        return 0;
    }
    if (level == "info") {
        return 1;
    }
    if (level == "warning") {
        return 2;
    }
    if (level == "error") {
        return 3;
    }
    return -1;
}
} // namespace

bool setLogLevel(std::string_view level)
{
    const int rank = levelRank(level);
    if (rank < 0) {
        return false;
    }
    minimumLevel = rank;
    return true;
}

LogRequestScope::LogRequestScope(std::string_view requestId)
{
    currentRequest = std::string(requestId);
}

LogRequestScope::~LogRequestScope()
{
    currentRequest.clear();
}

void logLine(std::string_view level, boost::json::object fields)
{
    if (levelRank(level) < minimumLevel) {
        return;
    }
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    boost::json::object line;
    line["t"] = formatInstant(std::chrono::duration_cast<std::chrono::seconds>(now).count());
    line["level"] = level;
    if (!currentRequest.empty()) {
        line["request"] = currentRequest;
    }
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
