#include "handlers/handlers.h"

#include "handlers/requestbody.h"
#include "http/apierror.h"
#include "model/dates.h"
#include "rules/review.h"

#include <boost/json/serialize.hpp>

#include <charconv>

namespace fieldbook::server {

namespace {

// Small bodies: an id, a code and a note of at most kMaxReviewTextBytes.
constexpr std::size_t kMaxReviewBody = kMaxReviewTextBytes + 1024;

std::size_t reviewLimit(const Request& request)
{
    const auto found = request.query.find("limit");
    if (found == request.query.end()) {
        return ReviewService::kDefaultLimit;
    }
    const std::string& text = found->second;
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 1 ||
        value > ReviewService::kMaxLimit) {
        throw ApiException(ApiError::BadRequest,
                           "limit must be a whole number from 1 to " + std::to_string(ReviewService::kMaxLimit) + ".");
    }
    return value;
}

Response listHeld(ServerContext& context, const Request& request)
{
    auto store = context.stores.acquire();
    const std::int64_t now = context.clock.seconds();
    const Caller caller = context.auth.authenticate(*store, request.authorization, now);
    const boost::json::object answer = context.review.held(*store, caller, reviewLimit(request), now);
    Response response = jsonResponse(200, boost::json::serialize(answer));
    response.deviceId = caller.deviceId;
    return response;
}

Response decide(ServerContext& context, const Request& request)
{
    auto store = context.stores.acquire();
    const std::int64_t now = context.clock.seconds();
    const Caller caller = context.auth.authenticate(*store, request.authorization, now);
    // Refused before the body is read: a role that may not decide learns nothing from the answer.
    if (!mayDecideHeld(caller.user.roles)) {
        throw ApiException(ApiError::Forbidden, "Only a safeguarding officer decides on a held record.");
    }
    const boost::json::object body = objectBody(request, kMaxReviewBody);
    ReviewRequest review;
    review.changeId = requiredString(body, "change_id", 64);
    review.decision = requiredString(body, "decision", 32);
    review.note = requiredString(body, "note", kMaxReviewTextBytes);
    const ReviewOutcome outcome = context.review.decide(*store, caller, review, now);
    Response response = jsonResponse(200, boost::json::serialize(boost::json::object{
                                              {"change_id", outcome.changeId},
                                              {"state", pushStatusName(outcome.state)},
                                              {"decision_id", outcome.decisionId},
                                          }));
    response.deviceId = caller.deviceId;
    return response;
}

Response breakGlass(ServerContext& context, const Request& request)
{
    auto store = context.stores.acquire();
    const std::int64_t now = context.clock.seconds();
    const Caller caller = context.auth.authenticate(*store, request.authorization, now);
    if (!mayBreakGlass(caller.user.roles)) {
        throw ApiException(ApiError::Forbidden, "Only a safeguarding officer may break the glass on a case.");
    }
    const boost::json::object body = objectBody(request, kMaxReviewBody);
    const std::string caseId = requiredString(body, "case_id", 64);
    const std::string reason = requiredString(body, "reason", kMaxReviewTextBytes);
    const BreakGlassOutcome outcome = context.breakGlass.grant(*store, caller, caseId, reason, now);
    Response response = jsonResponse(201, boost::json::serialize(boost::json::object{
                                              {"case_id", outcome.caseId},
                                              {"expires_at", formatInstant(outcome.expiresAt)},
                                              {"grant_id", outcome.grantId},
                                          }));
    response.deviceId = caller.deviceId;
    return response;
}

} // namespace

void addReviewRoutes(Router& router, ServerContext& context)
{
    router.add("GET", "/v1/review", [&context](const Request& request) { return listHeld(context, request); });
    router.add("POST", "/v1/review", [&context](const Request& request) { return decide(context, request); });
    router.add("POST", "/v1/break-glass", [&context](const Request& request) { return breakGlass(context, request); });
}

} // namespace fieldbook::server
