// The embedded Store: one SQLite file in WAL mode, one connection per instance (per thread).
// Writers serialise on SQLite's lock (BEGIN IMMEDIATE with a busy timeout), readers never block.
#pragma once

#include "store/fieldsealer.h"
#include "store/store.h"

#include "storage/sqlitedb.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

namespace fieldbook::server {

class SqliteStore final : public Store
{
public:
    // Opens (creating and migrating as needed). `synchronousNormal` trades the last commits
    // before a power cut for speed; the server keeps FULL unless told otherwise.
    SqliteStore(const std::string& path, std::shared_ptr<const KeyRing> keys, const FormRegistry& forms,
                bool synchronousNormal = false);

    void writeTransaction(const std::function<void()>& work) override;
    // Inside a write transaction: `work` in a savepoint, undone alone when it throws (the
    // transaction goes on). Outside one: writeTransaction(work).
    void savepoint(const std::function<void()>& work);
    // False once SQLite itself has rolled the transaction back (after some errors it does).
    bool inTransaction() const;
    // The connection that does the writing (WriteQueue's) keeps the hot part of the database in
    // its page cache between commits.
    void tuneForWriting();
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

    SqliteDb& db() { return *m_db; }

private:
    // A cached statement for one use: reset when the guard goes, so that no finished or
    // half-read SELECT keeps an old read snapshot open on this connection (in WAL mode that
    // would make the next write transaction fail at once with SQLITE_BUSY_SNAPSHOT).
    class Use
    {
    public:
        explicit Use(Statement& statement) : m_statement(statement) {}
        ~Use() { m_statement.reset(); }
        Use(const Use&) = delete;
        Use& operator=(const Use&) = delete;
        Statement& operator*() const { return m_statement; }
        template<typename... Args>
        Statement& bind(Args&&... args)
        {
            return m_statement.bind(std::forward<Args>(args)...);
        }
        Statement& bindNull(int index) { return m_statement.bindNull(index); }
        Statement& bindBlob(int index, const std::vector<unsigned char>& blob)
        {
            return m_statement.bindBlob(index, blob);
        }
        bool step() { return m_statement.step(); }
        void run() { m_statement.run(); }
        std::int64_t integer(int column) const { return m_statement.integer(column); }
        std::string text(int column) const { return m_statement.text(column); }
        bool isNull(int column) const { return m_statement.isNull(column); }

    private:
        Statement& m_statement;
    };

    // Prepared once per connection and reused. A caller must read all rows it needs before it
    // calls anything that could run the same statement.
    Use statement(const char* sql) const;
    std::int64_t nextSequence();
    StoredRecord readRecord(const Statement& row) const;
    std::vector<StoredRecord> readRecords(Statement& query) const;
    void writeIndex(const StoredRecord& record);
    void writePeople(const StoredRecord& record);
    BreakGlassGrant readGrant(const Statement& row) const;
    std::size_t resealTexts();

    std::unique_ptr<SqliteDb> m_db;
    FieldSealer m_sealer;
    mutable std::unordered_map<const char*, Statement> m_statements;
    int m_depth = 0; // transaction nesting
};

} // namespace fieldbook::server
