#include "store/pgstore.h"

#include "model/ids.h"
#include "rules/access.h"
#include "store/pgschema.h"
#include "store/storerows.h"

#include <boost/json/serialize.hpp>

#include <stdexcept>

namespace fieldbook::server {

using rows::jsonList;
using rows::parseObject;
using rows::parseState;
using rows::sealContext;

// The same columns in the same order as SqliteStore's, so that the two read rows alike.
#define FB_PG_RECORD_COLUMNS                                                                                     \
    "record_type, record_id, state, case_id, audience, author, hlc, form_version, change_id, seq, updated_at, " \
    "fields, field_clocks, sealed, key_id"

PgStore::PgStore(const std::string& uri, std::shared_ptr<const KeyRing> keys, const FormRegistry& forms)
    : m_db(std::make_unique<PgConnection>(uri))
    , m_sealer(forms, std::move(keys))
{
    migratePg(*m_db);
}

void PgStore::checkKey()
{
    const PgResult sample =
        m_db->run("SELECT record_type, record_id FROM records WHERE sealed IS NOT NULL ORDER BY seq DESC LIMIT 1");
    if (sample.rows() == 0) {
        return;
    }
    try {
        storedRecord(sample.text(0, 0), sample.text(0, 1));
    } catch (const PgError&) {
        throw;
    } catch (const std::exception&) {
        throw std::runtime_error("the sealing key does not open this PostgreSQL database's records: every process "
                                 "on one database needs the same key file (--state-dir, --key-file)");
    }
}

bool PgStore::hasSchema(const std::string& uri)
{
    PgConnection db(uri);
    const PgResult result = db.run("SELECT to_regclass('schema_version') IS NOT NULL");
    return result.rows() > 0 && result.text(0, 0) == "t";
}

void PgStore::writeTransaction(const std::function<void()>& work)
{
    if (m_depth > 0) {
        if (m_readOnly) {
            throw std::logic_error("a write inside a read transaction");
        }
        work();
        return;
    }
    m_db->begin("BEGIN ISOLATION LEVEL READ COMMITTED");
    ++m_depth;
    m_readOnly = false;
    try {
        // Before the first read: every statement after it sees every earlier writer's commit.
        m_db->run("SELECT pg_advisory_xact_lock($1)", PgParams().integer(kPgWriteLock));
        work();
        m_db->commit();
    } catch (...) {
        --m_depth;
        m_db->rollback();
        throw;
    }
    --m_depth;
}

void PgStore::readTransaction(const std::function<void()>& work)
{
    if (m_depth > 0) {
        work();
        return;
    }
    m_db->begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    ++m_depth;
    m_readOnly = true;
    try {
        work();
        m_db->commit();
    } catch (...) {
        --m_depth;
        m_readOnly = false;
        m_db->rollback();
        throw;
    }
    --m_depth;
    m_readOnly = false;
}

std::optional<std::string> PgStore::setting(std::string_view key)
{
    const PgResult result = m_db->run("SELECT value FROM settings WHERE key = $1", PgParams().text(key));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return result.text(0, 0);
}

void PgStore::setSetting(std::string_view key, std::string_view value)
{
    m_db->run("INSERT INTO settings(key, value) VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
              PgParams().text(key).text(value));
}

void PgStore::addUser(const User& user, std::int64_t at)
{
    m_db->run("INSERT INTO users(id, name, roles, team, created_at) VALUES ($1, $2, $3, $4, $5)",
              PgParams()
                  .text(user.id)
                  .text(user.name)
                  .integer(static_cast<std::int64_t>(user.roles.bits()))
                  .text(user.team)
                  .integer(at));
}

namespace {

User readUser(const PgResult& result, int row)
{
    return User{result.text(row, 0), result.text(row, 1),
                RoleSet::fromBits(static_cast<std::uint32_t>(result.integer(row, 2))), result.text(row, 3)};
}

DeviceInfo readDevice(const PgResult& result, int row)
{
    DeviceInfo device;
    device.id = result.text(row, 0);
    device.userId = result.text(row, 1);
    device.name = result.text(row, 2);
    device.publicKey = result.text(row, 3);
    device.refreshHash = result.text(row, 4);
    device.createdAt = result.integer(row, 5);
    device.lastSeenAt = result.integer(row, 6);
    if (!result.isNull(row, 7)) {
        device.revokedAt = result.integer(row, 7);
    }
    return device;
}

} // namespace

std::vector<User> PgStore::users() const
{
    const PgResult result = m_db->run("SELECT id, name, roles, team FROM users ORDER BY created_at, id");
    std::vector<User> out;
    for (int row = 0; row < result.rows(); ++row) {
        out.push_back(readUser(result, row));
    }
    return out;
}

std::optional<User> PgStore::user(std::string_view userId) const
{
    const PgResult result = m_db->run("SELECT id, name, roles, team FROM users WHERE id = $1", PgParams().text(userId));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return readUser(result, 0);
}

void PgStore::addEnrolCode(std::string_view codeHash, std::string_view userId, std::int64_t createdAt,
                           std::int64_t expiresAt)
{
    m_db->run("INSERT INTO enrol_codes(code_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
              PgParams().text(codeHash).text(userId).integer(createdAt).integer(expiresAt));
}

std::optional<std::string> PgStore::consumeEnrolCode(std::string_view codeHash, std::int64_t now)
{
    // One statement: two processes given the same code at once cannot both have it.
    const PgResult result = m_db->run("UPDATE enrol_codes SET used_at = $1 "
                                      "WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
                                      PgParams().integer(now).text(codeHash));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return result.text(0, 0);
}

void PgStore::addDevice(const DeviceInfo& device)
{
    m_db->run("INSERT INTO devices(id, user_id, name, public_key, refresh_hash, created_at, last_seen_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7)",
              PgParams()
                  .text(device.id)
                  .text(device.userId)
                  .text(device.name)
                  .text(device.publicKey)
                  .text(device.refreshHash)
                  .integer(device.createdAt)
                  .integer(device.lastSeenAt));
}

std::optional<DeviceInfo> PgStore::device(std::string_view id)
{
    const PgResult result = m_db->run("SELECT id, user_id, name, public_key, refresh_hash, created_at, last_seen_at, "
                                      "revoked_at FROM devices WHERE id = $1",
                                      PgParams().text(id));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return readDevice(result, 0);
}

std::vector<DeviceInfo> PgStore::devices()
{
    const PgResult result = m_db->run("SELECT id, user_id, name, public_key, refresh_hash, created_at, last_seen_at, "
                                      "revoked_at FROM devices ORDER BY created_at, id");
    std::vector<DeviceInfo> out;
    for (int row = 0; row < result.rows(); ++row) {
        out.push_back(readDevice(result, row));
    }
    return out;
}

bool PgStore::revokeDevice(std::string_view id, std::int64_t at)
{
    bool found = false;
    writeTransaction([&] {
        const PgResult result = m_db->run("UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2",
                                          PgParams().integer(at).text(id));
        found = result.affected() > 0;
    });
    return found;
}

void PgStore::touchDevice(std::string_view id, std::int64_t at)
{
    m_db->run("UPDATE devices SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1",
              PgParams().integer(at).text(id));
}

void PgStore::rotateRefreshToken(std::string_view deviceId, std::string_view oldHash, std::string_view newHash,
                                 std::int64_t at)
{
    writeTransaction([&] {
        m_db->run("INSERT INTO retired_refresh_tokens(token_hash, device_id, retired_at) VALUES ($1, $2, $3) "
                  "ON CONFLICT(token_hash) DO UPDATE SET device_id = excluded.device_id, retired_at = excluded.retired_at",
                  PgParams().text(oldHash).text(deviceId).integer(at));
        m_db->run("UPDATE devices SET refresh_hash = $1 WHERE id = $2", PgParams().text(newHash).text(deviceId));
    });
}

std::optional<RetiredRefreshToken> PgStore::retiredRefreshToken(std::string_view tokenHash)
{
    const PgResult result = m_db->run("SELECT device_id, retired_at FROM retired_refresh_tokens WHERE token_hash = $1",
                                      PgParams().text(tokenHash));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return RetiredRefreshToken{result.text(0, 0), result.integer(0, 1)};
}

void PgStore::endDeviceSession(std::string_view deviceId)
{
    writeTransaction([&] {
        // An empty hash matches no token: sha256Hex never answers "".
        m_db->run("UPDATE devices SET refresh_hash = '' WHERE id = $1", PgParams().text(deviceId));
        m_db->run("DELETE FROM access_tokens WHERE device_id = $1", PgParams().text(deviceId));
    });
}

void PgStore::addAccessToken(std::string_view tokenHash, std::string_view deviceId, std::int64_t expiresAt)
{
    m_db->run("INSERT INTO access_tokens(token_hash, device_id, expires_at) VALUES ($1, $2, $3)",
              PgParams().text(tokenHash).text(deviceId).integer(expiresAt));
}

std::optional<AccessTokenInfo> PgStore::accessToken(std::string_view tokenHash)
{
    const PgResult result = m_db->run("SELECT device_id, expires_at FROM access_tokens WHERE token_hash = $1",
                                      PgParams().text(tokenHash));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return AccessTokenInfo{result.text(0, 0), result.integer(0, 1)};
}

void PgStore::purgeExpiredTokens(std::int64_t now)
{
    m_db->run("DELETE FROM access_tokens WHERE expires_at <= $1", PgParams().integer(now));
}

std::optional<ChangeOutcome> PgStore::changeOutcome(std::string_view changeId)
{
    const PgResult result =
        m_db->run("SELECT status, reason, author FROM changes WHERE id = $1", PgParams().text(changeId));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return ChangeOutcome{result.text(0, 0), result.text(0, 1), result.text(0, 2)};
}

void PgStore::logChange(const ChangeLogEntry& entry)
{
    m_db->run("INSERT INTO changes(id, device_id, author, record_type, record_id, status, reason, seq, received_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
              PgParams()
                  .text(entry.changeId)
                  .text(entry.deviceId)
                  .text(entry.author)
                  .text(entry.recordType)
                  .text(entry.recordId)
                  .text(entry.status)
                  .text(entry.reason)
                  .integer(entry.sequence)
                  .integer(entry.receivedAt));
}

StoredRecord PgStore::readRecord(const PgResult& rows, int row) const
{
    StoredRecord out;
    out.record.type = rows.text(row, 0);
    out.record.id = rows.text(row, 1);
    const auto state = parseState(rows.text(row, 2));
    if (!state) {
        throw std::runtime_error("a stored record has an unknown state");
    }
    out.state = *state;
    out.caseId = rows.text(row, 3);
    out.audience = rows.text(row, 4);
    out.record.author = rows.text(row, 5);
    out.record.hlc = rows.text(row, 6);
    out.record.formVersion = static_cast<int>(rows.integer(row, 7));
    out.changeId = rows.text(row, 8);
    out.sequence = rows.integer(row, 9);
    out.updatedAt = rows.integer(row, 10);
    const crypto::Bytes sealed = rows.isNull(row, 13) ? crypto::Bytes{} : rows.bytes(row, 13);
    out.record.fields = m_sealer.join(out.record.type, out.record.id, parseObject(rows.text(row, 11)), sealed,
                                      rows.isNull(row, 14) ? std::string() : rows.text(row, 14));
    out.fieldClocks = parseObject(rows.text(row, 12));
    return out;
}

std::vector<StoredRecord> PgStore::readRecords(const PgResult& rows) const
{
    std::vector<StoredRecord> out;
    out.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        out.push_back(readRecord(rows, row));
    }
    return out;
}

