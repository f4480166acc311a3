// A change refused for its clock is stamped again only when the corrected clock explains the
// refusal, so nothing is lost and nothing is resent in a loop.
#include "sync/clockrestamp.h"

#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {
constexpr std::int64_t kNow = 1740823200000; // 2025-03-01T10:00:00Z, the corrected (server's) time
const std::string kNode = "d0000000000000000000000000000001";

std::string hlcAt(std::int64_t millis)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%013lld-000000-", static_cast<long long>(millis));
    return buffer + kNode;
}
} // namespace

class ClockRestampTest : public QObject
{
    Q_OBJECT

private slots:
    void changeToResend_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<qint64>("hlcAhead");      // ms the refused hlc is ahead of the corrected now
        QTest::addColumn<QString>("occurredAt");   // the refused change's occurred_at
        QTest::addColumn<qint64>("offset");        // server minus phone
        QTest::addColumn<QString>("expected");     // "-" = stays refused; else the occurred_at sent again

        const qint64 twoHours = 2 * 3600 * 1000;
        QTest::newRow("hlc 2 h ahead") << "invalid:hlc" << twoHours << "2025-03-01T09:00:00Z" << -twoHours
                                       << "2025-03-01T09:00:00Z";
        QTest::newRow("hlc 6 min ahead") << "invalid:hlc" << qint64(6 * 60 * 1000) << "2025-03-01T09:00:00Z"
                                         << qint64(0) << "2025-03-01T09:00:00Z";
        QTest::newRow("hlc within tolerance: stays") << "invalid:hlc" << qint64(4 * 60 * 1000)
                                                     << "2025-03-01T09:00:00Z" << qint64(0) << "-";
        QTest::newRow("hlc in the past: stays") << "invalid:hlc" << qint64(-1000) << "2025-03-01T09:00:00Z"
                                                << qint64(0) << "-";
        QTest::newRow("occurred_at from a clock 2 h ahead") << "invalid:occurred_at" << qint64(0)
                                                            << "2025-03-01T11:59:00Z" << -twoHours
                                                            << "2025-03-01T09:59:00Z";
        QTest::newRow("occurred_at typed into the future: stays") << "invalid:occurred_at" << qint64(0)
                                                                 << "2025-03-02T10:00:00Z" << qint64(0) << "-";
        QTest::newRow("occurred_at still ahead after the move") << "invalid:occurred_at" << qint64(0)
                                                               << "2025-03-01T15:00:00Z" << -twoHours << "-";
        QTest::newRow("occurred_at not ahead: stays") << "invalid:occurred_at" << qint64(0)
                                                     << "2025-03-01T09:00:00Z" << -twoHours << "-";
        QTest::newRow("occurred_at malformed: stays") << "invalid:occurred_at" << qint64(0) << "tomorrow"
                                                     << -twoHours << "-";
        QTest::newRow("other refusal: stays") << "forbidden" << twoHours << "2025-03-01T09:00:00Z" << -twoHours
                                              << "-";
        QTest::newRow("other field: stays") << "invalid:duration_minutes" << twoHours << "2025-03-01T09:00:00Z"
                                            << -twoHours << "-";
    }

    void changeToResend()
    {
        QFETCH(QString, reason);
        QFETCH(qint64, hlcAhead);
        QFETCH(QString, occurredAt);
        QFETCH(qint64, offset);
        QFETCH(QString, expected);
        Change refused;
        refused.id = "11111111111111111111111111111111";
        refused.recordType = "session_report";
        refused.recordId = "22222222222222222222222222222222";
        refused.hlc = hlcAt(kNow + hlcAhead);
        refused.fields = {{"occurred_at", occurredAt.toStdString()}, {"concerns", "none"}};
        const auto again = fieldbook::app::changeToResend(refused, reason.toStdString(), kNow, offset,
                                                          "33333333333333333333333333333333");
        QCOMPARE(again.has_value(), expected != "-");
        QCOMPARE(isClockRefusal(reason.toStdString()),
                 reason == "invalid:hlc" || reason == "invalid:occurred_at" || reason == "invalid:recorded_at");
        if (!again) {
            return;
        }
        QCOMPARE(again->id, std::string("33333333333333333333333333333333"));
        QCOMPARE(again->recordId, refused.recordId); // the same record
        QVERIFY(again->hlc.empty());                 // the store stamps it again
        QCOMPARE(QString::fromStdString(std::string(again->fields.at("occurred_at").as_string())), expected);
        QCOMPARE(again->fields.at("concerns"), refused.fields.at("concerns"));
    }
};

QTEST_GUILESS_MAIN(ClockRestampTest)
#include "clockrestamptest.moc"
