// The demo walk: with --walk, after the screenshots, the user takes the demo's cases through their
// next steps from the same controllers the pages use (FormController saves each answer as the
// person's Save would), syncs after every step, and saves a screenshot of what came of it.
// ci/run.sh runs it as the practitioner, the coordinator, the play volunteer, then the
// practitioner again, so that each step is the server's answer to the one before:
//   practitioner: three failed attempts to reach Grace, No Support Required, re-opened, the First
//                 Contact Report sent to the play volunteer, Awaiting Matching; Mark's case closed
//                 after its casework checklist;
//   coordinator:  Aisha matched with the befriender (picked by name, the gate shown first), the play
//                 volunteer matched with Leo, Mark's match ended with its reason;
//   play volunteer: the First Contact Report sent to them, opened;
//   practitioner again: Leo's referral moved on to Active - Matched.
// It acts only on the demo's own people (found by given name); with other data it does nothing.
#include "launcher.h"

#include "appcontroller.h"
#include "controllers/formcontroller.h"
#include "jsonbridge.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace fieldbook::app {

namespace {

constexpr int kSettleMs = 700;

// The demo's case of the person with this given name in this stream.
std::optional<Record> demoCase(const LocalStore& store, const std::string& givenName, const std::string& stream)
{
    for (const Record& theCase : store.recordsOfType("case")) {
        const auto person = store.record("person", theCase.text("person_id"));
        if (person && person->text("given_name") == givenName && theCase.text("stream") == stream) {
            return theCase;
        }
    }
    return std::nullopt;
}

std::string demoPerson(const LocalStore& store, const std::string& givenName)
{
    for (const Record& person : store.recordsOfType("person")) {
        if (person.text("given_name") == givenName) {
            return person.id;
        }
    }
    return {};
}

// The first member of the team holding `role`.
std::string teamMemberWith(const LocalStore& store, Role role)
{
    for (const User& member : store.team()) {
        if (member.roles.has(role)) {
            return member.id;
        }
    }
    return {};
}

std::optional<Record> matchOn(const LocalStore& store, const std::string& caseId, std::string_view status)
{
    for (const Record& match : store.recordsOfType("match")) {
        if (match.text("case_id") == caseId && match.text("status") == status) {
            return match;
        }
    }
    return std::nullopt;
}

QString today()
{
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().addSecs(-60).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

// Saves one record, new or edited, as the form page would: "" or why it was not saved. The id of
// what was saved goes to `savedId` when given.
QString submit(const QString& type, const QString& recordId, const QString& caseId, const QString& personId,
               const QVariantMap& answers, QString* savedId = nullptr)
{
    FormController form;
    form.setRecordType(type);
    form.setCaseId(caseId);
    form.setPersonId(personId);
    form.setRecordId(recordId);
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        form.setValue(it.key(), it.value());
    }
    QString saved;
    QObject::connect(&form, &FormController::saved, [&saved](const QString& id) { saved = id; });
    if (!form.submit(false)) {
        const QString why = form.gateApplies() && !form.gateCleared() ? form.gateText() : form.errorSummary();
        return why.isEmpty() ? QStringLiteral("not saved") : why;
    }
    if (savedId != nullptr) {
        *savedId = saved;
    }
    return {};
}

QString presetsArgument(const QVariantMap& presets)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(presets)).toJson(QJsonDocument::Compact));
}

} // namespace

void Launcher::planWalk()
{
    const QStringList roles = m_app->roles();
    if (roles.contains(QStringLiteral("practitioner"))) {
        planPractitionerWalk();
    }
    if (roles.contains(QStringLiteral("coordinator"))) {
        planCoordinatorWalk();
    }
    if (roles.contains(QStringLiteral("play_volunteer"))) {
        planPlayVolunteerWalk();
    }
}

