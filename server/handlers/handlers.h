// The API's endpoints as plain functions of Request to Response (see server/api/openapi.yaml).
// They run on worker threads; everything they share is either immutable or thread-safe.
#pragma once

#include "auth/authservice.h"
#include "auth/ratelimiter.h"
#include "http/router.h"
#include "model/formdefinition.h"
#include "store/storepool.h"
#include "sync/pullservice.h"
#include "sync/pushservice.h"

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
};

// GET /v1/health, GET /v1/forms, GET /v1/me
void addInfoRoutes(Router& router, ServerContext& context);
// POST /v1/enrol, POST /v1/token
void addAuthRoutes(Router& router, ServerContext& context);
// POST /v1/sync/push, GET /v1/sync/pull
void addSyncRoutes(Router& router, ServerContext& context);
// GET /v1/reports/monthly
void addReportRoutes(Router& router, ServerContext& context);

inline void addAllRoutes(Router& router, ServerContext& context)
{
    addInfoRoutes(router, context);
    addAuthRoutes(router, context);
    addSyncRoutes(router, context);
    addReportRoutes(router, context);
}

} // namespace fieldbook::server
