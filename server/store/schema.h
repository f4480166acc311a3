// The server database's schema, versioned in PRAGMA user_version with one migrateToN step per
// version. Steps run in one transaction each; a database newer than this binary is refused.
#pragma once

namespace fieldbook {
class SqliteDb;
}

namespace fieldbook::server {

inline constexpr int kSchemaVersion = 7;

// Brings the database to kSchemaVersion. Throws std::runtime_error for a newer database.
void migrate(SqliteDb& db);

} // namespace fieldbook::server