std::optional<StoredRecord> PgStore::storedRecord(std::string_view type, std::string_view id)
{
    const PgResult result =
        m_db->run("SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE record_type = $1 AND record_id = $2",
                  PgParams().text(type).text(id));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return readRecord(result, 0);
}

std::int64_t PgStore::nextSequence()
{
    // The row stays locked until the commit, and the write lock is held anyway: no other
    // transaction can issue a later sequence and commit before this one.
    const PgResult result =
        m_db->run("UPDATE counters SET value = value + 1 WHERE name = 'sequence' RETURNING value");
    if (result.rows() == 0) {
        throw std::runtime_error("the sequence counter is missing");
    }
    return result.integer(0, 0);
}

std::int64_t PgStore::lastSequence()
{
    const PgResult result = m_db->run("SELECT value FROM counters WHERE name = 'sequence'");
    return result.rows() > 0 ? result.integer(0, 0) : 0;
}

std::int64_t PgStore::putRecord(StoredRecord& record)
{
    writeTransaction([&] {
        record.sequence = nextSequence();
        const auto split =
            m_sealer.split(record.record.type, record.record.id, record.record.formVersion, record.record.fields);
        m_db->run("INSERT INTO records(" FB_PG_RECORD_COLUMNS ", created_by) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $6) "
                  "ON CONFLICT(record_type, record_id) DO UPDATE SET state = excluded.state, "
                  "case_id = excluded.case_id, audience = excluded.audience, author = excluded.author, "
                  "hlc = excluded.hlc, form_version = excluded.form_version, change_id = excluded.change_id, "
                  "seq = excluded.seq, updated_at = excluded.updated_at, fields = excluded.fields, "
                  "field_clocks = excluded.field_clocks, sealed = excluded.sealed, key_id = excluded.key_id",
                  PgParams()
                      .text(record.record.type)
                      .text(record.record.id)
                      .text(recordStateName(record.state))
                      .text(record.caseId)
                      .text(record.audience)
                      .text(record.record.author)
                      .text(record.record.hlc)
                      .integer(record.record.formVersion)
                      .text(record.changeId)
                      .integer(record.sequence)
                      .integer(record.updatedAt)
                      .text(boost::json::serialize(split.plain))
                      .text(boost::json::serialize(record.fieldClocks))
                      .bytesOrNull(split.sealed)
                      .textOrNull(split.sealed.empty() ? std::nullopt : std::optional<std::string>(split.keyId)));

        // The index holds plain values only: sealed fields are never written in clear anywhere.
        StoredRecord plainOnly;
        plainOnly.record.type = record.record.type;
        plainOnly.record.id = record.record.id;
        plainOnly.record.fields = split.plain;
        plainOnly.caseId = record.caseId;
        plainOnly.sequence = record.sequence;
        writeIndex(plainOnly);
        writePeople(plainOnly);
    });
    return record.sequence;
}

