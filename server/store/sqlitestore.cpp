#include "store/sqlitestore.h"

#include "model/ids.h"
#include "rules/access.h"
#include "store/schema.h"
#include "store/storerows.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <sqlite3.h>

#include <stdexcept>

namespace fieldbook::server {

using rows::jsonList;
using rows::parseObject;
using rows::parseState;
using rows::sealContext;

namespace {

#define FB_RECORD_COLUMNS                                                                                        \
    "record_type, record_id, state, case_id, audience, author, hlc, form_version, change_id, seq, updated_at, " \
    "fields, field_clocks, sealed, key_id"

// The index holds ids only (what the rules look records up by: case_id, person_id, subject,
// volunteer, ...): top-level ids under their field, nested ids under "<field>[]". A lookup by any
// other value scans the type instead.

} // namespace

std::string_view recordStateName(RecordState state)
{
    switch (state) {
    case RecordState::Applied:
        return "applied";
    case RecordState::Quarantined:
        return "quarantined";
    case RecordState::Deleted:
        return "deleted";
    }
    return "applied";
}

SqliteStore::SqliteStore(const std::string& path, std::shared_ptr<const KeyRing> keys, const FormRegistry& forms,
                         bool synchronousNormal)
    : m_db(std::make_unique<SqliteDb>(path, synchronousNormal))
    , m_sealer(forms, std::move(keys))
{
    // A WAL that grew under a long read is cut back after its next checkpoint. No memory map:
    // each connection would map the file anew and its pages count once per connection.
    m_db->execScript("PRAGMA journal_size_limit=67108864");
    migrate(*m_db);
}

void SqliteStore::tuneForWriting()
{
    m_db->execScript("PRAGMA cache_size=-16384");
}

bool SqliteStore::inTransaction() const
{
    return sqlite3_get_autocommit(m_db->handle()) == 0;
}

void SqliteStore::savepoint(const std::function<void()>& work)
{
    if (m_depth == 0) {
        writeTransaction(work);
        return;
    }
    statement("SAVEPOINT job").run();
    try {
        work();
    } catch (...) {
        if (inTransaction()) {
            statement("ROLLBACK TO job").run();
            statement("RELEASE job").run();
        }
        throw;
    }
    statement("RELEASE job").run();
}

SqliteStore::Use SqliteStore::statement(const char* sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        found = m_statements.emplace(sql, m_db->prepare(sql)).first;
    }
    found->second.reset();
    return Use(found->second);
}

void SqliteStore::writeTransaction(const std::function<void()>& work)
{
    if (m_depth > 0) {
        work();
        return;
    }
    Transaction transaction(*m_db);
    ++m_depth;
    try {
        work();
    } catch (...) {
        --m_depth;
        throw; // the Transaction's destructor rolls back
    }
    --m_depth;
    transaction.commit();
}

void SqliteStore::readTransaction(const std::function<void()>& work)
{
    if (m_depth > 0) {
        work();
        return;
    }
    statement("BEGIN DEFERRED").run();
    ++m_depth;
    try {
        work();
    } catch (...) {
        --m_depth;
        statement("ROLLBACK").run();
        throw;
    }
    --m_depth;
    statement("COMMIT").run();
}

std::optional<std::string> SqliteStore::setting(std::string_view key)
{
    auto query = statement("SELECT value FROM settings WHERE key = ?");
    query.bind(1, key);
    if (query.step()) {
        return query.text(0);
    }
    return std::nullopt;
}

