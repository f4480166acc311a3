// The one error channel of the HTTP API: every failure a client can see is an ApiError, mapped
// to one HTTP status and a JSON body {"error": code, "message": text}. Codes are part of the
// documented API (server/api/openapi.yaml): add new ones, never rename.
#pragma once

#include "http/message.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace fieldbook::server {

enum class ApiError {
    BadRequest,       // 400 bad_request: a field is missing or wrong (the message names it)
    InvalidJson,      // 400 invalid_json: the body is not JSON or breaks a bound
    InvalidCursor,    // 400 invalid_cursor
    Unauthorized,     // 401 unauthorized: no token, unknown token, wrong refresh token
    TokenExpired,     // 401 token_expired: ask /v1/token for a new one
    DeviceRevoked,    // 401 device_revoked: the device must wipe its data
    CodeInvalid,      // 403 code_invalid: enrolment code unknown, used or expired
    Forbidden,        // 403 forbidden
    NotFound,         // 404 not_found
    MethodNotAllowed, // 405 method_not_allowed
    TooLarge,         // 413 too_large
    UnsupportedMedia, // 415 unsupported_media_type: a body that is not application/json
    HeadersTooLarge,  // 431 headers_too_large
    RateLimited,      // 429 rate_limited (Retry-After says when to try again)
    Busy,             // 503 busy: too many requests in flight, try again shortly
    Internal          // 500 internal: a bug; the details are in the server's log, never in the answer
};

int httpStatus(ApiError error);
std::string_view errorCode(ApiError error);

// The JSON error answer for `error` with a sentence saying what was wrong.
Response errorResponse(ApiError error, std::string_view message);

// Thrown by services and handlers; the router turns it into errorResponse().
class ApiException : public std::runtime_error
{
public:
    ApiException(ApiError error, const std::string& message, int retryAfterSeconds = 0)
        : std::runtime_error(message)
        , m_error(error)
        , m_retryAfter(retryAfterSeconds)
    {
    }
    ApiError error() const { return m_error; }
    // Seconds for a Retry-After header (rate_limited, busy); 0 for none.
    int retryAfter() const { return m_retryAfter; }

private:
    ApiError m_error;
    int m_retryAfter;
};

// A JSON body: Content-Type application/json, the given status.
Response jsonResponse(int status, std::string body);

} // namespace fieldbook::server
