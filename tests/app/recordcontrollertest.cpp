// The record detail page's controller and the edit path: answers under their labels and in words,
// Edit only where the core's checkAuthority allows; an edit sends only the changed answers under
// the same record id; the pipeline moves of movesFrom, disabled with the core's reason, a move
// without answers saved at once through the one save path, and an answer lost to a newer one shown.
#include "appfixture.h"
#include "controllers/formcontroller.h"
#include "controllers/recordcontroller.h"
#include "store/localstore.h"

#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {

const QString kCase = QString::fromStdString(fixture::kCase);
const QString kMatch = QString::fromStdString(fixture::kMatch);

QVariantMap moveTo(const RecordController& record, const QString& to)
{
    for (const QVariant& move : record.moves()) {
        if (move.toMap().value("to").toString() == to) {
            return move.toMap();
        }
    }
    return {};
}

int moveIndex(const RecordController& record, const QString& to)
{
    for (int i = 0; i < record.moves().size(); ++i) {
        if (record.moves().at(i).toMap().value("to").toString() == to) {
            return i;
        }
    }
    return -1;
}

} // namespace

class RecordControllerTest : public QObject
{
    Q_OBJECT

private slots:
    void answersInWords()
    {
        fixture::App f({Role::Practitioner}, fixture::kPractitioner);
        RecordController record;
        record.setRecordType("case");
        record.setRecordId(kCase);
        QVERIFY(record.known());
        QCOMPARE(record.title(), QStringLiteral("Case"));
        QStringList shown;
        for (const QVariant& row : record.rows()) {
            shown << row.toMap().value("label").toString() + "=" + row.toMap().value("value").toString();
        }
        QVERIFY2(shown.contains("Stream=Befriending"), qPrintable(shown.join('|')));
        QVERIFY2(shown.contains("Opened on=2 Jan 2024"), qPrintable(shown.join('|')));
        // No 32-hex id anywhere on the page: the person by name, the practitioner as "You".
        for (const QString& text : shown) {
            QVERIFY2(!text.contains(QRegularExpression("[0-9a-f]{32}")), qPrintable(text));
        }
        QCOMPARE(record.status(), QStringLiteral("synced"));
        QVERIFY(record.editable());
        QVERIFY(record.canEdit());
    }

    void volunteerMayNotEditTheCase()
    {
        fixture::App f; // the befriender of the active match
        RecordController record;
        record.setRecordType("case");
        record.setRecordId(kCase);
        QVERIFY(record.editable());
        QVERIFY(!record.canEdit());
        QVERIFY(!record.editWhy().isEmpty());
        for (const QVariant& move : record.moves()) {
            QVERIFY(!move.toMap().value("allowed").toBool());
        }
    }

    void editSendsOnlyTheChangedAnswers()
    {
        fixture::App f({Role::Practitioner}, fixture::kPractitioner);
        FormController form;
        form.setRecordType("case");
        form.setRecordId(kCase);
        QVERIFY(form.editing());
        QCOMPARE(form.value("stream").toString(), QStringLiteral("befriending"));
        QVERIFY(!form.submit()); // nothing changed: nothing sent
        QCOMPARE(f.app->store()->waitingCount(), 0);
        form.setValue("release_date", "2026-05-01");
        QVERIFY(form.submit());
        const auto waiting = f.app->store()->waitingChanges(10);
        QCOMPARE(waiting.size(), std::size_t(1));
        QCOMPARE(waiting.front().change.recordId, fixture::kCase);
        QCOMPARE(waiting.front().change.fields, (boost::json::object{{"release_date", "2026-05-01"}}));
        const auto merged = f.app->store()->record("case", fixture::kCase);
        QCOMPARE(merged->text("release_date"), std::string("2026-05-01"));
        QCOMPARE(merged->text("stream"), std::string("befriending"));
    }

