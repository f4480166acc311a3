#include "models/problemlistmodel.h"

#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "models/casestatus.h"
#include "store/localstore.h"

namespace fieldbook::app {

ProblemListModel::ProblemListModel(QObject* parent) : QAbstractListModel(parent) {}

int ProblemListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ProblemListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case ChangeIdRole:
        return row.changeId;
    case StateRole:
        return row.state;
    case ReasonRole:
        return row.reason;
    case ExplanationRole:
        return row.explanation;
    case WhenRole:
        return row.when;
    case CaseIdRole:
        return row.caseId;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProblemListModel::roleNames() const
{
    return {{ChangeIdRole, "changeId"}, {TitleRole, "title"}, {StateRole, "state"}, {ReasonRole, "reason"},
            {ExplanationRole, "explanation"}, {WhenRole, "when"}, {CaseIdRole, "caseId"}};
}

QString ProblemListModel::explain(const QString& state, const QString& reason, const QString& recordType)
{
    // The reason in the core's words; the phone adds only what to do next and, for a field the
    // server refused, which field it was.
    QString text = reasonText(ss(reason));
    if (state == QLatin1String("quarantined")) {
        return tr("Held for review. %1 The record is kept safely; your practitioner and the safeguarding "
                  "officer have been told. Talk to your coordinator before any further contact.")
            .arg(text);
    }
    if (reason.startsWith(QLatin1String("invalid:"))) {
        const QString field = reason.mid(8);
        if (const FormDefinition* form = FormRegistry::builtin().current(ss(recordType))) {
            if (const FieldDefinition* definition = form->field(ss(field))) {
                text += QLatin1Char(' ') + tr("Field: “%1”.").arg(qs(definition->label));
            }
        }
    }
    return text;
}

void ProblemListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

void ProblemListModel::reload(const LocalStore& store)
{
    std::vector<Row> rows;
    for (const OutboxEntry& entry : store.problems()) {
        Row row;
        row.changeId = qs(entry.change.id);
        row.state = qs(entry.state);
        row.reason = qs(entry.reason);
        const QString type = qs(entry.change.recordType);
        const FormDefinition* form = FormRegistry::builtin().current(entry.change.recordType);
        row.title = form ? qs(form->title) : humanise(type);
        const auto* caseId = entry.change.fields.if_contains("case_id");
        row.caseId = caseId && caseId->is_string() ? qs(std::string(caseId->get_string())) : QString();
        const auto* personId = entry.change.fields.if_contains("person_id");
        if (personId && personId->is_string()) {
            row.title += QStringLiteral(" · ") + personName(store, std::string(personId->get_string()));
        }
        const auto* occurred = entry.change.fields.if_contains("occurred_at");
        row.when = occurred && occurred->is_string() ? qs(std::string(occurred->get_string())).left(10) : QString();
        row.explanation = explain(row.state, row.reason, type);
        rows.push_back(std::move(row));
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

} // namespace fieldbook::app
