// A case's history: its form records newest first, titled from their form definition, each with
// where it stands with the server; checked by QAbstractItemModelTester.
#include "appfixture.h"
#include "models/historymodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

class HistoryModelTest : public QObject
{
    Q_OBJECT

private slots:
    void newestFirstWithStatus()
    {
        auto changes = fixture::clearedCase();
        changes.push_back(fixture::pulled("session_report", "f0000000000000000000000000000001",
                                          {{"case_id", fixture::kCase}, {"person_id", fixture::kIrina},
                                           {"occurred_at", "2024-02-01T10:00:00Z"}, {"duration_minutes", 30},
                                           {"mode", "phone"}}));
        fixture::App f({Role::Befriender}, fixture::kVolunteer, changes);
        Change local;
        local.recordType = "session_report";
        local.formVersion = 2;
        local.fields = {{"case_id", fixture::kCase}, {"person_id", fixture::kIrina},
                        {"occurred_at", "2024-03-01T10:00:00Z"}, {"concerns", "none"}};
        f.app->store()->recordLocalChange(local);

        HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload(*f.app->store(), fixture::kCase);
        // The case's session reports (the case, match and clearance are not history).
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), HistoryModel::DateRole).toString(), QStringLiteral("2024-03-01"));
        QCOMPARE(model.data(model.index(0), HistoryModel::StatusRole).toString(), QStringLiteral("waiting"));
        QCOMPARE(model.data(model.index(1), HistoryModel::StatusRole).toString(), QStringLiteral("synced"));
        QCOMPARE(model.data(model.index(1), HistoryModel::TitleRole).toString(), QStringLiteral("Session report"));
        QVERIFY(model.data(model.index(1), HistoryModel::SummaryRole).toString().contains(QStringLiteral("30 min")));
        model.reload(*f.app->store(), "c0000000000000000000000000000099");
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(HistoryModelTest)
#include "historymodeltest.moc"
