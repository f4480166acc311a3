// The local store's schema, versioned in PRAGMA user_version with one migrateToN step per version.
// Each step runs in its own transaction together with the version bump, so a kill during a
// migration leaves the previous version intact.
#pragma once

namespace fieldbook {
class SqliteDb;
}

namespace fieldbook::app::schema {

inline constexpr int kCurrentVersion = 2;

// Brings the database to `target` (default: current). Returns the version it found. Throws
// std::runtime_error for a database newer than this app.
int migrate(SqliteDb& db, int target = kCurrentVersion);

void migrateTo1(SqliteDb& db);
void migrateTo2(SqliteDb& db);

} // namespace fieldbook::app::schema