void Launcher::planPractitionerWalk()
{
    const LocalStore& store = *m_app->store();
    const auto play = demoCase(store, "Leo", "play");
    const std::string grace = demoPerson(store, "Grace");
    if (!play || grace.empty()) {
        return;
    }
    const QString caseId = qs(play->id);
    const QString status = qs(play->text("referral_status"));
    const auto move = [caseId](const QString& to) {
        return [caseId, to] {
            return submit(QStringLiteral("case"), caseId, {}, {},
                          {{QStringLiteral("referral_status"), to}, {QStringLiteral("referral_status_since"), today()}});
        };
    };
    if (status == QLatin1String("awaiting_matching") && matchOn(store, play->id, "active")) {
        addAction(QStringLiteral("Leo's referral is matched"), move(QStringLiteral("active_matched")));
        addScreenshot(QStringLiteral("record"), QStringLiteral("case:") + caseId, QStringLiteral("play-active-matched"));
        addScreenshot(QStringLiteral("caseload"), {}, {});
        return;
    }
    if (status != QLatin1String("awaiting_first_contact")) {
        return;
    }
    // The demo holds one attempt that did not reach Grace: two more, the last by letter.
    for (const QString& method : {QStringLiteral("phone"), QStringLiteral("letter")}) {
        addAction(QStringLiteral("an attempt to reach Grace by %1").arg(method), [caseId, grace, method] {
            return submit(QStringLiteral("carer_contact_attempt"), {}, caseId, {},
                          {{QStringLiteral("carer_id"), qs(grace)},
                           {QStringLiteral("attempted_at"), now()},
                           {QStringLiteral("method"), method},
                           {QStringLiteral("outcome"), QStringLiteral("no_answer")}});
        });
    }
    addScreenshot(QStringLiteral("record"), QStringLiteral("case:") + caseId, QStringLiteral("play-three-attempts"));
    addScreenshot(QStringLiteral("caseload"), {}, {});
    addAction(QStringLiteral("No Support Required after three attempts"), move(QStringLiteral("no_support_required")));
    addScreenshot(QStringLiteral("record"), QStringLiteral("case:") + caseId, QStringLiteral("play-no-support-required"));
    addScreenshot(QStringLiteral("caseload"), {}, {});
    addAction(QStringLiteral("Grace rang back: the referral re-opened"), move(QStringLiteral("awaiting_first_contact")));
    const std::string leo = play->text("person_id");
    const std::string volunteer = teamMemberWith(store, Role::PlayVolunteer);
    addAction(QStringLiteral("the First Contact Report sent to the play volunteer"), [caseId, grace, leo, volunteer] {
        return submit(QStringLiteral("first_contact_report"), {}, caseId, {},
                      {{QStringLiteral("carer_id"), qs(grace)},
                       {QStringLiteral("child_id"), qs(leo)},
                       {QStringLiteral("contacted_on"), today()},
                       {QStringLiteral("sent_to_volunteer"), qs(volunteer)},
                       {QStringLiteral("sent_on"), today()},
                       {QStringLiteral("children_count"), 1},
                       {QStringLiteral("carer_assessment"),
                        QStringLiteral("Grace is coping but Leo misses his dad and has been quiet at school.")},
                       {QStringLiteral("needs"), QStringLiteral("Play sessions at home after school; Grace would like "
                                                                "ideas for talking to Leo about visits.")}});
    });
    addAction(QStringLiteral("Leo's referral awaits matching"), move(QStringLiteral("awaiting_matching")));
    addScreenshot(QStringLiteral("record"), QStringLiteral("case:") + caseId, QStringLiteral("play-awaiting-matching"));
    addScreenshot(QStringLiteral("caseload"), {}, {});

    // Mark withdrew from befriending when Daniel withdrew his consent: the case closes, after its
    // checklist, with the reason.
    const auto mark = demoCase(store, "Mark", "befriending");
    if (!mark || mark->text("status") != "open") {
        return;
    }
    const QString markCase = qs(mark->id);
    addAction(QStringLiteral("Mark's casework checklist"), [markCase] {
        return submit(QStringLiteral("casework_checklist"), {}, markCase, {},
                      {{QStringLiteral("completed_on"), today()},
                       {QStringLiteral("items"),
                        QStringList{QStringLiteral("consent_recorded"), QStringLiteral("protection_checks_recorded"),
                                    QStringLiteral("radar_exit"), QStringLiteral("feedback_offered"),
                                    QStringLiteral("closure_letter_sent")}}});
    });
    const QVariantMap closing{{QStringLiteral("status"), QStringLiteral("closed")},
                              {QStringLiteral("closed_on"), today()},
                              {QStringLiteral("closure_reason"), QStringLiteral("declined")}};
    addScreenshot(QStringLiteral("edit"), QStringLiteral("case:") + markCase + QLatin1Char(':') + presetsArgument(closing),
                  QStringLiteral("close-case-form"));
    addScreenshot(QStringLiteral("caseload"), {}, {});
    addAction(QStringLiteral("Mark's case closed"), [markCase, closing] { return submit(QStringLiteral("case"), markCase, {}, {}, closing); });
    addScreenshot(QStringLiteral("record"), QStringLiteral("case:") + markCase, QStringLiteral("case-closed"));
    addScreenshot(QStringLiteral("caseload"), {}, {});
}

