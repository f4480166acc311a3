#include "store/localstore.h"
#include "rules/writerules.h"

#include "crypto/aead.h"
#include "model/ids.h"
#include "model/record.h"
#include "net/serverclock.h"
#include "rules/access.h"
#include "storage/sqlitedb.h"
#include "store/keyvault.h"
#include "store/schema.h"
#include "sync/changecodec.h"
#include "sync/clockrestamp.h"
#include "sync/hlc.h"
#include "sync/merge.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace fieldbook::app {

namespace {

constexpr std::string_view kIdentityAad = "meta:identity";
constexpr std::string_view kTeamAad = "meta:team";

std::string recordAad(const std::string& type, const std::string& id)
{
    return "record:" + type + ":" + id;
}

std::string outboxAad(const std::string& changeId)
{
    return "outbox:" + changeId;
}

std::string draftAad(const std::string& key)
{
    return "draft:" + key;
}

RecordStatus parseStatus(const std::string& text)
{
    if (text == "pending") {
        return RecordStatus::Pending;
    }
    if (text == "quarantined") {
        return RecordStatus::Quarantined;
    }
    if (text == "rejected") {
        return RecordStatus::Rejected;
    }
    return RecordStatus::Synced;
}

bool countsAsFact(RecordStatus status)
{
    return status == RecordStatus::Synced || status == RecordStatus::Pending;
}

boost::json::object userToJson(const User& user)
{
    boost::json::array roles;
    for (const Role role : user.roles.list()) {
        roles.emplace_back(roleName(role));
    }
    return {{"id", user.id}, {"name", user.name}, {"team", user.team}, {"roles", std::move(roles)}};
}

User userFromJson(const boost::json::object& object)
{
    User user;
    auto text = [&object](std::string_view key) {
        const auto* value = object.if_contains(key);
        return value && value->is_string() ? std::string(value->get_string()) : std::string();
    };
    user.id = text("id");
    user.name = text("name");
    user.team = text("team");
    if (const auto* roles = object.if_contains("roles"); roles && roles->is_array()) {
        for (const auto& role : roles->get_array()) {
            if (role.is_string()) {
                if (const auto parsed = parseRole(std::string_view(role.get_string()))) {
                    user.roles.add(*parsed);
                }
            }
        }
    }
    return user;
}

} // namespace

std::string_view recordStatusName(RecordStatus status)
{
    switch (status) {
    case RecordStatus::Synced:
        return "synced";
    case RecordStatus::Pending:
        return "pending";
    case RecordStatus::Quarantined:
        return "quarantined";
    case RecordStatus::Rejected:
        return "rejected";
    }
    return "synced";
}

LocalStore::LocalStore(std::string path, crypto::ScryptParams kdf) : m_path(std::move(path)), m_kdf(kdf)
{
    open();
}

LocalStore::~LocalStore()
{
    lock();
}

void LocalStore::open()
{
    m_db = std::make_unique<SqliteDb>(m_path);
    schema::migrate(*m_db);
}

void LocalStore::requireUnlocked() const
{
    if (!unlocked()) {
        throw std::logic_error("the local store is locked");
    }
}

// --- meta -------------------------------------------------------------------------------------------

std::optional<crypto::Bytes> LocalStore::metaBlob(const std::string& key) const
{
    Statement select = m_db->prepare("SELECT value FROM meta WHERE key = ?1");
    select.bind(1, key);
    if (!select.step()) {
        return std::nullopt;
    }
    return select.blob(0);
}

void LocalStore::setMetaBlob(const std::string& key, const crypto::Bytes& value)
{
    Statement upsert = m_db->prepare(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key).bindBlob(2, value);
    upsert.run();
}

std::optional<std::string> LocalStore::metaText(const std::string& key) const
{
    const auto blob = metaBlob(key);
    if (!blob) {
        return std::nullopt;
    }
    return crypto::toString(*blob);
}

void LocalStore::setMetaText(const std::string& key, const std::string& value)
{
    setMetaBlob(key, crypto::toBytes(value));
}

// --- key and PIN ------------------------------------------------------------------------------------

bool LocalStore::hasPin() const
{
    return metaBlob("wrapped_key").has_value();
}

