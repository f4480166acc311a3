// The API's endpoints as plain functions of Request to Response (see server/api/openapi.yaml).
// They run on worker threads; everything they share is either immutable or thread-safe.
#pragma once

#include "auth/authservice.h"
#include "auth/ratelimiter.h"
#include "http/router.h"
#include "metrics/metrics.h"
#include "net/httpserver.h"
#include "model/formdefinition.h"
#include "store/storepool.h"
#include "store/writequeue.h"
#include "sync/breakglass.h"
#include "sync/pullservice.h"
#include "sync/pushservice.h"
#include "sync/reviewservice.h"
#include "util/clock.h"

namespace fieldbook::server {

struct ServerContext
{
    StorePool& stores;
    const AuthService& auth;
    const PushService& push;
    const PullService& pull;
    const FormRegistry& forms;
    RateLimiter& enrolLimiter; // per peer address
    RateLimiter& tokenLimiter; // per peer address
    const ReviewService& review;
    const BreakGlassService& breakGlass;
    const Clock& clock; // every handler's "now": tests run the server as at a later time
    RateLimiter* enrolGlobalLimiter = nullptr; // every address together
    RateLimiter* enrolCodeLimiter = nullptr;   // per code presented
    Metrics* metrics = nullptr;
    // SQLite: pushes are judged and written by its one writer (store/writequeue.h); null on
    // PostgreSQL, whose connections write side by side.
    WriteQueue* writer = nullptr;
};

// The body limit of the routes that need no token (enrol, token, health): enough for their
// small JSON bodies, and all an unauthenticated caller may make the server hold.
inline constexpr std::size_t kOpenRouteBodyLimit = 16UL * 1024;

// Decides, from the headers alone, whether a request's body is read: the open routes get
// kOpenRouteBodyLimit; every other route needs a valid access token (else its 401 or
// device_revoked answer goes out unread) and then gets `bodyLimit`.
std::function<Admission(const Request&)> makeAdmission(ServerContext& context, std::size_t bodyLimit);

// GET /v1/health, GET /v1/forms, GET /v1/me, GET /v1/openapi.yaml
void addInfoRoutes(Router& router, ServerContext& context);
// POST /v1/enrol, POST /v1/token
void addAuthRoutes(Router& router, ServerContext& context);
// POST /v1/sync/push, GET /v1/sync/pull
void addSyncRoutes(Router& router, ServerContext& context);
// GET /v1/review, POST /v1/review, POST /v1/break-glass
void addReviewRoutes(Router& router, ServerContext& context);
// GET /v1/reports/monthly
void addReportRoutes(Router& router, ServerContext& context);
// GET /v1/team (coordinators and practitioners: their team's users by name)
void addTeamRoutes(Router& router, ServerContext& context);

inline void addAllRoutes(Router& router, ServerContext& context)
{
    addInfoRoutes(router, context);
    addAuthRoutes(router, context);
    addSyncRoutes(router, context);
    addReviewRoutes(router, context);
    addReportRoutes(router, context);
    addTeamRoutes(router, context);
}

} // namespace fieldbook::server
