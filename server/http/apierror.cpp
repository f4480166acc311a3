#include "http/apierror.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace fieldbook::server {

int httpStatus(ApiError error)
{
    switch (error) {
    case ApiError::BadRequest:
    case ApiError::InvalidJson:
    case ApiError::InvalidCursor:
        return 400;
    case ApiError::Unauthorized:
    case ApiError::TokenExpired:
    case ApiError::DeviceRevoked:
        return 401;
    case ApiError::CodeInvalid:
    case ApiError::Forbidden:
        return 403;
    case ApiError::NotFound:
        return 404;
    case ApiError::MethodNotAllowed:
        return 405;
    case ApiError::TooLarge:
        return 413;
    case ApiError::UnsupportedMedia:
        return 415;
    case ApiError::RateLimited:
        return 429;
    case ApiError::HeadersTooLarge:
        return 431;
    case ApiError::Busy:
        return 503;
    case ApiError::Internal:
        return 500;
    }
    return 500;
}

std::string_view errorCode(ApiError error)
{
    switch (error) {
    case ApiError::BadRequest:
        return "bad_request";
    case ApiError::InvalidJson:
        return "invalid_json";
    case ApiError::InvalidCursor:
        return "invalid_cursor";
    case ApiError::Unauthorized:
        return "unauthorized";
    case ApiError::TokenExpired:
        return "token_expired";
    case ApiError::DeviceRevoked:
        return "device_revoked";
    case ApiError::CodeInvalid:
        return "code_invalid";
    case ApiError::Forbidden:
        return "forbidden";
    case ApiError::NotFound:
        return "not_found";
    case ApiError::MethodNotAllowed:
        return "method_not_allowed";
    case ApiError::TooLarge:
        return "too_large";
    case ApiError::UnsupportedMedia:
        return "unsupported_media_type";
    case ApiError::HeadersTooLarge:
        return "headers_too_large";
    case ApiError::RateLimited:
        return "rate_limited";
    case ApiError::Busy:
        return "busy";
    case ApiError::Internal:
        return "internal";
    }
    return "internal";
}

Response errorResponse(ApiError error, std::string_view message)
{
    boost::json::object body;
    body["error"] = errorCode(error);
    body["message"] = message;
    return jsonResponse(httpStatus(error), boost::json::serialize(body));
}

Response jsonResponse(int status, std::string body)
{
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

} // namespace fieldbook::server
