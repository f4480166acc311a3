// PgStore in process against a fresh PostgreSQL database (the TestServer fixture's, without
// starting a server): its own migrations, sealing at rest, the append-only audit log, rollback,
// sequences, and what keeps several connections (processes) in step: write transactions are
// serial on the advisory lock, and a writer that waited sees what the first one committed.
// PostgreSQL only: skipped without FIELDBOOK_TEST_ENGINE=postgres (CTest runs it as pg_pgstoretest).
#include "testserver.h"

#include "auth/authservice.h"
#include "model/formdefinition.h"
#include "model/ids.h"
#include "store/keyring.h"
#include "store/pgconnection.h"
#include "store/pgschema.h"
#include "store/pgstore.h"

#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <future>
#include <memory>
#include <thread>

using namespace fieldbook;
using namespace fieldbook::server;
using fieldbook::testsupport::TestServer;

namespace {

StoredRecord sessionReport(const std::string& notes)
{
    StoredRecord stored;
    stored.record.type = "session_report";
    stored.record.id = newId();
    stored.record.author = newId();
    stored.record.hlc = "1700000000000-000001-" + newId();
    stored.record.formVersion = 2;
    stored.record.fields = {{"case_id", newId()}, {"person_id", newId()}, {"occurred_at", "2025-01-01T10:00:00Z"},
                            {"notes", notes}, {"concerns", "none"}};
    stored.caseId = stored.record.text("case_id");
    stored.changeId = newId();
    return stored;
}

} // namespace

class PgStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void migrationsSetTheSchemaVersion();
    void newerDatabaseIsRefused();
    void sealedFieldsNeverReachTheDisk();
    void wrongKeyCannotOpen();
    void auditIsAppendOnly();
    void writeTransactionRollsBack();
    void sequencesOrderThePull();
    void enrolCodesWorkOnceAcrossConnections();
    void writersInOtherConnectionsWaitAndSeeTheCommit();
    void reviewTextIsSealedAndResealed();
    void aLostConnectionIsOpenedAgain();

private:
    std::unique_ptr<PgStore> open(std::shared_ptr<const KeyRing> keys = {});

    std::unique_ptr<TestServer> m_database;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const KeyRing> m_keys;
};

void PgStoreTest::init()
{
    if (!TestServer::usesPostgres()) {
        QSKIP("PgStore needs a PostgreSQL cluster (run as pg_pgstoretest)");
    }
    m_database = std::make_unique<TestServer>();
    m_dir = std::make_unique<QTemporaryDir>();
    m_keys = std::make_shared<const KeyRing>(KeyRing::loadOrCreate(m_dir->filePath("fieldbook.key").toStdString()));
}

void PgStoreTest::cleanup()
{
    m_database.reset();
}

std::unique_ptr<PgStore> PgStoreTest::open(std::shared_ptr<const KeyRing> keys)
{
    return std::make_unique<PgStore>(m_database->dbPath().toStdString(), keys ? keys : m_keys, FormRegistry::builtin());
}

void PgStoreTest::migrationsSetTheSchemaVersion()
{
    QVERIFY(!PgStore::hasSchema(m_database->dbPath().toStdString()));
    auto store = open();
    QVERIFY(PgStore::hasSchema(m_database->dbPath().toStdString()));
    QCOMPARE(m_database->pgQuery("SELECT version FROM schema_version"), QStringList{QString::number(kPgSchemaVersion)});
    store.reset();
    auto again = open(); // migrating twice is a no-op
    QCOMPARE(m_database->pgQuery("SELECT count(*) FROM schema_version"), QStringList{"1"});
    QCOMPARE(again->lastSequence(), std::int64_t(0));
}

void PgStoreTest::newerDatabaseIsRefused()
{
    open()->db().execScript("UPDATE schema_version SET version = version + 1");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, open());
}

void PgStoreTest::sealedFieldsNeverReachTheDisk()
{
    auto store = open();
    StoredRecord stored = sessionReport("She said the rent is three months behind");
    store->writeTransaction([&] { store->putRecord(stored); });
    const QByteArray bytes = m_database->databaseBytes();
    QVERIFY(bytes.contains(QByteArray::fromStdString(stored.record.id)));
    QVERIFY(!bytes.contains("three months behind"));
    QVERIFY(!bytes.contains(QByteArray("three months behind").toHex())); // not even as bytea hex
    const auto back = open()->storedRecord("session_report", stored.record.id);
    QVERIFY(back.has_value());
    QCOMPARE(QString::fromStdString(back->record.text("notes")), QStringLiteral("She said the rent is three months behind"));
    QCOMPARE(QString::fromStdString(back->record.text("concerns")), QStringLiteral("none"));
}