void PgStore::writePeople(const StoredRecord& record)
{
    m_db->run("DELETE FROM record_people WHERE record_type = $1 AND record_id = $2",
              PgParams().text(record.record.type).text(record.record.id));
    if (!record.caseId.empty()) {
        return; // a pull finds the records of a case by case_id
    }
    for (const std::string& person : peopleOf(record.record)) {
        m_db->run("INSERT INTO record_people(person_id, record_type, record_id, seq) VALUES ($1, $2, $3, $4) "
                  "ON CONFLICT DO NOTHING",
                  PgParams().text(person).text(record.record.type).text(record.record.id).integer(record.sequence));
    }
}

void PgStore::writeIndex(const StoredRecord& record)
{
    m_db->run("DELETE FROM record_index WHERE record_type = $1 AND record_id = $2",
              PgParams().text(record.record.type).text(record.record.id));
    for (const auto& [field, value] : rows::indexEntries(record.record.fields)) {
        m_db->run("INSERT INTO record_index(record_type, field, value, record_id) VALUES ($1, $2, $3, $4) "
                  "ON CONFLICT DO NOTHING",
                  PgParams().text(record.record.type).text(field).text(value).text(record.record.id));
    }
}

void PgStore::addAccessEvent(std::string_view userId, std::string_view caseId)
{
    if (userId.empty() || caseId.empty()) {
        return;
    }
    writeTransaction([&] {
        m_db->run("INSERT INTO access_events(seq, user_id, case_id) VALUES ($1, $2, $3)",
                  PgParams().integer(nextSequence()).text(userId).text(caseId));
    });
}

