// `admin backup` and `admin restore`. A backup is one SQLite file written by VACUUM INTO from a
// read transaction: consistent, and taken while the server runs (writers are not blocked). The
// sealing key is never inside it: it is written to its own file (FILE.key, mode 0600, or
// --key-out), which the operator keeps apart from the backup; --no-key writes none. A restore
// checks the file's integrity and schema, installs it and its key beside a database path that is
// not in use, and opens it once through the store (migrating it) before it answers.
#pragma once

#include "cli/serverfiles.h"

#include <optional>
#include <string>

namespace fieldbook::server {

struct BackupResult
{
    std::string file;
    std::string keyFile; // "" when no key was written
    std::int64_t bytes = 0;
};

// Throws std::runtime_error when `out` exists or cannot be written.
BackupResult backupDatabase(const ServerFiles& files, const std::string& out, const std::optional<std::string>& keyOut);

// Throws std::runtime_error when the target exists and is not empty, the backup is damaged, or
// its key is missing or does not open it.
void restoreDatabase(const std::string& from, const std::string& keyFrom, const ServerFiles& target);

} // namespace fieldbook::server
