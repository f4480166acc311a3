// The PostgreSQL schema, its own migration path: versioned in the one-row table schema_version,
// one migrateToN step per version, each in one transaction under an advisory lock, so that several
// server processes starting at once on an empty database migrate it once. The tables and columns
// mirror the SQLite schema (schema.cpp) at its version 6; keep the two in step.
#pragma once

namespace fieldbook::server {

class PgConnection;

inline constexpr int kPgSchemaVersion = 1;

// The advisory lock keys: one taken by every write transaction (serialises sequence issue with
// commit, and the gates' read-then-write across processes), one by migrations.
inline constexpr long long kPgWriteLock = 0x6669656c64626f6fLL; // "fieldboo"
inline constexpr long long kPgMigrateLock = 0x6669656c646d6967LL;

// Brings the database to kPgSchemaVersion. Throws std::runtime_error for a newer database.
void migratePg(PgConnection& db);

} // namespace fieldbook::server