std::vector<StoredRecord> PgStore::recordsAfter(std::int64_t after, const ScanFilter& filter, std::size_t limit)
{
    const auto max = static_cast<std::int64_t>(limit);
    if (!filter.caseIds) {
        return readRecords(m_db->run("SELECT " FB_PG_RECORD_COLUMNS " FROM records "
                                     "WHERE seq > $1 AND state != 'quarantined' ORDER BY seq LIMIT $2",
                                     PgParams().integer(after).integer(max)));
    }
    const std::string cases = jsonList(*filter.caseIds);
    if (!filter.people) {
        return readRecords(m_db->run(
            "SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE seq > $1 AND state != 'quarantined' AND "
            "(case_id = '' OR case_id IN (SELECT json_array_elements_text($2::json)) OR author = $3 OR audience = $4) "
            "ORDER BY seq LIMIT $5",
            PgParams().integer(after).text(cases).text(filter.author).text(filter.audience).integer(max)));
    }
    // As on SQLite: each arm walks an index and yields sequences only, so that no row outside the
    // reader's scope is read or unsealed.
    return readRecords(m_db->run(
        "SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE state != 'quarantined' AND seq IN ("
        "SELECT seq FROM records WHERE case_id IN (SELECT json_array_elements_text($2::json)) AND seq > $1 "
        "UNION SELECT seq FROM records WHERE author = $3 AND seq > $1 "
        "UNION SELECT seq FROM records WHERE audience = $4 AND seq > $1 "
        "UNION SELECT seq FROM record_people "
        "WHERE person_id IN (SELECT json_array_elements_text($5::json)) AND seq > $1) "
        "ORDER BY seq LIMIT $6",
        PgParams()
            .integer(after)
            .text(cases)
            .text(filter.author)
            .text(filter.audience)
            .text(jsonList(*filter.people))
            .integer(max)));
}

