// The SQLite wrapper: prepared statements, types, transactions that roll back unless committed.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "storage/sqlitedb.h"
#endif

#include <QTemporaryDir>

using namespace fieldbook;

class SqliteDbTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void bindAndRead_data();
    void bindAndRead();
    void blobsAndNulls();
    void transactionCommits();
    void transactionRollsBackUnlessCommitted();
    void rollbackOnException();
    void userVersion();
    void errors();
    void pragmas();
    void reopenKeepsData();

private:
    std::string path() const { return (m_dir.path() + "/test.db").toStdString(); }
    QTemporaryDir m_dir;
};

void SqliteDbTest::init()
{
    QFile::remove(m_dir.path() + "/test.db");
}

void SqliteDbTest::bindAndRead_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("number");
    QTest::newRow("plain") << "Irina" << qint64(1);
    QTest::newRow("quotes are data") << "'); DROP TABLE t; --" << qint64(-5);
    QTest::newRow("unicode") << "Zoë 😀" << std::numeric_limits<qint64>::max();
    QTest::newRow("empty") << "" << std::numeric_limits<qint64>::min();
}

void SqliteDbTest::bindAndRead()
{
    QFETCH(QString, text);
    QFETCH(qint64, number);
    SqliteDb db(path());
    db.execScript("CREATE TABLE t (a TEXT, b INTEGER)");
    db.prepare("INSERT INTO t VALUES (?1, ?2)").bind(1, text.toStdString()).bind(2, std::int64_t(number)).run();
    QCOMPARE(db.changes(), 1);
    QCOMPARE(db.lastInsertId(), std::int64_t(1));
    auto select = db.prepare("SELECT a, b FROM t WHERE a = ?1");
    select.bind(1, text.toStdString());
    QVERIFY(select.step());
    QCOMPARE(QString::fromStdString(select.text(0)), text);
    QCOMPARE(select.integer(1), std::int64_t(number));
    QVERIFY(!select.step());
    QVERIFY(db.prepare("SELECT count(*) FROM t").step());
}

void SqliteDbTest::blobsAndNulls()
{
    SqliteDb db(path());
    db.execScript("CREATE TABLE b (id INTEGER PRIMARY KEY, data BLOB)");
    const std::vector<unsigned char> bytes = {0, 1, 2, 255, 0};
    auto insert = db.prepare("INSERT INTO b (id, data) VALUES (?1, ?2)");
    insert.bind(1, 1).bindBlob(2, bytes).run();
    insert.reset();
    insert.bind(1, 2).bindBlob(2, {}).run();
    insert.reset();
    insert.bind(1, 3).bindNull(2).run();
    auto select = db.prepare("SELECT data, data IS NULL FROM b ORDER BY id");
    QVERIFY(select.step());
    QCOMPARE(select.blob(0), bytes);
    QVERIFY(select.step());
    QVERIFY(select.blob(0).empty());
    QCOMPARE(select.integer(1), std::int64_t(0)); // an empty blob is not NULL
    QVERIFY(!select.isNull(0));
    QVERIFY(select.step());
    QVERIFY(select.isNull(0));
    QCOMPARE(select.text(0), std::string());
}

void SqliteDbTest::transactionCommits()
{
    SqliteDb db(path());
    db.execScript("CREATE TABLE t (a INTEGER)");
    {
        Transaction transaction(db);
        db.prepare("INSERT INTO t VALUES (1)").run();
        transaction.commit();
    }
    auto count = db.prepare("SELECT count(*) FROM t");
    QVERIFY(count.step());
    QCOMPARE(count.integer(0), std::int64_t(1));
}

void SqliteDbTest::transactionRollsBackUnlessCommitted()
{
    SqliteDb db(path());
    db.execScript("CREATE TABLE t (a INTEGER)");
    {
        Transaction transaction(db);
        db.prepare("INSERT INTO t VALUES (1)").run();
        db.prepare("INSERT INTO t VALUES (2)").run();
    }
    auto count = db.prepare("SELECT count(*) FROM t");
    QVERIFY(count.step());
    QCOMPARE(count.integer(0), std::int64_t(0));
    // The connection is usable afterwards.
    Transaction again(db);
    db.prepare("INSERT INTO t VALUES (3)").run();
    again.commit();
}

void SqliteDbTest::rollbackOnException()
{
    SqliteDb db(path());
    db.execScript("CREATE TABLE t (a INTEGER UNIQUE)");
    try {
        Transaction transaction(db);
        db.prepare("INSERT INTO t VALUES (1)").run();
        db.prepare("INSERT INTO t VALUES (1)").run(); // violates UNIQUE
        transaction.commit();
        QFAIL("the second insert should have thrown");
    } catch (const SqliteError& error) {
        QVERIFY(QString(error.what()).contains("UNIQUE"));
        QVERIFY(!error.busy());
    }
    auto count = db.prepare("SELECT count(*) FROM t");
    QVERIFY(count.step());
    QCOMPARE(count.integer(0), std::int64_t(0)); // nothing half-applied
}

void SqliteDbTest::userVersion()
{
    SqliteDb db(path());
    QCOMPARE(db.userVersion(), 0);
    db.setUserVersion(3);
    QCOMPARE(db.userVersion(), 3);
}

void SqliteDbTest::errors()
{
    SqliteDb db(path());
    QVERIFY_THROWS_EXCEPTION(SqliteError, db.prepare("SELEC 1"));
    QVERIFY_THROWS_EXCEPTION(SqliteError, db.prepare("SELECT * FROM missing"));
    QVERIFY_THROWS_EXCEPTION(SqliteError, db.prepare(""));
    QVERIFY_THROWS_EXCEPTION(SqliteError, db.execScript("NOT SQL"));
    QVERIFY_THROWS_EXCEPTION(SqliteError, SqliteDb((m_dir.path() + "/no/such/dir/x.db").toStdString()));
    SqliteError busy(5, "busy");
    QVERIFY(busy.busy());
    QCOMPARE(busy.code(), 5);
}

void SqliteDbTest::pragmas()
{
    SqliteDb db(path());
    auto mode = db.prepare("PRAGMA journal_mode");
    QVERIFY(mode.step());
    QCOMPARE(mode.text(0), std::string("wal"));
    auto keys = db.prepare("PRAGMA foreign_keys");
    QVERIFY(keys.step());
    QCOMPARE(keys.integer(0), std::int64_t(1));
    auto sync = db.prepare("PRAGMA synchronous");
    QVERIFY(sync.step());
    QCOMPARE(sync.integer(0), std::int64_t(2)); // FULL
    SqliteDb normal((m_dir.path() + "/normal.db").toStdString(), true);
    auto syncNormal = normal.prepare("PRAGMA synchronous");
    QVERIFY(syncNormal.step());
    QCOMPARE(syncNormal.integer(0), std::int64_t(1)); // NORMAL
}

void SqliteDbTest::reopenKeepsData()
{
    {
        SqliteDb db(path());
        db.execScript("CREATE TABLE t (a TEXT)");
        db.prepare("INSERT INTO t VALUES ('kept')").run();
    }
    SqliteDb db(path());
    auto select = db.prepare("SELECT a FROM t");
    QVERIFY(select.step());
    QCOMPARE(select.text(0), std::string("kept"));
    Statement moved = std::move(select);
    QVERIFY(!moved.step());
}

QTEST_APPLESS_MAIN(SqliteDbTest)
#include "sqlitedbtest.moc"
