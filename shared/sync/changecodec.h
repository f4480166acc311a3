// The JSON codec of changes and push/pull bodies, with strict bounds (sync/limits.h).
// Decoding never throws on hostile input: it answers what was wrong, naming the field.
#pragma once

#include "sync/change.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fieldbook {

// What was wrong with one change: `field` is the envelope field or "fields.<name>" at fault.
struct DecodeError
{
    std::string field;
    std::string message;
    std::string reason() const; // "invalid:<field>", or "too_large"
    bool tooLarge = false;
};

using ChangeOrError = std::variant<Change, DecodeError>;

// Parses JSON text with a depth limit and a size limit; nullopt with `error` set when the text is
// not JSON or breaks a bound ("body is not valid JSON: ... at offset 12").
std::optional<boost::json::value> parseBoundedJson(std::string_view text, std::string& error,
                                                   std::size_t maxBytes);

// One change from its JSON value: envelope ids, hlc format, op, form_version, fields object with
// bounded keys, strings, arrays and depth. Does not apply the form definition (see formvalidator.h).
ChangeOrError decodeChange(const boost::json::value& value);

// A push body {"changes":[...]}: the request-level error (not an object, no "changes", too many)
// or one decoded-or-error per change, in order, with each change's id where it could be read.
struct PushRequest
{
    std::vector<ChangeOrError> changes;
    std::vector<std::string> ids; // the id each result answers with ("" when unreadable)
};
std::variant<PushRequest, DecodeError> decodePush(const boost::json::value& body);

boost::json::object encodeChange(const Change& change);

} // namespace fieldbook