std::vector<AccessEvent> PgStore::accessEventsAfter(std::string_view userId, std::int64_t after, std::size_t limit)
{
    const PgResult result = m_db->run(
        "SELECT seq, user_id, case_id FROM access_events WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        PgParams().text(userId).integer(after).integer(static_cast<std::int64_t>(limit)));
    std::vector<AccessEvent> out;
    for (int row = 0; row < result.rows(); ++row) {
        out.push_back(AccessEvent{result.integer(row, 0), result.text(row, 1), result.text(row, 2)});
    }
    return out;
}

std::vector<StoredRecord> PgStore::recordsOfCase(std::string_view caseId)
{
    return readRecords(m_db->run("SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE state != 'quarantined' AND "
                                 "(case_id = $1 OR (record_type = 'case' AND record_id = $1)) ORDER BY seq",
                                 PgParams().text(caseId)));
}

std::vector<StoredRecord> PgStore::recordsReferencing(std::string_view value)
{
    return readRecords(m_db->run(
        "SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE record_id = $1 OR EXISTS (SELECT 1 FROM record_index i "
        "WHERE i.value = $1 AND i.record_type = records.record_type AND i.record_id = records.record_id) "
        "ORDER BY seq",
        PgParams().text(value)));
}

std::vector<StoredRecord> PgStore::recordsOfType(std::string_view type)
{
    return readRecords(m_db->run("SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE record_type = $1 ORDER BY seq",
                                 PgParams().text(type)));
}

std::vector<std::string> PgStore::recordTypesOf(std::string_view recordId)
{
    const PgResult result = m_db->run("SELECT record_type FROM records WHERE record_id = $1", PgParams().text(recordId));
    std::vector<std::string> out;
    for (int row = 0; row < result.rows(); ++row) {
        out.push_back(result.text(row, 0));
    }
    return out;
}

std::string PgStore::creatorOf(std::string_view type, std::string_view id) const
{
    const PgResult result = m_db->run("SELECT created_by FROM records WHERE record_type = $1 AND record_id = $2",
                                      PgParams().text(type).text(id));
    return result.rows() > 0 ? result.text(0, 0) : std::string();
}

std::optional<Record> PgStore::record(std::string_view type, std::string_view id) const
{
    const PgResult result = m_db->run(
        "SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE record_type = $1 AND record_id = $2 AND state = 'applied'",
        PgParams().text(type).text(id));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return readRecord(result, 0).record;
}

std::vector<Record> PgStore::recordsWhere(std::string_view type, std::string_view field, std::string_view value) const
{
    std::vector<StoredRecord> rows;
    if (m_sealer.maySeal(type, field) || !isId(value)) {
        // Only plain ids are indexed: open every record of the type (rare; no rule asks this).
        for (auto& row : readRecords(m_db->run(
                 "SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE record_type = $1 AND state = 'applied' ORDER BY seq",
                 PgParams().text(type)))) {
            const auto found = row.record.fields.find(field);
            if (found != row.record.fields.end() && found->value().is_string() &&
                found->value().as_string() == value) {
                rows.push_back(std::move(row));
            }
        }
    } else {
        rows = readRecords(m_db->run(
            "SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE state = 'applied' AND record_type = $1 AND record_id IN "
            "(SELECT record_id FROM record_index WHERE record_type = $1 AND field = $2 AND value = $3) ORDER BY seq",
            PgParams().text(type).text(field).text(value)));
    }
    std::vector<Record> out;
    out.reserve(rows.size());
    for (auto& row : rows) {
        out.push_back(std::move(row.record));
    }
    return out;
}

namespace {

#define FB_PG_HELD_COLUMNS                                                                      \
    "SELECT r.change_id, r.record_type, r.record_id, r.case_id, c.reason, r.author, c.received_at, " \
    "(SELECT MAX(d.decided_at) FROM review_decisions d WHERE d.change_id = r.change_id) "

HeldRecord readHeld(const PgResult& result, int row)
{
    HeldRecord held;
    held.changeId = result.text(row, 0);
    held.recordType = result.text(row, 1);
    held.recordId = result.text(row, 2);
    held.caseId = result.text(row, 3);
    held.reason = result.text(row, 4);
    held.author = result.text(row, 5);
    held.receivedAt = result.integer(row, 6);
    if (!result.isNull(row, 7)) {
        held.reviewedAt = result.integer(row, 7);
    }
    return held;
}

} // namespace

std::vector<HeldRecord> PgStore::heldRecords(const std::optional<std::vector<std::string>>& caseIds, std::size_t limit)
{
    const auto max = static_cast<std::int64_t>(limit);
    const PgResult result =
        caseIds ? m_db->run(FB_PG_HELD_COLUMNS "FROM records r JOIN changes c ON c.id = r.change_id "
                                               "WHERE r.state = 'quarantined' AND r.case_id IN "
                                               "(SELECT json_array_elements_text($1::json)) ORDER BY r.seq LIMIT $2",
                            PgParams().text(jsonList(*caseIds)).integer(max))
                : m_db->run(FB_PG_HELD_COLUMNS "FROM records r JOIN changes c ON c.id = r.change_id "
                                               "WHERE r.state = 'quarantined' ORDER BY r.seq LIMIT $1",
                            PgParams().integer(max));
    std::vector<HeldRecord> out;
    for (int row = 0; row < result.rows(); ++row) {
        out.push_back(readHeld(result, row));
    }
    return out;
}

std::optional<HeldRecord> PgStore::heldRecord(std::string_view changeId)
{
    const PgResult result = m_db->run(FB_PG_HELD_COLUMNS "FROM changes c JOIN records r ON r.record_type = c.record_type "
                                                         "AND r.record_id = c.record_id AND r.change_id = c.id "
                                                         "WHERE c.id = $1 AND r.state = 'quarantined'",
                                      PgParams().text(changeId));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return readHeld(result, 0);
}

void PgStore::replacePopulation(std::string_view establishment, const std::vector<PopulationRow>& rows,
                                std::int64_t at)
{
    writeTransaction([&] {
        m_db->run("DELETE FROM population WHERE establishment = $1", PgParams().text(establishment));
        std::int64_t position = 0;
        for (const PopulationRow& row : rows) {
            m_db->run("INSERT INTO population(establishment, ethnicity, count, position, imported_at) "
                      "VALUES ($1, $2, $3, $4, $5)",
                      PgParams().text(establishment).text(row.ethnicity).integer(row.count).integer(position++).integer(at));
        }
    });
}

std::vector<PopulationRow> PgStore::population()
{
    const PgResult result =
        m_db->run("SELECT establishment, ethnicity, count FROM population ORDER BY establishment, position");
    std::vector<PopulationRow> out;
    for (int row = 0; row < result.rows(); ++row) {
        out.push_back(PopulationRow{result.text(row, 0), result.text(row, 1), result.integer(row, 2)});
    }
    return out;
}

void PgStore::setChangeOutcome(std::string_view changeId, const ChangeOutcome& outcome)
{
    m_db->run("UPDATE changes SET status = $1, reason = $2 WHERE id = $3",
              PgParams().text(outcome.status).text(outcome.reason).text(changeId));
}

void PgStore::addReviewDecision(const ReviewDecision& decision)
{
    auto [sealed, keyId] = m_sealer.sealText(sealContext("review_decisions", decision.id), decision.note);
    m_db->run("INSERT INTO review_decisions(id, change_id, record_type, record_id, officer, decision, note, key_id, "
              "decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
              PgParams()
                  .text(decision.id)
                  .text(decision.changeId)
                  .text(decision.recordType)
                  .text(decision.recordId)
                  .text(decision.officer)
                  .text(decision.decision)
                  .bytes(sealed)
                  .text(keyId)
                  .integer(decision.decidedAt));
}

std::optional<ReviewDecision> PgStore::reviewDecision(std::string_view id)
{
    const PgResult result =
        m_db->run("SELECT id, change_id, record_type, record_id, officer, decision, note, key_id, decided_at "
                  "FROM review_decisions WHERE id = $1",
                  PgParams().text(id));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    ReviewDecision decision;
    decision.id = result.text(0, 0);
    decision.changeId = result.text(0, 1);
    decision.recordType = result.text(0, 2);
    decision.recordId = result.text(0, 3);
    decision.officer = result.text(0, 4);
    decision.decision = result.text(0, 5);
    decision.note =
        m_sealer.openText(sealContext("review_decisions", decision.id), result.bytes(0, 6), result.text(0, 7));
    decision.decidedAt = result.integer(0, 8);
    return decision;
}

void PgStore::addBreakGlassGrant(const BreakGlassGrant& grant)
{
    auto [sealed, keyId] = m_sealer.sealText(sealContext("break_glass_grants", grant.id), grant.reason);
    m_db->run("INSERT INTO break_glass_grants(id, officer, case_id, reason, key_id, granted_at, expires_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7)",
              PgParams()
                  .text(grant.id)
                  .text(grant.officer)
                  .text(grant.caseId)
                  .bytes(sealed)
                  .text(keyId)
                  .integer(grant.grantedAt)
                  .integer(grant.expiresAt));
}

BreakGlassGrant PgStore::readGrant(const PgResult& result, int row) const
{
    BreakGlassGrant grant;
    grant.id = result.text(row, 0);
    grant.officer = result.text(row, 1);
    grant.caseId = result.text(row, 2);
    grant.reason =
        m_sealer.openText(sealContext("break_glass_grants", grant.id), result.bytes(row, 3), result.text(row, 4));
    grant.grantedAt = result.integer(row, 5);
    grant.expiresAt = result.integer(row, 6);
    if (!result.isNull(row, 7)) {
        grant.closedAt = result.integer(row, 7);
    }
    return grant;
}

std::optional<BreakGlassGrant> PgStore::breakGlassGrant(std::string_view id)
{
    const PgResult result = m_db->run("SELECT id, officer, case_id, reason, key_id, granted_at, expires_at, closed_at "
                                      "FROM break_glass_grants WHERE id = $1",
                                      PgParams().text(id));
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return readGrant(result, 0);
}

std::vector<BreakGlassGrant> PgStore::openBreakGlassGrants(std::string_view officer)
{
    const PgResult result =
        m_db->run("SELECT id, officer, case_id, reason, key_id, granted_at, expires_at, closed_at "
                  "FROM break_glass_grants WHERE officer = $1 AND closed_at IS NULL ORDER BY granted_at, id",
                  PgParams().text(officer));
    std::vector<BreakGlassGrant> out;
    for (int row = 0; row < result.rows(); ++row) {
        out.push_back(readGrant(result, row));
    }
    return out;
}

void PgStore::closeBreakGlassGrant(std::string_view id, std::int64_t at)
{
    m_db->run("UPDATE break_glass_grants SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL",
              PgParams().integer(at).text(id));
}

std::size_t PgStore::resealTexts()
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
         "UPDATE review_decisions SET note = $1, key_id = $2 WHERE id = $3"},
        {"break_glass_grants", "SELECT id, reason, key_id FROM break_glass_grants",
         "UPDATE break_glass_grants SET reason = $1, key_id = $2 WHERE id = $3"},
    };
    for (const Table& table : kTables) {
        const PgResult result = m_db->run(table.select);
        for (int row = 0; row < result.rows(); ++row) {
            const std::string id = result.text(row, 0);
            std::string text = m_sealer.openText(sealContext(table.name, id), result.bytes(row, 1), result.text(row, 2));
            auto [sealed, keyId] = m_sealer.sealText(sealContext(table.name, id), text);
            crypto::wipe(text);
            m_db->run(table.update, PgParams().bytes(sealed).text(keyId).text(id));
            ++count;
        }
    }
    return count;
}

