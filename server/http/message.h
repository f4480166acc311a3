// Plain request and response values: the only HTTP types handlers see. The network layer
// (net/httpserver.cpp) converts Beast messages to and from these, so that Beast and OpenSSL
// headers stay in one translation unit.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fieldbook::server {

struct Request
{
    std::string method; // upper case: "GET", "POST", ...
    std::string target; // path and query as sent
    std::string path;   // without the query, not decoded (paths here are plain ASCII)
    std::map<std::string, std::string> query; // percent-decoded; a repeated key keeps the first value
    std::string authorization;                // the Authorization header, verbatim
    std::string contentType;
    std::string body;
    std::string peer; // remote address, for rate limits; never logged with personal data
    std::string requestId; // 16 hex characters, in every log line about the request and its answer's X-Request-Id
};

struct Response
{
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    // Only for the request log line: which device made the call, once it is known.
    std::string deviceId;
};

// Splits "path?query" and percent-decodes the query. Returns false for a target that is not
// origin-form or whose query is malformed (bad escapes, too many parameters).
bool parseTarget(Request& request);

} // namespace fieldbook::server
