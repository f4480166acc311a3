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
    if (state == QLatin1String("quarantined")) {
        QString why;
        if (reason == QLatin1String("consent_missing")) {
            why = tr("consent to contact this person was not recorded");
        } else if (reason == QLatin1String("consent_withdrawn")) {
            why = tr("consent to contact this person had been withdrawn");
        } else if (reason == QLatin1String("protection_check_missing")) {
            why = tr("a public protection check was missing");
        } else if (reason == QLatin1String("restricted")) {
            why = tr("a public protection restriction covers this contact");
        } else if (reason == QLatin1String("vetting_invalid")) {
            why = tr("your DBS check or mandatory training was not valid on that day");
        } else if (reason == QLatin1String("after_ending")) {
            why = tr("it was within six months of the befriending ending");
        } else {
            why = humanise(reason).toLower();
        }
        return tr("Held for review: %1. The record is kept safely; your practitioner and the safeguarding "
                  "officer have been told. Talk to your coordinator before any further contact.")
            .arg(why);
    }
    if (reason == QLatin1String("forbidden")) {
        return tr("Not accepted: your role may not write this record on this case.");
    }
    if (reason.startsWith(QLatin1String("invalid:"))) {
        const QString field = reason.mid(8);
        QString label = humanise(field);
        if (const FormDefinition* form = FormRegistry::builtin().current(ss(recordType))) {
            if (const FieldDefinition* definition = form->field(ss(field))) {
                label = qs(definition->label);
            }
        }
        return tr("Not accepted: the server found a problem with “%1”.").arg(label);
    }
    if (reason == QLatin1String("too_large")) {
        return tr("Not accepted: the record is too large. Shorten the notes and record it again.");
    }
    if (reason == QLatin1String("unknown_record_type")) {
        return tr("Not accepted: the server does not know this kind of record. Update the app.");
    }
    return tr("Not accepted: %1").arg(humanise(reason));
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
