// Records the server held back or refused stay listed with the reason in plain words until a
// person dismisses them; checked by QAbstractItemModelTester.
#include "appfixture.h"
#include "models/problemlistmodel.h"
#include "rules/reasons.h"
#include "sync/synccontroller.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

class ProblemListModelTest : public QObject
{
    Q_OBJECT

private slots:
    void listsHeldAndRefusedWithReasons()
    {
        fixture::App f;
        Change change;
        change.recordType = "session_report";
        change.formVersion = 2;
        change.fields = {{"case_id", fixture::kCase}, {"person_id", fixture::kIrina},
                         {"occurred_at", "2024-03-01T10:00:00Z"}, {"concerns", "none"}};
        const Change held = f.app->store()->recordLocalChange(change);
        const Change refused = f.app->store()->recordLocalChange(change);
        f.app->store()->applyPushResults({{held.id, "quarantined", "consent_withdrawn", ""},
                                          {refused.id, "rejected", "invalid:duration_minutes", ""}});
        ProblemListModel* model = f.app->sync()->problems();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.app->sync()->refreshCounts();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->data(model->index(0), ProblemListModel::StateRole).toString(), QStringLiteral("quarantined"));
        QCOMPARE(model->data(model->index(0), ProblemListModel::TitleRole).toString(), QStringLiteral("Session report · Irina"));
        QVERIFY(model->data(model->index(0), ProblemListModel::ExplanationRole).toString().contains(QStringLiteral("withdrawn")));
        QVERIFY(model->data(model->index(1), ProblemListModel::ExplanationRole)
                    .toString()
                    .contains(QStringLiteral("Duration (minutes)")));
        f.app->sync()->dismissProblem(QString::fromStdString(refused.id));
        QCOMPARE(model->rowCount(), 1);
        // Still there after locking and unlocking.
        f.app->lock();
        QCOMPARE(model->rowCount(), 0);
        f.app->unlock(QStringLiteral("1234"));
        QCOMPARE(model->rowCount(), 1);
    }

    // Every reason in the core's one wording (reasons.h), never the phone's own.
    void explainsEveryReason_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("mentions");
        for (const char* code : {"consent_missing", "consent_withdrawn", "protection_check_missing", "restricted",
                                 "vetting_invalid", "after_ending"}) {
            QTest::newRow(code) << "quarantined" << code << QString::fromUtf8(std::string(reasonSentence(code)).c_str());
        }
        for (const char* code : {"forbidden", "too_large", "unknown_record_type", "invalid:record_id", "invalid:status",
                                 "invalid:hlc", "invalid:id", "something_new"}) {
            QTest::newRow(code) << "rejected" << code << QString::fromUtf8(std::string(reasonSentence(code)).c_str());
        }
        QTest::newRow("field named") << "rejected" << "invalid:duration_minutes" << "Duration (minutes)";
        QTest::newRow("held is said") << "quarantined" << "restricted" << "Held for review";
    }

    void explainsEveryReason()
    {
        QFETCH(QString, state);
        QFETCH(QString, reason);
        QFETCH(QString, mentions);
        const QString text = ProblemListModel::explain(state, reason, QStringLiteral("session_report"));
        QVERIFY2(text.contains(mentions), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(ProblemListModelTest)
#include "problemlistmodeltest.moc"
