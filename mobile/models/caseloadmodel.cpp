#include "models/caseloadmodel.h"

#include "jsonbridge.h"
#include "model/dates.h"
#include "models/casestatus.h"
#include "rules/caseload.h"
#include "rules/rhythms.h"
#include "store/localstore.h"

#include <algorithm>
#include <optional>

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
    case DueState::Paused:
        return QStringLiteral("paused");
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
    if (state == QLatin1String("paused")) {
        return 3;
    }
    return 4;
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
    case PausedReasonRole:
        return row.pausedReason;
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
            {SubtitleRole, "subtitle"},   {DueTextRole, "dueText"},   {DueStateRole, "dueState"}, {PausedReasonRole, "pausedReason"},
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

void CaseloadModel::reload(const LocalStore& store, const User& me, const Date& today, int minuteOfDay)
{
    // Who is on the caseload is the core's rule; the list shows each open case once.
    std::vector<CaseloadEntry> entries;
    for (CaseloadEntry& entry : caseloadOf(me, store.facts())) {
        if (entry.open && !caseloadEntryFor(entries, entry.caseId)) {
            entries.push_back(std::move(entry));
        }
    }
    const std::vector<DueItem> due =
        dueForUser(me, store.facts(), today, minuteOfDay >= 0 ? minuteOfDay : minuteOfDayUtc());

    std::vector<Row> rows;
    for (const CaseloadEntry& entry : entries) {
        const std::string& caseId = entry.caseId;
        const std::string& personId = entry.personId;
        Row row;
        row.caseId = qs(caseId);
        row.personId = qs(personId);
        row.name = personName(store, personId);
        if (const auto theCase = store.record("case", caseId)) {
            row.subtitle = humanise(qs(theCase->text("stream")));
        }
        if (const auto person = store.record("person", personId)) {
            const QString relation = humanise(qs(person->text("kind")));
            row.subtitle = row.subtitle.isEmpty() ? relation : row.subtitle + QStringLiteral(" · ") + relation;
        }
        const ContactClearance clearance = contactClearance(store, me, caseId, personId, today);
        row.cleared = clearance.cleared;
        row.clearanceText = clearance.sentence;
        // The most urgent item of the case once the core has paused what the gate does not clear.
        const std::string notCleared = clearance.notClearedCode();
        std::optional<DueItem> first;
        for (const DueItem& item : due) {
            if (item.caseId != caseId) {
                continue;
            }
            DueItem shown = pausedUnlessCleared(item, personId, notCleared);
            if (!first || urgency(dueStateName(shown.state)) < urgency(dueStateName(first->state))
                || (shown.state == first->state && shown.due < first->due)) {
                first = std::move(shown);
            }
        }
        if (first) {
            row.dueText = qs(first->sentence);
            row.dueState = dueStateName(first->state);
            row.dueDate = qs(first->due.toString());
            row.pausedReason = first->pausedReason.empty() ? QString() : reasonShortText(first->pausedReason);
        }
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
