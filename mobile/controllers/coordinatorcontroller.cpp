#include "controllers/coordinatorcontroller.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "models/answertext.h"
#include "models/casestatus.h"
#include "rules/vettingstanding.h"
#include "store/localstore.h"

namespace fieldbook::app {

namespace {

QVariantMap row(const QString& type, const std::string& id, const QString& title, const QString& summary, bool flagged)
{
    return QVariantMap{{QStringLiteral("recordType"), type},
                       {QStringLiteral("recordId"), qs(id)},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("flagged"), flagged}};
}

} // namespace

CoordinatorController::CoordinatorController(QObject* parent) : QObject(parent), m_app(AppController::instance())
{
    connect(m_app, &AppController::dataChanged, this, &CoordinatorController::reload);
    reload();
}

void CoordinatorController::reload()
{
    m_volunteers.clear();
    m_awaiting.clear();
    m_matches.clear();
    if (m_app->state() != AppController::State::Ready) {
        emit changed();
        return;
    }
    const LocalStore& store = *m_app->store();
    const User me = m_app->currentUser();
    const Date today = todayUtc();
    for (const User& member : store.team()) {
        if (!member.roles.anyVolunteer()) {
            continue;
        }
        const VettingStanding standing = vettingStandingOf(member.id, store.facts(), today);
        QStringList roles;
        for (const Role role : member.roles.list()) {
            roles << humanise(qs(std::string(roleName(role))));
        }
        m_volunteers << row(QStringLiteral("vetting"), standing.vettingId,
                            qs(member.name) + QStringLiteral(" · ") + roles.join(QStringLiteral(", ")),
                            (standing.flagged() ? QStringLiteral("⚠ ") : QString()) + qs(standing.sentence),
                            standing.flagged());
    }
    for (const Record& theCase : store.recordsOfType("case")) {
        const std::string stream = theCase.text("stream");
        if (theCase.text("status") == "closed" || stream == "casework") {
            continue;
        }
        if (stream == "play" && theCase.text("referral_status") != "awaiting_matching") {
            continue;
        }
        bool matched = false;
        for (const Record& match : store.facts().recordsWhere("match", "case_id", theCase.id)) {
            matched = matched || match.text("status") == "active" || match.text("status") == "proposed";
        }
        if (!matched) {
            const std::string since = theCase.text(stream == "play" ? "referral_status_since" : "opened_on");
            m_awaiting << row(QStringLiteral("case"), theCase.id, caseText(store, theCase.id),
                              since.empty() ? QString() : tr("Waiting since %1").arg(dateText(since)), false);
        }
    }
    for (const Record& match : store.recordsOfType("match")) {
        if (match.text("status") == "ended") {
            continue;
        }
        QStringList parts{humanise(qs(match.text("status")))};
        bool due = false;
        for (const char* field : {"review_3m_on", "review_6m_on"}) {
            if (const std::string day = match.text(field); !day.empty()) {
                const auto parsed = Date::parse(day);
                due = due || (parsed && daysBetween(today, *parsed) <= 14);
                parts << (QLatin1String(field) == QLatin1String("review_3m_on") ? tr("3-month review %1") : tr("6-month review %1"))
                             .arg(dateText(day));
            }
        }
        m_matches << row(QStringLiteral("match"), match.id,
                         tr("%1 with %2").arg(userText(store, me, match.text("volunteer")),
                                              app::personName(store, match.text("person_id"))),
                         parts.join(QStringLiteral(" · ")), due);
    }
    emit changed();
}

} // namespace fieldbook::app
