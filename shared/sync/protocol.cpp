#include "sync/protocol.h"

#include "model/ids.h"
#include "sync/limits.h"

#include <array>
#include <stdexcept>

namespace fieldbook {

namespace {

// The one spelling of every status and reason on the wire.
constexpr std::array<std::string_view, kPushStatusCount> kStatusNames = {"applied", "duplicate",
                                                                         "quarantined", "rejected"};

constexpr std::array<std::string_view, kReasonCodeCount> kReasonNames = {
    "",
    "consent_missing",
    "consent_withdrawn",
    "protection_check_missing",
    "restricted",
    "vetting_invalid",
    "after_ending",
    "forbidden",
    "invalid",
    "unknown_record_type",
    "too_large",
    "too_young",
    "no_relationship",
};

constexpr std::string_view kInvalidPrefix = "invalid:";

bool isReasonField(std::string_view field)
{
    if (field.empty() || field.size() > kMaxReasonFieldBytes) {
        return false;
    }
    for (const char c : field) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
        if (!allowed) {
            return false;
        }
    }
    return true;
}

ProtocolError error(std::string where, std::string message)
{
    return ProtocolError{std::move(where), std::move(message)};
}

const boost::json::value* member(const boost::json::object& object, std::string_view key)
{
    return object.if_contains(key);
}

// A string member bounded by `maxBytes`: nullopt with `out` set when absent or wrong.
std::optional<ProtocolError> optionalString(const boost::json::object& object, std::string_view key,
                                            std::string_view where, std::size_t maxBytes, std::string& out)
{
    const auto* value = member(object, key);
    if (value == nullptr || value->is_null()) {
        out.clear();
        return std::nullopt;
    }
    if (!value->is_string()) {
        return error(std::string(where) + "." + std::string(key), "must be a string");
    }
    if (value->get_string().size() > maxBytes) {
        return error(std::string(where) + "." + std::string(key),
                     "is longer than " + std::to_string(maxBytes) + " bytes");
    }
    out = std::string(value->get_string());
    return std::nullopt;
}

// Whether a reason fits the status it comes with (contract, "A change").
std::optional<std::string> mismatch(PushStatus status, const Reason& reason)
{
    switch (status) {
    case PushStatus::Applied:
        return reason.empty() ? std::nullopt : std::optional<std::string>("an applied change has no reason");
    case PushStatus::Quarantined:
        return reason.holdsBack() ? std::nullopt
                                  : std::optional<std::string>("a quarantined change needs a gate's reason");
    case PushStatus::Rejected:
        if (reason.empty()) {
            return "a rejected change needs a reason";
        }
        return reason.holdsBack()
                   ? std::optional<std::string>("a gate's reason holds a change back, never rejects it")
                   : std::nullopt;
    case PushStatus::Duplicate:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

std::string_view pushStatusName(PushStatus status)
{
    return kStatusNames.at(static_cast<std::size_t>(status));
}

std::optional<PushStatus> parsePushStatus(std::string_view name)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames[i] == name) {
            return static_cast<PushStatus>(i);
        }
    }
    return std::nullopt;
}

std::string_view reasonCodeName(ReasonCode code)
{
    return kReasonNames.at(static_cast<std::size_t>(code));
}

std::string Reason::wire() const
{
    if (code == ReasonCode::Invalid) {
        return std::string(kInvalidPrefix) + field;
    }
    return std::string(reasonCodeName(code));
}

bool Reason::holdsBack() const
{
    switch (code) {
    case ReasonCode::ConsentMissing:
    case ReasonCode::ConsentWithdrawn:
    case ReasonCode::ProtectionCheckMissing:
    case ReasonCode::Restricted:
    case ReasonCode::VettingInvalid:
    case ReasonCode::AfterEnding:
        return true;
    case ReasonCode::None:
    case ReasonCode::Forbidden:
    case ReasonCode::Invalid:
    case ReasonCode::UnknownRecordType:
    case ReasonCode::TooLarge:
    case ReasonCode::TooYoung:
    case ReasonCode::NoRelationship:
        return false;
    }
    return false;
}

std::string_view Reason::kind() const
{
    return reasonCodeName(code);
}

