#include "controllers/casecontroller.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "models/casestatus.h"
#include "models/historymodel.h"
#include "rules/access.h"
#include "rules/writerules.h"
#include "rules/rhythms.h"
#include "store/localstore.h"

#include <algorithm>

namespace fieldbook::app {

CaseController::CaseController(QObject* parent)
    : QObject(parent), m_app(AppController::instance()), m_history(new HistoryModel(this))
{
    connect(m_app, &AppController::dataChanged, this, &CaseController::reload);
}

void CaseController::setCaseId(const QString& caseId)
{
    if (m_caseId == caseId) {
        return;
    }
    m_caseId = caseId;
    emit caseIdChanged();
    reload();
}

void CaseController::reload()
{
    const LocalStore& store = *m_app->store();
    const User me = m_app->currentUser();
    const std::string caseId = ss(m_caseId);
    m_known = m_app->state() == AppController::State::Ready && !caseId.empty() &&
              (store.record("case", caseId).has_value() || !store.facts().recordsWhere("match", "case_id", caseId).empty());
    m_dueItems.clear();
    m_pausedCount = 0;
    m_forms.clear();
    m_hasReleaseTimeline = false;
    if (!m_known) {
        m_personId.clear();
        m_personName.clear();
        m_details.clear();
        m_cleared = false;
        m_clearanceText.clear();
        emit changed();
        return;
    }
    const Date today = todayUtc();
    const std::string personId = casePersonFor(store, me, caseId);
    m_personId = qs(personId);
    m_personName = app::personName(store, personId);

    QStringList details;
    if (const auto person = store.record("person", personId)) {
        details << humanise(qs(person->text("kind")));
        if (const QString band = qs(person->text("age_band")); !band.isEmpty()) {
            details << tr("age %1").arg(band);
        }
        for (const char* key : {"establishment", "how_to_reach", "phone"}) {
            if (const QString value = qs(person->text(key)); !value.isEmpty()) {
                details << value;
            }
        }
    }
    if (const auto theCase = store.record("case", caseId)) {
        details << tr("%1 case").arg(humanise(qs(theCase->text("stream"))));
        m_hasReleaseTimeline = theCase->text("stream") == "mentoring";
    }
    m_details = details.join(QStringLiteral(" · "));

    const ContactClearance clearance = contactClearance(store, me, caseId, personId, today);
    m_cleared = clearance.cleared;
    m_clearanceText = clearance.sentence;

    m_pausedCount = 0;
    const auto theCase = store.record("case", caseId);
    const bool practitioner = theCase && theCase->text("practitioner_id") == me.id;
    for (const DueItem& item : dueForCase(caseId, store.facts(), today, minuteOfDayUtc())) {
        // A volunteer's page holds their own reminders, not another volunteer's (the rota's group).
        if (!practitioner && !item.ownerId.empty() && item.ownerId != me.id) {
            continue;
        }
        const DueItem shown = pausedUnlessCleared(item, personId, clearance.notClearedCode());
        m_pausedCount += shown.state == DueState::Paused ? 1 : 0;
        m_dueItems << qs(shown.sentence);
    }

    // Forms on this case: what the core's role table lets this user write that belongs to a case.
    // Contact forms first, the safeguarding report last (never blocked by a gate) wherever the role
    // table offers it.
    std::vector<std::string> types;
    bool concern = false;
    for (const std::string& type : writableRecordTypes(me.roles)) {
        const FormDefinition* form = FormRegistry::builtin().current(type);
        concern = concern || type == "safeguarding_report";
        if (form && form->field("case_id") && type != "safeguarding_report") {
            types.push_back(type);
        }
    }
    std::stable_partition(types.begin(), types.end(), [](const std::string& type) { return isContactRecordType(type); });
    if (concern) {
        types.push_back("safeguarding_report");
    }
    // The ones used after most visits get big buttons; the rest are one tap further.
    const auto isMain = [](const std::string& type) {
        return isContactRecordType(type) || isGatedMeetingType(type) || type == "radar" || type == "safeguarding_report";
    };
    for (const std::string& type : types) {
        if (const FormDefinition* form = FormRegistry::builtin().current(type)) {
            m_forms << QVariantMap{{QStringLiteral("recordType"), qs(type)},
                                   {QStringLiteral("title"), qs(form->title)},
                                   {QStringLiteral("contact"), isContactRecordType(type)},
                                   {QStringLiteral("main"), isMain(type)}};
        }
    }
    m_history->reload(store, caseId);
    emit changed();
}

} // namespace fieldbook::app
