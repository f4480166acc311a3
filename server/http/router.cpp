#include "http/router.h"

#include "http/apierror.h"

#include "log/log.h"

#include <exception>

namespace fieldbook::server {

void Router::add(std::string method, std::string path, Handler handler)
{
    m_routes.push_back(Route{std::move(method), std::move(path), std::move(handler)});
}

std::set<std::string> Router::paths() const
{
    std::set<std::string> out;
    for (const Route& route : m_routes) {
        out.insert(route.path);
    }
    return out;
}

Response Router::handle(const Request& request) const
{
    std::string allowed;
    for (const Route& route : m_routes) {
        if (route.path != request.path) {
            continue;
        }
        if (route.method != request.method) {
            allowed += allowed.empty() ? route.method : ", " + route.method;
            continue;
        }
        try {
            return route.handler(request);
        } catch (const ApiException& e) {
            Response response = errorResponse(e.error(), e.what());
            if (e.retryAfter() > 0) {
                response.headers.emplace_back("Retry-After", std::to_string(e.retryAfter()));
            }
            return response;
        } catch (const std::exception& e) {
            // The message may carry SQL or file names: it goes to the log, not to the client.
            logLine("error", {{"path", route.path}, {"what", std::string("handler failed: ") + e.what()}});
            return errorResponse(ApiError::Internal, "The server could not complete the request.");
        }
    }
    if (!allowed.empty()) {
        Response response = errorResponse(ApiError::MethodNotAllowed, request.method + " is not allowed on " +
                                                                          request.path + " (allowed: " + allowed + ")");
        response.headers.emplace_back("Allow", allowed);
        return response;
    }
    return errorResponse(ApiError::NotFound, "There is no endpoint at this path.");
}

} // namespace fieldbook::server