std::variant<Reason, ProtocolError> parseReason(std::string_view wire)
{
    if (wire.substr(0, kInvalidPrefix.size()) == kInvalidPrefix) {
        const std::string_view field = wire.substr(kInvalidPrefix.size());
        if (!isReasonField(field)) {
            return error(
                "reason",
                "invalid:<field> needs a field name of lowercase letters, digits, _ and . (at most " +
                    std::to_string(kMaxReasonFieldBytes) + ")");
        }
        return Reason::invalid(std::string(field));
    }
    for (std::size_t i = 0; i < kReasonNames.size(); ++i) {
        if (kReasonNames[i] == wire && static_cast<ReasonCode>(i) != ReasonCode::Invalid) {
            return Reason{static_cast<ReasonCode>(i), {}};
        }
    }
    return error("reason", "not a reason code of the sync contract");
}

Reason coreReason(std::string_view code)
{
    auto parsed = parseReason(code);
    if (const auto* failed = std::get_if<ProtocolError>(&parsed)) {
        throw std::logic_error("the core gave a reason the protocol does not know: " + failed->text());
    }
    return std::get<Reason>(parsed);
}

boost::json::object encodePushResult(const PushResult& result)
{
    boost::json::object item{{"id", result.id}, {"status", pushStatusName(result.status)}};
    if (!result.reason.empty()) {
        item["reason"] = result.reason.wire();
    }
    if (!result.message.empty()) {
        item["message"] = result.message;
    }
    if (result.was) {
        item["was"] = pushStatusName(*result.was);
    }
    return item;
}

boost::json::object encodePushResults(const std::vector<PushResult>& results)
{
    boost::json::array out;
    out.reserve(results.size());
    for (const PushResult& result : results) {
        out.push_back(encodePushResult(result));
    }
    return boost::json::object{{"results", std::move(out)}};
}

std::variant<PushResult, ProtocolError> decodePushResult(const boost::json::value& value)
{
    if (!value.is_object()) {
        return error("result", "must be an object");
    }
    const auto& object = value.get_object();
    PushResult result;
    if (auto failed = optionalString(object, "id", "result", 32, result.id)) {
        return *failed;
    }
    if (!result.id.empty() && !isId(result.id)) {
        return error("result.id", "must be 32 lowercase hex characters");
    }

    std::string text;
    if (auto failed = optionalString(object, "status", "result", 32, text)) {
        return *failed;
    }
    if (text.empty()) {
        return error("result.status", "is missing");
    }
    const auto status = parsePushStatus(text);
    if (!status) {
        return error("result.status", "not a push status of the sync contract");
    }
    result.status = *status;

    if (auto failed =
            optionalString(object, "reason", "result", kInvalidPrefix.size() + kMaxReasonFieldBytes, text)) {
        return *failed;
    }
    auto reason = parseReason(text);
    if (auto* failed = std::get_if<ProtocolError>(&reason)) {
        failed->where = "result.reason";
        return *failed;
    }
    result.reason = std::get<Reason>(reason);

    if (auto failed = optionalString(object, "message", "result", limits::kMaxStringBytes, result.message)) {
        return *failed;
    }

    if (auto failed = optionalString(object, "was", "result", 32, text)) {
        return *failed;
    }
    if (!text.empty()) {
        if (result.status != PushStatus::Duplicate) {
            return error("result.was", "only a duplicate says what its first push got");
        }
        const auto was = parsePushStatus(text);
        if (!was || *was == PushStatus::Duplicate) {
            return error("result.was", "must be applied, quarantined or rejected");
        }
        result.was = *was;
    }

    const PushStatus judged =
        result.status == PushStatus::Duplicate && !result.was ? PushStatus::Applied : result.outcome();
    if (auto wrong = mismatch(judged, result.reason)) {
        return error("result.reason", *wrong);
    }
    return result;
}

std::variant<std::vector<PushResult>, ProtocolError> decodePushResults(const boost::json::value& body)
{
    if (!body.is_object()) {
        return error("body", "must be a JSON object {\"results\": [...]}");
    }
    const auto* results = member(body.get_object(), "results");
    if (results == nullptr || !results->is_array()) {
        return error("results", "must be an array");
    }
    const auto& array = results->get_array();
    if (array.size() > limits::kMaxChangesPerPush) {
        return error("results", "more results than a push may carry (" +
                                    std::to_string(limits::kMaxChangesPerPush) + ")");
    }
    std::vector<PushResult> out;
    out.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        auto decoded = decodePushResult(array[i]);
        if (auto* failed = std::get_if<ProtocolError>(&decoded)) {
            failed->where = "results[" + std::to_string(i) + "]" +
                            failed->where.substr(std::string_view("result").size());
            return *failed;
        }
        out.push_back(std::move(std::get<PushResult>(decoded)));
    }
    return out;
}