void LocalStore::initialise(std::string_view pin)
{
    if (hasPin()) {
        throw std::logic_error("the local store already has a PIN");
    }
    crypto::Bytes dataKey;
    const WrappedKey wrapped = KeyVault::create(pin, m_kdf, dataKey);
    Transaction transaction(*m_db);
    setMetaBlob("kdf_salt", wrapped.salt);
    setMetaBlob("wrapped_key", wrapped.wrapped);
    setMetaText("failed_pins", "0");
    transaction.commit();
    m_dataKey = std::move(dataKey);
    loadCache();
}

int LocalStore::attemptsLeft() const
{
    const auto failed = metaText("failed_pins");
    const int count = failed ? std::atoi(failed->c_str()) : 0;
    return std::max(0, kMaxPinAttempts - count);
}

LocalStore::UnlockResult LocalStore::unlock(std::string_view pin)
{
    const auto salt = metaBlob("kdf_salt");
    const auto wrappedKey = metaBlob("wrapped_key");
    if (!salt || !wrappedKey) {
        throw std::logic_error("the local store has no PIN yet");
    }
    auto dataKey = KeyVault::unwrap(pin, WrappedKey{*salt, *wrappedKey}, m_kdf);
    if (!dataKey) {
        const int failed = kMaxPinAttempts - attemptsLeft() + 1;
        if (failed >= kMaxPinAttempts) {
            wipe();
            return UnlockResult::Wiped;
        }
        setMetaText("failed_pins", std::to_string(failed));
        return UnlockResult::WrongPin;
    }
    setMetaText("failed_pins", "0");
    m_dataKey = std::move(*dataKey);
    loadCache();
    return UnlockResult::Unlocked;
}

void LocalStore::changePin(std::string_view newPin)
{
    requireUnlocked();
    const WrappedKey wrapped = KeyVault::rewrap(m_dataKey, newPin, m_kdf);
    Transaction transaction(*m_db);
    setMetaBlob("kdf_salt", wrapped.salt);
    setMetaBlob("wrapped_key", wrapped.wrapped);
    setMetaText("failed_pins", "0");
    transaction.commit();
}

void LocalStore::lock()
{
    crypto::wipe(m_dataKey);
    m_dataKey.clear();
    m_cache.clear();
    m_facts = MemoryFacts{};
    m_clock.reset();
}

void LocalStore::wipe()
{
    lock();
    m_db.reset();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::remove((m_path + suffix).c_str());
    }
    open();
}

// --- sealing ----------------------------------------------------------------------------------------

crypto::Bytes LocalStore::sealJson(const boost::json::object& value, std::string_view aad) const
{
    requireUnlocked();
    std::string text = boost::json::serialize(value);
    crypto::Bytes plain = crypto::toBytes(text);
    crypto::Bytes sealed = crypto::seal(m_dataKey, plain, aad);
    crypto::wipe(plain);
    crypto::wipe(text);
    return sealed;
}

boost::json::object LocalStore::openJson(const crypto::Bytes& sealed, std::string_view aad) const
{
    requireUnlocked();
    auto plain = crypto::open(m_dataKey, sealed, aad);
    if (!plain) {
        throw std::runtime_error("a local record failed its integrity check");
    }
    std::string text = crypto::toString(*plain);
    crypto::wipe(*plain);
    boost::json::value value = boost::json::parse(text);
    crypto::wipe(text);
    if (!value.is_object()) {
        throw std::runtime_error("a local record is not a JSON object");
    }
    return std::move(value.get_object());
}

// --- identity ---------------------------------------------------------------------------------------

bool LocalStore::enrolled() const
{
    return metaBlob("identity").has_value();
}

std::optional<Identity> LocalStore::identity() const
{
    const auto sealed = metaBlob("identity");
    if (!sealed || !unlocked()) {
        return std::nullopt;
    }
    const boost::json::object object = openJson(*sealed, kIdentityAad);
    auto text = [&object](std::string_view key) {
        const auto* value = object.if_contains(key);
        return value && value->is_string() ? std::string(value->get_string()) : std::string();
    };
    Identity identity;
    identity.serverUrl = text("server_url");
    identity.fingerprint = text("fingerprint");
    identity.deviceId = text("device_id");
    identity.refreshToken = text("refresh_token");
    identity.privateKey = crypto::base64Decode(text("private_key")).value_or(crypto::Bytes{});
    if (const auto* user = object.if_contains("user"); user && user->is_object()) {
        identity.user = userFromJson(user->get_object());
    }
    return identity;
}

