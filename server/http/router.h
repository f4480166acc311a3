// From method and path to a handler function. Handlers are plain functions of Request to
// Response; they throw ApiException for anything a client did wrong. Runs on worker threads:
// the route table is built before the server starts and only read afterwards.
#pragma once

#include "http/message.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace fieldbook::server {

using Handler = std::function<Response(const Request&)>;

class Router
{
public:
    void add(std::string method, std::string path, Handler handler);

    // Never throws: an ApiException becomes its JSON error; anything else becomes a JSON 500
    // (the log line says what, the client is told nothing of the internals).
    Response handle(const Request& request) const;

    // Every path with a route (for metrics labels, which must come from a closed set).
    std::set<std::string> paths() const;

private:
    struct Route
    {
        std::string method;
        std::string path;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace fieldbook::server
