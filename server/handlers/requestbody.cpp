#include "handlers/requestbody.h"

#include "http/apierror.h"
#include "sync/changecodec.h"

#include <cctype>

namespace fieldbook::server {

boost::json::value jsonBody(const Request& request, std::size_t maxBytes)
{
    if (!request.contentType.empty()) {
        std::string type;
        for (const char c : request.contentType.substr(0, request.contentType.find(';'))) {
            if (c != ' ' && c != '\t') {
                type.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            }
        }
        if (type != "application/json") {
            throw ApiException(ApiError::UnsupportedMedia, "The body must be application/json.");
        }
    }
    if (request.body.size() > maxBytes) {
        throw ApiException(ApiError::TooLarge, "The body is larger than " + std::to_string(maxBytes) + " bytes.");
    }
    std::string error;
    auto value = parseBoundedJson(request.body, error, maxBytes);
    if (!value) {
        throw ApiException(ApiError::InvalidJson, error);
    }
    return std::move(*value);
}

boost::json::object objectBody(const Request& request, std::size_t maxBytes)
{
    boost::json::value value = jsonBody(request, maxBytes);
    if (!value.is_object()) {
        throw ApiException(ApiError::BadRequest, "The body must be a JSON object.");
    }
    return std::move(value.as_object());
}

std::string requiredString(const boost::json::object& object, std::string_view name, std::size_t maxLength)
{
    const auto* value = object.if_contains(name);
    if (value == nullptr) {
        throw ApiException(ApiError::BadRequest, std::string(name) + " is missing.");
    }
    if (!value->is_string()) {
        throw ApiException(ApiError::BadRequest, std::string(name) + " must be a string.");
    }
    if (value->as_string().size() > maxLength) {
        throw ApiException(ApiError::BadRequest,
                           std::string(name) + " is longer than " + std::to_string(maxLength) + " bytes.");
    }
    return std::string(value->as_string());
}

} // namespace fieldbook::server