void LocalStore::saveIdentity(const Identity& identity)
{
    requireUnlocked();
    const boost::json::object object{{"server_url", identity.serverUrl},
                                     {"fingerprint", identity.fingerprint},
                                     {"device_id", identity.deviceId},
                                     {"refresh_token", identity.refreshToken},
                                     {"private_key", crypto::base64Encode(identity.privateKey)},
                                     {"user", userToJson(identity.user)}};
    setMetaBlob("identity", sealJson(object, kIdentityAad));
    m_facts.putUser(identity.user);
    if (!identity.deviceId.empty()) {
        m_clock = std::make_unique<HybridClock>(identity.deviceId, metaText("hlc_last").value_or(std::string()));
    }
}

void LocalStore::saveTeam(const std::vector<User>& users)
{
    requireUnlocked();
    boost::json::array list;
    for (const User& user : users) {
        list.push_back(userToJson(user));
    }
    setMetaBlob("team", sealJson(boost::json::object{{"users", std::move(list)}}, kTeamAad));
    for (const User& user : users) {
        m_facts.putUser(user);
    }
    if (const auto me = identity()) {
        m_facts.putUser(me->user); // the phone's own user as the last /v1/me said
    }
}

std::vector<User> LocalStore::team() const
{
    requireUnlocked();
    std::vector<User> out;
    const auto sealed = metaBlob("team");
    if (!sealed) {
        return out;
    }
    const boost::json::object stored = openJson(*sealed, kTeamAad);
    if (const auto* users = stored.if_contains("users"); users && users->is_array()) {
        for (const auto& user : users->get_array()) {
            if (user.is_object()) {
                out.push_back(userFromJson(user.get_object()));
            }
        }
    }
    return out;
}

std::string LocalStore::userName(const std::string& userId) const
{
    if (!unlocked() || userId.empty()) {
        return {};
    }
    if (const auto user = m_facts.user(userId)) {
        return user->name;
    }
    return {};
}

// --- records ----------------------------------------------------------------------------------------

void LocalStore::loadCache()
{
    m_cache.clear();
    m_facts = MemoryFacts{};
    Statement select = m_db->prepare("SELECT record_type, record_id, case_id, status, sealed FROM records");
    while (select.step()) {
        Cached cached;
        cached.record.type = select.text(0);
        cached.record.id = select.text(1);
        cached.caseId = select.text(2);
        cached.status = parseStatus(select.text(3));
        const boost::json::object stored = openJson(select.blob(4), recordAad(cached.record.type, cached.record.id));
        if (const auto* fields = stored.if_contains("fields"); fields && fields->is_object()) {
            cached.record.fields = fields->get_object();
        }
        if (const auto* clocks = stored.if_contains("clocks"); clocks && clocks->is_object()) {
            cached.clocks = clocks->get_object();
        }
        if (const auto* author = stored.if_contains("author"); author && author->is_string()) {
            cached.record.author = std::string(author->get_string());
        }
        if (const auto* hlc = stored.if_contains("hlc"); hlc && hlc->is_string()) {
            cached.record.hlc = std::string(hlc->get_string());
        }
        if (const auto* version = stored.if_contains("form_version"); version && version->is_int64()) {
            cached.record.formVersion = static_cast<int>(version->get_int64());
        }
        if (const auto* lost = stored.if_contains("lost"); lost && lost->is_array()) {
            cached.lost = lost->get_array();
        }
        if (countsAsFact(cached.status)) {
            m_facts.put(cached.record);
        }
        m_cache.emplace(std::make_pair(cached.record.type, cached.record.id), std::move(cached));
    }
    for (const User& member : team()) {
        m_facts.putUser(member);
    }
    if (const auto me = identity()) {
        m_facts.putUser(me->user);
        if (!me->deviceId.empty()) {
            m_clock = std::make_unique<HybridClock>(me->deviceId, metaText("hlc_last").value_or(std::string()));
        }
    }
}

std::string LocalStore::caseIdOf(const Record& record) const
{
    return caseOf(record, m_facts);
}

