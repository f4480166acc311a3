// Pull cursors: opaque, versioned, validated on the way in.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "sync/cursor.h"
#endif

class CursorTest : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
};

void CursorTest::roundTrip_data()
{
    QTest::addColumn<qint64>("sequence");
    QTest::newRow("0") << qint64(0);
    QTest::newRow("1") << qint64(1);
    QTest::newRow("large") << qint64(1234567890123);
    QTest::newRow("max") << std::numeric_limits<qint64>::max();
}

void CursorTest::roundTrip()
{
    QFETCH(qint64, sequence);
    const std::string cursor = fieldbook::encodeCursor(sequence);
    QCOMPARE(fieldbook::decodeCursor(cursor), std::optional<std::int64_t>(sequence));
    QVERIFY(cursor != std::to_string(sequence));
}

void CursorTest::rejects_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::newRow("a number") << "42";
    QTest::newRow("wrong version") << "c2.000000000000002a";
    QTest::newRow("short") << "c1.2a";
    QTest::newRow("uppercase hex") << "c1.000000000000002A";
    QTest::newRow("negative") << "c1.8000000000000000";
    QTest::newRow("junk") << "c1.00000000000000zz";
    QTest::newRow("sql") << "c1.0' OR 1=1 --";
}

void CursorTest::rejects()
{
    QFETCH(QString, cursor);
    QVERIFY(!fieldbook::decodeCursor(cursor.toStdString()));
}

QTEST_APPLESS_MAIN(CursorTest)
#include "cursortest.moc"
