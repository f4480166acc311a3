#include "store/schema.h"

#include "storage/sqlitedb.h"

#include <stdexcept>
#include <string>

namespace fieldbook::server {

namespace {

// Version 1: users and devices, enrolment codes and access tokens (hashes only), records with
// their sealed part, an index of their plain string fields, the change log for idempotence,
// per-user access events, the append-only audit log.
void migrateTo1(SqliteDb& db)
{
    db.execScript(R"sql(
CREATE TABLE settings(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE counters(
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters(name, value) VALUES ('sequence', 0);

CREATE TABLE users(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    roles INTEGER NOT NULL,
    team TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE enrol_codes(
    code_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
) WITHOUT ROWID;

CREATE TABLE devices(
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    refresh_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    revoked_at INTEGER
) WITHOUT ROWID;

CREATE TABLE access_tokens(
    token_hash TEXT PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices(id),
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX access_tokens_device ON access_tokens(device_id);
CREATE INDEX access_tokens_expiry ON access_tokens(expires_at);

CREATE TABLE records(
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('applied', 'quarantined', 'deleted')),
    case_id TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL,
    hlc TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    change_id TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    updated_at INTEGER NOT NULL,
    fields TEXT NOT NULL,
    field_clocks TEXT NOT NULL,
    sealed BLOB,
    key_id TEXT,
    PRIMARY KEY (record_type, record_id)
) WITHOUT ROWID;
CREATE INDEX records_case ON records(case_id, seq);
CREATE INDEX records_author ON records(author, seq);
CREATE INDEX records_audience ON records(audience, seq);

CREATE TABLE record_index(
    record_type TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (record_type, field, value, record_id)
) WITHOUT ROWID;
CREATE INDEX record_index_value ON record_index(value);
CREATE INDEX record_index_record ON record_index(record_type, record_id);

CREATE TABLE changes(
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    author TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE access_events(
    seq INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    case_id TEXT NOT NULL
);
CREATE INDEX access_events_user ON access_events(user_id, seq);

CREATE TABLE audit(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    action TEXT NOT NULL,
    user_id TEXT NOT NULL DEFAULT '',
    device_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_at ON audit(at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql");
}

// Version 2: the people each record of no case is about (the core's peopleOf() over its plain
// fields) with the record's sequence, so that a case-scoped pull selects the records of no case
// about the reader's people from this index alone instead of opening every one of them. Existing
// rows are filled in from their plain fields; the store keeps the table in step on every write
// (SqliteStore::writePeople). Records of a case have no rows here: the pull finds them by case_id.
void migrateTo2(SqliteDb& db)
{
    db.execScript(R"sql(
CREATE TABLE record_people(
    person_id TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (person_id, record_type, record_id)
) WITHOUT ROWID;
CREATE INDEX record_people_seq ON record_people(person_id, seq);
CREATE INDEX record_people_record ON record_people(record_type, record_id);

INSERT OR IGNORE INTO record_people(person_id, record_type, record_id, seq)
    SELECT record_id, record_type, record_id, seq FROM records
    WHERE record_type = 'person' AND record_id != '' AND case_id = '';
INSERT OR IGNORE INTO record_people(person_id, record_type, record_id, seq)
    SELECT json_extract(r.fields, '$.' || f.name), r.record_type, r.record_id, r.seq
    FROM records r
    JOIN (SELECT 'relationship' AS type, 'prisoner_id' AS name UNION ALL SELECT 'relationship', 'person_id'
          UNION ALL SELECT 'consent', 'given_by' UNION ALL SELECT 'consent', 'about'
          UNION ALL SELECT 'protection_check', 'subject' UNION ALL SELECT '', 'person_id'
          UNION ALL SELECT '', 'carer_id' UNION ALL SELECT '', 'child_id') f
      ON f.type = r.record_type
         OR (f.type = '' AND r.record_type NOT IN ('person', 'relationship', 'consent', 'protection_check'))
    WHERE r.case_id = '' AND json_type(r.fields, '$.' || f.name) = 'text'
      AND json_extract(r.fields, '$.' || f.name) != '';
)sql");
}

// Version 3: who recorded each record (the author of its first change, kept when others update
// it: "holding" a person starts there), filled in from the change log; and an index by record id
// alone, so that a record id used by another record type is found at once.
void migrateTo3(SqliteDb& db)
{
    db.execScript(R"sql(
ALTER TABLE records ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
CREATE INDEX changes_record ON changes(record_type, record_id, seq);
UPDATE records SET created_by = COALESCE(
    (SELECT c.author FROM changes c WHERE c.record_type = records.record_type AND c.record_id = records.record_id
     ORDER BY c.seq LIMIT 1), author);
CREATE INDEX records_id ON records(record_id);
)sql");
}

// Version 4: safeguarding review and break-the-glass. The officer's free text (a decision's note,
// a grant's reason) is sealed like a narrative field (AAD "review_decisions|<id>" or
// "break_glass_grants|<id>"); the audit log names decisions and grants by id only. A partial index
// lists the held records without scanning every record. Idempotent (IF NOT EXISTS), so that a
// database taken back to an older version by hand (as the store's tests do) migrates again.
void migrateTo4(SqliteDb& db)
{
    db.execScript(R"sql(
CREATE TABLE IF NOT EXISTS review_decisions(
    id TEXT PRIMARY KEY,
    change_id TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    officer TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('release', 'keep_held')),
    note BLOB NOT NULL,
    key_id TEXT NOT NULL,
    decided_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS review_decisions_change ON review_decisions(change_id, decided_at);

CREATE TABLE IF NOT EXISTS break_glass_grants(
    id TEXT PRIMARY KEY,
    officer TEXT NOT NULL,
    case_id TEXT NOT NULL,
    reason BLOB NOT NULL,
    key_id TEXT NOT NULL,
    granted_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    closed_at INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS break_glass_grants_open ON break_glass_grants(officer, closed_at);

CREATE INDEX IF NOT EXISTS records_quarantined ON records(seq) WHERE state = 'quarantined';
)sql");
}

// Version 5: refresh tokens rotate on every use. The hashes of the ones a device has given up stay
// here, so that one presented again (a copy in another's hands) is recognised as reuse and ends
// the device's session; `retired_at` lets a just-rotated token be retried for a short grace.
void migrateTo5(SqliteDb& db)
{
    db.execScript(R"sql(
CREATE TABLE IF NOT EXISTS retired_refresh_tokens(
    token_hash TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    retired_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS retired_refresh_tokens_device ON retired_refresh_tokens(device_id, retired_at);
)sql");
}

// Version 6: the establishments' populations by self-defined ethnicity, for the monthly report's
// take-up comparison (admin import-population replaces one establishment's rows). Aggregate counts
// from the prison, not records about anyone: stored in clear. Idempotent, like versions 4 and 5.
void migrateTo6(SqliteDb& db)
{
    db.execScript(R"sql(
CREATE TABLE IF NOT EXISTS population(
    establishment TEXT NOT NULL,
    ethnicity TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    position INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (establishment, ethnicity)
) WITHOUT ROWID;
)sql");
}

// Version 7: records get an integer row id, the (record_type, record_id) key becoming one unique
// index. A WITHOUT ROWID row of more than about 1,000 bytes (most records: plain fields, field
// clocks and the sealed part) spilled into an overflow page of its own, so a record took 2.5 KB
// on disk and every write dirtied two pages; a rowid row keeps up to a page in its leaf. Same
// columns and names, so every query (and admin migrate's copy) reads it as before. Repeatable:
// a database taken back to an older version by hand is rebuilt again.
void migrateTo7(SqliteDb& db)
{
    db.execScript(R"sql(
DROP TABLE IF EXISTS records_v7;
CREATE TABLE records_v7(
    rid INTEGER PRIMARY KEY,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('applied', 'quarantined', 'deleted')),
    case_id TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL,
    hlc TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    change_id TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    updated_at INTEGER NOT NULL,
    fields TEXT NOT NULL,
    field_clocks TEXT NOT NULL,
    sealed BLOB,
    key_id TEXT,
    created_by TEXT NOT NULL DEFAULT '',
    UNIQUE (record_type, record_id)
);
INSERT INTO records_v7(record_type, record_id, state, case_id, audience, author, hlc, form_version, change_id,
                       seq, updated_at, fields, field_clocks, sealed, key_id, created_by)
    SELECT record_type, record_id, state, case_id, audience, author, hlc, form_version, change_id,
           seq, updated_at, fields, field_clocks, sealed, key_id, created_by FROM records ORDER BY seq;
DROP TABLE records;
ALTER TABLE records_v7 RENAME TO records;
CREATE INDEX records_case ON records(case_id, seq);
CREATE INDEX records_author ON records(author, seq);
CREATE INDEX records_audience ON records(audience, seq);
CREATE INDEX records_id ON records(record_id);
CREATE INDEX records_quarantined ON records(seq) WHERE state = 'quarantined';
)sql");
}

using Step = void (*)(SqliteDb&);
constexpr Step kSteps[] = {migrateTo1, migrateTo2, migrateTo3, migrateTo4, migrateTo5, migrateTo6, migrateTo7};
static_assert(sizeof kSteps / sizeof kSteps[0] == kSchemaVersion, "one migration step per schema version");

} // namespace

void migrate(SqliteDb& db)
{
    const int version = db.userVersion();
    if (version > kSchemaVersion) {
        throw std::runtime_error("the database has schema version " + std::to_string(version) +
                                 ", newer than this server (" + std::to_string(kSchemaVersion) + ")");
    }
    for (int next = version + 1; next <= kSchemaVersion; ++next) {
        Transaction transaction(db);
        // Another process (an admin command beside the server) may have migrated meanwhile.
        if (db.userVersion() >= next) {
            continue;
        }
        kSteps[next - 1](db);
        db.setUserVersion(next);
        transaction.commit();
    }
}

} // namespace fieldbook::server
