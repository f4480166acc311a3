#include "models/caseloadmodel.h"

#include "jsonbridge.h"
#include "model/dates.h"
#include "models/casestatus.h"
#include "rules/rhythms.h"
#include "store/localstore.h"

#include <algorithm>
#include <map>

namespace fieldbook::app {

namespace {

QString dueStateName(DueState state)
{
    switch (state) {
    case DueState::Overdue:
        return QStringLiteral("overdue");
    case DueState::Due:
        return QStringLiteral("due");
    case DueState::Upcoming:
        return QStringLiteral("upcoming");
    }
    return {};
}

int urgency(const QString& state)
{
    if (state == QLatin1String("overdue")) {
        return 0;
    }
    if (state == QLatin1String("due")) {
        return 1;
    }
    if (state == QLatin1String("upcoming")) {
        return 2;
    }
    return 3;
}

} // namespace

CaseloadModel::CaseloadModel(QObject* parent) : QAbstractListModel(parent) {}

int CaseloadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CaseloadModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case CaseIdRole:
        return row.caseId;
    case PersonIdRole:
        return row.personId;
    case SubtitleRole:
        return row.subtitle;
    case DueTextRole:
        return row.dueText;
    case DueStateRole:
        return row.dueState;
    case ClearedRole:
        return row.cleared;
    case ClearanceTextRole:
        return row.clearanceText;
    case WaitingRole:
        return row.waiting;
    default:
        return {};
    }
}

QHash<int, QByteArray> CaseloadModel::roleNames() const
{
    return {{CaseIdRole, "caseId"},       {PersonIdRole, "personId"}, {NameRole, "name"},
            {SubtitleRole, "subtitle"},   {DueTextRole, "dueText"},   {DueStateRole, "dueState"},
            {ClearedRole, "cleared"},     {ClearanceTextRole, "clearanceText"},
            {WaitingRole, "waiting"}};
}

int CaseloadModel::overdueCount() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(),
                                          [](const Row& row) { return row.dueState == QLatin1String("overdue"); }));
}

void CaseloadModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

void CaseloadModel::reload(const LocalStore& store, const User& me, const Date& today)
{
    std::vector<std::string> caseIds;
    auto addCase = [&caseIds](const std::string& id) {
        if (!id.empty() && std::find(caseIds.begin(), caseIds.end(), id) == caseIds.end()) {
            caseIds.push_back(id);
        }
    };
    if (me.roles.has(fieldbook::Role::Practitioner)) {
        for (const Record& theCase : store.facts().recordsWhere("case", "practitioner_id", me.id)) {
            if (theCase.text("status") != "closed") {
                addCase(theCase.id);
            }
        }
    }
    if (me.roles.anyVolunteer()) {
        for (const Record& match : store.facts().recordsWhere("match", "volunteer", me.id)) {
            if (match.text("status") == "active") {
                addCase(match.text("case_id"));
            }
        }
    }

    // The most urgent item per case: dueForUser lists overdue first, then by date.
    std::map<std::string, DueItem> firstDue;
    for (DueItem& item : dueForUser(me, store.facts(), today)) {
        firstDue.try_emplace(item.caseId, std::move(item));
    }

    std::vector<Row> rows;
    for (const std::string& caseId : caseIds) {
        Row row;
        row.caseId = qs(caseId);
        const std::string personId = casePersonFor(store, me, caseId);
        row.personId = qs(personId);
        row.name = personName(store, personId);
        if (const auto theCase = store.record("case", caseId)) {
            row.subtitle = humanise(qs(theCase->text("stream")));
        }
        if (const auto person = store.record("person", personId)) {
            const QString relation = humanise(qs(person->text("kind")));
            row.subtitle = row.subtitle.isEmpty() ? relation : row.subtitle + QStringLiteral(" · ") + relation;
        }
        if (const auto due = firstDue.find(caseId); due != firstDue.end()) {
            row.dueText = qs(due->second.sentence);
            row.dueState = dueStateName(due->second.state);
            row.dueDate = qs(due->second.due.toString());
        }
        const ContactClearance clearance = contactClearance(store, me, caseId, personId, today);
        row.cleared = clearance.cleared;
        row.clearanceText = clearance.sentence;
        for (const Record& record : store.recordsOfCase(caseId)) {
            const RecordStatus status = store.status(record.type, record.id);
            if (status == RecordStatus::Pending) {
                ++row.waiting;
            }
        }
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (urgency(a.dueState) != urgency(b.dueState)) {
            return urgency(a.dueState) < urgency(b.dueState);
        }
        if (a.dueDate != b.dueDate) {
            return a.dueDate < b.dueDate;
        }
        return a.name.localeAwareCompare(b.name) < 0;
    });

    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

} // namespace fieldbook::app
