// The typed wire protocol of sync (docs/sync-contract.md, version 1.2): the answer to a push, a
// pull page and the derived `clearance` record, encoded and decoded here and nowhere else. The
// server encodes what it answers with these functions and the app decodes with them, so a status
// or reason string is spelled once, in protocol.cpp.
//
// Decoding never throws on hostile input: it answers a ProtocolError naming the member at fault
// ("results[2].status: ..."). Every list and string is bounded (sync/limits.h). An unknown status
// or reason is refused, never guessed: a phone that cannot read an answer keeps its outbox and
// tries again, which loses nothing.
#pragma once

#include "sync/change.h"
#include "sync/changecodec.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fieldbook {

// What the server did with one pushed change.
enum class PushStatus {
    Applied,     // stored, visible to those allowed
    Duplicate,   // this change id was seen before: nothing changed
    Quarantined, // stored but held back for review, with a reason
    Rejected,    // not stored, with a reason; the phone keeps the change and shows it
};

inline constexpr std::size_t kPushStatusCount = 4;

std::string_view pushStatusName(PushStatus status); // applied, duplicate, quarantined, rejected
std::optional<PushStatus> parsePushStatus(std::string_view name);

// The reason codes of the contract, plus the core's own welfare-grant codes. `Invalid` carries the
// field at fault (wire "invalid:<field>").
enum class ReasonCode {
    None, // applied, cleared
    // quarantined: the gates on a contact (they hold a record back)
    ConsentMissing,
    ConsentWithdrawn,
    ProtectionCheckMissing,
    Restricted,
    VettingInvalid,
    AfterEnding,
    // rejected
    Forbidden,
    Invalid,
    UnknownRecordType,
    TooLarge,
    TooYoung,       // a welfare grant for someone under 16
    NoRelationship, // a welfare grant without an open case
};

inline constexpr std::size_t kReasonCodeCount = 14;

// The longest field name an `invalid:<field>` reason may carry ("fields." and a field name).
inline constexpr std::size_t kMaxReasonFieldBytes = 72;

struct Reason
{
    ReasonCode code = ReasonCode::None;
    std::string field; // the field at fault, for Invalid only ("hlc", "occurred_at", "fields.notes")

    static Reason invalid(std::string field) { return Reason{ReasonCode::Invalid, std::move(field)}; }

    // "" for None, "consent_missing", "invalid:hlc", ...
    std::string wire() const;
    bool empty() const { return code == ReasonCode::None; }
    // The gates' codes, which hold a record back rather than refuse it.
    bool holdsBack() const;
    // The kind without its field ("invalid" for every invalid:<field>), for counting.
    std::string_view kind() const;

    bool operator==(const Reason&) const = default;
};

// The wire name of a code without a field ("invalid" for Invalid).
std::string_view reasonCodeName(ReasonCode code);

struct ProtocolError
{
    std::string where;   // the member at fault: "results[2].reason", "cursor", "body"
    std::string message; // what was wrong, for a log or a test; never echoes the input
    std::string text() const { return where + ": " + message; }
};

// A reason from its wire text; "" is None.
std::variant<Reason, ProtocolError> parseReason(std::string_view wire);

// A reason code the core itself produced (WriteVerdict::reason, GateDecision::code(), a stored
// outcome). Every such code is the protocol's (protocoltest checks each), so one that does not
// parse is a bug, never a client's doing: throws std::logic_error.
Reason coreReason(std::string_view code);

// One push result. A duplicate answers for a push whose first answer may have been lost: `was` is
// what that first push got, and `reason` its reason, so the phone still learns why a record is held.
struct PushResult
{
    std::string id; // the change id answered; "" when the change's id could not be read
    PushStatus status = PushStatus::Applied;
    Reason reason;                 // for quarantined and rejected (and a duplicate of a quarantined change)
    std::string message;           // a sentence for the person holding the phone ("" when applied)
    std::optional<PushStatus> was; // for a duplicate: what the first push of this change id got

    // The status this result stands for: a duplicate's first answer when it carries one.
    PushStatus outcome() const { return status == PushStatus::Duplicate && was ? *was : status; }

    bool operator==(const PushResult&) const = default;
};

// {"results":[{"id","status","reason"?,"message"?,"was"?}...]}, one result per change, same order.
boost::json::object encodePushResults(const std::vector<PushResult>& results);
boost::json::object encodePushResult(const PushResult& result);

// Refuses an unknown status or reason, a result that breaks the contract's pairing of status and
// reason (applied with a reason, quarantined without a holding reason, rejected without a reason,
// a duplicate of a duplicate), more results than a push may carry, and over-long strings.
std::variant<std::vector<PushResult>, ProtocolError> decodePushResults(const boost::json::value& body);
std::variant<PushResult, ProtocolError> decodePushResult(const boost::json::value& value);

// One page of a pull. Each change is as the server sent it; `author` travels beside the envelope
// (the server set it from the pushing device's token, so on the phone it is the server's word).
struct PullPage
{
    std::vector<Change> changes;
    std::string cursor; // opaque to the phone: sent back as is
    bool more = false;
};

// The most changes a page may carry. A case's records travel together, so one page may hold more
// than the `limit` asked for; this bound only keeps a hostile answer from exhausting the phone.
inline constexpr std::size_t kMaxPulledChanges = 50000;
// The longest cursor a page may carry (the server's are a few dozen characters).
inline constexpr std::size_t kMaxCursorBytes = 256;

// {"changes":[CHANGE...],"cursor":C,"more":BOOL}, with "author" on each change that has one.
boost::json::object encodePullPage(const PullPage& page);
boost::json::object encodePulledChange(const Change& change);

// A decoded page: the changes the core codec accepts, and what it refused in the others (a phone
// skips a change it cannot read rather than lose the whole page).
struct DecodedPullPage
{
    PullPage page;
    std::vector<DecodeError> skipped;
};

// Refuses a body that is not an object, a missing or over-long cursor, a missing `more`, and more
// changes than any page may hold.
std::variant<DecodedPullPage, ProtocolError> decodePullPage(const boost::json::value& body);

// The derived `clearance` record: a volunteer's gate status for one of their active matches,
// worked out by the server (the volunteer's phone never holds the facts behind it).
struct Clearance
{
    std::string caseId;
    std::string personId;
    std::string matchId; // "" for a coordinator's clearance of a referral (no match yet); then not sent
    bool cleared = false;
    Reason reason; // None when cleared; else the gate's code

    bool operator==(const Clearance&) const = default;
};

inline constexpr std::string_view kClearanceRecordType = "clearance";

// The clearance record's fields: {"case_id","person_id","match_id","cleared","reason"}.
boost::json::object encodeClearance(const Clearance& clearance);
// Refuses missing or malformed ids, a non-boolean `cleared`, and a reason that does not fit it
// (cleared with a reason, not cleared without one).
std::variant<Clearance, ProtocolError> decodeClearance(const boost::json::object& fields);

} // namespace fieldbook
