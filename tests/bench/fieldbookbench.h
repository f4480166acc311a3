// The workloads against the real fieldbook-server (started by TestServer on 127.0.0.1, port 0,
// a fresh database, default settings: SQLite WAL with synchronous=FULL, 4 workers), every call
// over TLS with the certificate pinned and every change judged by the gates:
//   seed 50,000 records through POST /v1/sync/push in 500-change batches (10 practitioners at once),
//   then vetting, matches and consent withdrawals; push 20 befrienders x 500 session reports in
//   batches of 100, all at once (timed); pull P's caseload to a new device (timed); push 1,000 more
//   changes and pull them incrementally (timed, count asserted).
// Main thread only.
#pragma once

#include "benchdata.h"
#include "figures.h"

#include <vector>

namespace fieldbook::testsupport {
class TestServer;
}

namespace fieldbook::bench {

class FieldbookBench
{
public:
    explicit FieldbookBench(BenchData& data)
        : m_data(data)
    {
    }

    // How the server commits: its default (FULL), or --synchronous-normal, which runs the seeding
    // and the push only (for comparing with a peer that does not fsync).
    enum class Durability { Full, Normal };

    // On PostgreSQL (FIELDBOOK_TEST_PG names the cluster): `processes` servers on one database, the
    // devices spread over them round robin (the new phone pulls through the first). Durability::Full.
    void setPostgres(int processes) { m_pgProcesses = processes; }

    // Throws std::runtime_error when the server cannot be started or a step fails outright;
    // results that differ from what was expected are listed in Figures::problems.
    Figures run(Durability durability = Durability::Full);

    // The session reports of the push phase, as pushed (for the physical limits).
    const std::vector<Change>& pushed() const { return m_pushed; }

private:
    // `current` points at the running server while there is one (for its log when a step fails).
    Figures runOn(testsupport::TestServer*& current, Durability durability);

    BenchData& m_data;
    std::vector<Change> m_pushed;
    int m_pgProcesses = 0; // 0: SQLite
};

} // namespace fieldbook::bench