void LocalStore::writeRecord(const Cached& cached)
{
    const boost::json::object stored{{"fields", cached.record.fields},
                                     {"clocks", cached.clocks},
                                     {"author", cached.record.author},
                                     {"hlc", cached.record.hlc},
                                     {"form_version", cached.record.formVersion},
                                     {"lost", cached.lost}};
    Statement upsert = m_db->prepare(
        "INSERT INTO records (record_type, record_id, case_id, status, sealed) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (record_type, record_id) DO UPDATE SET case_id = excluded.case_id, status = excluded.status, "
        "sealed = excluded.sealed");
    upsert.bind(1, cached.record.type)
        .bind(2, cached.record.id)
        .bind(3, cached.caseId)
        .bind(4, recordStatusName(cached.status))
        .bindBlob(5, sealJson(stored, recordAad(cached.record.type, cached.record.id)));
    upsert.run();
}

void LocalStore::refreshFacts(const std::string& type, const std::string& id)
{
    const auto found = m_cache.find({type, id});
    if (found == m_cache.end() || !countsAsFact(found->second.status)) {
        m_facts.remove(type, id);
    } else {
        m_facts.put(found->second.record);
    }
}

namespace {

// The record after `change`, from `before` (absent for a new record). Mutable records merge field
// by field by clock (sync/merge.h); form records are replaced by their latest change.
void mergeInto(std::optional<Record>& before, boost::json::object& clocks, const Change& change)
{
    Record record = before.value_or(Record{});
    record.type = change.recordType;
    record.id = change.recordId;
    if (isMutableRecordType(change.recordType)) {
        MergeState state;
        state.fields = record.fields;
        state.fieldClocks = clocks;
        mergeChange(state, change);
        record.fields = std::move(state.fields);
        clocks = std::move(state.fieldClocks);
    } else if (!before || change.hlc >= before->hlc) {
        record.fields = change.fields;
    }
    if (record.hlc.empty() || change.hlc >= record.hlc) {
        record.hlc = change.hlc;
        record.formVersion = change.formVersion;
        if (!change.author.empty()) {
            record.author = change.author;
        }
    }
    before = std::move(record);
}

void forgetAnswered(boost::json::array& lost, const boost::json::object& answered)
{
    boost::json::array kept;
    for (const auto& entry : lost) {
        const auto* field = entry.is_object() ? entry.get_object().if_contains("field") : nullptr;
        if (field && field->is_string() && !answered.contains(field->get_string())) {
            kept.push_back(entry);
        }
    }
    lost = std::move(kept);
}

// A field this device last wrote (its clock's node is this device) that `incoming` replaces with
// a newer, different value: the person's answer lost. Their own change coming back, or a newer
// change to other fields carrying the same value, is no loss.
void noteLostAnswers(boost::json::array& lost, const Record& held, const boost::json::object& clocks,
                     const Change& incoming, const std::string& myNode)
{
    if (myNode.empty()) {
        return;
    }
    for (const auto& [name, value] : incoming.fields) {
        const auto* clock = clocks.if_contains(name);
        const auto* mine = held.fields.if_contains(name);
        if (!clock || !clock->is_string() || !mine || *mine == value || incoming.hlc <= clock->get_string()) {
            continue;
        }
        const auto stamp = HlcStamp::parse(clock->get_string());
        if (!stamp || stamp->node != myNode) {
            continue;
        }
        forgetAnswered(lost, boost::json::object{{name, nullptr}});
        lost.push_back(boost::json::object{{"field", name}, {"mine", *mine}, {"kept", value}});
    }
}

} // namespace

std::vector<LostAnswer> LocalStore::lostAnswers(const std::string& type, const std::string& id) const
{
    requireUnlocked();
    std::vector<LostAnswer> out;
    const auto found = m_cache.find({type, id});
    if (found == m_cache.end()) {
        return out;
    }
    for (const auto& entry : found->second.lost) {
        if (!entry.is_object()) {
            continue;
        }
        const auto& object = entry.get_object();
        const auto* field = object.if_contains("field");
        if (!field || !field->is_string()) {
            continue;
        }
        LostAnswer answer;
        answer.field = std::string(field->get_string());
        if (const auto* mine = object.if_contains("mine")) {
            answer.mine = *mine;
        }
        if (const auto* kept = object.if_contains("kept")) {
            answer.kept = *kept;
        }
        out.push_back(std::move(answer));
    }
    return out;
}

