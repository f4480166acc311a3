// The caseload list: a volunteer sees their active matches, a practitioner their open cases; each
// row says what is due and whether contact is cleared; overdue first. Checked by
// QAbstractItemModelTester on every reload.
#include "appfixture.h"
#include "models/caseloadmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

class CaseloadModelTest : public QObject
{
    Q_OBJECT

private slots:
    void volunteerSeesTheirMatch()
    {
        fixture::App f;
        CaseloadModel* model = f.app->caseload();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.app->refresh();
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex row = model->index(0);
        QCOMPARE(model->data(row, CaseloadModel::NameRole).toString(), QStringLiteral("Irina"));
        QCOMPARE(model->data(row, CaseloadModel::CaseIdRole).toString(), QString::fromStdString(fixture::kCase));
        QVERIFY(model->data(row, CaseloadModel::ClearedRole).toBool());
        QCOMPARE(model->data(row, CaseloadModel::ClearanceTextRole).toString(), QStringLiteral("Cleared to contact Irina"));
        // No contact since the match began in 2024: the rhythm says overdue.
        QCOMPARE(model->data(row, CaseloadModel::DueStateRole).toString(), QStringLiteral("overdue"));
        QVERIFY(!model->data(row, CaseloadModel::DueTextRole).toString().isEmpty());
        QCOMPARE(model->overdueCount(), 1);
        QVERIFY(model->roleNames().values().contains("clearanceText"));
    }

    void notClearedSaysWhy()
    {
        auto changes = fixture::clearedCase();
        for (auto& change : changes) {
            if (change.recordType == "clearance") {
                change.fields["cleared"] = false;
                change.fields["reason"] = "consent_missing";
            }
        }
        fixture::App f({Role::Befriender}, fixture::kVolunteer, changes);
        QAbstractItemModelTester tester(f.app->caseload(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex row = f.app->caseload()->index(0);
        QVERIFY(!f.app->caseload()->data(row, CaseloadModel::ClearedRole).toBool());
        QCOMPARE(f.app->caseload()->data(row, CaseloadModel::ClearanceTextRole).toString(),
                 QStringLiteral("Not cleared: consent to contact Irina is not recorded"));
    }

    void practitionerSeesTheirCases()
    {
        fixture::App f({Role::Practitioner}, fixture::kPractitioner);
        QAbstractItemModelTester tester(f.app->caseload(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(f.app->caseload()->rowCount(), 1);
        const QModelIndex row = f.app->caseload()->index(0);
        // The practitioner's case is about the prisoner himself: no contact gate to show for it.
        QCOMPARE(f.app->caseload()->data(row, CaseloadModel::NameRole).toString(), QStringLiteral("Marek"));
        QVERIFY(f.app->caseload()->data(row, CaseloadModel::ClearanceTextRole).toString().isEmpty());
        QVERIFY(f.app->caseload()->data(row, CaseloadModel::ClearedRole).toBool());
    }

    void nobodyElsesMatches()
    {
        fixture::App f({Role::Befriender}, "a0000000000000000000000000000009");
        QAbstractItemModelTester tester(f.app->caseload(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(f.app->caseload()->rowCount(), 0);
    }

    void lockEmptiesTheList()
    {
        fixture::App f;
        QAbstractItemModelTester tester(f.app->caseload(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(f.app->caseload()->rowCount(), 1);
        f.app->lock();
        QCOMPARE(f.app->caseload()->rowCount(), 0);
        f.app->unlock(QStringLiteral("1234"));
        QCOMPARE(f.app->caseload()->rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(CaseloadModelTest)
#include "caseloadmodeltest.moc"
