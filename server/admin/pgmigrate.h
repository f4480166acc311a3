// `admin migrate`: an SQLite database copied into an empty PostgreSQL database, every table with
// its keys (primary keys, sequences, the audit log's own numbering) and the sealing key beside it.
// The sealed parts are copied as they are (same key ids, same AAD): nothing is unsealed on the way.
// Verified before it answers: every table's row count on both sides, and a sample of sealed records
// (and review notes, break-the-glass reasons) read back through both stores and compared.
#pragma once

#include "cli/serverfiles.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace fieldbook::server {

struct MigrationResult
{
    std::int64_t records = 0;                                   // rows of `records`
    std::int64_t rows = 0;                                      // rows of every table
    std::int64_t checked = 0;                                   // sealed values read back and compared
    std::vector<std::pair<std::string, std::int64_t>> tables;   // table, rows
};

// Throws std::runtime_error when the source is missing or its key does not open it, the target
// holds data already, the target's key file exists with other keys, or the check fails (the
// copy is then rolled back, or left incomplete only if the check itself failed after commit).
MigrationResult migrateToPostgres(const ServerFiles& source, const ServerFiles& target);

} // namespace fieldbook::server