boost::json::object encodePulledChange(const Change& change)
{
    boost::json::object out = encodeChange(change);
    if (!change.author.empty()) {
        out["author"] = change.author;
    }
    return out;
}

boost::json::object encodePullPage(const PullPage& page)
{
    boost::json::array changes;
    changes.reserve(page.changes.size());
    for (const Change& change : page.changes) {
        changes.push_back(encodePulledChange(change));
    }
    return boost::json::object{{"changes", std::move(changes)}, {"cursor", page.cursor}, {"more", page.more}};
}

std::variant<DecodedPullPage, ProtocolError> decodePullPage(const boost::json::value& body)
{
    if (!body.is_object()) {
        return error("body", "must be a JSON object {\"changes\", \"cursor\", \"more\"}");
    }
    const auto& object = body.get_object();
    const auto* changes = member(object, "changes");
    if (changes == nullptr || !changes->is_array()) {
        return error("changes", "must be an array");
    }
    if (changes->get_array().size() > kMaxPulledChanges) {
        return error("changes",
                     "more changes than a page may hold (" + std::to_string(kMaxPulledChanges) + ")");
    }
    const auto* cursor = member(object, "cursor");
    if (cursor == nullptr || !cursor->is_string()) {
        return error("cursor", "must be a string");
    }
    if (cursor->get_string().size() > kMaxCursorBytes) {
        return error("cursor", "is longer than " + std::to_string(kMaxCursorBytes) + " bytes");
    }
    const auto* more = member(object, "more");
    if (more == nullptr || !more->is_bool()) {
        return error("more", "must be true or false");
    }

    DecodedPullPage decoded;
    decoded.page.cursor = std::string(cursor->get_string());
    decoded.page.more = more->get_bool();
    decoded.page.changes.reserve(changes->get_array().size());
    for (const auto& item : changes->get_array()) {
        ChangeOrError change = decodeChange(item);
        if (auto* failed = std::get_if<DecodeError>(&change)) {
            decoded.skipped.push_back(std::move(*failed));
            continue;
        }
        Change& pulled = std::get<Change>(change);
        const auto* author = member(item.get_object(), "author");
        if (author != nullptr && author->is_string() && isId(author->get_string())) {
            pulled.author = std::string(author->get_string());
        }
        decoded.page.changes.push_back(std::move(pulled));
    }
    return decoded;
}

boost::json::object encodeClearance(const Clearance& clearance)
{
    boost::json::object fields{{"case_id", clearance.caseId}, {"person_id", clearance.personId}};
    // A coordinator's clearance of a referral belongs to no match yet.
    if (!clearance.matchId.empty()) {
        fields["match_id"] = clearance.matchId;
    }
    fields["cleared"] = clearance.cleared;
    fields["reason"] = clearance.reason.wire();
    return fields;
}

std::variant<Clearance, ProtocolError> decodeClearance(const boost::json::object& fields)
{
    Clearance clearance;
    const auto id = [&fields](std::string_view key, std::string& out) -> std::optional<ProtocolError> {
        const auto* value = member(fields, key);
        if (value == nullptr || !value->is_string() || !isId(value->get_string())) {
            return error("clearance." + std::string(key),
                         "must be a record id (32 lowercase hex characters)");
        }
        out = std::string(value->get_string());
        return std::nullopt;
    };
    if (auto failed = id("case_id", clearance.caseId)) {
        return *failed;
    }
    if (auto failed = id("person_id", clearance.personId)) {
        return *failed;
    }
    if (member(fields, "match_id") != nullptr) {
        if (auto failed = id("match_id", clearance.matchId)) {
            return *failed;
        }
    }
    const auto* cleared = member(fields, "cleared");
    if (cleared == nullptr || !cleared->is_bool()) {
        return error("clearance.cleared", "must be true or false");
    }
    clearance.cleared = cleared->get_bool();
    std::string text;
    if (auto failed = optionalString(fields, "reason", "clearance",
                                     kInvalidPrefix.size() + kMaxReasonFieldBytes, text)) {
        return *failed;
    }
    auto reason = parseReason(text);
    if (auto* failed = std::get_if<ProtocolError>(&reason)) {
        failed->where = "clearance.reason";
        return *failed;
    }
    clearance.reason = std::get<Reason>(reason);
    if (clearance.cleared != clearance.reason.empty()) {
        return error("clearance.reason", clearance.cleared ? "a cleared contact has no reason"
                                                           : "a contact not cleared needs a reason");
    }
    return clearance;
}

} // namespace fieldbook