void PgStore::appendAudit(const AuditEntry& entry)
{
    m_db->run("INSERT INTO audit(at, action, user_id, device_id, detail) VALUES ($1, $2, $3, $4, $5)",
              PgParams()
                  .integer(entry.at)
                  .text(entry.action)
                  .text(entry.userId)
                  .text(entry.deviceId)
                  .text(boost::json::serialize(entry.detail)));
}

std::vector<AuditEntry> PgStore::auditSince(std::int64_t at, std::size_t limit)
{
    const PgResult result =
        m_db->run("SELECT seq, at, action, user_id, device_id, detail FROM audit WHERE at >= $1 ORDER BY seq LIMIT $2",
                  PgParams().integer(at).integer(static_cast<std::int64_t>(limit)));
    std::vector<AuditEntry> out;
    for (int row = 0; row < result.rows(); ++row) {
        AuditEntry entry;
        entry.sequence = result.integer(row, 0);
        entry.at = result.integer(row, 1);
        entry.action = result.text(row, 2);
        entry.userId = result.text(row, 3);
        entry.deviceId = result.text(row, 4);
        entry.detail = parseObject(result.text(row, 5));
        out.push_back(std::move(entry));
    }
    return out;
}

std::size_t PgStore::resealAll()
{
    std::size_t count = 0;
    writeTransaction([&] {
        const std::vector<StoredRecord> sealed =
            readRecords(m_db->run("SELECT " FB_PG_RECORD_COLUMNS " FROM records WHERE sealed IS NOT NULL"));
        for (const StoredRecord& row : sealed) {
            const auto split = m_sealer.split(row.record.type, row.record.id, row.record.formVersion, row.record.fields);
            m_db->run("UPDATE records SET sealed = $1, key_id = $2, fields = $3 WHERE record_type = $4 AND record_id = $5",
                      PgParams()
                          .bytesOrNull(split.sealed)
                          .textOrNull(split.sealed.empty() ? std::nullopt : std::optional<std::string>(split.keyId))
                          .text(boost::json::serialize(split.plain))
                          .text(row.record.type)
                          .text(row.record.id));
            ++count;
        }
        resealTexts();
    });
    return count;
}

} // namespace fieldbook::server
