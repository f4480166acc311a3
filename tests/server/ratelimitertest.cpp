// RateLimiter on an injected clock: a burst goes through and the next call waits, tokens refill
// evenly, keys are independent, and Retry-After says how long to wait.
#include "auth/ratelimiter.h"

#include <QtTest>
#include <chrono>

using namespace fieldbook::server;
using namespace std::chrono_literals;

class RateLimiterTest : public QObject
{
    Q_OBJECT

private slots:
    void burstThenWait_data();
    void burstThenWait();
    void refillsEvenly();
    void keysAreIndependent();
    void retryAfterSaysHowLong();
    void forgettingNeverFreesALimitedCaller();
};

void RateLimiterTest::burstThenWait_data()
{
    QTest::addColumn<double>("perMinute");
    QTest::addColumn<double>("burst");
    QTest::newRow("burst of 1") << 6.0 << 1.0;
    QTest::newRow("burst of 5") << 10.0 << 5.0;
    QTest::newRow("burst of 20") << 60.0 << 20.0;
}

void RateLimiterTest::burstThenWait()
{
    QFETCH(double, perMinute);
    QFETCH(double, burst);
    RateLimiter limiter(perMinute, burst);
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    for (int i = 0; i < int(burst); ++i) {
        QVERIFY2(limiter.allow("10.0.0.1", t0), qPrintable(QString::number(i)));
    }
    QVERIFY(!limiter.allow("10.0.0.1", t0));
}

void RateLimiterTest::refillsEvenly()
{
    RateLimiter limiter(6, 2); // one token every 10 s
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    QVERIFY(limiter.allow("a", t0));
    QVERIFY(limiter.allow("a", t0));
    QVERIFY(!limiter.allow("a", t0 + 9s));
    QVERIFY(limiter.allow("a", t0 + 10s));
    QVERIFY(!limiter.allow("a", t0 + 11s));
    // A long pause refills only up to the burst.
    QVERIFY(limiter.allow("a", t0 + 1000s));
    QVERIFY(limiter.allow("a", t0 + 1000s));
    QVERIFY(!limiter.allow("a", t0 + 1000s));
}

void RateLimiterTest::keysAreIndependent()
{
    RateLimiter limiter(1, 1);
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    QVERIFY(limiter.allow("a", t0));
    QVERIFY(!limiter.allow("a", t0));
    QVERIFY(limiter.allow("b", t0));
}

void RateLimiterTest::retryAfterSaysHowLong()
{
    RateLimiter limiter(6, 1); // one token every 10 s
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    QVERIFY(limiter.allow("a", t0));
    QCOMPARE(limiter.retryAfter("a", t0), 10);
    QCOMPARE(limiter.retryAfter("a", t0 + 4s), 6);
    QCOMPARE(limiter.retryAfter("a", t0 + 9900ms), 1); // at least one second
    QCOMPARE(limiter.retryAfter("fresh", t0), 1);
}

void RateLimiterTest::forgettingNeverFreesALimitedCaller()
{
    RateLimiter limiter(0.06, 1); // one token every 1000 s
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    QVERIFY(limiter.allow("guesser", t0));
    // More callers than the limiter keeps buckets for: it forgets only the ones that refilled.
    for (int i = 0; i < 12000; ++i) {
        QVERIFY(limiter.allow("10.0." + std::to_string(i), t0 + 1s));
    }
    QVERIFY(!limiter.allow("guesser", t0 + 2s));
    QVERIFY(limiter.allow("guesser", t0 + 1000s));
}

QTEST_GUILESS_MAIN(RateLimiterTest)
#include "ratelimitertest.moc"