void SqliteStore::setSetting(std::string_view key, std::string_view value)
{
    statement("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

void SqliteStore::addUser(const User& user, std::int64_t at)
{
    statement("INSERT INTO users(id, name, roles, team, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, user.id)
        .bind(2, user.name)
        .bind(3, static_cast<std::int64_t>(user.roles.bits()))
        .bind(4, user.team)
        .bind(5, at)
        .run();
}

std::vector<User> SqliteStore::users() const
{
    auto query = statement("SELECT id, name, roles, team FROM users ORDER BY created_at, id");
    std::vector<User> out;
    while (query.step()) {
        out.push_back(User{query.text(0), query.text(1),
                           RoleSet::fromBits(static_cast<std::uint32_t>(query.integer(2))), query.text(3)});
    }
    return out;
}

std::optional<User> SqliteStore::user(std::string_view userId) const
{
    auto query = statement("SELECT id, name, roles, team FROM users WHERE id = ?");
    query.bind(1, userId);
    if (!query.step()) {
        return std::nullopt;
    }
    return User{query.text(0), query.text(1), RoleSet::fromBits(static_cast<std::uint32_t>(query.integer(2))),
                query.text(3)};
}

void SqliteStore::addEnrolCode(std::string_view codeHash, std::string_view userId, std::int64_t createdAt,
                               std::int64_t expiresAt)
{
    statement("INSERT INTO enrol_codes(code_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
        .bind(1, codeHash)
        .bind(2, userId)
        .bind(3, createdAt)
        .bind(4, expiresAt)
        .run();
}

std::optional<std::string> SqliteStore::consumeEnrolCode(std::string_view codeHash, std::int64_t now)
{
    auto update = statement("UPDATE enrol_codes SET used_at = ? "
                                  "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id");
    update.bind(1, now).bind(2, codeHash).bind(3, now);
    std::optional<std::string> userId;
    if (update.step()) {
        userId = update.text(0);
    }
    while (update.step()) {
    }
    return userId;
}

void SqliteStore::addDevice(const DeviceInfo& device)
{
    statement("INSERT INTO devices(id, user_id, name, public_key, refresh_hash, created_at, last_seen_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, device.id)
        .bind(2, device.userId)
        .bind(3, device.name)
        .bind(4, device.publicKey)
        .bind(5, device.refreshHash)
        .bind(6, device.createdAt)
        .bind(7, device.lastSeenAt)
        .run();
}

namespace {
DeviceInfo readDevice(const Statement& row)
{
    DeviceInfo device;
    device.id = row.text(0);
    device.userId = row.text(1);
    device.name = row.text(2);
    device.publicKey = row.text(3);
    device.refreshHash = row.text(4);
    device.createdAt = row.integer(5);
    device.lastSeenAt = row.integer(6);
    if (!row.isNull(7)) {
        device.revokedAt = row.integer(7);
    }
    return device;
}
} // namespace

std::optional<DeviceInfo> SqliteStore::device(std::string_view id)
{
    auto query = statement("SELECT id, user_id, name, public_key, refresh_hash, created_at, last_seen_at, "
                                 "revoked_at FROM devices WHERE id = ?");
    query.bind(1, id);
    if (!query.step()) {
        return std::nullopt;
    }
    return readDevice(*query);
}

std::vector<DeviceInfo> SqliteStore::devices()
{
    auto query = statement("SELECT id, user_id, name, public_key, refresh_hash, created_at, last_seen_at, "
                                 "revoked_at FROM devices ORDER BY created_at, id");
    std::vector<DeviceInfo> out;
    while (query.step()) {
        out.push_back(readDevice(*query));
    }
    return out;
}

bool SqliteStore::revokeDevice(std::string_view id, std::int64_t at)
{
    bool found = false;
    writeTransaction([&] {
        statement("UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?").bind(1, at).bind(2, id).run();
        found = m_db->changes() > 0;
    });
    return found;
}

void SqliteStore::touchDevice(std::string_view id, std::int64_t at)
{
    statement("UPDATE devices SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?")
        .bind(1, at)
        .bind(2, id)
        .bind(3, at)
        .run();
}

void SqliteStore::rotateRefreshToken(std::string_view deviceId, std::string_view oldHash, std::string_view newHash,
                                     std::int64_t at)
{
    statement("INSERT OR REPLACE INTO retired_refresh_tokens(token_hash, device_id, retired_at) VALUES (?, ?, ?)")
        .bind(1, oldHash)
        .bind(2, deviceId)
        .bind(3, at)
        .run();
    statement("UPDATE devices SET refresh_hash = ? WHERE id = ?").bind(1, newHash).bind(2, deviceId).run();
}

std::optional<RetiredRefreshToken> SqliteStore::retiredRefreshToken(std::string_view tokenHash)
{
    auto query = statement("SELECT device_id, retired_at FROM retired_refresh_tokens WHERE token_hash = ?");
    query.bind(1, tokenHash);
    if (!query.step()) {
        return std::nullopt;
    }
    return RetiredRefreshToken{query.text(0), query.integer(1)};
}

void SqliteStore::endDeviceSession(std::string_view deviceId)
{
    // An empty hash matches no token: sha256Hex never answers "".
    statement("UPDATE devices SET refresh_hash = '' WHERE id = ?").bind(1, deviceId).run();
    statement("DELETE FROM access_tokens WHERE device_id = ?").bind(1, deviceId).run();
}

void SqliteStore::addAccessToken(std::string_view tokenHash, std::string_view deviceId, std::int64_t expiresAt)
{
    statement("INSERT INTO access_tokens(token_hash, device_id, expires_at) VALUES (?, ?, ?)")
        .bind(1, tokenHash)
        .bind(2, deviceId)
        .bind(3, expiresAt)
        .run();
}

std::optional<AccessTokenInfo> SqliteStore::accessToken(std::string_view tokenHash)
{
    auto query = statement("SELECT device_id, expires_at FROM access_tokens WHERE token_hash = ?");
    query.bind(1, tokenHash);
    if (!query.step()) {
        return std::nullopt;
    }
    return AccessTokenInfo{query.text(0), query.integer(1)};
}

void SqliteStore::purgeExpiredTokens(std::int64_t now)
{
    statement("DELETE FROM access_tokens WHERE expires_at <= ?").bind(1, now).run();
}

std::optional<ChangeOutcome> SqliteStore::changeOutcome(std::string_view changeId)
{
    auto query = statement("SELECT status, reason, author FROM changes WHERE id = ?");
    query.bind(1, changeId);
    if (!query.step()) {
        return std::nullopt;
    }
    return ChangeOutcome{query.text(0), query.text(1), query.text(2)};
}

void SqliteStore::logChange(const ChangeLogEntry& entry)
{
    statement("INSERT INTO changes(id, device_id, author, record_type, record_id, status, reason, seq, received_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, entry.changeId)
        .bind(2, entry.deviceId)
        .bind(3, entry.author)
        .bind(4, entry.recordType)
        .bind(5, entry.recordId)
        .bind(6, entry.status)
        .bind(7, entry.reason)
        .bind(8, entry.sequence)
        .bind(9, entry.receivedAt)
        .run();
}

StoredRecord SqliteStore::readRecord(const Statement& row) const
{
    StoredRecord out;
    out.record.type = row.text(0);
    out.record.id = row.text(1);
    const auto state = parseState(row.text(2));
    if (!state) {
        throw std::runtime_error("a stored record has an unknown state");
    }
    out.state = *state;
    out.caseId = row.text(3);
    out.audience = row.text(4);
    out.record.author = row.text(5);
    out.record.hlc = row.text(6);
    out.record.formVersion = static_cast<int>(row.integer(7));
    out.changeId = row.text(8);
    out.sequence = row.integer(9);
    out.updatedAt = row.integer(10);
    const crypto::Bytes sealed = row.isNull(13) ? crypto::Bytes{} : row.blob(13);
    out.record.fields = m_sealer.join(out.record.type, out.record.id, parseObject(row.text(11)), sealed,
                                      row.isNull(14) ? std::string() : row.text(14));
    out.fieldClocks = parseObject(row.text(12));
    return out;
}

std::vector<StoredRecord> SqliteStore::readRecords(Statement& query) const
{
    std::vector<StoredRecord> out;
    while (query.step()) {
        out.push_back(readRecord(query));
    }
    return out;
}

std::optional<StoredRecord> SqliteStore::storedRecord(std::string_view type, std::string_view id)
{
    auto query = statement("SELECT " FB_RECORD_COLUMNS " FROM records WHERE record_type = ? AND record_id = ?");
    query.bind(1, type).bind(2, id);
    if (!query.step()) {
        return std::nullopt;
    }
    return readRecord(*query);
}

std::int64_t SqliteStore::nextSequence()
{
    auto update = statement("UPDATE counters SET value = value + 1 WHERE name = 'sequence' RETURNING value");
    if (!update.step()) {
        throw std::runtime_error("the sequence counter is missing");
    }
    const std::int64_t value = update.integer(0);
    while (update.step()) {
    }
    return value;
}

std::int64_t SqliteStore::lastSequence()
{
    auto query = statement("SELECT value FROM counters WHERE name = 'sequence'");
    return query.step() ? query.integer(0) : 0;
}

std::int64_t SqliteStore::putRecord(StoredRecord& record)
{
    record.sequence = nextSequence();
    const auto split =
        m_sealer.split(record.record.type, record.record.id, record.record.formVersion, record.record.fields);
    auto upsert = statement(
        "INSERT INTO records(" FB_RECORD_COLUMNS ", created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?6) "
        "ON CONFLICT(record_type, record_id) DO UPDATE SET state = excluded.state, case_id = excluded.case_id, "
        "audience = excluded.audience, author = excluded.author, hlc = excluded.hlc, "
        "form_version = excluded.form_version, change_id = excluded.change_id, seq = excluded.seq, "
        "updated_at = excluded.updated_at, fields = excluded.fields, field_clocks = excluded.field_clocks, "
        "sealed = excluded.sealed, key_id = excluded.key_id");
    upsert.bind(1, record.record.type)
        .bind(2, record.record.id)
        .bind(3, recordStateName(record.state))
        .bind(4, record.caseId)
        .bind(5, record.audience)
        .bind(6, record.record.author)
        .bind(7, record.record.hlc)
        .bind(8, record.record.formVersion)
        .bind(9, record.changeId)
        .bind(10, record.sequence)
        .bind(11, record.updatedAt)
        .bind(12, boost::json::serialize(split.plain))
        .bind(13, boost::json::serialize(record.fieldClocks));
    if (split.sealed.empty()) {
        upsert.bindNull(14).bindNull(15);
    } else {
        upsert.bindBlob(14, split.sealed).bind(15, split.keyId);
    }
    upsert.run();

    // The index holds plain values only: sealed fields are never written in clear anywhere.
    StoredRecord plainOnly;
    plainOnly.record.type = record.record.type;
    plainOnly.record.id = record.record.id;
    plainOnly.record.fields = split.plain;
    plainOnly.caseId = record.caseId;
    plainOnly.sequence = record.sequence;
    writeIndex(plainOnly);
    writePeople(plainOnly);
    return record.sequence;
}

void SqliteStore::writePeople(const StoredRecord& record)
{
    statement("DELETE FROM record_people WHERE record_type = ? AND record_id = ?")
        .bind(1, record.record.type)
        .bind(2, record.record.id)
        .run();
    if (!record.caseId.empty()) {
        return; // a pull finds the records of a case by case_id
    }
    auto insert = statement(
        "INSERT OR IGNORE INTO record_people(person_id, record_type, record_id, seq) VALUES (?, ?, ?, ?)");
    for (const std::string& person : peopleOf(record.record)) {
        (*insert).reset();
        insert.bind(1, person)
            .bind(2, record.record.type)
            .bind(3, record.record.id)
            .bind(4, record.sequence)
            .run();
    }
}

void SqliteStore::writeIndex(const StoredRecord& record)
{
    statement("DELETE FROM record_index WHERE record_type = ? AND record_id = ?")
        .bind(1, record.record.type)
        .bind(2, record.record.id)
        .run();
    auto insert =
        statement("INSERT OR IGNORE INTO record_index(record_type, field, value, record_id) VALUES (?, ?, ?, ?)");
    auto add = [&](std::string_view field, std::string_view value) {
        (*insert).reset();
        insert.bind(1, record.record.type).bind(2, field).bind(3, value).bind(4, record.record.id).run();
    };
    for (const auto& [field, value] : rows::indexEntries(record.record.fields)) {
        add(field, value);
    }
}

void SqliteStore::addAccessEvent(std::string_view userId, std::string_view caseId)
{
    if (userId.empty() || caseId.empty()) {
        return;
    }
    statement("INSERT INTO access_events(seq, user_id, case_id) VALUES (?, ?, ?)")
        .bind(1, nextSequence())
        .bind(2, userId)
        .bind(3, caseId)
        .run();
}

std::vector<StoredRecord> SqliteStore::recordsAfter(std::int64_t after, const ScanFilter& filter, std::size_t limit)
{
    const auto max = static_cast<std::int64_t>(limit);
    if (!filter.caseIds) {
        auto query = statement("SELECT " FB_RECORD_COLUMNS " FROM records "
                                     "WHERE seq > ? AND state != 'quarantined' ORDER BY seq LIMIT ?");
        query.bind(1, after).bind(2, max);
        return readRecords(*query);
    }
    const std::string cases = jsonList(*filter.caseIds);
    if (!filter.people) {
        auto query = statement(
            "SELECT " FB_RECORD_COLUMNS " FROM records WHERE seq > ? AND state != 'quarantined' AND "
            "(case_id = '' OR case_id IN (SELECT value FROM json_each(?)) OR author = ? OR audience = ?) "
            "ORDER BY seq LIMIT ?");
        query.bind(1, after)
            .bind(2, cases)
            .bind(3, filter.author)
            .bind(4, filter.audience)
            .bind(5, max);
        return readRecords(*query);
    }
    // Each arm walks an index (records_case, records_author, records_audience, record_people_seq)
    // and yields sequences only: no row outside the reader's scope is read or unsealed.
    auto query = statement(
        "SELECT " FB_RECORD_COLUMNS " FROM records WHERE state != 'quarantined' AND seq IN ("
        "SELECT seq FROM records WHERE case_id IN (SELECT value FROM json_each(?2)) AND seq > ?1 "
        "UNION SELECT seq FROM records WHERE author = ?3 AND seq > ?1 "
        "UNION SELECT seq FROM records WHERE audience = ?4 AND seq > ?1 "
        "UNION SELECT seq FROM record_people "
        "WHERE person_id IN (SELECT value FROM json_each(?5)) AND seq > ?1) "
        "ORDER BY seq LIMIT ?6");
    query.bind(1, after)
        .bind(2, cases)
        .bind(3, filter.author)
        .bind(4, filter.audience)
        .bind(5, jsonList(*filter.people))
        .bind(6, max);
    return readRecords(*query);
}

std::vector<AccessEvent> SqliteStore::accessEventsAfter(std::string_view userId, std::int64_t after,
                                                        std::size_t limit)
{
    auto query =
        statement("SELECT seq, user_id, case_id FROM access_events WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    query.bind(1, userId).bind(2, after).bind(3, static_cast<std::int64_t>(limit));
    std::vector<AccessEvent> out;
    while (query.step()) {
        out.push_back(AccessEvent{query.integer(0), query.text(1), query.text(2)});
    }
    return out;
}

std::vector<StoredRecord> SqliteStore::recordsOfCase(std::string_view caseId)
{
    auto query = statement("SELECT " FB_RECORD_COLUMNS " FROM records WHERE state != 'quarantined' AND "
                                 "(case_id = ? OR (record_type = 'case' AND record_id = ?)) ORDER BY seq");
    query.bind(1, caseId).bind(2, caseId);
    return readRecords(*query);
}

std::vector<StoredRecord> SqliteStore::recordsReferencing(std::string_view value)
{
    auto query = statement(
        "SELECT " FB_RECORD_COLUMNS " FROM records WHERE record_id = ? OR EXISTS (SELECT 1 FROM record_index i "
        "WHERE i.value = ? AND i.record_type = records.record_type AND i.record_id = records.record_id) "
        "ORDER BY seq");
    query.bind(1, value).bind(2, value);
    return readRecords(*query);
}

std::vector<StoredRecord> SqliteStore::recordsOfType(std::string_view type)
{
    auto query = statement("SELECT " FB_RECORD_COLUMNS " FROM records WHERE record_type = ? ORDER BY seq");
    query.bind(1, type);
    return readRecords(*query);
}

std::vector<std::string> SqliteStore::recordTypesOf(std::string_view recordId)
{
    auto query = statement("SELECT record_type FROM records WHERE record_id = ?");
    query.bind(1, recordId);
    std::vector<std::string> out;
    while (query.step()) {
        out.push_back(query.text(0));
    }
    return out;
}

std::string SqliteStore::creatorOf(std::string_view type, std::string_view id) const
{
    auto query = statement("SELECT created_by FROM records WHERE record_type = ? AND record_id = ?");
    query.bind(1, type).bind(2, id);
    return query.step() ? query.text(0) : std::string();
}

std::optional<Record> SqliteStore::record(std::string_view type, std::string_view id) const
{
    auto query = statement("SELECT " FB_RECORD_COLUMNS
                                 " FROM records WHERE record_type = ? AND record_id = ? AND state = 'applied'");
    query.bind(1, type).bind(2, id);
    if (!query.step()) {
        return std::nullopt;
    }
    return readRecord(*query).record;
}

std::vector<Record> SqliteStore::recordsWhere(std::string_view type, std::string_view field,
                                              std::string_view value) const
{
    std::vector<StoredRecord> rows;
    if (m_sealer.maySeal(type, field) || !isId(value)) {
        // Only plain ids are indexed: open every record of the type (rare; no rule asks this).
        auto query =
            statement("SELECT " FB_RECORD_COLUMNS " FROM records WHERE record_type = ? AND state = 'applied'");
        query.bind(1, type);
        for (auto& row : readRecords(*query)) {
            const auto found = row.record.fields.find(field);
            if (found != row.record.fields.end() && found->value().is_string() &&
                found->value().as_string() == value) {
                rows.push_back(std::move(row));
            }
        }
    } else {
        auto query = statement(
            "SELECT " FB_RECORD_COLUMNS " FROM records WHERE state = 'applied' AND record_type = ? AND record_id IN "
            "(SELECT record_id FROM record_index WHERE record_type = ? AND field = ? AND value = ?) ORDER BY seq");
        query.bind(1, type).bind(2, type).bind(3, field).bind(4, value);
        rows = readRecords(*query);
    }
    std::vector<Record> out;
    out.reserve(rows.size());
    for (auto& row : rows) {
        out.push_back(std::move(row.record));
    }
    return out;
}

namespace {

constexpr const char* kHeldColumns =
    "SELECT r.change_id, r.record_type, r.record_id, r.case_id, c.reason, r.author, c.received_at, "
    "(SELECT MAX(d.decided_at) FROM review_decisions d WHERE d.change_id = r.change_id) ";

HeldRecord readHeld(const Statement& row)
{
    HeldRecord held;
    held.changeId = row.text(0);
    held.recordType = row.text(1);
    held.recordId = row.text(2);
    held.caseId = row.text(3);
    held.reason = row.text(4);
    held.author = row.text(5);
    held.receivedAt = row.integer(6);
    if (!row.isNull(7)) {
        held.reviewedAt = row.integer(7);
    }
    return held;
}

} // namespace

std::vector<HeldRecord> SqliteStore::heldRecords(const std::optional<std::vector<std::string>>& caseIds,
                                                 std::size_t limit)
{
    const auto max = static_cast<std::int64_t>(limit);
    std::vector<HeldRecord> out;
    if (!caseIds) {
        static const std::string sql = std::string(kHeldColumns) +
                                       "FROM records r JOIN changes c ON c.id = r.change_id "
                                       "WHERE r.state = 'quarantined' ORDER BY r.seq LIMIT ?";
        auto query = statement(sql.c_str());
        query.bind(1, max);
        while (query.step()) {
            out.push_back(readHeld(*query));
        }
        return out;
    }
    static const std::string sql = std::string(kHeldColumns) +
                                   "FROM records r JOIN changes c ON c.id = r.change_id "
                                   "WHERE r.state = 'quarantined' AND r.case_id IN (SELECT value FROM json_each(?)) "
                                   "ORDER BY r.seq LIMIT ?";
    auto query = statement(sql.c_str());
    query.bind(1, jsonList(*caseIds)).bind(2, max);
    while (query.step()) {
        out.push_back(readHeld(*query));
    }
    return out;
}

void SqliteStore::replacePopulation(std::string_view establishment, const std::vector<PopulationRow>& rows,
                                    std::int64_t at)
{
    writeTransaction([&] {
        statement("DELETE FROM population WHERE establishment = ?").bind(1, establishment).run();
        std::int64_t position = 0;
        for (const PopulationRow& row : rows) {
            statement("INSERT INTO population(establishment, ethnicity, count, position, imported_at) "
                      "VALUES (?, ?, ?, ?, ?)")
                .bind(1, establishment)
                .bind(2, row.ethnicity)
                .bind(3, row.count)
                .bind(4, position++)
                .bind(5, at)
                .run();
        }
    });
}

std::vector<PopulationRow> SqliteStore::population()
{
    auto query = statement("SELECT establishment, ethnicity, count FROM population ORDER BY establishment, position");
    std::vector<PopulationRow> out;
    while (query.step()) {
        out.push_back(PopulationRow{query.text(0), query.text(1), query.integer(2)});
    }
    return out;
}

std::optional<HeldRecord> SqliteStore::heldRecord(std::string_view changeId)
{
    static const std::string sql = std::string(kHeldColumns) +
                                   "FROM changes c JOIN records r ON r.record_type = c.record_type AND "
                                   "r.record_id = c.record_id AND r.change_id = c.id "
                                   "WHERE c.id = ? AND r.state = 'quarantined'";
    auto query = statement(sql.c_str());
    query.bind(1, changeId);
    if (!query.step()) {
        return std::nullopt;
    }
    return readHeld(*query);
}

void SqliteStore::setChangeOutcome(std::string_view changeId, const ChangeOutcome& outcome)
{
    statement("UPDATE changes SET status = ?, reason = ? WHERE id = ?")
        .bind(1, outcome.status)
        .bind(2, outcome.reason)
        .bind(3, changeId)
        .run();
}

void SqliteStore::addReviewDecision(const ReviewDecision& decision)
{
    auto [sealed, keyId] = m_sealer.sealText(sealContext("review_decisions", decision.id), decision.note);
    statement("INSERT INTO review_decisions(id, change_id, record_type, record_id, officer, decision, note, key_id, "
              "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, decision.id)
        .bind(2, decision.changeId)
        .bind(3, decision.recordType)
        .bind(4, decision.recordId)
        .bind(5, decision.officer)
        .bind(6, decision.decision)
        .bindBlob(7, sealed)
        .bind(8, keyId)
        .bind(9, decision.decidedAt)
        .run();
}

std::optional<ReviewDecision> SqliteStore::reviewDecision(std::string_view id)
{
    auto query = statement("SELECT id, change_id, record_type, record_id, officer, decision, note, key_id, decided_at "
                           "FROM review_decisions WHERE id = ?");
    query.bind(1, id);
    if (!query.step()) {
        return std::nullopt;
    }
    ReviewDecision decision;
    decision.id = query.text(0);
    decision.changeId = query.text(1);
    decision.recordType = query.text(2);
    decision.recordId = query.text(3);
    decision.officer = query.text(4);
    decision.decision = query.text(5);
    decision.note = m_sealer.openText(sealContext("review_decisions", decision.id), (*query).blob(6), query.text(7));
    decision.decidedAt = query.integer(8);
    return decision;
}

void SqliteStore::addBreakGlassGrant(const BreakGlassGrant& grant)
{
    auto [sealed, keyId] = m_sealer.sealText(sealContext("break_glass_grants", grant.id), grant.reason);
    statement("INSERT INTO break_glass_grants(id, officer, case_id, reason, key_id, granted_at, expires_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, grant.id)
        .bind(2, grant.officer)
        .bind(3, grant.caseId)
        .bindBlob(4, sealed)
        .bind(5, keyId)
        .bind(6, grant.grantedAt)
        .bind(7, grant.expiresAt)
        .run();
}

BreakGlassGrant SqliteStore::readGrant(const Statement& row) const
{
    BreakGlassGrant grant;
    grant.id = row.text(0);
    grant.officer = row.text(1);
    grant.caseId = row.text(2);
    grant.reason = m_sealer.openText(sealContext("break_glass_grants", grant.id), row.blob(3), row.text(4));
    grant.grantedAt = row.integer(5);
    grant.expiresAt = row.integer(6);
    if (!row.isNull(7)) {
        grant.closedAt = row.integer(7);
    }
    return grant;
}

std::optional<BreakGlassGrant> SqliteStore::breakGlassGrant(std::string_view id)
{
    auto query = statement("SELECT id, officer, case_id, reason, key_id, granted_at, expires_at, closed_at "
                           "FROM break_glass_grants WHERE id = ?");
    query.bind(1, id);
    if (!query.step()) {
        return std::nullopt;
    }
    return readGrant(*query);
}

std::vector<BreakGlassGrant> SqliteStore::openBreakGlassGrants(std::string_view officer)
{
    auto query = statement("SELECT id, officer, case_id, reason, key_id, granted_at, expires_at, closed_at "
                           "FROM break_glass_grants WHERE officer = ? AND closed_at IS NULL ORDER BY granted_at, id");
    query.bind(1, officer);
    std::vector<BreakGlassGrant> out;
    while (query.step()) {
        out.push_back(readGrant(*query));
    }
    return out;
}

void SqliteStore::closeBreakGlassGrant(std::string_view id, std::int64_t at)
{
    statement("UPDATE break_glass_grants SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
        .bind(1, at)
        .bind(2, id)
        .run();
}

std::size_t SqliteStore::resealTexts()
{
    std::size_t count = 0;
    struct Table
    {
        const char* name;
        const char* select;
        const char* update;
    };
    static constexpr Table kTables[] = {
        {"review_decisions", "SELECT id, note, key_id FROM review_decisions",
         "UPDATE review_decisions SET note = ?, key_id = ? WHERE id = ?"},
        {"break_glass_grants", "SELECT id, reason, key_id FROM break_glass_grants",
         "UPDATE break_glass_grants SET reason = ?, key_id = ? WHERE id = ?"},
    };
    for (const Table& table : kTables) {
        std::vector<std::pair<std::string, std::string>> texts; // id, clear text
        {
            auto query = statement(table.select);
            while (query.step()) {
                const std::string id = query.text(0);
                texts.emplace_back(id, m_sealer.openText(sealContext(table.name, id), (*query).blob(1), query.text(2)));
            }
        }
        auto update = statement(table.update);
        for (auto& [id, text] : texts) {
            auto [sealed, keyId] = m_sealer.sealText(sealContext(table.name, id), text);
            crypto::wipe(text);
            (*update).reset();
            update.bindBlob(1, sealed).bind(2, keyId).bind(3, id).run();
            ++count;
        }
    }
    return count;
}

void SqliteStore::appendAudit(const AuditEntry& entry)
{
    statement("INSERT INTO audit(at, action, user_id, device_id, detail) VALUES (?, ?, ?, ?, ?)")
        .bind(1, entry.at)
        .bind(2, entry.action)
        .bind(3, entry.userId)
        .bind(4, entry.deviceId)
        .bind(5, boost::json::serialize(entry.detail))
        .run();
}

std::vector<AuditEntry> SqliteStore::auditSince(std::int64_t at, std::size_t limit)
{
    auto query = statement(
        "SELECT seq, at, action, user_id, device_id, detail FROM audit WHERE at >= ? ORDER BY seq LIMIT ?");
    query.bind(1, at).bind(2, static_cast<std::int64_t>(limit));
    std::vector<AuditEntry> out;
    while (query.step()) {
        AuditEntry entry;
        entry.sequence = query.integer(0);
        entry.at = query.integer(1);
        entry.action = query.text(2);
        entry.userId = query.text(3);
        entry.deviceId = query.text(4);
        entry.detail = parseObject(query.text(5));
        out.push_back(std::move(entry));
    }
    return out;
}

std::size_t SqliteStore::resealAll()
{
    std::size_t count = 0;
    writeTransaction([&] {
        auto query = statement("SELECT " FB_RECORD_COLUMNS " FROM records WHERE sealed IS NOT NULL");
        std::vector<StoredRecord> sealed = readRecords(*query);
        auto update = statement("UPDATE records SET sealed = ?, key_id = ?, fields = ? "
                                      "WHERE record_type = ? AND record_id = ?");
        for (const StoredRecord& row : sealed) {
            const auto split =
                m_sealer.split(row.record.type, row.record.id, row.record.formVersion, row.record.fields);
            (*update).reset();
            update.bind(2, split.keyId).bind(3, boost::json::serialize(split.plain));
            if (split.sealed.empty()) {
                update.bindNull(1).bindNull(2);
            } else {
                update.bindBlob(1, split.sealed);
            }
            update.bind(4, row.record.type).bind(5, row.record.id).run();
            ++count;
        }
        resealTexts();
    });
    return count;
}

} // namespace fieldbook::server
