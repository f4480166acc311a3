#include "handlers/handlers.h"

#include "http/apierror.h"
#include "log/log.h"
#include "store/schema.h"
#include "util/buildinfo.h"
#include "rules/access.h"
#include "rules/writerules.h"
#include "util/clock.h"

#include <boost/json/serialize.hpp>

#include <memory>

namespace fieldbook::server {

namespace {

// Liveness and readiness in one: "ok" only when the store answers a read.
Response health(ServerContext& context)
{
    boost::json::object body{{"status", "ok"}, {"version", serverVersion()}, {"schema_version", kSchemaVersion}};
    try {
        auto store = context.stores.acquire();
        store->readTransaction([&] { store->lastSequence(); });
        body["store"] = "ok";
    } catch (const std::exception& e) {
        logLine("error", {{"event", "health"}, {"what", std::string("store not ready: ") + e.what()}});
        body["status"] = "unavailable";
        body["store"] = "failed";
        body["error"] = "unavailable";
        body["message"] = "The server's store does not answer.";
        return jsonResponse(503, boost::json::serialize(body));
    }
    return jsonResponse(200, boost::json::serialize(body));
}

Response forms(ServerContext& context, const Request& request, const std::string& cached)
{
    auto store = context.stores.acquire();
    const Caller caller = context.auth.authenticate(*store, request.authorization, context.clock.seconds());
    Response response = jsonResponse(200, cached);
    response.deviceId = caller.deviceId;
    return response;
}

Response me(ServerContext& context, const Request& request)
{
    auto store = context.stores.acquire();
    const Caller caller = context.auth.authenticate(*store, request.authorization, context.clock.seconds());
    boost::json::array roles;
    for (const Role role : caller.user.roles.list()) {
        roles.emplace_back(roleName(role));
    }
    boost::json::array writable;
    for (const auto& type : writableRecordTypes(caller.user.roles)) {
        writable.emplace_back(type);
    }
    Response response = jsonResponse(200, boost::json::serialize(boost::json::object{
                                              {"user_id", caller.user.id},
                                              {"name", caller.user.name},
                                              {"roles", std::move(roles)},
                                              {"team", caller.user.team},
                                              {"device_id", caller.deviceId},
                                              {"writable_record_types", std::move(writable)},
                                          }));
    response.deviceId = caller.deviceId;
    return response;
}

} // namespace

void addInfoRoutes(Router& router, ServerContext& context)
{
    router.add("GET", "/v1/health", [&context](const Request&) { return health(context); });
    // The definitions never change while the server runs: serialised once.
    auto cached = std::make_shared<const std::string>(boost::json::serialize(context.forms.toJson()));
    router.add("GET", "/v1/forms",
               [&context, cached](const Request& request) { return forms(context, request, *cached); });
    router.add("GET", "/v1/me", [&context](const Request& request) { return me(context, request); });
    router.add("GET", "/v1/openapi.yaml", [](const Request&) {
        Response response;
        response.body = std::string(openApiDocument());
        response.contentType = "application/yaml";
        return response;
    });
}

} // namespace fieldbook::server
