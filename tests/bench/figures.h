// What one run of the workloads against one server measured; the table is printed from these.
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <map>
#include <vector>

namespace fieldbook::bench {

struct Figures
{
    QString target;     // "fieldbook-server", "pouchdb-server"
    QString transport;  // "HTTPS (TLS 1.3), pinned" / "plain HTTP"
    QString durability; // what a commit survives
    bool ran = false;

    // Seeding: the big database, through the API.
    int seedRecords = 0;
    double seedMs = 0;

    // Push: 20 devices x 500 session reports, concurrently.
    int devices = 0;
    int pushChanges = 0;
    int batchSize = 0;
    double pushMs = 0;
    std::vector<double> batchMs;
    std::map<QString, int> pushOutcomes; // applied / quarantined / ok / forbidden / ...

    // Cold first sync of practitioner P's caseload to a new device.
    int coldCount = 0;
    int coldExpected = 0;
    int coldPages = 0;
    double coldMs = 0;

    // Incremental pull after 1,000 new changes, 200 of them in P's caseload.
    int incrementalCount = 0;
    int incrementalExpected = 0;
    double incrementalMs = 0;
    std::vector<double> incrementalRuns; // the same pull repeated, for its percentiles

    // Many devices at once (20 per practitioner), each pulling a first page of 100 from scratch.
    int manyDevices = 0;
    int manyPulled = 0;
    double manyMs = 0;
    std::int64_t peakBeforeManyKiB = -1; // VmHWM after the push and the pulls, before them

    std::int64_t peakKiB = -1;
    std::int64_t diskBytes = 0;
    std::int64_t storedRecords = 0;

    // Requests answered 5xx or not at all, sent again (all phases; the push phase alone).
    int retried = 0;
    int pushRetried = 0;
    QString retryExample;
    QStringList serverErrors; // error lines of the server's log (fieldbook only)

    QStringList problems; // anything that did not come out as expected
};

struct Limits
{
    int rows = 0;
    int batch = 0;
    double sqliteMs = 0;  // rows shaped like the server's schema of version 6
    double minimalMs = 0; // the true limit: id primary key and a blob
    double aeadBytes = 0;
    double aeadMs = 0;
    int aeadChanges = 0;
    QString sqliteSettings;
};

} // namespace fieldbook::bench
