// Reading JSON request bodies: bounded, strict, and every refusal names what was wrong.
#pragma once

#include "http/message.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace fieldbook::server {

// The body as JSON (core parseBoundedJson). Throws ApiException: unsupported_media_type for a
// Content-Type other than application/json, invalid_json for text that is not JSON.
boost::json::value jsonBody(const Request& request, std::size_t maxBytes);

// The body as a JSON object; bad_request when it is another kind of value.
boost::json::object objectBody(const Request& request, std::size_t maxBytes);

// A required string member of at most maxLength bytes; bad_request naming it otherwise.
std::string requiredString(const boost::json::object& object, std::string_view name, std::size_t maxLength);

} // namespace fieldbook::server
