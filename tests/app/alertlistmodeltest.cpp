// The practitioner's alert list from the alerts on the phone: which record, why it was held and
// what to do next, newest first, filtered by case; a held record that has since arrived as a
// record of its own (released) says so. Checked by QAbstractItemModelTester.
#include "appfixture.h"
#include "store/localstore.h"
#include "models/alertlistmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {

Change alert(const std::string& kind, const std::string& reason, const std::string& recordId, const std::string& at,
             int counter)
{
    return fixture::pulled("alert", "e00000000000000000000000000000" + std::to_string(10 + counter),
                           {{"kind", kind}, {"recipient", fixture::kPractitioner}, {"case_id", fixture::kCase},
                            {"person_id", fixture::kIrina}, {"record_type", "session_report"},
                            {"record_id", recordId}, {"reason", reason}, {"at", at}},
                           counter);
}

} // namespace

class AlertListModelTest : public QObject
{
    Q_OBJECT

private slots:
    void whyAndWhatNext_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("why");
        QTest::addColumn<QString>("next");
        QTest::newRow("restricted") << "restricted" << "restriction" << "agree with the safeguarding officer";
        QTest::newRow("consent withdrawn") << "consent_withdrawn" << "withdrawn" << "consent";
        QTest::newRow("check missing") << "protection_check_missing" << "protection check" << "Record the missing";
        QTest::newRow("vetting") << "vetting_invalid" << "DBS" << "coordinator";
        QTest::newRow("after ending") << "after_ending" << "six months" << "coordinator";
    }

    void whyAndWhatNext()
    {
        QFETCH(QString, reason);
        QFETCH(QString, why);
        QFETCH(QString, next);
        QVERIFY(AlertListModel::heldWhy(reason).contains(why));
        QVERIFY(AlertListModel::nextStep(QStringLiteral("held"), reason, false).contains(next));
        QVERIFY(AlertListModel::nextStep(QStringLiteral("held"), reason, true).startsWith(QStringLiteral("Released")));
    }

    void listsAlertsNewestFirstAndSeesReleases()
    {
        const std::string held = "f0000000000000000000000000000001";
        const std::string released = "f0000000000000000000000000000002";
        std::vector<Change> pulled = fixture::clearedCase();
        pulled.push_back(alert("held", "restricted", held, "2024-03-01T10:00:00Z", 1));
        pulled.push_back(alert("held", "consent_missing", released, "2024-03-01T11:00:00Z", 2));
        pulled.push_back(alert("released", "consent_missing", released, "2024-03-01T12:00:00Z", 3));
        // The released record itself, applied, as the server sends it after the release.
        pulled.push_back(fixture::pulled("session_report", released,
                                         {{"case_id", fixture::kCase}, {"person_id", fixture::kIrina},
                                          {"occurred_at", "2024-03-01T09:00:00Z"}, {"concerns", "none"}},
                                         4));
        fixture::App f(RoleSet{Role::Practitioner}, fixture::kPractitioner, pulled);
        AlertListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.count(), 3);
        QCOMPARE(model.get(0).value("kind").toString(), QStringLiteral("released"));
        QCOMPARE(model.get(1).value("recordId").toString(), QString::fromStdString(released));
        QVERIFY2(model.get(1).value("resolved").toBool(), "the held alert of a released record says so");
        QCOMPARE(model.get(2).value("recordId").toString(), QString::fromStdString(held));
        QVERIFY(!model.get(2).value("resolved").toBool());
        QVERIFY(model.get(2).value("why").toString().contains(QStringLiteral("restriction")));
        QVERIFY(model.get(2).value("title").toString().startsWith(QStringLiteral("Session report")));
        QCOMPARE(model.heldCount(), 1);

        model.setCaseId(QStringLiteral("c0000000000000000000000000000099"));
        QCOMPARE(model.count(), 0);
        model.setCaseId(QString::fromStdString(fixture::kCase));
        QCOMPARE(model.count(), 3);
    }
};

QTEST_GUILESS_MAIN(AlertListModelTest)
#include "alertlistmodeltest.moc"
