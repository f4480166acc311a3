#include "models/safeguardinginboxmodel.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "models/casestatus.h"
#include "rules/roles.h"
#include "store/localstore.h"

#include <QDateTime>

#include <boost/json/array.hpp>

#include <algorithm>

namespace fieldbook::app {

namespace {

// "called_999" -> "Called 999": the form's choices are codes.
QString choiceLabel(const std::string& value)
{
    return humanise(qs(value));
}

} // namespace

SafeguardingInboxModel::SafeguardingInboxModel(QObject* parent)
    : RowListModel({"recordId", "caseId", "urgent", "urgency", "setting", "actionTaken", "officerInformed", "raisedBy",
                    "when", "summary"},
                   parent)
{
    if (AppController* app = AppController::instance()) {
        connect(app, &AppController::dataChanged, this, &SafeguardingInboxModel::reload);
    }
    reload();
}

void SafeguardingInboxModel::reload()
{
    AppController* app = AppController::instance();
    if (app == nullptr || app->store() == nullptr || !app->store()->unlocked()) {
        m_urgent = 0;
        setRows({});
        return;
    }
    reloadFrom(*app->store(), app->currentUser().id);
}

void SafeguardingInboxModel::reloadFrom(const LocalStore& store, const std::string& me)
{
    std::vector<Record> reports = store.recordsOfType("safeguarding_report");
    // Urgent first, then the newest: what needs acting on now is at the top.
    std::sort(reports.begin(), reports.end(), [](const Record& a, const Record& b) {
        const bool urgentA = a.text("urgency") == "urgent";
        const bool urgentB = b.text("urgency") == "urgent";
        if (urgentA != urgentB) {
            return urgentA;
        }
        return std::make_pair(a.text("occurred_at"), a.hlc) > std::make_pair(b.text("occurred_at"), b.hlc);
    });
    std::vector<QVariantMap> rows;
    int urgent = 0;
    for (const Record& report : reports) {
        QStringList actions;
        if (const auto* taken = report.fields.if_contains("action_taken"); taken && taken->is_array()) {
            for (const auto& item : taken->as_array()) {
                if (item.is_string()) {
                    actions << choiceLabel(std::string(item.as_string()));
                }
            }
        }
        const bool isUrgent = report.text("urgency") == "urgent";
        urgent += isUrgent ? 1 : 0;
        const auto* informed = report.fields.if_contains("officer_informed");
        QString summary = qs(report.text("what_happened")).section(QLatin1Char('\n'), 0, 0);
        if (summary.size() > 140) {
            summary = summary.left(139) + QChar(0x2026);
        }
        const QDateTime when = QDateTime::fromString(qs(report.text("occurred_at")), Qt::ISODate);
        rows.push_back(QVariantMap{
            {QStringLiteral("recordId"), qs(report.id)},
            {QStringLiteral("caseId"), qs(report.text("case_id"))},
            {QStringLiteral("urgent"), isUrgent},
            {QStringLiteral("urgency"), choiceLabel(report.text("urgency"))},
            {QStringLiteral("setting"), choiceLabel(report.text("setting"))},
            {QStringLiteral("actionTaken"), actions.isEmpty() ? tr("No action recorded") : actions.join(QStringLiteral(", "))},
            {QStringLiteral("officerInformed"), informed != nullptr && informed->is_bool() && informed->as_bool()},
            {QStringLiteral("raisedBy"), report.author == me ? tr("you") : tr("a colleague")},
            {QStringLiteral("when"), when.isValid() ? when.toLocalTime().toString(QStringLiteral("d MMM HH:mm")) : QString()},
            {QStringLiteral("summary"), summary}});
    }
    const bool urgentChanged = urgent != m_urgent;
    m_urgent = urgent;
    setRows(std::move(rows));
    if (urgentChanged) {
        emit countChanged();
    }
}

} // namespace fieldbook::app