void Launcher::planCoordinatorWalk()
{
    const LocalStore& store = *m_app->store();
    const std::string befriender = teamMemberWith(store, Role::Befriender);
    if (const auto aisha = demoCase(store, "Aisha", "befriending");
        aisha && !befriender.empty() && !matchOn(store, aisha->id, "active")) {
        const QString caseId = qs(aisha->id);
        const QString personId = qs(aisha->text("person_id"));
        const QVariantMap answers{{QStringLiteral("volunteer"), qs(befriender)},
                                  {QStringLiteral("status"), QStringLiteral("active")},
                                  {QStringLiteral("started_at"), today()}};
        // The form as the coordinator sees it before Save: names, and the gate's answer.
        addScreenshot(QStringLiteral("form"),
                      QStringLiteral("match:") + caseId + QLatin1Char(':') + personId + QLatin1Char(':') + presetsArgument(answers),
                      QStringLiteral("match-new"));
        addScreenshot(QStringLiteral("caseload"), {}, {});
        auto saved = std::make_shared<QString>();
        addAction(QStringLiteral("Aisha matched with the befriender"),
                  [caseId, personId, answers, saved] { return submit(QStringLiteral("match"), {}, caseId, personId, answers, saved.get()); });
        m_steps.emplace_back([this, saved] {
            m_app->navigate(QStringLiteral("record"), QStringLiteral("match:") + *saved);
            QTimer::singleShot(kSettleMs, this, &Launcher::next);
        });
        addScreenshot({}, {}, QStringLiteral("match-active"));
        addScreenshot(QStringLiteral("caseload"), {}, {});
    }
    const std::string playVolunteer = teamMemberWith(store, Role::PlayVolunteer);
    if (const auto leo = demoCase(store, "Leo", "play");
        leo && !playVolunteer.empty() && leo->text("referral_status") == "awaiting_matching" && !matchOn(store, leo->id, "active")) {
        const QString caseId = qs(leo->id);
        const QString personId = qs(leo->text("person_id"));
        addAction(QStringLiteral("Leo matched with the play volunteer"), [caseId, personId, playVolunteer] {
            return submit(QStringLiteral("match"), {}, caseId, personId,
                          {{QStringLiteral("volunteer"), qs(playVolunteer)},
                           {QStringLiteral("status"), QStringLiteral("active")},
                           {QStringLiteral("started_at"), today()}});
        });
    }
    if (const auto mark = demoCase(store, "Mark", "befriending"); mark && mark->text("status") == "closed") {
        if (const auto match = matchOn(store, mark->id, "active")) {
            const QString matchId = qs(match->id);
            addAction(QStringLiteral("Mark's match ended"), [matchId] {
                return submit(QStringLiteral("match"), matchId, {}, {},
                              {{QStringLiteral("status"), QStringLiteral("ended")},
                               {QStringLiteral("ended_at"), today()},
                               {QStringLiteral("end_reason"), QStringLiteral("service_user_withdrew")}});
            });
            addScreenshot(QStringLiteral("record"), QStringLiteral("match:") + matchId, QStringLiteral("match-ended"));
            addScreenshot(QStringLiteral("caseload"), {}, {});
        }
    }
    addScreenshot(QStringLiteral("caseload"), {}, QStringLiteral("coordinator-after-walk"));
}

void Launcher::planPlayVolunteerWalk()
{
    const LocalStore& store = *m_app->store();
    const std::string me = m_app->currentUser().id;
    for (const Record& report : store.recordsOfType("first_contact_report")) {
        if (report.text("sent_to_volunteer") == me) {
            addScreenshot(QStringLiteral("record"), QStringLiteral("first_contact_report:") + qs(report.id),
                          QStringLiteral("first-contact-report"));
            addScreenshot(QStringLiteral("caseload"), {}, {});
            return;
        }
    }
}

} // namespace fieldbook::app
