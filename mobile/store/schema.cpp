#include "store/schema.h"

#include "storage/sqlitedb.h"

#include <stdexcept>
#include <string>

namespace fieldbook::app::schema {

// Version 1: the key material and bookkeeping (meta), the records the phone holds (fields sealed),
// and the outbox of changes not yet accepted by the server (each change sealed).
// Only ids, types and states are in clear: nothing in them is about a person.
void migrateTo1(SqliteDb& db)
{
    db.execScript(R"sql(
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value BLOB NOT NULL
        );
        CREATE TABLE records (
            record_type  TEXT NOT NULL,
            record_id    TEXT NOT NULL,
            case_id      TEXT NOT NULL DEFAULT '',
            status       TEXT NOT NULL,
            sealed       BLOB NOT NULL,
            PRIMARY KEY (record_type, record_id)
        );
        CREATE TABLE outbox (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            change_id    TEXT NOT NULL UNIQUE,
            record_type  TEXT NOT NULL,
            record_id    TEXT NOT NULL,
            priority     INTEGER NOT NULL,
            state        TEXT NOT NULL,
            reason       TEXT NOT NULL DEFAULT '',
            sealed       BLOB NOT NULL
        );
    )sql");
}

// Version 2: drafts saved as a person types (sealed), and the indexes the case page reads by.
void migrateTo2(SqliteDb& db)
{
    db.execScript(R"sql(
        CREATE TABLE drafts (
            draft_key    TEXT PRIMARY KEY,
            record_type  TEXT NOT NULL,
            case_id      TEXT NOT NULL DEFAULT '',
            sealed       BLOB NOT NULL
        );
        CREATE INDEX records_by_case ON records (case_id);
        CREATE INDEX outbox_by_state ON outbox (state, priority, seq);
    )sql");
}

int migrate(SqliteDb& db, int target)
{
    const int found = db.userVersion();
    if (found > kCurrentVersion) {
        throw std::runtime_error("the local data was written by a newer version of Fieldbook (schema " +
                                 std::to_string(found) + ")");
    }
    using Step = void (*)(SqliteDb&);
    static constexpr Step kSteps[] = {&migrateTo1, &migrateTo2};
    for (int version = found + 1; version <= target; ++version) {
        Transaction transaction(db);
        kSteps[version - 1](db);
        db.setUserVersion(version);
        transaction.commit();
    }
    return found;
}

} // namespace fieldbook::app::schema