void LocalStore::dismissLostAnswers(const std::string& type, const std::string& id)
{
    requireUnlocked();
    const auto found = m_cache.find({type, id});
    if (found == m_cache.end() || found->second.lost.empty()) {
        return;
    }
    Cached next = found->second;
    next.lost.clear();
    writeRecord(next);
    found->second = std::move(next);
}

Change LocalStore::recordLocalChange(Change change, int priority)
{
    requireUnlocked();
    if (!m_clock) {
        throw std::logic_error("this phone is not enrolled: no device clock");
    }
    if (change.id.empty()) {
        change.id = newId();
    }
    if (change.recordId.empty()) {
        change.recordId = newId();
    }
    if (change.hlc.empty()) {
        rewindClockIfAhead();
        change.hlc = m_clock->tick(nowMillis());
    }
    const auto me = identity();
    change.author = me ? me->user.id : std::string();

    const auto key = std::make_pair(change.recordType, change.recordId);
    Cached next;
    std::optional<Record> record;
    if (const auto found = m_cache.find(key); found != m_cache.end()) {
        next = found->second;
        record = found->second.record;
    }
    mergeInto(record, next.clocks, change);
    next.record = std::move(*record);
    next.status = RecordStatus::Pending;
    forgetAnswered(next.lost, change.fields);
    next.caseId = caseIdOf(next.record);

    const boost::json::object encoded = encodeChange(change);
    Transaction transaction(*m_db);
    writeRecord(next);
    Statement insert = m_db->prepare(
        "INSERT INTO outbox (change_id, record_type, record_id, priority, state, sealed) "
        "VALUES (?1, ?2, ?3, ?4, 'waiting', ?5)");
    insert.bind(1, change.id)
        .bind(2, change.recordType)
        .bind(3, change.recordId)
        .bind(4, priority)
        .bindBlob(5, sealJson(encoded, outboxAad(change.id)));
    insert.run();
    setMetaText("hlc_last", m_clock->last());
    transaction.commit();

    m_cache[key] = std::move(next);
    refreshFacts(key.first, key.second);
    return change;
}

void LocalStore::deleteRecord(const std::string& type, const std::string& id)
{
    Statement remove = m_db->prepare("DELETE FROM records WHERE record_type = ?1 AND record_id = ?2");
    remove.bind(1, type).bind(2, id);
    remove.run();
}

void LocalStore::applyPulled(const std::vector<Change>& changes, const std::string& cursor)
{
    requireUnlocked();
    // Applied to the cache only after the transaction commits; later changes in the page see
    // earlier ones through `overlay`.
    std::map<std::pair<std::string, std::string>, std::optional<Cached>> overlay;
    auto current = [&](const std::pair<std::string, std::string>& key) -> std::optional<Cached> {
        if (const auto found = overlay.find(key); found != overlay.end()) {
            return found->second;
        }
        if (const auto found = m_cache.find(key); found != m_cache.end()) {
            return found->second;
        }
        return std::nullopt;
    };
    const auto me = identity();
    const std::string myNode = me ? me->deviceId : std::string();
    std::set<std::pair<std::string, std::string>> waiting;
    {
        Statement select = m_db->prepare("SELECT DISTINCT record_type, record_id FROM outbox WHERE state = 'waiting'");
        while (select.step()) {
            waiting.emplace(select.text(0), select.text(1));
        }
    }

    Transaction transaction(*m_db);
    for (const Change& change : changes) {
        if (m_clock) {
            m_clock->observe(change.hlc, nowMillis());
        }
        const auto key = std::make_pair(change.recordType, change.recordId);
        if (change.op == "delete") {
            deleteRecord(key.first, key.second);
            overlay[key] = std::nullopt;
            if (change.recordType == "case") {
                // The case is no longer this phone's to hold: drop what belongs to it, except
                // this phone's own unsent changes, which stay until the server has answered them.
                for (const auto& [cachedKey, cached] : m_cache) {
                    if (cached.caseId == change.recordId && !waiting.count(cachedKey)) {
                        deleteRecord(cachedKey.first, cachedKey.second);
                        overlay[cachedKey] = std::nullopt;
                    }
                }
                for (auto& [overlayKey, value] : overlay) {
                    if (value && value->caseId == change.recordId && !waiting.count(overlayKey)) {
                        deleteRecord(overlayKey.first, overlayKey.second);
                        value.reset();
                    }
                }
            }
            continue;
        }
        // A pull carries only records the server holds as applied: one this phone has as held
        // was released by a safeguarding officer, so it is held no longer.
        Statement released = m_db->prepare(
            "DELETE FROM outbox WHERE record_type = ?1 AND record_id = ?2 AND state = 'quarantined'");
        released.bind(1, key.first).bind(2, key.second);
        released.run();
        std::optional<Cached> before = current(key);
        Cached next = before.value_or(Cached{});
        std::optional<Record> record;
        if (before) {
            record = before->record;
        }
        if (record && isMutableRecordType(change.recordType)) {
            noteLostAnswers(next.lost, *record, next.clocks, change, myNode);
        }
        mergeInto(record, next.clocks, change);
        next.record = std::move(*record);
        next.status = waiting.count(key) ? RecordStatus::Pending : RecordStatus::Synced;
        next.caseId = caseIdOf(next.record);
        writeRecord(next);
        overlay[key] = std::move(next);
    }
    setMetaText("pull_cursor", cursor);
    if (m_clock) {
        setMetaText("hlc_last", m_clock->last());
    }
    transaction.commit();

    for (auto& [key, value] : overlay) {
        if (value) {
            m_cache[key] = std::move(*value);
        } else {
            m_cache.erase(key);
        }
        refreshFacts(key.first, key.second);
    }
}

