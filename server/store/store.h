// The server's storage, behind an interface so that a PostgreSQL backend can serve an
// organisation that outgrows one machine. SqliteStore is the embedded default.
//
// What every backend must keep true:
// - sequences are strictly increasing and become visible in the order they were issued (a
//   reader never sees sequence N+1 without N): pull cursors rely on it. SQLite has one writer at
//   a time, so this holds by construction; a backend with concurrent writers must serialise the
//   issue of sequences with the commit.
// - the FactSource answers only applied records (never quarantined or deleted ones), including
//   what the current write transaction has written: later changes in a batch see earlier ones.
// - special-category fields never reach the disk in clear.
// One Store per thread: instances are not thread-safe (StorePool hands them out).
#pragma once

#include "model/record.h"
#include "reports/monthlyreport.h"
#include "rules/facts.h"
#include "rules/roles.h"

#include <boost/json/object.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook::server {

struct DeviceInfo
{
    std::string id;
    std::string userId;
    std::string name;
    std::string publicKey;   // base64 of the raw 32-byte X25519 key
    std::string refreshHash; // SHA-256 hex of the refresh token; the token itself is never stored
    std::int64_t createdAt = 0;
    std::int64_t lastSeenAt = 0;
    std::optional<std::int64_t> revokedAt;
};

struct RetiredRefreshToken
{
    std::string deviceId;
    std::int64_t retiredAt = 0;
};

struct AccessTokenInfo
{
    std::string deviceId;
    std::int64_t expiresAt = 0;
};

enum class RecordState { Applied, Quarantined, Deleted };
std::string_view recordStateName(RecordState state);

struct StoredRecord
{
    Record record; // plaintext fields; sealing happens inside the store
    boost::json::object fieldClocks;
    RecordState state = RecordState::Applied;
    std::string caseId;   // caseOf() when written; "" for records of no case
    std::string audience; // a derived record addressed to one user (an alert); "" otherwise
    std::string changeId; // the latest change applied to it
    std::int64_t sequence = 0;
    std::int64_t updatedAt = 0;
};

// What a push answered for a change id, kept for idempotence.
struct ChangeOutcome
{
    std::string status; // applied, quarantined
    std::string reason;
    std::string author; // who pushed it first: the same id from another user is never a replay
};

struct ChangeLogEntry
{
    std::string changeId;
    std::string deviceId;
    std::string author;
    std::string recordType;
    std::string recordId;
    std::string status;
    std::string reason;
    std::int64_t sequence = 0;
    std::int64_t receivedAt = 0;
};

// A user's view of a case may have changed (a match became active or ended, a case moved to
// another practitioner): the next pull re-evaluates every record of that case for that user.
struct AccessEvent
{
    std::int64_t sequence = 0;
    std::string userId;
    std::string caseId;
};

// Ids, codes and counts only: the audit log holds no names, fields or secrets.
struct AuditEntry
{
    std::int64_t sequence = 0;
    std::int64_t at = 0;
    std::string action;   // push, pull, enrol, token, admin.add_user, ...
    std::string userId;   // who acted ("" for an administrator at the console)
    std::string deviceId; // from which device ("" for the console)
    boost::json::object detail;
};

// A record held back for review (quarantined) with the change that put it there: ids and codes.
struct HeldRecord
{
    std::string changeId;
    std::string recordType;
    std::string recordId;
    std::string caseId;
    std::string reason;
    std::string author;
    std::int64_t receivedAt = 0;
    std::optional<std::int64_t> reviewedAt; // the latest keep_held decision on it, if any
};

// A safeguarding officer's decision on a held record. The note is the officer's free text: it is
// sealed at rest and never copied into the audit log, whose entry names the decision by its id.
struct ReviewDecision
{
    std::string id;
    std::string changeId;
    std::string recordType;
    std::string recordId;
    std::string officer;
    std::string decision; // release, keep_held
    std::string note;
    std::int64_t decidedAt = 0;
};

// A safeguarding officer's time-limited access to one case. The reason is free text, sealed at
// rest like a review note. closedAt is set once its expiry has been turned into an access event
// (the officer's next pull after expiresAt removes the case's records from the phone).
struct BreakGlassGrant
{
    std::string id;
    std::string officer;
    std::string caseId;
    std::string reason;
    std::int64_t grantedAt = 0;
    std::int64_t expiresAt = 0;
    std::optional<std::int64_t> closedAt;
};

// Narrows a pull scan. Without caseIds, every record is a candidate.
struct ScanFilter
{
    std::optional<std::vector<std::string>> caseIds; // records of these cases and records of no case
    std::string author;                              // and records this user wrote
    std::string audience;                            // and records addressed to this user
    // With caseIds: narrows "records of no case" to those about one of these people (peopleOf).
    // A case-scoped reader sees no other record of no case unless they wrote it.
    std::optional<std::vector<std::string>> people;
};

class Store : public FactSource
{
public:
    // Runs `work` in one transaction: committed when it returns, rolled back when it throws.
    // Nested calls join the outer transaction.
    virtual void writeTransaction(const std::function<void()>& work) = 0;
    // A consistent snapshot for several reads (a pull page).
    virtual void readTransaction(const std::function<void()>& work) = 0;

    virtual std::optional<std::string> setting(std::string_view key) = 0;
    virtual void setSetting(std::string_view key, std::string_view value) = 0;

