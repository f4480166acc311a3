// A case's history: its form records, newest first, each with its title, date, a one-line summary
// and where it stands with the server (synced, waiting, held for review, not accepted).
// GUI thread only.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <vector>

namespace fieldbook::app {

class LocalStore;

class HistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A history belongs to a CaseController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { RecordIdRole = Qt::UserRole + 1, RecordTypeRole, TitleRole, DateRole, SummaryRole, StatusRole };

    explicit HistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }

    void reload(const LocalStore& store, const std::string& caseId);

signals:
    void countChanged();

private:
    struct Row
    {
        QString recordId;
        QString recordType;
        QString title;
        QString date;
        QString summary;
        QString status;
        QString sortKey;
    };
    std::vector<Row> m_rows;
};

} // namespace fieldbook::app
