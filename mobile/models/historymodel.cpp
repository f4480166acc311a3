#include "models/historymodel.h"

#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "model/record.h"
#include "models/casestatus.h"
#include "store/localstore.h"

#include <algorithm>

namespace fieldbook::app {

namespace {

// Records that describe the case rather than happen on it are shown elsewhere on the case page.
bool isHistoryType(const std::string& type)
{
    return type != "case" && type != "match" && type != "clearance" && type != "person" && type != "relationship";
}

// The record's own date: the first date or instant field its form defines that is filled in.
QString recordDate(const Record& record, const FormDefinition* form)
{
    if (form) {
        for (const FieldDefinition& field : form->fields) {
            if (field.type == FieldType::Date || field.type == FieldType::Instant) {
                if (const std::string value = record.text(field.name); !value.empty()) {
                    return qs(value);
                }
            }
        }
    }
    return {};
}

QString summaryOf(const Record& record, const FormDefinition* form)
{
    QStringList parts;
    if (form) {
        for (const FieldDefinition& field : form->fields) {
            if (field.type == FieldType::Choice) {
                if (const std::string value = record.text(field.name); !value.empty()) {
                    parts << humanise(qs(value));
                }
            } else if (field.type == FieldType::Integer && field.name == "duration_minutes") {
                if (const auto* value = record.fields.if_contains(field.name); value && value->is_int64()) {
                    parts << QObject::tr("%1 min").arg(value->get_int64());
                }
            }
            if (parts.size() >= 3) {
                break;
            }
        }
    }
    return parts.join(QStringLiteral(" · "));
}

QString statusText(RecordStatus status)
{
    switch (status) {
    case RecordStatus::Synced:
        return QStringLiteral("synced");
    case RecordStatus::Pending:
        return QStringLiteral("waiting");
    case RecordStatus::Quarantined:
        return QStringLiteral("held");
    case RecordStatus::Rejected:
        return QStringLiteral("refused");
    }
    return {};
}

} // namespace

HistoryModel::HistoryModel(QObject* parent) : QAbstractListModel(parent) {}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case RecordIdRole:
        return row.recordId;
    case RecordTypeRole:
        return row.recordType;
    case DateRole:
        return row.date;
    case SummaryRole:
        return row.summary;
    case StatusRole:
        return row.status;
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    return {{RecordIdRole, "recordId"}, {RecordTypeRole, "recordType"}, {TitleRole, "title"},
            {DateRole, "date"},         {SummaryRole, "summary"},       {StatusRole, "status"}};
}

void HistoryModel::reload(const LocalStore& store, const std::string& caseId)
{
    std::vector<Row> rows;
    for (const Record& record : store.recordsOfCase(caseId)) {
        if (!isHistoryType(record.type)) {
            continue;
        }
        const FormDefinition* form = FormRegistry::builtin().find(record.type, record.formVersion);
        if (!form) {
            form = FormRegistry::builtin().current(record.type);
        }
        Row row;
        row.recordId = qs(record.id);
        row.recordType = qs(record.type);
        row.title = form ? qs(form->title) : humanise(row.recordType);
        const QString when = recordDate(record, form);
        row.date = when.left(10);
        row.summary = summaryOf(record, form);
        row.status = statusText(store.status(record.type, record.id));
        row.sortKey = when + QLatin1Char('|') + qs(record.hlc);
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.sortKey > b.sortKey; });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

} // namespace fieldbook::app
