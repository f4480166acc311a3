#include "handlers/handlers.h"

#include "http/apierror.h"
#include "log/log.h"
#include "util/clock.h"

#include <set>

namespace fieldbook::server {

std::function<Admission(const Request&)> makeAdmission(ServerContext& context, std::size_t bodyLimit)
{
    return [&context, bodyLimit](const Request& head) {
        static const std::set<std::string> kOpenRoutes = {"/v1/health", "/v1/enrol", "/v1/token",
                                                          "/v1/openapi.yaml"};
        if (kOpenRoutes.count(head.path) > 0) {
            return Admission{std::nullopt, kOpenRouteBodyLimit};
        }
        try {
            auto store = context.stores.acquire();
            context.auth.authenticate(*store, head.authorization, context.clock.seconds());
        } catch (const ApiException& e) {
            return Admission{errorResponse(e.error(), e.what()), 0};
        }
        return Admission{std::nullopt, bodyLimit};
    };
}

} // namespace fieldbook::server
