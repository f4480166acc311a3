// The phone's encrypted store: records, the outbox of changes waiting for the server, drafts, and
// the device identity, in one SQLite file. Every personal field is sealed with AES-256-GCM under a
// data key that only the PIN unwraps (keyvault.h); in clear are only ids, types and states.
//
// Invariants:
//  - a local write puts the record and its outbox entry in ONE transaction: after a kill at any
//    point either both are there or neither is;
//  - a pulled page and the cursor after it are written in one transaction, so an interrupted pull
//    resumes from the last page it stored;
//  - while locked, nothing decrypted is held in memory (the cache is cleared with the key).
// GUI thread only (one SqliteDb per thread).
#pragma once

#include "crypto/bytes.h"
#include "crypto/kdf.h"
#include "rules/facts.h"
#include "rules/roles.h"
#include "sync/change.h"

#include <boost/json/object.hpp>

#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fieldbook {
class SqliteDb;
class HybridClock;
} // namespace fieldbook

namespace fieldbook::app {

class ServerClock;

// Where a record stands between this phone and the server.
enum class RecordStatus { Synced, Pending, Quarantined, Rejected };
std::string_view recordStatusName(RecordStatus status);

struct OutboxEntry
{
    std::int64_t seq = 0;
    Change change;
    int priority = 1;  // 0 is pushed first (safeguarding reports)
    std::string state; // waiting, quarantined, rejected
    std::string reason;
};

// One push result as the server answered it.
struct PushResult
{
    std::string changeId;
    std::string status; // applied, duplicate, quarantined, rejected
    std::string reason;
    std::string was; // for a duplicate: what the first push of this change got (applied, quarantined)
};

// An answer this phone's user gave to a field of a mutable record that a newer answer from
// elsewhere replaced, found when a pull brought the newer one (the field-wise merge, merge.h).
struct LostAnswer
{
    std::string field;
    boost::json::value mine; // what this phone's user had answered
    boost::json::value kept; // the answer that stands
};

// Who this phone belongs to and how it reaches the server; sealed at rest.
struct Identity
{
    std::string serverUrl;
    std::string fingerprint;
    std::string deviceId;
    std::string refreshToken;
    crypto::Bytes privateKey; // X25519, raw 32 bytes
    User user;                // id, name, roles as far as known
};

class LocalStore
{
public:
    static constexpr int kMaxPinAttempts = 5;

    // Opens (creating and migrating) the store at `path`. Locked until initialise() or unlock().
    explicit LocalStore(std::string path, crypto::ScryptParams kdf = {});
    ~LocalStore();
    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    const std::string& path() const { return m_path; }

    // --- key and PIN ---------------------------------------------------------------------------
    bool hasPin() const;     // a data key is wrapped under a PIN
    bool unlocked() const { return !m_dataKey.empty(); }
    void initialise(std::string_view pin); // first PIN: new data key; throws if one exists
    enum class UnlockResult { Unlocked, WrongPin, Wiped };
    UnlockResult unlock(std::string_view pin);
    int attemptsLeft() const;
    void changePin(std::string_view newPin); // needs unlocked
    void lock();                             // forgets the data key and every decrypted value
    // Deletes every local record, key and identity (lost phone, revoked device, too many PINs).
    // The store stays usable: empty, locked, without a PIN.
    void wipe();

    // --- identity (needs unlocked) -------------------------------------------------------------
    bool enrolled() const;
    std::optional<Identity> identity() const;
    void saveIdentity(const Identity& identity);

    // The user's team by name (GET /v1/team, coordinators and practitioners), sealed; also put
    // into facts() as users, so that names and roles read as the server's do. Replaces the last list.
    void saveTeam(const std::vector<User>& users);
    std::vector<User> team() const;
    // The name of a user this phone knows (itself or its team); "" otherwise.
    std::string userName(const std::string& userId) const;

    // The corrected time (the server's, serverclock.h) for clock stamps; the phone's wall clock
    // without one. Not owned; must outlive the store or be reset to nullptr.
    void setClock(const ServerClock* clock) { m_serverClock = clock; }

