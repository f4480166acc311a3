// The caseload list: a volunteer sees their active matches, a practitioner their open cases; each
// row says what is due and whether contact is cleared; overdue first. Checked by
// QAbstractItemModelTester on every reload.
#include "appfixture.h"
#include "model/record.h"
#include "models/caseloadmodel.h"
#include "models/casestatus.h"
#include "rules/caseload.h"
#include "rules/gates.h"
#include "rules/reasons.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {

QString coreSentence(const char* code)
{
    return QCoreApplication::translate("Reason", std::string(reasonSentence(code)).c_str());
}

std::vector<Change> withClearance(bool cleared, const char* reason)
{
    auto changes = fixture::clearedCase();
    for (auto& change : changes) {
        if (change.recordType == "clearance") {
            change.fields["cleared"] = cleared;
            change.fields["reason"] = reason;
        }
    }
    return changes;
}

} // namespace

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
        fixture::App f({Role::Befriender}, fixture::kVolunteer, withClearance(false, "consent_missing"));
        QAbstractItemModelTester tester(f.app->caseload(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex row = f.app->caseload()->index(0);
        QVERIFY(!f.app->caseload()->data(row, CaseloadModel::ClearedRole).toBool());
        // The core's one wording of the code the server sent, never the phone's own.
        QCOMPARE(f.app->caseload()->data(row, CaseloadModel::ClearanceTextRole).toString(), coreSentence("consent_missing"));
    }

    // "Overdue: contact Irina" never stands next to "Not cleared: consent withdrawn": the core
    // pauses the rhythm and says why.
    void reminderPausedWhileNotCleared()
    {
        fixture::App f({Role::Befriender}, fixture::kVolunteer, withClearance(false, "consent_withdrawn"));
        CaseloadModel* model = f.app->caseload();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex row = model->index(0);
        QCOMPARE(model->data(row, CaseloadModel::DueStateRole).toString(), QStringLiteral("paused"));
        QCOMPARE(model->data(row, CaseloadModel::PausedReasonRole).toString(), QStringLiteral("consent withdrawn"));
        const QString due = model->data(row, CaseloadModel::DueTextRole).toString();
        QVERIFY2(due.startsWith(QStringLiteral("Paused")) && due.contains(QStringLiteral("consent withdrawn")), qPrintable(due));
        QCOMPARE(model->overdueCount(), 0);
        QCOMPARE(model->data(row, CaseloadModel::ClearanceTextRole).toString(), coreSentence("consent_withdrawn"));
    }

    void clearanceNotKnownPausesNothing()
    {
        auto changes = fixture::clearedCase();
        changes.pop_back(); // no derived clearance record yet
        fixture::App f({Role::Befriender}, fixture::kVolunteer, changes);
        const QModelIndex row = f.app->caseload()->index(0);
        QCOMPARE(f.app->caseload()->data(row, CaseloadModel::DueStateRole).toString(), QStringLiteral("overdue"));
        QVERIFY(f.app->caseload()->data(row, CaseloadModel::ClearanceTextRole).toString().contains(QStringLiteral("sync")));
    }

    // The practitioner's case is about the prisoner himself: the banner says what the core's gates
    // decide (the prisoner is his own X), never a blanket "cleared".
    void prisonerCaseShowsTheCoresDecision()
    {
        fixture::App f({Role::Practitioner}, fixture::kPractitioner);
        QAbstractItemModelTester tester(f.app->caseload(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(f.app->caseload()->rowCount(), 1);
        const QModelIndex row = f.app->caseload()->index(0);
        QCOMPARE(f.app->caseload()->data(row, CaseloadModel::NameRole).toString(), QStringLiteral("Marek"));
        Record contact;
        contact.type = "session_report";
        contact.fields = {{"case_id", fixture::kCase}, {"person_id", fixture::kPrisoner},
                          {"occurred_at", todayUtc().toString() + "T12:00:00Z"}};
        const GateDecision core = checkContact(contact, f.app->currentUser(), f.app->store()->facts());
        QVERIFY(!core.cleared()); // no consent of Marek about himself in the fixture
        QCOMPARE(f.app->caseload()->data(row, CaseloadModel::ClearedRole).toBool(), core.cleared());
        QCOMPARE(f.app->caseload()->data(row, CaseloadModel::ClearanceTextRole).toString(),
                 coreSentence(core.code().c_str()));
    }

    void prisonerCaseClearedWhenTheCoreClearsIt()
    {
        auto changes = fixture::clearedCase();
        changes.push_back(fixture::pulled("consent", "c0000000000000000000000000000009",
                                          {{"given_by", fixture::kPrisoner}, {"scope", "contact"},
                                           {"about", fixture::kPrisoner}, {"status", "given"},
                                           {"method", "written"}, {"recorded_at", "2024-01-03T10:00:00Z"}}));
        fixture::App f({Role::Practitioner}, fixture::kPractitioner, changes);
        const QModelIndex row = f.app->caseload()->index(0);
        QVERIFY2(f.app->caseload()->data(row, CaseloadModel::ClearedRole).toBool(),
                 qPrintable(f.app->caseload()->data(row, CaseloadModel::ClearanceTextRole).toString()));
        QCOMPARE(f.app->caseload()->data(row, CaseloadModel::ClearanceTextRole).toString(),
                 QStringLiteral("Cleared to contact Marek"));
    }

    // The rows are the core's caseloadOf, open cases only, once each.
    void rowsAreTheCoresCaseload_data()
    {
        QTest::addColumn<int>("roles");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<bool>("closeTheCase");
        QTest::addColumn<int>("rows");
        const QString volunteer = QString::fromStdString(fixture::kVolunteer);
        const QString practitioner = QString::fromStdString(fixture::kPractitioner);
        QTest::newRow("befriender") << int(RoleSet{Role::Befriender}.bits()) << volunteer << false << 1;
        QTest::newRow("practitioner") << int(RoleSet{Role::Practitioner}.bits()) << practitioner << false << 1;
        QTest::newRow("practitioner, closed") << int(RoleSet{Role::Practitioner}.bits()) << practitioner << true << 0;
        QTest::newRow("coordinator") << int(RoleSet{Role::Coordinator}.bits()) << volunteer << false << 0;
        QTest::newRow("matched, without the role") << int(RoleSet{Role::Manager}.bits()) << volunteer << false << 0;
    }

    void rowsAreTheCoresCaseload()
    {
        QFETCH(int, roles);
        QFETCH(QString, userId);
        QFETCH(bool, closeTheCase);
        QFETCH(int, rows);
        auto changes = fixture::clearedCase();
        if (closeTheCase) {
            changes.push_back(fixture::pulled("case", fixture::kCase, {{"status", "closed"}}, 900000));
        }
        fixture::App f(RoleSet::fromBits(static_cast<std::uint32_t>(roles)), userId.toStdString(), changes);
        QStringList expected;
        for (const CaseloadEntry& entry : caseloadOf(f.app->currentUser(), f.app->store()->facts())) {
            if (entry.open && !expected.contains(QString::fromStdString(entry.caseId))) {
                expected << QString::fromStdString(entry.caseId);
            }
        }
        QStringList shown;
        for (int i = 0; i < f.app->caseload()->rowCount(); ++i) {
            shown << f.app->caseload()->data(f.app->caseload()->index(i), CaseloadModel::CaseIdRole).toString();
        }
        QCOMPARE(shown, expected);
        QCOMPARE(shown.size(), rows);
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
