// The hybrid logical clock: format, monotonic ticks whatever the wall clock does, observe().
#include <QtTest>

#ifndef Q_MOC_RUN
#include "sync/hlc.h"

#include "scenario.h"
#endif

using namespace fieldbook;
using fieldbook::test::hexId;

class HlcTest : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void ticksAreIncreasing_data();
    void ticksAreIncreasing();
    void observeMovesPast_data();
    void observeMovesPast();
    void resumesAfterRestart();
    void counterOverflowBorrowsAMillisecond();
    void stringOrderIsClockOrder();
    void refusesBadNode();
};

void HlcTest::parse_data()
{
    const std::string node = hexId(42);
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("valid") << QString::fromStdString("1735689600000-000000-" + node) << true;
    QTest::newRow("max") << QString::fromStdString("9999999999999-999999-" + node) << true;
    QTest::newRow("12-digit millis") << QString::fromStdString("173568960000-000000-" + node) << false;
    QTest::newRow("5-digit counter") << QString::fromStdString("1735689600000-00000-" + node) << false;
    QTest::newRow("uppercase node") << QString::fromStdString("1735689600000-000000-" + node).toUpper() << false;
    QTest::newRow("short node") << QString::fromStdString("1735689600000-000000-" + node.substr(1)) << false;
    QTest::newRow("colons") << QString::fromStdString("1735689600000:000000:" + node) << false;
    QTest::newRow("negative") << QString::fromStdString("-735689600000-000000-" + node) << false;
    QTest::newRow("empty") << "" << false;
}

void HlcTest::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto stamp = HlcStamp::parse(text.toStdString());
    QCOMPARE(stamp.has_value(), valid);
    QCOMPARE(isHlc(text.toStdString()), valid);
    if (valid) {
        QCOMPARE(QString::fromStdString(stamp->toString()), text);
    }
}

// Wall clock readings, in order; each tick must sort after the one before.
void HlcTest::ticksAreIncreasing_data()
{
    QTest::addColumn<QList<qint64>>("wall");
    QTest::newRow("steady") << QList<qint64>{1000, 2000, 3000};
    QTest::newRow("same millisecond") << QList<qint64>{1000, 1000, 1000, 1000};
    QTest::newRow("clock goes back") << QList<qint64>{5000, 4000, 3000, 6000};
    QTest::newRow("clock jumps back a day") << QList<qint64>{1735689600000, 1735603200000, 1735603200001};
    QTest::newRow("zero") << QList<qint64>{0, 0, 0};
}

void HlcTest::ticksAreIncreasing()
{
    QFETCH(QList<qint64>, wall);
    HybridClock clock(hexId(1));
    std::string previous;
    for (const qint64 now : wall) {
        const std::string stamp = clock.tick(now);
        QVERIFY(isHlc(stamp));
        QVERIFY2(stamp > previous, stamp.c_str());
        QCOMPARE(clock.last(), stamp);
        previous = stamp;
    }
}

void HlcTest::observeMovesPast_data()
{
    QTest::addColumn<qint64>("localWall");
    QTest::addColumn<qint64>("remoteMillis");
    QTest::addColumn<int>("remoteCounter");
    QTest::newRow("remote ahead") << qint64(1000) << qint64(9000) << 3;
    QTest::newRow("remote behind") << qint64(9000) << qint64(1000) << 3;
    QTest::newRow("same millisecond, higher counter") << qint64(1000) << qint64(1000) << 50;
}

void HlcTest::observeMovesPast()
{
    QFETCH(qint64, localWall);
    QFETCH(qint64, remoteMillis);
    QFETCH(int, remoteCounter);
    HybridClock clock(hexId(1));
    const std::string mine = clock.tick(localWall);
    const std::string remote = HlcStamp{remoteMillis, remoteCounter, hexId(2)}.toString();
    clock.observe(remote, localWall);
    const std::string next = clock.tick(localWall);
    QVERIFY(next > mine);
    QVERIFY(next.substr(0, 20) > remote.substr(0, 20));
    // Garbage is ignored.
    clock.observe("not a stamp", localWall);
    QVERIFY(clock.tick(localWall) > next);
}

void HlcTest::resumesAfterRestart()
{
    HybridClock first(hexId(1));
    first.tick(5000);
    const std::string last = first.tick(5000);
    HybridClock second(hexId(1), last);
    QVERIFY(second.tick(1000) > last); // the wall clock went back while the app was off
}

void HlcTest::counterOverflowBorrowsAMillisecond()
{
    HybridClock clock(hexId(1), HlcStamp{1000, 999999, hexId(1)}.toString());
    const auto next = HlcStamp::parse(clock.tick(1000));
    QVERIFY(next);
    QCOMPARE(next->millis, std::int64_t(1001));
    QCOMPARE(next->counter, 0);
}

void HlcTest::stringOrderIsClockOrder()
{
    const std::vector<HlcStamp> stamps = {{999, 5, hexId(9)}, {1000, 0, hexId(1)}, {1000, 1, hexId(0)},
                                          {1000, 1, hexId(1)}, {10000, 0, hexId(0)}};
    for (std::size_t i = 1; i < stamps.size(); ++i) {
        QVERIFY(stamps[i - 1].toString() < stamps[i].toString());
    }
    QVERIFY(wallClockMillis() > 1700000000000);
}

void HlcTest::refusesBadNode()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HybridClock("device-1"));
}

QTEST_APPLESS_MAIN(HlcTest)
#include "hlctest.moc"
