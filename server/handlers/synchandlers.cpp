#include "handlers/handlers.h"

#include "handlers/requestbody.h"
#include "http/apierror.h"
#include "sync/limits.h"
#include "sync/protocol.h"
#include "util/clock.h"

#include <boost/json/serialize.hpp>

#include <charconv>

namespace fieldbook::server {

namespace {

std::size_t pullLimit(const Request& request)
{
    const auto found = request.query.find("limit");
    if (found == request.query.end()) {
        return limits::kDefaultPullLimit;
    }
    const std::string& text = found->second;
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 1 ||
        value > limits::kMaxPullLimit) {
        throw ApiException(ApiError::BadRequest,
                           "limit must be a whole number from 1 to " + std::to_string(limits::kMaxPullLimit) + ".");
    }
    return value;
}

Response push(ServerContext& context, const Request& request)
{
    auto store = context.stores.acquire();
    const std::int64_t now = context.clock.seconds();
    const Caller caller = context.auth.authenticate(*store, request.authorization, now);
    const boost::json::value body = jsonBody(request, limits::kMaxBodyBytes);
    std::vector<PushResult> results;
    if (context.writer != nullptr) {
        context.writer->run([&](Store& writer) { results = context.push.push(writer, caller, body, now); });
    } else {
        results = context.push.push(*store, caller, body, now);
    }
    if (context.metrics != nullptr) {
        for (const auto& result : results) {
            context.metrics->recordPushOutcome(result);
        }
    }
    Response response = jsonResponse(200, boost::json::serialize(encodePushResults(results)));
    response.deviceId = caller.deviceId;
    return response;
}

Response pull(ServerContext& context, const Request& request)
{
    auto store = context.stores.acquire();
    const std::int64_t now = context.clock.seconds();
    const Caller caller = context.auth.authenticate(*store, request.authorization, now);
    const auto cursor = request.query.find("cursor");
    const PullPage page = context.pull.pull(*store, caller, cursor == request.query.end() ? "" : cursor->second,
                                            pullLimit(request), now);
    if (context.metrics != nullptr) {
        context.metrics->recordPullSize(page.changes.size());
    }
    Response response = jsonResponse(200, boost::json::serialize(encodePullPage(page)));
    response.deviceId = caller.deviceId;
    return response;
}

} // namespace

void addSyncRoutes(Router& router, ServerContext& context)
{
    router.add("POST", "/v1/sync/push", [&context](const Request& request) { return push(context, request); });
    router.add("GET", "/v1/sync/pull", [&context](const Request& request) { return pull(context, request); });
}

} // namespace fieldbook::server
