#include "sync/changecodec.h"

#include "model/ids.h"
#include "sync/hlc.h"
#include "sync/limits.h"

#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>

namespace fieldbook {

namespace {

// The envelope adds at most three levels (body, changes array, change) above a change's fields.
constexpr std::size_t kMaxBodyDepth = limits::kMaxJsonDepth + 3;
constexpr std::size_t kMaxEnvelopeKeys = 16;
constexpr std::size_t kMaxKeyBytes = 64;
constexpr std::size_t kMaxRecordTypeBytes = 64;
constexpr std::int64_t kMaxFormVersion = 1000;

DecodeError invalid(std::string field, std::string message)
{
    return DecodeError{std::move(field), std::move(message), false};
}

DecodeError tooLarge(std::string field, std::string message)
{
    return DecodeError{std::move(field), std::move(message), true};
}

bool isFieldName(std::string_view key)
{
    if (key.empty() || key.size() > kMaxKeyBytes) {
        return false;
    }
    for (const char c : key) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return false;
        }
    }
    return true;
}

// Checks one value inside `fields` against every bound; `depth` counts the fields object as 1.
std::optional<DecodeError> checkValue(const boost::json::value& value, const std::string& where, std::size_t depth)
{
    if (depth > limits::kMaxJsonDepth) {
        return invalid(where, where + " is nested deeper than " + std::to_string(limits::kMaxJsonDepth) + " levels");
    }
    switch (value.kind()) {
    case boost::json::kind::string:
        if (value.get_string().size() > limits::kMaxStringBytes) {
            return tooLarge(where, where + " is longer than " + std::to_string(limits::kMaxStringBytes) + " bytes");
        }
        return std::nullopt;
    case boost::json::kind::array: {
        const auto& array = value.get_array();
        if (array.size() > limits::kMaxArrayItems) {
            return tooLarge(where, where + " has more than " + std::to_string(limits::kMaxArrayItems) + " items");
        }
        for (const auto& item : array) {
            if (auto error = checkValue(item, where, depth + 1)) {
                return error;
            }
        }
        return std::nullopt;
    }
    case boost::json::kind::object: {
        const auto& object = value.get_object();
        if (object.size() > limits::kMaxFieldsPerRecord) {
            return tooLarge(where, where + " has more than " + std::to_string(limits::kMaxFieldsPerRecord) + " keys");
        }
        for (const auto& entry : object) {
            if (entry.key().empty() || entry.key().size() > kMaxKeyBytes) {
                return invalid(where, where + " has a key that is empty or longer than "
                                          + std::to_string(kMaxKeyBytes) + " bytes");
            }
            if (auto error = checkValue(entry.value(), where, depth + 1)) {
                return error;
            }
        }
        return std::nullopt;
    }
    default:
        // Numbers (doubles included: JSON has no infinities), booleans and null are bounded by nature.
        return std::nullopt;
    }
}

const boost::json::value* member(const boost::json::object& object, std::string_view key)
{
    return object.if_contains(key);
}

} // namespace

std::string DecodeError::reason() const
{
    return tooLarge ? std::string("too_large") : "invalid:" + field;
}

std::optional<boost::json::value> parseBoundedJson(std::string_view text, std::string& error, std::size_t maxBytes)
{
    if (text.size() > maxBytes) {
        error = "body is larger than " + std::to_string(maxBytes) + " bytes";
        return std::nullopt;
    }
    boost::json::parse_options options;
    options.max_depth = kMaxBodyDepth;
    options.allow_comments = false;
    options.allow_trailing_commas = false;
    options.allow_invalid_utf8 = false;
    boost::json::parser parser({}, options);
    boost::system::error_code ec;
    const std::size_t used = parser.write_some(text.data(), text.size(), ec);
    if (!ec && text.substr(used).find_first_not_of(" \t\r\n") != std::string_view::npos) {
        ec = boost::json::error::extra_data;
    }
    if (ec) {
        error = "body is not valid JSON: " + ec.message() + " at offset " + std::to_string(used);
        if (ec == boost::json::error::too_deep) {
            error = "body is nested deeper than " + std::to_string(kMaxBodyDepth) + " levels (at offset "
                + std::to_string(used) + ")";
        }
        return std::nullopt;
    }
    return parser.release();
}

