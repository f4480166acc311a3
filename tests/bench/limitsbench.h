// The physical limits of this machine for what a push must do at least, measured in the same run
// on the same session reports the push benchmark sent:
//   - the true limit: SQLite (core SqliteDb: WAL, synchronous=FULL as the server opens it)
//     inserting each change's bytes as one row of a table of an integer primary key and a blob;
//   - SQLite at the same durability inserting, per change,
//     one row shaped like the server's `records` row (same primary key and indexes, the sealed
//     part as a blob) and one row of the change log, in transactions of one push batch;
//   - AES-256-GCM (core crypto::seal) over the bytes the server seals per record.
#pragma once

#include "figures.h"
#include "sync/change.h"

#include <vector>

namespace fieldbook::bench {

class LimitsBench
{
public:
    LimitsBench(const std::vector<Change>& changes, int batch)
        : m_changes(changes)
        , m_batch(batch)
    {
    }

    // Throws std::runtime_error when the scratch database cannot be written.
    Limits run() const;

private:
    const std::vector<Change>& m_changes;
    int m_batch;
};

} // namespace fieldbook::bench
