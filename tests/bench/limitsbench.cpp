#include "limitsbench.h"

#include "benchdata.h"
#include "crypto/aead.h"
#include "crypto/random.h"
#include "storage/sqlitedb.h"
#include "store/schema.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <boost/json/serialize.hpp>
#include <stdexcept>

namespace fieldbook::bench {

Limits LimitsBench::run() const
{
    Limits limits;
    limits.rows = static_cast<int>(m_changes.size());
    limits.batch = m_batch;
    limits.sqliteSettings = QStringLiteral("WAL, synchronous=FULL");

    const crypto::Bytes key = crypto::randomBytes(crypto::kKeyBytes);
    std::vector<crypto::Bytes> plain;
    std::vector<crypto::Bytes> sealed;
    std::vector<std::string> openFields;
    for (const Change& change : m_changes) {
        plain.push_back(crypto::toBytes(BenchData::sealedPart(change)));
        sealed.push_back(crypto::seal(key, plain.back(), change.recordId));
        boost::json::object open = change.fields;
        open.erase("notes");
        open.erase("concern_details");
        openFields.push_back(boost::json::serialize(open));
    }

    QTemporaryDir dir;
    if (!dir.isValid()) {
        throw std::runtime_error("no scratch folder for the SQLite limit");
    }
    {
        // The true limit: each change's bytes (its wire JSON, the sealed part as the blob holds it)
        // into the smallest table there is, at the server's durability and batch size.
        SqliteDb db(dir.filePath(QStringLiteral("minimal.db")).toStdString());
        db.execScript("CREATE TABLE minimal(id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
        Statement insert = db.prepare("INSERT INTO minimal(id, body) VALUES (?, ?)");
        std::vector<crypto::Bytes> bodies;
        bodies.reserve(m_changes.size());
        for (std::size_t i = 0; i < m_changes.size(); ++i) {
            crypto::Bytes body = crypto::toBytes(openFields[i]);
            body.insert(body.end(), sealed[i].begin(), sealed[i].end());
            bodies.push_back(std::move(body));
        }
        QElapsedTimer timer;
        timer.start();
        std::int64_t id = 0;
        for (std::size_t start = 0; start < m_changes.size(); start += static_cast<std::size_t>(m_batch)) {
            Transaction transaction(db);
            for (std::size_t i = start;
                 i < std::min(m_changes.size(), start + static_cast<std::size_t>(m_batch)); ++i) {
                insert.bind(1, ++id).bindBlob(2, bodies[i]);
                insert.run();
                insert.reset();
            }
            transaction.commit();
        }
        limits.minimalMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    {
        SqliteDb db(dir.filePath(QStringLiteral("limits.db")).toStdString());
        // The server's own schema and indexes, so the limit is measured on the rows it really writes.
        server::migrate(db);
        Statement record = db.prepare("INSERT INTO records(record_type, record_id, state, case_id, author, "
                                      "hlc, form_version, change_id, seq, "
                                      "updated_at, fields, field_clocks, sealed, key_id) VALUES (?1, ?2, "
                                      "'applied', ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                      "?10, '{}', ?11, 'k1')");
        Statement logged = db.prepare(
            "INSERT INTO changes(id, device_id, author, record_type, record_id, status, seq, received_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, 'applied', ?6, ?7)");
        QElapsedTimer timer;
        timer.start();
        std::int64_t seq = 0;
        for (std::size_t start = 0; start < m_changes.size(); start += static_cast<std::size_t>(m_batch)) {
            Transaction transaction(db);
            for (std::size_t i = start;
                 i < std::min(m_changes.size(), start + static_cast<std::size_t>(m_batch)); ++i) {
                const Change& change = m_changes[i];
                const std::string device = change.hlc.substr(change.hlc.size() - 32);
                ++seq;
                record.bind(1, change.recordType)
                    .bind(2, change.recordId)
                    .bind(3, change.fields.at("case_id").as_string());
                record.bind(4, device).bind(5, change.hlc).bind(6, change.formVersion).bind(7, change.id);
                record.bind(8, seq).bind(9, seq).bind(10, openFields[i]).bindBlob(11, sealed[i]);
                record.run();
                record.reset();
                logged.bind(1, change.id).bind(2, device).bind(3, device).bind(4, change.recordType);
                logged.bind(5, change.recordId).bind(6, seq).bind(7, seq);
                logged.run();
                logged.reset();
            }
            transaction.commit();
        }
        limits.sqliteMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }

    // Sealing is fast: repeat over the same bytes until the timing means something.
    QElapsedTimer timer;
    timer.start();
    std::size_t bytes = 0;
    int sealedCount = 0;
    do {
        for (std::size_t i = 0; i < plain.size(); ++i) {
            const crypto::Bytes out = crypto::seal(key, plain[i], m_changes[i].recordId);
            bytes += plain[i].size();
            ++sealedCount;
            if (out.size() != plain[i].size() + 29) {
                throw std::runtime_error("unexpected sealed size");
            }
        }
    } while (timer.elapsed() < 500);
    limits.aeadMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    limits.aeadBytes = static_cast<double>(bytes);
    limits.aeadChanges = sealedCount;
    return limits;
}

} // namespace fieldbook::bench