ChangeOrError decodeChange(const boost::json::value& value)
{
    if (!value.is_object()) {
        return invalid("change", "a change must be a JSON object");
    }
    const auto& object = value.get_object();
    if (object.size() > kMaxEnvelopeKeys) {
        return tooLarge("change", "a change has more than " + std::to_string(kMaxEnvelopeKeys) + " keys");
    }
    Change change;

    const auto* id = member(object, "id");
    if (id == nullptr || !id->is_string() || !isId(id->get_string())) {
        return invalid("id", "id must be 32 lowercase hex characters");
    }
    change.id = std::string(id->get_string());

    const auto* recordType = member(object, "record_type");
    if (recordType == nullptr || !recordType->is_string() || !isFieldName(recordType->get_string())
        || recordType->get_string().size() > kMaxRecordTypeBytes) {
        return invalid("record_type", "record_type must be a name of lowercase letters, digits and _");
    }
    change.recordType = std::string(recordType->get_string());

    const auto* recordId = member(object, "record_id");
    if (recordId == nullptr || !recordId->is_string() || !isId(recordId->get_string())) {
        return invalid("record_id", "record_id must be 32 lowercase hex characters");
    }
    change.recordId = std::string(recordId->get_string());

    const auto* op = member(object, "op");
    if (op == nullptr || !op->is_string() || (op->get_string() != "upsert" && op->get_string() != "delete")) {
        return invalid("op", "op must be \"upsert\" or \"delete\"");
    }
    change.op = std::string(op->get_string());

    const auto* hlc = member(object, "hlc");
    if (hlc == nullptr || !hlc->is_string() || !isHlc(hlc->get_string())) {
        return invalid("hlc", "hlc must be <13-digit milliseconds>-<6-digit counter>-<32-hex device id>");
    }
    change.hlc = std::string(hlc->get_string());

    const auto* version = member(object, "form_version");
    std::int64_t number = 0;
    if (version != nullptr && version->is_int64()) {
        number = version->get_int64();
    } else if (version != nullptr && version->is_uint64()) {
        number = kMaxFormVersion + 1;
    } else {
        return invalid("form_version", "form_version must be a whole number from 1 to 1000");
    }
    if (number < 1 || number > kMaxFormVersion) {
        return invalid("form_version", "form_version must be a whole number from 1 to 1000");
    }
    change.formVersion = static_cast<int>(number);

    const auto* fields = member(object, "fields");
    if (fields == nullptr || fields->is_null()) {
        if (change.op == "upsert") {
            return invalid("fields", "an upsert needs a fields object");
        }
    } else {
        if (!fields->is_object()) {
            return invalid("fields", "fields must be a JSON object");
        }
        const auto& map = fields->get_object();
        if (map.size() > limits::kMaxFieldsPerRecord) {
            return tooLarge("fields", "fields has more than " + std::to_string(limits::kMaxFieldsPerRecord) + " keys");
        }
        for (const auto& entry : map) {
            if (!isFieldName(entry.key())) {
                return invalid("fields", "field names are lowercase letters, digits and _ (at most 64)");
            }
            if (auto error = checkValue(entry.value(), "fields." + std::string(entry.key()), 2)) {
                return *error;
            }
        }
        change.fields = map;
    }

    if (boost::json::serialize(value).size() > limits::kMaxChangeBytes) {
        return tooLarge("change", "a change is larger than " + std::to_string(limits::kMaxChangeBytes) + " bytes");
    }
    return change;
}

std::variant<PushRequest, DecodeError> decodePush(const boost::json::value& body)
{
    if (!body.is_object()) {
        return invalid("body", "the body must be a JSON object {\"changes\": [...]}");
    }
    const auto* changes = body.get_object().if_contains("changes");
    if (changes == nullptr) {
        return invalid("changes", "the body has no \"changes\"");
    }
    if (!changes->is_array()) {
        return invalid("changes", "\"changes\" must be an array");
    }
    const auto& array = changes->get_array();
    if (array.size() > limits::kMaxChangesPerPush) {
        return tooLarge("changes", "at most " + std::to_string(limits::kMaxChangesPerPush) + " changes per push");
    }
    PushRequest request;
    request.changes.reserve(array.size());
    request.ids.reserve(array.size());
    for (const auto& item : array) {
        std::string id;
        if (item.is_object()) {
            const auto* value = item.get_object().if_contains("id");
            if (value != nullptr && value->is_string() && isId(value->get_string())) {
                id = std::string(value->get_string());
            }
        }
        request.ids.push_back(std::move(id));
        request.changes.push_back(decodeChange(item));
    }
    return request;
}

boost::json::object encodeChange(const Change& change)
{
    boost::json::object out;
    out["id"] = change.id;
    out["record_type"] = change.recordType;
    out["record_id"] = change.recordId;
    out["op"] = change.op;
    out["hlc"] = change.hlc;
    out["form_version"] = change.formVersion;
    out["fields"] = change.fields;
    return out;
}

} // namespace fieldbook