    void closingNeedsTheChecklistThenAsksItsAnswers()
    {
        fixture::App f({Role::Practitioner}, fixture::kPractitioner);
        RecordController record;
        record.setRecordType("case");
        record.setRecordId(kCase);
        QVariantMap close = moveTo(record, "closed");
        QVERIFY(!close.isEmpty());
        QVERIFY(!close.value("allowed").toBool());
        QVERIFY(close.value("why").toString().contains("checklist"));
        QVERIFY(!record.applyMove(moveIndex(record, "closed")));

        FormController checklist;
        checklist.setRecordType("casework_checklist");
        checklist.setCaseId(kCase);
        checklist.setValue("completed_on", "2024-03-01");
        QVERIFY(checklist.submit());
        close = moveTo(record, "closed");
        QVERIFY(close.value("allowed").toBool());
        QVERIFY(close.value("needsForm").toBool());
        QCOMPARE(close.value("presets").toMap().value("status").toString(), QStringLiteral("closed"));

        // The close form: the move preset, the closure reason asked; the state change passes.
        FormController form;
        form.setRecordType("case");
        form.setRecordId(kCase);
        form.setPresets(close.value("presets").toMap());
        form.setValue("closure_reason", "support_completed");
        QVERIFY(!form.gateApplies() || form.gateCleared());
        QVERIFY(form.submit());
        QCOMPARE(f.app->store()->record("case", fixture::kCase)->text("status"), std::string("closed"));
        // Re-opening needs no answers: saved at once.
        QVERIFY(!moveTo(record, "open").value("needsForm").toBool());
        QVERIFY(record.applyMove(moveIndex(record, "open")));
        QCOMPARE(f.app->store()->record("case", fixture::kCase)->text("status"), std::string("open"));
        QCOMPARE(f.app->store()->waitingChanges(10).back().change.fields, (boost::json::object{{"status", "open"}}));
    }

    void matchEndsThroughItsForm()
    {
        fixture::App f({Role::Coordinator}, "a0000000000000000000000000000003");
        // The coordinator knows the volunteer from GET /v1/team; the core asks who they are.
        f.app->store()->saveTeam({User{fixture::kVolunteer, "Bea Befriender", RoleSet{Role::Befriender}, ""}});
        RecordController record;
        record.setRecordType("match");
        record.setRecordId(kMatch);
        QCOMPARE(record.moves().size(), 1); // active -> ended only
        const QVariantMap end = moveTo(record, "ended");
        QVERIFY2(end.value("allowed").toBool(), qPrintable(record.editWhy()));
        QVERIFY(end.value("needsForm").toBool());
        QVERIFY(end.value("presets").toMap().contains("ended_at"));
        FormController form;
        form.setRecordType("match");
        form.setRecordId(kMatch);
        form.setCaseId(kCase);
        form.setPresets(end.value("presets").toMap());
        form.setValue("end_reason", "planned_ending");
        QVERIFY(form.submit());
        QCOMPARE(f.app->store()->record("match", fixture::kMatch)->text("status"), std::string("ended"));
        QVERIFY(record.moves().isEmpty()); // ended is the end
        QVERIFY(record.byText().isEmpty() || !record.byText().contains(QRegularExpression("[0-9a-f]{32}")));
    }

    void lostAnswerIsShown()
    {
        fixture::App f({Role::Practitioner}, fixture::kPractitioner);
        FormController form;
        form.setRecordType("case");
        form.setRecordId(kCase);
        form.setValue("release_date", "2026-05-01");
        QVERIFY(form.submit());
        Change newer = fixture::pulled("case", fixture::kCase, {{"release_date", "2026-06-15"}});
        newer.hlc = "9000000000000-000001-e0000000000000000000000000000001";
        f.app->store()->applyPulled({newer}, "c9");
        RecordController record;
        record.setRecordType("case");
        record.setRecordId(kCase);
        QCOMPARE(record.lostAnswers().size(), 1);
        QVERIFY2(record.lostAnswers().front().contains("1 May 2026"), qPrintable(record.lostAnswers().front()));
        QVERIFY(record.lostAnswers().front().contains("15 Jun 2026"));
        record.dismissLostAnswers();
        QVERIFY(record.lostAnswers().isEmpty());
    }
};

QTEST_MAIN(RecordControllerTest)
#include "recordcontrollertest.moc"