void PgStoreTest::wrongKeyCannotOpen()
{
    StoredRecord stored = sessionReport("private");
    {
        auto store = open();
        store->writeTransaction([&] { store->putRecord(stored); });
    }
    QTemporaryDir other;
    auto stranger = open(std::make_shared<const KeyRing>(KeyRing::loadOrCreate(other.filePath("k").toStdString())));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, stranger->storedRecord("session_report", stored.record.id));
    // What `serve` checks before it answers anyone: a process with another key is refused.
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, stranger->checkKey());
    open()->checkKey();
}

void PgStoreTest::auditIsAppendOnly()
{
    auto store = open();
    store->appendAudit(AuditEntry{0, 1000, "push", newId(), newId(), {{"changes", 1}}});
    QCOMPARE(store->auditSince(0, 10).size(), std::size_t(1));
    QVERIFY_THROWS_EXCEPTION(PgError, store->db().execScript("UPDATE audit SET action = 'nothing'"));
    QVERIFY_THROWS_EXCEPTION(PgError, store->db().execScript("DELETE FROM audit"));
    QVERIFY_THROWS_EXCEPTION(PgError, store->db().execScript("TRUNCATE audit"));
    QCOMPARE(store->auditSince(0, 10).front().action, std::string("push"));
}

void PgStoreTest::writeTransactionRollsBack()
{
    auto store = open();
    StoredRecord stored = sessionReport("half a batch");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, store->writeTransaction([&] {
        store->putRecord(stored);
        throw std::runtime_error("crash in the middle of a batch");
    }));
    QVERIFY(!store->storedRecord("session_report", stored.record.id).has_value());
    QCOMPARE(store->lastSequence(), std::int64_t(0));
    // The connection is usable again after the rollback.
    store->writeTransaction([&] { store->putRecord(stored); });
    QCOMPARE(store->lastSequence(), std::int64_t(1));
}

void PgStoreTest::sequencesOrderThePull()
{
    auto store = open();
    std::vector<StoredRecord> records;
    store->writeTransaction([&] {
        for (int i = 0; i < 5; ++i) {
            records.push_back(sessionReport("r"));
            store->putRecord(records.back());
        }
        store->addAccessEvent(newId(), records.front().caseId);
    });
    QCOMPARE(store->lastSequence(), std::int64_t(6));
    const auto after = store->recordsAfter(records[1].sequence, ScanFilter{}, 100);
    QCOMPARE(after.size(), std::size_t(3));
    QCOMPARE(after.front().sequence, records[2].sequence);
    store->writeTransaction([&] { store->putRecord(records.front()); });
    QCOMPARE(store->recordsAfter(records[4].sequence, ScanFilter{}, 100).front().record.id, records.front().record.id);
    // A case-scoped scan finds the case's records and what the reader wrote, and nothing else.
    ScanFilter filter;
    filter.caseIds = std::vector<std::string>{records[3].caseId};
    filter.author = records[1].record.author;
    filter.audience = newId();
    filter.people = std::vector<std::string>{};
    const auto scoped = store->recordsAfter(0, filter, 100);
    QCOMPARE(scoped.size(), std::size_t(2));
    QCOMPARE(scoped[0].record.id, records[1].record.id);
    QCOMPARE(scoped[1].record.id, records[3].record.id);
}

void PgStoreTest::enrolCodesWorkOnceAcrossConnections()
{
    auto first = open();
    auto second = open();
    const std::string userId = newId();
    first->addUser(User{userId, "Pat", {}, ""}, 0);
    first->addEnrolCode("hash", userId, 100, 200);
    QCOMPARE(second->consumeEnrolCode("hash", 150), std::optional<std::string>(userId));
    QCOMPARE(first->consumeEnrolCode("hash", 150), std::optional<std::string>());
    first->addEnrolCode("late", userId, 100, 200);
    QCOMPARE(second->consumeEnrolCode("late", 200), std::optional<std::string>());
}

