// The local schema: PRAGMA user_version with one migrateToN step per version, each in its own
// transaction; data written under an older version survives the migration; a newer database is
// refused rather than damaged.
#include "storage/sqlitedb.h"
#include "store/schema.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fieldbook;
namespace schema = fieldbook::app::schema;

namespace {
bool hasTable(SqliteDb& db, const char* name)
{
    Statement select = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
    select.bind(1, name);
    select.step();
    return select.integer(0) == 1;
}
} // namespace

class SchemaTest : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseReachesCurrent()
    {
        QTemporaryDir dir;
        SqliteDb db(dir.filePath("a.db").toStdString());
        QCOMPARE(schema::migrate(db), 0);
        QCOMPARE(db.userVersion(), schema::kCurrentVersion);
        for (const char* table : {"meta", "records", "outbox", "drafts"}) {
            QVERIFY2(hasTable(db, table), table);
        }
        QCOMPARE(schema::migrate(db), schema::kCurrentVersion); // idempotent
    }

    void versionOneDataSurvives()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("b.db").toStdString();
        {
            SqliteDb db(path);
            schema::migrate(db, 1);
            QCOMPARE(db.userVersion(), 1);
            QVERIFY(!hasTable(db, "drafts"));
            Statement insert = db.prepare(
                "INSERT INTO outbox (change_id, record_type, record_id, priority, state, sealed) "
                "VALUES ('x', 'session_report', 'y', 1, 'waiting', x'00')");
            insert.run();
        }
        SqliteDb db(path);
        QCOMPARE(schema::migrate(db), 1);
        QCOMPARE(db.userVersion(), 2);
        QVERIFY(hasTable(db, "drafts"));
        Statement count = db.prepare("SELECT COUNT(*) FROM outbox WHERE change_id = 'x'");
        count.step();
        QCOMPARE(count.integer(0), 1);
    }

    void newerDatabaseIsRefused()
    {
        QTemporaryDir dir;
        SqliteDb db(dir.filePath("c.db").toStdString());
        db.setUserVersion(schema::kCurrentVersion + 1);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, schema::migrate(db));
    }
};

QTEST_GUILESS_MAIN(SchemaTest)
#include "schematest.moc"
