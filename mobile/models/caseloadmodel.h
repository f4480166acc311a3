// The caseload as a list: the open cases of the core's caseloadOf (a volunteer's active matches, a
// practitioner's cases), each with what is due next (the core's rhythms, paused by the core where
// contact is not cleared) and whether contact is cleared.
// Overdue first, then due, upcoming, paused; then by due date, then by name. GUI thread only.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace fieldbook {
struct Date;
struct User;
} // namespace fieldbook

namespace fieldbook::app {

class LocalStore;

class CaseloadModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The caseload belongs to AppController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countChanged)

public:
    enum Role {
        CaseIdRole = Qt::UserRole + 1,
        PersonIdRole,
        NameRole,
        SubtitleRole,
        DueTextRole,
        DueStateRole, // "overdue", "due", "upcoming", "paused" (contact not cleared), ""
        PausedReasonRole, // for a paused reminder: the core's short words for why ("consent withdrawn")
        ClearedRole,
        ClearanceTextRole,
        WaitingRole // records on this case not yet accepted by the server
    };

    explicit CaseloadModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    int overdueCount() const;

    // `minuteOfDay`: the time of day on `today` (the rota's evening flag), -1 for the wall clock.
    void reload(const LocalStore& store, const User& me, const Date& today, int minuteOfDay = -1);
    void clear();

signals:
    void countChanged();

private:
    struct Row
    {
        QString caseId;
        QString personId;
        QString name;
        QString subtitle;
        QString dueText;
        QString dueState;
        QString dueDate;
        QString pausedReason;
        bool cleared = false;
        QString clearanceText;
        int waiting = 0;
    };
    std::vector<Row> m_rows;
};

} // namespace fieldbook::app
