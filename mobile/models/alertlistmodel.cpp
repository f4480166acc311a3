#include "models/alertlistmodel.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "models/casestatus.h"
#include "rules/reasons.h"
#include "store/localstore.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace fieldbook::app {

AlertListModel::AlertListModel(QObject* parent)
    : RowListModel({"alertId", "kind", "title", "recordType", "recordId", "caseId", "changeId", "reason", "why",
                    "nextStep", "when", "resolved"},
                   parent)
{
    if (AppController* app = AppController::instance()) {
        connect(app, &AppController::dataChanged, this, &AlertListModel::reload);
    }
    reload();
}

void AlertListModel::setCaseId(const QString& caseId)
{
    if (caseId == m_caseId) {
        return;
    }
    m_caseId = caseId;
    emit caseIdChanged();
    reload();
}

void AlertListModel::reload()
{
    AppController* app = AppController::instance();
    if (app == nullptr || app->store() == nullptr || !app->store()->unlocked()) {
        m_held = 0;
        setRows({});
        return;
    }
    reloadFrom(*app->store());
}

QString AlertListModel::heldWhy(const QString& reason)
{
    return reasonText(reason.toStdString());
}

QString AlertListModel::nextStep(const QString& kind, const QString& reason, bool resolved)
{
    if (kind == QLatin1String("released") || resolved) {
        return tr("Released by the safeguarding officer: the record now stands on the case. Nothing more to do.");
    }
    if (kind == QLatin1String("break_glass")) {
        return tr("A safeguarding officer has opened this case for four hours. Talk to them if you can help.");
    }
    const std::string_view step = reasonNextStep(reason.toStdString());
    if (!step.empty()) {
        return QCoreApplication::translate("Reason", std::string(step).c_str());
    }
    return tr("The safeguarding officer reviews it.");
}

void AlertListModel::reloadFrom(const LocalStore& store)
{
    std::vector<Record> alerts = store.recordsOfType("alert");
    std::sort(alerts.begin(), alerts.end(), [](const Record& a, const Record& b) {
        return std::make_pair(a.text("at"), a.hlc) > std::make_pair(b.text("at"), b.hlc);
    });
    std::vector<QVariantMap> rows;
    int held = 0;
    for (const Record& alert : alerts) {
        const QString caseId = qs(alert.text("case_id"));
        if (!m_caseId.isEmpty() && caseId != m_caseId) {
            continue;
        }
        const QString kind = alert.text("kind").empty() ? QStringLiteral("held") : qs(alert.text("kind"));
        const QString type = qs(alert.text("record_type"));
        const QString recordId = qs(alert.text("record_id"));
        // A held record that reached this phone as a record of its own has been released.
        const bool resolved = kind == QLatin1String("held") && store.record(ss(type), ss(recordId)).has_value() &&
                              store.status(ss(type), ss(recordId)) == RecordStatus::Synced &&
                              store.facts().record(ss(type), ss(recordId)).has_value();
        const FormDefinition* form = FormRegistry::builtin().current(ss(type));
        QString title = form ? qs(form->title) : humanise(type);
        if (const std::string person = alert.text("person_id"); !person.empty()) {
            title += QStringLiteral(" · ") + personName(store, person);
        }
        QString why;
        if (kind == QLatin1String("break_glass")) {
            title = tr("Case opened by a safeguarding officer");
            const QDateTime until = QDateTime::fromString(qs(alert.text("expires_at")), Qt::ISODate);
            why = tr("Break-the-glass access until %1.").arg(until.toLocalTime().toString(QStringLiteral("d MMM HH:mm")));
        } else {
            why = (kind == QLatin1String("released") ? tr("Was held: ") : QString()) + heldWhy(qs(alert.text("reason")));
        }
        if (kind == QLatin1String("held") && !resolved) {
            ++held;
        }
        const QDateTime at = QDateTime::fromString(qs(alert.text("at").empty() ? alert.text("raised_at") : alert.text("at")),
                                                   Qt::ISODate);
        rows.push_back(QVariantMap{{QStringLiteral("alertId"), qs(alert.id)},
                                   {QStringLiteral("kind"), kind},
                                   {QStringLiteral("title"), title},
                                   {QStringLiteral("recordType"), type},
                                   {QStringLiteral("recordId"), recordId},
                                   {QStringLiteral("caseId"), caseId},
                                   {QStringLiteral("changeId"), qs(alert.text("change_id"))},
                                   {QStringLiteral("reason"), qs(alert.text("reason"))},
                                   {QStringLiteral("why"), why},
                                   {QStringLiteral("nextStep"), nextStep(kind, qs(alert.text("reason")), resolved)},
                                   {QStringLiteral("when"), at.isValid() ? at.toLocalTime().toString(QStringLiteral("d MMM HH:mm")) : QString()},
                                   {QStringLiteral("resolved"), resolved}});
    }
    const bool heldChanged = held != m_held;
    m_held = held;
    setRows(std::move(rows));
    if (heldChanged) {
        emit countChanged();
    }
}

} // namespace fieldbook::app
