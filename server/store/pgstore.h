// The Store on PostgreSQL, for an organisation with several server processes behind one
// database. One connection per instance (per thread, as StorePool hands them out).
//
// What keeps store.h's invariants with concurrent writers in other processes:
// - every write transaction takes one transaction-level advisory lock (kPgWriteLock) before its
//   first read, at READ COMMITTED: write transactions are serial across all processes, so the
//   gates' reads and the decisions they write are never interleaved with another writer's (a
//   withdrawal on one process and a report on another), and sequences (a counter row) are issued
//   in commit order, so a reader never sees N+1 without N;
// - a read transaction is REPEATABLE READ, READ ONLY: one snapshot for a pull page;
// - statements outside a transaction are single statements, atomic on their own (touching a
//   device, consuming an enrolment code with one UPDATE ... RETURNING).
// Sealed fields are sealed by the same FieldSealer as on SQLite, with the same AAD.
#pragma once

#include "store/fieldsealer.h"
#include "store/pgconnection.h"
#include "store/store.h"

#include <memory>
#include <string>

namespace fieldbook::server {

class PgStore final : public Store
{
public:
    // Connects and migrates. Throws PgError when PostgreSQL cannot be reached.
    PgStore(const std::string& uri, std::shared_ptr<const KeyRing> keys, const FormRegistry& forms);
    // Whether the database already holds a Fieldbook schema (and so data sealed with some key).
    static bool hasSchema(const std::string& uri);
    // Throws std::runtime_error when the key ring cannot open the latest sealed record: a
    // process started with another key than the others on the database would fail on their data.
    void checkKey();

    void writeTransaction(const std::function<void()>& work) override;
    void readTransaction(const std::function<void()>& work) override;

    std::optional<std::string> setting(std::string_view key) override;
    void setSetting(std::string_view key, std::string_view value) override;

    void addUser(const User& user, std::int64_t at) override;
    std::vector<User> users() const override;

    void addEnrolCode(std::string_view codeHash, std::string_view userId, std::int64_t createdAt,
                      std::int64_t expiresAt) override;
    std::optional<std::string> consumeEnrolCode(std::string_view codeHash, std::int64_t now) override;

    void addDevice(const DeviceInfo& device) override;
    std::optional<DeviceInfo> device(std::string_view id) override;
    std::vector<DeviceInfo> devices() override;
    bool revokeDevice(std::string_view id, std::int64_t at) override;
    void touchDevice(std::string_view id, std::int64_t at) override;
    void rotateRefreshToken(std::string_view deviceId, std::string_view oldHash, std::string_view newHash,
                            std::int64_t at) override;
    std::optional<RetiredRefreshToken> retiredRefreshToken(std::string_view tokenHash) override;
    void endDeviceSession(std::string_view deviceId) override;
    void addAccessToken(std::string_view tokenHash, std::string_view deviceId, std::int64_t expiresAt) override;
    std::optional<AccessTokenInfo> accessToken(std::string_view tokenHash) override;
    void purgeExpiredTokens(std::int64_t now) override;

    std::optional<ChangeOutcome> changeOutcome(std::string_view changeId) override;
    void logChange(const ChangeLogEntry& entry) override;
    std::optional<StoredRecord> storedRecord(std::string_view type, std::string_view id) override;
    std::vector<std::string> recordTypesOf(std::string_view recordId) override;
    std::int64_t putRecord(StoredRecord& record) override;
    void addAccessEvent(std::string_view userId, std::string_view caseId) override;
    std::int64_t lastSequence() override;
    std::vector<StoredRecord> recordsAfter(std::int64_t after, const ScanFilter& filter, std::size_t limit) override;
    std::vector<AccessEvent> accessEventsAfter(std::string_view userId, std::int64_t after,
                                               std::size_t limit) override;
    std::vector<StoredRecord> recordsOfCase(std::string_view caseId) override;
    std::vector<StoredRecord> recordsReferencing(std::string_view value) override;
    std::vector<StoredRecord> recordsOfType(std::string_view type) override;

    std::vector<HeldRecord> heldRecords(const std::optional<std::vector<std::string>>& caseIds,
                                        std::size_t limit) override;
    std::optional<HeldRecord> heldRecord(std::string_view changeId) override;
    void setChangeOutcome(std::string_view changeId, const ChangeOutcome& outcome) override;
    void addReviewDecision(const ReviewDecision& decision) override;
    std::optional<ReviewDecision> reviewDecision(std::string_view id) override;
    void addBreakGlassGrant(const BreakGlassGrant& grant) override;
    std::optional<BreakGlassGrant> breakGlassGrant(std::string_view id) override;
    std::vector<BreakGlassGrant> openBreakGlassGrants(std::string_view officer) override;
    void closeBreakGlassGrant(std::string_view id, std::int64_t at) override;
    void replacePopulation(std::string_view establishment, const std::vector<PopulationRow>& rows,
                           std::int64_t at) override;
    std::vector<PopulationRow> population() override;

    void appendAudit(const AuditEntry& entry) override;
    std::vector<AuditEntry> auditSince(std::int64_t at, std::size_t limit) override;

    std::size_t resealAll() override;

    // FactSource: applied records only.
    std::optional<Record> record(std::string_view type, std::string_view id) const override;
    std::vector<Record> recordsWhere(std::string_view type, std::string_view field,
                                     std::string_view value) const override;
    std::optional<User> user(std::string_view userId) const override;
    std::string creatorOf(std::string_view type, std::string_view id) const override;

    PgConnection& db() { return *m_db; }

private:
    std::int64_t nextSequence();
    StoredRecord readRecord(const PgResult& rows, int row) const;
    std::vector<StoredRecord> readRecords(const PgResult& rows) const;
    void writeIndex(const StoredRecord& record);
    void writePeople(const StoredRecord& record);
    BreakGlassGrant readGrant(const PgResult& rows, int row) const;
    std::size_t resealTexts();

    std::unique_ptr<PgConnection> m_db;
    FieldSealer m_sealer;
    int m_depth = 0;          // transaction nesting
    bool m_readOnly = false;  // the outermost transaction is a read transaction
};

} // namespace fieldbook::server
