#include "models/heldlistmodel.h"

#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "models/alertlistmodel.h"
#include "models/casestatus.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QJsonObject>

namespace fieldbook::app {

namespace {

QString localTime(const QString& instant)
{
    const QDateTime at = QDateTime::fromString(instant, Qt::ISODate);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("d MMM HH:mm")) : QString();
}

} // namespace

HeldListModel::HeldListModel(QObject* parent)
    : RowListModel({"changeId", "recordType", "recordId", "title", "caseId", "reason", "why", "author", "receivedAt",
                    "reviewed"},
                   parent)
{
}

void HeldListModel::setHeld(const QJsonArray& held, const LocalStore* store, const QString& me)
{
    std::vector<QVariantMap> rows;
    for (const auto& value : held) {
        const QJsonObject item = value.toObject();
        const QString type = item.value(QLatin1String("record_type")).toString();
        const FormDefinition* form = FormRegistry::builtin().current(ss(type));
        QString title = form ? qs(form->title) : humanise(type);
        const QString caseId = item.value(QLatin1String("case_id")).toString();
        if (store != nullptr && store->unlocked() && !caseId.isEmpty()) {
            if (const auto theCase = store->record("case", ss(caseId))) {
                title += QStringLiteral(" · ") + personName(*store, theCase->text("person_id"));
            }
        }
        const QString author = item.value(QLatin1String("author")).toString();
        const QString authorName = item.value(QLatin1String("author_name")).toString();
        const QString reviewed = item.value(QLatin1String("reviewed_at")).toString();
        rows.push_back(QVariantMap{
            {QStringLiteral("changeId"), item.value(QLatin1String("change_id")).toString()},
            {QStringLiteral("recordType"), type},
            {QStringLiteral("recordId"), item.value(QLatin1String("record_id")).toString()},
            {QStringLiteral("title"), title},
            {QStringLiteral("caseId"), caseId},
            {QStringLiteral("reason"), item.value(QLatin1String("reason")).toString()},
            {QStringLiteral("why"), AlertListModel::heldWhy(item.value(QLatin1String("reason")).toString())},
            {QStringLiteral("author"), author == me ? tr("you")
                                       : !authorName.isEmpty() ? authorName
                                                               : tr("a colleague")},
            {QStringLiteral("receivedAt"), localTime(item.value(QLatin1String("received_at")).toString())},
            {QStringLiteral("reviewed"), reviewed.isEmpty() ? QString() : tr("kept held %1").arg(localTime(reviewed))}});
    }
    setRows(std::move(rows));
}

void HeldListModel::removeChange(const QString& changeId)
{
    std::vector<QVariantMap> rows;
    for (int i = 0; i < count(); ++i) {
        QVariantMap row = get(i);
        if (row.value(QStringLiteral("changeId")).toString() != changeId) {
            rows.push_back(std::move(row));
        }
    }
    setRows(std::move(rows));
}

} // namespace fieldbook::app
