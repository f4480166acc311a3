// The server's time as the phone learns it from answers' Date headers: the offset, the corrected
// time that stamps records, and the warning when the phone's clock is more than a minute off.
// The phone's clock is injected: nothing here sleeps.
#include "net/serverclock.h"

#include <QtTest>

using namespace fieldbook::app;

namespace {
// 2025-03-01T10:00:00Z
constexpr std::int64_t kServerNow = 1740823200000;
} // namespace

class ServerClockTest : public QObject
{
    Q_OBJECT

private slots:
    void parsesHttpDates_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("millis"); // -1: refused
        QTest::newRow("IMF-fixdate") << QByteArray("Sat, 01 Mar 2025 10:00:00 GMT") << qint64(kServerNow);
        QTest::newRow("spaces around") << QByteArray("  Sat, 01 Mar 2025 10:00:00 GMT ") << qint64(kServerNow);
        QTest::newRow("epoch") << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT") << qint64(0);
        QTest::newRow("no zone") << QByteArray("Sat, 01 Mar 2025 10:00:00") << qint64(-1);
        QTest::newRow("ISO") << QByteArray("2025-03-01T10:00:00Z") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("nonsense") << QByteArray("yesterday") << qint64(-1);
        QTest::newRow("too long") << QByteArray(200, 'x') << qint64(-1);
    }

    void parsesHttpDates()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, millis);
        const auto parsed = ServerClock::parseHttpDate(header);
        QCOMPARE(parsed.has_value(), millis >= 0);
        if (parsed) {
            QCOMPARE(*parsed, millis);
        }
    }

    void offsetAndWarning_data()
    {
        QTest::addColumn<qint64>("phoneAhead"); // ms the phone's clock is ahead of the server's
        QTest::addColumn<bool>("warns");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("right") << qint64(0) << false << "";
        QTest::newRow("half a second") << qint64(500) << false << "";
        QTest::newRow("59 s ahead") << qint64(59000) << false << "";
        QTest::newRow("61 s ahead") << qint64(61000) << true << "ahead";
        QTest::newRow("2 h ahead") << qint64(2 * 3600 * 1000) << true << "120 minutes ahead";
        QTest::newRow("61 s behind") << qint64(-61000) << true << "behind";
        QTest::newRow("1 day behind") << qint64(-86400 * 1000) << true << "1440 minutes behind";
    }

    void offsetAndWarning()
    {
        QFETCH(qint64, phoneAhead);
        QFETCH(bool, warns);
        QFETCH(QString, mentions);
        ServerClock clock;
        std::int64_t phone = kServerNow + phoneAhead;
        clock.setPhoneClock([&phone] { return phone; });
        QVERIFY(!clock.known());
        QCOMPARE(clock.nowMillis(), phone); // nothing learnt yet: the phone's own clock
        QVERIFY(clock.warning().isEmpty());
        QVERIFY(clock.learnFromDateHeader("Sat, 01 Mar 2025 10:00:00 GMT"));
        QVERIFY(clock.known());
        // Within the header's one-second resolution of the server's time, and it follows the
        // phone's clock from there.
        QVERIFY(std::llabs(clock.nowMillis() - kServerNow) < 1000);
        phone += 90 * 1000;
        QVERIFY(std::llabs(clock.nowMillis() - (kServerNow + 90 * 1000)) < 1000);
        QCOMPARE(clock.phoneClockOff(), warns);
        QCOMPARE(!clock.warning().isEmpty(), warns);
        QVERIFY2(clock.warning().contains(mentions), qPrintable(clock.warning()));
        QCOMPARE(clock.nowInstant().substr(0, 13), std::string("2025-03-01T10"));
    }

    void aMalformedHeaderTeachesNothing()
    {
        ServerClock clock;
        clock.setPhoneClock([] { return kServerNow + 3600 * 1000; });
        QVERIFY(!clock.learnFromDateHeader("not a date"));
        QVERIFY(!clock.known());
        QCOMPARE(clock.offsetMillis(), std::int64_t(0));
    }

    void sameSecondKeepsTheOffset()
    {
        ServerClock clock;
        std::int64_t phone = kServerNow + 250;
        clock.setPhoneClock([&phone] { return phone; });
        clock.learn(kServerNow, phone);
        const std::int64_t first = clock.offsetMillis();
        phone += 500; // the same server second, read half a second later
        clock.learn(kServerNow, phone);
        QCOMPARE(clock.offsetMillis(), first);
        clock.learn(kServerNow + 60000, phone); // the server's clock was set: follow it
        QCOMPARE(clock.offsetMillis(), kServerNow + 60000 - phone);
    }
};

QTEST_GUILESS_MAIN(ServerClockTest)
#include "serverclocktest.moc"