std::string LocalStore::pullCursor() const
{
    return metaText("pull_cursor").value_or(std::string());
}

OutboxEntry LocalStore::readOutboxRow(std::int64_t seq, const std::string& state, const std::string& reason,
                                      int priority, const crypto::Bytes& sealed, const std::string& changeId) const
{
    OutboxEntry entry;
    entry.seq = seq;
    entry.state = state;
    entry.reason = reason;
    entry.priority = priority;
    const boost::json::object encoded = openJson(sealed, outboxAad(changeId));
    const ChangeOrError decoded = decodeChange(boost::json::value(encoded));
    if (const auto* change = std::get_if<Change>(&decoded)) {
        entry.change = *change;
    } else {
        // Written by this app, so it decodes; keep the id so the row can still be dismissed.
        entry.change.id = changeId;
    }
    return entry;
}

std::vector<OutboxEntry> LocalStore::waitingChanges(std::size_t limit) const
{
    requireUnlocked();
    Statement select = m_db->prepare(
        "SELECT seq, change_id, priority, state, reason, sealed FROM outbox WHERE state = 'waiting' "
        "ORDER BY priority, seq LIMIT ?1");
    select.bind(1, static_cast<std::int64_t>(limit));
    std::vector<OutboxEntry> out;
    while (select.step()) {
        out.push_back(readOutboxRow(select.integer(0), select.text(3), select.text(4),
                                    static_cast<int>(select.integer(2)), select.blob(5), select.text(1)));
    }
    return out;
}

std::vector<OutboxEntry> LocalStore::problems() const
{
    requireUnlocked();
    Statement select = m_db->prepare(
        "SELECT seq, change_id, priority, state, reason, sealed FROM outbox WHERE state <> 'waiting' ORDER BY seq");
    std::vector<OutboxEntry> out;
    while (select.step()) {
        out.push_back(readOutboxRow(select.integer(0), select.text(3), select.text(4),
                                    static_cast<int>(select.integer(2)), select.blob(5), select.text(1)));
    }
    return out;
}

int LocalStore::waitingCount() const
{
    Statement count = m_db->prepare("SELECT COUNT(*) FROM outbox WHERE state = 'waiting'");
    count.step();
    return static_cast<int>(count.integer(0));
}

void LocalStore::setStatus(const std::string& type, const std::string& id, RecordStatus status)
{
    const auto found = m_cache.find({type, id});
    if (found == m_cache.end()) {
        return;
    }
    Statement update = m_db->prepare("UPDATE records SET status = ?3 WHERE record_type = ?1 AND record_id = ?2");
    update.bind(1, type).bind(2, id).bind(3, recordStatusName(status));
    update.run();
}

