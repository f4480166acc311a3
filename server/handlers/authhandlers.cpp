#include "handlers/handlers.h"

#include "crypto/hash.h"
#include "handlers/requestbody.h"
#include "http/apierror.h"
#include "util/clock.h"

#include <boost/json/serialize.hpp>

namespace fieldbook::server {

namespace {

constexpr std::size_t kMaxAuthBody = 4096;

void limitRate(RateLimiter& limiter, const Request& request, const Clock& clock)
{
    const auto now = clock.steady();
    if (!limiter.allow(request.peer, now)) {
        const int wait = limiter.retryAfter(request.peer, now);
        throw ApiException(ApiError::RateLimited,
                           "Too many attempts from this address; try again in " + std::to_string(wait) + " s.", wait);
    }
}

Response enrol(ServerContext& context, const Request& request)
{
    limitRate(context.enrolLimiter, request, context.clock);
    if (context.enrolGlobalLimiter != nullptr && !context.enrolGlobalLimiter->allow("", context.clock.steady())) {
        const int wait = context.enrolGlobalLimiter->retryAfter("", context.clock.steady());
        throw ApiException(ApiError::RateLimited,
                           "Too many enrolments at once; try again in " + std::to_string(wait) + " s.", wait);
    }
    const boost::json::object body = objectBody(request, kMaxAuthBody);
    const std::string code = requiredString(body, "code", 64);
    // Counted by a hash: the limiter's memory never holds a code.
    const std::string codeKey = crypto::sha256Hex(AuthService::normaliseCode(code));
    if (context.enrolCodeLimiter != nullptr && !context.enrolCodeLimiter->allow(codeKey, context.clock.steady())) {
        const int wait = context.enrolCodeLimiter->retryAfter(codeKey, context.clock.steady());
        throw ApiException(ApiError::RateLimited,
                           "Too many attempts with this code; try again in " + std::to_string(wait) + " s.", wait);
    }
    const std::string deviceName = requiredString(body, "device_name", 400);
    const std::string publicKey = requiredString(body, "public_key", 64);
    auto store = context.stores.acquire();
    const auto enrolment = context.auth.enrol(*store, code, deviceName, publicKey, context.clock.seconds());
    Response response = jsonResponse(201, boost::json::serialize(boost::json::object{
                                              {"device_id", enrolment.deviceId},
                                              {"user_id", enrolment.userId},
                                              {"refresh_token", enrolment.refreshToken},
                                          }));
    response.deviceId = enrolment.deviceId;
    return response;
}

Response token(ServerContext& context, const Request& request)
{
    limitRate(context.tokenLimiter, request, context.clock);
    const boost::json::object body = objectBody(request, kMaxAuthBody);
    const std::string deviceId = requiredString(body, "device_id", 64);
    const std::string refreshToken = requiredString(body, "refresh_token", 256);
    auto store = context.stores.acquire();
    const auto issued = context.auth.issueAccessToken(*store, deviceId, refreshToken, context.clock.seconds());
    Response response = jsonResponse(200, boost::json::serialize(boost::json::object{
                                              {"access_token", issued.token},
                                              {"token_type", "Bearer"},
                                              {"expires_in", issued.expiresIn},
                                              {"refresh_token", issued.refreshToken},
                                          }));
    response.deviceId = deviceId;
    return response;
}

} // namespace

void addAuthRoutes(Router& router, ServerContext& context)
{
    router.add("POST", "/v1/enrol", [&context](const Request& request) { return enrol(context, request); });
    router.add("POST", "/v1/token", [&context](const Request& request) { return token(context, request); });
}

} // namespace fieldbook::server