    // --- records and the outbox (need unlocked) -------------------------------------------------
    // Stamps `change` (id, hlc) when they are empty, applies it to the local record and queues it,
    // in one transaction. Returns the stamped change.
    Change recordLocalChange(Change change, int priority = 1);
    // A pulled page: applies each change (merging mutable records by clock, deleting on "delete",
    // dropping a deleted case's records) and stores `cursor`, in one transaction.
    void applyPulled(const std::vector<Change>& changes, const std::string& cursor);
    std::string pullCursor() const;

    std::vector<OutboxEntry> waitingChanges(std::size_t limit) const; // priority, then age
    std::vector<OutboxEntry> problems() const;                        // quarantined and rejected
    // A change refused for its clock (clockrestamp.h) that the corrected time explains is stamped
    // again under a new change id and waits to be resent, its record Pending; any other refusal
    // stays listed as a problem.
    void applyPushResults(const std::vector<PushResult>& results);
    void dismissProblem(const std::string& changeId);
    int waitingCount() const;

    // The current records (not quarantined or rejected ones) as the rules read them.
    const MemoryFacts& facts() const { return m_facts; }
    std::vector<Record> recordsOfType(const std::string& type) const;
    std::vector<Record> recordsOfCase(const std::string& caseId) const; // quarantined/rejected included
    std::optional<Record> record(const std::string& type, const std::string& id) const;
    RecordStatus status(const std::string& type, const std::string& id) const;
    // The answers of this phone's user that lost to newer ones on the record; kept (sealed) until
    // the person answers the field again or dismisses them.
    std::vector<LostAnswer> lostAnswers(const std::string& type, const std::string& id) const;
    void dismissLostAnswers(const std::string& type, const std::string& id);

    // --- drafts (need unlocked) -----------------------------------------------------------------
    void saveDraft(const std::string& key, const std::string& recordType, const std::string& caseId,
                   const boost::json::object& fields);
    std::optional<boost::json::object> draft(const std::string& key) const;
    void deleteDraft(const std::string& key);
    int draftCount() const;

    // Test hook: the open database.
    SqliteDb& database() { return *m_db; }

private:
    struct Cached
    {
        Record record;
        RecordStatus status = RecordStatus::Synced;
        std::string caseId;
        boost::json::object clocks; // field -> hlc, for mutable records
        boost::json::array lost;    // LostAnswer as {field, mine, kept}
    };

    void open();
    void loadCache();
    void requireUnlocked() const;
    crypto::Bytes sealJson(const boost::json::object& value, std::string_view aad) const;
    boost::json::object openJson(const crypto::Bytes& sealed, std::string_view aad) const;
    std::optional<std::string> metaText(const std::string& key) const;
    void setMetaText(const std::string& key, const std::string& value);
    void setMetaBlob(const std::string& key, const crypto::Bytes& value);
    std::optional<crypto::Bytes> metaBlob(const std::string& key) const;
    void writeRecord(const Cached& cached);
    void applyToCache(const Change& change, RecordStatus status, bool fromServer);
    void deleteRecord(const std::string& type, const std::string& id);
    std::string caseIdOf(const Record& record) const;
    void refreshFacts(const std::string& type, const std::string& id);
    void setStatus(const std::string& type, const std::string& id, RecordStatus status);
    std::int64_t nowMillis() const;
    // A clock that issued stamps the server cannot accept (more than its tolerance ahead of the
    // corrected time) goes back to the corrected time: those stamps were never stored there.
    void rewindClockIfAhead();
    // Inside applyPushResults' transaction; the record's cache entry to apply after commit, or
    // nullopt when the refusal stands.
    std::optional<Cached> restampRefused(const std::string& changeId, const std::string& reason,
                                         const std::pair<std::string, std::string>& key);
    OutboxEntry readOutboxRow(std::int64_t seq, const std::string& state, const std::string& reason, int priority,
                              const crypto::Bytes& sealed, const std::string& changeId) const;

    std::string m_path;
    crypto::ScryptParams m_kdf;
    std::unique_ptr<SqliteDb> m_db;
    crypto::Bytes m_dataKey;
    std::unique_ptr<HybridClock> m_clock;
    const ServerClock* m_serverClock = nullptr;
    std::map<std::pair<std::string, std::string>, Cached> m_cache;
    MemoryFacts m_facts;
};

} // namespace fieldbook::app
