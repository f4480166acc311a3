// The C1 inbox: every safeguarding report on the phone, urgent first then newest, with the
// setting, the action taken, whether the officer was informed and who raised it.
#include "appfixture.h"
#include "models/safeguardinginboxmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

class SafeguardingInboxModelTest : public QObject
{
    Q_OBJECT

private slots:
    void urgentFirstThenNewest()
    {
        auto report = [](const std::string& id, const std::string& urgency, const std::string& at, int counter) {
            Change change = fixture::pulled("safeguarding_report", id,
                                            {{"urgency", urgency}, {"setting", "custody"}, {"occurred_at", at},
                                             {"what_happened", "First line\nSecond line"},
                                             {"action_taken", boost::json::array{"called_101", "safer_custody_hotline"}},
                                             {"officer_informed", true}},
                                            counter);
            change.author = fixture::kVolunteer;
            return change;
        };
        fixture::App f(RoleSet{Role::SafeguardingOfficer}, fixture::kPractitioner,
                       {report("f0000000000000000000000000000001", "non_urgent", "2024-03-03T10:00:00Z", 1),
                        report("f0000000000000000000000000000002", "urgent", "2024-03-01T10:00:00Z", 2),
                        report("f0000000000000000000000000000003", "non_urgent", "2024-03-02T10:00:00Z", 3)});
        SafeguardingInboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.count(), 3);
        QCOMPARE(model.urgentCount(), 1);
        QCOMPARE(model.get(0).value("recordId").toString(), QStringLiteral("f0000000000000000000000000000002"));
        QCOMPARE(model.get(1).value("recordId").toString(), QStringLiteral("f0000000000000000000000000000001"));
        QCOMPARE(model.get(2).value("recordId").toString(), QStringLiteral("f0000000000000000000000000000003"));
        QCOMPARE(model.get(0).value("setting").toString(), QStringLiteral("Custody"));
        QCOMPARE(model.get(0).value("actionTaken").toString(), QStringLiteral("Called 101, Safer custody hotline"));
        QVERIFY(model.get(0).value("officerInformed").toBool());
        QCOMPARE(model.get(0).value("summary").toString(), QStringLiteral("First line"));
        QCOMPARE(model.get(0).value("raisedBy").toString(), QStringLiteral("a colleague"));
    }
};

QTEST_GUILESS_MAIN(SafeguardingInboxModelTest)
#include "safeguardinginboxmodeltest.moc"