void LocalStore::applyPushResults(const std::vector<PushResult>& results)
{
    requireUnlocked();
    std::map<std::pair<std::string, std::string>, RecordStatus> statuses;
    std::map<std::pair<std::string, std::string>, Cached> resent;
    Transaction transaction(*m_db);
    for (const PushResult& result : results) {
        Statement select = m_db->prepare("SELECT record_type, record_id FROM outbox WHERE change_id = ?1");
        select.bind(1, result.changeId);
        if (!select.step()) {
            continue; // answered before (a resumed push): nothing left to do
        }
        const auto key = std::make_pair(select.text(0), select.text(1));
        // A duplicate answers for a push whose reply was lost: it stands for what that push got,
        // so a record held back then stays held back (and listed) now.
        const std::string& status = result.status == "duplicate" && result.was == "quarantined" ? result.was
                                                                                                 : result.status;
        if (status == "applied" || status == "duplicate") {
            Statement remove = m_db->prepare("DELETE FROM outbox WHERE change_id = ?1");
            remove.bind(1, result.changeId);
            remove.run();
            Statement others = m_db->prepare(
                "SELECT COUNT(*) FROM outbox WHERE record_type = ?1 AND record_id = ?2 AND state = 'waiting'");
            others.bind(1, key.first).bind(2, key.second);
            others.step();
            if (others.integer(0) == 0 && !statuses.count(key)) {
                statuses[key] = RecordStatus::Synced;
            }
        } else {
            if (status == "rejected" && isClockRefusal(result.reason)) {
                if (auto restamped = restampRefused(result.changeId, result.reason, key)) {
                    resent[key] = std::move(*restamped);
                    statuses[key] = RecordStatus::Pending;
                    continue;
                }
            }
            const bool quarantined = status == "quarantined";
            Statement update = m_db->prepare("UPDATE outbox SET state = ?2, reason = ?3 WHERE change_id = ?1");
            update.bind(1, result.changeId)
                .bind(2, quarantined ? std::string_view("quarantined") : std::string_view("rejected"))
                .bind(3, result.reason);
            update.run();
            statuses[key] = quarantined ? RecordStatus::Quarantined : RecordStatus::Rejected;
        }
    }
    for (const auto& [key, status] : statuses) {
        setStatus(key.first, key.second, status);
    }
    if (m_clock) {
        setMetaText("hlc_last", m_clock->last());
    }
    transaction.commit();
    for (auto& [key, cached] : resent) {
        m_cache[key] = std::move(cached);
    }
    for (const auto& [key, status] : statuses) {
        if (const auto found = m_cache.find(key); found != m_cache.end()) {
            found->second.status = status;
        }
        refreshFacts(key.first, key.second);
    }
}

std::int64_t LocalStore::nowMillis() const
{
    return m_serverClock ? m_serverClock->nowMillis() : wallClockMillis();
}

void LocalStore::rewindClockIfAhead()
{
    if (!m_clock) {
        return;
    }
    const auto last = HlcStamp::parse(m_clock->last());
    const std::int64_t now = nowMillis();
    if (last && last->millis > now + kClockAheadMillis) {
        m_clock = std::make_unique<HybridClock>(last->node, HlcStamp{now, 0, last->node}.toString());
    }
}

std::optional<LocalStore::Cached> LocalStore::restampRefused(const std::string& changeId, const std::string& reason,
                                                             const std::pair<std::string, std::string>& key)
{
    const auto found = m_cache.find(key);
    if (!m_clock || found == m_cache.end()) {
        return std::nullopt;
    }
    Statement select = m_db->prepare("SELECT sealed FROM outbox WHERE change_id = ?1");
    select.bind(1, changeId);
    if (!select.step()) {
        return std::nullopt;
    }
    const ChangeOrError decoded = decodeChange(boost::json::value(openJson(select.blob(0), outboxAad(changeId))));
    const auto* refused = std::get_if<Change>(&decoded);
    if (!refused) {
        return std::nullopt;
    }
    auto again = changeToResend(*refused, reason, nowMillis(), m_serverClock ? m_serverClock->offsetMillis() : 0,
                                newId());
    if (!again) {
        return std::nullopt;
    }
    rewindClockIfAhead();
    again->hlc = m_clock->tick(nowMillis());

    // The local record follows: what this change wrote now carries the new stamp (and a moved
    // instant), what a later change wrote stays.
    Cached next = found->second;
    if (isMutableRecordType(key.first)) {
        for (const auto& [field, value] : again->fields) {
            const auto* clock = next.clocks.if_contains(field);
            if (clock && clock->is_string() && clock->get_string() == refused->hlc) {
                next.clocks[field] = again->hlc;
                next.record.fields[field] = value;
            }
        }
    } else if (next.record.hlc == refused->hlc) {
        next.record.fields = again->fields;
    }
    if (next.record.hlc == refused->hlc) {
        next.record.hlc = again->hlc;
    }
    next.status = RecordStatus::Pending;
    writeRecord(next);

    Statement update = m_db->prepare(
        "UPDATE outbox SET change_id = ?2, state = 'waiting', reason = '', sealed = ?3 WHERE change_id = ?1");
    update.bind(1, changeId).bind(2, again->id).bindBlob(3, sealJson(encodeChange(*again), outboxAad(again->id)));
    update.run();
    return next;
}