    virtual void addUser(const User& user, std::int64_t at) = 0;
    virtual std::vector<User> users() const = 0;

    virtual void addEnrolCode(std::string_view codeHash, std::string_view userId, std::int64_t createdAt,
                              std::int64_t expiresAt) = 0;
    // Marks an unused, unexpired code as used and answers its user, atomically; nullopt otherwise.
    virtual std::optional<std::string> consumeEnrolCode(std::string_view codeHash, std::int64_t now) = 0;

    virtual void addDevice(const DeviceInfo& device) = 0;
    virtual std::optional<DeviceInfo> device(std::string_view id) = 0;
    virtual std::vector<DeviceInfo> devices() = 0;
    // Marks the device revoked; false if there is no such device. Its access tokens stay until
    // they expire, so that every later call with one is answered device_revoked (the device
    // then wipes itself) rather than a plain unauthorized.
    virtual bool revokeDevice(std::string_view id, std::int64_t at) = 0;
    virtual void touchDevice(std::string_view id, std::int64_t at) = 0;
    // The device's refresh token becomes `newHash`; `oldHash` is kept as retired at `at`.
    virtual void rotateRefreshToken(std::string_view deviceId, std::string_view oldHash, std::string_view newHash,
                                    std::int64_t at) = 0;
    virtual std::optional<RetiredRefreshToken> retiredRefreshToken(std::string_view tokenHash) = 0;
    // No refresh token works for the device any more and its access tokens are gone: it must
    // enrol again. Unlike a revocation, the phone is not told to wipe its data.
    virtual void endDeviceSession(std::string_view deviceId) = 0;
    virtual void addAccessToken(std::string_view tokenHash, std::string_view deviceId, std::int64_t expiresAt) = 0;
    virtual std::optional<AccessTokenInfo> accessToken(std::string_view tokenHash) = 0;
    virtual void purgeExpiredTokens(std::int64_t now) = 0;

    virtual std::optional<ChangeOutcome> changeOutcome(std::string_view changeId) = 0;
    virtual void logChange(const ChangeLogEntry& entry) = 0;
    // A record in any state (applied, quarantined, deleted).
    virtual std::optional<StoredRecord> storedRecord(std::string_view type, std::string_view id) = 0;
    // The types of the records (any state) that use this record id: one, or none, unless a
    // client reused an id across types (which push refuses).
    virtual std::vector<std::string> recordTypesOf(std::string_view recordId) = 0;
    // Inserts or replaces the record under a new sequence, which it returns (and sets).
    virtual std::int64_t putRecord(StoredRecord& record) = 0;
    virtual void addAccessEvent(std::string_view userId, std::string_view caseId) = 0;
    virtual std::int64_t lastSequence() = 0;
    // Applied and deleted records (never quarantined ones) with a sequence above `after`, in order.
    virtual std::vector<StoredRecord> recordsAfter(std::int64_t after, const ScanFilter& filter,
                                                   std::size_t limit) = 0;
    virtual std::vector<AccessEvent> accessEventsAfter(std::string_view userId, std::int64_t after,
                                                       std::size_t limit) = 0;
    // The case record and every record of the case, applied or deleted.
    virtual std::vector<StoredRecord> recordsOfCase(std::string_view caseId) = 0;
    // Every record (any state) with some field equal to `value` (an id), the record itself included.
    virtual std::vector<StoredRecord> recordsReferencing(std::string_view value) = 0;
    // Every record of a type, any state (admin exports that must look inside sealed fields).
    virtual std::vector<StoredRecord> recordsOfType(std::string_view type) = 0;

    // Quarantined records, oldest first; only those of `caseIds` when given.
    virtual std::vector<HeldRecord> heldRecords(const std::optional<std::vector<std::string>>& caseIds,
                                                std::size_t limit) = 0;
    // The held record that change `changeId` put in quarantine, if it is still held.
    virtual std::optional<HeldRecord> heldRecord(std::string_view changeId) = 0;
    // What a later duplicate push of this change id is told (a release makes it applied).
    virtual void setChangeOutcome(std::string_view changeId, const ChangeOutcome& outcome) = 0;
    virtual void addReviewDecision(const ReviewDecision& decision) = 0;
    virtual std::optional<ReviewDecision> reviewDecision(std::string_view id) = 0;

    virtual void addBreakGlassGrant(const BreakGlassGrant& grant) = 0;
    virtual std::optional<BreakGlassGrant> breakGlassGrant(std::string_view id) = 0;
    // The officer's grants not yet closed: the active ones and those expired since their last pull.
    virtual std::vector<BreakGlassGrant> openBreakGlassGrants(std::string_view officer) = 0;
    virtual void closeBreakGlassGrant(std::string_view id, std::int64_t at) = 0;
    // The establishments' populations by self-defined ethnicity (the monthly report's take-up
    // comparison). replacePopulation drops what was held for that establishment first.
    virtual void replacePopulation(std::string_view establishment, const std::vector<PopulationRow>& rows,
                                   std::int64_t at) = 0;
    virtual std::vector<PopulationRow> population() = 0;

    virtual void appendAudit(const AuditEntry& entry) = 0;
    virtual std::vector<AuditEntry> auditSince(std::int64_t at, std::size_t limit) = 0;

    // Re-encrypts every sealed value (records, review notes, break-the-glass reasons) with the key
    // ring's current key; answers how many records.
    virtual std::size_t resealAll() = 0;
};

} // namespace fieldbook::server
