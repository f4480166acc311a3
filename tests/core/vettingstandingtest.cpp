// vettingStandingOf: the coordinator's word on each volunteer's vetting, table-tested at the
// edges (the 30th day, the expiry day itself, the day after, a renewal beside an old check).
#include <QtTest>
#include "rules/vettingstanding.h"

#include <boost/json/parse.hpp>

using namespace fieldbook;

namespace {
const std::string kVolunteer = "a0000000000000000000000000000009";
}

class VettingStandingTest : public QObject
{
    Q_OBJECT

private slots:
    void standing_data()
    {
        QTest::addColumn<QStringList>("vettings"); // JSON fields of each vetting record
        QTest::addColumn<QString>("today");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("daysLeft");
        const QString trained = R"("training":["safeguarding","professional_boundaries","equality_diversity","data_protection"])";
        const auto vetting = [&](const QString& checked, const QString& expires, bool allTraining = true) {
            return QStringLiteral(R"({"dbs_checked_at":"%1","dbs_expires_at":"%2"%3})")
                .arg(checked, expires, allTraining ? "," + trained : QString(R"(,"training":["safeguarding"])"));
        };
        QTest::newRow("none") << QStringList{} << "2026-01-01" << int(VettingState::Missing) << 0;
        QTest::newRow("valid, 31 days left") << QStringList{vetting("2025-01-01", "2026-02-01")} << "2026-01-01"
                                             << int(VettingState::Valid) << 31;
        QTest::newRow("30 days left is flagged") << QStringList{vetting("2025-01-01", "2026-01-31")} << "2026-01-01"
                                                 << int(VettingState::ExpiringSoon) << 30;
        QTest::newRow("expiry day: still valid, flagged") << QStringList{vetting("2025-01-01", "2026-01-01")}
                                                          << "2026-01-01" << int(VettingState::ExpiringSoon) << 0;
        QTest::newRow("the day after: expired") << QStringList{vetting("2025-01-01", "2026-01-01")} << "2026-01-02"
                                                << int(VettingState::Expired) << -1;
        QTest::newRow("renewed: the longest check counts")
            << QStringList{vetting("2023-01-01", "2026-01-10"), vetting("2025-12-20", "2028-12-20")} << "2026-01-01"
            << int(VettingState::Valid) << 1084;
        QTest::newRow("training missing") << QStringList{vetting("2025-01-01", "2027-01-01", false)} << "2026-01-01"
                                          << int(VettingState::TrainingIncomplete) << 365;
        QTest::newRow("dated in the future") << QStringList{vetting("2026-02-01", "2029-02-01")} << "2026-01-01"
                                             << int(VettingState::NotYetValid) << 1127;
    }

    void standing()
    {
        QFETCH(QStringList, vettings);
        QFETCH(QString, today);
        QFETCH(int, state);
        QFETCH(int, daysLeft);
        MemoryFacts facts;
        int n = 0;
        for (const QString& json : vettings) {
            Record record;
            record.type = "vetting";
            record.id = "f00000000000000000000000000000" + std::to_string(10 + n++);
            record.fields = boost::json::parse(json.toStdString()).as_object();
            record.fields["volunteer"] = kVolunteer;
            facts.put(record);
        }
        const VettingStanding got = vettingStandingOf(kVolunteer, facts, *Date::parse(today.toStdString()));
        QCOMPARE(int(got.state), state);
        QCOMPARE(got.daysLeft, std::int64_t(daysLeft));
        QVERIFY(!got.sentence.empty());
        QCOMPARE(got.flagged(), state != int(VettingState::Valid));
    }
};

QTEST_GUILESS_MAIN(VettingStandingTest)
#include "vettingstandingtest.moc"