void LocalStore::dismissProblem(const std::string& changeId)
{
    requireUnlocked();
    Statement select = m_db->prepare("SELECT record_type, record_id, state FROM outbox WHERE change_id = ?1");
    select.bind(1, changeId);
    if (!select.step()) {
        return;
    }
    const auto key = std::make_pair(select.text(0), select.text(1));
    const bool rejected = select.text(2) == "rejected";
    Transaction transaction(*m_db);
    Statement remove = m_db->prepare("DELETE FROM outbox WHERE change_id = ?1");
    remove.bind(1, changeId);
    remove.run();
    // A rejected record was never stored by the server: once a person has dealt with it, it goes.
    // A quarantined one is held by the server and stays visible as such.
    if (rejected) {
        deleteRecord(key.first, key.second);
    }
    transaction.commit();
    if (rejected) {
        m_cache.erase(key);
        refreshFacts(key.first, key.second);
    }
}

std::vector<Record> LocalStore::recordsOfType(const std::string& type) const
{
    std::vector<Record> out;
    for (const auto& [key, cached] : m_cache) {
        if (key.first == type && countsAsFact(cached.status)) {
            out.push_back(cached.record);
        }
    }
    return out;
}

std::vector<Record> LocalStore::recordsOfCase(const std::string& caseId) const
{
    std::vector<Record> out;
    for (const auto& [key, cached] : m_cache) {
        if (cached.caseId == caseId && !caseId.empty()) {
            out.push_back(cached.record);
        }
    }
    return out;
}

std::optional<Record> LocalStore::record(const std::string& type, const std::string& id) const
{
    const auto found = m_cache.find({type, id});
    if (found == m_cache.end()) {
        return std::nullopt;
    }
    return found->second.record;
}

RecordStatus LocalStore::status(const std::string& type, const std::string& id) const
{
    const auto found = m_cache.find({type, id});
    return found == m_cache.end() ? RecordStatus::Synced : found->second.status;
}

// --- drafts -----------------------------------------------------------------------------------------

void LocalStore::saveDraft(const std::string& key, const std::string& recordType, const std::string& caseId,
                           const boost::json::object& fields)
{
    Statement upsert = m_db->prepare(
        "INSERT INTO drafts (draft_key, record_type, case_id, sealed) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (draft_key) DO UPDATE SET sealed = excluded.sealed");
    upsert.bind(1, key).bind(2, recordType).bind(3, caseId).bindBlob(4, sealJson(fields, draftAad(key)));
    upsert.run();
}

std::optional<boost::json::object> LocalStore::draft(const std::string& key) const
{
    requireUnlocked();
    Statement select = m_db->prepare("SELECT sealed FROM drafts WHERE draft_key = ?1");
    select.bind(1, key);
    if (!select.step()) {
        return std::nullopt;
    }
    return openJson(select.blob(0), draftAad(key));
}

void LocalStore::deleteDraft(const std::string& key)
{
    Statement remove = m_db->prepare("DELETE FROM drafts WHERE draft_key = ?1");
    remove.bind(1, key);
    remove.run();
}

int LocalStore::draftCount() const
{
    Statement count = m_db->prepare("SELECT COUNT(*) FROM drafts");
    count.step();
    return static_cast<int>(count.integer(0));
}

} // namespace fieldbook::app
