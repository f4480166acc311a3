// The form renderer's controller: fields come from the core's definition; answers are checked by
// the core's validator with messages that name what to fix; drafts are kept as a person types and
// come back; hidden answers are not sent; the gates are checked before a contact is recorded; a
// safeguarding report is never blocked and goes first.
#include "appfixture.h"
#include "controllers/formcontroller.h"
#include "controllers/formfieldmodel.h"
#include "model/record.h"
#include "models/casestatus.h"
#include "net/apiclient.h"
#include "rules/gates.h"
#include "rules/reasons.h"
#include "store/localstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {
int rowOf(const FormFieldModel* model, const QString& name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->data(model->index(row), FormFieldModel::NameRole).toString() == name) {
            return row;
        }
    }
    return -1;
}

QVariant role(const FormFieldModel* model, const QString& name, int role)
{
    return model->data(model->index(rowOf(model, name)), role);
}
} // namespace

class FormControllerTest : public QObject
{
    Q_OBJECT

private slots:
    void fieldsComeFromTheDefinition()
    {
        fixture::App f;
        FormController form;
        QAbstractItemModelTester tester(form.fields(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        form.setRecordType(QStringLiteral("session_report"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QString::fromStdString(fixture::kIrina));
        QVERIFY(form.valid());
        QCOMPARE(form.title(), QStringLiteral("Session report"));
        // case_id and person_id come from the case page and are not asked again.
        QCOMPARE(rowOf(form.fields(), QStringLiteral("case_id")), -1);
        QCOMPARE(rowOf(form.fields(), QStringLiteral("person_id")), -1);
        QCOMPARE(role(form.fields(), QStringLiteral("duration_minutes"), FormFieldModel::TypeRole).toString(),
                 QStringLiteral("integer"));
        QCOMPARE(role(form.fields(), QStringLiteral("duration_minutes"), FormFieldModel::MaximumRole).toInt(), 240);
        QVERIFY(role(form.fields(), QStringLiteral("occurred_at"), FormFieldModel::RequiredRole).toBool());
        QCOMPARE(role(form.fields(), QStringLiteral("mode"), FormFieldModel::ChoicesRole).toList().size(), 3);
        // Conditional: details of a concern only when there is one.
        QVERIFY(!role(form.fields(), QStringLiteral("concern_details"), FormFieldModel::FieldVisibleRole).toBool());
        form.setValue(QStringLiteral("concerns"), QStringLiteral("boundary"));
        QVERIFY(role(form.fields(), QStringLiteral("concern_details"), FormFieldModel::FieldVisibleRole).toBool());
        // Defaults: now for when it happened.
        QVERIFY(!form.value(QStringLiteral("occurred_at")).toString().isEmpty());
    }

    void guidanceIsShownWhole_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("expected");
        QTest::newRow("safeguarding report: what to do first")
            << "safeguarding_report"
            << "Always available, never blocked by a gate. Urgent: act first (999, 101, Safer Custody hotline), then report.";
        QTest::newRow("session report: the version note is not guidance")
            << "session_report" << "After each befriending or mentoring session.";
        QTest::newRow("carer contact attempt: every sentence")
            << "carer_contact_attempt"
            << "Each attempt to reach a carer. After 3 failed attempts a letter is sent and the referral moves to No "
               "Support Required (multiple attempts made).";
    }

    void guidanceIsShownWhole()
    {
        QFETCH(QString, type);
        QFETCH(QString, expected);
        fixture::App f;
        FormController form;
        form.setRecordType(type);
        QCOMPARE(form.description(), expected);
    }

    void validatorMessagesNameWhatToFix()
    {
        fixture::App f;
        FormController form;
        form.setRecordType(QStringLiteral("session_report"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QString::fromStdString(fixture::kIrina));
        form.setValue(QStringLiteral("duration_minutes"), QStringLiteral("900"));
        QVERIFY(!form.submit());
        QVERIFY(!form.errorSummary().isEmpty());
        const QString duration = role(form.fields(), QStringLiteral("duration_minutes"), FormFieldModel::ErrorRole).toString();
        QVERIFY2(duration.contains(QStringLiteral("240")), qPrintable(duration));
        QVERIFY(!role(form.fields(), QStringLiteral("concerns"), FormFieldModel::ErrorRole).toString().isEmpty());
        // Fixing them clears the messages as the person types.
        form.setValue(QStringLiteral("duration_minutes"), 60);
        form.setValue(QStringLiteral("concerns"), QStringLiteral("none"));
        QVERIFY(role(form.fields(), QStringLiteral("duration_minutes"), FormFieldModel::ErrorRole).toString().isEmpty());
        QVERIFY(form.errorSummary().isEmpty());
        QCOMPARE(f.app->store()->waitingCount(), 0);
        QVERIFY(form.submit());
        QCOMPARE(f.app->store()->waitingCount(), 1);
    }

    void draftsSurviveAndAreDropped()
    {
        fixture::App f;
        {
            FormController form;
            form.setRecordType(QStringLiteral("session_report"));
            form.setCaseId(QString::fromStdString(fixture::kCase));
            form.setPersonId(QString::fromStdString(fixture::kIrina));
            QVERIFY(!form.hasDraft());
            form.setValue(QStringLiteral("notes"), QStringLiteral("half a sentence"));
            QVERIFY(form.hasDraft());
        }
        QCOMPARE(f.app->store()->draftCount(), 1);
        FormController again;
        again.setRecordType(QStringLiteral("session_report"));
        again.setCaseId(QString::fromStdString(fixture::kCase));
        again.setPersonId(QString::fromStdString(fixture::kIrina));
        QVERIFY(again.hasDraft());
        QCOMPARE(again.value(QStringLiteral("notes")).toString(), QStringLiteral("half a sentence"));
        again.setValue(QStringLiteral("concerns"), QStringLiteral("none"));
        QVERIFY(again.submit());
        QCOMPARE(f.app->store()->draftCount(), 0);
    }

    void hiddenAnswersAreNotSent()
    {
        fixture::App f;
        FormController form;
        form.setRecordType(QStringLiteral("session_report"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QString::fromStdString(fixture::kIrina));
        form.setValue(QStringLiteral("concerns"), QStringLiteral("boundary"));
        form.setValue(QStringLiteral("concern_details"), QStringLiteral("asked for my address"));
        form.setValue(QStringLiteral("concerns"), QStringLiteral("none"));
        QVERIFY(!form.answers().contains("concern_details"));
        QVERIFY(form.submit());
    }

    void gateNotClearedAsksFirst()
    {
        auto changes = fixture::clearedCase();
        for (auto& change : changes) {
            if (change.recordType == "clearance") {
                change.fields["cleared"] = false;
                change.fields["reason"] = "consent_withdrawn";
            }
        }
        fixture::App f({Role::Befriender}, fixture::kVolunteer, changes);
        FormController form;
        form.setRecordType(QStringLiteral("session_report"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QString::fromStdString(fixture::kIrina));
        form.setValue(QStringLiteral("concerns"), QStringLiteral("none"));
        QVERIFY(form.gateApplies());
        QVERIFY(!form.gateCleared());
        QCOMPARE(form.gateText(),
                 QCoreApplication::translate("Reason", std::string(reasonSentence("consent_withdrawn")).c_str()));
        QVERIFY(!form.submit(false));
        QCOMPARE(f.app->store()->waitingCount(), 0);
        // Once the person confirms, it is kept (the server will hold it for review).
        QVERIFY(form.submit(true));
        QCOMPARE(f.app->store()->waitingCount(), 1);
    }

    void practitionerGateComesFromTheCore()
    {
        fixture::App f({Role::Practitioner}, fixture::kPractitioner);
        FormController form;
        form.setRecordType(QStringLiteral("session_report"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QString::fromStdString(fixture::kIrina));
        QVERIFY(form.gateApplies());
        QVERIFY2(form.gateCleared(), qPrintable(form.gateText()));
        QVERIFY(form.gateText().contains(QStringLiteral("Irina")));
    }

    // Before Save, a welfare grant request shows the core's own eligibility decision, in the core's
    // words: Irina has no date of birth on the phone, so checkWelfareGrant says too young.
    void welfareGrantWarnsWithTheCoresDecision()
    {
        fixture::App f({Role::Practitioner}, fixture::kPractitioner);
        FormController form;
        form.setRecordType(QStringLiteral("welfare_grant_request"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QString::fromStdString(fixture::kIrina));
        Record draft;
        draft.type = "welfare_grant_request";
        draft.fields = form.answers();
        const GateDecision core = checkWelfareGrant(draft, f.app->store()->facts(), todayUtc());
        QVERIFY(!core.cleared());
        QVERIFY(form.gateApplies());
        QCOMPARE(form.gateCleared(), core.cleared());
        QCOMPARE(form.gateRefuses(), !core.quarantines());
        QCOMPARE(form.gateText(), QCoreApplication::translate("Reason", std::string(reasonSentence(core.code())).c_str()));
        QVERIFY(!form.submit(false)); // asked first
    }

    // A coordinator's phone holds no consent or check of its own: the person's side of the gate is
    // the server's `clearance` record for the referral, and no record yet is never a clear.
    void matchActivationWarnsWithTheCoresDecision_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("volunteer");
        QTest::addColumn<QString>("clearance"); // "" none, "cleared", or a reason code
        QTest::addColumn<bool>("applies");
        QTest::addColumn<bool>("cleared");
        const QString vetted = QString::fromStdString(fixture::kVolunteer);
        QTest::newRow("proposed: no gate") << "proposed" << vetted << "" << false << true;
        QTest::newRow("active, vetted befriender, referral cleared") << "active" << vetted << "cleared" << true << true;
        QTest::newRow("active, referral restricted") << "active" << vetted << "restricted" << true << false;
        QTest::newRow("active, consent withdrawn") << "active" << vetted << "consent_withdrawn" << true << false;
        QTest::newRow("active, referral not known yet") << "active" << vetted << "" << true << false;
        QTest::newRow("active, unknown volunteer") << "active" << "a0000000000000000000000000000009" << "cleared"
                                                   << true << false;
    }

    void matchActivationWarnsWithTheCoresDecision()
    {
        QFETCH(QString, status);
        QFETCH(QString, volunteer);
        QFETCH(QString, clearance);
        QFETCH(bool, applies);
        QFETCH(bool, cleared);
        std::vector<Change> changes = fixture::clearedCase();
        if (!clearance.isEmpty()) {
            const bool clear = clearance == QLatin1String("cleared");
            changes.push_back(fixture::pulled("clearance", "c0000000000000000000000000000077",
                                              {{"case_id", fixture::kCase},
                                               {"person_id", fixture::kIrina},
                                               {"cleared", clear},
                                               {"reason", clear ? std::string() : clearance.toStdString()}},
                                              90));
        }
        fixture::App f({Role::Coordinator}, "a0000000000000000000000000000003", changes);
        // The coordinator knows the volunteers from GET /v1/team.
        f.app->store()->saveTeam({User{fixture::kVolunteer, "Bea Befriender", RoleSet{Role::Befriender}, ""}});
        FormController form;
        form.setRecordType(QStringLiteral("match"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QString::fromStdString(fixture::kIrina));
        form.setValue(QStringLiteral("volunteer"), volunteer);
        form.setValue(QStringLiteral("status"), status);
        QCOMPARE(form.gateApplies(), applies);
        QCOMPARE(form.gateCleared(), cleared);
        if (!applies) {
            return;
        }
        QVERIFY(form.gateRefuses() == !cleared);
        if (!cleared && clearance != QLatin1String("cleared") && !clearance.isEmpty()) {
            QCOMPARE(form.gateText(), QCoreApplication::translate("Reason", std::string(reasonSentence(clearance.toStdString())).c_str()));
        }
        if (clearance.isEmpty()) {
            QVERIFY2(form.gateText().contains(QStringLiteral("not known yet")), qPrintable(form.gateText()));
        }
    }

    // The instants a form fills in are the server's time as the answers told it, not the phone's.
    void defaultInstantsUseTheServersTime()
    {
        fixture::App f;
        constexpr std::int64_t kServerNow = 1740823200000; // 2025-03-01T10:00:00Z
        f.app->api()->clock().setPhoneClock([] { return kServerNow + 3 * 3600 * 1000; });
        f.app->api()->clock().learn(kServerNow, kServerNow + 3 * 3600 * 1000);
        FormController form;
        form.setRecordType(QStringLiteral("session_report"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QString::fromStdString(fixture::kIrina));
        QCOMPARE(form.value(QStringLiteral("occurred_at")).toString(), QStringLiteral("2025-03-01T10:00:00Z"));
        f.app->api()->clock().setPhoneClock({});
    }

    void safeguardingIsNeverBlockedAndGoesFirst()
    {
        auto changes = fixture::clearedCase();
        for (auto& change : changes) {
            if (change.recordType == "clearance") {
                change.fields["cleared"] = false;
                change.fields["reason"] = "restricted";
            }
        }
        fixture::App f({Role::Befriender}, fixture::kVolunteer, changes);
        FormController contact;
        contact.setRecordType(QStringLiteral("session_report"));
        contact.setCaseId(QString::fromStdString(fixture::kCase));
        contact.setPersonId(QString::fromStdString(fixture::kIrina));
        contact.setValue(QStringLiteral("concerns"), QStringLiteral("safeguarding"));
        contact.setValue(QStringLiteral("concern_details"), QStringLiteral("x"));
        QVERIFY(contact.submit(true));

        FormController report;
        report.setRecordType(QStringLiteral("safeguarding_report"));
        report.setCaseId(QString::fromStdString(fixture::kCase));
        report.setPersonId(QString::fromStdString(fixture::kIrina));
        QVERIFY(!report.gateApplies());
        report.setValue(QStringLiteral("urgency"), QStringLiteral("urgent"));
        report.setValue(QStringLiteral("setting"), QStringLiteral("community"));
        report.setValue(QStringLiteral("what_happened"), QStringLiteral("She said she is not safe at home"));
        QSignalSpy saved(&report, &FormController::saved);
        QVERIFY(report.submit(false));
        QCOMPARE(saved.count(), 1);
        const auto waiting = f.app->store()->waitingChanges(10);
        QCOMPARE(waiting.size(), std::size_t(2));
        QCOMPARE(waiting.front().change.recordType, std::string("safeguarding_report"));
    }

    void playSessionHintsAndBaselinePrompt()
    {
        auto changes = fixture::clearedCase();
        changes.push_back(fixture::pulled("person", "b0000000000000000000000000000003",
                                          {{"kind", "child"}, {"given_name", "Lena"}, {"age_band", "3-5"}}));
        fixture::App f({Role::PlayVolunteer}, fixture::kVolunteer, changes);
        FormController form;
        form.setRecordType(QStringLiteral("play_session"));
        form.setCaseId(QString::fromStdString(fixture::kCase));
        form.setPersonId(QStringLiteral("b0000000000000000000000000000003"));
        const QString hint = role(form.fields(), QStringLiteral("duration_minutes"), FormFieldModel::HintRole).toString();
        QVERIFY2(hint.contains(QStringLiteral("25")) && hint.contains(QStringLiteral("40")), qPrintable(hint));
        QVERIFY2(form.prompt().contains(QStringLiteral("baseline")), qPrintable(form.prompt()));
        QCOMPARE(form.value(QStringLiteral("session_number")).toInt(), 1);
    }

    void unknownFormIsInvalid()
    {
        fixture::App f;
        FormController form;
        form.setRecordType(QStringLiteral("no_such_form"));
        QVERIFY(!form.valid());
        QCOMPARE(form.fields()->rowCount(), 0);
        QVERIFY(!form.submit());
    }
};

QTEST_GUILESS_MAIN(FormControllerTest)
#include "formcontrollertest.moc"
