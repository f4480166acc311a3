#include "controllers/casecontroller.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "models/answertext.h"
#include "models/casestatus.h"
#include "models/historymodel.h"
#include "rules/access.h"
#include "rules/writerules.h"
#include "rules/rhythms.h"
#include "store/localstore.h"

#include <algorithm>
#include <set>

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
    const auto stored = store.record("case", caseId);
    const bool practitioner = stored && stored->text("practitioner_id") == me.id;
    for (const DueItem& item : dueForCase(caseId, store.facts(), today, minuteOfDayUtc())) {
        // A volunteer's page holds their own reminders, not another volunteer's (the rota's group).
        if (!practitioner && !item.ownerId.empty() && item.ownerId != me.id) {
            continue;
        }
        const DueItem shown = pausedUnlessCleared(item, personId, clearance.notClearedCode());
        m_pausedCount += shown.state == DueState::Paused ? 1 : 0;
        m_dueItems << qs(shown.sentence);
    }

    // Forms on this case: the core's formsForCase (the role table and the case's stream), the
    // safeguarding report last. Without the case record (not yet pulled) the stream is unknown:
    // every form of the role that belongs to a case is offered, as the server still judges each.
    Record theCase;
    theCase.type = "case";
    theCase.id = caseId;
    if (stored) {
        theCase = *stored;
    }
    std::vector<std::string> types;
    bool concern = false;
    for (const std::string& type : formsForCase(me.roles, theCase)) {
        if (type == "safeguarding_report") {
            concern = true;
        } else {
            types.push_back(type);
        }
    }
    if (theCase.text("stream").empty()) {
        types.clear();
        for (const std::string& type : writableRecordTypes(me.roles)) {
            const FormDefinition* form = FormRegistry::builtin().current(type);
            if (form && form->field("case_id") && type != "safeguarding_report") {
                types.push_back(type);
            }
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
    loadRecords(store, me, caseId, personId);
    emit changed();
}

void CaseController::loadRecords(const LocalStore& store, const User& me, const std::string& caseId,
                                 const std::string& personId)
{
    m_consents.clear();
    m_checks.clear();
    m_relationships.clear();
    m_matches.clear();
    // The people of the case: its person and everyone a relationship links to them.
    std::set<std::string> people{personId};
    for (const char* side : {"prisoner_id", "person_id"}) {
        for (const Record& link : store.facts().recordsWhere("relationship", side, personId)) {
            people.insert(link.text("prisoner_id"));
            people.insert(link.text("person_id"));
            const auto row = QVariantMap{
                {QStringLiteral("recordType"), QStringLiteral("relationship")},
                {QStringLiteral("recordId"), qs(link.id)},
                {QStringLiteral("title"), tr("%1 — %2 of %3")
                                              .arg(app::personName(store, link.text("person_id")), humanise(qs(link.text("relation"))),
                                                   app::personName(store, link.text("prisoner_id")))},
                {QStringLiteral("summary"), QString()}};
            if (!m_relationships.contains(row)) {
                m_relationships << row;
            }
        }
    }
    for (const std::string& who : people) {
        for (const Record& consent : store.facts().recordsWhere("consent", "given_by", who)) {
            QString about = consent.text("about").empty() ? QString() : tr(" about %1").arg(app::personName(store, consent.text("about")));
            m_consents << QVariantMap{{QStringLiteral("recordType"), QStringLiteral("consent")},
                                      {QStringLiteral("recordId"), qs(consent.id)},
                                      {QStringLiteral("title"), tr("%1: %2%3").arg(app::personName(store, who),
                                                                                   humanise(qs(consent.text("scope"))), about)},
                                      {QStringLiteral("summary"), humanise(qs(consent.text("status"))) + QStringLiteral(" · ") +
                                                                      instantText(consent.text("recorded_at"))}};
        }
        for (const Record& check : store.facts().recordsWhere("protection_check", "subject", who)) {
            // Restriction details are on the phone only when the server's view for this reader has them.
            const auto* restrictions = check.fields.if_contains("restrictions");
            const bool restricted = restrictions && restrictions->is_array() && !restrictions->get_array().empty();
            m_checks << QVariantMap{{QStringLiteral("recordType"), QStringLiteral("protection_check")},
                                    {QStringLiteral("recordId"), qs(check.id)},
                                    {QStringLiteral("title"), tr("%1: %2").arg(app::personName(store, who), humanise(qs(check.text("outcome"))))},
                                    {QStringLiteral("summary"), dateText(check.text("checked_at")) +
                                                                    (restricted ? tr(" · restrictions recorded") : QString())}};
        }
    }
    for (const Record& match : store.facts().recordsWhere("match", "case_id", caseId)) {
        QStringList parts{humanise(qs(match.text("status")))};
        if (const std::string review = match.text("review_3m_on"); !review.empty()) {
            parts << tr("3-month review %1").arg(dateText(review));
        }
        if (const std::string review = match.text("review_6m_on"); !review.empty()) {
            parts << tr("6-month review %1").arg(dateText(review));
        }
        m_matches << QVariantMap{{QStringLiteral("recordType"), QStringLiteral("match")},
                                 {QStringLiteral("recordId"), qs(match.id)},
                                 {QStringLiteral("title"), tr("%1 with %2").arg(userText(store, me, match.text("volunteer")),
                                                                                 app::personName(store, match.text("person_id")))},
                                 {QStringLiteral("summary"), parts.join(QStringLiteral(" · "))}};
    }
}

} // namespace fieldbook::app