// The invariant that lets several processes share the database: a second writer waits on the
// advisory lock while the first is open, sees its commit once it goes on, and issues the next
// sequence; a reader meanwhile sees neither.
void PgStoreTest::writersInOtherConnectionsWaitAndSeeTheCommit()
{
    auto first = open();
    auto second = open();
    auto reader = open();
    StoredRecord earlier = sessionReport("first");
    StoredRecord later = sessionReport("second");
    std::promise<void> firstWrote;
    std::promise<void> release;
    std::thread one([&] {
        first->writeTransaction([&] {
            first->putRecord(earlier);
            firstWrote.set_value();
            release.get_future().wait();
        });
    });
    firstWrote.get_future().wait();
    bool sawEarlier = false;
    std::thread two([&] {
        second->writeTransaction([&] {
            sawEarlier = second->storedRecord("session_report", earlier.record.id).has_value();
            second->putRecord(later);
        });
    });
    // The second writer is waiting on the lock, not racing: PostgreSQL shows its ungranted lock.
    QDeadlineTimer deadline(20000);
    while (m_database->pgQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") !=
           QStringList{"1"}) {
        QVERIFY2(!deadline.hasExpired(), "the second writer never waited on the write lock");
        QThread::yieldCurrentThread();
    }
    QCOMPARE(reader->lastSequence(), std::int64_t(0)); // nothing committed yet
    release.set_value();
    one.join();
    two.join();
    QVERIFY2(sawEarlier, "a writer that waited reads what the one before it committed");
    QCOMPARE(earlier.sequence, std::int64_t(1));
    QCOMPARE(later.sequence, std::int64_t(2));
    QCOMPARE(reader->recordsAfter(0, ScanFilter{}, 10).size(), std::size_t(2));
}

void PgStoreTest::reviewTextIsSealedAndResealed()
{
    auto store = open();
    ReviewDecision decision{newId(), newId(), "session_report", newId(), newId(), "keep_held",
                            "Spoke to the family worker about the visit", 1000};
    BreakGlassGrant grant{newId(), newId(), newId(), "Child at risk tonight", 1000, 2000, std::nullopt};
    StoredRecord stored = sessionReport("notes to reseal");
    store->writeTransaction([&] {
        store->addReviewDecision(decision);
        store->addBreakGlassGrant(grant);
        store->putRecord(stored);
    });
    QVERIFY(!m_database->databaseBytes().contains("family worker"));
    QVERIFY(!m_database->databaseBytes().contains("Child at risk"));
    const KeyRing rotated = m_keys->withNewKey();
    auto resealing = open(std::make_shared<const KeyRing>(rotated));
    QCOMPARE(resealing->resealAll(), std::size_t(1));
    auto current = open(std::make_shared<const KeyRing>(rotated.currentOnly()));
    QCOMPARE(current->reviewDecision(decision.id)->note, decision.note);
    QCOMPARE(current->breakGlassGrant(grant.id)->reason, grant.reason);
    QCOMPARE(current->openBreakGlassGrants(grant.officer).size(), std::size_t(1));
    QCOMPARE(current->storedRecord("session_report", stored.record.id)->record.text("notes"),
             std::string("notes to reseal"));
}

// A PostgreSQL restart (or failover) costs the statement in flight, not the pooled store: the
// next call opens the connection again, with its statements prepared afresh.
void PgStoreTest::aLostConnectionIsOpenedAgain()
{
    auto store = open();
    StoredRecord stored = sessionReport("before the restart");
    store->writeTransaction([&] { store->putRecord(stored); });
    QCOMPARE(m_database->pgQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                 "WHERE datname = current_database() AND pid <> pg_backend_pid()"),
             QStringList{"1"});
    try {
        store->lastSequence(); // may fail: libpq learns of the loss here
    } catch (const PgError&) {
    }
    QCOMPARE(store->lastSequence(), std::int64_t(1));
    QVERIFY(store->storedRecord("session_report", stored.record.id).has_value());
    StoredRecord next = sessionReport("after the restart");
    store->writeTransaction([&] { store->putRecord(next); });
    QCOMPARE(next.sequence, std::int64_t(2));
}

QTEST_GUILESS_MAIN(PgStoreTest)
#include "pgstoretest.moc"
