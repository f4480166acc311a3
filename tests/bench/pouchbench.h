// The same workloads against a pouchdb-server (a CouchDB-protocol server on Node.js; ci/bench
// starts it with LevelDB on disk, plain HTTP on loopback). Each record is one document whose _id is
// the record id, carrying the same fields, author, clock and change id as the fieldbook change,
// plus its case id (CouchDB can only filter on what a document holds).
// The access rule lives where CouchDB allows it:
//   - validate_doc_update (design document from ci/bench.d): the author must be the writer and
//     the writer must hold the role case:<case_id>; a volunteer holds the roles of their cleared
//     matches only, so their reports on the case whose consent was withdrawn are refused (CouchDB
//     cannot look at another document, so it refuses where fieldbook quarantines);
//   - a filtered _changes feed (filters.caseload) returns the documents of the cases listed in
//     the request. CouchDB cannot restrict reads per document: the filter is the client's choice.
// Users are CouchDB users (_users); every call uses HTTP basic authentication.
// Main thread only.
#pragma once

#include "benchdata.h"
#include "figures.h"

#include <QString>
#include <QUrl>

namespace fieldbook::bench {

class PouchBench
{
public:
    PouchBench(BenchData& data, QUrl url, QString designDocument, QString dataDir, std::int64_t pid);

    Figures run();

private:
    BenchData& m_data;
    QUrl m_url;
    QString m_designDocument;
    QString m_dataDir;
    std::int64_t m_pid;
};

} // namespace fieldbook::bench
