// `admin migrate --from SQLITE --to postgresql://...` end to end: a server on SQLite gathers a
// world (sealed session notes, a held report with an officer's sealed note), then the database is
// migrated into a fresh PostgreSQL database and served from there with the copied key: the same
// devices and tokens work, the same records pull with the same sealed fields, a cursor from the
// SQLite server goes on where it stopped, and a second migration into the same database is refused.
// PostgreSQL only: skipped without FIELDBOOK_TEST_ENGINE=postgres (CTest runs it as pg_pgmigratetest).
#include "scenario.h"
#include "testserver.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace fieldbook::testsupport;

namespace {

// The stored records of a pull (derived ones, made afresh at each pull, left out): type|id -> fields.
QMap<QString, QJsonObject> storedRecords(const QList<QJsonObject>& changes)
{
    static const QSet<QString> derived{"clearance", "alert"};
    QMap<QString, QJsonObject> out;
    for (const QJsonObject& change : changes) {
        const QString type = change.value("record_type").toString();
        if (!derived.contains(type)) {
            out.insert(type + "|" + change.value("record_id").toString(), change.value("fields").toObject());
        }
    }
    return out;
}

} // namespace

class PgMigrateTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void migratedDatabaseServesTheSame();

private:
    std::unique_ptr<TestServer> m_sqlite;
    std::unique_ptr<TestServer> m_postgres;
};

void PgMigrateTest::initTestCase()
{
    if (!TestServer::usesPostgres()) {
        QSKIP("migrating into PostgreSQL needs a cluster (run as pg_pgmigratetest)");
    }
    // The source is an SQLite server whatever engine the suite runs on.
    const QByteArray engine = qgetenv("FIELDBOOK_TEST_ENGINE");
    qunsetenv("FIELDBOOK_TEST_ENGINE");
    m_sqlite = std::make_unique<TestServer>();
    qputenv("FIELDBOOK_TEST_ENGINE", engine);
    m_postgres = std::make_unique<TestServer>();
    QVERIFY(!m_sqlite->dbPath().startsWith("postgresql://"));
    QVERIFY(m_postgres->dbPath().startsWith("postgresql://"));
}

void PgMigrateTest::migratedDatabaseServesTheSame()
{
    QVERIFY2(m_sqlite->start(), qPrintable(m_sqlite->errorString()));
    Scenario before(*m_sqlite);
    QVERIFY(before.setUp());
    const World world = before.buildWorld();
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(before.sessionReport(world.volunteer, world, QStringLiteral("Her brother's court date %1").arg(i))
                     .value("status")
                     .toString(),
                 QStringLiteral("applied"));
    }
    QCOMPARE(before.pushOne(before.practitioner, "consent",
                            {{"given_by", world.prisoner},
                             {"scope", "contact"},
                             {"about", world.person},
                             {"status", "withdrawn"},
                             {"method", "phone"},
                             {"recorded_at", Scenario::instant(-86400)}})
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const QJsonObject held = before.sessionReport(world.volunteer, world, QStringLiteral("After the withdrawal"));
    QCOMPARE(held.value("status").toString(), QStringLiteral("quarantined"));
    const QString note = QStringLiteral("Kept back until the family is asked again.");
    const HttpReply decided = m_sqlite->request("POST", "/v1/review",
                                                {{"change_id", held.value("id").toString()},
                                                 {"decision", "keep_held"},
                                                 {"note", note}},
                                                before.officer.accessToken);
    QCOMPARE(decided.status, 200);
    QString cursor;
    const auto pulledBefore = storedRecords(before.pullAll(before.practitioner, 200, &cursor));
    QVERIFY(pulledBefore.size() >= 10);
    QVERIFY(m_sqlite->stop());

    const QString stateDir = QFileInfo(m_postgres->keyFilePath()).path();
    QStringList args{"admin", "migrate", "--from", m_sqlite->dbPath(), "--to", m_postgres->dbPath(), "--state-dir",
                     stateDir};
    QProcess migrate;
    migrate.start(TestServer::serverBinary(), args);
    QVERIFY(migrate.waitForFinished(60000));
    const QByteArray output = migrate.readAllStandardOutput();
    QVERIFY2(migrate.exitCode() == 0, migrate.readAllStandardError().constData());
    const QJsonObject report = QJsonDocument::fromJson(output.trimmed().split('\n').last()).object();
    qInfo("migrate: %s", output.trimmed().constData());
    const QJsonObject tables = report.value("tables").toObject();
    QVERIFY(report.value("migrated").toInt() >= 12);
    QCOMPARE(report.value("migrated").toInt(), tables.value("records").toInt());
    QVERIFY2(report.value("checked").toInt() >= 7, "the sealed records and the review note were read back");
    QVERIFY(tables.value("devices").toInt() >= 8);
    QVERIFY(tables.value("audit").toInt() > 0);
    QCOMPARE(tables.value("review_decisions").toInt(), 1);
    QVERIFY(QFile::exists(m_postgres->keyFilePath()));
    QCOMPARE(m_postgres->pgQuery("SELECT count(*) FROM records").first().toInt(), tables.value("records").toInt());
    QVERIFY(!m_postgres->databaseBytes().contains("court date"));
    QVERIFY(!m_postgres->databaseBytes().contains(note.toUtf8()));

    // Served from PostgreSQL: the same devices, tokens and records, the cursor goes on.
    QVERIFY2(m_postgres->start(), qPrintable(m_postgres->errorString()));
    Scenario after(*m_postgres);
    after.practitioner = before.practitioner;
    after.officer = before.officer;
    const auto pulledAfter = storedRecords(after.pullAll(after.practitioner));
    QCOMPARE(pulledAfter.keys(), pulledBefore.keys());
    QCOMPARE(pulledAfter, pulledBefore);
    const HttpReply onward =
        m_postgres->request("GET", "/v1/sync/pull?cursor=" + cursor, {}, after.practitioner.accessToken);
    QCOMPARE(onward.status, 200);
    QVERIFY(storedRecords([&] {
                QList<QJsonObject> out;
                for (const auto& change : onward.object().value("changes").toArray()) {
                    out.append(change.toObject());
                }
                return out;
            }())
                .isEmpty());
    int exitCode = -1;
    const QByteArray audit = m_postgres->adminOutput({"audit", "--since", "2000-01-01"}, &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY(audit.contains("admin.migrate"));
    QVERIFY2(audit.contains(note.toUtf8()), "the officer's note opens with the copied key");

    // Into a database that holds data already: refused, nothing changed.
    QProcess again;
    again.start(TestServer::serverBinary(), args);
    QVERIFY(again.waitForFinished(60000));
    QCOMPARE(again.exitCode(), 1);
    QVERIFY(again.readAllStandardError().contains("empty"));
    QVERIFY(m_postgres->stop());
}

QTEST_GUILESS_MAIN(PgMigrateTest)
#include "pgmigratetest.moc"
